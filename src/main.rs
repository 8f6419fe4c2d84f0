//! The `vitae` binary: parses the command line and runs one command.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use vitae::batch::{self, Mode, Outcome, Report, Variants};
use vitae::cli::{
    Cli, ColorChoice, Command, CommonArgs, ImportFormat, OutputFormat, RenderArgs, WatchArgs,
};
use vitae::diagnostic::Diagnostic;
use vitae::import::Source;
use vitae::layout::Layout;
use vitae::output::WriteOutcome;
use vitae::pipeline::{self, Format, Settings};
use vitae::theme;
use vitae::watch::Event as WatchEvent;

/// Exit status when some profile failed or a PDF is stale.
const FAILED: u8 = 1;
/// Exit status for a wrong command line (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(cli.color);
    let out = Printer { color };
    match cli.command {
        Command::Render(args) => render(args, &out),
        Command::Watch(args) => watch(args, &out),
        Command::New { name, output } => new_profile(&name, output, &out),
        Command::Import { file, from, output } => {
            let source = match from {
                Some(ImportFormat::JsonResume) => Source::JsonResume,
                Some(ImportFormat::Rendercv) => Source::RenderCv,
                None => Source::of(&file),
            };
            import(&file, source, output, &out)
        }
        Command::Export {
            profile,
            to: _,
            output,
            variant,
        } => export(&profile, output.as_deref(), variant.as_deref(), &out),
        Command::Schema => {
            print!("{}", vitae::schema::profile_schema_json());
            ExitCode::SUCCESS
        }
        Command::Layouts { name } => layouts(name.as_deref(), &out),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// Writes messages to stderr, with colour only when asked.
struct Printer {
    color: bool,
}

impl Printer {
    fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let mut stderr = std::io::stderr().lock();
        for d in diagnostics {
            let _ = stderr.write_all(d.render(self.color).as_bytes());
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// What `render` and `watch` both need, checked before any work starts.
struct Prepared {
    settings: Settings,
    variants: Variants,
    engine: std::sync::Arc<vitae::render::Engine>,
    threads: usize,
}

/// Checks the shared options; a bad one is a usage error (exit 2).
fn prepare(common: &CommonArgs, format: Format, out: &Printer) -> Result<Prepared, ExitCode> {
    let mut overrides = Vec::new();
    for arg in &common.theme {
        match theme::parse_override(arg) {
            Ok(pair) => overrides.push(pair),
            Err(problem) => {
                out.diagnostics(&[Diagnostic::error(format!("--theme {problem}"))
                    .hint("write --theme key=value, e.g. --theme paper=us-letter")]);
                return Err(ExitCode::from(USAGE));
            }
        }
    }
    if let Some(layout) = &common.layout
        && let Err(diag) = Layout::resolve(layout)
    {
        out.diagnostics(&[diag]);
        return Err(ExitCode::from(USAGE));
    }
    let settings = Settings {
        layout: common.layout.clone(),
        theme: overrides,
        format,
        strict: common.strict,
        timeout: Some(std::time::Duration::from_secs_f64(common.timeout)),
        variant: None,
    };
    let variants = if common.all_variants {
        Variants::All
    } else if common.variant.is_empty() {
        Variants::Base
    } else {
        Variants::Named(common.variant.clone())
    };
    let threads = common
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    Ok(Prepared {
        settings,
        variants,
        engine: pipeline::engine(),
        threads,
    })
}

fn render(args: RenderArgs, out: &Printer) -> ExitCode {
    let common = &args.common;
    let format = match args.format {
        OutputFormat::Pdf => Format::Pdf,
        OutputFormat::Png => Format::Png(args.ppi.clamp(18.0, 1200.0)),
        OutputFormat::Json => Format::Json,
    };
    let prepared = match prepare(common, format, out) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let found = match batch::discover(&common.paths) {
        Ok(found) => found,
        Err(errors) => {
            out.diagnostics(&errors);
            return ExitCode::from(FAILED);
        }
    };
    let mut jobs = match batch::plan(&found, &prepared.variants, common.output.as_deref()) {
        Ok(jobs) => jobs,
        Err(errors) => {
            out.diagnostics(&errors);
            return ExitCode::from(USAGE);
        }
    };
    if let Some((k, n)) = args.shard {
        jobs = batch::shard(jobs, k, n);
    }
    let mode = if args.check { Mode::Check } else { Mode::Write };

    let started = Instant::now();
    let progress = progress_bar(jobs.len(), common.quiet);
    let mut tally = Tally::default();
    batch::run(
        &prepared.engine,
        &jobs,
        &prepared.settings,
        mode,
        prepared.threads,
        |report| {
            let text = describe(&report, out, common.quiet, &mut tally).join("");
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
        tally.summary(mode, started.elapsed().as_secs_f64(), out)
    );
    let changed = args.fail_on_change && tally.written > 0;
    if changed {
        eprintln!(
            "{} PDF(s) written or changed: add them to your commit",
            tally.written
        );
    }
    if tally.failed > 0 || tally.stale > 0 || changed {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

fn watch(args: WatchArgs, out: &Printer) -> ExitCode {
    let common = &args.common;
    let prepared = match prepare(common, Format::Pdf, out) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
        out.diagnostics(&[Diagnostic::warning(format!(
            "Ctrl-C will not stop cleanly: {e}"
        ))]);
    }
    let mut tally = Tally::default();
    let result = vitae::watch::run(
        &prepared.engine,
        &common.paths,
        &prepared.variants,
        common.output.as_deref(),
        &prepared.settings,
        prepared.threads,
        stop,
        |event| match event {
            WatchEvent::Report(report) => eprint!(
                "{}",
                describe(&report, out, common.quiet, &mut tally).join("")
            ),
            WatchEvent::Status(line) => eprintln!("{line}"),
            WatchEvent::Error(errors) => out.diagnostics(&errors),
        },
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diag) => {
            out.diagnostics(&[diag]);
            ExitCode::from(FAILED)
        }
    }
}

/// A bar on a terminal for batches; plain lines otherwise (CI logs).
fn progress_bar(total: usize, quiet: bool) -> Option<ProgressBar> {
    if total < 2 || quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total as u64);
    let style =
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} profiles  {elapsed}")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

#[derive(Default)]
struct Tally {
    written: usize,
    unchanged: usize,
    failed: usize,
    stale: usize,
    warnings: usize,
}

impl Tally {
    fn summary(&self, mode: Mode, seconds: f64, out: &Printer) -> String {
        let failed = if self.failed > 0 {
            out.paint("31;1", &format!("{} failed", self.failed))
        } else {
            "0 failed".into()
        };
        let warnings = if self.warnings > 0 {
            format!(", {} warnings", self.warnings)
        } else {
            String::new()
        };
        match mode {
            Mode::Write => format!(
                "rendered {}, unchanged {}, {failed}{warnings} in {seconds:.2} s",
                self.written, self.unchanged
            ),
            Mode::Check => {
                let stale = if self.stale > 0 {
                    out.paint("31;1", &format!("{} stale", self.stale))
                } else {
                    "0 stale".into()
                };
                format!(
                    "checked {}: {} up to date, {stale}, {failed}{warnings} in {seconds:.2} s",
                    self.written + self.unchanged + self.stale + self.failed,
                    self.unchanged,
                )
            }
        }
    }
}

/// The lines to print for one finished job, and its count in the tally.
fn describe(report: &Report, out: &Printer, quiet: bool, tally: &mut Tally) -> Vec<String> {
    let mut lines = Vec::new();
    let profile = report.job.name();
    let ms = report.elapsed.as_millis();
    tally.warnings += report.warnings.len();
    for warning in &report.warnings {
        lines.push(format!("{}: {}", profile, warning.render(out.color)));
    }
    match &report.outcome {
        Outcome::Failed(errors) => {
            tally.failed += 1;
            lines.push(format!("{} {profile}\n", out.paint("31;1", "✗ failed")));
            lines.extend(errors.iter().map(|e| e.render(out.color)));
        }
        Outcome::Stale(paths) => {
            tally.stale += 1;
            for path in paths {
                let what = if path.exists() { "stale" } else { "missing" };
                lines.push(format!(
                    "{} {} (from {profile})\n",
                    out.paint("33;1", what),
                    path.display()
                ));
            }
        }
        Outcome::UpToDate => {
            tally.unchanged += 1;
            if !quiet {
                lines.push(format!("{} {profile}\n", out.paint("32", "up to date")));
            }
        }
        Outcome::Written {
            files,
            pages,
            fitted,
        } => {
            let changed = files.iter().any(|(_, o)| *o != WriteOutcome::Unchanged);
            if changed {
                tally.written += 1
            } else {
                tally.unchanged += 1
            }
            if !quiet {
                let first = files
                    .first()
                    .map(|(p, _)| p.display().to_string())
                    .unwrap_or_default();
                let state = if changed {
                    out.paint("32", "✓")
                } else {
                    "=".to_string()
                };
                let note = if changed {
                    let fitted = fitted
                        .as_deref()
                        .map(|f| format!(", {f}"))
                        .unwrap_or_default();
                    format!(
                        "{pages} page{}{fitted}, {ms} ms",
                        if *pages == 1 { "" } else { "s" }
                    )
                } else {
                    "unchanged".into()
                };
                lines.push(format!("{state} {profile} → {first} ({note})\n"));
            }
        }
    }
    lines
}

fn layouts(name: Option<&str>, out: &Printer) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match name {
        None => {
            let names = Layout::builtin_names();
            let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
            for name in names {
                if let Some(layout) = Layout::builtin(name) {
                    let _ = writeln!(stdout, "{name:width$}  {}", layout.manifest.description);
                }
            }
            ExitCode::SUCCESS
        }
        Some(name) => match Layout::resolve(name) {
            Ok(layout) => {
                let _ = writeln!(
                    stdout,
                    "{} — {}\n\ntheme options (set in [theme] or with --theme key=value):",
                    layout.name(),
                    layout.manifest.description
                );
                for (key, spec) in &layout.manifest.options {
                    let allowed = if spec.values.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", spec.values.join(", "))
                    };
                    let _ = writeln!(
                        stdout,
                        "  {key:14} default {}{allowed}\n  {:14} {}",
                        spec.default, "", spec.description
                    );
                }
                for (key, description) in theme::UNIVERSAL {
                    let _ = writeln!(stdout, "  {key:14} {description}");
                }
                ExitCode::SUCCESS
            }
            Err(diag) => {
                out.diagnostics(&[diag]);
                ExitCode::from(USAGE)
            }
        },
    }
}

/// `vitae new`: writes the starter profile, never over an existing file.
fn new_profile(name: &str, output: Option<std::path::PathBuf>, out: &Printer) -> ExitCode {
    if name.trim().is_empty() {
        out.diagnostics(&[Diagnostic::error("the name is empty").hint("vitae new \"Ada Quill\"")]);
        return ExitCode::from(USAGE);
    }
    let path = output.unwrap_or_else(|| {
        std::path::PathBuf::from(format!("{}.toml", vitae::starter::file_stem(name)))
    });
    if path.exists() {
        out.diagnostics(&[Diagnostic::error(
            "the file already exists; vitae new never overwrites",
        )
        .in_file(&path)
        .hint("choose another name with -o")]);
        return ExitCode::from(FAILED);
    }
    match vitae::output::write_atomic(&path, vitae::starter::profile(name).as_bytes()) {
        Ok(_) => {
            eprintln!(
                "wrote {}; render it with: vitae render {}",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            out.diagnostics(&[
                Diagnostic::error(format!("cannot write the profile: {e}")).in_file(&path)
            ]);
            ExitCode::from(FAILED)
        }
    }
}

/// `vitae export --to json-resume`: the profile must be valid first; what
/// JSON Resume has no place for is listed as warnings.
fn export(
    profile: &std::path::Path,
    output: Option<&std::path::Path>,
    variant: Option<&str>,
    out: &Printer,
) -> ExitCode {
    let mut parsed = match vitae::profile::load::read(profile) {
        Ok(parsed) => parsed,
        Err(errors) => {
            out.diagnostics(&errors);
            return ExitCode::from(FAILED);
        }
    };
    let errors: Vec<Diagnostic> = vitae::profile::validate::validate(&parsed)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if !errors.is_empty() {
        out.diagnostics(&errors);
        return ExitCode::from(FAILED);
    }
    if let Some(name) = variant
        && let Err(diag) = vitae::variant::apply(&mut parsed.profile, name)
    {
        out.diagnostics(&[diag.in_file(profile)]);
        return ExitCode::from(FAILED);
    }
    let exported = vitae::export::json_resume(&parsed.profile);
    if !exported.not_mapped.is_empty() {
        let diag = Diagnostic::warning(format!(
            "JSON Resume has no place for: {}",
            exported.not_mapped.join("; ")
        ))
        .in_file(profile);
        out.diagnostics(&[diag]);
    }
    let mut text = serde_json::to_string_pretty(&exported.document).unwrap_or_default();
    text.push('\n');
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match vitae::output::write_atomic(path, text.as_bytes()) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => {
                out.diagnostics(&[
                    Diagnostic::error(format!("cannot write the output: {e}")).in_file(path)
                ]);
                ExitCode::from(FAILED)
            }
        },
    }
}

/// `vitae import`: writes the profile (never over a file), then checks it
/// like a render would and shows what to fix.
fn import(
    file: &std::path::Path,
    source: Source,
    output: Option<std::path::PathBuf>,
    out: &Printer,
) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            out.diagnostics(&[
                Diagnostic::error(format!("cannot read the file: {e}")).in_file(file)
            ]);
            return ExitCode::from(FAILED);
        }
    };
    let imported = match vitae::import::convert(source, &text) {
        Ok(imported) => imported,
        Err(problem) => {
            out.diagnostics(&[Diagnostic::error(problem)
                .in_file(file)
                .expected(source.name())
                .hint("name the format with --from json-resume or --from rendercv")]);
            return ExitCode::from(FAILED);
        }
    };
    let path = output.unwrap_or_else(|| file.with_extension("toml"));
    if path.exists() {
        out.diagnostics(&[Diagnostic::error(
            "the file already exists; vitae import never overwrites",
        )
        .in_file(&path)
        .hint("choose another name with -o")]);
        return ExitCode::from(FAILED);
    }
    if let Err(e) = vitae::output::write_atomic(&path, imported.toml.as_bytes()) {
        out.diagnostics(&[
            Diagnostic::error(format!("cannot write the profile: {e}")).in_file(&path)
        ]);
        return ExitCode::from(FAILED);
    }
    if !imported.moved.is_empty() {
        let note = format!(
            "moved to the section \"Other details\" (vitae has no key for them): {}",
            imported.moved.join(", ")
        );
        out.diagnostics(&[Diagnostic::warning(note).in_file(&path)]);
    }
    if !imported.skipped.is_empty() {
        let note = format!(
            "not imported (styling and settings, not content): {}",
            imported.skipped.join(", ")
        );
        out.diagnostics(&[Diagnostic::warning(note).in_file(&path)]);
    }
    let problems = match vitae::profile::load::read(&path) {
        Ok(parsed) => vitae::profile::validate::validate(&parsed),
        Err(errors) => errors,
    };
    out.diagnostics(&problems);
    eprintln!(
        "wrote {}{}",
        path.display(),
        if problems.is_empty() {
            ""
        } else {
            "; fix the problems above before rendering"
        }
    );
    ExitCode::SUCCESS
}
