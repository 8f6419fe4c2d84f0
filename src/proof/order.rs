//! Reading order: the order of the text in the PDF, which is what résumé
//! parsers (and `pdftotext`) read. The name comes first, then the headline
//! and contact details, then the sections, each as one block (a sidebar
//! may come before or after the main column, never interleaved with it),
//! and in every entry its title, organisation and dates before its bullets.
//!
//! Only facts that occur once in the text are placed: a keyword that also
//! appears in a bullet says nothing about where its section is.

use std::collections::BTreeMap;

use super::coverage::{Body, Coverage, fold};
use super::text::DocumentView;
use super::{Finding, Proof, quoted};
use crate::diagnostic::{Code, Diagnostic};
use crate::layout_data::{Fact, FactRole};

pub fn check(
    facts: &[Fact],
    coverage: &Coverage,
    body: &Body,
    view: &DocumentView,
) -> Vec<Finding> {
    let placed: Vec<(&Fact, usize)> = facts
        .iter()
        .zip(&coverage.positions)
        .zip(&coverage.unique)
        .filter(|(_, unique)| **unique)
        .filter_map(|((fact, at), _)| Some((fact, (*at)?)))
        .collect();
    let mut findings = Vec::new();
    findings.extend(name_first(facts, body, view));
    findings.extend(header_first(&placed));
    findings.extend(sections_in_blocks(&placed));
    findings.extend(headings_before_bullets(&placed));
    findings.extend(key_numbers_in_order(&placed));
    findings.extend(entries_in_blocks(&placed));
    findings
}

/// Each entry's text is one block too: a table that prints every value,
/// then every label, has a parser pair the wrong ones.
fn entries_in_blocks(placed: &[(&Fact, usize)]) -> Option<Finding> {
    let pairs = interleaved(placed, |fact| fact.entry.map(|_| entry_key(&fact.path)));
    let (a, b) = pairs.first()?;
    Some(finding(
        Diagnostic::error(Code::ReadingOrder, format!(
            "entries `{a}` and `{b}` are interleaved in the PDF's text: a résumé parser pairs the wrong parts"
        ))
        .hint("lay each entry out as one block (a cell per entry, not a row per field)"),
    ))
}

/// The entry a fact's key belongs to, roles included in their employer's:
/// `work[2]` for `work[2].roles[0].highlights[1]`, `sections[0].entries[3]`
/// for a custom section's entry.
fn entry_key(path: &str) -> &str {
    let closing = if path.starts_with("sections[") { 2 } else { 1 };
    let end = path
        .match_indices(']')
        .nth(closing - 1)
        .map_or(path.len(), |(i, _)| i + 1);
    &path[..end]
}

/// A key number reads value, label, detail: "40M transactions a day through
/// the ledger I led", not all the values and then all the labels.
fn key_numbers_in_order(placed: &[(&Fact, usize)]) -> Vec<Finding> {
    let mut items: BTreeMap<usize, Vec<(usize, &Fact)>> = BTreeMap::new();
    for (fact, at) in placed {
        if let Some(entry) = fact
            .entry
            .filter(|_| fact.path.starts_with("numbers.items["))
        {
            items.entry(entry).or_default().push((*at, fact));
        }
    }
    items
        .values()
        .filter_map(|facts| {
            let pair = facts.windows(2).find(|w| w[1].0 < w[0].0)?;
            let (earlier, later) = (pair[0].1, pair[1].1);
            let why = "a key number reads value, label, detail";
            Some(finding(
                read_before(later, earlier, why).key(later.path.clone()),
            ))
        })
        .collect()
}

/// A fact and where it starts in the text, when there is one.
type Placed<'a> = Option<(usize, &'a Fact)>;

/// The error for `first` read before `then`, which should come first.
fn read_before(first: &Fact, then: &Fact, why: &str) -> Diagnostic {
    Diagnostic::error(
        Code::ReadingOrder,
        format!(
            "`{}` {} is read before `{}` {}: {why}",
            first.path,
            quoted(&first.text),
            then.path,
            quoted(&then.text)
        ),
    )
}

fn finding(diagnostic: Diagnostic) -> Finding {
    Finding {
        proof: Proof::ReadingOrder,
        diagnostic,
    }
}

/// Parsers take the first text of page 1 for the person's name.
fn name_first(facts: &[Fact], body: &Body, view: &DocumentView) -> Option<Finding> {
    let name = facts.iter().find(|f| f.path == "basics.name")?;
    if body.text.starts_with(&fold(&name.text)) {
        return None;
    }
    let first = view
        .runs
        .iter()
        .find(|r| !r.artifact && !r.text.trim().is_empty())?;
    Some(finding(
        Diagnostic::warning(Code::ReadingOrder, format!(
            "the PDF's text starts with {}, not the name {}: résumé parsers take the first text for the name",
            quoted(&first.text),
            quoted(&name.text)
        ))
        .hint("put the name first in the layout's content (a sidebar or label placed before it is read first)"),
    ))
}

/// The header (headline, contact) comes before the first section.
fn header_first(placed: &[(&Fact, usize)]) -> Option<Finding> {
    let first_section = placed
        .iter()
        .filter(|(f, _)| f.section.is_some())
        .min_by_key(|(_, at)| *at)?;
    let (late, _) = placed
        .iter()
        .filter(|(f, at)| f.section.is_none() && at > &first_section.1)
        .min_by_key(|(_, at)| *at)?;
    Some(finding(Diagnostic::warning(
        Code::ReadingOrder,
        format!(
            "`{}` {} is read after section `{}` begins: résumé parsers expect the contact details before the sections",
            late.path,
            quoted(&late.text),
            first_section.0.section.as_deref().unwrap_or_default()
        ),
    )))
}

/// Each section's text is one block: two sections whose spans of text
/// overlap are read line by line into each other.
fn sections_in_blocks(placed: &[(&Fact, usize)]) -> Vec<Finding> {
    interleaved(placed, |fact| fact.section.as_deref())
        .into_iter()
        .map(|(a, b)| {
            finding(
                Diagnostic::error(Code::ReadingOrder, format!(
                    "sections `{a}` and `{b}` are interleaved in the PDF's text: a résumé parser reads lines of one among the other"
                ))
                .hint("lay a sidebar out as one block (before or after the main column), not beside it line by line"),
            )
        })
        .collect()
}

/// The pairs of groups (by `group_of`) whose spans of text overlap, in
/// reading order.
fn interleaved<'a>(
    placed: &[(&'a Fact, usize)],
    group_of: impl Fn(&'a Fact) -> Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut spans: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (fact, at) in placed {
        if let Some(group) = group_of(fact) {
            let span = spans.entry(group).or_insert((*at, *at));
            span.0 = span.0.min(*at);
            span.1 = span.1.max(*at);
        }
    }
    let mut spans: Vec<(&str, (usize, usize))> = spans.into_iter().collect();
    spans.sort_by_key(|(_, span)| *span);
    spans
        .windows(2)
        .filter(|pair| pair[1].1.0 < pair[0].1.1)
        .map(|pair| (pair[0].0, pair[1].0))
        .collect()
}

/// In every entry, what identifies it is read before its bullets.
fn headings_before_bullets(placed: &[(&Fact, usize)]) -> Vec<Finding> {
    // Per entry: its last heading fact and its first body fact, placed.
    let mut entries: BTreeMap<usize, (Placed, Placed)> = BTreeMap::new();
    for (fact, at) in placed {
        let Some(entry) = fact.entry else { continue };
        let (last_heading, first_body) = entries.entry(entry).or_default();
        match fact.role {
            FactRole::Heading if last_heading.is_none_or(|(a, _)| *at > a) => {
                *last_heading = Some((*at, fact));
            }
            FactRole::Body if first_body.is_none_or(|(a, _)| *at < a) => {
                *first_body = Some((*at, fact));
            }
            _ => {}
        }
    }
    entries
        .values()
        .filter_map(|pair| match pair {
            (Some((h, heading)), Some((b, body))) if b < h => {
                let why = "résumé parsers expect an entry's title, organisation and dates before its details";
                Some(finding(read_before(body, heading, why).key(heading.path.clone())))
            }
            _ => None,
        })
        .collect()
}
