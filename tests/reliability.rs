//! Hostile or broken input: bounded compiles, a photo sandbox that holds,
//! strict mode, and located messages for every kind of mistake.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn a_runaway_layout_stops_at_the_time_limit_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("slow/main.typ"),
        "#for i in range(100000) { for j in range(100000) { } }\n",
    );
    write(
        &dir.path().join("a-slow.toml"),
        "layout = \"slow\"\n[basics]\nname = \"Slow\"\n",
    );
    write(
        &dir.path().join("b-fine.toml"),
        "[basics]\nname = \"Fine\"\n",
    );
    let started = Instant::now();
    let output = run(&[
        "render",
        dir.path().to_str().unwrap(),
        "--timeout",
        "1",
        "-j",
        "1",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("layout `slow` exceeded the time limit (1 s)"),
        "{}",
        stderr(&output)
    );
    assert!(
        dir.path().join("b-fine.pdf").is_file(),
        "the rest of the batch rendered"
    );
    assert!(!dir.path().join("a-slow.pdf").exists());
}

/// A real PNG, made by vitae itself.
fn png(dir: &Path) -> Vec<u8> {
    let out = dir.join("shot.pdf");
    let output = run(&[
        "render",
        "profiles/sam-export.toml",
        "-o",
        out.to_str().unwrap(),
        "-f",
        "png",
        "--ppi",
        "20",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    fs::read(dir.join("shot-1.png")).unwrap()
}

fn render_with_photo(dir: &Path, photo: &str) -> std::process::Output {
    let profile = dir.join("cv/me.toml");
    write(
        &profile,
        &format!("[basics]\nname = \"Ada\"\nphoto = '{photo}'\n"),
    );
    run(&["render", profile.to_str().unwrap()])
}

#[test]
fn a_photo_inside_the_profile_folder_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = png(dir.path());
    write(&dir.path().join("cv/me.png"), "");
    fs::write(dir.path().join("cv/me.png"), bytes).unwrap();
    let output = render_with_photo(dir.path(), "me.png");
    assert!(output.status.success(), "{}", stderr(&output));
    let images = std::process::Command::new("pdfimages")
        .args(["-list", dir.path().join("cv/me.pdf").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&images.stdout).lines().count() > 2,
        "the PDF holds an image"
    );
}

#[test]
fn every_photo_escape_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = png(dir.path());
    fs::write(dir.path().join("outside.png"), &bytes).unwrap();
    fs::create_dir_all(dir.path().join("cv")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("outside.png"),
        dir.path().join("cv/link.png"),
    )
    .unwrap();
    fs::write(dir.path().join("cv/fake.png"), "not a png at all").unwrap();
    fs::write(dir.path().join("cv/notes.txt"), "text").unwrap();
    let big = fs::File::create(dir.path().join("cv/huge.jpg")).unwrap();
    big.set_len(11 * 1024 * 1024).unwrap();
    let outside = dir.path().join("outside.png");
    let cases = [
        ("../outside.png", "without `..`"),
        (outside.to_str().unwrap(), "without `..`"),
        ("link.png", "leads outside the profile's folder"),
        ("fake.png", "is not really a PNG file"),
        ("notes.txt", "is not a PNG, JPEG or SVG file"),
        ("huge.jpg", "photos are limited to 10 MiB"),
        ("missing.png", "does not exist next to the profile"),
    ];
    for (photo, reason) in cases {
        let output = render_with_photo(dir.path(), photo);
        assert_eq!(output.status.code(), Some(1), "{photo} must be refused");
        let err = stderr(&output);
        assert!(
            err.contains("photo refused") && err.contains(reason),
            "{photo}: {err}"
        );
        assert!(
            err.contains("me.toml:3:9") && err.contains("key: basics.photo"),
            "{photo}: {err}"
        );
        assert!(!dir.path().join("cv/me.pdf").exists());
    }
}

#[test]
fn strict_mode_fails_on_an_empty_section_and_a_one_page_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    write(
        &profile,
        "[basics]\nname = \"Ada\"\n[[sections]]\ntitle = \"Notes\"\n",
    );
    let relaxed = run(&["render", profile.to_str().unwrap()]);
    assert!(relaxed.status.success());
    assert!(
        stderr(&relaxed).contains("section `notes` has a title but no content"),
        "{}",
        stderr(&relaxed)
    );
    let strict = run(&["render", profile.to_str().unwrap(), "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));

    let layout = dir.path().join("one-page");
    fs::create_dir_all(&layout).unwrap();
    for file in ["main.typ", "layout.toml"] {
        fs::copy(repo().join("layouts/classic").join(file), layout.join(file)).unwrap();
    }
    let manifest = fs::read_to_string(layout.join("layout.toml")).unwrap();
    fs::write(
        layout.join("layout.toml"),
        manifest.replace("name = \"classic\"", "name = \"one-page\"\nmax_pages = 1"),
    )
    .unwrap();
    let args = [
        "render",
        "profiles/priya-raman.toml",
        "--layout",
        layout.to_str().unwrap(),
        "-o",
    ];
    let out = dir.path().join("p.pdf");
    let relaxed = run(&[&args[..], &[out.to_str().unwrap()]].concat());
    assert!(relaxed.status.success(), "{}", stderr(&relaxed));
    assert!(
        stderr(&relaxed).contains("layout `one-page` is meant for 1 page; this profile fills 2"),
        "{}",
        stderr(&relaxed)
    );
    let strict = run(&[&args[..], &[out.to_str().unwrap(), "--strict"]].concat());
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn theme_and_layout_mistakes_in_a_profile_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    write(&profile, "layout = \"modrn\"\n[basics]\nname = \"Ada\"\n");
    let output = run(&["render", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("unknown layout") && err.contains("me.toml:1:10") && err.contains("`classic`"),
        "{err}"
    );

    write(
        &profile,
        "[basics]\nname = \"Ada\"\n[theme]\npaper = \"a5\"\nacent = \"#123456\"\n",
    );
    let output = run(&["render", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
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
    assert!(!dir.path().join("me.pdf").exists());
}

#[test]
fn a_folder_without_profiles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(&["render", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no *.toml profiles in this folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn oversized_profiles_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("big.toml");
    let filler = format!("# {}\n", "x".repeat(1000)).repeat(1100);
    write(&profile, &format!("[basics]\nname = \"Big\"\n{filler}"));
    let output = run(&["render", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("profiles are limited to 1024 KiB"),
        "{}",
        stderr(&output)
    );
}
