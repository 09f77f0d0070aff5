//! `factlint rules …`: commands about the rule files themselves.

use super::check::{corpus_paths, entries, ConfigArgs};
use clap::{Args, Subcommand};
use factlint::check::{corpus_test, lint};
use factlint::rules::{examples, RuleSet};
use factlint::{corpus, Exit, Result};
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
    /// Run every fact's examples and every [[test]] corpus; list each failure
    /// as file:line:col (exit 1 when any fails)
    Test {
        /// Rule files or folders [default: `rules` in factlint.toml, else rules]
        #[arg(value_name = "RULES")]
        rules: Vec<PathBuf>,
        #[command(flatten)]
        settings: ConfigArgs,
    },
    /// Check rule files against the corpus: unreachable patterns, patterns
    /// that match nothing, overlapping facts, patterns without examples,
    /// ids not in kebab-case (exit 1 when there are findings)
    Lint {
        /// Rule files or folders [default: `rules` in factlint.toml, else rules]
        #[arg(value_name = "RULES")]
        rules: Vec<PathBuf>,
        /// Articles to lint against; repeat for several [default: `corpus` in factlint.toml, else seeds]
        #[arg(long, short, value_name = "PATH")]
        corpus: Vec<PathBuf>,
        #[command(flatten)]
        settings: ConfigArgs,
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
            super::print(&out)?;
            Ok(Exit::Clean)
        }
        RulesCommand::Test { rules, settings } => test(
            super::check::rule_paths(rules, &settings.load()?),
            settings.walk(),
        ),
        RulesCommand::Lint {
            rules,
            corpus,
            settings,
        } => {
            let config = settings.load()?;
            let rules = RuleSet::load_unchecked_with(
                &super::check::rule_paths(rules, &config),
                settings.walk(),
            )?;
            let mut articles = Vec::new();
            for entry in entries(&corpus_paths(corpus, &config), &config, settings.walk())? {
                let (article, warnings) = corpus::read(&entry)?;
                for w in warnings {
                    eprintln!("factlint: warning: {w}");
                }
                articles.extend(article);
            }
            let findings = lint::lint(&rules, &articles);
            let mut out = String::new();
            for f in &findings {
                out.push_str(&format!("{}: {}: {}\n", f.at, f.check, f.message));
            }
            out.push_str(&format!(
                "{} findings in {} facts, {} articles\n",
                findings.len(),
                rules.facts.len(),
                articles.len()
            ));
            super::print(&out)?;
            Ok(if findings.is_empty() {
                Exit::Clean
            } else {
                Exit::Contradictions
            })
        }
    }
}

/// `rules test`: examples and corpus tests, every failure listed.
fn test(paths: Vec<PathBuf>, how: factlint::text::walk::Walk) -> Result<Exit> {
    let rules = RuleSet::load_unchecked_with(&paths, how)?;
    let mut failures: Vec<examples::ExampleFailure> = Vec::new();
    let mut count = 0;
    for fact in &rules.facts {
        count += fact.examples.len();
        failures.extend(
            examples::check_fact(fact)
                .into_iter()
                .map(|f| examples::ExampleFailure {
                    message: format!("fact `{}`: {}", fact.id, f.message),
                    ..f
                }),
        );
    }
    let tests = corpus_test::load(&rules)?;
    for t in &tests {
        failures.extend(corpus_test::run(&rules, t));
    }
    let mut out = String::new();
    for f in &failures {
        out.push_str(&format!("{}: {}\n", f.origin, f.message));
    }
    out.push_str(&format!(
        "{} examples, {} corpus tests: {} failures\n",
        count,
        tests.len(),
        failures.len()
    ));
    super::print(&out)?;
    Ok(if failures.is_empty() {
        Exit::Clean
    } else {
        Exit::Contradictions
    })
}
