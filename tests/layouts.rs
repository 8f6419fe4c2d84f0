//! User layout folders: same contract, located errors, and a sandbox that holds.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn render_with(layout: &Path, out: &Path) -> std::process::Output {
    run(&[
        "render",
        "profiles/daniel-okafor.toml",
        "--layout",
        layout.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
}

#[test]
fn a_copied_layout_folder_renders() {
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("mine");
    copy_dir(&repo().join("layouts/classic"), &layout);
    let out = dir.path().join("cv.pdf");
    let output = render_with(&layout, &out);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(pdf_text(&out).contains("Daniel Okafor"));
}

#[test]
fn a_layout_error_points_at_the_layout_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("broken");
    copy_dir(&repo().join("layouts/classic"), &layout);
    let main = layout.join("main.typ");
    let text = fs::read_to_string(&main).unwrap();
    fs::write(&main, format!("{text}\n#undefined-function(1)\n")).unwrap();
    let line = text.lines().count() + 2;
    let output = render_with(&layout, &dir.path().join("cv.pdf"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("unknown variable: undefined-function"),
        "{err}"
    );
    assert!(
        err.contains(&format!("main.typ:{line}:")),
        "expected line {line}: {err}"
    );
    assert!(!dir.path().join("cv.pdf").exists());
}

#[test]
fn a_layout_cannot_read_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "TOP SECRET").unwrap();
    let layout = dir.path().join("sneaky");
    fs::create_dir_all(&layout).unwrap();
    std::os::unix::fs::symlink(&secret, layout.join("link.txt")).unwrap();
    for attempt in [
        r#"read("../secret.txt")"#,
        r#"read("/link.txt")"#,
        r#"read("/etc/passwd")"#,
        r#"import "@preview/x:1.0.0": *"#,
    ] {
        fs::write(layout.join("main.typ"), format!("#{attempt}\n")).unwrap();
        let output = render_with(&layout, &dir.path().join("cv.pdf"));
        assert_eq!(output.status.code(), Some(1), "{attempt} must fail");
        let err = stderr(&output);
        assert!(!err.contains("TOP SECRET"), "{err}");
        assert!(
            err.contains("outside")
                || err.contains("not found")
                || err.contains("only read files inside")
                || err.contains("packages are not available"),
            "{attempt}: {err}"
        );
    }
}

#[test]
fn every_layout_defaults_to_a4_and_does_us_letter() {
    let dir = tempfile::tempdir().unwrap();
    for layout in vitae::layout::Layout::builtin_names() {
        for (paper, size) in [
            (None, "595.276 x 841.89 pts (A4)"),
            (Some("paper=us-letter"), "612 x 792 pts (letter)"),
        ] {
            let pdf = dir.path().join(format!("{layout}.pdf"));
            let mut args = vec![
                "render",
                "profiles/mira-lindqvist.toml",
                "--layout",
                layout,
                "-o",
                pdf.to_str().unwrap(),
            ];
            if let Some(theme) = paper {
                args.extend(["--theme", theme]);
            }
            let output = run(&args);
            assert!(output.status.success(), "{layout}: {}", stderr(&output));
            assert!(
                pdf_info(&pdf).contains(size),
                "{layout} {paper:?}: {}",
                pdf_info(&pdf)
            );
        }
    }
}

#[test]
fn locales_change_the_words_vitae_adds_and_profile_titles_win() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("de.toml");
    fs::write(
        &profile,
        "locale = \"de\"\n[basics]\nname = \"Jana Vogel\"\n[titles]\neducation = \"Studium\"\n[[work]]\nname = \"Firma\"\nposition = \"Entwicklerin\"\nstart = \"2021-03\"\nend = \"present\"\n[[education]]\ninstitution = \"TU Berlin\"\n",
    )
    .unwrap();
    let output = run(&[
        "render",
        profile.to_str().unwrap(),
        "--theme",
        "date_format=long",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = pdf_text(&dir.path().join("de.pdf"));
    assert!(
        text.contains("Berufserfahrung")
            && text.contains("März 2021 – heute")
            && text.contains("Studium"),
        "{text}"
    );
}

#[test]
fn hindi_text_renders_with_the_bundled_devanagari_font() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("hi.toml");
    fs::write(&profile, "locale = \"hi\"\n[basics]\nname = \"प्रिया रमन\"\n[[work]]\nname = \"केस्ट्रल पे\"\nposition = \"इंजीनियर\"\n").unwrap();
    for layout in vitae::layout::Layout::builtin_names() {
        let output = run(&[
            "render",
            profile.to_str().unwrap(),
            "--layout",
            layout,
            "--strict",
        ]);
        assert!(output.status.success(), "{layout}: {}", stderr(&output));
        let text = pdf_text(&dir.path().join("hi.pdf"));
        assert!(text.contains("अनुभव"), "{layout}: {text}");
        let fonts = pdf_fonts(&dir.path().join("hi.pdf"));
        assert!(
            fonts.iter().any(|f| f.0.contains("NotoSansDevanagari")),
            "{layout}: {fonts:?}"
        );
    }
}

#[test]
fn an_unknown_font_is_named_with_the_fallback_used() {
    let output = run(&[
        "render",
        "profiles/sam-export.toml",
        "-o",
        "/dev/null",
        "--theme",
        "font=Nonexistent Grotesk",
        "--layout",
        "compact",
    ]);
    let err = stderr(&output);
    assert!(err.contains("font `Nonexistent Grotesk` is neither bundled nor installed; using Source Sans Pro instead"), "{err}");
    let strict = run(&[
        "render",
        "profiles/sam-export.toml",
        "-o",
        "/dev/null",
        "--theme",
        "font=Nonexistent Grotesk",
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
}
