//! `factlint normalize --kind KIND`: reads lines of text on standard input
//! and prints, for each line, one JSON object with every value of that kind
//! found in it. For trying a normalizer by hand and for conformance suites.

use clap::Args;
use factlint::normalize::read::{self, Context};
use factlint::normalize::{self, time, Found};
use factlint::{Error, Exit, Result};
use serde::Serialize;
use std::io::BufRead;

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// The fact kind to look for (number, quantity, date, …)
    #[arg(long, short, value_name = "KIND")]
    kind: String,
    /// Publication date the text is read against (YYYY-MM-DD), for relative dates
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Time zone of times written without one (an IANA name such as Asia/Shanghai), for --kind time
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
}

#[derive(Serialize)]
struct Line<'a> {
    input: &'a str,
    found: Vec<Found>,
}

pub fn run(args: NormalizeArgs) -> Result<Exit> {
    let kind = normalize::kind(&args.kind).ok_or_else(|| {
        let known: Vec<_> = normalize::KINDS.iter().map(|k| k.name()).collect();
        Error::usage(
            format!("unknown kind `{}`", args.kind),
            format!("use one of: {}", known.join(", ")),
        )
    })?;
    let published = match &args.published {
        None => None,
        Some(d) => Some(d.parse::<jiff::civil::Date>().map_err(|_| {
            Error::usage(
                format!("`{d}` is not a date"),
                "write --published YYYY-MM-DD",
            )
        })?),
    };
    let unsupported = || {
        Error::usage(
            format!("kind `{}` cannot search free text", kind.name()),
            "normalize works for kinds that can find values without rule patterns",
        )
    };
    let ctx = Context { published };
    read::find(kind, "", ctx).ok_or_else(unsupported)?;
    let zone = match &args.timezone {
        None => None,
        Some(_) if kind.name() != "time" => {
            return Err(Error::usage(
                "--timezone is for --kind time",
                "leave --timezone out for other kinds",
            ))
        }
        Some(name) => Some(
            time::zones::iana(name)
                .map_err(|m| Error::usage(m, "write --timezone Asia/Shanghai"))?,
        ),
    };
    let mut out = String::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| {
            Error::usage(
                format!("cannot read standard input: {e}"),
                "pipe UTF-8 text into factlint normalize",
            )
        })?;
        // A zone is the rule's zone of a time fact: "local time" and bare times.
        let found = match &zone {
            Some(tz) => {
                let context = time::Context {
                    published,
                    rule: Some(tz),
                    source: None,
                };
                time::find(&line, &context)
            }
            None => read::find(kind, &line, ctx).unwrap_or_default(),
        };
        out.push_str(
            &serde_json::to_string(&Line {
                input: &line,
                found,
            })
            .unwrap_or_default(),
        );
        out.push('\n');
    }
    super::print(&out)?;
    Ok(Exit::Clean)
}
