//! Stages 1–3: the profile format, reading it, checking its values and
//! applying a variant.
//!
//! [`load::read`] turns a file into a [`load::ParsedProfile`] (typed, with
//! spans); [`check`] validates it and tailors it to a variant, giving the
//! [`CheckedProfile`] every later stage starts from. Render and export both
//! go through [`check`], so the sequence is written once.

mod de;
pub mod load;
pub mod model;
pub mod rules;
mod size;

pub use size::too_deep;
pub mod tree;
pub mod validate;

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::output::OwnOutput;
use crate::variant;
use load::ParsedProfile;
use model::Profile;

/// A parsed profile after validation, with its variant applied.
#[derive(Debug)]
pub struct CheckedProfile {
    pub source: Arc<SourceFile>,
    /// The profile, pruned to the variant when there is one.
    pub profile: Profile,
    pub tree: tree::KeyTree,
    /// Problems that stop the render. They do not stop the later checks of
    /// layout, photo and theme, so one run reports everything.
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// The variant applied, and its own `output` if it has one.
    pub variant: Option<(String, Option<String>)>,
    /// Every section id of the whole profile, before a variant removed any:
    /// what `theme.section_order` and `hide` may name in every variant.
    pub section_ids: Vec<String>,
    /// The profile's own `output`, before any variant.
    base_output: Option<String>,
}

impl CheckedProfile {
    /// Where the profile (and its variant) ask their output to go.
    pub fn own_output(&self) -> OwnOutput<'_> {
        OwnOutput {
            profile: self.base_output.as_deref(),
            variant: self
                .variant
                .as_ref()
                .map(|(name, own)| (name.as_str(), own.as_deref())),
        }
    }
}

/// Validates `parsed`, applies `variant`, then keeps only `letter` when
/// one is asked for. Fails at once only when the variant or letter does
/// not exist; other errors are collected in the result.
pub fn check(
    parsed: ParsedProfile,
    variant: Option<&str>,
    letter: Option<&str>,
) -> Result<CheckedProfile, Vec<Diagnostic>> {
    let (mut errors, mut warnings): (Vec<_>, Vec<_>) = validate::validate(&parsed)
        .into_iter()
        .partition(Diagnostic::is_error);
    let ParsedProfile {
        source,
        mut profile,
        tree,
    } = parsed;
    let base_output = profile.output.as_ref().map(|o| o.get_ref().clone());
    let section_ids = rules::section_ids(&profile);
    fix_custom_ids(&mut profile);
    let variant = match variant {
        None => None,
        Some(name) => {
            keep_own_variant_warnings(&mut warnings, &profile, name);
            match variant::apply(&mut profile, name) {
                Ok(own) => Some((name.to_string(), own)),
                Err(diag) => {
                    errors.push(diag.in_file(std::path::Path::new(&source.name)));
                    return Err(errors);
                }
            }
        }
    };
    if let Some(name) = letter
        && let Err(diag) = variant::keep_letter(&mut profile, name)
    {
        errors.push(diag.in_file(std::path::Path::new(&source.name)));
        return Err(errors);
    }
    Ok(CheckedProfile {
        source,
        profile,
        tree,
        errors,
        warnings,
        variant,
        base_output,
        section_ids,
    })
}

/// Writes each custom section's id into it, so that a variant that drops
/// a tagged section leaves the others' ids (`section-N` counts sections)
/// as the profile's `[titles]`, `[intros]` and theme name them.
fn fix_custom_ids(profile: &mut Profile) {
    for (index, section) in profile.sections.iter_mut().enumerate() {
        if section.id.is_none() {
            // An id vitae gives has no place in the file: an empty span.
            let id = rules::custom_section_id(section, index);
            section.id = Some(toml::Spanned::new(0..0, id));
        }
    }
}

/// A variant's render reports warnings about its own `[[variants]]` table,
/// not its siblings' (the whole-profile render reports them all), so
/// `--all-variants` says each thing once.
fn keep_own_variant_warnings(warnings: &mut Vec<Diagnostic>, profile: &Profile, name: &str) {
    let Ok(index) = variant::find(profile, name) else {
        return;
    };
    let own = format!("variants[{index}]");
    warnings.retain(|w| match w.key_path.as_deref() {
        Some(key) if key.starts_with("variants[") => {
            key == own || key.starts_with(&format!("{own}."))
        }
        _ => true,
    });
}
