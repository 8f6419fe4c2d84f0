//! A JSON Resume (1.x) document as a vitae profile.
//!
//! Known fields map to vitae's keys (camelCase → snake_case, `startDate` →
//! `start`, an open-ended role → `end = "present"`), and so do the names of
//! JSON Resume 0.x ([`legacy`]). Empty fields are absent. Nothing with
//! content is dropped: fields vitae has no key for go into a custom section
//! "Other details", one entry per object, and are listed; bookkeeping
//! (`$schema`, `meta`) and a photo vitae cannot embed are listed as not
//! imported.

pub(crate) mod document;
mod entries;
mod legacy;

use std::path::Path;

use serde_json::Value;
use toml::{Table, Value as Toml};

use super::networks::profile_url;
use super::other_details::OtherDetails;
use super::photo::photo;
use super::values::{plain, prune, require, to_toml};
use super::written::{Entries, Extra};
use super::{Imported, Report, finish};
use document::{Basics, Location, Profile, Resume};
use entries::{Entry, Keyed, keyed};

/// Top-level fields about the document rather than the person: listed, not
/// printed.
const BOOKKEEPING: &[&str] = &["meta"];

/// Converts a JSON Resume document whose profile goes into `folder`. Fails
/// only when the input is not a JSON object.
pub fn json_resume(text: &str, folder: &Path) -> Result<Imported, String> {
    let json: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    if !json.is_object() {
        return Err("a JSON Resume document is a JSON object".into());
    }
    let mut json = prune(json).unwrap_or_else(|| Value::Object(Default::default()));
    legacy::modernise(&mut json);
    let resume: Resume =
        serde_json::from_value(json).map_err(|e| format!("not a JSON Resume document: {e}"))?;
    let mut other = OtherDetails::default();
    let mut report = Report::default();
    if resume.schema.get().is_some() {
        report
            .skipped
            .push("$schema (JSON Resume bookkeeping: which schema the file follows)".into());
    }
    let mut root = Table::new();
    root.insert(
        "basics".into(),
        Toml::Table(basics(&resume.basics, folder, &mut other, &mut report)),
    );
    let mut sections = Sections {
        root: &mut root,
        other: &mut other,
    };
    sections.add(&resume.work);
    sections.add(&resume.volunteer);
    sections.add(&resume.education);
    sections.add(&resume.awards);
    sections.add(&resume.certificates);
    sections.add(&resume.publications);
    sections.add(&resume.skills);
    sections.add(&resume.languages);
    sections.add(&resume.interests);
    sections.add(&resume.references);
    sections.add(&resume.projects);
    for (key, value) in &resume.extra {
        if BOOKKEEPING.contains(&key.as_str()) {
            report.skipped.push(bookkeeping(key, value));
            continue;
        }
        let field = Extra::from([(key.clone(), value.clone())]);
        other.keep(key, &field, str::to_string);
    }
    finish(root, other, report, "JSON Resume")
}

/// A bookkeeping field as a note naming what it held.
fn bookkeeping(key: &str, value: &Value) -> String {
    let held = match value {
        Value::Object(fields) => fields.keys().cloned().collect::<Vec<_>>().join(", "),
        other => plain(other),
    };
    format!("{key} (JSON Resume bookkeeping: {held})")
}

/// The sections of the profile being written, and where their leftovers go.
struct Sections<'a> {
    root: &'a mut Table,
    other: &'a mut OtherDetails,
}

impl Sections<'_> {
    /// Adds a section, when it has entries.
    fn add<E: Entry>(&mut self, entries: &Entries<E>) {
        let converted: Vec<Toml> = entries
            .iter()
            .map(|(i, entry)| Toml::Table(self.entry(entry, i)))
            .collect();
        if !converted.is_empty() {
            self.root.insert(E::SECTION.into(), Toml::Array(converted));
        }
    }

    fn entry<E: Entry>(&mut self, entry: &E, index: usize) -> Table {
        let mut table = fields(&entry.keyed());
        // JSON Resume leaves out the end date of a current role.
        if table.contains_key("start") && !table.contains_key("end") {
            table.insert("end".into(), Toml::String("present".into()));
        }
        require(&mut table, E::REQUIRED, E::SECTION);
        let at = format!("{}[{index}]", E::SECTION);
        self.other
            .keep_for_entry(&table, E::SECTION, &at, entry.extra());
        table
    }
}

/// The fields that have a value, under their vitae keys. A location is
/// kept as text whatever it holds.
fn fields(keyed: &[Keyed]) -> Table {
    let mut table = Table::new();
    for (key, field) in keyed {
        let value = match (*key, field.get()) {
            (_, None) => None,
            ("location", Some(value)) => Some(Toml::String(plain(value))),
            (_, Some(value)) => to_toml(value),
        };
        if let Some(value) = value {
            table.insert(key.to_string(), value);
        }
    }
    table
}

fn basics(basics: &Basics, folder: &Path, other: &mut OtherDetails, report: &mut Report) -> Table {
    let mut table = fields(&keyed!(basics, name, label, email, phone, url, summary));
    if let Some(place) = basics.location.as_ref().map(location)
        && !place.is_empty()
    {
        table.insert("location".into(), Toml::Table(place));
    }
    let profiles: Vec<Toml> = basics
        .profiles
        .iter()
        .map(|(i, p)| profile(p, i, report))
        .collect();
    if !profiles.is_empty() {
        table.insert("profiles".into(), Toml::Array(profiles));
    }
    match basics.image.get() {
        Some(Value::String(image)) => match photo(image, folder, "basics.image") {
            Ok(file) => {
                table.insert("photo".into(), Toml::String(file));
            }
            Err(note) => report.skipped.push(note),
        },
        Some(other) => report
            .skipped
            .push(format!("basics.image = {other} (not a file name)")),
        None => {}
    }
    other.keep("basics", &basics.extra, |key| format!("basics.{key}"));
    table
}

/// The parts of an address that are written as text.
fn location(location: &Location) -> Table {
    texts(&keyed!(
        location,
        address,
        postal_code,
        city,
        region,
        country_code
    ))
}

/// A profile on a network. A link that does not name the username (often
/// just the network's home page, `https://twitter.com`) would be shown
/// instead of the username and lead nowhere: it is replaced by the
/// profile's address where vitae knows the network, and left out otherwise,
/// so that the username is shown with its network; either way it is listed.
fn profile(profile: &Profile, index: usize, report: &mut Report) -> Toml {
    let network = profile.network.get().map_or("profile".into(), plain);
    let mut table = texts(&keyed!(profile, username, url));
    if let (Some(Toml::String(user)), Some(Toml::String(url))) =
        (table.get("username"), table.get("url"))
    {
        let name = user.trim_start_matches('@').to_lowercase();
        if !url.to_lowercase().contains(&name) {
            let at = format!("basics.profiles[{index}].url = \"{url}\"");
            match profile_url(&network, user) {
                Some(better) => {
                    report.notes.push(format!(
                        "{at} does not lead to {user}'s profile: replaced by {better}"
                    ));
                    table.insert("url".into(), Toml::String(better));
                }
                None => {
                    report.skipped.push(format!(
                        "{at} (does not lead to {user}'s profile; the username is shown instead)"
                    ));
                    table.remove("url");
                }
            }
        }
    }
    table.insert("network".into(), Toml::String(network));
    Toml::Table(table)
}

/// The fields that hold text, under their vitae keys.
fn texts(keyed: &[Keyed]) -> Table {
    keyed
        .iter()
        .filter_map(|(key, field)| {
            let text = field.as_str().filter(|s| !s.is_empty())?;
            Some((key.to_string(), Toml::String(text.into())))
        })
        .collect()
}
