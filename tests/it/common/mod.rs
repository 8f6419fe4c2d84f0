//! Helpers shared by the integration tests: running the binary, throwaway
//! folders ([`Sandbox`]), reading PDFs with poppler's tools, and listing the
//! facts of a profile.
//!
//! Every `vitae::` library path the tests need is named in [`api`] and
//! nowhere else, so that moving a module in `src/` means editing one file here.

pub mod api;
mod facts;
pub mod generate;
mod pdf;
mod sandbox;

use std::path::PathBuf;
use std::process::{Command, Output};

pub use facts::assert_facts_in_text;
pub use pdf::{pdf_fonts, pdf_info, pdf_pages, pdf_text, pdf_xmp};
pub use sandbox::{Sandbox, person};

/// The `vitae` binary built for these tests, with a plain, reproducible
/// environment: no colour, no `SOURCE_DATE_EPOCH` and no terminal size from
/// the caller. All of it is set on the child only: the tests share one
/// process, whose own environment is never touched.
pub fn vitae() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vitae"));
    command
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("COLUMNS")
        .env_remove("LINES");
    command
}

/// Runs `vitae` in the repository (so `profiles/…` arguments resolve).
pub fn run(args: &[&str]) -> Run {
    Run::of(vitae().current_dir(repo()).args(args))
}

/// What a run of the binary left behind: exit code, stdout, stderr.
#[derive(Debug)]
pub struct Run {
    /// `None` when the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn of(command: &mut Command) -> Self {
        Self::from(command.output().expect("the vitae binary runs"))
    }

    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Asserts the run succeeded; the failure message is its stderr.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert!(self.success(), "{}", self.stderr);
        self
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository as an argument that works from any folder.
pub fn repo_file(relative: &str) -> String {
    repo().join(relative).to_str().unwrap().to_string()
}

/// An example profile from `profiles/`, by its stem, as an absolute path.
pub fn example(stem: &str) -> String {
    repo_file(&format!("profiles/{stem}.toml"))
}

/// The text of an example profile, by its stem.
pub fn example_text(stem: &str) -> String {
    std::fs::read_to_string(example(stem)).unwrap()
}

/// The profile text with its `locale` set to `locale`.
pub fn in_locale(text: &str, locale: &str) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("locale ="))
        .collect();
    format!("locale = \"{locale}\"\n{}\n", kept.join("\n"))
}

/// The example profiles shipped in `profiles/`.
pub fn example_profiles() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(repo().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    assert!(
        found.len() >= 3,
        "profiles/ should hold at least three examples"
    );
    found
}

/// Text compared without any whitespace, so that line wrapping in the PDF
/// (and the no-break spaces vitae sets) does not matter, with every quote
/// mark as `"` and the en dash as `-`: vitae typesets quotes and dashes
/// per locale, and the coverage proof compares them so too (`fold` in
/// src/proof/coverage.rs).
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\'' | '‘' | '’' | '‚' | '‹' | '›' | '“' | '”' | '„' | '«' | '»' => {
                '"'
            }
            '–' => '-',
            c => c,
        })
        .collect()
}

/// Modification time, to prove a file was not rewritten.
pub fn mtime(path: impl AsRef<std::path::Path>) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Renders `text` as a profile, named by its absolute path so that the
/// message is seen to name the file in full; returns (exit code, stderr with
/// the folder shown as `DIR`, whether a PDF appeared).
pub fn fail(text: &str) -> (i32, String, bool) {
    let dir = Sandbox::new().profile("me.toml", text);
    let output = dir.run(&["render", &dir.arg("me.toml")]);
    (
        output.code.unwrap_or(-1),
        output.stderr.replace(dir.path().to_str().unwrap(), "DIR"),
        dir.exists("me.pdf"),
    )
}
