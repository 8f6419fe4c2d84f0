//! How much a profile holds, capped before anything else looks at it.
//!
//! A 1 MiB profile can hold 261,000 one-word bullets; laying those out took
//! half a minute and 6 GB. Counting on the parsed TOML tree is cheap and
//! points at the first value over the limit, so the error is located like
//! any other.

use std::ops::Range;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::limits;

/// Keys whose array items are bullets; every other array of tables holds
/// entries (jobs, schools, roles, skills…).
const BULLET_KEYS: [&str; 2] = ["highlights", "items"];

/// An error at the first entry or bullet beyond [`limits::ENTRIES`] or
/// [`limits::BULLETS`], if the profile has that many.
pub fn check(root: &DeTable<'_>, source: &Arc<SourceFile>) -> Option<Diagnostic> {
    let mut count = Count::default();
    count.table(root);
    let (what, limit, span) = if let Some(span) = count.entry_over {
        ("entries", limits::ENTRIES, span)
    } else {
        ("bullets", limits::BULLETS, count.bullet_over?)
    };
    Some(
        Diagnostic::error(Code::OverLimit, format!(
            "the profile has more than {limit} {what}, the limit for one profile"
        ))
        .at(source, span)
        .hint("no résumé comes close: split the profile, or leave entries out with variants; the limits are listed in docs/limits.md"),
    )
}

/// An error where TOML text first nests `[` and `{` deeper than
/// [`limits::NESTING`], found by a scan of the bytes (strings and comments
/// skipped) before any parser recurses into it.
pub fn check_nesting(source: &Arc<SourceFile>) -> Option<Diagnostic> {
    let at = too_deep(&source.text, limits::NESTING)?;
    Some(
        Diagnostic::error(
            Code::OverLimit,
            format!(
                "the profile nests `[` and `{{` more than {} levels deep",
                limits::NESTING
            ),
        )
        .at(source, at..at + 1)
        .hint("close each array and inline table; the limits are listed in docs/limits.md"),
    )
}

/// The offset of the first `[` or `{` that opens level `limit + 1`. A
/// closer counts only when it matches the last opener: the parser skips a
/// stray `]` inside an inline table, and so must this count.
pub fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                i = string_end(bytes, i, quote);
                continue;
            }
            opener @ (b'[' | b'{') => {
                open.push(opener);
                if open.len() > limit {
                    return Some(i);
                }
            }
            b']' if open.last() == Some(&b'[') => {
                open.pop();
            }
            b'}' if open.last() == Some(&b'{') => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the string opening at `start` ends: one-line strings at their
/// quote or the line's end, `"""`/`'''` strings at their closing triple.
/// Basic strings skip escaped characters.
fn string_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let triple = [quote; 3];
    let multiline = bytes[start..].starts_with(&triple);
    let mut i = start + if multiline { 3 } else { 1 };
    while i < bytes.len() {
        if quote == b'"' && bytes[i] == b'\\' {
            i += 2;
        } else if multiline && bytes[i..].starts_with(&triple) {
            return i + 3;
        } else if !multiline && (bytes[i] == quote || bytes[i] == b'\n') {
            return i + 1;
        } else {
            i += 1;
        }
    }
    i
}

#[derive(Default)]
struct Count {
    entries: usize,
    bullets: usize,
    /// Where the first value over each limit is.
    entry_over: Option<Range<usize>>,
    bullet_over: Option<Range<usize>>,
}

impl Count {
    fn table(&mut self, table: &DeTable<'_>) {
        for (key, value) in table {
            let bullets = BULLET_KEYS.contains(&key.get_ref().as_ref());
            self.value(value.get_ref(), bullets);
        }
    }

    fn value(&mut self, value: &DeValue<'_>, bullets: bool) {
        match value {
            DeValue::Table(table) => self.table(table),
            DeValue::Array(items) => {
                for item in items {
                    if bullets {
                        self.bullets += 1;
                        if self.bullets > limits::BULLETS && self.bullet_over.is_none() {
                            self.bullet_over = Some(item.span());
                        }
                    } else if matches!(item.get_ref(), DeValue::Table(_)) {
                        self.entries += 1;
                        if self.entries > limits::ENTRIES && self.entry_over.is_none() {
                            self.entry_over = Some(item.span());
                        }
                    }
                    self.value(item.get_ref(), bullets);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_text(text: &str) -> Option<Diagnostic> {
        let (root, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        check(root.get_ref(), &SourceFile::new("me.toml", text))
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        assert_eq!(too_deep("a = [[1], {b = 2}]\n[t]\n[[u]]\n", 2), None);
        assert_eq!(too_deep("a = [[[1]]]", 2), Some(6));
        assert_eq!(
            too_deep("a = \"[[[\" # {{{\nb = '{{{'\nc = \"\"\"\n[[[\"\"\"", 1),
            None
        );
        assert_eq!(too_deep(&"[v]\nx = {\n".repeat(5), 3), Some(30));
        assert_eq!(too_deep(&"x = {\n[t]]\n".repeat(5), 3), Some(28));
        // Every byte of the text is looked at once.
        let deep = "a = {\n".repeat(200_000);
        assert!(too_deep(&deep, limits::NESTING).is_some());
    }

    #[test]
    fn bullets_and_entries_are_counted_to_their_limits() {
        let bullets = |n: usize| {
            let items = vec!["\"x\""; n].join(", ");
            format!("[[work]]\nname = \"A\"\nhighlights = [{items}]\n")
        };
        assert!(check_text(&bullets(limits::BULLETS)).is_none());
        let over = check_text(&bullets(limits::BULLETS + 1)).unwrap();
        assert!(over.message.contains("bullets"), "{over:?}");
        assert!(over.location.is_some());
        let entries = "[[work]]\nname = \"A\"\n".repeat(limits::ENTRIES + 1);
        let over = check_text(&entries).unwrap();
        assert!(over.message.contains("entries"));
        let location = over.location.unwrap();
        let (line, _) = location.file.line_col(location.span.start);
        assert_eq!(line, 2 * limits::ENTRIES + 1);
    }
}
