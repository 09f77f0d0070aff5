//! Serde for `f64` that keeps infinite bounds ("more than 140" reads as
//! 140..∞): JSON has no infinity, so they are written "inf" and "-inf".
//! Values carry it (`normalize::Key`), and the JSONL of `extract` writes it.

use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    match *value {
        v if v == f64::INFINITY => s.serialize_str("inf"),
        v if v == f64::NEG_INFINITY => s.serialize_str("-inf"),
        v => s.serialize_f64(v),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Repr {
        Number(f64),
        Text(String),
    }
    match Repr::deserialize(d)? {
        Repr::Number(v) => Ok(v),
        Repr::Text(t) if t == "inf" => Ok(f64::INFINITY),
        Repr::Text(t) if t == "-inf" => Ok(f64::NEG_INFINITY),
        Repr::Text(t) => Err(serde::de::Error::custom(format!("`{t}` is not a number"))),
    }
}
