//! `--format txt`: plain text wrapped at 80 columns, for the text boxes of
//! application forms. No markup characters: emphasis is dropped, links
//! become their address, headings are underlined, and each entry's dates
//! are aligned at the right margin.

use textwrap::core::display_width;

use super::{Block, outline};
use crate::layout_data::LayoutData;
use crate::markup::Span;

/// The width every line is wrapped to (a word longer than that, such as a
/// long URL, stays whole).
pub const WIDTH: usize = 80;

pub fn plain(data: &LayoutData) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    let blocks = outline(data);
    for block in &blocks {
        let together = matches!(
            (previous, block),
            (Some(Block::Bullet { .. }), Block::Bullet { .. })
                | (Some(Block::Row { .. } | Block::Meta(_)), Block::Meta(_))
                | (Some(Block::Row { .. }), Block::Row { .. })
        );
        if previous.is_some() && !together {
            out.push('\n');
        }
        if matches!(block, Block::Heading(_)) && previous.is_some() {
            out.push('\n');
        }
        match block {
            Block::Title(name) => underlined(name, '=', &mut out),
            Block::Heading(title) => underlined(&title.to_uppercase(), '-', &mut out),
            Block::Row { text, dates, .. } => row(
                &words(text),
                dates.as_ref().map(|d| d.text.as_str()),
                &mut out,
            ),
            Block::Meta(text) | Block::Paragraph(text) => wrapped(&words(text), "", "", &mut out),
            Block::Contacts(items) | Block::Items(items) => whole_items(items, &mut out),
            Block::Bullet {
                depth,
                number,
                text,
            } => {
                let indent = "  ".repeat(*depth);
                let marker = number.map_or("•".to_string(), |n| format!("{n}."));
                let hang = " ".repeat(display_width(&marker) + 1);
                wrapped(
                    &words(text),
                    &format!("{indent}{marker} "),
                    &format!("{indent}{hang}"),
                    &mut out,
                );
            }
        }
        previous = Some(block);
    }
    out
}

/// Rich text as plain words: a web link whose text is not its address gets
/// the address after it, in parentheses, so a reader can still follow it.
fn words(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        out.push_str(&span.text);
        if let Some(link) = span.link.as_ref().filter(|l| l.starts_with("http")) {
            let shown = link
                .trim_start_matches("https://")
                .trim_start_matches("http://");
            if !span.text.contains(shown.trim_end_matches('/')) {
                out.push_str(&format!(" ({link})"));
            }
        }
    }
    out
}

/// `text`, then a rule of `with` as long as its longest line.
fn underlined(text: &str, with: char, out: &mut String) {
    let lines = wrap_lines(text, "", "");
    let longest = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&with.to_string().repeat(longest.clamp(1, WIDTH)));
    out.push('\n');
}

/// An entry's line: its text, and its dates flush right; the dates get a
/// line of their own when both do not fit.
fn row(text: &str, dates: Option<&str>, out: &mut String) {
    let Some(dates) = dates else {
        wrapped(text, "", "", out);
        return;
    };
    let width = display_width(text) + 2 + display_width(dates);
    if !text.is_empty() && width <= WIDTH {
        let gap = WIDTH - display_width(text) - display_width(dates);
        out.push_str(&plain_spaces(&format!("{text}{}{dates}", " ".repeat(gap))));
        out.push('\n');
        return;
    }
    if !text.is_empty() {
        wrapped(text, "", "", out);
    }
    let gap = WIDTH.saturating_sub(display_width(dates));
    out.push_str(&plain_spaces(&format!("{}{dates}", " ".repeat(gap))));
    out.push('\n');
}

/// Items joined by " · ", a line broken only between two of them (an item
/// longer than a line gets one to itself).
fn whole_items(items: &[crate::layout_data::Rich], out: &mut String) {
    let mut line = String::new();
    for item in items {
        let item = words(item);
        if !line.is_empty() && display_width(&line) + 3 + display_width(&item) > WIDTH {
            out.push_str(&plain_spaces(&line));
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        out.push_str(&plain_spaces(&line));
        out.push('\n');
    }
}

/// No-break spaces (which the locale's typesetting puts in "4 teams") as
/// plain ones: they kept their words together while wrapping, and a form
/// that receives the pasted text should see ordinary spaces.
fn plain_spaces(line: &str) -> String {
    line.replace(['\u{A0}', '\u{202F}'], " ")
}

fn wrapped(text: &str, first: &str, rest: &str, out: &mut String) {
    for line in wrap_lines(text, first, rest) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// `text` wrapped at [`WIDTH`], `first` before its first line and `rest`
/// before the others.
fn wrap_lines(text: &str, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        // Never at a hyphen: "priya-raman-example" is one address.
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text.trim(), options)
        .iter()
        .map(|line| plain_spaces(line.trim_end()))
        .collect()
}
