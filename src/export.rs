//! `vitae export PROFILE --to json-resume`: a profile as a JSON Resume 1.0
//! document.
//!
//! JSON Resume is flatter than vitae: one position per work entry, strings
//! for highlights, no cover, key numbers or custom sections. Each role becomes
//! its own work entry, nested bullets and blocks are flattened into
//! highlights, and everything that has no place is listed in the returned
//! notes so the user knows what was left out. Text keeps its inline markup,
//! which JSON Resume renderers commonly read as Markdown.

use serde_json::{Map, Value, json};

use crate::profile::model::*;

/// The JSON Resume document and what could not be mapped.
pub struct Exported {
    pub document: Value,
    pub not_mapped: Vec<String>,
}

/// Converts a profile to JSON Resume.
pub fn json_resume(p: &Profile) -> Exported {
    let mut not_mapped = Vec::new();
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
    );
    doc.insert("basics".into(), basics(&p.basics, &mut not_mapped));

    let mut work = Vec::new();
    for (i, w) in p.work.iter().enumerate() {
        let entry_roles: Vec<RoleView> = if w.roles.is_empty() {
            vec![RoleView::of_work(w)]
        } else {
            if w.position.is_some() || w.start.is_some() {
                not_mapped.push(format!(
                    "work[{i}]: the entry's own position/dates next to its roles"
                ));
            }
            w.roles.iter().map(RoleView::of_role).collect()
        };
        for role in entry_roles {
            if !role.stack.is_empty() {
                not_mapped.push(format!(
                    "work[{i}].stack (JSON Resume work entries have no keywords)"
                ));
            }
            let mut entry = Map::new();
            put(&mut entry, "name", w.name.clone());
            put(&mut entry, "description", w.description.clone());
            put(
                &mut entry,
                "url",
                w.url.as_ref().map(|u| u.get_ref().clone()),
            );
            put(
                &mut entry,
                "location",
                role.location.or(w.location.as_ref()).map(Location::display),
            );
            put(
                &mut entry,
                "position",
                join_some([role.position, role.team], ", "),
            );
            dates(&mut entry, role.start, role.end);
            put(&mut entry, "summary", role.summary.clone());
            let mut highlights = flatten(role.highlights);
            for block in role.blocks {
                highlights.extend(block_lines(block));
            }
            list(&mut entry, "highlights", highlights);
            work.push(Value::Object(entry));
        }
    }
    section(&mut doc, "work", work);

    let volunteer = p.volunteer.iter().map(|v| {
        let mut e = Map::new();
        put(&mut e, "organization", v.organization.clone());
        put(&mut e, "position", v.position.clone());
        put(&mut e, "url", v.url.as_ref().map(|u| u.get_ref().clone()));
        dates(&mut e, v.start.as_ref(), v.end.as_ref());
        put(&mut e, "summary", v.summary.clone());
        list(&mut e, "highlights", flatten(&v.highlights));
        Value::Object(e)
    });
    section(&mut doc, "volunteer", volunteer.collect());

    let education = p.education.iter().map(|x| {
        let mut e = Map::new();
        put(&mut e, "institution", x.institution.clone());
        put(&mut e, "url", x.url.as_ref().map(|u| u.get_ref().clone()));
        put(&mut e, "area", x.area.clone());
        put(&mut e, "studyType", x.study_type.clone());
        dates(&mut e, x.start.as_ref(), x.end.as_ref());
        put(&mut e, "score", x.score.clone());
        list(&mut e, "courses", x.courses.clone());
        Value::Object(e)
    });
    section(&mut doc, "education", education.collect());

    let awards = p.awards.iter().map(|a| {
        let mut e = Map::new();
        put(&mut e, "title", Some(a.title.clone()));
        put(
            &mut e,
            "date",
            a.date.as_ref().map(|d| d.get_ref().text.clone()),
        );
        put(&mut e, "awarder", a.awarder.clone());
        put(&mut e, "summary", a.summary.clone());
        Value::Object(e)
    });
    section(&mut doc, "awards", awards.collect());

    let certificates = p.certificates.iter().map(|c| {
        let mut e = Map::new();
        put(&mut e, "name", Some(c.name.clone()));
        put(
            &mut e,
            "date",
            c.date.as_ref().map(|d| d.get_ref().text.clone()),
        );
        put(&mut e, "issuer", c.issuer.clone());
        put(&mut e, "url", c.url.as_ref().map(|u| u.get_ref().clone()));
        Value::Object(e)
    });
    section(&mut doc, "certificates", certificates.collect());

    let publications = p.publications.iter().map(|x| {
        let mut e = Map::new();
        put(&mut e, "name", Some(x.name.clone()));
        put(&mut e, "publisher", x.publisher.clone());
        put(
            &mut e,
            "releaseDate",
            x.date.as_ref().map(|d| d.get_ref().text.clone()),
        );
        put(&mut e, "url", x.url.as_ref().map(|u| u.get_ref().clone()));
        put(&mut e, "summary", x.summary.clone());
        Value::Object(e)
    });
    section(&mut doc, "publications", publications.collect());

    let skills = p.skills.iter().enumerate().map(|(i, s)| {
        if s.note.is_some() {
            not_mapped.push(format!("skills[{i}].note"));
        }
        let mut e = Map::new();
        put(&mut e, "name", Some(s.name.clone()));
        put(&mut e, "level", s.level.clone());
        list(&mut e, "keywords", s.keywords.clone());
        Value::Object(e)
    });
    let skills: Vec<Value> = skills.collect();
    section(&mut doc, "skills", skills);

    let languages = p.languages.iter().map(|l| {
        let mut e = Map::new();
        put(&mut e, "language", Some(l.language.clone()));
        put(&mut e, "fluency", l.fluency.clone());
        Value::Object(e)
    });
    section(&mut doc, "languages", languages.collect());

    let interests = p.interests.iter().map(|x| {
        let mut e = Map::new();
        put(&mut e, "name", Some(x.name.clone()));
        list(&mut e, "keywords", x.keywords.clone());
        Value::Object(e)
    });
    section(&mut doc, "interests", interests.collect());

    let references = p.references.iter().map(|r| {
        // JSON Resume has no role or organisation: they go after the name.
        let mut e = Map::new();
        put(
            &mut e,
            "name",
            join_some(
                [Some(&r.name), r.role.as_ref(), r.organization.as_ref()],
                ", ",
            ),
        );
        put(&mut e, "reference", r.reference.clone());
        Value::Object(e)
    });
    section(&mut doc, "references", references.collect());

    let mut projects = Vec::new();
    for (i, x) in p.projects.iter().enumerate() {
        if x.stars.is_some() || x.featured {
            not_mapped.push(format!("projects[{i}].stars / featured"));
        }
        let mut e = Map::new();
        put(&mut e, "name", Some(x.name.clone()));
        put(&mut e, "description", x.description.clone());
        put(&mut e, "url", x.url.as_ref().map(|u| u.get_ref().clone()));
        dates(&mut e, x.start.as_ref(), x.end.as_ref());
        list(&mut e, "highlights", flatten(&x.highlights));
        list(&mut e, "keywords", x.keywords.clone());
        projects.push(Value::Object(e));
    }
    section(&mut doc, "projects", projects);

    for (present, what) in [
        (p.cover.is_some(), "cover"),
        (p.numbers.is_some(), "numbers (key numbers)"),
        (!p.sections.is_empty(), "sections (custom sections)"),
        (!p.titles.is_empty(), "titles"),
        (!p.theme.is_empty(), "theme"),
        (p.layout.is_some(), "layout"),
        (p.basics.tagline.is_some(), "basics.tagline"),
        (p.basics.signature.is_some(), "basics.signature"),
        (
            !p.variants.is_empty(),
            "variants (export one with --variant)",
        ),
        (
            !crate::variant::all_tags(p).is_empty(),
            "tags (JSON Resume has no tags)",
        ),
    ] {
        if present {
            not_mapped.push(what.to_string());
        }
    }
    not_mapped.dedup();
    Exported {
        document: Value::Object(doc),
        not_mapped,
    }
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
}

fn basics(b: &Basics, not_mapped: &mut Vec<String>) -> Value {
    let mut e = Map::new();
    put(&mut e, "name", Some(b.name.clone()));
    put(&mut e, "label", b.label.clone());
    put(
        &mut e,
        "image",
        b.photo.as_ref().map(|p| p.get_ref().clone()),
    );
    put(
        &mut e,
        "email",
        b.email.as_ref().map(|x| x.get_ref().clone()),
    );
    put(&mut e, "phone", b.phone.clone());
    put(&mut e, "url", b.url.as_ref().map(|x| x.get_ref().clone()));
    put(&mut e, "summary", b.summary.clone());
    match &b.location {
        Some(Location::Table(t)) => {
            let mut l = Map::new();
            put(&mut l, "address", t.address.clone());
            put(&mut l, "postalCode", t.postal_code.clone());
            put(&mut l, "city", t.city.clone());
            put(&mut l, "countryCode", t.country_code.clone());
            put(&mut l, "region", t.region.clone());
            if t.country.is_some() && t.country_code.is_none() {
                not_mapped
                    .push("basics.location.country (JSON Resume has countryCode only)".into());
            }
            e.insert("location".into(), Value::Object(l));
        }
        Some(Location::Text(text)) => {
            e.insert("location".into(), json!({ "address": text }));
        }
        None => {}
    }
    let profiles: Vec<Value> = b
        .profiles
        .iter()
        .map(|p| {
            let mut e = Map::new();
            put(&mut e, "network", Some(p.network.clone()));
            put(&mut e, "username", p.username.clone());
            put(&mut e, "url", p.url.as_ref().map(|u| u.get_ref().clone()));
            Value::Object(e)
        })
        .collect();
    if !profiles.is_empty() {
        e.insert("profiles".into(), Value::Array(profiles));
    }
    Value::Object(e)
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

fn put(map: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        map.insert(key.into(), Value::String(value));
    }
}

fn list(map: &mut Map<String, Value>, key: &str, values: Vec<String>) {
    if !values.is_empty() {
        map.insert(
            key.into(),
            Value::Array(values.into_iter().map(Value::String).collect()),
        );
    }
}

/// `startDate`/`endDate`; "present" is an absent end date in JSON Resume.
fn dates(
    map: &mut Map<String, Value>,
    start: Option<&toml::Spanned<DateInput>>,
    end: Option<&toml::Spanned<DateInput>>,
) {
    put(map, "startDate", start.map(|d| d.get_ref().text.clone()));
    let end = end
        .map(|d| d.get_ref().text.clone())
        .filter(|e| !e.eq_ignore_ascii_case("present") && !e.eq_ignore_ascii_case("now"));
    put(map, "endDate", end);
}

fn section(doc: &mut Map<String, Value>, key: &str, entries: Vec<Value>) {
    if !entries.is_empty() {
        doc.insert(key.into(), Value::Array(entries));
    }
}
