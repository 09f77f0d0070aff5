//! The bad-input catalog: every folder under `tests/bad-inputs/` is one case
//! (rules, articles, a `case.toml` with the command line, the exit code and
//! the first line of standard error). Each case is copied to a temporary
//! folder, completed there by its generator when it needs files that are
//! large, binary, in another encoding or special (symlinks, pipes, modes),
//! and run with the real binary from that folder. Every failing case is
//! reported at once. Beyond what each case states, every run must not panic,
//! must not hang, and must not leave a temporary report file behind.
//!
//! `docs/robustness.md` lists the catalog; [`catalog_doc_is_in_sync`] fails
//! when it is stale (`FACTLINT_BLESS=1 cargo test --test bad_inputs` rewrites it).

use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    args: Vec<String>,
    exit: i32,
    /// The first line of standard error ("" for none).
    stderr_first_line: String,
    /// How `stderr_first_line` is compared: "exact" (default), "prefix" or "contains".
    #[serde(default, rename = "match")]
    matching: Option<String>,
    #[serde(default)]
    stdout_contains: Vec<String>,
    /// Texts standard output must not contain (markup that must be escaped).
    #[serde(default)]
    stdout_lacks: Vec<String>,
    /// A report written before the run that must be byte-identical after it.
    #[serde(default)]
    previous_report: Option<String>,
    /// Name of the generator that completes the case at run time.
    #[serde(default)]
    generate: Option<String>,
    /// Paths that must not exist after the run (e.g. a file named `-`).
    #[serde(default)]
    absent: Vec<String>,
    /// Paths that must still be symbolic links after the run.
    #[serde(default)]
    links: Vec<String>,
    /// Files that must contain a text after the run: `{ "path" = "text" }`.
    #[serde(default)]
    files_contain: std::collections::BTreeMap<String, String>,
}

const PREVIOUS: &str = "# previous report\nIt must survive a failed run.\n";
const TIMEOUT: Duration = Duration::from_secs(120);

fn catalog() -> Vec<(String, PathBuf, Case)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    // By number: case 100 comes after 99, not after 10.
    dirs.sort_by_key(|d| {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        let number: usize = name
            .split('-')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        (number, name)
    });
    dirs.into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(dir.join("case.toml"))
                .unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
            let case: Case =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
            (name, dir, case)
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[path = "support/generate.rs"]
mod generate;
use generate::{generate, unlock, RunAs};

/// Temporary report files left anywhere under `dir`.
fn stray_temp_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(read) = fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            stray_temp_files(&path, found);
        } else if name.starts_with(".factlint-") && name.ends_with(".tmp") {
            found.push(path);
        }
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir`, killing it after [`TIMEOUT`] (a hang is a failure).
fn run(dir: &Path, args: &[String], who: RunAs) -> Result<Run, String> {
    let bin = env!("CARGO_BIN_EXE_factlint");
    let mut command = match who {
        RunAs::Me => Command::new(bin),
        RunAs::Nobody => {
            let mut c = Command::new("setpriv");
            c.args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--",
                bin,
            ]);
            c
        }
    };
    let mut child = command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).map(|_| s)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {TIMEOUT:?}: killed"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = |h: std::thread::JoinHandle<std::io::Result<Vec<u8>>>| {
        String::from_utf8_lossy(&h.join().unwrap().unwrap()).into_owned()
    };
    Ok(Run {
        code: status.code(),
        stdout: text(out),
        stderr: text(err),
    })
}

/// Runs one case; `Ok(Some(reason))` when it was skipped.
fn check_case(name: &str, source: &Path, case: &Case) -> Result<Option<String>, Vec<String>> {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_dir(source, &dir);
    if let Some(previous) = &case.previous_report {
        let path = dir.join(previous);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, PREVIOUS).unwrap();
    }
    let mut who = RunAs::Me;
    if let Some(generator) = &case.generate {
        match generate(generator, &dir) {
            Ok(as_who) => who = as_who,
            Err(reason) => {
                unlock(&dir);
                return Ok(Some(reason));
            }
        }
    }
    #[cfg(unix)]
    if who == RunAs::Nobody {
        // The temporary folder is private to us; let `nobody` in (the locked parts stay locked).
        generate::set_mode(tmp.path(), 0o755);
    }
    let result = run(&dir, &case.args, who);
    unlock(&dir);
    let run = result.map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    if run.code != Some(case.exit) {
        problems.push(format!("exit {:?}, want {}", run.code, case.exit));
    }
    let first = run.stderr.lines().next().unwrap_or("");
    let want = case.stderr_first_line.as_str();
    let matched = match case.matching.as_deref().unwrap_or("exact") {
        "exact" => first == want,
        "prefix" => first.starts_with(want),
        "contains" => first.contains(want),
        other => {
            problems.push(format!("unknown match `{other}`"));
            true
        }
    };
    if !matched {
        problems.push(format!(
            "first line of stderr:\n      got:  {first}\n      want: {want}"
        ));
    }
    if run.code == Some(2)
        && !(first.starts_with("factlint: error: ") || first.starts_with("error: "))
    {
        problems.push(
            "an error must be one line starting with `factlint: error:` (or clap's `error:`)"
                .into(),
        );
    }
    for want in &case.stdout_contains {
        if !run.stdout.contains(want.as_str()) {
            let shown: String = run.stdout.chars().take(600).collect();
            problems.push(format!("stdout lacks {want:?}; stdout starts:\n{shown}"));
        }
    }
    for unwanted in &case.stdout_lacks {
        if run.stdout.contains(unwanted.as_str()) {
            problems.push(format!("stdout contains {unwanted:?}"));
        }
    }
    if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
        problems.push(format!("panic:\n{}", run.stderr));
    }
    let mut stray = Vec::new();
    stray_temp_files(&dir, &mut stray);
    if !stray.is_empty() {
        problems.push(format!("temporary files left behind: {stray:?}"));
    }
    for path in &case.absent {
        if fs::symlink_metadata(dir.join(path)).is_ok() {
            problems.push(format!("{path} exists after the run"));
        }
    }
    for path in &case.links {
        if !fs::symlink_metadata(dir.join(path)).is_ok_and(|m| m.is_symlink()) {
            problems.push(format!("{path} is no longer a symbolic link"));
        }
    }
    for (path, want) in &case.files_contain {
        let now = fs::read_to_string(dir.join(path)).unwrap_or_else(|e| format!("<{e}>"));
        if !now.contains(want.as_str()) {
            let shown: String = now.chars().take(300).collect();
            problems.push(format!("{path} lacks {want:?}; it starts:\n{shown}"));
        }
    }
    if let Some(previous) = &case.previous_report {
        let now = fs::read_to_string(dir.join(previous)).unwrap_or_else(|e| format!("<{e}>"));
        if now != PREVIOUS {
            problems.push(format!(
                "the previous report {previous} was changed:\n{now}"
            ));
        }
    }
    if problems.is_empty() {
        Ok(None)
    } else {
        Err(problems)
    }
}

#[test]
fn every_bad_input_gets_a_clear_answer() {
    let cases = catalog();
    assert!(
        cases.len() >= 40,
        "the catalog must have at least 40 cases, has {}",
        cases.len()
    );
    let only = std::env::var("FACTLINT_CASE").ok();
    let mut failures = Vec::new();
    let (mut ran, mut skipped) = (0, 0);
    for (name, dir, case) in &cases {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        match check_case(name, dir, case) {
            Ok(None) => ran += 1,
            Ok(Some(reason)) => {
                skipped += 1;
                eprintln!("skipped {name}: {reason}");
            }
            Err(problems) => failures.push(format!(
                "{name} ({}):\n    {}",
                case.description,
                problems.join("\n    ")
            )),
        }
    }
    eprintln!(
        "bad inputs: {ran} passed, {} failed, {skipped} skipped",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// The catalog table of docs/robustness.md, from the case files.
fn catalog_table() -> String {
    let mut out = String::from("| # | Case | Input | Exit | First line of standard error |\n| --- | --- | --- | --- | --- |\n");
    for (name, _, case) in catalog() {
        let (number, slug) = name.split_once('-').unwrap_or(("", &name));
        let generated = if case.generate.is_some() {
            " *(generated at run time)*"
        } else {
            ""
        };
        let first = match (case.stderr_first_line.as_str(), case.matching.as_deref()) {
            ("", _) => "*(none)*".to_string(),
            // Double backticks: the messages quote names in single ones.
            (line, Some("prefix")) => format!("`` {}… ``", line.replace('|', "\\|")),
            (line, Some("contains")) => format!("… `` {} `` …", line.replace('|', "\\|")),
            (line, _) => format!("`` {} ``", line.replace('|', "\\|")),
        };
        out.push_str(&format!(
            "| {number} | `{slug}` | {}{generated} | {} | {first} |\n",
            case.description.replace('|', "\\|"),
            case.exit
        ));
    }
    out
}

#[test]
fn catalog_doc_is_in_sync() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/robustness.md");
    let doc = fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- catalog:start -->\n", "<!-- catalog:end -->");
    let (Some(a), Some(b)) = (doc.find(start), doc.find(end)) else {
        panic!("docs/robustness.md lacks the catalog markers")
    };
    let table = catalog_table();
    if doc[a + start.len()..b] == table {
        return;
    }
    if std::env::var("FACTLINT_BLESS").is_ok() {
        fs::write(
            &path,
            format!("{}{table}{}", &doc[..a + start.len()], &doc[b..]),
        )
        .unwrap();
        return;
    }
    panic!("docs/robustness.md is stale: run `FACTLINT_BLESS=1 cargo test --test bad_inputs catalog_doc_is_in_sync`");
}
