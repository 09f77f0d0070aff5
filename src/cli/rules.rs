//! `factlint rules …`: commands about the rule files themselves.

use super::check::{corpus_paths, entries, rule_paths, ConfigArgs};
use clap::{Args, Subcommand};
use factlint::check::{corpus_test, lint};
use factlint::config::Config;
use factlint::rules::{examples, Load, RuleSet};
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
    /// (the same patterns factlint runs; e.g. for `rg -f`). Works while
    /// examples fail.
    Patterns {
        #[command(flatten)]
        rules: RuleArgs,
        /// Same as --rules (older spelling)
        #[arg(value_name = "RULES", hide = true)]
        positional: Vec<PathBuf>,
    },
    /// Run every fact's examples and every [[test]] corpus; list each failure
    /// as file:line:col (exit 1 when any fails)
    Test {
        #[command(flatten)]
        rules: RuleArgs,
        /// Same as --rules (older spelling)
        #[arg(value_name = "RULES", hide = true)]
        positional: Vec<PathBuf>,
    },
    /// Check rule files against the corpus: unreachable patterns, patterns
    /// that match nothing, overlapping facts, patterns without examples, id
    /// style. Findings are advice: exit 0 unless --strict
    Lint {
        /// Articles to lint against [default: `corpus` in factlint.toml, else seeds]
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
        /// Same as PATHS (older spelling)
        #[arg(long, short, value_name = "PATH", hide = true)]
        corpus: Vec<PathBuf>,
        /// Exit 1 when there are findings (for CI)
        #[arg(long)]
        strict: bool,
    },
}

/// The rules, passed as everywhere else: `--rules`, else factlint.toml, else `rules`.
#[derive(Debug, Args)]
struct RuleArgs {
    /// Rule file or folder of *.toml rule files; repeat for several [default: `rules` in factlint.toml, else rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    settings: ConfigArgs,
}

impl RuleArgs {
    /// The rule paths and the config; `more` are rule paths given the older way.
    fn resolve(self, more: Vec<PathBuf>) -> Result<(Vec<PathBuf>, Config, Load)> {
        let config = self.settings.load()?;
        let mut flags = self.rules;
        flags.extend(more);
        Ok((
            rule_paths(flags, &config)?,
            config,
            self.settings.rule_load(),
        ))
    }
}

pub fn run(args: RulesArgs) -> Result<Exit> {
    match args.command {
        RulesCommand::Patterns { rules, positional } => {
            let (paths, _, walk) = rules.resolve(positional)?;
            // Unchecked: the patterns are worth seeing while an example fails.
            let rules = RuleSet::load_unchecked_with(&paths, walk)?;
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
        RulesCommand::Test { rules, positional } => {
            let (paths, _, walk) = rules.resolve(positional)?;
            test(paths, walk)
        }
        RulesCommand::Lint {
            paths,
            rules,
            corpus,
            strict,
        } => {
            let (rule_files, config, walk) = rules.resolve(Vec::new())?;
            let rules = RuleSet::load_unchecked_with(&rule_files, walk)?;
            let mut flags = paths;
            flags.extend(corpus);
            let mut articles = Vec::new();
            for entry in entries(&corpus_paths(flags, &config)?, &config, walk.walk)? {
                let (article, warnings) = corpus::read(&entry)?;
                for w in warnings {
                    eprintln!("factlint: warning: {w}");
                }
                articles.extend(article);
            }
            let findings = lint::lint_with(&rules, &articles, &config.lint);
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
            Ok(if strict && !findings.is_empty() {
                Exit::Contradictions
            } else {
                Exit::Clean
            })
        }
    }
}

/// `rules test`: examples and corpus tests, every failure listed.
fn test(paths: Vec<PathBuf>, how: Load) -> Result<Exit> {
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
