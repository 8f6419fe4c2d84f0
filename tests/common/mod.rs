//! Helpers shared by the integration tests: running the binary, reading PDFs
//! with poppler's tools, and listing the facts of a profile.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use vitae::dates::{self, DateStyle};
use vitae::locale;
use vitae::markup;

/// The `vitae` binary built for these tests.
pub fn vitae() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vitae"));
    command.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    command
}

pub fn run(args: &[&str]) -> Output {
    vitae().args(args).output().expect("the vitae binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example profiles shipped in `profiles/`.
pub fn example_profiles() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(repo().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    assert!(
        found.len() >= 3,
        "profiles/ should hold at least three examples"
    );
    found
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed by the tests (apt-get install poppler-utils): {e}")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The PDF's text in reading order, as `pdftotext` (and an ATS) sees it.
pub fn pdf_text(pdf: &Path) -> String {
    poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])
}

pub fn pdf_pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages:");
    line["Pages:".len()..].trim().parse().unwrap()
}

pub fn pdf_info(pdf: &Path) -> String {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
}

/// `pdffonts` rows: (name, embedded, subset, unicode map).
pub fn pdf_fonts(pdf: &Path) -> Vec<(String, bool, bool, bool)> {
    let listing = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    listing
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let n = cols.len();
            if n < 6 {
                return None;
            }
            let yes = |s: &str| s == "yes";
            Some((
                cols[0].to_string(),
                yes(cols[n - 5]),
                yes(cols[n - 4]),
                yes(cols[n - 3]),
            ))
        })
        .collect()
}

/// Text compared without any whitespace, so that line wrapping in the PDF
/// does not matter.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A fact: text that must appear in the PDF, and the key it came from.
#[derive(Debug, Clone)]
pub struct Fact {
    pub key: String,
    pub text: String,
}

/// Keys whose values are settings, not text a reader sees.
const SETTINGS: [&str; 9] = [
    "theme", "layout", "locale", "id", "photo", "featured", "numbered", "tags", "variants",
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
    let en = locale::words("en").unwrap();
    match leaf {
        "start" | "end" | "date" => {
            let point = dates::parse(text, true).expect("example dates are valid");
            vec![dates::format_point(point, DateStyle::Short, en)]
        }
        "url" => vec![
            text.trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
        ],
        _ => markup::paragraphs(text)
            .iter()
            .map(|p| p.iter().map(|s| s.text.as_str()).collect())
            .collect(),
    }
}

/// Text for fact comparison: no whitespace, and no hyphens. pdftotext joins a
/// line that ends in a hyphen with the next one and drops the hyphen
/// ("offline-\nsync" → "offlinesync"), so a fact with a hyphen can only be
/// compared hyphen-blind. (tests/safety.rs checks `-` itself exactly.)
fn comparable(text: &str) -> String {
    squash(text).replace('-', "")
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

/// Writes `count` distinct profiles (and nothing else) into `dir`.
pub fn write_profiles(dir: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|i| {
            let path = dir.join(format!("person-{i:03}.toml"));
            let text = format!(
                "[basics]\nname = \"Person {i}\"\nlabel = \"Engineer number {i}\"\n\n[[work]]\nname = \"Company {i}\"\nposition = \"Developer\"\nstart = \"2020-01\"\nend = \"present\"\nhighlights = [\"Shipped feature {i}\", \"Fixed bug {i}\"]\n"
            );
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Modification time, to prove a file was not rewritten.
pub fn mtime(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}
