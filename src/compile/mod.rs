//! Stage 5: compile the layout over the layout data with Typst, in-process.
//!
//! Typst's diagnostics are mapped onto vitae's: an error in a layout points at
//! the layout file and line with Typst's own message and hints. Profile
//! mistakes never get this far: they are caught in stages 1–3.

pub mod font_checks;
pub mod fonts;
pub mod icons;
pub mod world;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::Datetime;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

use crate::diagnostic::{Code, Diagnostic, Severity, SourceFile};
use crate::layout::Layout;
use crate::limits;
use fonts::{FontOptions, FontSet};
use world::{DATA_PATH, VitaeWorld};

/// What every render of a process shares: the standard library and fonts.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: Arc<FontSet>,
    /// Bundled fonts plus one installed family, per family a profile asked
    /// for that vitae does not bundle; looked up once per process.
    with_system: Mutex<HashMap<String, Arc<FontSet>>>,
    /// Font folders of the run, and whether installed fonts may be used.
    font_options: FontOptions,
}

/// A compiled document and the warnings Typst raised on the way.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
}

impl Engine {
    pub fn new(fonts: FontSet) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            fonts: Arc::new(fonts),
            with_system: Mutex::new(HashMap::new()),
            font_options: FontOptions::default(),
        }
    }

    /// The bundled fonts and every face of the option's font folders.
    pub fn with_fonts(options: &FontOptions) -> Self {
        let mut engine = Self::new(FontSet::with_system_families(&[], &options.paths));
        engine.font_options = options.clone();
        engine
    }

    /// The bundled fonts.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The fonts to use when a theme asks for `family`: the bundled set, plus
    /// the installed faces of `family` when vitae does not bundle it. The
    /// system is searched only then, and once per family.
    pub fn fonts_for(&self, family: Option<&str>) -> Arc<FontSet> {
        let Some(family) = family.filter(|f| !self.fonts.has_family(f)) else {
            return self.fonts.clone();
        };
        if self.font_options.ignore_system {
            return self.fonts.clone();
        }
        let paths = &self.font_options.paths;
        let mut cache = self.with_system.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(family.to_lowercase())
            .or_insert_with(|| {
                Arc::new(FontSet::with_system_families(&[family.to_string()], paths))
            })
            .clone()
    }

    /// Compiles `layout` over the given profile data.
    pub fn compile(
        &self,
        layout: &Layout,
        fonts: &FontSet,
        data: Vec<u8>,
        assets: Vec<(String, Vec<u8>)>,
    ) -> Result<Compiled, Vec<Diagnostic>> {
        let world = VitaeWorld::new(&self.library, fonts, layout, data, assets);
        let result = typst::compile::<PagedDocument>(&world);
        let warnings = result.warnings.iter().map(|d| convert(&world, d)).collect();
        match result.output {
            Ok(document) => Ok(Compiled { document, warnings }),
            Err(errors) => Err(errors.iter().map(|d| convert(&world, d)).collect()),
        }
    }

    /// Points a diagnostic Typst raised after compiling (typst-pdf refusing
    /// the document under a standard) at `layout`'s file and line, the way
    /// compile errors are. The layout data is not at hand then: such errors
    /// point into layout files (an `image` call, a shape), never into it.
    pub fn locate(&self, layout: &Layout, diag: &SourceDiagnostic) -> Diagnostic {
        let world = VitaeWorld::new(&self.library, &self.fonts, layout, Vec::new(), Vec::new());
        convert(&world, diag)
    }
}

/// Compiles on a thread of its own and gives up after `limit`.
///
/// Typst cannot be cancelled. A compile that overruns is abandoned: its thread
/// keeps running until it finishes or the process exits, but the caller (and
/// the rest of a batch) goes on. A panic inside Typst is caught the same way
/// and reported as an error rather than taking the process down.
pub fn compile_within(
    engine: &Arc<Engine>,
    layout: &Layout,
    fonts: Arc<FontSet>,
    data: Vec<u8>,
    assets: Vec<(String, Vec<u8>)>,
    limit: Option<Duration>,
) -> Result<Compiled, Vec<Diagnostic>> {
    let (sender, receiver) = mpsc::channel();
    let (engine, owned_layout) = (engine.clone(), layout.clone());
    let spawned = std::thread::Builder::new()
        .name("vitae-compile".into())
        .stack_size(COMPILE_STACK_BYTES)
        .spawn(move || {
            let _ = sender.send(engine.compile(&owned_layout, &fonts, data, assets));
        });
    if let Err(e) = spawned {
        return Err(vec![Diagnostic::error(
            Code::Internal,
            format!("cannot start a compile thread: {e}"),
        )]);
    }
    let outcome = match limit {
        Some(limit) => receiver.recv_timeout(limit),
        None => receiver
            .recv()
            .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
    };
    match outcome {
        Ok(Ok(compiled)) if compiled.document.pages().len() > limits::PAGES => Err(vec![
            Diagnostic::error(Code::OverLimit, format!(
                "the document has {} pages; vitae renders at most {}",
                compiled.document.pages().len(),
                limits::PAGES
            ))
            .hint("a layout that repeats content without end, or a profile far longer than a CV; the limits are listed in docs/limits.md"),
        ]),
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(vec![
            Diagnostic::error(Code::TimeLimit, format!(
                "layout `{}` exceeded the time limit ({} s)",
                layout.name(),
                limit.unwrap_or_default().as_secs_f64()
            ))
            .hint(
                "a loop in the layout may never end; if the layout is only slow, raise --timeout",
            ),
        ]),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(vec![Diagnostic::error(Code::Internal, format!(
            "internal error: Typst crashed while compiling layout `{}` (please report this with the profile)",
            layout.name()
        ))]),
    }
}

/// Typst recurses deeply on nested content; give compiles a roomy stack.
const COMPILE_STACK_BYTES: usize = 64 * 1024 * 1024;

/// `SOURCE_DATE_EPOCH` as a date and time, when set: the only clock vitae
/// reads, so output never depends on the day it was made.
pub fn source_date() -> Option<Datetime> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    let secs = seconds.rem_euclid(86_400);
    Datetime::from_ymd_hms(
        y,
        m,
        d,
        (secs / 3600) as u8,
        (secs % 3600 / 60) as u8,
        (secs % 60) as u8,
    )
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Maps a Typst diagnostic to a vitae one, pointing into the layout file.
fn convert(world: &VitaeWorld, diag: &SourceDiagnostic) -> Diagnostic {
    let severity = match diag.severity {
        TypstSeverity::Error => Severity::Error,
        TypstSeverity::Warning => Severity::Warning,
    };
    let mut result = Diagnostic {
        severity,
        ..Diagnostic::error(Code::LayoutError, diag.message.to_string())
    };
    if let Some(id) = diag.span.id() {
        let vpath = id.vpath().get_without_slash().to_string();
        let is_data = id.vpath().get_with_slash() == DATA_PATH;
        let name = if is_data {
            "profile.json (generated by vitae)".to_string()
        } else {
            world.layout().display_path(&vpath)
        };
        let text = if is_data {
            world
                .file(id)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        } else {
            world.source(id).ok().map(|s| s.text().to_string())
        };
        match (text, world.range(diag.span)) {
            (Some(text), Some(range)) => result = result.at(&SourceFile::new(name, text), range),
            _ => result.path = Some(name.into()),
        }
    }
    for hint in &diag.hints {
        result = result.hint(hint.v.to_string());
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }
}
