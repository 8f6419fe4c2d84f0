//! A page budget applied to one job: compile along the ladder until the
//! document fits, and say in the user's terms what was tightened, or what
//! does not fit and where.

use serde_json::{Map, Value as Json};

use super::{Fitted, Squeeze, ladder, overflow, search, squeezed};
use crate::compile::Compiled;
use crate::diagnostic::Diagnostic;
use crate::layout::Layout;
use crate::profile::CheckedProfile;
use crate::theme::Theme;

/// A document that fits its budget, and what was tightened to get there.
pub struct Fit {
    pub compiled: Compiled,
    /// "fitted to 1 page: spacing 70 %", when anything was tightened.
    pub note: Option<String>,
}

/// Fits a job into `budget` pages. `compile` lays the profile out with a
/// given theme; `title_of` names a section by id for the overflow report.
pub fn to_pages(
    budget: usize,
    theme: &Theme,
    layout: &Layout,
    checked: &CheckedProfile,
    title_of: impl Fn(&str) -> String,
    mut compile: impl FnMut(&Theme) -> Result<Compiled, Vec<Diagnostic>>,
) -> Result<Fit, Vec<Diagnostic>> {
    let ladder = ladder();
    let fitted = search(budget, &ladder, |step| {
        let squeezed = squeezed(theme, layout, step);
        let compiled = compile(&squeezed)?;
        let pages = compiled.document.pages().len();
        Ok::<_, Vec<Diagnostic>>(((compiled, squeezed.layout_options), pages))
    })?;
    match fitted {
        Fitted::Fits { step: 0, result } => Ok(Fit {
            compiled: result.0,
            note: None,
        }),
        Fitted::Fits { step, result } => {
            let note = format!(
                "fitted to {budget} page{}: {}",
                plural(budget),
                describe(ladder[step], &result.1)
            );
            Ok(Fit {
                compiled: result.0,
                note: Some(note),
            })
        }
        Fitted::TooLong { result } => {
            let tightest = describe(*ladder.last().unwrap_or(&Squeeze::NONE), &result.1);
            Err(vec![too_long(
                budget, &result.0, &tightest, checked, title_of,
            )])
        }
    }
}

/// The error for a profile that does not fit even at the tightest step:
/// how far it runs, which sections are past the budget, and the `pages` key.
fn too_long(
    budget: usize,
    compiled: &Compiled,
    tightest: &str,
    checked: &CheckedProfile,
    title_of: impl Fn(&str) -> String,
) -> Diagnostic {
    let overflow = overflow(&compiled.document, budget);
    let how_far = match overflow.onto_last_page {
        Some(length) => format!("runs {:.1} cm onto page {}", length.to_cm(), budget + 1),
        None => format!("needs {} pages", overflow.pages),
    };
    let mut diag = Diagnostic::error(format!(
        "the profile does not fit on {budget} page{}: even at the tightest setting ({tightest}) it {how_far}",
        plural(budget)
    ));
    let titles: Vec<String> = overflow
        .sections
        .iter()
        .map(|id| format!("“{}”", title_of(id)))
        .collect();
    if let Some((first, rest)) = titles.split_first() {
        let mut past = format!("past the budget: the end of {first}");
        if !rest.is_empty() {
            past.push_str(&format!(", then {}", rest.join(", ")));
        }
        diag = diag.hint(past);
    }
    diag = diag.hint(format!(
        "shorten or hide sections (theme.hide), make a variant without some entries, or raise `pages` to {}",
        budget + 1
    ));
    // Point at `pages` in [theme], or in the variant's theme laid over it.
    if let Some(value) = checked.profile.theme.get("pages") {
        let span = value.span();
        let key = crate::profile::tree::display_path(&checked.tree.path_at(&span));
        diag = diag.at(&checked.source, span).key(key);
    }
    diag
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
