//! Stage 7: the compiled document as the bytes of each output file: one
//! PDF, one PNG per page, or the layout data itself as JSON.

use std::path::{Path, PathBuf};

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, Timestamp};

use crate::compile::source_date;
use crate::diagnostic::{Code, Diagnostic};

/// What a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub enum Format {
    #[default]
    Pdf,
    /// The layout data (`/profile.json`) instead of a document: what a layout
    /// sees, for layout authors and for compiling with other tools.
    Json,
    /// PNG pages at this many pixels per inch.
    Png(f32),
    /// CommonMark, from the layout data (no layout runs).
    Markdown,
    /// Plain text wrapped at 80 columns, from the layout data.
    Text,
    /// A self-contained HTML page, from the layout data.
    Html,
}

impl Format {
    /// Whether the output comes from the layout data alone, with no layout
    /// compiled: JSON, HTML, Markdown and text.
    pub fn is_data_only(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Html | Format::Markdown | Format::Text
        )
    }

    /// The files of an output at `path` holding `count` files: the path
    /// itself for a PDF, `.json` for data, `<stem>-1.png`, `<stem>-2.png`, …
    /// for PNG pages.
    pub fn file_names(self, path: &Path, count: usize) -> Vec<PathBuf> {
        if crate::files::is_stdio(path) {
            return vec![path.to_path_buf(); count.max(1)];
        }
        match self {
            Format::Pdf => vec![path.to_path_buf()],
            Format::Json => vec![path.with_extension("json")],
            Format::Markdown => vec![path.with_extension("md")],
            Format::Text => vec![path.with_extension("txt")],
            Format::Html => vec![path.with_extension("html")],
            Format::Png(_) => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (1..=count)
                    .map(|i| path.with_file_name(format!("{stem}-{i}.png")))
                    .collect()
            }
        }
    }
}

impl Format {
    /// Files an earlier render of more pages left that this one would not
    /// replace: PNG pages past `count`, as long as they run on.
    pub fn leftovers(self, path: &Path, count: usize) -> Vec<PathBuf> {
        let Format::Png(_) = self else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for page in count + 1.. {
            let name = &self.file_names(path, page)[page - 1];
            if !std::fs::symlink_metadata(name).is_ok_and(|m| m.is_file()) {
                break;
            }
            found.push(name.clone());
        }
        found
    }
}

/// How a PDF is written: its stable identifier and the standards it must
/// meet.
pub struct PdfSettings<'a> {
    pub ident: &'a str,
    pub standards: &'a Standards,
}

/// Encodes `document` as `format` (PDF or PNG; JSON never compiles).
/// `locate` points an export error (an image without alt text) at the layout
/// line it comes from: only the compiler's World can read the layout's files.
pub fn document(
    document: &PagedDocument,
    format: Format,
    settings: &PdfSettings,
    locate: impl Fn(&SourceDiagnostic) -> Diagnostic,
) -> Result<Vec<Vec<u8>>, Vec<Diagnostic>> {
    match format {
        Format::Png(ppi) => png(document, ppi).map_err(|d| vec![d]),
        _ => Ok(vec![pdf(document, settings, locate)?]),
    }
}

/// Exports a PDF that is byte-identical for identical input: a stable
/// identifier and no clock (see [`timestamp`]). typst-pdf checks the
/// standards as it writes and refuses a document that breaks one; each
/// refusal is an error with typst's reason, its place in the layout, and how
/// to export without the standard.
pub fn pdf(
    document: &PagedDocument,
    settings: &PdfSettings,
    locate: impl Fn(&SourceDiagnostic) -> Diagnostic,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = PdfOptions {
        ident: Smart::Custom(settings.ident.to_string()),
        creator: Smart::Custom(Some(format!("vitae {}", env!("CARGO_PKG_VERSION")))),
        timestamp: timestamp(settings.standards),
        standards: settings.standards.typst.clone(),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| refused(locate(e), settings.standards))
            .collect()
    })
}

/// An export error as vitae reports it: typst's reason and place, and the
/// way out when a standard refused the document.
fn refused(located: Diagnostic, standards: &Standards) -> Diagnostic {
    let diagnostic = Diagnostic {
        message: format!("PDF export failed: {}", located.message).into(),
        ..located
    };
    match standards.validated() {
        Some(names) => diagnostic.hint(format!(
            "to export without {names}, pass --pdf-standard 1.7 (a plain tagged PDF)"
        )),
        None => diagnostic,
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set, else none, unless a
/// PDF/A standard requires one; then [`FIXED_DATE`], so output never depends
/// on the day it was made.
fn timestamp(standards: &Standards) -> Option<Timestamp> {
    let fixed = || {
        let (y, m, d) = FIXED_DATE;
        Datetime::from_ymd_hms(y, m, d, 0, 0, 0)
    };
    source_date()
        .or_else(|| standards.needs_date().then(fixed).flatten())
        .map(Timestamp::new_utc)
}

/// The date of a PDF/A document made without `SOURCE_DATE_EPOCH`:
/// 1980-01-01 00:00 UTC, the earliest date a ZIP archive can hold and the
/// `SOURCE_DATE_EPOCH` reproducible-build tools (Nix, Python wheels) fall
/// back to: plainly not the day the PDF was made. Set `SOURCE_DATE_EPOCH` to
/// stamp a real one.
pub const FIXED_DATE: (i32, u8, u8) = (1980, 1, 1);

/// The standards a PDF is exported under unless `--pdf-standard` says
/// otherwise: accessible (PDF/UA-1) and archival (PDF/A-2a).
pub const DEFAULT_STANDARDS: &str = "ua-1,a-2a";

/// Every name `--pdf-standard` accepts (typst's own names) and its standard.
const STANDARD_NAMES: [(&str, PdfStandard); 17] = [
    ("1.4", PdfStandard::V_1_4),
    ("1.5", PdfStandard::V_1_5),
    ("1.6", PdfStandard::V_1_6),
    ("1.7", PdfStandard::V_1_7),
    ("2.0", PdfStandard::V_2_0),
    ("a-1b", PdfStandard::A_1b),
    ("a-1a", PdfStandard::A_1a),
    ("a-2b", PdfStandard::A_2b),
    ("a-2u", PdfStandard::A_2u),
    ("a-2a", PdfStandard::A_2a),
    ("a-3b", PdfStandard::A_3b),
    ("a-3u", PdfStandard::A_3u),
    ("a-3a", PdfStandard::A_3a),
    ("a-4", PdfStandard::A_4),
    ("a-4f", PdfStandard::A_4f),
    ("a-4e", PdfStandard::A_4e),
    ("ua-1", PdfStandard::Ua_1),
];

/// The PDF standards a run exports under, checked for compatibility once,
/// when `--pdf-standard` is read.
#[derive(Debug, Clone)]
pub struct Standards {
    /// The names as given, for messages.
    names: Vec<&'static str>,
    typst: typst_pdf::PdfStandards,
}

impl Standards {
    /// Reads a comma-separated list of typst's names (`ua-1,a-2a`), or
    /// `none` for a plain PDF 1.7. An unknown name or a combination typst
    /// cannot meet at once (two PDF/A parts, PDF/A-1 with PDF/UA-1…) is an
    /// error naming what is allowed.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().to_ascii_lowercase();
        if text == "none" {
            return Ok(Self::plain());
        }
        let (names, list): (Vec<_>, Vec<_>) = text
            .split(',')
            .map(|name| standard_named(name.trim()))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .unzip();
        let typst = typst_pdf::PdfStandards::new(&list).map_err(|e| {
            let hints = e.hints().iter().map(|h| format!("; {h}"));
            format!("{}{}", e.message(), hints.collect::<String>())
        })?;
        Ok(Self { names, typst })
    }

    /// The list as `parse` reads it back (`none` for a plain PDF).
    pub fn spec(&self) -> String {
        match self.names.is_empty() {
            true => "none".into(),
            false => self.names.join(","),
        }
    }

    /// No standard: a plain (tagged) PDF 1.7.
    pub fn plain() -> Self {
        Self {
            names: Vec::new(),
            typst: typst_pdf::PdfStandards::default(),
        }
    }

    /// The standards typst-pdf validates against (PDF/A, PDF/UA), as a
    /// phrase ("PDF/UA-1 and PDF/A-2a"); `None` for a plain PDF.
    pub fn validated(&self) -> Option<String> {
        let names: Vec<String> = self
            .names
            .iter()
            .filter_map(|name| {
                let (kind, part) = name.split_once('-')?;
                Some(format!("PDF/{}-{part}", kind.to_ascii_uppercase()))
            })
            .collect();
        (!names.is_empty()).then(|| names.join(" and "))
    }

    /// PDF/A refuses a document without a date.
    fn needs_date(&self) -> bool {
        self.names.iter().any(|name| name.starts_with("a-"))
    }
}

impl Default for Standards {
    fn default() -> Self {
        Self::parse(DEFAULT_STANDARDS).expect("the default standards are compatible")
    }
}

/// The standard called `name`, or an error listing the names there are.
fn standard_named(name: &str) -> Result<(&'static str, PdfStandard), String> {
    STANDARD_NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .copied()
        .ok_or_else(|| {
            let known: Vec<&str> = STANDARD_NAMES.iter().map(|(n, _)| *n).collect();
            format!(
                "`{name}` is not a PDF standard; choose from {}, or none",
                known.join(", ")
            )
        })
}

/// Renders each page to PNG at `ppi` pixels per inch.
pub fn png(document: &PagedDocument, ppi: f32) -> Result<Vec<Vec<u8>>, Diagnostic> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: f64::from(ppi / 72.0).into(),
        ..Default::default()
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| Diagnostic::error(Code::Internal, format!("PNG export failed: {e}")))
        })
        .collect()
}

/// The layout data as the bytes of `/profile.json` (and of `--format json`).
pub fn json(value: &serde_json::Value) -> Result<Vec<u8>, Vec<Diagnostic>> {
    serde_json::to_vec_pretty(value).map_err(|e| {
        vec![Diagnostic::error(
            Code::Internal,
            format!("cannot serialise layout data: {e}"),
        )]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_are_read_from_typst_names() {
        let standards = Standards::default();
        assert_eq!(standards.names, ["ua-1", "a-2a"]);
        assert_eq!(
            standards.validated().as_deref(),
            Some("PDF/UA-1 and PDF/A-2a")
        );
        assert!(standards.needs_date());
        let plain = Standards::parse(" 1.7 ").unwrap();
        assert_eq!(plain.validated(), None);
        assert!(!plain.needs_date());
        assert_eq!(Standards::parse("NONE").unwrap().validated(), None);
    }

    #[test]
    fn bad_standards_name_what_is_allowed() {
        let unknown = Standards::parse("ua-1,pdf-a").unwrap_err();
        assert!(
            unknown.contains("`pdf-a` is not a PDF standard"),
            "{unknown}"
        );
        assert!(
            unknown.contains("a-2a") && unknown.contains("none"),
            "{unknown}"
        );
        let two = Standards::parse("a-2a,a-3a").unwrap_err();
        assert!(two.contains("at most one PDF/A"), "{two}");
        let clash = Standards::parse("2.0,a-2a").unwrap_err();
        assert!(clash.contains("requires"), "{clash}");
    }
}
