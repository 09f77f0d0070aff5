//! The command line: flags and subcommands (one file per subcommand), error
//! printing, and exit codes. Everything else lives in the library.

mod baseline;
mod check;
mod compare;
mod completions;
mod diagnostics;
mod discover;
mod explain;
mod extract;
mod init;
mod normalize;
mod output;
mod progress;
mod rules;

use clap::{Parser, Subcommand};
use factlint::Exit;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  factlint                                   check seeds/ against rules/ and print a table
  factlint check articles/ --rules rules/    check another corpus
  factlint check --out reports/seeds.md      a Markdown report (the format follows the extension)
  factlint check --format json | jq '.facts[] | select(.status == \"conflict\")'
  factlint check draft.md --against wires/   draft mode: only the draft's contradictions
  factlint check --format concise            one line per finding (path:line:col: fact: …)
  factlint check --format github             annotations for a CI job (sarif for dashboards)
  factlint check --write-baseline            accept today's contradictions; later runs show new ones
  factlint explain c5-plus-one-name          every mention of one fact and why the verdict
  factlint rules test && factlint rules lint check the rule files
  factlint discover articles/ --write-rules rules/draft.toml   candidates without rules, drafted

Settings: flags override factlint.toml (found here or in a parent folder), which overrides
the defaults; --config FILE or --no-config to choose; `factlint init` writes a
commented factlint.toml.

Exit status: 0 no contradictions, 1 conflicts or reference mismatches found,
2 usage, configuration or input error. --fail-on error|warning|info|never
picks which severities give 1 (default info: any).";

const DISCOVER_EXAMPLES: &str = "\
Examples:
  factlint discover                            candidate facts in seeds/, disagreements first
  factlint discover articles/ --limit 20       another corpus, the 20 best candidates
  factlint discover articles/ --rules rules/   leave out what rules/ already checks
  factlint discover articles/ --write-rules rules/draft.toml
                                               draft cue rules (no regex) to edit and keep
  factlint rules test --rules rules/draft.toml && factlint check articles/ --rules rules/draft.toml
  factlint discover articles/ --format markdown --out reports/candidates.md

Candidates are proposals, not verdicts: discover exits 0 when it ran, 2 on bad input
(an empty corpus, one article, an existing --write-rules file without --force).";

/// Checks facts for consistency across several articles about the same event.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// With no subcommand, factlint runs `check`.
    #[command(flatten)]
    check: check::CheckArgs,
    /// When to color the output: auto (a terminal, unless NO_COLOR or TERM=dumb; CLICOLOR_FORCE/FORCE_COLOR force), always, never
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = output::ColorChoice::Auto)]
    color: output::ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles against the rules and report contradictions (the default).
    #[command(after_help = EXAMPLES)]
    Check(check::CheckArgs),
    /// Find candidate facts across articles without rules: disagreements first; draft rules with --write-rules.
    #[command(after_help = DISCOVER_EXAMPLES)]
    Discover(discover::DiscoverArgs),
    /// Read text on standard input and print every value of one kind as JSON lines.
    Normalize(normalize::NormalizeArgs),
    /// Commands about the rule files.
    Rules(rules::RulesArgs),
    /// Show every mention of one fact, how each was read, and why the verdict.
    Explain(explain::ExplainArgs),
    /// Write a starter factlint.toml and a commented example rule file.
    Init(init::InitArgs),
    /// Print a shell completion script (bash, zsh, fish).
    Completions(completions::CompletionsArgs),
    /// Scan (a shard of) the corpus and write its mentions as JSON Lines (map step).
    Extract(extract::ExtractArgs),
    /// Judge the mentions of `extract` files and print the report `check` would (reduce step).
    Compare(compare::CompareArgs),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    on_interrupt();
    if let Some(e) = unknown_subcommand(std::env::args_os().nth(1)) {
        let _ = e.print();
        return ExitCode::from(Exit::Error as u8);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                Exit::Error as u8
            } else {
                Exit::Clean as u8
            });
        }
    };
    output::set_color(cli.color);
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Discover(args)) => discover::run(args),
        Some(Command::Normalize(args)) => normalize::run(args),
        Some(Command::Rules(args)) => rules::run(args),
        Some(Command::Explain(args)) => explain::run(args),
        Some(Command::Init(args)) => init::run(args),
        Some(Command::Completions(args)) => completions::run(args),
        Some(Command::Extract(args)) => extract::run(args),
        Some(Command::Compare(args)) => compare::run(args),
        None => check::run(cli.check),
    };
    match result {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(e) => {
            diagnostics::print(&e);
            ExitCode::from(Exit::Error as u8)
        }
    }
}

/// `factlint chekc`, `factlint version`: a first word that is no existing
/// path and reads like a mistyped subcommand gets clap's "unrecognized
/// subcommand" error with a tip, instead of being read as a corpus path.
fn unknown_subcommand(first: Option<std::ffi::OsString>) -> Option<clap::Error> {
    use clap::CommandFactory;
    let word = first?.into_string().ok()?;
    let plain = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !plain || word.starts_with('-') || std::path::Path::new(&word).exists() {
        return None;
    }
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    if names.contains(&word) {
        return None;
    }
    let tip = if word == "version" {
        "to print the version, use '--version'".to_string()
    } else {
        let best = names
            .iter()
            .map(|n| (strsim::jaro_winkler(n, &word), n))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))?;
        format!("a similar subcommand exists: '{}'", best.1)
    };
    Some(cmd.error(
        clap::error::ErrorKind::InvalidSubcommand,
        format!("unrecognized subcommand '{word}'\n\n  tip: {tip}"),
    ))
}

/// Ctrl-C or SIGTERM: remove any half-written report (reports are only ever
/// replaced by a rename, so the previous one stays whole) and exit 130.
fn on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        factlint::report::remove_pending();
        eprintln!("factlint: interrupted");
        std::process::exit(130);
    });
}

/// Writes to stdout; a closed pipe (`factlint | head`) is not an error,
/// any other failure (`> /dev/full`) is.
pub fn print(text: &str) -> factlint::Result<()> {
    print_with(&mut |out| out.write_all(text.as_bytes()))
}

/// Writes what `fill` produces to stdout, buffered; a closed pipe is not an
/// error, any other write failure is (exit 2, one line).
pub fn print_with(
    fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> factlint::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match fill(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(factlint::Error::usage(
            format!("cannot write to standard output: {e}"),
            "free space on the disk it goes to, or write to a file with --out",
        )),
        // Nothing more may reach a closed pipe, not even the buffer's rest on drop.
        Err(_) => {
            let _ = out.into_parts();
            Ok(())
        }
        Ok(()) => Ok(()),
    }
}
