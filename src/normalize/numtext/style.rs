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
        // The article being scanned: decided once, not per value read.
        if let Some((at, len, style)) = ARTICLE.with(Cell::get) {
            if at == text.as_ptr() as usize && len == text.len() {
                return style;
            }
        }
        Self::decide(text)
    }

    fn decide(text: &str) -> Style {
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

thread_local! {
    /// The article [`for_article`] is scanning (its address and length) and its style.
    static ARTICLE: Cell<Option<(usize, usize, Style)>> = const { Cell::new(None) };
}

/// Runs `scan` with `text`'s style decided once: every [`Style::of`] of
/// that very text (same address and length: `text` is borrowed for the whole
/// call, so it is the same bytes) answers from it instead of re-reading the
/// article for each value. Other texts are decided as before.
pub fn for_article<R>(text: &str, scan: impl FnOnce() -> R) -> R {
    struct Restore(Option<(usize, usize, Style)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ARTICLE.with(|c| c.set(self.0));
        }
    }
    let style = Style::decide(text);
    let _restore =
        Restore(ARTICLE.with(|c| c.replace(Some((text.as_ptr() as usize, text.len(), style)))));
    scan()
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

    #[test]
    fn an_article_in_scan_is_decided_once_and_other_texts_as_before() {
        let article = String::from("Turnout: 17.926.345 of 59.310.307 voters.");
        let part = &article[..9]; // "Turnout: ": no number, English alone.
        let (whole, slice, other) = for_article(&article, || {
            (
                Style::of(&article),
                Style::of(part),
                Style::of("1,234,567 and 1.5"),
            )
        });
        assert_eq!(whole.grouping, Grouping::Dot);
        assert_eq!(slice.grouping, Grouping::Comma);
        assert_eq!(other.grouping, Grouping::Comma);
        // The scope ends with the call: nothing is remembered afterwards.
        assert_eq!(ARTICLE.with(Cell::get), None);
    }
}
