//! Hyphens that are en dashes: in ranges of numbers, and spaced between
//! words. Anything that may be a date, phone number, ID or version stays.

use std::ops::Range;

use super::{Cell, char_at, word, word_core, word_end, word_start};

/// The en dash, for ranges and as a spaced dash.
const EN_DASH: &str = "–";

/// Hyphens that are dashes: in a range of numbers (`2019-2021`, `pp. 3-7`)
/// and spaced between words (`Rust - and Go`).
pub(super) fn apply(cells: &[Cell], out: &mut [String]) {
    for (i, cell) in cells.iter().enumerate() {
        if cell.ch == '-' && !cell.fixed && (in_range(cells, i) || spaced_dash(cells, i)) {
            out[i] = EN_DASH.to_string();
        }
    }
}

/// A word of two numbers around the hyphen at `i`, read as a range.
/// Phone-like chains (`555 0100-22`, a number word beside it) are not.
fn in_range(cells: &[Cell], i: usize) -> bool {
    let start = word_start(cells, i);
    let end = word_end(cells, i);
    let (from, mut to) = word_core(cells, start, end);
    if to > i + 1 && cells[to - 1].ch == '%' {
        to -= 1;
    }
    let beside = |range: Range<usize>| is_number_word(&word(cells, range));
    is_range(&word(cells, from..i), &word(cells, i + 1..to))
        && !beside(word_before(cells, start))
        && !beside(word_after(cells, end))
}

/// The word that ends just before the space at `start - 1`.
fn word_before(cells: &[Cell], start: usize) -> Range<usize> {
    let Some(end) = start.checked_sub(1) else {
        return 0..0;
    };
    word_start(cells, end)..end
}

/// The word that starts just after the space at `end`.
fn word_after(cells: &[Cell], end: usize) -> Range<usize> {
    let from = (end + 1).min(cells.len());
    from..word_end(cells, from)
}

/// A word of digits and phone punctuation: `555`, `+1`, `(030)`.
fn is_number_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || "+()".contains(c))
}

/// Whether `a-b` reads as a range: two integers, the second larger
/// (`10-20`, `2019-2021`, `2019-21`), never an ISO year and month
/// (`2021-03`) or numbers with leading zeros (`0100-22`).
fn is_range(a: &str, b: &str) -> bool {
    let (Some(low), Some(high)) = (integer(a), integer(b)) else {
        return false;
    };
    if a.len() == 4 && b.len() == 2 {
        // Shortened years: 2019-21, but 2011-12 could be a month.
        return high > 12 && high > low % 100;
    }
    high > low
}

/// An integer as written in prose: `7`, `2019`, `10,000` or `10.000`; no
/// leading zero, no decimals (`1.5-2` may be a version).
fn integer(text: &str) -> Option<u64> {
    let mut groups = text.split([',', '.']);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let grouped = rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3));
    let leading_zero = first.starts_with('0') && text.len() > 1;
    if !digits(first) || !rest.iter().all(|g| digits(g)) || !grouped || leading_zero {
        return None;
    }
    text.replace([',', '.'], "").parse().ok()
}

/// ` - ` between two words is a dash, not a hyphen.
fn spaced_dash(cells: &[Cell], i: usize) -> bool {
    let at = |j: Option<usize>| char_at(cells, j);
    let word_end = |c: char| c.is_alphanumeric() || ")]\"'.,!?%”’»›".contains(c);
    let word_start = |c: char| c.is_alphanumeric() || "([\"'“‘„‚«‹".contains(c);
    at(i.checked_sub(1)) == Some(' ')
        && at(Some(i + 1)) == Some(' ')
        && at(i.checked_sub(2)).is_some_and(word_end)
        && at(Some(i + 2)).is_some_and(word_start)
}

#[cfg(test)]
mod tests {
    use super::super::en;

    #[test]
    fn ranges_get_an_en_dash() {
        assert_eq!(
            en("2019-2021, 10-20 people, pp. 3-7."),
            "2019–2021, 10–20\u{A0}people, pp. 3–7."
        );
        assert_eq!(
            en("(2019-21) and 10,000-20,000%"),
            "(2019–21) and 10,000–20,000%"
        );
    }

    #[test]
    fn hyphens_that_are_not_ranges_stay() {
        for text in [
            "on 2021-03-01",
            "since 2021-03",
            "2011-12",
            "call 555-0100-22",
            "call +1 555-1234",
            "ISO-27001",
            "N+1",
            "v1.2-3",
            "24-7",
            "COVID-19",
            "03-07",
            "10-20k",
            "state-of-the-art",
            "- item",
            "x -",
            "x -- y",
        ] {
            assert_eq!(en(text), text, "{text}");
        }
    }

    #[test]
    fn spaced_hyphen_between_words_is_a_dash() {
        assert_eq!(en("Rust - and Go"), "Rust – and Go");
        assert_eq!(en("Acme (Berlin) - \"Lead\""), "Acme (Berlin) – “Lead”");
        assert_eq!(en("+ - /"), "+ - /");
    }
}
