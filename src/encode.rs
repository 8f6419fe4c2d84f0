//! Stage 7: the compiled document as the bytes of each output file: one
//! PDF, one PNG per page, or the layout data itself as JSON.

use std::path::{Path, PathBuf};

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::compile::source_date;
use crate::diagnostic::Diagnostic;

/// What a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Format {
    #[default]
    Pdf,
    /// The layout data (`/profile.json`) instead of a document: what a layout
    /// sees, for layout authors and for compiling with other tools.
    Json,
    /// PNG pages at this many pixels per inch.
    Png(f32),
}

impl Format {
    /// The files of an output at `path` holding `count` files: the path
    /// itself for a PDF, `.json` for data, `<stem>-1.png`, `<stem>-2.png`, …
    /// for PNG pages.
    pub fn file_names(self, path: &Path, count: usize) -> Vec<PathBuf> {
        match self {
            Format::Pdf => vec![path.to_path_buf()],
            Format::Json => vec![path.with_extension("json")],
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

/// Encodes `document` as `format` (PDF or PNG; JSON never compiles).
pub fn document(
    document: &PagedDocument,
    format: Format,
    ident: &str,
) -> Result<Vec<Vec<u8>>, Vec<Diagnostic>> {
    match format {
        Format::Png(ppi) => png(document, ppi).map_err(|d| vec![d]),
        Format::Pdf | Format::Json => Ok(vec![pdf(document, ident)?]),
    }
}

/// Exports a PDF that is byte-identical for identical input: a stable
/// identifier, and no timestamp unless `SOURCE_DATE_EPOCH` asks for one.
pub fn pdf(document: &PagedDocument, ident: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("vitae {}", env!("CARGO_PKG_VERSION")))),
        timestamp: source_date().map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| Diagnostic::error(format!("PDF export failed: {}", e.message)))
            .collect()
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
                .map_err(|e| Diagnostic::error(format!("PNG export failed: {e}")))
        })
        .collect()
}

/// The layout data as the bytes of `/profile.json` (and of `--format json`).
pub fn json(value: &serde_json::Value) -> Result<Vec<u8>, Vec<Diagnostic>> {
    serde_json::to_vec_pretty(value).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot serialise layout data: {e}"
        ))]
    })
}
