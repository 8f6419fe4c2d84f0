//! Batches: one bad file never stops the others; nothing needlessly rewritten;
//! --check; --shard; --fail-on-change for pre-commit hooks.

use crate::common::*;

#[test]
fn a_folder_with_one_broken_profile_renders_the_rest_and_exits_1() {
    // Hidden folders and target/ are skipped.
    let dir = Sandbox::new()
        .people("cvs", 30)
        .profile(
            "cvs/broken.toml",
            "[basics]\nname = \"Bad\"\n\n[[work]]\nstart = \"2022-13\"\n",
        )
        .people("cvs/.hidden", 1)
        .people("cvs/target", 1);
    let pdfs: Vec<String> = (0..30).map(|i| format!("cvs/{}.pdf", person(i))).collect();

    let output = dir.run(&["render", "cvs", "-j", "2"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("broken.toml:5:9"),
        "the broken file is named with its line: {err}"
    );
    assert!(err.contains("rendered 30, unchanged 0, 1 failed"), "{err}");
    for pdf in &pdfs {
        assert!(dir.join(pdf).is_file(), "{pdf} was rendered");
    }
    assert!(!dir.exists("cvs/broken.pdf"));
    assert!(!dir.exists("cvs/.hidden/person-000.pdf") && !dir.exists("cvs/target/person-000.pdf"));

    // A second run rewrites nothing.
    let before: Vec<_> = pdfs.iter().map(|p| mtime(dir.join(p))).collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::remove_file(dir.join("cvs/broken.toml")).unwrap();
    let output = dir.run(&["render", "cvs"]).ok();
    assert!(
        output.stderr.contains("rendered 0, unchanged 30, 0 failed"),
        "{}",
        output.stderr
    );
    let after: Vec<_> = pdfs.iter().map(|p| mtime(dir.join(p))).collect();
    assert_eq!(before, after, "unchanged PDFs keep their mtime");
}

#[test]
fn check_passes_then_names_a_stale_profile_without_writing() {
    let dir = Sandbox::new().people(".", 3);
    assert!(dir.run(&["render", ".", "-q"]).success());

    let output = dir.run(&["render", ".", "--check"]).ok();
    assert!(output.stderr.contains("3 up to date"), "{}", output.stderr);

    let old = dir.read("person-001.pdf");
    let edited = dir
        .read_text("person-001.toml")
        .replace("Developer", "Lead Developer");
    dir.write("person-001.toml", edited);
    std::fs::remove_file(dir.join("person-002.pdf")).unwrap();
    let output = dir.run(&["render", ".", "--check"]);
    assert_eq!(output.code, Some(1));
    let err = &output.stderr;
    assert!(
        err.contains("stale") && err.contains("person-001.pdf"),
        "{err}"
    );
    assert!(
        err.contains("missing") && err.contains("person-002.pdf"),
        "{err}"
    );
    assert_eq!(dir.read("person-001.pdf"), old, "--check writes nothing");
    assert!(!dir.exists("person-002.pdf"), "--check writes nothing");
}

#[test]
fn output_folder_for_several_profiles() {
    let dir = Sandbox::new().people("in", 2);
    dir.run(&["render", "in", "-o", "made/here"]).ok();
    assert!(dir.join("made/here/person-000.pdf").is_file());
    assert!(dir.join("made/here/person-001.pdf").is_file());
}

#[test]
fn shards_split_the_work_without_overlap() {
    let dir = Sandbox::new().people(".", 5);
    for k in 1..=2 {
        dir.run(&["render", ".", "--shard", &format!("{k}/2"), "-q"])
            .ok();
        let done = (0..5)
            .filter(|&i| dir.exists(&format!("{}.pdf", person(i))))
            .count();
        assert_eq!(done, if k == 1 { 3 } else { 5 });
    }
    let output = dir.run(&["render", ".", "--shard", "3/2"]);
    assert_eq!(output.code, Some(2), "a bad shard is a usage error");
}

#[test]
fn fail_on_change_fails_only_when_a_pdf_was_written() {
    let dir = Sandbox::new().people(".", 2);
    let first = dir.run(&["render", "person-000.toml", "--fail-on-change"]);
    assert_eq!(first.code, Some(1), "a new PDF was written");
    assert!(
        first.stderr.contains("add them to your commit"),
        "{}",
        first.stderr
    );
    let second = dir.run(&["render", "person-000.toml", "--fail-on-change"]);
    assert!(second.success(), "nothing changed: {}", second.stderr);
}

#[test]
fn non_tty_output_is_plain_lines_and_quiet_is_quiet() {
    let dir = Sandbox::new().people(".", 2);
    let err = dir.run(&["render", "."]).stderr;
    assert!(
        !err.contains('\x1b'),
        "no colour or progress bar when not a terminal: {err:?}"
    );
    assert_eq!(
        err.lines().filter(|l| l.contains(" → ")).count(),
        2,
        "{err}"
    );
    let quiet = dir.run(&["render", ".", "-q"]).stderr;
    assert_eq!(quiet.lines().count(), 1, "only the summary: {quiet}");
}

#[test]
fn a_profile_may_say_where_its_pdf_goes() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "output = \"pdf/cv.pdf\"\n[basics]\nname = \"Ada\"\n",
    );
    dir.run(&["render", "me.toml"]).ok();
    assert!(dir.join("pdf/cv.pdf").is_file());
    assert!(!dir.exists("me.pdf"));
    assert!(dir.run(&["render", "me.toml", "--check"]).success());
    // -o still wins.
    assert!(dir.run(&["render", "me.toml", "-o", "x.pdf"]).success());
    assert!(dir.join("x.pdf").is_file());
    // It may not leave the profile's folder.
    dir.write(
        "me.toml",
        "output = \"../cv.pdf\"\n[basics]\nname = \"Ada\"\n",
    );
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output
            .stderr
            .contains("bad output path: `../cv.pdf` leaves the profile's folder"),
        "{}",
        output.stderr
    );
}
