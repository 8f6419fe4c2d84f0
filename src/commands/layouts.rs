//! `vitae layouts [NAME]`: the built-in layouts, or one layout's options.

use std::io::Write;
use std::process::ExitCode;

use super::{Failure, Terminal};
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
