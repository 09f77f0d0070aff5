//! The editor's desk (issue 17), through the built binary on the seeds:
//! the table at 80 and 120 columns and in a pipe, the concise format, draft
//! mode (one seed judged against the other four), `--out x.md` format
//! inference with a missing folder made, and `--write-baseline` followed by
//! a plain `check` that exits 0.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

/// Runs factlint in `dir` with COLUMNS set (or unset) and no color variables.
fn run_cols(dir: &Path, columns: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    cmd.output().expect("run factlint")
}

/// The widest line, in characters (every character of the table is one column wide).
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

const SEEDS: &[&str] = &["check", "--no-config", "seeds", "--rules", "rules"];

#[test]
fn table_fits_80_columns() {
    let out = run_cols(&root(), Some("80"), SEEDS);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    let table: String = text
        .lines()
        .take_while(|l| !l.starts_with("constraint"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(widest(&table) <= 80, "{text}");
    // Ids are broken only after a hyphen, never inside a word.
    assert!(
        text.contains("│ kz-russia-border-   ┆") && text.contains("│   length            ┆"),
        "{text}"
    );
    assert!(
        !text.contains("bord\n") && !text.contains("er-length "),
        "{text}"
    );
    insta::assert_snapshot!("table_80", text);
}

#[test]
fn table_fits_120_columns() {
    let out = run_cols(&root(), Some("120"), SEEDS);
    let text = stdout(&out);
    let table: String = text
        .lines()
        .take_while(|l| !l.starts_with("constraint"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(widest(&table), 120, "{text}");
    insta::assert_snapshot!("table_120", text);
}

#[test]
fn table_in_a_pipe_is_100_columns() {
    let out = run_cols(&root(), None, SEEDS);
    let text = stdout(&out);
    let table: String = text
        .lines()
        .take_while(|l| !l.starts_with("constraint"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(widest(&table), 100, "{text}");
    insta::assert_snapshot!("table_pipe", text);
}

#[test]
fn too_narrow_for_a_table_falls_back_to_concise() {
    let narrow = stdout(&run_cols(&root(), Some("40"), SEEDS));
    let concise = stdout(&run_cols(
        &root(),
        None,
        &[SEEDS, &["--format", "concise"]].concat(),
    ));
    assert_eq!(narrow, concise);
}

#[test]
fn concise_is_one_line_per_finding() {
    let out = run_cols(&root(), None, &[SEEDS, &["--format", "concise"]].concat());
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("seeds/001_ac4287f27224b710.txt:10:68: un-vote-date: wrote “February 24” (2023-02-24); others 2023-02-23 (AFP (wire story) · 000, AFP (wire story) · 002, The Moscow Times (Shaun Tandon for AFP)); record 2023-02-23\n"),
        "{text}"
    );
    insta::assert_snapshot!("concise", text);
}

#[test]
fn draft_mode_reports_only_the_drafts_contradictions() {
    let args = [
        "check",
        "--no-config",
        "seeds/001_ac4287f27224b710.txt",
        "--against",
        "seeds",
        "--rules",
        "rules",
        "--format",
        "concise",
    ];
    let out = run_cols(&root(), None, &args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    for line in text.lines().filter(|l| l.contains(": wrote ")) {
        assert!(
            line.starts_with("seeds/001_ac4287f27224b710.txt:"),
            "{line}"
        );
    }
    // The draft's "Mukhtar Tleuberdi" is on the record: not an outlier,
    // even though the other sources misspell it two ways.
    assert!(!text.contains("foreign-minister-tleuberdi"), "{text}");
    assert!(text.contains("1 draft against 4 articles"), "{text}");
    insta::assert_snapshot!("draft_concise", text);

    let md = run_cols(
        &root(),
        None,
        &[&args[..7], &["--format", "markdown"]].concat(),
    );
    let md = stdout(&md);
    assert!(md.contains("Draft [seeds/001_ac4287f27224b710.txt](seeds/001_ac4287f27224b710.txt) judged against the other 4 articles"), "{md}");
    assert!(md.contains("The draft disagrees with the other sources. They give **2023-02-23**; outliers: Newspaper (Spanish-language)."), "{md}");

    // A draft that agrees with the others exits 0.
    let tmp = tempfile::tempdir().unwrap();
    let draft = tmp.path().join("draft.md");
    std::fs::write(&draft, "+++\noutlet = \"Our desk\"\npublished = 2023-03-01\n+++\nThe C5+1 format was launched in 2015.\n").unwrap();
    let clean = run_cols(
        &root(),
        None,
        &[
            "check",
            "--no-config",
            draft.to_str().unwrap(),
            "--against",
            "seeds",
            "--rules",
            "rules",
        ],
    );
    assert_eq!(code(&clean), 0, "{}", stdout(&clean));
    assert!(
        stdout(&clean).contains("1 draft against 5 articles: 2 facts stated"),
        "{}",
        stdout(&clean)
    );
}

#[test]
fn out_infers_the_format_from_the_extension_and_makes_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports/new/facts.md");
    let run = run_in(
        &root(),
        &[
            "check",
            "--no-config",
            "seeds",
            "--rules",
            "rules",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&run), 1, "{}", stderr(&run));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# factlint report\n"), "{md}");
    let json = tmp.path().join("r.json");
    run_in(
        &root(),
        &["check", "--no-config", "--out", json.to_str().unwrap()],
    );
    let parsed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(parsed["summary"]["sources"], 5);
    // --format wins over the extension.
    let forced = tmp.path().join("table.md");
    run_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--format",
            "table",
            "--out",
            forced.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(&forced).unwrap().starts_with('┌'));
}

#[test]
fn a_written_baseline_is_used_by_the_next_plain_check() {
    let tmp = copy_fixture();
    let dir = tmp.path();
    let first = run_in(dir, &["check", "articles", "--rules", "rules"]);
    assert_eq!(code(&first), 1);
    let wrote = run_in(
        dir,
        &["check", "articles", "--rules", "rules", "--write-baseline"],
    );
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    assert!(dir.join(".factlint-baseline.json").is_file());
    let again = run_in(dir, &["check", "articles", "--rules", "rules"]);
    assert_eq!(code(&again), 0, "{}", stdout(&again));
    assert!(
        stdout(&again).contains("3 accepted (baseline)"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        code(&run_in(
            dir,
            &["check", "articles", "--rules", "rules", "--no-baseline"]
        )),
        1
    );
    insta::assert_snapshot!("baseline_then_check", stdout(&again));
    // compare reads it too.
    let shard = dir.join("m.jsonl");
    let ex = run_in(
        dir,
        &[
            "extract",
            "articles",
            "--rules",
            "rules",
            "--out",
            shard.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&ex), 0, "{}", stderr(&ex));
    let compared = run_in(
        dir,
        &["compare", shard.to_str().unwrap(), "--rules", "rules"],
    );
    assert_eq!(code(&compared), 0, "{}", stdout(&compared));
}

#[test]
fn mistyped_subcommands_get_did_you_mean() {
    let out = run_in(&root(), &["chekc"]);
    assert_eq!(code(&out), 2);
    insta::assert_snapshot!("did_you_mean", stderr(&out));
    let version = run_in(&root(), &["version"]);
    assert_eq!(code(&version), 2);
    assert!(stderr(&version).contains("tip: to print the version, use '--version'"));
    // An existing folder of that name is still a corpus.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("chekc")).unwrap();
    let as_path = run_in(tmp.path(), &["chekc"]);
    assert!(
        !stderr(&as_path).contains("unrecognized subcommand"),
        "{}",
        stderr(&as_path)
    );
}

#[test]
fn an_empty_folder_points_at_init() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [&[][..], &["check"], &["rules", "test"], &["rules", "lint"]] {
        let out = run_in(tmp.path(), args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert_eq!(
            stderr(&out),
            "factlint: error: no factlint.toml here or in a parent folder, and no rules/ folder — run `factlint init` to start a project here, or pass rule files with --rules DIR\n",
            "{args:?}"
        );
    }
}

#[test]
fn explain_speaks_json() {
    let out = run_in(
        &fixture(),
        &[
            "explain",
            "--no-config",
            "bridge-length",
            "articles",
            "--rules",
            "rules",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["fact"]["id"], "bridge-length");
    assert_eq!(json["mentions"].as_array().unwrap().len(), 3);
    assert_eq!(json["mentions"][2]["path"], "articles/c.txt");
    assert_eq!(json["mentions"][2]["values"][0]["value"], "1500 m");
    assert_eq!(json["verdicts"][0]["status"], "conflict");
    assert_eq!(json["verdicts"][0]["outliers"][0], "articles/c.txt");
}

#[test]
fn rules_take_the_same_flag_everywhere() {
    for sub in ["test", "patterns", "lint"] {
        let out = run_in(
            &fixture(),
            &["rules", sub, "--no-config", "--rules", "rules", "articles"]
                [..if sub == "lint" { 6 } else { 5 }],
        );
        assert_eq!(code(&out), 0, "rules {sub}: {}", stderr(&out));
    }
    // `rules patterns` prints the patterns while an example fails.
    let broken = root().join("tests/fixtures/editors-broken");
    let test = run_in(&broken, &["rules", "test", "--no-config", "--rules", "."]);
    assert_eq!(code(&test), 1);
    let patterns = run_in(
        &broken,
        &["rules", "patterns", "--no-config", "--rules", "."],
    );
    assert_eq!(code(&patterns), 0, "{}", stderr(&patterns));
    assert!(
        stdout(&patterns).contains("(?P<value>"),
        "{}",
        stdout(&patterns)
    );
}

#[test]
fn every_load_error_is_shown_with_carets() {
    let dir = root().join("tests/fixtures/load-errors");
    let out = run_in(
        &dir,
        &["check", "--no-config", "articles", "--rules", "rules"],
    );
    assert_eq!(code(&out), 2);
    let text = stderr(&out);
    assert_eq!(text.matches("factlint: error: ").count(), 3, "{text}");
    assert!(
        text.starts_with("factlint: error: rules/a.toml:5:25: unknown placeholder `{numbr}`"),
        "{text}"
    );
    insta::assert_snapshot!("load_errors", text);
}

#[test]
fn yaml_front_matter_is_read_and_a_broken_block_warns() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.md"),
        "---\ntitle: \"Blinken in Astana\"\noutlet: Our Desk\ndate: 2023-03-02\nlayout: post\ntags: [diplomacy]\n---\nThe C5+1 format was launched in 2015.\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("b.md"),
        "---\nthis is: [not closed\n---\nBody.\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("c.md"),
        "---\n\nA thematic break, never closed.\n",
    )
    .unwrap();
    let rules = root().join("rules");
    let out = run_in(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "a.md",
            "b.md",
            "c.md",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let a = &json["sources"][0];
    assert_eq!(
        (a["outlet"].as_str(), a["published"].as_str()),
        (Some("Our Desk"), Some("2023-03-02"))
    );
    assert_eq!(a["title"], "Blinken in Astana");
    assert!(json["sources"][1]["published"].is_null());
    let warnings = stderr(&out);
    assert!(
        warnings.starts_with("factlint: warning: b.md:3:1: ")
            && warnings.contains("the --- block at the top was not read as front matter"),
        "{warnings}"
    );
    // The other warning is issue 19's: the rules have date facts and two
    // articles have no publication date.
    let (undated, others): (Vec<&str>, Vec<&str>) = warnings
        .lines()
        .partition(|l| l.contains("have no publication date (b.md, c.md)"));
    assert_eq!(undated.len(), 1, "{warnings}");
    assert_eq!(
        others.len(),
        1,
        "c.md's unclosed --- is a thematic break: {warnings}"
    );
}

/// `--out reports/x.md` in a folder that does not exist yet: Markdown (from
/// the extension), links relative to the report's folder.
#[test]
fn out_md_snapshot() {
    let tmp = copy_fixture();
    let run = run_in(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "articles",
            "--rules",
            "rules",
            "--out",
            "reports/x.md",
        ],
    );
    assert_eq!(code(&run), 1, "{}", stderr(&run));
    assert!(run.stdout.is_empty());
    let md = std::fs::read_to_string(tmp.path().join("reports/x.md")).unwrap();
    assert!(
        md.contains("[articles/c.txt:1](../articles/c.txt#L1)"),
        "{md}"
    );
    insta::assert_snapshot!("out_md", md);
}

/// Rules run against another event's articles: one `no-corpus-match` per
/// fact that is never stated, not one per pattern, and exit 0 (advice).
#[test]
fn lint_on_the_wrong_corpus_says_so_once_per_fact() {
    let out = run_in(
        &root(),
        &[
            "rules",
            "lint",
            "--no-config",
            "seeds",
            "--rules",
            "tests/fixtures/editors/rules",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("no-corpus-match: no pattern of `bridge-cost` matches anything in the corpus (5 articles): is it the right corpus?"),
        "{text}"
    );
    assert!(!text.contains("of `bridge-cost` matches nothing"), "{text}");
    assert_eq!(text.matches("no-corpus-match").count(), 3, "{text}");
}
