//! Contrast: text against what it sits on (the paper, a tint, a tag's
//! fill) meets WCAG 2.2: 4.5:1 for body text, 3:1 for large or bold text.
//! A colour that fails gets the nearest shade that passes.

use std::collections::BTreeMap;

use super::text::{DocumentView, Rgba, TextRun};
use super::{Finding, Proof, quoted};
use crate::diagnostic::{Code, Diagnostic};

const BODY: f64 = 4.5;
const LARGE: f64 = 3.0;

pub fn check(view: &DocumentView, accent: Option<&str>) -> Vec<Finding> {
    // One finding per pair of colours: (text, background, needed) → runs.
    let mut failing: BTreeMap<(String, String, u8), Vec<&TextRun>> = BTreeMap::new();
    for run in view
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty() && r.is_visible())
    {
        let background = background(view, run);
        let text = over(run.color, background);
        let need = if run.bold || run.size >= 18.0 {
            LARGE
        } else {
            BODY
        };
        if ratio(text, background) + 1e-9 < need {
            let key = (hex(text), hex(background), (need * 10.0) as u8);
            failing.entry(key).or_default().push(run);
        }
    }
    failing
        .into_iter()
        .map(|((text, background, need), runs)| {
            let need = f64::from(need) / 10.0;
            let (fg, bg) = (parse(&text), parse(&background));
            let first = runs[0];
            let more = match runs.len() - 1 {
                0 => String::new(),
                n => format!(" and {n} more run{}", if n == 1 { "" } else { "s" }),
            };
            let better = hex(passing_shade(fg, bg, need));
            let hint = if accent.is_some_and(|a| a.eq_ignore_ascii_case(&text)) {
                format!("the accent is too light here: set `accent = \"{better}\"` in [theme], the nearest shade that passes")
            } else {
                format!("{better} is the nearest shade of {text} that passes")
            };
            Finding {
                proof: Proof::Contrast,
                diagnostic: Diagnostic::warning(Code::Contrast, format!(
                    "text in {text} on {background} has a contrast of {:.2}:1, below {need}:1: {} on page {}{more}",
                    ratio(fg, bg),
                    quoted(&first.text),
                    first.page + 1,
                ))
                .hint(hint),
            }
        })
        .collect()
}

/// What the run is painted on: the last fill under its middle painted
/// before it, else the paper.
fn background(view: &DocumentView, run: &TextRun) -> Rgba {
    let page = &view.pages[run.page];
    let (x, y) = run.ink().centre();
    page.fills
        .iter()
        .filter(|f| f.order < run.order && f.area.contains(x, y))
        .fold(page.paper, |under, fill| over(fill.color, under))
}

/// `top` painted over `under`, by its alpha.
fn over(top: Rgba, under: Rgba) -> Rgba {
    let a = top[3];
    let mix = |i: usize| top[i] * a + under[i] * (1.0 - a);
    [mix(0), mix(1), mix(2), 1.0]
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: Rgba) -> f64 {
    let channel = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// WCAG contrast ratio, 1–21.
pub fn ratio(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The shade of `text` closest to it that reaches `need` on `background`:
/// darker on a light background, lighter on a dark one.
pub fn passing_shade(text: Rgba, background: Rgba, need: f64) -> Rgba {
    let target = if luminance(background) > 0.18 {
        0.0
    } else {
        1.0
    };
    (0..=100)
        .map(|step| {
            let t = f64::from(step) / 100.0;
            let c = [0, 1, 2].map(|i| text[i] + (target - text[i]) * t);
            [c[0], c[1], c[2], 1.0]
        })
        .find(|c| ratio(*c, background) >= need + 0.05)
        .unwrap_or([target, target, target, 1.0])
}

pub fn hex(c: Rgba) -> String {
    let byte = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(c[0]), byte(c[1]), byte(c[2]))
}

/// `#rgb`, `#rrggbb` or `#rrggbbaa` (alpha ignored); black if malformed.
pub(crate) fn parse(hex: &str) -> Rgba {
    let digits = hex.trim_start_matches('#');
    let digits: String = if digits.len() == 3 {
        digits.chars().flat_map(|c| [c, c]).collect()
    } else {
        digits.to_string()
    };
    let byte = |i: usize| {
        u8::from_str_radix(digits.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0
    };
    [byte(0), byte(2), byte(4), 1.0]
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgba = [1.0, 1.0, 1.0, 1.0];

    #[test]
    fn wcag_ratios_match_known_values() {
        assert!((ratio([0.0, 0.0, 0.0, 1.0], WHITE) - 21.0).abs() < 0.01);
        let yellow = parse("#f1c40f");
        assert!(
            (ratio(yellow, WHITE) - 1.66).abs() < 0.02,
            "{}",
            ratio(yellow, WHITE)
        );
    }

    #[test]
    fn the_suggested_shade_passes_and_stays_close() {
        let yellow = parse("#f1c40f");
        let shade = passing_shade(yellow, WHITE, BODY);
        assert!(ratio(shade, WHITE) >= BODY);
        let just_lighter = [0, 1, 2].map(|i| (shade[i] + 0.02).min(1.0));
        assert!(
            ratio(
                [just_lighter[0], just_lighter[1], just_lighter[2], 1.0],
                WHITE
            ) < BODY + 0.3
        );
        assert_eq!(hex(parse("#1f3a5f")), "#1f3a5f");
    }
}
