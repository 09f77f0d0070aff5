use super::*;

/// The values found in `text`, published 2014-08-04 (a Monday), with the
/// rule's zone `rule` and the source's zone `source`.
fn values(text: &str, rule: Option<&str>, source: Option<&str>) -> Vec<(String, String)> {
    let rule = rule.map(|z| zones::iana(z).unwrap());
    let source = source.map(|z| zones::iana(z).unwrap());
    let context = Context {
        published: Some(Date::constant(2014, 8, 4)),
        rule: rule.as_ref(),
        source: source.as_ref(),
    };
    find(text, &context)
        .into_iter()
        .map(|f| (f.text, f.value.value))
        .collect()
}

fn one(text: &str, rule: Option<&str>) -> String {
    let found = values(text, rule, None);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].1.clone()
}

#[test]
fn reads_clock_times_as_newsrooms_write_them() {
    let shanghai = Some("Asia/Shanghai");
    let table: &[(&str, Option<&str>, &str, &str)] = &[
        ("at 4:30 p.m.", shanghai, "4:30 p.m.", "08:30 UTC"),
        ("at 4.30pm", shanghai, "4.30pm", "08:30 UTC"),
        ("at 4:30 pm", shanghai, "4:30 pm", "08:30 UTC"),
        ("at 4:30 PM", shanghai, "4:30 PM", "08:30 UTC"),
        ("at 16:30", shanghai, "16:30", "08:30 UTC"),
        ("at 16h30", shanghai, "16h30", "08:30 UTC"),
        ("at 0830 GMT", None, "0830 GMT", "08:30 UTC"),
        ("at 08:30 UTC", None, "08:30 UTC", "08:30 UTC"),
        ("at 0830Z", None, "0830Z", "08:30 UTC"),
        ("at 0830 hrs", shanghai, "0830 hrs", "00:30 UTC"),
        (
            "at 4:30 p.m. Beijing time",
            None,
            "4:30 p.m. Beijing time",
            "08:30 UTC",
        ),
        (
            "at 4:30 p.m. (Beijing time)",
            None,
            "4:30 p.m. (Beijing time)",
            "08:30 UTC",
        ),
        (
            "at 4:30 pm local time",
            shanghai,
            "4:30 pm local time",
            "08:30 UTC",
        ),
        ("at 5 p.m. EDT", None, "5 p.m. EDT", "21:00 UTC"),
        ("at 5 p.m. ET", None, "5 p.m. ET", "21:00 UTC"),
        ("at 10:00 GMT+8", None, "10:00 GMT+8", "02:00 UTC"),
        (
            "at 9 a.m. India Standard Time",
            None,
            "9 a.m. India Standard Time",
            "03:30 UTC",
        ),
        ("at noon", shanghai, "noon", "04:00 UTC"),
        ("at midnight", shanghai, "midnight", "16:00 UTC"),
        ("at 12 noon", shanghai, "12 noon", "04:00 UTC"),
        ("at 7:56:30 pm", shanghai, "7:56:30 pm", "11:56:30 UTC"),
        ("at 4 pm", shanghai, "4 pm", "08:00 UTC"),
        (
            "at half past seven in the evening",
            shanghai,
            "half past seven",
            "11:30 UTC",
        ),
        (
            "at a quarter to eight in the morning",
            shanghai,
            "a quarter to eight",
            "23:45 UTC",
        ),
        (
            "at 7:45 this morning",
            shanghai,
            "7:45",
            "2014-08-03 23:45 UTC",
        ),
        ("at 7:45", shanghai, "7:45", "23:45 UTC | 11:45 UTC"),
        ("at 7:45", None, "7:45", "07:45 | 19:45"),
        ("at 16:30", None, "16:30", "16:30"),
    ];
    for (text, rule, written, want) in table {
        let found = values(text, *rule, None);
        assert_eq!(found, [(written.to_string(), want.to_string())], "{text}");
    }
}

#[test]
fn digits_alone_are_a_time_only_when_something_says_so() {
    for text in [
        "in 2014, 1,200 people",
        "a rate of 4.30 percent",
        "scored 3.14159",
        "the 0830 train",
        "at 4.5 pm",
        "someone said",
        "one of seven",
        "$4.30 a pound",
        "Room 12:305",
    ] {
        assert_eq!(values(text, Some("Asia/Shanghai"), None), [], "{text}");
    }
}

#[test]
fn a_written_day_makes_the_value_an_instant() {
    // Published Monday 2014-08-04: "Sunday" is the day before.
    assert_eq!(one("(2345 GMT Sunday)", None), "2014-08-03 23:45 UTC");
    assert_eq!(
        one("on Sunday at 4:30 p.m. Beijing time", None),
        "2014-08-03 08:30 UTC"
    );
    assert_eq!(
        one("hit at 4:30 p.m. Sunday (Beijing Time) with a depth", None),
        "2014-08-03 08:30 UTC"
    );
    assert_eq!(
        one("The disaster struck Sunday at 0830 UTC, and", None),
        "2014-08-03 08:30 UTC"
    );
    assert_eq!(
        one("5 a.m. EST on Feb. 24, 2023", None),
        "2023-02-24 10:00 UTC"
    );
}

#[test]
fn bare_and_local_times_are_in_the_rules_zone_else_the_sources() {
    let text = "7:45 a.m. local time (2345 GMT Sunday)";
    let found = values(text, Some("Asia/Shanghai"), Some("Europe/London"));
    assert_eq!(found[0].1, "23:45 UTC");
    // News gives the event's local time: the rule's zone wins over the outlet's.
    let london = Some("Europe/London");
    assert_eq!(
        values("at 4.30pm", Some("Asia/Shanghai"), london)[0].1,
        "08:30 UTC"
    );
    assert_eq!(values("at 9.30am", None, london)[0].1, "08:30 UTC");
    assert_eq!(
        values("at 7:45 a.m. local time", None, london)[0].1,
        "06:45 UTC"
    );
}

#[test]
fn ambiguous_abbreviations_are_resolved_by_zone_or_pair_or_left_unresolved() {
    // The rule's zone uses the abbreviation.
    assert_eq!(one("at 18:00 CST", Some("Asia/Shanghai")), "10:00 UTC");
    assert_eq!(one("at 18:00 CST", Some("America/Chicago")), "00:00 UTC");
    // A paired time in brackets says which.
    let pair = values("18:00 CST (10:00 UTC)", None, None);
    assert_eq!(pair[0].1, "10:00 UTC");
    let pair = values("10:00 UTC (18:00 CST)", None, None);
    assert_eq!(pair[1].1, "10:00 UTC");
    // Neither: unresolved, with the candidates.
    let context = Context::default();
    let found = find("at 09.30 BST", &context);
    assert_eq!(found[0].value.value, "unresolved");
    let note = found[0].value.note.clone().unwrap();
    assert!(note.contains("British Summer Time UTC+01:00"), "{note}");
    assert!(note.contains("set `timezone`"), "{note}");
    assert_eq!(
        values("at 09.30 BST", None, Some("Europe/London"))[0].1,
        "08:30 UTC"
    );
}

#[test]
fn daylight_time_follows_the_articles_date() {
    // 2014-08-04: London is on BST (UTC+1), New York on EDT (UTC-4).
    assert_eq!(one("at 9.30am London time", None), "08:30 UTC");
    assert_eq!(one("at 9:30 a.m. Eastern Time", None), "13:30 UTC");
    assert_eq!(
        one("at 9:30 a.m. Eastern Time on Jan. 5, 2014", None),
        "2014-01-05 14:30 UTC"
    );
}

fn normalizer(options: &str) -> TimeNormalizer {
    let options: toml::Table = toml::from_str(options).unwrap();
    let zone = options
        .get("timezone")
        .map(|z| zones::iana(z.as_str().unwrap()).unwrap());
    let tolerance = options
        .get("tolerance")
        .map_or(0, |t| tolerance(t).unwrap());
    TimeNormalizer { zone, tolerance }
}

fn read_with(n: &TimeNormalizer, text: &str, published: Option<Date>) -> Normalized {
    let m = RawMatch {
        published,
        ..RawMatch::whole_text(text)
    };
    n.normalize(&m).unwrap().remove(0)
}

#[test]
fn beijing_afternoon_and_utc_morning_agree_and_minutes_apart_conflict() {
    let n = normalizer("timezone = \"Asia/Shanghai\"");
    let published = Some(Date::constant(2014, 8, 3));
    let beijing = read_with(&n, "4:30 pm Beijing time", published);
    let utc = read_with(&n, "0830 UTC", published);
    assert!(n.agree(&beijing, &utc));
    let early = read_with(&n, "7:54 p.m.", published);
    let late = read_with(&n, "7:45 p.m.", published);
    assert!(!n.agree(&early, &late));
    // Across midnight UTC: Monday 7:45 in Beijing is Sunday 23:45 UTC.
    let monday = Some(Date::constant(2014, 8, 4));
    let local = read_with(&n, "7:45 a.m. local time", monday);
    let gmt = read_with(&n, "2345 GMT Sunday", monday);
    let gmt_undated = read_with(&n, "2345 GMT", monday);
    assert!(n.agree(&local, &gmt));
    assert!(n.agree(&local, &gmt_undated));
}

#[test]
fn tolerance_is_in_minutes_and_applies_to_every_time() {
    let n = normalizer("timezone = \"Asia/Shanghai\"\ntolerance = \"5 min\"");
    let a = read_with(&n, "7:54 p.m.", None);
    let b = read_with(&n, "7:50 p.m.", None);
    let c = read_with(&n, "7:45 p.m.", None);
    assert!(n.agree(&a, &b));
    assert!(!n.agree(&a, &c));
    // Across midnight, within the tolerance.
    assert!(n.agree(&read_with(&n, "23:58", None), &read_with(&n, "00:02", None)));
}

#[test]
fn reads_tolerances() {
    let t = |v: &str| {
        tolerance(&toml::from_str::<toml::Table>(&format!("t = {v}")).unwrap()["t"].clone())
    };
    assert_eq!(t("\"5 min\""), Ok(300));
    assert_eq!(t("\"90 s\""), Ok(90));
    assert_eq!(t("\"1 h\""), Ok(3600));
    assert_eq!(t("5"), Ok(300));
    assert!(t("\"5 parsecs\"")
        .unwrap_err()
        .contains("not one of s, min, h"));
    assert!(t("\"soon\"").unwrap_err().contains("not a duration"));
    assert!(t("\"13 h\"").unwrap_err().contains("out of range"));
}

#[test]
fn wall_clock_times_say_so_and_compare_by_the_clock() {
    let n = normalizer("");
    let a = read_with(&n, "at 7:45 p.m.", None);
    assert_eq!(a.value, "19:45");
    assert!(a
        .note
        .as_deref()
        .unwrap()
        .contains("compared as wall-clock time"));
    assert!(n.agree(&a, &read_with(&n, "19:45", None)));
    assert!(!n.agree(&a, &read_with(&n, "19:54", None)));
    // Without a.m./p.m. either half of the day agrees.
    assert!(n.agree(&a, &read_with(&n, "at 7:45", None)));
}

#[test]
fn hedged_times_are_approximate() {
    let n = normalizer("timezone = \"Asia/Shanghai\"");
    let about = read_with(&n, "at about 4:30 p.m.", None);
    assert!(about.approximate);
    assert!(about.note.unwrap().contains("hedged: 'about'"));
    assert!(!read_with(&n, "at 4:30 p.m.", None).approximate);
}

#[test]
fn a_hedged_time_agrees_within_five_minutes() {
    // The Yeti Airlines flight of 15 January 2023: "took off … at 10:33 am"
    // (CAAN, via Kashmir Reader) and "left Kathmandu about 10:30 a.m. local
    // time" (AP).
    let n = normalizer("timezone = \"Asia/Kathmandu\"");
    let day = Some(Date::constant(2023, 1, 15));
    let exact = read_with(&n, "took off at 10:33 am", day);
    let about = read_with(&n, "left about 10:30 a.m. local time", day);
    assert!(n.agree(&exact, &about));
    assert!(n.agree(&about, &exact));
    // Past five minutes, or with no hedge, they differ.
    assert!(!n.agree(&read_with(&n, "at 10:36 am", day), &about));
    assert!(!n.agree(&exact, &read_with(&n, "at 10:30 a.m.", day)));
}

#[test]
fn expect_values_read_in_the_rules_zone() {
    let n = normalizer("timezone = \"Asia/Shanghai\"");
    assert_eq!(n.parse("16:30").unwrap().value, "08:30 UTC");
    assert_eq!(n.parse("08:30 UTC").unwrap().value, "08:30 UTC");
    assert_eq!(
        n.parse("2014-08-03 16:30").unwrap().value,
        "2014-08-03 08:30 UTC"
    );
    assert!(n.parse("soon").is_err());
    // A zone with daylight time needs the day.
    let london = normalizer("timezone = \"Europe/London\"");
    assert!(london
        .parse("09:30")
        .unwrap_err()
        .contains("depends on the date"));
    assert_eq!(
        london.parse("2014-08-04 09:30").unwrap().value,
        "2014-08-04 08:30 UTC"
    );
}

#[test]
fn an_unknown_rule_zone_is_a_load_error_naming_the_field() {
    let options: toml::Table = toml::from_str("timezone = \"Asia/Shangai\"").unwrap();
    let err = TimeKind.build(&options).unwrap_err();
    assert!(err.starts_with("timezone `Asia/Shangai`"), "{err}");
    assert!(err.contains("did you mean `Asia/Shanghai`"), "{err}");
}
