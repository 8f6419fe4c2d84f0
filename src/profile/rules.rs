//! Rules of the profile format that more than one stage applies: which
//! sections are built in, what a URL, an e-mail address and an output path
//! must look like, and how a custom section gets its id.

/// The ids of the built-in sections, in their default order.
pub const BUILTIN_SECTIONS: [&str; 13] = [
    "summary",
    "numbers",
    "work",
    "projects",
    "education",
    "skills",
    "awards",
    "certificates",
    "publications",
    "volunteer",
    "languages",
    "interests",
    "references",
];

/// The keys a profile may have at its top level. A TOML file with none of
/// them is some other tool's (Cargo.toml, pyproject.toml), not a profile.
pub const PROFILE_KEYS: [&str; 24] = [
    "basics",
    "cover",
    "numbers",
    "work",
    "volunteer",
    "education",
    "projects",
    "skills",
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
    "sections",
    "variants",
    "letters",
    "titles",
    "intros",
    "words",
    "locale",
    "layout",
    "output",
    "theme",
];

/// How deep bullets may nest. Résumés use two levels; the limit keeps absurd
/// nesting from reaching Typst (whose own limit would surface as a layout error).
pub const MAX_BULLET_DEPTH: usize = 5;

use super::model::CustomSection;

/// A custom section's id: given, or derived from its title; an untitled
/// section is `section-N`, N counting `[[sections]]` from 1.
pub fn custom_section_id(section: &CustomSection, index: usize) -> String {
    match &section.id {
        Some(id) => id.get_ref().clone(),
        None => match id_from_title(&section.title) {
            id if id.is_empty() => format!("section-{}", index + 1),
            id => id,
        },
    }
}

/// Every section id of a profile: the built-in ones, then its own.
pub fn section_ids(profile: &super::model::Profile) -> Vec<String> {
    let builtin = BUILTIN_SECTIONS.iter().map(|id| id.to_string());
    let custom = (profile.sections.iter().enumerate()).map(|(i, s)| custom_section_id(s, i));
    builtin.chain(custom).collect()
}

/// The id a custom section gets from its title: "Open Source!" → `open-source`.
pub fn id_from_title(title: &str) -> String {
    let mut id = String::new();
    for c in crate::markup::plain(title).chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// A profile's `output` must stay inside the profile's folder and be a PDF.
pub fn check_output(path: &str) -> Result<(), String> {
    let path = std::path::Path::new(path);
    if path.is_absolute()
        || path.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
    {
        return Err(format!("`{}` leaves the profile's folder", path.display()));
    }
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
    {
        return Err(format!("`{}` does not end in .pdf", path.display()));
    }
    Ok(())
}

/// Accepts `https://…`, `http://…`, `mailto:…` and bare addresses like
/// `asha.dev/cv` (shown as written, linked with https).
pub fn check_url(url: &str) -> Result<(), String> {
    if url.trim().is_empty() {
        return Err("the URL is empty".into());
    }
    if url.chars().any(char::is_whitespace) {
        return Err(format!("`{url}` contains a space"));
    }
    if let Some(address) = url.strip_prefix("mailto:") {
        return if is_email(address) {
            Ok(())
        } else {
            Err(format!("`{url}` is not a mail address"))
        };
    }
    let rest = match url.split_once("://") {
        Some(("http" | "https", rest)) => rest,
        Some((scheme, _)) => {
            return Err(format!("the scheme `{scheme}:` is not allowed; use https"));
        }
        None if url.contains(':') && !url.contains('.') => {
            return Err(format!("`{url}` is not a web address"));
        }
        None => url,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let plausible = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if host == "localhost" || plausible {
        Ok(())
    } else {
        Err(format!("`{url}` has no valid host name"))
    }
}

/// The URL to link to: bare addresses get `https://`.
pub fn link_target(url: &str) -> String {
    if url.contains("://") || url.starts_with("mailto:") {
        url.to_string()
    } else {
        format!("https://{url}")
    }
}

pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}
