//! `vitae new` writes a starter profile that renders as it is.

mod common;

use std::fs;

use common::*;

#[test]
fn the_starter_profile_renders_in_every_layout_with_every_fact_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let output = vitae()
        .current_dir(dir.path())
        .args(["new", "Ada Quill"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let profile = dir.path().join("ada-quill.toml");
    let text = fs::read_to_string(&profile).unwrap();

    for layout in vitae::layout::Layout::builtin_names() {
        let pdf = dir.path().join(format!("{layout}.pdf"));
        let output = run(&[
            "render",
            profile.to_str().unwrap(),
            "--layout",
            layout,
            "-o",
            pdf.to_str().unwrap(),
            "--strict",
        ]);
        assert!(output.status.success(), "{layout}: {}", stderr(&output));
        assert_facts_in_text(&format!("starter in {layout}"), &text, &pdf_text(&pdf));
    }

    // Its variant renders too, within its one-page budget.
    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--all-variants",
        "--strict",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lead = dir.path().join("ada-quill-lead.pdf");
    assert_eq!(pdf_pages(&lead), 1);
    assert!(squash(&pdf_text(&lead)).contains("EngineeringLead"));

    let schema: serde_json::Value =
        serde_json::from_str(&vitae::schema::profile_schema_json()).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.toml");
    fs::write(&path, "precious").unwrap();
    let output = run(&["new", "Ada", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("never overwrites"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "precious");
    let other = dir.path().join("other.toml");
    assert!(
        run(&["new", "Zoë \"Z\" Ünal", "-o", other.to_str().unwrap()])
            .status
            .success()
    );
    let written: toml::Value = toml::from_str(&fs::read_to_string(&other).unwrap()).unwrap();
    assert_eq!(
        written["basics"]["name"].as_str(),
        Some("Zoë \"Z\" Ünal"),
        "any name round-trips"
    );
}
