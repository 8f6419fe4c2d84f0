//! Layouts: folders with `main.typ`, partials and a `layout.toml`.
//!
//! Built-in layouts are the folders under `layouts/`, embedded in the binary at
//! build time, so vitae works from any directory. `--layout DIR` loads a
//! user's folder with the same contract. Either way a layout can read only its
//! own files: [`Layout::read`] is the sandbox the Typst World relies on.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, one_of};
use crate::files::{self, ReadProblem};
use crate::limits;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/layouts");

/// vitae's Typst helpers (`layouts/vitae.typ`), served to every layout at
/// `/@vitae/vitae.typ`.
pub fn shared_library() -> &'static str {
    BUILTIN
        .get_file("vitae.typ")
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default()
}

/// The layout used when neither the command line nor the profile names one.
pub const DEFAULT_LAYOUT: &str = "classic";

/// What `layout.toml` says.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub description: String,
    /// The kind of CV (and career) the layout suits, for `vitae layouts`.
    pub suits: Option<String>,
    /// The most pages this layout is designed for (e.g. 1 for a one-page
    /// résumé); more is a warning, an error with `--strict`.
    pub max_pages: Option<usize>,
    /// Profile keys this layout leaves out on purpose (`basics.tagline`,
    /// `projects.stars`): the coverage proof notes them instead of failing.
    #[serde(default)]
    pub omits: Vec<String>,
    /// The theme options this layout honours, by name.
    #[serde(default)]
    pub options: BTreeMap<String, OptionSpec>,
}

/// One theme option a layout declares.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    pub description: String,
    #[serde(rename = "type")]
    pub kind: OptionKind,
    pub default: toml::Value,
    /// For `choice`: the allowed values.
    #[serde(default)]
    pub values: Vec<String>,
    /// For `number`: the allowed range.
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// The kinds of value a theme option can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionKind {
    /// One of `values`.
    Choice,
    /// A hex colour, `#1f4e79`.
    Color,
    /// A length with a unit: `1.6cm`, `12mm`, `0.7in`, `18pt`.
    Length,
    Number,
    Bool,
    /// A font family name.
    Font,
    String,
}

/// Where a layout's files live.
#[derive(Debug, Clone)]
enum Files {
    Embedded(&'static Dir<'static>),
    /// A user's folder, canonicalised: every read must stay under it.
    Folder(PathBuf),
}

/// A loaded layout.
#[derive(Debug, Clone)]
pub struct Layout {
    pub manifest: Manifest,
    files: Files,
}

impl Layout {
    /// The names of the built-in layouts, sorted.
    pub fn builtin_names() -> Vec<&'static str> {
        let mut names: Vec<&str> = BUILTIN
            .dirs()
            .filter(|d| d.get_file(d.path().join("main.typ")).is_some())
            .filter_map(|d| d.path().file_name()?.to_str())
            .collect();
        names.sort_unstable();
        names
    }

    /// The files of a built-in layout (main.typ, layout.toml, partials),
    /// by their path inside it, and the guide to writing layouts as
    /// `README.md`.
    pub fn builtin_files(name: &str) -> Option<Vec<(PathBuf, &'static [u8])>> {
        let dir = BUILTIN.get_dir(name)?;
        let mut files = Vec::new();
        collect_files(dir, dir.path(), &mut files);
        if let Some(guide) = BUILTIN.get_file("README.md") {
            files.push((PathBuf::from("README.md"), guide.contents()));
        }
        files.sort();
        Some(files)
    }

    /// A built-in layout by name.
    pub fn builtin(name: &str) -> Option<Layout> {
        let dir = BUILTIN.get_dir(name)?;
        let manifest_file = dir.get_file(dir.path().join("layout.toml"))?;
        let text = manifest_file.contents_utf8()?;
        // Built-in manifests are tested; a broken one is a bug in vitae.
        let manifest: Manifest = toml::from_str(text).ok()?;
        Some(Layout {
            manifest,
            files: Files::Embedded(dir),
        })
    }

    /// A layout by built-in name or by folder path (`./my-layout/`).
    pub fn resolve(name_or_dir: &str) -> Result<Layout, Diagnostic> {
        let looks_like_path =
            name_or_dir.contains('/') || name_or_dir.contains('\\') || name_or_dir.starts_with('.');
        if !looks_like_path && let Some(layout) = Self::builtin(name_or_dir) {
            return Ok(layout);
        }
        let path = Path::new(name_or_dir);
        if path.is_dir() {
            return Self::from_folder(path);
        }
        Err(Self::unknown(name_or_dir))
    }

    /// The error for a name that is neither a built-in layout nor a folder.
    pub fn unknown(name_or_dir: &str) -> Diagnostic {
        let names = Self::builtin_names();
        let diag = Diagnostic::error(
            Code::UnknownLayout,
            format!("unknown layout `{name_or_dir}`"),
        )
        .expected(format!(
            "a built-in layout ({}) or a folder with main.typ",
            one_of(&names)
        ))
        .suggest(name_or_dir, names.iter().copied());
        diag.hint("`vitae layouts` lists the layouts with their descriptions")
    }

    /// A user's layout folder.
    pub fn from_folder(path: &Path) -> Result<Layout, Diagnostic> {
        let root = fs::canonicalize(path).map_err(|e| {
            Diagnostic::error(
                Code::UnknownLayout,
                format!("cannot open the layout folder: {e}"),
            )
            .in_file(path)
        })?;
        if !root.join("main.typ").is_file() {
            return Err(Diagnostic::error(Code::UnknownLayout, "the layout folder has no main.typ")
                .in_file(path)
                .hint("a layout is a folder with main.typ and layout.toml; copy one from `layouts/` to start"));
        }
        let mut layout = Layout {
            manifest: Manifest {
                name: root
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                description: "a user layout".into(),
                suits: None,
                max_pages: None,
                omits: Vec::new(),
                options: BTreeMap::new(),
            },
            files: Files::Folder(root),
        };
        // The manifest is a layout file like any other: read through the
        // sandbox, with its limit. Only its absence means "no options".
        let manifest_path = layout.display_path("layout.toml");
        let fail = |why: String| {
            Diagnostic::error(Code::BadManifest, why).in_file(Path::new(&manifest_path))
        };
        let bytes = match layout.read("layout.toml") {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(layout),
            Err(problem) => return Err(fail(format!("layout.toml {problem}"))),
        };
        let text =
            String::from_utf8(bytes).map_err(|_| fail("layout.toml is not UTF-8 text".into()))?;
        layout.manifest = toml::from_str::<Manifest>(&text).map_err(|e| {
            let file = crate::diagnostic::SourceFile::new(manifest_path.clone(), text.clone());
            Diagnostic::error(
                Code::BadManifest,
                format!("invalid layout.toml: {}", e.message()),
            )
            .at(&file, e.span().unwrap_or(0..0))
        })?;
        Ok(layout)
    }

    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// The folder a user layout was loaded from (for `watch`).
    pub fn folder(&self) -> Option<&Path> {
        match &self.files {
            Files::Folder(root) => Some(root),
            Files::Embedded(_) => None,
        }
    }

    /// A human name for a file of this layout, for error messages.
    pub fn display_path(&self, relative: &str) -> String {
        match &self.files {
            Files::Embedded(_) => format!("layouts/{}/{relative}", self.name()),
            Files::Folder(root) => root.join(relative).display().to_string(),
        }
    }

    /// Reads a file of the layout by its path relative to the layout folder.
    ///
    /// This is the sandbox: `..` and absolute paths are refused, and for user
    /// folders the real path (after following symlinks) must stay inside.
    pub fn read(&self, relative: &str) -> Result<Vec<u8>, ReadError> {
        let relative = relative.trim_start_matches('/');
        let clean = Path::new(relative);
        if clean
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(ReadError::Outside);
        }
        match &self.files {
            Files::Embedded(dir) => {
                let file = dir
                    .get_file(dir.path().join(clean))
                    .ok_or(ReadError::NotFound)?;
                Ok(file.contents().to_vec())
            }
            Files::Folder(root) => {
                let path = root.join(clean);
                let real = fs::canonicalize(&path).map_err(|_| ReadError::NotFound)?;
                if !real.starts_with(root) {
                    return Err(ReadError::Outside);
                }
                files::read_capped(&real, limits::LAYOUT_FILE_BYTES).map_err(
                    |problem| match problem {
                        ReadProblem::TooLarge { .. } => ReadError::TooLarge,
                        ReadProblem::NotAFile(kind) => ReadError::NotAFile(kind),
                        _ => ReadError::NotFound,
                    },
                )
            }
        }
    }
}

/// Why a layout file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    Outside,
    TooLarge,
    /// A folder, pipe or device, never read.
    NotAFile(&'static str),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "does not exist"),
            ReadError::Outside => write!(f, "leads outside the layout's folder"),
            ReadError::TooLarge => write!(
                f,
                "is larger than {}, the limit for a layout file",
                files::size(limits::LAYOUT_FILE_BYTES)
            ),
            ReadError::NotAFile(kind) => write!(f, "is {kind}, not a regular file"),
        }
    }
}

/// Every file under `dir`, with its path relative to `root`.
fn collect_files(dir: &'static Dir<'static>, root: &Path, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for file in dir.files() {
        let relative = file.path().strip_prefix(root).unwrap_or(file.path());
        out.push((relative.to_path_buf(), file.contents()));
    }
    for sub in dir.dirs() {
        collect_files(sub, root, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_layouts_have_valid_manifests() {
        let names = Layout::builtin_names();
        assert!(names.contains(&"classic"), "{names:?}");
        for name in names {
            let layout = Layout::builtin(name)
                .unwrap_or_else(|| panic!("layout {name} has a broken layout.toml"));
            assert_eq!(layout.name(), name);
            assert!(layout.read("main.typ").is_ok());
        }
    }

    #[test]
    fn reads_stay_inside_the_layout() {
        let layout = Layout::builtin("classic").unwrap();
        assert_eq!(layout.read("../classic/main.typ"), Err(ReadError::Outside));
        assert_eq!(layout.read("/etc/passwd"), Err(ReadError::NotFound));
        assert_eq!(layout.read("nope.typ"), Err(ReadError::NotFound));
    }

    #[test]
    fn unknown_layout_lists_the_builtins() {
        let err = Layout::resolve("clasic").unwrap_err();
        assert!(err.hints[0].contains("`classic`"), "{err:?}");
        assert!(err.expected.unwrap().contains("`classic`"));
    }
}
