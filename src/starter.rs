//! `vitae new`: a commented starter profile with every section once.

const TEMPLATE: &str = include_str!("starter.toml");

/// The starter profile for `name` (quoted as a TOML string, so any name is safe).
pub fn profile(name: &str) -> String {
    TEMPLATE.replace(
        "{name}",
        &toml::Value::String(name.trim().to_string()).to_string(),
    )
}

/// "Ada Quill" → "ada-quill"; falls back to "profile" for names with no
/// letters or digits.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-').to_string();
    if stem.is_empty() {
        "profile".into()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_and_slugged() {
        let parsed: toml::Value = toml::from_str(&profile("Zoë \"Zed\" Ünal")).unwrap();
        assert_eq!(parsed["basics"]["name"].as_str(), Some("Zoë \"Zed\" Ünal"));
        assert_eq!(file_stem("Zoë Ünal"), "zoë-ünal");
        assert_eq!(file_stem("  Ada  Quill "), "ada-quill");
        assert_eq!(file_stem("!!!"), "profile");
    }
}
