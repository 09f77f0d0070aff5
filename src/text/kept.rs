//! Per-thread tables of results kept between articles: the articles of one
//! story repeat their sentences, names and dates, and a result that is a
//! pure function of its key is looked up instead of worked out again. Each
//! table is bounded: past its limit it is emptied before the next insert,
//! so one long article of distinct texts leaves nothing behind.

use super::words::Fx;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::thread::LocalKey;

/// A thread's table of kept results (never iterated: Fx decides nothing
/// but speed).
pub type Table<K, V> = RefCell<HashMap<K, V, Fx>>;

/// The result kept in `table` for `key`, or `compute()` kept there under
/// `owned()` (the table emptied first when it holds `limit`). `compute`
/// runs with the table not borrowed, so it may use the table itself.
pub fn kept<K, Q, V>(
    table: &'static LocalKey<Table<K, V>>,
    limit: usize,
    key: &Q,
    owned: impl FnOnce() -> K,
    compute: impl FnOnce() -> V,
) -> V
where
    K: Borrow<Q> + Hash + Eq,
    Q: Hash + Eq + ?Sized,
    V: Clone,
{
    if let Some(known) = table.with_borrow(|t| t.get(key).cloned()) {
        return known;
    }
    let made = compute();
    table.with_borrow_mut(|t| {
        if t.len() >= limit {
            t.clear();
        }
        t.insert(owned(), made.clone());
    });
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: Table<Box<str>, usize> = RefCell::default();
    }

    #[test]
    fn a_result_is_computed_once_and_the_table_stays_bounded() {
        let computed = std::cell::Cell::new(0);
        let square = |k: &str| {
            kept(
                &SQUARES,
                2,
                k,
                || k.into(),
                || {
                    computed.set(computed.get() + 1);
                    k.len() * k.len()
                },
            )
        };
        assert_eq!((square("abc"), square("abc")), (9, 9));
        assert_eq!(square("ab"), 4);
        // A third key empties the full table first: "abc" is worked out again.
        assert_eq!((square("a"), square("abc")), (1, 9));
        assert_eq!(computed.get(), 4);
        assert!(SQUARES.with_borrow(|t| t.len() <= 2));
    }
}
