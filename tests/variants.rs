//! Variants: tagged content, `[[variants]]`, `--variant` and `--all-variants`.

mod common;

use std::fs;
use std::path::Path;

use common::*;

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

fn write_profile(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("ada.toml");
    fs::write(&path, PROFILE).unwrap();
    path
}

fn text_of(pdf: &Path) -> String {
    squash(&pdf_text(pdf))
}

fn has(text: &str, needle: &str) -> bool {
    text.contains(&squash(needle))
}

#[test]
fn all_variants_render_the_right_subsets_to_their_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let output = run(&["render", profile.to_str().unwrap(), "--all-variants"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !dir.path().join("ada.pdf").exists(),
        "--all-variants renders the variants, not the whole profile"
    );

    let backend = text_of(&dir.path().join("ada-backend.pdf"));
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
    let ml_pdf = dir.path().join("pdf/ada-ml.pdf");
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
    let public = text_of(&dir.path().join("ada-public.pdf"));
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
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let output = run(&["render", profile.to_str().unwrap(), "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = pdf_text(&dir.path().join("ada.pdf"));
    assert_facts_in_text("ada.toml", PROFILE, &text);
    assert!(!has(&squash(&text), "Backend Engineer"));
}

#[test]
fn named_variants_and_an_explicit_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let out = dir.path().join("tailored.pdf");
    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--variant",
        "backend",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(has(&text_of(&out), "Backend Engineer"));
    assert!(stderr(&output).contains("ada.toml [backend]"));

    // Several names at once, comma-separated, into a folder.
    let folder = dir.path().join("out");
    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--variant",
        "backend,public",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(folder.join("ada-backend.pdf").is_file());
    assert!(folder.join("ada-public.pdf").is_file());
}

#[test]
fn an_unknown_variant_fails_with_a_suggestion_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let output = run(&["render", profile.to_str().unwrap(), "--variant", "bakend"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("no variant `bakend` in this profile"), "{err}");
    assert!(err.contains("did you mean `backend`?"), "{err}");
    assert!(err.contains("`backend`, `ml` or `public`"), "{err}");
    assert!(!dir.path().join("ada-bakend.pdf").exists());
}

#[test]
fn a_misspelt_tag_is_a_located_warning_and_an_error_with_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.toml");
    let text = PROFILE.replace("include = [\"ml\"]", "include = [\"ml\", \"bakend\"]");
    fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.contains("\"bakend\"")).unwrap() + 1;

    let output = run(&["render", path.to_str().unwrap(), "--variant", "ml"]);
    assert!(
        output.status.success(),
        "a warning only: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains("variant `ml` names the tag `bakend`, which no entry carries"),
        "{err}"
    );
    assert!(err.contains(&format!("me.toml:{line}:")), "{err}");
    assert!(err.contains("variants[1].include[1]"), "{err}");
    assert!(err.contains("did you mean `backend`?"), "{err}");

    let output = run(&[
        "render",
        path.to_str().unwrap(),
        "--variant",
        "ml",
        "--strict",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));

    // Each variant's render speaks only of its own table: said once in a batch.
    let output = run(&["render", path.to_str().unwrap(), "--all-variants"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output).matches("names the tag `bakend`").count(), 1);
}

#[test]
fn bad_variant_declarations_are_errors_at_their_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.toml");
    fs::write(
        &path,
        "[basics]\nname = \"A\"\n\n[[variants]]\nname = \"one page\"\n\n[[variants]]\nname = \"x\"\n\n[[variants]]\nname = \"x\"\noutput = \"../x.pdf\"\n",
    )
    .unwrap();
    let output = run(&["render", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("bad variant name `one page`"), "{err}");
    assert!(err.contains("me.toml:5:8"), "{err}");
    assert!(err.contains("two variants are called `x`"), "{err}");
    assert!(err.contains("me.toml:11:8"), "{err}");
    assert!(err.contains("bad output path"), "{err}");
    assert!(err.contains("variants[2].output"), "{err}");
}

#[test]
fn check_covers_every_variant() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let profile = profile.to_str().unwrap();
    let output = run(&["render", profile, "--check", "--all-variants"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("ada-backend.pdf"));

    assert!(
        run(&["render", profile, "--all-variants", "-q"])
            .status
            .success()
    );
    let output = run(&["render", profile, "--check", "--all-variants"]);
    assert!(output.status.success(), "{}", stderr(&output));

    // Editing a tagged bullet makes exactly the variants that show it stale.
    let edited = PROFILE.replace("Trained the fraud model", "Trained the fraud models");
    fs::write(dir.path().join("ada.toml"), edited).unwrap();
    let output = run(&["render", profile, "--check", "--all-variants"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("ada-ml.pdf") && err.contains("ada-public.pdf"),
        "{err}"
    );
    assert!(!err.contains("ada-backend.pdf"), "{err}");
}

#[test]
fn a_profile_without_variants_renders_whole_with_all_variants() {
    let dir = tempfile::tempdir().unwrap();
    write_profile(dir.path());
    fs::write(
        dir.path().join("plain.toml"),
        "[basics]\nname = \"Plain Person\"\n",
    )
    .unwrap();
    let output = run(&[
        "render",
        dir.path().to_str().unwrap(),
        "--all-variants",
        "-q",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("plain.pdf").is_file());
    assert!(dir.path().join("ada-public.pdf").is_file());
    assert!(
        stderr(&output).contains("rendered 4"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_can_tailor_a_variant() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_profile(dir.path());
    let output = run(&[
        "export",
        profile.to_str().unwrap(),
        "--to",
        "json-resume",
        "--variant",
        "backend",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = String::from_utf8_lossy(&output.stdout);
    assert!(json.contains("Built the payments ledger"));
    assert!(json.contains("Backend Engineer"));
    assert!(!json.contains("Trained the fraud model"));
    assert!(!json.contains("Vision Research Lab"));
    let err = stderr(&output);
    assert!(err.contains("tags (JSON Resume has no tags)"), "{err}");
    assert!(!err.contains("variants ("), "{err}");

    let whole = run(&["export", profile.to_str().unwrap(), "--to", "json-resume"]);
    assert!(whole.status.success());
    assert!(stderr(&whole).contains("variants (export one with --variant)"));
}

#[test]
fn the_example_variants_render() {
    let dir = tempfile::tempdir().unwrap();
    let profile = repo().join("profiles/priya-raman.toml");
    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--all-variants",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let one_page = dir.path().join("priya-raman-one-page.pdf");
    assert_eq!(pdf_pages(&one_page), 1);
    let text = text_of(&one_page);
    assert!(!has(&text, "Indus Analytics") && !has(&text, "Smart India Hackathon"));
    assert!(has(&text, "Monetization"));
    let risk = text_of(&dir.path().join("priya-raman-risk.pdf"));
    assert!(has(&risk, "Risk and Payments") && has(&risk, "velocity-check"));
    assert!(!has(&risk, "Monetization") && !has(&risk, "Mentored three new hires"));
}
