//! A RenderCV YAML file (`cv:` and `design:`) as a vitae profile.
//!
//! RenderCV's `cv.sections` maps free titles to lists of entries whose type
//! is recognised by their fields, as RenderCV itself does: `company` +
//! `position` is an experience, `institution` + `area` an education entry,
//! `label` + `details` a one-line entry, a plain string a text entry, and so
//! on. The first section of a kind that vitae has a section for (experience →
//! `work`, skills → `skills`, …) becomes that section, keeping RenderCV's
//! title; every other section becomes a custom section with the same title.
//! `design` is styling: its theme and page size choose a vitae layout and
//! paper, the rest is listed as not imported.

use serde_json::{Map, Value};
use toml::{Table, Value as Toml};
use yaml_rust2::{Yaml, YamlLoader};

use super::{Imported, finish, other_entry, plain, to_toml};
use crate::dates;
use crate::locale;
use crate::profile::rules::{BUILTIN_SECTIONS, id_from_title};

/// Converts a RenderCV file. Fails only when the text is not YAML with a `cv` table.
pub fn rendercv(text: &str) -> Result<Imported, String> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    let yaml = docs.into_iter().next().unwrap_or(Yaml::Null);
    // Read from the YAML mapping itself: it keeps the author's order, which
    // a JSON object (sorted keys) would lose.
    let sections: Vec<(String, Value)> = match &yaml["cv"]["sections"] {
        Yaml::Hash(map) => map
            .iter()
            .map(|(k, v)| (yaml_key(k.clone()), to_json(v.clone())))
            .collect(),
        _ => Vec::new(),
    };
    let doc = to_json(yaml);
    let Some(cv) = doc.get("cv").and_then(Value::as_object) else {
        return Err("a RenderCV file has a `cv:` table at the top".into());
    };
    let mut out = Converter::default();
    out.basics(cv);
    for (key, entries) in &sections {
        out.section(key, entries);
    }
    for (key, value) in doc.as_object().into_iter().flatten() {
        match key.as_str() {
            "cv" => {}
            "design" => out.design(value),
            "locale" => out.locale(value),
            _ => out.skipped.push(format!("{key} (RenderCV settings)")),
        }
    }
    // Sections in RenderCV's order, through the theme every layout honours.
    let order = out.order.iter().cloned().map(Toml::String).collect();
    out.theme()
        .insert("section_order".into(), Toml::Array(order));
    if !out.titles.is_empty() {
        out.root.insert("titles".into(), Toml::Table(out.titles));
    }
    if !out.custom.is_empty() {
        out.root.insert("sections".into(), Toml::Array(out.custom));
    }
    finish(out.root, out.other, out.moved, out.skipped, "RenderCV")
}

/// RenderCV's entry types, told apart by their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Experience,
    Education,
    Publication,
    OneLine,
    Bullet,
    Numbered,
    ReversedNumbered,
    Normal,
    Unknown,
}

fn kind_of(entry: &Value) -> Kind {
    let Some(e) = entry.as_object() else {
        return if entry.is_string() || entry.is_number() {
            Kind::Text
        } else {
            Kind::Unknown
        };
    };
    let has = |key: &str| e.contains_key(key);
    if has("company") && has("position") {
        Kind::Experience
    } else if has("institution") && has("area") {
        Kind::Education
    } else if has("title") && has("authors") {
        Kind::Publication
    } else if has("label") && has("details") {
        Kind::OneLine
    } else if has("bullet") {
        Kind::Bullet
    } else if has("reversed_number") {
        Kind::ReversedNumbered
    } else if has("number") {
        Kind::Numbered
    } else if has("name") {
        Kind::Normal
    } else {
        Kind::Unknown
    }
}

/// How one RenderCV field maps onto a vitae entry.
#[derive(Clone, Copy)]
enum Field {
    /// Copied under this vitae key.
    To(&'static str),
    /// A date under this key, when vitae can read it; `true`: may be "present".
    Date(&'static str, bool),
    /// A comma-separated list under this key.
    List(&'static str),
    /// A DOI, as a link under this key.
    Doi(&'static str),
}

use Field::{Date, Doi, List, To};

/// A vitae section a kind of RenderCV entry maps onto, and the field map.
struct Target {
    section: &'static str,
    kind: Kind,
    /// Words in a RenderCV title that choose this section for entries of
    /// `kind`; empty: any title.
    words: &'static [&'static str],
    /// Field maps, searched in order: the first that names a field wins.
    fields: &'static [&'static [(&'static str, Field)]],
    /// The vitae key that must not be missing, when there is one.
    required: Option<&'static str>,
}

/// RenderCV's date fields; `date` is a single date for entries without a span.
const DATES: &[(&str, Field)] = &[
    ("start_date", Date("start", false)),
    ("end_date", Date("end", true)),
    ("date", Date("start", false)),
];

/// What a role, a degree or a project shares in both formats.
const ROLE: &[(&str, Field)] = &[
    ("location", To("location")),
    ("summary", To("summary")),
    ("highlights", To("highlights")),
    ("url", To("url")),
];

const TARGETS: &[Target] = &[
    Target {
        section: "volunteer",
        kind: Kind::Experience,
        words: &["volunteer"],
        fields: &[
            &[
                ("company", To("organization")),
                ("position", To("position")),
            ],
            ROLE,
            DATES,
        ],
        required: None,
    },
    Target {
        section: "work",
        kind: Kind::Experience,
        words: &[],
        fields: &[
            &[("company", To("name")), ("position", To("position"))],
            ROLE,
            DATES,
        ],
        required: None,
    },
    Target {
        section: "education",
        kind: Kind::Education,
        words: &[],
        fields: &[
            &[
                ("institution", To("institution")),
                ("area", To("area")),
                ("degree", To("study_type")),
            ],
            ROLE,
            DATES,
        ],
        required: None,
    },
    Target {
        section: "publications",
        kind: Kind::Publication,
        words: &[],
        fields: &[&[
            ("title", To("name")),
            ("journal", To("publisher")),
            ("authors", To("summary")),
            ("url", To("url")),
            ("doi", Doi("url")),
            ("date", Date("date", false)),
        ]],
        required: Some("name"),
    },
    Target {
        section: "skills",
        kind: Kind::OneLine,
        words: &["skill", "technolog", "tool", "stack"],
        fields: &[&[("label", To("name")), ("details", List("keywords"))]],
        required: Some("name"),
    },
    Target {
        section: "projects",
        kind: Kind::Normal,
        words: &["project"],
        fields: &[
            &[
                ("name", To("name")),
                ("summary", To("description")),
                ("highlights", To("highlights")),
                ("url", To("url")),
            ],
            DATES,
        ],
        required: Some("name"),
    },
    Target {
        section: "awards",
        kind: Kind::Normal,
        words: &["award", "honor", "honour", "prize"],
        fields: &[&[
            ("name", To("title")),
            ("summary", To("summary")),
            ("date", Date("date", false)),
        ]],
        required: Some("title"),
    },
    Target {
        section: "certificates",
        kind: Kind::Normal,
        words: &["certific"],
        fields: &[&[
            ("name", To("name")),
            ("url", To("url")),
            ("date", Date("date", false)),
        ]],
        required: Some("name"),
    },
];

/// Custom-section entries: the generic shape every kind of entry fits.
const CUSTOM_ENTRY: &[(&str, Field)] = &[
    ("name", To("title")),
    ("company", To("title")),
    ("institution", To("title")),
    ("title", To("title")),
    ("position", To("subtitle")),
    ("degree", To("subtitle")),
    ("journal", To("subtitle")),
    ("location", To("location")),
    ("summary", To("text")),
    ("authors", To("text")),
    ("highlights", To("items")),
    ("url", To("url")),
    ("doi", Doi("url")),
    ("start_date", Date("start", false)),
    ("end_date", Date("end", true)),
    ("date", Date("date", false)),
];

#[derive(Default)]
struct Converter {
    root: Table,
    /// Ids of the custom sections so far, to keep them unique.
    custom_ids: std::collections::BTreeSet<String>,
    /// Section ids in the order the RenderCV file lists them.
    order: Vec<String>,
    titles: Table,
    custom: Vec<Toml>,
    /// "Other details" entries and the fields they hold.
    other: Vec<Toml>,
    moved: Vec<String>,
    skipped: Vec<String>,
}

impl Converter {
    fn basics(&mut self, cv: &Map<String, Value>) {
        let mut basics = Table::new();
        let mut extras = Vec::new();
        for (key, value) in cv {
            let to = match key.as_str() {
                "sections" => continue,
                "name" => "name",
                "headline" | "label" => "label",
                "location" => "location",
                "website" => "url",
                "email" if value.is_string() => "email",
                "phone" if value.is_string() => "phone",
                "social_networks" => {
                    let profiles: Vec<Toml> = value
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_object)
                        .map(social_profile)
                        .collect();
                    if !profiles.is_empty() {
                        basics.insert("profiles".into(), Toml::Array(profiles));
                    }
                    continue;
                }
                // A photo path is relative to the YAML file; vitae needs the
                // file next to the profile, so it is kept as text to act on.
                _ => {
                    extras.push((key.clone(), value.clone()));
                    continue;
                }
            };
            let text = plain(value);
            let text = text.strip_prefix("tel:").unwrap_or(&text);
            if !text.trim().is_empty() {
                basics.insert(to.into(), Toml::String(text.into()));
            }
        }
        if !basics.contains_key("name") {
            basics.insert(
                "name".into(),
                Toml::String("(name missing in the RenderCV file)".into()),
            );
            self.moved
                .push("cv.name (missing; a placeholder was written)".into());
        }
        self.keep_extras("cv", &extras);
        self.root.insert("basics".into(), Toml::Table(basics));
    }

    fn section(&mut self, key: &str, entries: &Value) {
        let title = display_title(key);
        let entries: Vec<Value> = match entries {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        let kind = entries.first().map_or(Kind::Unknown, kind_of);
        let uniform = entries.iter().all(|e| kind_of(e) == kind);
        if uniform && kind == Kind::Text && is_summary(&title) && !self.has_summary() {
            let summary = entries.iter().map(plain).collect::<Vec<_>>().join("\n\n");
            if let Some(Toml::Table(basics)) = self.root.get_mut("basics") {
                basics.insert("summary".into(), Toml::String(summary));
            }
            self.set_title("summary", &title);
            self.order.push("summary".into());
            return;
        }
        let target = TARGETS.iter().find(|t| {
            uniform
                && t.kind == kind
                && !self.root.contains_key(t.section)
                && (t.words.is_empty() || t.words.iter().any(|w| title.to_lowercase().contains(w)))
        });
        match target {
            Some(target) => {
                let converted = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| self.entry(e, target.fields, target.required, &title, i))
                    .collect();
                self.root
                    .insert(target.section.into(), Toml::Array(converted));
                self.set_title(target.section, &title);
                self.order.push(target.section.into());
            }
            None => self.custom_section(&title, &entries, kind, uniform),
        }
    }

    /// A section vitae has no kind for keeps its title and its content.
    fn custom_section(&mut self, title: &str, entries: &[Value], kind: Kind, uniform: bool) {
        let mut section = Table::new();
        section.insert("title".into(), Toml::String(title.into()));
        // "Certificates" as bullets would take the built-in section's id.
        let id = id_from_title(title);
        let mut unique = id.clone();
        for n in 2.. {
            if !BUILTIN_SECTIONS.contains(&unique.as_str()) && !self.custom_ids.contains(&unique) {
                break;
            }
            unique = format!("{id}-{n}");
        }
        if unique != id {
            section.insert("id".into(), Toml::String(unique.clone()));
        }
        self.custom_ids.insert(unique.clone());
        self.order.push(unique);
        let text_of = |key: &str| -> Vec<Toml> {
            entries
                .iter()
                .map(|e| Toml::String(plain(e.get(key).unwrap_or(e))))
                .collect()
        };
        match (uniform, kind) {
            (true, Kind::Text) => {
                let paragraphs: Vec<String> = entries.iter().map(plain).collect();
                section.insert("text".into(), Toml::String(paragraphs.join("\n\n")));
            }
            (true, Kind::Bullet) => {
                section.insert("items".into(), Toml::Array(text_of("bullet")));
            }
            (true, Kind::Numbered) => {
                section.insert("items".into(), Toml::Array(text_of("number")));
                section.insert("numbered".into(), Toml::Boolean(true));
            }
            (true, Kind::ReversedNumbered) => {
                section.insert("items".into(), Toml::Array(text_of("reversed_number")));
                self.skipped.push(format!(
                    "sections.{title}: reversed numbering (kept as bullets)"
                ));
            }
            (true, Kind::OneLine) => {
                let items = entries
                    .iter()
                    .map(|e| {
                        let mut bullet = Table::new();
                        bullet.insert("label".into(), Toml::String(plain(&e["label"])));
                        bullet.insert("text".into(), Toml::String(plain(&e["details"])));
                        Toml::Table(bullet)
                    })
                    .collect();
                section.insert("items".into(), Toml::Array(items));
            }
            _ => {
                // Entries with a title (or a mix of kinds): the generic entry.
                let mut items = Vec::new();
                let mut converted = Vec::new();
                for (i, e) in entries.iter().enumerate() {
                    if e.is_object() {
                        converted.push(self.entry(e, &[CUSTOM_ENTRY], None, title, i));
                    } else {
                        items.push(Toml::String(plain(e)));
                    }
                }
                if !items.is_empty() {
                    section.insert("items".into(), Toml::Array(items));
                }
                if !converted.is_empty() {
                    section.insert("entries".into(), Toml::Array(converted));
                }
            }
        }
        self.custom.push(Toml::Table(section));
    }

    /// One entry through a field map; fields it has no place for, and dates
    /// vitae cannot read ("Fall 2023"), go to "Other details".
    fn entry(
        &mut self,
        entry: &Value,
        fields: &[&[(&str, Field)]],
        required: Option<&str>,
        section: &str,
        index: usize,
    ) -> Toml {
        let mut table = Table::new();
        let mut extras = Vec::new();
        for (key, value) in entry.as_object().into_iter().flatten() {
            let field = fields
                .iter()
                .flat_map(|map| map.iter())
                .find(|(from, _)| from == key)
                .map(|(_, f)| *f);
            match field {
                Some(To(to)) if !table.contains_key(to) => {
                    if let Some(v) = entry_value(key, value) {
                        table.insert(to.into(), v);
                    }
                }
                Some(List(to)) => {
                    let items = plain(value)
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Toml::String(s.into()))
                        .collect();
                    table.insert(to.into(), Toml::Array(items));
                }
                Some(Doi(to)) if !table.contains_key(to) => {
                    let doi = plain(value);
                    table.insert(to.into(), Toml::String(format!("https://doi.org/{doi}")));
                }
                Some(Date(to, present)) if !table.contains_key(to) => {
                    let text = plain(value);
                    if dates::parse(&text, present).is_ok() {
                        table.insert(to.into(), Toml::String(text));
                    } else {
                        extras.push((key.clone(), value.clone()));
                    }
                }
                _ => extras.push((key.clone(), value.clone())),
            }
        }
        if let Some(field) = required.filter(|f| !table.contains_key(*f)) {
            table.insert(
                field.into(),
                Toml::String(format!("(untitled {section} entry)")),
            );
        }
        if !extras.is_empty() {
            let label = table
                .values()
                .find_map(Toml::as_str)
                .unwrap_or(section)
                .to_string();
            self.other
                .push(other_entry(&format!("{section} — {label}"), &extras));
            self.moved.extend(
                extras
                    .iter()
                    .map(|(k, _)| format!("sections.{section}[{index}].{k}")),
            );
        }
        Toml::Table(table)
    }

    fn keep_extras(&mut self, title: &str, extras: &[(String, Value)]) {
        if !extras.is_empty() {
            self.other.push(other_entry(title, extras));
            self.moved
                .extend(extras.iter().map(|(k, _)| format!("{title}.{k}")));
        }
    }

    /// The profile's `[theme]` table, created on first use.
    fn theme(&mut self) -> &mut Table {
        let theme = self
            .root
            .entry("theme")
            .or_insert_with(|| Toml::Table(Table::new()));
        match theme {
            Toml::Table(table) => table,
            _ => unreachable!("only this importer writes `theme`, always as a table"),
        }
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

    /// `design.theme` picks the nearest vitae layout, `design.page.size` the
    /// paper; the rest of `design` is styling vitae's layouts decide.
    fn design(&mut self, design: &Value) {
        for (key, value) in design.as_object().into_iter().flatten() {
            match (key.as_str(), value) {
                ("theme", Value::String(theme)) => {
                    let layout = match theme.as_str() {
                        "engineeringresumes" | "engineeringclassic" => "compact",
                        "moderncv" => "modern",
                        _ => "classic",
                    };
                    self.root
                        .insert("layout".into(), Toml::String(layout.into()));
                }
                ("page", Value::Object(page)) => {
                    let paper = page.get("size").and_then(Value::as_str).unwrap_or_default();
                    let paper = match paper {
                        "us-letter" | "letterpaper" => Some("us-letter"),
                        "a4" | "a4paper" => Some("a4"),
                        _ => None,
                    };
                    if let Some(paper) = paper {
                        self.theme()
                            .insert("paper".into(), Toml::String(paper.into()));
                    }
                    let rest: Vec<&String> = page.keys().filter(|k| *k != "size").collect();
                    if !rest.is_empty() {
                        self.skipped
                            .push(format!("design.page.{} (styling)", join(&rest)));
                    }
                }
                _ => self.skipped.push(format!("design.{key} (styling)")),
            }
        }
    }

    /// RenderCV's `locale` holds words; vitae has its own per language.
    fn locale(&mut self, value: &Value) {
        let language = value.get("language").and_then(Value::as_str);
        match language.filter(|l| locale::words(l).is_some()) {
            Some(language) => {
                self.root
                    .insert("locale".into(), Toml::String(language.into()));
            }
            None => self
                .skipped
                .push("locale (vitae has its own words per language)".into()),
        }
    }
}

fn join(keys: &[&String]) -> String {
    keys.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", design.page.")
}

/// A value for an entry key: authors become one line, highlights a list.
fn entry_value(key: &str, value: &Value) -> Option<Toml> {
    match (key, value) {
        ("authors", Value::Array(_)) => Some(Toml::String(plain(value))),
        ("highlights", Value::String(s)) => Some(Toml::Array(vec![Toml::String(s.clone())])),
        _ => to_toml(value),
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

fn is_summary(title: &str) -> bool {
    let title = title.to_lowercase();
    ["summary", "about", "profile", "objective"]
        .iter()
        .any(|w| title.contains(w))
}

/// A social network with the address RenderCV would link to.
fn social_profile(network: &Map<String, Value>) -> Toml {
    let name = network.get("network").map(plain).unwrap_or_default();
    let user = network.get("username").map(plain).unwrap_or_default();
    let mut table = Table::new();
    table.insert(
        "network".into(),
        Toml::String(if name.is_empty() {
            "profile".into()
        } else {
            name.clone()
        }),
    );
    if !user.is_empty() {
        table.insert("username".into(), Toml::String(user.clone()));
        if let Some(url) = network_url(&name, &user) {
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

/// YAML as JSON, so both importers share one value type.
fn to_json(yaml: Yaml) -> Value {
    match yaml {
        Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(text) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(text), Value::Number),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        Yaml::Hash(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (yaml_key(k), to_json(v)))
                .collect(),
        ),
        _ => Value::Null,
    }
}

fn yaml_key(key: Yaml) -> String {
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

    #[test]
    fn entry_kinds_are_recognised_by_their_fields() {
        let kind = |text: &str| kind_of(&serde_json::from_str(text).unwrap());
        assert_eq!(
            kind(r#"{"company": "A", "position": "B"}"#),
            Kind::Experience
        );
        assert_eq!(
            kind(r#"{"institution": "A", "area": "B"}"#),
            Kind::Education
        );
        assert_eq!(kind(r#"{"title": "A", "authors": []}"#), Kind::Publication);
        assert_eq!(kind(r#"{"label": "A", "details": "B"}"#), Kind::OneLine);
        assert_eq!(kind(r#"{"bullet": "A"}"#), Kind::Bullet);
        assert_eq!(kind(r#"{"reversed_number": "A"}"#), Kind::ReversedNumbered);
        assert_eq!(kind(r#"{"name": "A"}"#), Kind::Normal);
        assert_eq!(kind(r#""text""#), Kind::Text);
    }

    #[test]
    fn titles_follow_rendercv() {
        assert_eq!(display_title("work_experience"), "Work Experience");
        assert_eq!(
            display_title("Welcome to RenderCV!"),
            "Welcome to RenderCV!"
        );
    }

    #[test]
    fn network_links() {
        assert_eq!(
            network_url("Mastodon", "@ada@fosstodon.org").as_deref(),
            Some("https://fosstodon.org/@ada")
        );
        assert_eq!(network_url("Unknown", "ada"), None);
    }
}
