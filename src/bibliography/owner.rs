//! The owner's name in bold, however a citation style writes it.

use std::ops::Range;

use hayagriva::Library;
use regex::Regex;

use super::format::merged;
use crate::markup::Span;

/// A pattern matching the owner's name however a style prints it:
/// "Raman, P.", "P. Raman", "Raman P", "Priya Raman", from the name the
/// profile gives and the given names the `.bib` file has for that family.
pub(super) fn owner_pattern(owner: &str, library: &Library) -> Option<Regex> {
    let (family, given) = match owner.split_once(',') {
        Some((family, given)) => (family.trim(), given.trim()),
        None => match owner.trim().rsplit_once(' ') {
            Some((given, family)) => (family.trim(), given.trim()),
            None => (owner.trim(), ""),
        },
    };
    if family.is_empty() {
        return None;
    }
    let initial = given.chars().next();
    let mut givens: Vec<String> = vec![given.to_string()];
    for entry in library.iter() {
        for person in entry.authors().into_iter().flatten() {
            let theirs = person.given_name.as_deref().unwrap_or("");
            if person.name.eq_ignore_ascii_case(family)
                && (initial.is_none() || theirs.chars().next() == initial)
            {
                givens.push(theirs.to_string());
            }
        }
    }
    let mut forms = vec![owner.trim().to_string()];
    for given in givens.iter().filter(|g| !g.is_empty()) {
        for g in given_forms(given) {
            forms.push(format!("{family}, {g}"));
            forms.push(format!("{g} {family}"));
            forms.push(format!("{family} {g}"));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let any_space = r"[\s\u{00A0}\u{202F}]+";
    let alternatives: Vec<String> = forms
        .iter()
        .map(|f| {
            f.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(any_space)
        })
        .collect();
    // Not inside a longer word on either side: "Raman" is not "Ramanujan".
    Regex::new(&format!(
        r"(?:^|\b)(?:{})(?:\b|$|\B)",
        alternatives.join("|")
    ))
    .ok()
}

/// The ways a style writes given names: "Priya Anand", "P. A.", "P.A.",
/// "P A", "PA", "P.".
fn given_forms(given: &str) -> Vec<String> {
    let initials: Vec<char> = given
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .filter_map(|w| w.chars().next())
        .collect();
    let mut forms = vec![given.to_string()];
    if let Some(first) = initials.first() {
        let dotted: Vec<String> = initials.iter().map(|c| format!("{c}.")).collect();
        forms.push(dotted.join(" "));
        forms.push(dotted.join(""));
        forms.push(
            initials
                .iter()
                .map(char::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        );
        forms.push(initials.iter().collect());
        forms.push(format!("{first}."));
        forms.push(first.to_string());
    }
    forms
}

/// `spans` with every match of `pattern` (over their joined text) in bold.
pub(super) fn emboldened(spans: Vec<Span>, pattern: &Regex) -> Vec<Span> {
    let joined = crate::markup::text_of(&spans);
    let bold: Vec<Range<usize>> = pattern.find_iter(&joined).map(|m| m.range()).collect();
    if bold.is_empty() {
        return spans;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for span in spans {
        let end = start + span.text.len();
        // Cut the span where a bold range begins or ends inside it.
        let mut cuts = vec![start, end];
        for r in &bold {
            cuts.extend(
                [r.start, r.end]
                    .into_iter()
                    .filter(|&c| c > start && c < end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let inside = bold.iter().any(|r| r.start <= a && b <= r.end);
            out.push(Span {
                text: span.text[a - start..b - start].to_string(),
                strong: span.strong || inside,
                ..span.clone()
            });
        }
        start = end;
    }
    merged(out)
}
