//! The documentation's examples are real: they parse and validate.

mod common;

use vitae::diagnostic::SourceFile;
use vitae::profile::{load, validate};

#[test]
fn the_annotated_example_in_docs_profile_md_is_a_valid_profile() {
    let doc = std::fs::read_to_string(common::repo().join("docs/profile.md")).unwrap();
    let start = doc
        .find("```toml\n")
        .expect("docs/profile.md has a toml example")
        + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let parsed = load::parse(SourceFile::new("docs/profile.md", &doc[start..end])).unwrap_or_else(
        |errors| {
            panic!(
                "{}",
                errors.iter().map(|e| e.render(false)).collect::<String>()
            )
        },
    );
    let problems = validate::validate(&parsed);
    assert!(
        problems.is_empty(),
        "{}",
        problems.iter().map(|e| e.render(false)).collect::<String>()
    );
}

#[test]
fn the_readme_example_is_a_valid_profile() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let parsed = load::parse(SourceFile::new("README.md", &readme[start..end]))
        .expect("README example parses");
    assert!(validate::validate(&parsed).is_empty());
}
