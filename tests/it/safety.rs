//! Profile text is data: nothing in it is evaluated, every character prints.

use crate::common::*;

/// Renders `text` as `me.toml` in a new sandbox.
fn render_profile(text: &str, extra: &[&str]) -> (Run, Sandbox) {
    let dir = Sandbox::new().profile("me.toml", text);
    let output = dir.run(&[&["render", "me.toml"][..], extra].concat());
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
    let (output, dir) = render_profile(profile, &[]);
    output.ok();
    // Compared squashed: vitae may set the quotes as typographic ones.
    let text = squash(&pdf_text(dir.join("me.pdf")));
    for call in [
        r#"#read("/etc/passwd")"#,
        r#"#import "/etc/hosts""#,
        r#"$ x^2 $ and #panic("boom")"#,
    ] {
        assert!(text.contains(&squash(call)), "{call} in {text}");
    }
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
    let (output, dir) = render_profile(&profile, &[]);
    output.ok();
    let text = squash(&pdf_text(dir.join("me.pdf")));
    assert!(
        text.contains(&squash(special)),
        "expected {special}\nin {text}"
    );
    assert!(text.contains("ZoëÜnal"));
}

#[test]
fn glyphs_résumés_use_render_without_missing_glyph_warnings() {
    let profile = "[basics]\nname = \"Ravi Kumar\"\nlabel = \"→ ↓ ↑ ★ · — ↗ ✓ ₹ é ü ñ ß ø å ç\"\n";
    let (output, _dir) = render_profile(profile, &["--strict"]);
    assert!(
        output.success(),
        "--strict fails on any warning, such as a missing glyph:\n{}",
        output.stderr
    );
    assert!(!output.stderr.contains("warning"), "{}", output.stderr);
}

#[test]
fn a_character_no_font_covers_is_named_in_a_warning() {
    // U+1F9EA (test tube emoji) is in none of the bundled fonts. PDF/UA and
    // PDF/A refuse an empty box (tests/it/standards.rs); a plain PDF warns.
    let profile = "[basics]\nname = \"Ravi\"\nlabel = \"Chemist \u{1F9EA}\"\n";
    let (output, dir) = render_profile(profile, &["--pdf-standard", "1.7"]);
    assert!(
        output.success(),
        "a warning does not fail the render: {}",
        output.stderr
    );
    assert!(output.stderr.contains("U+1F9EA"), "{}", output.stderr);
    let strict = dir.run(&["render", "me.toml", "--strict"]);
    assert_eq!(
        strict.code,
        Some(1),
        "--strict turns the warning into an error"
    );
}
