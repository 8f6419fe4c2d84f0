//! `cv.sections`: each section becomes one of vitae's own, the summary, or
//! a custom section with the same title.

use toml::{Table, Value as Toml};

use super::Converter;
use super::document::Entry;
use super::targets::{CUSTOM_ENTRY, Kind, TARGETS, Target};
use crate::locale;
use crate::profile::rules::{BUILTIN_SECTIONS, id_from_title};

impl Converter {
    /// A section goes where its kind of entries and its title say; the
    /// first text section titled like a summary is the profile's summary.
    pub(super) fn section(&mut self, key: &str, entries: &[Entry]) {
        let title = display_title(key);
        let kind = entries.first().map_or(Kind::Unknown, Entry::kind);
        let uniform = entries.iter().all(|e| e.kind() == kind);
        if uniform && kind == Kind::Text && is_summary(&title) && !self.has_summary() {
            self.summary(&title, entries);
            return;
        }
        let target = TARGETS.iter().find(|target| {
            uniform && target.takes(kind, &title) && !self.root.contains_key(target.section)
        });
        match target {
            Some(target) => self.builtin_section(target, &title, entries),
            None => self.custom_section(&title, entries, kind, uniform),
        }
    }

    /// Paragraphs under a summary title are the profile's summary.
    fn summary(&mut self, title: &str, entries: &[Entry]) {
        if let Some(Toml::Table(basics)) = self.root.get_mut("basics") {
            basics.insert("summary".into(), Toml::String(paragraphs(entries)));
        }
        self.set_title("summary", title);
        self.order.push("summary".into());
    }

    fn builtin_section(&mut self, target: &Target, title: &str, entries: &[Entry]) {
        let converted = entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| match entry {
                Entry::Fields(fields) => Some(self.entry(fields, target.fields, title, i)),
                Entry::Other(_) => None,
            })
            .collect();
        self.root
            .insert(target.section.into(), Toml::Array(converted));
        self.set_title(target.section, title);
        self.order.push(target.section.into());
    }

    /// A section vitae has no kind for keeps its title and its content.
    fn custom_section(&mut self, title: &str, entries: &[Entry], kind: Kind, uniform: bool) {
        let mut section = Table::new();
        section.insert("title".into(), Toml::String(title.into()));
        let id = self.custom_id(title);
        if id != id_from_title(title) {
            section.insert("id".into(), Toml::String(id.clone()));
        }
        self.order.push(id);
        let text_of = |key: &str| -> Toml {
            Toml::Array(entries.iter().map(|e| Toml::String(e.text(key))).collect())
        };
        match (uniform, kind) {
            (true, Kind::Text) => {
                section.insert("text".into(), Toml::String(paragraphs(entries)));
            }
            (true, Kind::Bullet) => {
                section.insert("items".into(), text_of("bullet"));
            }
            (true, Kind::Numbered) => {
                section.insert("items".into(), text_of("number"));
                section.insert("numbered".into(), Toml::Boolean(true));
            }
            (true, Kind::ReversedNumbered) => {
                section.insert("items".into(), text_of("reversed_number"));
                self.report.skipped.push(format!(
                    "sections.{title}: reversed numbering (kept as bullets)"
                ));
            }
            (true, Kind::OneLine) => {
                let items = entries.iter().map(|e| {
                    let mut bullet = Table::new();
                    bullet.insert("label".into(), Toml::String(e.text("label")));
                    bullet.insert("text".into(), Toml::String(e.text("details")));
                    Toml::Table(bullet)
                });
                section.insert("items".into(), Toml::Array(items.collect()));
            }
            _ => self.generic_entries(&mut section, title, entries),
        }
        self.custom.push(Toml::Table(section));
    }

    /// Entries with a title (or a mix of kinds): the generic entry, and
    /// plain text as items.
    fn generic_entries(&mut self, section: &mut Table, title: &str, entries: &[Entry]) {
        let mut items = Vec::new();
        let mut converted = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match entry {
                Entry::Fields(fields) => {
                    converted.push(self.entry(fields, &[CUSTOM_ENTRY], title, i))
                }
                Entry::Other(_) => items.push(Toml::String(entry.plain())),
            }
        }
        if !items.is_empty() {
            section.insert("items".into(), Toml::Array(items));
        }
        if !converted.is_empty() {
            section.insert("entries".into(), Toml::Array(converted));
        }
    }

    /// The id of a custom section: from its title, unless a built-in
    /// section or an earlier custom section has it ("Certificates" as
    /// bullets would take the built-in section's id).
    fn custom_id(&mut self, title: &str) -> String {
        let id = id_from_title(title);
        let mut unique = id.clone();
        for n in 2.. {
            if !BUILTIN_SECTIONS.contains(&unique.as_str()) && !self.custom_ids.contains(&unique) {
                break;
            }
            unique = format!("{id}-{n}");
        }
        self.custom_ids.insert(unique.clone());
        unique
    }

    fn has_summary(&self) -> bool {
        matches!(self.root.get("basics"), Some(Toml::Table(b)) if b.contains_key("summary"))
    }

    /// Keeps RenderCV's title for a built-in section when it is not vitae's own.
    fn set_title(&mut self, id: &str, title: &str) {
        let default = locale::words("en").and_then(|w| w.title(id));
        if default != Some(title) {
            self.titles.insert(id.into(), Toml::String(title.into()));
        }
    }
}

/// RenderCV names sections by their keys: `work_experience` is shown as
/// "Work Experience"; a key with capitals or spaces is shown as written.
fn display_title(key: &str) -> String {
    if key.chars().any(|c| c.is_uppercase() || c == ' ') {
        return key.to_string();
    }
    key.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text entries as paragraphs of one text.
fn paragraphs(entries: &[Entry]) -> String {
    let paragraphs: Vec<String> = entries.iter().map(Entry::plain).collect();
    paragraphs.join("\n\n")
}

fn is_summary(title: &str) -> bool {
    let title = title.to_lowercase();
    ["summary", "about", "profile", "objective"]
        .iter()
        .any(|w| title.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_follow_rendercv() {
        assert_eq!(display_title("work_experience"), "Work Experience");
        assert_eq!(
            display_title("Welcome to RenderCV!"),
            "Welcome to RenderCV!"
        );
    }
}
