//! Typography details of the modern and notebook layouts (issue 15),
//! measured on what they print: baselines and edges on the text runs the
//! proofs see, tints and card frames on the rasterised PDF, line lengths
//! and whole addresses in `pdftotext`'s text.

use std::path::Path;
use std::process::Command;

use crate::common::api::{self, TextRun};
use crate::common::*;

/// How far two things meant to line up may be apart, in points: baselines
/// (set to line up, so only rounding apart; before, notebook's "Nº" sat
/// 0.19 pt above its title and modern's dates 0.5 pt above theirs) and edges.
const SAME: f64 = 0.1;
const EDGE: f64 = 0.5;

/// Asserts that `what` lines up: `a` and `b` within `within` points.
#[track_caller]
fn assert_lined_up(a: f64, b: f64, within: f64, what: &str) {
    assert!((a - b).abs() <= within, "{what}: {a:.2} pt and {b:.2} pt");
}

/// The text runs of a profile laid out in `layout` (proofs passed).
fn runs(text: &str, layout: &str, theme: &[(&str, toml::Value)]) -> Vec<TextRun> {
    api::checked(text, layout, theme, "the profile").report.runs
}

/// The first data run whose text starts with `start`.
#[track_caller]
fn run_starting<'a>(runs: &'a [TextRun], start: &str) -> &'a TextRun {
    runs.iter()
        .find(|r| r.text.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no run starts with “{start}”"))
}

/// Renders a profile file with `args` into `dir/cv.pdf`.
fn render(dir: &Sandbox, profile: &str, args: &[&str]) -> std::path::PathBuf {
    let mut all = vec!["render", profile, "-o", "cv.pdf"];
    all.extend_from_slice(args);
    dir.run(&all).ok();
    dir.join("cv.pdf")
}

fn tool(program: &str, args: &[&str]) -> Vec<u8> {
    let output = Command::new(program).args(args).output().unwrap();
    assert!(output.status.success(), "{program} failed");
    output.stdout
}

/// A word of `pdftotext -bbox`: page (0-based), box in points, text.
struct Word {
    page: usize,
    x_min: f64,
    x_max: f64,
    y_max: f64,
    text: String,
}

fn words(pdf: &Path) -> Vec<Word> {
    let html =
        String::from_utf8(tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"])).unwrap();
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..start + line[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page") {
            page += 1;
        } else if line.starts_with("<word") {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            out.push(Word {
                page: page - 1,
                x_min: attr(line, "xMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
                text: text.to_string(),
            });
        }
    }
    out
}

/// One page rasterised in grey at `dpi`.
struct Raster {
    width: usize,
    pixels: Vec<u8>,
    scale: f64,
}

impl Raster {
    fn of(pdf: &Path, page: usize, dpi: u32) -> Self {
        let page = page.to_string();
        let dpi_text = dpi.to_string();
        let args = [
            "-gray",
            "-r",
            &dpi_text,
            "-f",
            &page,
            "-l",
            &page,
            "-singlefile",
        ];
        let out = pdf.with_extension("");
        let mut all: Vec<&str> = args.to_vec();
        all.extend([pdf.to_str().unwrap(), out.to_str().unwrap()]);
        tool("pdftoppm", &all);
        let bytes = std::fs::read(out.with_extension("pgm")).unwrap();
        // P5 <width> <height> 255, each after one whitespace, then the pixels.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            let end = at
                + bytes[at..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .unwrap();
            fields.push(String::from_utf8_lossy(&bytes[at..end]).into_owned());
            at = end + 1;
        }
        Self {
            width: fields[1].parse().unwrap(),
            pixels: bytes[at..].to_vec(),
            scale: f64::from(dpi) / 72.0,
        }
    }

    /// The grey at a point given in PDF points.
    fn at(&self, x: f64, y: f64) -> u8 {
        let (x, y) = ((x * self.scale) as usize, (y * self.scale) as usize);
        self.pixels[y * self.width + x]
    }
}

// ------------------------------------------------------------------ modern

/// The sidebar's tint ends where the top row of the page turns white.
fn tint_right(raster: &Raster) -> Option<f64> {
    if raster.at(2.0, 2.0) > 250 {
        return None;
    }
    (0..600).map(f64::from).find(|&x| raster.at(x, 2.0) > 250)
}

#[test]
fn modern_sidebar_text_lies_on_its_tint_and_no_page_has_an_empty_tint() {
    let dir = Sandbox::new();
    for sidebar in ["6.6cm", "4.5cm"] {
        let pdf = render(
            &dir,
            &example("priya-raman"),
            &[
                "--layout",
                "modern",
                "--theme",
                &format!("sidebar={sidebar}"),
            ],
        );
        let words = words(&pdf);
        let pages = pdf_pages(&pdf);
        assert!(
            pages > 1 || sidebar != "6.6cm",
            "the test needs a second page"
        );
        for page in 0..pages {
            let tint = tint_right(&Raster::of(&pdf, page + 1, 72));
            let on_tint: Vec<&Word> = words
                .iter()
                .filter(|w| w.page == page && tint.is_some_and(|t| w.x_min < t))
                .collect();
            match tint {
                Some(right) => {
                    assert!(
                        !on_tint.is_empty(),
                        "page {}: a tint with no sidebar text",
                        page + 1
                    );
                    for w in on_tint {
                        assert!(
                            w.x_max <= right + EDGE,
                            "{sidebar}: “{}” ends at {:.1} pt, past the tint at {right:.1} pt",
                            w.text,
                            w.x_max
                        );
                    }
                }
                None => assert!(page > 0, "page 1 has no sidebar tint"),
            }
        }
    }
}

#[test]
fn modern_addresses_break_only_after_a_slash_or_dot_and_stay_whole() {
    let dir = Sandbox::new();
    let pdf = render(
        &dir,
        &example("priya-raman"),
        &["--layout", "modern", "--theme", "sidebar=4.5cm"],
    );
    let text = pdf_text(&pdf);
    // A line may end after "/" or "." inside an address; joined there, the
    // address must read as written, with no hyphen lost or added.
    let joined = text.replace("/\n", "/").replace(".\n", ".");
    for address in [
        "linkedin.com/in/priya-raman-example",
        "priya.raman@example.com",
    ] {
        assert!(
            joined.contains(address),
            "“{address}” is not whole:\n{text}"
        );
    }
    assert!(!text.contains("priyaraman-example"), "{text}");
}

#[test]
fn modern_dates_and_places_share_their_rows_baseline() {
    let runs = runs(&example_text("priya-raman"), "modern", &[]);
    // (a run found first, the run on its row)
    for (anchor, other) in [
        ("Oct 2022", "Senior Software Engineer"),
        ("Apr 2020", "Software Engineer II"),
        ("Kestrel Pay", "Bengaluru"),
        ("Lumen Retail", "Chennai"),
        ("Dec 2023", "Kestrel Pay Engineering"),
    ] {
        let (a, o) = (
            run_starting(&runs, anchor),
            run_nearest(&runs, other, anchor),
        );
        assert_lined_up(
            a.y,
            o.y,
            SAME,
            &format!("baselines of “{anchor}” and “{other}”"),
        );
    }
}

/// The run starting with `start` nearest (in height) to the run starting
/// with `near`: the one on the same row.
fn run_nearest<'a>(runs: &'a [TextRun], start: &str, near: &str) -> &'a TextRun {
    let anchor = run_starting(runs, near);
    runs.iter()
        .filter(|r| r.page == anchor.page && r.text.trim_start().starts_with(start))
        .min_by(|a, b| (a.y - anchor.y).abs().total_cmp(&(b.y - anchor.y).abs()))
        .unwrap_or_else(|| panic!("no run starts with “{start}”"))
}

// ---------------------------------------------------------------- notebook

#[test]
fn notebook_prose_lines_are_at_most_80_characters() {
    let dir = Sandbox::new();
    let pdf = render(&dir, &example("mira-lindqvist"), &["--layout", "notebook"]);
    let text = pdf_text(&pdf);
    let longest = text.lines().max_by_key(|l| l.chars().count()).unwrap();
    assert!(
        longest.chars().count() <= 80,
        "{} characters: {longest}",
        longest.chars().count()
    );
}

#[test]
fn notebook_joins_role_and_company_in_the_profiles_language() {
    let text = example_text("mira-lindqvist");
    let reading = |text: &str| -> String {
        let runs = runs(text, "notebook", &[]);
        let words: Vec<&str> = runs.iter().map(|r| r.text.trim()).collect();
        words.join(" ")
    };
    let de = reading(&text.replace("locale = \"en\"", "locale = \"de\""));
    assert!(de.contains("Lead Mobile Engineer bei Nordride"), "{de}");
    assert!(!de.contains("Engineer at"), "{de}");
    let own = reading(&format!("{text}\n[words]\nat = \"for\"\n"));
    assert!(own.contains("Lead Mobile Engineer for Nordride"), "{own}");
}

#[test]
fn notebook_entry_numbers_share_the_titles_baseline() {
    let runs = runs(&example_text("mira-lindqvist"), "notebook", &[]);
    let number = run_starting(&runs, "Nº");
    let title = run_starting(&runs, "Lead Mobile Engineer");
    assert_lined_up(number.y, title.y, SAME, "baselines of “Nº” and the title");
}

#[test]
fn notebook_toolbox_starts_at_the_text_edge() {
    let runs = runs(&example_text("mira-lindqvist"), "notebook", &[]);
    let prose = run_starting(&runs, "Hello.");
    let tool = run_nearest(&runs, "Kotlin", "Swift");
    assert_lined_up(
        tool.x,
        prose.x,
        EDGE,
        "left edges of the toolbox and the text",
    );
}

#[test]
fn notebook_signature_is_flush_with_the_right_edge() {
    let runs = runs(&example_text("mira-lindqvist"), "notebook", &[]);
    let signature = run_starting(&runs, "— Mira");
    // The page number is set flush right in the footer, on the text's measure.
    let footer_y = runs
        .iter()
        .filter(|r| r.page == 0)
        .map(|r| r.y)
        .fold(0.0, f64::max);
    let edge = runs
        .iter()
        .filter(|r| r.page == 0 && r.artifact && (r.y - footer_y).abs() < 1.0)
        .map(|r| r.x + r.width)
        .fold(0.0, f64::max);
    let end = signature.x + signature.width;
    assert_lined_up(end, edge, EDGE, "right edges of the signature and the text");
}

const CARDS: &str = r#"
[basics]
name = "Ada Byron"

[[projects]]
name = "short"
description = "One line."

[[projects]]
name = "long"
description = "A description long enough to run over several lines of its card, so that this card is taller than the one beside it, unless the row evens them out."
"#;

#[test]
fn notebook_cards_of_one_row_are_equally_tall() {
    let dir = Sandbox::new().profile("me.toml", CARDS);
    let pdf = render(&dir, "me.toml", &["--layout", "notebook"]);
    let words = words(&pdf);
    let raster = Raster::of(&pdf, 1, 144);
    let bottom = |name: &str| -> f64 {
        let title = words.iter().find(|w| w.text == name).unwrap();
        // Inside the card's padding, left of its title: the first dark
        // pixel below the title is the card's bottom edge.
        let x = title.x_min - 4.0;
        (0..1000)
            .map(|step| title.y_max + f64::from(step) / 2.0)
            .find(|&y| raster.at(x, y) < 230)
            .unwrap_or_else(|| panic!("no bottom edge under “{name}”"))
    };
    let (short, long) = (bottom("short"), bottom("long"));
    assert_lined_up(short, long, 1.0, "bottoms of the two cards");
}
