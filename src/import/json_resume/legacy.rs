//! Field names of JSON Resume before 1.0, still found in documents in the
//! wild: read under their 1.0 names, so that a `company` is an employer's
//! name rather than a line in "Other details".

use serde_json::{Map, Value};

/// `(old, new)` names per place in the document; `""` is the top level.
const RENAMED: &[(&str, &[(&str, &str)])] = &[
    ("", &[("bio", "basics"), ("hobbies", "interests")]),
    ("basics", &[("picture", "image"), ("website", "url")]),
    (
        "work",
        &[
            ("company", "name"),
            ("website", "url"),
            ("companyDescription", "description"),
        ],
    ),
    ("volunteer", &[("website", "url")]),
    ("education", &[("gpa", "score"), ("website", "url")]),
    ("publications", &[("website", "url")]),
    ("projects", &[("website", "url")]),
    ("awards", &[("awardDate", "date")]),
];

/// Renames old fields in place, where the new name is not also written
/// (then the old one is kept as it is, and has no key).
pub(super) fn modernise(document: &mut Value) {
    for (place, renames) in RENAMED {
        let objects: Vec<&mut Map<String, Value>> = match (*place, &mut *document) {
            ("", Value::Object(root)) => vec![root],
            (_, Value::Object(root)) => match root.get_mut(*place) {
                Some(Value::Object(one)) => vec![one],
                Some(Value::Array(list)) => {
                    list.iter_mut().filter_map(Value::as_object_mut).collect()
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        for object in objects {
            rename(object, renames);
        }
    }
    if let Some(basics) = document.get_mut("basics") {
        profiles_by_network(basics);
    }
}

fn rename(object: &mut Map<String, Value>, renames: &[(&str, &str)]) {
    for (old, new) in renames {
        if !object.contains_key(*new)
            && let Some(value) = object.remove(*old)
        {
            object.insert((*new).to_string(), value);
        }
    }
}

/// The first drafts wrote profiles as `{"twitter": "name"}`: a list of
/// `{network, username}` in 1.0.
fn profiles_by_network(basics: &mut Value) {
    let Some(Value::Object(by_network)) = basics.get("profiles") else {
        return;
    };
    let list: Vec<Value> = by_network
        .iter()
        .map(|(network, user)| serde_json::json!({"network": network, "username": user}))
        .collect();
    basics["profiles"] = Value::Array(list);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn old_names_are_read_as_new_ones() {
        let mut doc = json!({
            "basics": {"picture": "me.jpg", "website": "https://a.example", "profiles": {"twitter": "ada"}},
            "work": [{"company": "A", "website": "https://b.example"}, {"company": "B", "name": "C"}],
            "education": [{"gpa": "3.9"}]
        });
        modernise(&mut doc);
        assert_eq!(doc["basics"]["image"], "me.jpg");
        assert_eq!(doc["basics"]["url"], "https://a.example");
        assert_eq!(
            doc["basics"]["profiles"],
            json!([{"network": "twitter", "username": "ada"}])
        );
        assert_eq!(
            doc["work"][0],
            json!({"name": "A", "url": "https://b.example"})
        );
        assert_eq!(doc["work"][1], json!({"company": "B", "name": "C"}));
        assert_eq!(doc["education"][0]["score"], "3.9");
    }
}
