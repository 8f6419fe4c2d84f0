//! Every decision about a render, made once.
//!
//! [`RunSettings`] is built once per command from the command line, the way
//! typst-cli builds its compile config: a bad `--layout` or `--theme` is a
//! usage error before any profile is read. [`JobSettings`] is built once per
//! job from the run's settings, the profile (with its variant applied) and
//! the layout's manifest; nothing downstream re-reads a flag or re-derives a
//! path.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::assets::{self, Asset};
use crate::batch::{Job, Variants};
use crate::bibliography::{self, Reference};
use crate::cli::{CommonArgs, FontArgs};
use crate::compile::fonts::FontOptions;
use crate::diagnostic::{Code, Diagnostic};
use crate::encode::{Format, Standards};
use crate::isolate::Isolation;
use crate::layout::{DEFAULT_LAYOUT, Layout};
use crate::output;
use crate::profile::CheckedProfile;
use crate::theme::{self, Theme};

/// What the command line asks of every job of a run.
#[derive(Debug, Clone, Default)]
pub struct RunSettings {
    /// `--layout`, resolved: it overrides the profile's `layout`.
    pub layout: Option<Layout>,
    /// `--theme key=value` overrides, in order.
    pub theme: Vec<(String, toml::Value)>,
    /// `--format`: one or more (`pdf,md`), in order, none twice; none
    /// (the default) means PDF.
    pub formats: Vec<Format>,
    /// `--strict`: warnings fail the render.
    pub strict: bool,
    /// `--timeout`: how long one compile may take before it is abandoned.
    pub timeout: Option<Duration>,
    /// `--pdf-standard`: what a PDF must conform to (PDF/UA-1 and PDF/A-2a
    /// unless it says otherwise).
    pub standards: Standards,
    /// How jobs with a user layout are run in a child process; `None` runs
    /// them in-process (the library's default, and inside the child).
    pub isolate: Option<Isolation>,
    /// `--font-path`, `VITAE_FONT_PATHS`, `--ignore-system-fonts`.
    pub fonts: FontOptions,
}

impl RunSettings {
    /// Checks the options `render` and `watch` share; a bad one is a usage
    /// error (exit 2), reported before any work starts.
    pub fn from_args(common: &CommonArgs, formats: Vec<Format>) -> Result<Self, Diagnostic> {
        let theme = common
            .theme
            .iter()
            .map(|arg| {
                theme::parse_override(arg).map_err(|problem| {
                    Diagnostic::error(Code::BadThemeValue, format!("--theme {problem}"))
                        .hint("write --theme key=value, e.g. --theme paper=us-letter")
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let layout = common.layout.as_deref().map(Layout::resolve).transpose()?;
        for (key, value) in &theme {
            theme::check_override(layout.as_ref(), key, value)?;
        }
        Ok(Self {
            layout,
            theme,
            formats,
            strict: common.strict,
            timeout: Some(Duration::from_secs_f64(common.timeout)),
            standards: common.pdf_standard.clone(),
            isolate: Some(Isolation {
                memory_mib: common.memory,
            }),
            fonts: font_options(&common.fonts)?,
        })
    }
}

/// The font options of the command line; a font folder that does not
/// exist is a usage error.
pub fn font_options(args: &FontArgs) -> Result<FontOptions, Diagnostic> {
    let (paths, ignore_system) = (&args.font_path, args.ignore_system_fonts);
    for path in paths {
        if !path.is_dir() {
            return Err(Diagnostic::error(Code::BadArgument, "--font-path: no such folder")
                .in_file(path)
                .hint(
                    "give a folder of .ttf/.otf files (or set VITAE_FONT_PATHS, separated by `:`)",
                ));
        }
    }
    Ok(FontOptions {
        paths: paths
            .iter()
            .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
            .collect(),
        ignore_system,
    })
}

/// Which variants `--variant` / `--all-variants` ask for.
pub fn variants(common: &CommonArgs) -> Variants {
    if common.all_variants {
        Variants::All
    } else if common.variant.is_empty() {
        Variants::Base
    } else {
        Variants::Named(common.variant.clone())
    }
}

/// `-j N`, or one job per core.
pub fn threads(common: &CommonArgs) -> usize {
    common
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Everything one job needs, decided once.
#[derive(Debug, Clone)]
pub struct JobSettings {
    pub layout: Layout,
    /// The theme resolved for `layout`: page budget, spacing, order, options.
    pub theme: Theme,
    /// The language of the words vitae adds (`en` unless the profile says).
    pub locale: String,
    /// The profile's photo, checked and read.
    pub photo: Option<Asset>,
    /// The publications of the profile's `.bib` file, formatted.
    pub references: std::sync::Arc<[Reference]>,
    /// Where the output goes (for PNG, the pages are named after it).
    pub output: PathBuf,
    /// The formats to write, each named after `output` by its extension.
    pub formats: Vec<Format>,
    pub strict: bool,
    pub timeout: Option<Duration>,
    pub standards: Standards,
}

impl JobSettings {
    /// Whether a format asked for needs the layout compiled (PDF, PNG);
    /// JSON, Markdown and text come from the layout data alone.
    pub fn needs_document(&self) -> bool {
        self.formats.iter().any(|f| !f.is_data_only())
    }

    /// Decides a job's settings. Every problem found on the way (a bad
    /// layout, a refused photo, bad theme values) is reported together.
    pub fn resolve(
        run: &RunSettings,
        job: &Job,
        checked: &CheckedProfile,
    ) -> Result<Self, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let folder = profile_folder(&job.profile);
        let layout = choose_layout(run.layout.as_ref(), checked, folder)
            .map_err(|diag| errors.push(diag))
            .ok();
        let photo = assets::photo(checked, folder)
            .map_err(|diag| errors.push(diag))
            .ok()
            .flatten();
        let locale = locale_of(checked);
        let references = bibliography::load(checked, folder, &locale)
            .map_err(|mut bib_errors| errors.append(&mut bib_errors))
            .unwrap_or_default();
        let Some(layout) = layout else {
            return Err(errors);
        };
        let theme = theme::resolve(
            &layout,
            &checked.profile.theme,
            &checked.source,
            &run.theme,
            &checked.section_ids,
        )
        .map_err(|mut theme_errors| errors.append(&mut theme_errors))
        .ok();
        let output = output::decide(job, &checked.own_output());
        // `..` and absolute paths are the profile check's to report.
        let plain = checked
            .profile
            .output
            .as_ref()
            .is_none_or(|own| crate::profile::rules::check_output(own.get_ref()).is_ok());
        if job.out.is_none()
            && plain
            && let Err(problem) = output::confined(folder, &output)
        {
            let diag = Diagnostic::error(Code::BadOutput, format!("output refused: {problem}"))
                .key("output");
            errors.push(match &checked.profile.output {
                Some(own) => diag.at(&checked.source, own.span()),
                None => diag.in_file(&job.profile),
            });
        }
        match theme {
            Some(theme) if errors.is_empty() => Ok(Self {
                layout,
                theme,
                locale,
                photo,
                references: references.into(),
                output,
                formats: match run.formats.is_empty() {
                    true => vec![Format::Pdf],
                    false => run.formats.clone(),
                },
                strict: run.strict,
                timeout: run.timeout,
                standards: run.standards.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// The folder a profile's relative paths (photo, layout, output) start from.
/// A bare file name (`me.toml`) is in the working folder: its `parent()` is
/// the empty path, which cannot be opened.
pub fn profile_folder(profile: &Path) -> &Path {
    match profile.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The layout for a job; the one place that decides. `--layout` wins, then
/// the `layout` of the variant or the profile (a folder named there is
/// relative to the profile's folder), then the default.
fn choose_layout(
    run: Option<&Layout>,
    checked: &CheckedProfile,
    folder: &Path,
) -> Result<Layout, Diagnostic> {
    if let Some(layout) = run {
        return Ok(layout.clone());
    }
    let Some(named) = &checked.profile.layout else {
        return Layout::resolve(DEFAULT_LAYOUT);
    };
    let name = named.get_ref();
    // Point at the profile's `layout = …`: that is where the name came from.
    let located = |diag: Diagnostic| diag.at(&checked.source, named.span()).key("layout");
    if let Some(layout) = Layout::builtin(name) {
        return Ok(layout);
    }
    let folder = profile_layout_folder(folder, name).map_err(located)?;
    if !folder.is_dir() {
        return Err(located(Layout::unknown(name)));
    }
    Layout::from_folder(&folder).map_err(located)
}

/// A layout folder a profile names: like its photo, it must be inside the
/// profile's folder (after following symbolic links), because a layout is
/// code and the profile may come from someone else. `--layout DIR` on the
/// command line is the user's own choice and is not confined.
fn profile_layout_folder(profile_folder: &Path, name: &str) -> Result<PathBuf, Diagnostic> {
    let outside = || {
        Diagnostic::error(Code::UnknownLayout, format!(
            "layout `{name}` is outside the profile's folder"
        ))
        .expected("a built-in layout name, or a folder next to the profile (`./my-layout`)")
        .hint("a layout is code: a profile may only use one inside its own folder; to use another, pass --layout DIR")
    };
    let relative = Path::new(name);
    if relative.is_absolute()
        || relative.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
    {
        return Err(outside());
    }
    let joined = profile_folder.join(relative);
    let (Ok(root), Ok(real)) = (
        std::fs::canonicalize(profile_folder),
        std::fs::canonicalize(&joined),
    ) else {
        // Not there: the caller says so, with the built-in names.
        return Ok(joined);
    };
    if real.starts_with(&root) {
        Ok(joined)
    } else {
        Err(outside())
    }
}

fn locale_of(checked: &CheckedProfile) -> String {
    checked
        .profile
        .locale
        .as_ref()
        .map_or("en", |l| l.get_ref().as_str())
        .to_string()
}
