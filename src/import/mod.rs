//! `vitae import FILE`: another résumé format as a vitae profile.
//!
//! Each source format has its own module that maps what it knows onto
//! vitae's keys. They share one rule: nothing is dropped. Content vitae has
//! no key for goes into a custom section "Other details" as "key: value"
//! items and is listed; styling that is not content (RenderCV's `design`) is
//! listed as not imported.

mod json_resume;
mod rendercv;

use std::path::Path;

use serde_json::Value;
use toml::{Table, Value as Toml};

pub use json_resume::json_resume;
pub use rendercv::rendercv;

/// The profile as TOML text, and what did not map one to one.
pub struct Imported {
    pub toml: String,
    /// Fields kept in the custom section "Other details".
    pub moved: Vec<String>,
    /// Fields left out because they style rather than say something.
    pub skipped: Vec<String>,
}

/// The formats `vitae import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    JsonResume,
    RenderCv,
}

impl Source {
    /// Guesses the format from the file name: YAML is RenderCV's, anything
    /// else is read as JSON Resume.
    pub fn of(path: &Path) -> Source {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                Source::RenderCv
            }
            _ => Source::JsonResume,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Source::JsonResume => "a JSON Resume document",
            Source::RenderCv => "a RenderCV YAML file (cv: and design:)",
        }
    }
}

/// Converts `text` from `source`. Fails only when the text is not that
/// format at all.
pub fn convert(source: Source, text: &str) -> Result<Imported, String> {
    match source {
        Source::JsonResume => json_resume(text),
        Source::RenderCv => rendercv(text),
    }
}

/// Adds the "Other details" section and writes the TOML with a header.
fn finish(
    mut root: Table,
    other: Vec<Toml>,
    moved: Vec<String>,
    skipped: Vec<String>,
    from: &str,
) -> Result<Imported, String> {
    if !other.is_empty() {
        let mut section = Table::new();
        section.insert("title".into(), Toml::String("Other details".into()));
        section.insert("entries".into(), Toml::Array(other));
        let sections = root
            .entry("sections")
            .or_insert_with(|| Toml::Array(Vec::new()));
        if let Toml::Array(list) = sections {
            list.push(Toml::Table(section));
        }
    }
    let body = toml::to_string_pretty(&root).map_err(|e| format!("cannot write TOML: {e}"))?;
    let header = format!(
        "# Imported from {from} by `vitae import`. Check it, then: vitae render this-file.toml\n\n"
    );
    Ok(Imported {
        toml: format!("{header}{body}"),
        moved,
        skipped,
    })
}

/// A custom-section entry listing fields as "key: value" bullets.
pub(super) fn other_entry(title: &str, fields: &[(String, Value)]) -> Toml {
    let mut entry = Table::new();
    entry.insert("title".into(), Toml::String(title.into()));
    let items = fields
        .iter()
        .map(|(k, v)| Toml::String(format!("{k}: {}", plain(v))))
        .collect();
    entry.insert("items".into(), Toml::Array(items));
    Toml::Table(entry)
}

/// JSON values vitae keys take: strings, numbers and lists of strings.
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
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}
