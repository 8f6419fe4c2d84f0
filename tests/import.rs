//! `vitae import` from JSON Resume: nothing dropped, renders, round-trips.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Every string in a JSON document as a reader should see it: date fields
/// in vitae's date format ("Jun 2020"), everything else as written.
fn strings(key: &str, value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s)
            if ["startDate", "endDate", "date", "releaseDate"].contains(&key) =>
        {
            let point = vitae::dates::parse(s, false).expect("test dates are valid");
            out.push(vitae::dates::format_point(
                point,
                vitae::dates::DateStyle::Short,
                vitae::locale::words("en").unwrap(),
            ));
        }
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(key, v, out)),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != "$schema")
            .for_each(|(k, v)| strings(k, v, out)),
        _ => {}
    }
}

fn import(json: &Path, dir: &Path) -> (std::path::PathBuf, String) {
    let profile = dir.join(json.file_stem().unwrap()).with_extension("toml");
    let output = run(&[
        "import",
        json.to_str().unwrap(),
        "-o",
        profile.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    (profile, stderr(&output))
}

#[test]
fn imported_documents_render_with_every_string_in_the_pdf() {
    for name in ["full", "minimal"] {
        let json = repo().join(format!("tests/json-resume/{name}.json"));
        let dir = tempfile::tempdir().unwrap();
        let (profile, messages) = import(&json, dir.path());
        assert!(
            !messages.contains("error"),
            "{name}: the imported profile has problems: {messages}"
        );
        let output = run(&["render", profile.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let text = squash(&pdf_text(&profile.with_extension("pdf"))).replace('-', "");
        let document: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        let mut all = Vec::new();
        strings("", &document, &mut all);
        for s in all {
            let shown = squash(&vitae::markup::plain(&s)).replace('-', "");
            let shown_url = squash(s.trim_start_matches("https://")).replace('-', "");
            assert!(
                text.contains(&shown) || text.contains(&shown_url),
                "{name}: `{s}` is not in the PDF text"
            );
        }
    }
}

#[test]
fn fields_without_a_vitae_key_are_kept_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, messages) = import(&repo().join("tests/json-resume/full.json"), dir.path());
    for moved in [
        "basics.image",
        "work[0].team_size",
        "projects[0].roles",
        "projects[0].entity",
        "meta",
    ] {
        assert!(
            messages.contains(moved),
            "{moved} should be reported: {messages}"
        );
    }
    let text = fs::read_to_string(&profile).unwrap();
    assert!(
        text.contains("Other details") && text.contains("team_size: 7"),
        "{text}"
    );
    // Current roles get an open end; a second import never overwrites.
    let parsed: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(parsed["work"][0]["end"].as_str(), Some("present"));
    let again = run(&[
        "import",
        repo().join("tests/json-resume/full.json").to_str().unwrap(),
        "-o",
        profile.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn json_resume_round_trips_through_vitae() {
    let json = repo().join("tests/json-resume/full.json");
    let dir = tempfile::tempdir().unwrap();
    let (profile, _) = import(&json, dir.path());
    let output = run(&["export", profile.to_str().unwrap(), "--to", "json-resume"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let back: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    for section in [
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
    ] {
        let (a, b) = (
            original[section].as_array().unwrap(),
            back[section].as_array().unwrap(),
        );
        assert_eq!(a.len(), b.len(), "{section}");
        for (x, y) in a.iter().zip(b) {
            for (key, value) in x.as_object().unwrap() {
                if let Some(round) = y.get(key) {
                    assert_eq!(round, value, "{section}.{key}");
                }
            }
        }
    }
    assert_eq!(back["basics"]["location"], original["basics"]["location"]);
    assert_eq!(back["basics"]["profiles"], original["basics"]["profiles"]);
    assert_eq!(
        back["work"][0]["highlights"],
        original["work"][0]["highlights"]
    );
    assert!(
        back["work"][0].get("endDate").is_none(),
        "an open role stays open"
    );
}
