//! `vitae schema`: the profile format as a JSON Schema, for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Failure;
use crate::layout::Layout;

pub fn run(folders: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let layouts = folders
        .iter()
        .map(|folder| Layout::from_folder(folder))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|d| Failure::usage([d]))?;
    print!("{}", crate::schema::schema_json(&layouts));
    Ok(ExitCode::SUCCESS)
}
