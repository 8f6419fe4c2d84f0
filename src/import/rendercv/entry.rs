//! One RenderCV entry through field maps.

use serde_json::{Map, Value};
use toml::{Table, Value as Toml};

use super::Converter;
use super::targets::{FieldMap, Rule, name_key, rule};
use crate::dates;
use crate::import::values::{plain, require, to_toml};
use crate::import::written::Extra;

impl Converter {
    /// Fields the maps have no place for, and dates vitae cannot read
    /// ("Fall 2023"), go to "Other details". Fields are taken in order of
    /// their names, so where two map onto one key the first one wins.
    pub(super) fn entry(
        &mut self,
        fields: &Map<String, Value>,
        maps: &[&FieldMap],
        section: &str,
        index: usize,
    ) -> Toml {
        let mut table = Table::new();
        let mut extra = Extra::new();
        for (key, value) in fields {
            if !put(&mut table, rule(maps, key), key, value) {
                extra.insert(key.clone(), value.clone());
            }
        }
        require(&mut table, name_key(maps), section);
        let at = format!("sections.{section}[{index}]");
        self.other.keep_for_entry(&table, section, &at, &extra);
        Toml::Table(table)
    }
}

/// Puts the field `key` into `entry` as `rule` says; false when it has no
/// place there (no rule, the key is taken, or a date vitae cannot read).
/// A field whose value is empty has a place but leaves nothing.
fn put(entry: &mut Table, rule: Option<Rule>, key: &str, value: &Value) -> bool {
    match rule {
        Some(Rule::To(to) | Rule::Name(to)) if !entry.contains_key(to) => {
            if let Some(value) = entry_value(key, value) {
                entry.insert(to.into(), value);
            }
        }
        Some(Rule::List(to)) => {
            let items = plain(value)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Toml::String(s.into()))
                .collect();
            entry.insert(to.into(), Toml::Array(items));
        }
        Some(Rule::Doi(to)) if !entry.contains_key(to) => {
            let doi = plain(value);
            entry.insert(to.into(), Toml::String(format!("https://doi.org/{doi}")));
        }
        Some(Rule::Date(to, present)) if !entry.contains_key(to) => {
            let text = plain(value);
            if dates::parse(&text, present).is_err() {
                return false;
            }
            entry.insert(to.into(), Toml::String(text));
        }
        _ => return false,
    }
    true
}

/// A value for an entry key: authors become one line, highlights a list.
fn entry_value(key: &str, value: &Value) -> Option<Toml> {
    match (key, value) {
        ("authors", Value::Array(_)) => Some(Toml::String(plain(value))),
        ("highlights", Value::String(s)) => Some(Toml::Array(vec![Toml::String(s.clone())])),
        _ => to_toml(value),
    }
}
