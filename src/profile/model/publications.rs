//! `publications`: a list of hand-written entries (`[[publications]]`), or
//! a table that also names a BibTeX file (`[publications]` with `bibtex`,
//! `style`, `highlight`, and hand-written `[[publications.entries]]`).

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::Publication;

/// The publications of a profile, written either way.
#[derive(Debug, Default)]
pub struct Publications {
    /// Hand-written entries, in the order written.
    pub entries: Vec<Publication>,
    /// The BibTeX file and how to format it, when the table form names one.
    pub bibtex: Option<BibtexSource>,
}

/// A `.bib` file of the profile's folder, formatted by a CSL style.
#[derive(Debug)]
pub struct BibtexSource {
    pub file: Spanned<String>,
    pub style: Option<Spanned<String>>,
    pub highlight: Option<Spanned<String>>,
}

/// The table form, as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicationsTable {
    /// A BibTeX (or BibLaTeX) file inside the profile's folder, e.g.
    /// "papers.bib": its entries are formatted by Typst's bibliography
    /// engine (hayagriva) and grouped by kind, newest first.
    #[schemars(with = "Option<String>")]
    pub bibtex: Option<Spanned<String>>,
    /// The citation style of the `.bib` entries: "apa" (default), "ieee",
    /// "chicago-author-date", "mla", "harvard", "acm" or "nature".
    #[schemars(with = "Option<String>")]
    pub style: Option<Spanned<String>>,
    /// The owner's name as the `.bib` writes it ("Raman, P." or "Priya
    /// Raman"): set in bold wherever a reference names its author.
    #[schemars(with = "Option<String>")]
    pub highlight: Option<Spanned<String>>,
    /// Hand-written publications, besides those of the `.bib` file.
    #[serde(default)]
    pub entries: Vec<Publication>,
}

/// What the JSON Schema says `publications` is: either form.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum PublicationsSchema {
    List(Vec<Publication>),
    Table(PublicationsTable),
}

impl<'de> Deserialize<'de> for Publications {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PublicationsVisitor)
    }
}

struct PublicationsVisitor;

impl<'de> Visitor<'de> for PublicationsVisitor {
    type Value = Publications;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of publications, or a table with `bibtex`")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Publications, A::Error> {
        Ok(Publications {
            entries: Vec::deserialize(SeqAccessDeserializer::new(seq))?,
            bibtex: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Publications, A::Error> {
        let table = PublicationsTable::deserialize(MapAccessDeserializer::new(map))?;
        if table.bibtex.is_none() && (table.style.is_some() || table.highlight.is_some()) {
            return Err(de::Error::custom(
                "`style` and `highlight` format a BibTeX file, and this table names none: add `bibtex = \"papers.bib\"`",
            ));
        }
        let bibtex = table.bibtex.map(|file| BibtexSource {
            file,
            style: table.style,
            highlight: table.highlight,
        });
        Ok(Publications {
            entries: table.entries,
            bibtex,
        })
    }
}
