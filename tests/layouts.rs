//! User layout folders: same contract, located errors, and a sandbox that holds.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn render_with(layout: &Path, out: &Path) -> std::process::Output {
    run(&[
        "render",
        "profiles/daniel-okafor.toml",
        "--layout",
        layout.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
}

#[test]
fn a_copied_layout_folder_renders() {
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("mine");
    copy_dir(&repo().join("layouts/classic"), &layout);
    let out = dir.path().join("cv.pdf");
    let output = render_with(&layout, &out);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(pdf_text(&out).contains("Daniel Okafor"));
}

#[test]
fn a_layout_error_points_at_the_layout_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("broken");
    copy_dir(&repo().join("layouts/classic"), &layout);
    let main = layout.join("main.typ");
    let text = fs::read_to_string(&main).unwrap();
    fs::write(&main, format!("{text}\n#undefined-function(1)\n")).unwrap();
    let line = text.lines().count() + 2;
    let output = render_with(&layout, &dir.path().join("cv.pdf"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("unknown variable: undefined-function"),
        "{err}"
    );
    assert!(
        err.contains(&format!("main.typ:{line}:")),
        "expected line {line}: {err}"
    );
    assert!(!dir.path().join("cv.pdf").exists());
}

#[test]
fn a_layout_cannot_read_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "TOP SECRET").unwrap();
    let layout = dir.path().join("sneaky");
    fs::create_dir_all(&layout).unwrap();
    std::os::unix::fs::symlink(&secret, layout.join("link.txt")).unwrap();
    for attempt in [
        r#"read("../secret.txt")"#,
        r#"read("/link.txt")"#,
        r#"read("/etc/passwd")"#,
        r#"import "@preview/x:1.0.0": *"#,
    ] {
        fs::write(layout.join("main.typ"), format!("#{attempt}\n")).unwrap();
        let output = render_with(&layout, &dir.path().join("cv.pdf"));
        assert_eq!(output.status.code(), Some(1), "{attempt} must fail");
        let err = stderr(&output);
        assert!(!err.contains("TOP SECRET"), "{err}");
        assert!(
            err.contains("outside")
                || err.contains("not found")
                || err.contains("only read files inside")
                || err.contains("packages are not available"),
            "{attempt}: {err}"
        );
    }
}
