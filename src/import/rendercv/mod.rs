//! A RenderCV YAML file (`cv:` and `design:`) as a vitae profile.
//!
//! RenderCV's `cv.sections` maps free titles to lists of entries whose kind
//! is recognised by their fields, as RenderCV itself does (see
//! [`targets`]). The first section of a kind that vitae has a section for
//! (experience → `work`, skills → `skills`, …) becomes that section, keeping
//! RenderCV's title; every other section becomes a custom section with the
//! same title. `design` is styling: its theme and page size choose a vitae
//! layout and paper, the rest is listed as not imported.

mod basics;
mod document;
mod entry;
mod sections;
mod settings;
mod targets;
mod themes;
mod yaml;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use toml::{Table, Value as Toml};
use yaml_rust2::{Yaml, YamlLoader};

use super::other_details::OtherDetails;
use super::{Imported, Report, finish};
use document::Document;

/// Converts a RenderCV file whose profile goes into `folder`. Fails only
/// when the text is not YAML with a `cv` table.
pub fn rendercv(text: &str, folder: &Path) -> Result<Imported, String> {
    yaml::check_size(text)?;
    let docs = YamlLoader::load_from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    let yaml = docs.into_iter().next().unwrap_or(Yaml::Null);
    let document: Document = serde_json::from_value(yaml::to_json(yaml))
        .map_err(|_| "a RenderCV file has a `cv:` table at the top".to_string())?;
    let mut out = Converter {
        folder: folder.to_path_buf(),
        ..Converter::default()
    };
    out.basics(&document.cv);
    for section in &document.cv.sections {
        out.section(&section.key, &section.entries);
    }
    out.settings(&document);
    out.finish()
}

/// The profile being written, and what did not map one to one.
#[derive(Default)]
struct Converter {
    root: Table,
    /// Ids of the custom sections so far, to keep them unique.
    custom_ids: BTreeSet<String>,
    /// Section ids in the order the RenderCV file lists them.
    order: Vec<String>,
    /// RenderCV's titles for vitae's own sections, where they differ.
    titles: Table,
    custom: Vec<Toml>,
    other: OtherDetails,
    report: Report,
    /// Where the profile goes: a photo must be there.
    folder: PathBuf,
}

impl Converter {
    fn finish(mut self) -> Result<Imported, String> {
        // Sections in RenderCV's order, through the theme every layout honours.
        let order = self.order.iter().cloned().map(Toml::String).collect();
        self.theme()
            .insert("section_order".into(), Toml::Array(order));
        if !self.titles.is_empty() {
            self.root.insert("titles".into(), Toml::Table(self.titles));
        }
        if !self.custom.is_empty() {
            self.root
                .insert("sections".into(), Toml::Array(self.custom));
        }
        finish(self.root, self.other, self.report, "RenderCV")
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
}
