//! A RenderCV (2.x) file as typed structs, read from the JSON that
//! [`super::yaml::to_json`] makes of the YAML.
//!
//! Fields are [`Field`]s, whatever RenderCV's schema says they hold, and
//! the converter decides what to make of each; fields RenderCV has and vitae
//! reads nothing from are kept in `extra`.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::import::values::{plain, plain_fields};
use crate::import::written::{Entries, Extra, Field, or_default};

#[derive(Deserialize)]
pub struct Document {
    /// The résumé: a file without it is not a RenderCV file.
    pub cv: Cv,
    #[serde(default, deserialize_with = "or_default")]
    pub design: Design,
    #[serde(default)]
    pub locale: Field,
    /// RenderCV's own settings (`rendercv_settings`) and anything else.
    #[serde(flatten)]
    pub settings: Extra,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Cv {
    pub name: Field,
    pub headline: Field,
    pub label: Field,
    pub location: Field,
    pub website: Field,
    pub email: Field,
    pub phone: Field,
    pub social_networks: Entries<SocialNetwork>,
    /// In the author's order, which is the order of the résumé.
    #[serde(deserialize_with = "or_default")]
    pub sections: Vec<Section>,
    /// `photo`, and anything else vitae has no key for.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A profile on a social network; RenderCV builds the link from the two.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct SocialNetwork {
    pub network: Field,
    pub username: Field,
}

/// A section, read from a `[key, entries]` pair. The key is its title.
#[derive(Deserialize)]
pub struct Section {
    pub key: String,
    #[serde(deserialize_with = "one_or_many")]
    pub entries: Vec<Entry>,
}

/// One entry of a section. RenderCV has no type tag: it tells the kind of
/// an entry by which fields it has, and so does the import (`Kind`).
pub enum Entry {
    /// Fields by name, in order of their names: where two fields map onto
    /// one vitae key, the first in this order wins.
    Fields(Map<String, Value>),
    /// Text, or anything else that is not a set of fields.
    Other(Value),
}

impl From<Value> for Entry {
    fn from(value: Value) -> Self {
        match value {
            Value::Object(fields) => Entry::Fields(fields),
            other => Entry::Other(other),
        }
    }
}

impl Entry {
    /// The entry as one line of text.
    pub fn plain(&self) -> String {
        match self {
            Entry::Fields(fields) => plain_fields(fields),
            Entry::Other(value) => plain(value),
        }
    }

    /// The field `key` as one line of text, or the whole entry when it has
    /// no such field.
    pub fn text(&self, key: &str) -> String {
        match self {
            Entry::Fields(fields) if fields.contains_key(key) => plain(&fields[key]),
            _ => self.plain(),
        }
    }
}

/// A section's entries: a list, or one entry written without one.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Entry>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(items) => items.into_iter().map(Entry::from).collect(),
        one => vec![Entry::from(one)],
    })
}

/// Styling: the theme and the page size choose a vitae layout and paper.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Design {
    pub theme: Field,
    /// A [`Page`], when it is a table.
    pub page: Field,
    /// Colours, fonts, margins…: styling vitae's layouts decide.
    #[serde(flatten)]
    pub styling: Extra,
}

#[derive(Deserialize)]
pub struct Page {
    #[serde(default)]
    pub size: Field,
    #[serde(flatten)]
    pub styling: Extra,
}

/// RenderCV's words for one language; vitae has its own, so only the
/// language is read, and the words are listed.
#[derive(Deserialize)]
pub struct Locale {
    #[serde(default)]
    pub language: Field,
    #[serde(flatten)]
    pub words: Extra,
}
