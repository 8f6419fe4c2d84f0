//! Where messages go: stderr, with colour only when asked or on a terminal.

use std::io::{IsTerminal, Write};

use crate::cli::ColorChoice;
use crate::diagnostic::{self, Diagnostic};

/// Writes messages to stderr, with colour only when asked.
pub struct Terminal {
    pub color: bool,
}

impl Terminal {
    pub fn new(choice: ColorChoice) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Self { color }
    }

    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let mut stderr = std::io::stderr().lock();
        for d in &diagnostic::capped(diagnostics) {
            let _ = stderr.write_all(d.render(self.color).as_bytes());
        }
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
