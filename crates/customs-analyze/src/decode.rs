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

/// The formats of compressed data customs opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// zlib (a header, deflate, a checksum).
    Zlib,
    /// gzip.
    Gzip,
    /// Raw deflate.
    Deflate,
    /// zlib or gzip, by the header.
    Any,
}

/// Longest text a compressed constant is opened to.
const MAX_INFLATED: u64 = 1 << 20;

/// Decodes base64 text and decompresses it, if the result is text of at most 1 MiB.
#[must_use]
pub fn inflate_base64(input: &str, format: Compression) -> Option<String> {
    use std::io::Read;
    if input.len() > 4 << 20 {
        return None;
    }
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&compact)
        .or_else(|_| {
            base64::engine::general_purpose::STANDARD_NO_PAD.decode(compact.trim_end_matches('='))
        })
        .ok()?;
    let format = match format {
        Compression::Any if bytes.starts_with(&[0x1f, 0x8b]) => Compression::Gzip,
        Compression::Any => Compression::Zlib,
        f => f,
    };
    let reader: Box<dyn Read + '_> = match format {
        Compression::Zlib => Box::new(flate2::read::ZlibDecoder::new(&bytes[..])),
        Compression::Gzip => Box::new(flate2::read::GzDecoder::new(&bytes[..])),
        Compression::Deflate | Compression::Any => {
            Box::new(flate2::read::DeflateDecoder::new(&bytes[..]))
        }
    };
    let mut out = Vec::new();
    reader.take(MAX_INFLATED + 1).read_to_end(&mut out).ok()?;
    if out.len() as u64 > MAX_INFLATED {
        return None;
    }
    String::from_utf8(out).ok()
}

/// How a `# coding: NAME` declaration of a Python source file changes what the
/// interpreter reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceCodec {
    /// A text encoding (UTF-8, Latin-1, a code page): the text is what it shows.
    Ordinary,
    /// A codec that rewrites the text (rot13, `unicode_escape`, UTF-7), with the source
    /// as the interpreter reads it.
    Decoded(String),
    /// A codec that rewrites the text in a way customs does not compute, or one that
    /// Python does not ship (registered at run time, by a `.pth` for instance).
    Opaque,
}

/// The codec a Python source file declares on its first two lines (PEP 263), with the
/// byte offset of the declaration.
#[must_use]
pub fn declared_codec(source: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for line in source.split_inclusive('\n').take(2) {
        let trimmed = line.trim_start_matches([' ', '\t', '\x0c']);
        if trimmed.starts_with('#')
            && let Some(at) = trimmed.find("coding")
        {
            let rest = &trimmed[at + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let rest = rest.trim_start_matches([' ', '\t']);
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
                    .unwrap_or(rest.len());
                if end > 0 {
                    return Some((offset + (line.len() - trimmed.len()), &rest[..end]));
                }
            }
        }
        if !trimmed.trim().is_empty() && !trimmed.starts_with('#') {
            break;
        }
        offset += line.len();
    }
    None
}

/// What the codec `name`, declared by a source file, makes of `source`.
#[must_use]
pub fn source_codec(name: &str, source: &str) -> SourceCodec {
    let name: String = name
        .chars()
        .map(|c| match c {
            '-' | ' ' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match name.as_str() {
        "rot13" | "rot_13" => SourceCodec::Decoded(source.chars().map(rot13).collect()),
        "unicode_escape" => SourceCodec::Decoded(unescape(source, false)),
        "raw_unicode_escape" => SourceCodec::Decoded(unescape(source, true)),
        "utf_7" | "utf7" | "u7" | "unicode_1_1_utf_7" | "csunicode11utf7" => {
            SourceCodec::Decoded(utf7(source))
        }
        n if ORDINARY_CODECS.iter().any(|p| n.starts_with(p)) => SourceCodec::Ordinary,
        _ => SourceCodec::Opaque,
    }
}

/// Prefixes of the names (lower case, `_` for `-`) of Python's text encodings.
const ORDINARY_CODECS: &[&str] = &[
    "utf",
    "u8",
    "u16",
    "u32",
    "latin",
    "l1",
    "l2",
    "l3",
    "l4",
    "l5",
    "l6",
    "l7",
    "l8",
    "l9",
    "iso",
    "8859",
    "cp",
    "ibm",
    "windows",
    "mac",
    "euc",
    "shift",
    "sjis",
    "s_jis",
    "gb",
    "big5",
    "koi8",
    "ascii",
    "us_ascii",
    "646",
    "hz",
    "johab",
    "ptcp154",
    "tis",
    "hp_roman",
    "kz1048",
    "ks_c",
    "ksc5601",
    "ksx1001",
    "uhc",
    "ms",
    "cyrillic",
    "greek",
    "hebrew",
    "arabic",
    "thai",
    "csptcp",
    "ebcdic",
    "unicode_1_1_utf_8",
    "x_mac",
    "mbcs",
    "dbcs",
    "oem",
    "palmos",
    "koi",
    "kz",
    "charmap",
];

/// Python's `unicode_escape` (`raw` for `raw_unicode_escape`: only `\u` and `\U`).
fn unescape(text: &str, raw: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&next) = chars.peek() else {
            out.push(c);
            break;
        };
        let hex = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, n: usize| {
            let digits: String = chars.clone().take(n).collect();
            if digits.len() == n && digits.chars().all(|d| d.is_ascii_hexdigit()) {
                for _ in 0..n {
                    chars.next();
                }
                u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32)
            } else {
                None
            }
        };
        let decoded = match next {
            'u' | 'U' => {
                chars.next();
                let got = hex(&mut chars, if next == 'u' { 4 } else { 8 });
                if got.is_none() {
                    out.push(c);
                    out.push(next);
                    continue;
                }
                got
            }
            _ if raw => None,
            'x' => {
                chars.next();
                let got = hex(&mut chars, 2);
                if got.is_none() {
                    out.push(c);
                    out.push(next);
                    continue;
                }
                got
            }
            '0'..='7' => {
                let mut n = 0u32;
                for _ in 0..3 {
                    match chars.peek() {
                        Some(&d @ '0'..='7') => {
                            n = n * 8 + (d as u32 - '0' as u32);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                char::from_u32(n)
            }
            '\n' => {
                chars.next();
                continue;
            }
            'n' | 't' | 'r' | 'a' | 'b' | 'f' | 'v' | '\\' | '\'' | '"' => {
                chars.next();
                Some(match next {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\x07',
                    'b' => '\x08',
                    'f' => '\x0c',
                    'v' => '\x0b',
                    other => other,
                })
            }
            _ => None,
        };
        match decoded {
            Some(d) => out.push(d),
            None => out.push(c),
        }
    }
    out
}

/// UTF-7: `+` opens a run of modified base64 of UTF-16 code units, closed by `-` (which
/// is dropped) or any character outside base64; `+-` is a plus sign.
fn utf7(text: &str) -> String {
    fn sextet(c: char) -> Option<u32> {
        Some(match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '+' => 62,
            '/' => 63,
            _ => return None,
        })
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '+' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'-') {
            chars.next();
            out.push('+');
            continue;
        }
        let (mut bits, mut n, mut units) = (0u32, 0u32, Vec::new());
        while let Some(v) = chars.peek().copied().and_then(sextet) {
            chars.next();
            bits = (bits << 6) | v;
            n += 6;
            if n >= 16 {
                n -= 16;
                units.push(((bits >> n) & 0xffff) as u16);
            }
        }
        if chars.peek() == Some(&'-') {
            chars.next();
        }
        out.extend(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')));
    }
    out
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

    #[test]
    fn source_codecs() {
        assert_eq!(
            declared_codec("#!/usr/bin/env python\n# -*- coding: utf-7 -*-\nx = 1\n"),
            Some((22, "utf-7"))
        );
        assert_eq!(declared_codec("import os\n# coding: rot13\n"), None);
        assert_eq!(source_codec("UTF-8", "x"), SourceCodec::Ordinary);
        assert_eq!(source_codec("latin-1", "x"), SourceCodec::Ordinary);
        assert_eq!(source_codec("my_codec", "x"), SourceCodec::Opaque);
        assert_eq!(
            source_codec("utf-7", "# a +AAo-import os+AAo-x = 1 +- 2"),
            SourceCodec::Decoded("# a \nimport os\nx = 1 + 2".into())
        );
        assert_eq!(
            source_codec("unicode_escape", "\\x69\\x6d\\u0070ort os\\n"),
            SourceCodec::Decoded("import os\n".into())
        );
        assert_eq!(
            source_codec("raw_unicode_escape", "\\x69\\u0070"),
            SourceCodec::Decoded("\\x69p".into())
        );
        assert_eq!(
            source_codec("rot13", "vzcbeg bf"),
            SourceCodec::Decoded("import os".into())
        );
    }
}
