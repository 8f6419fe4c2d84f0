//! What a profile has that JSON Resume has no place for at all: listed by
//! the export so the user knows what a JSON Resume copy leaves out.

use crate::profile::model::*;

/// What the profile has that JSON Resume has no place for at all.
pub(super) fn without_a_place(p: &Profile) -> Vec<String> {
    [
        (p.cover.is_some(), "cover"),
        (p.numbers.is_some(), "numbers (key numbers)"),
        (!p.titles.is_empty(), "titles"),
        (!p.intros.is_empty(), "intros"),
        (has_own_words(&p.words), "words"),
        (has_groups(p), "group (sub-headings inside sections)"),
        (has_details(p), "details (labelled details)"),
        (
            p.skills
                .iter()
                .flat_map(|s| &s.keywords)
                .any(|k| k.level.is_some() || k.note.is_some()),
            "skills' keyword levels and notes (kept in the keyword's text: \"Rust (deepest, 3 roles)\")",
        ),
        (!p.theme.is_empty(), "theme"),
        (p.layout.is_some(), "layout"),
        (p.basics.tagline.is_some(), "basics.tagline"),
        (p.basics.signature.is_some(), "basics.signature"),
        (
            p.basics.date_of_birth.is_some()
                || p.basics.nationality.is_some()
                || p.basics.driving_licence.is_some(),
            "basics' personal details (date_of_birth, nationality, driving_licence)",
        ),
        (
            p.publications.bibtex.is_some(),
            "publications.bibtex (the .bib file's references; the hand-written entries are exported)",
        ),
        (
            !p.variants.is_empty(),
            "variants (export one with --variant)",
        ),
        (
            !crate::variant::all_tags(p).is_empty(),
            "tags (JSON Resume has no tags)",
        ),
    ]
    .into_iter()
    .filter(|(present, _)| *present)
    .map(|(_, what)| what.to_string())
    .collect()
}

fn has_own_words(w: &OwnWords) -> bool {
    w.present.is_some()
        || w.page.is_some()
        || w.of.is_some()
        || w.contact.is_some()
        || w.at.is_some()
}

/// Whether any entry of a section is listed under a sub-heading.
fn has_groups(p: &Profile) -> bool {
    fn any<T: Grouped>(list: &[T]) -> bool {
        list.iter().any(|x| x.group().is_some())
    }
    any(&p.work)
        || any(&p.volunteer)
        || any(&p.education)
        || any(&p.projects)
        || any(&p.skills)
        || any(&p.awards)
        || any(&p.certificates)
        || any(&p.publications.entries)
        || any(&p.languages)
        || any(&p.interests)
        || any(&p.references)
        || p.sections.iter().any(|s| any(&s.entries))
}

/// Whether any entry, role or block of a section JSON Resume has carries
/// labelled details (custom sections are listed whole).
fn has_details(p: &Profile) -> bool {
    let blocks = |b: &[Block]| b.iter().any(|b| !b.details.is_empty());
    let work = p.work.iter().any(|w| {
        !w.details.is_empty()
            || blocks(&w.blocks)
            || (w.roles.iter()).any(|r| !r.details.is_empty() || blocks(&r.blocks))
    });
    work || p.volunteer.iter().any(|x| !x.details.is_empty())
        || p.education.iter().any(|x| !x.details.is_empty())
        || p.projects.iter().any(|x| !x.details.is_empty())
        || p.awards.iter().any(|x| !x.details.is_empty())
        || p.certificates.iter().any(|x| !x.details.is_empty())
        || p.publications.entries.iter().any(|x| !x.details.is_empty())
}
