//! The YAML tree as JSON, converted once, for the typed document.

use serde_json::{Value, json};
use yaml_rust2::Yaml;

use crate::import::values::prune;

/// The keys down to the one mapping whose order the import keeps: the
/// sections, whose order is the résumé's.
const ORDERED: &[&str] = &["cv", "sections"];

/// Mappings become JSON objects, which sort their keys; `cv.sections`
/// becomes a list of `[key, entries]` pairs in the author's order instead
/// (and, when it is not a mapping, `null`: no sections). Empty fields are
/// absent ([`prune`]), and so is a section without entries.
pub(super) fn to_json(yaml: Yaml) -> Value {
    prune(convert(yaml, Some(ORDERED))).unwrap_or(Value::Null)
}

/// `ordered`: what is left of the path to the ordered mapping, `None` off
/// that path.
fn convert(yaml: Yaml, ordered: Option<&[&str]>) -> Value {
    match (yaml, ordered) {
        (Yaml::Hash(map), Some([])) => map
            .into_iter()
            .filter_map(|(k, v)| Some(json!([key(k), prune(convert(v, None))?])))
            .collect(),
        (_, Some([])) => Value::Null,
        (Yaml::Hash(map), _) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let key = key(k);
                    let below = match ordered {
                        Some([next, rest @ ..]) if *next == key => Some(rest),
                        _ => None,
                    };
                    let value = convert(v, below);
                    (key, value)
                })
                .collect(),
        ),
        (Yaml::String(s), _) => Value::String(s),
        (Yaml::Integer(i), _) => Value::from(i),
        (Yaml::Real(text), _) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(text), Value::Number),
        (Yaml::Boolean(b), _) => Value::Bool(b),
        (Yaml::Array(items), _) => items.into_iter().map(|v| convert(v, None)).collect(),
        _ => Value::Null,
    }
}

/// A mapping key as text; keys that are lists or mappings have none.
fn key(key: Yaml) -> String {
    match key {
        Yaml::String(s) | Yaml::Real(s) => s,
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yaml_rust2::YamlLoader;

    fn json(text: &str) -> Value {
        to_json(YamlLoader::load_from_str(text).unwrap().remove(0))
    }

    #[test]
    fn sections_keep_their_order_and_other_mappings_are_objects() {
        let doc = json("cv:\n  sections:\n    b: [1]\n    a: x\n  name: N\nz: {y: 1, x: 2}\n");
        assert_eq!(doc["cv"]["sections"], json!([["b", [1]], ["a", "x"]]));
        assert_eq!(doc["z"], json!({"x": 2, "y": 1}));
        assert_eq!(
            json("cv:\n  sections: [a]\n")["cv"]["sections"],
            Value::Null
        );
        let doc = json("cv:\n  photo:\n  sections:\n    a: []\n    b: [{x: '', y: 1}]\n");
        assert_eq!(doc, json!({"cv": {"sections": [["b", [{"y": 1}]]]}}));
    }
}
