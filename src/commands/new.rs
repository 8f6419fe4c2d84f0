//! `vitae new "Name"`: a commented starter profile that renders as it is.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::diagnostic::{Code, Diagnostic};
use crate::starter;

/// Writes the starter profile, never over an existing file.
pub fn run(name: &str, output: Option<PathBuf>, _term: &Terminal) -> anyhow::Result<ExitCode> {
    if name.trim().is_empty() {
        let diag = Diagnostic::error(Code::BadArgument, "the name is empty")
            .hint("vitae new \"Ada Quill\"");
        return Err(Failure::usage([diag]).into());
    }
    let path =
        output.unwrap_or_else(|| PathBuf::from(format!("{}.toml", starter::file_stem(name))));
    super::refuse_to_overwrite(&path, "vitae new")?;
    super::write_file(&path, starter::profile(name).as_bytes(), "profile")?;
    eprintln!(
        "wrote {}; render it with: vitae render {}",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
