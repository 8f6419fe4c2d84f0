//! Stage 2: check the values serde cannot: dates, date order, URLs, e-mail
//! addresses, the locale, section ids. Every problem is collected, each at its
//! own position, so one run reports them all.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::load::{KeyTree, ParsedProfile, Segment, display_path};
use super::model::*;
use crate::dates::{self, DatePoint};
use crate::diagnostic::{Diagnostic, SourceFile, closest, one_of};
use crate::locale;

/// The ids of the built-in sections, in their default order.
pub const BUILTIN_SECTIONS: [&str; 13] = [
    "summary",
    "numbers",
    "work",
    "projects",
    "education",
    "skills",
    "awards",
    "certificates",
    "publications",
    "volunteer",
    "languages",
    "interests",
    "references",
];

/// How deep bullets may nest. Résumés use two levels; the limit keeps absurd
/// nesting from reaching Typst (whose own limit would surface as a layout error).
pub const MAX_BULLET_DEPTH: usize = 5;

/// Checks a parsed profile; returns errors and warnings.
pub fn validate(parsed: &ParsedProfile) -> Vec<Diagnostic> {
    let mut check = Checker {
        source: parsed.source.clone(),
        tree: &parsed.tree,
        found: Vec::new(),
    };
    let p = &parsed.profile;

    if p.basics.name.trim().is_empty() {
        check.found.push(
            Diagnostic::error("`basics.name` is empty")
                .key("basics.name")
                .hint("write the name as it should appear on the résumé"),
        );
    }
    check.email(p.basics.email.as_ref());
    check.url(p.basics.url.as_ref());
    for profile in &p.basics.profiles {
        check.url(profile.url.as_ref());
    }
    for work in &p.work {
        check.url(work.url.as_ref());
        check.range(work.start.as_ref(), work.end.as_ref());
        if !work.roles.is_empty()
            && (work.position.is_some() || work.start.is_some() || work.end.is_some())
        {
            let span = work.start.as_ref().map(|s| s.span());
            check.error_at(
                span,
                Diagnostic::error(
                    "a work entry has both its own position or dates and `[[work.roles]]`",
                )
                .hint("move `position`, `start` and `end` into a `[[work.roles]]` entry"),
            );
        }
        for role in &work.roles {
            check.range(role.start.as_ref(), role.end.as_ref());
        }
    }
    for v in &p.volunteer {
        check.url(v.url.as_ref());
        check.range(v.start.as_ref(), v.end.as_ref());
    }
    for e in &p.education {
        check.url(e.url.as_ref());
        check.range(e.start.as_ref(), e.end.as_ref());
    }
    for project in &p.projects {
        check.url(project.url.as_ref());
        check.range(project.start.as_ref(), project.end.as_ref());
    }
    for award in &p.awards {
        check.date(award.date.as_ref(), false);
    }
    for cert in &p.certificates {
        check.date(cert.date.as_ref(), false);
        check.url(cert.url.as_ref());
    }
    for publication in &p.publications {
        check.date(publication.date.as_ref(), false);
        check.url(publication.url.as_ref());
    }
    for section in &p.sections {
        for entry in &section.entries {
            check.url(entry.url.as_ref());
            check.date(entry.date.as_ref(), false);
            check.range(entry.start.as_ref(), entry.end.as_ref());
        }
    }
    check.bullet_depth(p);
    check.output(p.output.as_ref());
    check.locale(p.locale.as_ref());
    check.section_ids(p);
    check.variants(p);
    check.found
}

struct Checker<'a> {
    source: Arc<SourceFile>,
    tree: &'a KeyTree,
    found: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// Records `diag` at `span`, with the key path found there.
    fn error_at(&mut self, span: Option<Range<usize>>, diag: Diagnostic) {
        let diag = match span {
            Some(span) => {
                let key = display_path(&self.tree.path_at(&span));
                diag.at(&self.source, span).key(key)
            }
            None => diag,
        };
        self.found.push(diag);
    }

    fn date(
        &mut self,
        value: Option<&Spanned<DateInput>>,
        allow_present: bool,
    ) -> Option<DatePoint> {
        let value = value?;
        match value.get_ref().point(allow_present) {
            Ok(point) => Some(point),
            Err(problem) => {
                self.error_at(
                    Some(value.span()),
                    Diagnostic::error(format!("malformed date: {problem}")).expected(format!(
                        "{}{}",
                        dates::EXPECTED,
                        if allow_present { " or \"present\"" } else { "" }
                    )),
                );
                None
            }
        }
    }

    fn range(&mut self, start: Option<&Spanned<DateInput>>, end: Option<&Spanned<DateInput>>) {
        let from = self.date(start, false);
        let to = self.date(end, true);
        if let (Some(DatePoint::Date(from)), Some(DatePoint::Date(to)), Some(end)) = (from, to, end)
            && dates::ends_before_start(from, to)
        {
            self.error_at(
                Some(end.span()),
                Diagnostic::error(format!("`end` ({}) is before `start`", end.get_ref().text))
                    .hint("swap the two dates, or use \"present\" for an ongoing role"),
            );
        }
    }

    fn url(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if let Err(problem) = check_url(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(format!("bad URL: {problem}"))
                    .expected("a web address like \"https://example.com/you\""),
            );
        }
    }

    fn email(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if !is_email(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(format!("bad e-mail address `{}`", value.get_ref()))
                    .expected("an address like \"you@example.com\""),
            );
        }
    }

    /// Every bullet list of the profile, with the key path that leads to it.
    fn bullet_depth(&mut self, p: &Profile) {
        let key = |k: &str| Segment::Key(k.to_string());
        let mut lists: Vec<(Vec<Segment>, &[Bullet])> = Vec::new();
        for (i, w) in p.work.iter().enumerate() {
            let base = vec![key("work"), Segment::Index(i)];
            lists.push((
                [base.clone(), vec![key("highlights")]].concat(),
                &w.highlights,
            ));
            lists.extend(block_lists(base.clone(), &w.blocks));
            for (j, r) in w.roles.iter().enumerate() {
                let role = [base.clone(), vec![key("roles"), Segment::Index(j)]].concat();
                lists.push((
                    [role.clone(), vec![key("highlights")]].concat(),
                    &r.highlights,
                ));
                lists.extend(block_lists(role, &r.blocks));
            }
        }
        for (name, all) in [
            (
                "volunteer",
                p.volunteer
                    .iter()
                    .map(|v| v.highlights.as_slice())
                    .collect::<Vec<_>>(),
            ),
            (
                "education",
                p.education
                    .iter()
                    .map(|e| e.highlights.as_slice())
                    .collect(),
            ),
            (
                "projects",
                p.projects.iter().map(|x| x.highlights.as_slice()).collect(),
            ),
        ] {
            for (i, highlights) in all.into_iter().enumerate() {
                lists.push((
                    vec![key(name), Segment::Index(i), key("highlights")],
                    highlights,
                ));
            }
        }
        for (i, s) in p.sections.iter().enumerate() {
            let base = vec![key("sections"), Segment::Index(i)];
            lists.push(([base.clone(), vec![key("items")]].concat(), &s.items));
            lists.extend(block_lists(base.clone(), &s.blocks));
            for (j, e) in s.entries.iter().enumerate() {
                lists.push((
                    [
                        base.clone(),
                        vec![key("entries"), Segment::Index(j), key("items")],
                    ]
                    .concat(),
                    &e.items,
                ));
            }
        }
        for (path, bullets) in lists {
            if let Some(too_deep) = deepest_beyond(path, bullets, 1) {
                let span = self.tree.key_span(&too_deep);
                let diag = Diagnostic::error(format!(
                    "bullets nest more than {MAX_BULLET_DEPTH} levels deep"
                ))
                .key(display_path(&too_deep))
                .hint("flatten the list: two levels read best on a résumé");
                self.found.push(match span {
                    Some(span) => diag.at(&self.source, span),
                    None => diag,
                });
            }
        }
    }

    fn output(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if let Err(problem) = check_output(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(format!("bad output path: {problem}"))
                    .expected("a .pdf path inside the profile's folder, e.g. \"pdf/cv.pdf\""),
            );
        }
    }

    fn locale(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if locale::words(value.get_ref()).is_none() {
            let mut diag = Diagnostic::error(format!("unknown locale `{}`", value.get_ref()))
                .expected(format!("one of {}", one_of(&locale::LOCALES)));
            if let Some(best) = closest(value.get_ref(), locale::LOCALES) {
                diag = diag.hint(format!("did you mean `{best}`?"));
            }
            self.error_at(Some(value.span()), diag);
        }
    }

    /// Variant names must be unique and usable in file names; the tags a
    /// variant names should exist (a misspelt tag silently empties a variant).
    fn variants(&mut self, p: &Profile) {
        let used = crate::variant::all_tags(p);
        let mut names = BTreeSet::new();
        for variant in &p.variants {
            let name = variant.name.get_ref();
            if !crate::variant::is_valid_name(name) {
                self.error_at(
                    Some(variant.name.span()),
                    Diagnostic::error(format!("bad variant name `{name}`"))
                        .expected("letters, digits, `-` and `_` (it becomes part of a file name)"),
                );
            } else if !names.insert(name.clone()) {
                self.error_at(
                    Some(variant.name.span()),
                    Diagnostic::error(format!("two variants are called `{name}`"))
                        .hint("give each variant its own name"),
                );
            }
            self.output(variant.output.as_ref());
            for tag in variant.include.iter().chain(&variant.exclude) {
                if used.contains(tag.get_ref()) {
                    continue;
                }
                let mut diag = Diagnostic::warning(format!(
                    "variant `{name}` names the tag `{}`, which no entry carries",
                    tag.get_ref()
                ));
                diag = match closest(tag.get_ref(), used.iter().map(String::as_str)) {
                    Some(best) => diag.hint(format!("did you mean `{best}`?")),
                    None if used.is_empty() => diag.hint(
                        "tag entries or bullets with `tags = [\"…\"]` for variants to choose from",
                    ),
                    None => diag.expected(format!(
                        "a tag used in the profile: {}",
                        one_of(&used.iter().collect::<Vec<_>>())
                    )),
                };
                self.error_at(Some(tag.span()), diag);
            }
        }
    }

    /// Custom section ids must be unique and must not clash with built-in ones;
    /// `[titles]` may only name sections that exist.
    fn section_ids(&mut self, p: &Profile) {
        let mut seen: BTreeSet<String> = BUILTIN_SECTIONS.iter().map(|s| s.to_string()).collect();
        for section in &p.sections {
            let id = custom_section_id(section);
            if !seen.insert(id.clone()) {
                let span = section.id.as_ref().map(|i| i.span());
                self.error_at(
                    span,
                    Diagnostic::error(format!("two sections share the id `{id}`"))
                        .hint("give one of them its own `id = \"…\"`"),
                );
            }
        }
        for (key, title) in &p.titles {
            if !seen.contains(key) {
                let mut diag =
                    Diagnostic::error(format!("`titles.{key}` names no section")).expected(
                        format!("a section id: {}", one_of(&seen.iter().collect::<Vec<_>>())),
                    );
                if let Some(best) = closest(key, seen.iter().map(String::as_str)) {
                    diag = diag.hint(format!("did you mean `{best}`?"));
                }
                self.error_at(Some(title.span()), diag);
            }
        }
    }
}

/// The `items` lists of some blocks, with their key paths.
fn block_lists(base: Vec<Segment>, blocks: &[Block]) -> Vec<(Vec<Segment>, &[Bullet])> {
    let key = |k: &str| Segment::Key(k.to_string());
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (
                [
                    base.clone(),
                    vec![key("blocks"), Segment::Index(i), key("items")],
                ]
                .concat(),
                b.items.as_slice(),
            )
        })
        .collect()
}

/// The path of the first `items` list nested deeper than the limit, if any.
fn deepest_beyond(path: Vec<Segment>, bullets: &[Bullet], depth: usize) -> Option<Vec<Segment>> {
    if bullets.is_empty() {
        return None;
    }
    if depth > MAX_BULLET_DEPTH {
        return Some(path);
    }
    bullets.iter().enumerate().find_map(|(i, b)| {
        let child = [
            path.clone(),
            vec![Segment::Index(i), Segment::Key("items".into())],
        ]
        .concat();
        deepest_beyond(child, &b.items, depth + 1)
    })
}

/// A custom section's id: given, or derived from its title.
pub fn custom_section_id(section: &CustomSection) -> String {
    match &section.id {
        Some(id) => id.get_ref().clone(),
        None => id_from_title(&section.title),
    }
}

/// The id a custom section gets from its title: "Open Source!" → `open-source`.
pub fn id_from_title(title: &str) -> String {
    let mut id = String::new();
    for c in crate::markup::plain(title).chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// A profile's `output` must stay inside the profile's folder and be a PDF.
pub fn check_output(path: &str) -> Result<(), String> {
    let path = std::path::Path::new(path);
    if path.is_absolute()
        || path.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
    {
        return Err(format!("`{}` leaves the profile's folder", path.display()));
    }
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
    {
        return Err(format!("`{}` does not end in .pdf", path.display()));
    }
    Ok(())
}

/// Accepts `https://…`, `http://…`, `mailto:…` and bare addresses like
/// `asha.dev/cv` (shown as written, linked with https).
pub fn check_url(url: &str) -> Result<(), String> {
    if url.trim().is_empty() {
        return Err("the URL is empty".into());
    }
    if url.chars().any(char::is_whitespace) {
        return Err(format!("`{url}` contains a space"));
    }
    if let Some(address) = url.strip_prefix("mailto:") {
        return if is_email(address) {
            Ok(())
        } else {
            Err(format!("`{url}` is not a mail address"))
        };
    }
    let rest = match url.split_once("://") {
        Some(("http" | "https", rest)) => rest,
        Some((scheme, _)) => {
            return Err(format!("the scheme `{scheme}:` is not allowed; use https"));
        }
        None if url.contains(':') && !url.contains('.') => {
            return Err(format!("`{url}` is not a web address"));
        }
        None => url,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let plausible = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if host == "localhost" || plausible {
        Ok(())
    } else {
        Err(format!("`{url}` has no valid host name"))
    }
}

/// The URL to link to: bare addresses get `https://`.
pub fn link_target(url: &str) -> String {
    if url.contains("://") || url.starts_with("mailto:") {
        url.to_string()
    } else {
        format!("https://{url}")
    }
}

pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::load::parse;

    fn problems(text: &str) -> Vec<Diagnostic> {
        let parsed = parse(SourceFile::new("me.toml", text)).unwrap();
        validate(&parsed)
    }

    #[test]
    fn urls() {
        assert!(check_url("https://asha.dev/cv").is_ok());
        assert!(check_url("github.com/asha").is_ok());
        assert!(check_url("mailto:a@b.co").is_ok());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("ftp://x.org").is_err());
        assert!(check_url("not a url").is_err());
        assert!(check_url("https://nohost").is_err());
        assert_eq!(link_target("github.com/asha"), "https://github.com/asha");
    }

    #[test]
    fn emails() {
        assert!(is_email("asha@example.com"));
        assert!(!is_email("asha.example.com"));
        assert!(!is_email("asha@localhost"));
        assert!(!is_email("a b@x.com"));
    }

    #[test]
    fn every_bad_value_is_reported_with_its_key() {
        let text = r#"
[basics]
name = "Ada"
email = "ada-at-example"

[[work]]
name = "Acme"
start = "2022-13"
end = "2021"

[[education]]
institution = "Uni"
start = "2019-05"
end = "2018"
"#;
        let found = problems(text);
        let summary: Vec<(String, String)> = found
            .iter()
            .map(|d| {
                (
                    d.message.clone(),
                    d.key_path.as_deref().unwrap_or_default().to_string(),
                )
            })
            .collect();
        assert_eq!(summary.len(), 3, "{summary:#?}");
        assert!(summary[0].0.starts_with("bad e-mail") && summary[0].1 == "basics.email");
        assert!(
            summary[1].0.contains("month 13") && summary[1].1 == "work[0].start",
            "{summary:?}"
        );
        assert!(summary[2].0.contains("before `start`") && summary[2].1 == "education[0].end");
        assert_eq!(found[1].position().unwrap(), "me.toml:8:9");
    }

    #[test]
    fn unknown_locale_and_title_keys_get_hints() {
        let found =
            problems("locale = \"de-AT\"\n[basics]\nname = \"A\"\n[titles]\nwrok = \"Jobs\"\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].hints[0].contains("`work`"));
        let found = problems("locale = \"fx\"\n[basics]\nname = \"A\"\n");
        assert!(found[0].message.contains("unknown locale"));
    }

    #[test]
    fn absurdly_nested_bullets_are_refused_at_their_key() {
        let mut bullet = "\"leaf\"".to_string();
        for i in 0..8 {
            bullet = format!("{{ text = \"level {i}\", items = [{bullet}] }}");
        }
        let found = problems(&format!(
            "[basics]\nname = \"A\"\n[[work]]\nname = \"X\"\nhighlights = [{bullet}]\n"
        ));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("more than 5 levels"));
        assert_eq!(
            found[0].key_path.as_deref(),
            Some("work[0].highlights[0].items[0].items[0].items[0].items[0].items")
        );
        assert!(found[0].location.is_some());
        let ok =
            "[basics]\nname = \"A\"\n[[work]]\nhighlights = [{ text = \"a\", items = [\"b\"] }]\n";
        assert!(problems(ok).is_empty());
    }

    #[test]
    fn custom_ids_come_from_titles() {
        let parsed = parse(SourceFile::new(
            "x",
            "[basics]\nname = \"A\"\n[[sections]]\ntitle = \"How to find me!\"\n",
        ))
        .unwrap();
        assert_eq!(
            custom_section_id(&parsed.profile.sections[0]),
            "how-to-find-me"
        );
    }
}
