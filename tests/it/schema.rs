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

/// Runs an external validator, failing with how to install it when absent.
fn validate_with(tool: &str, args: &[&str], dir: &std::path::Path) -> common::Run {
    let mut command = std::process::Command::new(tool);
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    match command.output() {
        Ok(output) => common::Run::from(output),
        Err(e) => panic!(
            "`{tool}` is needed by this test ({e}): pip install check-jsonschema taplo (see .ci/run)"
        ),
    }
}

/// Broken profiles, the path where check-jsonschema must reject each, and
/// the line where Taplo must.
const BROKEN: &[(&str, &str, usize)] = &[
    ("layout = \"clasic\"\n", "$.layout", 2),
    ("locale = \"deu\"\n", "$.locale", 2),
    ("[theme]\nacent = \"#1f3a5f\"\n", "$.theme", 3),
    (
        "layout = \"classic\"\n[theme]\nphoto_shape = \"round\"\n",
        "$.theme",
        4,
    ),
    ("[theme]\npaper = \"a5\"\n", "$.theme.paper", 3),
    ("[theme]\naccent = \"blue\"\n", "$.theme.accent", 3),
    ("[theme]\npages = 40\n", "$.theme.pages", 3),
    (
        "[theme]\ndate_format = \"roman\"\n",
        "$.theme.date_format",
        3,
    ),
    (
        "layout = \"compact\"\n[theme]\nsize = 40\n",
        "$.theme.size",
        4,
    ),
    ("[theme]\nmargins = \"wide\"\n", "$.theme.margins", 3),
    (
        "[[work]]\nname = \"X\"\nstart = \"2020-13\"\n",
        "$.work[0].start",
        4,
    ),
    (
        "[basics]\nname = \"A\"\nurl = \"javascript:x\"\n",
        "$.basics.url",
        4,
    ),
    (
        "[basics]\nname = \"A\"\nemail = \"a-at-b\"\n",
        "$.basics.email",
        4,
    ),
    (
        "[[projects]]\nname = \"X\"\nurl = \"ftp://x.org\"\n",
        "$.projects[0].url",
        4,
    ),
    ("[basics]\ntitel = \"x\"\n", "$.basics", 2),
    (
        "[[variants]]\nname = \"v\"\nlayout = \"modrn\"\n",
        "$.variants[0].layout",
        4,
    ),
];

#[test]
fn check_jsonschema_and_taplo_accept_every_example_and_reject_each_mistake_where_it_is() {
    let dir = common::Sandbox::new().file("vitae.schema.json", schema_json());
    let mut examples = vec!["--schemafile", "vitae.schema.json"];
    let paths: Vec<String> = common::example_profiles()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    examples.extend(paths.iter().map(String::as_str));
    let valid = validate_with("check-jsonschema", &examples, dir.path());
    assert!(valid.success(), "{}{}", valid.stdout_text(), valid.stderr);
    let mut taplo = vec!["lint", "--schema", "file://SCHEMA"];
    let schema_url = format!("file://{}", dir.join("vitae.schema.json").display());
    taplo[2] = &schema_url;
    taplo.extend(paths.iter().map(String::as_str));
    let valid = validate_with("taplo", &taplo, dir.path());
    assert!(valid.success(), "{}", valid.stderr);

    for (i, (text, path, line)) in BROKEN.iter().enumerate() {
        let name = format!("broken-{i}.toml");
        // The schema line is line 1, as in a real profile.
        let text = format!("#:schema ./vitae.schema.json\n{text}");
        std::fs::write(dir.join(&name), &text).unwrap();
        let run = validate_with(
            "check-jsonschema",
            &["--schemafile", "vitae.schema.json", "-o", "json", &name],
            dir.path(),
        );
        let report: serde_json::Value = serde_json::from_slice(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", run.stdout_text()));
        let paths: Vec<&str> = report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, [*path], "{text}");

        let run = validate_with("taplo", &["lint", &name], dir.path());
        assert!(!run.success(), "taplo accepted {text}");
        let at = format!("{name}:{line}:");
        assert!(
            run.stderr.contains(&at),
            "taplo: not at {at}: {}",
            run.stderr
        );
    }
}

#[test]
fn vitae_schema_layout_dir_adds_a_user_layouts_options() {
    let dir = common::Sandbox::new();
    assert!(dir.run(&["layouts", "eject", "classic", "mine"]).success());
    let manifest = dir.join("mine/layout.toml");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str(
        "\n[options.ribbon]\ndescription = \"A ribbon.\"\ntype = \"bool\"\ndefault = false\n",
    );
    std::fs::write(&manifest, text).unwrap();
    let run = dir.run(&["schema", "--layout", "mine"]);
    assert!(run.success(), "{}", run.stderr);
    let with_mine: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(
        with_mine["properties"]["theme"]["properties"]["ribbon"]["type"],
        "boolean"
    );
    let with_mine = jsonschema::draft7::new(&with_mine).unwrap();
    let plain = validator();
    let profile = |theme: &str| as_json(&format!("layout = \"./mine\"\n[theme]\n{theme}\n"));
    assert!(with_mine.is_valid(&profile("ribbon = true")));
    assert!(!with_mine.is_valid(&profile("ribbon = 3")), "a wrong type");
    assert!(!with_mine.is_valid(&profile("ribon = true")), "a typo");
    // Without --layout, a folder's options are unknown, so any is accepted;
    // a built-in layout's are known, so a stranger is not.
    assert!(plain.is_valid(&profile("ribon = true")));
    assert!(!plain.is_valid(&as_json("layout = \"classic\"\n[theme]\nribbon = true\n")));
    assert_eq!(dir.run(&["schema", "--layout", "nowhere"]).code, Some(2));
}
