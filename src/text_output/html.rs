//! `--format html`: one self-contained page for a personal site. It is
//! built from the same outline as Markdown and text, with semantic
//! elements (`header`, `address`, `section`, `h1`–`h4`, lists, `time`), a
//! schema.org `Person` for search engines, light and dark colours from the
//! layout's accent, and a print stylesheet. No JavaScript runs on it, and
//! its Content-Security-Policy forbids any: every character of profile
//! text is escaped, and [`reading_text`] reads the page back as a browser
//! would, for the coverage proof.

use std::fmt::Write;

use serde_json::{Value as Json, json};

use super::{Block, outline};
use crate::layout_data::{Dates, LayoutData, Rich};
use crate::markup::Span;
use crate::proof::contrast;

/// Light and dark pages the text sits on, and their body text.
const LIGHT: (&str, &str, &str) = ("#ffffff", "#1c1e21", "#575c63");
const DARK: (&str, &str, &str) = ("#15171a", "#e6e7e9", "#a9aeb6");
/// The accent when a layout has none.
const DEFAULT_ACCENT: &str = "#1f3a5f";

/// The page; `photo` is the bytes of the photo the layout data names.
pub fn html(data: &LayoutData, photo: Option<&[u8]>) -> String {
    let mut page = String::with_capacity(32 * 1024);
    head(data, &mut page);
    page.push_str("<body>\n<main>\n<header>\n");
    if let (Some(path), Some(bytes)) = (&data.basics.photo, photo) {
        portrait(path, bytes, data.basics.photo_alt.as_deref(), &mut page);
    }
    Body::default().write(&outline(data), &mut page);
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

fn head(data: &LayoutData, out: &mut String) {
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
            attribute(&plain(label))
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
fn portrait(path: &str, bytes: &[u8], alt: Option<&str>, out: &mut String) {
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
    let readable =
        |paper: &str| contrast::hex(contrast::passing_shade(accent, contrast::parse(paper), 4.5));
    let (light, dark) = (readable(LIGHT.0), readable(DARK.0));
    let fonts = font_stack(data.theme.get("font").and_then(Json::as_str));
    format!(
        ":root {{ --paper: {lp}; --ink: {li}; --muted: {lm}; --accent: {light}; --rule: color-mix(in srgb, var(--accent) 35%, var(--paper)); }}
@media (prefers-color-scheme: dark) {{ :root {{ --paper: {dp}; --ink: {di}; --muted: {dm}; --accent: {dark}; }} }}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ background: var(--paper); color: var(--ink); font-family: {fonts}; font-size: 100%; line-height: 1.5; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; }}
main {{ max-width: 48rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; overflow-wrap: anywhere; }}
h1, h2, h3, h4 {{ line-height: 1.25; margin: 0; }}
header {{ display: flow-root; }}
.photo {{ float: right; width: 7rem; height: 7rem; object-fit: cover; border-radius: 50%; margin: 0 0 1rem 1.5rem; }}
h1 {{ color: var(--accent); font-size: 2.25rem; letter-spacing: -0.01em; }}
header > p {{ margin: 0.25rem 0 0; font-size: 1.125rem; }}
address {{ font-style: normal; margin-top: 0.75rem; }}
h2 {{ color: var(--accent); font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.08em; margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }}
section > p, .entry > p, li {{ margin: 0.35rem 0; }}
.entry {{ margin: 1.1rem 0 0; }}
.row {{ display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 1rem; font-size: 1.05rem; }}
h4.row {{ font-size: 1rem; margin-top: 0.6rem; }}
.when {{ color: var(--muted); font-weight: normal; font-size: 0.95rem; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.meta {{ color: var(--muted); }}
ul, ol {{ margin: 0.35rem 0; padding-left: 1.25rem; }}
ul.inline {{ list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1.25rem; }}
a {{ color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }}
code {{ font-family: ui-monospace, \"Noto Sans Mono\", Menlo, Consolas, monospace; font-size: 0.92em; }}
@media (max-width: 30rem) {{ main {{ padding-top: 1.5rem; }} h1 {{ font-size: 1.75rem; }} .when {{ white-space: normal; }} .photo {{ width: 4.5rem; height: 4.5rem; margin-left: 1rem; }} }}
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
            "Charter, \"Iowan Old Style\", Georgia, Cambria, \"Times New Roman\", serif"
        }
        _ => {
            "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"
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
        person.insert("jobTitle".into(), json!(plain(label)));
    }
    if let Some(tagline) = &basics.tagline {
        person.insert("description".into(), json!(plain(tagline)));
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

/// The body, written block by block; it remembers which elements are open.
#[derive(Default)]
struct Body {
    /// Still in the `<header>` (before the first section).
    in_header: bool,
    section_open: bool,
    entry_open: bool,
    /// Open lists, outermost first: `ul` or `ol`; each has an open `li`.
    lists: Vec<&'static str>,
    sections: usize,
}

impl Body {
    fn write(mut self, blocks: &[Block], out: &mut String) {
        self.in_header = true;
        for block in blocks {
            if !matches!(block, Block::Bullet { .. }) {
                self.close_lists(0, out);
            }
            match block {
                Block::Title(name) => {
                    let _ = writeln!(out, "<h1>{}</h1>", text(name));
                }
                Block::Heading(title) => {
                    self.close_section(out);
                    self.sections += 1;
                    let id = format!("s{}", self.sections);
                    let _ = writeln!(
                        out,
                        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
                        text(title)
                    );
                    self.section_open = true;
                }
                Block::Row { text, dates, level } => self.row(text, dates.as_ref(), *level, out),
                Block::Meta(rich) => {
                    let _ = writeln!(out, "<p class=\"meta\">{}</p>", inline(rich));
                }
                Block::Paragraph(rich) => {
                    let _ = writeln!(out, "<p>{}</p>", inline(rich));
                }
                Block::Contacts(items) => {
                    out.push_str("<address>");
                    items_list(items, out);
                    out.push_str("</address>\n");
                }
                Block::Items(items) => {
                    items_list(items, out);
                    out.push('\n');
                }
                Block::Bullet {
                    depth,
                    number,
                    text,
                } => self.bullet(*depth, number.is_some(), text, out),
            }
        }
        self.close_section(out);
    }

    /// An entry's first line opens the entry (level 0) or a role in it.
    fn row(&mut self, rich: &Rich, dates: Option<&Dates>, level: usize, out: &mut String) {
        self.leave_header(out);
        if level == 0 {
            self.close_entry(out);
            out.push_str("<div class=\"entry\">\n");
            self.entry_open = true;
        }
        // A heading is bold already.
        let rich: Rich = rich
            .iter()
            .map(|s| Span {
                strong: false,
                ..s.clone()
            })
            .collect();
        let tag = if level == 0 { "h3" } else { "h4" };
        let _ = write!(out, "<{tag} class=\"row\">");
        if !rich.is_empty() {
            let _ = write!(out, "<span class=\"what\">{}</span>", inline(&rich));
        }
        if let Some(dates) = dates {
            // A space between, for readers that drop the layout.
            let _ = write!(out, " <span class=\"when\">{}</span>", times(dates));
        }
        let _ = writeln!(out, "</{tag}>");
    }

    fn bullet(&mut self, depth: usize, numbered: bool, rich: &Rich, out: &mut String) {
        self.close_lists(depth + 1, out);
        if self.lists.len() == depth + 1 {
            out.push_str("</li>\n");
        }
        while self.lists.len() <= depth {
            let list = if numbered && self.lists.len() == depth {
                "ol"
            } else {
                "ul"
            };
            if self.lists.len() < depth {
                // A list deeper than its parent's item: give it one.
                out.push_str("<ul>\n<li>");
                self.lists.push("ul");
                continue;
            }
            let _ = writeln!(out, "<{list}>");
            self.lists.push(list);
        }
        let _ = write!(out, "<li>{}", inline(rich));
    }

    /// Closes lists until `keep` remain open.
    fn close_lists(&mut self, keep: usize, out: &mut String) {
        while self.lists.len() > keep {
            let list = self.lists.pop().unwrap_or("ul");
            let _ = writeln!(out, "</li>\n</{list}>");
        }
    }

    fn leave_header(&mut self, out: &mut String) {
        if self.in_header {
            out.push_str("</header>\n");
            self.in_header = false;
        }
    }

    fn close_entry(&mut self, out: &mut String) {
        if self.entry_open {
            out.push_str("</div>\n");
            self.entry_open = false;
        }
    }

    fn close_section(&mut self, out: &mut String) {
        self.close_lists(0, out);
        self.close_entry(out);
        self.leave_header(out);
        if self.section_open {
            out.push_str("</section>\n");
            self.section_open = false;
        }
    }
}

/// Short items on one line, as a list.
fn items_list(items: &[Rich], out: &mut String) {
    out.push_str("<ul class=\"inline\">");
    for item in items {
        let _ = write!(out, "<li>{}</li>", inline(item));
    }
    out.push_str("</ul>");
}

/// "Oct 2022 – Present" with each dated end as a `<time>`.
fn times(dates: &Dates) -> String {
    let ends: Vec<String> = dates
        .ends
        .iter()
        .map(|(shown, iso)| match iso {
            Some(iso) => format!(
                "<time datetime=\"{}\">{}</time>",
                attribute(iso),
                text(shown)
            ),
            None => text(shown),
        })
        .collect();
    ends.join(" – ")
}

/// Rich text as inline HTML: bold, italic, code and links.
fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans.iter().filter(|s| !s.text.is_empty()) {
        let mut html = text(&span.text);
        if span.code {
            html = format!("<code>{html}</code>");
        }
        if span.emph {
            html = format!("<em>{html}</em>");
        }
        if span.strong {
            html = format!("<strong>{html}</strong>");
        }
        if let Some(href) = span.link.as_deref().filter(|l| is_safe_link(l)) {
            html = format!("<a href=\"{}\">{html}</a>", attribute(href));
        }
        out.push_str(&html);
    }
    out
}

/// Only web, mail and phone links become links; anything else (a
/// `javascript:` address, say) stays text.
fn is_safe_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Rich text without its styles.
fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Text content: `&`, `<` and `>` escaped.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value (always written in double quotes): also `"` and `'`.
fn attribute(raw: &str) -> String {
    text(raw).replace('"', "&quot;").replace('\'', "&#39;")
}

/// What a reader of the page sees, as text: the body without its tags,
/// entities decoded. The coverage proof of `--format html` looks for every
/// fact in it, so a fact that became markup (an escaping bug) is lost.
pub fn reading_text(html: &str) -> String {
    let body = match html.find("<body>") {
        Some(at) => &html[at..],
        None => html,
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let after = &rest[open..];
        let close = after.find('>').map_or(after.len(), |i| i + 1);
        let tag = &after[..close];
        // Block elements end a line, as a browser lays them out.
        if ["</p", "</h", "</li", "<br", "</div", "</address"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push('\n');
        }
        rest = &after[close..];
    }
    out.push_str(&decode(rest));
    out
}

/// Decodes the entities [`text`] and [`attribute`] write.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_and_reads_back_as_written() {
        for raw in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "a & b &amp; c",
            "\"quoted\" 'single'",
            "</main></body>",
        ] {
            let html = format!("<body><p>{}</p>", text(raw));
            assert!(!html[6..].contains("<script") && !html.contains("<img"));
            assert_eq!(reading_text(&html).trim_end(), raw);
        }
    }

    #[test]
    fn only_web_mail_and_phone_links_are_links() {
        let span = |link: &str| Span {
            text: "x".into(),
            link: Some(link.into()),
            ..Span::default()
        };
        assert_eq!(inline(&[span("javascript:alert(1)")]), "x");
        assert_eq!(inline(&[span("data:text/html,hi")]), "x");
        assert_eq!(
            inline(&[span("https://a.example/?q=\"x\"")]),
            "<a href=\"https://a.example/?q=&quot;x&quot;\">x</a>"
        );
    }

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
    fn nested_and_numbered_lists_nest_properly() {
        let bullet = |depth, number, t: &str| Block::Bullet {
            depth,
            number,
            text: vec![Span {
                text: t.into(),
                ..Span::default()
            }],
        };
        let blocks = [
            Block::Heading("S".into()),
            bullet(0, Some(1), "a"),
            bullet(1, None, "a1"),
            bullet(1, None, "a2"),
            bullet(0, Some(2), "b"),
            Block::Paragraph(Vec::new()),
        ];
        let mut out = String::new();
        Body::default().write(&blocks, &mut out);
        let compact: String = out.split('\n').collect();
        assert!(
            compact.contains("<ol><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ol><p></p>"),
            "{compact}"
        );
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
