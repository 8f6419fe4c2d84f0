//! The facts of each kind of section, walked in the order a profile
//! declares their fields.

use toml::Spanned;

use super::{FactRole, Origin, Walk};
use crate::profile::model::*;

impl Walk {
    pub(super) fn summary(&mut self, p: &Profile) {
        self.prose("basics.summary", p.basics.summary.as_deref());
        self.text("basics.signature", p.basics.signature.as_deref());
    }

    pub(super) fn numbers(&mut self, p: &Profile) {
        let Some(numbers) = &p.numbers else { return };
        if numbers.items.is_empty() {
            return;
        }
        self.role = FactRole::Heading;
        // A title `[titles]` replaces is not printed.
        if !p.titles.contains_key("numbers") {
            self.text("numbers.title", numbers.title.as_deref());
        }
        for (i, n) in numbers.items.iter().enumerate() {
            let at = format!("numbers.items[{i}]");
            self.entry();
            self.text(&format!("{at}.value"), Some(&n.value));
            self.role = FactRole::Body;
            self.text(&format!("{at}.label"), n.label.as_deref());
            self.prose(&format!("{at}.detail"), n.detail.as_deref());
            self.text(&format!("{at}.caption"), n.caption.as_deref());
        }
        self.entry = None;
        self.role = FactRole::Body;
        self.text("numbers.footnote", numbers.footnote.as_deref());
    }

    #[allow(clippy::too_many_arguments)]
    fn role(
        &mut self,
        at: &str,
        position: Option<&str>,
        team: Option<&str>,
        (start, end): (Option<&Spanned<DateInput>>, Option<&Spanned<DateInput>>),
        summary: Option<&str>,
        details: &[Detail],
        highlights: &[Bullet],
        stack: &[String],
        blocks: &[Block],
    ) {
        self.role = FactRole::Heading;
        self.text(&format!("{at}.position"), position);
        self.text(&format!("{at}.team"), team);
        self.dates(at, start, end);
        self.role = FactRole::Body;
        self.prose(&format!("{at}.summary"), summary);
        self.details(&format!("{at}.details"), details);
        self.bullets(&format!("{at}.highlights"), highlights);
        self.list(&format!("{at}.stack"), stack);
        self.blocks(&format!("{at}.blocks"), blocks);
    }

    pub(super) fn work(&mut self, p: &Profile) {
        self.each_grouped("work", &p.work, |this, i, w| {
            let at = format!("work[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), w.name.as_deref());
            this.text(&format!("{at}.description"), w.description.as_deref());
            this.url(&at, w.url.as_ref());
            this.location(&at, w.location.as_ref());
            this.role(
                &at,
                w.position.as_deref(),
                w.team.as_deref(),
                (w.start.as_ref(), w.end.as_ref()),
                w.summary.as_deref(),
                &w.details,
                &w.highlights,
                &w.stack,
                &w.blocks,
            );
            for (j, r) in w.roles.iter().enumerate() {
                let at = format!("{at}.roles[{j}]");
                this.entry();
                this.location(&at, r.location.as_ref());
                this.role(
                    &at,
                    r.position.as_deref(),
                    r.team.as_deref(),
                    (r.start.as_ref(), r.end.as_ref()),
                    r.summary.as_deref(),
                    &r.details,
                    &r.highlights,
                    &r.stack,
                    &r.blocks,
                );
            }
        });
    }

    pub(super) fn volunteer(&mut self, p: &Profile) {
        self.each_grouped("volunteer", &p.volunteer, |this, i, v| {
            let at = format!("volunteer[{i}]");
            this.entry();
            this.text(&format!("{at}.organization"), v.organization.as_deref());
            this.url(&at, v.url.as_ref());
            this.location(&at, v.location.as_ref());
            let dates = (v.start.as_ref(), v.end.as_ref());
            let (summary, highlights) = (v.summary.as_deref(), &v.highlights);
            this.role(
                &at,
                v.position.as_deref(),
                None,
                dates,
                summary,
                &v.details,
                highlights,
                &[],
                &[],
            );
        });
    }

    pub(super) fn education(&mut self, p: &Profile) {
        self.each_grouped("education", &p.education, |this, i, e| {
            let at = format!("education[{i}]");
            this.entry();
            this.text(&format!("{at}.institution"), e.institution.as_deref());
            this.text(&format!("{at}.study_type"), e.study_type.as_deref());
            this.text(&format!("{at}.area"), e.area.as_deref());
            this.dates(&at, e.start.as_ref(), e.end.as_ref());
            this.location(&at, e.location.as_ref());
            this.url(&at, e.url.as_ref());
            this.text(&format!("{at}.score"), e.score.as_deref());
            this.role = FactRole::Body;
            this.prose(&format!("{at}.summary"), e.summary.as_deref());
            this.details(&format!("{at}.details"), &e.details);
            this.bullets(&format!("{at}.highlights"), &e.highlights);
            this.list(&format!("{at}.courses"), &e.courses);
        });
    }

    pub(super) fn projects(&mut self, p: &Profile) {
        self.each_grouped("projects", &p.projects, |this, i, x| {
            let at = format!("projects[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), Some(&x.name));
            this.dates(&at, x.start.as_ref(), x.end.as_ref());
            this.url(&at, x.url.as_ref());
            this.role = FactRole::Aside;
            if let Some(stars) = x.stars {
                let raw = Origin::Raw(format!("stars = {stars}"));
                this.push(format!("{at}.stars"), stars.to_string(), raw);
            }
            this.role = FactRole::Body;
            this.prose(&format!("{at}.description"), x.description.as_deref());
            this.details(&format!("{at}.details"), &x.details);
            this.bullets(&format!("{at}.highlights"), &x.highlights);
            this.list(&format!("{at}.keywords"), &x.keywords);
        });
    }

    pub(super) fn skills(&mut self, p: &Profile) {
        self.each_grouped("skills", &p.skills, |this, i, s| {
            let at = format!("skills[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), Some(&s.name));
            this.role = FactRole::Body;
            this.text(&format!("{at}.level"), s.level.as_deref());
            for (j, item) in s.keywords.iter().enumerate() {
                let at = format!("{at}.keywords[{j}]");
                match (&item.level, &item.note) {
                    (None, None) => this.text(&at, Some(&item.name)),
                    _ => {
                        this.text(&format!("{at}.name"), Some(&item.name));
                        this.text(&format!("{at}.level"), item.level.as_deref());
                        this.text(&format!("{at}.note"), item.note.as_deref());
                    }
                }
            }
            this.text(&format!("{at}.note"), s.note.as_deref());
        });
    }

    pub(super) fn awards(&mut self, p: &Profile) {
        self.each_grouped("awards", &p.awards, |this, i, a| {
            let at = format!("awards[{i}]");
            this.entry();
            this.text(&format!("{at}.title"), Some(&a.title));
            this.text(&format!("{at}.awarder"), a.awarder.as_deref());
            this.date(&at, a.date.as_ref());
            this.role = FactRole::Body;
            this.prose(&format!("{at}.summary"), a.summary.as_deref());
            this.details(&format!("{at}.details"), &a.details);
        });
    }

    pub(super) fn certificates(&mut self, p: &Profile) {
        self.each_grouped("certificates", &p.certificates, |this, i, c| {
            let at = format!("certificates[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), Some(&c.name));
            this.text(&format!("{at}.issuer"), c.issuer.as_deref());
            this.date(&at, c.date.as_ref());
            this.url(&at, c.url.as_ref());
            this.role = FactRole::Body;
            this.details(&format!("{at}.details"), &c.details);
        });
    }

    pub(super) fn publications(&mut self, p: &Profile) {
        let at = if p.publications.bibtex.is_some() {
            "publications.entries"
        } else {
            "publications"
        };
        self.each_grouped(at, &p.publications.entries, |this, i, x| {
            let at = format!("{at}[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), Some(&x.name));
            this.text(&format!("{at}.publisher"), x.publisher.as_deref());
            this.date(&at, x.date.as_ref());
            this.url(&at, x.url.as_ref());
            this.role = FactRole::Body;
            this.prose(&format!("{at}.summary"), x.summary.as_deref());
            this.details(&format!("{at}.details"), &x.details);
        });
        self.bib_references(p);
    }

    /// The `.bib` references: each one's whole text is a fact, located at
    /// `bibtex = …`. The kinds' headings are vitae's words, not facts.
    fn bib_references(&mut self, p: &Profile) {
        let Some(source) = &p.publications.bibtex else {
            return;
        };
        let references = self.builder.references.clone();
        for r in references.iter() {
            self.entry();
            self.role = FactRole::Body;
            let path = format!("publications.bibtex[{}]", r.key);
            self.push(path, r.plain(), Origin::Span(source.file.span()));
        }
    }

    pub(super) fn languages(&mut self, p: &Profile) {
        self.each_grouped("languages", &p.languages, |this, i, l| {
            let at = format!("languages[{i}]");
            this.entry();
            this.text(&format!("{at}.language"), Some(&l.language));
            this.role = FactRole::Body;
            this.text(&format!("{at}.fluency"), l.fluency.as_deref());
        });
    }

    pub(super) fn interests(&mut self, p: &Profile) {
        self.each_grouped("interests", &p.interests, |this, i, x| {
            let at = format!("interests[{i}]");
            this.entry();
            this.text(&format!("{at}.name"), Some(&x.name));
            this.role = FactRole::Body;
            this.list(&format!("{at}.keywords"), &x.keywords);
        });
    }

    pub(super) fn references(&mut self, p: &Profile) {
        self.each_grouped("references", &p.references, |this, i, r| {
            let at = format!("references[{i}]");
            // A reference may be set as a quote above its attribution.
            this.entry();
            this.role = FactRole::Body;
            this.text(&format!("{at}.name"), Some(&r.name));
            this.text(&format!("{at}.role"), r.role.as_deref());
            this.text(&format!("{at}.organization"), r.organization.as_deref());
            this.prose(&format!("{at}.reference"), r.reference.as_deref());
        });
    }

    /// A custom section's content; its title and intro come first.
    pub(super) fn custom_section(&mut self, at: &str, s: &CustomSection) {
        self.role = FactRole::Body;
        self.prose(&format!("{at}.text"), s.text.as_deref());
        self.bullets(&format!("{at}.items"), &s.items);
        self.text(&format!("{at}.quote"), s.quote.as_deref());
        self.text(&format!("{at}.cite"), s.cite.as_deref());
        self.text(&format!("{at}.signature"), s.signature.as_deref());
        self.blocks(&format!("{at}.blocks"), &s.blocks);
        let entries = format!("{at}.entries");
        self.each_grouped(&entries, &s.entries, |this, i, e| {
            let at = format!("{entries}[{i}]");
            this.entry();
            this.text(&format!("{at}.title"), e.title.as_deref());
            this.text(&format!("{at}.subtitle"), e.subtitle.as_deref());
            if e.date.is_some() && e.end.is_some() {
                this.dates(&at, e.date.as_ref(), e.end.as_ref());
            } else if e.date.is_some() {
                this.date(&at, e.date.as_ref());
            } else {
                this.dates(&at, e.start.as_ref(), e.end.as_ref());
            }
            this.location(&at, e.location.as_ref());
            this.url(&at, e.url.as_ref());
            this.role = FactRole::Body;
            this.prose(&format!("{at}.text"), e.text.as_deref());
            this.details(&format!("{at}.details"), &e.details);
            this.bullets(&format!("{at}.items"), &e.items);
        });
    }
}
