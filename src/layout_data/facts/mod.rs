//! The facts of a profile: every piece of text it asks to be printed, as the
//! layout data prints it, with the key it came from. The proof stage looks
//! for each fact in the laid-out document (nothing lost) and checks their
//! order (what a résumé parser reads).
//!
//! The walk mirrors [`super::build`]: it visits the sections the layout
//! data carries (hidden and empty ones are not there), entries gathered by
//! group as the data has them, and uses the same conversions (markup to
//! plain text, dates in the locale, links as printed), so a fact is exactly
//! what a layout receives.

use std::ops::Range;

use toml::Spanned;

use crate::markup;
use crate::profile::model::*;
use crate::profile::rules::custom_section_id;
use crate::theme::Theme;

use super::Dates;
use super::build::{Builder, place};
use super::sections::gather_groups;

mod sections;

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
/// `sections` are the ids of the sections the data carries (not hidden,
/// not empty: a variant may remove every entry of a section whose title
/// the profile renames), so that facts and data agree.
pub fn facts(
    profile: &Profile,
    theme: &Theme,
    locale: &str,
    sections: &[String],
    references: std::sync::Arc<[crate::bibliography::Reference]>,
) -> Vec<Fact> {
    let mut builder = Builder::new(locale, theme, &profile.words);
    builder.references = references;
    let mut walk = Walk {
        builder,
        facts: Vec::new(),
        section: None,
        entry: None,
        entries: 0,
        role: FactRole::Header,
    };
    walk.basics(profile);
    walk.sections(profile, sections);
    walk.letter(profile);
    walk.facts
}

/// Walks the facts of one built-in section.
type SectionWalk = fn(&mut Walk, &Profile);

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
        // Each paragraph is found by its own first line, which follows a
        // blank line as in `markup::paragraphs`.
        let lines: Vec<&str> = value.lines().collect();
        let first_lines = lines.iter().enumerate().filter(|(i, line)| {
            !line.trim().is_empty() && (*i == 0 || lines[i - 1].trim().is_empty())
        });
        for (paragraph, (_, first_line)) in markup::paragraphs(value).into_iter().zip(first_lines) {
            self.push(
                path.to_string(),
                markup::text_of(&paragraph),
                Origin::Raw(first_line.trim().to_string()),
            );
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

    /// Labelled details: the label, then its value.
    fn details(&mut self, path: &str, details: &[Detail]) {
        let valued = details.iter().enumerate();
        for (i, detail) in valued.filter(|(_, d)| !d.value.trim().is_empty()) {
            self.text(&format!("{path}[{i}].label"), Some(&detail.label));
            self.text(&format!("{path}[{i}].value"), Some(&detail.value));
        }
    }

    /// Walks the entries of `list` (at `path`) in the order a layout shows
    /// them, gathered by group. A group's sub-heading is a fact of its own,
    /// read before the group's first entry.
    fn each_grouped<T: Grouped>(
        &mut self,
        path: &str,
        list: &[T],
        mut each: impl FnMut(&mut Self, usize, &T),
    ) {
        let mut previous = None;
        for i in gather_groups(list) {
            let group = list[i].group();
            if group.is_some() && group != previous {
                self.entry = None;
                self.role = FactRole::Heading;
                self.text(&format!("{path}[{i}].group"), group);
            }
            previous = group;
            each(self, i, &list[i]);
        }
    }

    fn blocks(&mut self, path: &str, blocks: &[Block]) {
        let role = std::mem::replace(&mut self.role, FactRole::Body);
        for (i, block) in blocks.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.text(&format!("{at}.title"), block.title.as_deref());
            self.prose(&format!("{at}.text"), block.text.as_deref());
            self.details(&format!("{at}.details"), &block.details);
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
        let Some(Dates { text, .. }) = self.builder.dates(start, end) else {
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
        if let (Some(dates), Some(date)) = (self.builder.date(date), date) {
            self.push(
                format!("{path}.date"),
                dates.text,
                Origin::Span(date.span()),
            );
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
        if let Some(name) = &b.name {
            self.text("basics.name", Some(name.get_ref()));
        }
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
        if self.builder.personal {
            self.text("basics.date_of_birth", b.date_of_birth.as_deref());
            self.text("basics.nationality", b.nationality.as_deref());
            self.text("basics.driving_licence", b.driving_licence.as_deref());
        }
        if let Some(cover) = &profile.cover {
            self.text("cover.title", cover.title.as_deref());
            self.text("cover.subtitle", cover.subtitle.as_deref());
            self.text("cover.volume", cover.volume.as_deref());
            self.text("cover.status", cover.status.as_deref());
        }
    }

    /// The facts of the letter rendered instead of the CV, in the order
    /// a letter is read.
    fn letter(&mut self, p: &Profile) {
        let Some(l) = &p.letter else { return };
        self.enter("letter", FactRole::Body);
        let r = &l.recipient;
        self.text("letters.recipient.name", r.name.as_deref());
        self.text("letters.recipient.title", r.title.as_deref());
        self.text("letters.recipient.company", r.company.as_deref());
        for line in &r.address {
            self.text("letters.recipient.address", Some(line));
        }
        self.text("letters.place", l.place.as_deref());
        if let (Some(text), Some(date)) = (self.builder.letter_date(l.date.as_ref()), &l.date) {
            self.push("letters.date".into(), text, Origin::Span(date.span()));
        }
        self.text("letters.subject", l.subject.as_deref());
        self.text("letters.salutation", l.salutation.as_deref());
        self.prose("letters.body", Some(l.body.get_ref()));
        self.text("letters.closing", l.closing.as_deref());
        self.text("letters.signature", l.signature.as_deref());
    }

    /// The facts of the sections in `present`, the ids the layout data
    /// carries.
    fn sections(&mut self, p: &Profile, present: &[String]) {
        let shown = |id: &str| present.iter().any(|s| s == id);
        for (id, title) in &p.titles {
            if shown(id) {
                self.enter(id, FactRole::Heading);
                self.text(&format!("titles.{id}"), Some(title.get_ref()));
            }
        }
        let sections: [(&str, SectionWalk); 13] = [
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
                self.enter(id, FactRole::Body);
                self.intro(p, id);
                walk(self, p);
            }
        }
        for (i, custom) in p.sections.iter().enumerate() {
            let id = custom_section_id(custom, i);
            if shown(&id) {
                self.enter(&id, FactRole::Heading);
                // A title `[titles]` replaces is not printed.
                if !p.titles.contains_key(&id) {
                    self.text(&format!("sections[{i}].title"), Some(&custom.title));
                }
                self.intro(p, &id);
                self.custom_section(&format!("sections[{i}]"), custom);
            }
        }
    }

    /// The section's intro, read before its entries.
    fn intro(&mut self, p: &Profile, id: &str) {
        let role = std::mem::replace(&mut self.role, FactRole::Body);
        let intro = p.intros.get(id).map(|i| i.get_ref().as_str());
        self.prose(&format!("intros.{id}"), intro);
        self.role = role;
    }

    /// Starts the facts of section `id`, outside any entry.
    fn enter(&mut self, id: &str, role: FactRole) {
        self.section = Some(id.to_string());
        self.entry = None;
        self.role = role;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::profile::load::parse;

    /// The facts of a profile, for the sections its layout data carries.
    fn facts_with(text: &str, theme: &Theme) -> Vec<Fact> {
        let parsed = parse(SourceFile::new("x.toml", text)).unwrap();
        let (data, _) = super::super::build(&parsed.profile, theme, "en", Default::default());
        let sections: Vec<String> = data.sections.into_iter().map(|s| s.id).collect();
        facts(&parsed.profile, theme, "en", &sections, Default::default())
    }

    fn facts_of(text: &str) -> Vec<Fact> {
        facts_with(text, &Theme::default())
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
    fn each_paragraph_is_located_by_its_own_first_line() {
        let facts = facts_of(
            "[basics]\nname = \"A\"\nsummary = \"\"\"\nFirst **bold** one.\n\n  Second one,\nwrapped.\n\"\"\"\n",
        );
        let origins: Vec<&Origin> = facts[1..].iter().map(|f| &f.origin).collect();
        assert_eq!(
            origins,
            [
                &Origin::Raw("First **bold** one.".into()),
                &Origin::Raw("Second one,".into())
            ]
        );
        assert_eq!(facts[2].text, "Second one, wrapped.");
    }

    #[test]
    fn hidden_sections_have_no_facts() {
        let theme = Theme {
            hide: vec!["skills".into()],
            ..Theme::default()
        };
        let facts = facts_with(
            "[basics]\nname = \"A\"\n[[skills]]\nname = \"Rust\"\n",
            &theme,
        );
        assert_eq!(facts.len(), 1);
    }
}
