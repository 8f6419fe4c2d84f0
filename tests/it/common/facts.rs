//! The facts of a profile (text a reader must find in its PDF), and the
//! assertion that they are all there, in order.

use super::api;
use super::squash;

/// A fact: text that must appear in the PDF, and the key it came from.
#[derive(Debug, Clone)]
pub struct Fact {
    pub key: String,
    pub text: String,
}

/// Keys whose values are settings, not text a reader sees: among them a
/// `.bib` file's name and style (its references are checked in `kinds`),
/// the personal details only the banner layout shows (also `kinds`), and
/// cover letters, which are printed on their own (tests/it/letters.rs).
const SETTINGS: [&str; 16] = [
    "theme",
    "layout",
    "locale",
    "id",
    "photo",
    "featured",
    "numbered",
    "tags",
    "variants",
    "letters",
    "bibtex",
    "style",
    "highlight",
    "date_of_birth",
    "nationality",
    "driving_licence",
];

/// Every text fact of a profile, in document order, as it should read in the
/// PDF: markup stripped, dates formatted, URLs without their scheme. Arrays
/// of strings are returned as groups too, to check their order.
pub fn profile_facts(toml_text: &str) -> (Vec<Fact>, Vec<Vec<Fact>>) {
    let value: toml::Value = toml::from_str(toml_text).expect("example profiles are valid TOML");
    let mut facts = Vec::new();
    let mut groups = Vec::new();
    walk(&value, "", &mut facts, &mut groups);
    (facts, groups)
}

fn walk(value: &toml::Value, key: &str, facts: &mut Vec<Fact>, groups: &mut Vec<Vec<Fact>>) {
    let leaf = key
        .rsplit(['.', ']'])
        .next()
        .unwrap_or(key)
        .trim_start_matches('[');
    match value {
        toml::Value::Table(table) => {
            for (k, v) in table {
                if SETTINGS.contains(&k.as_str()) {
                    continue;
                }
                if k == "username" && table.contains_key("url") {
                    continue;
                }
                walk(v, &format!("{key}.{k}"), facts, groups);
            }
        }
        toml::Value::Array(items) => {
            let mut group = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let before = facts.len();
                walk(item, &format!("{key}[{i}]"), facts, groups);
                if item.is_str() {
                    group.extend(facts[before..].iter().cloned());
                }
            }
            if group.len() > 1 {
                groups.push(group);
            }
        }
        toml::Value::String(text) => {
            for piece in fact_texts(leaf, text) {
                facts.push(Fact {
                    key: key.to_string(),
                    text: piece,
                });
            }
        }
        toml::Value::Integer(n) if leaf == "stars" => facts.push(Fact {
            key: key.into(),
            text: format!("★ {n}"),
        }),
        _ => {}
    }
}

fn fact_texts(leaf: &str, text: &str) -> Vec<String> {
    match leaf {
        "start" | "end" | "date" => {
            vec![api::short_date(text, true).expect("example dates are valid")]
        }
        "url" => vec![
            text.trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
        ],
        _ => api::paragraphs(text),
    }
}

/// Text for fact comparison: no whitespace, and no hyphens. pdftotext joins a
/// line that ends in a hyphen with the next one and drops the hyphen
/// ("offline-\nsync" → "offlinesync"), so a fact with a hyphen can only be
/// compared hyphen-blind. (tests/it/safety.rs checks `-` itself exactly.)
/// Case-blind too: a layout may set a sub-heading in capitals.
fn comparable(text: &str) -> String {
    squash(text).replace('-', "").to_lowercase()
}

/// Asserts every fact is in the text, and each group appears in order.
pub fn assert_facts_in_text(name: &str, toml_text: &str, pdf_text: &str) {
    let haystack = comparable(pdf_text);
    let (facts, groups) = profile_facts(toml_text);
    let missing: Vec<&Fact> = facts
        .iter()
        .filter(|f| !haystack.contains(&comparable(&f.text)))
        .collect();
    assert!(
        missing.is_empty(),
        "{name}: facts missing from the PDF text:\n{missing:#?}\n--- text ---\n{pdf_text}"
    );
    for group in groups {
        let mut from = 0;
        for fact in &group {
            let needle = comparable(&fact.text);
            match haystack[from..].find(&needle) {
                Some(at) => from += at + needle.len(),
                None => panic!(
                    "{name}: `{}` ({}) is out of reading order",
                    fact.text, fact.key
                ),
            }
        }
    }
}
