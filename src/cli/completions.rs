//! `factlint completions SHELL`: prints a completion script for bash, zsh
//! or fish, generated from the command-line definition so it never drifts.

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use factlint::{Exit, Result};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish (also elvish, powershell)
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: CompletionsArgs) -> Result<Exit> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut super::Cli::command(), "factlint", &mut buf);
    super::print(&String::from_utf8_lossy(&buf))?;
    Ok(Exit::Clean)
}
