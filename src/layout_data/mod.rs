//! Stage 4: turn a checked profile into `LayoutData`, the one JSON document a
//! layout sees (served as `/profile.json`). Documented field by field in
//! `layouts/README.md`; bump [`DATA_VERSION`] on any incompatible change.
//!
//! Everything is normalised here so layouts stay simple: dates are formatted in
//! the locale, text is pre-parsed into spans and typeset for the locale, and every section (built-in or
//! custom) has the same generic shape, so a layout can print any section even
//! if it has no special design for it.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::locale::Words;
use crate::markup::Span;

mod build;
mod facts;
mod letter;
mod sections;
mod typeset;

pub use build::build;
pub use facts::{Fact, FactRole, Origin, facts};

/// What a job brings besides the profile's text.
#[derive(Debug, Clone, Default)]
pub struct Extras<'a> {
    /// The photo's virtual path (`/@vitae/photo.png`), when there is one.
    pub photo: Option<&'a str>,
    /// The profile's `.bib` references, formatted.
    pub references: std::sync::Arc<[crate::bibliography::Reference]>,
}

/// The version of the data contract.
pub const DATA_VERSION: u32 = 2;

/// Rich text: a list of styled spans.
pub type Rich = Vec<Span>;

/// A date or range as printed ("Oct 2022 – Present"), with the date of
/// each end for formats that mark dates up (HTML's `<time datetime>`).
/// A layout sees the text alone: it serialises as a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Dates {
    pub text: String,
    /// Each printed end, and its ISO date (none for "present").
    pub ends: Vec<(String, Option<String>)>,
}

impl Dates {
    fn new(parts: Vec<(String, Option<crate::dates::PartialDate>)>) -> Option<Self> {
        let ends: Vec<(String, Option<String>)> = parts
            .into_iter()
            .map(|(text, date)| (text, date.map(crate::dates::PartialDate::iso)))
            .collect();
        let text = crate::dates::join_range(ends.iter().map(|(t, _)| t.as_str()));
        (!text.is_empty()).then_some(Self { text, ends })
    }
}

impl Serialize for Dates {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[derive(Debug, Serialize)]
pub struct LayoutData {
    pub data_version: u32,
    pub meta: Meta,
    pub words: Words,
    /// The layout's theme options, defaults filled in.
    pub theme: Map<String, Json>,
    pub basics: BasicsData,
    pub cover: Option<CoverData>,
    /// Sections in display order, hidden ones left out.
    pub sections: Vec<Section>,
    /// A cover letter, when one is rendered instead of the CV (`--letter`):
    /// `sections` is then empty, and the layout prints the letter under its
    /// header, where the sections would go.
    pub letter: Option<LetterData>,
}

/// A cover letter, ready to print, in reading order.
#[derive(Debug, Serialize)]
pub struct LetterData {
    /// The recipient's address block, a line each: name, title, company,
    /// address lines.
    pub recipient: Vec<Rich>,
    /// "Bengaluru, 30 November 2026", or either alone.
    pub dateline: Option<String>,
    pub subject: Option<Rich>,
    pub salutation: Option<Rich>,
    /// The paragraphs of the letter.
    pub body: Vec<Rich>,
    pub closing: Option<Rich>,
    /// The name under the closing: the letter's `signature`, else the name.
    pub signature: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    /// "<name> — CV" (or "<headline> — CV" without a name), for the PDF title.
    pub title: String,
    /// The name, when there is one: zero or one authors.
    pub author: Vec<String>,
    /// Skills and their keywords, for the PDF keywords.
    pub keywords: Vec<String>,
    pub locale: String,
    pub generator: String,
}

#[derive(Debug, Serialize)]
pub struct BasicsData {
    /// The name as plain text; `none` for an anonymous CV.
    pub name: Option<String>,
    pub label: Option<Rich>,
    pub tagline: Option<Rich>,
    /// Contact details in a sensible order, ready to print.
    pub contacts: Vec<Contact>,
    pub location: Option<String>,
    /// Virtual path of the photo (`/@vitae/photo.png`), when there is one.
    pub photo: Option<String>,
    /// The photo's alt text in the document's language ("Photo of Ada
    /// Quill"): pass it as `image(alt: …)`; PDF/UA refuses an image without.
    pub photo_alt: Option<String>,
    /// Personal details of a European CV (date of birth, nationality,
    /// driving licence), labelled in the document's language; empty unless
    /// the layout offers a `personal` option and it is on.
    pub personal: Vec<DetailData>,
}

#[derive(Debug, Serialize)]
pub struct Contact {
    /// email, phone, url, location, or the network name in lower case.
    pub kind: String,
    /// What to print.
    pub text: String,
    /// Where it links, if anywhere.
    pub link: Option<String>,
    /// The network's name as written (for profiles), else the kind.
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct CoverData {
    pub title: Option<Rich>,
    pub subtitle: Option<Rich>,
    pub volume: Option<Rich>,
    pub status: Option<Rich>,
}

/// A section: a title, optional free content, and entries.
#[derive(Debug, Serialize, Default)]
pub struct Section {
    /// `work`, `education`, … or a custom section's id.
    pub id: String,
    /// The built-in kind, or `custom`.
    pub kind: String,
    pub title: String,
    pub text: Vec<Rich>,
    pub items: Vec<BulletData>,
    pub numbered: bool,
    pub quote: Option<Rich>,
    pub cite: Option<Rich>,
    pub signature: Option<Rich>,
    pub footnote: Option<Rich>,
    pub blocks: Vec<BlockData>,
    pub entries: Vec<Entry>,
}

impl Section {
    /// Whether the section has nothing but its title.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
            && self.items.is_empty()
            && self.quote.is_none()
            && self.signature.is_none()
            && self.footnote.is_none()
            && self.blocks.is_empty()
            && self.entries.is_empty()
    }
}

/// An entry. The generic fields carry all of its text; kind-specific fields
/// (`stars`, `level`, `value`, …) repeat some of it for layouts that want them.
#[derive(Debug, Serialize, Default)]
pub struct Entry {
    /// The sub-heading this entry is listed under (`group` in the profile).
    /// Entries of one group are adjacent; a layout prints the heading
    /// before the first of them (`groups` in vitae.typ splits them).
    pub group: Option<Rich>,
    pub title: Option<Rich>,
    pub subtitle: Option<Rich>,
    /// A short side note: a grade, a skill note, stars.
    pub note: Option<Rich>,
    /// The date or date range, formatted: "Oct 2022 – Present".
    pub dates: Option<Dates>,
    pub location: Option<String>,
    pub url: Option<LinkData>,
    pub text: Vec<Rich>,
    /// Labelled details: "Stack: Rust", "Client: Acme".
    pub details: Vec<DetailData>,
    pub items: Vec<BulletData>,
    /// Keywords, tech stack, courses, as lines of text; a skill's level and
    /// note are in parentheses ("Rust (deepest, 3 roles)").
    pub tags: Vec<String>,
    /// A skill category's items with their level and note apart, for
    /// layouts that style them (`keyword` in vitae.typ).
    pub keywords: Vec<KeywordData>,
    pub blocks: Vec<BlockData>,
    /// Roles at one organisation (work, volunteer): entries themselves.
    pub roles: Vec<Entry>,
    // Kind-specific extras.
    pub stars: Option<u32>,
    pub featured: bool,
    pub level: Option<String>,
    pub value: Option<Rich>,
    /// A reference of the profile's `.bib` file, formatted by its citation
    /// style: all of it is in `text`. Print it as a bibliography does.
    pub bibliography: bool,
    /// A numbered style's label of a `.bib` reference ("[3]").
    pub label: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LinkData {
    pub text: String,
    pub link: String,
}

#[derive(Debug, Serialize, Default)]
pub struct BulletData {
    pub label: Option<Rich>,
    pub text: Option<Rich>,
    pub items: Vec<BulletData>,
}

/// A label and its value: "Issued by" → "AWS".
#[derive(Debug, Serialize)]
pub struct DetailData {
    pub label: Option<Rich>,
    pub value: Rich,
}

/// One skill of a category.
#[derive(Debug, Serialize)]
pub struct KeywordData {
    pub name: String,
    pub level: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct BlockData {
    pub title: Option<Rich>,
    pub text: Vec<Rich>,
    pub details: Vec<DetailData>,
    pub items: Vec<BulletData>,
    pub numbered: bool,
    pub quote: Option<Rich>,
    pub cite: Option<Rich>,
    pub signature: Option<Rich>,
}
