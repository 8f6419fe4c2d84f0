//! Reading PDFs with poppler's command-line tools.

use std::path::Path;
use std::process::Command;

fn poppler(tool: &str, pdf: &Path) -> String {
    poppler_with(tool, &[], pdf)
}

fn poppler_with(tool: &str, options: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(options)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed by the tests (apt-get install poppler-utils): {e}")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The PDF's text in reading order, as `pdftotext` (and an ATS) sees it.
pub fn pdf_text(pdf: impl AsRef<Path>) -> String {
    poppler("pdftotext", pdf.as_ref())
}

pub fn pdf_info(pdf: impl AsRef<Path>) -> String {
    poppler("pdfinfo", pdf.as_ref())
}

/// The document's XMP metadata packet (`pdfinfo -meta`): where PDF/A and
/// PDF/UA declare themselves.
pub fn pdf_xmp(pdf: impl AsRef<Path>) -> String {
    poppler_with("pdfinfo", &["-meta"], pdf.as_ref())
}

pub fn pdf_pages(pdf: impl AsRef<Path>) -> usize {
    let info = pdf_info(pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages:");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// `pdffonts` rows: (name, embedded, subset, unicode map).
pub fn pdf_fonts(pdf: impl AsRef<Path>) -> Vec<(String, bool, bool, bool)> {
    let listing = poppler("pdffonts", pdf.as_ref());
    listing
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let n = cols.len();
            if n < 6 {
                return None;
            }
            let yes = |s: &str| s == "yes";
            Some((
                cols[0].to_string(),
                yes(cols[n - 5]),
                yes(cols[n - 4]),
                yes(cols[n - 3]),
            ))
        })
        .collect()
}
