//! `vitae schema`: the profile format as a JSON Schema (draft-07), generated
//! from the same Rust types the parser uses, with their doc comments as
//! descriptions. Editors (Taplo, Even Better TOML) read it through a
//! `#:schema …` first line for completion and inline errors.
//!
//! What the Rust types cannot say is added from the same sources of truth
//! the checks use: the built-in layouts and their `layout.toml` options
//! (`[theme]`), the locales, and the shapes of URLs and e-mail addresses.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value as Json, json};

use crate::layout::{Layout, OptionKind, OptionSpec};
use crate::locale::LOCALES;
use crate::profile::model::Profile;
use crate::theme::{MAX_PAGE_BUDGET, UNIVERSAL};

/// A web address as `rules::check_url` accepts it: http(s) with a host that
/// has a dot (or `localhost`), a bare `example.com/you`, or `mailto:`.
const URL_PATTERN: &str = r"^(mailto:[^\s@]+@[^\s@.]+(\.[^\s@.]+)+|(https?://)?([^\s/?#@]+@)?(localhost|[^\s/?#@:.]+(\.[^\s/?#@:.]+)+)(:[0-9]+)?([/?#]\S*)?)$";
/// An e-mail address as `rules::is_email` accepts it.
const EMAIL_PATTERN: &str = r"^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$";
/// A date: a year, a month or a day, or "present" (for end dates).
const DATE_PATTERN: &str =
    r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?|[Pp]resent|[Nn]ow)$";
/// A folder path, as `--layout` and `layout =` tell one from a name.
const FOLDER_PATTERN: &str = r"[/\\]|^\.";

/// The schema for the built-in layouts, pretty-printed with a trailing
/// newline (as committed in `schema/vitae.schema.json`).
pub fn profile_schema_json() -> String {
    schema_json(&[])
}

/// The schema with the options of `user_layouts` (folders) too, for
/// `vitae schema --layout DIR`.
pub fn schema_json(user_layouts: &[Layout]) -> String {
    let mut text =
        serde_json::to_string_pretty(&profile_schema(user_layouts)).expect("a schema serialises");
    text.push('\n');
    text
}

pub fn profile_schema(user_layouts: &[Layout]) -> Json {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Profile>();
    let mut schema = serde_json::to_value(&schema).expect("a schema serialises");
    schema["title"] = "vitae profile (format v1)".into();
    let builtins: Vec<Layout> = Layout::builtin_names()
        .into_iter()
        .filter_map(Layout::builtin)
        .collect();
    constrain_strings(&mut schema);
    let layout = layout_schema(&builtins, &schema["properties"]["layout"]);
    schema["properties"]["layout"] = layout.clone();
    schema["properties"]["locale"] = locale_schema(&schema["properties"]["locale"]);
    let all: Vec<&Layout> = builtins.iter().chain(user_layouts).collect();
    let description = schema["properties"]["theme"]["description"].clone();
    schema["properties"]["theme"] = theme_schema(&all, description);
    schema["allOf"] = theme_per_layout(&builtins, user_layouts);
    if let Some(variant) = schema["definitions"]["Variant"]["properties"].as_object_mut() {
        let description = variant["theme"]["description"].clone();
        variant.insert("theme".into(), theme_schema(&all, description));
        let description = variant["layout"]["description"].clone();
        let mut layout = layout.clone();
        layout["description"] = description;
        variant.insert("layout".into(), layout);
    }
    schema
}

/// `layout`: a built-in name (offered for completion) or a folder.
fn layout_schema(builtins: &[Layout], generated: &Json) -> Json {
    let names: Vec<&str> = builtins.iter().map(|l| l.name()).collect();
    let described: Vec<String> = builtins
        .iter()
        .map(|l| format!("`{}`: {}", l.name(), l.manifest.description))
        .collect();
    json!({
        "description": format!(
            "{} A built-in layout or a folder (`./my-layout`).\n{}",
            generated["description"].as_str().unwrap_or_default(),
            described.join("\n")
        ),
        "anyOf": [
            {"type": "string", "enum": names},
            {"type": "string", "pattern": FOLDER_PATTERN},
            {"type": "null"},
        ],
    })
}

fn locale_schema(generated: &Json) -> Json {
    json!({
        "description": generated["description"],
        "anyOf": [{"type": "string", "enum": LOCALES}, {"type": "null"}],
    })
}

/// `[theme]`: the universal options and every layout's, typed and
/// described, for completion. Which keys are allowed depends on the layout:
/// [`theme_per_layout`] says.
fn theme_schema(layouts: &[&Layout], description: Json) -> Json {
    let mut properties = universal_options();
    for layout in layouts {
        for (key, spec) in &layout.manifest.options {
            let option = option_schema(spec);
            match properties.get_mut(key) {
                None => {
                    let mut option = option;
                    option["description"] =
                        format!("{} (layout `{}`)", spec.description, layout.name()).into();
                    properties.insert(key.clone(), option);
                }
                Some(existing) => merge_option(existing, option, layout.name()),
            }
        }
    }
    json!({
        "description": description,
        "type": "object",
        "properties": properties,
        "default": {},
    })
}

/// One option seen in several layouts: the same schema gets the layout's
/// name added; a different one becomes an alternative.
fn merge_option(existing: &mut Json, option: Json, layout: &str) {
    let description = existing["description"].as_str().unwrap_or_default();
    let described = match description.strip_suffix("`)") {
        Some(start) => format!("{start}`, `{layout}`)"),
        None => description.to_string(),
    };
    let mut without = existing.clone();
    if let Some(map) = without.as_object_mut() {
        map.remove("description");
    }
    let mut option_without = option.clone();
    if let Some(map) = option_without.as_object_mut() {
        map.remove("description");
        map.remove("default");
    }
    if let Some(map) = without.as_object_mut() {
        map.remove("default");
    }
    if without != option_without {
        let alternatives = match existing.get("anyOf") {
            Some(Json::Array(list)) => list.clone(),
            _ => vec![without],
        };
        let mut alternatives = alternatives;
        if !alternatives.contains(&option_without) {
            alternatives.push(option_without);
        }
        *existing = json!({"anyOf": alternatives});
    }
    existing["description"] = described.into();
}

/// The options every layout has (`theme::UNIVERSAL`).
fn universal_options() -> Map<String, Json> {
    let section_ids = json!({"type": "array", "items": {"type": "string"}});
    UNIVERSAL
        .iter()
        .map(|(key, description)| {
            let mut schema = match *key {
                "section_order" | "hide" => section_ids.clone(),
                "date_format" => json!({
                    "type": "string",
                    "enum": crate::dates::DateStyle::NAMES,
                }),
                "pages" => json!({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_BUDGET}),
                "spacing" => json!({"type": "number", "minimum": 0.5, "maximum": 1.5}),
                _ => json!({}),
            };
            schema["description"] = (*description).into();
            ((*key).to_string(), schema)
        })
        .collect()
}

/// The JSON Schema of one `layout.toml` option.
fn option_schema(spec: &OptionSpec) -> Json {
    let mut schema = match spec.kind {
        OptionKind::Choice => json!({"type": "string", "enum": spec.values}),
        OptionKind::Color => json!({
            "type": "string",
            "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$",
        }),
        OptionKind::Length => json!({
            "type": "string",
            "pattern": r"^\s*[0-9.]+\s*(cm|mm|in|pt)\s*$",
        }),
        OptionKind::Number => {
            let mut number = json!({"type": "number"});
            if let Some(min) = spec.min {
                number["minimum"] = min.into();
            }
            if let Some(max) = spec.max {
                number["maximum"] = max.into();
            }
            number
        }
        OptionKind::Bool => json!({"type": "boolean"}),
        OptionKind::Font | OptionKind::String => json!({"type": "string", "minLength": 1}),
    };
    schema["description"] = spec.description.clone().into();
    if let Ok(default) = serde_json::to_value(&spec.default) {
        schema["default"] = default;
    }
    schema
}

/// With `layout = "classic"`, `[theme]` takes classic's options only; with
/// no `layout`, any built-in layout's (it may come from `--layout`); with a
/// folder, the options of the `--layout DIR` folders given to `vitae schema`
/// (or any, when none was given: the folder may declare anything).
fn theme_per_layout(builtins: &[Layout], user_layouts: &[Layout]) -> Json {
    let allowed = |layouts: &[&Layout]| -> Json {
        let mut names: Vec<String> = UNIVERSAL.iter().map(|(k, _)| (*k).to_string()).collect();
        for layout in layouts {
            names.extend(layout.manifest.options.keys().cloned());
        }
        names.sort();
        names.dedup();
        json!({"properties": {"theme": {"propertyNames": {"enum": names}}}})
    };
    let mut rules: Vec<Json> = builtins
        .iter()
        .map(|layout| {
            json!({
                "if": {"properties": {"layout": {"const": layout.name()}}, "required": ["layout"]},
                "then": allowed(&[layout]),
            })
        })
        .collect();
    let mut unset: Vec<&Layout> = builtins.iter().collect();
    unset.extend(user_layouts);
    rules.push(json!({
        "if": {"not": {"required": ["layout"]}},
        "then": allowed(&unset),
    }));
    if !user_layouts.is_empty() {
        let users: Vec<&Layout> = user_layouts.iter().collect();
        rules.push(json!({
            "if": {
                "properties": {"layout": {"type": "string", "pattern": FOLDER_PATTERN}},
                "required": ["layout"],
            },
            "then": allowed(&users),
        }));
    }
    Json::Array(rules)
}

/// Patterns for the strings the types call plain `String`: every `url`,
/// `email`, and the dates.
fn constrain_strings(schema: &mut Json) {
    if let Some(date) = schema["definitions"].get_mut("Date") {
        date["anyOf"] = json!([
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ]);
    }
    walk_properties(schema, &mut |name, property| {
        let pattern = match name {
            "url" => URL_PATTERN,
            "email" => EMAIL_PATTERN,
            _ => return,
        };
        if property["type"] == json!(["string", "null"]) || property["type"] == "string" {
            property["pattern"] = pattern.into();
        }
    });
}

/// Calls `visit` with every property schema of every object in `schema`.
fn walk_properties(schema: &mut Json, visit: &mut dyn FnMut(&str, &mut Json)) {
    match schema {
        Json::Object(map) => {
            if let Some(Json::Object(properties)) = map.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    visit(name, property);
                }
            }
            for value in map.values_mut() {
                walk_properties(value, visit);
            }
        }
        Json::Array(list) => list.iter_mut().for_each(|v| walk_properties(v, visit)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::rules::{PROFILE_KEYS, check_url, is_email};

    #[test]
    fn the_profile_keys_are_the_schemas_top_level_properties() {
        let schema: Json = serde_json::from_str(&profile_schema_json()).unwrap();
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut keys = PROFILE_KEYS.to_vec();
        properties.sort_unstable();
        keys.sort_unstable();
        assert_eq!(properties, keys);
    }

    /// The patterns agree with the checks they stand for.
    #[test]
    fn url_and_email_patterns_agree_with_the_checks() {
        let url = regex::Regex::new(URL_PATTERN).unwrap();
        for text in [
            "https://example.com/you",
            "example.com",
            "http://localhost:8080/x",
            "mailto:a@b.co",
            "https://x.org/a_(b)?q=1#f",
            "javascript:alert(1)",
            "ftp://x.org",
            "https://nodot",
            "has space.com",
            "",
        ] {
            assert_eq!(url.is_match(text), check_url(text).is_ok(), "{text:?}");
        }
        let email = regex::Regex::new(EMAIL_PATTERN).unwrap();
        for text in ["a@b.co", "a-at-b", "a@b", "a@@b.c", "a b@c.de"] {
            assert_eq!(email.is_match(text), is_email(text), "{text:?}");
        }
    }

    #[test]
    fn every_builtin_option_is_in_the_theme_with_its_kind() {
        let schema = profile_schema(&[]);
        let theme = &schema["properties"]["theme"]["properties"];
        for name in Layout::builtin_names() {
            let layout = Layout::builtin(name).unwrap();
            for key in layout.manifest.options.keys() {
                assert!(theme.get(key).is_some(), "{name}: {key}");
            }
        }
        assert_eq!(theme["paper"]["enum"], json!(["a4", "us-letter"]));
        assert_eq!(theme["pages"]["maximum"], MAX_PAGE_BUDGET);
        assert!(
            theme["accent"]["description"]
                .as_str()
                .unwrap()
                .contains("`classic`")
        );
    }
}
