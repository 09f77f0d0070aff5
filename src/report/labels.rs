//! Words several formats share: the status of a verdict, how a suppressed
//! mention is marked, how a value stands against the record, and the one
//! sentence that says what a conflicting mention gets wrong. One place, so
//! the table, Markdown, SARIF and GitHub outputs say the same thing.

use crate::compare::{shown, MentionVerdict, Reference, Status, Suppression, Verdict};

/// The status as the table and the Markdown report show it.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Agree => "agree",
        Status::Conflict => "CONFLICT",
        Status::Updated => "updated",
        Status::Single => "single",
        Status::Missing => "missing",
        Status::Unresolved => "unresolved",
    }
}

/// The status of a verdict, "accepted" when the baseline accepts it.
pub fn verdict_label(v: &Verdict) -> &'static str {
    if v.suppressed {
        "accepted"
    } else {
        status_label(v.status)
    }
}

/// " (ignored)" / " (baseline)" after a suppressed mention.
pub fn suppressed_mark(m: &MentionVerdict) -> &'static str {
    match m.suppressed {
        Some(Suppression::Inline) => " (ignored)",
        Some(Suppression::Baseline) => " (baseline)",
        None => "",
    }
}

/// How the values stand against the record: "match (2015)", "MISMATCH (2015)".
pub fn reference_label(reference: Reference, expected: Option<&str>) -> String {
    match (reference, expected) {
        (Reference::Match, Some(e)) => format!("match ({e})"),
        (Reference::Mismatch, Some(e)) => format!("MISMATCH ({e})"),
        (_, Some(e)) => format!("— ({e})"),
        _ => "—".into(),
    }
}

/// The groups of a conflict with no majority: "no majority: 23 km (002,
/// 003) vs ≈29 km (006)"; "1 vs 1" when each group has one source.
pub fn split(v: &Verdict) -> String {
    split_named(v, str::to_string)
}

/// On an `updated` verdict: "↑ newest 617 (16-guardian.txt); superseded:
/// 02-cntv.txt, 03-dw.txt" (↓ for a falling figure, → for `any`).
pub fn updated_named(v: &Verdict, name: impl Fn(&str) -> String) -> Option<String> {
    let latest = v.latest.as_deref()?;
    let arrow = match v.changes {
        Some(crate::rules::Changes::Rises) => "↑",
        Some(crate::rules::Changes::Falls) => "↓",
        _ => "→",
    };
    let sources: Vec<String> = v.latest_sources.iter().map(|s| name(s)).collect();
    let mut line = format!(
        "{arrow} newest {} ({})",
        super::readable(v, latest),
        sources.join(", ")
    );
    if !v.superseded.is_empty() {
        let older: Vec<String> = v.superseded.iter().map(|s| name(s)).collect();
        line.push_str(&format!("; superseded: {}", older.join(", ")));
    }
    Some(line)
}

/// [`split`] with each source (a file name) named by `name`.
pub fn split_named(v: &Verdict, name: impl Fn(&str) -> String) -> String {
    let groups: Vec<String> = v
        .groups
        .iter()
        .map(|g| {
            let sources: Vec<String> = g.sources.iter().map(|s| name(s)).collect();
            format!("{} ({})", super::readable(v, &g.value), sources.join(", "))
        })
        .collect();
    let sizes: Vec<String> = v
        .groups
        .iter()
        .map(|g| g.sources.len().to_string())
        .collect();
    format!(
        "no majority, {}: {}",
        sizes.join(" vs "),
        groups.join(" vs ")
    )
}

/// What a conflicting mention says, as one sentence.
pub fn message(v: &Verdict, m: &MentionVerdict) -> String {
    let value = shown(m.mention.normalized());
    let mut parts = Vec::new();
    if m.outlier {
        let consensus = super::readable(v, v.consensus.as_deref().unwrap_or("another value"));
        parts.push(format!(
            "disagrees with the other sources, which give {consensus}"
        ));
    }
    if m.self_contradiction {
        let others: Vec<String> = v
            .mentions
            .iter()
            .filter(|o| o.self_contradiction && o.mention.source() == m.mention.source())
            .map(|o| shown(o.mention.normalized()))
            .filter(|o| *o != value)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        parts.push(format!(
            "contradicts its own article, which also gives {}",
            others.join(", ")
        ));
    }
    if m.tied {
        parts.push(format!("the sources are split ({})", split(v)));
    }
    if m.mismatch {
        parts.push(format!(
            "differs from the public record ({})",
            super::readable(v, v.expected.as_deref().unwrap_or("?"))
        ));
    }
    format!(
        "{}: “{}” reads as {value} and {}. Claim: {}",
        v.id,
        m.mention.text(),
        parts.join(", and "),
        v.claim
    )
}
