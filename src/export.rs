//! `vitae export PROFILE --to json-resume`: a profile as a JSON Resume 1.0
//! document.
//!
//! JSON Resume is flatter than vitae: one position per work entry, strings
//! for highlights, no cover, key numbers or custom sections. Each role becomes
//! its own work entry, nested bullets and blocks are flattened into
//! highlights, and everything that has no place is listed in the returned
//! notes so the user knows what was left out. Text keeps its inline markup,
//! which JSON Resume renderers commonly read as Markdown.
//!
//! The document's types are the ones `vitae import` reads
//! ([`crate::import::json_resume::document`]), so the two agree on names.
//! The document validates against JSON Resume's schema: links get a scheme
//! ([`with_schemes`]), as the schema's `uri` format requires.

mod custom;
mod no_place;

use serde_json::Value;

use crate::import::json_resume::document as jr;
use crate::import::written::{Entries, Field};
use crate::profile::model::*;

/// The JSON Resume document and what could not be mapped.
pub struct Exported {
    pub document: Value,
    pub not_mapped: Vec<String>,
}

/// The schema the export follows (and its tests validate against).
const SCHEMA: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.2.1/schema.json";

/// `fill!(Type, value, [fields])`: a JSON Resume `jr::Type` with the named
/// fields of the profile's `value`, which has them under the same names
/// (the Rust names of the JSON Resume fields are vitae's keys); the rest
/// absent, for the caller to set.
macro_rules! fill {
    ($type:ident, $value:expr, [$($field:ident),+]) => {
        jr::$type {
            $($field: $value.$field.as_field(),)+
            ..Default::default()
        }
    };
}

/// Converts a profile to JSON Resume.
pub fn json_resume(p: &Profile) -> Exported {
    let mut not_mapped = Vec::new();
    let resume = jr::Resume {
        schema: text(Some(SCHEMA)),
        basics: basics(&p.basics, &mut not_mapped),
        work: work(&p.work, &mut not_mapped),
        volunteer: all(&p.volunteer, volunteer),
        education: all(&p.education, education),
        awards: all(&p.awards, |a| {
            fill!(Award, a, [title, date, awarder, summary])
        }),
        certificates: all(&p.certificates, |c| {
            fill!(Certificate, c, [name, date, issuer, url])
        }),
        publications: all(&p.publications.entries, |x| {
            fill!(Publication, x, [name, publisher, date, url, summary])
        }),
        skills: skills(&p.skills, &mut not_mapped),
        languages: all(&p.languages, |l| fill!(Language, l, [language, fluency])),
        interests: all(&p.interests, |x| fill!(Interest, x, [name, keywords])),
        references: all(&p.references, reference),
        projects: projects(&p.projects, &mut not_mapped),
        extra: Default::default(),
    };
    let mut document = document(&resume);
    not_mapped.extend(custom::restore(&p.sections, &mut document));
    not_mapped.extend(no_place::without_a_place(p));
    not_mapped.dedup();
    Exported {
        document,
        not_mapped,
    }
}

fn all<T, E>(entries: &[T], convert: impl Fn(&T) -> E) -> Entries<E> {
    entries.iter().map(convert).collect()
}

/// The resume as JSON. Absent fields serialise as `null` and empty lists
/// as `[]`; a JSON Resume document leaves both out.
fn document(resume: &jr::Resume) -> Value {
    fn prune(value: Value) -> Value {
        match value {
            Value::Object(map) => map
                .into_iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, v)| (k, prune(v)))
                .collect(),
            Value::Array(items) => items.into_iter().map(prune).collect(),
            other => other,
        }
    }
    let document = prune(serde_json::to_value(resume).expect("a JSON Resume has string keys only"));
    with_schemes(document)
}

/// Links as JSON Resume's schema wants them (format `uri`): a profile may
/// write `example.com`, which a browser reads as `https://example.com`; the
/// export says so.
fn with_schemes(value: Value) -> Value {
    match value {
        Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(url) if k == "url" && !has_scheme(&url) => {
                    (k, Value::String(format!("https://{url}")))
                }
                v => (k, with_schemes(v)),
            })
            .collect(),
        Value::Array(items) => items.into_iter().map(with_schemes).collect(),
        other => other,
    }
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`…), as RFC 3986
/// writes one: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

fn basics(b: &Basics, not_mapped: &mut Vec<String>) -> jr::Basics {
    jr::Basics {
        image: b.photo.as_field(),
        location: b.location.as_ref().map(|l| location(l, not_mapped)),
        profiles: all(&b.profiles, |p| fill!(Profile, p, [network, username, url])),
        ..fill!(Basics, b, [name, label, email, phone, url, summary])
    }
}

fn location(location: &Location, not_mapped: &mut Vec<String>) -> jr::Location {
    match location {
        Location::Table(t) => {
            if t.country.is_some() && t.country_code.is_none() {
                not_mapped
                    .push("basics.location.country (JSON Resume has countryCode only)".into());
            }
            fill!(
                Location,
                t,
                [address, postal_code, city, country_code, region]
            )
        }
        Location::Text(place) => jr::Location {
            address: Field::from(Value::from(place.as_str())),
            ..Default::default()
        },
    }
}

/// Each role is its own work entry, under its organisation's name.
fn work(work: &[Work], not_mapped: &mut Vec<String>) -> Entries<jr::Work> {
    let mut entries = Vec::new();
    for (i, w) in work.iter().enumerate() {
        let roles: Vec<RoleView> = if w.roles.is_empty() {
            vec![RoleView::of_work(w)]
        } else {
            if w.position.is_some() || w.start.is_some() {
                not_mapped.push(format!(
                    "work[{i}]: the entry's own position/dates next to its roles"
                ));
            }
            w.roles.iter().map(RoleView::of_role).collect()
        };
        for role in roles {
            if !role.stack.is_empty() {
                not_mapped.push(format!(
                    "work[{i}].stack (JSON Resume work entries have no keywords)"
                ));
            }
            entries.push(role.entry(w));
        }
    }
    entries.into_iter().collect()
}

/// The fields of one role, whether written on the work entry or under roles.
struct RoleView<'a> {
    position: Option<&'a String>,
    team: Option<&'a String>,
    location: Option<&'a Location>,
    start: Option<&'a toml::Spanned<DateInput>>,
    end: Option<&'a toml::Spanned<DateInput>>,
    summary: &'a Option<String>,
    highlights: &'a [Bullet],
    stack: &'a [String],
    blocks: &'a [Block],
}

impl<'a> RoleView<'a> {
    fn of_work(w: &'a Work) -> Self {
        Self {
            position: w.position.as_ref(),
            team: w.team.as_ref(),
            location: None,
            start: w.start.as_ref(),
            end: w.end.as_ref(),
            summary: &w.summary,
            highlights: &w.highlights,
            stack: &w.stack,
            blocks: &w.blocks,
        }
    }

    fn of_role(r: &'a Role) -> Self {
        Self {
            position: r.position.as_ref(),
            team: r.team.as_ref(),
            location: r.location.as_ref(),
            start: r.start.as_ref(),
            end: r.end.as_ref(),
            summary: &r.summary,
            highlights: &r.highlights,
            stack: &r.stack,
            blocks: &r.blocks,
        }
    }

    /// The role as a work entry of the organisation `w`.
    fn entry(&self, w: &Work) -> jr::Work {
        let place = self.location.or(w.location.as_ref()).map(Location::display);
        let mut highlights = flatten(self.highlights);
        for block in self.blocks {
            highlights.extend(block_lines(block));
        }
        jr::Work {
            at: jr::Employer {
                location: text(place.as_deref()),
                ..fill!(Employer, w, [name, description])
            },
            position: text(join_some([self.position, self.team], ", ").as_deref()),
            url: w.url.as_field(),
            summary: self.summary.as_field(),
            highlights: list(highlights),
            period: period(self.start, self.end),
            extra: Default::default(),
        }
    }
}

fn volunteer(v: &Volunteer) -> jr::Volunteer {
    jr::Volunteer {
        at: jr::Organization {
            organization: v.organization.as_field(),
        },
        period: period(v.start.as_ref(), v.end.as_ref()),
        ..fill!(Volunteer, v, [position, url, summary, highlights])
    }
}

fn education(e: &Education) -> jr::Education {
    jr::Education {
        period: period(e.start.as_ref(), e.end.as_ref()),
        ..fill!(
            Education,
            e,
            [institution, url, area, study_type, score, courses]
        )
    }
}

fn skills(skills: &[Skill], not_mapped: &mut Vec<String>) -> Entries<jr::Skill> {
    let skill = |(i, s): (usize, &Skill)| {
        if s.note.is_some() {
            not_mapped.push(format!("skills[{i}].note"));
        }
        fill!(Skill, s, [name, level, keywords])
    };
    skills.iter().enumerate().map(skill).collect()
}

/// JSON Resume has no role or organisation: they go after the name.
fn reference(r: &Reference) -> jr::Reference {
    let name = join_some(
        [Some(&r.name), r.role.as_ref(), r.organization.as_ref()],
        ", ",
    );
    jr::Reference {
        name: text(name.as_deref()),
        ..fill!(Reference, r, [reference])
    }
}

fn projects(projects: &[Project], not_mapped: &mut Vec<String>) -> Entries<jr::Project> {
    let project = |(i, x): (usize, &Project)| {
        if x.stars.is_some() || x.featured {
            not_mapped.push(format!("projects[{i}].stars / featured"));
        }
        jr::Project {
            period: period(x.start.as_ref(), x.end.as_ref()),
            ..fill!(Project, x, [name, description, highlights, keywords, url])
        }
    };
    projects.iter().enumerate().map(project).collect()
}

/// Bullets as strings: "Label: text", nested bullets indented with "– ".
fn flatten(bullets: &[Bullet]) -> Vec<String> {
    let mut out = Vec::new();
    for b in bullets {
        let line = match (&b.label, &b.text) {
            (Some(l), Some(t)) => format!("{}: {t}", l.trim_end_matches(':')),
            (Some(l), None) => l.clone(),
            (None, Some(t)) => t.clone(),
            (None, None) => String::new(),
        };
        if !line.is_empty() {
            out.push(line);
        }
        out.extend(flatten(&b.items).into_iter().map(|s| format!("– {s}")));
    }
    out
}

/// A block as highlight lines: its title and text, then its items and quote.
fn block_lines(b: &Block) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(head) = join_some([b.title.as_ref(), b.text.as_ref()], ": ") {
        out.push(head);
    }
    out.extend(flatten(&b.items));
    if let Some(quote) = &b.quote {
        out.push(match &b.cite {
            Some(cite) => format!("“{quote}” — {cite}"),
            None => format!("“{quote}”"),
        });
    }
    out
}

fn join_some<const N: usize>(parts: [Option<&String>; N], sep: &str) -> Option<String> {
    let kept: Vec<&str> = parts
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join(sep))
}

/// A profile value as a JSON Resume field: blank text and empty lists are
/// absent, as JSON Resume leaves out what is not there. The profile's value
/// types (text, checked addresses, dates, bullets) are read here and in
/// [`date`], so a change of the model is adapted in one place.
trait AsField {
    fn as_field(&self) -> Field;
}

impl AsField for String {
    fn as_field(&self) -> Field {
        text(Some(self))
    }
}

impl AsField for Option<String> {
    fn as_field(&self) -> Field {
        text(self.as_deref())
    }
}

/// A checked address (URL, e-mail, file), as written.
impl AsField for Option<toml::Spanned<String>> {
    fn as_field(&self) -> Field {
        text(self.as_ref().map(|a| a.get_ref().as_str()))
    }
}

impl AsField for Option<toml::Spanned<DateInput>> {
    fn as_field(&self) -> Field {
        text(date(self.as_ref()))
    }
}

impl AsField for Vec<String> {
    fn as_field(&self) -> Field {
        list(self.clone())
    }
}

/// A skill's level and note stay with its name: "Rust (deepest, 3 roles)".
impl AsField for Vec<SkillItem> {
    fn as_field(&self) -> Field {
        list(self.iter().map(SkillItem::display).collect())
    }
}

impl AsField for Vec<Bullet> {
    fn as_field(&self) -> Field {
        list(flatten(self))
    }
}

fn text(text: Option<&str>) -> Field {
    match text {
        Some(text) if !text.trim().is_empty() => Field::from(Value::from(text)),
        _ => Field::default(),
    }
}

fn list(lines: Vec<String>) -> Field {
    Field::from(Value::from(lines))
}

/// A date as the profile writes it.
fn date(date: Option<&toml::Spanned<DateInput>>) -> Option<&str> {
    date.map(|d| d.get_ref().text.as_str())
}

/// `startDate`/`endDate`; "present" is an absent end date in JSON Resume.
fn period(
    start: Option<&toml::Spanned<DateInput>>,
    end: Option<&toml::Spanned<DateInput>>,
) -> jr::Period {
    let end =
        date(end).filter(|e| !e.eq_ignore_ascii_case("present") && !e.eq_ignore_ascii_case("now"));
    jr::Period {
        start: text(date(start)),
        end: text(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_without_a_scheme_get_https() {
        let doc = serde_json::json!({"basics": {"url": "example.com", "profiles": [{"url": "http://a.example"}]},
                                     "work": [{"url": "mailto:a@example.com"}]});
        let doc = with_schemes(doc);
        assert_eq!(doc["basics"]["url"], "https://example.com");
        assert_eq!(doc["basics"]["profiles"][0]["url"], "http://a.example");
        assert_eq!(doc["work"][0]["url"], "mailto:a@example.com");
        assert!(!has_scheme("example.com/a:b"));
    }
}
