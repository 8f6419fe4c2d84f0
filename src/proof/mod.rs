//! Stage 6: prove every document before it is encoded. Six proofs read the
//! laid-out document (not the PDF), in-process, in about a millisecond:
//!
//! - **coverage**: every fact of the profile is in the text (nothing lost);
//! - **geometry**: no text outside the page, near its edge, cut off by a
//!   clip, over other text, or across the edge of the tint it sits on;
//! - **glyphs**: every character drawn (no `.notdef` boxes);
//! - **contrast**: text readable on what it sits on (WCAG 2.2);
//! - **reading order**: the order a résumé parser reads is the profile's;
//! - **fill**: no near-empty last page, no heading alone at a page's end.
//!
//! [`text::view`] turns the document into positioned runs of text, in the
//! order typst-pdf writes them (which is what résumé parsers read); each
//! proof is a function from that view to [`Finding`]s.

pub(crate) mod contrast;
pub(crate) mod coverage;
mod fill;
mod geometry;
mod glyphs;
mod order;
pub mod text;

use std::sync::Arc;

use serde::Serialize;
use typst_layout::PagedDocument;

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::layout::Layout;
use crate::layout_data::Fact;
use crate::profile::tree::KeyTree;

pub use coverage::Body;

/// What the proofs need besides the document.
pub struct Input<'a> {
    /// The profile's facts (after the variant and the theme's `hide`).
    pub facts: &'a [Fact],
    pub source: &'a Arc<SourceFile>,
    pub tree: &'a KeyTree,
    pub layout: &'a Layout,
    /// The theme's accent colour, for a contrast hint that names the key.
    pub accent: Option<&'a str>,
}

/// The six proofs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Proof {
    Coverage,
    Geometry,
    Glyphs,
    Contrast,
    ReadingOrder,
    Fill,
}

impl Proof {
    pub const ALL: [Proof; 6] = [
        Proof::Coverage,
        Proof::Geometry,
        Proof::Glyphs,
        Proof::Contrast,
        Proof::ReadingOrder,
        Proof::Fill,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Proof::Coverage => "coverage",
            Proof::Geometry => "geometry",
            Proof::Glyphs => "glyphs",
            Proof::Contrast => "contrast",
            Proof::ReadingOrder => "reading order",
            Proof::Fill => "fill",
        }
    }
}

/// One problem a proof found: an error (the PDF is not written) or a
/// warning (an error under `--strict`).
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Finding {
    pub proof: Proof,
    pub diagnostic: Diagnostic,
}

/// Everything the proofs found about one document.
///
/// A report crosses from a child process (a user layout's job) without its
/// runs and pages: those are for tests and tools in-process.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Report {
    /// Facts in the profile, and how many of them the document prints.
    pub facts: usize,
    pub found: usize,
    /// Key paths the layout leaves out on purpose (`omits` in layout.toml).
    pub omitted: Vec<String>,
    /// How full each page is, 0–1, from the top of the text to its bottom.
    pub fill: Vec<f64>,
    /// The page each fact starts on (`None`: not printed).
    pub fact_pages: Vec<Option<usize>>,
    pub findings: Vec<Finding>,
    /// The document's runs of text, in the order its PDF holds them: what a
    /// résumé parser reads item by item.
    #[serde(skip)]
    pub runs: Vec<text::TextRun>,
    /// The pages as the proofs saw them: sizes, fills, rules, sections.
    #[serde(skip)]
    pub pages: Vec<text::PageView>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.diagnostic.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The findings of one proof.
    pub fn of(&self, proof: Proof) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.proof == proof)
    }

    /// Whether the last page is nearly empty, by the fill proof's measure.
    pub fn ends_in_runt(&self) -> bool {
        fill::is_runt(&self.fill)
    }

    /// Adds `hint` to the fill proof's nearly-empty-last-page warning.
    pub fn hint_runt(&mut self, hint: String) {
        fill::hint_runt(&mut self.findings, hint);
    }

    /// The findings as diagnostics: errors first, then warnings.
    pub fn diagnostics(&self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let (errors, warnings) = self
            .findings
            .iter()
            .map(|f| f.diagnostic.clone())
            .partition(Diagnostic::is_error);
        (errors, warnings)
    }
}

/// Runs every proof over `document`.
pub fn prove(document: &PagedDocument, input: &Input) -> Report {
    let view = text::view(document);
    let body = Body::of(&view.runs);
    let mut coverage = coverage::check(input, &view, &body);
    let mut findings = std::mem::take(&mut coverage.findings);
    findings.extend(geometry::check(&view));
    findings.extend(glyphs::check(&view, input.facts));
    findings.extend(contrast::check(&view, input.accent));
    findings.extend(order::check(input.facts, &coverage, &body, &view));
    let fact_pages: Vec<Option<usize>> = coverage
        .positions
        .iter()
        .map(|p| p.map(|at| view.runs[body.run_at(at)].page))
        .collect();
    let fill = fill::page_fill(&view);
    findings.extend(fill::check(&view, &fill, input.facts, &fact_pages));
    for finding in &mut findings {
        let diagnostic = std::mem::replace(
            &mut finding.diagnostic,
            Diagnostic::error(Code::Internal, ""),
        );
        finding.diagnostic = diagnostic.locate(input.source);
    }
    Report {
        facts: input.facts.len(),
        found: coverage.found,
        omitted: coverage.omitted,
        fill,
        fact_pages,
        findings,
        runs: view.runs,
        pages: view.pages,
    }
}

/// "“Experience” on page 2": a run of text quoted for a message.
fn quoted(text: &str) -> String {
    let text = text.trim();
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("“{short}…”")
    } else {
        format!("“{short}”")
    }
}

/// Points to millimetres, for positions in messages.
fn mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// Keeps the first `max` findings of a kind and sums up the rest, so one
/// broken layout does not print a thousand lines.
fn capped(mut findings: Vec<Finding>, max: usize, what: &str) -> Vec<Finding> {
    if findings.len() > max {
        let more = findings.len() - max;
        let proof = findings[0].proof;
        let error = findings[0].diagnostic.is_error();
        let code = findings[0].diagnostic.code;
        findings.truncate(max);
        let message = format!("… and {more} more {what}");
        findings.push(Finding {
            proof,
            diagnostic: if error {
                Diagnostic::error(code, message)
            } else {
                Diagnostic::warning(code, message)
            },
        });
    }
    findings
}
