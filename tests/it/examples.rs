//! The example profiles render, completely, reproducibly, with fonts embedded.

use std::path::PathBuf;

use crate::common::api::builtin_layouts;
use crate::common::*;

/// Renders every example into `out/` of a new sandbox, with the default
/// layout or `layout`; returns the sandbox and (profile, pdf) pairs.
fn render_examples(layout: Option<&str>) -> (Sandbox, Vec<(PathBuf, PathBuf)>) {
    let dir = Sandbox::new();
    let profiles = repo_file("profiles/");
    let mut args = vec!["render", &profiles, "-o", "out", "-q"];
    if let Some(layout) = layout {
        args.extend(["--layout", layout]);
    }
    let output = dir.run(&args);
    assert!(
        output.success(),
        "rendering the examples failed:\n{}",
        output.stderr
    );
    let pairs = example_profiles()
        .into_iter()
        .map(|p| {
            let pdf = dir
                .join("out")
                .join(p.file_name().unwrap())
                .with_extension("pdf");
            assert!(pdf.is_file(), "{} was not written", pdf.display());
            (p, pdf)
        })
        .collect();
    (dir, pairs)
}

#[test]
fn every_fact_of_every_example_is_in_its_pdf_text_in_order_in_every_layout() {
    let layouts = builtin_layouts();
    assert!(layouts.len() >= 4, "{layouts:?}");
    for layout in layouts {
        let (_dir, pairs) = render_examples(Some(layout));
        for (profile, pdf) in pairs {
            let toml_text = std::fs::read_to_string(&profile).unwrap();
            assert_facts_in_text(
                &format!("{} in {layout}", profile.display()),
                &toml_text,
                &pdf_text(&pdf),
            );
        }
    }
}

/// In the two-column layout, `pdftotext` (what an ATS reads) must not mix
/// lines of the sidebar into the main column.
#[test]
fn two_column_text_does_not_interleave() {
    let dir = Sandbox::new();
    let profile = example("priya-raman");
    dir.run(&["render", &profile, "--layout", "modern", "-o", "m.pdf"])
        .ok();
    let text = squash(&pdf_text(dir.join("m.pdf")));
    // Sidebar facts come together, before the main column; main-column facts keep their order.
    let sidebar = [
        "Kotlin(deepest,3roles),Go(shipped),Java,Python,SQL",
        "PostgreSQL,Kafka,Redis,ClickHouse",
        "Tamil",
        "Carnaticmusic",
    ];
    let main = [
        "Backendengineerwitheightyears",
        "KestrelPay",
        "Monetization",
        "Settlement",
        "LumenRetail",
        "NationalInstitute",
        "SmartIndiaHackathon",
    ];
    let position = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    let last_sidebar = sidebar.iter().map(|s| position(s)).max().unwrap();
    let main_positions: Vec<usize> = main.iter().map(|m| position(m)).collect();
    assert!(
        main_positions.windows(2).all(|w| w[0] < w[1]),
        "main column out of order: {main_positions:?}"
    );
    assert!(
        last_sidebar < main_positions[0],
        "sidebar text is mixed into the main column"
    );
}

#[test]
fn layouts_lists_every_layout_with_a_description() {
    let output = run(&["layouts"]);
    assert!(output.success());
    let listing = output.stdout_text();
    for name in ["classic", "modern", "compact", "notebook"] {
        assert!(
            listing
                .lines()
                .any(|l| l.starts_with(name) && l.len() > name.len() + 10),
            "{listing}"
        );
    }
    let text = run(&["layouts", "modern"]).stdout_text();
    assert!(
        text.contains("accent")
            && text.contains("default \"#0f6e6e\"")
            && text.contains("section_order"),
        "{text}"
    );
}

#[test]
fn examples_have_the_expected_page_counts_and_metadata() {
    let (_dir, pairs) = render_examples(None);
    for (profile, pdf) in pairs {
        let pages = pdf_pages(&pdf);
        let name = profile.file_stem().unwrap().to_str().unwrap();
        match name {
            "daniel-okafor" | "sam-export" => assert_eq!(pages, 1, "{name} is a one-page CV"),
            "priya-raman" | "mira-lindqvist" => {
                assert!(pages >= 2, "{name} is a multi-page CV, got {pages}")
            }
            _ => assert!(pages >= 1),
        }
        let info = pdf_info(&pdf);
        assert!(
            info.contains(" — CV"),
            "{name}: the title is '<name> — CV':\n{info}"
        );
        assert!(
            info.lines()
                .any(|l| l.starts_with("Tagged:") && l.contains("yes")),
            "{name}: tagged PDF:\n{info}"
        );
        assert!(
            info.contains("595.276 x 841.89 pts (A4)"),
            "{name}: A4 by default:\n{info}"
        );
    }
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let (_dir, pairs) = render_examples(None);
    for (_, pdf) in pairs {
        let fonts = pdf_fonts(&pdf);
        assert!(!fonts.is_empty());
        // Inter is the default layout's face; an example may pick a serif
        // layout (helena-brandt: academic, Source Serif).
        assert!(
            fonts
                .iter()
                .any(|f| f.0.contains("Inter") || f.0.contains("SourceSerif")),
            "{fonts:?}"
        );
        for (name, embedded, subset, unicode) in fonts {
            assert!(
                embedded && subset && unicode,
                "{name}: embedded {embedded}, subset {subset}, unicode {unicode}"
            );
        }
    }
}

#[test]
fn rendering_twice_gives_byte_identical_pdfs() {
    let (_first, a) = render_examples(None);
    let (_second, b) = render_examples(None);
    for ((profile, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            std::fs::read(x).unwrap() == std::fs::read(y).unwrap(),
            "{} differs between runs",
            profile.display()
        );
    }
}

#[test]
fn us_letter_paper_is_612_by_792_points() {
    let dir = Sandbox::new();
    let profile = example("daniel-okafor");
    dir.run(&[
        "render",
        &profile,
        "-o",
        "letter.pdf",
        "--theme",
        "paper=us-letter",
    ])
    .ok();
    let info = pdf_info(dir.join("letter.pdf"));
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

#[test]
fn png_output_writes_one_image_per_page() {
    let dir = Sandbox::new();
    let profile = example("mira-lindqvist");
    dir.run(&[
        "render", &profile, "-o", "mira.pdf", "--format", "png", "--ppi", "40",
    ])
    .ok();
    assert!(dir.read("mira-1.png").starts_with(b"\x89PNG"));
    assert!(dir.join("mira-2.png").is_file());
}

#[test]
fn json_output_is_the_layout_data() {
    let dir = Sandbox::new();
    let profile = example("sam-export");
    dir.run(&["render", &profile, "-o", "sam.pdf", "--format", "json"])
        .ok();
    let data: serde_json::Value = serde_json::from_slice(&dir.read("sam.json")).unwrap();
    assert_eq!(data["data_version"], 2);
    assert_eq!(data["basics"]["name"], "Sam Iyer-Novak");
    assert_eq!(data["sections"][1]["id"], "work");
}
