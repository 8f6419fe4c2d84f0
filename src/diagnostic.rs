//! One diagnostic type for every stage of the pipeline.
//!
//! A profile mistake, a layout bug and an I/O failure all end up as a
//! [`Diagnostic`], so the CLI prints them the same way: `file:line:col`, the
//! source line with a caret, the key path, what was expected and a hint.

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use serde::{Deserialize, Serialize};

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
    pub message: String,
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
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            path: None,
            key_path: None,
            expected: None,
            hints: Vec::new(),
            needle: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
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

    /// Renders the diagnostic like a compiler does: header, `--> file:line:col`,
    /// the source line with a caret, then notes.
    ///
    /// Everything printed is made [`printable`]: a profile's values reach
    /// the terminal in messages and source lines, and must not be able to
    /// move the cursor or clear the screen. The source shown is an
    /// [`Excerpt`], never a copy of the whole file (a 1 MiB line would
    /// otherwise be printed, and copied, once per warning).
    pub fn render(&self, color: bool) -> String {
        let mut notes = Vec::new();
        if let Some(key) = &self.key_path {
            notes.push(format!("key: {}", printable(key)));
        }
        if let Some(expected) = &self.expected {
            notes.push(format!("expected: {}", printable(expected)));
        }
        notes.extend(self.hints.iter().map(|h| format!("hint: {}", printable(h))));

        let severity = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut message = printable(&self.message).into_owned();
        if self.location.is_none()
            && let Some(path) = &self.path
        {
            message = format!("{}: {message}", printable(path));
        }
        let excerpt = match &self.location {
            Some(loc) => Excerpt::new(&loc.file, &loc.span),
            None => Excerpt::default(),
        };
        let mut diag = cs::Diagnostic::new(severity)
            .with_message(message)
            .with_notes(notes);
        if self.location.is_some() {
            diag = diag.with_labels(vec![cs::Label::primary((), excerpt.span.clone())]);
        }

        let mut buffer = if color {
            term::termcolor::Buffer::ansi()
        } else {
            term::termcolor::Buffer::no_color()
        };
        let config = term::Config::default();
        if term::emit_to_write_style(&mut buffer, &config, &excerpt, &diag).is_err() {
            return format!("{}\n", printable(&self.to_string()));
        }
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }
}

/// The few lines of a file a diagnostic shows: the lines of its span (at
/// most [`EXCERPT_LINES`]), or for a long line a window of it around the
/// span, made printable. Line and column numbers are the file's own.
#[derive(Default)]
struct Excerpt {
    name: String,
    text: String,
    /// The span, in `text`.
    span: Range<usize>,
    /// The file's line number of the excerpt's first line, 0-based.
    first_line: usize,
    /// Characters of the first line cut before the window.
    cut: usize,
    /// Where each line of `text` starts.
    starts: Vec<usize>,
}

/// At most this many lines of a multi-line span are shown.
const EXCERPT_LINES: usize = 4;
/// A longer line is shown as a window of this many characters.
const EXCERPT_WIDTH: usize = 160;

impl Excerpt {
    fn new(file: &SourceFile, span: &Range<usize>) -> Self {
        let text = &file.text;
        let span = clamp_span(text, span);
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let first_line = text[..line_start].matches('\n').count();
        // The lines the span touches, at most EXCERPT_LINES of them.
        let mut end = span.end.max(span.start);
        let mut lines = 0;
        let mut at = line_start;
        loop {
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            lines += 1;
            if line_end >= end || lines == EXCERPT_LINES || line_end == text.len() {
                end = line_end;
                break;
            }
            at = line_end + 1;
        }
        let mut window = line_start..end;
        let mut cut = 0;
        if text[window.clone()].chars().count() > EXCERPT_WIDTH * 2
            || lines > 1 && end - line_start > EXCERPT_WIDTH * EXCERPT_LINES
        {
            // One window of the span's first line, starting a little before it.
            let first_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            let before: Vec<(usize, char)> = text[line_start..span.start].char_indices().collect();
            let lead = before.len().saturating_sub(EXCERPT_WIDTH / 3);
            let start = before.get(lead).map_or(span.start, |(i, _)| line_start + i);
            cut = lead;
            let stop = text[start..first_end]
                .char_indices()
                .nth(EXCERPT_WIDTH)
                .map_or(first_end, |(i, _)| start + i);
            window = start..stop;
        }
        let (shown, mapped) = printable_mapped(
            &text[window.clone()],
            span.start.saturating_sub(window.start),
            span.end.min(window.end).saturating_sub(window.start),
        );
        let mut starts = vec![0];
        starts.extend(shown.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            name: printable(&file.name).into_owned(),
            text: shown,
            span: mapped,
            first_line,
            cut,
            starts,
        }
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    fn line_index(
        &'a self,
        (): (),
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self
            .starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1))
    }

    fn line_number(
        &'a self,
        (): (),
        line: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.first_line + line + 1)
    }

    fn column_number(
        &'a self,
        (): (),
        line: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let start = self.starts.get(line).copied().unwrap_or(0);
        let before = self
            .text
            .get(start..byte.max(start))
            .map_or(0, |t| t.chars().count());
        Ok(before + 1 + if line == 0 { self.cut } else { 0 })
    }

    fn line_range(
        &'a self,
        (): (),
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let start =
            *self
                .starts
                .get(line)
                .ok_or(codespan_reporting::files::Error::LineTooLarge {
                    given: line,
                    max: self.starts.len(),
                })?;
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next);
        Ok(start..end)
    }
}

/// `text` with every control character replaced by one that shows it
/// (`␛` for ESC, `�` for the rest), so that nothing a profile says can
/// steer the terminal: clear it, move the cursor, or fake a "✓". Tabs and
/// line breaks stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(shown_as).collect())
}

/// [`printable`], carrying the byte range `start..end` of `text` over to
/// the result.
fn printable_mapped(text: &str, start: usize, end: usize) -> (String, Range<usize>) {
    let mut shown = String::with_capacity(text.len());
    let (mut new_start, mut new_end) = (None, None);
    for (i, c) in text.char_indices() {
        if i >= start && new_start.is_none() {
            new_start = Some(shown.len());
        }
        if i >= end && new_end.is_none() {
            new_end = Some(shown.len());
        }
        shown.push(shown_as(c));
    }
    let new_start = new_start.unwrap_or(shown.len());
    let new_end = new_end.unwrap_or(shown.len()).max(new_start);
    (shown, new_start..new_end)
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn shown_as(c: char) -> char {
    match c {
        c if !is_control(c) => c,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// At most [`limits::REPEATS`] diagnostics of each kind, then one line
/// counting the rest: 10,000 unknown tags are one mistake made 10,000
/// times, and printing each would bury everything else. A kind is the
/// message with its quoted names and numbers left out.
pub fn capped(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut seen: std::collections::HashMap<(bool, String), usize> =
        std::collections::HashMap::new();
    let mut shown = Vec::new();
    let mut order = Vec::new();
    for d in diagnostics {
        let kind = (d.is_error(), shape(&d.message));
        let n = seen.entry(kind.clone()).or_insert(0);
        *n += 1;
        if *n <= crate::limits::REPEATS {
            shown.push(d.clone());
        } else if *n == crate::limits::REPEATS + 1 {
            order.push((kind, d.severity));
        }
    }
    for (kind, severity) in order {
        let more = seen[&kind] - crate::limits::REPEATS;
        shown.push(Diagnostic {
            severity,
            ..Diagnostic::error(format!("… and {} more like “{}”", thousands(more), kind.1))
        });
    }
    shown
}

/// A message without its quoted parts and numbers: what stays the same
/// when one mistake repeats.
fn shape(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = None;
    for c in message.chars() {
        match quoted {
            Some(close) if c == close => {
                out.push(c);
                quoted = None;
            }
            Some(_) => {}
            None => {
                if let Some(close) = match c {
                    '`' => Some('`'),
                    '"' => Some('"'),
                    '“' => Some('”'),
                    _ => None,
                } {
                    out.push(c);
                    quoted = Some(close);
                } else if !c.is_ascii_digit() {
                    out.push(c);
                }
            }
        }
    }
    printable(&out).chars().take(120).collect()
}

/// Keeps a span inside the text and on character boundaries, so that
/// rendering never panics on an odd span.
fn clamp_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// 9950 → "9,950".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        write!(f, "{level}: {}", printable(&self.message))?;
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
        let diag = Diagnostic::error("unknown key `titel`")
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
