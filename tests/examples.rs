//! The example profiles render, completely, reproducibly, with fonts embedded.

mod common;

use std::fs;

use common::*;

/// Renders every example into a temporary folder with the default layout;
/// returns (profile, pdf) pairs.
fn render_examples(dir: &std::path::Path) -> Vec<(std::path::PathBuf, std::path::PathBuf)> {
    render_examples_with(dir, None)
}

fn render_examples_with(
    dir: &std::path::Path,
    layout: Option<&str>,
) -> Vec<(std::path::PathBuf, std::path::PathBuf)> {
    let out = dir.join("out");
    let mut args = vec!["render", "profiles/", "-o", out.to_str().unwrap(), "-q"];
    if let Some(layout) = layout {
        args.extend(["--layout", layout]);
    }
    let output = run(&args);
    assert!(
        output.status.success(),
        "rendering the examples failed:\n{}",
        stderr(&output)
    );
    example_profiles()
        .into_iter()
        .map(|p| {
            let pdf = out.join(p.file_name().unwrap()).with_extension("pdf");
            assert!(pdf.is_file(), "{} was not written", pdf.display());
            (p, pdf)
        })
        .collect()
}

#[test]
fn every_fact_of_every_example_is_in_its_pdf_text_in_order_in_every_layout() {
    let layouts = vitae::layout::Layout::builtin_names();
    assert!(layouts.len() >= 4, "{layouts:?}");
    for layout in layouts {
        let dir = tempfile::tempdir().unwrap();
        for (profile, pdf) in render_examples_with(dir.path(), Some(layout)) {
            let toml_text = fs::read_to_string(&profile).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("m.pdf");
    let output = run(&[
        "render",
        "profiles/priya-raman.toml",
        "--layout",
        "modern",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = squash(&pdf_text(&pdf));
    // Sidebar facts come together, before the main column; main-column facts keep their order.
    let sidebar = [
        "Kotlin,Go,Java,Python,SQL",
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
    assert!(output.status.success());
    let listing = String::from_utf8_lossy(&output.stdout);
    for name in ["classic", "modern", "compact", "notebook"] {
        assert!(
            listing
                .lines()
                .any(|l| l.starts_with(name) && l.len() > name.len() + 10),
            "{listing}"
        );
    }
    let options = run(&["layouts", "modern"]);
    let text = String::from_utf8_lossy(&options.stdout);
    assert!(
        text.contains("accent")
            && text.contains("default \"#0f6e6e\"")
            && text.contains("section_order"),
        "{text}"
    );
}

#[test]
fn examples_have_the_expected_page_counts_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    for (profile, pdf) in render_examples(dir.path()) {
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
    let dir = tempfile::tempdir().unwrap();
    for (_, pdf) in render_examples(dir.path()) {
        let fonts = pdf_fonts(&pdf);
        assert!(!fonts.is_empty());
        assert!(fonts.iter().any(|f| f.0.contains("Inter")), "{fonts:?}");
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
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let a = render_examples(first.path());
    let b = render_examples(second.path());
    for ((profile, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            fs::read(x).unwrap() == fs::read(y).unwrap(),
            "{} differs between runs",
            profile.display()
        );
    }
}

#[test]
fn us_letter_paper_is_612_by_792_points() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("letter.pdf");
    let output = run(&[
        "render",
        "profiles/daniel-okafor.toml",
        "-o",
        pdf.to_str().unwrap(),
        "--theme",
        "paper=us-letter",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        pdf_info(&pdf).contains("612 x 792 pts (letter)"),
        "{}",
        pdf_info(&pdf)
    );
}

#[test]
fn png_output_writes_one_image_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mira.pdf");
    let output = run(&[
        "render",
        "profiles/mira-lindqvist.toml",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "png",
        "--ppi",
        "40",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = fs::read(dir.path().join("mira-1.png")).unwrap();
    assert!(first.starts_with(b"\x89PNG"));
    assert!(dir.path().join("mira-2.png").is_file());
}

#[test]
fn json_output_is_the_layout_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sam.pdf");
    let output = run(&[
        "render",
        "profiles/sam-export.toml",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("sam.json")).unwrap()).unwrap();
    assert_eq!(data["data_version"], 1);
    assert_eq!(data["basics"]["name"], "Sam Iyer-Novak");
    assert_eq!(data["sections"][1]["id"], "work");
}
