//! `vitae export --to json-resume`.

use crate::common::*;

fn export(profile: &str) -> (serde_json::Value, String) {
    let output = run(&["export", profile, "--to", "json-resume"]).ok();
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        output.stderr,
    )
}

#[test]
fn every_example_exports_with_its_text_and_a_list_of_what_has_no_place() {
    for profile in example_profiles() {
        let (doc, _) = export(profile.to_str().unwrap());
        assert!(doc["basics"]["name"].is_string(), "{}", profile.display());
    }
    let (doc, warnings) = export("profiles/priya-raman.toml");
    // Each role is its own work entry; nested bullets are flattened in order.
    let work = doc["work"].as_array().unwrap();
    assert_eq!(work[0]["name"], "Kestrel Pay");
    assert_eq!(
        work[0]["position"],
        "Senior Software Engineer, Payments Platform"
    );
    assert_eq!(work[0]["startDate"], "2022-10");
    assert!(work[0].get("endDate").is_none(), "present is an open end");
    assert_eq!(work[1]["position"], "Software Engineer II, Risk");
    let highlights: Vec<&str> = work[0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(
        highlights[0].starts_with("Monetization: Rebuilt merchant pricing"),
        "{highlights:?}"
    );
    assert!(
        highlights[2].starts_with("– Rules are versioned"),
        "{highlights:?}"
    );
    assert_eq!(doc["education"][0]["studyType"], "B.Tech.");
    assert_eq!(doc["education"][0]["score"], "CGPA 8.59/10");
    assert_eq!(doc["basics"]["location"]["city"], "Bengaluru");
    assert!(warnings.contains("work[0].stack"), "{warnings}");
    for missing in ["details (labelled details)", "keyword levels and notes"] {
        assert!(warnings.contains(missing), "{missing}: {warnings}");
    }

    let (_, warnings) = export("profiles/mira-lindqvist.toml");
    for missing in [
        "cover",
        "numbers",
        "sections",
        "projects[0].stars",
        "intros",
        "group (sub-headings",
    ] {
        assert!(
            warnings.contains(missing),
            "{missing} should be reported: {warnings}"
        );
    }
}

#[test]
fn an_invalid_profile_is_not_exported() {
    let dir = Sandbox::new().profile(
        "bad.toml",
        "[basics]\nname = \"A\"\n[[work]]\nstart = \"2022-13\"\n",
    );
    let output = dir.run(&["export", "bad.toml", "--to", "json-resume"]);
    assert_eq!(output.code, Some(1));
    assert!(output.stdout.is_empty());
    assert!(output.stderr.contains("month 13"), "{}", output.stderr);
}

/// JSON Resume's own schema (tests/json-resume/schema.json, v1.2.1; its
/// licence is in schema.LICENSE.md beside it), with formats checked: a link
/// must be a URI.
fn json_resume_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("tests/json-resume/schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the JSON Resume schema is valid draft-07")
}

#[test]
fn every_export_validates_against_the_json_resume_schema() {
    let validator = json_resume_schema();
    let dir = Sandbox::new().profile(
        "bare-links.toml",
        "[basics]\nname = \"A\"\nurl = \"a.example.com\"\n\
         [[basics.profiles]]\nnetwork = \"Blog\"\nurl = \"blog.example.com/a\"\n\
         [[projects]]\nname = \"p\"\nurl = \"github.com/a/p\"\n",
    );
    let bare = dir
        .run(&["export", "bare-links.toml", "--to", "json-resume"])
        .ok();
    let bare: serde_json::Value = serde_json::from_slice(&bare.stdout).unwrap();
    assert_eq!(bare["basics"]["url"], "https://a.example.com");
    assert_eq!(bare["projects"][0]["url"], "https://github.com/a/p");
    let mut documents = vec![("bare-links".to_string(), bare)];
    for profile in example_profiles() {
        let (doc, _) = export(profile.to_str().unwrap());
        documents.push((profile.display().to_string(), doc));
    }
    for (name, doc) in documents {
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn a_round_trip_keeps_project_fields_and_names_what_it_drops() {
    let dir = Sandbox::new();
    let json = repo_file("tests/json-resume/full.json");
    let imported = dir.run(&["import", &json, "-o", "full.toml"]).ok();
    assert!(
        imported.stderr.contains("meta (JSON Resume bookkeeping"),
        "{}",
        imported.stderr
    );
    let output = dir
        .run(&["export", "full.toml", "--to", "json-resume"])
        .ok();
    let back: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let project = &back["projects"][0];
    assert_eq!(project["roles"], serde_json::json!(["Maintainer"]));
    assert_eq!(project["entity"], "Open source");
    assert_eq!(project["type"], "application");
    // What has no place in JSON Resume is named field by field.
    assert!(
        output
            .stderr
            .contains("sections \"Other details\": work — Datalane: team_size"),
        "{}",
        output.stderr
    );
    assert!(
        !output.stderr.contains("projects — flowcheck"),
        "{}",
        output.stderr
    );
    assert!(json_resume_schema().is_valid(&back));

    // And back into vitae: the same profile.
    dir.write("back.json", &output.stdout);
    dir.run(&["import", "back.json", "-o", "back.toml"]).ok();
    let first: toml::Value = toml::from_str(&dir.read_text("full.toml")).unwrap();
    let second: toml::Value = toml::from_str(&dir.read_text("back.toml")).unwrap();
    assert_eq!(first["projects"], second["projects"]);
    let details = |v: &toml::Value| {
        v["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["title"].as_str() == Some("Other details"))
            .map(|s| s["entries"].clone())
    };
    let (a, b) = (details(&first).unwrap(), details(&second).unwrap());
    let projects = |entries: &toml::Value| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["title"].as_str().unwrap().starts_with("projects"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(projects(&a), projects(&b));
}
