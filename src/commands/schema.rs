//! `vitae schema`: the profile format as a JSON Schema, for editors.

use std::process::ExitCode;

pub fn run() -> anyhow::Result<ExitCode> {
    print!("{}", crate::schema::profile_schema_json());
    Ok(ExitCode::SUCCESS)
}
