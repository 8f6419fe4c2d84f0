//! The YAML tree as JSON, converted once, for the typed document.

use std::collections::HashMap;

use serde_json::{Value, json};
use yaml_rust2::Yaml;
use yaml_rust2::parser::{Event, EventReceiver, Parser};

use crate::limits;

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

/// Refuses YAML that would grow past [`limits::YAML_NODES`] nodes once its
/// aliases are followed, before anything expands them: `*a` repeats the
/// whole node anchored `&a`, so 400 bytes of nested aliases ("a billion
/// laughs") can stand for billions of nodes. The parser's events are
/// counted, each alias adding the size of what it names.
pub(super) fn check_size(text: &str) -> Result<(), String> {
    let mut counter = NodeCounter::default();
    Parser::new_from_str(text)
        .load(&mut counter, true)
        .map_err(|e| format!("not valid YAML: {e}"))?;
    if counter.deepest > limits::NESTING {
        return Err(format!(
            "the YAML nests lists and mappings more than {} levels deep",
            limits::NESTING
        ));
    }
    if counter.total > limits::YAML_NODES {
        return Err(format!(
            "the YAML expands to more than {} values once its aliases (*name) are followed",
            limits::YAML_NODES
        ));
    }
    Ok(())
}

/// Sizes of nodes as the parser reports them, aliases expanded by count.
#[derive(Default)]
struct NodeCounter {
    /// The size of each anchored node, by anchor id.
    anchored: HashMap<usize, usize>,
    /// Open sequences and mappings: their anchor and size so far.
    open: Vec<(usize, usize)>,
    /// The most sequences and mappings open at once (the tree is then
    /// converted recursively).
    deepest: usize,
    total: usize,
}

impl NodeCounter {
    fn add(&mut self, size: usize) {
        self.total = self.total.saturating_add(size);
        if let Some((_, open)) = self.open.last_mut() {
            *open = open.saturating_add(size);
        }
    }
}

impl EventReceiver for NodeCounter {
    fn on_event(&mut self, event: Event) {
        match event {
            Event::Scalar(_, _, anchor, _) => {
                self.anchored.insert(anchor, 1);
                self.add(1);
            }
            Event::Alias(anchor) => {
                let size = self.anchored.get(&anchor).copied().unwrap_or(1);
                self.add(size);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.add(1);
                self.open.push((anchor, 1));
                self.deepest = self.deepest.max(self.open.len());
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, size)) = self.open.pop() {
                    self.anchored.insert(anchor, size);
                    // The container's own node was counted when it opened.
                    if let Some((_, parent)) = self.open.last_mut() {
                        *parent = parent.saturating_add(size - 1);
                    }
                }
            }
            _ => {}
        }
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
    fn aliases_are_counted_as_what_they_expand_to() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..8 {
            let prev = (b'a' + level - 1) as char;
            let name = (b'a' + level) as char;
            let refs = vec![format!("*{prev}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let refused = check_size(&bomb).unwrap_err();
        assert!(refused.contains("aliases"), "{refused}");
        assert!(check_size("a: &a [1, 2]\nb: *a\nc: [*a, *a]\n").is_ok());
        let deep = format!("a: {}{}", "[".repeat(150), "]".repeat(150));
        assert!(check_size(&deep).unwrap_err().contains("levels deep"));
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
