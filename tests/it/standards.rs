//! PDF standards: every PDF is accessible (PDF/UA-1) and archival (PDF/A-2a)
//! unless `--pdf-standard` says otherwise; typst-pdf refuses a document that
//! breaks one, and vitae says which standard, why, where and how out.

use crate::common::api::builtin_layouts;
use crate::common::*;

/// Renders every example with `layout` into `out/`, with `extra` arguments;
/// returns the sandbox and the PDFs written.
fn render_examples(layout: &str, extra: &[&str]) -> (Sandbox, Vec<std::path::PathBuf>) {
    let dir = Sandbox::new();
    let profiles = repo_file("profiles/");
    let mut args = vec!["render", &profiles, "--layout", layout, "-o", "out", "-q"];
    args.extend(extra);
    dir.run(&args).ok();
    let pdfs: Vec<_> = example_profiles()
        .iter()
        .map(|p| {
            dir.join("out")
                .join(p.file_name().unwrap())
                .with_extension("pdf")
        })
        .collect();
    (dir, pdfs)
}

/// What the XMP metadata declares: (PDF/A part and conformance, PDF/UA part).
fn declared(pdf: &std::path::Path) -> (Option<String>, Option<String>) {
    let xmp = pdf_xmp(pdf);
    let field = |name: &str| {
        let start = xmp.find(&format!("<{name}>"))? + name.len() + 2;
        let end = start + xmp[start..].find('<')?;
        Some(xmp[start..end].to_string())
    };
    let archival = field("pdfaid:part").map(|part| {
        let conformance = field("pdfaid:conformance").unwrap_or_default();
        format!("{part}{conformance}")
    });
    (archival, field("pdfuaid:part"))
}

#[test]
fn every_layout_exports_every_example_as_pdf_ua_1_and_pdf_a_2a() {
    for layout in builtin_layouts() {
        let (_dir, pdfs) = render_examples(layout, &[]);
        for pdf in pdfs {
            let info = pdf_info(&pdf);
            assert!(info.contains("Tagged:          yes"), "{layout}: {info}");
            assert_eq!(
                declared(&pdf),
                (Some("2A".into()), Some("1".into())),
                "{} in {layout}",
                pdf.display()
            );
        }
    }
}

#[test]
fn pdf_1_7_is_a_plain_tagged_pdf() {
    let (_dir, pdfs) = render_examples("classic", &["--pdf-standard", "1.7"]);
    for pdf in pdfs {
        assert!(pdf_info(&pdf).contains("Tagged:          yes"));
        assert_eq!(declared(&pdf), (None, None), "{}", pdf.display());
    }
}

#[test]
fn renders_under_the_default_standards_are_byte_identical_and_dated_1980() {
    let dir = Sandbox::new();
    let profile = example("priya-raman");
    dir.run(&["render", &profile, "-o", "a.pdf"]).ok();
    dir.run(&["render", &profile, "-o", "b.pdf"]).ok();
    assert!(dir.read("a.pdf") == dir.read("b.pdf"), "two renders differ");
    let info = pdf_info(dir.join("a.pdf"));
    assert!(info.contains("1980"), "{info}");

    let dated = Run::of(
        dir.command()
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .args(["render", &profile, "-o", "c.pdf"]),
    );
    assert!(dated.success(), "{}", dated.stderr);
    assert!(pdf_info(dir.join("c.pdf")).contains("2023"));
}

#[test]
fn a_bad_standard_is_a_usage_error_naming_the_allowed_values() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    let run = dir.run(&["render", "me.toml", "--pdf-standard", "ua-1,pdfa"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    for allowed in [
        "`pdfa` is not a PDF standard",
        "a-2a",
        "ua-1",
        "1.7",
        "none",
    ] {
        assert!(run.stderr.contains(allowed), "{allowed}: {}", run.stderr);
    }
    let run = dir.run(&["watch", "me.toml", "--pdf-standard", "a-2a,a-3a"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("at most one PDF/A"), "{}", run.stderr);
    assert!(!dir.exists("me.pdf"));
}

#[test]
fn pdf_keywords_are_the_skills_not_their_groups() {
    let dir = Sandbox::new();
    dir.run(&["render", &example("priya-raman"), "-o", "p.pdf"])
        .ok();
    let info = pdf_info(dir.join("p.pdf"));
    let keywords = info
        .lines()
        .find_map(|l| l.strip_prefix("Keywords:"))
        .unwrap_or_else(|| panic!("no keywords: {info}"));
    assert!(
        keywords.contains("Kotlin") && keywords.contains("Kafka"),
        "{keywords}"
    );
    assert!(
        !keywords.contains("Languages") && !keywords.contains("Infrastructure"),
        "{keywords}"
    );
}

/// A user layout with an image and no alt text: PDF/UA-1 refuses it.
fn layout_without_alt() -> Sandbox {
    Sandbox::new()
        .profile("me.toml", "[basics]\nname = \"Ada Quill\"\n")
        .file(
            "mine/main.typ",
            "#let data = json(\"/profile.json\")\n#set document(title: data.meta.title)\n#set text(lang: \"en\")\n#data.basics.name\n\n#image(\"dot.svg\", width: 1cm)\n",
        )
        .file(
            "mine/dot.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"#123\"/></svg>",
        )
}

#[test]
fn a_user_layout_that_breaks_a_standard_says_which_where_and_how_out() {
    let dir = layout_without_alt();
    let run = dir.run(&["render", "me.toml", "--layout", "./mine"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for expected in ["PDF/UA-1", "alt text", "main.typ:6", "--pdf-standard 1.7"] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
    assert!(!dir.exists("me.pdf"));

    let plain = dir.run(&[
        "render",
        "me.toml",
        "--layout",
        "./mine",
        "--pdf-standard",
        "1.7",
    ]);
    assert!(plain.success(), "{}", plain.stderr);
    assert!(dir.exists("me.pdf"));
}

/// PDF/A and PDF/UA refuse a character no font draws: vitae then writes a
/// plain PDF and says why, and `--strict` makes that an error.
#[test]
fn a_character_no_font_draws_gives_a_plain_pdf_with_the_warning_that_names_it() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"Ravi\"\nlabel = \"Chemist \u{1F9EA}\"\n",
    );
    let run = dir.run(&["render", "me.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for expected in [
        "U+1F9EA",
        "basics.label",
        "written as a plain PDF, not PDF/UA-1 and PDF/A-2a",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
    assert!(!pdf_xmp(dir.join("me.pdf")).contains("pdfaid:part"));
    let strict = dir.run(&["render", "me.toml", "--strict", "-o", "strict.pdf"]);
    assert_eq!(strict.code, Some(1), "{}", strict.stderr);
    assert!(!dir.exists("strict.pdf"));
}

/// PDF/UA-1 refuses an image without alt text: each layout passes the
/// photo's (`basics.photo_alt`) to `image`.
#[test]
fn every_layout_gives_the_photo_alt_text() {
    let dir = Sandbox::new()
        .file("cv/me.png", crate::reliability::png())
        .profile(
            "cv/me.toml",
            "[basics]\nname = \"Ada Quill\"\nphoto = 'me.png'\n",
        );
    for layout in builtin_layouts() {
        let out = format!("{layout}.pdf");
        let run = dir.run(&[
            "render",
            "cv/me.toml",
            "--layout",
            layout,
            "--theme",
            "photo=true",
            "-o",
            &out,
        ]);
        assert!(run.success(), "{layout}: {}", run.stderr);
        assert_eq!(declared(&dir.join(&out)).1.as_deref(), Some("1"));
    }
}
