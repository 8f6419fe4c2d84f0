//! Stage 2: check the values serde cannot: dates, date order, URLs, e-mail
//! addresses, the locale, section ids, variants, bullet depth. Every problem
//! is collected, each at its own position, so one run reports them all.

mod nesting;
mod structure;

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::load::ParsedProfile;
use super::model::*;
use super::rules::{check_output, check_url, is_email};
use super::tree::{KeyTree, Segment, display_path};
use crate::dates::{self, DatePoint};
use crate::diagnostic::{Code, Diagnostic, SourceFile, one_of};
use crate::locale;

/// Checks a parsed profile; returns errors and warnings, in file order
/// section by section.
pub fn validate(parsed: &ParsedProfile) -> Vec<Diagnostic> {
    let mut check = Checker {
        source: parsed.source.clone(),
        tree: &parsed.tree,
        found: Vec::new(),
    };
    let p = &parsed.profile;
    check.basics(&p.basics);
    check.experience(p);
    check.dated_entries(p);
    check.bullet_depth(p);
    check.output(p.output.as_ref());
    check.locale(p.locale.as_ref());
    check.words(&p.words);
    check.section_ids(p);
    check.variants(p);
    check.letters(p);
    check.found
}

pub(super) struct Checker<'a> {
    pub(super) source: Arc<SourceFile>,
    pub(super) tree: &'a KeyTree,
    pub(super) found: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn basics(&mut self, basics: &Basics) {
        if let Some(name) = basics
            .name
            .as_ref()
            .filter(|n| n.get_ref().trim().is_empty())
        {
            self.error_at(
                Some(name.span()),
                Diagnostic::error(Code::EmptyValue, "`basics.name` is empty")
                    .hint("write the name as it should appear on the résumé, or leave the key out for an anonymous CV"),
            );
        }
        self.email(basics.email.as_ref());
        self.url(basics.url.as_ref());
        for profile in &basics.profiles {
            self.url(profile.url.as_ref());
        }
    }

    /// Work entries: links, date ranges, and an entry that is both one role
    /// and a list of roles.
    fn experience(&mut self, p: &Profile) {
        for (index, work) in p.work.iter().enumerate() {
            self.url(work.url.as_ref());
            self.range(work.start.as_ref(), work.end.as_ref());
            if !work.roles.is_empty()
                && (work.position.is_some() || work.start.is_some() || work.end.is_some())
            {
                // Pointed at the entry's first own key of the three.
                let span = ["position", "start", "end"].iter().find_map(|key| {
                    self.tree.key_span(&[
                        Segment::Key("work".into()),
                        Segment::Index(index),
                        Segment::Key((*key).into()),
                    ])
                });
                self.error_at(
                    span,
                    Diagnostic::error(
                        Code::ConflictingKeys,
                        "a work entry has both its own position or dates and `[[work.roles]]`",
                    )
                    .hint("move `position`, `start` and `end` into a `[[work.roles]]` entry"),
                );
            }
            for role in &work.roles {
                self.range(role.start.as_ref(), role.end.as_ref());
            }
        }
    }

    /// The links and dates of every other kind of entry, in section order.
    fn dated_entries(&mut self, p: &Profile) {
        for v in &p.volunteer {
            self.url(v.url.as_ref());
            self.range(v.start.as_ref(), v.end.as_ref());
        }
        for e in &p.education {
            self.url(e.url.as_ref());
            self.range(e.start.as_ref(), e.end.as_ref());
        }
        for project in &p.projects {
            self.url(project.url.as_ref());
            self.range(project.start.as_ref(), project.end.as_ref());
        }
        for award in &p.awards {
            self.date(award.date.as_ref(), false);
        }
        for cert in &p.certificates {
            self.date(cert.date.as_ref(), false);
            self.url(cert.url.as_ref());
        }
        for publication in &p.publications.entries {
            self.date(publication.date.as_ref(), false);
            self.url(publication.url.as_ref());
        }
        for entry in p.sections.iter().flat_map(|s| &s.entries) {
            self.url(entry.url.as_ref());
            self.date(entry.date.as_ref(), false);
            // `date` with an `end` is a range too.
            let start = entry.start.as_ref().or(entry.date.as_ref());
            self.range(start, entry.end.as_ref());
        }
    }
    /// Records `diag` at `span`, with the key path found there.
    pub(super) fn error_at(&mut self, span: Option<Range<usize>>, diag: Diagnostic) {
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
                    Diagnostic::error(Code::BadDate, format!("malformed date: {problem}"))
                        .expected(format!(
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
                Diagnostic::error(
                    Code::DateOrder,
                    format!("`end` ({}) is before `start`", end.get_ref().text),
                )
                .hint("swap the two dates, or use \"present\" for an ongoing role"),
            );
        }
    }

    fn url(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if let Err(problem) = check_url(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(Code::BadUrl, format!("bad URL: {problem}"))
                    .expected("a web address like \"https://example.com/you\""),
            );
        }
    }

    fn email(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if !is_email(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(
                    Code::BadEmail,
                    format!("bad e-mail address `{}`", value.get_ref()),
                )
                .expected("an address like \"you@example.com\""),
            );
        }
    }

    pub(super) fn output(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if let Err(problem) = check_output(value.get_ref()) {
            self.error_at(
                Some(value.span()),
                Diagnostic::error(Code::BadOutput, format!("bad output path: {problem}"))
                    .expected("a .pdf path inside the profile's folder, e.g. \"pdf/cv.pdf\""),
            );
        }
    }

    /// An empty word would leave a dangling dash ("Jan 2020 – ").
    fn words(&mut self, words: &OwnWords) {
        let all = [
            ("present", &words.present),
            ("page", &words.page),
            ("of", &words.of),
            ("contact", &words.contact),
            ("at", &words.at),
        ];
        for (key, word) in all {
            if let Some(word) = word.as_ref().filter(|w| w.get_ref().trim().is_empty()) {
                self.error_at(
                    Some(word.span()),
                    Diagnostic::error(Code::EmptyValue, format!("`words.{key}` is empty"))
                        .hint("leave the key out to use the locale's word"),
                );
            }
        }
    }

    fn locale(&mut self, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        if locale::words(value.get_ref()).is_none() {
            let diag = Diagnostic::error(
                Code::UnknownLocale,
                format!("unknown locale `{}`", value.get_ref()),
            )
            .expected(format!("one of {}", one_of(&locale::LOCALES)))
            .suggest(value.get_ref(), locale::LOCALES);
            self.error_at(Some(value.span()), diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::load::parse;
    use crate::profile::rules::{check_url, custom_section_id, is_email, link_target};

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
                    d.message.to_string(),
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
            custom_section_id(&parsed.profile.sections[0], 0),
            "how-to-find-me"
        );
    }
}
