//! The speed work of issue 15 changes no output: the JSON reports on the
//! seeds, on a sample of the dense benchmark corpus (`bench/dense
//! --articles 20`) and on one article of 200 "Mr Lu met." mentions, with the
//! cue-based seed rules and with the regex rules they replaced
//! (`bench/dense-regex`), are byte for byte those written by main without
//! it (`--threads 1`; e0ff7cb when the work started, 71a6b65 when main was
//! last merged, 7bfaa3a — main with the verdicts of issue 13 — after the
//! merge into main), at one thread and at the default.
//! `tests/fixtures/speed/*.json` hold them: after merging main, regenerate
//! them with main's own build, never with this branch's.

mod common;

use common::root;

fn report(corpus: &str, rules: &str, threads: Option<&str>) -> Vec<u8> {
    let mut args = vec![
        "check",
        corpus,
        "--rules",
        rules,
        "--format",
        "json",
        "--no-progress",
        "--no-config",
    ];
    if let Some(n) = threads {
        args.extend(["--threads", n]);
    }
    let out = common::run_in(&root(), &args);
    // Findings or none (the 200-mention article has no error-level finding
    // since verdicts); never a failure to run.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{corpus} with {rules}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn reports_are_byte_identical_to_those_before_the_speed_work() {
    for (corpus, name) in [
        ("seeds", "seeds"),
        ("tests/fixtures/speed/dense", "dense"),
        ("tests/fixtures/speed/stall", "stall"),
    ] {
        for rules in ["rules", "bench/dense-regex"] {
            let golden = root().join(format!(
                "tests/fixtures/speed/{name}-{}.json",
                rules.rsplit('/').next().unwrap()
            ));
            let want = std::fs::read(&golden).unwrap();
            assert!(want.len() > 50_000, "{} is a real report", golden.display());
            for threads in [Some("1"), None] {
                let got = report(corpus, rules, threads);
                if got != want {
                    let got = String::from_utf8_lossy(&got);
                    let want = String::from_utf8_lossy(&want);
                    let line = got
                        .lines()
                        .zip(want.lines())
                        .position(|(a, b)| a != b)
                        .unwrap_or(got.lines().count().min(want.lines().count()));
                    panic!(
                        "{corpus} with {rules} at {threads:?} threads differs from {} from line {}: {:?} vs {:?}",
                        golden.display(),
                        line + 1,
                        got.lines().nth(line),
                        want.lines().nth(line)
                    );
                }
            }
        }
    }
}

/// The JSON reporter renders mentions on the worker threads and splices
/// them into serde_json's output: the bytes are serde_json's pretty
/// printing of the whole report, on reports of one block and of many (the
/// dense sample's report is ~1 MB, with empty and long mention lists).
#[test]
fn the_spliced_json_report_is_serde_jsons_pretty_printing() {
    use factlint::report::{json::Json, Reporter, Target};
    let rules = factlint::rules::RuleSet::load(&[root().join("rules")]).unwrap();
    for corpus in ["seeds", "tests/fixtures/speed/dense"] {
        let report = factlint::check::check(&rules, &[root().join(corpus)]).unwrap();
        let whole = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let spliced = Json.render(&report, &Target::default());
        assert!(whole.len() > 50_000, "{corpus}: {} bytes", whole.len());
        assert!(whole == spliced, "{corpus}: the spliced JSON differs");
    }
}
