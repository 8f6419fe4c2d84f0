//! Typesetting profile text for its locale: curly quotes and apostrophes,
//! en dashes in number ranges, and no-break spaces where a line must not
//! break (between a number and its unit, after a currency symbol, after a
//! locale's one-letter words, before French high punctuation).
//!
//! Authors type on keyboards that have `"`, `'` and `-`; a résumé set with
//! them looks typed, not typeset. The rules are conservative on purpose: a
//! false positive corrupts a fact (an ISO date, a phone number, an ID), so
//! anything ambiguous is left as written. Code spans and addresses (URLs,
//! e-mails) are never changed, and characters the author already wrote as
//! Unicode (“ ” – U+00A0 …) are left alone, which is how a profile opts out.
//!
//! The whole paragraph is walked at once, across its spans, so a quote that
//! opens in one span (`"**bold**`) closes in another.

mod dashes;
mod quotes;
mod spaces;

use crate::markup::Span;

/// What one locale wants of quotes and spaces.
#[derive(Debug, PartialEq, Eq)]
pub struct Rules {
    /// The quotes a straight `"` becomes, spaces inside included.
    double: (&'static str, &'static str),
    /// The quotes a straight `'` becomes when it quotes.
    single: (&'static str, &'static str),
    /// French spacing: a thin no-break space before `;` `!` `?` `%` and
    /// inside guillemets, a no-break space before `:`.
    french: bool,
    /// One-letter words a line must not end with (Czech-style "orphans"
    /// that French, Spanish and Portuguese typesetters avoid): the space
    /// after them becomes a no-break space. English and German need none.
    short_words: &'static [char],
}

const EN: Rules = Rules {
    double: ("“", "”"),
    single: ("‘", "’"),
    french: false,
    short_words: &[],
};

const DE: Rules = Rules {
    double: ("„", "“"),
    single: ("‚", "‘"),
    french: false,
    short_words: &[],
};

const FR: Rules = Rules {
    double: ("«\u{202F}", "\u{202F}»"),
    single: ("‹\u{202F}", "\u{202F}›"),
    french: true,
    short_words: &['à', 'a', 'y'],
};

const ES: Rules = Rules {
    double: ("«", "»"),
    single: ("“", "”"),
    french: false,
    short_words: &['a', 'y', 'e', 'o', 'u'],
};

const PT: Rules = Rules {
    double: ("“", "”"),
    single: ("‘", "’"),
    french: false,
    short_words: &['a', 'e', 'o', 'à'],
};

impl Rules {
    /// The rules for a locale code such as `fr` or `pt-BR` (the region does
    /// not change them); English's for any other.
    pub fn of(locale: &str) -> &'static Rules {
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        match language.to_ascii_lowercase().as_str() {
            "de" => &DE,
            "fr" => &FR,
            "es" => &ES,
            "pt" => &PT,
            _ => &EN,
        }
    }
}

/// One character of a paragraph: which span it is in, and whether it must
/// print exactly as written (code, an address).
struct Cell {
    ch: char,
    span: usize,
    fixed: bool,
}

/// A paragraph's spans, typeset. Span boundaries and styles are kept.
pub fn spans(spans: Vec<Span>, rules: &Rules) -> Vec<Span> {
    let cells = cells(&spans);
    let mut out: Vec<String> = cells.iter().map(|c| c.ch.to_string()).collect();
    quotes::Quotes::default().apply(&cells, rules, &mut out);
    dashes::apply(&cells, &mut out);
    spaces::apply(&cells, rules, &mut out);
    let mut texts = vec![String::new(); spans.len()];
    for (cell, text) in cells.iter().zip(out) {
        texts[cell.span].push_str(&text);
    }
    spans
        .into_iter()
        .zip(texts)
        .map(|(span, text)| Span { text, ..span })
        .collect()
}

fn cells(spans: &[Span]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, span)| {
            span.text.chars().map(move |ch| Cell {
                ch,
                span: i,
                fixed: span.code,
            })
        })
        .collect();
    fix_addresses(&mut cells);
    cells
}

/// Marks every word that is a URL or an e-mail address as fixed; quotes
/// and punctuation around it stay prose.
fn fix_addresses(cells: &mut [Cell]) {
    let mut start = 0;
    while start < cells.len() {
        let end = word_end(cells, start);
        let (from, to) = word_core(cells, start, end);
        if is_address(&word(cells, from..to)) {
            cells[from..to].iter_mut().for_each(|c| c.fixed = true);
        }
        start = end + 1;
    }
}

/// `start..end` without the brackets, quotes and punctuation around it.
fn word_core(cells: &[Cell], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && "\"'([{<“‘„‚«‹".contains(cells[start].ch) {
        start += 1;
    }
    while end > start && "\"'.,;:!?)]}>”’“‘»›".contains(cells[end - 1].ch) {
        end -= 1;
    }
    (start, end)
}

/// Whether a word is a web address, a path on a host, or an e-mail address.
fn is_address(word: &str) -> bool {
    let host_path = word
        .split_once('/')
        .is_some_and(|(host, _)| host.contains('.'));
    let email = word
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    word.contains("://") || word.starts_with("www.") || host_path || email
}

fn char_at(cells: &[Cell], i: Option<usize>) -> Option<char> {
    cells.get(i?).map(|c| c.ch)
}

/// Where the word that ends just before `end` starts.
fn word_start(cells: &[Cell], end: usize) -> usize {
    (0..end)
        .rev()
        .find(|&j| cells[j].ch.is_whitespace())
        .map_or(0, |j| j + 1)
}

/// Where the word at `from` ends (the next whitespace, or the end).
fn word_end(cells: &[Cell], from: usize) -> usize {
    (from..cells.len())
        .find(|&j| cells[j].ch.is_whitespace())
        .unwrap_or(cells.len())
}

/// The characters of `range` as a string.
fn word(cells: &[Cell], range: std::ops::Range<usize>) -> String {
    cells[range].iter().map(|c| c.ch).collect()
}

/// `text` parsed as markup and typeset, as plain text (for the tests).
#[cfg(test)]
fn set(text: &str, locale: &str) -> String {
    spans(crate::markup::parse(text), Rules::of(locale))
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// `text` typeset in English (for the tests).
#[cfg(test)]
fn en(text: &str) -> String {
    set(text, "en")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;

    #[test]
    fn code_and_addresses_are_untouched() {
        let code = r#"`let s = "it's";` and "words""#;
        assert_eq!(en(code), r#"let s = "it's"; and “words”"#);
        assert_eq!(
            en(r#"see "https://x.dev/a-b?q='1'" or ada's@mail.dev - 2019-2021"#),
            "see “https://x.dev/a-b?q='1'” or ada's@mail.dev – 2019–2021"
        );
        assert_eq!(
            set("voir www.x.fr/a?b=1: oui", "fr"),
            "voir www.x.fr/a?b=1\u{A0}: oui"
        );
        let link = spans(
            markup::parse("[O'Brien's 10-20](https://x.dev/1-2)"),
            Rules::of("en"),
        );
        assert_eq!(link[0].text, "O’Brien’s 10–20");
        assert_eq!(link[0].link.as_deref(), Some("https://x.dev/1-2"));
    }

    /// Every short string over the characters the rules look at: typesetting
    /// never panics and changes nothing but quotes, hyphens and spaces, so
    /// the coverage proof (which folds those) still finds every fact.
    #[test]
    fn only_typographic_variants_change() {
        let fold = |text: &str| crate::proof::coverage::fold(text);
        let alphabet: Vec<char> = " -\"'1a%:«`/.@".chars().collect();
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            for locale in ["en", "fr", "es"] {
                for word in &longer {
                    let plain = markup::plain(word);
                    assert_eq!(
                        fold(&set(word, locale)),
                        fold(&plain),
                        "{word:?} in {locale}"
                    );
                }
            }
            words = longer;
        }
    }

    #[test]
    fn plain_text_and_typeset_text_are_stable() {
        let once = set(r#"He said "it's 2019-2021" - 15 ms"#, "fr");
        assert_eq!(set(&once, "fr"), once);
        assert_eq!(set(r#"The "Ops" Years"#, "de"), "The „Ops“ Years");
    }
}
