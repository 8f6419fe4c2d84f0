//! The whole pipeline for one profile, as a library call:
//! read → parse → validate → theme → layout data → compile → export.
//!
//! Each stage lives in its own module; this one only wires them together and
//! decides which problems stop a render (errors) and which do not (warnings).

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::fit::{self, Fitted, Squeeze};
use crate::fonts::FontSet;
use crate::layout::{DEFAULT_LAYOUT, Layout};
use crate::layout_data;
use crate::profile::load::{self, ParsedProfile};
use crate::profile::validate::validate;
use crate::render::{self, Engine};
use crate::theme;
use crate::variant;
use crate::world::ASSET_DIR;

/// Largest photo a profile may embed.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;

/// What the user asked for, beyond the profile itself.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--layout`: a built-in name or a folder; overrides the profile's `layout`.
    pub layout: Option<String>,
    /// `--theme key=value` overrides, in order.
    pub theme: Vec<(String, toml::Value)>,
    pub format: Format,
    /// `--strict`: warnings fail the render.
    pub strict: bool,
    /// `--timeout`: how long one compile may take before it is abandoned.
    pub timeout: Option<std::time::Duration>,
    /// `--variant`: render this tailored version of the profile.
    pub variant: Option<String>,
}

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

/// A finished render.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF, or one PNG per page.
    pub files: Vec<Vec<u8>>,
    pub pages: usize,
    pub layout: String,
    pub warnings: Vec<Diagnostic>,
    /// The profile's own `output` (or its variant's), relative to its
    /// folder (already checked).
    pub output: Option<PathBuf>,
    /// How the theme was tightened to meet a page budget, when it was.
    pub fitted: Option<String>,
}

/// Renders the profile at `path`.
pub fn render_file(
    engine: &Arc<Engine>,
    path: &Path,
    settings: &Settings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let parsed = load::read(path)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    render_parsed(engine, parsed, folder, settings)
}

/// Renders profile text; `folder` is where its assets (a photo) may come from.
pub fn render_text(
    engine: &Arc<Engine>,
    name: &str,
    text: &str,
    folder: &Path,
    settings: &Settings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let parsed = load::parse(SourceFile::new(name, text))?;
    render_parsed(engine, parsed, folder, settings)
}

fn render_parsed(
    engine: &Arc<Engine>,
    mut parsed: ParsedProfile,
    folder: &Path,
    settings: &Settings,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (mut errors, mut warnings): (Vec<_>, Vec<_>) = validate(&parsed)
        .into_iter()
        .partition(Diagnostic::is_error);
    if let Some(name) = &settings.variant {
        keep_own_variant_warnings(&mut warnings, &parsed, name);
    }
    let output = match &settings.variant {
        None => parsed
            .profile
            .output
            .as_ref()
            .map(|o| PathBuf::from(o.get_ref())),
        Some(name) => match variant::apply(&mut parsed.profile, name) {
            Ok(own) => own.map(PathBuf::from).or_else(|| {
                let base = parsed.profile.output.as_ref()?;
                Some(variant::suffixed(Path::new(base.get_ref()), name))
            }),
            Err(diag) => {
                errors.push(diag.in_file(Path::new(&parsed.source.name)));
                return Err(errors);
            }
        },
    };
    let profile = &parsed.profile;

    let layout_name = settings
        .layout
        .clone()
        .or_else(|| profile.layout.as_ref().map(|l| l.get_ref().clone()))
        .unwrap_or_else(|| DEFAULT_LAYOUT.to_string());
    // A layout folder named in the profile is relative to the profile's folder.
    let layout_name = match (&settings.layout, &profile.layout) {
        (None, Some(_))
            if Layout::builtin(&layout_name).is_none()
                && !Path::new(&layout_name).is_absolute() =>
        {
            folder.join(&layout_name).display().to_string()
        }
        _ => layout_name,
    };
    let layout = match Layout::resolve(&layout_name) {
        Ok(layout) => Some(layout),
        Err(diag) => {
            // Point at the profile's `layout = …` when that is where the name came from.
            errors.push(match (&settings.layout, &profile.layout) {
                (None, Some(spanned)) => diag.at(&parsed.source, spanned.span()).key("layout"),
                _ => diag,
            });
            None
        }
    };
    let photo = match &profile.basics.photo {
        Some(photo) => match load_photo(folder, photo.get_ref()) {
            Ok(asset) => Some(asset),
            Err(problem) => {
                errors.push(
                    Diagnostic::error(format!("photo refused: {problem}"))
                        .at(&parsed.source, photo.span())
                        .key("basics.photo"),
                );
                None
            }
        },
        None => None,
    };
    let Some(layout) = layout else {
        return Err(errors);
    };
    let theme = match theme::resolve(&layout, &profile.theme, &parsed.source, &settings.theme) {
        Ok(theme) => Some(theme),
        Err(mut theme_errors) => {
            errors.append(&mut theme_errors);
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let theme = theme.unwrap_or_default();

    let photo_path = photo.as_ref().map(|(path, _)| path.clone());
    let (data, mut data_warnings) = layout_data::build(profile, &theme, photo_path);
    warnings.append(&mut data_warnings);
    let requested_font = theme.layout_options.get("font").and_then(|f| f.as_str());
    let fonts = engine.fonts_for(requested_font);
    warnings.extend(font_warning(&fonts, &layout, &theme));
    let value = serde_json::to_value(&data).map_err(serialise_error)?;
    let mut text = String::new();
    all_text(&value, &mut text);
    let missing = fonts.uncovered(&text);

    if settings.format == Format::Json {
        return Ok(Rendered {
            files: vec![layout_json(&value)?],
            pages: 0,
            layout: layout.name().to_string(),
            warnings,
            output: output.map(|o| o.with_extension("json")),
            fitted: None,
        });
    }
    let job = CompileJob {
        engine,
        layout: &layout,
        fonts: fonts.clone(),
        photo,
        timeout: settings.timeout,
    };
    let (compiled, fitted) = match theme.pages {
        None => (job.compile(layout_json(&value)?)?, None),
        Some(budget) => fit_to_pages(&job, value, &theme, budget, &parsed)?,
    };
    warnings.extend(
        compiled
            .warnings
            .into_iter()
            .filter(|w| !is_duplicate_font_warning(w, &theme)),
    );
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
            .collect();
        warnings.push(
            Diagnostic::warning(format!("no bundled or installed font has a glyph for {}", listed.join(", ")))
                .hint("these characters would be left out of the PDF; choose another font with --theme font=… or remove them"),
        );
    }
    let pages = compiled.document.pages().len();
    if let Some(max) = layout.manifest.max_pages
        && pages > max
        && theme.pages.is_none()
    {
        warnings.push(
            Diagnostic::warning(format!(
                "layout `{}` is meant for {max} page{}; this profile fills {pages}",
                layout.name(),
                if max == 1 { "" } else { "s" }
            ))
            .hint(format!("set `pages = {max}` in [theme] to let vitae fit it, shorten the profile, or choose another layout")),
        );
    }
    if settings.strict && !warnings.is_empty() {
        return Err(warnings
            .into_iter()
            .map(|w| Diagnostic {
                severity: crate::diagnostic::Severity::Error,
                ..w
            })
            .collect());
    }

    let files = match settings.format {
        Format::Pdf => vec![render::export_pdf(
            &compiled.document,
            &format!("vitae/{}/{}", layout.name(), data.meta.author),
        )?],
        Format::Png(ppi) => render::export_png(&compiled.document, ppi).map_err(|d| vec![d])?,
        Format::Json => unreachable!("returned before compiling"),
    };
    Ok(Rendered {
        files,
        pages,
        layout: layout.name().to_string(),
        warnings,
        output,
        fitted,
    })
}

/// The layout data as the bytes of `/profile.json`.
fn layout_json(value: &Json) -> Result<Vec<u8>, Vec<Diagnostic>> {
    serde_json::to_vec_pretty(value).map_err(serialise_error)
}

fn serialise_error(e: serde_json::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(format!(
        "cannot serialise layout data: {e}"
    ))]
}

/// Everything a compile needs besides the layout data.
struct CompileJob<'a> {
    engine: &'a Arc<Engine>,
    layout: &'a Layout,
    fonts: Arc<FontSet>,
    photo: Option<(String, Vec<u8>)>,
    timeout: Option<std::time::Duration>,
}

impl CompileJob<'_> {
    fn compile(&self, json: Vec<u8>) -> Result<render::Compiled, Vec<Diagnostic>> {
        render::compile_within(
            self.engine,
            self.layout,
            self.fonts.clone(),
            json,
            self.photo.clone().into_iter().collect(),
            self.timeout,
        )
    }
}

/// Compiles along the squeeze ladder until the document fits in `budget`
/// pages (see `fit`). Returns the document and a note on what was tightened,
/// or an error saying how much does not fit and where.
fn fit_to_pages(
    job: &CompileJob,
    mut data: Json,
    theme: &theme::Theme,
    budget: usize,
    parsed: &ParsedProfile,
) -> Result<(render::Compiled, Option<String>), Vec<Diagnostic>> {
    let ladder = fit::ladder();
    let fitted = fit::search(budget, &ladder, |step| {
        let options = fit::squeezed(&theme.layout_options, job.layout, step);
        data["theme"] = Json::Object(options.clone());
        let compiled = job.compile(layout_json(&data)?)?;
        let pages = compiled.document.pages().len();
        Ok::<_, Vec<Diagnostic>>(((compiled, options), pages))
    })?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match fitted {
        Fitted::Fits { step: 0, result } => Ok((result.0, None)),
        Fitted::Fits { step, result } => {
            let note = format!(
                "fitted to {budget} page{}: {}",
                plural(budget),
                describe_squeeze(ladder[step], &result.1)
            );
            Ok((result.0, Some(note)))
        }
        Fitted::TooLong { result } => {
            let (compiled, options) = result;
            let overflow = fit::overflow(&compiled.document, budget);
            let tightest = describe_squeeze(*ladder.last().unwrap_or(&Squeeze::NONE), &options);
            let how_far = match overflow.onto_last_page {
                Some(length) => format!("runs {:.1} cm onto page {}", length.to_cm(), budget + 1),
                None => format!("needs {} pages", overflow.pages),
            };
            let mut diag = Diagnostic::error(format!(
                "the profile does not fit on {budget} page{}: even at the tightest setting ({tightest}) it {how_far}",
                plural(budget)
            ));
            let titles = section_titles(&data, &overflow.sections);
            if let Some((first, rest)) = titles.split_first() {
                let mut past = format!("past the budget: the end of {first}");
                if !rest.is_empty() {
                    past.push_str(&format!(", then {}", rest.join(", ")));
                }
                diag = diag.hint(past);
            }
            diag = diag.hint(format!(
                "shorten or hide sections (theme.hide), make a variant without some entries, or raise `pages` to {}",
                budget + 1
            ));
            // Point at `pages` in [theme], or in the variant's theme laid over it.
            if let Some(value) = parsed.profile.theme.get("pages") {
                let span = value.span();
                let key = crate::profile::load::display_path(&parsed.tree.path_at(&span));
                diag = diag.at(&parsed.source, span).key(key);
            }
            Err(vec![diag])
        }
    }
}

/// "spacing 80 %, 8.6 pt": a squeeze step in the user's terms.
fn describe_squeeze(step: Squeeze, options: &serde_json::Map<String, Json>) -> String {
    let mut parts = vec![format!("spacing {:.0} %", step.spacing * 100.0)];
    if step.size < 1.0
        && let Some(size) = options.get("size").and_then(Json::as_f64)
    {
        parts.push(format!("font size {size:.1} pt"));
    }
    parts.join(", ")
}

/// The titles of the sections with these ids, quoted, as the reader sees them.
fn section_titles(data: &Json, ids: &[String]) -> Vec<String> {
    let sections = data["sections"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    ids.iter()
        .map(|id| {
            let title = sections
                .iter()
                .find(|s| s["id"].as_str() == Some(id))
                .and_then(|s| s["title"].as_str())
                .unwrap_or(id);
            format!("“{title}”")
        })
        .collect()
}

/// A variant's render reports warnings about its own `[[variants]]` table,
/// not its siblings' (the whole-profile render reports them all), so
/// `--all-variants` says each thing once.
fn keep_own_variant_warnings(warnings: &mut Vec<Diagnostic>, parsed: &ParsedProfile, name: &str) {
    let Ok(index) = variant::find(&parsed.profile, name) else {
        return;
    };
    let own = format!("variants[{index}]");
    warnings.retain(|w| match w.key_path.as_deref() {
        Some(key) if key.starts_with("variants[") => {
            key == own || key.starts_with(&format!("{own}."))
        }
        _ => true,
    });
}

/// Every string of the layout data, concatenated, for the glyph check.
fn all_text(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| all_text(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| all_text(v, out)),
        _ => {}
    }
}

/// A requested font that vitae neither bundles nor found installed, naming
/// the font used instead.
fn font_warning(fonts: &FontSet, layout: &Layout, theme: &theme::Theme) -> Option<Diagnostic> {
    let font = theme.layout_options.get("font")?.as_str()?;
    if fonts.has_family(font) {
        return None;
    }
    let fallback = layout
        .manifest
        .options
        .get("font")
        .and_then(|o| o.default.as_str())
        .filter(|f| fonts.has_family(f))
        .unwrap_or("Inter");
    let bundled: Vec<&str> = fonts
        .bundled_families()
        .iter()
        .map(String::as_str)
        .collect();
    Some(
        Diagnostic::warning(format!(
            "font `{font}` is neither bundled nor installed; using {fallback} instead"
        ))
        .hint(format!("bundled families: {}", bundled.join(", "))),
    )
}

fn is_duplicate_font_warning(warning: &Diagnostic, theme: &theme::Theme) -> bool {
    let font = theme
        .layout_options
        .get("font")
        .and_then(|f| f.as_str())
        .unwrap_or_default()
        .to_lowercase();
    warning.message.starts_with("unknown font family")
        && warning.message.to_lowercase().contains(&font)
}

/// Reads a profile's photo, refusing anything outside the profile's folder.
/// Returns its virtual path for the layout and its bytes.
fn load_photo(folder: &Path, relative: &str) -> Result<(String, Vec<u8>), String> {
    let path = Path::new(relative);
    if path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{relative}` must be a path inside the profile's folder, without `..`"
        ));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "svg") {
        return Err(format!("`{relative}` is not a PNG, JPEG or SVG file"));
    }
    let root =
        fs::canonicalize(folder).map_err(|e| format!("cannot open the profile's folder: {e}"))?;
    let real = fs::canonicalize(root.join(path))
        .map_err(|_| format!("`{relative}` does not exist next to the profile"))?;
    if !real.starts_with(&root) {
        return Err(format!(
            "`{relative}` leads outside the profile's folder (through a symbolic link)"
        ));
    }
    let meta = fs::metadata(&real).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("`{relative}` is not a file"));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(format!(
            "`{relative}` is {} MiB; photos are limited to {} MiB",
            meta.len() >> 20,
            MAX_PHOTO_BYTES >> 20
        ));
    }
    let bytes = fs::read(&real).map_err(|e| e.to_string())?;
    let signature_ok = match extension.as_str() {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        _ => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
    };
    if !signature_ok {
        return Err(format!(
            "`{relative}` is not really a {} file",
            extension.to_uppercase()
        ));
    }
    Ok((format!("{ASSET_DIR}photo.{extension}"), bytes))
}

/// The engine most callers want: the bundled fonts, with installed fonts
/// looked up on demand when a theme names a family vitae does not bundle.
pub fn engine() -> Arc<Engine> {
    Arc::new(Engine::new(FontSet::bundled()))
}
