//! `vitae watch`: render, then render again on every save, until Ctrl-C.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::report::{self, Tally};
use super::{Failure, Terminal};
use crate::cli::WatchArgs;
use crate::diagnostic::{Code, Diagnostic};
use crate::encode::Format;
use crate::pipeline;
use crate::settings::{self, RunSettings};
use crate::watch::{self, Event, Targets};

pub fn run(args: WatchArgs, term: &Terminal) -> anyhow::Result<ExitCode> {
    let common = &args.common;
    if common.paths.iter().any(|p| crate::files::is_stdio(p)) {
        return Err(Failure::usage([Diagnostic::error(
            crate::diagnostic::Code::BadArgument,
            "watch needs a file to watch; standard input (-) is read once",
        )
        .hint("save the profile to a file, or use `vitae render -` in a pipeline")])
        .into());
    }
    let run = RunSettings::from_args(common, vec![Format::Pdf]).map_err(|d| Failure::usage([d]))?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
        term.diagnostics(&[Diagnostic::warning(
            Code::Watch,
            format!("Ctrl-C will not stop cleanly: {e}"),
        )]);
    }
    let targets = Targets {
        paths: &common.paths,
        variants: &settings::variants(common),
        letter: common.letter.as_deref(),
        out: common.output.as_deref(),
        threads: settings::threads(common),
    };
    let mut tally = Tally::default();
    watch::run(
        &pipeline::engine_with(&run.fonts),
        &targets,
        &run,
        stop,
        |event| match event {
            Event::Report(finished) => eprint!(
                "{}",
                report::describe(&finished, term, common.quiet, &mut tally).join("")
            ),
            Event::Status(line) => eprintln!("{line}"),
            Event::Error(errors) => term.diagnostics(&errors),
        },
    )
    .map_err(Failure::usage)?;
    Ok(ExitCode::SUCCESS)
}
