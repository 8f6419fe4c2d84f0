//! The custom section "Other details": fields vitae has no key for, kept as
//! "key: value" items so that an import drops nothing, and listed so the
//! user can find them.

use toml::{Table, Value as Toml};

use super::values::plain;
use super::written::Extra;

/// The title of "Other details", which `vitae export` looks for.
pub const TITLE: &str = "Other details";

/// The keys that name an entry, in the order they are looked for.
const NAMES: &[&str] = &[
    "name",
    "title",
    "institution",
    "organization",
    "language",
    "position",
];

#[derive(Default)]
pub(super) struct OtherDetails {
    entries: Vec<Toml>,
    /// Where each kept field was, in order.
    moved: Vec<String>,
}

impl OtherDetails {
    /// Keeps `fields` as one entry titled `title`; `path` says where each
    /// one was in the source document.
    pub fn keep(&mut self, title: &str, fields: &Extra, path: impl Fn(&str) -> String) {
        if fields.is_empty() {
            return;
        }
        self.entries.push(entry(title, fields));
        self.moved.extend(fields.keys().map(|key| path(key)));
    }

    /// Keeps the fields an imported entry of `section` had no key for,
    /// titled "section — name" after the entry's name (or its first text)
    /// so the reader, and `vitae export`, can match them up; `at` is the
    /// entry's path in the source document.
    pub fn keep_for_entry(&mut self, entry: &Table, section: &str, at: &str, fields: &Extra) {
        let label = NAMES
            .iter()
            .find_map(|key| entry.get(*key).and_then(Toml::as_str))
            .or_else(|| entry.values().find_map(Toml::as_str))
            .unwrap_or(section);
        self.keep(&format!("{section} — {label}"), fields, |key| {
            format!("{at}.{key}")
        });
    }

    /// Adds the section after the profile's other custom sections, when
    /// anything was kept, and returns what was moved.
    pub fn add_to(self, root: &mut Table) -> Vec<String> {
        if !self.entries.is_empty() {
            let mut section = Table::new();
            section.insert("title".into(), Toml::String(TITLE.into()));
            section.insert("entries".into(), Toml::Array(self.entries));
            let sections = root
                .entry("sections")
                .or_insert_with(|| Toml::Array(Vec::new()));
            if let Toml::Array(list) = sections {
                list.push(Toml::Table(section));
            }
        }
        self.moved
    }
}

/// A custom-section entry listing fields as "key: value" bullets (lists as
/// "a, b").
fn entry(title: &str, fields: &Extra) -> Toml {
    let mut entry = Table::new();
    entry.insert("title".into(), Toml::String(title.into()));
    let items = fields
        .iter()
        .map(|(key, value)| Toml::String(format!("{key}: {}", plain(value))))
        .collect();
    entry.insert("items".into(), Toml::Array(items));
    Toml::Table(entry)
}
