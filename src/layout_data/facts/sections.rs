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
        self.text("numbers.title", numbers.title.as_deref());
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
        self.bullets(&format!("{at}.highlights"), highlights);
        self.list(&format!("{at}.stack"), stack);
        self.blocks(&format!("{at}.blocks"), blocks);
    }

    pub(super) fn work(&mut self, p: &Profile) {
        for (i, w) in p.work.iter().enumerate() {
            let at = format!("work[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), w.name.as_deref());
            self.text(&format!("{at}.description"), w.description.as_deref());
            self.url(&at, w.url.as_ref());
            self.location(&at, w.location.as_ref());
            self.role(
                &at,
                w.position.as_deref(),
                w.team.as_deref(),
                (w.start.as_ref(), w.end.as_ref()),
                w.summary.as_deref(),
                &w.highlights,
                &w.stack,
                &w.blocks,
            );
            for (j, r) in w.roles.iter().enumerate() {
                let at = format!("{at}.roles[{j}]");
                self.entry();
                self.location(&at, r.location.as_ref());
                self.role(
                    &at,
                    r.position.as_deref(),
                    r.team.as_deref(),
                    (r.start.as_ref(), r.end.as_ref()),
                    r.summary.as_deref(),
                    &r.highlights,
                    &r.stack,
                    &r.blocks,
                );
            }
        }
    }

    pub(super) fn volunteer(&mut self, p: &Profile) {
        for (i, v) in p.volunteer.iter().enumerate() {
            let at = format!("volunteer[{i}]");
            self.entry();
            self.text(&format!("{at}.organization"), v.organization.as_deref());
            self.url(&at, v.url.as_ref());
            self.location(&at, v.location.as_ref());
            let dates = (v.start.as_ref(), v.end.as_ref());
            let (summary, highlights) = (v.summary.as_deref(), &v.highlights);
            self.role(
                &at,
                v.position.as_deref(),
                None,
                dates,
                summary,
                highlights,
                &[],
                &[],
            );
        }
    }

    pub(super) fn education(&mut self, p: &Profile) {
        for (i, e) in p.education.iter().enumerate() {
            let at = format!("education[{i}]");
            self.entry();
            self.text(&format!("{at}.institution"), e.institution.as_deref());
            self.text(&format!("{at}.study_type"), e.study_type.as_deref());
            self.text(&format!("{at}.area"), e.area.as_deref());
            self.dates(&at, e.start.as_ref(), e.end.as_ref());
            self.location(&at, e.location.as_ref());
            self.url(&at, e.url.as_ref());
            self.text(&format!("{at}.score"), e.score.as_deref());
            self.role = FactRole::Body;
            self.prose(&format!("{at}.summary"), e.summary.as_deref());
            self.bullets(&format!("{at}.highlights"), &e.highlights);
            self.list(&format!("{at}.courses"), &e.courses);
        }
    }

    pub(super) fn projects(&mut self, p: &Profile) {
        for (i, x) in p.projects.iter().enumerate() {
            let at = format!("projects[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&x.name));
            self.dates(&at, x.start.as_ref(), x.end.as_ref());
            self.url(&at, x.url.as_ref());
            self.role = FactRole::Aside;
            if let Some(stars) = x.stars {
                let raw = Origin::Raw(format!("stars = {stars}"));
                self.push(format!("{at}.stars"), stars.to_string(), raw);
            }
            self.role = FactRole::Body;
            self.prose(&format!("{at}.description"), x.description.as_deref());
            self.bullets(&format!("{at}.highlights"), &x.highlights);
            self.list(&format!("{at}.keywords"), &x.keywords);
        }
    }

    pub(super) fn skills(&mut self, p: &Profile) {
        for (i, s) in p.skills.iter().enumerate() {
            let at = format!("skills[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&s.name));
            self.role = FactRole::Body;
            self.text(&format!("{at}.level"), s.level.as_deref());
            self.list(&format!("{at}.keywords"), &s.keywords);
            self.text(&format!("{at}.note"), s.note.as_deref());
        }
    }

    pub(super) fn awards(&mut self, p: &Profile) {
        for (i, a) in p.awards.iter().enumerate() {
            let at = format!("awards[{i}]");
            self.entry();
            self.text(&format!("{at}.title"), Some(&a.title));
            self.text(&format!("{at}.awarder"), a.awarder.as_deref());
            self.date(&at, a.date.as_ref());
            self.role = FactRole::Body;
            self.prose(&format!("{at}.summary"), a.summary.as_deref());
        }
    }

    pub(super) fn certificates(&mut self, p: &Profile) {
        for (i, c) in p.certificates.iter().enumerate() {
            let at = format!("certificates[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&c.name));
            self.text(&format!("{at}.issuer"), c.issuer.as_deref());
            self.date(&at, c.date.as_ref());
            self.url(&at, c.url.as_ref());
        }
    }

    pub(super) fn publications(&mut self, p: &Profile) {
        for (i, x) in p.publications.iter().enumerate() {
            let at = format!("publications[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&x.name));
            self.text(&format!("{at}.publisher"), x.publisher.as_deref());
            self.date(&at, x.date.as_ref());
            self.url(&at, x.url.as_ref());
            self.role = FactRole::Body;
            self.prose(&format!("{at}.summary"), x.summary.as_deref());
        }
    }

    pub(super) fn languages(&mut self, p: &Profile) {
        for (i, l) in p.languages.iter().enumerate() {
            let at = format!("languages[{i}]");
            self.entry();
            self.text(&format!("{at}.language"), Some(&l.language));
            self.role = FactRole::Body;
            self.text(&format!("{at}.fluency"), l.fluency.as_deref());
        }
    }

    pub(super) fn interests(&mut self, p: &Profile) {
        for (i, x) in p.interests.iter().enumerate() {
            let at = format!("interests[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&x.name));
            self.role = FactRole::Body;
            self.list(&format!("{at}.keywords"), &x.keywords);
        }
    }

    pub(super) fn references(&mut self, p: &Profile) {
        for (i, r) in p.references.iter().enumerate() {
            let at = format!("references[{i}]");
            // A reference may be set as a quote above its attribution.
            self.entry();
            self.role = FactRole::Body;
            self.text(&format!("{at}.name"), Some(&r.name));
            self.text(&format!("{at}.role"), r.role.as_deref());
            self.text(&format!("{at}.organization"), r.organization.as_deref());
            self.prose(&format!("{at}.reference"), r.reference.as_deref());
        }
    }

    pub(super) fn custom_section(&mut self, at: &str, s: &CustomSection) {
        self.text(&format!("{at}.title"), Some(&s.title));
        self.role = FactRole::Body;
        self.prose(&format!("{at}.text"), s.text.as_deref());
        self.bullets(&format!("{at}.items"), &s.items);
        self.text(&format!("{at}.quote"), s.quote.as_deref());
        self.text(&format!("{at}.cite"), s.cite.as_deref());
        self.text(&format!("{at}.signature"), s.signature.as_deref());
        self.blocks(&format!("{at}.blocks"), &s.blocks);
        for (i, e) in s.entries.iter().enumerate() {
            let at = format!("{at}.entries[{i}]");
            self.entry();
            self.text(&format!("{at}.title"), e.title.as_deref());
            self.text(&format!("{at}.subtitle"), e.subtitle.as_deref());
            if e.date.is_some() {
                self.date(&at, e.date.as_ref());
            } else {
                self.dates(&at, e.start.as_ref(), e.end.as_ref());
            }
            self.location(&at, e.location.as_ref());
            self.url(&at, e.url.as_ref());
            self.role = FactRole::Body;
            self.prose(&format!("{at}.text"), e.text.as_deref());
            self.bullets(&format!("{at}.items"), &e.items);
        }
    }
}
