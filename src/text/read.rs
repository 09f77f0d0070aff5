//! Reading the project's own text files (rule files, manifests, the
//! config): UTF-8 only, a leading byte-order mark dropped, and an error that
//! points at the first invalid byte. Articles are read leniently instead
//! (see [`super::decode`]).

use crate::error::{Error, Location, Result};
use std::path::Path;

/// Reads a rule file as UTF-8, without a leading byte-order mark.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| {
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
