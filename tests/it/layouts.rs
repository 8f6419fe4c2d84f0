//! User layout folders: same contract, located errors, and a sandbox that holds.

use crate::common::api::builtin_layouts;
use crate::common::*;

/// Renders Daniel's example with the layout folder `layout` of `dir` into `cv.pdf`.
fn render_with(dir: &Sandbox, layout: &str) -> Run {
    let profile = example("daniel-okafor");
    dir.run(&["render", &profile, "--layout", layout, "-o", "cv.pdf"])
}

#[test]
fn a_copied_layout_folder_renders() {
    let dir = Sandbox::new().copy(repo().join("layouts/classic"), "mine");
    render_with(&dir, "./mine").ok();
    assert!(pdf_text(dir.join("cv.pdf")).contains("Daniel Okafor"));
}

#[test]
fn a_layout_error_points_at_the_layout_file_and_line() {
    let dir = Sandbox::new().copy(repo().join("layouts/classic"), "broken");
    let text = dir.read_text("broken/main.typ");
    dir.write(
        "broken/main.typ",
        format!("{text}\n#undefined-function(1)\n"),
    );
    let line = text.lines().count() + 2;
    let output = render_with(&dir, "./broken");
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("unknown variable: undefined-function"),
        "{err}"
    );
    assert!(
        err.contains(&format!("main.typ:{line}:")),
        "expected line {line}: {err}"
    );
    assert!(!dir.exists("cv.pdf"));
}

#[test]
fn a_layout_cannot_read_outside_its_folder() {
    let dir = Sandbox::new()
        .file("secret.txt", "TOP SECRET")
        .symlink("secret.txt", "sneaky/link.txt");
    for attempt in [
        r#"read("../secret.txt")"#,
        r#"read("/link.txt")"#,
        r#"read("/etc/passwd")"#,
        r#"import "@preview/x:1.0.0": *"#,
    ] {
        dir.write("sneaky/main.typ", format!("#{attempt}\n"));
        let output = render_with(&dir, "./sneaky");
        assert_eq!(output.code, Some(1), "{attempt} must fail");
        let err = &output.stderr;
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
    let dir = Sandbox::new();
    let profile = example("mira-lindqvist");
    for layout in builtin_layouts() {
        for (paper, size) in [
            (None, "595.276 x 841.89 pts (A4)"),
            (Some("paper=us-letter"), "612 x 792 pts (letter)"),
        ] {
            let pdf = format!("{layout}.pdf");
            let mut args = vec!["render", &profile, "--layout", layout, "-o", &pdf];
            if let Some(theme) = paper {
                args.extend(["--theme", theme]);
            }
            let output = dir.run(&args);
            assert!(output.success(), "{layout}: {}", output.stderr);
            let info = pdf_info(dir.join(&pdf));
            assert!(info.contains(size), "{layout} {paper:?}: {info}");
        }
    }
}

#[test]
fn locales_change_the_words_vitae_adds_and_profile_titles_win() {
    let dir = Sandbox::new().profile(
        "de.toml",
        "locale = \"de\"\n[basics]\nname = \"Jana Vogel\"\n[titles]\neducation = \"Studium\"\n[[work]]\nname = \"Firma\"\nposition = \"Entwicklerin\"\nstart = \"2021-03\"\nend = \"present\"\n[[education]]\ninstitution = \"TU Berlin\"\n",
    );
    dir.run(&["render", "de.toml", "--theme", "date_format=long"])
        .ok();
    let text = pdf_text(dir.join("de.pdf"));
    assert!(
        text.contains("Berufserfahrung")
            && text.contains("März 2021 – heute")
            && text.contains("Studium"),
        "{text}"
    );
}

#[test]
fn hindi_text_renders_with_the_bundled_devanagari_font() {
    let dir = Sandbox::new().profile(
        "hi.toml",
        "locale = \"hi\"\n[basics]\nname = \"प्रिया रमन\"\n[[work]]\nname = \"केस्ट्रल पे\"\nposition = \"इंजीनियर\"\n",
    );
    for layout in builtin_layouts() {
        let output = dir.run(&["render", "hi.toml", "--layout", layout, "--strict"]);
        assert!(output.success(), "{layout}: {}", output.stderr);
        let text = pdf_text(dir.join("hi.pdf"));
        assert!(text.contains("अनुभव"), "{layout}: {text}");
        let fonts = pdf_fonts(dir.join("hi.pdf"));
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
    let err = &output.stderr;
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
    assert_eq!(strict.code, Some(1));
}
