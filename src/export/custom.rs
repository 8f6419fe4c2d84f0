//! Custom sections, which JSON Resume has no place for. One of them is
//! special: "Other details", where `vitae import` kept the fields of a JSON
//! Resume document that vitae has no key for. The fields JSON Resume itself
//! defines (a project's `roles`, `entity` and `type`) go back into their
//! entry, so a round trip through vitae keeps them; every other field and
//! custom section is named in the export's notes, one by one.

use serde_json::{Map, Value};

use crate::import::other_details::TITLE;
use crate::profile::model::{Bullet, CustomEntry, CustomSection};

/// JSON Resume's own fields that a vitae profile keeps only in "Other
/// details", per section: `(field, is a list)`.
const RESTORED: &[(&str, &[(&str, bool)])] = &[(
    "projects",
    &[("roles", true), ("entity", false), ("type", false)],
)];

/// Puts the fields of "Other details" back into `document` where JSON
/// Resume has them, and returns what has no place, each named.
pub(super) fn restore(sections: &[CustomSection], document: &mut Value) -> Vec<String> {
    let mut dropped = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        if section.title != TITLE {
            dropped.push(match section.title.as_str() {
                "" => format!("sections[{index}] (an untitled custom section)"),
                title => format!("sections \"{title}\" (a custom section)"),
            });
            continue;
        }
        for entry in &section.entries {
            dropped.extend(restore_entry(entry, document));
        }
        if section.text.is_some() || !section.items.is_empty() || !section.blocks.is_empty() {
            dropped.push(format!("sections \"{TITLE}\" (its text, items or blocks)"));
        }
    }
    dropped
}

/// One entry of "Other details", titled "section — name" by the import.
fn restore_entry(entry: &CustomEntry, document: &mut Value) -> Vec<String> {
    let title = entry.title.as_deref().unwrap_or_default();
    let mut target = title.split_once(" — ").and_then(|(section, name)| {
        let fields = fields_of(section)?;
        Some((entry_named(document, section, name)?, fields))
    });
    let mut dropped = Vec::new();
    for item in &entry.items {
        let line = text(item);
        let restored = match (target.as_mut(), line.split_once(": ")) {
            (Some((object, fields)), Some((key, value))) => put(object, fields, key, value),
            _ => false,
        };
        if !restored {
            let key = line.split_once(": ").map_or(line.as_str(), |(k, _)| k);
            dropped.push(format!("sections \"{TITLE}\": {title}: {key}"));
        }
    }
    dropped
}

/// The JSON Resume fields restored in `section`, if any.
fn fields_of(section: &str) -> Option<&'static [(&'static str, bool)]> {
    RESTORED
        .iter()
        .find(|(s, _)| *s == section)
        .map(|(_, fields)| *fields)
}

/// The exported entry of `section` whose name is `name`.
fn entry_named<'a>(
    document: &'a mut Value,
    section: &str,
    name: &str,
) -> Option<&'a mut Map<String, Value>> {
    document
        .get_mut(section)?
        .as_array_mut()?
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .find(|e| e.get("name").and_then(Value::as_str) == Some(name))
}

/// Sets `key` on `object` when JSON Resume defines it there and the export
/// has not already.
fn put(object: &mut Map<String, Value>, fields: &[(&str, bool)], key: &str, value: &str) -> bool {
    let Some((_, is_list)) = fields.iter().find(|(f, _)| *f == key) else {
        return false;
    };
    if object.contains_key(key) {
        return false;
    }
    let value = if *is_list {
        Value::from(value.split(", ").map(str::to_string).collect::<Vec<_>>())
    } else {
        Value::from(value)
    };
    object.insert(key.to_string(), value);
    true
}

/// A bullet's text as written ("key: value").
fn text(item: &Bullet) -> String {
    match (&item.label, &item.text) {
        (Some(l), Some(t)) => format!("{l}: {t}"),
        (Some(one), None) | (None, Some(one)) => one.clone(),
        (None, None) => String::new(),
    }
}
