//! Where every marker of a text closes, worked out once, so the parser
//! never searches.

use super::ESCAPABLE;

/// No position: the end of a search.
pub(super) const NONE: u32 = u32::MAX;

/// What the parser needs to know about every position, worked out once in
/// a few passes over the text so that no search ever rescans it: with a
/// thousand unclosed `[` or `*a`, searching forward from each would take
/// time quadratic in the length (214 s for 1 MiB of `[`).
pub(super) struct Marks {
    /// Where the unit starting here ends: 2 for an escape, the whole span
    /// for `` `code` ``, 1 otherwise; 0 inside a unit.
    pub(super) unit: Vec<u32>,
    /// The next `**` at or after each position.
    pub(super) next_strong: Vec<u32>,
    /// The closing `*` or `_` of emphasis opened just before each position.
    pub(super) close_star: Vec<u32>,
    pub(super) close_under: Vec<u32>,
    /// The `]` closing the `[` at each position, and the `)` closing the `(`.
    pub(super) bracket: Vec<u32>,
    pub(super) paren: Vec<u32>,
    /// The next whitespace at or after each position.
    pub(super) next_space: Vec<u32>,
}

impl Marks {
    pub(super) fn new(chars: &[char]) -> Self {
        let n = chars.len();
        let mut unit = vec![0u32; n];
        let mut i = 0;
        while i < n {
            let len = match chars[i] {
                '\\' if chars.get(i + 1).is_some_and(|c| ESCAPABLE.contains(*c)) => 2,
                '`' => chars[i + 1..]
                    .iter()
                    .position(|&c| c == '`')
                    .map_or(1, |end| end + 2),
                _ => 1,
            };
            unit[i] = len as u32;
            i += len;
        }
        let marker = |i: usize, c: char| unit.get(i) == Some(&1) && chars[i] == c;
        let mut marks = Self {
            next_strong: vec![NONE; n + 2],
            close_star: vec![NONE; n + 2],
            close_under: vec![NONE; n + 2],
            bracket: matching(chars, &unit, '[', ']', true),
            paren: matching(chars, &unit, '(', ')', false),
            next_space: vec![NONE; n + 1],
            unit: Vec::new(),
        };
        for i in (0..n).rev() {
            let after = |v: &Vec<u32>| v[i + 1];
            let doubled = marker(i, '*') && marker(i + 1, '*');
            marks.next_strong[i] = if doubled {
                i as u32
            } else {
                after(&marks.next_strong)
            };
            marks.next_space[i] = if chars[i].is_whitespace() {
                i as u32
            } else {
                after(&marks.next_space)
            };
            let spaced = i == 0 || chars[i - 1].is_whitespace();
            marks.close_star[i] = if !marker(i, '*') {
                after(&marks.close_star)
            } else if doubled {
                // A nested `**strong**` run is skipped whole; unclosed, it
                // leaves the emphasis unclosed too.
                match marks.next_strong[i + 2] {
                    NONE => NONE,
                    end => marks.close_star[end as usize + 2],
                }
            } else if !spaced {
                i as u32
            } else {
                after(&marks.close_star)
            };
            let word_follows = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
            marks.close_under[i] = if marker(i, '_') && !spaced && !word_follows {
                i as u32
            } else {
                after(&marks.close_under)
            };
        }
        marks.unit = unit;
        marks
    }

    pub(super) fn is_marker(&self, chars: &[char], i: usize, c: char) -> bool {
        self.unit.get(i) == Some(&1) && chars[i] == c
    }
}

/// For each opening `open`, the index of its closing partner (or [`NONE`]),
/// pairing them as a stack does. `markers_only` counts only characters
/// outside escapes and code; URLs are raw text, so their parentheses count
/// wherever they are.
fn matching(chars: &[char], unit: &[u32], open: char, close: char, markers_only: bool) -> Vec<u32> {
    let mut partner = vec![NONE; chars.len()];
    let mut open_at = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if markers_only && unit[i] != 1 {
            continue;
        }
        if c == open {
            open_at.push(i);
        } else if c == close
            && let Some(start) = open_at.pop()
        {
            partner[start] = i as u32;
        }
    }
    partner
}
