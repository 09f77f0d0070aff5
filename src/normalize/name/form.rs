//! One spelling of a name ([`Form`]: given names and surname) and the
//! helpers that compare spellings: keys without case, honorifics or
//! initials, and what differs between two spellings.

use super::super::fold::{fold, skeleton, spelling, words};
use super::find;

/// One known spelling of the name, split into given names and surname.
#[derive(Debug, Clone)]
pub struct Form {
    /// As written in the rule ("Kassym-Jomart Tokayev").
    pub written: String,
    pub given_written: String,
    pub surname_written: String,
    /// Skeletons of the given-name tokens (["kasim", "iomart"]) and the surname.
    pub given: Vec<String>,
    pub surname: String,
    /// Hint from a `variants` table.
    pub hint: Option<String>,
}

impl Form {
    pub(super) fn parse(written: &str, hint: Option<String>) -> Result<Form, String> {
        let written = collapse(written);
        let last = words(&written)
            .pop()
            .ok_or_else(|| format!("`{written}` is not a name"))?;
        let given_written = written[..last.span.start].trim().to_string();
        let surname_written = written[last.core].to_string();
        let given = if given_written.is_empty() {
            Vec::new()
        } else {
            fold(&given_written).split(' ').map(skeleton).collect()
        };
        let surname = skeleton(&fold(&surname_written));
        Ok(Form {
            written,
            given_written,
            surname_written,
            given,
            surname,
            hint,
        })
    }

    /// The spelling key: given names and surname as spelled (without
    /// diacritics when `ignore_accents`).
    pub(super) fn key(&self, ignore_accents: bool) -> String {
        spelling_key(&self.given_written, &self.surname_written, ignore_accents)
    }
}

pub(super) fn spelling_key(given: &str, surname: &str, ignore_accents: bool) -> String {
    let spell = |s: &str| {
        if ignore_accents {
            spelling(&fold(s))
        } else {
            spelling(s)
        }
    };
    format!("{} {}", spell(given), spell(surname))
        .trim()
        .to_string()
}

/// `written` without the honorifics and name prefixes that lead it
/// ("Makhdoom Shah Mahmood Qureshi" → "Shah Mahmood Qureshi", "H.E.
/// Mevlut Cavusoglu" → "Mevlut Cavusoglu").
pub(super) fn without_honorifics(written: &str) -> &str {
    let mut rest = written;
    loop {
        let trimmed = rest.trim_start();
        let Some(w) = words(trimmed).into_iter().next() else {
            return trimmed;
        };
        let folded = fold(&trimmed[w.span.clone()]);
        let he = folded == "h" && trimmed[w.span.end..].starts_with(".E.");
        if he {
            rest = &trimmed[w.span.end + 3..];
        } else if find::is_honorific(&folded) && words(trimmed).len() > 1 {
            rest = trimmed[w.span.end..].trim_start_matches('.');
        } else {
            return trimmed;
        }
    }
}

/// Whether a written word is an initial: a capital letter and a period ("N.").
pub(super) fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// Given names without the initials that end them ("Shannon N." is
/// Shannon, "George H. W." George).
pub(super) fn trailing_initials_cut(given: &str) -> &str {
    let mut given = given;
    while let Some((rest, last)) = given.rsplit_once(' ') {
        if !is_initial(last) {
            break;
        }
        given = rest.trim_end();
    }
    given
}

/// `written` without middle initials ("Shannon N. Gilreath" is Shannon
/// Gilreath): a capital letter and a period between the first and last word.
pub(super) fn without_initials(written: &str) -> String {
    let parts: Vec<&str> = written.split(' ').collect();
    parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| i == 0 || i + 1 == parts.len() || !is_initial(p))
        .map(|(_, p)| *p)
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How two spellings of a name part differ.
pub(super) fn difference(written: &str, reference: &str) -> &'static str {
    if fold(written) == fold(reference) {
        "diacritics"
    } else if skeleton(&fold(written)) == skeleton(&fold(reference)) {
        "transliteration"
    } else {
        "letters differ"
    }
}

/// A title as compared: folded, a leading "U.S."/"US"/"American" dropped.
pub(super) fn title_key(title: &str) -> String {
    let folded = fold(title);
    for prefix in ["united states ", "us ", "u s ", "american "] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    folded
}
