//! `vitae import FILE`: a JSON Resume or RenderCV file as a vitae profile.
//! The profile is written (never over a file), then checked as a render
//! would check it, so the user sees at once what to fix.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::cli::ImportFormat;
use crate::diagnostic::Diagnostic;
use crate::import::{self, Source};
use crate::profile::{load, validate};

pub fn run(
    file: &Path,
    from: Option<ImportFormat>,
    to: Option<PathBuf>,
    term: &Terminal,
) -> anyhow::Result<ExitCode> {
    let source = match from {
        Some(ImportFormat::JsonResume) => Source::JsonResume,
        Some(ImportFormat::Rendercv) => Source::RenderCv,
        None => Source::of(file),
    };
    let fail =
        |message: String, path: &Path| Failure::failed([Diagnostic::error(message).in_file(path)]);
    let text = std::fs::read_to_string(file)
        .map_err(|e| fail(format!("cannot read the file: {e}"), file))?;
    let imported = import::convert(source, &text).map_err(|problem| {
        Failure::failed([Diagnostic::error(problem)
            .in_file(file)
            .expected(source.name())
            .hint("name the format with --from json-resume or --from rendercv")])
    })?;
    let path = to.unwrap_or_else(|| file.with_extension("toml"));
    super::refuse_to_overwrite(&path, "vitae import")?;
    super::write_file(&path, imported.toml.as_bytes(), "profile")?;
    report_leftovers(&imported, &path, term);
    let problems = match load::read(&path) {
        Ok(parsed) => validate::validate(&parsed),
        Err(errors) => errors,
    };
    term.diagnostics(&problems);
    eprintln!(
        "wrote {}{}",
        path.display(),
        if problems.is_empty() {
            ""
        } else {
            "; fix the problems above before rendering"
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// What the import could not map to a key: moved to "Other details", or
/// left out as styling and settings.
fn report_leftovers(imported: &import::Imported, path: &Path, term: &Terminal) {
    if !imported.moved.is_empty() {
        let note = format!(
            "moved to the section \"Other details\" (vitae has no key for them): {}",
            imported.moved.join(", ")
        );
        term.diagnostics(&[Diagnostic::warning(note).in_file(path)]);
    }
    if !imported.skipped.is_empty() {
        let note = format!(
            "not imported (styling and settings, not content): {}",
            imported.skipped.join(", ")
        );
        term.diagnostics(&[Diagnostic::warning(note).in_file(path)]);
    }
}
