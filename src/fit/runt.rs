//! A nearly empty last page ("runt") with no page budget: pull it back by
//! tightening the spacing a little, or keep the document as it is and let
//! the fill proof's warning say what the user can do.
//!
//! Only the spacing steps of the ladder are tried (spacing down to
//! [`MIN_SPACING`], margins half as much), never the font size: the user did
//! not ask for a budget, so the text stays the size they chose. List items
//! keep their distance: layouts set list spacing as the leading plus a share
//! of `theme.spacing`, so only the share shrinks.
//!
//! The extra compiles happen only for runts: a document whose last page is
//! full enough costs nothing more. A runt costs at most 2 + log2(8) = 5
//! compiles more (a bisection over the 8 spacing steps), each reusing
//! Typst's memoised work for everything the step did not change.

use super::{Fit, Fitted, MIN_SPACING, Squeeze, ladder, search, squeezed};
use crate::compile::Compiled;
use crate::diagnostic::Diagnostic;
use crate::layout::Layout;
use crate::proof;
use crate::theme::Theme;

/// Tightens the spacing of `plain` (the document as compiled with `theme`,
/// and its proofs) just enough to lose its nearly empty last page, when
/// the user left the spacing to vitae. Returns `plain` when it is no runt,
/// when its proofs already fail (the job fails either way), or when no
/// spacing step both fits and passes its proofs: then with a hint on the
/// fill warning saying why the runt stayed.
pub fn avoid_runt(
    mut plain: Fit,
    theme: &Theme,
    layout: &Layout,
    input: &proof::Input,
    mut compile: impl FnMut(&Theme) -> Result<Compiled, Vec<Diagnostic>>,
) -> Fit {
    if !plain.report.ends_in_runt() || plain.report.has_errors() {
        return plain;
    }
    if theme.spacing_chosen {
        plain.report.hint_runt(
            "[theme] sets `spacing`, so vitae keeps it; without it, vitae tightens the spacing to avoid a nearly empty last page when it can".into(),
        );
        return plain;
    }
    let budget = plain.report.fill.len() - 1;
    let steps = spacing_steps();
    let mut attempt = |step: Squeeze| compile(&squeezed(theme, layout, step));
    let fitted = search(budget, &steps, |step| {
        let compiled = attempt(step)?;
        let pages = compiled.document.pages().len();
        Ok::<_, Vec<Diagnostic>>((compiled, pages))
    });
    match fitted {
        Ok(Fitted::Fits { step, result }) => {
            if let Some(fit) = first_proven(&steps[step..], result, budget, input, attempt) {
                return fit;
            }
        }
        // A layout that fails at a tighter spacing: the plain document stands.
        Err(_) => return plain,
        Ok(Fitted::TooLong { .. }) => {}
    }
    plain.report.hint_runt(format!(
        "tightening the spacing to {:.0} % does not pull it back onto page {budget}",
        MIN_SPACING * 100.0
    ));
    plain
}

/// The spacing steps of the ladder past the theme's own (95 % … 60 %):
/// the font-size steps are for budgets only.
fn spacing_steps() -> Vec<Squeeze> {
    ladder()
        .into_iter()
        .skip(1)
        .take_while(|step| step.size == 1.0)
        .collect()
}

/// The first of `steps` whose document fits `budget` pages and passes its
/// proofs, `first` being the first step's document. Tighter steps are
/// compiled only when a gentler one fails a proof, which is rare.
fn first_proven(
    steps: &[Squeeze],
    first: Compiled,
    budget: usize,
    input: &proof::Input,
    mut attempt: impl FnMut(Squeeze) -> Result<Compiled, Vec<Diagnostic>>,
) -> Option<Fit> {
    let mut first = Some(first);
    for &step in steps {
        let compiled = match first.take() {
            Some(compiled) => compiled,
            None => attempt(step).ok()?,
        };
        if compiled.document.pages().len() > budget {
            continue;
        }
        let report = proof::prove(&compiled.document, input);
        if !report.has_errors() {
            return Some(Fit {
                compiled,
                report,
                note: Some(format!(
                    "tightened spacing to {:.0} % to avoid a nearly empty last page",
                    step.spacing * 100.0
                )),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_spacing_is_tightened_and_never_below_the_floor() {
        let steps = spacing_steps();
        assert_eq!(steps.len(), 8);
        assert!(steps.iter().all(|s| s.size == 1.0 && s.spacing < 1.0));
        assert!((steps.last().unwrap().spacing - MIN_SPACING).abs() < 1e-9);
    }
}
