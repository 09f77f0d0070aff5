//! Unit tables for the choice kind: group expansion, clauses, compatibility.

use super::*;

const VOTE: &str = r#"
members = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
groups = ["all five", "the five former Soviet republics", "five Central Asian republics"]
[values]
abstained = ["abstained", "abstain"]
did_not_vote = ["did not vote", "did not even vote"]
abstained_or_absent = ["abstained or did not take part", "abstained or did not vote"]
[compatible]
abstained_or_absent = ["abstained", "did_not_vote"]
"#;

fn vote() -> Box<dyn Normalizer> {
    ChoiceKind.build(&toml::from_str(VOTE).unwrap()).unwrap()
}

/// (member, value) for every mention found in `text`.
fn read(n: &dyn Normalizer, text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for span in n.find_spans(text).unwrap() {
        let m = RawMatch {
            text,
            value: span.clone(),
            whole: span,
            groups: vec![],
            published: None,
            timezone: None,
        };
        out.extend(
            n.normalize(&m)
                .unwrap()
                .into_iter()
                .map(|v| (v.subject.unwrap(), v.value)),
        );
    }
    out
}

#[test]
fn group_statements_expand_to_members() {
    let all = |value: &str| -> Vec<(String, String)> {
        [
            "Kazakhstan",
            "Kyrgyzstan",
            "Tajikistan",
            "Turkmenistan",
            "Uzbekistan",
        ]
        .iter()
        .map(|m| (m.to_string(), value.to_string()))
        .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(m, v)| (m.to_string(), v.to_string()))
            .collect()
    };
    let table = [
            ("All five abstained or did not vote as the Assembly demanded.", all("abstained_or_absent")),
            ("Nonetheless, all five Central Asian republics abstained from a vote.", all("abstained")),
            ("The five former Soviet republics (Kazakhstan, Uzbekistan) abstained or did not take part.", all("abstained_or_absent")),
            (
                "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan were among the 32 countries that chose to abstain (141 voted in favor). Turkmenistan did not even vote.",
                pairs(&[
                    ("Kazakhstan", "abstained"),
                    ("Kyrgyzstan", "abstained"),
                    ("Tajikistan", "abstained"),
                    ("Uzbekistan", "abstained"),
                    ("Turkmenistan", "did_not_vote"),
                ]),
            ),
            ("Kazakhstan abstained, while Turkmenistan did not vote.", pairs(&[("Kazakhstan", "abstained"), ("Turkmenistan", "did_not_vote")])),
            ("Several members abstained. Russia did not vote.", vec![]),
        ];
    for (text, want) in table {
        assert_eq!(read(vote().as_ref(), text), want, "{text}");
    }
}

#[test]
fn compatible_values_agree_pairwise_only() {
    let n = vote();
    let v = |s: &str| n.parse(s).unwrap();
    assert!(n.agree(&v("abstained"), &v("abstained or did not vote")));
    assert!(n.agree(&v("did_not_vote"), &v("abstained_or_absent")));
    assert!(!n.agree(&v("abstained"), &v("did not even vote")));
    assert!(n.parse("voted in favour").unwrap_err().contains("none of"));
    assert_eq!(n.subjects().unwrap().len(), 5);
}

#[test]
fn a_phrase_without_a_member_is_no_value() {
    let n = vote();
    let text = "Most members abstained.";
    let at = text.find("abstained").unwrap();
    let m = RawMatch {
        text,
        value: at..at + 9,
        whole: at..at + 9,
        groups: vec![],
        published: None,
        timezone: None,
    };
    assert!(n.normalize(&m).unwrap_err().contains("no member named"));
}

#[test]
fn rejects_inconsistent_options() {
    let bad = |extra: &str| {
        ChoiceKind
            .build(&toml::from_str(&format!("{VOTE}{extra}")).unwrap())
            .unwrap_err()
    };
    assert!(bad("absent = [\"x\"]").contains("not one of the `values`"));
    let no_members = ChoiceKind
        .build(&toml::from_str("[values]\na = [\"a\"]").unwrap())
        .unwrap_err();
    assert!(no_members.contains("needs `members`"));
    let bad_group =
        "members = [\"A\"]\ngroups = { \"both\" = [\"A\", \"B\"] }\n[values]\na = [\"a\"]";
    assert!(ChoiceKind
        .build(&toml::from_str(bad_group).unwrap())
        .unwrap_err()
        .contains("`B`"));
}
