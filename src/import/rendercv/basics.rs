//! `cv`'s own fields as the profile's `[basics]`.

use serde_json::Value;
use toml::{Table, Value as Toml};

use super::Converter;
use super::document::{Cv, SocialNetwork};
use crate::import::values::plain;
use crate::import::written::Field;

impl Converter {
    /// Fields vitae has no key for (a photo path is relative to the YAML
    /// file, and vitae needs the file next to the profile) are kept as text
    /// to act on.
    pub(super) fn basics(&mut self, cv: &Cv) {
        let mut basics = Table::new();
        let mut extra = cv.extra.clone();
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
        self.other
            .require_name(&mut basics, "the RenderCV file", "cv.name");
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
        if let Some(url) = network_url(&network, &user) {
            table.insert("url".into(), Toml::String(url));
        }
    }
    Toml::Table(table)
}

fn network_url(network: &str, user: &str) -> Option<String> {
    let url = match network.to_lowercase().as_str() {
        "linkedin" => format!("https://linkedin.com/in/{user}"),
        "github" => format!("https://github.com/{user}"),
        "gitlab" => format!("https://gitlab.com/{user}"),
        "instagram" => format!("https://instagram.com/{user}"),
        "orcid" => format!("https://orcid.org/{user}"),
        "stackoverflow" => format!("https://stackoverflow.com/users/{user}"),
        "researchgate" => format!("https://researchgate.net/profile/{user}"),
        "youtube" => format!("https://youtube.com/@{user}"),
        "telegram" => format!("https://t.me/{user}"),
        "x" | "twitter" => format!("https://x.com/{user}"),
        "bluesky" => format!("https://bsky.app/profile/{user}"),
        "leetcode" => format!("https://leetcode.com/u/{user}"),
        "mastodon" => {
            // @name@server.social → https://server.social/@name
            let (name, server) = user.trim_start_matches('@').split_once('@')?;
            format!("https://{server}/@{name}")
        }
        _ => return None,
    };
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_links() {
        assert_eq!(
            network_url("Mastodon", "@ada@fosstodon.org").as_deref(),
            Some("https://fosstodon.org/@ada")
        );
        assert_eq!(network_url("Unknown", "ada"), None);
    }
}
