//! Page budgets: `pages = N` in a theme fits the document or fails clearly.

use crate::common::*;

/// A profile far too long for one page: a dozen jobs, then skills and languages.
pub fn long_profile(budget_line: &str) -> String {
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

/// Renders `profile` to `out` in `dir`, with more arguments.
fn render_to(dir: &Sandbox, profile: &str, out: &str, extra: &[&str]) -> Run {
    dir.run(&[&["render", profile, "-o", out][..], extra].concat())
}

#[test]
fn a_profile_that_needs_a_small_squeeze_fits_on_one_page_with_every_fact() {
    let dir = Sandbox::new();
    let profile = example("mira-lindqvist");
    render_to(&dir, &profile, "plain.pdf", &["--layout", "classic"]).ok();
    assert_eq!(
        pdf_pages(dir.join("plain.pdf")),
        2,
        "without a budget it takes two pages"
    );

    let output = render_to(
        &dir,
        &profile,
        "fitted.pdf",
        &["--layout", "classic", "--theme", "pages=1"],
    )
    .ok();
    assert_eq!(pdf_pages(dir.join("fitted.pdf")), 1);
    assert!(
        output.stderr.contains("fitted to 1 page: spacing"),
        "{}",
        output.stderr
    );
    let toml_text = std::fs::read_to_string(&profile).unwrap();
    assert_facts_in_text(
        "mira, fitted",
        &toml_text,
        &pdf_text(dir.join("fitted.pdf")),
    );

    // Fitting is deterministic: the same bytes every time.
    let output = render_to(
        &dir,
        &profile,
        "again.pdf",
        &["--layout", "classic", "--theme", "pages=1"],
    );
    assert!(output.success());
    assert_eq!(dir.read("fitted.pdf"), dir.read("again.pdf"));
}

#[test]
fn every_layout_can_fit_the_two_page_example_on_one_page() {
    let profile = example("mira-lindqvist");
    let toml_text = std::fs::read_to_string(&profile).unwrap();
    for layout in ["classic", "compact", "modern"] {
        let dir = Sandbox::new();
        let output = render_to(
            &dir,
            &profile,
            "out.pdf",
            &["--layout", layout, "--theme", "pages=1"],
        );
        assert!(output.success(), "{layout}: {}", output.stderr);
        assert_eq!(pdf_pages(dir.join("out.pdf")), 1, "{layout}");
        assert_facts_in_text(layout, &toml_text, &pdf_text(dir.join("out.pdf")));
    }
}

#[test]
fn a_profile_that_already_fits_is_rendered_exactly_as_without_a_budget() {
    let dir = Sandbox::new();
    let profile = example("daniel-okafor");
    assert!(render_to(&dir, &profile, "a.pdf", &["-q"]).success());
    let output = render_to(&dir, &profile, "b.pdf", &["--theme", "pages=1"]).ok();
    assert!(!output.stderr.contains("fitted"), "{}", output.stderr);
    assert_eq!(dir.read("a.pdf"), dir.read("b.pdf"));
}

#[test]
fn a_profile_that_cannot_fit_fails_saying_how_much_and_where() {
    let dir = Sandbox::new()
        .profile("long.toml", &long_profile("pages = 1"))
        .file("long.pdf", b"the previous good PDF");

    let output = render_to(&dir, "long.toml", "long.pdf", &[]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
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
        err.contains("past the budget: the end of “Experience” (Company ")
            && err.contains("), then “Skills” (Languages), “Languages” (English)"),
        "{err}"
    );
    assert!(err.contains("long.toml:5:9"), "points at `pages`: {err}");
    assert!(err.contains("key: theme.pages"), "{err}");
    assert!(err.contains("raise `pages` to 2"), "{err}");
    assert_eq!(
        dir.read("long.pdf"),
        b"the previous good PDF",
        "a failed fit leaves the old PDF alone"
    );

    // The budget the hint suggests succeeds, its proofs passing.
    dir.write("long.toml", long_profile("pages = 2"));
    render_to(&dir, "long.toml", "long.pdf", &[]).ok();
    assert_eq!(pdf_pages(dir.join("long.pdf")), 2);
}

#[test]
fn a_budget_in_a_variant_is_reported_at_the_variants_key() {
    let text = long_profile("") + "\n[[variants]]\nname = \"short\"\ntheme = { pages = 1 }\n";
    let dir = Sandbox::new().profile("long.toml", &text);
    let output = dir.run(&["render", "long.toml", "--variant", "short"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(err.contains("does not fit on 1 page"), "{err}");
    assert!(err.contains("key: variants[0].theme.pages"), "{err}");
}

#[test]
fn bad_budgets_are_refused_with_the_allowed_range() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"A\"\n[theme]\npages = 0\n");
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(err.contains("bad value 0 for `pages`"), "{err}");
    assert!(
        err.contains("a whole number of pages from 1 to 20"),
        "{err}"
    );
    assert!(err.contains("me.toml:4:9"), "{err}");

    let output = dir.run(&["render", "me.toml", "--theme", "spacing=0.2"]);
    assert_eq!(output.code, Some(1));
    assert!(output.stderr.contains("a number from 0.5 to 1.5"));
}
