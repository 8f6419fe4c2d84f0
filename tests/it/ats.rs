//! What résumé parsers (ATS) read: the PDF's text items, in order. Parsers
//! built on pdf.js take the first item for the name, drop whitespace-only
//! items and glue items closer than a character together; they want one
//! item per heading and decorations kept apart from data. Checked here on
//! the runs of text the proofs see (one PDF text item each), for every
//! example in every layout and three locales.
//!
//! `scripts/ats/lines.mjs` shows the same PDF through pdf.js itself.

use crate::common::api::{self, TextRun, engine};
use crate::common::{example_text, in_locale};

struct Case {
    what: String,
    text: String,
    locale: &'static str,
    runs: Vec<TextRun>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for name in [
        "daniel-okafor",
        "mira-lindqvist",
        "priya-raman",
        "sam-export",
    ] {
        let original = example_text(name);
        for locale in ["en", "de", "hi"] {
            let text = in_locale(&original, locale);
            for layout in api::builtin_layouts() {
                let checked = api::check_text(engine(), &text, layout, &[])
                    .unwrap_or_else(|e| panic!("{name} in {layout}: {e:?}"));
                out.push(Case {
                    what: format!("{name} in {layout}, {locale}"),
                    text: text.clone(),
                    locale,
                    runs: checked.report.runs,
                });
            }
        }
    }
    out
}

fn value_of(text: &str, key: &str) -> Option<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{key} = \"")))?;
    Some(line.split('"').nth(1)?.to_string())
}

fn data_runs(case: &Case) -> impl Iterator<Item = &TextRun> {
    case.runs
        .iter()
        .filter(|r| !r.artifact && !r.text.trim().is_empty())
}

#[test]
fn the_name_is_the_first_text_item_and_the_email_an_item_of_its_own() {
    for case in cases() {
        let name = value_of(&case.text, "name").expect("a name");
        let first = data_runs(&case).next().expect("some text");
        assert_eq!(first.text.trim(), name, "{}: the first item", case.what);
        let Some(email) = value_of(&case.text, "email") else {
            continue;
        };
        assert!(
            data_runs(&case).any(|r| r.text.trim() == email),
            "{}: the e-mail is not an item of its own",
            case.what
        );
    }
}

#[test]
fn every_standard_section_heading_is_one_item_in_the_locales_words() {
    for case in cases() {
        let words = api::locale_words(case.locale);
        for (id, title) in words {
            let present = match id {
                "summary" => case.text.contains("summary ="),
                "work" => case.text.contains("[[work]]"),
                "education" => case.text.contains("[[education]]"),
                "skills" => case.text.contains("[[skills]]"),
                _ => false,
            };
            let renamed =
                case.text.contains(&format!("{id} = \"")) && case.text.contains("[titles]");
            if !present || renamed {
                continue;
            }
            let at = case
                .runs
                .iter()
                .position(|r| !r.artifact && r.text.trim() == title)
                .unwrap_or_else(|| panic!("{}: heading “{title}” is not one text item", case.what));
            // A parser reads a line from consecutive items on one baseline.
            let heading = &case.runs[at];
            let neighbours = [at.checked_sub(1), Some(at + 1)];
            let beside: Vec<&str> = neighbours
                .into_iter()
                .flatten()
                .filter_map(|i| case.runs.get(i))
                .filter(|r| r.page == heading.page && (r.y - heading.y).abs() < 1.0)
                .filter(|r| !r.text.trim().is_empty())
                .map(|r| r.text.as_str())
                .collect();
            assert!(
                beside.is_empty(),
                "{}: “{title}” shares its line with {beside:?}",
                case.what
            );
        }
    }
}

#[test]
fn decorations_are_artifacts_and_never_touch_the_data_they_decorate() {
    for case in cases() {
        for run in &case.runs {
            let decorative = ["↗", "Nº", "§"].iter().any(|d| run.text.contains(d));
            assert!(
                !decorative || run.artifact,
                "{}: {:?} is not marked as an artifact",
                case.what,
                run.text
            );
        }
        // A decoration is at least half an em from the text before it, so a
        // parser does not glue it onto an address.
        for pair in case.runs.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if after.artifact && after.text.contains('↗') && (before.y - after.y).abs() < 1.0 {
                let gap = after.x - (before.x + before.width);
                assert!(
                    gap >= 0.45 * before.size,
                    "{}: ↗ is {gap:.1} pt from {:?}",
                    case.what,
                    before.text
                );
            }
        }
    }
}
