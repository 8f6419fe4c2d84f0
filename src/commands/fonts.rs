//! `vitae fonts`: the font families a layout (or `font` in a theme) can
//! use, and where each comes from.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use super::{Failure, Terminal};
use crate::cli::FontArgs;
use crate::compile::fonts::FontSet;
use crate::settings::font_options;

pub fn run(args: &FontArgs, _term: &Terminal) -> anyhow::Result<ExitCode> {
    let options = font_options(args).map_err(|d| Failure::usage([d]))?;
    // Family → where it is from; the first source wins, as in a render.
    let mut families: BTreeMap<String, String> = BTreeMap::new();
    for family in FontSet::bundled().bundled_families() {
        families.insert(family.clone(), "bundled".into());
    }
    for dir in &options.paths {
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(dir);
        for face in db.faces() {
            for (name, _) in &face.families {
                families
                    .entry(name.clone())
                    .or_insert_with(|| dir.display().to_string());
            }
        }
    }
    if !options.ignore_system {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        for face in db.faces() {
            for (name, _) in &face.families {
                families
                    .entry(name.clone())
                    .or_insert_with(|| "installed".into());
            }
        }
    }
    let width = families
        .keys()
        .map(|f| f.chars().count())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (family, from) in &families {
        text.push_str(&format!("{family:width$}  {from}\n"));
    }
    text.push_str("\nUse one with `font = \"…\"` in [theme] or --theme font=…; --font-path DIR adds a folder.\n");
    let _ = std::io::stdout().write_all(crate::diagnostic::printable(&text).as_bytes());
    Ok(ExitCode::SUCCESS)
}
