//! When two values agree: the interval each stands for as written
//! ([`written`]), widened by the fact's tolerance ([`compared`]), and the
//! test for two keys ([`keys_agree`]).

use super::{time, tolerance, Key, Normalized};

/// The interval a value stands for as written: its key widened by the
/// precision its text implies ("6 miles" is 5.5 to 6.5 miles).
pub fn written(value: &Normalized) -> Option<(f64, f64)> {
    match &value.key {
        Key::Interval { lo, hi, .. } => Some((lo - value.precision, hi + value.precision)),
        _ => None,
    }
}

/// The interval compared for an interval value: as [`written`], then
/// widened by `tolerance` (exact and hedged values alike). Every value
/// that lies in it agrees with this one.
pub fn compared(
    value: &Normalized,
    tolerance: Option<&tolerance::Tolerance>,
) -> Option<(f64, f64)> {
    let (lo, hi) = written(value)?;
    Some(tolerance::widen(lo, hi, tolerance))
}

/// Agreement of two keys. Two intervals agree when one, widened by
/// `tolerance`, meets the other as written: values within tolerance of each
/// other, not twice that. Intervals widened by their written precision must
/// overlap by more than a point: "141" (±0.5) and "142" (±0.5) do not agree.
pub fn keys_agree(
    a: &Normalized,
    b: &Normalized,
    tolerance: Option<&tolerance::Tolerance>,
) -> bool {
    match (&a.key, &b.key) {
        (Key::Interval { unit: ua, .. }, Key::Interval { unit: ub, .. }) if ua != ub => false,
        (Key::Interval { .. }, Key::Interval { .. }) => {
            let strict = a.precision > 0.0 || b.precision > 0.0;
            let meet = |x: &Normalized, y: &Normalized| {
                let (Some((xl, xh)), Some((yl, yh))) = (compared(x, tolerance), written(y)) else {
                    return false;
                };
                if strict {
                    return xl < yh && yl < xh;
                }
                let eps = 1e-9 * (1.0 + xl.abs().max(yl.abs()).min(1e300));
                xl <= yh + eps && yl <= xh + eps
            };
            meet(a, b) || meet(b, a)
        }
        (Key::OneOf(x), Key::OneOf(y)) => share_one(x, y),
        (Key::Label(x), Key::Label(y)) => x == y,
        (Key::Time { .. }, Key::Time { .. }) => time::agree(&a.key, &b.key, 0),
        _ => false,
    }
}

/// Whether two lists of values share one. Long sorted lists (the days of
/// "the past twelve months", ISO dates in order) are merged, in linear
/// time: a fact with 300 such values asked pair by pair took a minute.
fn share_one(x: &[String], y: &[String]) -> bool {
    if x.len() * y.len() <= 64 || !x.is_sorted() || !y.is_sorted() {
        return x.iter().any(|v| y.contains(v));
    }
    // Start where the other list starts: days in a row meet at once.
    let mut i = x.partition_point(|v| *v < y[0]);
    let mut j = y.partition_point(|v| *v < x[0]);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::share_one;

    fn days(from: u32, to: u32) -> Vec<String> {
        (from..=to)
            .map(|d| format!("2023-{:02}-{:02}", d / 28 + 1, d % 28 + 1))
            .collect()
    }

    #[test]
    fn long_sorted_lists_meet_as_the_pairwise_test_says() {
        let year = days(0, 300);
        for other in [days(290, 330), days(301, 330), days(0, 0), days(150, 160)] {
            let pairwise = year.iter().any(|v| other.contains(v));
            assert_eq!(share_one(&year, &other), pairwise, "{other:?}");
            assert_eq!(share_one(&other, &year), pairwise);
        }
        assert!(share_one(&year, &days(300, 320)), "the last day is shared");
        assert!(!share_one(&year, &days(301, 320)));
        // Unsorted lists are asked pair by pair.
        let mut shuffled = days(0, 40);
        shuffled.reverse();
        assert!(share_one(&shuffled, &days(40, 60)));
        assert!(!share_one(&shuffled, &days(41, 60)));
    }
}
