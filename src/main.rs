//! The `vitae` binary: parses the command line and runs one command
//! (`vitae::commands`).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    vitae::commands::run(vitae::cli::Cli::parse())
}
