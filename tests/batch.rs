//! Batches: one bad file never stops the others; nothing needlessly rewritten;
//! --check; --shard; --fail-on-change for pre-commit hooks.

mod common;

use std::fs;

use common::*;

#[test]
fn a_folder_with_one_broken_profile_renders_the_rest_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cvs");
    let profiles = write_profiles(&folder, 30);
    fs::write(
        folder.join("broken.toml"),
        "[basics]\nname = \"Bad\"\n\n[[work]]\nstart = \"2022-13\"\n",
    )
    .unwrap();
    // Hidden folders and target/ are skipped.
    write_profiles(&folder.join(".hidden"), 1);
    write_profiles(&folder.join("target"), 1);

    let output = run(&["render", folder.to_str().unwrap(), "-j", "2"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("broken.toml:5:9"),
        "the broken file is named with its line: {err}"
    );
    assert!(err.contains("rendered 30, unchanged 0, 1 failed"), "{err}");
    for profile in &profiles {
        assert!(
            profile.with_extension("pdf").is_file(),
            "{} was rendered",
            profile.display()
        );
    }
    assert!(!folder.join("broken.pdf").exists());
    assert!(
        !folder.join(".hidden/person-000.pdf").exists()
            && !folder.join("target/person-000.pdf").exists()
    );

    // A second run rewrites nothing.
    let before: Vec<_> = profiles
        .iter()
        .map(|p| mtime(&p.with_extension("pdf")))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::remove_file(folder.join("broken.toml")).unwrap();
    let output = run(&["render", folder.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("rendered 0, unchanged 30, 0 failed"),
        "{}",
        stderr(&output)
    );
    let after: Vec<_> = profiles
        .iter()
        .map(|p| mtime(&p.with_extension("pdf")))
        .collect();
    assert_eq!(before, after, "unchanged PDFs keep their mtime");
}

#[test]
fn check_passes_then_names_a_stale_profile_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = write_profiles(dir.path(), 3);
    assert!(
        run(&["render", dir.path().to_str().unwrap(), "-q"])
            .status
            .success()
    );

    let output = run(&["render", dir.path().to_str().unwrap(), "--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("3 up to date"),
        "{}",
        stderr(&output)
    );

    let edited = &profiles[1];
    let pdf = edited.with_extension("pdf");
    let old = fs::read(&pdf).unwrap();
    fs::write(
        edited,
        fs::read_to_string(edited)
            .unwrap()
            .replace("Developer", "Lead Developer"),
    )
    .unwrap();
    fs::remove_file(profiles[2].with_extension("pdf")).unwrap();
    let output = run(&["render", dir.path().to_str().unwrap(), "--check"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("stale") && err.contains("person-001.pdf"),
        "{err}"
    );
    assert!(
        err.contains("missing") && err.contains("person-002.pdf"),
        "{err}"
    );
    assert_eq!(fs::read(&pdf).unwrap(), old, "--check writes nothing");
    assert!(
        !profiles[2].with_extension("pdf").exists(),
        "--check writes nothing"
    );
}

#[test]
fn output_folder_for_several_profiles() {
    let dir = tempfile::tempdir().unwrap();
    write_profiles(&dir.path().join("in"), 2);
    let out = dir.path().join("made/here");
    let output = run(&[
        "render",
        dir.path().join("in").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("person-000.pdf").is_file() && out.join("person-001.pdf").is_file());
}

#[test]
fn shards_split_the_work_without_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = write_profiles(dir.path(), 5);
    for k in 1..=2 {
        let output = run(&[
            "render",
            dir.path().to_str().unwrap(),
            "--shard",
            &format!("{k}/2"),
            "-q",
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let done = profiles
            .iter()
            .filter(|p| p.with_extension("pdf").exists())
            .count();
        assert_eq!(done, if k == 1 { 3 } else { 5 });
    }
    let output = run(&["render", dir.path().to_str().unwrap(), "--shard", "3/2"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad shard is a usage error"
    );
}

#[test]
fn fail_on_change_fails_only_when_a_pdf_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = write_profiles(dir.path(), 2);
    let path = profiles[0].to_str().unwrap();
    let first = run(&["render", path, "--fail-on-change"]);
    assert_eq!(first.status.code(), Some(1), "a new PDF was written");
    assert!(
        stderr(&first).contains("add them to your commit"),
        "{}",
        stderr(&first)
    );
    let second = run(&["render", path, "--fail-on-change"]);
    assert!(
        second.status.success(),
        "nothing changed: {}",
        stderr(&second)
    );
}

#[test]
fn non_tty_output_is_plain_lines_and_quiet_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    write_profiles(dir.path(), 2);
    let output = run(&["render", dir.path().to_str().unwrap()]);
    let err = stderr(&output);
    assert!(
        !err.contains('\x1b'),
        "no colour or progress bar when not a terminal: {err:?}"
    );
    assert_eq!(
        err.lines().filter(|l| l.contains(" → ")).count(),
        2,
        "{err}"
    );
    let quiet = run(&["render", dir.path().to_str().unwrap(), "-q"]);
    assert_eq!(
        stderr(&quiet).lines().count(),
        1,
        "only the summary: {}",
        stderr(&quiet)
    );
}

#[test]
fn a_profile_may_say_where_its_pdf_goes() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    fs::write(
        &profile,
        "output = \"pdf/cv.pdf\"\n[basics]\nname = \"Ada\"\n",
    )
    .unwrap();
    let output = run(&["render", profile.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("pdf/cv.pdf").is_file());
    assert!(!dir.path().join("me.pdf").exists());
    assert!(
        run(&["render", profile.to_str().unwrap(), "--check"])
            .status
            .success()
    );
    // -o still wins.
    let elsewhere = dir.path().join("x.pdf");
    assert!(
        run(&[
            "render",
            profile.to_str().unwrap(),
            "-o",
            elsewhere.to_str().unwrap()
        ])
        .status
        .success()
    );
    assert!(elsewhere.is_file());
    // It may not leave the profile's folder.
    fs::write(
        &profile,
        "output = \"../cv.pdf\"\n[basics]\nname = \"Ada\"\n",
    )
    .unwrap();
    let output = run(&["render", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("bad output path: `../cv.pdf` leaves the profile's folder"),
        "{}",
        stderr(&output)
    );
}
