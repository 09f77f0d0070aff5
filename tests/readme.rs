//! The README's first sections work as written: every shell command before
//! "## What it does" (the two commands, then "Check your own articles") runs
//! in a fresh copy of the repository's layout, in order, in one shell, and
//! exits with the status its comment names ("exits 1"; else 0). Commands
//! that need factlint installed run the binary built for the tests: a
//! `cargo` shim turns `cargo run --release -- ARGS` into `factlint ARGS`
//! and `cargo install …` into nothing, since factlint is already on the
//! PATH. `cargo test` is the one command not run (it would run this test).

mod common;

use common::root;
use std::path::Path;

/// The shell commands of the README before `## What it does`, with the
/// exit status each one's comment names.
fn commands(readme: &str) -> Vec<(String, i32)> {
    let head = &readme[..readme.find("\n## What it does").expect("section")];
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in head.lines() {
        if line.starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        if !in_sh || line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        // The comment starts at the first " # " outside quotes.
        let (mut command, mut comment) = (line, "");
        let mut quote = None;
        for (i, c) in line.char_indices() {
            match (c, quote) {
                ('\'' | '"', None) => quote = Some(c),
                (q, Some(open)) if q == open => quote = None,
                ('#', None) if line[..i].ends_with(' ') => {
                    (command, comment) = (&line[..i], &line[i..]);
                    break;
                }
                _ => {}
            }
        }
        let status = ["exits 1", "exits 2"]
            .iter()
            .position(|m| comment.contains(m))
            .map_or(0, |i| i as i32 + 1);
        out.push((command.trim().to_string(), status));
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn readme_first_sections_run_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let all = commands(&readme);
    assert!(all.len() >= 10, "{all:?}");
    let clone = tempfile::tempdir().unwrap();
    for dir in ["seeds", "rules"] {
        copy_dir(&root().join(dir), &clone.path().join(dir));
    }
    std::fs::copy(
        root().join("factlint.toml"),
        clone.path().join("factlint.toml"),
    )
    .unwrap();
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_factlint"), bin.path().join("factlint"))
        .unwrap();
    let shim = bin.path().join("cargo");
    std::fs::write(
        &shim,
        "#!/bin/sh\ncase \"$1\" in\n  run) shift; while [ \"$1\" = --release ] || [ \"$1\" = -- ]; do shift; done; exec factlint \"$@\";;\n  install) exit 0;;\nesac\necho \"cargo shim: $*\" >&2; exit 97\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();

    let run: Vec<&(String, i32)> = all.iter().filter(|(c, _)| c != "cargo test").collect();
    assert_eq!(all.len() - run.len(), 1, "only `cargo test` is skipped");
    let rc = clone.path().join(".rc");
    let mut script = String::from("set -u\n");
    for (command, _) in &run {
        script.push_str(&format!("{command}\necho $? >> '{}'\n", rc.display()));
    }
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(clone.path())
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.path().display(),
                std::env::var("PATH").unwrap()
            ),
        )
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    let log = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<i32> = std::fs::read_to_string(&rc)
        .unwrap_or_default()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    let want: Vec<i32> = run.iter().map(|(_, s)| *s).collect();
    let table: Vec<String> = run
        .iter()
        .zip(got.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|((c, w), g)| format!("want {w} got {g:?}: {c}"))
        .collect();
    assert_eq!(got, want, "{}\n{log}", table.join("\n"));
    // What the walkthrough promises.
    let desk = clone.path().join("quake-desk");
    assert!(desk.join("factlint.toml").is_file());
    let report = std::fs::read_to_string(desk.join("reports/facts.md")).unwrap();
    assert!(
        report.contains("| Fact | The Agency | The Wire | Status |"),
        "{report}"
    );
    assert!(
        log.contains(
            "draft.md:5:34: quake-death-toll: wrote “2,900” (2900); others 2012 (The Wire)"
        ),
        "{log}"
    );
}

/// The composite action's last step, run as the runner would run it (its
/// `run` line with the inputs in the environment) on the editors fixture:
/// annotations on stdout, the job summary appended, exit 1 on contradictions.
#[test]
fn action_runs_factlint_with_annotations_and_a_summary() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action: serde_norway::Value = serde_norway::from_str(&text).unwrap();
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let run = steps
        .iter()
        .find(|s| s["name"] == "Run factlint")
        .expect("a Run factlint step");
    let command = run["run"].as_str().unwrap();
    let install = steps
        .iter()
        .find(|s| s["name"] == "Install factlint")
        .unwrap();
    assert!(install["run"]
        .as_str()
        .unwrap()
        .contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""));
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_factlint"), bin.path().join("factlint"))
        .unwrap();
    let summary = bin.path().join("summary.md");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(command)
        .current_dir(common::fixture())
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.path().display(),
                std::env::var("PATH").unwrap()
            ),
        )
        .env("FACTLINT_ARGS", "--no-config articles --rules rules")
        .env(
            "FACTLINT_FAIL_ON",
            action["inputs"]["fail-on"]["default"].as_str().unwrap(),
        )
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=articles/c.txt,line=1,"),
        "{stdout}"
    );
    assert!(
        std::fs::read_to_string(&summary)
            .unwrap()
            .contains("factlint"),
        "job summary"
    );
}
