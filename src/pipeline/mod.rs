//! The whole pipeline for one job, as a library call. Each stage lives in its
//! own module; this one only wires them together, in order, and decides
//! which problems stop a render (errors) and which do not (warnings):
//!
//! ```text
//! read + parse   profile::load     file → ParsedProfile
//! check          profile::check    → CheckedProfile (validated, variant applied)
//! settings       settings          → JobSettings (layout, theme, locale, photo, output)
//! layout data    layout_data       → LayoutData, served as /profile.json
//! compile        compile (+ fit)   → Compiled (a laid-out PagedDocument)
//! prove          proof             → Report (nothing lost, clipped, overlapping…)
//! encode         encode            → bytes of each output file
//! write          output            (done by the caller: batch, watch)
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;
use typst_layout::PagedDocument;

mod check;
mod locate;

pub use check::{Checked, check_file, check_text};
use locate::{about_the_photo, located};

use crate::batch::Job;
use crate::compile::fonts::FontSet;
use crate::compile::{self, Compiled, Engine, font_checks};
use crate::diagnostic::{Code, Diagnostic, Severity, SourceFile};
use crate::encode::{self, Format};
use crate::fit;
use crate::isolate;
use crate::layout_data::{self, LayoutData};
use crate::limits;
use crate::profile::{self, CheckedProfile, load};
use crate::proof::{self, Report};
use crate::settings::{JobSettings, RunSettings};
use crate::text_output;
use crate::theme::Theme;

/// A finished render, not yet written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    /// Each output file and its bytes: one PDF, or one PNG per page.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    /// How the theme was tightened to meet a page budget or to avoid a
    /// nearly empty last page, when it was.
    pub fitted: Option<String>,
    /// Page images of an earlier, longer render (`me-3.png` when there are
    /// now two pages): removed when the new pages are written.
    #[serde(default)]
    pub leftovers: Vec<PathBuf>,
}

/// Renders the job's profile file.
pub fn render_file(
    engine: &Arc<Engine>,
    job: &Job,
    run: &RunSettings,
) -> Result<Rendered, Vec<Diagnostic>> {
    render_parsed(engine, load::read(&job.profile)?, job, run)
}

/// Renders profile text as if it were the job's profile file (its folder is
/// where assets such as a photo come from).
pub fn render_text(
    engine: &Arc<Engine>,
    text: &str,
    job: &Job,
    run: &RunSettings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let source = SourceFile::new(job.profile.display().to_string(), text);
    render_parsed(engine, load::parse(source)?, job, run)
}

fn render_parsed(
    engine: &Arc<Engine>,
    parsed: load::ParsedProfile,
    job: &Job,
    run: &RunSettings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (checked, settings) = prepare(parsed, job, run)?;
    if let Some(isolation) = isolation(run, &settings, &checked) {
        return isolate::render(job, run, isolation);
    }
    let LaidOut {
        settings,
        document,
        mut data,
        mut warnings,
        report,
        fitted,
    } = lay_out(engine, checked, settings)?;
    let (proof_errors, mut proof_warnings) = report.diagnostics();
    warnings.append(&mut proof_warnings);
    if !proof_errors.is_empty() {
        return Err(proof_errors.into_iter().chain(warnings).collect());
    }
    if settings.strict && !warnings.is_empty() {
        return Err(as_errors(warnings));
    }
    let standards = standards_for(&report, &settings.standards, &mut warnings);
    // Every format asked for, in the order asked: the data ones are made,
    // the document ones are encodings of the one compiled document.
    let mut files = Vec::new();
    let mut leftovers = Vec::new();
    for &format in &settings.formats {
        let encoded = match (&document, format.is_data_only()) {
            (_, true) => match data.iter().position(|(made, _)| *made == format) {
                Some(at) => vec![data.swap_remove(at).1],
                None => Vec::new(),
            },
            (Some((document, ident)), false) => {
                let pdf = encode::PdfSettings {
                    ident,
                    standards: &standards,
                };
                // A standard's refusal often has its cause among the
                // warnings (a glyph no font draws, named with its key):
                // print them with it.
                encode::document(document, format, &pdf, |diag| {
                    engine.locate(&settings.layout, diag)
                })
                .map_err(|errors| {
                    errors
                        .into_iter()
                        .chain(warnings.clone())
                        .collect::<Vec<_>>()
                })?
            }
            (None, false) => Vec::new(),
        };
        leftovers.extend(format.leftovers(&settings.output, encoded.len()));
        files.extend(named(&settings.output, format, encoded));
    }
    Ok(Rendered {
        leftovers,
        files,
        pages: document.map_or(0, |(document, _)| document.pages().len()),
        warnings,
        fitted,
    })
}

/// The standards to export under: the run's, unless some character has no
/// font (the glyph proof has warned about it). PDF/A and PDF/UA refuse such
/// a document outright; a plain PDF with the warning is more use to its
/// owner than no PDF, and `--strict` still turns the warning into an error.
fn standards_for(
    report: &Report,
    wanted: &encode::Standards,
    warnings: &mut Vec<Diagnostic>,
) -> encode::Standards {
    let Some(names) = wanted.validated() else {
        return wanted.clone();
    };
    if report.of(proof::Proof::Glyphs).next().is_none() {
        return wanted.clone();
    }
    warnings.push(
        Diagnostic::warning(Code::NotArchival, format!(
            "written as a plain PDF, not {names}: those standards refuse characters no font draws"
        ))
        .hint("use a font that has them (`font` in [theme]), or leave them out, to get an accessible, archival PDF"),
    );
    encode::Standards::plain()
}

/// A job laid out and proven, not yet encoded.
struct LaidOut {
    settings: JobSettings,
    /// The compiled document and the PDF identifier it is encoded under,
    /// when a format asked for needs one (PDF, PNG).
    document: Option<(PagedDocument, String)>,
    /// The outputs made from the layout data alone (JSON, Markdown, text),
    /// each with its format.
    data: Vec<(Format, Vec<u8>)>,
    warnings: Vec<Diagnostic>,
    report: Report,
    fitted: Option<String>,
}

/// Checks the profile and decides the job's settings: everything before
/// the layout runs.
fn prepare(
    parsed: load::ParsedProfile,
    job: &Job,
    run: &RunSettings,
) -> Result<(CheckedProfile, JobSettings), Vec<Diagnostic>> {
    let mut checked = profile::check(parsed, job.variant.as_deref(), job.letter.as_deref())?;
    let settings = settle(&mut checked, run, job)?;
    Ok((checked, settings))
}

/// Whether the job runs its layout in a child process, where time and
/// memory are hard limits: a user's layout folder (a program vitae did not
/// write), or a profile too large to be sure of a quick render
/// ([`limits::IN_PROCESS_BYTES`]); when the run isolates jobs (the CLI
/// does), and only when there is a layout to run.
fn isolation(
    run: &RunSettings,
    settings: &JobSettings,
    checked: &CheckedProfile,
) -> Option<isolate::Isolation> {
    let user_layout = settings.layout.folder().is_some();
    let large = checked.source.text.len() > limits::IN_PROCESS_BYTES;
    run.isolate
        .filter(|_| (user_layout || large) && settings.needs_document())
}

fn lay_out(
    engine: &Arc<Engine>,
    mut checked: CheckedProfile,
    settings: JobSettings,
) -> Result<LaidOut, Vec<Diagnostic>> {
    let mut warnings = std::mem::take(&mut checked.warnings);

    let (data, mut data_warnings) = build_data(&checked, &settings, &settings.theme);
    warnings.append(&mut data_warnings);
    let fonts = engine.fonts_for(font_checks::requested(&settings.theme));
    warnings.extend(font_checks::unknown_font(
        &fonts,
        &settings.layout,
        &settings.theme,
    ));
    let value = serde_json::to_value(&data).map_err(serialise_error)?;

    let sections: Vec<String> = data.sections.iter().map(|s| s.id.clone()).collect();
    let facts = layout_data::facts(
        &checked.profile,
        &settings.theme,
        &settings.locale,
        &sections,
        settings.references.clone(),
    );
    let accent = settings
        .theme
        .layout_options
        .get("accent")
        .and_then(Json::as_str);
    let input = proof::Input {
        facts: &facts,
        source: &checked.source,
        tree: &checked.tree,
        layout: &settings.layout,
        accent,
    };
    let mut made = Vec::new();
    for &format in settings.formats.iter().filter(|f| f.is_data_only()) {
        let bytes = match format {
            Format::Json => encode::json(&value)?,
            _ => text_document(&data, format, &input, &settings)?,
        };
        made.push((format, bytes));
    }
    if !settings.needs_document() {
        // No glyph proof runs without a document: say which characters
        // no font would draw, for whoever typesets the data.
        if settings.formats.contains(&Format::Json) {
            warnings.extend(font_checks::missing_glyphs(&fonts, &value));
        }
        let warnings = located(warnings, &checked);
        return Ok(LaidOut {
            document: None,
            data: made,
            settings,
            warnings,
            report: Report::default(),
            fitted: None,
        });
    }
    let (compiled, report, fitted) =
        compile_fitted(engine, &checked, &settings, (&data, &value), fonts, &input)
            .map_err(|errors| about_the_photo(errors, &checked))?;
    warnings.extend(
        compiled
            .warnings
            .into_iter()
            .filter(|w| !font_checks::repeats_unknown_font(w, &settings.theme)),
    );
    let pages = compiled.document.pages().len();
    warnings.extend(page_count_warning(&settings, pages));
    // The document's identity: its author, or for an anonymous CV its title.
    let who = match data.meta.author.as_slice() {
        [] => data.meta.title.clone(),
        authors => authors.join(", "),
    };
    let ident = format!("vitae/{}/{who}", settings.layout.name());
    let warnings = located(warnings, &checked);
    Ok(LaidOut {
        settings,
        document: Some((compiled.document, ident)),
        data: made,
        warnings,
        report,
        fitted,
    })
}

/// The CV as a web page, Markdown or plain text, proven to hold every
/// fact: the coverage proof reads it as its reader would.
fn text_document(
    data: &LayoutData,
    format: Format,
    input: &proof::Input,
    settings: &JobSettings,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let (text, reading, what) = match format {
        Format::Markdown => {
            let markdown = text_output::markdown(data);
            let reading = text_output::reading_text(&markdown);
            (markdown, reading, "the Markdown")
        }
        Format::Html => {
            let photo = settings.photo.as_ref().map(|p| p.bytes.as_slice());
            let html = text_output::html(data, photo);
            let reading = text_output::html_reading_text(&html);
            (html, reading, "the HTML page")
        }
        _ => {
            let text = text_output::plain(data);
            (text.clone(), text, "the text")
        }
    };
    let lost = proof::coverage::check_text(input, &reading, what);
    if lost.is_empty() {
        Ok(text.into_bytes())
    } else {
        Err(lost)
    }
}

/// Decides the job's settings; fails with every error found so far: the
/// profile's own and those of its layout, photo and theme, together.
fn settle(
    checked: &mut CheckedProfile,
    run: &RunSettings,
    job: &Job,
) -> Result<JobSettings, Vec<Diagnostic>> {
    let mut errors = std::mem::take(&mut checked.errors);
    match JobSettings::resolve(run, job, checked) {
        Ok(settings) if errors.is_empty() => Ok(settings),
        Ok(_) => Err(errors),
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

fn build_data(
    checked: &CheckedProfile,
    settings: &JobSettings,
    theme: &Theme,
) -> (LayoutData, Vec<Diagnostic>) {
    let extras = layout_data::Extras {
        photo: settings.photo.as_ref().map(|p| p.path.as_str()),
        references: settings.references.clone(),
    };
    layout_data::build(&checked.profile, theme, &settings.locale, extras)
}

/// Compiles the job and proves the result; with a page budget, along the
/// squeeze ladder (each step rebuilds the layout data from a tightened
/// theme), proving the step it settles on; without one, tightening the
/// spacing when that avoids a nearly empty last page (`fit::avoid_runt`).
fn compile_fitted(
    engine: &Arc<Engine>,
    checked: &CheckedProfile,
    settings: &JobSettings,
    (data, value): (&LayoutData, &Json),
    fonts: Arc<FontSet>,
    input: &proof::Input,
) -> Result<(Compiled, Report, Option<String>), Vec<Diagnostic>> {
    let assets: Vec<(String, Vec<u8>)> = settings
        .photo
        .iter()
        .map(|a| (a.path.clone(), a.bytes.clone()))
        .collect();
    let compile = |value: &Json| {
        compile::compile_within(
            engine,
            &settings.layout,
            fonts.clone(),
            encode::json(value)?,
            assets.clone(),
            settings.timeout,
        )
    };
    // The job at a squeezed theme: the layout data rebuilt from it.
    let recompile = |theme: &Theme| {
        let data = build_data(checked, settings, theme).0;
        compile(&serde_json::to_value(&data).map_err(serialise_error)?)
    };
    let Some(budget) = settings.theme.pages else {
        let compiled = compile(value)?;
        let report = proof::prove(&compiled.document, input);
        let plain = fit::Fit {
            compiled,
            report,
            note: None,
        };
        let fit = fit::avoid_runt(plain, &settings.theme, &settings.layout, input, recompile);
        return Ok((fit.compiled, fit.report, fit.note));
    };
    let title_of = |id: &str| {
        data.sections
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_string(), |s| s.title.clone())
    };
    let fit = fit::to_pages(
        budget,
        &settings.theme,
        &settings.layout,
        checked,
        fit::Proving {
            input,
            title_of: &title_of,
        },
        recompile,
    )?;
    Ok((fit.compiled, fit.report, fit.note))
}

/// More pages than the layout is designed for, when no budget was set.
fn page_count_warning(settings: &JobSettings, pages: usize) -> Option<Diagnostic> {
    let max = settings.layout.manifest.max_pages?;
    if pages <= max || settings.theme.pages.is_some() {
        return None;
    }
    Some(
        Diagnostic::warning(Code::PageCount, format!(
            "layout `{}` is meant for {max} page{}; this profile fills {pages}",
            settings.layout.name(),
            if max == 1 { "" } else { "s" }
        ))
        .hint(format!("set `pages = {max}` in [theme] to let vitae fit it, shorten the profile, or choose another layout")),
    )
}

/// `--strict`: every warning becomes an error.
fn as_errors(warnings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    warnings
        .into_iter()
        .map(|w| Diagnostic {
            severity: Severity::Error,
            ..w
        })
        .collect()
}

/// Pairs a format's encoded files with the names `output` gives them.
fn named(output: &Path, format: Format, files: Vec<Vec<u8>>) -> Vec<(PathBuf, Vec<u8>)> {
    let names = format.file_names(output, files.len());
    names.into_iter().zip(files).collect()
}

fn serialise_error(e: serde_json::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        Code::Internal,
        format!("cannot serialise layout data: {e}"),
    )]
}

/// The engine most callers want: the bundled fonts, with installed fonts
/// looked up on demand when a theme names a family vitae does not bundle.
pub fn engine() -> Arc<Engine> {
    Arc::new(Engine::new(FontSet::bundled()))
}

/// An engine with the run's font folders (`--font-path`) and system-font
/// choice (`--ignore-system-fonts`).
pub fn engine_with(fonts: &crate::compile::fonts::FontOptions) -> Arc<Engine> {
    Arc::new(Engine::with_fonts(fonts))
}

/// A job for one profile with its default output, as the library's callers
/// (tests, benchmarks, tools) most often want.
pub fn job_for(profile: &Path, variant: Option<&str>) -> Job {
    Job {
        profile: profile.to_path_buf(),
        root: profile.parent().map(Path::to_path_buf).unwrap_or_default(),
        out: None,
        variant: variant.map(str::to_string),
        letter: None,
    }
}
