//! Profile text is typeset for its locale (src/layout_data/typeset.rs):
//! what a reader gets from the PDF has curly quotes, en dashes and no-break
//! spaces, while code, addresses and every fact stay as written.

use crate::common::api::builtin_layouts;
use crate::common::*;

/// A profile in `locale` with a quote, a range, a number and its unit, a
/// code span and a URL.
fn profile(locale: &str) -> String {
    format!(
        r#"locale = "{locale}"
[basics]
name = "Ada Quill"
label = "Platform engineer"
summary = '''Led the "Atlas" migration over 2019-2021 and cut p99 to 15 ms. Config: `retry = "off"` at https://ada.dev/don't'''

[[projects]]
name = "Atlas"
start = "2019"
end = "2021"
highlights = ["Moved 10-20 services - one 'small' step at a time"]
"#
    )
}

/// The PDF text without whitespace, for what line breaks may split, and
/// nothing else folded.
fn unbroken(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `pdftotext` prints no-break spaces as plain ones: `text` as it reads.
fn as_read(text: &str) -> String {
    text.replace(['\u{A0}', '\u{202F}'], " ")
}

const QUOTES: [(&str, &str, &str); 3] = [
    ("en", "“Atlas”", "‘small’"),
    ("de", "„Atlas“", "‚small‘"),
    ("fr", "«\u{202F}Atlas\u{202F}»", "‹\u{202F}small\u{202F}›"),
];

#[test]
fn text_is_typeset_per_locale_in_every_layout_and_facts_still_hold() {
    for layout in builtin_layouts() {
        for (locale, double, single) in QUOTES {
            let toml = profile(locale);
            let dir = Sandbox::new().profile("me.toml", &toml);
            let output = dir.run(&["render", "me.toml", "--layout", layout, "--strict"]);
            assert!(output.success(), "{locale} in {layout}: {}", output.stderr);
            let text = pdf_text(dir.join("me.pdf"));
            let name = format!("{locale} in {layout}");
            for expected in [double, single, "2019–2021", "15\u{A0}ms", "10–20"] {
                assert!(
                    text.contains(&as_read(expected)),
                    "{name}: {expected:?} is not in the text:\n{text}"
                );
            }
            let whole = unbroken(&text);
            assert!(whole.contains("services–one"), "{name}: no dash:\n{text}");
            for exact in [r#"retry="off""#, "https://ada.dev/don't"] {
                assert!(whole.contains(exact), "{name}: {exact} changed:\n{text}");
            }
            assert_facts_in_text(&name, &toml, &text);
        }
    }
}

/// The layout data carries the no-break spaces `pdftotext` does not show.
#[test]
fn layout_data_carries_the_typeset_text() {
    for (locale, double, single) in QUOTES {
        let dir = Sandbox::new().profile("me.toml", &profile(locale));
        let output = dir.run(&["render", "me.toml", "--format", "json", "-o", "me.json"]);
        assert!(output.success(), "{}", output.stderr);
        let json = std::fs::read_to_string(dir.join("me.json")).unwrap();
        for expected in [double, single, "15\u{A0}ms", "10–20\u{A0}services – one"] {
            assert!(
                json.contains(expected),
                "{locale}: {expected:?} not in {json}"
            );
        }
        assert!(json.contains(r#""retry = \"off\"""#), "{json}");
        assert!(json.contains("https://ada.dev/don't"), "{json}");
    }
    let dir = Sandbox::new().profile("me.toml", &profile("fr"));
    dir.run(&["render", "me.toml", "--format", "json", "-o", "me.json"]);
    let json = std::fs::read_to_string(dir.join("me.json")).unwrap();
    assert!(json.contains("Config\u{A0}:"), "{json}");
}
