//! Placeholders rule authors may write inside patterns instead of hand-made
//! regexes: `{number}` stands for a number as newsrooms write it ("7,500",
//! "4.5", "seven", "twenty-five", "one hundred and forty-one", "25 million").
//! `{weekday}` a weekday name ("Thursday"), `{month}` a month name or its
//! abbreviation ("February", "Feb."), `{date}` a written calendar date
//! ("February 24", "Tuesday, Feb. 28", "24 February 2023", "2023-02-28").
//! `{name}` is not regex syntax, so expanding it cannot change a valid regex.

/// The regex `{number}` expands to: generated from the number reader's
/// tables ([`crate::normalize::numtext::pattern`]), so it matches what the
/// reader reads.
pub fn number() -> String {
    crate::normalize::numtext::pattern::number()
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
        ] {
            assert!(re.is_match(yes), "{yes}");
        }
        for no in ["someone", "tense", "a", "and", "7,5000"] {
            assert!(!re.is_match(no), "{no}");
        }
        let find = Regex::new(&format!("(?P<value>{})\\s+against", number())).unwrap();
        assert_eq!(
            &find.captures("141 voted in favor, seven against").unwrap()["value"],
            "seven"
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
