//! Cue-based facts (issue 12) through the library: a rule written as an
//! editor would (`cues`, `exclude`, `window`, `by`), run on sentences taken
//! from the real-event fixtures in `tests/fixtures/events/`. Each test
//! asserts the values read and where they are.

use factlint::rules::{hits, parse_file, Fact};
use std::path::Path;

/// The one fact of a rule file written inline.
fn fact(toml: &str) -> Fact {
    let text = format!("[[fact]]\nid = \"f\"\nclaim = \"c\"\n{toml}");
    let mut facts =
        parse_file(Path::new("r.toml"), &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    facts.remove(0)
}

/// (text found, value, approximate, subject) of every hit.
fn read(fact: &Fact, text: &str) -> Vec<(String, String, bool, Option<String>)> {
    hits(fact, text, 0, None)
        .into_iter()
        .flat_map(|h| {
            let found = text[h.value.clone()].to_string();
            h.values
                .into_iter()
                .map(move |v| (found.clone(), v.value, v.approximate, v.subject))
        })
        .collect()
}

fn values(fact: &Fact, text: &str) -> Vec<String> {
    read(fact, text).into_iter().map(|(_, v, _, _)| v).collect()
}

const TOLL: &str = r#"kind = "number"
cues = ["killed", "dead", "death toll"]
exclude = ["1970", "1974", "2008"]"#;

#[test]
fn cues_fold_inflections_and_the_kind_reads_hedges() {
    let f = fact(
        "kind = \"number\"
cues = [\"kill\", \"death tolls\"]",
    );
    let got = read(
        &f,
        "Some 7,000 rescuers dug through homes in a quake that killed at least 381 people and injured almost 1,900.",
    );
    assert_eq!(got, [("381".into(), "381".into(), true, None)]);
    assert_eq!(
        values(&f, "The Death Toll rose to 398 on Monday."),
        ["398"],
        "case and plural folded"
    );
    assert_eq!(
        values(&f, "Southern China earthquake kills hundreds"),
        ["200–1000"],
        "a vague quantity is the kind's business"
    );
    assert!(values(&f, "The skilled 300 rescuers arrived.").is_empty());
}

#[test]
fn the_nearest_value_in_the_clause_and_not_across_and() {
    let f = fact(TOLL);
    assert_eq!(
        values(&f, "The quake left 381 people dead and 1,801 injured."),
        ["381"]
    );
    assert_eq!(
        values(&f, "At least 175 dead, 181 missing in SW China quake"),
        ["175"]
    );
    // Another clause holds the number: not read with the default window...
    let text = "The quake killed residents, officials said on Monday, 398 in all.";
    assert!(values(&f, text).is_empty());
    // ...but read when the window is the sentence, or wide enough in words.
    let wide = fact(&format!("{TOLL}\nwindow = \"sentence\""));
    assert_eq!(values(&wide, text), ["398"]);
    assert_eq!(values(&fact(&format!("{TOLL}\nwindow = 7")), text), ["398"]);
    assert!(values(&fact(&format!("{TOLL}\nwindow = 2")), text).is_empty());
}

#[test]
fn numbers_that_belong_to_other_kinds_are_not_counts() {
    let f = fact(TOLL);
    for text in [
        "Officials put the number of people killed in Sunday's 6.1-magnitude quake at nearly 600",
        "The quake killed 398 people at 4:30 p.m. on August 3, 2014.",
        "It killed 23 km from the county seat 398 people.",
    ] {
        let got = values(&f, text);
        assert!(
            got == ["600"] || got == ["398"],
            "{text}: {got:?} (a magnitude, a clock time, a date or a distance was read)"
        );
    }
}

#[test]
fn exclude_rules_out_the_whole_sentence() {
    let f = fact(TOLL);
    assert!(values(
        &f,
        "In 1974, a 6.8-quake in the same area killed more than 1,500 people."
    )
    .is_empty());
    assert_eq!(
        values(
            &f,
            "In 1974 a quake struck. This time 367 people were killed."
        ),
        ["367"],
        "only the sentence with the exclusion is out"
    );
}

#[test]
fn typographic_variants_are_equal() {
    let f = fact(
        "kind = \"quantity\"\nunit = \"km\"\ncues = [\"Yunnan's capital\"]\nwindow = \"sentence\"",
    );
    assert_eq!(
        values(
            &f,
            "Ludian, about 370km northeast of Yunnan’s capital, Kunming."
        ),
        ["370 km"]
    );
    let dash = fact("kind = \"number\"\ncues = [\"death–toll\"]");
    assert_eq!(values(&dash, "The death-toll is 12."), ["12"]);
}

const DEPTH: &str = r#"kind = "quantity"
unit = "km"
cues = ["depth"]
by = { usgs = ["USGS", "U.S. Geological Survey"], cenc = ["China Earthquake Networks Center", "earthquake monitoring agency"] }"#;

#[test]
fn by_attributes_to_the_nearest_source_in_the_clause_then_the_sentence_before() {
    let f = fact(DEPTH);
    let text = "The U.S. Geological Survey registered the quake at a depth of 10 kilometres, while China's earthquake monitoring agency put the depth at 12 km.";
    let got: Vec<(String, Option<String>)> = read(&f, text)
        .into_iter()
        .map(|(_, v, _, s)| (v, s))
        .collect();
    assert_eq!(
        got,
        [
            ("10 km".into(), Some("usgs".into())),
            ("12 km".into(), Some("cenc".into()))
        ]
    );
    let before =
        "A strong quake hit Yunnan, the USGS said.\nIt struck at a shallow depth of 10 kilometers.";
    assert_eq!(read(&f, before)[0].3.as_deref(), Some("usgs"));
    let none = "Local media said.\nIt struck at a shallow depth of 12 km.";
    assert_eq!(read(&f, none)[0].3.as_deref(), Some("unattributed"));
    let dropped = fact(&format!("{DEPTH}\nunattributed = \"drop\""));
    assert!(read(&dropped, none).is_empty());
}

#[test]
fn patterns_may_be_combined_with_cues_and_exclude() {
    let f = fact(
        r#"kind = "number"
patterns = ['(?P<value>\d+) (?:people|residents)']
cues = ["killed"]
exclude = ["county"]"#,
    );
    assert_eq!(values(&f, "381 people were killed."), ["381"]);
    assert!(values(&f, "381 people were rescued.").is_empty(), "no cue");
    assert!(
        values(&f, "122 residents were killed in Ludian County.").is_empty(),
        "excluded"
    );
}

#[test]
fn examples_of_cue_facts_are_checked_at_load() {
    let text = "[[fact]]\nid = \"f\"\nclaim = \"c\"\nkind = \"number\"\ncues = [\"killed\"]\nexamples = [{ text = \"It killed 12.\", value = \"13\" }]\n";
    let err = parse_file(Path::new("r.toml"), text)
        .map(|facts| factlint::rules::examples::check_fact(&facts[0]))
        .unwrap();
    assert_eq!(err.len(), 1);
    assert!(
        err[0].message.contains("yields \"12\", not \"13\""),
        "{}",
        err[0].message
    );
}

/// The Baltimore bridge coverage (27 March 2024): the ship's length stands
/// before a bracketed conversion (BBC) or glued to "-long" (LA Times Now);
/// the clause runs on across the aside, and an aside that ends its clause
/// stays apart.
#[test]
fn a_clause_runs_on_across_a_bracketed_aside() {
    let f = fact("kind = \"quantity\"\nunit = \"ft\"\ncues = [\"ship\"]");
    assert_eq!(
        values(
            &f,
            "By the time the crew of the Dali, a massive 948ft (289m) container ship, realised what was happening, it was already far too late."
        ),
        ["948 ft"]
    );
    assert_eq!(
        values(
            &f,
            "A chilling video captured the full 1.6-mile stretch descending into the Patapsco River after being struck by a 948-foot-long container ship named Dali."
        ),
        ["948 ft"]
    );
    // A separator of several bytes before the aside (an en dash).
    assert_eq!(
        values(&f, "The pier – struck by a 984-foot (300 m) ship – fell."),
        ["984 ft"]
    );
    let vote = fact("kind = \"number\"\ncues = [\"abstained\"]");
    assert_eq!(
        values(&vote, "32 countries abstained (141 voted in favour)."),
        ["32"]
    );
}

/// The Baltimore bridge coverage (USA Today and LA Times Now, March 2024): a
/// count on the cue's side of "while" wins over a nearer one beyond it, and a
/// spelled "one of" picks out, it does not count.
#[test]
fn while_opens_another_statement_and_one_of_is_no_count() {
    let f = fact("kind = \"number\"\ncues = [\"rescued\", \"rescue\"]");
    assert_eq!(
        values(
            &f,
            "Two construction workers known to be on the bridge were rescued while six others are feared dead."
        ),
        ["2"]
    );
    assert_eq!(
        values(
            &f,
            "On Tuesday evening, Roland L. Butler Jr. said that the search and rescue mission was transitioning to one of search and recovery."
        ),
        Vec::<String>::new()
    );
}
