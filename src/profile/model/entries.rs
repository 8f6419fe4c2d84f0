//! The kinds of entry a profile's sections hold.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::{Bullet, DateInput, Location, SkillItem};

entry! {
    pub struct SocialProfile {
        /// "GitHub", "LinkedIn", "git", "Mastodon", …
        pub network: String,
        pub username: Option<String>,
        #[schemars(with = "Option<String>")]
        pub url: Option<Spanned<String>>,
    }
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

entry! {
    pub struct KeyNumber {
        /// The figure itself: "300k+", "$126k", "↓45%".
        pub value: String,
        /// What it counts: "rides / day".
        pub label: Option<String>,
        /// A sentence of detail.
        pub detail: Option<String>,
        pub caption: Option<String>,
    }
}

section_entry! {
    /// One employer. Either the entry is itself one role (`position`, `start`, …)
    /// or it lists several roles under `[[work.roles]]`.
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
        /// Technologies used, shown as a tag list.
        #[serde(default)]
        pub stack: Vec<String>,
        /// Further content in order: sub-projects, numbered lists, quotes.
        #[serde(default)]
        pub blocks: Vec<Block>,
        #[serde(default)]
        pub roles: Vec<Role>,
    }
}

entry! {
    /// One role at an employer.
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
        #[serde(default)]
        pub stack: Vec<String>,
        #[serde(default)]
        pub blocks: Vec<Block>,
    }
}

section_entry! {
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

section_entry! {
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

section_entry! {
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
        #[serde(default)]
        pub keywords: Vec<String>,
        /// Stars on a code host, shown as "★ 174".
        pub stars: Option<u32>,
        /// Featured projects are shown first or larger, as the layout sees fit.
        #[serde(default)]
        pub featured: bool,
    }
}

section_entry! {
    pub struct Skill {
        /// A category ("Languages") or a single skill ("Kotlin").
        pub name: String,
        /// A level: "deepest", "shipped", "familiar", "expert", …
        pub level: Option<String>,
        /// The skills of a category: names, or `{ name, level, note }`.
        #[serde(default)]
        pub keywords: Vec<SkillItem>,
        /// A short note, e.g. "3 roles, ny + juspay".
        pub note: Option<String>,
    }
}

section_entry! {
    pub struct Award {
        pub title: String,
        #[schemars(with = "Option<DateInput>")]
        pub date: Option<Spanned<DateInput>>,
        /// Who gave it.
        pub awarder: Option<String>,
        pub summary: Option<String>,
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

section_entry! {
    pub struct Certificate {
        pub name: String,
        #[schemars(with = "Option<DateInput>")]
        pub date: Option<Spanned<DateInput>>,
        pub issuer: Option<String>,
        #[schemars(with = "Option<String>")]
        pub url: Option<Spanned<String>>,
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

section_entry! {
    pub struct Publication {
        pub name: String,
        pub publisher: Option<String>,
        #[schemars(with = "Option<DateInput>")]
        pub date: Option<Spanned<DateInput>>,
        #[schemars(with = "Option<String>")]
        pub url: Option<Spanned<String>>,
        pub summary: Option<String>,
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

section_entry! {
    pub struct Language {
        pub language: String,
        pub fluency: Option<String>,
    }
}

section_entry! {
    pub struct Interest {
        pub name: String,
        #[serde(default)]
        pub keywords: Vec<String>,
    }
}

section_entry! {
    pub struct Reference {
        /// Who is speaking.
        pub name: String,
        pub role: Option<String>,
        pub organization: Option<String>,
        /// What they said.
        pub reference: Option<String>,
    }
}

entry! {
    /// A section of the user's own: a title plus any of text, bullets, a quote,
    /// entries and further blocks.
    pub struct CustomSection {
        /// The heading; a section with an empty title has none.
        #[serde(default)]
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
    }
}

section_entry! {
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
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
    }
}

entry! {
    /// A piece of content inside a role or a section, shown in this order:
    /// sub-heading, text, list, quote, signature.
    pub struct Block {
        /// A sub-heading, e.g. the name of a sub-project ("Monetization").
        pub title: Option<String>,
        /// Prose; blank lines separate paragraphs. A lead sentence for a sub-project.
        pub text: Option<String>,
        #[serde(default)]
        pub items: Vec<Bullet>,
        /// Labelled details: "Stack: Rust, Go", "Client: Acme".
        #[serde(default)]
        pub details: Vec<Detail>,
        /// Show `items` as a numbered list.
        #[serde(default)]
        pub numbered: bool,
        /// A pull quote.
        pub quote: Option<String>,
        /// Who said the quote.
        pub cite: Option<String>,
        pub signature: Option<String>,
    }
}

/// A labelled detail of an entry: "Issued by: …", "Stack: …".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// What the value is: "Stack", "Client".
    pub label: String,
    pub value: String,
}
