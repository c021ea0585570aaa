//! Decoding of constant payloads, so that what an encoded string would run can be
//! analysed as code too. Only text that decodes to valid UTF-8 is returned.

use base64::Engine;

/// An encoding a decoder call undoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Standard base64.
    Base64,
    /// URL-safe base64.
    Base64Url,
    /// Base32.
    Base32,
    /// Hexadecimal.
    Hex,
    /// ROT13.
    Rot13,
    /// A decoding whose result customs does not compute (compression, base85).
    Opaque,
}

/// Decodes constant text, if the scheme is one customs computes and the result is text.
#[must_use]
pub fn decode_text(scheme: Scheme, input: &str) -> Option<String> {
    if input.len() > 4 << 20 {
        return None;
    }
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = match scheme {
        Scheme::Base64 => base64::engine::general_purpose::STANDARD
            .decode(compact.trim_end_matches('='))
            .or_else(|_| {
                base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(compact.trim_end_matches('='))
            })
            .ok()?,
        Scheme::Base64Url => base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(compact.trim_end_matches('='))
            .ok()?,
        Scheme::Hex => hex_decode(&compact)?,
        Scheme::Rot13 => return Some(input.chars().map(rot13).collect()),
        Scheme::Base32 | Scheme::Opaque => return None,
    };
    String::from_utf8(bytes).ok()
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn rot13(c: char) -> char {
    match c {
        'a'..='z' => (((c as u8 - b'a') + 13) % 26 + b'a') as char,
        'A'..='Z' => (((c as u8 - b'A') + 13) % 26 + b'A') as char,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        assert_eq!(
            decode_text(Scheme::Base64, "aW1wb3J0IG9z").as_deref(),
            Some("import os")
        );
        assert_eq!(
            decode_text(Scheme::Base64, "aW1wb3J0IG9z\n").as_deref(),
            Some("import os")
        );
        assert_eq!(decode_text(Scheme::Hex, "6f73").as_deref(), Some("os"));
        assert_eq!(decode_text(Scheme::Rot13, "bf").as_deref(), Some("os"));
        assert_eq!(decode_text(Scheme::Base64, "!!!"), None);
        assert_eq!(decode_text(Scheme::Opaque, "x"), None);
    }
}
