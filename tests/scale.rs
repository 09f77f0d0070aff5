//! Scale features on a small real corpus (the seed articles copied into
//! several folders): output independent of the thread count, `extract`
//! shards merged by `compare` equal to one `check`, and the prefilter
//! finding exactly what running every fact finds.

mod common;

use common::root;
use std::path::Path;
use std::process::Output;

fn factlint(args: &[&str], cwd: &Path) -> Output {
    common::run_in(cwd, args)
}

/// The seed articles (and their sources.toml) copied into `copies` folders.
fn corpus(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..copies {
        let to = dir.path().join("corpus").join(format!("desk{i}"));
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    // An article whose inline marker sets one fact aside: its mention stays
    // in the report, marked, and must survive extract → compare.
    let marked = "Kazakhstan shares a border of 7,000 km with Russia.\n\nfactlint: ignore kz-russia-border-length\n";
    std::fs::write(dir.path().join("corpus/desk0/zz_marked.txt"), marked).unwrap();
    dir
}

fn rules() -> String {
    root().join("rules").display().to_string()
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = corpus(4);
    let mut json = Vec::new();
    for format in ["json", "markdown"] {
        let one = factlint(
            &[
                "check",
                "corpus",
                "--rules",
                &rules(),
                "--format",
                format,
                "--threads",
                "1",
            ],
            dir.path(),
        );
        let four = factlint(
            &[
                "check",
                "corpus",
                "--rules",
                &rules(),
                "--format",
                format,
                "--threads",
                "4",
                "--no-progress",
            ],
            dir.path(),
        );
        assert_eq!(
            one.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&one.stderr)
        );
        assert!(one.stdout.len() > 1000, "a real report");
        assert!(
            one.stdout == four.stdout,
            "{format} differs between 1 and 4 threads"
        );
        if format == "json" {
            json = one.stdout;
        }
    }
    let report: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(report["summary"]["sources"], 21);
    let border = &report["facts"][0]["mentions"];
    let marked = border
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["source"] == "zz_marked.txt")
        .unwrap();
    assert_eq!(
        (marked["value"].as_str(), marked["suppressed"].as_str()),
        (Some("7000 km"), Some("inline"))
    );
    assert_eq!(
        report["sources"][6]["path"], "corpus/desk1/000_f4926741994e602a.txt",
        "discovery order kept"
    );
}

#[test]
fn merged_shards_equal_the_single_run() {
    let dir = corpus(3);
    for k in 1..=3 {
        let out = factlint(
            &[
                "extract",
                "corpus",
                "--rules",
                &rules(),
                "--shard",
                &format!("{k}/3"),
                "--out",
                &format!("part{k}.jsonl"),
            ],
            dir.path(),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let part = std::fs::read_to_string(dir.path().join("part2.jsonl")).unwrap();
    let header: serde_json::Value = serde_json::from_str(part.lines().next().unwrap()).unwrap();
    assert_eq!(
        (
            header["record"].as_str(),
            header["shard"].as_str(),
            header["articles"].as_u64()
        ),
        (Some("header"), Some("2/3"), Some(16))
    );
    // Shard 2/3 holds articles 1, 4, 7, … of the stable order.
    let seqs: Vec<u64> = part
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["record"] == "source")
        .map(|r| r["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [1, 4, 7, 10, 13]);
    let ignored = std::fs::read_to_string(dir.path().join("part3.jsonl")).unwrap();
    assert!(
        ignored.contains(r#""source":"zz_marked.txt""#) && ignored.contains(r#""ignored":true"#)
    );

    for format in ["json", "markdown"] {
        let single = factlint(
            &["check", "corpus", "--rules", &rules(), "--format", format],
            dir.path(),
        );
        let merged = factlint(
            &[
                "compare",
                "part3.jsonl",
                "part1.jsonl",
                "part2.jsonl",
                "--rules",
                &rules(),
                "--format",
                format,
            ],
            dir.path(),
        );
        assert_eq!(
            merged.status.code(),
            single.status.code(),
            "{}",
            String::from_utf8_lossy(&merged.stderr)
        );
        assert!(single.stdout.len() > 1000);
        assert!(
            single.stdout == merged.stdout,
            "{format}: merged shards differ from the single run"
        );
    }
}

#[test]
fn compare_refuses_incomplete_or_mismatched_shards() {
    let dir = corpus(1);
    for k in 1..=2 {
        factlint(
            &[
                "extract",
                "corpus",
                "--rules",
                &rules(),
                "--shard",
                &format!("{k}/2"),
                "--out",
                &format!("p{k}.jsonl"),
            ],
            dir.path(),
        );
    }
    let missing = factlint(&["compare", "p1.jsonl", "--rules", &rules()], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("shard 2/2 is missing"));
    let twice = factlint(
        &[
            "compare",
            "p1.jsonl",
            "p2.jsonl",
            "p1.jsonl",
            "--rules",
            &rules(),
        ],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&twice.stderr).contains("shard 1/2 was already read"));
    let other = dir.path().join("other.toml");
    let text =
        std::fs::read_to_string(root().join("rules/blinken-central-asia-2023.toml")).unwrap();
    std::fs::write(
        &other,
        text.replace("tolerance = \"2%\"", "tolerance = \"3%\""),
    )
    .unwrap();
    let changed = factlint(
        &["compare", "p1.jsonl", "p2.jsonl", "--rules", "other.toml"],
        dir.path(),
    );
    assert_eq!(changed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&changed.stderr).contains("other rules"));
    let bad = factlint(
        &["extract", "corpus", "--rules", &rules(), "--shard", "3/2"],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn prefilter_finds_exactly_what_running_every_fact_finds() {
    let rules = factlint::rules::RuleSet::load(&[root().join("rules")]).unwrap();
    let filter = factlint::extract::prefilter::Prefilter::new(&rules);
    let entries = factlint::corpus::discover(&[root().join("seeds")]).unwrap();
    let mut total = 0;
    for entry in &entries {
        let article = factlint::corpus::read(entry).unwrap().0.unwrap();
        let all = serde_json::to_string(&factlint::extract::scan(&rules, &article)).unwrap();
        let filtered = factlint::extract::scan_filtered(&rules, &filter, &article);
        total += filtered.len();
        assert_eq!(
            all,
            serde_json::to_string(&filtered).unwrap(),
            "{}",
            entry.source.path
        );
        // The filter skips some facts: it is not a no-op.
        assert!(
            filter.candidates(&article.text).iter().any(|c| !c),
            "{}",
            entry.source.path
        );
    }
    assert!(total >= 10, "the seeds hold real mentions ({total})");
}
