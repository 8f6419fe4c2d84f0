//! What a RenderCV file says besides `cv`. `design` is styling: its theme
//! and page size choose a vitae layout and paper, and the rest is left to
//! vitae's layouts. `locale` names a language, and anything else is
//! RenderCV's own settings. What is not imported is listed in the order of
//! the keys.

use std::collections::BTreeMap;

use toml::Value as Toml;

use super::Converter;
use super::document::{Design, Document, Locale, Page};
use super::themes;
use crate::import::written::Field;

impl Converter {
    pub(super) fn settings(&mut self, document: &Document) {
        let mut notes: BTreeMap<&str, Vec<String>> = document
            .settings
            .keys()
            .map(|key| (key.as_str(), vec![format!("{key} (RenderCV settings)")]))
            .collect();
        notes.insert("design", self.design(&document.design));
        if document.locale.get().is_some() {
            notes.insert("locale", self.locale(&document.locale));
        }
        self.report.skipped.extend(notes.into_values().flatten());
    }

    /// Sets the layout and paper; returns what is not imported.
    fn design(&mut self, design: &Design) -> Vec<String> {
        let mut notes: BTreeMap<&str, String> = design
            .styling
            .keys()
            .map(|key| (key.as_str(), format!("design.{key} (styling)")))
            .collect();
        if let Some(theme) = design.theme.as_str() {
            let (layout, why) = themes::nearest(theme);
            self.root
                .insert("layout".into(), Toml::String(layout.into()));
            if let Some(why) = why {
                self.report.notes.push(format!(
                    "design.theme = \"{theme}\" became layout = \"{layout}\", the nearest: {why}"
                ));
            }
        } else if design.theme.get().is_some() {
            notes.insert("theme", "design.theme (styling)".into());
        }
        if let Some(page) = design.page.parse::<Page>() {
            if let Some(paper) = page.size.as_str().and_then(paper) {
                self.theme()
                    .insert("paper".into(), Toml::String(paper.into()));
            }
            if !page.styling.is_empty() {
                let keys: Vec<&str> = page.styling.keys().map(String::as_str).collect();
                let note = format!("design.page.{} (styling)", keys.join(", design.page."));
                notes.insert("page", note);
            }
        } else if design.page.get().is_some() {
            notes.insert("page", "design.page (styling)".into());
        }
        notes.into_values().collect()
    }

    /// RenderCV's `locale` names a language (`german`) and may change its
    /// words; vitae has its own words per language, so it takes the
    /// language when it has words for it, and lists the rest.
    fn locale(&mut self, locale: &Field) -> Vec<String> {
        let Some(parsed) = locale.parse::<Locale>() else {
            return vec!["locale (not a table with a language)".into()];
        };
        let mut notes = Vec::new();
        match parsed.language.as_str() {
            Some(language) => match vitae_locale(language) {
                Some(code) => {
                    self.root.insert("locale".into(), Toml::String(code.into()));
                }
                None => notes.push(format!(
                    "locale.language = \"{language}\" (vitae has no words for it yet: en, de, fr, es, pt, hi; English is used)"
                )),
            },
            None if parsed.language.get().is_some() => {
                notes.push("locale.language (not a language name)".into())
            }
            None => {}
        }
        for (key, value) in &parsed.words {
            match (key.as_str(), value.as_str()) {
                // The owner's word for an ongoing range is vitae's too.
                ("present", Some(word)) => {
                    let mut words = toml::Table::new();
                    words.insert("present".into(), Toml::String(word.into()));
                    self.root.insert("words".into(), Toml::Table(words));
                }
                _ => notes.push(format!(
                    "locale.{key} (vitae has its own words per language)"
                )),
            }
        }
        notes
    }
}

/// RenderCV's language names, and the codes of its older versions, as
/// vitae's locales.
fn vitae_locale(language: &str) -> Option<&'static str> {
    let code = match language.to_lowercase().as_str() {
        "english" => "en",
        "german" => "de",
        "french" => "fr",
        "spanish" => "es",
        "portuguese" => "pt",
        "hindi" => "hi",
        other => {
            let language = other.split(['-', '_']).next()?;
            return ["en", "de", "fr", "es", "pt", "hi"]
                .into_iter()
                .find(|code| *code == language);
        }
    };
    Some(code)
}

fn paper(size: &str) -> Option<&'static str> {
    match size {
        "us-letter" | "letterpaper" => Some("us-letter"),
        "a4" | "a4paper" => Some("a4"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_become_vitae_locales() {
        assert_eq!(vitae_locale("german"), Some("de"));
        assert_eq!(vitae_locale("pt-BR"), Some("pt"));
        assert_eq!(vitae_locale("turkish"), None);
    }
}
