//! `--format md` and `--format txt`: every fact of every example, in
//! reading order; the same bytes each time; profile text never becomes
//! Markdown syntax; plain text fits 80 columns and has no markup.

use crate::common::api::markdown_reading_text;
use crate::common::*;

/// Renders `profile` as `format` into `dir`, returning the text written.
fn render_as(dir: &Sandbox, profile: &str, format: &str, out: &str) -> String {
    dir.run(&["render", profile, "--format", format, "-o", out, "-q"])
        .ok();
    std::fs::read_to_string(dir.join(out)).unwrap()
}

#[test]
fn every_example_as_markdown_and_text_has_every_fact_in_reading_order() {
    let dir = Sandbox::new();
    for profile in example_profiles() {
        let name = profile.file_stem().unwrap().to_string_lossy().into_owned();
        let toml = std::fs::read_to_string(&profile).unwrap();
        let arg = profile.to_str().unwrap();
        let markdown = render_as(&dir, arg, "md", &format!("{name}.md"));
        assert_facts_in_text(
            &format!("{name}.md"),
            &toml,
            &markdown_reading_text(&markdown),
        );
        let text = render_as(&dir, arg, "txt", &format!("{name}.txt"));
        assert_facts_in_text(&format!("{name}.txt"), &toml, &text);

        // Byte-identical on a second run, and the file is left untouched.
        let before = mtime(dir.join(format!("{name}.md")));
        assert_eq!(render_as(&dir, arg, "md", &format!("{name}.md")), markdown);
        assert_eq!(mtime(dir.join(format!("{name}.md"))), before);
    }
}

#[test]
fn plain_text_fits_80_columns_and_has_no_markup() {
    let dir = Sandbox::new();
    for profile in example_profiles() {
        let text = render_as(&dir, profile.to_str().unwrap(), "txt", "cv.txt");
        for line in text.lines() {
            let columns = line.chars().filter(|c| !is_combining(*c)).count();
            // A single word longer than a line (a URL) is never broken.
            assert!(
                columns <= 80 || !line.trim().contains(' '),
                "{}: {columns} columns: {line}",
                profile.display()
            );
            for markup in ["**", "](", "<a ", "\\*", "__"] {
                assert!(!line.contains(markup), "{}: {line}", profile.display());
            }
        }
        // No-break spaces would paste badly into a form.
        assert!(
            !text.contains(['\u{A0}', '\u{202F}']),
            "{}",
            profile.display()
        );
        // Contact details break between items, never inside one.
        let header = text.split("\n\n\n").next().unwrap();
        assert!(
            !header.lines().any(|l| l.ends_with(':') || l.ends_with(',')),
            "{}: {text}",
            profile.display()
        );
        // Dates sit at the right margin.
        assert!(
            text.lines()
                .any(|l| l.chars().count() == 80 && l.ends_with(char::is_numeric)),
            "{}",
            profile.display()
        );
    }
}

/// Devanagari vowel signs and viramas take no column of their own.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
}

#[test]
fn profile_text_that_looks_like_markdown_or_html_prints_as_written() {
    let hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> \\*not bold\\* \
                   [x](javascript:alert(3)) ~~no~~ $x$ | a | b | &amp; `tick`";
    let profile = format!(
        "[basics]\nname = \"# Ada <b>Quill</b>\"\nlabel = \"1. first\"\nsummary = '''\n{hostile}\n'''\n\n\
         [[work]]\nname = \"- Acme\"\nposition = \"> Engineer\"\nstart = \"2020\"\nhighlights = [\"+ plus\", \"=== rule\"]\n"
    );
    let dir = Sandbox::new().profile("me.toml", &profile);
    let markdown = render_as(&dir, "me.toml", "md", "me.md");
    let read = markdown_reading_text(&markdown);
    for literal in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "~~no~~",
        "$x$",
        "&amp;",
        "# Ada <b>Quill</b>",
        "1. first",
        "- Acme",
        "> Engineer",
        "+ plus",
        "=== rule",
    ] {
        assert!(
            read.contains(literal),
            "{literal:?} not read back from:\n{markdown}"
        );
    }
    // No `<` is left unescaped, so no HTML reaches a renderer.
    assert!(!markdown.replace("\\<", "").contains('<'), "{markdown}");
    // A link to anything but the web or mail is dropped (V0033): its text stays.
    assert!(!markdown.contains("javascript:"), "{markdown}");
    let text = render_as(&dir, "me.toml", "txt", "me.txt");
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
}

#[test]
fn long_generated_profiles_in_every_locale_are_proven_as_markdown_and_text() {
    // A fact the text lost fails the render (the unit tests of
    // src/proof/coverage.rs show that proof failing).
    for locale in ["en", "de", "fr", "es", "pt", "hi"] {
        let dir = Sandbox::new().profile("long.toml", &generate::long_profile(4, locale));
        for format in ["md", "txt"] {
            let run = dir.run(&["render", "long.toml", "--format", format]);
            assert!(run.success(), "{locale} {format}: {}", run.stderr);
        }
        // Success means vitae's own coverage proof found every fact (these
        // profiles rename "present" in [words], which the test's list of
        // facts does not know). The text is in the locale's own words:
        let text = std::fs::read_to_string(dir.join("long.txt")).unwrap();
        assert!(text.lines().count() > 200, "{locale}: {text}");
    }
}

#[test]
fn several_formats_in_one_run_are_the_same_files_as_one_at_a_time() {
    let profile = example("priya-raman");
    let dir = Sandbox::new();
    let run = dir
        .run(&[
            "render",
            &profile,
            "--format",
            "pdf,md,txt,json",
            "-o",
            "all/cv.pdf",
        ])
        .ok();
    assert!(
        run.stderr.contains("all/cv.pdf (+ .md, .txt, .json)"),
        "{}",
        run.stderr
    );
    for (format, file) in [
        ("pdf", "cv.pdf"),
        ("md", "cv.md"),
        ("txt", "cv.txt"),
        ("json", "cv.json"),
    ] {
        dir.run(&[
            "render",
            &profile,
            "--format",
            format,
            "-o",
            &format!("one/{file}"),
        ])
        .ok();
        assert!(
            std::fs::read(dir.join(format!("all/{file}"))).unwrap()
                == std::fs::read(dir.join(format!("one/{file}"))).unwrap(),
            "{format} differs"
        );
    }
    // --check compares every format's file.
    let check = || {
        dir.run(&[
            "render",
            &profile,
            "--format",
            "pdf,md",
            "-o",
            "all/cv.pdf",
            "--check",
        ])
    };
    check().ok();
    std::fs::write(dir.join("all/cv.md"), "stale").unwrap();
    let stale = check();
    assert_eq!(stale.code, Some(1), "{}", stale.stderr);
    assert!(stale.stderr.contains("cv.md"), "{}", stale.stderr);
    // Standard output takes one format.
    assert_eq!(
        dir.run(&["render", &profile, "--format", "pdf,md", "-o", "-"])
            .code,
        Some(2)
    );
}

#[test]
fn a_custom_entry_with_a_date_and_an_end_prints_the_whole_range() {
    // The end was once dropped without a word, in the PDF as in the text.
    let profile = "[basics]\nname = \"Ada\"\n[[sections]]\ntitle = \"Teaching\"\n\
                   [[sections.entries]]\ntitle = \"Urban Ecology\"\ndate = \"2021-10\"\nend = \"present\"\n";
    let dir = Sandbox::new().profile("me.toml", profile);
    let text = render_as(&dir, "me.toml", "txt", "me.txt");
    assert!(text.contains("Oct 2021 – Present"), "{text}");
    dir.run(&["render", "me.toml"]).ok();
    assert!(squash(&pdf_text(dir.join("me.pdf"))).contains(&squash("Oct 2021 – Present")));
    let backwards = profile.replace("end = \"present\"", "end = \"2020\"");
    let dir = Sandbox::new().profile("me.toml", &backwards);
    let run = dir.run(&["render", "me.toml"]);
    assert!(run.stderr.contains("V0021"), "{}", run.stderr);
}
