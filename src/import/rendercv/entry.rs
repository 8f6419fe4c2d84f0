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

/// A value for an entry key: authors become one line, highlights a list
/// of bullets (with their sub-bullets).
fn entry_value(key: &str, value: &Value) -> Option<Toml> {
    match (key, value) {
        ("authors", Value::Array(_)) => Some(Toml::String(plain(value))),
        ("highlights", Value::String(s)) => Some(Toml::Array(vec![bullet(s)])),
        ("highlights", Value::Array(items)) => Some(Toml::Array(
            items.iter().map(|i| bullet(&plain(i))).collect(),
        )),
        _ => to_toml(value),
    }
}

/// A highlight, with its sub-bullets. RenderCV writes them indented under
/// the bullet as "- sub-bullet" lines; YAML folds those lines into one, so
/// they arrive as " - " separators: `Main - Sub 1 - Sub 2`.
fn bullet(text: &str) -> Toml {
    let mut parts = text.split(" - ").map(str::trim).filter(|p| !p.is_empty());
    let main = parts.next().unwrap_or_default().to_string();
    let subs: Vec<Toml> = parts.map(|p| Toml::String(p.into())).collect();
    if subs.is_empty() {
        return Toml::String(main);
    }
    let mut table = Table::new();
    table.insert("text".into(), Toml::String(main));
    table.insert("items".into(), Toml::Array(subs));
    Toml::Table(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_bullets_are_nested() {
        let Toml::Table(b) = bullet("Main point - First - Second") else {
            panic!("a table")
        };
        assert_eq!(b["text"].as_str(), Some("Main point"));
        assert_eq!(b["items"].as_array().unwrap().len(), 2);
        assert_eq!(bullet("No subs"), Toml::String("No subs".into()));
    }
}
