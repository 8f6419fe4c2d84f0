//! Geometry: all text on the paper and clear of its edge, none cut off by a
//! clip, none drawn over other text, none crossing the edge of the tint it
//! sits on (a sidebar's text past the sidebar's fill).

use super::text::{Area, DocumentView, TextRun};
use super::{Finding, Proof, capped, mm, quoted};
use crate::diagnostic::{Code, Diagnostic};

/// Printers do not reach the last 3 mm of a sheet.
const EDGE_PT: f64 = 3.0 * 72.0 / 25.4;
/// The most findings of one kind listed one by one.
const MAX_LISTED: usize = 6;

pub fn check(view: &DocumentView) -> Vec<Finding> {
    let shown: Vec<&TextRun> = view
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let mut findings = Vec::new();
    findings.extend(capped(
        edges(view, &shown),
        MAX_LISTED,
        "runs near the edge",
    ));
    findings.extend(capped(clipped(&shown), MAX_LISTED, "runs cut off"));
    findings.extend(capped(overlaps(&shown), MAX_LISTED, "overlaps"));
    findings.extend(capped(
        tints(view, &shown),
        MAX_LISTED,
        "runs across a tint's edge",
    ));
    findings
}

fn error(message: String) -> Finding {
    Finding {
        proof: Proof::Geometry,
        diagnostic: Diagnostic::error(Code::Geometry, message),
    }
}

/// "page 2, 31 mm from the left, 270 mm from the top".
fn at(run: &TextRun) -> String {
    format!(
        "page {}, {:.0} mm from the left, {:.0} mm from the top",
        run.page + 1,
        mm(run.x),
        mm(run.y)
    )
}

fn edges(view: &DocumentView, runs: &[&TextRun]) -> Vec<Finding> {
    let mut out = Vec::new();
    for run in runs.iter().filter(|r| r.is_visible()) {
        let page = &view.pages[run.page];
        let ink = run.ink();
        let paper = Area {
            left: 0.0,
            top: 0.0,
            right: page.width,
            bottom: page.height,
        };
        let printable = Area {
            left: EDGE_PT,
            top: EDGE_PT,
            right: page.width - EDGE_PT,
            bottom: page.height - EDGE_PT,
        };
        let inside = |a: &Area| {
            ink.left >= a.left && ink.right <= a.right && ink.top >= a.top && ink.bottom <= a.bottom
        };
        if !inside(&paper) {
            out.push(error(format!(
                "text runs off the paper: {} at {}",
                quoted(&run.text),
                at(run)
            )));
        } else if !inside(&printable) {
            out.push(error(format!(
                "text within 3 mm of the paper's edge, where printers clip: {} at {}",
                quoted(&run.text),
                at(run)
            )));
        }
    }
    out
}

fn clipped(runs: &[&TextRun]) -> Vec<Finding> {
    runs.iter()
        .filter(|r| r.is_clipped())
        .map(|run| {
            error(format!(
                "text cut off by the box that holds it: {} at {}",
                quoted(&run.text),
                at(run)
            ))
        })
        .collect()
}

/// Two visible runs whose ink overlaps by more than a hair.
fn overlaps(runs: &[&TextRun]) -> Vec<Finding> {
    let mut visible: Vec<&TextRun> = runs.iter().copied().filter(|r| r.is_visible()).collect();
    visible.sort_by(|a, b| {
        (a.page, a.ink().top)
            .partial_cmp(&(b.page, b.ink().top))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out = Vec::new();
    for (i, a) in visible.iter().enumerate() {
        let ia = a.ink();
        for b in &visible[i + 1..] {
            let ib = b.ink();
            if b.page != a.page || ib.top >= ia.bottom {
                break;
            }
            let wide = ia.right.min(ib.right) - ia.left.max(ib.left);
            let tall = ia.bottom.min(ib.bottom) - ia.top.max(ib.top);
            if wide > 1.0 && tall > 0.25 * a.cap_height.min(b.cap_height) {
                out.push(error(format!(
                    "text over text: {} and {} overlap at {}",
                    quoted(&a.text),
                    quoted(&b.text),
                    at(a)
                )));
            }
        }
    }
    out
}

/// A run that starts on a tint (a sidebar, a panel) and runs past its edge.
fn tints(view: &DocumentView, runs: &[&TextRun]) -> Vec<Finding> {
    let mut out = Vec::new();
    for run in runs.iter().filter(|r| r.is_visible() && !r.artifact) {
        let page = &view.pages[run.page];
        let ink = run.ink();
        let big = 2.0 * run.size;
        let crossed = page.fills.iter().find(|f| {
            f.order < run.order
                && f.color != page.paper
                && f.area.height() >= big
                && f.area.right - f.area.left >= big
                && f.area.intersects(&ink)
                && (ink.left < f.area.left - 1.0
                    || ink.right > f.area.right + 1.0
                    || ink.top < f.area.top - 1.0
                    || ink.bottom > f.area.bottom + 1.0)
        });
        if let Some(fill) = crossed {
            let a = fill.area;
            let edge = if ink.right > a.right + 1.0 {
                format!("runs {:.1} mm past its right edge", mm(ink.right - a.right))
            } else if ink.left < a.left - 1.0 {
                format!(
                    "starts {:.1} mm left of its left edge",
                    mm(a.left - ink.left)
                )
            } else if ink.bottom > a.bottom + 1.0 {
                format!("runs {:.1} mm below its bottom", mm(ink.bottom - a.bottom))
            } else {
                format!("starts {:.1} mm above its top", mm(a.top - ink.top))
            };
            out.push(error(format!(
                "text crosses the edge of the tinted box it sits on ({edge}): {} at {}",
                quoted(&run.text),
                at(run)
            )));
        }
    }
    out
}
