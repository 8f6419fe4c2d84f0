//! Fonts: the bundled families from `fonts/`, embedded in the binary, plus
//! system fonts only when a profile asks for a family vitae does not bundle.
//!
//! The font book (names, styles, coverage) is built once per process; a face
//! is only fully parsed the first time Typst asks for it.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use include_dir::{Dir, include_dir};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fonts");

/// The folder of `fonts/` whose fonts are icons, not text (see `icons`).
pub const ICON_FONTS: &str = "font-awesome";

/// Where fonts may come from besides the bundled ones: `--font-path` (and
/// `VITAE_FONT_PATHS`) folders, whose every face is added; and the system's
/// installed fonts, searched for a family a theme asks for, unless
/// `--ignore-system-fonts`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FontOptions {
    pub paths: Vec<PathBuf>,
    pub ignore_system: bool,
}

/// Where a face's bytes come from.
#[derive(Debug)]
enum FontSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// One face, loaded on first use.
#[derive(Debug)]
struct FontSlot {
    source: FontSource,
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl FontSlot {
    fn get(&self) -> Option<Font> {
        self.font
            .get_or_init(|| {
                let data = match &self.source {
                    FontSource::Embedded(bytes) => Bytes::new(*bytes),
                    FontSource::File(path) => Bytes::new(std::fs::read(path).ok()?),
                };
                Font::new(data, self.index)
            })
            .clone()
    }
}

/// All fonts a render may use, shared by every document of a process.
#[derive(Debug)]
pub struct FontSet {
    book: LazyHash<FontBook>,
    slots: Vec<FontSlot>,
    bundled_families: BTreeSet<String>,
}

impl FontSet {
    /// The bundled fonts only: what every render uses by default.
    pub fn bundled() -> Self {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        let mut families = BTreeSet::new();
        for file in all_files(&BUNDLED) {
            let is_font = file
                .path()
                .extension()
                .is_some_and(|e| e == "ttf" || e == "otf" || e == "ttc");
            // The icon fonts are drawn from as shapes (`icons`), never as
            // text: they map emoji too, which should stay missing rather
            // than turn into icons.
            if !is_font || file.path().starts_with(ICON_FONTS) {
                continue;
            }
            let data: &'static [u8] = file.contents();
            for (index, info) in FontInfo::iter(data).enumerate() {
                families.insert(info.family.clone());
                book.push(info);
                slots.push(FontSlot {
                    source: FontSource::Embedded(data),
                    index: index as u32,
                    font: OnceLock::new(),
                });
            }
        }
        Self {
            book: LazyHash::new(book),
            slots,
            bundled_families: families,
        }
    }

    /// The bundled fonts plus installed faces of the given families (and any
    /// font in `extra_dirs`). Only called when a profile asks for a family
    /// that is not bundled, so renders never scan the system by default.
    pub fn with_system_families(families: &[String], extra_dirs: &[PathBuf]) -> Self {
        let mut set = Self::bundled();
        if families.is_empty() && extra_dirs.is_empty() {
            return set;
        }
        let mut db = fontdb::Database::new();
        if !families.is_empty() {
            db.load_system_fonts();
        }
        for dir in extra_dirs {
            db.load_fonts_dir(dir);
        }
        let wanted: Vec<String> = families.iter().map(|f| f.to_lowercase()).collect();
        let mut book = (*set.book).clone();
        for face in db.faces() {
            let fontdb::Source::File(path) = &face.source else {
                continue;
            };
            let from_a_font_path = extra_dirs.iter().any(|dir| path.starts_with(dir));
            let matches = from_a_font_path
                || face
                    .families
                    .iter()
                    .any(|(name, _)| wanted.contains(&name.to_lowercase()));
            if !matches {
                continue;
            }
            let Ok(data) = std::fs::read(path) else {
                continue;
            };
            let Some(info) = FontInfo::new(&data, face.index) else {
                continue;
            };
            book.push(info);
            set.slots.push(FontSlot {
                source: FontSource::File(path.clone()),
                index: face.index,
                font: OnceLock::new(),
            });
        }
        set.book = LazyHash::new(book);
        set
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.slots.get(index)?.get()
    }

    /// The family names vitae carries, for `vitae layouts` and warnings.
    pub fn bundled_families(&self) -> &BTreeSet<String> {
        &self.bundled_families
    }

    /// Whether a family (any case) is available in this set.
    pub fn has_family(&self, family: &str) -> bool {
        self.book.contains_family(&family.to_lowercase())
    }
}

impl FontSet {
    /// Characters of `text` that no font in this set can draw. Typst drops
    /// such characters silently, so vitae checks before compiling.
    pub fn uncovered(&self, text: &str) -> Vec<char> {
        let infos: Vec<&FontInfo> = (0..).map_while(|i| self.book.info(i)).collect();
        let mut missing = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || missing.contains(&c) {
                continue;
            }
            if !infos
                .iter()
                .any(|info| info.coverage.contains(u32::from(c)))
            {
                missing.push(c);
            }
        }
        missing
    }
}

/// The bytes of a bundled font file, by its path under `fonts/`.
pub fn bundled_file(path: &str) -> Option<&'static [u8]> {
    BUNDLED.get_file(path).map(|f| f.contents())
}

fn all_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut files: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files.sort_by_key(|f| f.path());
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_the_default_family_in_four_styles() {
        let fonts = FontSet::bundled();
        assert!(fonts.has_family("Inter"));
        let inter = fonts.book().select_family("inter").count();
        assert!(inter >= 4, "Inter has {inter} faces");
        assert!(fonts.font(0).is_some());
        assert!(fonts.uncovered("Zoë → ↓ ★ ✓ ₹ नमस्ते").is_empty());
        assert_eq!(fonts.uncovered("a \u{1F9EA} b \u{1F9EA}"), ['\u{1F9EA}']);
    }
}
