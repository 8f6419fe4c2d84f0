//! Per-stage benchmarks: `cargo bench --bench pipeline`.
//!
//! Each stage of the pipeline (proofs included) for the longest example (profiles/priya-raman,
//! two pages), then the whole render per layout. Typst memoises across
//! compiles in a process; the compile and render benchmarks evict those
//! caches before every iteration, so they measure a cold compile as one
//! `vitae render` of a changed profile would. `markup-1MiB` times the inline
//! parser on a megabyte of each pattern that once made it quadratic.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use vitae::diagnostic::SourceFile;
use vitae::layout::Layout;
use vitae::pipeline;
use vitae::profile::{load, validate};
use vitae::settings::RunSettings;
use vitae::{layout_data, theme};

const PROFILE: &str = "profiles/priya-raman.toml";

fn stages(c: &mut Criterion) {
    let text = std::fs::read_to_string(PROFILE).unwrap();
    let source = SourceFile::new(PROFILE, text.clone());
    let parsed = load::parse(source.clone()).unwrap();
    let layout = Layout::builtin("classic").unwrap();
    let theme = theme::resolve(
        &layout,
        &parsed.profile.theme,
        &source,
        &[],
        &vitae::profile::rules::section_ids(&parsed.profile),
    )
    .unwrap();
    let (data, _) = layout_data::build(&parsed.profile, &theme, "en", Default::default());
    let json = serde_json::to_vec_pretty(&data).unwrap();
    let engine = pipeline::engine();
    let fonts = engine.fonts_for(None);
    let document = engine
        .compile(&layout, &fonts, json.clone(), Vec::new())
        .unwrap()
        .document;

    let mut group = c.benchmark_group("stage");
    group.bench_function("1 parse", |b| {
        b.iter(|| load::parse(black_box(source.clone())).unwrap())
    });
    group.bench_function("2 validate", |b| {
        b.iter(|| validate::validate(black_box(&parsed)))
    });
    group.bench_function("3 layout data", |b| {
        b.iter(|| {
            serde_json::to_vec_pretty(
                &layout_data::build(black_box(&parsed.profile), &theme, "en", Default::default()).0,
            )
            .unwrap()
        })
    });
    group.bench_function("4 compile (cold)", |b| {
        b.iter_batched(
            || typst::comemo::evict(0),
            |()| {
                engine
                    .compile(&layout, &fonts, json.clone(), Vec::new())
                    .unwrap()
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("4 compile (warm, same data)", |b| {
        b.iter(|| {
            engine
                .compile(&layout, &fonts, json.clone(), Vec::new())
                .unwrap()
        })
    });
    let checked = vitae::profile::check(load::parse(source.clone()).unwrap(), None, None).unwrap();
    let sections: Vec<String> = data.sections.iter().map(|s| s.id.clone()).collect();
    group.bench_function("5 proofs (facts and all six)", |b| {
        b.iter(|| {
            let facts = layout_data::facts(
                &checked.profile,
                &theme,
                "en",
                &sections,
                Default::default(),
            );
            let input = vitae::proof::Input {
                facts: &facts,
                source: &checked.source,
                tree: &checked.tree,
                layout: &layout,
                accent: None,
            };
            vitae::proof::prove(black_box(&document), &input)
        })
    });
    let standards = vitae::encode::Standards::default();
    let pdf = vitae::encode::PdfSettings {
        ident: "bench",
        standards: &standards,
    };
    group.bench_function("6 pdf export", |b| {
        b.iter(|| {
            vitae::encode::pdf(black_box(&document), &pdf, |d| engine.locate(&layout, d)).unwrap()
        })
    });
    group.finish();
}

/// What every process pays once before its first render.
fn startup(c: &mut Criterion) {
    use typst::LibraryExt;
    let mut group = c.benchmark_group("startup");
    group.bench_function("font book (bundled fonts)", |b| {
        b.iter(vitae::compile::fonts::FontSet::bundled)
    });
    group.bench_function("standard library", |b| b.iter(typst::Library::default));
    group.finish();
}

fn whole_render(c: &mut Criterion) {
    let engine = pipeline::engine();
    let mut group = c.benchmark_group("render");
    for layout in Layout::builtin_names() {
        let settings = RunSettings {
            layout: Layout::builtin(layout),
            ..RunSettings::default()
        };
        let job = pipeline::job_for(Path::new(PROFILE), None);
        group.bench_function(layout, |b| {
            b.iter_batched(
                || typst::comemo::evict(0),
                |()| pipeline::render_file(&engine, &job, &settings).unwrap(),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

/// The inline-markup parser on 1 MiB of each pattern that made the old one
/// quadratic (issue 16: 214 s for `[`); the target is under 0.5 s each.
fn hostile_markup(c: &mut Criterion) {
    let mut group = c.benchmark_group("markup-1MiB");
    group.sample_size(10);
    for (name, pattern) in [
        ("brackets", "["),
        ("strong", "**a "),
        ("underscores", "_a "),
        ("links", "[a]("),
        ("stars", "*a "),
    ] {
        let text = pattern.repeat((1 << 20) / pattern.len());
        group.bench_function(name, |b| b.iter(|| vitae::markup::parse(black_box(&text))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = startup, stages, whole_render, hostile_markup
}
criterion_main!(benches);
