//! Publications from a BibTeX file: read from the profile's folder (the
//! sandbox and size limit of a photo), parsed with located errors, and
//! formatted by hayagriva, the bibliography engine Typst itself uses, in a
//! bundled CSL style. The result is rich text like any other profile text:
//! the layout places it and never evaluates it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use hayagriva::citationberg::{self, FontStyle, FontWeight, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, Library,
    archive::ArchivedStyle,
};
use regex::Regex;

use crate::assets;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::limits;
use crate::markup::Span;
use crate::profile::CheckedProfile;
use crate::profile::model::BibtexSource;

/// The styles a profile may name, and the CSL style each is.
pub const STYLES: [(&str, &str); 7] = [
    ("apa", "american-psychological-association"),
    ("ieee", "institute-of-electrical-and-electronics-engineers"),
    ("chicago-author-date", "chicago-author-date"),
    ("mla", "modern-language-association"),
    ("harvard", "harvard-cite-them-right"),
    ("acm", "association-for-computing-machinery"),
    ("nature", "nature"),
];

/// The style when the profile names none.
pub const DEFAULT_STYLE: &str = "apa";

/// What kind of publication a reference is: references are listed kind by
/// kind, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Articles,
    Conference,
    Books,
    Theses,
    Other,
}

impl Kind {
    fn of(entry_type: &biblatex::EntryType) -> Kind {
        use biblatex::EntryType as T;
        match entry_type {
            T::Article => Kind::Articles,
            T::InProceedings | T::Proceedings | T::MvProceedings => Kind::Conference,
            T::Book
            | T::MvBook
            | T::InBook
            | T::BookInBook
            | T::SuppBook
            | T::Booklet
            | T::Collection
            | T::MvCollection
            | T::InCollection
            | T::SuppCollection => Kind::Books,
            T::Thesis | T::PhdThesis | T::MastersThesis => Kind::Theses,
            _ => Kind::Other,
        }
    }

    /// Its position among the locale's words (`Words::publication_kinds`).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One formatted reference.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Its key in the `.bib` file.
    pub key: String,
    pub kind: Kind,
    /// The style's label ("[3]") for numbered styles.
    pub label: Option<String>,
    /// The reference as the style writes it, the owner's name in bold.
    pub text: Vec<Span>,
}

impl Reference {
    /// The reference's text without styles.
    pub fn plain(&self) -> String {
        self.text.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The `.bib` file a profile names, formatted for `locale`; none when it
/// names none. Errors are located in the profile (a refused file, an
/// unknown style) or in the `.bib` file (a malformed entry).
pub fn load(
    checked: &CheckedProfile,
    folder: &Path,
    locale: &str,
) -> Result<Vec<Reference>, Vec<Diagnostic>> {
    let Some(source) = &checked.profile.publications.bibtex else {
        return Ok(Vec::new());
    };
    let at_profile = |message: String, span: Range<usize>, key: &str| {
        Diagnostic::error(message)
            .at(&checked.source, span)
            .key(key)
    };
    let style = style_of(source).map_err(|(name, span)| {
        vec![
            at_profile(
                format!("unknown citation style `{name}`"),
                span,
                "publications.style",
            )
            .suggest(&name, STYLES.iter().map(|(n, _)| *n))
            .hint(format!("the bundled styles: {}", style_names())),
        ]
    })?;
    let relative = source.file.get_ref();
    let bib = read(folder, relative).map_err(|problem| {
        vec![at_profile(
            format!("BibTeX file refused: {problem}"),
            source.file.span(),
            "publications.bibtex",
        )]
    })?;
    let bib = SourceFile::new(folder.join(relative).display().to_string(), bib);
    let (library, kinds) = parse(&bib)?;
    if library.len() > limits::ENTRIES {
        return Err(vec![at_profile(
            format!(
                "`{relative}` has {} entries; a profile may have at most {} entries in all",
                library.len(),
                limits::ENTRIES
            ),
            source.file.span(),
            "publications.bibtex",
        )]);
    }
    let owner = source.highlight.as_ref().map(|h| h.get_ref().as_str());
    Ok(format(&library, &kinds, style, locale, owner))
}

/// The names of the bundled styles, for messages and docs.
pub fn style_names() -> String {
    STYLES.map(|(name, _)| format!("`{name}`")).join(", ")
}

fn style_of(source: &BibtexSource) -> Result<ArchivedStyle, (String, Range<usize>)> {
    let (name, span) = match &source.style {
        Some(style) => (style.get_ref().trim().to_ascii_lowercase(), style.span()),
        None => (DEFAULT_STYLE.to_string(), 0..0),
    };
    STYLES
        .iter()
        .find(|(ours, _)| *ours == name)
        .and_then(|(_, csl)| ArchivedStyle::by_name(csl))
        .ok_or((name, span))
}

/// Reads the `.bib` file under the sandbox and limit of a photo.
fn read(folder: &Path, relative: &str) -> Result<String, String> {
    if !matches!(assets::extension_of(relative).as_str(), "bib" | "bibtex") {
        return Err(format!("`{relative}` is not a `.bib` file"));
    }
    let bytes = assets::read_inside(folder, relative, limits::PHOTO_BYTES, "a BibTeX file")?;
    String::from_utf8(bytes).map_err(|_| format!("`{relative}` is not UTF-8 text"))
}

/// Parses the `.bib` text: the library, and each key's kind. Every
/// malformed entry is an error at its place in the file.
fn parse(bib: &Arc<SourceFile>) -> Result<(Library, Vec<(String, Kind)>), Vec<Diagnostic>> {
    let at_bib = |message: String, span: Range<usize>| {
        Diagnostic::error(message)
            .at(bib, span)
            .key("publications.bibtex")
    };
    let parsed = biblatex::Bibliography::parse(&bib.text)
        .map_err(|e| vec![at_bib(format!("malformed BibTeX: {}", e.kind), e.span)])?;
    let kinds = parsed
        .iter()
        .map(|entry| (entry.key.clone(), Kind::of(&entry.entry_type)))
        .collect();
    let library = hayagriva::io::from_biblatex(&parsed).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| at_bib(format!("malformed BibTeX field: {}", e.kind), e.span))
            .collect::<Vec<_>>()
    })?;
    Ok((library, kinds))
}

/// Formats every entry: kind by kind, newest first (the file's order
/// among equals), so that a numbered style numbers them in that order.
fn format(
    library: &Library,
    kinds: &[(String, Kind)],
    style: ArchivedStyle,
    locale: &str,
    owner: Option<&str>,
) -> Vec<Reference> {
    let citationberg::Style::Independent(style) = style.get() else {
        return Vec::new();
    };
    let kind_of = |key: &str| {
        kinds
            .iter()
            .find(|(k, _)| k == key)
            .map_or(Kind::Other, |(_, kind)| *kind)
    };
    let mut entries: Vec<_> = library.iter().collect();
    // A stable sort: entries of one kind and year keep the file's order.
    entries.sort_by_key(|e| {
        let year = e.date_any().map_or(i32::MIN, |d| d.year);
        (kind_of(e.key()), std::cmp::Reverse(year))
    });
    let locales = hayagriva::archive::locales();
    let owner = owner.and_then(|o| owner_pattern(o, library));
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let item = format_one(entry, &style, &locales, locale)?;
            let mut text = Vec::new();
            spans(&item.content.0, &mut text);
            let text = merged(text);
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
    locale: &str,
) -> Option<hayagriva::BibliographyItem> {
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_entry(entry)],
        style,
        locales,
    ));
    let request = BibliographyRequest::new(style, Some(csl_locale(locale)), locales);
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

/// Adjacent spans of one style joined, empty ones dropped.
fn merged(spans: Vec<Span>) -> Vec<Span> {
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

/// A pattern matching the owner's name however a style prints it:
/// "Raman, P.", "P. Raman", "Raman P", "Priya Raman", from the name the
/// profile gives and the given names the `.bib` file has for that family.
fn owner_pattern(owner: &str, library: &Library) -> Option<Regex> {
    let (family, given) = match owner.split_once(',') {
        Some((family, given)) => (family.trim(), given.trim()),
        None => match owner.trim().rsplit_once(' ') {
            Some((given, family)) => (family.trim(), given.trim()),
            None => (owner.trim(), ""),
        },
    };
    if family.is_empty() {
        return None;
    }
    let initial = given.chars().next();
    let mut givens: Vec<String> = vec![given.to_string()];
    for entry in library.iter() {
        for person in entry.authors().into_iter().flatten() {
            let theirs = person.given_name.as_deref().unwrap_or("");
            if person.name.eq_ignore_ascii_case(family)
                && (initial.is_none() || theirs.chars().next() == initial)
            {
                givens.push(theirs.to_string());
            }
        }
    }
    let mut forms = vec![owner.trim().to_string()];
    for given in givens.iter().filter(|g| !g.is_empty()) {
        for g in given_forms(given) {
            forms.push(format!("{family}, {g}"));
            forms.push(format!("{g} {family}"));
            forms.push(format!("{family} {g}"));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let any_space = r"[\s\u{00A0}\u{202F}]+";
    let alternatives: Vec<String> = forms
        .iter()
        .map(|f| {
            f.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(any_space)
        })
        .collect();
    // Not inside a longer word on either side: "Raman" is not "Ramanujan".
    Regex::new(&format!(
        r"(?:^|\b)(?:{})(?:\b|$|\B)",
        alternatives.join("|")
    ))
    .ok()
}

/// The ways a style writes given names: "Priya Anand", "P. A.", "P.A.",
/// "P A", "PA", "P.".
fn given_forms(given: &str) -> Vec<String> {
    let initials: Vec<char> = given
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .filter_map(|w| w.chars().next())
        .collect();
    let mut forms = vec![given.to_string()];
    if let Some(first) = initials.first() {
        let dotted: Vec<String> = initials.iter().map(|c| format!("{c}.")).collect();
        forms.push(dotted.join(" "));
        forms.push(dotted.join(""));
        forms.push(
            initials
                .iter()
                .map(char::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        );
        forms.push(initials.iter().collect());
        forms.push(format!("{first}."));
        forms.push(first.to_string());
    }
    forms
}

/// `spans` with every match of `pattern` (over their joined text) in bold.
fn emboldened(spans: Vec<Span>, pattern: &Regex) -> Vec<Span> {
    let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
    let bold: Vec<Range<usize>> = pattern.find_iter(&joined).map(|m| m.range()).collect();
    if bold.is_empty() {
        return spans;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for span in spans {
        let end = start + span.text.len();
        // Cut the span where a bold range begins or ends inside it.
        let mut cuts = vec![start, end];
        for r in &bold {
            cuts.extend(
                [r.start, r.end]
                    .into_iter()
                    .filter(|&c| c > start && c < end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let inside = bold.iter().any(|r| r.start <= a && b <= r.end);
            out.push(Span {
                text: span.text[a - start..b - start].to_string(),
                strong: span.strong || inside,
                ..span.clone()
            });
        }
        start = end;
    }
    merged(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIB: &str = r#"
@article{old, author = {Raman, Priya and Chen, Wei}, title = {Old Results}, journal = {Journal of Things}, year = {2015}}
@inproceedings{conf, author = {Okafor, Daniel and Raman, Priya}, title = {A Conference Paper}, booktitle = {Proceedings of Stuff}, year = {2021}}
@article{new, author = {Raman, P. and Ramanujan, S.}, title = {New Results}, journal = {Journal of Things}, year = {2023}}
@phdthesis{thesis, author = {Raman, Priya}, title = {My Thesis}, school = {TU Berlin}, year = {2018}}
"#;

    fn formatted(style: &str, owner: Option<&str>) -> Vec<Reference> {
        let bib = SourceFile::new("papers.bib", BIB);
        let (library, kinds) = parse(&bib).unwrap();
        let style = STYLES.iter().find(|(n, _)| *n == style).unwrap().1;
        format(
            &library,
            &kinds,
            ArchivedStyle::by_name(style).unwrap(),
            "en",
            owner,
        )
    }

    fn bold(r: &Reference) -> Vec<String> {
        r.text
            .iter()
            .filter(|s| s.strong)
            .map(|s| s.text.clone())
            .collect()
    }

    #[test]
    fn references_are_listed_kind_by_kind_newest_first() {
        let keys: Vec<String> = formatted("apa", None).into_iter().map(|r| r.key).collect();
        assert_eq!(keys, ["new", "old", "conf", "thesis"]);
    }

    #[test]
    fn numbered_styles_number_in_the_listed_order() {
        let labels: Vec<_> = formatted("ieee", None)
            .into_iter()
            .map(|r| r.label)
            .collect();
        assert_eq!(
            labels,
            [
                Some("[1]".into()),
                Some("[2]".into()),
                Some("[3]".into()),
                Some("[4]".into())
            ]
        );
    }

    #[test]
    fn the_owner_is_bold_in_every_style_and_no_one_else_is() {
        for (style, _) in STYLES {
            for reference in formatted(style, Some("Raman, P.")) {
                let bold = bold(&reference);
                assert_eq!(
                    bold.len(),
                    1,
                    "{style}: {:?} in {}",
                    bold,
                    reference.plain()
                );
                assert!(
                    bold[0].contains("Raman") && !bold[0].contains("Ramanujan"),
                    "{style}: {bold:?}"
                );
            }
        }
    }

    #[test]
    fn a_malformed_entry_is_located_in_the_bib_file() {
        let bib = SourceFile::new(
            "papers.bib",
            "@article{a, title = {Fine}}\n@article{b, title = {Broken}\n",
        );
        let errors = parse(&bib).unwrap_err();
        let location = errors[0].location.as_ref().expect("located");
        assert_eq!(location.file.name, "papers.bib");
    }
}
