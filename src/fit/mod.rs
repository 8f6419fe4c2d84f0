//! Page budget: `[theme] pages = N` fits the document into N pages.
//!
//! vitae does not guess from text length; it compiles and counts pages. The
//! theme is squeezed along a fixed ladder, gentlest first: vertical spacing
//! (and, half as much, the page margins) down to [`MIN_SPACING`], then the
//! font size down to [`MIN_SIZE`] of what was asked, never below the size
//! the layout declares as its minimum. A binary search finds the gentlest
//! step that fits, so a profile that already fits is rendered exactly as
//! without a budget, and the result is the same on every run.
//!
//! Layouts take part through data, not code: they scale their vertical
//! whitespace by `theme.spacing`, and vitae adjusts the `size` and `margins`
//! options when the layout declares them. When even the tightest step does
//! not fit, [`Overflow`] says by how much and which sections are past the
//! budget, read from invisible markers the layout places (`section-start`
//! and `content-end` in `layouts/vitae.typ`).
//!
//! Without a budget, [`avoid_runt`] uses the spacing steps of the same
//! ladder to pull back a nearly empty last page.

mod budget;
mod runt;

pub use budget::{Fit, Proving, to_pages};
pub use runt::avoid_runt;

use serde_json::{Map, Value as Json};
use typst::foundations::{Label, Selector};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::Abs;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::layout::{Layout, OptionKind};
use crate::theme::Theme;

/// The tightest vertical spacing, as a factor of the theme's.
pub const MIN_SPACING: f64 = 0.6;
/// The smallest font size, as a factor of the theme's.
pub const MIN_SIZE: f64 = 0.85;
/// Margins shrink half as much as spacing: 0.8 of the theme's at the tightest.
const MARGIN_SHARE: f64 = 0.5;

const SPACING_STEP: f64 = 0.05;
const SIZE_STEP: f64 = 0.025;

/// One step of the ladder, as factors of the theme's own values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Squeeze {
    pub spacing: f64,
    pub size: f64,
}

impl Squeeze {
    pub const NONE: Squeeze = Squeeze {
        spacing: 1.0,
        size: 1.0,
    };

    fn margins(self) -> f64 {
        1.0 - (1.0 - self.spacing) * MARGIN_SHARE
    }
}

/// Every step, gentlest first: spacing 1.0 → 0.6, then size 1.0 → 0.85.
pub fn ladder() -> Vec<Squeeze> {
    let spacing_steps = ((1.0 - MIN_SPACING) / SPACING_STEP).round() as usize;
    let size_steps = ((1.0 - MIN_SIZE) / SIZE_STEP).round() as usize;
    let spacing = (0..=spacing_steps).map(|i| Squeeze {
        spacing: 1.0 - i as f64 * SPACING_STEP,
        size: 1.0,
    });
    let size = (1..=size_steps).map(|i| Squeeze {
        spacing: MIN_SPACING,
        size: 1.0 - i as f64 * SIZE_STEP,
    });
    spacing.chain(size).collect()
}

/// The theme for one step: `spacing` always, `size` and `margins` when the
/// layout declares them as a number and a length.
pub fn squeezed(theme: &Theme, layout: &Layout, step: Squeeze) -> Theme {
    let mut theme = theme.clone();
    let options = &mut theme.layout_options;
    let scale = |options: &mut Map<String, Json>, key: &str, factor: f64, floor: f64| {
        if factor == 1.0 {
            return; // the theme's own value, exactly as without a budget
        }
        if let Some(value) = options.get(key).and_then(Json::as_f64) {
            // Rounded so the PDF does not depend on floating-point noise.
            let scaled = ((value * factor).max(floor) * 100.0).round() / 100.0;
            options.insert(key.into(), Json::from(scaled));
        }
    };
    scale(options, "spacing", step.spacing, 0.0);
    let declares = |key: &str, kind: OptionKind| {
        layout
            .manifest
            .options
            .get(key)
            .filter(|spec| spec.kind == kind)
    };
    if let Some(spec) = declares("size", OptionKind::Number) {
        scale(options, "size", step.size, spec.min.unwrap_or(0.0));
    }
    if declares("margins", OptionKind::Length).is_some() {
        scale(options, "margins", step.margins(), 0.0);
    }
    theme
}

/// How a budgeted render ended.
pub enum Fitted<T> {
    /// It fits at `ladder()[step]`.
    Fits { step: usize, result: T },
    /// Even the tightest step needs more pages; `result` is that attempt.
    TooLong { result: T },
}

/// Finds the gentlest step of `ladder` at which `attempt` fits in `budget`
/// pages. `attempt` renders one step and reports its page count. Costs at
/// most 2 + log2(steps) attempts, one when the document already fits.
pub fn search<T, E>(
    budget: usize,
    ladder: &[Squeeze],
    mut attempt: impl FnMut(Squeeze) -> Result<(T, usize), E>,
) -> Result<Fitted<T>, E> {
    let (result, pages) = attempt(ladder[0])?;
    if pages <= budget {
        return Ok(Fitted::Fits { step: 0, result });
    }
    let last = ladder.len() - 1;
    let (mut best, pages) = attempt(ladder[last])?;
    if pages > budget {
        return Ok(Fitted::TooLong { result: best });
    }
    // Invariant: step `low` does not fit, step `high` does (its result is `best`).
    let (mut low, mut high) = (0, last);
    while high - low > 1 {
        let mid = (low + high) / 2;
        let (result, pages) = attempt(ladder[mid])?;
        if pages <= budget {
            (high, best) = (mid, result);
        } else {
            low = mid;
        }
    }
    Ok(Fitted::Fits {
        step: high,
        result: best,
    })
}

/// What lies past the page budget in a document that does not fit.
#[derive(Debug, PartialEq)]
pub struct Overflow {
    pub pages: usize,
    /// How far the content runs onto the first page past the budget, when
    /// that is the last page (the layout marks the end of its content).
    pub onto_last_page: Option<Abs>,
    /// Ids of the sections with content past the budget, in order: the one
    /// the budget cuts through first (the layout marks section starts).
    pub sections: Vec<String>,
}

/// Label of the invisible marker a layout puts at the start of each section.
pub const SECTION_MARKER: &str = "vitae-section";
/// Label of the invisible marker a layout puts after its last content.
pub const END_MARKER: &str = "vitae-end";

/// Reads the overflow of `document` past `budget` pages from its markers.
pub fn overflow(document: &PagedDocument, budget: usize) -> Overflow {
    let pages = document.pages().len();
    // Content on the first page past the budget starts at its topmost item.
    let first_over = document.pages().get(budget);
    let top = first_over
        .and_then(|page| {
            page.frame
                .items()
                .map(|(point, _)| point.y)
                .reduce(Abs::min)
        })
        .unwrap_or_default();
    let cut = (budget + 1, top + Abs::pt(1.0));

    let markers = |name: &str| -> Vec<((usize, Abs), String)> {
        let Some(label) = Label::new(PicoStr::intern(name)) else {
            return Vec::new();
        };
        let introspector = document.introspector();
        introspector
            .query(&Selector::Label(label))
            .iter()
            .filter_map(|content| {
                let location = content.location()?;
                let position = introspector.position(location)?;
                let id = content
                    .to_packed::<MetadataElem>()
                    .and_then(|m| m.value.clone().cast::<String>().ok())
                    .unwrap_or_default();
                Some(((position.page.get(), position.point.y), id))
            })
            .collect()
    };

    // By position: a sidebar's sections come before or beside the main column's.
    let mut starts = markers(SECTION_MARKER);
    starts.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    // The section holding the top of the first page past the budget, and
    // every section that starts after it.
    let first = starts.iter().rposition(|(at, _)| *at <= cut).unwrap_or(0);
    let sections = starts
        .get(first..)
        .unwrap_or_default()
        .iter()
        .map(|(_, id)| id.clone())
        .collect();
    let onto_last_page = markers(END_MARKER)
        .first()
        .filter(|((page, _), _)| *page == budget + 1)
        .map(|((_, y), _)| (*y - top).max(Abs::zero()));
    Overflow {
        pages,
        onto_last_page,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ladder_tightens_spacing_before_size() {
        let ladder = ladder();
        assert_eq!(ladder[0], Squeeze::NONE);
        assert_eq!(ladder.len(), 9 + 6);
        let first_smaller = ladder.iter().position(|s| s.size < 1.0).unwrap();
        assert!(
            ladder[..first_smaller]
                .windows(2)
                .all(|w| w[1].spacing < w[0].spacing)
        );
        assert!((ladder[first_smaller - 1].spacing - MIN_SPACING).abs() < 1e-9);
        assert!((ladder.last().unwrap().size - MIN_SIZE).abs() < 1e-9);
    }

    #[test]
    fn squeezing_respects_the_layouts_minimum_size() {
        let layout = Layout::builtin("classic").unwrap();
        let mut base = Theme::default();
        base.layout_options
            .insert("spacing".into(), Json::from(1.0));
        base.layout_options.insert("size".into(), Json::from(7.5));
        base.layout_options
            .insert("margins".into(), Json::from(40.0));
        let tightest = *ladder().last().unwrap();
        let options = squeezed(&base, &layout, tightest).layout_options;
        assert_eq!(options["spacing"], Json::from(0.6));
        assert_eq!(options["margins"], Json::from(32.0));
        let min = layout.manifest.options["size"].min.unwrap();
        assert_eq!(options["size"], Json::from(min), "7.5 × 0.85 is below 7");
    }

    /// A fake document whose page count falls as the squeeze grows.
    fn pages_at(step: Squeeze) -> usize {
        if step.spacing > 0.75 {
            3
        } else if step.size > 0.9 {
            2
        } else {
            1
        }
    }

    #[test]
    fn search_finds_the_gentlest_step_that_fits() {
        let ladder = ladder();
        let mut tried = 0;
        let fitted = search::<_, ()>(1, &ladder, |step| {
            tried += 1;
            Ok((step, pages_at(step)))
        })
        .unwrap();
        let Fitted::Fits { step, result } = fitted else {
            panic!("should fit")
        };
        assert_eq!(result, ladder[step]);
        assert_eq!(pages_at(ladder[step]), 1);
        assert_eq!(
            pages_at(ladder[step - 1]),
            2,
            "the step before does not fit"
        );
        assert!(tried <= 6, "{tried} attempts");

        let mut tried = 0;
        let already = search::<_, ()>(3, &ladder, |step| {
            tried += 1;
            Ok(((), pages_at(step)))
        })
        .unwrap();
        assert!(matches!(already, Fitted::Fits { step: 0, .. }) && tried == 1);
        let never = search::<_, ()>(1, &ladder, |_| Ok(((), 2))).unwrap();
        assert!(matches!(never, Fitted::TooLong { .. }));
    }
}
