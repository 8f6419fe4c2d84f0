//! `vitae new` writes a starter profile that renders as it is.

use crate::common::api::{builtin_layouts, schema_json};
use crate::common::*;

#[test]
fn the_starter_profile_renders_in_every_layout_with_every_fact_and_validates() {
    let dir = Sandbox::new();
    dir.run(&["new", "Ada Quill"]).ok();
    let text = dir.read_text("ada-quill.toml");

    for layout in builtin_layouts() {
        let pdf = format!("{layout}.pdf");
        let output = dir.run(&[
            "render",
            "ada-quill.toml",
            "--layout",
            layout,
            "-o",
            &pdf,
            "--strict",
        ]);
        assert!(output.success(), "{layout}: {}", output.stderr);
        assert_facts_in_text(
            &format!("starter in {layout}"),
            &text,
            &pdf_text(dir.join(&pdf)),
        );
    }

    // Its variant renders too, within its one-page budget.
    dir.run(&["render", "ada-quill.toml", "--all-variants", "--strict"])
        .ok();
    let lead = dir.join("ada-quill-lead.pdf");
    assert_eq!(pdf_pages(&lead), 1);
    assert!(squash(&pdf_text(&lead)).contains("EngineeringLead"));

    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let errors: Vec<String> = jsonschema::draft7::new(&schema)
        .unwrap()
        .iter_errors(&serde_json::to_value(value).unwrap())
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn new_never_overwrites_and_honours_dash_o() {
    let dir = Sandbox::new().file("me.toml", "precious");
    let output = dir.run(&["new", "Ada", "-o", "me.toml"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output.stderr.contains("never overwrites"),
        "{}",
        output.stderr
    );
    assert_eq!(dir.read_text("me.toml"), "precious");
    assert!(
        dir.run(&["new", "Zoë \"Z\" Ünal", "-o", "other.toml"])
            .success()
    );
    let written: toml::Value = toml::from_str(&dir.read_text("other.toml")).unwrap();
    assert_eq!(
        written["basics"]["name"].as_str(),
        Some("Zoë \"Z\" Ünal"),
        "any name round-trips"
    );
}

#[test]
fn the_schema_line_to_copy_stands_alone_in_the_starter() {
    let dir = Sandbox::new();
    dir.run(&["new", "Ada Quill"]).ok();
    let text = dir.read_text("ada-quill.toml");
    let line = text
        .lines()
        .find(|l| l.contains("#:schema"))
        .expect("the starter shows the schema line");
    // The line is meant to be copied as it is: nothing else may share it.
    let shown = line.strip_prefix('#').map(str::trim_start);
    assert_eq!(shown, Some("#:schema ./vitae.schema.json"));
}
