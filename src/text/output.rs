//! Writing output files without losing anything: reports, baselines, the
//! JSON Lines of `extract`, the files `init` makes. What is at the path
//! decides how:
//!
//! - nothing, or a regular file: a temporary file in the same folder
//!   (`.factlint-PID-XXXXXX.tmp`), synced and renamed into place, so the old
//!   content stays whole until the new one replaces it. A new file gets mode
//!   `0666 & !umask`, as a shell redirection would; a rewritten file keeps
//!   its mode.
//! - a symbolic link: followed; the file it points to is written (as
//!   above), the link stays.
//! - a device, a named pipe or a socket (`/dev/null`, `/dev/full`, a FIFO):
//!   written through, never replaced; a write error (a full device) is an
//!   error.
//!
//! `-` and `/dev/stdout` mean standard output ([`is_stdout`]); the binary
//! writes those itself. Temporary files are registered while they exist, so
//! an interrupt handler can remove them ([`remove_pending`]), and the
//! temporary files of runs that died (`kill -9`, a power cut) are removed by
//! the next write to the same folder ([`sweep_stale`]).

use crate::error::{Error, Location, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The prefix of every temporary file factlint writes.
pub const TEMP_PREFIX: &str = ".factlint-";

/// Whether `path` names standard output: `-`, `/dev/stdout`, or file
/// descriptor 1 under `/dev/fd` or `/proc/self/fd`.
pub fn is_stdout(path: &Path) -> bool {
    matches!(
        path.to_str(),
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
    )
}

/// Temporary files being written, for [`remove_pending`].
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Writes `content` to `path` (see the module documentation).
pub fn write_atomic(path: &Path, content: &str) -> Result<()> {
    write_atomic_with(path, &mut |out| out.write_all(content.as_bytes()))
}

/// [`write_atomic`] with the content produced by `fill`, which writes to the
/// file (buffered) instead of handing over one string.
pub fn write_atomic_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let real = follow_links(path);
    let fail = |e: std::io::Error| {
        Error::output(
            Location::file(path),
            format!("cannot write it: {e}"),
            "choose a writable --out path, or free space on its disk",
        )
    };
    match std::fs::metadata(&real) {
        Ok(m) if m.is_dir() => Err(Error::output(
            Location::file(path),
            "this is a folder, not a file",
            "give --out a file name, e.g. reports/report.md",
        )),
        Ok(m) if !m.is_file() => write_through(&real, fill).map_err(fail),
        existing => replace(path, &real, existing.ok(), fill, &fail),
    }
}

/// The file a chain of symbolic links leads to (the path itself when it is
/// no link; a dangling link leads to the file it would create). Gives up
/// after 40 links, as the kernel does, leaving the rename to fail.
fn follow_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        if at.starts_with("/proc/self/fd") || at.starts_with("/dev/fd") {
            // Kernel links to open files ("pipe:[123]"): open the link itself.
            return at;
        }
        let Ok(target) = std::fs::read_link(&at) else {
            return at;
        };
        at = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    at
}

/// A device, pipe or socket: opened and written, never replaced.
fn write_through(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut out = std::io::BufWriter::new(file);
    fill(&mut out)?;
    out.flush()?;
    // `flush` only hands the bytes over; a full device says so on sync
    // (or not at all: /dev/full fails the write itself).
    match out.get_ref().sync_all() {
        Err(e) if e.kind() != std::io::ErrorKind::InvalidInput => Err(e),
        _ => Ok(()),
    }
}

/// Nothing or a regular file at `real`: a temporary file renamed over it.
fn replace(
    shown: &Path,
    real: &Path,
    existing: Option<std::fs::Metadata>,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    fail: &dyn Fn(std::io::Error) -> Error,
) -> Result<()> {
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // A missing folder is made, as `--out reports/facts.md` in a fresh
    // clone expects; one that cannot be made is an error.
    if !dir.is_dir() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::output(
                Location::file(shown),
                format!("cannot create the folder {}: {e}", dir.display()),
                "choose another --out or fix the folder's permissions",
            )
        })?;
    }
    sweep_stale(dir);
    let mut tmp = {
        // Created and registered under one lock: an interrupt sees it or it does not exist yet.
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Like a shell's `>`: 0666 less the umask (the kernel applies it).
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(dir).map_err(|e| {
            // Not `e` itself: it names the random temporary file, which means nothing to the user.
            let why = format!(
                "cannot create a file in the folder {} ({})",
                dir.display(),
                e.kind()
            );
            Error::output(
                Location::file(shown),
                why,
                "choose a writable --out path or fix the folder's permissions",
            )
        })?;
        pending.push(tmp.path().to_path_buf());
        tmp
    };
    let tmp_path = tmp.path().to_path_buf();
    let written = {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered).and_then(|_| buffered.flush())
    }
    .and_then(|_| match &existing {
        // A rewritten file keeps its mode.
        Some(m) => tmp.as_file().set_permissions(m.permissions()),
        None => Ok(()),
    })
    .and_then(|_| tmp.as_file().sync_all())
    .map_err(fail)
    .and_then(|_| tmp.persist(real).map(|_| ()).map_err(|e| fail(e.error)));
    // On failure the NamedTempFile was dropped above, which removed the file.
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != &tmp_path);
    written
}

/// Removes every temporary file still being written; returns how many.
/// For an interrupt handler (Ctrl-C): the process is about to exit without
/// unwinding, so `tempfile` cannot clean up by itself.
pub fn remove_pending() -> usize {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    pending
        .drain(..)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// Removes the temporary files in `dir` that runs which no longer exist
/// left behind (killed with `kill -9`, a power cut); returns how many. A
/// temporary file names its process (`.factlint-PID-…`); where the system
/// cannot say whether a process lives (no `/proc`), or for a name without a
/// process id, only files older than a day are removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(read) = std::fs::read_dir(dir) else {
        return 0;
    };
    let me = std::process::id();
    let proc_fs = Path::new("/proc/self").exists();
    let mut removed = 0;
    for entry in read.flatten() {
        let name = entry.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .filter(|n| n.ends_with(".tmp"))
        else {
            continue;
        };
        let pid: Option<u32> = rest.split('-').next().and_then(|p| p.parse().ok());
        let dead = match pid {
            Some(pid) if pid == me => false,
            Some(pid) if proc_fs => !Path::new("/proc").join(pid.to_string()).exists(),
            _ => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600),
        };
        if dead && entry.file_type().is_ok_and(|t| t.is_file()) {
            removed += usize::from(std::fs::remove_file(entry.path()).is_ok());
        }
    }
    removed
}

/// Refuses an output path that is one of the run's inputs: `inputs` pairs
/// each input file with what it is ("an article", "a rule file", …). Paths
/// are compared as files (device and inode), so `./a.txt`, a symlink to it
/// and a hard link all count as the same. Outputs that do not exist yet, and
/// standard output, cannot be an input.
pub fn refuse_inputs<'a>(
    flag: &str,
    out: &Path,
    inputs: impl IntoIterator<Item = (&'a Path, &'a str)>,
    exempt: &dyn Fn(&Path, &str) -> bool,
) -> Result<()> {
    if is_stdout(out) {
        return Ok(());
    }
    let Some(id) = crate::text::walk::file_id(out) else {
        return Ok(());
    };
    for (input, what) in inputs {
        if crate::text::walk::file_id(input) == Some(id) && !exempt(input, what) {
            return Err(Error::output(
                Location::file(out),
                format!(
                    "{flag} names {what} this run reads ({}); writing it would destroy the input",
                    input.display()
                ),
                format!("choose another {flag} path"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests below share the registry of pending files.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn atomic_write_replaces_and_creates_missing_folders() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.md");
        write_atomic(&out, "one").unwrap();
        write_atomic(&out, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "two");
        write_atomic(&dir.path().join("new/deeper/r.md"), "x").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("new/deeper/r.md")).unwrap(),
            "x"
        );
        // A file where a folder should be cannot be made into one.
        let err = write_atomic(&out.join("r.md"), "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot create the folder"), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left behind"
        );
        let err = write_atomic(dir.path(), "x").unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_modes_kept() {
        use std::os::unix::fs::PermissionsExt;
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        write_atomic(&link, "new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // A new file: never 0600, readable by others unless the umask says no.
        let fresh = dir.path().join("fresh.md");
        write_atomic(&fresh, "x").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode, 0o600, "mode {mode:o}");
        assert_eq!(mode & 0o600, 0o600, "mode {mode:o}");
    }

    #[test]
    fn temporary_files_of_dead_runs_are_swept() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        // Process ids above the kernel's maximum (4194304) never exist.
        let dead = dir.path().join(".factlint-999999999-abc123.tmp");
        let alive = dir
            .path()
            .join(format!(".factlint-{}-def456.tmp", std::process::id()));
        let other = dir.path().join(".factlint-notes.txt");
        for p in [&dead, &alive, &other] {
            std::fs::write(p, "x").unwrap();
        }
        assert_eq!(sweep_stale(dir.path()), 1);
        assert!(!dead.exists() && alive.exists() && other.exists());
    }

    #[test]
    fn pending_temporary_files_are_removed_on_interrupt() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        // What write_atomic registers while a report is half written.
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir.path())
            .unwrap();
        let (_, path) = tmp.keep().unwrap();
        PENDING.lock().unwrap().push(path.clone());
        assert!(remove_pending() >= 1);
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "x").unwrap();
        let via_dot = dir.path().join(".").join("a.txt");
        let never = |_: &Path, _: &str| false;
        let err = refuse_inputs(
            "--out",
            &via_dot,
            [(article.as_path(), "an article")],
            &never,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("--out names an article this run reads"),
            "{err}"
        );
        let new = dir.path().join("new.md");
        assert!(refuse_inputs("--out", &new, [(article.as_path(), "an article")], &never).is_ok());
        let stdout = Path::new("-");
        assert!(
            refuse_inputs("--out", stdout, [(article.as_path(), "an article")], &never).is_ok()
        );
        // An exempt input (a report among the articles) may be replaced;
        // the test is asked only about the input the output is.
        let asked = std::cell::RefCell::new(Vec::new());
        let other = dir.path().join("b.txt");
        std::fs::write(&other, "y").unwrap();
        let exempt = |p: &Path, what: &str| {
            asked.borrow_mut().push(p.to_path_buf());
            what == "an article"
        };
        let inputs = [
            (other.as_path(), "an article"),
            (article.as_path(), "an article"),
        ];
        assert!(refuse_inputs("--out", &via_dot, inputs, &exempt).is_ok());
        assert_eq!(asked.into_inner(), vec![article]);
    }
}
