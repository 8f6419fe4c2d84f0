//! `vitae import FILE`: a JSON Resume or RenderCV file as a vitae profile.
//! The profile is written (never over a file), then checked as a render
//! would check it, so the user sees at once what to fix. When that check
//! finds errors the profile is still written — it holds everything the
//! source said, and is the file to fix — but the command exits with 1, so a
//! script does not go on to render it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::cli::ImportFormat;
use crate::diagnostic::{Code, Diagnostic};
use crate::files;
use crate::import::{self, Source};
use crate::limits;
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
    let fail = |message: String, path: &Path| {
        Failure::failed([Diagnostic::error(Code::Import, message).in_file(path)])
    };
    let bytes = files::read_capped(file, limits::PROFILE_BYTES)
        .map_err(|problem| fail(format!("not imported: the file {problem}"), file))?;
    let text =
        String::from_utf8(bytes).map_err(|_| fail("the file is not UTF-8 text".into(), file))?;
    let path = to.unwrap_or_else(|| file.with_extension("toml"));
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let imported = import::convert(source, &text, &folder).map_err(|problem| {
        Failure::failed([Diagnostic::error(Code::Import, problem)
            .in_file(file)
            .expected(source.name())
            .hint("name the format with --from json-resume or --from rendercv")])
    })?;
    if imported.toml.len() as u64 > limits::PROFILE_BYTES {
        return Err(Failure::failed([Diagnostic::error(
            Code::OverLimit,
            format!(
                "the profile would be {}, over the limit of {} for a profile; nothing was written",
                files::size(imported.toml.len() as u64),
                files::size(limits::PROFILE_BYTES)
            ),
        )
        .in_file(file)
        .hint("the limits are listed in docs/limits.md")])
        .into());
    }
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
    Ok(if problems.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What the import could not map to a key: moved to "Other details", or
/// left out (styling, settings, bookkeeping); and the choices it made
/// that are approximations.
fn report_leftovers(imported: &import::Imported, path: &Path, term: &Terminal) {
    if !imported.moved.is_empty() {
        let note = format!(
            "moved to the section \"Other details\" (vitae has no key for them): {}",
            imported.moved.join(", ")
        );
        term.diagnostics(&[Diagnostic::warning(Code::Import, note).in_file(path)]);
    }
    if !imported.skipped.is_empty() {
        let note = format!("not imported: {}", imported.skipped.join(", "));
        term.diagnostics(&[Diagnostic::warning(Code::Import, note).in_file(path)]);
    }
    for note in &imported.notes {
        term.diagnostics(&[Diagnostic::warning(Code::Import, note.clone()).in_file(path)]);
    }
}
