//! The page's `<head>`: metadata, the stylesheet in the layout's accent
//! and font, and the schema.org `Person`; and the photo, as a `data:` URL.

use std::fmt::Write;

use serde_json::{Value as Json, json};

use super::{attribute, text};
use crate::layout_data::LayoutData;
use crate::markup::text_of;
use crate::proof::contrast;

/// Light and dark pages the text sits on, and their body text.
const LIGHT: (&str, &str, &str) = ("#ffffff", "#1c1e21", "#575c63");
const DARK: (&str, &str, &str) = ("#15171a", "#e6e7e9", "#a9aeb6");
/// The accent when a layout has none.
const DEFAULT_ACCENT: &str = "#1f3a5f";

pub(super) fn head(data: &LayoutData, out: &mut String) {
    let lang = attribute(&data.meta.locale);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"{}\">\n",
        attribute(&data.meta.generator),
    );
    for author in &data.meta.author {
        let _ = writeln!(
            out,
            "<meta name=\"author\" content=\"{}\">",
            attribute(author)
        );
    }
    if let Some(label) = &data.basics.label {
        let _ = writeln!(
            out,
            "<meta name=\"description\" content=\"{}\">",
            attribute(&text_of(label))
        );
    }
    let _ = writeln!(out, "<title>{}</title>", text(&data.meta.title));
    let _ = writeln!(out, "<style>\n{}</style>", style(data));
    let _ = writeln!(
        out,
        "<script type=\"application/ld+json\">\n{}\n</script>",
        json_ld(data)
    );
    out.push_str("</head>\n");
}

/// The photo, inside the page as a `data:` URL (the only kind of image
/// its Content-Security-Policy allows).
pub(super) fn portrait(path: &str, bytes: &[u8], alt: Option<&str>, out: &mut String) {
    use base64::Engine;
    let mime = match crate::assets::extension_of(path).as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "image/jpeg",
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    let _ = writeln!(
        out,
        "<img class=\"photo\" src=\"data:{mime};base64,{encoded}\" alt=\"{}\" width=\"112\" height=\"112\">",
        attribute(alt.unwrap_or_default())
    );
}

/// The page's stylesheet: one design, in the layout's accent and font.
fn style(data: &LayoutData) -> String {
    let accent = data
        .theme
        .get("accent")
        .and_then(Json::as_str)
        .unwrap_or(DEFAULT_ACCENT);
    let accent = contrast::parse(accent);
    // The accent as given where it reads well, else its nearest shade that
    // does: darker on the light page, lighter on the dark one.
    let readable = |paper: &str, need: f64| {
        contrast::hex(contrast::passing_shade(
            accent,
            contrast::parse(paper),
            need,
        ))
    };
    // On the dark page a dim accent fades behind the body text: ask more.
    let (light, dark) = (readable(LIGHT.0, 4.5), readable(DARK.0, 7.0));
    let fonts = font_stack(data.theme.get("font").and_then(Json::as_str));
    format!(
        ":root {{ --paper: {lp}; --ink: {li}; --muted: {lm}; --accent: {light}; --rule: color-mix(in srgb, var(--accent) 35%, var(--paper)); }}
@media (prefers-color-scheme: dark) {{ :root {{ --paper: {dp}; --ink: {di}; --muted: {dm}; --accent: {dark}; }} }}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ background: var(--paper); color: var(--ink); font-family: {fonts}; font-size: 100%; line-height: 1.5; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; }}
main {{ max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; overflow-wrap: break-word; }}
h1, h2, h3, h4 {{ line-height: 1.25; margin: 0; text-wrap: balance; }}
p, li {{ text-wrap: pretty; }}
header {{ display: flow-root; }}
.photo {{ float: right; width: 7rem; height: 7rem; object-fit: cover; border-radius: 50%; margin: 0 0 1rem 1.5rem; }}
h1 {{ color: var(--accent); font-size: 2.25rem; letter-spacing: -0.01em; }}
header > p {{ margin: 0.2rem 0 0; color: var(--muted); }}
header > h1 + p {{ margin-top: 0.35rem; font-size: 1.125rem; color: var(--ink); }}
address {{ font-style: normal; margin-top: 0.75rem; }}
h2 {{ color: var(--accent); font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.08em; margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }}
section > p, .entry > p, main > p, li {{ margin: 0.35rem 0; }}
main > p.meta {{ margin: 0; color: var(--ink); }}
header + p.meta {{ margin-top: 2rem; }}
.entry {{ margin: 1.1rem 0 0; }}
.row {{ display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 1rem; align-items: baseline; font-size: 1.1rem; }}
.row > .when:only-child {{ grid-column: 1; }}
h4.row {{ font-size: 1rem; margin-top: 0.7rem; }}
.when {{ color: var(--muted); font-weight: normal; font-size: 0.9rem; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.meta {{ color: var(--muted); }}
ul, ol {{ margin: 0.35rem 0; padding-left: 1.25rem; }}
ul.inline {{ list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.15rem 1.25rem; font-size: 0.95rem; }}
ul.inline li {{ margin: 0; }}
a {{ color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }}
code {{ font-family: ui-monospace, \"Noto Sans Mono\", Menlo, Consolas, monospace; font-size: 0.92em; }}
@media (max-width: 30rem) {{ main {{ padding-top: 1.5rem; }} h1 {{ font-size: 1.75rem; }} .row {{ display: block; }} .when {{ display: block; white-space: normal; }} .photo {{ width: 4.5rem; height: 4.5rem; margin-left: 1rem; }} }}
@media print {{
  :root {{ --paper: #ffffff; --ink: #000000; --muted: #3a3d42; --accent: {light}; }}
  @page {{ margin: 16mm; }}
  html {{ font-size: 10.5pt; }}
  main {{ max-width: none; padding: 0; }}
  a {{ color: inherit; text-decoration: none; }}
  h2 {{ break-after: avoid; }}
  .row {{ break-after: avoid; }}
  li, .entry > p {{ break-inside: avoid; }}
}}
",
        lp = LIGHT.0,
        li = LIGHT.1,
        lm = LIGHT.2,
        dp = DARK.0,
        di = DARK.1,
        dm = DARK.2,
    )
}

/// The layout's font first, for a reader who has it, then the system's
/// fonts of the same kind. Only a font name's letters, digits, spaces and
/// dashes reach the stylesheet.
fn font_stack(font: Option<&str>) -> String {
    let generic = match font.map(str::to_lowercase) {
        Some(f) if f.contains("mono") => "ui-monospace, Menlo, Consolas, monospace",
        Some(f) if f.contains("serif") && !f.contains("sans") => {
            "\"Source Serif 4\", \"Noto Serif\", Charter, \"Iowan Old Style\", Georgia, Cambria, serif"
        }
        _ => {
            "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Helvetica Neue\", Arial, sans-serif"
        }
    };
    let name: String = font
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-'))
        .collect();
    match name.trim() {
        "" => generic.to_string(),
        name => format!("\"{name}\", {generic}"),
    }
}

/// A schema.org `Person`, for search engines and link previews. `<` and
/// `>` are escaped inside strings so no text can close the script element.
fn json_ld(data: &LayoutData) -> String {
    let basics = &data.basics;
    let mut person = serde_json::Map::new();
    person.insert("@context".into(), json!("https://schema.org"));
    person.insert("@type".into(), json!("Person"));
    if let Some(name) = &basics.name {
        person.insert("name".into(), json!(name));
    }
    if let Some(label) = &basics.label {
        person.insert("jobTitle".into(), json!(text_of(label)));
    }
    if let Some(tagline) = &basics.tagline {
        person.insert("description".into(), json!(text_of(tagline)));
    }
    let mut same_as = Vec::new();
    for contact in &basics.contacts {
        match (contact.kind.as_str(), &contact.link) {
            ("email", _) => {
                person.insert("email".into(), json!(contact.text));
            }
            ("phone", _) => {
                person.insert("telephone".into(), json!(contact.text));
            }
            ("url", Some(link)) => {
                person.insert("url".into(), json!(link));
            }
            ("location", _) => {
                person.insert(
                    "address".into(),
                    json!({"@type": "PostalAddress", "addressLocality": contact.text}),
                );
            }
            (_, Some(link)) => same_as.push(json!(link)),
            _ => {}
        }
    }
    if !same_as.is_empty() {
        person.insert("sameAs".into(), Json::Array(same_as));
    }
    if !data.meta.keywords.is_empty() {
        person.insert("knowsAbout".into(), json!(data.meta.keywords));
    }
    let text = serde_json::to_string_pretty(&Json::Object(person)).unwrap_or_default();
    // `<` and `>` occur only inside JSON strings, where \u escapes mean the
    // same characters.
    text.replace('<', "\\u003c").replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let escaped = "{\"name\": \"</script><script>x\"}"
            .replace('<', "\\u003c")
            .replace('>', "\\u003e");
        assert!(!escaped.contains("</script"));
        let back: Json = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["name"], "</script><script>x");
    }

    #[test]
    fn font_names_cannot_escape_the_stylesheet() {
        assert_eq!(
            font_stack(Some("Evil\"; } body { display:none"))
                .split(',')
                .next(),
            Some("\"Evil  body  displaynone\"")
        );
        assert!(font_stack(Some("Source Serif Pro")).ends_with("serif"));
        assert!(font_stack(Some("Inter")).ends_with("sans-serif"));
    }
}
