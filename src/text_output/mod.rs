//! The CV as text: an HTML page (`--format html`, for a personal site),
//! Markdown (`--format md`, for a README) and plain text (`--format txt`,
//! for pasting into application forms).
//!
//! All three come from the same layout data the PDF layouts receive,
//! through one outline of [`Block`]s, so they print the same facts in the
//! same order; `html.rs`, `markdown.rs` and `plain.rs` only decide how a
//! block looks. Profile text stays data: HTML and Markdown escape every
//! character that could be markup, and plain text has none.

use crate::layout_data::{
    BasicsData, BlockData, BulletData, Dates, DetailData, Entry, LayoutData, LetterData, Rich,
    Section,
};
use crate::markup::Span;

mod html;
mod markdown;
mod plain;

pub use html::{html, reading_text as html_reading_text};
pub use markdown::{markdown, reading_text};
pub use plain::plain;

/// One piece of the outline, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The name: the document's title.
    Title(String),
    /// A section's title.
    Heading(String),
    /// An entry's first line (or a group's heading), with its dates at the
    /// right; `level` 1 for a role within an organisation's entry.
    Row {
        text: Rich,
        dates: Option<Dates>,
        level: usize,
    },
    /// A line of quieter detail under a row: place, link, note.
    Meta(Rich),
    Paragraph(Rich),
    /// How to reach the person: short items read as one line, like
    /// [`Block::Items`].
    Contacts(Vec<Rich>),
    /// Short items read as one line (personal details): a line break may
    /// fall between them, never inside one.
    Items(Vec<Rich>),
    /// A bullet at `depth` (0 for the outermost); `number` in a numbered
    /// list.
    Bullet {
        depth: usize,
        number: Option<usize>,
        text: Rich,
    },
}

/// The outline of a whole CV. An entry's kind-specific fields (`value`,
/// `level`, `stars`) are left out: they repeat its generic text.
pub fn outline(data: &LayoutData) -> Vec<Block> {
    let mut blocks = Vec::new();
    header(&data.basics, &mut blocks);
    if let Some(cover) = &data.cover {
        for part in [&cover.title, &cover.subtitle, &cover.volume, &cover.status]
            .into_iter()
            .flatten()
        {
            blocks.push(Block::Paragraph(part.clone()));
        }
    }
    for section in &data.sections {
        section_blocks(section, &mut blocks);
    }
    if let Some(letter) = &data.letter {
        letter_blocks(letter, &mut blocks);
    }
    blocks
}

/// A cover letter: the address block, date, subject (a heading), then the
/// letter as paragraphs.
fn letter_blocks(letter: &LetterData, blocks: &mut Vec<Block>) {
    blocks.extend(letter.recipient.iter().cloned().map(Block::Meta));
    if let Some(dateline) = &letter.dateline {
        blocks.push(Block::Paragraph(rich(dateline.clone())));
    }
    if let Some(subject) = &letter.subject {
        blocks.push(Block::Heading(crate::markup::text_of(subject)));
    }
    let body = [&letter.salutation]
        .into_iter()
        .flatten()
        .chain(&letter.body)
        .chain(&letter.closing);
    blocks.extend(body.cloned().map(Block::Paragraph));
    if let Some(signature) = &letter.signature {
        blocks.push(Block::Paragraph(rich(signature.clone())));
    }
}

fn plain_span(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        ..Span::default()
    }
}

fn rich(text: impl Into<String>) -> Rich {
    vec![plain_span(text)]
}

fn strong(mut text: Rich) -> Rich {
    for span in &mut text {
        span.strong = true;
    }
    text
}

/// `a · b · c` from several pieces of rich text.
fn joined(parts: impl IntoIterator<Item = Rich>) -> Rich {
    let mut out = Rich::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(plain_span(" · "));
        }
        out.extend(part);
    }
    out
}

fn header(basics: &BasicsData, blocks: &mut Vec<Block>) {
    if let Some(name) = &basics.name {
        blocks.push(Block::Title(name.clone()));
    }
    for line in [&basics.label, &basics.tagline].into_iter().flatten() {
        blocks.push(Block::Paragraph(line.clone()));
    }
    // As vitae.typ's `contact-text`: a network is named before its address.
    let contacts = basics.contacts.iter().map(|c| {
        let mut text = Rich::new();
        if !matches!(c.kind.as_str(), "email" | "phone" | "url" | "location") {
            text.push(plain_span(format!("{}: ", c.label)));
        }
        text.push(Span {
            text: c.text.clone(),
            link: c.link.clone(),
            ..Span::default()
        });
        text
    });
    let contacts: Vec<Rich> = contacts.collect();
    if !contacts.is_empty() {
        blocks.push(Block::Contacts(contacts));
    }
    let personal: Vec<Rich> = basics.personal.iter().map(detail).collect();
    if !personal.is_empty() {
        blocks.push(Block::Items(personal));
    }
}

/// "Label: value".
fn detail(d: &DetailData) -> Rich {
    let mut out = Rich::new();
    if let Some(label) = &d.label {
        out.extend(label.iter().cloned());
        out.push(plain_span(": "));
    }
    out.extend(d.value.iter().cloned());
    out
}

fn section_blocks(section: &Section, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(section.title.clone()));
    paragraphs(&section.text, blocks);
    bullets(&section.items, 0, section.numbered, blocks);
    quote(section.quote.as_ref(), section.cite.as_ref(), blocks);
    if let Some(signature) = &section.signature {
        blocks.push(Block::Paragraph(signature.clone()));
    }
    for block in &section.blocks {
        block_blocks(block, blocks);
    }
    let mut group: Option<&Rich> = None;
    for entry in &section.entries {
        if entry.group.is_some() && entry.group.as_ref() != group {
            group = entry.group.as_ref();
            if let Some(g) = group {
                blocks.push(Block::Row {
                    text: strong(g.clone()),
                    dates: None,
                    level: 0,
                });
            }
        }
        entry_blocks(entry, 0, blocks);
    }
    if let Some(footnote) = &section.footnote {
        blocks.push(Block::Paragraph(footnote.clone()));
    }
}

fn paragraphs(text: &[Rich], blocks: &mut Vec<Block>) {
    blocks.extend(text.iter().cloned().map(Block::Paragraph));
}

fn bullets(items: &[BulletData], depth: usize, numbered: bool, blocks: &mut Vec<Block>) {
    for (i, item) in items.iter().enumerate() {
        let mut text = Rich::new();
        if let Some(label) = &item.label {
            text.extend(strong(label.clone()));
            if item.text.is_some() {
                text.push(plain_span(": "));
            }
        }
        if let Some(body) = &item.text {
            text.extend(body.iter().cloned());
        }
        blocks.push(Block::Bullet {
            depth,
            number: numbered.then_some(i + 1),
            text,
        });
        bullets(&item.items, depth + 1, false, blocks);
    }
}

fn quote(quote: Option<&Rich>, cite: Option<&Rich>, blocks: &mut Vec<Block>) {
    if let Some(q) = quote {
        let mut text = q.clone();
        if let Some(c) = cite {
            text.push(plain_span(" — "));
            text.extend(c.iter().cloned());
        }
        blocks.push(Block::Paragraph(text));
    }
}

fn block_blocks(block: &BlockData, blocks: &mut Vec<Block>) {
    if let Some(title) = &block.title {
        blocks.push(Block::Row {
            text: strong(title.clone()),
            dates: None,
            level: 1,
        });
    }
    paragraphs(&block.text, blocks);
    for d in &block.details {
        blocks.push(Block::Meta(detail(d)));
    }
    bullets(&block.items, 0, block.numbered, blocks);
    quote(block.quote.as_ref(), block.cite.as_ref(), blocks);
    if let Some(signature) = &block.signature {
        blocks.push(Block::Paragraph(signature.clone()));
    }
}

fn entry_blocks(entry: &Entry, level: usize, blocks: &mut Vec<Block>) {
    if entry.bibliography {
        // A formatted reference is one paragraph, its label in front.
        for text in &entry.text {
            let mut line = entry
                .label
                .as_deref()
                .map(|l| rich(format!("{l} ")))
                .unwrap_or_default();
            line.extend(text.iter().cloned());
            blocks.push(Block::Bullet {
                depth: 0,
                number: None,
                text: line,
            });
        }
        return;
    }
    let title = joined(
        [entry.title.clone().map(strong), entry.subtitle.clone()]
            .into_iter()
            .flatten(),
    );
    let meta = joined(
        [
            entry.location.clone().map(rich),
            entry.note.clone(),
            entry.url.as_ref().map(|u| {
                vec![Span {
                    text: u.text.clone(),
                    link: Some(u.link.clone()),
                    ..Span::default()
                }]
            }),
        ]
        .into_iter()
        .flatten(),
    );
    // An organisation with one role: its dates are the role's, printed once.
    let dates = match entry.roles.as_slice() {
        [only] if only.dates == entry.dates => None,
        _ => entry.dates.clone(),
    };
    if !title.is_empty() || dates.is_some() {
        blocks.push(Block::Row {
            text: title,
            dates,
            level,
        });
    }
    if !meta.is_empty() {
        blocks.push(Block::Meta(meta));
    }
    paragraphs(&entry.text, blocks);
    for d in &entry.details {
        blocks.push(Block::Meta(detail(d)));
    }
    bullets(&entry.items, 0, false, blocks);
    if !entry.tags.is_empty() {
        blocks.push(Block::Meta(rich(entry.tags.join(" · "))));
    }
    for block in &entry.blocks {
        block_blocks(block, blocks);
    }
    for role in &entry.roles {
        entry_blocks(role, level + 1, blocks);
    }
}
