//! Text from profiles made safe for a terminal, and repeated diagnostics
//! counted rather than printed.

use std::collections::HashMap;

use super::Diagnostic;
use crate::limits;

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

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

pub(super) fn shown_as(c: char) -> char {
    match c {
        c if !is_control(c) => c,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// How many diagnostics of each kind have been seen. [`capped`] and
/// [`thin`] count with it, so what one prints is what the other keeps.
#[derive(Default)]
struct Repeats(HashMap<(bool, String), usize>);

impl Repeats {
    /// Counts `d`; its kind is the message with its quoted names and
    /// numbers left out. Returns the kind and how many of it so far.
    fn count(&mut self, d: &Diagnostic) -> ((bool, String), usize) {
        let kind = (d.is_error(), shape(&d.message));
        let n = self.0.entry(kind.clone()).or_insert(0);
        *n += 1;
        (kind, *n)
    }
}

/// At most [`limits::REPEATS`] diagnostics of each kind, then one line
/// counting the rest: 10,000 unknown tags are one mistake made 10,000
/// times, and printing each would bury everything else.
pub fn capped(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut repeats = Repeats::default();
    let mut shown = Vec::new();
    let mut order = Vec::new();
    for d in diagnostics {
        let (kind, n) = repeats.count(d);
        if n <= limits::REPEATS {
            shown.push(d.clone());
        } else if n == limits::REPEATS + 1 {
            order.push((kind, d.severity, d.code));
        }
    }
    for (kind, severity, code) in order {
        let more = repeats.0[&kind] - limits::REPEATS;
        shown.push(Diagnostic {
            severity,
            ..Diagnostic::error(
                code,
                format!("… and {} more like “{}”", thousands(more), kind.1),
            )
        });
    }
    shown
}

/// Drops the source of the diagnostics [`capped`] would not print (beyond
/// the first few of their kind): they are only counted. A diagnostic's
/// location holds its whole file, so 10,000 warnings about an 80 KiB
/// profile would otherwise be 800 MB on their way out of a child process.
pub fn thin<'a>(diagnostics: impl IntoIterator<Item = &'a mut Diagnostic>) {
    let mut repeats = Repeats::default();
    for d in diagnostics {
        if repeats.count(d).1 > limits::REPEATS
            && let Some(position) = d.position()
        {
            d.location = None;
            d.path = Some(position.into());
        }
    }
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

/// 9950 → "9,950".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
