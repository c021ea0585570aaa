//! Constant folding beyond concatenation: arrays, numbers, comparisons, the string
//! methods decoders are built from, the regular expressions they use, and percent
//! decoding. Pure helpers over [`Val`]s; the walker decides when to call them.
//!
//! An array folds to the text of its items joined by [`SEP`] (a control character no
//! payload uses), so that `split`, `map`, `reverse` and `join` can work item by item.
//! A number carries the qualified name [`NUM`], so that `c + 13` adds where `'a' + 1`
//! concatenates.

use crate::value::Val;

/// Separates the items of a folded array.
pub(crate) const SEP: char = '\u{1f}';
/// The qualified name of a number.
pub(crate) const NUM: &str = "#num";
/// The qualified name of a boolean.
pub(crate) const BOOL: &str = "#bool";
/// Longest array walked item by item.
pub(crate) const MAX_ITEMS: usize = 1 << 16;

pub(crate) fn is_num(v: &Val) -> bool {
    v.qual.as_deref() == Some(NUM)
}

/// The text of a number as JavaScript prints it (integers without a fraction).
pub(crate) fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        i.to_string()
    } else if n.is_nan() {
        "NaN".to_owned()
    } else {
        n.to_string()
    }
}

pub(crate) fn number(n: f64, taint: u16) -> Val {
    Val {
        text: Some(number_text(n)),
        exact: true,
        folded: true,
        taint,
        qual: Some(NUM.to_owned()),
    }
}

pub(crate) fn boolean(b: bool, taint: u16) -> Val {
    Val {
        text: Some(if b { "true" } else { "false" }.to_owned()),
        exact: true,
        folded: true,
        taint,
        qual: Some(BOOL.to_owned()),
    }
}

/// The number a value converts to, if it is a constant that converts.
pub(crate) fn as_number(v: &Val) -> Option<f64> {
    let t = v.exact_text()?.trim();
    match t {
        "true" if v.qual.as_deref() == Some(BOOL) => Some(1.0),
        "false" if v.qual.as_deref() == Some(BOOL) => Some(0.0),
        "" => Some(0.0),
        _ => {
            if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                return i64::from_str_radix(hex, 16).ok().map(|i| i as f64);
            }
            t.parse::<f64>().ok()
        }
    }
}

/// JavaScript's ToInt32.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn int32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    (n.trunc() as i64) as i32
}

/// A value as JavaScript turns it into a string (an array's items joined by commas).
pub(crate) fn string_text(t: &str) -> std::borrow::Cow<'_, str> {
    if t.contains(SEP) {
        std::borrow::Cow::Owned(t.replace(SEP, ","))
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

/// A value as an argument list or a command line: array items joined by spaces.
pub(crate) fn words_text(t: &str) -> String {
    t.replace(SEP, " ")
}

/// The items of a folded array value (one item when it is not an array).
pub(crate) fn items(v: &Val) -> Vec<Val> {
    let Some(t) = v.exact_text() else {
        // Unknown items: one value standing for all of them, with their taint.
        return vec![Val::tainted(v.taint)];
    };
    if t.is_empty() {
        return Vec::new();
    }
    t.split(SEP)
        .take(MAX_ITEMS)
        .map(|s| item(s, v.taint))
        .collect()
}

/// One item of a folded array: a number when it reads as one.
pub(crate) fn item(s: &str, taint: u16) -> Val {
    let numeric = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e'))
        && s.parse::<f64>().is_ok();
    Val {
        text: Some(s.to_owned()),
        exact: true,
        folded: true,
        taint,
        qual: numeric.then(|| NUM.to_owned()),
    }
}

/// Folds values into an array value.
pub(crate) fn array(values: &[Val]) -> Val {
    let mut text = String::new();
    let mut exact = true;
    let mut taint = 0;
    for (i, v) in values.iter().enumerate() {
        taint |= v.taint;
        if i > 0 {
            text.push(SEP);
        }
        match v.exact_text() {
            Some(t) if text.len() + t.len() <= crate::value::MAX_TEXT => text.push_str(t),
            _ => exact = false,
        }
    }
    Val {
        text: exact.then_some(text),
        exact,
        folded: true,
        taint,
        qual: None,
    }
}

/// What a simple regular expression matches, for `replace` and `match`.
pub(crate) enum Pattern {
    /// One character out of a class (`[a-z]`, `[a-zA-Z]`, `.`, `\w`).
    Class(Vec<(char, char)>, bool),
    /// Runs of `n` characters (`/../g`, `/.{2}/g`, `/[\s\S]{1,2}/g`).
    Chunks(usize),
    /// A literal text.
    Literal(String),
}

impl Pattern {
    /// Reads the patterns decoders use; anything else is `None`.
    pub(crate) fn parse(src: &str, ignore_case: bool) -> Option<Self> {
        if let Some(n) = chunk_width(src) {
            return Some(Self::Chunks(n));
        }
        if let Some(inner) = src.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            if inner.starts_with('^') {
                return None;
            }
            let chars: Vec<char> = inner.chars().collect();
            let mut ranges = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                if chars[i] == '\\' {
                    return None;
                }
                if i + 2 < chars.len() && chars[i + 1] == '-' {
                    ranges.push((chars[i], chars[i + 2]));
                    i += 3;
                } else {
                    ranges.push((chars[i], chars[i]));
                    i += 1;
                }
            }
            return Some(Self::Class(ranges, ignore_case));
        }
        match src {
            "." => return Some(Self::Class(vec![('\0', char::MAX)], false)),
            "\\w" => {
                return Some(Self::Class(
                    vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')],
                    false,
                ));
            }
            _ => {}
        }
        let literal =
            !src.is_empty() && !src.chars().any(|c| "\\^$.|?*+()[]{}".contains(c)) && !ignore_case;
        literal.then(|| Self::Literal(src.to_owned()))
    }

    pub(crate) fn class_matches(ranges: &[(char, char)], ignore_case: bool, c: char) -> bool {
        let hit = |c: char| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        hit(c) || (ignore_case && (hit(c.to_ascii_lowercase()) || hit(c.to_ascii_uppercase())))
    }
}

/// `..`, `.{2}`, `.{1,2}`, `[\s\S]{2}`, `[0-9a-f]{2}`, `\w{2}`: runs of n characters.
fn chunk_width(src: &str) -> Option<usize> {
    if !src.is_empty() && src.bytes().all(|b| b == b'.') {
        return (src.len() > 1).then_some(src.len());
    }
    let (atom, quant) = src.split_at(src.find('{')?);
    let known = matches!(
        atom,
        "." | "[\\s\\S]"
            | "\\w"
            | "[0-9a-f]"
            | "[0-9a-fA-F]"
            | "[a-f0-9]"
            | "[\\da-f]"
            | "[\\da-fA-F]"
    );
    if !known {
        return None;
    }
    let quant = quant.strip_prefix('{')?.strip_suffix('}')?;
    let n = quant.rsplit(',').next()?.trim().parse::<usize>().ok()?;
    (1..=64).contains(&n).then_some(n)
}

/// The characters of a text in runs of `n`.
pub(crate) fn chunks(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(n.max(1)).map(|c| c.iter().collect()).collect()
}

/// Undoes `%XX` escapes (and `%uXXXX` for `unescape`); `None` when nothing was escaped
/// or the result is not text.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') || text.len() > 4 << 20 {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |s: &[u8]| {
        std::str::from_utf8(s)
            .ok()
            .and_then(|s| u32::from_str_radix(s, 16).ok())
    };
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if bytes.get(i + 1) == Some(&b'u')
                && let Some(code) = bytes.get(i + 2..i + 6).and_then(hex)
                && let Some(c) = char::from_u32(code)
            {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += 6;
                continue;
            }
            if let Some(b) = bytes.get(i + 1..i + 3).and_then(hex) {
                #[allow(clippy::cast_possible_truncation)]
                out.push(b as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The code of a `data:` URL that names JavaScript (`data:text/javascript,...`, with or
/// without `;base64`).
pub(crate) fn data_url_code(url: &str) -> Option<String> {
    let rest = url.strip_prefix("data:")?;
    let (header, body) = rest.split_once(',')?;
    let header = header.to_ascii_lowercase();
    if !(header.contains("javascript") || header.contains("ecmascript") || header.is_empty()) {
        return None;
    }
    if header.ends_with(";base64") {
        crate::decode::decode_text(crate::decode::Scheme::Base64, body)
    } else {
        Some(percent_decode(body).unwrap_or_else(|| body.to_owned()))
    }
}

/// Whether two path texts (constant or partly known, `*` for unknown parts) may name the
/// same file: equal, or with the same last component.
pub(crate) fn same_file(a: &str, b: &str) -> bool {
    let last = |p: &str| {
        p.rsplit(['/', '\\'])
            .next()
            .unwrap_or(p)
            .trim_matches('*')
            .to_owned()
    };
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || {
        let (x, y) = (last(a), last(b));
        !x.is_empty() && x == y
    }
}

/// Whether a string literal's source hides its text in escape sequences: at least 10
/// `\xNN` or `\uNNNN` escapes of printable ASCII characters, which nobody needs to
/// escape, making up at least half of the text (`"\x72\x65\x71..."`). Escapes of control
/// or non-ASCII characters (ANSI colours, accented letters) are ordinary.
pub(crate) fn escapes_hide_text(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if memchr::memchr(b'\\', bytes).is_none() {
        return false;
    }
    let hex = |s: &[u8]| {
        std::str::from_utf8(s)
            .ok()
            .and_then(|t| u32::from_str_radix(t, 16).ok())
    };
    let (mut hidden, mut chars) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            // Count characters, not bytes (UTF-8 continuation bytes do not start one).
            if bytes[i] & 0xC0 != 0x80 {
                chars += 1;
            }
            i += 1;
            continue;
        }
        chars += 1;
        let (code, len) = match bytes.get(i + 1) {
            Some(b'x') => (bytes.get(i + 2..i + 4).and_then(hex), 4),
            Some(b'u') if bytes.get(i + 2) != Some(&b'{') => {
                (bytes.get(i + 2..i + 6).and_then(hex), 6)
            }
            _ => (None, 2),
        };
        if code.is_some_and(|c| (0x20..0x7f).contains(&c)) {
            hidden += 1;
        }
        i += len;
    }
    hidden >= 10 && hidden * 2 >= chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_that_hide_text() {
        assert!(escapes_hide_text(
            r#""\x72\x65\x71\x75\x69\x72\x65\x28\x27\x6f\x73\x27\x29""#
        ));
        assert!(escapes_hide_text(
            r"'\u0065\u0076\u0061\u006c\u0028\u0031\u0029\u003b\u0020\u0078\u0079'"
        ));
        // Control characters, non-ASCII letters and escaped backslashes are ordinary.
        assert!(!escapes_hide_text(
            r#""\u001b[31m\u001b[39m\u001b[1m\u001b[22m\u001b[2m\u001b[3m""#
        ));
        assert!(!escapes_hide_text(
            r#""\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2\u00e4\u00f4\u00f6\u00fb\u00fc""#
        ));
        assert!(!escapes_hide_text(
            r#""[\\x20-\\x7e]\\x41\\x42\\x43\\x44\\x45\\x46\\x47\\x48""#
        ));
        // A few escapes in ordinary text.
        assert!(!escapes_hide_text(
            r#""<\x2fscript> and a long sentence of ordinary words \x41\x42""#
        ));
    }

    #[test]
    fn patterns_and_decoding() {
        assert!(matches!(
            Pattern::parse("..", false),
            Some(Pattern::Chunks(2))
        ));
        assert!(matches!(
            Pattern::parse(".{1,2}", false),
            Some(Pattern::Chunks(2))
        ));
        assert!(matches!(
            Pattern::parse("[a-z]", true),
            Some(Pattern::Class(_, true))
        ));
        assert!(matches!(
            Pattern::parse("x", false),
            Some(Pattern::Literal(_))
        ));
        assert!(Pattern::parse("a+b", false).is_none());
        assert_eq!(percent_decode("%69%6d%70").as_deref(), Some("imp"));
        assert_eq!(percent_decode("%u0041b").as_deref(), Some("Ab"));
        assert_eq!(
            data_url_code("data:text/javascript,%61%3D1").as_deref(),
            Some("a=1")
        );
        assert_eq!(
            data_url_code("data:text/javascript;base64,YT0x").as_deref(),
            Some("a=1")
        );
        assert_eq!(data_url_code("data:image/png;base64,YT0x"), None);
        assert_eq!(chunks("abcde", 2), vec!["ab", "cd", "e"]);
        assert_eq!(number_text(72.0), "72");
        assert!(same_file("/tmp/x/.s.js", "*/.s.js"));
        assert!(!same_file("/tmp/a.tgz", "tar"));
    }
}
