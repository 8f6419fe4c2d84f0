//! The facts of a profile: every piece of text it asks to be printed, as the
//! layout data prints it, with the key it came from. The proof stage looks
//! for each fact in the laid-out document (nothing lost) and checks their
//! order (what a résumé parser reads).
//!
//! The walk mirrors [`super::build`]: the same hidden sections are skipped
//! and the same conversions are used (markup to plain text, dates in the
//! locale, links as printed), so a fact is exactly what a layout receives.

use std::ops::Range;

use toml::Spanned;

use crate::markup;
use crate::profile::model::*;
use crate::profile::rules::custom_section_id;
use crate::theme::Theme;

use super::build::{Builder, place};

/// One piece of text the profile asks to be printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Its key in the profile as rendered (after the variant):
    /// `work[2].roles[0].highlights[3]`.
    pub path: String,
    /// The text as a layout receives it: markup removed, dates and links
    /// formatted.
    pub text: String,
    /// Where the value is written, for `file:line:col`.
    pub origin: Origin,
    /// The section it belongs to; `None` for the header (name, contact).
    pub section: Option<String>,
    /// The entry (or role of an entry) it belongs to, as a number unique in
    /// the document: facts with the same number are read together.
    pub entry: Option<usize>,
    pub role: FactRole,
}

/// How to find a fact's value in the profile's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The value's exact byte range (dates, links: their spans are kept).
    Span(Range<usize>),
    /// The value as written: the first place it occurs is its location.
    Raw(String),
}

/// What part a fact plays, for the reading-order proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactRole {
    /// The person: name, headline, contact.
    Header,
    /// What identifies an entry: its title, organisation, dates.
    Heading,
    /// Everything else: bullets, prose, keywords.
    Body,
    /// Read anywhere in its entry: a link, a star count.
    Aside,
}

/// Every fact of `profile` that the layout data carries, in profile order.
pub fn facts(profile: &Profile, theme: &Theme, locale: &str) -> Vec<Fact> {
    let mut walk = Walk {
        builder: Builder::new(locale, theme),
        facts: Vec::new(),
        section: None,
        entry: None,
        entries: 0,
        role: FactRole::Header,
    };
    walk.basics(profile);
    walk.sections(profile, theme);
    walk.facts
}

struct Walk {
    builder: Builder,
    facts: Vec<Fact>,
    section: Option<String>,
    entry: Option<usize>,
    /// Entries opened so far.
    entries: usize,
    role: FactRole,
}

impl Walk {
    fn push(&mut self, path: String, text: String, origin: Origin) {
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        self.facts.push(Fact {
            path,
            text,
            origin,
            section: self.section.clone(),
            entry: self.entry,
            role: self.role,
        });
    }

    /// Inline text (markup allowed).
    fn text(&mut self, path: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.push(
                path.to_string(),
                markup::plain(value),
                Origin::Raw(value.into()),
            );
        }
    }

    /// Prose: each paragraph a fact.
    fn prose(&mut self, path: &str, value: Option<&str>) {
        let Some(value) = value else { return };
        for paragraph in markup::paragraphs(value) {
            let text: String = paragraph.iter().map(|s| s.text.as_str()).collect();
            let first_line = value.lines().next().unwrap_or(value).to_string();
            self.push(path.to_string(), text, Origin::Raw(first_line));
        }
    }

    fn list(&mut self, path: &str, values: &[String]) {
        for (i, value) in values.iter().enumerate() {
            self.text(&format!("{path}[{i}]"), Some(value));
        }
    }

    fn bullets(&mut self, path: &str, bullets: &[Bullet]) {
        let role = std::mem::replace(&mut self.role, FactRole::Body);
        for (i, bullet) in bullets.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.text(&format!("{at}.label"), bullet.label.as_deref());
            let text_path = if bullet.label.is_some() {
                format!("{at}.text")
            } else {
                at.clone()
            };
            self.text(&text_path, bullet.text.as_deref());
            self.bullets(&format!("{at}.items"), &bullet.items);
        }
        self.role = role;
    }

    fn blocks(&mut self, path: &str, blocks: &[Block]) {
        let role = std::mem::replace(&mut self.role, FactRole::Body);
        for (i, block) in blocks.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.text(&format!("{at}.title"), block.title.as_deref());
            self.prose(&format!("{at}.text"), block.text.as_deref());
            self.bullets(&format!("{at}.items"), &block.items);
            self.text(&format!("{at}.quote"), block.quote.as_deref());
            self.text(&format!("{at}.cite"), block.cite.as_deref());
            self.text(&format!("{at}.signature"), block.signature.as_deref());
        }
        self.role = role;
    }

    fn dates(
        &mut self,
        path: &str,
        start: Option<&Spanned<DateInput>>,
        end: Option<&Spanned<DateInput>>,
    ) {
        let Some(text) = self.builder.dates(start, end) else {
            return;
        };
        let (key, span) = match (start, end) {
            (Some(start), _) => ("start", start.span()),
            (None, Some(end)) => ("end", end.span()),
            (None, None) => return,
        };
        self.push(format!("{path}.{key}"), text, Origin::Span(span));
    }

    fn date(&mut self, path: &str, date: Option<&Spanned<DateInput>>) {
        if let (Some(text), Some(date)) = (self.builder.date(date), date) {
            self.push(format!("{path}.date"), text, Origin::Span(date.span()));
        }
    }

    fn url(&mut self, path: &str, url: Option<&Spanned<String>>) {
        if let (Some(link), Some(url)) = (self.builder.url(url), url) {
            let aside = self.aside();
            let role = std::mem::replace(&mut self.role, aside);
            self.push(format!("{path}.url"), link.text, Origin::Span(url.span()));
            self.role = role;
        }
    }

    /// Links and counts belong to an entry but may sit anywhere in it; in
    /// the header they are contact details like any other.
    fn aside(&self) -> FactRole {
        match self.role {
            FactRole::Header => FactRole::Header,
            _ => FactRole::Aside,
        }
    }

    fn location(&mut self, path: &str, location: Option<&Location>) {
        if let Some(text) = place(location) {
            let raw = match location {
                Some(Location::Text(t)) => t.clone(),
                _ => text.clone(),
            };
            self.push(format!("{path}.location"), text, Origin::Raw(raw));
        }
    }

    /// Opens the next entry (or role): its heading facts come first.
    fn entry(&mut self) {
        self.entry = Some(self.entries);
        self.entries += 1;
        self.role = FactRole::Heading;
    }

    fn basics(&mut self, profile: &Profile) {
        let b = &profile.basics;
        self.text("basics.name", Some(&b.name));
        self.text("basics.label", b.label.as_deref());
        self.text("basics.tagline", b.tagline.as_deref());
        if let Some(email) = &b.email {
            let text = email.get_ref().clone();
            self.push("basics.email".into(), text, Origin::Span(email.span()));
        }
        self.text("basics.phone", b.phone.as_deref());
        self.url("basics", b.url.as_ref());
        for (i, p) in b.profiles.iter().enumerate() {
            let at = format!("basics.profiles[{i}]");
            match (self.builder.url(p.url.as_ref()), &p.username) {
                (Some(_), _) => self.url(&at, p.url.as_ref()),
                (None, Some(user)) => self.text(&format!("{at}.username"), Some(user)),
                (None, None) => self.text(&format!("{at}.network"), Some(&p.network)),
            }
        }
        self.location("basics", b.location.as_ref());
        if let Some(cover) = &profile.cover {
            self.text("cover.title", cover.title.as_deref());
            self.text("cover.subtitle", cover.subtitle.as_deref());
            self.text("cover.volume", cover.volume.as_deref());
            self.text("cover.status", cover.status.as_deref());
        }
    }

    fn sections(&mut self, p: &Profile, theme: &Theme) {
        let shown = |id: &str| !theme.hide.iter().any(|h| h == id);
        for (id, title) in &p.titles {
            if shown(id) {
                self.section = Some(id.clone());
                self.entry = None;
                self.role = FactRole::Heading;
                self.text(&format!("titles.{id}"), Some(title.get_ref()));
            }
        }
        let sections: [(&str, fn(&mut Self, &Profile)); 13] = [
            ("summary", Self::summary),
            ("numbers", Self::numbers),
            ("work", Self::work),
            ("volunteer", Self::volunteer),
            ("education", Self::education),
            ("projects", Self::projects),
            ("skills", Self::skills),
            ("awards", Self::awards),
            ("certificates", Self::certificates),
            ("publications", Self::publications),
            ("languages", Self::languages),
            ("interests", Self::interests),
            ("references", Self::references),
        ];
        for (id, walk) in sections {
            if shown(id) {
                self.section = Some(id.to_string());
                self.entry = None;
                self.role = FactRole::Body;
                walk(self, p);
            }
        }
        for (i, custom) in p.sections.iter().enumerate() {
            let id = custom_section_id(custom);
            if shown(&id) {
                self.section = Some(id);
                self.custom_section(&format!("sections[{i}]"), custom);
            }
        }
    }

    fn summary(&mut self, p: &Profile) {
        self.prose("basics.summary", p.basics.summary.as_deref());
        self.text("basics.signature", p.basics.signature.as_deref());
    }

    fn numbers(&mut self, p: &Profile) {
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

    fn work(&mut self, p: &Profile) {
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

    fn volunteer(&mut self, p: &Profile) {
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

    fn education(&mut self, p: &Profile) {
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

    fn projects(&mut self, p: &Profile) {
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

    fn skills(&mut self, p: &Profile) {
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

    fn awards(&mut self, p: &Profile) {
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

    fn certificates(&mut self, p: &Profile) {
        for (i, c) in p.certificates.iter().enumerate() {
            let at = format!("certificates[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&c.name));
            self.text(&format!("{at}.issuer"), c.issuer.as_deref());
            self.date(&at, c.date.as_ref());
            self.url(&at, c.url.as_ref());
        }
    }

    fn publications(&mut self, p: &Profile) {
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

    fn languages(&mut self, p: &Profile) {
        for (i, l) in p.languages.iter().enumerate() {
            let at = format!("languages[{i}]");
            self.entry();
            self.text(&format!("{at}.language"), Some(&l.language));
            self.role = FactRole::Body;
            self.text(&format!("{at}.fluency"), l.fluency.as_deref());
        }
    }

    fn interests(&mut self, p: &Profile) {
        for (i, x) in p.interests.iter().enumerate() {
            let at = format!("interests[{i}]");
            self.entry();
            self.text(&format!("{at}.name"), Some(&x.name));
            self.role = FactRole::Body;
            self.list(&format!("{at}.keywords"), &x.keywords);
        }
    }

    fn references(&mut self, p: &Profile) {
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

    fn custom_section(&mut self, at: &str, s: &CustomSection) {
        self.entry = None;
        self.role = FactRole::Heading;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::profile::load::parse;

    fn facts_of(text: &str) -> Vec<Fact> {
        let parsed = parse(SourceFile::new("x.toml", text)).unwrap();
        facts(&parsed.profile, &Theme::default(), "en")
    }

    #[test]
    fn facts_are_printed_text_with_their_keys() {
        let facts = facts_of(
            "[basics]\nname = \"**Ada** Quill\"\n[[work]]\nname = \"Acme\"\nposition = \"Dev\"\nstart = \"2020-01\"\nhighlights = [\"Cut *p99* by 40 %\", { label = \"SDK\", text = \"shipped\" }]\n",
        );
        let pairs: Vec<(&str, &str)> = facts
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("basics.name", "Ada Quill"),
                ("work[0].name", "Acme"),
                ("work[0].position", "Dev"),
                ("work[0].start", "Jan 2020"),
                ("work[0].highlights[0]", "Cut p99 by 40 %"),
                ("work[0].highlights[1].label", "SDK"),
                ("work[0].highlights[1].text", "shipped"),
            ]
        );
        assert_eq!(facts[2].role, FactRole::Heading);
        assert_eq!(facts[4].role, FactRole::Body);
        assert_eq!(facts[4].section.as_deref(), Some("work"));
    }

    #[test]
    fn hidden_sections_have_no_facts() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\n[[skills]]\nname = \"Rust\"\n",
        ))
        .unwrap();
        let theme = Theme {
            hide: vec!["skills".into()],
            ..Theme::default()
        };
        let facts = facts(&parsed.profile, &theme, "en");
        assert_eq!(facts.len(), 1);
    }
}
