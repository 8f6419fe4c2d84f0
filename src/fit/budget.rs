//! A page budget applied to one job: compile along the ladder until the
//! document fits, and say in the user's terms what was tightened, or what
//! does not fit and where.

use serde_json::{Map, Value as Json};

use super::{Fitted, Squeeze, ladder, overflow, search, squeezed};
use crate::compile::Compiled;
use crate::diagnostic::{Code, Diagnostic};
use crate::layout::Layout;
use crate::layout_data::{Fact, FactRole};
use crate::profile::CheckedProfile;
use crate::proof::{self, Report};
use crate::theme::Theme;

/// A document that fits its budget, and what was tightened to get there.
pub struct Fit {
    pub compiled: Compiled,
    /// The proofs of that document: a fit only counts when they pass,
    /// which the caller decides from this report.
    pub report: Report,
    /// "fitted to 1 page: spacing 70 %", when anything was tightened.
    pub note: Option<String>,
}

/// What the fitter proves its result with, and names sections by.
pub struct Proving<'a> {
    pub input: &'a proof::Input<'a>,
    pub title_of: &'a dyn Fn(&str) -> String,
}

/// Fits a job into `budget` pages. `compile` lays the profile out with a
/// given theme; the step it settles on is proven, and when nothing fits,
/// the proof's map of facts to pages names what runs past the budget.
pub fn to_pages(
    budget: usize,
    theme: &Theme,
    layout: &Layout,
    checked: &CheckedProfile,
    proving: Proving,
    mut compile: impl FnMut(&Theme) -> Result<Compiled, Vec<Diagnostic>>,
) -> Result<Fit, Vec<Diagnostic>> {
    let ladder = ladder();
    let fitted = search(budget, &ladder, |step| {
        let squeezed = squeezed(theme, layout, step);
        let compiled = compile(&squeezed)?;
        let pages = compiled.document.pages().len();
        Ok::<_, Vec<Diagnostic>>(((compiled, squeezed.layout_options), pages))
    })?;
    let prove = |compiled: &Compiled| proof::prove(&compiled.document, proving.input);
    match fitted {
        Fitted::Fits { step, result } => {
            let note = (step > 0).then(|| {
                format!(
                    "fitted to {budget} page{}: {}",
                    plural(budget),
                    describe(ladder[step], &result.1)
                )
            });
            Ok(Fit {
                report: prove(&result.0),
                compiled: result.0,
                note,
            })
        }
        Fitted::TooLong { result } => {
            let tightest = describe(*ladder.last().unwrap_or(&Squeeze::NONE), &result.1);
            let report = prove(&result.0);
            Err(vec![too_long(
                budget,
                (&result.0, &report, proving.input.facts),
                &tightest,
                checked,
                proving.title_of,
            )])
        }
    }
}

/// The error for a profile that does not fit even at the tightest step:
/// how far it runs, which sections are past the budget, and the `pages` key.
fn too_long(
    budget: usize,
    (compiled, report, facts): (&Compiled, &Report, &[Fact]),
    tightest: &str,
    checked: &CheckedProfile,
    title_of: &dyn Fn(&str) -> String,
) -> Diagnostic {
    let overflow = overflow(&compiled.document, budget);
    let how_far = match overflow.onto_last_page {
        Some(length) => format!("runs {:.1} cm onto page {}", length.to_cm(), budget + 1),
        None => format!("needs {} pages", overflow.pages),
    };
    let mut diag = Diagnostic::error(
        Code::DoesNotFit,
        format!(
            "the profile does not fit on {budget} page{}: even at the tightest setting ({tightest}) it {how_far}",
            plural(budget)
        ),
    );
    let mut titles = past_budget(budget, report, facts, title_of);
    if titles.is_empty() {
        titles = overflow
            .sections
            .iter()
            .map(|id| format!("“{}”", title_of(id)))
            .collect();
    }
    if let Some((first, rest)) = titles.split_first() {
        let mut past = format!("past the budget: the end of {first}");
        if !rest.is_empty() {
            past.push_str(&format!(", then {}", rest.join(", ")));
        }
        diag = diag.hint(past);
    }
    diag = diag.hint(format!(
        "shorten or hide sections (theme.hide), make a variant without some entries, or raise `pages` to {}",
        overflow.pages.max(budget + 1)
    ));
    // Point at `pages` in [theme], or in the variant's theme laid over it.
    if let Some(value) = checked.profile.theme.get("pages") {
        let span = value.span();
        let key = crate::profile::tree::display_path(&checked.tree.path_at(&span));
        diag = diag.at(&checked.source, span).key(key);
    }
    diag
}

/// The sections, and in each the entries, whose text lies past the budget,
/// in the order they are read: “Experience” (Globex, Initech), “Skills”.
fn past_budget(
    budget: usize,
    report: &Report,
    facts: &[Fact],
    title_of: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let mut over: Vec<(usize, usize)> = report
        .fact_pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| page.filter(|p| *p >= budget).map(|p| (p, i)))
        .collect();
    over.sort();
    // Section id → the entries past the budget, by their first heading.
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for (_, i) in over {
        let Some(id) = &facts[i].section else {
            continue;
        };
        if sections.last().is_none_or(|(last, _)| last != id) {
            if sections.iter().any(|(s, _)| s == id) {
                continue;
            }
            sections.push((id.clone(), Vec::new()));
        }
        let heading = facts[i].entry.and_then(|entry| {
            facts
                .iter()
                .find(|f| f.entry == Some(entry) && f.role == FactRole::Heading)
        });
        let entries = &mut sections.last_mut().expect("pushed above").1;
        if let Some(heading) = heading
            && !entries.contains(&heading.text)
        {
            entries.push(heading.text.clone());
        }
    }
    sections
        .into_iter()
        .map(|(id, entries)| {
            let title = format!("“{}”", title_of(&id));
            match entries.len() {
                0 => title,
                1..=3 => format!("{title} ({})", entries.join(", ")),
                n => format!("{title} ({}, and {} more)", entries[..3].join(", "), n - 3),
            }
        })
        .collect()
}

/// "spacing 80 %, font size 8.6 pt": a squeeze step in the user's terms.
fn describe(step: Squeeze, options: &Map<String, Json>) -> String {
    let mut parts = vec![format!("spacing {:.0} %", step.spacing * 100.0)];
    if step.size < 1.0
        && let Some(size) = options.get("size").and_then(Json::as_f64)
    {
        parts.push(format!("font size {size:.1} pt"));
    }
    parts.join(", ")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
