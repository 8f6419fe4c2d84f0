//! Publications from a BibTeX file: read from the profile's folder (the
//! sandbox and size limit of a photo), parsed with located errors, and
//! formatted by hayagriva, the bibliography engine Typst itself uses, in a
//! bundled CSL style. The result is rich text like any other profile text:
//! the layout places it and never evaluates it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use hayagriva::{Library, archive::ArchivedStyle};

use crate::assets;
use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::limits;
use crate::markup::Span;
use crate::profile::CheckedProfile;
use crate::profile::model::BibtexSource;

mod format;
mod owner;

use format::format;

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

/// Each key of a `.bib` file with the kind of its entry.
type Kinds = Vec<(String, Kind)>;

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
        crate::markup::text_of(&self.text)
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
        Diagnostic::error(Code::Bibtex, message)
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
    // Named as the profile names it, from the same folder.
    let shown = match folder == Path::new(".") {
        true => Path::new(relative).to_path_buf(),
        false => folder.join(relative),
    };
    let bib = SourceFile::new(shown.display().to_string(), bib);
    let (library, kinds) = parse(&bib)?;
    if library.len() > limits::ENTRIES {
        return Err(vec![at_profile(
            format!(
                "`{relative}` has {} entries; a .bib file may have at most {}, as many as a profile",
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

/// Where braces first nest deeper than [`limits::NESTING`]: the parser's
/// time grows faster than the text with depth (200,000 levels took over
/// 30 s), and no reference needs more than a few.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'{' if !escaped => {
                depth += 1;
                if depth > limits::NESTING {
                    return Some(at);
                }
            }
            b'}' if !escaped => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = byte == b'\\' && !escaped;
    }
    None
}

/// Parses the `.bib` text: the library, and each key's kind. Every
/// malformed entry is an error at its place in the file.
fn parse(bib: &Arc<SourceFile>) -> Result<(Library, Kinds), Vec<Diagnostic>> {
    let at_bib = |message: String, span: Range<usize>| {
        Diagnostic::error(Code::Bibtex, message)
            .at(bib, span)
            .key("publications.bibtex")
    };
    if let Some(at) = too_deep(&bib.text) {
        return Err(vec![
            at_bib(
                format!("braces nested more than {} levels deep", limits::NESTING),
                at..at + 1,
            )
            .hint("no reference needs that many; the limits are listed in docs/limits.md"),
        ]);
    }
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
    fn braces_nested_too_deep_are_refused_before_parsing() {
        let deep = format!(
            "@misc{{a, title = {}x{}}}",
            "{".repeat(200_000),
            "}".repeat(200_000)
        );
        let errors = parse(&SourceFile::new("deep.bib", deep)).unwrap_err();
        assert!(
            errors[0].message.contains("nested"),
            "{}",
            errors[0].message
        );
        assert!(too_deep(r"@misc{a, title = {\{ {x} \}}}").is_none());
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
