//! Unit tests of `normalize::name::find`.

use super::*;

#[test]
fn reads_titles_before_names() {
    let table = [
        ("Prior to the trip, Under Secretary of State for South and Central Asian Affairs Donald Lu noted", Some("Under Secretary of State for South and Central Asian Affairs")),
        ("told Kazakh Foreign Minister Mukhtar Tleouberdi.", Some("Foreign Minister")),
        ("At the forum, Kazakhstan’s President Kasim-Yomart Tokayev told", Some("President")),
        ("The U.S. Assistant Secretary Donald Lu said", Some("Assistant Secretary")),
        ("Kroger Chairman and CEO Donald Lu said", Some("Chairman and CEO")),
        ("Kroger CEO Donald Lu said", Some("CEO")),
        ("said the chairman, Donald Lu.", None),
        ("at the US State Department, Donald Lu.", None),
        ("Yesterday Donald Lu said", None),
        ("The Kazakh capital Donald Lu visited", None),
    ];
    for (text, want) in table {
        let name = words(text)
            .into_iter()
            .find(|w| ["Donald", "Mukhtar", "Kasim-Yomart"].contains(&&text[w.span.clone()]))
            .unwrap();
        let got = title_before(text, name.span.start).map(|r| &text[r]);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn given_names_match_in_part() {
    let form = ["kasim".to_string(), "iomart".to_string()];
    assert_eq!(given_similarity(&["kasim", "iomart"], &form), 1.0);
    assert_eq!(given_similarity(&["iomart"], &form), 1.0);
    assert!(given_similarity(&["aidos"], &form) < 0.5);
}
