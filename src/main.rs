//! The `vitae` binary: parses the command line and runs one command
//! (`vitae::commands`).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Started by the shell's completion script: answer and exit.
    vitae::completion::answer_if_asked();
    vitae::commands::run(vitae::cli::Cli::parse())
}
