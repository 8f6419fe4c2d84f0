//! The profile format, version 1: what a user writes in TOML.
//!
//! Section and field names follow JSON Resume where they fit (`basics`, `work`,
//! `education`, …, with snake_case keys), so that import and export are a
//! mapping rather than a rewrite. Every struct refuses unknown keys; every text
//! field may carry inline markup (parsed later, in `markup`, never by Typst).
//!
//! Values whose *format* is checked after parsing (dates, URLs, e-mails) are
//! kept as [`Spanned`] raw strings here, so that every such mistake in a file
//! can be reported in one run, each at its own line and column.

use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A whole profile.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Who this is: name (required), headline, contact details.
    pub basics: Basics,
    /// A cover block for narrative layouts: title, subtitle, volume line, status.
    pub cover: Option<Cover>,
    /// Key numbers ("300k+ rides / day"), shown as large figures.
    pub numbers: Option<KeyNumbers>,
    #[serde(default)]
    pub work: Vec<Work>,
    #[serde(default)]
    pub volunteer: Vec<Volunteer>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub awards: Vec<Award>,
    #[serde(default)]
    pub certificates: Vec<Certificate>,
    #[serde(default)]
    pub publications: Vec<Publication>,
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub interests: Vec<Interest>,
    /// References or recommendations: a quote and who said it.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Free-form sections for anything else.
    #[serde(default)]
    pub sections: Vec<CustomSection>,
    /// Tailored versions of this profile, each a subset of its entries chosen
    /// by tag: `vitae render me.toml --variant backend` or `--all-variants`.
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// Section titles that replace the locale's words, by section id.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub titles: BTreeMap<String, Spanned<String>>,
    /// Language of the words vitae adds (section titles, months, "present").
    #[schemars(with = "Option<String>")]
    pub locale: Option<Spanned<String>>,
    /// The layout to use when none is given on the command line.
    #[schemars(with = "Option<String>")]
    pub layout: Option<Spanned<String>>,
    /// Where the PDF goes when `-o` is not given, relative to the profile's
    /// folder (e.g. "pdf/cv.pdf"); default: next to the profile.
    #[schemars(with = "Option<String>")]
    pub output: Option<Spanned<String>>,
    /// Theme options: section order and visibility, plus whatever the layout
    /// declares in its `layout.toml` (paper, accent, font, …).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub theme: BTreeMap<String, Spanned<toml::Value>>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basics {
    pub name: String,
    /// Headline or job title, e.g. "Staff Software Engineer".
    pub label: Option<String>,
    /// A one-line tagline under the headline.
    pub tagline: Option<String>,
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    pub phone: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    pub location: Option<Location>,
    /// A photo in the profile's folder (PNG, JPEG or SVG).
    #[schemars(with = "Option<String>")]
    pub photo: Option<Spanned<String>>,
    /// A summary; blank lines separate paragraphs.
    pub summary: Option<String>,
    /// A signature under the summary, for narrative layouts.
    pub signature: Option<String>,
    #[serde(default)]
    pub profiles: Vec<SocialProfile>,
}

/// A tailored version of the profile. Untagged entries and bullets are in
/// every variant; a tagged one is in a variant when it carries one of
/// `include` (or `include` is empty) and none of `exclude`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Used with `--variant NAME` and in the output's name: `me-NAME.pdf`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Keep tagged entries that carry at least one of these tags.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub include: Vec<Spanned<String>>,
    /// Leave out entries that carry any of these tags.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// A headline for this variant instead of `basics.label`.
    pub label: Option<String>,
    /// A summary for this variant instead of `basics.summary`.
    pub summary: Option<String>,
    /// A layout for this variant (a built-in name, or a folder relative to
    /// the profile); `--layout` still wins.
    #[schemars(with = "Option<String>")]
    pub layout: Option<Spanned<String>>,
    /// Theme options for this variant, over the profile's `[theme]`
    /// (e.g. `pages = 1`).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub theme: BTreeMap<String, Spanned<toml::Value>>,
    /// Where this variant's PDF goes when `-o` is not given, relative to the
    /// profile's folder; default: `<profile output>-NAME.pdf`.
    #[schemars(with = "Option<String>")]
    pub output: Option<Spanned<String>>,
}

/// A place: either a plain string ("Pune, India") or JSON Resume's table.
#[derive(Debug, Default, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocationTable {
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Location {
    Text(String),
    Table(LocationTable),
}

impl Location {
    /// The place as one line of text.
    pub fn display(&self) -> String {
        match self {
            Location::Text(text) => text.clone(),
            Location::Table(t) => [
                &t.address,
                &t.city,
                &t.region,
                &t.postal_code,
                &t.country,
                &t.country_code,
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        }
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocationVisitor;
        impl<'de> Visitor<'de> for LocationVisitor {
            type Value = Location;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a place like \"Pune, India\" or a table with city, region, country")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Location, E> {
                Ok(Location::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Location, A::Error> {
                LocationTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Location::Table)
            }
        }
        deserializer.deserialize_any(LocationVisitor)
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SocialProfile {
    /// "GitHub", "LinkedIn", "git", "Mastodon", …
    pub network: String,
    pub username: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// A volume line, e.g. "vol. 7 · autumn 2026".
    pub volume: Option<String>,
    /// Availability, e.g. "currently open to work".
    pub status: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyNumbers {
    pub title: Option<String>,
    #[serde(default)]
    pub items: Vec<KeyNumber>,
    /// A footnote under the figures (sources, caveats).
    pub footnote: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyNumber {
    /// The figure itself: "300k+", "$126k", "↓45%".
    pub value: String,
    /// What it counts: "rides / day".
    pub label: Option<String>,
    /// A sentence of detail.
    pub detail: Option<String>,
    pub caption: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One employer. Either the entry is itself one role (`position`, `start`, …)
/// or it lists several roles under `[[work.roles]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Work {
    /// The organisation.
    pub name: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    pub location: Option<Location>,
    /// A line about the organisation.
    pub description: Option<String>,
    pub position: Option<String>,
    pub team: Option<String>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    pub summary: Option<String>,
    #[serde(default)]
    pub highlights: Vec<Bullet>,
    /// Technologies used, shown as a tag list.
    #[serde(default)]
    pub stack: Vec<String>,
    /// Further content in order: sub-projects, numbered lists, quotes.
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One role at an employer.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub position: Option<String>,
    pub team: Option<String>,
    pub location: Option<Location>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    pub summary: Option<String>,
    #[serde(default)]
    pub highlights: Vec<Bullet>,
    #[serde(default)]
    pub stack: Vec<String>,
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Volunteer {
    pub organization: Option<String>,
    pub position: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    pub location: Option<Location>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    pub summary: Option<String>,
    #[serde(default)]
    pub highlights: Vec<Bullet>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub institution: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// Field of study, e.g. "Computer Science".
    pub area: Option<String>,
    /// Degree, e.g. "B.Tech.".
    pub study_type: Option<String>,
    pub location: Option<Location>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    /// Grade, e.g. "CGPA 8.59/10".
    pub score: Option<String>,
    #[serde(default)]
    pub courses: Vec<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub highlights: Vec<Bullet>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    pub description: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    #[serde(default)]
    pub highlights: Vec<Bullet>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Stars on a code host, shown as "★ 174".
    pub stars: Option<u32>,
    /// Featured projects are shown first or larger, as the layout sees fit.
    #[serde(default)]
    pub featured: bool,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// A category ("Languages") or a single skill ("Kotlin").
    pub name: String,
    /// A level: "deepest", "shipped", "familiar", "expert", …
    pub level: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A short note, e.g. "3 roles, ny + juspay".
    pub note: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub title: String,
    #[schemars(with = "Option<DateInput>")]
    pub date: Option<Spanned<DateInput>>,
    /// Who gave it.
    pub awarder: Option<String>,
    pub summary: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub name: String,
    #[schemars(with = "Option<DateInput>")]
    pub date: Option<Spanned<DateInput>>,
    pub issuer: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub name: String,
    pub publisher: Option<String>,
    #[schemars(with = "Option<DateInput>")]
    pub date: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    pub summary: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub language: String,
    pub fluency: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interest {
    pub name: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Who is speaking.
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    /// What they said.
    pub reference: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A section of the user's own: a title plus any of text, bullets, a quote,
/// entries and further blocks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    pub title: String,
    /// The id used in `theme.section_order` and `theme.hide`; defaults to the
    /// title in lower case with dashes.
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    pub text: Option<String>,
    #[serde(default)]
    pub items: Vec<Bullet>,
    #[serde(default)]
    pub numbered: bool,
    pub quote: Option<String>,
    pub cite: Option<String>,
    pub signature: Option<String>,
    #[serde(default)]
    pub entries: Vec<CustomEntry>,
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomEntry {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub location: Option<Location>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    #[schemars(with = "Option<DateInput>")]
    pub date: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub start: Option<Spanned<DateInput>>,
    #[schemars(with = "Option<DateInput>")]
    pub end: Option<Spanned<DateInput>>,
    pub text: Option<String>,
    #[serde(default)]
    pub items: Vec<Bullet>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A piece of content inside a role or a section, shown in this order:
/// sub-heading, text, list, quote, signature.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// A sub-heading, e.g. the name of a sub-project ("Monetization").
    pub title: Option<String>,
    /// Prose; blank lines separate paragraphs. A lead sentence for a sub-project.
    pub text: Option<String>,
    #[serde(default)]
    pub items: Vec<Bullet>,
    /// Show `items` as a numbered list.
    #[serde(default)]
    pub numbered: bool,
    /// A pull quote.
    pub quote: Option<String>,
    /// Who said the quote.
    pub cite: Option<String>,
    pub signature: Option<String>,
    /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
    /// that includes none of them (or excludes one) leaves this out.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A bullet: a string, or a table with a label, text and nested bullets.
#[derive(Debug, Clone, Default)]
pub struct Bullet {
    /// A bold lead-in, e.g. "Payments SDK" in "Payments SDK: text".
    pub label: Option<String>,
    pub text: Option<String>,
    pub items: Vec<Bullet>,
    /// Tags for variants (never printed).
    pub tags: Vec<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct BulletTable {
    label: Option<String>,
    text: Option<String>,
    #[serde(default)]
    items: Vec<Bullet>,
    /// Tags for variants; a tagged bullet is written as a table.
    #[serde(default)]
    tags: Vec<String>,
}

impl<'de> Deserialize<'de> for Bullet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BulletVisitor;
        impl<'de> Visitor<'de> for BulletVisitor {
            type Value = Bullet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table with `label`, `text` and nested `items`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Bullet, E> {
                Ok(Bullet {
                    text: Some(v.to_owned()),
                    ..Bullet::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Bullet, A::Error> {
                let t = BulletTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bullet {
                    label: t.label,
                    text: t.text,
                    items: t.items,
                    tags: t.tags,
                })
            }
        }
        deserializer.deserialize_any(BulletVisitor)
    }
}

/// A date as written: `"2022"`, `"2022-10"`, `"2022-10-03"`, `"present"`, a bare
/// year `2022` or a TOML date `2022-10-03`. Checked later by `dates::parse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInput(pub String);

impl<'de> Deserialize<'de> for DateInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like \"2022\", \"2022-10\", \"2022-10-03\" or \"present\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateInput, E> {
                Ok(DateInput(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateInput, E> {
                Ok(DateInput(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DateInput, A::Error> {
                // A TOML date literal (`start = 2022-10-03`) arrives as a map.
                let datetime =
                    toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if datetime.time.is_some() || datetime.offset.is_some() {
                    return Err(de::Error::custom(
                        "a date must not carry a time of day; write \"2022-10-03\"",
                    ));
                }
                Ok(DateInput(datetime.to_string()))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

// Schemas for the types with hand-written deserialisers: they accept more
// than one shape, and the schema says so.

impl JsonSchema for Location {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Location".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let table = generator.subschema_for::<LocationTable>();
        json_schema!({
            "description": "A place: \"Pune, India\", or a table with address, city, region, country, …",
            "anyOf": [{ "type": "string" }, table]
        })
    }
}

impl JsonSchema for Bullet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bullet".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let table = generator.subschema_for::<BulletTable>();
        json_schema!({
            "description": "A bullet: a string, or a table with a bold `label`, `text` and nested `items`.",
            "anyOf": [{ "type": "string" }, table]
        })
    }
}

impl JsonSchema for DateInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date: \"2022\", \"2022-10\", \"2022-10-03\", or \"present\" (end dates only).",
            "anyOf": [
                { "type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[Pp]resent|[Nn]ow)$" },
                { "type": "integer" }
            ]
        })
    }
}
