//! Helpers of the property tests: English number words, the seed corpus
//! scanned once, synthetic articles, verdicts as JSON, a replayable shuffle.

use factlint::compare;
use factlint::corpus::{Article, Source};
use factlint::extract::{self, Mention};
use factlint::rules::{self, RuleSet};
use std::path::{Path, PathBuf};

/// The first YYYY-MM-DD in `text`.
pub fn first_date(text: &str) -> Option<jiff::civil::Date> {
    let re = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").unwrap();
    let found = re.find_iter(text).find_map(|m| m.as_str().parse().ok());
    found
}

/// `n` in English words: "one hundred and forty-one" (with `and`) or without it.
pub fn english(n: u64, and: bool) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64, and: bool) -> String {
        let (h, rest) = (n / 100, n % 100);
        let tail = match rest {
            0 => String::new(),
            1..=19 => SMALL[rest as usize].to_string(),
            _ if rest % 10 == 0 => TENS[(rest / 10) as usize].to_string(),
            _ => format!(
                "{}-{}",
                TENS[(rest / 10) as usize],
                SMALL[(rest % 10) as usize]
            ),
        };
        match (h, tail.is_empty()) {
            (0, _) => tail,
            (_, true) => format!("{} hundred", SMALL[h as usize]),
            (_, false) => format!(
                "{} hundred {}{tail}",
                SMALL[h as usize],
                if and { "and " } else { "" }
            ),
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [(1_000_000, "million"), (1_000, "thousand"), (1, "")] {
        let chunk = (n / scale) % 1000;
        if chunk > 0 {
            let words = below_thousand(chunk, and);
            parts.push(if name.is_empty() {
                words
            } else {
                format!("{words} {name}")
            });
        }
    }
    parts.join(" ")
}

pub fn vote_rules() -> RuleSet {
    let text = r#"
[[fact]]
id = "votes"
claim = "141 countries voted in favour."
kind = "number"
tolerance = "1%"
expect = 141
patterns = ['(?P<value>{number})\s+countries\s+voted\s+in\s+favou?r']
"#;
    RuleSet {
        facts: rules::parse_file(Path::new("votes.toml"), text).unwrap(),
        files: vec![PathBuf::from("votes.toml")],
        ..RuleSet::default()
    }
}

pub fn article(file: &str, text: &str) -> Article {
    let source = Source {
        file: file.into(),
        path: format!("articles/{file}"),
        ..Source::default()
    };
    Article {
        source,
        text: text.into(),
        body_start: 0,
    }
}

/// The seed rules and every mention in the seed articles, scanned once.
pub fn seed_mentions() -> &'static (RuleSet, Vec<Mention>) {
    static SEEDS: std::sync::OnceLock<(RuleSet, Vec<Mention>)> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let (rules, articles) = seeds();
        let mentions = articles
            .iter()
            .flat_map(|a| extract::scan(&rules, a))
            .collect();
        (rules, mentions)
    })
}

pub fn seeds() -> (RuleSet, Vec<Article>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]).unwrap();
    let entries = factlint::corpus::discover(&[root.join("seeds")]).unwrap();
    let articles = entries
        .iter()
        .filter_map(|e| factlint::corpus::read(e).unwrap().0)
        .collect();
    (rules, articles)
}

/// The verdicts as JSON, for comparing two runs whole. `seed` shuffles the
/// mentions themselves before they reach the comparer (0: as scanned).
pub fn verdicts(rules: &RuleSet, articles: &[Article], seed: u64) -> String {
    let mut mentions: Vec<_> = articles
        .iter()
        .flat_map(|a| extract::scan(rules, a))
        .collect();
    if seed != 0 {
        shuffle(&mut mentions, seed);
    }
    serde_json::to_string_pretty(&compare::compare(&rules.facts, mentions)).unwrap()
}

/// Fisher–Yates with a small LCG seeded by proptest, so a failure replays.
pub fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}
