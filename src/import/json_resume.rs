//! A JSON Resume (1.x) document as a vitae profile.
//!
//! Known fields map to vitae's keys (camelCase → snake_case, `startDate` →
//! `start`, an open-ended role → `end = "present"`). Nothing is dropped:
//! fields vitae has no key for go into a custom section "Other details",
//! one entry per object, and are listed in the returned notes.

use serde_json::Value;
use toml::{Table, Value as Toml};

use super::{Imported, finish, other_entry, plain, to_toml};

/// One JSON Resume section: its name, vitae's name, and the field renames
/// (JSON Resume key → vitae key) for its entries.
struct SectionMap {
    from: &'static str,
    to: &'static str,
    fields: &'static [(&'static str, &'static str)],
}

const SECTIONS: &[SectionMap] = &[
    SectionMap {
        from: "work",
        to: "work",
        fields: &[
            ("name", "name"),
            ("position", "position"),
            ("url", "url"),
            ("startDate", "start"),
            ("endDate", "end"),
            ("summary", "summary"),
            ("highlights", "highlights"),
            ("location", "location"),
            ("description", "description"),
        ],
    },
    SectionMap {
        from: "volunteer",
        to: "volunteer",
        fields: &[
            ("organization", "organization"),
            ("position", "position"),
            ("url", "url"),
            ("startDate", "start"),
            ("endDate", "end"),
            ("summary", "summary"),
            ("highlights", "highlights"),
        ],
    },
    SectionMap {
        from: "education",
        to: "education",
        fields: &[
            ("institution", "institution"),
            ("url", "url"),
            ("area", "area"),
            ("studyType", "study_type"),
            ("startDate", "start"),
            ("endDate", "end"),
            ("score", "score"),
            ("courses", "courses"),
        ],
    },
    SectionMap {
        from: "awards",
        to: "awards",
        fields: &[
            ("title", "title"),
            ("date", "date"),
            ("awarder", "awarder"),
            ("summary", "summary"),
        ],
    },
    SectionMap {
        from: "certificates",
        to: "certificates",
        fields: &[
            ("name", "name"),
            ("date", "date"),
            ("issuer", "issuer"),
            ("url", "url"),
        ],
    },
    SectionMap {
        from: "publications",
        to: "publications",
        fields: &[
            ("name", "name"),
            ("publisher", "publisher"),
            ("releaseDate", "date"),
            ("url", "url"),
            ("summary", "summary"),
        ],
    },
    SectionMap {
        from: "skills",
        to: "skills",
        fields: &[
            ("name", "name"),
            ("level", "level"),
            ("keywords", "keywords"),
        ],
    },
    SectionMap {
        from: "languages",
        to: "languages",
        fields: &[("language", "language"), ("fluency", "fluency")],
    },
    SectionMap {
        from: "interests",
        to: "interests",
        fields: &[("name", "name"), ("keywords", "keywords")],
    },
    SectionMap {
        from: "references",
        to: "references",
        fields: &[("name", "name"), ("reference", "reference")],
    },
    SectionMap {
        from: "projects",
        to: "projects",
        fields: &[
            ("name", "name"),
            ("description", "description"),
            ("highlights", "highlights"),
            ("keywords", "keywords"),
            ("startDate", "start"),
            ("endDate", "end"),
            ("url", "url"),
        ],
    },
];

/// Fields a required vitae key cannot do without, per section.
const REQUIRED: &[(&str, &str)] = &[
    ("awards", "title"),
    ("certificates", "name"),
    ("publications", "name"),
    ("skills", "name"),
    ("languages", "language"),
    ("interests", "name"),
    ("references", "name"),
    ("projects", "name"),
];

/// Converts a JSON Resume document. Fails only when the input is not a JSON object.
pub fn json_resume(text: &str) -> Result<Imported, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(doc) = doc else {
        return Err("a JSON Resume document is a JSON object".into());
    };
    let mut root = Table::new();
    let mut other: Vec<Toml> = Vec::new();
    let mut moved = Vec::new();

    let basics = doc
        .get("basics")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    root.insert(
        "basics".into(),
        Toml::Table(basics_table(&basics, &mut other, &mut moved)),
    );

    for map in SECTIONS {
        let Some(entries) = doc.get(map.from).and_then(Value::as_array) else {
            continue;
        };
        let mut converted = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let Some(entry) = entry.as_object() else {
                continue;
            };
            let mut table = Table::new();
            let mut extras = Vec::new();
            for (key, value) in entry {
                match map.fields.iter().find(|(from, _)| from == key) {
                    Some((_, "location")) => {
                        table.insert("location".into(), Toml::String(plain(value)));
                    }
                    Some((_, to)) => {
                        if let Some(v) = to_toml(value) {
                            table.insert(to.to_string(), v);
                        }
                    }
                    None => extras.push((key.clone(), value.clone())),
                }
            }
            // JSON Resume leaves out the end date of a current role.
            if table.contains_key("start") && !table.contains_key("end") {
                table.insert("end".into(), Toml::String("present".into()));
            }
            if let Some((_, field)) = REQUIRED
                .iter()
                .find(|(section, field)| *section == map.from && !table.contains_key(*field))
            {
                table.insert(
                    field.to_string(),
                    Toml::String(format!("(untitled {} entry)", map.from)),
                );
            }
            if !extras.is_empty() {
                let label = table
                    .values()
                    .find_map(|v| v.as_str())
                    .unwrap_or(map.from)
                    .to_string();
                other.push(other_entry(&format!("{} — {label}", map.from), &extras));
                moved.extend(extras.iter().map(|(k, _)| format!("{}[{i}].{k}", map.from)));
            }
            converted.push(Toml::Table(table));
        }
        if !converted.is_empty() {
            root.insert(map.to.into(), Toml::Array(converted));
        }
    }
    for (key, value) in &doc {
        let known = key == "basics" || key == "$schema" || SECTIONS.iter().any(|m| m.from == key);
        if !known {
            other.push(other_entry(key, &[(key.clone(), value.clone())]));
            moved.push(key.clone());
        }
    }
    finish(root, other, moved, Vec::new(), "JSON Resume")
}

fn basics_table(
    basics: &serde_json::Map<String, Value>,
    other: &mut Vec<Toml>,
    moved: &mut Vec<String>,
) -> Table {
    const FIELDS: [(&str, &str); 6] = [
        ("name", "name"),
        ("label", "label"),
        ("email", "email"),
        ("phone", "phone"),
        ("url", "url"),
        ("summary", "summary"),
    ];
    let mut table = Table::new();
    let mut extras = Vec::new();
    for (key, value) in basics {
        if let Some((_, to)) = FIELDS.iter().find(|(from, _)| from == key) {
            if let Some(v) = to_toml(value) {
                table.insert(to.to_string(), v);
            }
        } else if key == "location" {
            if let Some(location) = value.as_object() {
                let mut place = Table::new();
                for (from, to) in [
                    ("address", "address"),
                    ("postalCode", "postal_code"),
                    ("city", "city"),
                    ("region", "region"),
                    ("countryCode", "country_code"),
                ] {
                    if let Some(v) = location
                        .get(from)
                        .and_then(Value::as_str)
                        .filter(|s| !s.is_empty())
                    {
                        place.insert(to.into(), Toml::String(v.into()));
                    }
                }
                if !place.is_empty() {
                    table.insert("location".into(), Toml::Table(place));
                }
            }
        } else if key == "profiles" {
            let profiles: Vec<Toml> = value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .map(|p| {
                    let mut t = Table::new();
                    t.insert(
                        "network".into(),
                        Toml::String(
                            p.get("network")
                                .map(plain)
                                .unwrap_or_else(|| "profile".into()),
                        ),
                    );
                    for field in ["username", "url"] {
                        if let Some(v) = p
                            .get(field)
                            .and_then(Value::as_str)
                            .filter(|s| !s.is_empty())
                        {
                            t.insert(field.into(), Toml::String(v.into()));
                        }
                    }
                    Toml::Table(t)
                })
                .collect();
            if !profiles.is_empty() {
                table.insert("profiles".into(), Toml::Array(profiles));
            }
        } else {
            // `image` is usually a URL; vitae embeds only local files, so it
            // is kept as text rather than guessed at.
            extras.push((key.clone(), value.clone()));
        }
    }
    if !table.contains_key("name") {
        table.insert(
            "name".into(),
            Toml::String("(name missing in the JSON Resume)".into()),
        );
        moved.push("basics.name (missing; a placeholder was written)".into());
    }
    if !extras.is_empty() {
        other.push(other_entry("basics", &extras));
        moved.extend(extras.iter().map(|(k, _)| format!("basics.{k}")));
    }
    table
}
