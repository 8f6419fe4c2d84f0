//! How finished jobs are told to the user: one line each (or a progress
//! bar on a terminal), warnings and errors in full, and a closing summary.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use super::Terminal;
use crate::batch::{Mode, Outcome, Report};
use crate::diagnostic::printable;
use crate::output::WriteOutcome;

/// A bar on a terminal for batches; plain lines otherwise (CI logs, and
/// when stdout carries machine-readable diagnostics).
pub fn progress_bar(total: usize, quiet: bool, out: &Terminal) -> Option<ProgressBar> {
    if total < 2 || quiet || out.machine() || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total as u64);
    let style =
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} profiles  {elapsed}")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

#[derive(Default)]
pub struct Tally {
    pub written: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub stale: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn summary(&self, mode: Mode, seconds: f64, out: &Terminal) -> String {
        let failed = if self.failed > 0 {
            out.paint("31;1", &format!("{} failed", self.failed))
        } else {
            "0 failed".into()
        };
        let warnings = if self.warnings > 0 {
            format!(", {}", count(self.warnings, "warning"))
        } else {
            String::new()
        };
        match mode {
            Mode::Write => format!(
                "rendered {}, unchanged {}, {failed}{warnings} in {seconds:.2} s",
                self.written, self.unchanged
            ),
            Mode::Check => {
                let stale = if self.stale > 0 {
                    out.paint("31;1", &format!("{} stale", self.stale))
                } else {
                    "0 stale".into()
                };
                format!(
                    "checked {}: {} up to date, {stale}, {failed}{warnings} in {seconds:.2} s",
                    self.written + self.unchanged + self.stale + self.failed,
                    self.unchanged,
                )
            }
        }
    }
}

/// "1 warning", "2 warnings".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The lines to print for one finished job, and its count in the tally.
pub fn describe(report: &Report, out: &Terminal, quiet: bool, tally: &mut Tally) -> Vec<String> {
    let mut lines = Vec::new();
    let name = report.job.name();
    let profile = printable(&name).into_owned();
    tally.warnings += report.warnings.len();
    if out.machine() {
        out.job_diagnostics(Some(&name), &report.warnings);
    } else if !quiet {
        lines.push(out.format(Some(&name), &report.warnings));
    }
    match &report.outcome {
        Outcome::Failed(errors) => {
            tally.failed += 1;
            lines.push(format!("{} {profile}\n", out.paint("31;1", "✗ failed")));
            if out.machine() {
                out.job_diagnostics(Some(&name), errors);
            } else {
                lines.push(out.format(None, errors));
            }
        }
        Outcome::Stale(paths) => {
            tally.stale += 1;
            for path in paths {
                let what = if path.exists() { "stale" } else { "missing" };
                lines.push(format!(
                    "{} {} (from {profile})\n",
                    out.paint("33;1", what),
                    printable(&path.display().to_string())
                ));
            }
        }
        Outcome::UpToDate => {
            tally.unchanged += 1;
            if !quiet {
                lines.push(format!("{} {profile}\n", out.paint("32", "up to date")));
            }
        }
        Outcome::Written {
            files,
            pages,
            fitted,
        } => {
            let changed = files.iter().any(|(_, o)| *o != WriteOutcome::Unchanged);
            if changed {
                tally.written += 1
            } else {
                tally.unchanged += 1
            }
            if !quiet {
                let fitted = fitted.as_deref().map(printable);
                let note = match changed {
                    true => written_note(*pages, fitted.as_deref(), report.elapsed.as_millis()),
                    false => "unchanged".into(),
                };
                let first = files
                    .first()
                    .map(|(p, _)| printable(&p.display().to_string()).into_owned())
                    .unwrap_or_default()
                    + &other_formats(files);
                let state = match changed {
                    true => out.paint("32", "✓"),
                    false => "=".to_string(),
                };
                lines.push(format!("{state} {profile} → {first} ({note})\n"));
            }
        }
    }
    lines
}

/// " (+ .md, .txt)" after the first file, when a run wrote several formats.
fn other_formats(files: &[(std::path::PathBuf, WriteOutcome)]) -> String {
    let first = files.first().and_then(|(p, _)| p.extension());
    let mut others: Vec<String> = Vec::new();
    for (path, _) in files {
        if let Some(ext) = path.extension().filter(|e| Some(*e) != first) {
            let ext = format!(".{}", ext.to_string_lossy());
            if !others.contains(&ext) {
                others.push(ext);
            }
        }
    }
    match others.is_empty() {
        true => String::new(),
        false => format!(" (+ {})", printable(&others.join(", "))),
    }
}

/// "2 pages, fitted to 1 page: spacing 70 %, 12 ms".
fn written_note(pages: usize, fitted: Option<&str>, ms: u128) -> String {
    let fitted = fitted.map(|f| format!(", {f}")).unwrap_or_default();
    format!(
        "{pages} page{}{fitted}, {ms} ms",
        if pages == 1 { "" } else { "s" }
    )
}
