//! `vitae check`: the whole pipeline with its proofs, nothing written; a
//! report per profile of what each proof found.

use std::process::ExitCode;

use serde_json::{Value as Json, json};

use super::{FAILED, Failure, Terminal};
use crate::batch::{self, Job};
use crate::cli::{CheckArgs, ReportFormat};
use crate::diagnostic::{Code, Diagnostic};
use crate::encode::Format;
use crate::pipeline::{self, Checked};
use crate::proof::{Proof, Report};
use crate::settings::{self, RunSettings};

/// One profile's result: its report, or the errors that stopped it first.
type Outcome = (Job, Result<Checked, Vec<Diagnostic>>);

pub fn run(args: &CheckArgs, term: &Terminal) -> anyhow::Result<ExitCode> {
    let common = args.common();
    if args.format == ReportFormat::Json && term.machine() {
        return Err(Failure::usage([Diagnostic::error(
            Code::BadArgument,
            "--format json and --message-format both write to stdout: choose one",
        )
        .hint("--format json has every diagnostic in its report")])
        .into());
    }
    let run =
        RunSettings::from_args(&common, vec![Format::Pdf]).map_err(|d| Failure::usage([d]))?;
    let found = batch::discover(&common.paths).map_err(Failure::failed)?;
    term.diagnostics(&found.skipped);
    let jobs = batch::plan(
        &found.profiles,
        &settings::variants(&common),
        common.letter.as_deref(),
        None,
    )
    .map_err(Failure::usage)?;
    let engine = pipeline::engine_with(&run.fonts);
    let mut outcomes: Vec<Outcome> = Vec::new();
    batch::each(
        &jobs,
        settings::threads(&common),
        |job| {
            let (engine, owned, run) = (engine.clone(), job.clone(), run.clone());
            let checked = batch::bounded(job, run.timeout, move || {
                pipeline::check_file(&engine, &owned, &run)
            });
            (job.clone(), checked)
        },
        |outcome| outcomes.push(outcome),
    );
    // Reports in the order the profiles were named, whatever finished first.
    outcomes.sort_by_key(|(job, _)| (job.profile.clone(), job.variant.clone(), job.letter.clone()));

    let failed = outcomes
        .iter()
        .filter(|(_, result)| fails(result, args.strict))
        .count();
    match args.format {
        ReportFormat::Json => {
            let all: Vec<Json> = outcomes.iter().map(|o| as_json(o, args.strict)).collect();
            println!("{}", serde_json::to_string_pretty(&all)?);
        }
        ReportFormat::Text => {
            for outcome in &outcomes {
                if term.machine() {
                    emit_diagnostics(outcome, term);
                } else {
                    print_text(outcome, term);
                }
            }
            let summary = format!(
                "checked {}: {} passed, {failed} failed",
                outcomes.len(),
                outcomes.len() - failed
            );
            eprintln!(
                "{}",
                if failed > 0 {
                    term.paint("31;1", &summary)
                } else {
                    summary
                }
            );
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

fn fails(result: &Result<Checked, Vec<Diagnostic>>, strict: bool) -> bool {
    match result {
        Err(_) => true,
        Ok(checked) => {
            checked.report.has_errors()
                || (strict && (!checked.report.findings.is_empty() || !checked.warnings.is_empty()))
        }
    }
}

/// One line per proof: what it looked at and what it found.
fn summaries(report: &Report) -> Vec<(Proof, String)> {
    let count = |proof: Proof| report.of(proof).count();
    let or = |n: usize, clean: &str, found: &str| {
        if n == 0 {
            clean.to_string()
        } else {
            plural(n, found)
        }
    };
    let omitted = match report.omitted.len() {
        0 => String::new(),
        n => format!(" ({n} left out on purpose by the layout)"),
    };
    let fill: Vec<String> = report
        .fill
        .iter()
        .map(|f| format!("{:.0} %", f * 100.0))
        .collect();
    vec![
        (
            Proof::Coverage,
            format!(
                "{}/{} facts found{omitted}",
                report.found,
                report.facts - report.omitted.len()
            ),
        ),
        (
            Proof::Geometry,
            or(
                count(Proof::Geometry),
                "nothing off the page, clipped or overlapping",
                "problem",
            ),
        ),
        (
            Proof::Glyphs,
            or(
                count(Proof::Glyphs),
                "every character drawn",
                "character not drawn",
            ),
        ),
        (
            Proof::Contrast,
            or(
                count(Proof::Contrast),
                "all text readable",
                "colour pair too faint",
            ),
        ),
        (
            Proof::ReadingOrder,
            or(
                count(Proof::ReadingOrder),
                "header first, sections in blocks, titles before bullets",
                "problem",
            ),
        ),
        (
            Proof::Fill,
            format!(
                "pages {}{}",
                fill.join(", "),
                match count(Proof::Fill) {
                    0 => String::new(),
                    n => format!(" ({})", plural(n, "warning")),
                }
            ),
        ),
    ]
}

fn print_text((job, result): &Outcome, term: &Terminal) {
    let name = crate::diagnostic::printable(&job.name()).into_owned();
    let checked = match result {
        Err(errors) => {
            println!("{name}: {}", term.paint("31;1", "could not be laid out"));
            print_diagnostics(errors, term);
            return;
        }
        Ok(checked) => checked,
    };
    let pages = if checked.pages == 1 { "page" } else { "pages" };
    println!(
        "{name} ({} layout, {} {pages})",
        crate::diagnostic::printable(&checked.layout),
        checked.pages
    );
    if let Some(fitted) = &checked.fitted {
        println!("  {}", crate::diagnostic::printable(fitted));
    }
    for (proof, summary) in summaries(&checked.report) {
        let mark = if checked.report.of(proof).any(|f| f.diagnostic.is_error()) {
            term.paint("31;1", "✗")
        } else if checked.report.of(proof).next().is_some() {
            term.paint("33;1", "!")
        } else {
            term.paint("32", "✓")
        };
        println!("  {mark} {:<14} {summary}", proof.name());
    }
    let findings: Vec<Diagnostic> = checked
        .report
        .findings
        .iter()
        .map(|f| f.diagnostic.clone())
        .collect();
    print_diagnostics(&checked.warnings, term);
    print_diagnostics(&findings, term);
}

/// `--message-format json|github`: the diagnostics alone, on stdout, each
/// naming its profile; the proofs' one-line summaries are for people.
fn emit_diagnostics((job, result): &Outcome, term: &Terminal) {
    let name = job.name();
    match result {
        Err(errors) => term.job_diagnostics(Some(&name), errors),
        Ok(checked) => {
            let mut all = checked.warnings.clone();
            all.extend(checked.report.findings.iter().map(|f| f.diagnostic.clone()));
            term.job_diagnostics(Some(&name), &all);
        }
    }
}

/// The report is the command's output: its diagnostics go to stdout with it.
fn print_diagnostics(diagnostics: &[Diagnostic], term: &Terminal) {
    let diagnostics = &crate::diagnostic::capped(diagnostics);
    for d in diagnostics {
        print!("{}", d.render(term.color));
    }
}

fn as_json((job, result): &Outcome, strict: bool) -> Json {
    let mut out = json!({
        "profile": job.profile.display().to_string(),
        "variant": job.variant,
        "letter": job.letter,
        "passed": !fails(result, strict),
    });
    match result {
        Err(errors) => out["errors"] = errors.iter().map(diagnostic_json).collect(),
        Ok(checked) => {
            let report = &checked.report;
            out["layout"] = json!(checked.layout);
            out["pages"] = json!(checked.pages);
            out["fitted"] = json!(checked.fitted);
            out["facts"] = json!({
                "total": report.facts,
                "found": report.found,
                "omitted": report.omitted,
            });
            out["fill"] = json!(
                report
                    .fill
                    .iter()
                    .map(|f| (f * 1000.0).round() / 1000.0)
                    .collect::<Vec<_>>()
            );
            let mut proofs = serde_json::Map::new();
            for proof in Proof::ALL {
                let findings: Vec<Json> = report
                    .of(proof)
                    .map(|f| diagnostic_json(&f.diagnostic))
                    .collect();
                proofs.insert(proof.name().replace(' ', "-"), json!(findings));
            }
            out["proofs"] = Json::Object(proofs);
            out["warnings"] = checked.warnings.iter().map(diagnostic_json).collect();
        }
    }
    out
}

/// The shape `--message-format json` writes, and `position` (the
/// `file:line:col` this report had before codes came).
fn diagnostic_json(d: &Diagnostic) -> Json {
    let mut object = d.to_json(None);
    object["position"] = json!(d.position());
    object
}

/// "1 problem", "3 problems".
fn plural(n: usize, what: &str) -> String {
    match what.split_once(' ') {
        _ if n == 1 => format!("1 {what}"),
        Some((noun, rest)) => format!("{n} {noun}s {rest}"),
        None => format!("{n} {what}s"),
    }
}
