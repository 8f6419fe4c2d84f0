//! What vitae says about fonts before and after a compile: a theme font
//! nobody has, and characters no font can draw (Typst would drop them
//! silently).

use super::fonts::FontSet;
use crate::diagnostic::{Code, Diagnostic};
use crate::layout::Layout;
use crate::theme::Theme;

/// The font family a theme asks for, if any.
pub fn requested(theme: &Theme) -> Option<&str> {
    theme.layout_options.get("font").and_then(|f| f.as_str())
}

/// A requested font that vitae neither bundles nor found installed, naming
/// the font used instead.
pub fn unknown_font(fonts: &FontSet, layout: &Layout, theme: &Theme) -> Option<Diagnostic> {
    let font = requested(theme)?;
    if fonts.has_family(font) {
        return None;
    }
    let fallback = layout
        .manifest
        .options
        .get("font")
        .and_then(|o| o.default.as_str())
        .filter(|f| fonts.has_family(f))
        .unwrap_or("Inter");
    let bundled: Vec<&str> = fonts
        .bundled_families()
        .iter()
        .map(String::as_str)
        .collect();
    Some(
        Diagnostic::warning(Code::UnknownFont, format!(
            "font `{font}` is neither bundled nor installed; using {fallback} instead"
        ))
        .key("theme.font")
        .find(format!("\"{font}\""))
        .hint(format!("bundled families: {}", bundled.join(", ")))
        .hint("add a folder of fonts with --font-path DIR; `vitae fonts` lists every family available"),
    )
}

/// Typst's own warning about the same unknown family: vitae's says more.
pub fn repeats_unknown_font(warning: &Diagnostic, theme: &Theme) -> bool {
    let font = requested(theme).unwrap_or_default().to_lowercase();
    warning.message.starts_with("unknown font family")
        && warning.message.to_lowercase().contains(&font)
}

/// Characters of the layout data that no available font has a glyph for.
pub fn missing_glyphs(fonts: &FontSet, data: &serde_json::Value) -> Option<Diagnostic> {
    let mut text = String::new();
    all_text(data, &mut text);
    let missing = fonts.uncovered(&text);
    if missing.is_empty() {
        return None;
    }
    let listed: Vec<String> = missing
        .iter()
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
        .collect();
    Some(
        Diagnostic::warning(Code::MissingGlyph, format!("no bundled or installed font has a glyph for {}", listed.join(", ")))
            .find(missing[0].to_string())
            .hint("these characters would be left out of the PDF; choose another font with --theme font=… or remove them"),
    )
}

/// Every string of the layout data, concatenated, for the glyph check.
fn all_text(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| all_text(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| all_text(v, out)),
        _ => {}
    }
}
