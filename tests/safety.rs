//! Profile text is data: nothing in it is evaluated, every character prints.

mod common;

use std::fs;

use common::*;

fn render_profile(text: &str) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    fs::write(&profile, text).unwrap();
    let output = run(&["render", profile.to_str().unwrap()]);
    (output, dir)
}

#[test]
fn an_injected_typst_call_prints_literally() {
    let profile = r##"
[basics]
name = "Eve"
[[work]]
name = "Acme"
highlights = ['#read("/etc/passwd")', '#import "/etc/hosts"', '$ x^2 $ and #panic("boom")']
"##;
    let (output, dir) = render_profile(profile);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = pdf_text(&dir.path().join("me.pdf"));
    assert!(text.contains(r#"#read("/etc/passwd")"#), "{text}");
    assert!(text.contains(r#"#import "/etc/hosts""#), "{text}");
    assert!(text.contains(r#"$ x^2 $ and #panic("boom")"#), "{text}");
    assert!(!text.contains("root:x:0"), "the file must not be read");
}

#[test]
fn every_special_character_prints_as_written() {
    let special = r#"# $ @ < > ] [ * _ ` \ ~ { } = + - / % & ^ | ' " → ↓ ↑ ★ · — ↗ ✓ ₹ é ü"#;
    let escaped = special.replace('\\', "\\\\").replace('"', "\\\"");
    // In markup, *, _, ` and \ are special: escape them so they print literally.
    let markup = escaped
        .replace('*', "\\\\*")
        .replace('_', "\\\\_")
        .replace('`', "\\\\`")
        .replace("\\\\\\\\ ", "\\\\\\\\\\\\\\\\ ");
    let profile = format!("[basics]\nname = \"Zoë Ünal\"\nsummary = \"{markup}\"\n");
    let (output, dir) = render_profile(&profile);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = squash(&pdf_text(&dir.path().join("me.pdf")));
    assert!(
        text.contains(&squash(special)),
        "expected {special}\nin {text}"
    );
    assert!(text.contains("ZoëÜnal"));
}

#[test]
fn glyphs_résumés_use_render_without_missing_glyph_warnings() {
    let profile = "[basics]\nname = \"Ravi Kumar\"\nlabel = \"→ ↓ ↑ ★ · — ↗ ✓ ₹ é ü ñ ß ø å ç\"\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.toml");
    fs::write(&path, profile).unwrap();
    let output = run(&["render", path.to_str().unwrap(), "--strict"]);
    assert!(
        output.status.success(),
        "--strict fails on any warning, such as a missing glyph:\n{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
}

#[test]
fn a_character_no_font_covers_is_named_in_a_warning() {
    // U+1F9EA (test tube emoji) is in none of the bundled fonts.
    let profile = "[basics]\nname = \"Ravi\"\nlabel = \"Chemist \u{1F9EA}\"\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.toml");
    fs::write(&path, profile).unwrap();
    let output = run(&["render", path.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "a warning does not fail the render: {}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("U+1F9EA"), "{}", stderr(&output));
    let strict = run(&["render", path.to_str().unwrap(), "--strict"]);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict turns the warning into an error"
    );
}
