//! How an article writes numbers where one number alone does not say:
//! whether "4.800" is four point eight (English) or four thousand eight
//! hundred (continental grouping, "17.926.345"), and whether a lone "m"
//! glued to digits is a million ("3.3m votes", "$25m") or a metre ("a 5m
//! wall"). Unambiguous forms are read the same whatever the style: two or
//! more dot groups ("17.926.345") or a dot group before a decimal comma
//! ("1.111,11") are always grouping, and "1,234.5" always English.
//!
//! The style is decided once per article ([`Style::of`]) and holds while
//! that article's values are read ([`within`]): the readers below it are
//! called from many places, and the style is a property of the text, like a
//! locale, not of any one call.

use regex::Regex;
use std::cell::Cell;
use std::sync::LazyLock;

/// Which character separates thousands in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// "17,926,345.5" (English).
    #[default]
    Comma,
    /// "17.926.345,5" (continental Europe, Latin America).
    Dot,
}

/// What a lone "m" glued to digits means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LoneM {
    /// "3.3m votes", "$25m": counts and amounts.
    #[default]
    Million,
    /// "a 5m wall": quantities read it as a unit.
    Metre,
}

/// How numbers are read in the article at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub grouping: Grouping,
    pub lone_m: LoneM,
}

/// A number with at least two dot groups, or a dot group and a decimal comma.
static DOT_GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9.,])[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}|(?:\.[0-9]{3})+,[0-9])")
        .expect("dot grouping")
});
/// A number with at least two comma groups, or a comma group and a decimal point.
static COMMA_GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9.,])[0-9]{1,3}(?:(?:,[0-9]{3}){2,}|(?:,[0-9]{3})+\.[0-9])")
        .expect("comma grouping")
});

impl Style {
    /// The style of `text`: dot grouping when the text writes a number
    /// only that convention allows ("17.926.345", "1.111,11") and none only
    /// English allows ("1,234,567", "1,234.5"); English otherwise.
    pub fn of(text: &str) -> Style {
        let dots = DOT_GROUPED.is_match(text) && !COMMA_GROUPED.is_match(text);
        Style {
            grouping: if dots { Grouping::Dot } else { Grouping::Comma },
            lone_m: LoneM::Million,
        }
    }

    /// The same style with a lone "m" read as a metre (quantities).
    pub fn metric(self) -> Style {
        Style {
            lone_m: LoneM::Metre,
            ..self
        }
    }
}

thread_local! {
    static CURRENT: Cell<Style> = const { Cell::new(Style { grouping: Grouping::Comma, lone_m: LoneM::Million }) };
}

/// The style numbers are being read in (English and lone m = million
/// outside [`within`]).
pub fn current() -> Style {
    CURRENT.with(Cell::get)
}

/// Runs `read` with numbers read in `style`; the previous style comes back
/// afterwards, also when `read` panics.
pub fn within<R>(style: Style, read: impl FnOnce() -> R) -> R {
    struct Restore(Style);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(style)));
    read()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_decides_how_dots_are_read() {
        assert_eq!(
            Style::of("voters: 17.926.345 of 59.310.307").grouping,
            Grouping::Dot
        );
        assert_eq!(Style::of("1.111,11 euros").grouping, Grouping::Dot);
        assert_eq!(Style::of("4.800 and 192.168.1.2").grouping, Grouping::Comma);
        assert_eq!(
            Style::of("17.926.345 but also 1,234,567").grouping,
            Grouping::Comma
        );
        let inner = within(Style::of("17.926.345").metric(), current);
        assert_eq!(
            inner,
            Style {
                grouping: Grouping::Dot,
                lone_m: LoneM::Metre
            }
        );
        assert_eq!(current(), Style::default());
    }
}
