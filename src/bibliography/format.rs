//! Formatting a library with hayagriva, entry by entry, into rich text.

use hayagriva::citationberg::{self, FontStyle, FontWeight, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, Library,
    archive::ArchivedStyle,
};

use super::owner::{emboldened, owner_pattern};
use super::{Kind, Reference};
use crate::markup::Span;

/// Formats every entry: kind by kind, newest first (the file's order
/// among equals), so that a numbered style numbers them in that order.
pub(super) fn format(
    library: &Library,
    kinds: &[(String, Kind)],
    style: ArchivedStyle,
    locale: &str,
    owner: Option<&str>,
) -> Vec<Reference> {
    let citationberg::Style::Independent(style) = style.get() else {
        return Vec::new();
    };
    let kinds: std::collections::HashMap<&str, Kind> = kinds
        .iter()
        .map(|(key, kind)| (key.as_str(), *kind))
        .collect();
    let kind_of = |key: &str| kinds.get(key).copied().unwrap_or(Kind::Other);
    let mut entries: Vec<_> = library.iter().collect();
    // A stable sort: entries of one kind and year keep the file's order.
    entries.sort_by_key(|e| {
        let year = e.date_any().map_or(i32::MIN, |d| d.year);
        (kind_of(e.key()), std::cmp::Reverse(year))
    });
    let locale = csl_locale(locale);
    let locales = csl_locales(&locale);
    let owner = owner.and_then(|o| owner_pattern(o, library));
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let item = format_one(entry, &style, &locales, &locale)?;
            let mut text = Vec::new();
            spans(&item.content.0, &mut text);
            let text = tidied(merged(text));
            Some(Reference {
                key: entry.key().to_string(),
                kind: kind_of(entry.key()),
                label: item.first_field.map(|f| numbered(&f, i + 1)),
                text: match &owner {
                    Some(pattern) => emboldened(text, pattern),
                    None => text,
                },
            })
        })
        .collect()
}

/// One entry, formatted on its own: a CV cites nothing, so the style has
/// nothing to tell apart ("Brandt et al., 2024a"), and each reference
/// keeps every author and its plain year.
fn format_one(
    entry: &hayagriva::Entry,
    style: &citationberg::IndependentStyle,
    locales: &[citationberg::Locale],
    locale: &LocaleCode,
) -> Option<hayagriva::BibliographyItem> {
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_entry(entry)],
        style,
        locales,
    ));
    let request = BibliographyRequest::new(style, Some(locale.clone()), locales);
    driver
        .finish(request)
        .bibliography?
        .items
        .into_iter()
        .next()
}

/// A numbered style's label ("[1]" for an entry formatted alone) with the
/// entry's place in the list instead.
fn numbered(first_field: &ElemChild, number: usize) -> String {
    let mut label = Vec::new();
    spans(std::slice::from_ref(first_field), &mut label);
    let text: String = label.into_iter().map(|s| s.text).collect();
    text.replacen('1', &number.to_string(), 1)
}
/// The CSL locales a render needs, decoded from hayagriva's archive: the
/// document's and US English (every style's fallback). Decoding all 63
/// takes 90 ms; a file is decoded only if its bytes name the locale.
fn csl_locales(code: &LocaleCode) -> Vec<citationberg::Locale> {
    let wanted = [code.0.as_str(), "en-US"];
    let names = |bytes: &[u8], name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    hayagriva::archive::LOCALES
        .iter()
        .filter(|bytes| wanted.iter().any(|w| names(bytes, w)))
        .filter_map(|bytes| ciborium::de::from_reader::<citationberg::Locale, _>(*bytes).ok())
        .filter(|l| {
            l.lang
                .as_ref()
                .is_some_and(|lang| wanted.contains(&lang.0.as_str()))
        })
        .collect()
}

/// The CSL locale of a vitae locale.
fn csl_locale(locale: &str) -> LocaleCode {
    let code = match locale {
        "de" => "de-DE",
        "fr" => "fr-FR",
        "es" => "es-ES",
        "pt" => "pt-PT",
        "hi" => "hi-IN",
        _ => "en-US",
    };
    LocaleCode(code.to_string())
}

/// Rich text of a formatted element: italic and bold kept, links kept,
/// everything else as plain text.
fn spans(children: &[ElemChild], out: &mut Vec<Span>) {
    for child in children {
        match child {
            ElemChild::Text(formatted) => {
                out.push(styled(&formatted.text, &formatted.formatting, None))
            }
            ElemChild::Link { text, url } => {
                out.push(styled(&text.text, &text.formatting, Some(url.clone())))
            }
            ElemChild::Elem(elem) => spans(&elem.children.0, out),
            ElemChild::Markup(text) => out.push(Span {
                text: text.clone(),
                ..Span::default()
            }),
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn styled(text: &str, formatting: &hayagriva::Formatting, link: Option<String>) -> Span {
    Span {
        text: text.to_string(),
        strong: formatting.font_weight == FontWeight::Bold,
        emph: formatting.font_style == FontStyle::Italic,
        code: false,
        link: link.filter(|l| l.starts_with("https://") || l.starts_with("http://")),
    }
}

/// A date part hayagriva leaves empty in some styles (APA writes a
/// `@misc` of 2024 as "(2024,)"): the comma before the parenthesis goes.
fn tidied(mut spans: Vec<Span>) -> Vec<Span> {
    for span in &mut spans {
        if span.text.contains(",)") {
            span.text = span.text.replace(",)", ")");
        }
    }
    spans
}

/// Adjacent spans of one style joined, empty ones dropped.
pub(super) fn merged(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for span in spans.into_iter().filter(|s| !s.text.is_empty()) {
        match out.last_mut() {
            Some(last)
                if last.strong == span.strong
                    && last.emph == span.emph
                    && last.link == span.link =>
            {
                last.text.push_str(&span.text)
            }
            _ => out.push(span),
        }
    }
    out
}
