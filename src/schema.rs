//! `vitae schema`: the profile format as a JSON Schema (draft-07), generated
//! from the same Rust types the parser uses, with their doc comments as
//! descriptions. Editors (Taplo, Even Better TOML) read it through a
//! `#:schema …` first line for completion and inline errors.

use schemars::generate::SchemaSettings;

use crate::profile::model::Profile;

/// The schema, pretty-printed with a trailing newline (as committed in
/// `schema/vitae.schema.json`).
pub fn profile_schema_json() -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Profile>();
    schema.insert("title".into(), "vitae profile (format v1)".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
