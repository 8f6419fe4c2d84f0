//! Each proof catches the fault it exists for: a user layout (or theme)
//! built to have that fault fails, or warns, with a located message.

use crate::common::{Run, Sandbox};

/// A profile whose facts the faulty layouts lose or misplace.
const PROFILE: &str = r#"[basics]
name = "Ada Quill"
label = "Platform engineer"
email = "ada@example.org"

[[work]]
name = "Acme Rockets"
position = "Staff Engineer"
start = "2020-01"
highlights = [
  "Cut deploy time from forty minutes to six",
  "Rebuilt the ledger without downtime",
  "Mentored four engineers into senior roles",
  "Wrote the incident handbook everyone reads",
]

[[skills]]
name = "Languages"
keywords = ["Rust", "Kotlin"]

[[skills]]
name = "Infrastructure"
keywords = ["Kubernetes", "Terraform"]
"#;

/// What every faulty layout starts with: the data, the helpers, a page.
const PREAMBLE: &str = r#"#import "/@vitae/vitae.typ": rich, bullets, section-start, content-end
#let data = json("/profile.json")
#set document(title: data.meta.title)
#set page(paper: "a4", margin: 2cm)
#set text(font: "Inter", size: 10pt)
"#;

/// Prints everything, in order: what a correct layout does.
const EVERYTHING: &str = r#"
#let all-sections = for s in data.sections {
  section-start(s)
  heading(s.title)
  for e in s.entries {
    [#rich(e.title) #e.tags.join(", ")]
    for r in e.roles { [ #rich(r.title) #r.dates]; bullets(r.items) }
  }
}
"#;

/// A sandbox with the profile and a layout folder `bad/` made of `body`.
fn with_layout(manifest: &str, body: &str) -> Sandbox {
    Sandbox::new()
        .profile("me.toml", PROFILE)
        .file(
            "bad/layout.toml",
            format!("name = \"bad\"\ndescription = \"a faulty layout\"\n{manifest}"),
        )
        .file("bad/main.typ", format!("{PREAMBLE}{EVERYTHING}{body}"))
}

fn render(dir: &Sandbox, extra: &[&str]) -> Run {
    dir.run(&[&["render", "me.toml", "--layout", "bad"][..], extra].concat())
}

/// The run failed (exit 1) saying `expected`.
fn fails_with(output: &Run, expected: &str) {
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert!(output.stderr.contains(expected), "{}", output.stderr);
}

fn line_of(needle: &str) -> usize {
    PROFILE
        .lines()
        .position(|l| l.contains(needle))
        .expect("in the profile")
        + 1
}

#[test]
fn a_layout_that_clips_text_fails_naming_each_lost_fact_and_its_line() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #data.basics.label \ #data.basics.contacts.map(c => c.text).join(" ")
#box(height: 2.6cm, width: 100%, clip: true, all-sections)"#,
    )
    .file("me.pdf", "the previous good PDF");
    let output = render(&dir, &[]);
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    let err = &output.stderr;
    assert!(
        err.contains("`work[0].highlights[3]` is missing from the PDF: layout `bad` lost “Wrote the incident handbook everyone reads”"),
        "{err}"
    );
    let line = line_of("incident handbook");
    assert!(err.contains(&format!("me.toml:{line}:3")), "{err}");
    assert!(err.contains("cut off by a clipping box"), "{err}");
    assert!(
        err.contains("text cut off by the box that holds it"),
        "{err}"
    );
    assert!(
        err.contains("omits = [\"skills.keywords\"]")
            || err.contains("omits = [\"work.highlights\"]"),
        "{err}"
    );
    assert_eq!(
        dir.read("me.pdf"),
        b"the previous good PDF",
        "nothing written"
    );
}

#[test]
fn a_fact_a_layout_omits_on_purpose_is_a_note_not_an_error() {
    let body = r#"#text(size: 20pt, data.basics.name) \ #data.basics.contacts.map(c => c.text).join(" ")
#all-sections"#;
    let dir = with_layout("omits = [\"basics.label\"]\n", body);
    let output = dir.run(&["check", "me.toml", "--layout", "bad"]);
    assert!(
        output.success(),
        "{}{}",
        output.stdout_text(),
        output.stderr
    );
    assert!(
        output
            .stdout_text()
            .contains("facts found (1 left out on purpose by the layout)"),
        "{}",
        output.stdout_text()
    );
    // Without the declaration, the same layout loses the label.
    let dir = with_layout("", body);
    let output = render(&dir, &[]);
    fails_with(&output, "`basics.label` is missing");
    assert!(
        output
            .stderr
            .contains(&format!("me.toml:{}:9", line_of("label ="))),
        "{}",
        output.stderr
    );
}

#[test]
fn text_over_text_is_an_error() {
    let dir = with_layout(
        "",
        r#"#place(top + left, text(size: 20pt, data.basics.name))
#place(top + left, dy: 2pt, text(size: 20pt, rich(data.basics.label)))
#v(3cm) #data.basics.contacts.map(c => c.text).join(" ")
#all-sections"#,
    );
    let output = render(&dir, &[]);
    assert_eq!(output.code, Some(1));
    assert!(
        output
            .stderr
            .contains("text over text: “Ada Quill” and “Platform engineer” overlap at page 1"),
        "{}",
        output.stderr
    );
}

#[test]
fn text_near_the_paper_edge_or_across_its_tint_is_an_error() {
    let dir = with_layout(
        "",
        r#"#set page(margin: 1mm)
#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#pad(1cm, block(width: 3cm, fill: luma(230), text(size: 14pt, "Rebuilt the ledger without downtime")))
#pad(1cm, all-sections)"#,
    );
    let output = render(&dir, &[]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("text within 3 mm of the paper's edge, where printers clip: “Ada Quill”"),
        "{err}"
    );
    assert!(
        err.contains("text crosses the edge of the tinted box it sits on (runs "),
        "{err}"
    );
}

#[test]
fn a_character_no_font_draws_is_a_warning_and_an_error_when_strict() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#heading[🜲 Work]
#all-sections"#,
    );
    // A plain PDF: PDF/UA and PDF/A refuse the empty box outright.
    let output = render(&dir, &["--pdf-standard", "1.7"]);
    assert!(output.success(), "{}", output.stderr);
    assert!(
        output.stderr.contains("no font draws `🜲` (U+1F732): it prints as an empty box in “🜲 Work” on page 1, text the layout writes"),
        "{}",
        output.stderr
    );
    let output = render(&dir, &["--strict"]);
    fails_with(&output, "error[V0062]: no font draws `🜲`");
}

#[test]
fn a_yellow_accent_is_flagged_with_the_nearest_shade_that_passes() {
    let dir = Sandbox::new().profile("me.toml", PROFILE);
    let output = dir.run(&[
        "render",
        "me.toml",
        "--layout",
        "classic",
        "--theme",
        "accent=#f1c40f",
    ]);
    assert!(output.success(), "a warning: {}", output.stderr);
    let err = &output.stderr;
    assert!(
        err.contains("text in #f1c40f on #ffffff has a contrast of 1.66:1, below"),
        "{err}"
    );
    let suggestion = err
        .split("set `accent = \"")
        .nth(1)
        .and_then(|rest| rest.get(..7))
        .unwrap_or_else(|| panic!("a suggested accent: {err}"));
    // The suggestion passes: rendered with it, no contrast warning is left.
    let strict_with = |accent: &str| {
        let theme = format!("accent={accent}");
        dir.run(&[
            "render", "me.toml", "--layout", "classic", "--strict", "--theme", &theme,
        ])
    };
    let output = strict_with(suggestion);
    assert!(output.success(), "{suggestion}: {}", output.stderr);
    assert_eq!(strict_with("#f1c40f").code, Some(1));
}

#[test]
fn a_sidebar_read_line_by_line_into_the_main_column_is_an_error() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#let work = data.sections.find(s => s.id == "work").entries.first().roles.first().items
#let skills = data.sections.find(s => s.id == "skills").entries
#grid(columns: (1fr, 2fr), row-gutter: 1em,
  ..range(4).map(i => (
    if i < skills.len() [#rich(skills.at(i).title): #skills.at(i).tags.join(", ")] else [],
    if i == 0 [Acme Rockets Staff Engineer Jan 2020 – Present] else [],
  )).flatten(),
  ..work.map(b => ([], rich(b.text))).flatten(),
)"#,
    );
    let output = render(&dir, &[]);
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert!(
        output
            .stderr
            .contains("sections `skills` and `work` are interleaved in the PDF's text")
            || output
                .stderr
                .contains("sections `work` and `skills` are interleaved in the PDF's text"),
        "{}",
        output.stderr
    );
}

#[test]
fn bullets_read_before_their_entrys_title_are_an_error() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#for s in data.sections { for e in s.entries {
  for r in e.roles { bullets(r.items); [#rich(r.title) #r.dates] }
  [#rich(e.title) #e.tags.join(", ")]
} }"#,
    );
    let output = render(&dir, &[]);
    fails_with(
        &output,
        "`work[0].highlights[0]` “Cut deploy time from forty minutes to six” is read before `work[0].name` “Acme Rockets”",
    );
}

#[test]
fn a_page_ending_in_a_heading_and_a_nearly_empty_last_page_are_warnings() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#let skills = data.sections.find(s => s.id == "skills")
#for s in data.sections.filter(s => s.id != "skills") { section-start(s); heading(s.title); for e in s.entries { rich(e.title); for r in e.roles { [ #rich(r.title) #r.dates]; bullets(r.items) } } }
#v(1fr)
#section-start(skills)
#heading(skills.title)
#pagebreak()
#for e in skills.entries [#rich(e.title) #e.tags.join(", ") \ ]"#,
    );
    let output = render(&dir, &[]);
    assert!(output.success(), "{}", output.stderr);
    let err = &output.stderr;
    assert!(
        err.contains(
            "page 1 ends with the heading of section `skills`; its content starts on page 2"
        ),
        "{err}"
    );
    assert!(err.contains("the last page is only"), "{err}");
    assert!(err.contains("set `pages = 1` in [theme]"), "{err}");
}

#[test]
fn an_entry_title_stranded_at_the_end_of_a_page_is_a_warning() {
    let dir = with_layout(
        "",
        r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#for s in data.sections { section-start(s); heading(s.title); for e in s.entries {
  [#rich(e.title) #e.tags.join(", ")]
  for r in e.roles { [ #rich(r.title) #r.dates]; pagebreak(); bullets(r.items) }
} }"#,
    );
    let output = render(&dir, &[]);
    assert!(output.success(), "{}", output.stderr);
    assert!(
        output.stderr.contains(
            "the title of `work[0]` (“Acme Rockets”) ends page 1; its details start on page 2"
        ),
        "{}",
        output.stderr
    );
}

#[test]
fn check_reports_all_six_proofs_and_writes_nothing() {
    let dir = Sandbox::new().profile("me.toml", PROFILE);
    let output = dir.run(&["check", "me.toml"]);
    assert!(output.success(), "{}", output.stderr);
    let out = output.stdout_text();
    for proof in [
        "coverage",
        "geometry",
        "glyphs",
        "contrast",
        "reading order",
        "fill",
    ] {
        assert!(out.contains(&format!("✓ {proof}")), "{proof}: {out}");
    }
    assert!(out.contains("facts found"), "{out}");
    assert!(!dir.exists("me.pdf"), "check writes nothing");

    let output = dir.run(&[
        "check",
        "me.toml",
        "--format",
        "json",
        "--theme",
        "accent=#f1c40f",
    ]);
    assert!(
        output.success(),
        "warnings pass without --strict: {}",
        output.stderr
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let first = &report[0];
    assert_eq!(first["passed"], true);
    assert_eq!(first["facts"]["found"], first["facts"]["total"]);
    assert_eq!(first["proofs"]["contrast"][0]["severity"], "warning");
    assert!(
        first["proofs"]["reading-order"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let output = dir.run(&["check", "me.toml", "--strict", "--theme", "accent=#f1c40f"]);
    assert_eq!(output.code, Some(1));
}

#[test]
fn check_proves_every_variant_of_a_profile() {
    let output = crate::common::run(&["check", "profiles/priya-raman.toml", "--all-variants"]);
    assert!(output.success(), "{}", output.stderr);
    let out = output.stdout_text();
    assert!(
        out.contains("profiles/priya-raman.toml [one-page] (classic layout, 1 page)"),
        "{out}"
    );
    assert!(out.contains("profiles/priya-raman.toml [risk]"), "{out}");
    assert!(out.contains("profiles/priya-raman.toml [blind]"), "{out}");
    // The risk variant names its cover letter, which is proven too.
    assert!(
        out.contains("profiles/priya-raman.toml [risk, letter northwind]"),
        "{out}"
    );
    assert!(
        output.stderr.contains("checked 4: 4 passed, 0 failed"),
        "{}",
        output.stderr
    );
}

#[test]
fn key_numbers_read_value_label_detail() {
    let profile = format!(
        "{PROFILE}\n[numbers]\nitems = [\n  {{ value = \"40M\", label = \"transactions a day\", detail = \"through the ledger I led\" }},\n  {{ value = \"99.99 %\", label = \"uptime\", detail = \"over three years\" }},\n]\n"
    );
    let body = r#"#text(size: 20pt, data.basics.name) \ #rich(data.basics.label) \ #data.basics.contacts.map(c => c.text).join(" ")
#let numbers = data.sections.find(s => s.id == "numbers")
#section-start(numbers)
#table(columns: 2, ..numbers.entries.map(e => rich(e.value)), ..numbers.entries.map(e => rich(e.subtitle)), ..numbers.entries.map(e => e.text.map(rich).join()))
#for s in data.sections.filter(s => s.id != "numbers") { section-start(s); heading(s.title); for e in s.entries { [#rich(e.title) #e.tags.join(", ")]; for r in e.roles { [ #rich(r.title) #r.dates]; bullets(r.items) } } }"#;
    let dir = with_layout("", body).profile("me.toml", &profile);
    let output = render(&dir, &[]);
    fails_with(
        &output,
        "entries `numbers.items[0]` and `numbers.items[1]` are interleaved in the PDF's text",
    );
}
