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
    let plain = ["--layout", "classic", "--theme", "spacing=1.0"];
    render_to(&dir, &profile, "plain.pdf", &plain).ok();
    assert_eq!(
        pdf_pages(dir.join("plain.pdf")),
        2,
        "at its own spacing it takes two pages"
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
    assert_eq!(output.code, Some(2));
    assert!(output.stderr.contains("a number from 0.5 to 1.5"));
}

// Runt pages: with no budget, a nearly empty last page is pulled back by
// tightening the spacing, when the user left the spacing to vitae.

/// A profile of `bullets` one-line bullets in `layout`, three to an entry
/// (so that, as in a real résumé, the content has gaps spacing scales),
/// with `theme_line` in its [theme].
fn bullets_profile(layout: &str, bullets: usize, theme_line: &str) -> String {
    let mut text = format!(
        "layout = \"{layout}\"\n\n[basics]\nname = \"Runt Tester\"\nlabel = \"Engineer\"\n\n[theme]\n{theme_line}\n"
    );
    for entry in 0..bullets.div_ceil(3) {
        text.push_str(&format!(
            "\n[[work]]\nname = \"Company {entry}\"\nposition = \"Engineer\"\nstart = \"2010\"\nend = \"2011\"\nhighlights = [\n"
        ));
        for bullet in entry * 3..bullets.min(entry * 3 + 3) {
            text.push_str(&format!("  \"Shipped feature {bullet}\",\n"));
        }
        text.push_str("]\n");
    }
    text
}

/// A profile in `layout` whose summary is one paragraph of `words` words.
fn summary_profile(layout: &str, words: usize) -> String {
    const WORDS: [&str; 8] = [
        "reliable", "payment", "systems", "and", "the", "people", "who", "run",
    ];
    let summary: Vec<&str> = (0..words).map(|i| WORDS[i % WORDS.len()]).collect();
    format!(
        "layout = \"{layout}\"\n\n[basics]\nname = \"Runt Tester\"\nsummary = \"{}.\"\n",
        summary.join(" ")
    )
}

/// The smallest `n` in `low..=high` for which `holds(n)`, given that it
/// holds at `high`, not at `low`, and from some `n` on (a bisection).
fn first_where(mut low: usize, mut high: usize, mut holds: impl FnMut(usize) -> bool) -> usize {
    assert!(
        !holds(low) && holds(high),
        "the range {low}..={high} brackets no change"
    );
    while high - low > 1 {
        let mid = (low + high) / 2;
        if holds(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    high
}

/// The profile checked in-process, through the whole pipeline and its proofs.
fn checked(engine: &std::sync::Arc<api::Engine>, layout: &str, text: &str) -> api::Checked {
    api::check_text(engine, text, layout, &[]).expect("the profile lays out")
}

/// The fill proof's nearly-empty-last-page warning, with its hints.
fn runt_warning(checked: &api::Checked) -> Option<String> {
    checked
        .report
        .findings
        .iter()
        .map(|f| f.diagnostic.render(false))
        .find(|d| d.contains("the last page is only"))
}

/// How many bullets first spill onto a second page in `layout` at its own
/// spacing (`spacing = 1.0` set, so vitae leaves it alone).
fn bullets_that_spill(engine: &std::sync::Arc<api::Engine>, layout: &str) -> usize {
    let chosen = |n| bullets_profile(layout, n, "spacing = 1.0");
    first_where(1, 300, |n| checked(engine, layout, &chosen(n)).pages > 1)
}

/// In `layout`: a profile that spills a few lines onto page 2 at the
/// layout's own spacing (found by growing it until it does) renders on one
/// page with a note, passing every proof, byte-identical on a re-render;
/// `spacing = 1.0` in [theme] keeps the runt and warns; a runt that
/// spacing cannot pull back keeps its pages and warns.
fn a_runt_is_pulled_back_by_spacing_alone(layout: &str) {
    let engine = api::pipeline::engine();
    let spills = bullets_that_spill(&engine, layout);

    // The user chose the spacing: the runt stays, and the warning says why.
    let kept = checked(
        &engine,
        layout,
        &bullets_profile(layout, spills, "spacing = 1.0"),
    );
    assert_eq!(kept.pages, 2, "{layout}");
    assert!(
        kept.report.fill[1] < 0.15,
        "{layout}: spills a little, {:?}",
        kept.report.fill
    );
    assert_eq!(kept.fitted, None, "{layout}");
    let warning = runt_warning(&kept).unwrap_or_else(|| panic!("{layout}: no runt warning"));
    assert!(
        warning.contains("[theme] sets `spacing`, so vitae keeps it"),
        "{warning}"
    );

    // Left to vitae, the same content fits on one page.
    let text = bullets_profile(layout, spills, "");
    let pulled = checked(&engine, layout, &text);
    assert_eq!(pulled.pages, 1, "{layout}");
    assert!(
        !pulled.report.has_errors(),
        "{layout}: {:?}",
        pulled.report.findings
    );
    let note = pulled.fitted.as_deref().unwrap_or_default();
    assert!(
        note.starts_with("tightened spacing to ")
            && note.ends_with(" % to avoid a nearly empty last page"),
        "{layout}: {note}"
    );

    // The binary says so, and not with --quiet; the bytes do not change.
    let dir = Sandbox::new().profile("runt.toml", &text);
    let output = render_to(&dir, "runt.toml", "a.pdf", &[]).ok();
    assert!(output.stderr.contains(note), "{layout}: {}", output.stderr);
    assert!(
        !output.stderr.contains("last page is only"),
        "{}",
        output.stderr
    );
    assert_eq!(pdf_pages(dir.join("a.pdf")), 1, "{layout}");
    let output = render_to(&dir, "runt.toml", "b.pdf", &["-q"]).ok();
    assert!(!output.stderr.contains("tightened"), "{}", output.stderr);
    assert_eq!(dir.read("a.pdf"), dir.read("b.pdf"), "{layout}");
    assert_facts_in_text(layout, &text, &pdf_text(dir.join("a.pdf")));

    // A summary grown until spacing cannot pull it back: a paragraph's
    // lines keep their leading, so its last lines are a runt beyond reach.
    let summary = |words| summary_profile(layout, words);
    let too_long = first_where(1, 4000, |n| checked(&engine, layout, &summary(n)).pages > 1);
    let kept = checked(&engine, layout, &summary(too_long));
    assert_eq!((kept.pages, kept.fitted.as_deref()), (2, None), "{layout}");
    if kept.report.fill[1] >= 0.15 {
        // The first spill is more than a runt (a layout whose lines are
        // tall for its page): nothing to pull back, nothing to warn about.
        assert!(
            runt_warning(&kept).is_none(),
            "{layout}: {:?}",
            kept.report.fill
        );
        return;
    }
    let warning = runt_warning(&kept).unwrap_or_else(|| panic!("{layout}: no runt warning"));
    assert!(
        warning.contains("set `pages = 1` in [theme]")
            && warning.contains("tightening the spacing to 60 % does not pull it back onto page 1"),
        "{warning}"
    );
}

#[test]
fn a_runt_is_pulled_back_in_classic() {
    a_runt_is_pulled_back_by_spacing_alone("classic");
}

#[test]
fn a_runt_is_pulled_back_in_compact() {
    a_runt_is_pulled_back_by_spacing_alone("compact");
}

#[test]
fn a_runt_is_pulled_back_in_modern() {
    a_runt_is_pulled_back_by_spacing_alone("modern");
}

#[test]
fn a_runt_is_pulled_back_in_notebook() {
    a_runt_is_pulled_back_by_spacing_alone("notebook");
}

#[test]
fn a_runt_is_pulled_back_in_academic() {
    a_runt_is_pulled_back_by_spacing_alone("academic");
}

#[test]
fn a_runt_is_pulled_back_in_timeline() {
    a_runt_is_pulled_back_by_spacing_alone("timeline");
}

#[test]
fn a_runt_is_pulled_back_in_banner() {
    a_runt_is_pulled_back_by_spacing_alone("banner");
}

#[test]
fn every_builtin_layout_is_tried_for_runts() {
    assert_eq!(
        api::builtin_layouts(),
        [
            "academic", "banner", "classic", "compact", "modern", "notebook", "timeline"
        ],
        "a new layout needs its a_runt_is_pulled_back_in_… test"
    );
}

#[test]
fn check_and_a_parallel_batch_pull_runts_back_the_same_way() {
    let engine = api::pipeline::engine();
    let runt = bullets_profile("classic", bullets_that_spill(&engine, "classic"), "");
    let mut dir = Sandbox::new().people("cvs", 3);
    for i in 0..3 {
        dir = dir.profile(&format!("cvs/runt-{i}.toml"), &runt);
    }

    // `vitae check` reports what `render` would do.
    let output = dir.run(&["check", "cvs/runt-0.toml"]).ok();
    assert!(
        output.stdout_text().contains("tightened spacing to "),
        "{}",
        output.stdout_text()
    );

    // Two workers, twice: every runt on one page, the same bytes each time.
    let first = dir.run(&["render", "cvs", "-j", "2", "-o", "one"]).ok();
    assert_eq!(
        first
            .stderr
            .matches("to avoid a nearly empty last page")
            .count(),
        3,
        "{}",
        first.stderr
    );
    dir.run(&["render", "cvs", "-j", "2", "-o", "two"]).ok();
    for name in [
        "runt-0",
        "runt-1",
        "runt-2",
        "person-000",
        "person-001",
        "person-002",
    ] {
        let pdf = format!("{name}.pdf");
        assert_eq!(pdf_pages(dir.join(format!("one/{pdf}"))), 1, "{name}");
        assert_eq!(
            dir.read(&format!("one/{pdf}")),
            dir.read(&format!("two/{pdf}")),
            "{name}"
        );
    }
    assert_eq!(dir.read("one/runt-0.pdf"), dir.read("one/runt-2.pdf"));
}
