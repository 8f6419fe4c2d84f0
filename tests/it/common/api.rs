//! Every `vitae::` library path the integration tests use, and nothing else.
//!
//! The tests mostly run the binary; the few that call the library do so
//! through these names, so a module moved in `src/` is one edit here.

pub use vitae::compile::Engine;
pub use vitae::diagnostic::{Code, SourceFile};
pub use vitae::encode::Format;
pub use vitae::layout::Layout;
pub use vitae::pipeline;
pub use vitae::profile::{load, validate};
pub use vitae::settings::RunSettings;
pub use vitae::text_output::reading_text as markdown_reading_text;

/// One engine for the whole test binary: fonts are read once, and Typst's
/// memoised work is shared between tests.
pub fn engine() -> &'static std::sync::Arc<Engine> {
    static ENGINE: std::sync::OnceLock<std::sync::Arc<Engine>> = std::sync::OnceLock::new();
    ENGINE.get_or_init(pipeline::engine)
}

/// The names of the layouts built into the binary.
pub fn builtin_layouts() -> Vec<&'static str> {
    Layout::builtin_names()
}

/// The JSON Schema that `vitae schema` prints.
pub fn schema_json() -> String {
    vitae::schema::profile_schema_json()
}

/// A date as vitae shows it by default (English, short: "Jun 2020"), or why
/// it is not a date.
pub fn short_date(text: &str, allow_present: bool) -> Result<String, String> {
    use vitae::dates::{self, DateStyle};
    let point = dates::parse(text, allow_present)?;
    let en = vitae::locale::words("en").expect("English is a locale");
    Ok(dates::format_point(point, DateStyle::Short, en))
}

/// Markup as the reader sees it: `**bold**` → `bold`.
pub fn plain(markup: &str) -> String {
    vitae::markup::plain(markup)
}

/// Markup split into paragraphs, each as plain text.
pub fn paragraphs(markup: &str) -> Vec<String> {
    vitae::markup::paragraphs(markup)
        .iter()
        .map(|p| p.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

pub use vitae::diagnostic::Diagnostic;
pub use vitae::pipeline::Checked;

/// Runs the whole pipeline with its proofs on profile text (as if it were
/// `profiles/me.toml`, so that an example's photo and `.bib` file are
/// found), with a built-in layout and theme overrides.
pub fn check_text(
    engine: &std::sync::Arc<Engine>,
    text: &str,
    layout: &str,
    theme: &[(&str, toml::Value)],
) -> Result<Checked, Vec<Diagnostic>> {
    let profile = super::repo().join("profiles/me.toml");
    let job = pipeline::job_for(&profile, None);
    pipeline::check_text(engine, text, &job, &settings(layout, theme))
}

/// `check_text` with the shared engine, for a profile that must lay out:
/// a failure names `what`, the layout and every error.
pub fn checked(text: &str, layout: &str, theme: &[(&str, toml::Value)], what: &str) -> Checked {
    check_text(engine(), text, layout, theme).unwrap_or_else(|errors| {
        panic!(
            "{what} in {layout}: {}",
            errors.iter().map(|e| e.render(false)).collect::<String>()
        )
    })
}

/// Renders profile text to PDF bytes, as `check_text` checks it.
pub fn render_text(
    engine: &std::sync::Arc<Engine>,
    text: &str,
    layout: &str,
    theme: &[(&str, toml::Value)],
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let job = pipeline::job_for(&super::repo().join("profiles/me.toml"), None);
    let mut rendered = pipeline::render_text(engine, text, &job, &settings(layout, theme))?;
    Ok(rendered.files.remove(0).1)
}

fn settings(layout: &str, theme: &[(&str, toml::Value)]) -> RunSettings {
    RunSettings {
        layout: Some(Layout::builtin(layout).expect("a built-in layout")),
        theme: theme
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        ..RunSettings::default()
    }
}

pub use vitae::proof::text::TextRun;

/// The standard section titles of a locale: (section id, title).
pub fn locale_words(locale: &str) -> Vec<(&'static str, &'static str)> {
    let words = vitae::locale::words(locale).expect("a known locale");
    ["summary", "work", "education", "skills"]
        .into_iter()
        .filter_map(|id| Some((id, words.title(id)?)))
        .collect()
}

/// Reads and checks profile text (stages 1 and 2, no layout): how many
/// problems it has, or `None` when it is not even a profile.
pub fn load_and_check(text: &str) -> Option<usize> {
    let source = vitae::diagnostic::SourceFile::new("me.toml", text);
    let parsed = vitae::profile::load::parse(source).ok()?;
    let checked = vitae::profile::check(parsed, None, None).ok()?;
    Some(checked.errors.len() + checked.warnings.len())
}
