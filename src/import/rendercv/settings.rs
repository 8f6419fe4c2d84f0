//! What a RenderCV file says besides `cv`. `design` is styling: its theme
//! and page size choose a vitae layout and paper, and the rest is left to
//! vitae's layouts. `locale` names a language, and anything else is
//! RenderCV's own settings. What is not imported is listed in the order of
//! the keys.

use std::collections::BTreeMap;

use toml::Value as Toml;

use super::Converter;
use super::document::{Design, Document, Locale, Page};
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
        self.skipped.extend(notes.into_values().flatten());
    }

    /// Sets the layout and paper; returns what is not imported.
    fn design(&mut self, design: &Design) -> Vec<String> {
        let mut notes: BTreeMap<&str, String> = design
            .styling
            .keys()
            .map(|key| (key.as_str(), format!("design.{key} (styling)")))
            .collect();
        if let Some(theme) = design.theme.as_str() {
            self.root
                .insert("layout".into(), Toml::String(layout(theme).into()));
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

    /// RenderCV's `locale` holds words; vitae has its own per language, and
    /// takes the language when it has words for it.
    fn locale(&mut self, locale: &Field) -> Vec<String> {
        let language = locale
            .parse::<Locale>()
            .and_then(|l| l.language.as_str().map(str::to_string))
            .filter(|l| crate::locale::words(l).is_some());
        match language {
            Some(language) => {
                self.root.insert("locale".into(), Toml::String(language));
                Vec::new()
            }
            None => vec!["locale (vitae has its own words per language)".into()],
        }
    }
}

/// The vitae layout nearest to a RenderCV theme.
fn layout(theme: &str) -> &'static str {
    match theme {
        "engineeringresumes" | "engineeringclassic" => "compact",
        "moderncv" => "modern",
        _ => "classic",
    }
}

fn paper(size: &str) -> Option<&'static str> {
    match size {
        "us-letter" | "letterpaper" => Some("us-letter"),
        "a4" | "a4paper" => Some("a4"),
        _ => None,
    }
}
