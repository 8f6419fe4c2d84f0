//! The code keeps the shape docs/architecture.md describes: a thin binary,
//! files small enough to read, one integration-test binary.

use std::path::{Path, PathBuf};

use crate::common::repo;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

#[test]
fn main_is_thin_and_no_source_file_is_too_long_to_read() {
    let main = repo().join("src/main.rs");
    assert!(
        lines(&main) <= 100,
        "src/main.rs has {} lines",
        lines(&main)
    );
    let long: Vec<String> = rust_files(&repo().join("src"))
        .into_iter()
        .filter(|f| lines(f) > 500)
        .map(|f| format!("{} ({} lines)", f.display(), lines(&f)))
        .collect();
    assert!(long.is_empty(), "split these by job: {long:?}");
}

#[test]
fn the_integration_tests_are_one_binary() {
    let top_level: Vec<PathBuf> = std::fs::read_dir(repo().join("tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    assert!(
        top_level.is_empty(),
        "each tests/*.rs links Typst again; make it a module of tests/it/: {top_level:?}"
    );
}
