//! Fractions in words: "two thirds", "one and a half", "a hundred
//! trillionths", "one hundred thirty-fifths" (100/35, the tens joins the
//! denominator), "five billion and three quarters" (a fraction after a scale
//! is a fraction of it), "two thirds of a million", "half a dozen".

use super::words::{classify, exactly, integer, Last, Parsed, Tok, W};

/// "half", "half a dozen", "half a million", "quarter million".
pub fn bare_half(toks: &[Tok], den: f64) -> Option<Parsed> {
    let kinds: Vec<W> = toks.iter().skip(1).take(2).map(classify).collect();
    let part = 1.0 / den;
    match kinds.as_slice() {
        [W::A, W::Dozen, ..] => Some(Parsed {
            value: 12.0 * part,
            used: 3,
            fraction: false,
        }),
        [W::Scale(s), ..] => Some(Parsed {
            value: s * part,
            used: 2,
            fraction: false,
        }),
        [W::A, W::Scale(s), ..] => Some(Parsed {
            value: s * part,
            used: 3,
            fraction: false,
        }),
        _ if den == 2.0 => Some(Parsed {
            value: 0.5,
            used: 1,
            fraction: true,
        }),
        _ => None,
    }
}

/// "two thirds", "one and a half", "one hundred thirty-fifths" (100/35).
pub fn fraction(toks: &[Tok]) -> Option<Parsed> {
    // The numerator: number words, "and", "a"; digits only first ("3 million and a half").
    let in_numerator = |i: usize, t: &Tok| match classify(t) {
        W::Unit(_) | W::Tens(_) | W::Hundred | W::Scale(_) | W::And | W::A => true,
        W::Digits(_, integer) => i == 0 && integer,
        _ => false,
    };
    let k = toks
        .iter()
        .enumerate()
        .position(|(i, t)| !in_numerator(i, t))?;
    let W::Ord {
        den,
        plural,
        unit,
        half_or_quarter,
    } = classify(&toks[k])
    else {
        return None;
    };
    if k == 0 {
        return None;
    }
    let mut num = &toks[..k];
    let mut den = den;
    if unit && k >= 2 {
        if let W::Tens(t) = classify(&num[k - 1]) {
            if classify(&num[k - 2]) != W::And {
                den += t;
                num = &num[..k - 1];
            }
        }
    }
    if unit && den < 10.0 && den <= 2.0 {
        return None; // "first", "second" alone are not denominators
    }
    let split = num
        .iter()
        .rposition(|t| classify(t) == W::And)
        .and_then(|j| {
            let (before, after) = (&num[..j], &num[j + 1..]);
            let (whole, used, last) = integer(before)?;
            if used != before.len() || after.is_empty() {
                return None;
            }
            let a_alone = after.len() == 1 && classify(&after[0]) == W::A;
            match last {
                Last::Hundred if !(half_or_quarter || a_alone) => None,
                _ => Some((whole, last, exactly(after)?)),
            }
        });
    let (mut value, scale_before) = match split {
        Some((whole, last, numerator)) => match last {
            Last::Scale(s) => (whole + numerator / den * s, true),
            _ => (whole + numerator / den, false),
        },
        None => {
            // "100 millionths" is a hundred, then a word: digits take no word denominators.
            if num.iter().any(|t| t.digits.is_some()) {
                return None;
            }
            let numerator = exactly(num)?;
            if numerator > 1.0 && !plural && !half_or_quarter {
                return None;
            }
            (numerator / den, false)
        }
    };
    let mut used = k + 1;
    let after: Vec<W> = toks.iter().skip(used).take(3).map(classify).collect();
    let of_a = toks.get(used).is_some_and(|t| t.word == "of");
    let scale = match after.as_slice() {
        [W::Scale(s), ..] => Some((*s, 1)),
        [W::Other, W::A, W::Scale(s)] if of_a => Some((*s, 3)),
        _ => None,
    };
    if let Some((s, n)) = scale {
        value = match split {
            Some((whole, _, numerator)) if scale_before => whole + numerator / den * s,
            _ => value * s,
        };
        used += n;
    }
    Some(Parsed {
        value,
        used,
        fraction: true,
    })
}
