//! Page budgets: `pages = N` in a theme fits the document or fails clearly.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// A profile far too long for one page: a dozen jobs, then skills and languages.
fn long_profile(budget_line: &str) -> String {
    let mut text = format!("[basics]\nname = \"Long Story\"\n\n[theme]\n{budget_line}\n");
    for i in 0..12 {
        text.push_str(&format!(
            "\n[[work]]\nname = \"Company {i}\"\nposition = \"Engineer\"\nstart = \"20{i:02}\"\nend = \"20{:02}\"\nhighlights = [\n",
            i + 1
        ));
        for j in 0..6 {
            text.push_str(&format!(
                "  \"Delivered project {i}.{j}, which took a long sentence to describe properly.\",\n"
            ));
        }
        text.push_str("]\n");
    }
    text.push_str("\n[[skills]]\nname = \"Languages\"\nkeywords = [\"Rust\", \"Go\"]\n");
    text.push_str("\n[[languages]]\nlanguage = \"English\"\nfluency = \"Native\"\n");
    text
}

fn render_to(profile: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "render",
        profile.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn a_profile_that_needs_a_small_squeeze_fits_on_one_page_with_every_fact() {
    let dir = tempfile::tempdir().unwrap();
    let profile = repo().join("profiles/mira-lindqvist.toml");
    let plain = dir.path().join("plain.pdf");
    let output = render_to(&profile, &plain, &["--layout", "classic"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(pdf_pages(&plain), 2, "without a budget it takes two pages");

    let fitted = dir.path().join("fitted.pdf");
    let output = render_to(
        &profile,
        &fitted,
        &["--layout", "classic", "--theme", "pages=1"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(pdf_pages(&fitted), 1);
    assert!(
        stderr(&output).contains("fitted to 1 page: spacing"),
        "{}",
        stderr(&output)
    );
    let toml_text = fs::read_to_string(&profile).unwrap();
    assert_facts_in_text("mira, fitted", &toml_text, &pdf_text(&fitted));

    // Fitting is deterministic: the same bytes every time.
    let again = dir.path().join("again.pdf");
    let output = render_to(
        &profile,
        &again,
        &["--layout", "classic", "--theme", "pages=1"],
    );
    assert!(output.status.success());
    assert_eq!(fs::read(&fitted).unwrap(), fs::read(&again).unwrap());
}

#[test]
fn every_layout_can_fit_the_two_page_example_on_one_page() {
    let profile = repo().join("profiles/mira-lindqvist.toml");
    let toml_text = fs::read_to_string(&profile).unwrap();
    for layout in ["classic", "compact", "modern"] {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("out.pdf");
        let output = render_to(&profile, &pdf, &["--layout", layout, "--theme", "pages=1"]);
        assert!(output.status.success(), "{layout}: {}", stderr(&output));
        assert_eq!(pdf_pages(&pdf), 1, "{layout}");
        assert_facts_in_text(layout, &toml_text, &pdf_text(&pdf));
    }
}

#[test]
fn a_profile_that_already_fits_is_rendered_exactly_as_without_a_budget() {
    let dir = tempfile::tempdir().unwrap();
    let profile = repo().join("profiles/daniel-okafor.toml");
    let (plain, budget) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    assert!(render_to(&profile, &plain, &["-q"]).status.success());
    let output = render_to(&profile, &budget, &["--theme", "pages=1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("fitted"), "{}", stderr(&output));
    assert_eq!(fs::read(&plain).unwrap(), fs::read(&budget).unwrap());
}

#[test]
fn a_profile_that_cannot_fit_fails_saying_how_much_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("long.toml");
    let text = long_profile("pages = 1");
    fs::write(&profile, &text).unwrap();
    let pdf = dir.path().join("long.pdf");
    fs::write(&pdf, b"the previous good PDF").unwrap();

    let output = render_to(&profile, &pdf, &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("the profile does not fit on 1 page"), "{err}");
    assert!(
        err.contains("even at the tightest setting (spacing 60 %, font size"),
        "{err}"
    );
    assert!(
        err.contains("cm onto page 2")
            || err.contains("needs 2 pages")
            || err.contains("needs 3 pages"),
        "{err}"
    );
    assert!(
        err.contains("past the budget: the end of “Experience”, then “Skills”, “Languages”"),
        "{err}"
    );
    assert!(err.contains("long.toml:5:9"), "points at `pages`: {err}");
    assert!(err.contains("key: theme.pages"), "{err}");
    assert!(err.contains("raise `pages` to 2"), "{err}");
    assert_eq!(
        fs::read(&pdf).unwrap(),
        b"the previous good PDF",
        "a failed fit leaves the old PDF alone"
    );

    // The same budget, but enough of it: fits.
    fs::write(&profile, long_profile("pages = 3")).unwrap();
    let output = render_to(&profile, &pdf, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(pdf_pages(&pdf) <= 3);
}

#[test]
fn a_budget_in_a_variant_is_reported_at_the_variants_key() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("long.toml");
    let text = long_profile("") + "\n[[variants]]\nname = \"short\"\ntheme = { pages = 1 }\n";
    fs::write(&profile, &text).unwrap();
    let output = run(&["render", profile.to_str().unwrap(), "--variant", "short"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("does not fit on 1 page"), "{err}");
    assert!(err.contains("key: variants[0].theme.pages"), "{err}");
}

#[test]
fn bad_budgets_are_refused_with_the_allowed_range() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    fs::write(&profile, "[basics]\nname = \"A\"\n[theme]\npages = 0\n").unwrap();
    let output = run(&["render", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("bad value 0 for `pages`"), "{err}");
    assert!(
        err.contains("a whole number of pages from 1 to 20"),
        "{err}"
    );
    assert!(err.contains("me.toml:4:9"), "{err}");

    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--theme",
        "spacing=0.2",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("a number from 0.5 to 1.5"));
}
