//! Checks across the profile: section ids and titles, variants with the
//! tags they name, and letters.

use std::collections::BTreeSet;

use toml::Spanned;

use super::Checker;
use crate::diagnostic::{Code, Diagnostic, closest, one_of};
use crate::profile::model::*;
use crate::profile::rules::{BUILTIN_SECTIONS, custom_section_id};

impl Checker<'_> {
    /// Variant names must be unique and usable in file names; the tags a
    /// variant names should exist (a misspelt tag silently empties a variant).
    pub(super) fn variants(&mut self, p: &Profile) {
        let used = crate::variant::all_tags(p);
        let mut names = BTreeSet::new();
        for variant in &p.variants {
            let name = variant.name.get_ref();
            let codes = (Code::BadVariant, Code::DuplicateId);
            self.file_name_part(&variant.name, "variant", codes, &mut names);
            self.output(variant.output.as_ref());
            for tag in variant.include.iter().chain(&variant.exclude) {
                if used.contains(tag.get_ref()) {
                    continue;
                }
                let mut diag = Diagnostic::warning(
                    Code::UnusedTag,
                    format!(
                        "variant `{name}` names the tag `{}`, which no entry carries",
                        tag.get_ref()
                    ),
                );
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

    /// Letter names must be unique and usable in file names, and a
    /// variant's letter must exist.
    pub(super) fn letters(&mut self, p: &Profile) {
        let mut names = BTreeSet::new();
        for letter in &p.letters {
            let name = letter.name.get_ref();
            let codes = (Code::BadLetter, Code::BadLetter);
            self.file_name_part(&letter.name, "letter", codes, &mut names);
            if letter.body.get_ref().trim().is_empty() {
                self.error_at(
                    Some(letter.body.span()),
                    Diagnostic::error(
                        Code::EmptyValue,
                        format!("letter `{name}` has an empty body"),
                    )
                    .expected("the letter's text; blank lines separate paragraphs"),
                );
            }
            self.date(letter.date.as_ref(), false);
        }
        for variant in &p.variants {
            if let Some(letter) = &variant.letter
                && let Err(diag) = crate::variant::find_letter(p, letter.get_ref())
            {
                self.error_at(Some(letter.span()), diag);
            }
        }
    }

    /// A `[[variants]]` or `[[letters]]` name (of `kind`): it becomes part
    /// of a file name, and no other of its kind before it (`seen`) has it.
    /// `codes` are those of a bad name and of a second one.
    fn file_name_part(
        &mut self,
        name: &Spanned<String>,
        kind: &str,
        (bad, twice): (Code, Code),
        seen: &mut BTreeSet<String>,
    ) {
        let text = name.get_ref();
        if !crate::variant::is_valid_name(text) {
            self.error_at(
                Some(name.span()),
                Diagnostic::error(bad, format!("bad {kind} name `{text}`"))
                    .expected("letters, digits, `-` and `_` (it becomes part of a file name)"),
            );
        } else if !seen.insert(text.clone()) {
            self.error_at(
                Some(name.span()),
                Diagnostic::error(twice, format!("two {kind}s are called `{text}`"))
                    .hint(format!("give each {kind} its own name")),
            );
        }
    }

    /// Custom section ids must be unique and must not clash with built-in ones;
    /// `[titles]` may only name sections that exist.
    pub(super) fn section_ids(&mut self, p: &Profile) {
        let mut seen: BTreeSet<String> = BUILTIN_SECTIONS.iter().map(|s| s.to_string()).collect();
        for (index, section) in p.sections.iter().enumerate() {
            let id = custom_section_id(section, index);
            if !seen.insert(id.clone()) {
                let span = section.id.as_ref().map(|i| i.span());
                self.error_at(
                    span,
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!("two sections share the id `{id}`"),
                    )
                    .hint("give one of them its own `id = \"…\"`"),
                );
            }
        }
        for (table, key, title) in (p.titles.iter().map(|(k, v)| ("titles", k, v)))
            .chain(p.intros.iter().map(|(k, v)| ("intros", k, v)))
        {
            if !seen.contains(key) {
                let diag = Diagnostic::error(
                    Code::UnknownSection,
                    format!("`{table}.{key}` names no section"),
                )
                .expected(format!(
                    "a section id: {}",
                    one_of(&seen.iter().collect::<Vec<_>>())
                ))
                .suggest(key, seen.iter().map(String::as_str));
                self.error_at(Some(title.span()), diag);
            }
        }
    }
}
