//! `vitae export PROFILE --to json-resume`: the profile (or one variant of
//! it) in another format; what has no place there is listed as a warning.

use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::diagnostic::{Code, Diagnostic};
use crate::export;
use crate::profile::{self, load};

pub fn run(
    profile: &Path,
    to: Option<&Path>,
    variant: Option<&str>,
    term: &Terminal,
) -> anyhow::Result<ExitCode> {
    let parsed = load::read(profile).map_err(Failure::failed)?;
    let checked = profile::check(parsed, variant, None).map_err(Failure::failed)?;
    if !checked.errors.is_empty() {
        return Err(Failure::failed(checked.errors).into());
    }
    let exported = export::json_resume(&checked.profile);
    if !exported.not_mapped.is_empty() {
        let diag = Diagnostic::warning(
            Code::Export,
            format!(
                "JSON Resume has no place for: {}",
                exported.not_mapped.join("; ")
            ),
        )
        .in_file(profile);
        term.diagnostics(&[diag]);
    }
    let mut text = serde_json::to_string_pretty(&exported.document).unwrap_or_default();
    text.push('\n');
    match to {
        None => print!("{text}"),
        Some(path) => {
            super::write_file(path, text.as_bytes(), "output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
