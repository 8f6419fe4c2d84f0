//! `--format html`: every example page parses without one error by the
//! WHATWG parser (html5ever), has the structure it promises, holds every
//! fact in reading order, keeps profile text as text, and works in a real
//! browser (Debian's chromium, driven by `scripts/browser/check-pages.mjs`):
//! no console errors, no sideways scrolling on a phone.

use std::path::{Path, PathBuf};

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::common::*;

/// Renders every example as HTML into `dir`; returns (name, path, toml).
fn example_pages(dir: &Sandbox) -> Vec<(String, PathBuf, String)> {
    example_profiles()
        .into_iter()
        .map(|profile| {
            let name = profile.file_stem().unwrap().to_string_lossy().into_owned();
            let out = format!("{name}.html");
            dir.run(&[
                "render",
                profile.to_str().unwrap(),
                "--format",
                "html",
                "-o",
                &out,
                "-q",
            ])
            .ok();
            let toml = std::fs::read_to_string(&profile).unwrap();
            (name, dir.join(&out), toml)
        })
        .collect()
}

/// The page as browsers build it, and the parse errors on the way.
fn parse(html: &str) -> (RcDom, Vec<String>) {
    let mut options = html5ever::ParseOpts::default();
    options.tree_builder.exact_errors = true;
    let dom = html5ever::parse_document(RcDom::default(), options)
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap();
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    (dom, errors)
}

/// Every element under `node`, in document order.
fn elements(node: &Handle, found: &mut Vec<Handle>) {
    for child in node.children.borrow().iter() {
        if let NodeData::Element { .. } = child.data {
            found.push(child.clone());
        }
        elements(child, found);
    }
}

fn name(node: &Handle) -> String {
    match &node.data {
        NodeData::Element { name, .. } => name.local.to_string(),
        _ => String::new(),
    }
}

fn attribute(node: &Handle, key: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == key)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// The text a reader sees: the body's text nodes, a line per block.
fn dom_text(node: &Handle, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { .. } if matches!(name(node).as_str(), "head" | "script" | "style") => {
            return;
        }
        _ => {}
    }
    for child in node.children.borrow().iter() {
        dom_text(child, out);
    }
    if matches!(
        name(node).as_str(),
        "p" | "h1" | "h2" | "h3" | "h4" | "li" | "div" | "address" | "section"
    ) {
        out.push('\n');
    }
}

/// The JSON-LD block, parsed.
fn json_ld(all: &[Handle]) -> serde_json::Value {
    let script = all
        .iter()
        .find(|e| attribute(e, "type").as_deref() == Some("application/ld+json"))
        .expect("a JSON-LD block");
    let mut text = String::new();
    for child in script.children.borrow().iter() {
        if let NodeData::Text { contents } = &child.data {
            text.push_str(&contents.borrow());
        }
    }
    serde_json::from_str(&text).unwrap()
}

/// What every page must be, beyond parsing cleanly.
fn assert_structure(page: &str, dom: &RcDom) {
    let mut all = Vec::new();
    elements(&dom.document, &mut all);
    let count = |tag: &str| all.iter().filter(|e| name(e) == tag).count();
    let html = all.iter().find(|e| name(e) == "html").unwrap();
    assert!(
        attribute(html, "lang").is_some_and(|l| !l.is_empty()),
        "{page}: lang"
    );
    assert_eq!(count("h1"), 1, "{page}: one h1");
    assert_eq!(count("main"), 1, "{page}: one main");
    assert_eq!(count("header"), 1, "{page}: one header");
    assert!(
        count("section") >= 1 && count("section") == count("h2"),
        "{page}: a section per h2"
    );
    // Headings never skip a level.
    let mut level = 0;
    for heading in all
        .iter()
        .map(name)
        .filter(|n| matches!(n.as_str(), "h1" | "h2" | "h3" | "h4"))
    {
        let next = heading[1..].parse::<i32>().unwrap();
        assert!(next <= level + 1, "{page}: {heading} after h{level}");
        level = next;
    }
    for element in &all {
        // No script but the JSON-LD data block, no event handlers.
        if name(element) == "script" {
            assert_eq!(
                attribute(element, "type").as_deref(),
                Some("application/ld+json"),
                "{page}"
            );
        }
        if let NodeData::Element { attrs, .. } = &element.data {
            for a in attrs.borrow().iter() {
                assert!(!a.name.local.starts_with("on"), "{page}: {}", a.name.local);
            }
        }
        if let Some(href) = attribute(element, "href") {
            assert!(
                ["https://", "http://", "mailto:", "tel:"]
                    .iter()
                    .any(|s| href.starts_with(s)),
                "{page}: href {href}"
            );
        }
        if let Some(datetime) = attribute(element, "datetime") {
            let shape: String = datetime
                .chars()
                .map(|c| if c.is_ascii_digit() { '9' } else { c })
                .collect();
            assert!(
                ["9999", "9999-99", "9999-99-99"].contains(&shape.as_str()),
                "{page}: {datetime}"
            );
        }
        // An image is the photo, inside the page, described.
        if name(element) == "img" {
            assert!(
                attribute(element, "src").is_some_and(|s| s.starts_with("data:image/")),
                "{page}"
            );
            assert!(
                attribute(element, "alt").is_some_and(|a| !a.is_empty()),
                "{page}: alt"
            );
        }
        if let Some(labelled) = attribute(element, "aria-labelledby") {
            assert!(
                all.iter()
                    .any(|e| attribute(e, "id") == Some(labelled.clone())),
                "{page}: {labelled}"
            );
        }
    }
    assert!(
        count("time") > 0 || page.contains("sam-export"),
        "{page}: dates as <time>"
    );
    let person = json_ld(&all);
    assert_eq!(person["@type"], "Person", "{page}");
    assert_eq!(person["@context"], "https://schema.org", "{page}");
}

#[test]
fn every_example_page_parses_cleanly_and_has_every_fact_in_reading_order() {
    let dir = Sandbox::new();
    for (name, path, toml) in example_pages(&dir) {
        let html = std::fs::read_to_string(&path).unwrap();
        let (dom, errors) = parse(&html);
        assert!(errors.is_empty(), "{name}.html: {errors:#?}");
        assert_structure(&name, &dom);
        let mut text = String::new();
        dom_text(&dom.document, &mut text);
        assert_facts_in_text(&format!("{name}.html"), &toml, &text);
        // The name is the page's title and the Person's name.
        let mut all = Vec::new();
        elements(&dom.document, &mut all);
        let person = json_ld(&all);
        let h1 = all.iter().find(|e| name_is(e, "h1")).unwrap();
        let mut heading = String::new();
        dom_text(h1, &mut heading);
        assert_eq!(person["name"].as_str(), Some(heading.trim()), "{name}");

        // Byte-identical on a second run, and the file is left untouched.
        let before = mtime(&path);
        dir.run(&[
            "render",
            &example(&name),
            "--format",
            "html",
            "-o",
            &format!("{name}.html"),
        ])
        .ok();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), html);
        assert_eq!(mtime(&path), before);
    }
}

fn name_is(node: &Handle, tag: &str) -> bool {
    name(node) == tag
}

#[test]
fn profile_text_that_looks_like_html_prints_as_written() {
    let profile = "[basics]\nname = \"Ada </script><script>alert(1)</script>\"\n\
                   label = \"<img src=x onerror=alert(2)>\"\nemail = \"ada@example.com\"\n\
                   summary = '''\n<b>bold?</b> &amp; \"quotes\" 'too' [x](javascript:alert(3)) </main>\n'''\n\n\
                   [[work]]\nname = \"<style>body{display:none}</style>\"\nposition = \"Dev\"\nstart = \"2020\"\n\
                   highlights = [\"<a href=https://evil.example>click</a>\"]\n";
    let dir = Sandbox::new().profile("me.toml", profile);
    let run = dir.run(&["render", "me.toml", "--format", "html"]);
    assert!(run.success(), "{}", run.stderr);
    let html = std::fs::read_to_string(dir.join("me.html")).unwrap();
    let (dom, errors) = parse(&html);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_structure("me", &dom);
    let mut text = String::new();
    dom_text(&dom.document, &mut text);
    for literal in [
        "Ada </script><script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        // Quotes are typeset for the locale, as in every format.
        "<b>bold?</b> &amp; “quotes” ‘too’",
        "</main>",
        "<style>body{display:none}</style>",
        "<a href=https://evil.example>click</a>",
    ] {
        assert!(text.contains(literal), "{literal:?} not in:\n{text}");
    }
    let mut all = Vec::new();
    elements(&dom.document, &mut all);
    // Exactly the page's own elements: one style, one script (JSON-LD), no img.
    assert_eq!(all.iter().filter(|e| name_is(e, "style")).count(), 1);
    assert_eq!(all.iter().filter(|e| name_is(e, "script")).count(), 1);
    assert_eq!(all.iter().filter(|e| name_is(e, "img")).count(), 0);
    assert!(!html.contains("javascript:"), "{html}");
    assert_eq!(
        json_ld(&all)["name"],
        "Ada </script><script>alert(1)</script>"
    );
}

#[test]
fn long_generated_profiles_in_every_locale_are_proven_as_html() {
    for locale in ["en", "de", "fr", "es", "pt", "hi"] {
        let dir = Sandbox::new().profile("long.toml", &generate::long_profile(4, locale));
        let run = dir.run(&["render", "long.toml", "--format", "html"]);
        // Success means vitae's coverage proof found every fact in the page.
        assert!(run.success(), "{locale}: {}", run.stderr);
        let html = std::fs::read_to_string(dir.join("long.html")).unwrap();
        let (dom, errors) = parse(&html);
        assert!(errors.is_empty(), "{locale}: {errors:#?}");
        assert_structure(&format!("long-{locale}"), &dom);
        assert!(
            html.contains(&format!("<html lang=\"{locale}\">")),
            "{locale}"
        );
    }
}

/// What `check-pages.mjs` reports of one page.
#[derive(serde::Deserialize)]
struct BrowserReport {
    page: String,
    text: String,
    problems: Vec<String>,
    overflow: std::collections::BTreeMap<String, i64>,
}

fn browser_check(pages: &[PathBuf], screenshots: &Path) -> Vec<BrowserReport> {
    let script = repo_file("scripts/browser/check-pages.mjs");
    let mut command = std::process::Command::new("node");
    command
        .arg(&script)
        .arg("--screenshots")
        .arg(screenshots)
        .args(pages);
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("node is needed by this test ({e}): see .ci/run"));
    assert!(
        output.status.success(),
        "{} failed; it needs Debian's chromium and `npm ci --prefix scripts/browser` (see .ci/run):\n{}",
        script,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn every_example_page_works_in_a_real_browser() {
    let dir = Sandbox::new();
    let pages = example_pages(&dir);
    let paths: Vec<PathBuf> = pages.iter().map(|(_, path, _)| path.clone()).collect();
    let reports = browser_check(&paths, dir.path());
    assert_eq!(reports.len(), pages.len());
    for ((name, _, toml), report) in pages.iter().zip(&reports) {
        assert!(report.page.ends_with(&format!("{name}.html")));
        assert!(report.problems.is_empty(), "{name}: {:#?}", report.problems);
        for (width, overflow) in &report.overflow {
            assert_eq!(
                *overflow, 0,
                "{name}: scrolls sideways by {overflow} px at {width} px"
            );
        }
        assert_eq!(report.overflow.len(), 2, "{name}");
        assert_facts_in_text(&format!("{name}.html in chromium"), toml, &report.text);
    }
    // The README shows the page: refresh it when the references are.
    if std::env::var_os("VITAE_UPDATE_REFERENCES").is_some() {
        for width in [375, 1280] {
            std::fs::copy(
                dir.join(format!("priya-raman-{width}.png")),
                repo().join(format!("docs/gallery/html-{width}.png")),
            )
            .unwrap();
        }
    }
}
