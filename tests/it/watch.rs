//! `vitae watch` re-renders on both kinds of save and survives errors.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;

/// Waits until `pdf` exists with bytes other than `old`.
fn wait_for_new_pdf(pdf: &Path, old: &[u8]) -> Vec<u8> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if let Ok(bytes) = fs::read(pdf)
            && bytes != old
        {
            // Writes are atomic: a reader never sees half a PDF.
            assert!(
                bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
                "a partial PDF was visible"
            );
            return bytes;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{} was not re-rendered", pdf.display());
}

fn wait_for_text(log: &Arc<Mutex<String>>, needle: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if log.lock().unwrap().contains(needle) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("watch never printed {needle:?}:\n{}", log.lock().unwrap());
}

#[test]
fn watch_catches_in_place_and_rename_over_saves_and_keeps_going_after_errors() {
    let dir = Sandbox::new().people(".", 1);
    let profile = dir.join("person-000.toml");
    let pdf = dir.join("person-000.pdf");
    let mut child = dir
        .command()
        .args(["watch", "person-000.toml"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    std::thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n) = stderr.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    wait_for_text(&log, "watching 1 profile");
    let first = fs::read(&pdf).unwrap();
    let text = fs::read_to_string(&profile).unwrap();

    // 1. An in-place write.
    fs::write(&profile, text.replace("Developer", "In-place Developer")).unwrap();
    let second = wait_for_new_pdf(&pdf, &first);
    assert!(pdf_text(&pdf).contains("In-place Developer"));

    // 2. A temporary file renamed over the profile (vim, sed -i).
    let temp = dir.join(".person-000.toml.swp");
    fs::write(&temp, text.replace("Developer", "Renamed Developer")).unwrap();
    fs::rename(&temp, &profile).unwrap();
    let third = wait_for_new_pdf(&pdf, &second);
    assert!(pdf_text(&pdf).contains("Renamed Developer"));

    // 3. A mistake is printed; the old PDF stays; watching goes on.
    fs::write(
        &profile,
        text.replace("start = \"2020-01\"", "start = \"2020-13\""),
    )
    .unwrap();
    wait_for_text(&log, "month 13");
    assert_eq!(fs::read(&pdf).unwrap(), third);
    assert!(
        child.try_wait().unwrap().is_none(),
        "watch keeps running after an error"
    );
    fs::write(&profile, text.replace("Developer", "Fixed Developer")).unwrap();
    wait_for_new_pdf(&pdf, &third);
    assert!(pdf_text(&pdf).contains("Fixed Developer"));

    // Ctrl-C stops cleanly: exit status 0 and no temporary files left behind.
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{}", log.lock().unwrap());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".vitae-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
