//! Where messages go: stderr for people, with colour only when asked or on
//! a terminal; stdout for programs (`--message-format json|github`).

use std::io::{IsTerminal, Write};

use crate::cli::{ColorChoice, MessageFormat};
use crate::diagnostic::{self, Diagnostic};

/// Writes messages to stderr, with colour only when asked, and diagnostics
/// in the format asked for.
pub struct Terminal {
    pub color: bool,
    pub messages: MessageFormat,
    /// Set when the output itself goes to stdout (`-o -`): machine-readable
    /// diagnostics then go to stderr, so they never mix into a PDF.
    pub stdout_taken: std::cell::Cell<bool>,
}

impl Terminal {
    pub fn new(choice: ColorChoice, messages: MessageFormat) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto_color(std::io::stderr().is_terminal(), |key| {
                std::env::var_os(key).map(|v| v.to_string_lossy().into_owned())
            }),
        };
        Self {
            color,
            messages,
            stdout_taken: std::cell::Cell::new(false),
        }
    }

    /// Whether diagnostics are for a program: then they go to stdout, one
    /// line each, and nothing else is printed there.
    pub fn machine(&self) -> bool {
        self.messages != MessageFormat::Human
    }

    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        self.job_diagnostics(None, diagnostics);
    }

    /// Diagnostics of one job (`job` names its profile and variant). At
    /// most [`crate::limits::REPEATS`] of each kind, then a line counting
    /// the rest, in every format: 10,000 unknown tags are one mistake.
    pub fn job_diagnostics(&self, job: Option<&str>, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let text = self.format(job, diagnostics);
        let _ = match self.machine() && !self.stdout_taken.get() {
            true => std::io::stdout().lock().write_all(text.as_bytes()),
            false => std::io::stderr().lock().write_all(text.as_bytes()),
        };
    }

    /// The text [`Terminal::job_diagnostics`] writes.
    pub fn format(&self, job: Option<&str>, diagnostics: &[Diagnostic]) -> String {
        let prefix = job.map(|j| format!("{}: ", diagnostic::printable(j)));
        let mut text = String::new();
        for d in &diagnostic::capped(diagnostics) {
            match self.messages {
                MessageFormat::Human => {
                    text.push_str(prefix.as_deref().unwrap_or_default());
                    text.push_str(&d.render(self.color));
                }
                MessageFormat::Json => text.push_str(&(d.to_json_line(job) + "\n")),
                MessageFormat::Github => text.push_str(&(d.to_github_line() + "\n")),
            }
        }
        text
    }

    /// `text` in an ANSI style (`31;1` is bold red), when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Whether `--color auto` means colour, by the conventions terminal tools
/// share, strongest first:
/// - `NO_COLOR` set to anything but the empty string: never (no-color.org;
///   an empty `NO_COLOR=` is as good as unset);
/// - `CLICOLOR_FORCE` set and not `0`: always, even into a pipe or file;
/// - `CLICOLOR=0`, or `TERM=dumb`: never;
/// - otherwise: when stderr is a terminal.
///
/// `--color always` and `--color never` override all of these.
fn auto_color(is_terminal: bool, env: impl Fn(&str) -> Option<String>) -> bool {
    let set = |key: &str| env(key).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    if env("CLICOLOR").as_deref() == Some("0") || env("TERM").as_deref() == Some("dumb") {
        return false;
    }
    is_terminal
}

#[cfg(test)]
mod tests {
    use super::auto_color;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |key| vars.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// On a terminal, the environment, and whether that means colour.
    type Case = (bool, &'static [(&'static str, &'static str)], bool);

    #[test]
    fn colour_follows_the_terminal_conventions() {
        let cases: [Case; 11] = [
            (true, &[], true),
            (false, &[], false),
            (true, &[("NO_COLOR", "1")], false),
            (true, &[("NO_COLOR", "")], true),
            (true, &[("CLICOLOR", "0")], false),
            (true, &[("CLICOLOR", "1")], true),
            (true, &[("TERM", "dumb")], false),
            (false, &[("CLICOLOR_FORCE", "1")], true),
            (false, &[("CLICOLOR_FORCE", "0")], false),
            (false, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
            (true, &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")], true),
        ];
        for (terminal, vars, expected) in cases {
            assert_eq!(
                auto_color(terminal, with(vars)),
                expected,
                "{terminal} {vars:?}"
            );
        }
    }
}
