//! The JSON Schema: in sync with the code, accepting every example, and
//! rejecting unknown keys like the parser does.

use std::fs;

use crate::common;
use crate::common::api::schema_json;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    jsonschema::draft7::new(&schema).expect("the schema is valid draft-07")
}

fn as_json(toml_text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(toml_text).unwrap();
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_committed_schema_is_what_vitae_schema_prints() {
    let committed = fs::read_to_string(common::repo().join("schema/vitae.schema.json")).unwrap();
    assert!(
        committed == schema_json(),
        "schema/vitae.schema.json is stale: run `cargo run --release -- schema > schema/vitae.schema.json`"
    );
    let output = common::run(&["schema"]);
    assert!(output.success());
    assert_eq!(output.stdout_text(), committed);
}

#[test]
fn every_example_validates_and_points_editors_at_the_schema() {
    let validator = validator();
    for profile in common::example_profiles() {
        let text = fs::read_to_string(&profile).unwrap();
        assert!(
            text.starts_with("#:schema ../schema/vitae.schema.json\n"),
            "{} lacks the #:schema line",
            profile.display()
        );
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", profile.display());
    }
}

#[test]
fn unknown_keys_missing_required_keys_and_bad_shapes_are_rejected() {
    let validator = validator();
    assert!(validator.is_valid(&as_json("[basics]\nname = \"Ada\"\n")));
    assert!(
        !validator.is_valid(&as_json("[basics]\nname = \"Ada\"\ntitel = \"x\"\n")),
        "unknown key"
    );
    assert!(
        validator.is_valid(&as_json("[basics]\nlabel = \"x\"\n")),
        "the name is optional"
    );
    assert!(
        !validator.is_valid(&as_json("[[projects]]\ndescription = \"x\"\n")),
        "missing project name"
    );
    assert!(validator.is_valid(&as_json(
        "[[skills]]\nname = \"L\"\nkeywords = [\"Go\", { name = \"Rust\", level = \"deep\" }]\n"
    )));
    assert!(
        !validator.is_valid(&as_json(
            "[[skills]]\nname = \"L\"\nkeywords = [{ nmae = \"Rust\" }]\n"
        )),
        "bad skill item"
    );
    assert!(
        !validator.is_valid(&as_json(
            "[basics]\nname = \"Ada\"\n[[work]]\nstart = \"Oct 2022\"\n"
        )),
        "bad date"
    );
    assert!(validator.is_valid(&as_json("[basics]\nname = \"A\"\n[[work]]\nhighlights = [\"x\", { label = \"L\", items = [\"y\"] }]\n")));
    assert!(
        !validator.is_valid(&as_json(
            "[basics]\nname = \"A\"\n[[work]]\nhighlights = [{ lable = \"L\" }]\n"
        )),
        "unknown bullet key"
    );
}
