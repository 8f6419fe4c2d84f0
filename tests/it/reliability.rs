//! Hostile or broken input: bounded compiles, a photo sandbox that holds,
//! strict mode, and located messages for every kind of mistake.

use std::time::{Duration, Instant};

use crate::common::*;

#[test]
fn a_runaway_layout_stops_at_the_time_limit_and_the_batch_goes_on() {
    let dir = Sandbox::new()
        .file(
            "slow/main.typ",
            "#for i in range(100000) { for j in range(100000) { } }\n",
        )
        .profile(
            "a-slow.toml",
            "layout = \"slow\"\n[basics]\nname = \"Slow\"\n",
        )
        .profile("b-fine.toml", "[basics]\nname = \"Fine\"\n");
    let started = Instant::now();
    let output = dir.run(&["render", ".", "--timeout", "1", "-j", "1"]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(output.code, Some(1));
    assert!(
        output
            .stderr
            .contains("layout `slow` exceeded the time limit (1 s)"),
        "{}",
        output.stderr
    );
    assert!(
        dir.join("b-fine.pdf").is_file(),
        "the rest of the batch rendered"
    );
    assert!(!dir.exists("a-slow.pdf"));
}

/// A real PNG, made by vitae itself.
pub fn png() -> Vec<u8> {
    let dir = Sandbox::new();
    let profile = example("sam-export");
    dir.run(&[
        "render", &profile, "-o", "shot.pdf", "-f", "png", "--ppi", "20",
    ])
    .ok();
    dir.read("shot-1.png")
}

/// Renders `cv/me.toml`, whose photo is `photo`.
fn render_with_photo(dir: &Sandbox, photo: &str) -> Run {
    dir.write(
        "cv/me.toml",
        format!("[basics]\nname = \"Ada\"\nphoto = '{photo}'\n"),
    );
    dir.run(&["render", "cv/me.toml"])
}

#[test]
fn a_photo_inside_the_profile_folder_is_embedded() {
    let dir = Sandbox::new().file("cv/me.png", png());
    render_with_photo(&dir, "me.png").ok();
    let images = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(dir.join("cv/me.pdf"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&images.stdout).lines().count() > 2,
        "the PDF holds an image"
    );
}

#[test]
fn every_photo_escape_is_refused() {
    let dir = Sandbox::new()
        .file("outside.png", png())
        .symlink("outside.png", "cv/link.png")
        .file("cv/fake.png", "not a png at all")
        .file("cv/notes.txt", "text")
        .sized("cv/huge.jpg", 11 * 1024 * 1024);
    let outside = dir.arg("outside.png");
    let cases = [
        ("../outside.png", "without `..`"),
        (outside.as_str(), "without `..`"),
        ("link.png", "leads outside the profile's folder"),
        ("fake.png", "is not really a PNG file"),
        ("notes.txt", "is not a PNG, JPEG or SVG file"),
        ("huge.jpg", "is larger than 10 MiB, the limit for a photo"),
        ("missing.png", "does not exist next to the profile"),
    ];
    for (photo, reason) in cases {
        let output = render_with_photo(&dir, photo);
        assert_eq!(output.code, Some(1), "{photo} must be refused");
        let err = &output.stderr;
        assert!(
            err.contains("photo refused") && err.contains(reason),
            "{photo}: {err}"
        );
        assert!(
            err.contains("me.toml:3:9") && err.contains("key: basics.photo"),
            "{photo}: {err}"
        );
        assert!(!dir.exists("cv/me.pdf"));
    }
}

#[test]
fn strict_mode_fails_on_an_empty_section_and_a_one_page_overflow() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"Ada\"\n[[sections]]\ntitle = \"Notes\"\n",
    );
    let relaxed = dir.run(&["render", "me.toml"]);
    assert!(relaxed.success());
    assert!(
        relaxed
            .stderr
            .contains("section `notes` has a title but no content"),
        "{}",
        relaxed.stderr
    );
    let strict = dir.run(&["render", "me.toml", "--strict"]);
    assert_eq!(strict.code, Some(1), "{}", strict.stderr);

    let classic = repo().join("layouts/classic");
    let manifest = std::fs::read_to_string(classic.join("layout.toml")).unwrap();
    let dir = dir
        .copy(classic.join("main.typ"), "one-page/main.typ")
        .file(
            "one-page/layout.toml",
            manifest.replace("name = \"classic\"", "name = \"one-page\"\nmax_pages = 1"),
        );
    let profile = example("priya-raman");
    let args = ["render", &profile, "--layout", "./one-page", "-o", "p.pdf"];
    let relaxed = dir.run(&args).ok();
    assert!(
        relaxed
            .stderr
            .contains("layout `one-page` is meant for 1 page; this profile fills 2"),
        "{}",
        relaxed.stderr
    );
    let strict = dir.run(&[&args[..], &["--strict"]].concat());
    assert_eq!(strict.code, Some(1));
}

#[test]
fn theme_and_layout_mistakes_in_a_profile_are_located() {
    let dir = Sandbox::new().profile("me.toml", "layout = \"modrn\"\n[basics]\nname = \"Ada\"\n");
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("unknown layout") && err.contains("me.toml:1:10") && err.contains("`classic`"),
        "{err}"
    );

    dir.write(
        "me.toml",
        "[basics]\nname = \"Ada\"\n[theme]\npaper = \"a5\"\nacent = \"#123456\"\n",
    );
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("bad value \"a5\" for `paper`")
            && err.contains("me.toml:4:9")
            && err.contains("key: theme.paper"),
        "{err}"
    );
    assert!(
        err.contains("unknown theme option `acent`") && err.contains("did you mean `accent`?"),
        "{err}"
    );
    assert!(!dir.exists("me.pdf"));
}

#[test]
fn a_folder_without_profiles_is_an_error() {
    let dir = Sandbox::new();
    let output = dir.run(&["render", "."]);
    assert_eq!(output.code, Some(1));
    assert!(
        output.stderr.contains("no *.toml profiles in this folder"),
        "{}",
        output.stderr
    );
}

#[test]
fn oversized_profiles_are_refused() {
    let filler = format!("# {}\n", "x".repeat(1000)).repeat(1100);
    let dir = Sandbox::new().profile("big.toml", &format!("[basics]\nname = \"Big\"\n{filler}"));
    let output = dir.run(&["render", "big.toml"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output
            .stderr
            .contains("the file is larger than 1 MiB, the limit for a profile"),
        "{}",
        output.stderr
    );
}
