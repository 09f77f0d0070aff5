//! An overall budget on the compiled size of the rules' patterns.
//!
//! The regex crate caps each pattern at 10 MiB compiled, but not a rule set:
//! a thousand patterns near that cap would take gigabytes before the first
//! article is read. After loading, each pattern's compiled size is estimated
//! from its syntax tree and added up in rule-file order; the pattern that
//! takes the total over the budget ([`BUDGET`] unless `--regex-size-limit` says
//! otherwise) is an error at its place in its file.
//!
//! The estimate counts what the regex crate's Thompson NFA holds: a state
//! per literal byte, per byte of each range of a character class (the way
//! `\w` becomes hundreds of UTF-8 byte ranges), per look-around and capture, with
//! bounded repeats multiplied out. Building the NFA itself to measure it
//! would cost as much again as compiling the rules; the estimate costs a
//! walk of the tree, and a test holds it within a factor of the real size.
//! Cue rules compile no patterns of the author's, so they cost nothing here.

use super::Fact;
use crate::error::{Error, Result};
use regex_syntax::hir::{Class, Hir, HirKind};

/// What all the rules' patterns together may compile to, by the estimate:
/// 256 MiB (the 1,250 patterns of the 1,000-fact benchmark take ~20 MiB).
pub const BUDGET: usize = 256 << 20;

/// Bytes per counted state, fitted to the NFA's `memory_usage` on the patterns
/// of the test below (the NFA shares suffixes of class sequences).
const STATE: usize = 6;

/// The estimated compiled size of one pattern, in bytes; a pattern that does
/// not parse (the regex crate refused it earlier) counts as nothing.
pub fn compiled_size(regex: &str) -> usize {
    regex_syntax::parse(regex).map_or(0, |hir| size_of(&hir))
}

/// [`compiled_size`] of a parsed pattern.
pub fn size_of(hir: &Hir) -> usize {
    states(hir).saturating_mul(STATE)
}

fn states(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty => 1,
        HirKind::Literal(lit) => lit.0.len(),
        HirKind::Class(Class::Bytes(c)) => c.ranges().len(),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .map(|r| r.end().len_utf8() + r.end().len_utf8() - r.start().len_utf8())
            .sum(),
        HirKind::Look(_) => 1,
        HirKind::Repetition(rep) => {
            // An unbounded repeat keeps one extra copy of its body.
            let copies = rep.max.unwrap_or(rep.min.saturating_add(1)).max(1) as usize;
            states(&rep.sub).saturating_mul(copies).saturating_add(1)
        }
        HirKind::Capture(cap) => states(&cap.sub).saturating_add(2),
        HirKind::Concat(items) => items.iter().map(states).fold(0, usize::saturating_add),
        HirKind::Alternation(items) => items
            .iter()
            .map(states)
            .fold(1, |a, b| a.saturating_add(b).saturating_add(1)),
    }
}

/// Checks the patterns of `facts` against `budget` bytes, in order.
pub fn check(facts: &[Fact], budget: usize) -> Result<()> {
    use rayon::prelude::*;
    let patterns: Vec<(&Fact, &super::Pattern)> = facts
        .iter()
        .flat_map(|f| f.patterns.iter().map(move |p| (f, p)))
        .collect();
    // Parsing dominates: estimate on every core, add up in file order.
    let sizes: Vec<usize> = patterns
        .par_iter()
        .map(|(_, p)| p.scan.hir().map_or(0, |hir| size_of(&hir)))
        .collect();
    let mut total = 0usize;
    for ((fact, pattern), size) in patterns.into_iter().zip(sizes) {
        total = total.saturating_add(size);
        if total > budget {
            return Err(Error::rules(
                pattern.origin.clone(),
                format!(
                    "the rules' patterns compile to more than {} in all (this pattern of fact `{}` takes about {}, bringing the total to {})",
                    mib(budget),
                    fact.id,
                    mib(size),
                    mib(total)
                ),
                "shrink the largest patterns (bounded repeats like {1,1000} and Unicode classes grow them), write the fact with `cues` instead, check the rules in several runs, or raise `--regex-size-limit`",
            ));
        }
    }
    Ok(())
}

/// Bytes in MiB, or KiB below one MiB (a lowered `--regex-size-limit`).
fn mib(bytes: usize) -> String {
    if bytes < 1 << 20 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson;

    fn nfa_size(regex: &str) -> usize {
        thompson::Compiler::new()
            .configure(thompson::Config::new().nfa_size_limit(None))
            .build(regex)
            .unwrap()
            .memory_usage()
    }

    /// The estimate stays within a factor of four of the NFA the regex
    /// crate's engine builds, from a few hundred bytes to megabytes.
    #[test]
    fn the_estimate_follows_the_real_compiled_size() {
        let placeholders = crate::rules::placeholders::expand;
        let patterns = [
            r"(?P<value>\d+) killed".to_string(),
            r"(?i)magnitude[- ](?P<value>\d(?:\.\d)?)".to_string(),
            r"(?P<value>\w{1,50}) killed".to_string(),
            r"\b(?P<value>\w+)\s+(?:kilomet(?:er|re)s?|km|miles?)\b".to_string(),
            placeholders(r"(?i)(?P<value>{number})\s+(?:people\s+)?(?:were\s+)?killed"),
            placeholders(r"(?i)on\s+(?P<value>{date})"),
            r"(?P<value>[\p{L}\p{M}]{1,100})".to_string(),
        ];
        for p in &patterns {
            let (estimate, real) = (compiled_size(p), nfa_size(p));
            let ratio = estimate as f64 / real as f64;
            assert!(
                (0.25..=4.0).contains(&ratio),
                "{p}: estimate {estimate}, NFA {real}"
            );
        }
        let small = compiled_size(r"(?P<value>\d+) killed");
        let large = compiled_size(r"(?P<value>\w{1,200}) killed");
        assert!(large > 1000 * small, "{small} vs {large}");
    }

    #[test]
    fn the_pattern_that_crosses_the_budget_is_named_at_its_place() {
        let text = r#"
[[fact]]
id = "toll"
claim = "80 killed"
kind = "number"
patterns = ['(?P<value>\d+) killed']

[[fact]]
id = "wide"
claim = "a long word"
kind = "number"
patterns = ['(?P<value>\d+)\s+\w{1,30}']
"#;
        let dir = std::env::temp_dir().join(format!("factlint-budget-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("r.toml");
        std::fs::write(&file, text).unwrap();
        let rules = crate::rules::RuleSet::load_unchecked(&[file]).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let size = |i: usize| compiled_size(rules.facts[i].patterns[0].regex.as_str());
        let all = size(0) + size(1);
        assert!(size(1) > 100 * size(0), "{} {}", size(0), size(1));
        assert!(check(&rules.facts, all).is_ok());
        let err = check(&rules.facts, all - 1).unwrap_err().to_string();
        assert!(err.contains("r.toml:12:13"), "{err}");
        assert!(err.contains("fact `wide` takes about"), "{err}");
    }
}
