//! Visual regression: the first page of every example in every layout is
//! compared with an approved image in `tests/visual/`, so an unintended layout
//! change fails CI.
//!
//! After an intended change, approve the new look with
//!   VITAE_UPDATE_REFERENCES=1 cargo test --release --test it visual::
//! and commit the changed PNGs (look at them first).

use std::path::{Path, PathBuf};

use tiny_skia::Pixmap;

use crate::common;
use crate::common::api::{Format, Layout, RunSettings, builtin_layouts, pipeline};

/// Low resolution keeps references small; layout shifts still show.
const PPI: f32 = 30.0;
/// How far a channel may differ before a pixel counts as changed.
const CHANNEL_TOLERANCE: u8 = 24;
/// The share of changed pixels allowed (anti-aliasing differences).
const PIXEL_TOLERANCE: f64 = 0.002;

fn reference(layout: &str, profile: &Path) -> PathBuf {
    common::repo().join("tests/visual").join(format!(
        "{layout}-{}.png",
        profile.file_stem().unwrap().to_str().unwrap()
    ))
}

/// The share of pixels that differ noticeably, or None if sizes differ.
fn changed_share(a: &Pixmap, b: &Pixmap) -> Option<f64> {
    if (a.width(), a.height()) != (b.width(), b.height()) {
        return None;
    }
    let changed = a
        .data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(x, y)| {
            x.iter()
                .zip(y.iter())
                .any(|(p, q)| p.abs_diff(*q) > CHANNEL_TOLERANCE)
        })
        .count();
    Some(changed as f64 / f64::from(a.width() * a.height()))
}

#[test]
fn every_layout_looks_as_approved() {
    let update = std::env::var_os("VITAE_UPDATE_REFERENCES").is_some();
    let engine = pipeline::engine();
    let mut failures = Vec::new();
    for layout in builtin_layouts() {
        for profile in common::example_profiles() {
            let settings = RunSettings {
                layout: Layout::builtin(layout),
                formats: vec![Format::Png(PPI)],
                ..RunSettings::default()
            };
            let job = pipeline::job_for(&profile, None);
            let rendered = pipeline::render_file(&engine, &job, &settings)
                .unwrap_or_else(|e| panic!("{layout}: {e:?}"));
            let actual = &rendered.files[0].1;
            let path = reference(layout, &profile);
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, actual).unwrap();
                continue;
            }
            let Ok(expected) = std::fs::read(&path) else {
                failures.push(format!(
                    "{}: no reference image; run with VITAE_UPDATE_REFERENCES=1",
                    path.display()
                ));
                continue;
            };
            let (a, b) = (
                Pixmap::decode_png(actual).unwrap(),
                Pixmap::decode_png(&expected).unwrap(),
            );
            match changed_share(&a, &b) {
                Some(share) if share <= PIXEL_TOLERANCE => {}
                outcome => {
                    let seen = common::repo()
                        .join("target/visual-actual")
                        .join(path.file_name().unwrap());
                    std::fs::create_dir_all(seen.parent().unwrap()).unwrap();
                    std::fs::write(&seen, actual).unwrap();
                    let what = outcome.map_or("a different page size".into(), |s| {
                        format!("{:.2}% of pixels changed", s * 100.0)
                    });
                    failures.push(format!(
                        "{layout} × {}: {what}; see {}",
                        profile.display(),
                        seen.display()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "layouts look different from the approved images:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_comparison_notices_a_change() {
    let mut a = Pixmap::new(10, 10).unwrap();
    a.fill(tiny_skia::Color::WHITE);
    let mut b = a.clone();
    assert_eq!(changed_share(&a, &b), Some(0.0));
    b.fill_rect(
        tiny_skia::Rect::from_xywh(0.0, 0.0, 2.0, 1.0).unwrap(),
        &tiny_skia::Paint::default(),
        tiny_skia::Transform::identity(),
        None,
    );
    assert_eq!(changed_share(&a, &b), Some(0.02));
    assert_eq!(changed_share(&a, &Pixmap::new(10, 11).unwrap()), None);
}
