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

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// Declares one kind of profile entry: a struct that refuses unknown keys and
/// carries `tags` for variants. The `tags` field is declared here, once, for
/// every kind of entry.
macro_rules! entry {
    ($(#[$attr:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        $(#[$attr])*
        #[derive(Debug, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($fields)*
            /// Tags for variants, e.g. ["backend", "ml"]: never printed. A variant
            /// that includes none of them (or excludes one) leaves this out.
            #[serde(default)]
            pub tags: Vec<String>,
        }
    };
}

/// Declares an entry of a section: an [`entry!`] that may also name the
/// sub-heading it is listed under.
macro_rules! section_entry {
    ($(#[$attr:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        entry! {
            $(#[$attr])*
            pub struct $name {
                $($fields)*
                /// A sub-heading inside the section ("Industry", "Research"):
                /// entries of one group are listed together under it, the
                /// groups in the order they first appear.
                pub group: Option<String>,
            }
        }

        impl super::Grouped for $name {
            fn group(&self) -> Option<&str> {
                self.group.as_deref().map(str::trim).filter(|g| !g.is_empty())
            }
        }
    };
}

/// An entry that may be listed under a sub-heading of its section.
pub trait Grouped {
    /// The sub-heading, trimmed; blank is none.
    fn group(&self) -> Option<&str>;
}

mod entries;
mod publications;
mod values;

pub use entries::*;
pub use publications::*;
pub use values::*;

/// A whole profile.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Who this is: name, headline, contact details.
    #[serde(default)]
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
    /// Publications: `[[publications]]` entries, or a `[publications]`
    /// table naming a BibTeX file (`bibtex = "papers.bib"`).
    #[serde(default)]
    #[schemars(with = "Option<PublicationsSchema>")]
    pub publications: Publications,
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
    /// Cover letters sent with this CV: `vitae render me.toml --letter acme`
    /// prints one with the CV's header and styling.
    #[serde(default)]
    pub letters: Vec<Letter>,
    /// The letter rendered instead of the CV (`--letter`), set by
    /// `variant::keep_letter`; never written in a profile.
    #[serde(skip)]
    #[schemars(skip)]
    pub letter: Option<Letter>,
    /// Section titles that replace the locale's words, by section id.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub titles: BTreeMap<String, Spanned<String>>,
    /// A paragraph (or several) printed before a section's entries, by
    /// section id: `intros.work = "Roles since 2015, most recent first."`
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub intros: BTreeMap<String, Spanned<String>>,
    /// The owner's own words for what vitae adds, over the locale's:
    /// `words.present = "Now"`.
    #[serde(default)]
    pub words: OwnWords,
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
    /// The name as it heads the résumé. Optional: without it the header
    /// starts with the headline (an anonymised CV).
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
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
    /// Personal details of a European CV (Lebenslauf), printed as written
    /// ("12 April 1990"): shown only by layouts that offer them (banner's
    /// `personal` option), never by the others.
    pub date_of_birth: Option<String>,
    /// Personal detail: nationality ("German"); see `date_of_birth`.
    pub nationality: Option<String>,
    /// Personal detail: driving licence classes ("B, BE"); see `date_of_birth`.
    pub driving_licence: Option<String>,
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
    /// A blind-hiring version: leaves out the name, contact details
    /// (e-mail, phone, web address, location), personal details, photo, profiles, the
    /// summary's signature and references.
    #[serde(default)]
    pub anonymous: bool,
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
    /// A cover letter (`[[letters]]` name) that goes with this variant:
    /// rendering the variant also writes it, as `<variant output>-letter-NAME.pdf`.
    #[schemars(with = "Option<String>")]
    pub letter: Option<Spanned<String>>,
}

/// A cover letter, printed under the CV's header (name and contact
/// details) in the CV's layout.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// Used with `--letter NAME` and in the output's name: `me-letter-NAME.pdf`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Who the letter is to.
    #[serde(default)]
    pub recipient: Recipient,
    /// Where it is written, printed before the date: "Bengaluru".
    pub place: Option<String>,
    /// The date it is sent, printed in the locale's words ("30 November
    /// 2026"). Never today's date unless written here: the PDF stays the
    /// same from one day to the next.
    #[schemars(with = "Option<DateInput>")]
    pub date: Option<Spanned<DateInput>>,
    /// The subject line: "Application: Senior Backend Engineer".
    pub subject: Option<String>,
    /// "Dear Ms Okafor,".
    pub salutation: Option<String>,
    /// The letter; blank lines separate paragraphs.
    #[schemars(with = "String")]
    pub body: Spanned<String>,
    /// "Kind regards,".
    pub closing: Option<String>,
    /// The name under the closing; by default `basics.name`.
    pub signature: Option<String>,
}

/// The addressee of a letter, printed as an address block.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// "Adaeze Okafor".
    pub name: Option<String>,
    /// Their role: "Head of Engineering".
    pub title: Option<String>,
    /// "Acme Payments Ltd".
    pub company: Option<String>,
    /// The postal address, a line each: ["12 Marina Road", "Lagos 101001"].
    #[serde(default)]
    pub address: Vec<String>,
}

/// Words vitae adds, as the owner wants them written; each one left out
/// comes from the locale.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnWords {
    /// The end of an ongoing date range: "Now", "today", "heute".
    #[schemars(with = "Option<String>")]
    pub present: Option<Spanned<String>>,
    /// "Page" in page numbers ("Page 2 of 3").
    #[schemars(with = "Option<String>")]
    pub page: Option<Spanned<String>>,
    /// "of" in page numbers.
    #[schemars(with = "Option<String>")]
    pub of: Option<Spanned<String>>,
    /// The heading of contact details, in layouts that give them one.
    #[schemars(with = "Option<String>")]
    pub contact: Option<Spanned<String>>,
    /// Between a role and its organisation, in layouts that write
    /// "Engineer at Acme".
    #[schemars(with = "Option<String>")]
    pub at: Option<Spanned<String>>,
}
