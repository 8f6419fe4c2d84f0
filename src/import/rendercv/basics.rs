//! `cv`'s own fields as the profile's `[basics]`.

use serde_json::Value;
use toml::{Table, Value as Toml};

use super::Converter;
use super::document::{Cv, SocialNetwork};
use crate::import::networks::profile_url;
use crate::import::photo::photo;
use crate::import::values::plain;
use crate::import::written::Field;

impl Converter {
    /// Fields vitae has no key for are kept as text to act on. The photo is
    /// the profile's when the file is next to it, else a listed note.
    pub(super) fn basics(&mut self, cv: &Cv) {
        let mut basics = Table::new();
        let mut extra = cv.extra.clone();
        if let Some(written) = extra.remove("photo") {
            match photo(&plain(&written), &self.folder, "cv.photo") {
                Ok(file) => {
                    basics.insert("photo".into(), Toml::String(file));
                }
                Err(note) => self.report.skipped.push(note),
            }
        }
        // Where both are written, `label` wins over `headline`.
        let texts = [
            ("name", &cv.name),
            ("label", &cv.headline),
            ("label", &cv.label),
            ("location", &cv.location),
            ("url", &cv.website),
        ];
        for (key, field) in texts {
            put_text(&mut basics, key, field);
        }
        // Anything but text in these is not an address vitae could check.
        for (key, field) in [("email", &cv.email), ("phone", &cv.phone)] {
            match field.get() {
                Some(Value::String(_)) => put_text(&mut basics, key, field),
                Some(other) => {
                    extra.insert(key.into(), other.clone());
                }
                None => {}
            }
        }
        let profiles: Vec<Toml> = cv
            .social_networks
            .iter()
            .map(|(_, network)| social_profile(network))
            .collect();
        if !profiles.is_empty() {
            basics.insert("profiles".into(), Toml::Array(profiles));
        }
        self.other.keep("cv", &extra, |key| format!("cv.{key}"));
        self.root.insert("basics".into(), Toml::Table(basics));
    }
}

/// A field as one line of text under `key`, when it has any; RenderCV's
/// phone numbers may be written as `tel:` links.
fn put_text(basics: &mut Table, key: &str, field: &Field) {
    let Some(value) = field.get() else { return };
    let text = plain(value);
    let text = text.strip_prefix("tel:").unwrap_or(&text);
    if !text.trim().is_empty() {
        basics.insert(key.into(), Toml::String(text.into()));
    }
}

/// A social network with the address RenderCV would link to.
fn social_profile(profile: &SocialNetwork) -> Toml {
    let text = |field: &Field| field.get().map(plain).unwrap_or_default();
    let (network, user) = (text(&profile.network), text(&profile.username));
    let mut table = Table::new();
    table.insert(
        "network".into(),
        Toml::String(if network.is_empty() {
            "profile".into()
        } else {
            network.clone()
        }),
    );
    if !user.is_empty() {
        table.insert("username".into(), Toml::String(user.clone()));
        if let Some(url) = profile_url(&network, &user) {
            table.insert("url".into(), Toml::String(url));
        }
    }
    Toml::Table(table)
}
