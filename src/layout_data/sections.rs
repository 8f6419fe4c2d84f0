//! The sections of the layout data: built-in ones in their default order,
//! custom ones after them, then ordered, titled and filtered by the theme.

use crate::diagnostic::{Code, Diagnostic};
use crate::markup::{self, Span};
use crate::profile::model::*;
use crate::profile::rules::{BUILTIN_SECTIONS, custom_section_id};
use crate::theme::Theme;

use super::build::{Builder, place};
use super::*;

impl Builder {
    pub(super) fn sections(&mut self, p: &Profile, theme: &Theme) -> Vec<Section> {
        let mut all: Vec<Section> = Vec::new();
        for id in BUILTIN_SECTIONS {
            if let Some(section) = self.builtin_section(p, id) {
                all.push(section);
            }
        }
        for (index, custom) in p.sections.iter().enumerate() {
            all.push(self.custom_section(custom, index));
        }
        for section in &mut all {
            if let Some(intro) = p.intros.get(&section.id) {
                let mut text = self.prose(Some(intro.get_ref()));
                text.append(&mut section.text);
                section.text = text;
            }
        }
        if p.numbers.as_ref().is_some_and(|n| n.items.is_empty()) {
            self.warnings.push(Diagnostic::warning(
                Code::EmptySection,
                "section `numbers` has no items and is left out",
            ));
        }
        for section in all.iter().filter(|s| s.kind == "custom" && s.is_empty()) {
            let what = if section.title.is_empty() {
                "no title and"
            } else {
                "a title but"
            };
            self.warnings.push(Diagnostic::warning(
                Code::EmptySection,
                format!("section `{}` has {what} no content", section.id),
            ));
        }
        for section in &mut all {
            section.title = match p.titles.get(&section.id) {
                Some(title) => self.title(title.get_ref()),
                None if section.kind != "custom" && section.title.is_empty() => self
                    .words
                    .title(&section.id)
                    .unwrap_or(&section.id)
                    .to_string(),
                None => std::mem::take(&mut section.title),
            };
        }
        // Order: the theme's list first, then the rest as they come.
        let mut ordered = Vec::new();
        for id in &theme.section_order {
            if let Some(i) = all.iter().position(|s| &s.id == id) {
                ordered.push(all.remove(i));
            }
        }
        ordered.extend(all);
        ordered.retain(|s| !theme.hide.contains(&s.id));
        ordered
    }

    fn builtin_section(&mut self, p: &Profile, id: &str) -> Option<Section> {
        let mut section = Section {
            id: id.to_string(),
            kind: id.to_string(),
            ..Section::default()
        };
        match id {
            "summary" => {
                section.text = self.prose(p.basics.summary.as_deref());
                section.signature = self.rich(p.basics.signature.as_deref());
                if section.text.is_empty() && section.signature.is_none() {
                    return None;
                }
                return Some(section);
            }
            "numbers" => {
                let numbers = p.numbers.as_ref()?;
                if let Some(title) = &numbers.title {
                    section.title = self.title(title);
                }
                section.footnote = self.rich(numbers.footnote.as_deref());
                section.entries = numbers.items.iter().map(|n| self.key_number(n)).collect();
            }
            _ => section.entries = self.entries_of(p, id)?,
        }
        (!section.entries.is_empty()).then_some(section)
    }

    /// The entries of the built-in section `id`, for sections of entries.
    fn entries_of(&mut self, p: &Profile, id: &str) -> Option<Vec<Entry>> {
        Some(match id {
            "work" => self.grouped(&p.work, Self::work),
            "volunteer" => self.grouped(&p.volunteer, Self::volunteer),
            "education" => self.grouped(&p.education, Self::education),
            "projects" => self.grouped(&p.projects, Self::project),
            "skills" => self.grouped(&p.skills, Self::skill),
            "awards" => self.grouped(&p.awards, Self::award),
            "certificates" => self.grouped(&p.certificates, Self::certificate),
            "publications" => {
                let mut entries = self.grouped(&p.publications.entries, Self::publication);
                entries.extend(self.bib_references());
                entries
            }
            "languages" => self.grouped(&p.languages, Self::language),
            "interests" => self.grouped(&p.interests, Self::interest),
            "references" => self.grouped(&p.references, Self::reference),
            _ => return None,
        })
    }

    /// Builds the entries of a section and gathers them by `group`: each
    /// group's entries together, in the order written, the groups in the
    /// order they first appear (ungrouped entries form a group of their own).
    fn grouped<T: Grouped>(&mut self, list: &[T], build: fn(&mut Self, &T) -> Entry) -> Vec<Entry> {
        gather_groups(list)
            .into_iter()
            .map(|i| {
                let x = &list[i];
                let mut entry = build(self, x);
                entry.group = self.rich(x.group());
                entry
            })
            .collect()
    }

    fn award(&mut self, a: &Award) -> Entry {
        Entry {
            title: self.rich(Some(&a.title)),
            subtitle: self.rich(a.awarder.as_deref()),
            dates: self.date(a.date.as_ref()),
            text: self.prose(a.summary.as_deref()),
            details: self.details(&a.details),
            ..Entry::default()
        }
    }

    fn certificate(&mut self, c: &Certificate) -> Entry {
        Entry {
            title: self.rich(Some(&c.name)),
            subtitle: self.rich(c.issuer.as_deref()),
            dates: self.date(c.date.as_ref()),
            url: self.url(c.url.as_ref()),
            details: self.details(&c.details),
            ..Entry::default()
        }
    }

    fn publication(&mut self, x: &Publication) -> Entry {
        Entry {
            title: self.rich(Some(&x.name)),
            subtitle: self.rich(x.publisher.as_deref()),
            dates: self.date(x.date.as_ref()),
            url: self.url(x.url.as_ref()),
            text: self.prose(x.summary.as_deref()),
            details: self.details(&x.details),
            ..Entry::default()
        }
    }

    /// The `.bib` references, after the hand-written publications: under
    /// a heading of their kind when there is more than one kind.
    fn bib_references(&self) -> Vec<Entry> {
        let references = &self.references;
        let kinds = references
            .iter()
            .map(|r| r.kind)
            .collect::<std::collections::BTreeSet<_>>();
        references
            .iter()
            .map(|r| Entry {
                group: (kinds.len() > 1).then(|| {
                    vec![Span {
                        text: self.words.publication_kinds[r.kind.index()].to_string(),
                        ..Span::default()
                    }]
                }),
                text: vec![r.text.clone()],
                bibliography: true,
                label: r.label.clone(),
                ..Entry::default()
            })
            .collect()
    }

    fn language(&mut self, l: &Language) -> Entry {
        Entry {
            title: self.rich(Some(&l.language)),
            subtitle: self.rich(l.fluency.as_deref()),
            level: l.fluency.clone(),
            ..Entry::default()
        }
    }

    fn interest(&mut self, i: &Interest) -> Entry {
        Entry {
            title: self.rich(Some(&i.name)),
            tags: plain_all(&i.keywords),
            ..Entry::default()
        }
    }

    fn reference(&mut self, r: &Reference) -> Entry {
        let who: Vec<&str> = [r.role.as_deref(), r.organization.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let who = who.join(", ");
        Entry {
            title: self.rich(Some(&r.name)),
            subtitle: self.rich(Some(who.as_str()).filter(|s| !s.is_empty())),
            text: self.prose(r.reference.as_deref()),
            ..Entry::default()
        }
    }

    fn key_number(&mut self, n: &KeyNumber) -> Entry {
        Entry {
            title: self.rich(Some(&n.value)),
            value: self.rich(Some(&n.value)),
            subtitle: self.rich(n.label.as_deref()),
            text: self.prose(n.detail.as_deref()),
            note: self.rich(n.caption.as_deref()),
            ..Entry::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn role(
        &mut self,
        position: Option<&str>,
        team: Option<&str>,
        location: Option<&Location>,
        start: Option<&toml::Spanned<DateInput>>,
        end: Option<&toml::Spanned<DateInput>>,
        summary: Option<&str>,
        details: &[Detail],
        highlights: &[Bullet],
        stack: &[String],
        blocks: &[Block],
    ) -> Entry {
        Entry {
            title: self.rich(position),
            subtitle: self.rich(team),
            location: place(location),
            dates: self.dates(start, end),
            text: self.prose(summary),
            details: self.details(details),
            items: self.bullets(highlights),
            tags: plain_all(stack),
            blocks: self.blocks(blocks),
            ..Entry::default()
        }
    }

    fn work(&mut self, w: &Work) -> Entry {
        let mut roles: Vec<Entry> = w
            .roles
            .iter()
            .map(|r| {
                self.role(
                    r.position.as_deref(),
                    r.team.as_deref(),
                    r.location.as_ref(),
                    r.start.as_ref(),
                    r.end.as_ref(),
                    r.summary.as_deref(),
                    &r.details,
                    &r.highlights,
                    &r.stack,
                    &r.blocks,
                )
            })
            .collect();
        let own = self.role(
            w.position.as_deref(),
            w.team.as_deref(),
            None,
            w.start.as_ref(),
            w.end.as_ref(),
            w.summary.as_deref(),
            &w.details,
            &w.highlights,
            &w.stack,
            &w.blocks,
        );
        let own_has_content = own.title.is_some()
            || own.subtitle.is_some()
            || own.dates.is_some()
            || !own.text.is_empty()
            || !own.details.is_empty()
            || !own.items.is_empty()
            || !own.tags.is_empty()
            || !own.blocks.is_empty();
        if own_has_content || roles.is_empty() {
            roles.insert(0, own);
        }
        let dates = span_of_roles(&roles);
        Entry {
            title: self.rich(w.name.as_deref()),
            subtitle: self.rich(w.description.as_deref()),
            location: place(w.location.as_ref()),
            url: self.url(w.url.as_ref()),
            dates,
            roles,
            ..Entry::default()
        }
    }

    fn volunteer(&mut self, v: &Volunteer) -> Entry {
        let role = self.role(
            v.position.as_deref(),
            None,
            None,
            v.start.as_ref(),
            v.end.as_ref(),
            v.summary.as_deref(),
            &v.details,
            &v.highlights,
            &[],
            &[],
        );
        Entry {
            title: self.rich(v.organization.as_deref()),
            location: place(v.location.as_ref()),
            url: self.url(v.url.as_ref()),
            dates: role.dates.clone(),
            roles: vec![role],
            ..Entry::default()
        }
    }

    fn education(&mut self, e: &Education) -> Entry {
        let degree = match (&e.study_type, &e.area) {
            (Some(t), Some(a)) => Some(format!("{t}, {a}")),
            (Some(t), None) => Some(t.clone()),
            (None, Some(a)) => Some(a.clone()),
            (None, None) => None,
        };
        Entry {
            title: self.rich(e.institution.as_deref()),
            subtitle: self.rich(degree.as_deref()),
            note: self.rich(e.score.as_deref()),
            dates: self.dates(e.start.as_ref(), e.end.as_ref()),
            location: place(e.location.as_ref()),
            url: self.url(e.url.as_ref()),
            text: self.prose(e.summary.as_deref()),
            details: self.details(&e.details),
            items: self.bullets(&e.highlights),
            tags: plain_all(&e.courses),
            ..Entry::default()
        }
    }

    fn project(&mut self, x: &Project) -> Entry {
        Entry {
            title: self.rich(Some(&x.name)),
            note: x.stars.map(|s| {
                vec![Span {
                    text: format!("★ {s}"),
                    ..Span::default()
                }]
            }),
            dates: self.dates(x.start.as_ref(), x.end.as_ref()),
            url: self.url(x.url.as_ref()),
            text: self.prose(x.description.as_deref()),
            details: self.details(&x.details),
            items: self.bullets(&x.highlights),
            tags: plain_all(&x.keywords),
            stars: x.stars,
            featured: x.featured,
            ..Entry::default()
        }
    }

    fn skill(&mut self, s: &Skill) -> Entry {
        Entry {
            title: self.rich(Some(&s.name)),
            subtitle: self.rich(s.level.as_deref()),
            note: self.rich(s.note.as_deref()),
            tags: s
                .keywords
                .iter()
                .map(|k| markup::plain(&k.display()))
                .collect(),
            keywords: s
                .keywords
                .iter()
                .map(|k| KeywordData {
                    name: markup::plain(&k.name),
                    level: k.level.as_deref().map(markup::plain),
                    note: k.note.as_deref().map(markup::plain),
                })
                .collect(),
            level: s.level.clone(),
            ..Entry::default()
        }
    }

    fn custom_section(&mut self, s: &CustomSection, index: usize) -> Section {
        Section {
            id: custom_section_id(s, index),
            kind: "custom".into(),
            title: self.title(&s.title),
            text: self.prose(s.text.as_deref()),
            items: self.bullets(&s.items),
            numbered: s.numbered,
            quote: self.rich(s.quote.as_deref()),
            cite: self.rich(s.cite.as_deref()),
            signature: self.rich(s.signature.as_deref()),
            footnote: None,
            blocks: self.blocks(&s.blocks),
            entries: self.grouped(&s.entries, Self::custom_entry),
        }
    }
}

impl Builder {
    fn custom_entry(&mut self, e: &CustomEntry) -> Entry {
        Entry {
            title: self.rich(e.title.as_deref()),
            subtitle: self.rich(e.subtitle.as_deref()),
            location: place(e.location.as_ref()),
            url: self.url(e.url.as_ref()),
            // `date` with an `end` is a range, as `start` with an `end` is:
            // the end was dropped once, silently.
            dates: match (&e.date, &e.end) {
                (Some(date), Some(end)) => self.dates(Some(date), Some(end)),
                _ => self
                    .date(e.date.as_ref())
                    .or_else(|| self.dates(e.start.as_ref(), e.end.as_ref())),
            },
            text: self.prose(e.text.as_deref()),
            details: self.details(&e.details),
            items: self.bullets(&e.items),
            ..Entry::default()
        }
    }
}

/// Keywords and stacks are short labels: markup is stripped.
fn plain_all(items: &[String]) -> Vec<String> {
    items.iter().map(|i| markup::plain(i)).collect()
}

/// The indices of `list` in the order of its groups: each group's entries
/// in the order written, the groups in the order they first appear.
pub(super) fn gather_groups<T: Grouped>(list: &[T]) -> Vec<usize> {
    let mut groups: Vec<Option<&str>> = Vec::new();
    for item in list {
        if !groups.contains(&item.group()) {
            groups.push(item.group());
        }
    }
    groups
        .into_iter()
        .flat_map(|g| (0..list.len()).filter(move |&i| list[i].group() == g))
        .collect()
}

/// An employer's dates when it has one role; with several, each role has its own.
fn span_of_roles(roles: &[Entry]) -> Option<Dates> {
    match roles {
        [only] => only.dates.clone(),
        _ => None,
    }
}
