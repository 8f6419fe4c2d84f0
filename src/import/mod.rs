//! `vitae import FILE`: another résumé format as a vitae profile.
//!
//! Each source format has its own module that reads the document into typed
//! structs and maps what it knows onto vitae's keys. They share one rule:
//! nothing is dropped. Content vitae has no key for goes into a custom
//! section "Other details" as "key: value" items and is listed. Empty fields
//! (`""`, `null`, `[]`, `{}`) say nothing and are simply absent. What is not
//! content — styling (RenderCV's `design`), settings, bookkeeping (`meta`,
//! `$schema`) — is listed on the terminal as not imported, never printed in
//! the CV. See docs/import.md.

pub(crate) mod json_resume;
mod networks;
pub(crate) mod other_details;
mod photo;
mod rendercv;
mod values;
pub(crate) mod written;

use std::path::Path;

use toml::Table;

pub use json_resume::json_resume;
pub use rendercv::rendercv;

use other_details::OtherDetails;

/// The formats `vitae import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    JsonResume,
    RenderCv,
}

impl Source {
    /// Guesses the format from the file name: YAML is RenderCV's, anything
    /// else is read as JSON Resume.
    pub fn of(path: &Path) -> Source {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                Source::RenderCv
            }
            _ => Source::JsonResume,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Source::JsonResume => "a JSON Resume document",
            Source::RenderCv => "a RenderCV YAML file (cv: and design:)",
        }
    }
}

/// The profile as TOML text, and what did not map one to one.
pub struct Imported {
    pub toml: String,
    /// Fields kept in the custom section "Other details".
    pub moved: Vec<String>,
    /// Fields left out, each with why: styling, settings, bookkeeping, or
    /// something vitae cannot embed (a photo given as a link).
    pub skipped: Vec<String>,
    /// Choices the import made that are approximations (the layout nearest
    /// to a RenderCV theme), so the user can change them.
    pub notes: Vec<String>,
}

/// What an import leaves out and what it chose, gathered while converting.
#[derive(Default)]
pub(crate) struct Report {
    pub skipped: Vec<String>,
    pub notes: Vec<String>,
}

/// Converts `text` from `source` into a profile that will be written in
/// `folder` (where a photo must be for vitae to embed it). Fails only when
/// the text is not that format at all.
pub fn convert(source: Source, text: &str, folder: &Path) -> Result<Imported, String> {
    match source {
        Source::JsonResume => json_resume(text, folder),
        Source::RenderCv => rendercv(text, folder),
    }
}

/// Adds the "Other details" section and writes the TOML with a header
/// naming the format it came `from`.
fn finish(
    mut root: Table,
    other: OtherDetails,
    report: Report,
    from: &str,
) -> Result<Imported, String> {
    let moved = other.add_to(&mut root);
    let body = toml::to_string_pretty(&root).map_err(|e| format!("cannot write TOML: {e}"))?;
    let header = format!(
        "# Imported from {from} by `vitae import`. Check it, then: vitae render this-file.toml\n\n"
    );
    Ok(Imported {
        toml: format!("{header}{body}"),
        moved,
        skipped: report.skipped,
        notes: report.notes,
    })
}
