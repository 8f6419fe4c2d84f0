//! The documentation's examples are real: they parse and validate.

use crate::common::api::{SourceFile, load, validate};
use crate::common::repo;

/// The first ```toml block of a Markdown file.
fn first_toml_block(doc: &str) -> &str {
    let start = doc.find("```toml\n").expect("the file has a toml example") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    &doc[start..end]
}

#[test]
fn the_annotated_example_in_docs_profile_md_is_a_valid_profile() {
    let doc = std::fs::read_to_string(repo().join("docs/profile.md")).unwrap();
    let parsed = load::parse(SourceFile::new("docs/profile.md", first_toml_block(&doc)))
        .unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors.iter().map(|e| e.render(false)).collect::<String>()
            )
        });
    let problems = validate::validate(&parsed);
    assert!(
        problems.is_empty(),
        "{}",
        problems.iter().map(|e| e.render(false)).collect::<String>()
    );
}

#[test]
fn the_readme_example_is_a_valid_profile() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let parsed = load::parse(SourceFile::new("README.md", first_toml_block(&readme)))
        .expect("README example parses");
    assert!(validate::validate(&parsed).is_empty());
}

/// Every ```toml block of a Markdown file, in order.
fn toml_blocks(doc: &str) -> Vec<&str> {
    doc.split("```toml\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .collect()
}

#[test]
fn the_readme_examples_render_and_print_what_they_promise() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    // The README's blocks build one profile: a minimal one, then variants.
    let profile = toml_blocks(&readme).join("\n");
    let dir = crate::common::Sandbox::new().profile("me.toml", &profile);
    dir.run(&["render", "me.toml"]).ok();
    dir.run(&["render", "me.toml", "--all-variants"]).ok();
    let text = crate::common::pdf_text(dir.join("me.pdf"));
    // docs/profile.md: `$` prints as written, `**…**` is bold.
    for promised in ["Saved $2 million a year", "Cut p99 latency by 80%"] {
        assert!(text.contains(promised), "“{promised}” in {text}");
    }
    assert!(dir.exists("me-backend.pdf"));
}
