//! Shell completion that knows vitae's values, not only its flags.
//!
//! The script `vitae completions SHELL` prints asks vitae itself at every
//! Tab (clap_complete's dynamic engine, through `VITAE_COMPLETE`), so it can
//! offer what only vitae knows: the built-in layouts, the `--theme` options
//! and their choices, and the variants of the profiles already on the line.

use std::ffi::OsStr;
use std::path::Path;

use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};

use crate::layout::{Layout, OptionKind};
use crate::theme::UNIVERSAL;
use crate::variant::Outline;

/// The environment variable the completion script sets when it calls vitae.
pub const ENV: &str = "VITAE_COMPLETE";

/// Answers a completion request and exits, when vitae was started by the
/// completion script; returns at once otherwise.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(<crate::cli::Cli as clap::CommandFactory>::command)
        .var(ENV)
        .complete();
}

/// The script that hooks vitae's completion into `shell`. It calls `vitae`
/// from the PATH.
pub fn registration(shell: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let shells = clap_complete::env::Shells::builtins();
    let Some(completer) = shells.completer(shell) else {
        return Err(std::io::Error::other(format!("no completion for {shell}")));
    };
    completer.write_registration(ENV, "vitae", "vitae", "vitae", out)
}

/// `--layout`: the built-in layouts (with their descriptions), then folders.
pub fn layouts(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut candidates = builtin_layouts(current);
    candidates.extend(PathCompleter::dir().complete(current));
    candidates
}

/// `layouts NAME`, `layouts eject NAME`: the built-in layouts only.
pub fn builtin_layouts(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    Layout::builtin_names()
        .into_iter()
        .filter(|name| name.starts_with(&*typed))
        .filter_map(Layout::builtin)
        .map(|layout| {
            CompletionCandidate::new(layout.name().to_string())
                .help(Some(layout.manifest.description.clone().into()))
        })
        .collect()
}

/// `--theme`: `key=` for every option of every built-in layout, then, after
/// the `=`, the choices of a choice option (or `true`/`false`).
pub fn theme(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let layouts: Vec<Layout> = Layout::builtin_names()
        .into_iter()
        .filter_map(Layout::builtin)
        .collect();
    if let Some((key, value)) = typed.split_once('=') {
        let mut values: Vec<String> = Vec::new();
        for layout in &layouts {
            if let Some(spec) = layout.manifest.options.get(key) {
                match spec.kind {
                    OptionKind::Choice => values.extend(spec.values.iter().cloned()),
                    OptionKind::Bool => values.extend(["true".into(), "false".into()]),
                    _ => {}
                }
            }
        }
        if key == "date_format" {
            values.extend(crate::dates::DateStyle::NAMES.map(String::from));
        }
        values.sort();
        values.dedup();
        return values
            .into_iter()
            .filter(|v| v.starts_with(value))
            .map(|v| CompletionCandidate::new(format!("{key}={v}")))
            .collect();
    }
    let mut keys: Vec<(String, String)> = UNIVERSAL
        .iter()
        .map(|(k, d)| ((*k).to_string(), (*d).to_string()))
        .collect();
    for layout in &layouts {
        for (key, spec) in &layout.manifest.options {
            keys.push((key.clone(), spec.description.clone()));
        }
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys.dedup_by(|a, b| a.0 == b.0);
    keys.into_iter()
        .filter(|(k, _)| k.starts_with(&*typed))
        .map(|(k, help)| CompletionCandidate::new(format!("{k}=")).help(Some(help.into())))
        .collect()
}

/// `--variant`: the `[[variants]]` names of the profiles on the command line.
pub fn variants(current: &OsStr) -> Vec<CompletionCandidate> {
    names_on_the_line(current, |outline| {
        outline.variants.into_iter().map(|v| v.name).collect()
    })
}

/// `--letter`: the letters of the profiles already on the line.
pub fn letters(current: &OsStr) -> Vec<CompletionCandidate> {
    names_on_the_line(current, |outline| {
        outline.letters.into_iter().map(|l| l.name).collect()
    })
}

/// The names `of` finds in each profile on the line, that start as typed.
fn names_on_the_line(
    current: &OsStr,
    of: impl Fn(Outline) -> Vec<String>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    // The completion script passes the whole line after `--`.
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let mut names: Vec<String> = words
        .iter()
        .filter(|w| w.ends_with(".toml") && Path::new(w).is_file())
        .flat_map(|w| of(Outline::of(Path::new(w))))
        .filter(|name| name.starts_with(&*typed))
        .collect();
    names.sort();
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}
