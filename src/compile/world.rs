//! Stage 4: the Typst World for one document.
//!
//! It serves exactly three things: the layout's own files (through the
//! layout's sandboxed reader), the generated `/profile.json`, and assets that
//! vitae already checked (a profile's photo, under `/@vitae/`). Nothing else on
//! disk is reachable, packages are refused (vitae works offline), and `today()`
//! never reads the wall clock, so output is reproducible.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::FontSet;
use crate::layout::{Layout, ReadError};

/// The virtual path of the profile data.
pub const DATA_PATH: &str = "/profile.json";
/// Where checked profile assets (a photo) are served.
pub const ASSET_DIR: &str = "/@vitae/";
/// vitae's Typst helpers, importable by every layout.
pub const SHARED_LIBRARY_PATH: &str = "/@vitae/vitae.typ";
/// The contact icons' outlines, which vitae.typ draws (see `icons`).
pub const ICONS_PATH: &str = "/@vitae/icons.json";

/// A project-rooted file id for a virtual path.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("vitae's own virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

pub struct VitaeWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a FontSet,
    layout: &'a Layout,
    main: FileId,
    shared_library: FileId,
    icons: FileId,
    data: (FileId, Bytes),
    assets: Vec<(FileId, Bytes)>,
    today: Option<Datetime>,
    /// Sources parsed for this document, so each file is parsed once.
    sources: Mutex<HashMap<FileId, Source>>,
}

impl<'a> VitaeWorld<'a> {
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a FontSet,
        layout: &'a Layout,
        data: Vec<u8>,
        assets: Vec<(String, Vec<u8>)>,
    ) -> Self {
        Self {
            library,
            fonts,
            layout,
            main: file_id("/main.typ"),
            shared_library: file_id(SHARED_LIBRARY_PATH),
            icons: file_id(ICONS_PATH),
            data: (file_id(DATA_PATH), Bytes::new(data)),
            assets: assets
                .into_iter()
                .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
                .collect(),
            today: source_date(),
            sources: Mutex::new(HashMap::new()),
        }
    }

    pub fn layout(&self) -> &Layout {
        self.layout
    }

    /// Reads a layout file; this is where the sandbox is enforced.
    fn read_layout_file(&self, id: FileId) -> FileResult<Vec<u8>> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some("packages are not available: vitae renders offline; copy what you need into the layout folder".into())));
        }
        let path = id.vpath().get_without_slash().to_string();
        self.layout.read(&path).map_err(|e| match e {
            ReadError::NotFound => FileError::NotFound(PathBuf::from(id.vpath().get_with_slash())),
            ReadError::Outside => FileError::Other(Some(
                "a layout may only read files inside its own folder".into(),
            )),
            other @ (ReadError::TooLarge | ReadError::NotAFile(_)) => {
                FileError::Other(Some(format!("the file {other}").into()))
            }
        })
    }
}

/// The day of `SOURCE_DATE_EPOCH`, when set; otherwise no date at all, so a
/// layout calling `datetime.today()` fails instead of varying by day.
fn source_date() -> Option<Datetime> {
    let moment = super::source_date()?;
    Datetime::from_ymd(moment.year()?, moment.month()?, moment.day()?)
}

impl World for VitaeWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.data.0 || id == self.icons || self.assets.iter().any(|(a, _)| *a == id) {
            return Err(FileError::NotSource);
        }
        let mut cache = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(source) = cache.get(&id) {
            return Ok(source.clone());
        }
        let text = if id == self.shared_library {
            crate::layout::shared_library().to_string()
        } else {
            String::from_utf8(self.read_layout_file(id)?).map_err(|_| FileError::InvalidUtf8)?
        };
        let source = Source::new(id, text);
        cache.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        if let Some((_, bytes)) = self.assets.iter().find(|(a, _)| *a == id) {
            return Ok(bytes.clone());
        }
        if id == self.shared_library {
            return Ok(Bytes::from_string(crate::layout::shared_library()));
        }
        if id == self.icons {
            return Ok(Bytes::new(super::icons::json()));
        }
        self.read_layout_file(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
