//! `--format html`: one self-contained page for a personal site. It is
//! built from the same outline as Markdown and text, with semantic
//! elements (`header`, `address`, `section`, `h1`–`h4`, lists, `time`), a
//! schema.org `Person` for search engines, light and dark colours from the
//! layout's accent, and a print stylesheet. No JavaScript runs on it, and
//! its Content-Security-Policy forbids any: every character of profile
//! text is escaped, and [`reading_text`] reads the page back as a browser
//! would, for the coverage proof.

mod head;

use std::fmt::Write;

use super::{Block, outline};
use crate::layout_data::{Dates, LayoutData, Rich};
use crate::markup::Span;

/// The page; `photo` is the bytes of the photo the layout data names.
pub fn html(data: &LayoutData, photo: Option<&[u8]>) -> String {
    let mut page = String::with_capacity(32 * 1024);
    head::head(data, &mut page);
    page.push_str("<body>\n<main>\n<header>\n");
    if let (Some(path), Some(bytes)) = (&data.basics.photo, photo) {
        head::portrait(path, bytes, data.basics.photo_alt.as_deref(), &mut page);
    }
    Body::default().write(&outline(data), &mut page);
    page.push_str("</main>\n</body>\n</html>\n");
    page
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
                    // The header holds no details of entries, nor a
                    // letter's recipient: they start the page's body.
                    self.leave_header(out);
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
    crate::dates::join_range(ends.iter().map(String::as_str))
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
}
