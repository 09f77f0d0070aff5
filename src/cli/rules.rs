//! `factlint rules …`: commands about the rule files themselves.

use clap::{Args, Subcommand};
use factlint::rules::RuleSet;
use factlint::{Exit, Result};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Print every fact's patterns, placeholders expanded, one regex per line
    /// (the same patterns factlint runs; e.g. for `rg -f`)
    Patterns {
        /// Rule files or folders [default: rules]
        #[arg(value_name = "RULES")]
        rules: Vec<PathBuf>,
    },
}

fn rule_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        paths
    }
}

pub fn run(args: RulesArgs) -> Result<Exit> {
    match args.command {
        RulesCommand::Patterns { rules } => {
            let rules = RuleSet::load(&rule_paths(rules))?;
            let mut out = String::new();
            for fact in &rules.facts {
                for pattern in &fact.patterns {
                    out.push_str(pattern.regex.as_str());
                    out.push('\n');
                }
            }
            super::print(&out);
            Ok(Exit::Clean)
        }
    }
}
