//! The commands of the `vitae` binary, one file each. A command only wires
//! pipeline stages together and reports what happened; the stages themselves
//! live in the library modules.

mod check;
mod export;
mod fonts;
mod import;
mod layouts;
mod new;
mod render;
mod report;
mod schema;
mod shell_help;
mod terminal;
mod watch;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::diagnostic::{Code, Diagnostic};

pub use terminal::Terminal;

/// Exit status when some profile failed or a PDF is stale.
pub const FAILED: u8 = 1;
/// Exit status for a wrong command line (clap uses it too).
pub const USAGE: u8 = 2;

/// A command that stopped: what to tell the user and the exit status.
///
/// Commands return `anyhow::Result`, so an unexpected failure can carry
/// context on its way up; a `Failure` is the expected kind, already worded
/// as diagnostics.
#[derive(Debug)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    pub status: u8,
}

impl Failure {
    /// The input was at fault (exit 1).
    pub fn failed(diagnostics: impl Into<Vec<Diagnostic>>) -> Self {
        Self {
            diagnostics: diagnostics.into(),
            status: FAILED,
        }
    }

    /// The command line was at fault (exit 2).
    pub fn usage(diagnostics: impl Into<Vec<Diagnostic>>) -> Self {
        Self {
            diagnostics: diagnostics.into(),
            status: USAGE,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failure {}

/// Runs the command the user typed and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let term = Terminal::new(cli.color, cli.message_format);
    let result = match cli.command {
        Command::Render(args) => render::run(args, &term),
        Command::Check(args) => check::run(&args, &term),
        Command::Watch(args) => watch::run(args, &term),
        Command::New { name, output } => new::run(&name, output, &term),
        Command::Import { file, from, output } => import::run(&file, from, output, &term),
        Command::Export {
            profile,
            to: _,
            output,
            variant,
        } => export::run(&profile, output.as_deref(), variant.as_deref(), &term),
        Command::Schema { layout } => schema::run(&layout),
        Command::Completions { shell } => shell_help::completions(shell),
        Command::Man => shell_help::man(),
        Command::Fonts(args) => fonts::run(&args, &term),
        Command::Layouts { name, action } => match action {
            Some(crate::cli::LayoutsAction::Eject { name, dir }) => {
                layouts::eject(&name, dir.as_deref(), &term)
            }
            None => layouts::run(name.as_deref(), &term),
        },
        Command::Job => return crate::isolate::serve(),
    };
    result.unwrap_or_else(|error| match error.downcast::<Failure>() {
        Ok(failure) => {
            term.diagnostics(&failure.diagnostics);
            ExitCode::from(failure.status)
        }
        Err(other) => {
            term.diagnostics(&[Diagnostic::error(Code::Internal, format!("{other:#}"))]);
            ExitCode::from(FAILED)
        }
    })
}

/// Commands that create a file never replace one the user already has.
fn refuse_to_overwrite(path: &std::path::Path, command: &str) -> Result<(), Failure> {
    if !path.exists() {
        return Ok(());
    }
    Err(Failure::failed([Diagnostic::error(
        Code::FileExists,
        format!("the file already exists; {command} never overwrites"),
    )
    .in_file(path)
    .hint("choose another name with -o")]))
}

/// Writes a file a command produced (a profile, an export); a failure names
/// the file and what it was.
fn write_file(path: &std::path::Path, bytes: &[u8], what: &str) -> Result<(), Failure> {
    crate::output::write_named(path, bytes)
        .map(|_| ())
        .map_err(|e| {
            Failure::failed([Diagnostic::error(
                Code::WriteFailed,
                format!("cannot write the {what}: {e}"),
            )
            .in_file(path)])
        })
}
