//! Cover letters (`[[letters]]`, `--letter NAME`): one page in every PDF
//! layout, with the CV's header and nothing of its sections, every line of
//! the letter in reading order; a variant's letter written beside its CV;
//! the date in the locale's words; clear errors for a wrong name.

use crate::common::api::builtin_layouts;
use crate::common::*;

/// What the example letter prints, in reading order.
const NORTHWIND: [&str; 11] = [
    "Priya Raman",
    "Anjali Mehta",
    "Director of Engineering",
    "Northwind Ledger Pvt Ltd",
    "4th Floor, Prestige Tech Park",
    "Bengaluru, 30 November 2026",
    "Application: Staff Engineer, Ledger Platform",
    "Dear Ms Mehta,",
    "I am writing to apply for the Staff Engineer role",
    "the runbooks I mention are public on github.com/priya-r.",
    "Kind regards,",
];

/// Asserts that `wanted` appear in `text` in this order (spaces aside).
fn assert_in_order(what: &str, text: &str, wanted: &[&str]) {
    // Case aside too: plain text sets headings in capitals.
    let haystack = squash(text).to_lowercase();
    let mut from = 0;
    for line in wanted {
        let needle = squash(line).to_lowercase();
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{what}: {line:?} missing or out of order in:\n{text}"),
        }
    }
}

#[test]
fn the_example_letter_is_one_page_in_every_pdf_layout() {
    let dir = Sandbox::new();
    let profile = example("priya-raman");
    for layout in builtin_layouts() {
        let out = format!("{layout}.pdf");
        let run = dir.run(&[
            "render",
            &profile,
            "--letter",
            "northwind",
            "--layout",
            layout,
            "-o",
            &out,
        ]);
        assert!(run.success(), "{layout}: {}", run.stderr);
        let pdf = dir.join(&out);
        assert_eq!(pdf_pages(&pdf), 1, "{layout}");
        let text = pdf_text(&pdf);
        assert_in_order(layout, &text, &NORTHWIND);
        // The header stays (how to reach the writer); the CV's sections go.
        assert!(
            squash(&text).contains("priya.raman@example.com"),
            "{layout}"
        );
        for cv_only in ["Lumen Retail", "Carnatic music", "Experience"] {
            assert!(!text.contains(cv_only), "{layout}: {cv_only} in the letter");
        }
        // Titled by its subject.
        assert!(
            pdf_info(&pdf).contains("Priya Raman — Application: Staff Engineer, Ledger Platform"),
            "{layout}"
        );
    }
}

#[test]
fn a_letter_is_byte_identical_on_a_second_run_and_named_after_its_cv() {
    let dir = Sandbox::new().profile("me.toml", &example_text("priya-raman"));
    dir.run(&["render", "me.toml", "--letter", "northwind"])
        .ok();
    let first = std::fs::read(dir.join("me-letter-northwind.pdf")).unwrap();
    dir.run(&["render", "me.toml", "--letter", "northwind"])
        .ok();
    assert_eq!(
        std::fs::read(dir.join("me-letter-northwind.pdf")).unwrap(),
        first
    );
    // Only the letter was written.
    assert!(!dir.join("me.pdf").exists());
}

#[test]
fn a_variant_that_names_a_letter_writes_it_beside_its_cv() {
    let dir = Sandbox::new().profile("me.toml", &example_text("priya-raman"));
    let run = dir.run(&["render", "me.toml", "--variant", "risk"]);
    assert!(run.success(), "{}", run.stderr);
    assert!(dir.join("me-risk.pdf").exists());
    let letter = dir.join("me-risk-letter-northwind.pdf");
    assert!(letter.exists(), "{}", run.stderr);
    // The variant's headline heads its letter too.
    let text = pdf_text(&letter);
    assert!(
        text.contains("Senior Software Engineer, Risk and Payments"),
        "{text}"
    );
    assert_in_order("risk letter", &text, &NORTHWIND[1..]);
    // `--check` knows both files.
    let check = dir.run(&["render", "me.toml", "--variant", "risk", "--check"]);
    assert!(check.success(), "{}", check.stderr);
    std::fs::remove_file(&letter).unwrap();
    assert_eq!(
        dir.run(&["render", "me.toml", "--variant", "risk", "--check"])
            .code,
        Some(1)
    );
}

#[test]
fn a_letter_as_html_markdown_and_text_keeps_every_line() {
    let dir = Sandbox::new().profile("me.toml", &example_text("priya-raman"));
    let run = dir.run(&[
        "render",
        "me.toml",
        "--letter",
        "northwind",
        "--format",
        "html,md,txt",
    ]);
    assert!(run.success(), "{}", run.stderr);
    let text = std::fs::read_to_string(dir.join("me-letter-northwind.txt")).unwrap();
    assert_in_order("txt", &text, &NORTHWIND);
    let markdown = std::fs::read_to_string(dir.join("me-letter-northwind.md")).unwrap();
    assert_in_order("md", &api::markdown_reading_text(&markdown), &NORTHWIND);
    let html = std::fs::read_to_string(dir.join("me-letter-northwind.html")).unwrap();
    assert!(
        html.contains("<title>Priya Raman — Application: Staff Engineer, Ledger Platform</title>")
    );
    // The recipient follows the writer's header; the subject heads the letter.
    let header_end = html.find("</header>").unwrap();
    assert!(html.find("Anjali Mehta").unwrap() > header_end, "{html}");
    assert!(
        html.contains("<h2 id=\"s1\">Application: Staff Engineer, Ledger Platform</h2>"),
        "{html}"
    );
}

#[test]
fn the_date_is_written_in_the_locales_words() {
    for (locale, date) in [
        ("en", "30 November 2026"),
        ("de", "30. November 2026"),
        ("fr", "30 novembre 2026"),
        ("es", "30 de noviembre de 2026"),
        ("pt", "30 de novembro de 2026"),
    ] {
        let profile = format!(
            "locale = \"{locale}\"\n[basics]\nname = \"Ada Quill\"\n\n[[letters]]\nname = \"x\"\n\
             date = \"2026-11-30\"\nbody = \"Hello.\"\n"
        );
        let dir = Sandbox::new().profile("me.toml", &profile);
        let run = dir.run(&["render", "me.toml", "--letter", "x", "--format", "txt"]);
        assert!(run.success(), "{locale}: {}", run.stderr);
        let text = std::fs::read_to_string(dir.join("me-letter-x.txt")).unwrap();
        assert!(text.contains(date), "{locale}: {text}");
    }
}

#[test]
fn a_long_letter_takes_a_second_page_and_loses_nothing() {
    let paragraph = "This paragraph is long enough to fill a good part of a line, and then \
                     some more, so that a dozen of them make a letter run past its page. ";
    let body: Vec<String> = (1..=14)
        .map(|i| format!("Paragraph {i}. {}", paragraph.repeat(3)))
        .collect();
    let profile = format!(
        "[basics]\nname = \"Ada Quill\"\nemail = \"ada@example.com\"\n\n[[letters]]\nname = \"long\"\n\
         subject = \"A long letter\"\nbody = '''\n{}\n'''\nclosing = \"Yours,\"\n",
        body.join("\n\n")
    );
    let dir = Sandbox::new().profile("me.toml", &profile);
    for layout in builtin_layouts() {
        let out = format!("{layout}.pdf");
        // Success means the coverage and clipping proofs passed.
        let run = dir.run(&[
            "render", "me.toml", "--letter", "long", "--layout", layout, "-o", &out,
        ]);
        assert!(run.success(), "{layout}: {}", run.stderr);
        let pages = pdf_pages(dir.join(&out));
        assert!((2..=3).contains(&pages), "{layout}: {pages} pages");
        let text = pdf_text(dir.join(&out));
        assert!(squash(&text).contains(&squash("Paragraph 14.")), "{layout}");
    }
}

#[test]
fn a_wrong_letter_name_is_a_clear_error() {
    let dir = Sandbox::new().profile("me.toml", &example_text("priya-raman"));
    let run = dir.run(&["render", "me.toml", "--letter", "nortwind"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error[V0035]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `northwind`?"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("me-letter-nortwind.pdf").exists());

    // In the file: a misspelt key, a bad name, a variant naming no letter.
    let broken = "[basics]\nname = \"Ada\"\n\n[[letters]]\nname = \"acme corp\"\nsubjet = \"Hi\"\nbody = \"Text.\"\n\n\
                  [[variants]]\nname = \"v\"\nletter = \"globex\"\n";
    let dir = Sandbox::new().profile("me.toml", broken);
    let run = dir.run(&["check", "me.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let report = format!("{}{}", run.stdout_text(), run.stderr);
    assert!(
        report.contains("error[V0012]: unknown key `subjet`"),
        "{report}"
    );
    assert!(report.contains("did you mean `subject`?"), "{report}");
    assert!(
        report.contains("error[V0036]: bad letter name `acme corp`"),
        "{report}"
    );
    assert!(report.contains("me.toml:5:8"), "{report}");
    assert!(
        report.contains("error[V0035]: no letter `globex`"),
        "{report}"
    );
}

#[test]
fn a_layout_without_letters_says_how_to_print_one() {
    // A layout ejected before letters existed: every line is lost, and the
    // error says which line of Typst prints them.
    let dir = Sandbox::new().profile("me.toml", &example_text("priya-raman"));
    dir.run(&["layouts", "eject", "classic", "old"]).ok();
    let main = dir.join("old/main.typ");
    let typst = std::fs::read_to_string(&main).unwrap();
    let without: String = typst
        .lines()
        .filter(|l| !l.contains("data.letter"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&main, without).unwrap();
    let run = dir.run(&[
        "render",
        "me.toml",
        "--letter",
        "northwind",
        "--layout",
        "./old/",
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error[V0060]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("#if data.letter != none { letter(data.letter"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("me-letter-northwind.pdf").exists());
}
