//! `vitae new "Name"`: a commented starter profile that renders as it is.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::diagnostic::Diagnostic;
use crate::{output, starter};

/// Writes the starter profile, never over an existing file.
pub fn run(name: &str, output: Option<PathBuf>, _term: &Terminal) -> anyhow::Result<ExitCode> {
    if name.trim().is_empty() {
        let diag = Diagnostic::error("the name is empty").hint("vitae new \"Ada Quill\"");
        return Err(Failure::usage([diag]).into());
    }
    let path =
        output.unwrap_or_else(|| PathBuf::from(format!("{}.toml", starter::file_stem(name))));
    super::refuse_to_overwrite(&path, "vitae new")?;
    output::write_atomic(&path, starter::profile(name).as_bytes()).map_err(|e| {
        Failure::failed(
            [Diagnostic::error(format!("cannot write the profile: {e}")).in_file(&path)],
        )
    })?;
    eprintln!(
        "wrote {}; render it with: vitae render {}",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
