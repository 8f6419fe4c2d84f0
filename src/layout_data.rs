//! Stage 3: turn a checked profile into `LayoutData`, the one JSON document a
//! layout sees (served as `/profile.json`). Documented field by field in
//! `layouts/README.md`; bump [`DATA_VERSION`] on any incompatible change.
//!
//! Everything is normalised here so layouts stay simple: dates are formatted in
//! the locale, text is pre-parsed into spans, and every section (built-in or
//! custom) has the same generic shape, so a layout can print any section even
//! if it has no special design for it.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::dates::{self, DateStyle};
use crate::diagnostic::Diagnostic;
use crate::locale::{self, Words};
use crate::markup::{self, Span};
use crate::profile::model::*;
use crate::profile::validate::{BUILTIN_SECTIONS, check_url, custom_section_id, link_target};
use crate::theme::Theme;

/// The version of the data contract.
pub const DATA_VERSION: u32 = 1;

/// Rich text: a list of styled spans.
pub type Rich = Vec<Span>;

#[derive(Debug, Serialize)]
pub struct LayoutData {
    pub data_version: u32,
    pub meta: Meta,
    pub words: &'static Words,
    /// The layout's theme options, defaults filled in.
    pub theme: Map<String, Json>,
    pub basics: BasicsData,
    pub cover: Option<CoverData>,
    /// Sections in display order, hidden ones left out.
    pub sections: Vec<Section>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    /// "<name> — CV", for the PDF title.
    pub title: String,
    pub author: String,
    /// Skills and their keywords, for the PDF keywords.
    pub keywords: Vec<String>,
    pub locale: String,
    pub generator: String,
}

#[derive(Debug, Serialize)]
pub struct BasicsData {
    /// The name as plain text.
    pub name: String,
    pub label: Option<Rich>,
    pub tagline: Option<Rich>,
    /// Contact details in a sensible order, ready to print.
    pub contacts: Vec<Contact>,
    pub location: Option<String>,
    /// Virtual path of the photo (`/@vitae/photo.png`), when there is one.
    pub photo: Option<String>,
    pub summary: Vec<Rich>,
    pub signature: Option<Rich>,
}

#[derive(Debug, Serialize)]
pub struct Contact {
    /// email, phone, url, location, or the network name in lower case.
    pub kind: String,
    /// What to print.
    pub text: String,
    /// Where it links, if anywhere.
    pub link: Option<String>,
    /// The network's name as written (for profiles), else the kind.
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct CoverData {
    pub title: Option<Rich>,
    pub subtitle: Option<Rich>,
    pub volume: Option<Rich>,
    pub status: Option<Rich>,
}

/// A section: a title, optional free content, and entries.
#[derive(Debug, Serialize, Default)]
pub struct Section {
    /// `work`, `education`, … or a custom section's id.
    pub id: String,
    /// The built-in kind, or `custom`.
    pub kind: String,
    pub title: String,
    pub text: Vec<Rich>,
    pub items: Vec<BulletData>,
    pub numbered: bool,
    pub quote: Option<Rich>,
    pub cite: Option<Rich>,
    pub signature: Option<Rich>,
    pub footnote: Option<Rich>,
    pub blocks: Vec<BlockData>,
    pub entries: Vec<Entry>,
}

impl Section {
    /// Whether the section has nothing but its title.
    fn is_empty(&self) -> bool {
        self.text.is_empty()
            && self.items.is_empty()
            && self.quote.is_none()
            && self.signature.is_none()
            && self.footnote.is_none()
            && self.blocks.is_empty()
            && self.entries.is_empty()
    }
}

/// An entry. The generic fields carry all of its text; kind-specific fields
/// (`stars`, `level`, `value`, …) repeat some of it for layouts that want them.
#[derive(Debug, Serialize, Default)]
pub struct Entry {
    pub title: Option<Rich>,
    pub subtitle: Option<Rich>,
    /// A short side note: a grade, a skill note, stars.
    pub note: Option<Rich>,
    /// The date or date range, formatted: "Oct 2022 – Present".
    pub dates: Option<String>,
    pub location: Option<String>,
    pub url: Option<LinkData>,
    pub text: Vec<Rich>,
    pub items: Vec<BulletData>,
    /// Keywords, tech stack, courses.
    pub tags: Vec<String>,
    pub blocks: Vec<BlockData>,
    /// Roles at one organisation (work, volunteer): entries themselves.
    pub roles: Vec<Entry>,
    // Kind-specific extras.
    pub stars: Option<u32>,
    pub featured: bool,
    pub level: Option<String>,
    pub value: Option<Rich>,
}

#[derive(Debug, Serialize)]
pub struct LinkData {
    pub text: String,
    pub link: String,
}

#[derive(Debug, Serialize, Default)]
pub struct BulletData {
    pub label: Option<Rich>,
    pub text: Option<Rich>,
    pub items: Vec<BulletData>,
}

#[derive(Debug, Serialize, Default)]
pub struct BlockData {
    pub title: Option<Rich>,
    pub text: Vec<Rich>,
    pub items: Vec<BulletData>,
    pub numbered: bool,
    pub quote: Option<Rich>,
    pub cite: Option<Rich>,
    pub signature: Option<Rich>,
}

/// Builds layout data; warnings (e.g. a link with a bad address) are returned
/// alongside.
pub fn build(
    profile: &Profile,
    theme: &Theme,
    photo: Option<String>,
) -> (LayoutData, Vec<Diagnostic>) {
    let locale_code = profile
        .locale
        .as_ref()
        .map_or("en", |l| l.get_ref().as_str());
    let words =
        locale::words(locale_code).unwrap_or_else(|| locale::words("en").expect("en exists"));
    let mut builder = Builder {
        words,
        style: theme.date_style,
        warnings: Vec::new(),
    };
    let data = LayoutData {
        data_version: DATA_VERSION,
        meta: meta(profile, locale_code),
        words,
        theme: theme.layout_options.clone(),
        basics: builder.basics(&profile.basics, photo),
        cover: profile.cover.as_ref().map(|c| CoverData {
            title: builder.rich(c.title.as_deref()),
            subtitle: builder.rich(c.subtitle.as_deref()),
            volume: builder.rich(c.volume.as_deref()),
            status: builder.rich(c.status.as_deref()),
        }),
        sections: builder.sections(profile, theme),
    };
    (data, builder.warnings)
}

fn meta(profile: &Profile, locale: &str) -> Meta {
    let name = markup::plain(&profile.basics.name);
    let mut keywords = Vec::new();
    for skill in &profile.skills {
        keywords.push(markup::plain(&skill.name));
        keywords.extend(skill.keywords.iter().map(|k| markup::plain(k)));
    }
    keywords.dedup();
    Meta {
        title: format!("{name} — CV"),
        author: name,
        keywords,
        locale: locale.to_string(),
        generator: format!("vitae {}", env!("CARGO_PKG_VERSION")),
    }
}

struct Builder {
    words: &'static Words,
    style: DateStyle,
    warnings: Vec<Diagnostic>,
}

impl Builder {
    /// Parses inline text.
    fn rich(&mut self, text: Option<&str>) -> Option<Rich> {
        let text = text?.trim();
        if text.is_empty() {
            return None;
        }
        Some(self.checked_links(markup::parse(text)))
    }

    /// Parses prose into paragraphs.
    fn prose(&mut self, text: Option<&str>) -> Vec<Rich> {
        let Some(text) = text else { return Vec::new() };
        markup::paragraphs(text)
            .into_iter()
            .map(|p| self.checked_links(p))
            .collect()
    }

    /// Links with unsafe or malformed targets lose the link (the text stays)
    /// and earn a warning; bare addresses get `https://`.
    fn checked_links(&mut self, mut spans: Rich) -> Rich {
        for span in &mut spans {
            if let Some(target) = &span.link {
                match check_url(target) {
                    Ok(()) => span.link = Some(link_target(target)),
                    Err(problem) => {
                        self.warnings.push(Diagnostic::warning(format!(
                            "link \"{}\" dropped: {problem}",
                            span.text
                        )));
                        span.link = None;
                    }
                }
            }
        }
        spans
    }

    fn dates(
        &self,
        start: Option<&toml::Spanned<DateInput>>,
        end: Option<&toml::Spanned<DateInput>>,
    ) -> Option<String> {
        let point = |d: Option<&toml::Spanned<DateInput>>, present| {
            d.and_then(|d| dates::parse(&d.get_ref().0, present).ok())
        };
        let text = dates::format_range(
            point(start, false),
            point(end, true),
            self.style,
            self.words,
        );
        (!text.is_empty()).then_some(text)
    }

    fn date(&self, date: Option<&toml::Spanned<DateInput>>) -> Option<String> {
        self.dates(date, None)
    }

    fn bullets(&mut self, bullets: &[Bullet]) -> Vec<BulletData> {
        bullets
            .iter()
            .map(|b| BulletData {
                label: self.rich(b.label.as_deref()),
                text: self.rich(b.text.as_deref()),
                items: self.bullets(&b.items),
            })
            .collect()
    }

    fn blocks(&mut self, blocks: &[Block]) -> Vec<BlockData> {
        blocks
            .iter()
            .map(|b| BlockData {
                title: self.rich(b.title.as_deref()),
                text: self.prose(b.text.as_deref()),
                items: self.bullets(&b.items),
                numbered: b.numbered,
                quote: self.rich(b.quote.as_deref()),
                cite: self.rich(b.cite.as_deref()),
                signature: self.rich(b.signature.as_deref()),
            })
            .collect()
    }

    fn url(&self, url: Option<&toml::Spanned<String>>) -> Option<LinkData> {
        let url = url?.get_ref();
        let text = url
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("mailto:");
        Some(LinkData {
            text: text.trim_end_matches('/').to_string(),
            link: link_target(url),
        })
    }

    fn basics(&mut self, b: &Basics, photo: Option<String>) -> BasicsData {
        let mut contacts = Vec::new();
        let mut push = |kind: &str, label: &str, text: String, link: Option<String>| {
            contacts.push(Contact {
                kind: kind.to_string(),
                text,
                link,
                label: label.to_string(),
            });
        };
        let location = b
            .location
            .as_ref()
            .map(Location::display)
            .filter(|l| !l.is_empty());
        if let Some(email) = &b.email {
            push(
                "email",
                "email",
                email.get_ref().clone(),
                Some(format!("mailto:{}", email.get_ref())),
            );
        }
        if let Some(phone) = &b.phone {
            let digits: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            push(
                "phone",
                "phone",
                phone.clone(),
                Some(format!("tel:{digits}")),
            );
        }
        if let Some(url) = self.url(b.url.as_ref()) {
            push("url", "web", url.text, Some(url.link));
        }
        for p in &b.profiles {
            let url = self.url(p.url.as_ref());
            let text = match (&p.username, &url) {
                (_, Some(url)) => url.text.clone(),
                (Some(user), None) => user.clone(),
                (None, None) => p.network.clone(),
            };
            push(
                &p.network.to_lowercase(),
                &p.network,
                text,
                url.map(|u| u.link),
            );
        }
        if let Some(location) = &location {
            push("location", "location", location.clone(), None);
        }
        BasicsData {
            name: markup::plain(&b.name),
            label: self.rich(b.label.as_deref()),
            tagline: self.rich(b.tagline.as_deref()),
            contacts,
            location,
            photo,
            summary: Vec::new(),
            signature: None,
        }
    }

    fn sections(&mut self, p: &Profile, theme: &Theme) -> Vec<Section> {
        let mut all: Vec<Section> = Vec::new();
        for id in BUILTIN_SECTIONS {
            if let Some(section) = self.builtin_section(p, id) {
                all.push(section);
            }
        }
        for custom in &p.sections {
            all.push(self.custom_section(custom));
        }
        if p.numbers.as_ref().is_some_and(|n| n.items.is_empty()) {
            self.warnings.push(Diagnostic::warning(
                "section `numbers` has no items and is left out",
            ));
        }
        for section in all.iter().filter(|s| s.kind == "custom" && s.is_empty()) {
            self.warnings.push(Diagnostic::warning(format!(
                "section `{}` has a title but no content",
                section.id
            )));
        }
        for section in &mut all {
            section.title = match p.titles.get(&section.id) {
                Some(title) => markup::plain(title.get_ref()),
                None if section.title.is_empty() => self
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
                    section.title = markup::plain(title);
                }
                section.footnote = self.rich(numbers.footnote.as_deref());
                section.entries = numbers.items.iter().map(|n| self.key_number(n)).collect();
            }
            "work" => section.entries = p.work.iter().map(|w| self.work(w)).collect(),
            "volunteer" => {
                section.entries = p.volunteer.iter().map(|v| self.volunteer(v)).collect()
            }
            "education" => {
                section.entries = p.education.iter().map(|e| self.education(e)).collect()
            }
            "projects" => section.entries = p.projects.iter().map(|x| self.project(x)).collect(),
            "skills" => section.entries = p.skills.iter().map(|s| self.skill(s)).collect(),
            "awards" => {
                section.entries = p
                    .awards
                    .iter()
                    .map(|a| Entry {
                        title: self.rich(Some(&a.title)),
                        subtitle: self.rich(a.awarder.as_deref()),
                        dates: self.date(a.date.as_ref()),
                        text: self.prose(a.summary.as_deref()),
                        ..Entry::default()
                    })
                    .collect()
            }
            "certificates" => {
                section.entries = p
                    .certificates
                    .iter()
                    .map(|c| Entry {
                        title: self.rich(Some(&c.name)),
                        subtitle: self.rich(c.issuer.as_deref()),
                        dates: self.date(c.date.as_ref()),
                        url: self.url(c.url.as_ref()),
                        ..Entry::default()
                    })
                    .collect()
            }
            "publications" => {
                section.entries = p
                    .publications
                    .iter()
                    .map(|x| Entry {
                        title: self.rich(Some(&x.name)),
                        subtitle: self.rich(x.publisher.as_deref()),
                        dates: self.date(x.date.as_ref()),
                        url: self.url(x.url.as_ref()),
                        text: self.prose(x.summary.as_deref()),
                        ..Entry::default()
                    })
                    .collect()
            }
            "languages" => {
                section.entries = p
                    .languages
                    .iter()
                    .map(|l| Entry {
                        title: self.rich(Some(&l.language)),
                        subtitle: self.rich(l.fluency.as_deref()),
                        level: l.fluency.clone(),
                        ..Entry::default()
                    })
                    .collect()
            }
            "interests" => {
                section.entries = p
                    .interests
                    .iter()
                    .map(|i| Entry {
                        title: self.rich(Some(&i.name)),
                        tags: plain_all(&i.keywords),
                        ..Entry::default()
                    })
                    .collect()
            }
            "references" => {
                section.entries = p
                    .references
                    .iter()
                    .map(|r| {
                        let who: Vec<&str> = [r.role.as_deref(), r.organization.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect();
                        Entry {
                            title: self.rich(Some(&r.name)),
                            subtitle: self.rich(
                                Some(&who.join(", "))
                                    .filter(|s| !s.is_empty())
                                    .map(String::as_str),
                            ),
                            text: self.prose(r.reference.as_deref()),
                            ..Entry::default()
                        }
                    })
                    .collect()
            }
            _ => return None,
        }
        (!section.entries.is_empty()).then_some(section)
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
        highlights: &[Bullet],
        stack: &[String],
        blocks: &[Block],
    ) -> Entry {
        Entry {
            title: self.rich(position),
            subtitle: self.rich(team),
            location: location.map(Location::display).filter(|l| !l.is_empty()),
            dates: self.dates(start, end),
            text: self.prose(summary),
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
            &w.highlights,
            &w.stack,
            &w.blocks,
        );
        let own_has_content = own.title.is_some()
            || own.subtitle.is_some()
            || own.dates.is_some()
            || !own.text.is_empty()
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
            location: w
                .location
                .as_ref()
                .map(Location::display)
                .filter(|l| !l.is_empty()),
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
            &v.highlights,
            &[],
            &[],
        );
        Entry {
            title: self.rich(v.organization.as_deref()),
            location: v
                .location
                .as_ref()
                .map(Location::display)
                .filter(|l| !l.is_empty()),
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
            location: e
                .location
                .as_ref()
                .map(Location::display)
                .filter(|l| !l.is_empty()),
            url: self.url(e.url.as_ref()),
            text: self.prose(e.summary.as_deref()),
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
            tags: plain_all(&s.keywords),
            level: s.level.clone(),
            ..Entry::default()
        }
    }

    fn custom_section(&mut self, s: &CustomSection) -> Section {
        Section {
            id: custom_section_id(s),
            kind: "custom".into(),
            title: markup::plain(&s.title),
            text: self.prose(s.text.as_deref()),
            items: self.bullets(&s.items),
            numbered: s.numbered,
            quote: self.rich(s.quote.as_deref()),
            cite: self.rich(s.cite.as_deref()),
            signature: self.rich(s.signature.as_deref()),
            footnote: None,
            blocks: self.blocks(&s.blocks),
            entries: s
                .entries
                .iter()
                .map(|e| Entry {
                    title: self.rich(e.title.as_deref()),
                    subtitle: self.rich(e.subtitle.as_deref()),
                    location: e
                        .location
                        .as_ref()
                        .map(Location::display)
                        .filter(|l| !l.is_empty()),
                    url: self.url(e.url.as_ref()),
                    dates: self
                        .date(e.date.as_ref())
                        .or_else(|| self.dates(e.start.as_ref(), e.end.as_ref())),
                    text: self.prose(e.text.as_deref()),
                    items: self.bullets(&e.items),
                    ..Entry::default()
                })
                .collect(),
        }
    }
}

/// Keywords and stacks are short labels: markup is stripped.
fn plain_all(items: &[String]) -> Vec<String> {
    items.iter().map(|i| markup::plain(i)).collect()
}

/// An employer's dates when it has one role; with several, each role has its own.
fn span_of_roles(roles: &[Entry]) -> Option<String> {
    match roles {
        [only] => only.dates.clone(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::profile::load::parse;

    fn data(text: &str) -> LayoutData {
        let parsed = parse(SourceFile::new("x.toml", text)).unwrap();
        build(&parsed.profile, &Theme::default(), None).0
    }

    #[test]
    fn single_role_work_becomes_one_role() {
        let d = data(
            "[basics]\nname = \"A\"\n[[work]]\nname = \"Acme\"\nposition = \"Dev\"\nstart = \"2020-01\"\nend = \"present\"\n",
        );
        let work = &d.sections[0];
        assert_eq!(work.id, "work");
        assert_eq!(work.title, "Experience");
        assert_eq!(work.entries[0].roles.len(), 1);
        assert_eq!(
            work.entries[0].roles[0].dates.as_deref(),
            Some("Jan 2020 – Present")
        );
    }

    #[test]
    fn order_hide_and_titles() {
        let text = "[basics]\nname = \"A\"\nsummary = \"Hi\"\n[titles]\nskills = \"Toolbox\"\n[[skills]]\nname = \"Rust\"\n[[sections]]\ntitle = \"Closing\"\ntext = \"Bye\"\n";
        let theme = Theme {
            section_order: vec!["closing".into(), "skills".into()],
            hide: vec!["summary".into()],
            ..Theme::default()
        };
        let parsed = parse(SourceFile::new("x.toml", text)).unwrap();
        let d = build(&parsed.profile, &theme, None).0;
        let ids: Vec<&str> = d.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["closing", "skills"]);
        assert_eq!(d.sections[1].title, "Toolbox");
    }

    #[test]
    fn meta_and_contacts() {
        let d = data(
            "[basics]\nname = \"**Ada** L\"\nemail = \"a@b.co\"\nurl = \"ada.dev\"\n[[skills]]\nname = \"Lang\"\nkeywords = [\"Rust\", \"Go\"]\n",
        );
        assert_eq!(d.meta.title, "Ada L — CV");
        assert_eq!(d.meta.keywords, ["Lang", "Rust", "Go"]);
        assert_eq!(
            d.basics.contacts[1].link.as_deref(),
            Some("https://ada.dev")
        );
    }

    #[test]
    fn empty_sections_are_warned_about() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\n[numbers]\n[[sections]]\ntitle = \"Notes\"\n",
        ))
        .unwrap();
        let (_, warnings) = build(&parsed.profile, &Theme::default(), None);
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "section `numbers` has no items and is left out",
                "section `notes` has a title but no content"
            ]
        );
    }

    #[test]
    fn unsafe_links_are_dropped_with_a_warning() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\nlabel = \"[x](javascript:alert(1))\"\n",
        ))
        .unwrap();
        let (d, warnings) = build(&parsed.profile, &Theme::default(), None);
        assert_eq!(warnings.len(), 1);
        assert!(d.basics.label.unwrap().iter().all(|s| s.link.is_none()));
    }
}
