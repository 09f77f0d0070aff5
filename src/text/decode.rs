//! Turning an article's bytes into text without losing it. UTF-8 (with or
//! without a byte-order mark) is read as is; UTF-16 with a byte-order mark is
//! decoded; a file with NUL bytes is binary and skipped (as ripgrep does);
//! anything else is a legacy encoding (Windows-1252, Latin-1, KOI8-R, …) that
//! `chardetng` guesses and `encoding_rs` decodes, with a note saying which
//! encoding was assumed, so nothing is silently dropped or garbled.
//!
//! A file that is almost all UTF-8 (more valid multi-byte characters than
//! invalid bytes: a UTF-8 article with one pasted Latin-1 "é") keeps its
//! UTF-8 and reads each invalid byte alone as Windows-1252, instead of
//! turning the whole file into mojibake. Lines ending in a lone CR (old Mac
//! files) are read as lines: each lone CR becomes a LF, byte for byte, so
//! offsets do not move and line numbers are right.

use encoding_rs::{Encoding, UTF_8};

/// What the bytes of an article turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and a note when it was not plain UTF-8 (which encoding was used).
    Text { text: String, note: Option<String> },
    /// NUL bytes: not an article.
    Binary,
}

/// [`decode`], taking the bytes: valid UTF-8 (the usual case) becomes the
/// text in the same buffer, so an article is held once, not twice.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if Encoding::for_bom(&bytes).is_some() || bytes.contains(&0) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text: lone_cr_to_lf(text),
            note: None,
        },
        Err(e) => decode(e.as_bytes()),
    }
}

/// Decodes `bytes`; never fails, never panics.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = if encoding == UTF_8 {
            errors.then(|| {
                "not valid UTF-8 after its byte-order mark; invalid bytes were replaced with �"
                    .to_string()
            })
        } else {
            Some(format!(
                "decoded as {} (byte-order mark){}",
                encoding.name(),
                replaced(errors)
            ))
        };
        return Decoded::Text {
            text: text.into_owned(),
            note,
        };
    }
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::Text {
            text: lone_cr_to_lf(text.to_string()),
            note: None,
        };
    }
    if let Some(decoded) = mostly_utf8(bytes) {
        return decoded;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, errors) = encoding.decode_without_bom_handling(bytes);
    let note = if encoding == UTF_8 {
        "not valid UTF-8; invalid bytes were replaced with �".to_string()
    } else {
        format!(
            "not UTF-8; decoded as {} (detected){}",
            encoding.name(),
            replaced(errors)
        )
    };
    Decoded::Text {
        text: lone_cr_to_lf(text.into_owned()),
        note: Some(note),
    }
}

/// UTF-8 with a few invalid bytes, each read alone as Windows-1252; `None`
/// when invalid bytes are as many as valid multi-byte characters (a file
/// in a legacy encoding, for the detector).
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if valid <= invalid {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + invalid * 2);
    let mut first = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for &b in chunk.invalid() {
            first.get_or_insert(text.len());
            let one = [b];
            let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
            text.push_str(&c);
        }
    }
    let (line, _) = super::position::line_col(&text, first.unwrap_or(0));
    let note = format!(
        "not valid UTF-8: {invalid} invalid byte{} (first on line {line}) read as windows-1252, the rest as UTF-8",
        if invalid == 1 { "" } else { "s" }
    );
    Some(Decoded::Text {
        text: lone_cr_to_lf(text),
        note: Some(note),
    })
}

/// Lone CRs (line ends of old Mac files) as LFs; CRLF stays.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes changed, for ASCII bytes: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

fn replaced(errors: bool) -> &'static str {
    if errors {
        ", some bytes could not be decoded and were replaced with �"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Option<String>) {
        match decode(bytes) {
            Decoded::Text { text, note } => (text, note),
            Decoded::Binary => panic!("binary: {bytes:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom_is_read_as_is() {
        assert_eq!(text("Tokaïev".as_bytes()), ("Tokaïev".to_string(), None));
        assert_eq!(text("\u{feff}Tokaïev\r\n".as_bytes()).0, "Tokaïev\r\n");
    }

    #[test]
    fn legacy_encodings_are_detected_and_named() {
        // "Tokaïev said « 141 » voted in favour" in Latin-1 / Windows-1252.
        let latin1 = b"Le pr\xe9sident Toka\xefev a d\xe9clar\xe9 que \xab 141 \xbb pays ont vot\xe9 pour, \xe0 l'ONU.";
        let (decoded, note) = text(latin1);
        assert!(
            decoded.contains("Tokaïev") && decoded.contains("« 141 »"),
            "{decoded}"
        );
        assert_eq!(
            note.as_deref(),
            Some("not UTF-8; decoded as windows-1252 (detected)")
        );
        let cp1252 = b"\x93We won\x92t forget,\x94 Blinken said \x96 about \x80 25 million.";
        let (decoded, note) = text(cp1252);
        assert_eq!(
            decoded,
            "“We won’t forget,” Blinken said – about € 25 million."
        );
        assert!(note.unwrap().contains("windows-1252"));
    }

    #[test]
    fn one_bad_byte_in_utf8_is_read_alone() {
        let bytes = "Tokaïev – « 141 »\nLe pr"
            .bytes()
            .chain(*b"\xe9sident\n")
            .collect::<Vec<u8>>();
        let (decoded, note) = text(&bytes);
        assert_eq!(decoded, "Tokaïev – « 141 »\nLe président\n");
        assert_eq!(
            note.as_deref(),
            Some("not valid UTF-8: 1 invalid byte (first on line 2) read as windows-1252, the rest as UTF-8")
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let (decoded, _) = text(b"one\rtwo\r\nthree\r");
        assert_eq!(decoded, "one\ntwo\r\nthree\n");
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_nul_bytes_are_binary() {
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("141 voted".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (decoded, note) = text(&utf16);
        assert_eq!(decoded, "141 voted");
        assert_eq!(
            note.as_deref(),
            Some("decoded as UTF-16LE (byte-order mark)")
        );
        assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Decoded::Binary);
    }
}
