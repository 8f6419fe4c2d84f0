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

    let (_, warnings) = export("profiles/mira-lindqvist.toml");
    for missing in ["cover", "numbers", "sections", "projects[0].stars"] {
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
