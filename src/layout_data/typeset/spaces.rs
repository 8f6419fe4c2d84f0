//! No-break spaces: between a number and its unit, after a currency symbol
//! and a locale's one-letter words, and French spacing before high
//! punctuation and inside guillemets.

use super::{Cell, Rules, char_at, word, word_start};

/// U+00A0, a space no line breaks at.
const NBSP: &str = "\u{A0}";
/// U+202F, the narrow no-break space French sets inside guillemets and
/// before `;`, `!`, `?` and `%`.
const THIN: &str = "\u{202F}";

/// No-break spaces: the author's spaces that must not break, and the
/// spaces French sets before high punctuation.
pub(super) fn apply(cells: &[Cell], rules: &Rules, out: &mut [String]) {
    for (i, cell) in cells.iter().enumerate().filter(|(_, c)| !c.fixed) {
        let prev = char_at(cells, i.checked_sub(1));
        let next = char_at(cells, Some(i + 1));
        if cell.ch == ' ' {
            if let Some(space) = no_break(cells, i, prev, next, rules) {
                out[i] = space.to_string();
            }
        } else if rules.french
            && let Some(space) = french_space(cell.ch, prev, next)
        {
            out[i] = format!("{space}{}", cell.ch);
        }
    }
}

/// What the space at `i` becomes, if it must not break.
fn no_break(
    cells: &[Cell],
    i: usize,
    prev: Option<char>,
    next: Option<char>,
    rules: &Rules,
) -> Option<&'static str> {
    let (prev, next) = (prev?, next?);
    if cells[i + 1].fixed {
        return None;
    }
    if rules.french {
        match next {
            ';' | '!' | '?' | '%' | '»' | '›' => return Some(THIN),
            ':' => return Some(NBSP),
            _ if prev == '«' || prev == '‹' => return Some(THIN),
            _ => {}
        }
    }
    let number_and_unit = prev.is_ascii_digit()
        && number_before(cells, i)
        && (next.is_alphabetic() || is_currency(next) || "%‰°".contains(next));
    let currency_and_number = is_currency(prev) && next.is_ascii_digit();
    (number_and_unit || currency_and_number || after_short_word(cells, i, rules)).then_some(NBSP)
}

/// Whether the word before the space at `i` is a number (`15`, `4.1`,
/// `₹1,200`, `(4`, `10-20`), not a name with digits in it (`p99`, `N+1`).
fn number_before(cells: &[Cell], i: usize) -> bool {
    let word = word(cells, word_start(cells, i)..i);
    let number = word.trim_start_matches(|c: char| "(~+−".contains(c) || is_currency(c));
    number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || ".,-–".contains(c))
}

/// Whether the space at `i` follows one of the locale's one-letter words.
fn after_short_word(cells: &[Cell], i: usize, rules: &Rules) -> bool {
    let word = char_at(cells, i.checked_sub(1));
    let before = char_at(cells, i.checked_sub(2));
    word.is_some_and(|w| w.to_lowercase().any(|w| rules.short_words.contains(&w)))
        && before.is_none_or(|c| c.is_whitespace() || "([\"“‘«‹".contains(c))
}

fn is_currency(c: char) -> bool {
    "$€£¥₹₽₩₺₫₴₦₱฿¢₪".contains(c)
}

/// The space French sets before `c` where the author wrote none: after a
/// word and before a gap, so `10:30` and `?!` stay as they are.
fn french_space(c: char, prev: Option<char>, next: Option<char>) -> Option<&'static str> {
    let prev = prev?;
    let after_word = prev.is_alphanumeric() || ")]”’»".contains(prev);
    let before_gap = next.is_none_or(|n| n.is_whitespace() || ")]”’»›\"'".contains(n));
    match c {
        '%' if prev.is_ascii_digit() => Some(THIN),
        ';' | '!' | '?' if after_word && before_gap => Some(THIN),
        ':' if after_word && before_gap => Some(NBSP),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{en, set};

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(en("15 ms in 30 days"), "15\u{A0}ms in 30\u{A0}days");
        assert_eq!(
            en("₹ 2 Cr, € 5 and 99.99 %"),
            "₹\u{A0}2\u{A0}Cr, €\u{A0}5\u{A0}and 99.99\u{A0}%"
        );
        assert_eq!(en("+1 555 0100"), "+1 555 0100");
        assert_eq!(
            en("p99 payout, N+1 query, ₹1,200 crore"),
            "p99 payout, N+1 query, ₹1,200\u{A0}crore"
        );
        assert_eq!(en("from 3 https://x.dev"), "from 3 https://x.dev");
    }

    #[test]
    fn french_punctuation_and_guillemets() {
        assert_eq!(
            set("Résultat: 99,99 % ; vraiment! Oui?", "fr"),
            "Résultat\u{A0}: 99,99\u{202F}%\u{202F}; vraiment\u{202F}! Oui\u{202F}?"
        );
        assert_eq!(
            set("Prêt ! à 10:30 ?!", "fr"),
            "Prêt\u{202F}! à\u{A0}10:30\u{202F}?!"
        );
        assert_eq!(set("« déjà »", "fr"), "«\u{202F}déjà\u{202F}»");
        assert_eq!(set("50%", "fr"), "50\u{202F}%");
        // Only French.
        assert_eq!(en("Result: yes!"), "Result: yes!");
    }

    #[test]
    fn short_words_hold_on_to_the_next() {
        assert_eq!(set("Paris à Lyon", "fr"), "Paris à\u{A0}Lyon");
        assert_eq!(set("Java y Go o C", "es"), "Java y\u{A0}Go o\u{A0}C");
        assert_eq!(set("Rust e Go", "pt"), "Rust e\u{A0}Go");
        assert_eq!(en("a team"), "a team");
        assert_eq!(set("Plan a b", "de"), "Plan a b");
    }
}
