//! Reading the project's own text files (rule files, manifests, the
//! config): UTF-8 only, a leading byte-order mark dropped, and an error that
//! points at the first invalid byte. Articles are read leniently instead
//! (see [`super::decode`]). Every read is bounded ([`read_bounded`]): a rule
//! file that is a link to `/dev/zero` is an error, not a run that eats the
//! machine's memory.

use crate::error::{Error, Location, Result};
use std::path::Path;

/// The largest rule file, manifest or settings file read (they are a few
/// KB; the largest rule library of the benchmarks, 1,000 facts, is 0.4 MB).
pub const MAX_PROJECT_FILE: u64 = 16 << 20;

/// Reads at most `cap` bytes of `path`; a longer file is an error
/// (`InvalidData`) that says so, found after reading `cap + 1` bytes, so a
/// device that never ends (`/dev/zero`) costs no more than that.
pub fn read_bounded(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is larger than {} MiB, more than factlint reads from such a file",
                cap >> 20
            ),
        ));
    }
    Ok(bytes)
}

/// Reads a rule file as UTF-8, without a leading byte-order mark.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = read_bounded(path, MAX_PROJECT_FILE).map_err(|e| {
        Error::rules(
            Location::file(path),
            format!("cannot read the rule file: {e}"),
            "check the path and its permissions",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = super::position::line_col(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        Error::rules(
            Location::at(path, line, column),
            "the rule file is not valid UTF-8",
            "save it as UTF-8",
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}
