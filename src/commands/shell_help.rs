//! `vitae completions SHELL` and `vitae man`: from the clap definition in
//! `cli.rs`, the one source of every flag and its help.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;

/// The completion script for `shell`. It asks `vitae` (on the PATH) at
/// each Tab, so it completes layouts, theme options and the variants of the
/// profile on the line, and never goes stale when vitae is updated.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    crate::completion::registration(&shell.to_string(), &mut script)?;
    std::io::stdout().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page: vitae(1) with every subcommand's options in it.
pub fn man() -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(page, ".SH \"VITAE {}\"", sub.get_name().to_uppercase())?;
        writeln!(page, "{}", about.replace('\\', "\\\\"))?;
        clap_mangen::Man::new(sub.clone()).render_options_section(&mut page)?;
    }
    std::io::stdout().write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}
