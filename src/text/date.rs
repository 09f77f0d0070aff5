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
