//! Straight quotes as the locale's quotes and apostrophes, paired across
//! the spans of a paragraph.

use super::{Cell, Rules, char_at};

/// The nearest character in direction `step` (-1 or 1) from `i` that is not
/// a straight quote: quotes side by side (`"'nested'"`) see past each other.
fn beyond_quotes(cells: &[Cell], i: usize, step: isize) -> Option<char> {
    let mut j = i;
    loop {
        j = j.checked_add_signed(step)?;
        match cells.get(j)?.ch {
            '"' | '\'' => continue,
            c => return Some(c),
        }
    }
}

/// Where a quote stands between its neighbours.
#[derive(Debug, PartialEq, Eq)]
enum Side {
    /// After a gap, before a word: it opens.
    Opening,
    /// After a word, before a gap: it closes.
    Closing,
    /// Between two non-gaps (`don't`, `5"x`).
    Inside,
    /// Between two gaps: not a quote in use.
    Alone,
}

fn side(prev: Option<char>, next: Option<char>) -> Side {
    let gap_before = prev.is_none_or(|c| c.is_whitespace() || "([{-–—/“‘„‚«‹".contains(c));
    let gap_after = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}-–—/”’“‘»›…".contains(c));
    match (gap_before, gap_after) {
        (true, true) => Side::Alone,
        (true, false) => Side::Opening,
        (false, true) => Side::Closing,
        (false, false) => Side::Inside,
    }
}

/// The quotes open so far in a paragraph (the index of the cell).
#[derive(Default)]
pub(super) struct Quotes {
    double: Option<usize>,
    single: Option<usize>,
}

impl Quotes {
    pub(super) fn apply(&mut self, cells: &[Cell], rules: &Rules, out: &mut [String]) {
        for (i, cell) in cells.iter().enumerate().filter(|(_, c)| !c.fixed) {
            let side = side(beyond_quotes(cells, i, -1), beyond_quotes(cells, i, 1));
            let typeset = match cell.ch {
                '"' => self.double_quote(i, side, rules),
                '\'' => self.single_quote(i, side, cells, rules),
                _ => None,
            };
            if let Some(typeset) = typeset {
                out[i] = typeset.to_string();
            }
        }
        // A quote that never closes is left as written: it may be an inch
        // mark or a typo, and a lone “ would look like a mistake of ours.
        for i in [self.double, self.single].into_iter().flatten() {
            out[i] = cells[i].ch.to_string();
        }
    }

    fn double_quote(&mut self, i: usize, side: Side, rules: &Rules) -> Option<&'static str> {
        pair(&mut self.double, i, &side, rules.double)
    }

    /// `'` is an apostrophe inside a word (don't, O'Brien), before a year
    /// ('90s) and after a plural (users'); otherwise a single quote.
    fn single_quote(
        &mut self,
        i: usize,
        side: Side,
        cells: &[Cell],
        rules: &Rules,
    ) -> Option<&'static str> {
        let prev = char_at(cells, i.checked_sub(1));
        let next = char_at(cells, Some(i + 1));
        let letter_or_digit = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let year = side == Side::Opening && next.is_some_and(|c| c.is_ascii_digit());
        if (letter_or_digit(prev) && letter_or_digit(next)) || year {
            return Some("’");
        }
        let plural = side == Side::Closing && prev.is_some_and(char::is_alphabetic);
        pair(&mut self.single, i, &side, rules.single).or(plural.then_some("’"))
    }
}

/// Opens a pair of quotes (`open` is where) or closes the open one; a quote
/// that would open a second pair of its kind, or close none, is left alone.
fn pair(
    open: &mut Option<usize>,
    i: usize,
    side: &Side,
    marks: (&'static str, &'static str),
) -> Option<&'static str> {
    match side {
        Side::Opening if open.is_none() => {
            *open = Some(i);
            Some(marks.0)
        }
        Side::Closing | Side::Inside if open.is_some() => {
            *open = None;
            Some(marks.1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Rules, en, set, spans};
    use crate::markup;

    #[test]
    fn quotes_per_locale() {
        assert_eq!(en(r#"said "fast" and 'safe'"#), "said “fast” and ‘safe’");
        assert_eq!(set(r#"sagte "schnell""#, "de"), "sagte „schnell“");
        assert_eq!(set("'klein'", "de-AT"), "‚klein‘");
        assert_eq!(
            set(r#"dit "vite" et 'sûr'"#, "fr"),
            "dit «\u{202F}vite\u{202F}» et ‹\u{202F}sûr\u{202F}›"
        );
        assert_eq!(
            set(r#""rápido" y 'seguro'"#, "es"),
            "«rápido» y\u{A0}“seguro”"
        );
        assert_eq!(set(r#""rápido""#, "pt-BR"), "“rápido”");
        assert_eq!(set(r#""तेज़""#, "hi"), "“तेज़”");
    }

    #[test]
    fn quotes_pair_across_spans() {
        let spans = spans(
            markup::parse(r#"**bold** said "x *y*" and "`z`""#),
            Rules::of("en"),
        );
        let texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["bold", " said “x ", "y", "” and “", "z", "”"]);
        assert!(spans[4].code && spans[2].emph && spans[0].strong);
        assert_eq!(en(r#""**Shipped**" it"#), "“Shipped” it");
    }

    #[test]
    fn apostrophes() {
        assert_eq!(en("don't ask O'Brien"), "don’t ask O’Brien");
        assert_eq!(en("the '90s and users' data"), "the ’90s and users’ data");
        assert_eq!(en("'quoted' don't"), "‘quoted’ don’t");
        assert_eq!(set("l'équipe d'Ada", "fr"), "l’équipe d’Ada");
        assert_eq!(set("Ada's Team", "de"), "Ada’s Team");
    }

    #[test]
    fn what_is_not_a_quote_is_left_alone() {
        // Inch and foot marks, a lone mark, an unclosed quote.
        assert_eq!(en(r#"a 15" laptop"#), r#"a 15" laptop"#);
        assert_eq!(en("a 6' board"), "a 6' board");
        assert_eq!(en(r#"' " | x"#), r#"' " | x"#);
        assert_eq!(en(r#"an "unclosed quote"#), r#"an "unclosed quote"#);
        // Curly quotes the author wrote stay as they are.
        assert_eq!(set("„so“ and “so”", "en"), "„so“ and “so”");
    }
}
