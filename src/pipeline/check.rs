//! `vitae check`: the pipeline up to the proofs, nothing encoded.

use std::sync::Arc;

use super::{isolation, lay_out, prepare};
use crate::batch::Job;
use crate::compile::Engine;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::encode::Format;
use crate::isolate;
use crate::profile::load;
use crate::proof::Report;
use crate::settings::RunSettings;

/// A job checked all the way through the proofs, nothing encoded.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Checked {
    pub layout: String,
    pub pages: usize,
    pub report: Report,
    /// Warnings of the stages before the proofs (the report has its own).
    pub warnings: Vec<Diagnostic>,
    pub fitted: Option<String>,
}

/// Runs the whole pipeline on the job's profile, proofs included, and
/// writes nothing: what `vitae check` reports. Fails only when there is no
/// document to prove (a profile or layout error).
pub fn check_file(
    engine: &Arc<Engine>,
    job: &Job,
    run: &RunSettings,
) -> Result<Checked, Vec<Diagnostic>> {
    checked(engine, load::read(&job.profile)?, job, run)
}

fn checked(
    engine: &Arc<Engine>,
    parsed: load::ParsedProfile,
    job: &Job,
    run: &RunSettings,
) -> Result<Checked, Vec<Diagnostic>> {
    let run = RunSettings {
        formats: vec![Format::Pdf],
        strict: false,
        ..run.clone()
    };
    let (checked, settings) = prepare(parsed, job, &run)?;
    if let Some(isolation) = isolation(&run, &settings, &checked) {
        return isolate::check(job, &run, isolation);
    }
    let laid_out = lay_out(engine, checked, settings)?;
    Ok(Checked {
        layout: laid_out.settings.layout.name().to_string(),
        pages: laid_out
            .document
            .as_ref()
            .map_or(0, |(document, _)| document.pages().len()),
        report: laid_out.report,
        warnings: laid_out.warnings,
        fitted: laid_out.fitted,
    })
}

/// Checks profile text as if it were the job's profile file.
pub fn check_text(
    engine: &Arc<Engine>,
    text: &str,
    job: &Job,
    run: &RunSettings,
) -> Result<Checked, Vec<Diagnostic>> {
    let source = SourceFile::new(job.profile.display().to_string(), text);
    checked(engine, load::parse(source)?, job, run)
}
