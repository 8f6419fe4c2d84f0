//! One diagnostic type for every stage of the pipeline.
//!
//! A profile mistake, a layout bug and an I/O failure all end up as a
//! [`Diagnostic`], so the CLI prints them the same way: `file:line:col`, the
//! source line with a caret, the key path, what was expected and a hint.

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod code;
mod excerpt;
mod machine;
mod printable;

pub use code::Code;
pub use printable::{capped, printable, thin};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// A text file a diagnostic can point into (a profile or a layout source).
#[derive(Debug, Serialize, Deserialize)]
pub struct SourceFile {
    /// The name shown to the user, usually the path as they typed it.
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.into(),
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Where in a file a diagnostic points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Location {
    pub file: Arc<SourceFile>,
    pub span: Range<usize>,
}

/// A problem found by vitae, with everything needed to fix it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable code of this kind of problem (`V0012 unknown-key`).
    pub code: Code,
    pub message: Box<str>,
    /// The file (and byte range) at fault, when there is one.
    pub location: Option<Box<Location>>,
    /// A plain file name when there is a file but no source text to show
    /// (unreadable files, outputs).
    pub path: Option<Box<str>>,
    /// The profile key at fault, e.g. `work[2].highlights[0]`.
    pub key_path: Option<Box<str>>,
    /// What was expected, e.g. "a date like \"2022\", \"2022-10\" or \"present\"".
    pub expected: Option<Box<str>>,
    /// Suggestions, e.g. "did you mean `title`?".
    pub hints: Vec<String>,
    /// Text to look for in the profile, for a diagnostic made where the
    /// profile's spans are not at hand (a dropped link, an unknown font):
    /// [`Diagnostic::locate`] points it at the first place that text is.
    #[serde(skip)]
    pub needle: Option<Box<str>>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into().into(),
            location: None,
            path: None,
            key_path: None,
            expected: None,
            hints: Vec::new(),
            needle: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    pub fn at(mut self, file: &Arc<SourceFile>, span: Range<usize>) -> Self {
        self.location = Some(Box::new(Location {
            file: file.clone(),
            span,
        }));
        self
    }

    pub fn in_file(mut self, path: &Path) -> Self {
        self.path = Some(path.display().to_string().into());
        self
    }

    pub fn key(mut self, key_path: impl Into<String>) -> Self {
        let key_path = key_path.into();
        if !key_path.is_empty() {
            self.key_path = Some(key_path.into());
        }
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into().into());
        self
    }

    /// Asks for this diagnostic to be located at `text` in the profile.
    pub fn find(mut self, text: impl Into<String>) -> Self {
        self.needle = Some(text.into().into());
        self
    }

    /// Points a diagnostic made with [`Diagnostic::find`] at the first
    /// place its text is written in `file`, if it has no location yet.
    pub fn locate(mut self, file: &Arc<SourceFile>) -> Self {
        if self.location.is_none()
            && let Some(needle) = self.needle.take()
            && !needle.is_empty()
            && let Some(start) = file.text.find(&*needle)
        {
            self = self.at(file, start..start + needle.len());
        }
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Adds "did you mean `…`?" when one of `candidates` is close to `name`.
    pub fn suggest<'a>(self, name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match closest(name, candidates) {
            Some(best) => self.hint(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just the file) for one-line summaries.
    pub fn position(&self) -> Option<String> {
        if let Some(loc) = &self.location {
            let (line, col) = loc.file.line_col(loc.span.start);
            Some(format!("{}:{line}:{col}", loc.file.name))
        } else {
            self.path.as_deref().map(str::to_string)
        }
    }
}

impl fmt::Display for Diagnostic {
    /// The one-line form: `file:line:col: error: message (key …; hint …)`,
    /// made [`printable`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = self.position() {
            write!(f, "{}: ", printable(&position))?;
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level}[{}]: {}",
            self.code.id(),
            printable(&self.message)
        )?;
        if let Some(key) = &self.key_path {
            write!(f, " [key: {}]", printable(key))?;
        }
        if let Some(expected) = &self.expected {
            write!(f, " [expected: {}]", printable(expected))?;
        }
        for hint in &self.hints {
            write!(f, " [hint: {}]", printable(hint))?;
        }
        Ok(())
    }
}

/// The closest candidate to a misspelt name, if any is close enough to be a
/// plausible typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&name, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A list of names as "`a`, `b` or `c`", for "expected" notes.
pub fn one_of<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("x.toml", "a = 1\nné = \"é\"\n");
        assert_eq!(file.line_col(0), (1, 1));
        let offset = file.text.find('=').unwrap();
        assert_eq!(file.line_col(offset), (1, 3));
        let second = file.text.rfind('=').unwrap();
        assert_eq!(file.line_col(second), (2, 4));
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["title", "name", "summary"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("summry", keys), Some("summary"));
        assert_eq!(closest("zzz", keys), None);
    }

    #[test]
    fn renders_position_key_and_hint() {
        let file = SourceFile::new("me.toml", "[basics]\ntitel = \"x\"\n");
        let diag = Diagnostic::error(Code::UnknownKey, "unknown key `titel`")
            .at(&file, 9..14)
            .key("basics.titel")
            .hint("did you mean `title`?");
        let text = diag.render(false);
        assert!(text.contains("me.toml:2:1"), "{text}");
        assert!(text.contains("key: basics.titel"), "{text}");
        assert!(text.contains("hint: did you mean `title`?"), "{text}");
        assert_eq!(diag.position().unwrap(), "me.toml:2:1");
        assert!(std::mem::size_of::<Diagnostic>() <= 128);
    }
}
