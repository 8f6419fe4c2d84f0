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

#[cfg(test)]
mod tests {
    use crate::profile::rules::PROFILE_KEYS;

    #[test]
    fn the_profile_keys_are_the_schemas_top_level_properties() {
        let schema: serde_json::Value =
            serde_json::from_str(&super::profile_schema_json()).unwrap();
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut keys = PROFILE_KEYS.to_vec();
        properties.sort_unstable();
        keys.sort_unstable();
        assert_eq!(properties, keys);
    }
}
