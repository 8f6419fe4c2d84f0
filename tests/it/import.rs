//! `vitae import` from JSON Resume and RenderCV: nothing dropped, renders,
//! round-trips.

use std::fs;
use std::path::Path;

use crate::common::api::{plain, short_date};
use crate::common::*;

/// Every string in a JSON document as a reader should see it: date fields
/// in vitae's date format ("Jun 2020"), everything else as written.
fn strings(key: &str, value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s)
            if ["startDate", "endDate", "date", "releaseDate"].contains(&key) =>
        {
            out.push(short_date(s, false).expect("test dates are valid"));
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

/// Imports a file of the repository into a new sandbox; returns the sandbox,
/// the profile's name in it, and the messages.
fn import(source: &str) -> (Sandbox, String, String) {
    let dir = Sandbox::new();
    let stem = Path::new(source).file_stem().unwrap().to_str().unwrap();
    let profile = format!("{stem}.toml");
    let output = dir
        .run(&["import", &repo_file(source), "-o", &profile])
        .ok();
    (dir, profile, output.stderr)
}

#[test]
fn imported_documents_render_with_every_string_in_the_pdf() {
    for name in ["full", "minimal", "awkward"] {
        let json = format!("tests/json-resume/{name}.json");
        let (dir, profile, messages) = import(&json);
        assert!(
            !messages.contains("error"),
            "{name}: the imported profile has problems: {messages}"
        );
        let output = dir.run(&["render", &profile]);
        assert!(output.success(), "{name}: {}", output.stderr);
        let text = squash(&pdf_text(dir.join(format!("{name}.pdf")))).replace('-', "");
        let document: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(repo().join(&json)).unwrap()).unwrap();
        let mut all = Vec::new();
        strings("", &document, &mut all);
        for s in all {
            let shown = squash(&plain(&s)).replace('-', "");
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
    let (dir, profile, messages) = import("tests/json-resume/full.json");
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
    let text = dir.read_text(&profile);
    assert!(
        text.contains("Other details") && text.contains("team_size: 7"),
        "{text}"
    );
    // Current roles get an open end; a second import never overwrites.
    let parsed: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(parsed["work"][0]["end"].as_str(), Some("present"));
    let again = dir.run(&[
        "import",
        &repo_file("tests/json-resume/full.json"),
        "-o",
        &profile,
    ]);
    assert_eq!(again.code, Some(1));
}

#[test]
fn json_resume_round_trips_through_vitae() {
    let json = "tests/json-resume/full.json";
    let (dir, profile, _) = import(json);
    let output = dir.run(&["export", &profile, "--to", "json-resume"]).ok();
    let back: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(repo().join(json)).unwrap()).unwrap();
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

/// Every string under `cv` of a RenderCV file as a reader should see it:
/// dates formatted, comma lists (`details`) as their items, links without
/// their scheme, a network's username as part of its address.
fn rendercv_strings(key: &str, value: &yaml_rust2::Yaml, out: &mut Vec<String>) {
    use yaml_rust2::Yaml;
    let text = match value {
        Yaml::String(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Array(items) => return items.iter().for_each(|v| rendercv_strings(key, v, out)),
        Yaml::Hash(map) => {
            for (k, v) in map {
                rendercv_strings(k.as_str().unwrap_or_default(), v, out);
            }
            return;
        }
        _ => return,
    };
    match key {
        k if k.ends_with("date") => match short_date(&text, true) {
            Ok(shown) => out.push(shown),
            Err(_) => out.push(text), // kept in "Other details"
        },
        "details" => out.extend(text.split(',').map(|s| s.trim().to_string())),
        "phone" => out.push(text.trim_start_matches("tel:").to_string()),
        "username" => {
            // @name@server → server/@name: the name is in the link text.
            let name = text.trim_start_matches('@');
            out.push(name.split('@').next().unwrap_or(name).to_string());
        }
        _ => out.push(text.trim_start_matches("https://").to_string()),
    }
}

fn import_rendercv(name: &str) -> (Sandbox, String, String) {
    import(&format!("tests/rendercv/{name}.yaml"))
}

#[test]
fn rendercv_files_render_with_every_string_in_the_pdf() {
    for name in ["full", "minimal"] {
        let (dir, profile, messages) = import_rendercv(name);
        assert!(!messages.contains("error"), "{name}: {messages}");
        let output = dir.run(&["render", &profile, "--strict"]);
        assert!(output.success(), "{name}: {}", output.stderr);
        let text = squash(&pdf_text(dir.join(format!("{name}.pdf")))).replace('-', "");
        let yaml = fs::read_to_string(repo().join(format!("tests/rendercv/{name}.yaml"))).unwrap();
        let docs = yaml_rust2::YamlLoader::load_from_str(&yaml).unwrap();
        let mut all = Vec::new();
        rendercv_strings("", &docs[0]["cv"], &mut all);
        assert!(
            all.len() >= 2,
            "the walker found the strings: {name}: {all:?}"
        );
        for s in all {
            let shown = squash(&plain(&s)).replace('-', "");
            assert!(
                text.contains(&shown),
                "{name}: `{s}` is not in the PDF text"
            );
        }
    }
}

#[test]
fn rendercv_sections_keep_their_titles_order_and_kinds() {
    let (dir, profile, messages) = import_rendercv("full");
    let toml_text = dir.read_text(&profile);
    let value: toml::Value = toml::from_str(&toml_text).unwrap();
    // Kinds vitae knows become its own sections, with RenderCV's titles.
    assert_eq!(value["work"][0]["name"].as_str(), Some("Paystream"));
    assert_eq!(value["skills"][1]["keywords"][0].as_str(), Some("Triton"));
    assert_eq!(
        value["awards"][0]["title"].as_str(),
        Some("Best Paper Award")
    );
    assert_eq!(value["titles"]["awards"].as_str(), Some("Honors"));
    assert_eq!(value["layout"].as_str(), Some("compact"));
    assert_eq!(
        value["publications"][0]["url"].as_str(),
        Some("https://doi.org/10.1234/example.5678")
    );
    // A second experience section and bullet-only sections stay custom,
    // with ids that cannot clash with the built-in sections.
    let custom: Vec<&str> = value["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert!(custom.contains(&"Internships") && custom.contains(&"Certificates"));
    // The PDF shows the sections in the YAML's order.
    dir.run(&["render", &profile, "-q"]).ok();
    assert!(
        pdf_info(dir.join("full.pdf")).contains("612 x 792"),
        "design.page.size"
    );
    let text = pdf_text(dir.join("full.pdf"));
    let mut from = 0;
    for title in [
        "Summary",
        "Experience",
        "Internships",
        "Education",
        "Publications",
        "Skills",
        "Extracurricular",
        "Projects",
        "Honors",
        "Talks",
        "Certificates",
        "Reading List",
        "Milestones",
        "Other details",
    ] {
        let at = text[from..]
            .find(&format!("\n{title}\n"))
            .unwrap_or_else(|| panic!("`{title}` missing or out of order:\n{text}"));
        from += at + 1;
    }
    // What had no place is named: moved fields and styling.
    for note in [
        "cv.photo",
        "sections.Talks[0].date",
        "design.colors (styling)",
        "rendercv_settings",
        "reversed numbering",
    ] {
        assert!(messages.contains(note), "`{note}` not reported: {messages}");
    }
}

#[test]
fn a_file_that_is_not_rendercv_is_refused_with_a_hint() {
    let dir = Sandbox::new()
        .file("x.yaml", "name: Not a RenderCV file\n")
        .file("cv.txt", "cv:\n  name: Named By Flag\n");
    let output = dir.run(&["import", "x.yaml"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("a RenderCV file has a `cv:` table at the top"),
        "{err}"
    );
    assert!(err.contains("--from"), "{err}");
    assert!(!dir.exists("x.toml"));

    // --from overrides the file name's guess.
    dir.run(&["import", "cv.txt", "--from", "rendercv"]).ok();
    assert!(dir.read_text("cv.toml").contains("Named By Flag"));
}
