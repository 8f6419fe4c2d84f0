//! Building layout data: the entry point, the document's metadata and the
//! header, and the conversions every section shares (rich text, links,
//! dates, bullets, blocks).

use crate::dates::{self, DateStyle};
use crate::diagnostic::{Code, Diagnostic};
use crate::locale::{self, Words};
use crate::markup;
use crate::profile::model::*;
use crate::profile::rules::{check_url, link_target};
use crate::theme::Theme;

use super::typeset::{self, Rules};
use super::*;

/// Builds layout data; warnings (e.g. a link with a bad address) are returned
/// alongside.
pub fn build(
    profile: &Profile,
    theme: &Theme,
    locale_code: &str,
    extras: Extras,
) -> (LayoutData, Vec<Diagnostic>) {
    let mut builder = Builder::new(locale_code, theme, &profile.words);
    builder.references = extras.references;
    let words = builder.words.clone();
    let data = LayoutData {
        data_version: DATA_VERSION,
        meta: meta(profile, locale_code),
        words,
        theme: theme.layout_options.clone(),
        basics: builder.basics(&profile.basics, extras.photo.map(String::from)),
        cover: profile.cover.as_ref().map(|c| CoverData {
            title: builder.rich(c.title.as_deref()),
            subtitle: builder.rich(c.subtitle.as_deref()),
            volume: builder.rich(c.volume.as_deref()),
            status: builder.rich(c.status.as_deref()),
        }),
        sections: builder.sections(profile, theme),
        letter: profile
            .letter
            .as_ref()
            .map(|l| builder.letter(l, &profile.basics)),
    };
    (data, builder.warnings)
}

fn meta(profile: &Profile, locale: &str) -> Meta {
    let name = name_of(&profile.basics);
    let keywords = skill_names(&profile.skills);
    // An anonymous CV is titled by its headline, and has no author.
    let heading = name
        .clone()
        .or_else(|| profile.basics.label.as_deref().map(markup::plain))
        .filter(|h| !h.is_empty());
    // A letter is titled by its subject.
    let what = profile
        .letter
        .as_ref()
        .map(|l| l.subject.as_deref().map_or("Letter".into(), markup::plain))
        .unwrap_or_else(|| "CV".into());
    Meta {
        title: match heading {
            Some(heading) => format!("{heading} — {what}"),
            None => what,
        },
        author: name.into_iter().collect(),
        keywords,
        locale: locale.to_string(),
        generator: format!("vitae {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The skills themselves, for the PDF keywords a search indexes: a group's
/// keywords ("Kotlin", "Go"), not its name ("Languages"); a skill without
/// keywords is a single skill, named by its name. Each once, first mention
/// first.
fn skill_names(skills: &[Skill]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for skill in skills {
        let own = match skill.keywords.as_slice() {
            [] => vec![markup::plain(&skill.name)],
            keywords => keywords.iter().map(|k| markup::plain(&k.name)).collect(),
        };
        for name in own {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Converts profile values into layout data, collecting warnings (a link
/// dropped for a bad address) on the way.
pub(super) struct Builder {
    pub(super) words: Words,
    /// The locale's code, for what its words alone do not say.
    pub(super) locale: String,
    style: DateStyle,
    /// How prose is typeset in the locale (quotes, dashes, spaces).
    rules: &'static Rules,
    pub(super) warnings: Vec<Diagnostic>,
    /// Whether the layout shows personal details (its `personal` option).
    pub(super) personal: bool,
    /// The `.bib` references, listed with the publications.
    pub(super) references: std::sync::Arc<[crate::bibliography::Reference]>,
}

impl Builder {
    pub(super) fn new(locale_code: &str, theme: &Theme, own: &OwnWords) -> Self {
        let words =
            locale::words(locale_code).unwrap_or_else(|| locale::words("en").expect("en exists"));
        Builder {
            words: words.with_own(own),
            locale: locale_code.to_string(),
            style: theme.date_style,
            rules: Rules::of(locale_code),
            warnings: Vec::new(),
            personal: shows_personal(theme),
            references: Default::default(),
        }
    }

    /// Parses inline text.
    pub(super) fn rich(&mut self, text: Option<&str>) -> Option<Rich> {
        let spans = markup::parse(text?.trim());
        // Markup alone ("``", "****") prints nothing: no spans, no value.
        if spans.iter().all(|s| s.text.is_empty()) {
            return None;
        }
        Some(self.paragraph(spans))
    }

    /// Parses prose into paragraphs.
    pub(super) fn prose(&mut self, text: Option<&str>) -> Vec<Rich> {
        let Some(text) = text else { return Vec::new() };
        markup::paragraphs(text)
            .into_iter()
            .map(|p| self.paragraph(p))
            .collect()
    }

    /// A title the profile writes (a section's): plain text, typeset.
    pub(super) fn title(&self, text: &str) -> String {
        let spans = typeset::spans(markup::parse(text), self.rules);
        spans.into_iter().map(|s| s.text).collect()
    }

    /// One parsed paragraph as layouts get it: typeset, links checked.
    /// Every piece of profile prose passes here, once.
    fn paragraph(&mut self, spans: Rich) -> Rich {
        let spans = typeset::spans(spans, self.rules);
        self.checked_links(spans)
    }

    /// Links with unsafe or malformed targets lose the link (the text stays)
    /// and earn a warning; bare addresses get `https://`.
    fn checked_links(&mut self, mut spans: Rich) -> Rich {
        for span in &mut spans {
            if let Some(target) = &span.link {
                match check_url(target) {
                    Ok(()) => span.link = Some(link_target(target)),
                    Err(problem) => {
                        self.warnings.push(
                            Diagnostic::warning(
                                Code::LinkDropped,
                                format!("link \"{}\" dropped: {problem}", span.text),
                            )
                            .find(target.as_str()),
                        );
                        span.link = None;
                    }
                }
            }
        }
        spans
    }

    pub(super) fn dates(
        &self,
        start: Option<&toml::Spanned<DateInput>>,
        end: Option<&toml::Spanned<DateInput>>,
    ) -> Option<Dates> {
        let point = |d: Option<&toml::Spanned<DateInput>>, present| {
            d.and_then(|d| d.get_ref().point(present).ok())
        };
        let parts = dates::range_parts(
            point(start, false),
            point(end, true),
            self.style,
            &self.words,
        );
        Dates::new(parts)
    }

    pub(super) fn date(&self, date: Option<&toml::Spanned<DateInput>>) -> Option<Dates> {
        self.dates(date, None)
    }

    pub(super) fn bullets(&mut self, bullets: &[Bullet]) -> Vec<BulletData> {
        bullets
            .iter()
            .map(|b| BulletData {
                label: self.rich(b.label.as_deref()),
                text: self.rich(b.text.as_deref()),
                items: self.bullets(&b.items),
            })
            .collect()
    }

    pub(super) fn blocks(&mut self, blocks: &[Block]) -> Vec<BlockData> {
        blocks
            .iter()
            .map(|b| BlockData {
                title: self.rich(b.title.as_deref()),
                text: self.prose(b.text.as_deref()),
                details: self.details(&b.details),
                items: self.bullets(&b.items),
                numbered: b.numbered,
                quote: self.rich(b.quote.as_deref()),
                cite: self.rich(b.cite.as_deref()),
                signature: self.rich(b.signature.as_deref()),
            })
            .collect()
    }

    /// Labelled details; one without a value is left out, one without a
    /// label is its value alone.
    pub(super) fn details(&mut self, details: &[Detail]) -> Vec<DetailData> {
        details
            .iter()
            .filter_map(|d| {
                Some(DetailData {
                    value: self.rich(Some(&d.value))?,
                    label: self.rich(Some(&d.label)),
                })
            })
            .collect()
    }

    pub(super) fn url(&self, url: Option<&toml::Spanned<String>>) -> Option<LinkData> {
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
        let location = place(b.location.as_ref());
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
        let name = name_of(b);
        BasicsData {
            personal: if self.personal {
                self.personal_details(b)
            } else {
                Vec::new()
            },
            photo_alt: photo.as_ref().map(|_| self.words.photo_of(name.as_deref())),
            name,
            label: self.rich(b.label.as_deref()),
            tagline: self.rich(b.tagline.as_deref()),
            contacts,
            location,
            photo,
        }
    }
}

impl Builder {
    /// Date of birth, nationality and driving licence, each that is given,
    /// labelled in the locale.
    fn personal_details(&mut self, b: &Basics) -> Vec<DetailData> {
        let values = [&b.date_of_birth, &b.nationality, &b.driving_licence];
        let mut details = Vec::new();
        for (value, label) in values.into_iter().zip(self.words.personal) {
            if let Some(value) = self.rich(value.as_deref()) {
                let label = self.rich(Some(label));
                details.push(DetailData { label, value });
            }
        }
        details
    }
}

/// Whether the layout shows personal details: it offers a `personal`
/// option and the theme turns it on.
fn shows_personal(theme: &Theme) -> bool {
    theme.layout_options.get("personal") == Some(&serde_json::Value::Bool(true))
}

/// The name as plain text, when the profile gives one.
pub(super) fn name_of(basics: &Basics) -> Option<String> {
    let name = markup::plain(basics.name.as_ref()?.get_ref());
    (!name.trim().is_empty()).then_some(name)
}

/// A place as one line, when there is one.
pub(super) fn place(location: Option<&Location>) -> Option<String> {
    location.map(Location::display).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::profile::load::parse;

    fn data(text: &str) -> LayoutData {
        let parsed = parse(SourceFile::new("x.toml", text)).unwrap();
        build(&parsed.profile, &Theme::default(), "en", Extras::default()).0
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
            work.entries[0].roles[0]
                .dates
                .as_ref()
                .map(|d| d.text.as_str()),
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
        let d = build(&parsed.profile, &theme, "en", Extras::default()).0;
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
        assert_eq!(d.meta.keywords, ["Rust", "Go"]);
        assert_eq!(
            d.basics.contacts[1].link.as_deref(),
            Some("https://ada.dev")
        );
    }

    #[test]
    fn the_photo_has_alt_text_in_the_profile_language() {
        let parsed = parse(SourceFile::new("x.toml", "[basics]\nname = \"Ada *Q*\"\n")).unwrap();
        let photo = Some("/@vitae/photo.png".to_string());
        let d = build(
            &parsed.profile,
            &Theme::default(),
            "de",
            Extras {
                photo: photo.as_deref(),
                ..Extras::default()
            },
        )
        .0;
        assert_eq!(d.basics.photo_alt.as_deref(), Some("Foto von Ada Q"));
        assert_eq!(data("[basics]\nname = \"A\"\n").basics.photo_alt, None);
    }

    #[test]
    fn keywords_are_the_skills_not_their_groups() {
        let d = data(
            "[basics]\nname = \"A\"\n[[skills]]\nname = \"Languages\"\nkeywords = [{ name = \"**Go**\", level = \"deep\" }, \"Rust\"]\n[[skills]]\nname = \"Kotlin\"\n[[skills]]\nname = \"Systems\"\nkeywords = [\"Rust\", \"Linux\"]\n",
        );
        assert_eq!(d.meta.keywords, ["Go", "Rust", "Kotlin", "Linux"]);
    }

    #[test]
    fn empty_sections_are_warned_about() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\n[numbers]\n[[sections]]\ntitle = \"Notes\"\n",
        ))
        .unwrap();
        let (_, warnings) = build(&parsed.profile, &Theme::default(), "en", Extras::default());
        let messages: Vec<&str> = warnings.iter().map(|w| &*w.message).collect();
        assert_eq!(
            messages,
            [
                "section `numbers` has no items and is left out",
                "section `notes` has a title but no content"
            ]
        );
    }

    #[test]
    fn prose_and_titles_are_typeset_for_the_locale() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\nlabel = 'Ops \"lead\"'\nsummary = '2019-2021: `a-b`'\n[titles]\nsummary = 'Das \"Profil\"'\n",
        ))
        .unwrap();
        let d = build(&parsed.profile, &Theme::default(), "de", Extras::default()).0;
        assert_eq!(d.basics.label.unwrap()[0].text, "Ops „lead“");
        assert_eq!(d.sections[0].title, "Das „Profil“");
        let summary: Vec<&str> = d.sections[0].text[0]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(summary, ["2019–2021: ", "a-b"]);
    }

    #[test]
    fn unsafe_links_are_dropped_with_a_warning() {
        let parsed = parse(SourceFile::new(
            "x.toml",
            "[basics]\nname = \"A\"\nlabel = \"[x](javascript:alert(1))\"\n",
        ))
        .unwrap();
        let (d, warnings) = build(&parsed.profile, &Theme::default(), "en", Extras::default());
        assert_eq!(warnings.len(), 1);
        assert!(d.basics.label.unwrap().iter().all(|s| s.link.is_none()));
    }
}
