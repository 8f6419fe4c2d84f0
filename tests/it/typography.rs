//! Typography, measured where the text landed: the runs of text and the
//! rules the proofs see, in points from each page's top-left corner. Each
//! test checks one rule of the typography pass in every built-in layout,
//! on the examples and on a long generated profile.

use std::process::Command;

use crate::common::api::{self, Checked, TextRun, checked, engine};
use crate::common::{Sandbox, example_profiles, example_text as example, generate, in_locale};

/// The examples and a two-page generated profile: (what, profile text).
fn profiles() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = example_profiles()
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    out.push((
        "a generated profile".into(),
        generate::long_profile(2, "en"),
    ));
    out
}

/// One line of text: the runs that share a baseline on a page, left to
/// right.
#[derive(Debug)]
struct Line {
    page: usize,
    y: f64,
    runs: Vec<TextRun>,
}

impl Line {
    fn left(&self) -> f64 {
        self.runs[0].x
    }

    fn text(&self) -> String {
        let words: Vec<&str> = self.runs.iter().map(|r| r.text.trim()).collect();
        words.join(" ").trim().to_string()
    }

    fn size(&self) -> f64 {
        self.runs.iter().map(|r| r.size).fold(0.0, f64::max)
    }
}

/// The document's lines, top to bottom: runs within 0.3 pt of a baseline
/// share it, left to right, and a gap of 20 pt or more (a date column)
/// starts another line. A tinted sidebar is a column of its own, read
/// before the main one. Artifacts (page furniture) are left out.
fn lines(checked: &Checked) -> Vec<Line> {
    let mut sorted: Vec<&TextRun> = checked
        .report
        .runs
        .iter()
        .filter(|r| !r.artifact && !r.text.trim().is_empty())
        .collect();
    sorted.sort_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap());
    let mut rows: Vec<Vec<&TextRun>> = Vec::new();
    for run in sorted {
        match rows.last_mut() {
            Some(row) if row[0].page == run.page && (run.y - row[0].y).abs() < 0.3 => row.push(run),
            _ => rows.push(vec![run]),
        }
    }
    let mut out: Vec<Line> = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut end = f64::MIN;
        for run in row {
            if run.x - end >= 20.0 {
                out.push(Line {
                    page: run.page,
                    y: run.y,
                    runs: Vec::new(),
                });
            }
            end = run.x + run.width;
            out.last_mut().unwrap().runs.push(run.clone());
        }
    }
    let in_sidebar = |l: &Line| {
        let page = &checked.report.pages[l.page];
        page.fills.iter().any(|f| {
            f.area.height() > page.height / 2.0
                && f.area.right - f.area.left < page.width / 2.0
                && (f.area.left..f.area.right).contains(&l.left())
        })
    };
    out.sort_by(|a, b| {
        (a.page, !in_sidebar(a), a.y)
            .partial_cmp(&(b.page, !in_sidebar(b), b.y))
            .unwrap()
    });
    out
}

/// List markers of the layouts.
const MARKERS: [&str; 6] = ["•", "–", "—", "·", "◦", "▪"];

/// Where an item's text starts, when the line opens a list item.
fn item_body(line: &Line) -> Option<f64> {
    let first = line.runs.first()?.text.trim();
    let numbered =
        first.len() <= 3 && first.ends_with('.') && first[..first.len() - 1].parse::<u32>().is_ok();
    (MARKERS.contains(&first) || numbered).then(|| line.runs.get(1).map(|r| r.x))?
}

/// The baseline pitches of list items: between lines inside one item and
/// between the last line of an item and the first of the next.
fn list_pitches(checked: &Checked) -> (Vec<f64>, Vec<f64>) {
    let lines = lines(checked);
    let (mut inside, mut between) = (Vec::new(), Vec::new());
    let mut body: Option<f64> = None;
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        body = item_body(a).or(body.filter(|x| (a.left() - x).abs() < 0.5));
        let same_column = a.page == b.page && (a.size() - b.size()).abs() < 0.01;
        let Some(x) = body.filter(|_| same_column) else {
            continue;
        };
        match item_body(b) {
            Some(next) if (next - x).abs() < 0.5 => between.push(b.y - a.y),
            None if (b.left() - x).abs() < 0.5 => inside.push(b.y - a.y),
            _ => {}
        }
    }
    (inside, between)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Item pitch ≥ line pitch: list items are never closer together than the
/// lines inside one item, at the theme's spacing and at the tightest a
/// page budget may set.
#[test]
fn list_items_are_never_closer_than_the_lines_inside_one() {
    for layout in api::builtin_layouts() {
        for spacing in [1.0, 0.6] {
            let theme = [("spacing", toml::Value::Float(spacing))];
            let (mut inside, mut between) = (Vec::new(), Vec::new());
            for (what, text) in profiles() {
                let (i, b) = list_pitches(&checked(&text, layout, &theme, &what));
                inside.extend(i);
                between.extend(b);
            }
            assert!(
                !inside.is_empty() && between.len() >= 10,
                "{layout}: too few lines measured"
            );
            let line = median(inside);
            let tightest = between.iter().copied().fold(f64::MAX, f64::min);
            eprintln!(
                "{layout} at spacing {spacing}: line pitch {line:.2} pt, item pitch ≥ {tightest:.2} pt (median {:.2})",
                median(between.clone())
            );
            assert!(
                tightest >= line - 0.05,
                "{layout} at spacing {spacing}: items {tightest:.2} pt apart, lines {line:.2} pt"
            );
        }
    }
}

/// Section rules clear the descenders of their title, in Latin and in
/// Devanagari, at the default spacing and the tightest.
#[test]
fn section_rules_clear_the_descenders_of_their_titles() {
    for layout in api::builtin_layouts() {
        for locale in ["en", "hi"] {
            let text = in_locale(&example("priya-raman"), locale);
            let checked = checked(
                &text,
                layout,
                &[("spacing", toml::Value::Float(0.6))],
                "priya",
            );
            let titles: Vec<&str> = api::locale_words(locale)
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            let mut measured = 0;
            for run in checked
                .report
                .runs
                .iter()
                .filter(|r| titles.contains(&r.text.trim()))
            {
                let page = &checked.report.pages[run.page];
                let below_title = page.rules.iter().filter(|rule| {
                    rule.right > run.x
                        && rule.left < run.x + run.width
                        && rule.top > run.y - run.cap_height
                        && rule.top < run.y + 12.0
                });
                for rule in below_title {
                    measured += 1;
                    assert!(
                        rule.top >= run.y + run.descent - 0.05,
                        "{layout} ({locale}): the rule under “{}” is {:.2} pt below the baseline, inside its descenders ({:.2} pt)",
                        run.text,
                        rule.top - run.y,
                        run.descent
                    );
                }
            }
            eprintln!("{layout} ({locale}): {measured} rules measured");
        }
    }
}

/// A profile whose compounds and addresses land at every place on a line:
/// each bullet is one word longer than the one before.
fn breaking_profile() -> String {
    let mut bullets = Vec::new();
    for n in 0..40 {
        let lead = "word ".repeat(n);
        bullets.push(format!(
            "\"{lead}built an offline-sync engine for N+1 clients, see github.com/acme-corp/offline-sync-engine or ops-team@acme-corp.example.com now\""
        ));
    }
    format!(
        "[basics]\nname = \"Ada Breaks\"\nemail = \"ada.lovelace-byron@example.com\"\nurl = \"https://ada-lovelace.example.dev/portfolio/offline-first\"\n\
         [[basics.profiles]]\nnetwork = \"LinkedIn\"\nurl = \"linkedin.com/in/ada-lovelace-byron-example\"\n\
         [[work]]\nname = \"Acme\"\n[[work.roles]]\nposition = \"Engineer\"\nstart = \"2020-01\"\nhighlights = [{}]\n",
        bullets.join(", ")
    )
}

/// pdftotext's text with the lines that end at an allowed break (after
/// `/`, `.` or `@`) joined back: what must read every address whole.
fn unwrapped(pdf_text: &str) -> String {
    let mut out = String::new();
    for line in pdf_text.lines() {
        out.push_str(line);
        if !(line.ends_with('/') || line.ends_with('.') || line.ends_with('@')) {
            out.push('\n');
        }
    }
    out
}

/// Compounds never break at their hyphen and addresses break only after
/// `/` or `.`: pdftotext reads each of them whole.
#[test]
fn compounds_and_addresses_come_out_whole() {
    let profile = breaking_profile();
    for layout in api::builtin_layouts() {
        let pdf = api::render_text(engine(), &profile, layout, &[])
            .unwrap_or_else(|e| panic!("{layout}: {e:?}"));
        let dir = Sandbox::new().file("out.pdf", pdf);
        let text = crate::common::pdf_text(dir.join("out.pdf"));
        let text = unwrapped(&text);
        let broken: Vec<&str> = text
            .lines()
            .filter(|l| l.ends_with('-') || l.ends_with('+'))
            .collect();
        assert!(
            broken.is_empty(),
            "{layout}: lines end at a hyphen: {broken:?}"
        );
        for (word, count) in [
            ("offline-sync", 80),
            ("N+1", 40),
            ("github.com/acme-corp/offline-sync-engine", 40),
            ("ops-team@acme-corp.example.com", 40),
            ("ada.lovelace-byron@example.com", 1),
            ("linkedin.com/in/ada-lovelace-byron-example", 1),
        ] {
            assert_eq!(
                text.matches(word).count(),
                count,
                "{layout}: “{word}” is broken somewhere:\n{text}"
            );
        }
    }
}

const SEPARATORS: [&str; 3] = ["·", "|", "—"];

/// No line ends with a field separator, and none but a list item starts
/// with one.
#[test]
fn no_line_starts_or_ends_with_a_separator() {
    let mut cases = profiles();
    cases.push(("breaks".into(), breaking_profile()));
    for layout in api::builtin_layouts() {
        for (what, text) in &cases {
            let checked = checked(text, layout, &[], what);
            for line in lines(&checked) {
                let text = line.text();
                let ends = SEPARATORS.iter().any(|s| text.ends_with(s));
                // An attribution may open with a dash ("— Mira").
                let starts = SEPARATORS[..2].iter().any(|s| text.starts_with(s))
                    && item_body(&line).is_none();
                assert!(
                    !ends && !starts,
                    "{what} in {layout}: a line “{text}” starts or ends with a separator"
                );
            }
        }
    }
}

/// Bullets whose first-fit breaking leaves a lone last word: with a dear
/// runt, the layouts break earlier instead.
#[test]
fn no_bullet_ends_on_a_lone_word() {
    let mut bullets = Vec::new();
    for n in 0..30 {
        bullets.push(format!(
            "\"Rebuilt the {} settlement pipeline so that finance can close the month without waiting for engineering\"",
            "ledger ".repeat(n % 12)
        ));
    }
    let profile = format!(
        "[basics]\nname = \"Ada Widow\"\n[[work]]\nname = \"Acme\"\n[[work.roles]]\nposition = \"Engineer\"\nstart = \"2020-01\"\nhighlights = [{}]\n",
        bullets.join(", ")
    );
    for layout in api::builtin_layouts() {
        let lines = lines(&checked(&profile, layout, &[], "widows"));
        let mut body: Option<f64> = None;
        for pair in lines.windows(2) {
            let (last, next) = (&pair[0], &pair[1]);
            let continues =
                item_body(last).is_none() && body.is_some_and(|x| (last.left() - x).abs() < 0.5);
            body = item_body(last).or(body.filter(|_| continues));
            let ends_item = continues && item_body(next).is_some();
            assert!(
                !ends_item || last.text().contains(' '),
                "{layout}: a bullet ends on the lone word “{}”",
                last.text()
            );
        }
    }
}

/// Right-hand columns (dates, locations) share the baseline of the title
/// on their left, and right-aligned attributions end at the text edge.
#[test]
fn dates_share_the_baseline_of_their_title() {
    for layout in api::builtin_layouts() {
        for (what, text) in profiles() {
            let runs = checked(&text, layout, &[], &what).report.runs;
            for run in runs.iter().filter(|r| is_date_range(&r.text)) {
                let beside = runs.iter().any(|o| {
                    o.page == run.page
                        && o.x + o.width < run.x
                        && (o.y - run.y).abs() < 0.3
                        && o.size >= run.size - 0.01
                });
                let alone = !runs.iter().any(|o| {
                    o.page == run.page
                        && o.x + o.width < run.x
                        && (o.y - run.y).abs() < 4.0
                        && (o.y - run.y).abs() >= 0.3
                });
                assert!(
                    beside || alone,
                    "{what} in {layout}: “{}” sits off the baseline of the text beside it",
                    run.text
                );
            }
        }
    }
}

/// A run that is a year range ("2019 – 2021", "Oct 2022 – Present").
fn is_date_range(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    t.contains('–') && digits >= 4 && t.len() < 40
}

/// The outline and the tags: one level-1 heading (the name), a level-2
/// heading for each section, bookmarked, and level-3 headings for entries.
#[test]
fn sections_are_tagged_headings_and_bookmarks() {
    let text = example("priya-raman");
    for layout in api::builtin_layouts() {
        let pdf = api::render_text(engine(), &text, layout, &[]).unwrap();
        let dir = Sandbox::new().file("cv.pdf", pdf);
        let json = Command::new("qpdf")
            .args(["--json", "--json-key=outlines"])
            .arg(dir.join("cv.pdf"))
            .output()
            .expect("qpdf runs");
        let outlines = String::from_utf8_lossy(&json.stdout);
        for title in ["Summary", "Experience", "Education", "Skills"] {
            assert!(
                outlines.contains(&format!("\"title\": \"{title}\"")),
                "{layout}: no bookmark for {title}:\n{outlines}"
            );
        }
        assert!(
            !outlines.contains("\"title\": \"Priya Raman\""),
            "{layout}: the name is not a section"
        );
        let qdf = dir.join("qdf.pdf");
        let status = Command::new("qpdf")
            .args(["--qdf", "--object-streams=disable"])
            .arg(dir.join("cv.pdf"))
            .arg(&qdf)
            .status()
            .unwrap();
        assert!(status.success() || status.code() == Some(3));
        let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
        let count = |tag: &str| {
            raw.matches(&format!("/S /{tag}\n")).count()
                + raw.matches(&format!("/S /{tag} ")).count()
        };
        assert_eq!(count("H1"), 1, "{layout}: one H1, the name");
        assert!(
            count("H2") >= 8,
            "{layout}: {} section headings",
            count("H2")
        );
        assert!(count("H3") >= 6, "{layout}: {} entry headings", count("H3"));
    }
}

/// A run's look: (bold, italic, size, colour), to tell levels apart.
fn style(run: &TextRun) -> (bool, bool, i64, [i64; 3]) {
    let c = run.color.map(|v| (v * 100.0).round() as i64);
    (
        run.bold,
        run.italic,
        (run.size * 10.0).round() as i64,
        [c[0], c[1], c[2]],
    )
}

/// The first run, in reading position, whose text starts with `text`.
fn first_run<'a>(runs: &'a [TextRun], text: &str) -> &'a TextRun {
    let mut found: Vec<&TextRun> = runs
        .iter()
        .filter(|r| !r.artifact && r.text.trim().starts_with(text))
        .collect();
    found.sort_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap());
    found
        .first()
        .unwrap_or_else(|| panic!("no run starts with “{text}”"))
}

/// Organisation, role and sub-project are three looks in every layout,
/// the same for an entry with one role as for one with several; and the
/// dates and location keep their rows from entry to entry.
#[test]
fn organisation_role_and_project_are_three_levels_with_one_anatomy() {
    let text = example("priya-raman");
    // notebook titles each journal entry "<role> at <organisation>": one
    // line by design (its sub-projects are checked in layout_details).
    for layout in api::builtin_layouts()
        .into_iter()
        .filter(|l| *l != "notebook")
    {
        let runs = checked(&text, layout, &[], "priya").report.runs;
        let project = style(first_run(&runs, "Monetization"));
        // Kestrel Pay has two roles, Indus Analytics one.
        let entries = [
            (
                "Kestrel Pay",
                "Software Engineer II",
                "Apr 2020",
                "Bengaluru",
            ),
            (
                "Indus Analytics",
                "Software Engineering Intern",
                "May 2017",
                "Chennai",
            ),
        ];
        let mut shapes = Vec::new();
        for (org, role, dates, place) in entries {
            let (o, r) = (first_run(&runs, org), first_run(&runs, role));
            assert_ne!(
                project,
                style(r),
                "{layout}: a project looks like the role “{role}”"
            );
            if o.y != r.y || o.page != r.page {
                assert_ne!(
                    project,
                    style(o),
                    "{layout}: a project looks like the organisation “{org}”"
                );
            }
            let below = |t: &str| {
                runs.iter()
                    .filter(|x| x.text.contains(t) && (x.page, x.y) >= (o.page, o.y - 0.3))
                    .min_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap())
                    .unwrap_or_else(|| panic!("{layout}: no “{t}” after “{org}”"))
            };
            let (d, l) = (below(dates), below(place));
            let row = |x: &TextRun, of: &TextRun| (x.y - of.y).abs() < 0.3;
            shapes.push((
                style(o),
                style(r),
                row(d, r),
                row(d, o),
                row(l, o),
                row(l, r),
            ));
        }
        assert_eq!(
            shapes[0], shapes[1],
            "{layout}: one role and several are laid out differently (style of organisation, of role; dates on the role's row, on the organisation's; location on the organisation's row, on the role's)"
        );
    }
}

/// The name's descenders never touch the line below it, at the tightest
/// spacing and in a serif face.
#[test]
fn the_name_clears_the_headline() {
    let text = example("priya-raman");
    for layout in api::builtin_layouts() {
        for font in ["Inter", "Source Serif Pro"] {
            let theme = [
                ("spacing", toml::Value::Float(0.6)),
                ("font", toml::Value::String(font.into())),
            ];
            let runs = checked(&text, layout, &theme, "priya").report.runs;
            let name = first_run(&runs, "Priya Raman");
            let next = runs
                .iter()
                .filter(|r| {
                    r.page == 0
                        && r.y > name.y + 0.3
                        && !r.artifact
                        && r.x < name.x + name.width
                        && r.x + r.width > name.x
                })
                .min_by(|a, b| a.y.total_cmp(&b.y))
                .unwrap();
            let clearance = (next.y - next.cap_height) - (name.y + name.descent);
            assert!(
                clearance >= 0.0,
                "{layout} in {font}: “{}” reaches {clearance:.2} pt into the name's descenders",
                next.text
            );
        }
    }
}

/// Signatures and attributions end at the right edge of the column, where
/// right-aligned dates end (notebook has none: `layout_details` measures
/// its signature against the footer).
#[test]
fn signatures_end_at_the_right_edge() {
    let text = example("mira-lindqvist");
    for layout in ["classic", "compact", "modern"] {
        let runs = checked(&text, layout, &[], "mira").report.runs;
        let signature = first_run(&runs, "— Mira");
        let edge = runs
            .iter()
            .filter(|r| r.page == signature.page && is_date_range(&r.text))
            .map(|r| r.x + r.width)
            .fold(f64::MIN, f64::max);
        let right = signature.x + signature.width;
        assert!(
            (right - edge).abs() <= 0.5,
            "{layout}: the signature ends at {right:.2} pt, the column at {edge:.2} pt"
        );
    }
}
