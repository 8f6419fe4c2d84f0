//! Placing diagnostics that were made without the profile's spans.

use crate::compile;
use crate::diagnostic::{Code, Diagnostic};
use crate::profile::CheckedProfile;

/// Typst's errors about the photo (an SVG it cannot read) name the file
/// as the layout sees it; the user needs the profile's `photo = …` line.
pub(super) fn about_the_photo(
    errors: Vec<Diagnostic>,
    checked: &CheckedProfile,
) -> Vec<Diagnostic> {
    let Some(photo) = &checked.profile.basics.photo else {
        return errors;
    };
    errors
        .into_iter()
        .map(|error| {
            let in_photo = error
                .position()
                .is_some_and(|p| p.contains(compile::world::ASSET_DIR.trim_start_matches('/')));
            if !in_photo {
                return error;
            }
            Diagnostic::error(
                Code::PhotoRefused,
                format!("photo refused: `{}`: {}", photo.get_ref(), error.message),
            )
            .at(&checked.source, photo.span())
            .key("basics.photo")
        })
        .collect()
}

/// Points warnings made without the profile's spans at the text they are
/// about (a dropped link's address, an unknown font's name).
pub(super) fn located(warnings: Vec<Diagnostic>, checked: &CheckedProfile) -> Vec<Diagnostic> {
    warnings
        .into_iter()
        .map(|w| w.locate(&checked.source))
        .collect()
}
