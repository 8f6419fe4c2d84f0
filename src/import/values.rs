//! JSON values as the TOML values vitae's keys take.

use serde_json::{Map, Value};
use toml::{Table, Value as Toml};

/// JSON values vitae keys take: strings, numbers and lists of strings.
/// Blank text, empty lists and `null` are no value at all.
pub(super) fn to_toml(value: &Value) -> Option<Toml> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(Toml::String(s.clone())),
        Value::Number(_) | Value::Bool(_) => Some(Toml::String(plain(value))),
        Value::Array(items) => {
            let items: Vec<Toml> = items
                .iter()
                .map(|i| Toml::String(plain(i)))
                .filter(|t| t.as_str() != Some(""))
                .collect();
            (!items.is_empty()).then_some(Toml::Array(items))
        }
        Value::Object(_) => Some(Toml::String(plain(value))),
        _ => None,
    }
}

/// Any JSON value as one line of text.
pub(super) fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(map) => plain_fields(map),
        other => other.to_string(),
    }
}

/// Fields as one line of text: "key: value; key: value".
pub(super) fn plain_fields(map: &Map<String, Value>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k}: {}", plain(v)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Fills a key a vitae entry cannot do without, so the profile loads and
/// the placeholder shows what to write.
pub(super) fn require(entry: &mut Table, key: Option<&str>, section: &str) {
    if let Some(key) = key.filter(|k| !entry.contains_key(*k)) {
        entry.insert(
            key.into(),
            Toml::String(format!("(untitled {section} entry)")),
        );
    }
}

/// The document without its empty fields: `""` (or blanks), `null`, `[]`
/// and `{}` say nothing, so they are absent rather than kept as "key: "
/// lines in "Other details". Lists and tables emptied this way are absent
/// too. `None`: the whole value was empty.
pub(super) fn prune(value: Value) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::Array(items) => {
            let items: Vec<Value> = items.into_iter().filter_map(prune).collect();
            (!items.is_empty()).then_some(Value::Array(items))
        }
        Value::Object(map) => {
            let map: Map<String, Value> = map
                .into_iter()
                .filter_map(|(k, v)| Some((k, prune(v)?)))
                .collect();
            (!map.is_empty()).then_some(Value::Object(map))
        }
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_fields_are_absent() {
        let doc = json!({"a": "", "b": null, "c": [], "d": {}, "e": [" ", {}], "f": {"g": ""},
                         "h": "x", "i": [1, null], "j": 0, "k": false});
        assert_eq!(
            prune(doc),
            Some(json!({"h": "x", "i": [1], "j": 0, "k": false}))
        );
        assert_eq!(prune(json!({"a": [null]})), None);
    }
}
