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
            // Bookkeeping, listed by its key (see the test of every sample).
            .filter(|(k, _)| !["$schema", "meta"].contains(&k.as_str()))
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
                text.contains(&shown) || text.contains(&shown_url) || messages.contains(&s),
                "{name}: `{s}` is neither in the PDF text nor reported"
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
                text.contains(&shown) || messages.contains(&format!("\"{s}\"")),
                "{name}: `{s}` is neither in the PDF text nor reported"
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

// ---- Every sample: no junk section, and a report of what was left out ----

/// Samples whose source has content vitae has no key for, on purpose: they
/// alone get an "Other details" section.
const WITH_OTHER_DETAILS: &[&str] = &[
    "tests/rendercv/full.yaml",       // a talk dated "Fall 2023"
    "tests/json-resume/full.json",    // team_size, project roles/entity/type
    "tests/json-resume/awkward.json", // x-availability, project metrics
];

/// Every sample under tests/rendercv/ and tests/json-resume/.
fn samples() -> Vec<String> {
    let mut all = Vec::new();
    for (folder, ext) in [("tests/rendercv", "yaml"), ("tests/json-resume", "json")] {
        for entry in fs::read_dir(repo().join(folder)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(ext) && name != "schema.json" {
                all.push(format!("{folder}/{name}"));
            }
        }
    }
    all.sort();
    assert!(all.len() >= 17, "{all:?}");
    all
}

/// Whether the report names `path` (or a part of the document above it) as
/// a listed item: "path (why)", "path = value", or in a list of paths.
fn reported(messages: &str, path: &str) -> bool {
    let mut prefixes = vec![path.to_string()];
    let mut at = path.len();
    while let Some(cut) = path[..at].rfind(['.', '[']) {
        prefixes.push(path[..cut].to_string());
        at = cut;
    }
    prefixes.iter().any(|p| {
        [" (", " =", ",", "\n"]
            .iter()
            .any(|end| messages.contains(&format!("{p}{end}")))
    })
}

/// Every text of a JSON document with its path (`work[0].name`).
fn json_leaves(path: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                json_leaves(&format!("{path}[{i}]"), v, out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let at = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                json_leaves(&at, v, out);
            }
        }
        _ => {}
    }
}

/// What a reader should find of a text in the PDF: each " - " part (RenderCV
/// sub-bullets), dates by their year (the sample's locale names the month).
fn shown_parts(key: &str, text: &str) -> Vec<String> {
    let text = text.trim_start_matches("tel:");
    if key.ends_with("date") || key.ends_with("Date") {
        return match text.get(..4) {
            Some(year) if text.starts_with(['1', '2']) => vec![year.to_string()],
            _ => Vec::new(), // "present", in the locale's word
        };
    }
    if key == "details" || key == "keywords" {
        return text
            .split(',')
            .map(|s| squash(&plain(s)).replace('-', ""))
            .collect();
    }
    text.split(" - ")
        .map(|part| {
            let part = part
                .trim_start_matches("https://")
                .trim_end_matches('/')
                .trim_start_matches('@');
            squash(&plain(part.split('@').next().unwrap_or(part))).replace('-', "")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn every_sample_imports_without_a_junk_section_and_reports_what_it_leaves_out() {
    let mut lost = Vec::new();
    for sample in samples() {
        let (dir, profile, messages) = import(&sample);
        let stem = profile.trim_end_matches(".toml");
        let output = dir.run(&["render", &profile]);
        assert!(output.success(), "{sample}: {}", output.stderr);
        let pdf = pdf_text(dir.join(format!("{stem}.pdf")));
        let text = squash(&pdf).replace('-', "");
        let has_other = pdf.contains("Other details");
        assert_eq!(
            has_other,
            WITH_OTHER_DETAILS.contains(&sample.as_str()),
            "{sample}: \"Other details\" {}\n{messages}",
            if has_other { "shown" } else { "missing" }
        );
        let source = fs::read_to_string(repo().join(&sample)).unwrap();
        let document: serde_json::Value = if sample.ends_with(".json") {
            serde_json::from_str(&source).unwrap()
        } else {
            let yaml = yaml_rust2::YamlLoader::load_from_str(&source)
                .unwrap()
                .remove(0);
            yaml_to_json(&yaml)
        };
        let mut leaves = Vec::new();
        json_leaves("", &document, &mut leaves);
        let imported: toml::Value = toml::from_str(&dir.read_text(&profile)).unwrap();
        for (path, value) in leaves {
            let key = path.rsplit(['.', ']']).next().unwrap_or_default();
            let mapped = match path.as_str() {
                "design.theme" => imported.get("layout").is_some(),
                "design.page.size" => imported["theme"].get("paper").is_some(),
                "locale.language" => imported.get("locale").is_some(),
                _ => false,
            };
            let in_pdf = shown_parts(key, &value).iter().all(|p| text.contains(p));
            if !(mapped || in_pdf || reported(&messages, &path)) {
                lost.push(format!("{sample}: {path} = `{value}`\n{messages}"));
            }
        }
    }
    assert!(
        lost.is_empty(),
        "neither in the PDF nor in the report:\n{}",
        lost.join("\n")
    );
}

/// A YAML document as JSON, with sections as keys (for paths).
fn yaml_to_json(yaml: &yaml_rust2::Yaml) -> serde_json::Value {
    use yaml_rust2::Yaml;
    match yaml {
        Yaml::Hash(map) => map
            .iter()
            .map(|(k, v)| {
                let key = match k {
                    Yaml::String(s) => s.clone(),
                    other => format!("{other:?}"),
                };
                (key, yaml_to_json(v))
            })
            .collect::<serde_json::Map<_, _>>()
            .into(),
        Yaml::Array(items) => items.iter().map(yaml_to_json).collect(),
        Yaml::String(s) | Yaml::Real(s) => s.clone().into(),
        Yaml::Integer(i) => i.to_string().into(),
        _ => serde_json::Value::Null,
    }
}

// ---- Point by point ----

#[test]
fn empty_fields_and_bookkeeping_make_no_section() {
    for sample in [
        "tests/json-resume/sample-shape.json",
        "tests/rendercv/theme-classic.yaml",
    ] {
        let (dir, profile, messages) = import(sample);
        let text = dir.read_text(&profile);
        assert!(!text.contains("Other details"), "{sample}: {text}");
        assert!(
            !text.contains("\"\""),
            "{sample}: an empty value was kept: {text}"
        );
        if sample.ends_with(".json") {
            assert!(
                messages.contains("$schema (JSON Resume bookkeeping"),
                "{messages}"
            );
            assert!(
                messages
                    .contains("meta (JSON Resume bookkeeping: canonical, lastModified, version)"),
                "{messages}"
            );
        } else {
            assert!(
                messages.contains("settings (RenderCV settings)"),
                "{messages}"
            );
        }
    }
}

#[test]
fn json_resume_old_names_profiles_and_photos() {
    let (dir, profile, _) = import("tests/json-resume/legacy-0x.json");
    let value: toml::Value = toml::from_str(&dir.read_text(&profile)).unwrap();
    assert!(!dir.read_text(&profile).contains("Other details"));
    assert_eq!(
        value["basics"]["url"].as_str(),
        Some("https://ingrid.example.no")
    );
    assert_eq!(value["work"][0]["name"].as_str(), Some("Fjord Cloud"));
    assert_eq!(
        value["work"][0]["url"].as_str(),
        Some("https://fjord.example.no")
    );
    assert_eq!(
        value["work"][0]["description"].as_str(),
        Some("Hosting for Nordic public services")
    );
    assert_eq!(value["education"][0]["score"].as_str(), Some("A"));
    assert_eq!(
        value["publications"][0]["url"].as_str(),
        Some("https://opsweekly.example/error-budgets")
    );
    let twitter = &value["basics"]["profiles"][1];
    assert_eq!(twitter["network"].as_str(), Some("twitter"));
    assert_eq!(twitter["username"].as_str(), Some("ingridops"));

    // A link to the network's home page is replaced, so the username shows.
    let (dir, profile, messages) = import("tests/json-resume/sample-shape.json");
    let value: toml::Value = toml::from_str(&dir.read_text(&profile)).unwrap();
    let profiles = &value["basics"]["profiles"];
    assert_eq!(
        profiles[0]["url"].as_str(),
        Some("https://twitter.com/jonahw")
    );
    assert!(profiles[1].get("url").is_none(), "{profiles:?}");
    assert!(
        messages.contains("basics.profiles[1].url = \"https://gallery.example\""),
        "{messages}"
    );
    dir.run(&["render", &profile, "-q"]).ok();
    let pdf = pdf_text(dir.join("sample-shape.pdf"));
    assert!(
        pdf.contains("twitter.com/jonahw") && pdf.contains("jonah-draws"),
        "{pdf}"
    );

    // `image` is the photo when the file is next to the profile.
    let png = repo().join("tests/visual/classic-mira-lindqvist.png");
    let dir = Sandbox::new()
        .copy(&png, "me.png")
        .file("a.json", r#"{"basics": {"name": "A", "image": "me.png"}}"#)
        .file(
            "b.json",
            r#"{"basics": {"name": "B", "image": "https://example.com/b.png"}}"#,
        );
    dir.run(&["import", "a.json"]).ok();
    assert!(dir.read_text("a.toml").contains("photo = \"me.png\""));
    let b = dir.run(&["import", "b.json"]).ok();
    assert!(!dir.read_text("b.toml").contains("photo"));
    assert!(
        b.stderr
            .contains("basics.image = \"https://example.com/b.png\" (a link"),
        "{}",
        b.stderr
    );
}

#[test]
fn rendercv_sub_bullets_locales_and_themes() {
    let (dir, profile, _) = import("tests/rendercv/theme-classic.yaml");
    let value: toml::Value = toml::from_str(&dir.read_text(&profile)).unwrap();
    let first = &value["work"][0]["highlights"][0];
    assert_eq!(
        first["text"].as_str(),
        Some("Led the ledger rewrite across four teams")
    );
    assert_eq!(
        first["items"][1].as_str(),
        Some("Retired the nightly batch")
    );
    assert_eq!(value["locale"].as_str(), Some("en"));

    for (theme, layout, locale) in [
        ("classic", "classic", Some("en")),
        ("engineeringresumes", "compact", Some("pt")),
        ("engineeringclassic", "compact", None),
        ("sb2nov", "compact", None),
        ("moderncv", "modern", Some("de")),
        ("harvard", "classic", Some("en")),
        ("ink", "classic", Some("fr")),
        ("opal", "modern", Some("es")),
        ("ember", "classic", None),
    ] {
        let (dir, profile, messages) = import(&format!("tests/rendercv/theme-{theme}.yaml"));
        let value: toml::Value = toml::from_str(&dir.read_text(&profile)).unwrap();
        assert_eq!(value["layout"].as_str(), Some(layout), "{theme}");
        assert_eq!(
            value.get("locale").and_then(|l| l.as_str()),
            locale,
            "{theme}"
        );
        let explained = messages.contains(&format!(
            "design.theme = \"{theme}\" became layout = \"{layout}\", the nearest"
        ));
        assert_eq!(explained, theme != "classic", "{theme}: {messages}");
    }
    // The file's own word for "present" becomes the profile's.
    let (dir, profile, messages) = import("tests/rendercv/theme-moderncv.yaml");
    assert!(!messages.contains("locale.present"), "{messages}");
    dir.run(&["render", &profile]).ok();
    let pdf = dir.join(profile.replace(".toml", ".pdf"));
    assert!(pdf_text(pdf).contains("Apr. 2019 – jetzt"));
    let (_, _, messages) = import("tests/rendercv/theme-ember.yaml");
    assert!(
        messages.contains("locale.language = \"turkish\""),
        "{messages}"
    );
}

#[test]
fn an_import_with_errors_exits_non_zero_and_keeps_the_profile() {
    let dir = Sandbox::new().file("cv.yaml", "cv:\n  name: Ada\n  email: not an address\n");
    let output = dir.run(&["import", "cv.yaml"]);
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert!(output.stderr.contains("error"), "{}", output.stderr);
    assert!(dir.read_text("cv.toml").contains("not an address"));
}

#[test]
fn a_source_without_a_name_imports_without_a_placeholder() {
    // The name is optional: nothing is invented to print in its place.
    let dir = Sandbox::new().file(
        "cv.json",
        r#"{"basics": {"label": "Engineer"}, "work": [{"name": "Acme", "position": "Dev"}]}"#,
    );
    dir.run(&["import", "cv.json"]).ok();
    let profile: toml::Value = toml::from_str(&dir.read_text("cv.toml")).unwrap();
    assert!(profile["basics"].get("name").is_none(), "{profile}");
    dir.run(&["render", "cv.toml"]).ok();
    assert!(pdf_text(dir.join("cv.pdf")).starts_with("Engineer"));
}
