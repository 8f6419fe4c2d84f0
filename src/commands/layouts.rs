//! `vitae layouts [NAME]`: the built-in layouts, or one layout's options.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::diagnostic::{Code, Diagnostic};
use crate::layout::Layout;
use crate::theme;

pub fn run(name: Option<&str>, _term: &Terminal) -> anyhow::Result<ExitCode> {
    match name {
        None => list(),
        Some(name) => {
            let layout = Layout::resolve(name).map_err(|d| Failure::usage([d]))?;
            show(&layout);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `vitae layouts eject NAME [DIR]`: the built-in layout's files, copied
/// into a new folder (or an empty one), ready for `--layout DIR`. Nothing
/// that exists is overwritten.
pub fn eject(name: &str, dir: Option<&Path>, term: &Terminal) -> anyhow::Result<ExitCode> {
    let Some(files) = Layout::builtin_files(name).filter(|_| Layout::builtin(name).is_some())
    else {
        return Err(Failure::usage([Layout::unknown(name)]).into());
    };
    let dir = dir.map_or_else(|| PathBuf::from(name), Path::to_path_buf);
    let occupied = std::fs::read_dir(&dir).map(|mut d| d.next().is_some());
    if dir.exists() && !matches!(occupied, Ok(false)) {
        return Err(Failure::failed([Diagnostic::error(
            Code::FileExists,
            format!(
                "`{}` already exists and is not an empty folder: nothing was written",
                dir.display()
            ),
        )
        .hint("name a new folder: `vitae layouts eject NAME DIR`")])
        .into());
    }
    for (relative, bytes) in &files {
        let path = dir.join(relative);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes));
        if let Err(e) = written {
            let message = format!("cannot write `{}`: {e}", path.display());
            return Err(Failure::failed([Diagnostic::error(Code::WriteFailed, message)]).into());
        }
    }
    // A bare name would be read as a built-in layout: show it as a path.
    let shown = match dir.is_absolute() || dir.starts_with(".") {
        true => dir.display().to_string(),
        false => format!("./{}", dir.display()),
    };
    let shown = crate::diagnostic::printable(&shown);
    eprintln!(
        "{} `{name}` → {shown}/ ({} files). Change it, then: vitae render me.toml --layout {shown}/",
        term.paint("32", "ejected"),
        files.len()
    );
    eprintln!("  {shown}/README.md explains the data and helpers a layout gets.");
    Ok(ExitCode::SUCCESS)
}

/// Each built-in layout: its name and what it looks like, then the kind
/// of CV it suits.
fn list() {
    let mut stdout = std::io::stdout().lock();
    let names = Layout::builtin_names();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
    for name in names {
        if let Some(layout) = Layout::builtin(name) {
            let _ = writeln!(stdout, "{name:width$}  {}", layout.manifest.description);
            if let Some(suits) = &layout.manifest.suits {
                let _ = writeln!(stdout, "{:width$}  suits: {suits}", "");
            }
        }
    }
    let _ = writeln!(
        stdout,
        "\n`vitae layouts NAME` shows a layout's theme options; `--layout NAME` renders with it."
    );
}

/// A layout's description and every theme option it takes, with defaults.
/// A user layout's `layout.toml` is text someone else wrote: it is printed
/// without its control characters.
fn show(layout: &Layout) {
    use std::fmt::Write as _;
    let mut text = String::new();
    let _ = writeln!(text, "{} — {}", layout.name(), layout.manifest.description);
    if let Some(suits) = &layout.manifest.suits {
        let _ = writeln!(text, "suits: {suits}");
    }
    let _ = writeln!(
        text,
        "\ntheme options (set in [theme] or with --theme key=value):"
    );
    for (key, spec) in &layout.manifest.options {
        let allowed = if spec.values.is_empty() {
            String::new()
        } else {
            format!(" ({})", spec.values.join(", "))
        };
        let _ = writeln!(
            text,
            "  {key:14} default {}{allowed}\n  {:14} {}",
            spec.default, "", spec.description
        );
    }
    for (key, description) in theme::UNIVERSAL {
        let _ = writeln!(text, "  {key:14} {description}");
    }
    let _ = std::io::stdout().write_all(crate::diagnostic::printable(&text).as_bytes());
}
