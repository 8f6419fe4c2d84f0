//! The JSON Resume 1.0 document. `vitae import` reads it and `vitae export`
//! writes it, so the two agree on every field's name: a field's serde name
//! is its JSON Resume key, and its Rust name the vitae key it maps onto.
//!
//! Every field is a [`Field`], whatever its type in the schema: documents
//! in the wild hold numbers or lists where text belongs, and the import
//! keeps what was written. Fields the schema does not define are kept in
//! `extra`.

use serde::{Deserialize, Serialize};

use crate::import::written::{Entries, Extra, Field, or_default};

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Resume {
    #[serde(rename = "$schema")]
    pub schema: Field,
    #[serde(deserialize_with = "or_default")]
    pub basics: Basics,
    pub work: Entries<Position<Employer>>,
    pub volunteer: Entries<Position<Organization>>,
    pub education: Entries<Education>,
    pub awards: Entries<Award>,
    pub certificates: Entries<Certificate>,
    pub publications: Entries<Publication>,
    pub skills: Entries<Skill>,
    pub languages: Entries<Language>,
    pub interests: Entries<Interest>,
    pub references: Entries<Reference>,
    pub projects: Entries<Project>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Basics {
    pub name: Field,
    pub label: Field,
    /// Usually a URL: vitae embeds only local files, so the import keeps
    /// it as text rather than guessing at it.
    pub image: Field,
    pub email: Field,
    pub phone: Field,
    pub url: Field,
    pub summary: Field,
    #[serde(deserialize_with = "or_default")]
    pub location: Option<Location>,
    pub profiles: Entries<Profile>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Location {
    pub address: Field,
    pub postal_code: Field,
    pub city: Field,
    pub country_code: Field,
    pub region: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub network: Field,
    pub username: Field,
    pub url: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

/// When: JSON Resume leaves out the end of what is still going on.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    #[serde(rename = "startDate")]
    pub start: Field,
    #[serde(rename = "endDate")]
    pub end: Field,
}

/// A job: a position at an employer.
pub type Work = Position<Employer>;

/// A volunteer position, at an organisation.
pub type Volunteer = Position<Organization>;

/// What a job and a volunteer position have in common; `at` says where.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Position<At> {
    #[serde(flatten)]
    pub at: At,
    pub position: Field,
    pub url: Field,
    pub summary: Field,
    pub highlights: Field,
    #[serde(flatten)]
    pub period: Period,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Employer {
    pub name: Field,
    pub location: Field,
    pub description: Field,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Organization {
    pub organization: Field,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Education {
    pub institution: Field,
    pub url: Field,
    pub area: Field,
    #[serde(flatten)]
    pub period: Period,
    pub study_type: Field,
    pub score: Field,
    pub courses: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Award {
    pub title: Field,
    pub date: Field,
    pub awarder: Field,
    pub summary: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Certificate {
    pub name: Field,
    pub date: Field,
    pub issuer: Field,
    pub url: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Publication {
    pub name: Field,
    pub publisher: Field,
    #[serde(rename = "releaseDate")]
    pub date: Field,
    pub url: Field,
    pub summary: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub name: Field,
    pub level: Field,
    pub keywords: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Language {
    pub language: Field,
    pub fluency: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Interest {
    pub name: Field,
    pub keywords: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Reference {
    pub name: Field,
    pub reference: Field,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub name: Field,
    pub description: Field,
    pub highlights: Field,
    pub keywords: Field,
    pub url: Field,
    #[serde(flatten)]
    pub period: Period,
    #[serde(flatten)]
    pub extra: Extra,
}
