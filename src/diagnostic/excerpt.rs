//! How a diagnostic is shown: like a compiler's, with a few lines of the
//! file and a caret, everything made printable.

use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term;

use super::printable::{printable, shown_as};
use super::{Diagnostic, Severity, SourceFile, floor_char_boundary};

impl Diagnostic {
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
            .with_code(self.code.id())
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

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte: usize) -> Result<usize, Error> {
        Ok(self
            .starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line: usize) -> Result<usize, Error> {
        Ok(self.first_line + line + 1)
    }

    fn column_number(&'a self, (): (), line: usize, byte: usize) -> Result<usize, Error> {
        let start = self.starts.get(line).copied().unwrap_or(0);
        let before = self
            .text
            .get(start..byte.max(start))
            .map_or(0, |t| t.chars().count());
        Ok(before + 1 + if line == 0 { self.cut } else { 0 })
    }

    fn line_range(&'a self, (): (), line: usize) -> Result<Range<usize>, Error> {
        let start = *self.starts.get(line).ok_or(Error::LineTooLarge {
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
