//! `--format md`: CommonMark that reads well as source and renders well on
//! GitHub. Every character of profile text that CommonMark could take for
//! syntax is escaped, so `**`, `<script>` or `[x](y)` in a profile print as
//! written; [`reading_text`] proves it by reading the result back.

use super::{Block, outline};
use crate::layout_data::LayoutData;
use crate::markup::Span;

pub fn markdown(data: &LayoutData) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    let blocks = outline(data);
    for block in &blocks {
        // Bullets of one list stay together; everything else is its own
        // paragraph.
        let tight = matches!(
            (previous, block),
            (Some(Block::Bullet { .. }), Block::Bullet { .. })
        );
        if previous.is_some() && !tight {
            out.push('\n');
        }
        match block {
            Block::Title(name) => out.push_str(&format!("# {}\n", safe_start(escape(name)))),
            Block::Heading(title) => {
                out.push_str(&format!("## {}\n", safe_start(escape(title))));
            }
            Block::Row { text, dates, level } => {
                // A heading is bold already.
                let text: Vec<Span> = text
                    .iter()
                    .map(|s| Span {
                        strong: false,
                        ..s.clone()
                    })
                    .collect();
                out.push_str(if *level == 0 { "### " } else { "#### " });
                out.push_str(&safe_start(inline(&text)));
                if let Some(dates) = dates {
                    if !text.is_empty() {
                        out.push_str(" · ");
                    }
                    out.push_str(&escape(&dates.text));
                }
                out.push('\n');
            }
            Block::Contacts(items) | Block::Items(items) => {
                let line = super::joined(items.iter().cloned());
                out.push_str(&format!("{}\n", safe_start(inline(&line))));
            }
            Block::Meta(text) | Block::Paragraph(text) => {
                out.push_str(&format!("{}\n", safe_start(inline(text))));
            }
            Block::Bullet {
                depth,
                number,
                text,
            } => {
                // An item's content starts past its marker: "1. " is wider.
                out.push_str(&"   ".repeat(*depth));
                let marker = number.map_or("-".to_string(), |n| format!("{n}."));
                out.push_str(&format!("{marker} {}\n", safe_start(inline(text))));
            }
        }
        previous = Some(block);
    }
    out
}

/// Rich text as inline Markdown: bold, italic, code and links.
fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        if span.text.is_empty() {
            continue;
        }
        // Emphasis markers must touch the text: keep outer spaces outside.
        let body = span.text.trim();
        let lead = &span.text[..span.text.len() - span.text.trim_start().len()];
        let trail = &span.text[span.text.trim_end().len()..];
        out.push_str(lead);
        if body.is_empty() {
            continue;
        }
        let mut text = if span.code { code(body) } else { escape(body) };
        if span.emph {
            text = format!("_{text}_");
        }
        if span.strong {
            text = format!("**{text}**");
        }
        if let Some(link) = &span.link {
            text = format!("[{text}](<{}>)", link.replace(['<', '>'], ""));
        }
        out.push_str(&text);
        out.push_str(trail);
    }
    out
}

/// Text with the characters that are syntax anywhere in a line escaped by
/// a backslash (CommonMark allows one before any ASCII punctuation):
/// emphasis, code, links, raw HTML, entities, and GitHub's strikethrough,
/// tables and math. What is syntax only at a line's start is handled by
/// [`safe_start`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line's content that cannot start a block it did not mean to: a
/// heading (`#`), a list item (`-`, `+`, `1.`), a quote, a setext
/// underline (`=`).
fn safe_start(line: String) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut chars = line.chars();
    match chars.next() {
        Some(c @ ('#' | '-' | '+' | '=' | '>')) => format!("\\{c}{}", chars.as_str()),
        Some(_) if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) => {
            format!("{}\\{}", &line[..digits], &line[digits..])
        }
        _ => line,
    }
}

/// An inline code span long enough to hold any backticks in the text.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

/// What a reader of the rendered Markdown sees, as text: the coverage proof
/// of `--format md` looks for every fact in it.
pub fn reading_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            // Raw HTML is markup, not text: a fact that became HTML (an
            // escaping bug) is lost here, and the proof says so.
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_as_written() {
        for text in [
            "**not bold** _nor this_ `nor code`",
            "<script>alert(1)</script> <img onerror=x>",
            "[a link](https://evil.example) ![img](x)",
            "# not a heading",
            "1. not a list",
            "- nor this",
            "> nor a quote",
            "2024) nor this",
            "+ nor = this",
            "a \\ backslash & &amp; entity | pipe ~~strike~~",
        ] {
            let md = format!("{}\n", safe_start(escape(text)));
            assert_eq!(reading_text(&md).trim_end(), text, "{md}");
        }
    }

    #[test]
    fn styles_and_links_render_as_markdown() {
        let spans = vec![
            Span {
                text: "Led ".into(),
                ..Span::default()
            },
            Span {
                text: "the move ".into(),
                strong: true,
                ..Span::default()
            },
            Span {
                text: "to Rust".into(),
                link: Some("https://example.com/a_(b)".into()),
                ..Span::default()
            },
        ];
        let md = inline(&spans);
        assert_eq!(
            md,
            "Led **the move** [to Rust](<https://example.com/a_(b)>)"
        );
        assert_eq!(reading_text(&md).trim_end(), "Led the move to Rust");
    }
}
