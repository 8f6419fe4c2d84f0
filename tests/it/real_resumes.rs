//! Résumés as their owners write them (issue 14): no name or a blind-hiring
//! variant, intros, sub-headings, labelled details, skills with levels,
//! "present" in the owner's words, entries with missing parts, key numbers
//! read in order, and typos in section ids caught. Each is checked in every
//! built-in layout, on the text runs the proofs see (one PDF text item
//! each, in the order a résumé parser reads them).

use crate::common::api::{self, TextRun};
use crate::common::*;

/// The data text of a profile laid out in `layout` (proofs passed), in
/// reading order.
fn runs(text: &str, layout: &str) -> Vec<TextRun> {
    api::checked(text, layout, &[], "the profile").report.runs
}

/// The document's data text (no page furniture), runs joined by spaces.
fn reading(runs: &[TextRun]) -> String {
    let words: Vec<&str> = runs
        .iter()
        .filter(|r| !r.artifact)
        .map(|r| r.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    words.join(" ")
}

/// Where `needle` starts in the reading text, in any case (a layout may
/// set a sub-heading in capitals); fails the test when absent.
#[track_caller]
fn at(reading: &str, needle: &str, what: &str) -> usize {
    reading
        .to_lowercase()
        .find(&needle.to_lowercase())
        .unwrap_or_else(|| panic!("{what}: “{needle}” is not in the text: {reading}"))
}

/// Asserts that the needles are read in this order.
#[track_caller]
fn read_in_order(reading: &str, needles: &[&str], what: &str) {
    let places: Vec<usize> = needles.iter().map(|n| at(reading, n, what)).collect();
    assert!(
        places.windows(2).all(|w| w[0] < w[1]),
        "{what}: expected {needles:?} in this order, found at {places:?}: {reading}"
    );
}

/// Lines of text as a parser reads them: consecutive runs on one page
/// whose baselines are within a third of their size (a grid's cells of
/// different sizes align at the top, not at the baseline), each to the
/// right of the one before. A sidebar's line and the main column's line at
/// the same height are read apart, so they stay two lines.
fn lines(runs: &[TextRun]) -> Vec<Vec<&TextRun>> {
    let mut out: Vec<Vec<&TextRun>> = Vec::new();
    for run in runs.iter().filter(|r| !r.text.trim().is_empty()) {
        let continues = out.last().is_some_and(|line| {
            let last = line[line.len() - 1];
            last.page == run.page
                && (last.y - run.y).abs() < run.size / 3.0
                && run.x >= last.x + last.width - 1.0
        });
        if continues {
            out.last_mut().expect("a line").push(run);
        } else {
            out.push(vec![run]);
        }
    }
    out
}

fn line_text(line: &[&TextRun]) -> String {
    let words: Vec<&str> = line.iter().map(|r| r.text.trim()).collect();
    words.join(" ")
}

const FEATURES: &str = r#"
[basics]
name = "Noor Haddad"
label = "Platform Engineer"
email = "noor@example.com"

[words]
present = "Now"

[intros]
work = "Roles since 2015, most recent first."
talks = "Talks given at meet-ups."

[[work]]
group = "Industry"
name = "Quarry Labs"
position = "Staff Engineer"
start = "2021-03"
end = "present"
details = [{ label = "Stack", value = "Rust and Postgres" }, { label = "Client", value = "Harbor Bank" }]
highlights = ["Cut deploy time from 40 to 6 minutes."]

[[work]]
group = "Research"
name = "Institut Lumiere"
position = "Research Assistant"
start = "2017"
end = "2019"
highlights = ["Wrote the lab's scheduler."]

[[work]]
group = "Industry"
name = "Brightside"
position = "Engineer"
start = "2019"
end = "2021"
highlights = ["Shipped the billing rewrite."]

[[projects]]
group = "Open source"
name = "tidepool"
description = "A queue that never loses a message."

[[projects]]
group = "Side projects"
name = "plotter"
description = "Pen plots from GPX tracks."

[[skills]]
name = "Languages"
keywords = [{ name = "Rust", level = "deepest", note = "3 roles" }, { name = "Go", level = "shipped" }, "Python"]

[[certificates]]
name = "CKA"
date = "2022"
details = [{ label = "Issued by", value = "CNCF" }]

[[sections]]
title = "Talks"
[[sections.entries]]
title = "Queues that never lose"
date = "2023"

[[sections]]
title = ""
text = "A closing note without a heading."
"#;

#[test]
fn intros_are_read_after_the_section_title_and_before_its_entries() {
    for layout in api::builtin_layouts() {
        let text = reading(&runs(FEATURES, layout));
        read_in_order(
            &text,
            &["Experience", "Roles since 2015", "Industry", "Quarry Labs"],
            layout,
        );
        read_in_order(
            &text,
            &[
                "Talks",
                "Talks given at meet-ups.",
                "Queues that never lose",
            ],
            layout,
        );
    }
}

#[test]
fn entries_are_gathered_under_their_sub_headings_in_the_order_written() {
    for layout in api::builtin_layouts() {
        let text = reading(&runs(FEATURES, layout));
        // Brightside is written after the research entry but belongs to
        // Industry, the first group.
        read_in_order(
            &text,
            &[
                "Industry",
                "Quarry Labs",
                "Brightside",
                "Research",
                "Institut Lumiere",
            ],
            layout,
        );
        read_in_order(
            &text,
            &["Open source", "tidepool", "Side projects", "plotter"],
            layout,
        );
        assert_eq!(
            text.to_lowercase().matches("industry").count(),
            1,
            "{layout}: one heading per group"
        );
    }
}

#[test]
fn labelled_details_are_a_label_and_its_value_on_one_line() {
    for layout in api::builtin_layouts() {
        let runs = runs(FEATURES, layout);
        for (label, value) in [
            ("Stack:", "Rust and Postgres"),
            ("Client:", "Harbor Bank"),
            ("Issued by:", "CNCF"),
        ] {
            let found = lines(&runs)
                .iter()
                .map(|l| line_text(l))
                .any(|l| l == format!("{label} {value}"));
            assert!(found, "{layout}: no line reads “{label} {value}”");
        }
    }
}

#[test]
fn a_skill_item_shows_its_level_and_note_with_it() {
    for layout in api::builtin_layouts() {
        let text = reading(&runs(FEATURES, layout));
        let squashed = squash(&text);
        assert!(
            squashed.contains("Rust(deepest,3roles),Go(shipped),Python"),
            "{layout}: {text}"
        );
    }
}

#[test]
fn present_is_the_owners_word_or_the_locales() {
    for layout in api::builtin_layouts() {
        let text = reading(&runs(FEATURES, layout));
        assert!(text.contains("Mar 2021 – Now"), "{layout}: {text}");
        let german = format!(
            "locale = \"de\"\n{}",
            FEATURES.replace("present = \"Now\"", "")
        );
        let text = reading(&runs(&german, layout));
        assert!(text.contains("März 2021 – heute"), "{layout}: {text}");
    }
}

#[test]
fn an_untitled_custom_section_has_no_heading() {
    for layout in api::builtin_layouts() {
        let text = reading(&runs(FEATURES, layout));
        assert!(text.contains("A closing note without a heading."));
        assert!(
            !text.contains("section-2") && !text.contains("section 2"),
            "{layout}: the internal id is printed: {text}"
        );
    }
}

const NAMELESS: &str = r#"
[basics]
label = "Senior Data Engineer"
tagline = "Pipelines that stay up."
[[work]]
name = "Harbor Bank"
position = "Data Engineer"
start = "2020"
end = "present"
"#;

#[test]
fn a_profile_without_a_name_starts_with_its_headline() {
    for layout in api::builtin_layouts() {
        let runs = runs(NAMELESS, layout);
        let first = runs.iter().find(|r| !r.artifact).expect("some text");
        assert_eq!(first.text.trim(), "Senior Data Engineer", "{layout}");
    }
    let dir = Sandbox::new().profile("me.toml", NAMELESS);
    dir.run(&["render", "me.toml"]).ok();
    let info = pdf_info(dir.join("me.pdf"));
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:") && l.ends_with(" Senior Data Engineer — CV")),
        "{info}"
    );
    assert!(
        !info.contains("Author:"),
        "an anonymous CV has no author: {info}"
    );
}

const BLIND: &str = r#"
[basics]
name = "Noor Haddad"
label = "Platform Engineer"
email = "noor@example.com"
phone = "+33 1 23 45 67 89"
url = "noor.example.com"
location = "Lyon, France"
summary = "Builds quiet infrastructure."
signature = "— Noor"
[[basics.profiles]]
network = "GitHub"
username = "noorh"
[[work]]
name = "Quarry Labs"
position = "Staff Engineer"
start = "2021"
[[references]]
name = "Lena Brandt"
reference = "Noor is the engineer you call at 3 a.m."
[titles]
references = "Recommendations"
[[variants]]
name = "blind"
anonymous = true
"#;

#[test]
fn an_anonymous_variant_leaves_out_everything_that_identifies() {
    let dir = Sandbox::new().profile("me.toml", BLIND);
    dir.run(&["render", "me.toml"]).ok();
    dir.run(&["render", "me.toml", "--variant", "blind"]).ok();
    let whole = pdf_text(dir.join("me.pdf"));
    let blind = pdf_text(dir.join("me-blind.pdf"));
    for identifying in [
        "Noor Haddad",
        "noor@example.com",
        "+33 1 23 45 67 89",
        "noor.example.com",
        "Lyon",
        "noorh",
        "— Noor",
        "Lena Brandt",
        "3 a.m.",
        // A renamed section that the variant empties goes with it.
        "Recommendations",
    ] {
        assert!(whole.contains(identifying), "{identifying} in the full CV");
        assert!(
            !blind.contains(identifying),
            "{identifying} in the blind CV"
        );
    }
    for kept in ["Platform Engineer", "Builds quiet", "Quarry Labs"] {
        assert!(blind.contains(kept), "{kept} is kept: {blind}");
    }
    let info = pdf_info(dir.join("me-blind.pdf"));
    assert!(!info.contains("Noor"), "{info}");
}

#[test]
fn an_empty_name_is_an_error_at_its_line_and_column() {
    let (code, err, wrote) = fail("[basics]\nlabel = \"x\"\nname = \"\"\n");
    assert_eq!(code, 1);
    assert!(!wrote);
    assert!(err.contains("`basics.name` is empty"), "{err}");
    assert!(err.contains("me.toml:3:8"), "{err}");
}

/// Entries with missing parts: a role with dates and no title, an employer
/// whose roles have no titles, a role with no organisation, an education
/// entry with only an institution and courses, a custom entry with only a
/// date, a volunteer entry with only its organisation.
const MISSING_PARTS: &str = r#"
[basics]
name = "Ines Park"

[[work]]
name = "Acme Freight"
start = "2020-01"
end = "2021-06"
highlights = ["Ran the night shift's tooling."]

[[work]]
name = "Beta Systems"
[[work.roles]]
start = "2018"
end = "2019"
highlights = ["First role, no title."]
[[work.roles]]
start = "2016"
end = "2018"
highlights = ["Second role, no title."]

[[work]]
start = "2014"
end = "2016"
highlights = ["A role with neither title nor organisation."]

[[work]]
position = "Freelance developer"
start = "2012"
end = "2014"

[[volunteer]]
organization = "Code Club"

[[education]]
institution = "Hanbit University"
courses = ["Algorithms", "Compilers"]

[[sections]]
title = "Talks"
[[sections.entries]]
date = "2023"
text = "A talk with no title."
"#;

#[test]
fn entries_with_missing_parts_leave_no_lone_date_empty_number_or_dangling_separator() {
    let dates = [
        "Jan 2020 – Jun 2021",
        "2018 – 2019",
        "2016 – 2018",
        "2014 – 2016",
        "2012 – 2014",
        "2023",
    ];
    for layout in api::builtin_layouts() {
        let runs = runs(MISSING_PARTS, layout);
        for line in lines(&runs) {
            let text = line_text(&line);
            let data: Vec<&&TextRun> = line.iter().filter(|r| !r.artifact).collect();
            // A date alone on its line sits where a heading would start,
            // never alone at the right edge.
            if let [only] = data.as_slice()
                && dates.contains(&only.text.trim())
            {
                let right_edge = runs
                    .iter()
                    .filter(|r| r.page == only.page)
                    .map(|r| r.x + r.width)
                    .fold(0.0, f64::max);
                assert!(
                    only.x + only.width < right_edge - 20.0,
                    "{layout}: the date “{text}” stands alone at the right edge"
                );
            }
            // (A line may start with a list marker: "—", "·", "•".)
            for mark in ["·", "|", "—", ",", " at"] {
                assert!(
                    !text.ends_with(mark),
                    "{layout}: a dangling “{mark}” in “{text}”"
                );
            }
            for mark in ["|", ",", "at "] {
                assert!(
                    !text.starts_with(mark),
                    "{layout}: a dangling “{mark}” in “{text}”"
                );
            }
        }
        // A journal number stands beside the heading it numbers.
        for number in runs.iter().filter(|r| r.text.contains("Nº")) {
            let beside = runs
                .iter()
                .any(|r| !r.artifact && r.page == number.page && (r.y - number.y).abs() < r.size);
            assert!(beside, "{layout}: “{}” numbers nothing", number.text);
        }
        let text = reading(&runs);
        for fact in [
            "Acme Freight",
            "Beta Systems",
            "A role with neither title nor organisation.",
            "Freelance developer",
            "Code Club",
            "Hanbit University",
            "Algorithms",
            "A talk with no title.",
        ] {
            at(&text, fact, layout);
        }
    }
}

/// The distance from the line that reads `anchor` to the next line.
fn gap_after(runs: &[TextRun], anchor: &str, what: &str) -> f64 {
    let data: Vec<TextRun> = runs.iter().filter(|r| !r.artifact).cloned().collect();
    let lines = lines(&data);
    let index = lines
        .iter()
        .position(|l| line_text(l).contains(anchor))
        .unwrap_or_else(|| panic!("{what}: no line reads “{anchor}”"));
    let (line, next) = (lines[index][0], lines[index + 1][0]);
    next.y - line.y
}

#[test]
fn an_entry_missing_its_title_starts_where_a_titled_one_would() {
    // An empty line where the title would be shows as a hole: the entry
    // then starts lower under what precedes it than a complete entry.
    let cases = [
        (
            "Talks",
            "date = \"2023\"",
            "title = \"A talk\"\ndate = \"2023\"",
        ),
        (
            "Second role, no title.",
            "start = \"2014\"",
            "position = \"Analyst\"\nstart = \"2014\"",
        ),
    ];
    for layout in api::builtin_layouts() {
        for (anchor, missing, complete) in cases {
            let titled = MISSING_PARTS.replacen(missing, complete, 1);
            let what = format!("{layout}, after “{anchor}”");
            let without = gap_after(&runs(MISSING_PARTS, layout), anchor, &what);
            let with = gap_after(&runs(&titled, layout), anchor, &what);
            assert!(
                without <= with + 1.0,
                "{what}: the entry without a title starts {without:.1} pt below, a titled one {with:.1} pt"
            );
        }
    }
}

#[test]
fn key_numbers_read_value_label_detail_item_by_item() {
    let profile = r#"
[basics]
name = "Ada Quill"
[[numbers.items]]
value = "300k+"
label = "rides / day"
detail = "At peak, in 2024."
[[numbers.items]]
value = "45%"
label = "fewer tickets"
detail = "After the redesign."
[[numbers.items]]
value = "12"
label = "engineers"
detail = "Hired and grown."
"#;
    for layout in api::builtin_layouts() {
        let text = reading(&runs(profile, layout));
        read_in_order(
            &text,
            &[
                "300k+",
                "rides / day",
                "At peak",
                "45%",
                "fewer tickets",
                "After the redesign",
                "12",
                "engineers",
                "Hired and grown",
            ],
            layout,
        );
    }
}

#[test]
fn unknown_section_ids_in_the_theme_are_errors_with_the_nearest_id() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"A\"\n[[work]]\nname = \"Acme\"\n[[sections]]\ntitle = \"Open Source\"\n[theme]\nsection_order = [\"wrok\", \"open-sorce\"]\nhide = [\"#panic(\\\"x\\\")\", \"../../etc\"]\n",
    );
    let run = dir.run(&["render", "me.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!dir.exists("me.pdf"));
    let err = &run.stderr;
    assert!(
        err.contains("`section_order` names no section `wrok`"),
        "{err}"
    );
    assert!(err.contains("did you mean `work`?"), "{err}");
    assert!(
        err.contains("me.toml:8:18"),
        "the caret is on “wrok”: {err}"
    );
    assert!(err.contains("did you mean `open-source`?"), "{err}");
    assert!(
        err.contains("`hide` names no section `#panic(\"x\")`"),
        "{err}"
    );
    assert!(err.contains("`hide` names no section `../../etc`"), "{err}");
    let run = dir.run(&["render", "me.toml", "--theme", "hide=skils"]);
    assert!(
        run.stderr.contains("did you mean `skills`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn intros_for_no_section_are_errors_with_the_nearest_id() {
    let (code, err, _) = fail("[basics]\nname = \"A\"\n[intros]\nprojcts = \"Side work.\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("`intros.projcts` names no section"), "{err}");
    assert!(err.contains("did you mean `projects`?"), "{err}");
}

#[test]
fn unknown_words_are_errors_with_the_nearest_word() {
    let (code, err, _) = fail("[basics]\nname = \"A\"\n[words]\npresnt = \"Now\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("unknown key `presnt`"), "{err}");
    assert!(err.contains("`present`"), "{err}");
}

#[test]
fn counts_in_the_summary_agree_with_their_nouns() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"A\"\n[[sections]]\ntitle = \"Empty\"\n",
    );
    let run = dir.run(&["render", "me.toml"]).ok();
    assert!(run.stderr.contains(", 1 warning in"), "{}", run.stderr);
}

#[test]
fn a_variant_that_drops_a_section_keeps_the_other_sections_ids() {
    // Untitled sections are `section-N` by their place in the file, and
    // the theme may name a section that only some variants keep.
    let profile = r#"
[basics]
name = "A"
[intros]
section-2 = "The second section's intro."
[[sections]]
tags = ["long"]
text = "Only in the long version."
[[sections]]
text = "In every version."
[theme]
section_order = ["section-1", "section-2"]
[[variants]]
name = "short"
exclude = ["long"]
"#;
    let dir = Sandbox::new().profile("me.toml", profile);
    dir.run(&["render", "me.toml", "--variant", "short"]).ok();
    let text = squash(&pdf_text(dir.join("me-short.pdf")));
    assert!(
        text.contains(&squash("The second section's intro. In every version.")),
        "{text}"
    );
    assert!(!text.contains("Onlyinthelongversion"), "{text}");
}

#[test]
fn odd_but_valid_values_neither_crash_nor_print_holes() {
    // A label that is only markup, a group written with stray spaces.
    let profile = r#"
[basics]
name = "A"
[[work]]
group = "Industry"
name = "Acme"
details = [{ label = "``", value = "Rust" }]
[[work]]
group = " Industry "
name = "Beta"
"#;
    for layout in api::builtin_layouts() {
        let text = reading(&runs(profile, layout));
        assert_eq!(
            text.to_lowercase().matches("industry").count(),
            1,
            "{layout}: {text}"
        );
        read_in_order(&text, &["Acme", "Rust", "Beta"], layout);
    }
}

#[test]
fn an_anonymous_variant_drops_every_signature() {
    let profile = r#"
[basics]
name = "Noor Haddad"
[[sections]]
title = "Letter"
text = "I would like to join you."
signature = "Noor H."
[[variants]]
name = "blind"
anonymous = true
"#;
    let dir = Sandbox::new().profile("me.toml", profile);
    dir.run(&["render", "me.toml", "--variant", "blind"]).ok();
    let text = pdf_text(dir.join("me-blind.pdf"));
    assert!(text.contains("I would like to join you."), "{text}");
    assert!(!text.contains("Noor"), "{text}");
}

#[test]
fn an_empty_word_is_an_error_at_its_line() {
    let (code, err, _) = fail("[basics]\nname = \"A\"\n[words]\npresent = \"\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("`words.present` is empty"), "{err}");
    assert!(err.contains("me.toml:4:11"), "{err}");
}
