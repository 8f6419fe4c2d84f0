//! Values that accept more than one shape (a place, a bullet, a date), with
//! their hand-written deserialisers and schemas.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::dates::{self, DatePoint};

/// Deserialises a value written either as a string (its shorthand) or as
/// a table (its full form, read into `$table`), and gives it the schema
/// that says so: a string or the table, with `$description`.
macro_rules! string_or_table {
    ($ty:ident, $table:ty, $expecting:literal, $description:literal, |$text:ident| $from_str:expr, |$t:ident| $from_table:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let table = generator.subschema_for::<$table>();
                json_schema!({
                    "description": $description,
                    "anyOf": [{ "type": "string" }, table]
                })
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ShapeVisitor;
                impl<'de> Visitor<'de> for ShapeVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, $text: &str) -> Result<$ty, E> {
                        Ok($from_str)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        let $t = <$table>::deserialize(de::value::MapAccessDeserializer::new(map))?;
                        Ok($from_table)
                    }
                }
                deserializer.deserialize_any(ShapeVisitor)
            }
        }
    };
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

string_or_table!(
    Location,
    LocationTable,
    "a place like \"Pune, India\" or a table with city, region, country",
    "A place: \"Pune, India\", or a table with address, city, region, country, …",
    |text| Location::Text(text.to_owned()),
    |table| Location::Table(table)
);

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

string_or_table!(
    Bullet,
    BulletTable,
    "a string, or a table with `label`, `text` and nested `items`",
    "A bullet: a string, or a table with a bold `label`, `text` and nested `items`.",
    |text| Bullet {
        text: Some(text.to_owned()),
        ..Bullet::default()
    },
    |t| Bullet {
        label: t.label,
        text: t.text,
        items: t.items,
        tags: t.tags,
    }
);

/// One skill of a category: a name, or a table with a level and a note
/// ("Rust", or `{ name = "Rust", level = "deepest", note = "3 roles" }`).
#[derive(Debug, Clone, Default)]
pub struct SkillItem {
    pub name: String,
    pub level: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SkillItemTable {
    name: String,
    /// "deepest", "shipped", "B2", …
    level: Option<String>,
    /// A short note: "3 roles", "since 2015".
    note: Option<String>,
}

string_or_table!(
    SkillItem,
    SkillItemTable,
    "a skill's name, or a table with `name`, `level` and `note`",
    "A skill: its name, or a table with `name`, `level` and `note`.",
    |text| SkillItem {
        name: text.to_owned(),
        ..SkillItem::default()
    },
    |t| SkillItem {
        name: t.name,
        level: t.level,
        note: t.note,
    }
);

impl SkillItem {
    /// The item as one line: "Rust (deepest, 3 roles)".
    pub fn display(&self) -> String {
        let extra: Vec<&str> = [self.level.as_deref(), self.note.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        if extra.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, extra.join(", "))
        }
    }
}

/// A date as written: `"2022"`, `"2022-10"`, `"2022-10-03"`, `"present"`, a bare
/// year `2022` or a TOML date `2022-10-03`. Parsed once, when the profile is
/// read; a malformed date is kept with its problem, which validation reports
/// at the date's own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInput {
    /// The date as written.
    pub text: String,
    parsed: Result<DatePoint, String>,
}

impl DateInput {
    pub fn new(text: String) -> Self {
        let parsed = dates::parse(&text, true);
        Self { text, parsed }
    }

    /// The date, or what is wrong with it. "present" is only a date where
    /// `allow_present` (the end of a range).
    pub fn point(&self, allow_present: bool) -> Result<DatePoint, String> {
        match &self.parsed {
            Ok(DatePoint::Present) if !allow_present => Err(dates::PRESENT_ONLY_AT_END.into()),
            parsed => parsed.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for DateInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like \"2022\", \"2022-10\", \"2022-10-03\" or \"present\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateInput, E> {
                Ok(DateInput::new(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateInput, E> {
                Ok(DateInput::new(v.to_string()))
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
                Ok(DateInput::new(datetime.to_string()))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

// The schema of a date, whose deserialiser is hand-written: it accepts
// more than one shape, and the schema says so.

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
