//! Fill: how full each page is. A last page with a few lines on it, or a
//! page that ends with a section's heading and nothing of its content, is
//! a warning with the budget or spacing that would fix it.

use std::collections::BTreeMap;

use super::text::{DocumentView, TextRun};
use super::{Finding, Proof, quoted};
use crate::diagnostic::{Code, Diagnostic};
use crate::layout_data::{Fact, FactRole};

/// A last page less full than this is worth a warning.
const NEARLY_EMPTY: f64 = 0.15;

/// How the nearly-empty-last-page warning starts: [`hint_runt`] finds it
/// by this.
const RUNT_MESSAGE: &str = "the last page is only";

/// Whether a document with these page fills ends in a nearly empty page:
/// what this proof warns about, and what `fit::avoid_runt` tightens the
/// spacing to avoid, by the same measure.
pub fn is_runt(fill: &[f64]) -> bool {
    matches!(fill, [_, .., last] if *last < NEARLY_EMPTY)
}

/// Adds `hint` to the nearly-empty-last-page warning among `findings`, if
/// there is one: what vitae tried, or why it did not.
pub fn hint_runt(findings: &mut [Finding], hint: String) {
    if let Some(finding) = findings
        .iter_mut()
        .find(|f| f.proof == Proof::Fill && f.diagnostic.message.starts_with(RUNT_MESSAGE))
    {
        finding.diagnostic.hints.push(hint);
    }
}

/// How full each page is, 0–1: from the top of the text area to the
/// lowest line of profile text (page furniture left out). The text area
/// starts where the highest line of the document does, and ends as far
/// from the bottom of the page (margins taken as equal).
pub fn page_fill(view: &DocumentView) -> Vec<f64> {
    let body: Vec<&TextRun> = view
        .runs
        .iter()
        .filter(|r| !r.artifact && r.is_visible() && !r.text.trim().is_empty())
        .collect();
    let top = body
        .iter()
        .map(|r| r.extent().top)
        .fold(f64::INFINITY, f64::min);
    let bottom_of = |page: usize| {
        body.iter()
            .filter(|r| r.page == page)
            .map(|r| r.extent().bottom)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    view.pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let area = page.height - 2.0 * top;
            let bottom = bottom_of(i);
            if !top.is_finite() || !bottom.is_finite() || area <= 0.0 {
                return 0.0;
            }
            ((bottom - top) / area).clamp(0.0, 1.0)
        })
        .collect()
}

pub fn check(
    view: &DocumentView,
    fill: &[f64],
    facts: &[Fact],
    fact_pages: &[Option<usize>],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let pages = fill.len();
    if is_runt(fill) {
        findings.push(warning(
            Diagnostic::warning(Code::PageFill, format!(
                "{RUNT_MESSAGE} {:.0} % full",
                fill[pages - 1] * 100.0
            ))
            .hint(format!(
                "set `pages = {}` in [theme] to fit it on {} page{} (vitae may then also reduce the font size), or shorten the profile",
                pages - 1,
                pages - 1,
                if pages - 1 == 1 { "" } else { "s" }
            )),
        ));
    }
    findings.extend(lone_headings(view));
    findings.extend(stranded_titles(facts, fact_pages));
    findings
}

/// An entry whose title, organisation and dates end a page while all of its
/// details start on the next: the reader meets a title with nothing under it.
fn stranded_titles(facts: &[Fact], fact_pages: &[Option<usize>]) -> Vec<Finding> {
    // Per entry: the last page of its heading, the first of its body, and
    // its first heading fact (to name it).
    let mut entries: BTreeMap<usize, (usize, usize, Option<&Fact>)> = BTreeMap::new();
    for (fact, page) in facts.iter().zip(fact_pages) {
        let (Some(entry), Some(page)) = (fact.entry, page) else {
            continue;
        };
        let (heading_page, body_page, first) =
            entries.entry(entry).or_insert((0, usize::MAX, None));
        match fact.role {
            FactRole::Heading => {
                *heading_page = (*heading_page).max(*page);
                first.get_or_insert(fact);
            }
            FactRole::Body => *body_page = (*body_page).min(*page),
            _ => {}
        }
    }
    entries
        .values()
        .filter_map(|(heading, body, first)| {
            let first = (*first)?;
            (*body != usize::MAX && *body > *heading).then(|| {
                let key = first.path.rsplit_once('.').map_or(first.path.as_str(), |(k, _)| k);
                warning(
                    Diagnostic::warning(Code::PageFill, format!(
                        "the title of `{key}` ({}) ends page {}; its details start on page {}",
                        quoted(&first.text),
                        heading + 1,
                        body + 1
                    ))
                    .hint("a layout keeps an entry's title with its first lines with `block(sticky: true)` or `breakable: false`; or set `pages` or `spacing` in [theme] to move the break"),
                )
            })
        })
        .collect()
}

fn warning(diagnostic: Diagnostic) -> Finding {
    Finding {
        proof: Proof::Fill,
        diagnostic,
    }
}

/// A section whose heading is the last thing in its column on a page that
/// is not the last: its content starts on the next page.
fn lone_headings(view: &DocumentView) -> Vec<Finding> {
    let last = view.pages.len().saturating_sub(1);
    let mut out = Vec::new();
    for (index, page) in view.pages.iter().enumerate().take(last) {
        for (id, x, y) in &page.sections {
            let below: Vec<f64> = view
                .runs
                .iter()
                .filter(|r| r.page == index && !r.artifact && r.y > *y)
                .filter(|r| r.x >= x - 2.0 && r.x < x + 60.0)
                .map(|r| r.y)
                .collect();
            let mut lines: Vec<f64> = Vec::new();
            for baseline in below {
                if lines.iter().all(|l| (l - baseline).abs() > 1.0) {
                    lines.push(baseline);
                }
            }
            if lines.len() <= 1 {
                out.push(warning(
                    Diagnostic::warning(Code::PageFill, format!(
                        "page {} ends with the heading of section `{id}`; its content starts on page {}",
                        index + 1,
                        index + 2
                    ))
                    .hint("a layout keeps a heading with its content with `block(sticky: true)`; or set `pages` or `spacing` in [theme] to move the break"),
                ));
            }
        }
    }
    out
}
