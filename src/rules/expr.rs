//! The expression language of `[[constraint]]`: a relation between values that every source must keep,
//! such as `in_favour + against + abstained <= 193`. An expression is one
//! comparison (`<=`, `<`, `>=`, `>`, `==`, `!=`) between sums of products
//! of numbers and names, with parentheses. A name is a fact id
//! (`un-vote-against`), a value of a multi-value fact (`un-vote.against`),
//! or such a value's bare name when only one fact declares it. Fact ids
//! contain hyphens, so subtraction is written with spaces (`a - b`).
//!
//! Values are intervals ("more than 140" is [140, ∞)), so the arithmetic is
//! interval arithmetic: a constraint is violated only when no values inside
//! the intervals could keep it.

use serde::Serialize;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cmp {
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

/// An arithmetic expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    /// A name, with the byte offset where it is written in the expression.
    Name(String, usize),
    Neg(Box<Expr>),
    Bin(char, Box<Expr>, Box<Expr>),
}

/// A parsed constraint expression: `lhs cmp rhs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub lhs: Expr,
    pub cmp: Cmp,
    pub rhs: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Op(char),
    Cmp(Cmp),
    Open,
    Close,
}

/// A syntax error and the byte offset in the expression where it is.
pub type SyntaxError = (String, usize);

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, SyntaxError> {
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || c == '.' {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b'_') {
                i += 1;
            }
            let n = src[start..i]
                .replace('_', "")
                .parse()
                .map_err(|_| (format!("`{}` is not a number", &src[start..i]), start))?;
            out.push((Tok::Num(n), start));
        } else if c.is_ascii_alphabetic() || c == '_' {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'_'
                    || b[i] == b'.'
                    || (b[i] == b'-'
                        && i + 1 < b.len()
                        && (b[i + 1] as char).is_ascii_alphanumeric()))
            {
                i += 1;
            }
            out.push((Tok::Name(src[start..i].to_string()), start));
        } else {
            let two = src.get(i..i + 2).unwrap_or("");
            let (tok, len) = match (two, c) {
                ("<=", _) => (Tok::Cmp(Cmp::Le), 2),
                (">=", _) => (Tok::Cmp(Cmp::Ge), 2),
                ("==", _) => (Tok::Cmp(Cmp::Eq), 2),
                ("!=", _) => (Tok::Cmp(Cmp::Ne), 2),
                (_, '<') => (Tok::Cmp(Cmp::Lt), 1),
                (_, '>') => (Tok::Cmp(Cmp::Gt), 1),
                (_, '+' | '-' | '*' | '/') => (Tok::Op(c), 1),
                (_, '(') => (Tok::Open, 1),
                (_, ')') => (Tok::Close, 1),
                _ => return Err((format!("unexpected `{c}`"), start)),
            };
            out.push((tok, start));
            i += len;
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    i: usize,
    len: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|t| &t.0)
    }

    fn at(&self) -> usize {
        self.toks.get(self.i).map_or(self.len, |t| t.1)
    }

    fn sum(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.product()?;
        while let Some(Tok::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.i += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.product()?));
        }
        Ok(e)
    }

    fn product(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.factor()?;
        while let Some(Tok::Op(op @ ('*' | '/'))) = self.peek().cloned() {
            self.i += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.factor()?));
        }
        Ok(e)
    }

    fn factor(&mut self) -> Result<Expr, SyntaxError> {
        let at = self.at();
        let tok = self.peek().cloned();
        self.i += 1;
        match tok {
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Name(n)) => Ok(Expr::Name(n, at)),
            Some(Tok::Op('-')) => Ok(Expr::Neg(Box::new(self.factor()?))),
            Some(Tok::Open) => {
                let e = self.sum()?;
                match self.peek() {
                    Some(Tok::Close) => {
                        self.i += 1;
                        Ok(e)
                    }
                    _ => Err(("missing `)`".into(), self.at())),
                }
            }
            _ => Err(("expected a number, a name or `(`".into(), at)),
        }
    }
}

/// Parses `lhs <= rhs` (or another comparison).
pub fn parse(src: &str) -> Result<Relation, SyntaxError> {
    let mut p = Parser {
        toks: lex(src)?,
        i: 0,
        len: src.len(),
    };
    let lhs = p.sum()?;
    let cmp = match p.peek() {
        Some(Tok::Cmp(c)) => *c,
        _ => {
            return Err((
                "expected a comparison (<=, <, >=, >, ==, !=)".into(),
                p.at(),
            ))
        }
    };
    p.i += 1;
    let rhs = p.sum()?;
    if p.i < p.toks.len() {
        return Err(("unexpected text after the expression".into(), p.at()));
    }
    Ok(Relation { lhs, cmp, rhs })
}

impl Expr {
    /// Every name, with its offset, in order.
    pub fn names(&self, out: &mut Vec<(String, usize)>) {
        match self {
            Expr::Name(n, at) => out.push((n.clone(), *at)),
            Expr::Neg(e) => e.names(out),
            Expr::Bin(_, a, b) => {
                a.names(out);
                b.names(out);
            }
            Expr::Num(_) => {}
        }
    }

    /// The interval of the expression, names read by `value`; None if one is missing.
    pub fn eval(&self, value: &dyn Fn(&str) -> Option<(f64, f64)>) -> Option<(f64, f64)> {
        Some(match self {
            Expr::Num(n) => (*n, *n),
            Expr::Name(n, _) => value(n)?,
            Expr::Neg(e) => {
                let (lo, hi) = e.eval(value)?;
                (-hi, -lo)
            }
            Expr::Bin(op, a, b) => {
                let (al, ah) = a.eval(value)?;
                let (bl, bh) = b.eval(value)?;
                match op {
                    '+' => (al + bl, ah + bh),
                    '-' => (al - bh, ah - bl),
                    '*' | '/' => {
                        let (bl, bh) = if *op == '/' {
                            if bl <= 0.0 && bh >= 0.0 {
                                return None;
                            }
                            (1.0 / bh, 1.0 / bl)
                        } else {
                            (bl, bh)
                        };
                        let p = [al * bl, al * bh, ah * bl, ah * bh].map(|x| {
                            if x.is_nan() {
                                0.0
                            } else {
                                x
                            }
                        });
                        (
                            p.iter().cloned().fold(f64::INFINITY, f64::min),
                            p.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
                        )
                    }
                    _ => return None,
                }
            }
        })
    }
}

impl Relation {
    /// Whether the values may keep the relation (false: certainly violated).
    pub fn holds(&self, value: &dyn Fn(&str) -> Option<(f64, f64)>) -> Option<bool> {
        let (ll, lh) = self.lhs.eval(value)?;
        let (rl, rh) = self.rhs.eval(value)?;
        let eps = 1e-9 * (1.0 + ll.abs().max(rh.abs()).min(1e300));
        Some(match self.cmp {
            Cmp::Le => ll <= rh + eps,
            Cmp::Lt => ll < rh,
            Cmp::Ge => lh + eps >= rl,
            Cmp::Gt => lh > rl,
            Cmp::Eq => ll <= rh + eps && rl <= lh + eps,
            Cmp::Ne => !(ll == lh && rl == rh && (ll - rl).abs() <= eps),
        })
    }

    pub fn names(&self) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        self.lhs.names(&mut out);
        self.rhs.names(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(name: &str) -> Option<(f64, f64)> {
        match name {
            "in_favour" => Some((141.0, 141.0)),
            "against" => Some((7.0, 7.0)),
            "abstained" => Some((32.0, 32.0)),
            "un-vote.more" => Some((140.0, f64::INFINITY)),
            _ => None,
        }
    }

    #[test]
    fn parses_and_evaluates_with_intervals() {
        let r = parse("in_favour + against + abstained <= 193").unwrap();
        assert_eq!(r.holds(&vote), Some(true));
        assert_eq!(
            parse("in_favour + against + abstained <= 179")
                .unwrap()
                .holds(&vote),
            Some(false)
        );
        assert_eq!(
            parse("(in_favour - against) * 2 == 268")
                .unwrap()
                .holds(&vote),
            Some(true)
        );
        assert_eq!(
            parse("un-vote.more + against <= 193").unwrap().holds(&vote),
            Some(true)
        );
        assert_eq!(
            parse("un-vote.more + against < 100").unwrap().holds(&vote),
            Some(false)
        );
        assert_eq!(parse("missing <= 1").unwrap().holds(&vote), None);
        let names: Vec<String> = r.names().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["in_favour", "against", "abstained"]);
    }

    #[test]
    fn syntax_errors_say_where() {
        assert_eq!(
            parse("a + b").unwrap_err(),
            (
                "expected a comparison (<=, <, >=, >, ==, !=)".to_string(),
                5
            )
        );
        assert_eq!(parse("a + <= 3").unwrap_err().1, 4);
        assert_eq!(parse("(a <= 3").unwrap_err().0, "missing `)`");
        assert_eq!(
            parse("a # 3").unwrap_err(),
            ("unexpected `#`".to_string(), 2)
        );
    }
}
