//! Theme options: the profile's `[theme]` table, then `--theme key=value`
//! overrides, checked against what the layout declares in `layout.toml`.
//!
//! A few options shape the data itself and are the same for every layout
//! (`section_order`, `hide`, `date_format`); they are handled here in Rust.
//! Everything else goes to the layout as `theme` in `/profile.json`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value as Json};
use toml::Spanned;

use crate::dates::DateStyle;
use crate::diagnostic::{Code, Diagnostic, SourceFile, one_of};
use crate::layout::{Layout, OptionKind, OptionSpec};

/// Options every layout gets, handled by vitae itself.
pub const UNIVERSAL: [(&str, &str); 5] = [
    (
        "section_order",
        "section ids in the order to show them; unnamed sections follow in the default order",
    ),
    ("hide", "section ids to leave out"),
    (
        "date_format",
        "how dates are written: short (Oct 2022), long, numeric, iso or year",
    ),
    (
        "pages",
        "a page budget (1–20): vitae tightens spacing, then font size, until the profile fits",
    ),
    (
        "spacing",
        "vertical whitespace as a factor, 0.5–1.5 (default 1); page fitting lowers it; left unset, so may avoiding a nearly empty last page",
    ),
];

/// `spacing` when neither the profile nor the command line sets it.
const SPACING_DEFAULT: f64 = 1.0;

/// The universal `spacing` factor, declared like a layout's number option so
/// that the same check serves it.
fn spacing_spec() -> OptionSpec {
    OptionSpec {
        description: "vertical whitespace as a factor".into(),
        kind: OptionKind::Number,
        default: toml::Value::Float(SPACING_DEFAULT),
        values: Vec::new(),
        min: Some(0.5),
        max: Some(1.5),
    }
}

/// The largest page budget (`pages`) a profile may ask for.
pub const MAX_PAGE_BUDGET: i64 = 20;

/// A theme resolved for one layout.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub section_order: Vec<String>,
    pub hide: Vec<String>,
    pub date_style: DateStyle,
    /// `pages`: fit the document into this many pages.
    pub pages: Option<usize>,
    /// `spacing` was set by the profile, a variant or `--theme`: the user
    /// chose it, so vitae does not tighten it to avoid a nearly empty page.
    pub spacing_chosen: bool,
    /// The layout's own options, defaults filled in, as handed to Typst.
    pub layout_options: Map<String, Json>,
}

/// Where a theme value came from, for error messages.
pub enum Origin<'a> {
    Profile(&'a Arc<SourceFile>, std::ops::Range<usize>),
    CommandLine,
}

/// Parses `key=value` from the command line. The value is read as TOML when it
/// can be (`size=10.5`, `photo=false`), else taken as a string (`accent=#1f4e79`).
pub fn parse_override(arg: &str) -> Result<(String, toml::Value), String> {
    let (key, value) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not key=value"))?;
    let key = key.trim().to_string();
    if key.is_empty() {
        return Err(format!("`{arg}` has no key"));
    }
    let value = value.trim();
    let parsed = toml::from_str::<BTreeMap<String, toml::Value>>(&format!("v = {value}"))
        .ok()
        .and_then(|mut m| m.remove("v"))
        .unwrap_or_else(|| toml::Value::String(value.to_string()));
    Ok((key, parsed))
}

/// Checks a `--theme` override before any profile is read, so that a bad
/// one is a usage error (exit 2) rather than a failure of every profile.
/// With `--layout`, against that layout; otherwise a key some built-in
/// layout knows must have a value one of them accepts. A key none of them
/// knows may belong to a profile's own layout, and is checked per profile.
pub fn check_override(
    layout: Option<&Layout>,
    key: &str,
    value: &toml::Value,
) -> Result<(), Diagnostic> {
    let candidates: Vec<Layout> = match layout {
        Some(layout) => vec![layout.clone()],
        None => Layout::builtin_names()
            .into_iter()
            .filter_map(Layout::builtin)
            .filter(|l| {
                l.manifest.options.contains_key(key) || UNIVERSAL.iter().any(|(k, _)| *k == key)
            })
            .collect(),
    };
    let mut first_error = None;
    for candidate in &candidates {
        match apply(&mut Theme::default(), candidate, key, value) {
            Ok(()) => return Ok(()),
            Err(diag) => {
                first_error.get_or_insert(diag);
            }
        }
    }
    match first_error {
        None => Ok(()),
        Some(diag) => Err(Diagnostic {
            message: format!("--theme {key}: {}", diag.message).into(),
            ..diag
        }),
    }
}

/// Resolves the theme: profile values, then overrides, checked against the
/// layout; `sections` are the ids `section_order` and `hide` may name.
pub fn resolve(
    layout: &Layout,
    profile: &BTreeMap<String, Spanned<toml::Value>>,
    source: &Arc<SourceFile>,
    overrides: &[(String, toml::Value)],
    sections: &[String],
) -> Result<Theme, Vec<Diagnostic>> {
    let mut theme = Theme::default();
    theme
        .layout_options
        .insert("spacing".into(), Json::from(SPACING_DEFAULT));
    let mut errors = Vec::new();
    for (key, spec) in &layout.manifest.options {
        match check_value(key, spec, &spec.default) {
            Ok(value) => {
                theme.layout_options.insert(key.clone(), value);
            }
            Err(diag) => errors.push(Diagnostic {
                message: format!(
                    "layout `{}` declares a bad default: {}",
                    layout.name(),
                    diag.message
                )
                .into(),
                ..diag
            }),
        }
    }
    let given = profile
        .iter()
        .map(|(k, v)| (k.as_str(), v.get_ref(), Origin::Profile(source, v.span())))
        .chain(
            overrides
                .iter()
                .map(|(k, v)| (k.as_str(), v, Origin::CommandLine)),
        );
    let place = |diag: Diagnostic, key: &str, origin: &Origin| match origin {
        Origin::Profile(file, span) => diag.at(file, span.clone()).key(format!("theme.{key}")),
        Origin::CommandLine => Diagnostic {
            message: format!("--theme {key}: {}", diag.message).into(),
            ..diag
        },
    };
    for (key, value, origin) in given {
        if let Err(diag) = apply(&mut theme, layout, key, value) {
            errors.push(place(diag, key, &origin));
            continue;
        }
        let named: &[String] = match key {
            "section_order" => &theme.section_order,
            "hide" => &theme.hide,
            _ => &[],
        };
        for (unknown, diag) in unknown_sections(key, named, sections) {
            let origin = match origin {
                Origin::Profile(file, ref span) => {
                    Origin::Profile(file, quoted_within(&file.text, span, &unknown))
                }
                Origin::CommandLine => Origin::CommandLine,
            };
            errors.push(place(diag, key, &origin));
        }
    }
    if errors.is_empty() {
        Ok(theme)
    } else {
        Err(errors)
    }
}

fn apply(
    theme: &mut Theme,
    layout: &Layout,
    key: &str,
    value: &toml::Value,
) -> Result<(), Diagnostic> {
    match key {
        "section_order" => theme.section_order = string_list(value)?,
        "hide" => theme.hide = string_list(value)?,
        "date_format" => {
            let name = value.as_str().unwrap_or_default();
            theme.date_style = DateStyle::from_name(name).ok_or_else(|| {
                Diagnostic::error(
                    Code::BadThemeValue,
                    format!("bad value {value} for `date_format`"),
                )
                .expected(format!("one of {}", one_of(&DateStyle::NAMES)))
            })?;
        }
        "pages" => match value.as_integer() {
            Some(n @ 1..=MAX_PAGE_BUDGET) => theme.pages = Some(n as usize),
            _ => {
                return Err(Diagnostic::error(
                    Code::BadThemeValue,
                    format!("bad value {value} for `pages`"),
                )
                .expected(format!(
                    "a whole number of pages from 1 to {MAX_PAGE_BUDGET}"
                )));
            }
        },
        "spacing" => {
            let checked = check_value(key, &spacing_spec(), value)?;
            theme.layout_options.insert(key.into(), checked);
            theme.spacing_chosen = true;
        }
        _ => {
            let Some(spec) = layout.manifest.options.get(key) else {
                let mut names: Vec<&str> =
                    layout.manifest.options.keys().map(String::as_str).collect();
                names.extend(UNIVERSAL.iter().map(|(k, _)| *k));
                let diag = Diagnostic::error(
                    Code::UnknownThemeOption,
                    format!(
                        "unknown theme option `{key}` for layout `{}`",
                        layout.name()
                    ),
                )
                .expected(format!("one of {}", one_of(&names)))
                .suggest(key, names.iter().copied());
                return Err(diag.hint(format!(
                    "`vitae layouts {}` shows its options",
                    layout.name()
                )));
            };
            let checked = check_value(key, spec, value)?;
            theme.layout_options.insert(key.to_string(), checked);
        }
    }
    Ok(())
}

/// The ids `key` (`section_order` or `hide`, as just applied) names that
/// are no section of the profile, each with its error: a typo would
/// otherwise be ignored silently.
fn unknown_sections(key: &str, named: &[String], sections: &[String]) -> Vec<(String, Diagnostic)> {
    named
        .iter()
        .filter(|id| !sections.contains(id))
        .map(|id| {
            let diag = Diagnostic::error(
                Code::UnknownSection,
                format!("`{key}` names no section `{id}`"),
            )
            .expected(format!("a section id: {}", one_of(sections)))
            .suggest(id, sections.iter().map(String::as_str));
            (id.clone(), diag)
        })
        .collect()
}

/// The span of `"word"` (or `'word'`) inside `span` of `text`, so that an
/// error points at the one bad item of a list; `span` itself when absent.
fn quoted_within(text: &str, span: &std::ops::Range<usize>, word: &str) -> std::ops::Range<usize> {
    let Some(within) = text.get(span.clone()) else {
        return span.clone();
    };
    [format!("\"{word}\""), format!("'{word}'")]
        .iter()
        .find_map(|quoted| within.find(quoted.as_str()))
        .map(|at| span.start + at..span.start + at + word.len() + 2)
        .unwrap_or_else(|| span.clone())
}

/// A list of ids, given as a TOML array or a comma-separated string.
fn string_list(value: &toml::Value) -> Result<Vec<String>, Diagnostic> {
    match value {
        toml::Value::String(s) => Ok(s
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str().map(str::to_string).ok_or_else(|| {
                    Diagnostic::error(Code::BadThemeValue, format!("`{i}` is not a section id"))
                })
            })
            .collect(),
        other => Err(
            Diagnostic::error(Code::BadThemeValue, format!("bad value {other}"))
                .expected("a list of section ids, e.g. [\"work\", \"education\"]"),
        ),
    }
}

/// Checks one value against its declared kind; returns it as JSON for the layout.
fn check_value(key: &str, spec: &OptionSpec, value: &toml::Value) -> Result<Json, Diagnostic> {
    let bad = |expected: String| {
        Diagnostic::error(
            Code::BadThemeValue,
            format!("bad value {value} for `{key}`"),
        )
        .expected(expected)
    };
    match spec.kind {
        OptionKind::Choice => {
            let text = value.as_str().unwrap_or_default();
            if spec.values.iter().any(|v| v == text) {
                Ok(Json::String(text.into()))
            } else {
                Err(bad(format!("one of {}", one_of(&spec.values)))
                    .suggest(text, spec.values.iter().map(String::as_str)))
            }
        }
        OptionKind::Color => match value.as_str() {
            Some(text) if is_hex_color(text) => Ok(Json::String(text.into())),
            _ => Err(bad("a hex colour like \"#1f4e79\"".into())),
        },
        OptionKind::Length => match value.as_str().and_then(length_in_points) {
            Some(points) => Ok(Json::from(points)),
            _ => Err(bad(
                "a length with a unit: \"1.5cm\", \"12mm\", \"0.7in\" or \"18pt\"".into(),
            )),
        },
        OptionKind::Number => {
            let number = value
                .as_float()
                .or_else(|| value.as_integer().map(|i| i as f64));
            match number {
                Some(n)
                    if spec.min.is_none_or(|min| n >= min)
                        && spec.max.is_none_or(|max| n <= max) =>
                {
                    Ok(Json::from(n))
                }
                _ => Err(bad(match (spec.min, spec.max) {
                    (Some(min), Some(max)) => format!("a number from {min} to {max}"),
                    _ => "a number".into(),
                })),
            }
        }
        OptionKind::Bool => value
            .as_bool()
            .map(Json::Bool)
            .ok_or_else(|| bad("true or false".into())),
        OptionKind::Font | OptionKind::String => match value.as_str() {
            Some(text) if !text.trim().is_empty() => Ok(Json::String(text.into())),
            _ => Err(bad("a non-empty string".into())),
        },
    }
}

fn is_hex_color(text: &str) -> bool {
    let Some(hex) = text.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// A length such as `1.5cm` in points. Layouts get plain numbers (`* 1pt`),
/// so no profile text is ever evaluated as Typst code.
fn length_in_points(text: &str) -> Option<f64> {
    const UNITS: [(&str, f64); 4] = [
        ("cm", 72.0 / 2.54),
        ("mm", 72.0 / 25.4),
        ("in", 72.0),
        ("pt", 1.0),
    ];
    let text = text.trim();
    UNITS.iter().find_map(|(unit, factor)| {
        let number = text.strip_suffix(unit)?.trim();
        let plain = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
        let value: f64 = number.parse().ok().filter(|_| plain)?;
        (value * factor <= 720.0).then_some(value * factor)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classic() -> Layout {
        Layout::builtin("classic").unwrap()
    }

    #[test]
    fn overrides_parse_as_toml_or_string() {
        assert_eq!(
            parse_override("size=10.5").unwrap().1,
            toml::Value::Float(10.5)
        );
        assert_eq!(
            parse_override("accent=#1f4e79").unwrap().1,
            toml::Value::String("#1f4e79".into())
        );
        assert_eq!(
            parse_override("paper=us-letter").unwrap().1,
            toml::Value::String("us-letter".into())
        );
        assert!(parse_override("nonsense").is_err());
    }

    #[test]
    fn defaults_fill_in_and_overrides_win() {
        let source = SourceFile::new("x", "");
        let theme = resolve(
            &classic(),
            &BTreeMap::new(),
            &source,
            &[("paper".into(), "us-letter".into())],
            &[],
        )
        .unwrap();
        assert_eq!(theme.layout_options["paper"], "us-letter");
        assert!(theme.layout_options.contains_key("accent"));
    }

    #[test]
    fn bad_values_name_the_option_and_the_allowed_values() {
        let source = SourceFile::new("x", "");
        let errors = resolve(
            &classic(),
            &BTreeMap::new(),
            &source,
            &[("paper".into(), "a5".into())],
            &[],
        )
        .unwrap_err();
        assert!(errors[0].message.contains("paper"), "{:?}", errors[0]);
        assert!(
            errors[0]
                .expected
                .as_deref()
                .unwrap()
                .contains("`us-letter`")
        );
        let errors = resolve(
            &classic(),
            &BTreeMap::new(),
            &source,
            &[("acent".into(), "#fff".into())],
            &[],
        )
        .unwrap_err();
        assert!(errors[0].hints[0].contains("`accent`"));
        let errors = resolve(
            &classic(),
            &BTreeMap::new(),
            &source,
            &[("accent".into(), "blue".into())],
            &[],
        )
        .unwrap_err();
        assert!(errors[0].expected.as_deref().unwrap().contains("hex"));
    }

    #[test]
    fn lengths_and_colours() {
        assert_eq!(length_in_points("1in"), Some(72.0));
        assert!((length_in_points("2.54cm").unwrap() - 72.0).abs() < 1e-9);
        assert!(
            length_in_points("18").is_none()
                && length_in_points("-1cm").is_none()
                && length_in_points("1e2cm").is_none()
        );
        assert!(is_hex_color("#fff") && is_hex_color("#1f4e79") && !is_hex_color("1f4e79"));
    }
}
