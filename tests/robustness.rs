//! Nothing lost, nothing random: Ctrl-C during a run leaves the previous
//! report whole and no temporary file behind, and re-running on the same
//! input gives byte-identical output in every format.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn reruns_are_byte_identical_in_every_format() {
    let out = tempfile::tempdir().unwrap();
    for format in ["table", "markdown", "json", "sarif", "github"] {
        let first = factlint(
            repo(),
            &["check", "seeds", "--rules", "rules", "--format", format],
        );
        let second = factlint(
            repo(),
            &["check", "seeds", "--rules", "rules", "--format", format],
        );
        assert_eq!(
            first.status.code(),
            Some(1),
            "{format}: the seeds have contradictions"
        );
        assert!(first.stdout.len() > 500, "{format}: a real report");
        assert!(first.stdout == second.stdout, "{format}: two runs differ");
        // The same through --out, written atomically.
        let file = out.path().join(format!("report.{format}"));
        let mut written = Vec::new();
        for _ in 0..2 {
            let run = factlint(
                repo(),
                &[
                    "check",
                    "seeds",
                    "--rules",
                    "rules",
                    "--format",
                    format,
                    "--out",
                    file.to_str().unwrap(),
                ],
            );
            assert_eq!(run.status.code(), Some(1));
            written.push(fs::read(&file).unwrap());
        }
        assert!(
            written[0] == written[1],
            "{format}: two written reports differ"
        );
    }
    let names: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        5,
        "only the five reports, no temporary file: {names:?}"
    );
}

/// Opens the FIFO for writing once the reader has opened it (so the process
/// is known to be blocked reading it), or gives up after 30 s.
#[cfg(target_os = "linux")]
fn open_writer_when_read(fifo: &Path) -> fs::File {
    use std::os::unix::fs::OpenOptionsExt;
    const O_NONBLOCK: i32 = 0o4000;
    let start = std::time::Instant::now();
    loop {
        // Non-blocking open for writing fails (ENXIO) until a reader has the FIFO open.
        if let Ok(file) = fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(fifo)
        {
            return file;
        }
        assert!(
            start.elapsed().as_secs() < 30,
            "factlint never opened the rule file"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Ctrl-C while factlint is reading its rules: the rule file is a named pipe
/// the test holds open, so the process is deterministically mid-run when
/// SIGINT arrives. It must exit 130, leave the previous report as it was and
/// leave no temporary file. (Ctrl-C while the report itself is being written
/// is covered by `report::tests::pending_temporary_files_are_removed_on_interrupt`:
/// the handler removes every registered temporary file.)
#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_mid_run_leaves_the_previous_report_whole() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::create_dir_all(dir.join("reports")).unwrap();
    fs::write(
        dir.join("articles/a.txt"),
        "141 countries voted in favour.\n",
    )
    .unwrap();
    let previous = "# previous report\n";
    fs::write(dir.join("reports/report.md"), previous).unwrap();
    let fifo = dir.join("rules.toml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());

    let child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "check",
            "articles",
            "--rules",
            "rules.toml",
            "--format",
            "markdown",
            "--out",
            "reports/report.md",
        ])
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = open_writer_when_read(&fifo);
    writer
        .write_all(b"[[fact]]\nid = \"half-written\"\n")
        .unwrap();
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    drop(writer);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "stderr: {stderr}");
    assert_eq!(stderr.trim(), "factlint: interrupted");
    assert_eq!(
        fs::read_to_string(dir.join("reports/report.md")).unwrap(),
        previous
    );
    let left: Vec<_> = fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["report.md"], "no temporary file left");
}

/// A successful run replaces the previous report whole.
#[test]
fn a_successful_run_replaces_the_report() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("seeds.md");
    fs::write(&out, "# previous report\n").unwrap();
    let run = factlint(
        repo(),
        &[
            "check",
            "seeds",
            "--rules",
            "rules",
            "--format",
            "markdown",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    let report = fs::read_to_string(&out).unwrap();
    assert!(!report.contains("previous report"));
    assert!(report.contains("kz-russia-border-length"), "{report}");
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}
