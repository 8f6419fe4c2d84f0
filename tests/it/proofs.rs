//! Every built-in layout passes its proofs: on the examples in every budget
//! and several locales, and on long generated profiles in every locale.
//! A budget that cannot be met suggests one that can.

use crate::common::api::{self, Checked, Diagnostic, engine};
use crate::common::generate::{LOCALES, long_profile};
use crate::common::{in_locale, repo};

fn examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo().join("profiles")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    assert!(out.len() >= 3, "the examples are found");
    out
}

/// Checks and returns the report, failing with every problem found.
fn proven(text: &str, layout: &str, theme: &[(&str, toml::Value)], what: &str) -> Checked {
    match api::check_text(engine(), text, layout, theme) {
        Ok(checked) => {
            let errors: Vec<String> = checked
                .report
                .errors()
                .map(|f| f.diagnostic.render(false))
                .collect();
            assert!(
                errors.is_empty(),
                "{what}: proofs failed:\n{}",
                errors.join("\n")
            );
            // Built-in layouts also keep entry titles and section headings
            // with their content, and the reading order a parser wants: not
            // even a warning about those.
            let layout_faults: Vec<String> = checked
                .report
                .findings
                .iter()
                .map(|f| f.diagnostic.message.to_string())
                .filter(|m| {
                    m.contains("ends page")
                        || m.contains("ends with the heading")
                        || m.contains("résumé parsers")
                })
                .collect();
            assert!(layout_faults.is_empty(), "{what}: {layout_faults:#?}");
            assert_eq!(
                checked.report.found + checked.report.omitted.len(),
                checked.report.facts,
                "{what}"
            );
            checked
        }
        Err(errors) => panic!("{what}: {}", rendered(&errors)),
    }
}

fn rendered(errors: &[Diagnostic]) -> String {
    errors.iter().map(|d| d.render(false)).collect()
}

/// With a budget: proven, or "does not fit" with a budget that then fits
/// and is proven.
fn proven_within(text: &str, layout: &str, pages: usize, what: &str) {
    let budget = [("pages", toml::Value::Integer(pages as i64))];
    match api::check_text(engine(), text, layout, &budget) {
        Ok(_) => {
            let checked = proven(text, layout, &budget, what);
            assert!(checked.pages <= pages, "{what}: {} pages", checked.pages);
        }
        Err(errors) => {
            let message = rendered(&errors);
            assert!(message.contains("does not fit on"), "{what}: {message}");
            let suggested: usize = message
                .split("raise `pages` to ")
                .nth(1)
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{what}: no budget suggested: {message}"));
            let again = [("pages", toml::Value::Integer(suggested as i64))];
            let checked = proven(
                text,
                layout,
                &again,
                &format!("{what}, suggested pages={suggested}"),
            );
            assert!(
                checked.pages <= suggested,
                "{what}: the suggested budget holds"
            );
        }
    }
}

/// Every example × {no budget, 1 page, 2 pages} × {en, de, hi} in `layout`,
/// and with contact icons.
fn examples_pass_in(layout: &str) {
    for (name, text) in examples() {
        for locale in ["en", "de", "hi"] {
            let text = in_locale(&text, locale);
            let what = format!("{name} in {layout}, {locale}");
            proven(&text, layout, &[], &what);
            let icons = [("icons", toml::Value::Boolean(true))];
            proven(&text, layout, &icons, &format!("{what}, icons"));
            for pages in [1, 2] {
                proven_within(&text, layout, pages, &format!("{what}, pages={pages}"));
            }
        }
    }
}

/// Generated profiles of 1, 2, 4 and 8 pages in every locale, in `layout`.
fn generated_pass_in(layout: &str) {
    for pages in [1, 2, 4, 8] {
        for locale in LOCALES {
            let text = long_profile(pages, locale);
            let what = format!("generated {pages}-page profile in {layout}, {locale}");
            let checked = proven(&text, layout, &[], &what);
            assert!(
                checked.report.facts > 60 * pages,
                "{what}: {} facts",
                checked.report.facts
            );
        }
    }
}

#[test]
fn classic_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("classic");
}

#[test]
fn compact_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("compact");
}

#[test]
fn modern_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("modern");
}

#[test]
fn notebook_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("notebook");
}

#[test]
fn academic_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("academic");
}

#[test]
fn timeline_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("timeline");
}

#[test]
fn banner_passes_its_proofs_on_every_example_budget_and_locale() {
    examples_pass_in("banner");
}

#[test]
fn academic_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("academic");
}

#[test]
fn timeline_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("timeline");
}

#[test]
fn banner_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("banner");
}

#[test]
fn every_builtin_layout_has_its_proof_tests() {
    assert_eq!(
        api::builtin_layouts(),
        [
            "academic", "banner", "classic", "compact", "modern", "notebook", "timeline"
        ],
        "a new layout needs its …_passes_its_proofs_… tests"
    );
}

#[test]
fn classic_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("classic");
}

#[test]
fn compact_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("compact");
}

#[test]
fn modern_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("modern");
}

#[test]
fn notebook_passes_its_proofs_on_long_generated_profiles() {
    generated_pass_in("notebook");
}

#[test]
fn generated_profiles_fit_a_budget_or_suggest_one_that_fits() {
    for layout in api::builtin_layouts() {
        for (pages, budget) in [(2, 1), (4, 2)] {
            let text = long_profile(pages, "en");
            proven_within(
                &text,
                layout,
                budget,
                &format!("generated {pages}-page profile in {layout}, pages={budget}"),
            );
        }
    }
}

#[test]
fn modern_moves_sidebar_sections_that_would_run_off_page_one_into_the_main_column() {
    let mut text = long_profile(1, "en");
    for i in 0..30 {
        text.push_str(&format!(
            "\n[[skills]]\nname = \"Extra area {i}\"\nkeywords = [\"Skill {i}a\", \"a rather long skill name {i}\"]\n"
        ));
    }
    let checked = proven(&text, "modern", &[], "a sidebar longer than a page");
    let skills = checked
        .report
        .runs
        .iter()
        .find(|r| r.text.trim() == "Skills")
        .expect("the skills heading");
    let contact = checked
        .report
        .runs
        .iter()
        .find(|r| r.text.trim() == "Contact")
        .expect("the contact heading");
    assert!(
        skills.x > contact.x + 100.0,
        "skills moved to the main column: {skills:?}"
    );
    assert!(checked.pages >= 3);
}
