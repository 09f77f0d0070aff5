//! How alike two spellings are: the normalized Damerau–Levenshtein
//! similarity, and a bound that rules most pairs out without computing it.
//!
//! Every name fact compares each distinct capitalized word of an article with
//! its surnames, so this runs tens of thousands of times per thousand
//! articles. `strsim` computes the distance over `char`s with a table of the
//! characters seen (a 256-entry array per call) and three vectors allocated
//! per call; names are short ASCII skeletons, which [`ascii_distance`] reads
//! as bytes with its rows on the stack. It is the same algorithm, step for
//! step, so the distance (and every similarity a report prints) is the same;
//! other strings still go to `strsim`.

/// Similarity of two strings in 0..=1: normalized Damerau-Levenshtein
/// (1 - edits / length of the longer). Chosen over Jaro-Winkler, which
/// rewards a shared prefix so much that "Tokay" scores 0.94 against "Tokayev".
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !short_ascii(x) || !short_ascii(y) {
        return strsim::normalized_damerau_levenshtein(a, b);
    }
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let distance = ascii_distance(x, y);
    1.0 - (distance as f64) / (x.len().max(y.len()) as f64)
}

/// Whether [`similarity`]`(a, b)` can reach `threshold`, from the lengths
/// and the letters alone: the edit distance is at least the difference in
/// length, and at least half the letters one string has and the other has
/// not (an insertion or deletion changes one letter count, a substitution
/// two, a transposition none), so "Tokayev" against "Kazakhstan" or "Lu"
/// needs no distance computed.
pub fn may_reach(a: &str, b: &str, threshold: f64) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (la, lb, bound) = if short_ascii(x) && short_ascii(y) {
        (x.len(), y.len(), letters_apart(x, y).div_ceil(2))
    } else {
        let (la, lb) = (a.chars().count(), b.chars().count());
        (la, lb, la.abs_diff(lb))
    };
    let longest = la.max(lb);
    let bound = bound.max(la.abs_diff(lb));
    // The same expression as `similarity`'s, so a pair at the threshold is
    // never ruled out by rounding.
    longest == 0 || 1.0 - (bound as f64) / (longest as f64) >= threshold
}

/// Longest string [`ascii_distance`] takes: row positions and the table of
/// last rows fit in a byte, and the rows on the stack.
const SHORT: usize = 62;

fn short_ascii(s: &[u8]) -> bool {
    s.len() <= SHORT && s.is_ascii()
}

/// How many letters the two strings do not share: the sum, over letters, of
/// the difference of their counts. Letters are counted by their low five
/// bits (case and digits fold onto letters), which can only lower the sum:
/// still a bound.
fn letters_apart(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i8; 32];
    for &c in a {
        counts[usize::from(c & 31)] += 1;
    }
    for &c in b {
        counts[usize::from(c & 31)] -= 1;
    }
    counts.iter().map(|&n| usize::from(n.unsigned_abs())).sum()
}

/// The Damerau–Levenshtein distance (transpositions of any reach, as
/// `strsim::damerau_levenshtein`) of two ASCII strings of at most [`SHORT`]
/// bytes: Zhao and Sahni's linear-space algorithm as `strsim` 0.11 writes
/// it, over bytes.
fn ascii_distance(a: &[u8], b: &[u8]) -> usize {
    let (len1, len2) = (a.len(), b.len());
    let max_val = len1.max(len2) as i32 + 1;
    // The last row (1-based) each byte was seen in, plus one: 0 is "never"
    // (strsim's -1).
    let mut last_row = [0u8; 128];
    let size = len2 + 2;
    let mut fr = [max_val; SHORT + 2];
    let mut above = [max_val; SHORT + 2];
    let mut row = [max_val; SHORT + 2];
    for (j, cell) in row.iter_mut().enumerate().take(size).skip(1) {
        *cell = j as i32 - 1;
    }
    let (mut r, mut r1) = (&mut row, &mut above);
    for (i, &ch1) in a.iter().enumerate() {
        let i = i as i32 + 1;
        std::mem::swap(&mut r, &mut r1);
        let mut last_col: i32 = -1;
        let mut last_i2l1 = r[1];
        r[1] = i;
        let mut t = max_val;
        for (j, &ch2) in b.iter().enumerate() {
            let j = j + 1;
            let diag = r1[j] + i32::from(ch1 != ch2);
            let left = r[j] + 1;
            let up = r1[j + 1] + 1;
            let mut temp = diag.min(left).min(up);
            if ch1 == ch2 {
                last_col = j as i32;
                fr[j + 1] = r1[j - 1];
                t = last_i2l1;
            } else {
                let k = i32::from(last_row[usize::from(ch2)]) - 1;
                let (j, l) = (j as i32, last_col);
                if j - l == 1 {
                    temp = temp.min(fr[j as usize + 1] + (i - k));
                } else if i - k == 1 {
                    temp = temp.min(t + (j - l));
                }
            }
            last_i2l1 = r[j + 1];
            r[j + 1] = temp;
        }
        last_row[usize::from(ch1)] = (i + 1) as u8;
    }
    r[len2 + 1] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings over a few letters, so that transpositions, repeats and
    /// shared letters are common: every pair up to a length, and a stream
    /// of longer ones.
    fn samples() -> Vec<String> {
        let mut out = vec![String::new()];
        let letters = ['a', 'b', 'c'];
        let mut level = vec![String::new()];
        for _ in 0..5 {
            level = level
                .iter()
                .flat_map(|s| letters.iter().map(move |c| format!("{s}{c}")))
                .collect();
            out.extend(level.iter().cloned());
        }
        // A linear congruential stream: longer strings, more letters.
        let mut seed: u64 = 15;
        for _ in 0..300 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize + 3;
            let s: String = (0..len)
                .map(|k| {
                    let bits = (seed >> (k * 3 % 50)) & 7;
                    (b"abcdeiou"[bits as usize]) as char
                })
                .collect();
            out.push(s);
        }
        out
    }

    #[test]
    fn the_same_similarity_as_strsim() {
        let samples = samples();
        for a in samples.iter().step_by(3) {
            for b in samples.iter().step_by(7) {
                let want = strsim::normalized_damerau_levenshtein(a, b);
                assert_eq!(similarity(a, b).to_bits(), want.to_bits(), "{a} / {b}");
            }
        }
        for (a, b) in [
            ("tokaiev", "tokaev"),
            ("ca", "abc"),
            ("abcdef", "badcfe"),
            ("tleuberdi", "tileuberdi"),
            ("kasimiomart", "kasimiomart"),
            ("", "lu"),
            ("Tokaïev", "tokaiev"),
            ("mirzioiev", "mirzióiev"),
        ] {
            let want = strsim::normalized_damerau_levenshtein(a, b);
            assert_eq!(similarity(a, b).to_bits(), want.to_bits(), "{a} / {b}");
        }
        let long = "a".repeat(SHORT + 1);
        assert_eq!(
            similarity(&long, &long[1..]),
            1.0 - 1.0 / (SHORT + 1) as f64
        );
    }

    #[test]
    fn the_bound_never_rules_out_a_pair_that_reaches() {
        let samples = samples();
        let mut ruled_out = 0;
        for a in &samples {
            for b in samples.iter().step_by(5) {
                for threshold in [0.5, 0.7, 0.85] {
                    let reaches = similarity(a, b) >= threshold;
                    assert!(!reaches || may_reach(a, b, threshold), "{a} / {b}");
                    ruled_out += usize::from(!may_reach(a, b, threshold));
                }
            }
        }
        assert!(ruled_out > 0);
        // Same length, no letter in common: the letters rule it out.
        assert!(!may_reach("tokaiev", "bundlrs", 0.7));
        assert!(may_reach("tokaiev", "tokaev", 0.85));
    }
}
