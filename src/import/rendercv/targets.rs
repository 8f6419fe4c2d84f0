//! The kinds of RenderCV entries, and where each goes in a vitae profile.
//!
//! RenderCV recognises an entry's kind by its fields: `company` +
//! `position` is an experience, `institution` + `area` an education entry,
//! `label` + `details` a one-line entry, a plain string a text entry, and so
//! on. The first section of a kind that vitae has a section for becomes that
//! section (see [`TARGETS`]); the others become custom sections, whose
//! entries take the generic shape [`CUSTOM_ENTRY`].

use serde_json::Value;

use super::document::Entry;

/// RenderCV's entry types, told apart by their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
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

impl Entry {
    pub fn kind(&self) -> Kind {
        let fields = match self {
            Entry::Fields(fields) => fields,
            Entry::Other(Value::String(_) | Value::Number(_)) => return Kind::Text,
            Entry::Other(_) => return Kind::Unknown,
        };
        let has = |key: &str| fields.contains_key(key);
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
}

/// How one RenderCV field maps onto a vitae entry.
#[derive(Clone, Copy)]
pub enum Rule {
    /// Copied under the same key.
    Same,
    /// Copied under this vitae key.
    To(&'static str),
    /// Copied under this vitae key, which names the entry: vitae needs it,
    /// so an entry without it gets a placeholder.
    Name(&'static str),
    /// A date under this key, when vitae can read it; `true`: may be "present".
    Date(&'static str, bool),
    /// A comma-separated list under this key.
    List(&'static str),
    /// A DOI, as a link under this key.
    Doi(&'static str),
}

use Rule::{Date, Doi, List, Name, Same, To};

/// A map from RenderCV fields to vitae keys.
pub type FieldMap = [(&'static str, Rule)];

/// A vitae section a kind of RenderCV entry maps onto.
pub struct Target {
    pub section: &'static str,
    kind: Kind,
    /// Field maps, searched in order: the first that names a field wins.
    pub fields: &'static [&'static FieldMap],
}

impl Target {
    const fn new(section: &'static str, kind: Kind, fields: &'static [&'static FieldMap]) -> Self {
        Target {
            section,
            kind,
            fields,
        }
    }

    /// Whether a section titled `title`, all of whose entries are of
    /// `kind`, becomes this vitae section.
    pub fn takes(&self, kind: Kind, title: &str) -> bool {
        let title = title.to_lowercase();
        let words = title_words(self.section);
        self.kind == kind && (words.is_empty() || words.iter().any(|w| title.contains(w)))
    }
}

/// Words in a RenderCV title that choose a vitae section, where entries
/// of its kind could as well be something else; none: any title.
fn title_words(section: &str) -> &'static [&'static str] {
    match section {
        "volunteer" => &["volunteer"],
        "skills" => &["skill", "technolog", "tool", "stack"],
        "projects" => &["project"],
        "awards" => &["award", "honor", "honour", "prize"],
        "certificates" => &["certific"],
        _ => &[],
    }
}

/// The rule for the field `key`: the first map that names it wins. `Same`
/// is told as `To` its own key.
pub fn rule(maps: &[&FieldMap], key: &str) -> Option<Rule> {
    let (from, rule) = fields(maps).find(|(from, _)| *from == key)?;
    Some(match rule {
        Same => To(from),
        rule => rule,
    })
}

/// The vitae key that names an entry, when the maps have one.
pub fn name_key(maps: &[&FieldMap]) -> Option<&'static str> {
    fields(maps).find_map(|(_, rule)| match rule {
        Name(key) => Some(key),
        _ => None,
    })
}

fn fields(maps: &[&FieldMap]) -> impl Iterator<Item = (&'static str, Rule)> {
    maps.iter().flat_map(|map| map.iter().copied())
}

/// Where the first section of a kind goes; the others are custom sections.
pub const TARGETS: &[Target] = &[
    Target::new("volunteer", Kind::Experience, &[VOLUNTEERING, ROLE, DATES]),
    Target::new("work", Kind::Experience, &[EMPLOYMENT, ROLE, DATES]),
    Target::new("education", Kind::Education, &[DEGREE, ROLE, DATES]),
    Target::new("publications", Kind::Publication, &[PUBLICATION, DATE]),
    Target::new("skills", Kind::OneLine, &[SKILL]),
    Target::new("projects", Kind::Normal, &[PROJECT, DATES]),
    Target::new("awards", Kind::Normal, &[AWARD, DATE]),
    Target::new("certificates", Kind::Normal, &[CERTIFICATE, DATE]),
];

/// When something happened, for entries that have no span.
const DATE: &FieldMap = &[("date", Date("date", false))];

/// RenderCV's date fields for a span; `date` is a single date for entries
/// without one.
const DATES: &FieldMap = &[
    ("start_date", Date("start", false)),
    ("end_date", Date("end", true)),
    ("date", Date("start", false)),
];

/// What a role, a degree or a project shares in both formats.
const ROLE: &FieldMap = &[
    ("location", Same),
    ("summary", Same),
    ("highlights", Same),
    ("url", Same),
];

const VOLUNTEERING: &FieldMap = &[("company", To("organization")), ("position", Same)];

const EMPLOYMENT: &FieldMap = &[("company", To("name")), ("position", Same)];

const DEGREE: &FieldMap = &[
    ("institution", Same),
    ("area", Same),
    ("degree", To("study_type")),
];

const PUBLICATION: &FieldMap = &[
    ("title", Name("name")),
    ("journal", To("publisher")),
    ("authors", To("summary")),
    ("url", Same),
    ("doi", Doi("url")),
];

const SKILL: &FieldMap = &[("label", Name("name")), ("details", List("keywords"))];

const PROJECT: &FieldMap = &[
    ("name", Name("name")),
    ("summary", To("description")),
    ("highlights", Same),
    ("url", Same),
];

const AWARD: &FieldMap = &[("name", Name("title")), ("summary", Same)];

const CERTIFICATE: &FieldMap = &[("name", Name("name")), ("url", Same)];

/// Custom-section entries: the generic shape every kind of entry fits.
pub const CUSTOM_ENTRY: &FieldMap = &[
    ("name", To("title")),
    ("company", To("title")),
    ("institution", To("title")),
    ("title", Same),
    ("position", To("subtitle")),
    ("degree", To("subtitle")),
    ("journal", To("subtitle")),
    ("location", Same),
    ("summary", To("text")),
    ("authors", To("text")),
    ("highlights", To("items")),
    ("url", Same),
    ("doi", Doi("url")),
    ("start_date", Date("start", false)),
    ("end_date", Date("end", true)),
    ("date", Date("date", false)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_kinds_are_recognised_by_their_fields() {
        let kind = |text: &str| Entry::from(serde_json::from_str::<Value>(text).unwrap()).kind();
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
}
