//! Stage 1: read a profile file and parse it into the typed model.
//!
//! Serde stops at the first error. To report every mistake of a file in one
//! run, parsing is retried: after each error the offending key is removed from
//! the (span-carrying) TOML tree and the tree is deserialised again. Each error
//! keeps its own span, so each is reported at its own `line:col`.
//!
//! Errors come from `de`, which records what serde reported as data (the
//! unknown key and the valid ones, the type found and the one expected), so
//! the diagnostics here never depend on the wording of serde's messages.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::de::DeTable;

use super::de::{self, Problem};
use super::model::Profile;
use super::tree::{locate_in_table, remove};
use crate::diagnostic::{Code, Diagnostic, SourceFile, closest, one_of};
use crate::files::{self, ReadProblem};

use super::tree::{KeyTree, Segment, display_path};

/// How many errors one file may report before vitae stops looking.
const MAX_ERRORS: usize = 50;

/// A parsed profile and the file it came from.
#[derive(Debug)]
pub struct ParsedProfile {
    pub source: Arc<SourceFile>,
    pub profile: Profile,
    /// The span-carrying tree, kept to name the key at any byte offset.
    pub tree: KeyTree,
}

/// Reads and parses the profile at `path`.
pub fn read(path: &Path) -> Result<ParsedProfile, Vec<Diagnostic>> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let name = match files::is_stdio(path) {
        true => "<stdin>".to_string(),
        false => path.display().to_string(),
    };
    parse(SourceFile::new(name, text))
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let fail = |message: String| Diagnostic::error(Code::FileUnreadable, message).in_file(path);
    let bytes = files::read_profile(path).map_err(|problem| match problem {
        ReadProblem::NotFound => fail("no such file".into())
            .hint("check the path, or create a profile with `vitae new \"Your Name\"`"),
        ReadProblem::NotAFile("a folder") => fail("is a folder, not a profile".into())
            .hint("`vitae render` renders every *.toml in a folder; did you mean `vitae render <folder>`?"),
        ReadProblem::TooLarge { limit } => Diagnostic::error(
            Code::OverLimit,
            format!(
                "the file is larger than {}, the limit for a profile",
                files::size(limit)
            ),
        )
        .in_file(path)
        .hint("no résumé comes close; the limits are listed in docs/limits.md"),
        other => fail(format!("not read: it {other}")),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let line = valid.matches('\n').count() + 1;
        fail(format!(
            "the file is not UTF-8 text (invalid byte at line {line}, byte {offset})"
        ))
        .hint("save the profile as UTF-8 in your editor")
    })?;
    Ok(text)
}

/// Parses profile text. `source.name` is what messages call the file.
pub fn parse(source: Arc<SourceFile>) -> Result<ParsedProfile, Vec<Diagnostic>> {
    let text: &str = &source.text;
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(vec![
            Diagnostic::error(Code::EmptyProfile, "the profile is empty")
                .at(&source, 0..0)
                .expected("at least `[basics]` with `name = \"…\"`")
                .hint("`vitae new \"Your Name\"` writes a starter profile"),
        ]);
    }
    // The TOML parser recurses into what it is recovering from, and text
    // nested deep enough overflows its stack: measured first, by a scan.
    if let Some(too_deep) = super::size::check_nesting(&source) {
        return Err(vec![too_deep]);
    }
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .iter()
            .take(MAX_ERRORS)
            .map(|e| syntax_error(&source, e))
            .collect());
    }
    if let Some(too_much) = super::size::check(root.get_ref(), &source) {
        return Err(vec![too_much]);
    }
    deserialise_all(source.clone(), root)
}

/// Deserialises the tree; on an error, drops the value at fault and tries
/// again, so that every mistake of the file is reported in one run.
fn deserialise_all(
    source: Arc<SourceFile>,
    mut root: toml::Spanned<DeTable<'_>>,
) -> Result<ParsedProfile, Vec<Diagnostic>> {
    let tree = KeyTree::new(source.clone());
    let mut errors = Vec::new();
    loop {
        match de::from_document::<Profile>(&root) {
            Ok(profile) if errors.is_empty() => {
                return Ok(ParsedProfile {
                    source,
                    profile,
                    tree,
                });
            }
            Ok(recovered) => {
                // The rest of the file parsed once the bad keys were dropped:
                // check its values now too, so one run reports everything.
                let partial = ParsedProfile {
                    source: source.clone(),
                    profile: recovered,
                    tree,
                };
                errors.extend(
                    super::validate::validate(&partial)
                        .into_iter()
                        .filter(Diagnostic::is_error),
                );
                break;
            }
            Err(error) => {
                let span = error.span.clone().unwrap_or(0..0);
                let path = tree.path_at(&span);
                errors.push(data_error(&source, &tree, &error, span.clone(), &path));
                // Indices shift as values are removed, so locate in the current tree.
                let mut current = Vec::new();
                locate_in_table(root.get_ref(), &span, &mut current);
                let missing = matches!(error.problem, Problem::MissingField { .. });
                if missing
                    || errors.len() >= MAX_ERRORS
                    || remove(root.get_mut(), &current).is_none()
                {
                    break;
                }
            }
        }
    }
    errors.sort_by_key(|d| d.location.as_ref().map_or(0, |l| l.span.start));
    Err(errors)
}

fn syntax_error(source: &Arc<SourceFile>, error: &toml::de::Error) -> Diagnostic {
    let span = match error.span() {
        Some(span) if !span.is_empty() => span,
        // Too deep a nesting of dotted keys comes without a place.
        _ if error.message().contains("recursion") => deepest_line(&source.text),
        span => span.unwrap_or(0..0),
    };
    Diagnostic::error(
        Code::TomlSyntax,
        format!("TOML syntax error: {}", error.message().trim()),
    )
    .at(source, span)
}

/// The key of the line nested deepest (`a.b.c… = 1`, `x = [[[…`): where a
/// nesting-depth error the parser could not place must be.
fn deepest_line(text: &str) -> Range<usize> {
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or(line);
        let depth = key.matches('.').count() + line.matches(['[', '{']).count();
        if depth > best.0 {
            best = (depth, start..start + key.trim_end().len());
        }
        start += line.len();
    }
    best.1
}

/// Turns a deserialisation error into a vitae diagnostic with a key path
/// and hints.
fn data_error(
    source: &Arc<SourceFile>,
    tree: &KeyTree,
    error: &de::Error,
    span: Range<usize>,
    path: &[Segment],
) -> Diagnostic {
    let key_path = display_path(path);
    let at = |code: Code, message: String| {
        Diagnostic::error(code, message)
            .at(source, span.clone())
            .key(key_path.clone())
    };
    match &error.problem {
        Problem::UnknownField { field, expected } => unknown_key(
            at(Code::UnknownKey, format!("unknown key `{field}`")),
            field,
            expected,
        ),
        Problem::MissingField { field } => missing_key(source, tree, path, span.clone(), field),
        Problem::InvalidType { found, expected } => {
            let diag = at(
                Code::WrongType,
                format!("wrong type: found {}", found.description),
            );
            let diag = with_expected(diag, expected);
            // A string where a list belongs: most likely the brackets are missing.
            if error.wanted_list && found.is_text {
                diag.hint("write a list: `[\"…\", \"…\"]`")
            } else {
                diag
            }
        }
        Problem::InvalidValue { found, expected } => with_expected(
            at(
                Code::InvalidValue,
                format!("invalid value: {}", found.description),
            ),
            expected,
        ),
        other => at(Code::InvalidValue, other.to_string().trim().to_string()),
    }
}

fn with_expected(diag: Diagnostic, expected: &str) -> Diagnostic {
    match expected {
        "" => diag,
        // serde names Rust's types; a profile's author thinks in numbers.
        "u8" | "u16" | "u32" | "u64" | "usize" => diag.expected("a whole number, 0 or more"),
        _ => diag.expected(expected),
    }
}

/// `name` is not a key here; `valid` are the keys that are.
fn unknown_key(mut diag: Diagnostic, name: &str, valid: &[&str]) -> Diagnostic {
    if !valid.is_empty() {
        diag = diag.expected(format!("one of {}", one_of(valid)));
    }
    if let Some(best) = suggest_key(name, valid) {
        diag = diag.hint(format!("did you mean `{best}`?"));
    }
    diag
}

/// A table lacks the required key `name`: reported on the table's own key
/// (`[basics]`), where the key belongs.
fn missing_key(
    source: &Arc<SourceFile>,
    tree: &KeyTree,
    path: &[Segment],
    span: Range<usize>,
    name: &str,
) -> Diagnostic {
    let key_path = display_path(path);
    let table = if key_path.is_empty() {
        "the top level".to_string()
    } else {
        format!("`{key_path}`")
    };
    let full = if key_path.is_empty() {
        name.to_string()
    } else {
        format!("{key_path}.{name}")
    };
    let header = tree.key_span(path).unwrap_or(span);
    let hint = if name == "basics" {
        "add `[basics]` with `name = \"Your Name\"`".to_string()
    } else {
        format!("add `{name} = …` to {table}")
    };
    Diagnostic::error(Code::MissingKey, format!("missing required key `{name}`"))
        .at(source, header)
        .key(full)
        .hint(hint)
}

/// Words people reach for (often from other résumé formats) and the key
/// vitae uses for them, where that key is valid at the same place.
const SYNONYMS: [(&str, &str); 14] = [
    ("title", "position"),
    ("role", "position"),
    ("company", "name"),
    ("employer", "name"),
    ("school", "institution"),
    ("degree", "study_type"),
    ("bullets", "highlights"),
    ("startDate", "start"),
    ("endDate", "end"),
    ("releaseDate", "date"),
    ("studyType", "study_type"),
    ("countryCode", "country_code"),
    ("postalCode", "postal_code"),
    ("website", "url"),
];

/// The valid key a misspelt or foreign key most likely means.
fn suggest_key<'a>(name: &str, valid: &[&'a str]) -> Option<&'a str> {
    let is_valid = |key: &str| valid.iter().copied().find(|v| *v == key);
    if let Some(best) = closest(name, valid.iter().copied()) {
        return Some(best);
    }
    let synonym = closest(name, SYNONYMS.iter().map(|(from, _)| *from))?;
    SYNONYMS
        .iter()
        .filter(|(from, _)| *from == synonym)
        .find_map(|(_, to)| is_valid(to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<ParsedProfile, Vec<Diagnostic>> {
        parse(SourceFile::new("me.toml", text))
    }

    #[test]
    fn minimal_profile_parses() {
        let parsed = parse_text("[basics]\nname = \"Ada\"\n").unwrap();
        assert_eq!(parsed.profile.basics.name.unwrap().into_inner(), "Ada");
    }

    #[test]
    fn unknown_key_has_position_path_and_hint() {
        let errors =
            parse_text("[basics]\nname = \"Ada\"\n\n[[work]]\nname = \"X\"\ntitel = \"y\"\n")
                .unwrap_err();
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!(&*e.message, "unknown key `titel`");
        assert_eq!(e.position().unwrap(), "me.toml:6:1");
        assert_eq!(e.key_path.as_deref(), Some("work[0].titel"));
        assert!(
            e.hints
                .iter()
                .any(|h| h.contains("`team`") || h.contains("`position`"))
                || e.hints.is_empty()
        );
    }

    #[test]
    fn all_unknown_keys_are_reported_at_once() {
        let text = "[basics]\nname = \"Ada\"\nlabl = \"x\"\nemial = \"a@b.c\"\n[[work]]\nnmae = \"Acme\"\n";
        let errors = parse_text(text).unwrap_err();
        let messages: Vec<_> = errors.iter().map(|e| &*e.message).collect();
        assert_eq!(
            messages,
            [
                "unknown key `labl`",
                "unknown key `emial`",
                "unknown key `nmae`"
            ],
            "{errors:#?}"
        );
        assert!(errors[0].hints[0].contains("`label`"));
        assert!(errors[1].hints[0].contains("`email`"));
        assert!(errors[2].hints[0].contains("`name`"));
    }

    #[test]
    fn value_errors_are_reported_alongside_structural_ones() {
        let text = "[basics]\nname = \"Ada\"\nemial = \"x\"\n[[work]]\nstart = \"2022-13\"\n";
        let errors = parse_text(text).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| &*e.message).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0], "unknown key `emial`");
        assert!(messages[1].contains("month 13"), "{messages:?}");
    }

    #[test]
    fn a_missing_required_key_is_reported_on_its_table_header() {
        let errors = parse_text("[[projects]]\ndescription = \"A tool\"\n").unwrap_err();
        assert_eq!(&*errors[0].message, "missing required key `name`");
        assert_eq!(errors[0].key_path.as_deref(), Some("projects[0].name"));
        assert!(
            errors[0].position().unwrap().starts_with("me.toml:1:"),
            "{:?}",
            errors[0].position()
        );
    }

    #[test]
    fn wrong_type_names_what_was_expected() {
        let errors = parse_text(
            "[basics]\nname = \"Ada\"\n[[skills]]\nname = \"Rust\"\nkeywords = \"fast\"\n",
        )
        .unwrap_err();
        assert_eq!(&*errors[0].message, "wrong type: found string \"fast\"");
        assert_eq!(errors[0].key_path.as_deref(), Some("skills[0].keywords"));
        assert!(errors[0].expected.as_deref().unwrap().contains("sequence"));
    }

    /// Names and values are taken as serde gave them, not cut out of its
    /// message: a backquote in a key or ", expected " in a value is kept.
    #[test]
    fn odd_keys_and_values_are_reported_whole() {
        let errors = parse_text("[basics]\nname = \"Ada\"\n\"na`me\" = 1\n").unwrap_err();
        assert_eq!(&*errors[0].message, "unknown key `na`me`");
        assert!(
            errors[0]
                .expected
                .as_deref()
                .unwrap()
                .starts_with("one of `name`, `label`")
        );
        assert_eq!(errors[0].hints, ["did you mean `name`?"]);

        let text =
            "[basics]\nname = \"Ada\"\n[[skills]]\nname = \"R\"\nkeywords = \"a, expected b\"\n";
        let errors = parse_text(text).unwrap_err();
        assert_eq!(
            &*errors[0].message,
            "wrong type: found string \"a, expected b\""
        );
        assert_eq!(errors[0].expected.as_deref(), Some("a sequence"));
        assert_eq!(errors[0].hints, ["write a list: `[\"…\", \"…\"]`"]);
    }

    #[test]
    fn syntax_errors_are_located() {
        let errors = parse_text("[basics]\nname = \"Ada\nlabel = 1\n").unwrap_err();
        assert!(errors[0].message.starts_with("TOML syntax error"));
        assert!(errors[0].position().unwrap().starts_with("me.toml:2:"));
    }

    #[test]
    fn empty_profile_is_refused() {
        let errors = parse_text("  \n# only a comment\n").unwrap_err();
        assert_eq!(&*errors[0].message, "the profile is empty");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!(
            "[basics]\nname = \"A\"\nx = {}1{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert!(parse_text(&text).is_err());
    }
}
