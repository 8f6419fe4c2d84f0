//! Variants: tailored versions of one profile, chosen by tag.
//!
//! A profile lists everything once; entries and bullets carry `tags`, and each
//! `[[variants]]` table names the tags it keeps or drops. Applying a variant
//! prunes the parsed [`Profile`] before it becomes layout data, so layouts
//! never know variants exist. Untagged content is in every variant: tagging
//! is opt-in, one entry at a time.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, one_of};
use crate::profile::model::*;

/// Which tagged content a variant keeps.
struct Selection {
    include: BTreeSet<String>,
    exclude: BTreeSet<String>,
}

impl Selection {
    fn of(variant: &Variant) -> Self {
        let set =
            |tags: &[toml::Spanned<String>]| tags.iter().map(|t| t.get_ref().clone()).collect();
        Self {
            include: set(&variant.include),
            exclude: set(&variant.exclude),
        }
    }

    fn keeps(&self, tags: &[String]) -> bool {
        if tags.is_empty() {
            return true;
        }
        let any_in = |set: &BTreeSet<String>| tags.iter().any(|t| set.contains(t));
        (self.include.is_empty() || any_in(&self.include)) && !any_in(&self.exclude)
    }
}

/// Content that carries tags and may hold tagged children.
trait Tagged {
    fn tags(&self) -> &[String];
    /// Drops the children `selection` leaves out, recursively.
    fn prune(&mut self, selection: &Selection);
    /// Adds this item's tags and its children's to `out`.
    fn collect_tags(&self, out: &mut BTreeSet<String>);
}

fn keep<T: Tagged>(list: &mut Vec<T>, selection: &Selection) {
    list.retain(|item| selection.keeps(item.tags()));
    for item in list {
        item.prune(selection);
    }
}

/// Implements [`Tagged`] for a type with a `tags` field and the listed
/// fields of tagged children.
macro_rules! tagged {
    ($($ty:ty => [$($child:ident),*];)*) => {$(
        impl Tagged for $ty {
            fn tags(&self) -> &[String] {
                &self.tags
            }
            #[allow(unused_variables)]
            fn prune(&mut self, selection: &Selection) {
                $(keep(&mut self.$child, selection);)*
            }
            fn collect_tags(&self, out: &mut BTreeSet<String>) {
                out.extend(self.tags.iter().cloned());
                $(for child in &self.$child { child.collect_tags(out); })*
            }
        }
    )*};
}

tagged! {
    SocialProfile => [];
    KeyNumber => [];
    Work => [highlights, blocks, roles];
    Role => [highlights, blocks];
    Volunteer => [highlights];
    Education => [highlights];
    Project => [highlights];
    Skill => [];
    Award => [];
    Certificate => [];
    Publication => [];
    Language => [];
    Interest => [];
    Reference => [];
    CustomSection => [items, entries, blocks];
    CustomEntry => [items];
    Block => [items];
    Bullet => [items];
}

/// Calls `each` with every top-level list of tagged content; `iter` is
/// `iter` or `iter_mut`, for the optional key numbers.
macro_rules! each_list {
    ($profile:expr, $each:ident, $iter:ident) => {{
        let p = $profile;
        $each!(p.basics.profiles);
        for numbers in p.numbers.$iter() {
            $each!(numbers.items);
        }
        $each!(p.work);
        $each!(p.volunteer);
        $each!(p.education);
        $each!(p.projects);
        $each!(p.skills);
        $each!(p.awards);
        $each!(p.certificates);
        $each!(p.publications.entries);
        $each!(p.languages);
        $each!(p.interests);
        $each!(p.references);
        $each!(p.sections);
    }};
}

/// Every tag used anywhere in the profile's content.
pub fn all_tags(profile: &Profile) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    macro_rules! collect {
        ($list:expr) => {
            for item in &$list {
                item.collect_tags(&mut out);
            }
        };
    }
    each_list!(profile, collect, iter);
    out
}

/// The index of the variant called `name`, with a did-you-mean when there is none.
pub fn find(profile: &Profile, name: &str) -> Result<usize, Diagnostic> {
    let names = profile.variants.iter().map(|v| v.name.get_ref().as_str());
    find_named(names.collect(), name, Code::UnknownVariant, "variant").map_err(|none| {
        none.unwrap_or_else(|| {
            Diagnostic::error(Code::UnknownVariant, format!("no variant `{name}`: this profile defines no variants"))
                .hint("add a `[[variants]]` table with `name`, `include` and `exclude` tags (docs/profile.md, \"Variants\")")
        })
    })
}

/// The index of the letter called `name`, with a did-you-mean when there is none.
pub fn find_letter(profile: &Profile, name: &str) -> Result<usize, Diagnostic> {
    let names = profile.letters.iter().map(|l| l.name.get_ref().as_str());
    find_named(names.collect(), name, Code::UnknownLetter, "letter").map_err(|none| {
        none.unwrap_or_else(|| {
            Diagnostic::error(Code::UnknownLetter, format!("no letter `{name}`: this profile has no letters"))
                .hint("add a `[[letters]]` table with `name`, `recipient`, `subject` and `body` (docs/profile.md, \"Cover letters\")")
        })
    })
}

/// The index of `name` among `names` (of one `kind`: "variant"). When it is
/// not there: the error naming the others with a did-you-mean, or `None`
/// when there are no others, for the caller to say how to add one.
fn find_named(
    names: Vec<&str>,
    name: &str,
    code: Code,
    kind: &str,
) -> Result<usize, Option<Diagnostic>> {
    if let Some(index) = names.iter().position(|n| *n == name) {
        return Ok(index);
    }
    if names.is_empty() {
        return Err(None);
    }
    Err(Some(
        Diagnostic::error(code, format!("no {kind} `{name}` in this profile"))
            .expected(format!("one of {}", one_of(&names)))
            .suggest(name, names.iter().copied()),
    ))
}

/// Turns `profile` into the letter called `name`: the header (who writes,
/// and how to reach them) stays, the CV's sections go, and the letter takes
/// their place. Run after [`apply`], so a variant's headline, layout and
/// theme apply to its letter too.
pub fn keep_letter(profile: &mut Profile, name: &str) -> Result<(), Diagnostic> {
    let index = find_letter(profile, name)?;
    let letter = std::mem::take(&mut profile.letters).swap_remove(index);
    let mut basics = std::mem::take(&mut profile.basics);
    basics.summary = None;
    basics.signature = None;
    let kept = Profile {
        basics,
        cover: None,
        numbers: None,
        work: Vec::new(),
        volunteer: Vec::new(),
        education: Vec::new(),
        projects: Vec::new(),
        skills: Vec::new(),
        awards: Vec::new(),
        certificates: Vec::new(),
        publications: Publications::default(),
        languages: Vec::new(),
        interests: Vec::new(),
        references: Vec::new(),
        sections: Vec::new(),
        variants: Vec::new(),
        letters: Vec::new(),
        letter: Some(letter),
        titles: BTreeMap::new(),
        intros: BTreeMap::new(),
        words: std::mem::take(&mut profile.words),
        locale: profile.locale.take(),
        layout: profile.layout.take(),
        output: profile.output.take(),
        theme: std::mem::take(&mut profile.theme),
    };
    *profile = kept;
    Ok(())
}

/// Tailors `profile` to the variant called `name`: prunes tagged content,
/// swaps in the variant's headline and summary, and lays its theme and
/// layout over the profile's. Returns the variant's own `output`, if any.
pub fn apply(profile: &mut Profile, name: &str) -> Result<Option<String>, Diagnostic> {
    let index = find(profile, name)?;
    // A tailored profile has no variants of its own left.
    let variant = std::mem::take(&mut profile.variants).swap_remove(index);
    let selection = Selection::of(&variant);
    macro_rules! prune {
        ($list:expr) => {
            keep(&mut $list, &selection)
        };
    }
    each_list!(&mut *profile, prune, iter_mut);
    if variant.label.is_some() {
        profile.basics.label = variant.label;
    }
    if variant.summary.is_some() {
        profile.basics.summary = variant.summary;
    }
    if variant.layout.is_some() {
        profile.layout = variant.layout;
    }
    if variant.anonymous {
        anonymise(profile);
    }
    profile.theme.extend(variant.theme);
    Ok(variant.output.map(|o| o.into_inner()))
}

/// Leaves out what identifies the person, for blind hiring: the name,
/// contact details, photo, profiles, every signature (a signature is a
/// name) and the references (who vouches for someone names them).
fn anonymise(profile: &mut Profile) {
    let b = &mut profile.basics;
    b.name = None;
    b.email = None;
    b.phone = None;
    b.url = None;
    b.location = None;
    b.photo = None;
    b.signature = None;
    b.date_of_birth = None;
    b.nationality = None;
    b.driving_licence = None;
    b.profiles.clear();
    profile.references.clear();
    let unsign = |blocks: &mut Vec<Block>| blocks.iter_mut().for_each(|b| b.signature = None);
    for work in &mut profile.work {
        unsign(&mut work.blocks);
        work.roles.iter_mut().for_each(|r| unsign(&mut r.blocks));
    }
    for section in &mut profile.sections {
        section.signature = None;
        unsign(&mut section.blocks);
    }
}

/// `me.pdf` → `me-backend.pdf`: where a variant goes when nothing else says.
pub fn suffixed(path: &Path, variant: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{variant}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{variant}"),
    };
    path.with_file_name(name)
}

/// Whether a variant name can be part of a file name on every system.
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// What a run must know of a profile before rendering it: its variants and
/// the outputs it names. Read without checking the rest of the file; a file
/// that cannot be read this way has an empty outline, and rendering it then
/// reports what is wrong.
#[derive(Debug, Default, Deserialize)]
pub struct Outline {
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub variants: Vec<OutlinedVariant>,
    #[serde(default)]
    pub letters: Vec<OutlinedLetter>,
}

/// A letter in an [`Outline`].
#[derive(Debug, Default, Deserialize)]
pub struct OutlinedLetter {
    pub name: String,
}

/// A variant in an [`Outline`].
#[derive(Debug, Default, Deserialize)]
pub struct OutlinedVariant {
    pub name: String,
    #[serde(default)]
    pub output: Option<String>,
    /// The cover letter rendering the variant also writes.
    #[serde(default)]
    pub letter: Option<String>,
}

impl Outline {
    pub fn of(path: &Path) -> Outline {
        crate::files::read_profile(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .filter(|text| crate::profile::too_deep(text, crate::limits::NESTING).is_none())
            .and_then(|text| toml::from_str::<Outline>(&text).ok())
            .unwrap_or_default()
    }

    /// The letter a variant names, if any.
    pub fn letter_of(&self, variant: &str) -> Option<String> {
        let own = self.variants.iter().find(|v| v.name == variant)?;
        own.letter.clone()
    }

    /// The profile's and the variant's own outputs, as [`OwnOutput`] holds them.
    pub fn own_output<'a>(&'a self, variant: Option<&'a str>) -> crate::output::OwnOutput<'a> {
        crate::output::OwnOutput {
            profile: self.output.as_deref(),
            variant: variant.map(|name| {
                let own = self.variants.iter().find(|v| v.name == name);
                (name, own.and_then(|v| v.output.as_deref()))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::profile::load::parse;

    const PROFILE: &str = r#"
[basics]
name = "Ada"
label = "Engineer"

[[work]]
name = "Acme"
highlights = [
  "untagged",
  { text = "backend bullet", tags = ["backend"] },
  { text = "ml bullet", tags = ["ml"] },
  { text = "both", tags = ["backend", "ml"] },
]

[[work]]
name = "Lab"
tags = ["ml"]

[[projects]]
name = "secret"
tags = ["private"]

[[variants]]
name = "backend"
include = ["backend"]
label = "Backend Engineer"
theme = { pages = 1 }

[[variants]]
name = "public"
exclude = ["private"]
output = "pub.pdf"
"#;

    fn profile() -> Profile {
        parse(SourceFile::new("me.toml", PROFILE)).unwrap().profile
    }

    fn texts(bullets: &[Bullet]) -> Vec<&str> {
        bullets.iter().filter_map(|b| b.text.as_deref()).collect()
    }

    #[test]
    fn include_keeps_untagged_and_matching_content() {
        let mut p = profile();
        assert_eq!(apply(&mut p, "backend").unwrap(), None);
        assert_eq!(p.work.len(), 1, "the ml-only employer is left out");
        assert_eq!(
            texts(&p.work[0].highlights),
            ["untagged", "backend bullet", "both"]
        );
        assert!(p.projects.is_empty(), "tagged private, not included");
        assert_eq!(p.basics.label.as_deref(), Some("Backend Engineer"));
        assert!(p.theme.contains_key("pages"));
    }

    #[test]
    fn exclude_only_drops_what_it_names() {
        let mut p = profile();
        assert_eq!(apply(&mut p, "public").unwrap().as_deref(), Some("pub.pdf"));
        assert_eq!(p.work.len(), 2);
        assert_eq!(p.work[0].highlights.len(), 4);
        assert!(p.projects.is_empty());
        assert_eq!(p.basics.label.as_deref(), Some("Engineer"));
    }

    #[test]
    fn unknown_variants_get_a_suggestion() {
        let mut p = profile();
        let error = apply(&mut p, "bakend").unwrap_err();
        assert_eq!(&*error.message, "no variant `bakend` in this profile");
        assert!(error.hints[0].contains("`backend`"), "{error:?}");
    }

    #[test]
    fn tags_are_collected_from_nested_content() {
        let tags = all_tags(&profile());
        assert_eq!(
            tags.into_iter().collect::<Vec<_>>(),
            ["backend", "ml", "private"]
        );
    }

    #[test]
    fn output_names_and_variant_names() {
        assert_eq!(
            suffixed(Path::new("out/me.pdf"), "ml"),
            PathBuf::from("out/me-ml.pdf")
        );
        assert!(is_valid_name("backend-2026") && is_valid_name("ml_ops"));
        assert!(!is_valid_name("a/b") && !is_valid_name("") && !is_valid_name("x y"));
    }
}
