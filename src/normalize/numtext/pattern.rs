//! The regex a rule's `{number}` placeholder expands to, generated from the
//! reader's own tables (number words, scales, fraction words, dozens, digit
//! separators, suffixes), so that the placeholder matches what the reader
//! reads: "7,500", "17.926.345", "3.3m", "24.6B", "a quarter million",
//! "three-quarters of a billion", "17 million and 950 thousand", "one over
//! three". `tests/placeholder_agreement.rs` checks the two agree on every
//! input of the Recognizers-Text number specs.
//!
//! A regex cannot hold the whole grammar (which words may follow which), so
//! this one is the reader's vocabulary in the order the reader takes it:
//! number words joined by spaces or one hyphen, "and", "a" and "of" only
//! between number words, digits with their separators and suffixes, and the
//! vague quantities the reader reads as intervals ("tens of thousands",
//! "hundreds"). Ranges ("30-40") are not one number: a pattern that wants
//! them writes them out.

use super::words::{DOZENS, ORDINALS, SCALES, SCALE_ORDINALS, TENS, TENTHS, UNITS};

/// Alternatives longest first, so the regex takes "seventeen" before "seven".
fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut list: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
    list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    list.dedup();
    list.join("|")
}

/// A number written with digits, as [`super::digits::read`] reads it.
/// ASCII digits only, as the reader: `\d` would take every script's digits
/// and make the automaton so large that searching a long article falls
/// back to the slow engine.
pub fn digits() -> String {
    // Groupings end where the reader's do: not before another digit.
    let groups = [
        // Dot grouping: two or more groups, or groups before a decimal comma.
        r"[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?\b",
        r"[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+\b",
        // Comma grouping, with a slipped last group ("28,933.004").
        r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{3})?\b",
        // Indian grouping, and spaces (no-break, narrow, thin).
        r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}\b",
        r"[0-9]{1,3}(?:[ \x{a0}\x{202f}\x{2009}][0-9]{3})+\b",
        // A decimal comma ("5,00"), then plain digits.
        r"[0-9]+,[0-9]{1,2}\b",
        r"[0-9]+",
    ];
    let vulgar = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]";
    let decimal = r"(?:\.[0-9]+)?";
    let fraction = r"(?:/[0-9]{1,3}|[ \t]{1,3}[0-9]{1,3}/[0-9]{1,3})?";
    let exponent = r"(?:[eE][+-]?[0-9]+|\^[+-]*[0-9]+|[x×]10\^[+-]?[0-9]+)?";
    // Case matters ("MM" is a million, "mm" a millimetre), and a suffix
    // must end the word; digits glued to a unit ("29km") stay digits so a
    // pattern can read the unit after them.
    let suffix = r"(?-i:(?:(?:MM|bln|tln|mil|bn|mn|tn|[kKMGBbm])|[ \x{a0}]{1,2}(?:bln|tln|bn|mn|tn|[kKMGBm]))\b)?";
    format!(
        r"(?:{vulgar}|(?:\.[0-9]+|\b(?:{})){decimal}{fraction}{exponent}{suffix})",
        groups.join("|")
    )
}

/// The regex `{number}` expands to (case-insensitive words, case-sensitive
/// digit suffixes).
///
/// Kept small on purpose: every rule pattern compiles its own copy, and a
/// regex that spelled out the grammar (which word may follow which) took
/// 200 ms to compile, against 4 ms for this one. So the words come as one
/// vocabulary joined by spaces, hyphens and the connectors "and", "a",
/// "of", "point", "over", "out of"; digits only start a number, or follow
/// a word as a whole number below a thousand ("17 million and 950
/// thousand", "4 thousand 3 hundred").
pub fn number() -> String {
    let sep = r"(?:[ \t\x{a0}]*-[ \t\x{a0}]*|[ \t\x{a0}]+)";
    let units = alternation(UNITS.iter().copied().chain(["nought", "naught"]));
    let tens = alternation(TENS);
    let plural = |w: &&str| format!("{w}s?");
    // "first" and "second" only after tens ("a twenty-first"; "a first
    // class" is no number).
    let ordinals: Vec<String> = ORDINALS[3..]
        .iter()
        .chain(TENTHS.iter())
        .chain(SCALE_ORDINALS.iter().map(|(w, _)| w))
        .map(plural)
        .chain(["halves".into(), "half".into(), "quarters?".into()])
        .collect();
    let words = alternation(
        UNITS
            .iter()
            .copied()
            .chain(["nought", "naught", "hundred"])
            .chain(TENS)
            .chain(SCALES.iter().map(|(w, _)| *w))
            .chain(DOZENS)
            .chain(ordinals.iter().map(String::as_str)),
    );
    // Words as ASCII, case-insensitive, with ASCII word boundaries: Unicode
    // case folding ("k" is also the Kelvin sign) doubles the compile time.
    let word = format!(
        r"(?i-u:\b(?:(?:{tens}){sep}(?:firsts?|seconds?)|{words})\b)",
        sep = r"(?:[ \t]*-[ \t]*|[ \t]+)"
    );
    let digits = digits();
    let joiner = format!(r"(?:{sep}(?i-u:and|an?|of|point|over|out[ \t]+of))*{sep}");
    // After a scale the reader takes a whole number below a thousand.
    // A ratio may end in digits: "one over 20", "2 out of 5".
    let next = format!(
        r"(?:{joiner}{word}(?:{sep}(?:(?i-u:and){sep})?[0-9]{{1,3}}\b)?|{sep}(?i-u:over|out[ \t]+of){sep}[0-9]+\b)"
    );
    // "a"/"an"/"quarter" start a number only before a scale, a dozen or a
    // denominator ("a million", "a quarter million", "a fifth"); a short
    // list of its own keeps the large vocabulary in one copy.
    let after_a = alternation(
        SCALES
            .iter()
            .map(|(w, _)| *w)
            .chain([
                "hundred", "dozen", "half", "quarter", "third", "fifth", "tenth",
            ])
            .chain(SCALE_ORDINALS.iter().map(|(w, _)| *w)),
    );
    let a = format!(r"(?i-u:\b(?:an?|quarter)[ \t]+(?:{after_a})\b)");
    let first = format!(r"(?:{a}|(?i-u:\b(?:{tens}|{units}|half)\b)|{digits})");
    let sign = r"(?:\B[-−][ ]{0,2}|(?i-u:\b(?:minus|negative))[ \t]+)?";
    // Vague quantities, read as intervals (`vague.rs`): "tens of thousands",
    // "several hundred", "a few thousand", "dozens", "hundreds".
    let vague = r"(?i-u:\b(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)|dozens|hundreds|thousands|millions|billions)\b)";
    format!(r"(?:{vague}|{sign}{first}{next}*)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn matches_numbers_as_issue_19_quotes_them() {
        let re = Regex::new(&format!("^(?:{})$", number())).unwrap();
        for yes in [
            "3.3m",
            "1m",
            "24.6B",
            "3bn",
            "5 crore",
            "a quarter million",
            "a million",
            "three-quarters of a billion",
            "17 million and 950 thousand",
            "17.926.345",
            "17 926 345",
            "28,933.004",
            "61.95",
            "375",
        ] {
            assert!(re.is_match(yes), "{yes}");
        }
        for no in ["a", "and", "someone", "tense", "29km", "the"] {
            assert!(!re.is_match(no), "{no}");
        }
    }
}
