//! Variants: tagged content, `[[variants]]`, `--variant` and `--all-variants`.

use std::path::Path;

use crate::common::*;

/// A profile with tagged work, bullets, a project and a skill, and three
/// variants that choose among them in different ways.
const PROFILE: &str = r#"[basics]
name = "Ada Quill"
label = "Software Engineer"
summary = "General summary."

[[basics.profiles]]
network = "Kaggle"
url = "https://kaggle.example.com/ada"
tags = ["ml"]

[[work]]
name = "Acme Payments"
position = "Engineer"
start = "2020"
end = "present"
highlights = [
  "Untagged bullet everyone sees",
  { text = "Built the payments ledger", tags = ["backend"] },
  { text = "Trained the fraud model", tags = ["ml"] },
  { text = "Led the on-call rotation", tags = ["backend", "ml"], items = [
    { text = "Nested backend detail", tags = ["backend"] },
    { text = "Nested ml detail", tags = ["ml"] },
  ] },
]

[[work]]
name = "Vision Research Lab"
position = "Research assistant"
tags = ["ml"]

[[projects]]
name = "ledgerlint"
description = "A linter for double-entry ledgers."
tags = ["backend"]

[[projects]]
name = "Side quest"
description = "Private hobby project."
tags = ["private"]

[[skills]]
name = "Machine learning"
keywords = ["PyTorch"]
tags = ["ml"]

[[skills]]
name = "Languages"
keywords = ["Rust", "Python"]

[[variants]]
name = "backend"
include = ["backend"]
label = "Backend Engineer"
summary = "Backend summary."

[[variants]]
name = "ml"
include = ["ml"]
output = "pdf/ada-ml.pdf"
theme = { paper = "us-letter" }

[[variants]]
name = "public"
exclude = ["private"]
"#;

/// A sandbox holding `PROFILE` as `ada.toml`.
fn ada() -> Sandbox {
    Sandbox::new().profile("ada.toml", PROFILE)
}

fn text_of(pdf: &Path) -> String {
    squash(&pdf_text(pdf))
}

fn has(text: &str, needle: &str) -> bool {
    text.contains(&squash(needle))
}

#[test]
fn all_variants_render_the_right_subsets_to_their_own_files() {
    let dir = ada();
    dir.run(&["render", "ada.toml", "--all-variants"]).ok();
    assert!(
        !dir.exists("ada.pdf"),
        "--all-variants renders the variants, not the whole profile"
    );

    let backend = text_of(&dir.join("ada-backend.pdf"));
    for kept in [
        "Backend Engineer",
        "Backend summary.",
        "Untagged bullet everyone sees",
        "Built the payments ledger",
        "Led the on-call rotation",
        "Nested backend detail",
        "ledgerlint",
        "Languages",
    ] {
        assert!(has(&backend, kept), "backend lacks `{kept}`:\n{backend}");
    }
    for dropped in [
        "Software Engineer",
        "General summary.",
        "Trained the fraud model",
        "Nested ml detail",
        "Vision Research Lab",
        "Side quest",
        "Machine learning",
        "kaggle",
    ] {
        assert!(!has(&backend, dropped), "backend shows `{dropped}`");
    }

    // The variant's own output key and theme override.
    let ml_pdf = dir.join("pdf/ada-ml.pdf");
    let ml = text_of(&ml_pdf);
    for kept in [
        "Trained the fraud model",
        "Nested ml detail",
        "Vision Research Lab",
        "Machine learning",
        "kaggle.example.com/ada",
        "General summary.",
    ] {
        assert!(has(&ml, kept), "ml lacks `{kept}`");
    }
    for dropped in ["Built the payments ledger", "ledgerlint", "Side quest"] {
        assert!(!has(&ml, dropped), "ml shows `{dropped}`");
    }
    assert!(
        pdf_info(&ml_pdf).contains("612 x 792"),
        "the variant's theme sets US Letter"
    );

    // Exclude-only: everything but what it names.
    let public = text_of(&dir.join("ada-public.pdf"));
    for kept in [
        "Built the payments ledger",
        "Trained the fraud model",
        "Vision Research Lab",
        "ledgerlint",
    ] {
        assert!(has(&public, kept), "public lacks `{kept}`");
    }
    assert!(!has(&public, "Side quest"));
}

#[test]
fn the_whole_profile_ignores_tags_and_variants() {
    let dir = ada();
    dir.run(&["render", "ada.toml", "-q"]).ok();
    let text = pdf_text(dir.join("ada.pdf"));
    assert_facts_in_text("ada.toml", PROFILE, &text);
    assert!(!has(&squash(&text), "Backend Engineer"));
}

#[test]
fn named_variants_and_an_explicit_output_file() {
    let dir = ada();
    let output = dir
        .run(&[
            "render",
            "ada.toml",
            "--variant",
            "backend",
            "-o",
            "tailored.pdf",
        ])
        .ok();
    assert!(has(&text_of(&dir.join("tailored.pdf")), "Backend Engineer"));
    assert!(output.stderr.contains("ada.toml [backend]"));

    // Several names at once, comma-separated, into a folder.
    dir.run(&[
        "render",
        "ada.toml",
        "--variant",
        "backend,public",
        "-o",
        "out",
    ])
    .ok();
    assert!(dir.join("out/ada-backend.pdf").is_file());
    assert!(dir.join("out/ada-public.pdf").is_file());
}

#[test]
fn an_unknown_variant_fails_with_a_suggestion_and_writes_nothing() {
    let dir = ada();
    let output = dir.run(&["render", "ada.toml", "--variant", "bakend"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(err.contains("no variant `bakend` in this profile"), "{err}");
    assert!(err.contains("did you mean `backend`?"), "{err}");
    assert!(err.contains("`backend`, `ml` or `public`"), "{err}");
    assert!(!dir.exists("ada-bakend.pdf"));
}

/// `PROFILE` with a misspelt tag in the `ml` variant, and the tag's line.
pub fn with_misspelt_tag() -> (String, usize) {
    let text = PROFILE.replace("include = [\"ml\"]", "include = [\"ml\", \"bakend\"]");
    let line = text.lines().position(|l| l.contains("\"bakend\"")).unwrap() + 1;
    (text, line)
}

#[test]
fn a_misspelt_tag_is_a_located_warning_and_an_error_with_strict() {
    let (text, line) = with_misspelt_tag();
    let dir = Sandbox::new().profile("me.toml", &text);

    let output = dir.run(&["render", "me.toml", "--variant", "ml"]);
    assert!(output.success(), "a warning only: {}", output.stderr);
    let err = &output.stderr;
    assert!(
        err.contains("variant `ml` names the tag `bakend`, which no entry carries"),
        "{err}"
    );
    assert!(err.contains(&format!("me.toml:{line}:")), "{err}");
    assert!(err.contains("variants[1].include[1]"), "{err}");
    assert!(err.contains("did you mean `backend`?"), "{err}");

    let output = dir.run(&["render", "me.toml", "--variant", "ml", "--strict"]);
    assert_eq!(output.code, Some(1), "{}", output.stderr);

    // Each variant's render speaks only of its own table: said once in a batch.
    let output = dir.run(&["render", "me.toml", "--all-variants"]).ok();
    assert_eq!(output.stderr.matches("names the tag `bakend`").count(), 1);
}

#[test]
fn bad_variant_declarations_are_errors_at_their_keys() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"A\"\n\n[[variants]]\nname = \"one page\"\n\n[[variants]]\nname = \"x\"\n\n[[variants]]\nname = \"x\"\noutput = \"../x.pdf\"\n",
    );
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(err.contains("bad variant name `one page`"), "{err}");
    assert!(err.contains("me.toml:5:8"), "{err}");
    assert!(err.contains("two variants are called `x`"), "{err}");
    assert!(err.contains("me.toml:11:8"), "{err}");
    assert!(err.contains("bad output path"), "{err}");
    assert!(err.contains("variants[2].output"), "{err}");
}

#[test]
fn check_covers_every_variant() {
    let dir = ada();
    let output = dir.run(&["render", "ada.toml", "--check", "--all-variants"]);
    assert_eq!(output.code, Some(1));
    assert!(output.stderr.contains("ada-backend.pdf"));

    assert!(
        dir.run(&["render", "ada.toml", "--all-variants", "-q"])
            .success()
    );
    dir.run(&["render", "ada.toml", "--check", "--all-variants"])
        .ok();

    // Editing a tagged bullet makes exactly the variants that show it stale.
    let edited = PROFILE.replace("Trained the fraud model", "Trained the fraud models");
    dir.write("ada.toml", edited);
    let output = dir.run(&["render", "ada.toml", "--check", "--all-variants"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("ada-ml.pdf") && err.contains("ada-public.pdf"),
        "{err}"
    );
    assert!(!err.contains("ada-backend.pdf"), "{err}");
}

#[test]
fn a_profile_without_variants_renders_whole_with_all_variants() {
    let dir = ada().profile("plain.toml", "[basics]\nname = \"Plain Person\"\n");
    let output = dir.run(&["render", ".", "--all-variants", "-q"]).ok();
    assert!(dir.join("plain.pdf").is_file());
    assert!(dir.join("ada-public.pdf").is_file());
    assert!(output.stderr.contains("rendered 4"), "{}", output.stderr);
}

#[test]
fn export_can_tailor_a_variant() {
    let dir = ada();
    let output = dir
        .run(&[
            "export",
            "ada.toml",
            "--to",
            "json-resume",
            "--variant",
            "backend",
        ])
        .ok();
    let json = output.stdout_text();
    assert!(json.contains("Built the payments ledger"));
    assert!(json.contains("Backend Engineer"));
    assert!(!json.contains("Trained the fraud model"));
    assert!(!json.contains("Vision Research Lab"));
    let err = &output.stderr;
    assert!(err.contains("tags (JSON Resume has no tags)"), "{err}");
    assert!(!err.contains("variants ("), "{err}");

    let whole = dir.run(&["export", "ada.toml", "--to", "json-resume"]);
    assert!(whole.success());
    assert!(
        whole
            .stderr
            .contains("variants (export one with --variant)")
    );
}

#[test]
fn the_example_variants_render() {
    let dir = Sandbox::new();
    let profile = example("priya-raman");
    dir.run(&["render", &profile, "--all-variants", "-o", "."])
        .ok();
    let one_page = dir.join("priya-raman-one-page.pdf");
    assert_eq!(pdf_pages(&one_page), 1);
    let text = text_of(&one_page);
    assert!(!has(&text, "Indus Analytics") && !has(&text, "Smart India Hackathon"));
    assert!(has(&text, "Monetization"));
    let risk = text_of(&dir.join("priya-raman-risk.pdf"));
    assert!(has(&risk, "Risk and Payments") && has(&risk, "velocity-check"));
    assert!(!has(&risk, "Monetization") && !has(&risk, "Mentored three new hires"));
}
