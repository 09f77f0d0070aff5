//! Dates of publication and example dates as rules and manifests write
//! them, and the TOML type names their errors quote.

/// Reads a date written in a rule or a manifest: "2023-02-24" or a TOML date.
pub fn parse_date(value: &toml::Value) -> std::result::Result<jiff::civil::Date, String> {
    let text = match value {
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        other => {
            return Err(format!(
                "a date must be written YYYY-MM-DD, not as {}",
                a_type(other)
            ))
        }
    };
    text.parse::<jiff::civil::Date>()
        .map_err(|_| format!("`{text}` is not a date"))
}

/// A publication date-time as a manifest writes it: a date, or a date and
/// time with its offset ("2014-08-04T00:37:00+08:00", a TOML offset
/// date-time or a string). The date is the one written (local to the
/// offset); the second value is the time as written, RFC 3339 with offset.
pub fn parse_published(
    value: &toml::Value,
) -> std::result::Result<(jiff::civil::Date, Option<String>), String> {
    let text = match value {
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        other => {
            return Err(format!(
                "a date must be written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS+HH:MM), not as {}",
                a_type(other)
            ))
        }
    };
    if !text.contains(':') {
        let date = text
            .parse::<jiff::civil::Date>()
            .map_err(|_| format!("`{text}` is not a date"))?;
        return Ok((date, None));
    }
    let written = text.replace(' ', "T");
    let instant = written.parse::<jiff::Timestamp>().map_err(|_| {
        if written.parse::<jiff::civil::DateTime>().is_ok() {
            format!("`{text}` has no offset from UTC: add the offset where it was published (+08:00, Z), or give only the date")
        } else {
            format!("`{text}` is not a date or a date-time")
        }
    })?;
    let offset = match written.rfind(['+', '-']).filter(|i| *i > 10) {
        Some(i) => {
            let (sign, hm) = written[i..].split_at(1);
            let (h, m) = hm.split_once(':').unwrap_or((hm, "0"));
            let seconds = h.parse::<i32>().unwrap_or(0) * 3600 + m.parse::<i32>().unwrap_or(0) * 60;
            if sign == "-" {
                -seconds
            } else {
                seconds
            }
        }
        None => 0,
    };
    let offset = jiff::tz::Offset::from_seconds(offset).map_err(|e| e.to_string())?;
    let local = instant.to_zoned(jiff::tz::TimeZone::fixed(offset));
    let shown = local.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Ok((local.date(), Some(shown)))
}

/// "an integer", "a string": a TOML value's type with its article, for messages.
pub fn a_type(value: &toml::Value) -> String {
    let name = value.type_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_and_date_times_with_offsets() {
        let read = |s: &str| parse_published(&toml::Value::String(s.into()));
        let (date, at) = read("2014-08-04").unwrap();
        assert_eq!((date.to_string(), at), ("2014-08-04".into(), None));
        // CNTV's page stamp "08-04-2014 00:37 BJT".
        let (date, at) = read("2014-08-04T00:37:00+08:00").unwrap();
        assert_eq!(date.to_string(), "2014-08-04");
        assert_eq!(at.as_deref(), Some("2014-08-04T00:37:00+08:00"));
        let toml: toml::Table = toml::from_str("p = 2014-08-03T23:22:00-04:00").unwrap();
        let (date, at) = parse_published(&toml["p"]).unwrap();
        assert_eq!(date.to_string(), "2014-08-03");
        assert_eq!(at.as_deref(), Some("2014-08-03T23:22:00-04:00"));
        assert!(read("2014-08-04T00:37:00")
            .unwrap_err()
            .contains("no offset"));
        assert!(read("Monday").unwrap_err().contains("not a date"));
        assert!(read("2014-08-04T25:00:00Z")
            .unwrap_err()
            .contains("not a date"));
    }
}
