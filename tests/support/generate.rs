//! Generators of the bad-input catalog: files that are large, binary, in
//! another encoding or special (symlinks, pipes, permission bits) are made
//! at run time into the case's temporary copy instead of being committed.
//! Each generator is named by a case's `generate` key.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub fn replace_in(path: &Path, from: &[u8], to: &[u8]) {
    let bytes = fs::read(path).unwrap();
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{from:?} not in {}", path.display()));
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&bytes[at + from.len()..]);
    fs::write(path, out).unwrap();
}

#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// How a generated case must be run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunAs {
    Me,
    /// As user `nobody`: the case needs permission bits to hold, and root
    /// ignores them. `setpriv` (util-linux) drops the privileges.
    Nobody,
}

/// `RunAs::Nobody` when `locked` can be read all the same (we are root) and
/// `setpriv` can drop privileges; `Err` when the case cannot run here.
fn unprivileged_if_needed(locked_anyway: bool) -> Result<RunAs, String> {
    if !locked_anyway {
        return Ok(RunAs::Me);
    }
    let setpriv = Command::new("setpriv")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if setpriv.is_ok_and(|s| s.success()) {
        Ok(RunAs::Nobody)
    } else {
        Err("running as root, where permission bits do not stop reads, and setpriv is not there to drop privileges".into())
    }
}

/// Completes a case with files that are not committed. `Err`: the case
/// cannot run here (the reason is printed).
#[cfg(unix)]
pub fn generate(name: &str, dir: &Path) -> Result<RunAs, String> {
    use std::os::unix::fs::symlink;
    const ARTICLE: &str =
        "At the United Nations, 141 countries voted in favour of the resolution.\n";
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).unwrap();
    let put = |rel: &str, bytes: &[u8]| fs::write(dir.join(rel), bytes).unwrap();
    match name {
        "invalid-utf8-rule" => {
            replace_in(&dir.join("rules/r.toml"), b"resolution", b"r\xe9solution")
        }
        "invalid-utf8-sources" => replace_in(&articles.join("sources.toml"), b"Monde", b"Mond\xe9"),
        "bom-rule" => replace_in(
            &dir.join("rules/r.toml"),
            b"[[fact]]",
            b"\xef\xbb\xbf[[fact]]",
        ),
        "crlf-rule" => {
            let text = fs::read_to_string(dir.join("rules/r.toml")).unwrap();
            put("rules/r.toml", text.replace('\n', "\r\n").as_bytes());
        }
        "binary-article" => put(
            "articles/binary.txt",
            b"%PDF-1.4\n\x00\x01\x02\xff 141 countries voted in favour\x00",
        ),
        "latin1-article" => {
            let text = "Le pr\u{e9}sident Toka\u{ef}ev a d\u{e9}clar\u{e9} : 141 countries voted in favour, \u{e0} l'ONU.\n";
            put(
                "articles/latin1.txt",
                &text.chars().map(|c| c as u8).collect::<Vec<u8>>(),
            );
        }
        "cp1252-article" => put(
            "articles/cp1252.txt",
            b"\x93We won\x92t forget,\x94 Blinken said \x96 141 countries voted in favour.\n",
        ),
        "utf16-article" => {
            let bytes: Vec<u8> = [0xff, 0xfe]
                .into_iter()
                .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
                .collect();
            put("articles/utf16.txt", &bytes);
        }
        "bom-article" => put("articles/bom.txt", format!("\u{feff}{ARTICLE}").as_bytes()),
        "crlf-article" => put(
            "articles/crlf.txt",
            format!("Headline\r\n\r\n{}", ARTICLE.replace('\n', "\r\n")).as_bytes(),
        ),
        "long-line" => put(
            "articles/long.txt",
            format!("{}141 voted in favour.\n", "word ".repeat(209_716)).as_bytes(),
        ),
        "large-article" => {
            // 524,288 lines of 100 bytes = 50 MiB, then the value on line 524,289.
            let line = format!(
                "{:<99}\n",
                "The delegation discussed trade, energy and regional security over a long lunch."
            );
            let mut file =
                std::io::BufWriter::new(fs::File::create(articles.join("large.txt")).unwrap());
            for _ in 0..524_288 {
                file.write_all(line.as_bytes()).unwrap();
            }
            file.write_all(b"In the end 141 countries voted in favour.\n")
                .unwrap();
        }
        "symlink-loop" => symlink(".", articles.join("loop")).unwrap(),
        "rules-symlink-loop" => {
            fs::create_dir_all(dir.join("rules/sub")).unwrap();
            symlink("..", dir.join("rules/sub/up")).unwrap();
        }
        "symlink-cycle" => {
            symlink("c.txt", articles.join("b.txt")).unwrap();
            symlink("b.txt", articles.join("c.txt")).unwrap();
        }
        "dangling-symlink" => symlink("missing.txt", articles.join("gone.txt")).unwrap(),
        "unreadable-file" => {
            let secret = articles.join("secret.txt");
            fs::write(&secret, ARTICLE).unwrap();
            set_mode(&secret, 0o000);
            return unprivileged_if_needed(fs::read(&secret).is_ok());
        }
        "unreadable-folder" => {
            let locked = articles.join("locked");
            set_mode(&locked, 0o000);
            return unprivileged_if_needed(fs::read_dir(&locked).is_ok());
        }
        "readonly-reports" => {
            let reports = dir.join("reports");
            set_mode(&reports, 0o555);
            let probe = reports.join("probe");
            let writable = fs::write(&probe, "x").is_ok();
            let _ = fs::remove_file(probe);
            return unprivileged_if_needed(writable);
        }
        "fifo" => {
            let made = Command::new("mkfifo")
                .arg(articles.join("pipe.txt"))
                .status();
            if !made.is_ok_and(|s| s.success()) {
                return Err("mkfifo is not available".into());
            }
        }
        "out-symlink" => symlink("report.md", dir.join("reports/link.md")).unwrap(),
        "stale-temp" => {
            if !Path::new("/proc/self").exists() {
                return Err("no /proc: whether a process lives cannot be told".into());
            }
            // Process ids stop at 4194304 on Linux: this one belongs to no process.
            put("reports/.factlint-999999999-dead01.tmp", b"half a report");
        }
        "scheme-file-name" => put(
            "javascript:alert(1).txt",
            b"In the end, 140 countries voted in favour of the resolution.\n",
        ),
        "escape-codes-in-file-name" => put(
            "articles/\u{1b}[31mred\u{1b}[0m.txt",
            b"Only 140 countries voted in favour of the resolution.\n",
        ),
        "rule-link-to-dev-zero" => {
            if !Path::new("/dev/zero").exists() {
                return Err("no /dev/zero here".into());
            }
            symlink("/dev/zero", dir.join("rules/zero.toml")).unwrap();
        }
        "rule-file-dev-zero" => {
            if !Path::new("/dev/zero").exists() {
                return Err("no /dev/zero here".into());
            }
            symlink("/dev/zero", dir.join("zero.toml")).unwrap();
        }
        "fifo-rule" => {
            let made = Command::new("mkfifo")
                .arg(dir.join("rules/pipe.toml"))
                .status();
            if !made.is_ok_and(|s| s.success()) {
                return Err("mkfifo is not available".into());
            }
        }
        "path-too-long" => {
            // 22 folders of 200 characters: past PATH_MAX (4096), made by
            // relative steps (the shell's cd), as no single path could.
            let script = "d=$(printf 'd%.0s' $(seq 1 200)); cd articles && \
                for i in $(seq 1 22); do mkdir \"$d\" && cd \"$d\" || exit 1; done && \
                echo 'Only 140 countries voted in favour of the resolution.' > deep.txt";
            let made = Command::new("sh")
                .arg("-c")
                .arg(script)
                .current_dir(dir)
                .status();
            if !made.is_ok_and(|s| s.success()) {
                return Err("cannot make a path past the system's limit here".into());
            }
        }
        "one-latin1-byte" => {
            // UTF-8 throughout ("Tokaïev", "«»"), but the é of "président" is one Latin-1 byte.
            let mut bytes = "« Le pr".as_bytes().to_vec();
            bytes.push(0xe9);
            bytes.extend_from_slice(
                "sident Tokaïev » : 141 countries voted in favour of the resolution.\n".as_bytes(),
            );
            put("articles/mixed.txt", &bytes);
        }
        "cr-only-article" => put(
            "articles/cr.txt",
            b"Headline\r\rSecond paragraph.\rAt the United Nations, 141 countries voted in favour of the resolution.\r",
        ),
        other => panic!("unknown generator `{other}`"),
    }
    Ok(RunAs::Me)
}

#[cfg(not(unix))]
pub fn generate(name: &str, _dir: &Path) -> Result<RunAs, String> {
    Err(format!("generator `{name}` needs a Unix system"))
}

/// Gives back every permission a generator took, so the folder can be removed.
#[cfg(unix)]
pub fn unlock(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        // Not `set_mode`: a path past the system's limit cannot be changed, and need not be.
        use std::os::unix::fs::PermissionsExt;
        if kind.is_dir() {
            let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o755));
            unlock(&path);
        } else if kind.is_file() {
            let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o644));
        }
    }
}

#[cfg(not(unix))]
pub fn unlock(_dir: &Path) {}
