//! Placeholders rule authors may write inside patterns instead of hand-made
//! regexes: `{number}` stands for a number as newsrooms write it ("7,500",
//! "4.5", "seven", "twenty-five", "one hundred and forty-one", "25 million",
//! "hundreds", "tens of thousands", "a million") — what the number reader reads.
//! `{ordinal}` an ordinal ("7th", "twenty-first"), `{weekday}` a weekday name ("Thursday"), `{month}` a month name or its
//! abbreviation ("February", "Feb."), `{date}` a written calendar date
//! ("February 24", "Tuesday, Feb. 28", "24 February 2023", "2023-02-28").
//! `{name}` is not regex syntax, so expanding it cannot change a valid regex.

/// The regex `{number}` expands to: generated from the number reader's
/// tables ([`crate::normalize::numtext::pattern`]), so it matches what the
/// reader reads.
pub fn number() -> String {
    crate::normalize::numtext::pattern::number()
}

/// The regex `{ordinal}` expands to: an ordinal as the ordinal reader reads
/// it ("7th", "21st", "seventh", "twenty-first", "one hundred and first").
pub fn ordinal() -> String {
    format!(
        r"(?:\b(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?i:st|nd|rd|th)\b|\b(?i:{})\b)",
        crate::normalize::numtext::ordinal::words_regex()
    )
}

/// The regex `{weekday}` expands to (case-insensitive full names).
pub fn weekday() -> String {
    format!(
        r"\b(?i:{})\b",
        crate::normalize::date::scan::weekday_regex()
    )
}

/// The regex `{month}` expands to (case-insensitive names and abbreviations).
pub fn month() -> String {
    format!(
        r"\b(?i:{})\b\.?",
        crate::normalize::date::scan::month_regex()
    )
}

/// The regex `{date}` expands to: month and day (optional weekday before,
/// year after), day and month, or an ISO date.
pub fn date() -> String {
    let (wd, m) = (weekday(), month());
    let day = r"\d{1,2}(?:st|nd|rd|th)?\b";
    let year = r"(?:,?\s+\d{4}\b)?";
    format!(
        r"(?:(?:{wd},?\s+)?{m}\s*{day}{year}|(?:{wd},?\s+)?{day}\s+(?:of\s+)?{m}{year}|\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    )
}

/// Every placeholder and its expansion.
pub fn table() -> Vec<(&'static str, String)> {
    vec![
        ("{number}", number()),
        ("{ordinal}", ordinal()),
        ("{weekday}", weekday()),
        ("{month}", month()),
        ("{date}", date()),
    ]
}

/// `pattern` with every placeholder expanded.
pub fn expand(pattern: &str) -> String {
    let mut out = pattern.to_string();
    for (name, regex) in table() {
        out = out.replace(name, &regex);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn number_placeholder_matches_numbers_only() {
        let re = Regex::new(&format!("^{}$", number())).unwrap();
        for yes in [
            "7,500",
            "141",
            "4.5",
            "seven",
            "Seven",
            "twenty-five",
            "one hundred and forty-one",
            "25 million",
            "1.2bn",
            // A decimal comma, as the reader reads it (7.5).
            "7,50",
            "hundreds",
            "dozens",
            "tens of thousands",
            "hundreds of millions",
            "several hundred",
            "a few thousand",
            "a million",
            "half a million",
            "a dozen",
        ] {
            assert!(re.is_match(yes), "{yes}");
            // What {number} matches, the number reader reads, all of it.
            let read = crate::normalize::numtext::leading(yes).expect(yes);
            assert_eq!(read.span, 0..yes.len(), "{yes}");
        }
        for no in [
            "someone",
            "tense",
            "a",
            "and",
            "7,5000",
            "hundredth",
            "millionaire",
        ] {
            assert!(!re.is_match(no), "{no}");
        }
        let find = Regex::new(&format!("(?P<value>{})\\s+against", number())).unwrap();
        assert_eq!(
            &find.captures("141 voted in favor, seven against").unwrap()["value"],
            "seven"
        );
    }

    #[test]
    fn ordinal_placeholder_matches_what_the_ordinal_reader_reads() {
        let re = Regex::new(&format!("^{}$", ordinal())).unwrap();
        let table = [
            ("7th", 7.0),
            ("21st", 21.0),
            ("1,000th", 1000.0),
            ("seventh", 7.0),
            ("Twenty-First", 21.0),
            ("one hundred and first", 101.0),
        ];
        for (yes, value) in table {
            assert!(re.is_match(yes), "{yes}");
            assert_eq!(
                crate::normalize::numtext::ordinal(yes),
                Some(value),
                "{yes}"
            );
        }
        for no in ["7", "seven", "thirds", "7thly", "twenty-one"] {
            assert!(!re.is_match(no), "{no}");
        }
        let find = Regex::new(&expand(r"the\s+(?P<value>{ordinal})\s+session")).unwrap();
        assert_eq!(
            &find
                .captures("at the seventy-seventh session of the assembly")
                .unwrap()["value"],
            "seventy-seventh"
        );
    }

    #[test]
    fn date_placeholders_match_dates_only() {
        let re = Regex::new(&format!("^(?:{})$", date())).unwrap();
        for yes in [
            "February 24",
            "Feb. 24",
            "Tuesday, Feb. 28",
            "February 28, 2023",
            "24 February 2023",
            "1st of March",
            "2023-02-28",
        ] {
            assert!(re.is_match(yes), "{yes}");
        }
        for no in ["February", "24", "Maybe 24", "2023", "7,500 km"] {
            assert!(!re.is_match(no), "{no}");
        }
        let find = Regex::new(&expand(r"vote\s+(?P<value>{weekday})")).unwrap();
        assert_eq!(
            &find.captures("in the vote Thursday at the UN").unwrap()["value"],
            "Thursday"
        );
        assert!(!find.is_match("the vote Thursdays"));
        assert!(Regex::new(&expand("^{month}$")).unwrap().is_match("Sept."));
    }
}
