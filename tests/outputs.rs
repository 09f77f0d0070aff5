//! Outputs that the bad-input catalog cannot express: device nodes, a named
//! pipe with a reader, file modes under a umask, and standard output that
//! fails. Device nodes are made with `mknod` in a temporary folder (never
//! the real `/dev`, which a regression would destroy); that needs root, and
//! the test says so and skips without it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_factlint")
}

fn seeds(args: &[&str]) -> Output {
    Command::new(bin())
        .args(["check", "seeds", "--rules", "rules"])
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
fn mknod(path: &Path, minor: u32) -> bool {
    Command::new("mknod")
        .arg(path)
        .args(["c", "1", &minor.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

/// `--out` at a null device and a full device (copies of /dev/null and
/// /dev/full made with mknod): written through, never replaced by a regular
/// file; the full one is a write error, exit 2.
#[cfg(unix)]
#[test]
fn device_nodes_are_written_through_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let (null, full) = (tmp.path().join("null"), tmp.path().join("full"));
    if !(mknod(&null, 3) && mknod(&full, 7)) {
        eprintln!("skipped: mknod needs root (and a file system that allows device nodes)");
        return;
    }
    let run = seeds(&["--format", "markdown", "--out", null.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(is_char_device(&null), "the null device was replaced");

    let run = seeds(&["--format", "markdown", "--out", full.to_str().unwrap()]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(&format!(
            "factlint: error: {}: cannot write it: No space left on device",
            full.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(is_char_device(&full), "the full device was replaced");
    // Nothing was left beside the devices.
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2);
}

/// `--out` at a named pipe: the report goes to the reader, the pipe stays.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("report.pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let run = seeds(&["--format", "json", "--out", fifo.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let read = reader.join().unwrap();
    assert!(read.contains("\"kz-russia-border-length\""), "{read}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Runs factlint under `umask`, in `dir`.
#[cfg(unix)]
fn with_umask(umask: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// New files get 0666 less the umask (as a shell redirection would), a
/// rewritten file keeps its mode, for reports, baselines and `init` files.
#[cfg(unix)]
#[test]
fn modes_follow_the_umask_and_rewrites_keep_them() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report.md");
    let out = ["--format", "markdown", "--out", report.to_str().unwrap()];
    let check = |umask: &str, extra: &[&str]| {
        let mut args = vec!["check", "seeds", "--rules", "rules"];
        args.extend_from_slice(extra);
        with_umask(umask, repo(), &args)
    };
    let run = check("022", &out);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(mode(&report), 0o644);
    // Rewritten under a stricter umask: the mode the file had stays.
    fs::set_permissions(&report, fs::Permissions::from_mode(0o664)).unwrap();
    let run = check("077", &out);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(mode(&report), 0o664);
    // A new file under umask 077 is private, as the user asked.
    let private = tmp.path().join("private.md");
    check("077", &["--out", private.to_str().unwrap()]);
    assert_eq!(mode(&private), 0o600);
    // A baseline.
    let baseline = tmp.path().join("baseline.json");
    let flag = format!("--write-baseline={}", baseline.display());
    let run = check("002", &[&flag]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(mode(&baseline), 0o664);
    // `init`'s files.
    let project = tmp.path().join("project");
    fs::create_dir(&project).unwrap();
    let run = with_umask("022", &project, &["init"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(mode(&project.join("factlint.toml")), 0o644);
    assert_eq!(mode(&project.join("rules/example.toml")), 0o644);
}

/// Standard output that cannot be written (`> /dev/full`) is an error in
/// every command that prints, exit 2 with one line; a closed pipe is not.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_to_standard_output_exits_2() {
    let commands: [&[&str]; 6] = [
        &["check", "seeds", "--rules", "rules"],
        &[
            "explain",
            "kz-russia-border-length",
            "seeds",
            "--rules",
            "rules",
        ],
        &["rules", "patterns", "rules"],
        &["completions", "bash"],
        &["normalize", "--kind", "number"],
        &["extract", "seeds", "--rules", "rules"],
    ];
    for args in commands {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let run = Command::new(bin())
            .args(args)
            .current_dir(repo())
            .stdin(Stdio::piped())
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                let _ = child.stdin.take().unwrap().write_all(b"some 7,500 km\n");
                child.wait_with_output()
            })
            .unwrap();
        let err = stderr(&run);
        let last = err.lines().last().unwrap_or("");
        assert_eq!(run.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            last.starts_with(
                "factlint: error: cannot write to standard output: No space left on device"
            ),
            "{args:?}: {err}"
        );
    }
    // A reader that stops early (`| head -1`): quiet, the usual exit code.
    let mut child = Command::new(bin())
        .args(["check", "seeds", "--rules", "rules", "--format", "json"])
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let run = child.wait_with_output().unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(stderr(&run), "");
}

/// A path that names nothing factlint may write (`--out` in a folder that is
/// a file) fails with one line and leaves no temporary file.
#[test]
fn outputs_leave_no_temporary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain");
    fs::write(&file, "x").unwrap();
    let out: PathBuf = file.join("report.md");
    let run = seeds(&["--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}
