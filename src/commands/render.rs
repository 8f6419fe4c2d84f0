//! `vitae render`: find the profiles, plan their outputs, render them on
//! worker threads, and report each as it finishes.

use std::process::ExitCode;
use std::time::Instant;

use super::report::{self, Tally};
use super::{FAILED, Failure, Terminal};
use crate::batch::{self, Mode};
use crate::cli::{OutputFormat, RenderArgs};
use crate::diagnostic::{Code, Diagnostic};
use crate::encode::Format;
use crate::files;
use crate::pipeline;
use crate::settings::{self, RunSettings};

pub fn run(args: RenderArgs, term: &Terminal) -> anyhow::Result<ExitCode> {
    let common = &args.common;
    let run = RunSettings::from_args(common, formats(&args)).map_err(|d| Failure::usage([d]))?;
    let found = batch::discover(&common.paths).map_err(Failure::failed)?;
    if !common.quiet {
        term.diagnostics(&found.skipped);
    }
    let mut jobs = batch::plan(
        &found.profiles,
        &settings::variants(common),
        common.letter.as_deref(),
        common.output.as_deref(),
    )
    .map_err(Failure::usage)?;
    if let Some((k, n)) = args.shard {
        jobs = batch::shard(jobs, k, n);
    }
    let mode = if args.check { Mode::Check } else { Mode::Write };
    if jobs
        .iter()
        .any(|job| files::is_stdio(&job.planned_output()))
    {
        if mode == Mode::Check {
            return Err(Failure::usage([Diagnostic::error(
                Code::BadArgument,
                "--check compares the files an earlier run wrote; standard output is not one",
            )
            .hint("name the committed file with -o, e.g. vitae render - -o me.pdf --check")])
            .into());
        }
        if run.formats.len() > 1 {
            return Err(Failure::usage([Diagnostic::error(
                Code::BadArgument,
                "several formats cannot all go to standard output",
            )
            .hint("write them to files with -o, e.g. -o out/me.pdf --format pdf,md")])
            .into());
        }
        term.stdout_taken.set(true);
    }

    let started = Instant::now();
    let progress = report::progress_bar(jobs.len(), common.quiet, term);
    let mut tally = Tally::default();
    let engine = pipeline::engine_with(&run.fonts);
    batch::run(
        &engine,
        &jobs,
        &run,
        mode,
        settings::threads(common),
        |finished| {
            let text = report::describe(&finished, term, common.quiet, &mut tally).join("");
            match &progress {
                Some(bar) => {
                    bar.suspend(|| eprint!("{text}"));
                    bar.inc(1);
                }
                None => eprint!("{text}"),
            }
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    eprintln!(
        "{}",
        tally.summary(mode, started.elapsed().as_secs_f64(), term)
    );
    let changed = args.fail_on_change && tally.written > 0;
    if changed {
        eprintln!(
            "{} PDF(s) written or changed: add them to your commit",
            tally.written
        );
    }
    Ok(if tally.failed > 0 || tally.stale > 0 || changed {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--format` (one or several: `pdf,md`; and `--ppi` for PNG), in the
/// order given, each once.
fn formats(args: &RenderArgs) -> Vec<Format> {
    let mut formats = Vec::new();
    for format in &args.format {
        let format = match format {
            OutputFormat::Pdf => Format::Pdf,
            OutputFormat::Png => Format::Png(args.ppi),
            OutputFormat::Json => Format::Json,
            OutputFormat::Md => Format::Markdown,
            OutputFormat::Txt => Format::Text,
            OutputFormat::Html => Format::Html,
        };
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    formats
}
