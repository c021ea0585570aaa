use crate::Ecosystem;

/// The name as the registry compares names: PEP 503 normalisation for PyPI (lower case,
/// runs of `-`, `_` and `.` become one `-`), lower case for npm.
#[must_use]
pub fn canonical_name(ecosystem: Ecosystem, name: &str) -> String {
    match ecosystem {
        Ecosystem::Npm => name.to_ascii_lowercase(),
        Ecosystem::Pypi if name.is_ascii() => {
            let mut out = Vec::with_capacity(name.len());
            let mut sep = false;
            for b in name.bytes() {
                if matches!(b, b'-' | b'_' | b'.') {
                    sep = true;
                } else {
                    if sep && !out.is_empty() {
                        out.push(b'-');
                    }
                    sep = false;
                    out.push(b.to_ascii_lowercase());
                }
            }
            String::from_utf8(out).unwrap_or_default()
        }
        Ecosystem::Pypi => {
            let mut out = String::with_capacity(name.len());
            let mut sep = false;
            for c in name.chars() {
                if matches!(c, '-' | '_' | '.') {
                    sep = true;
                } else {
                    if sep && !out.is_empty() {
                        out.push('-');
                    }
                    sep = false;
                    out.extend(c.to_lowercase());
                }
            }
            out
        }
    }
}

/// Whether [`canonical_name`] would return the name unchanged, found without building
/// it (lists of names already in canonical form need no copy). Non-ASCII PyPI names are
/// never taken as canonical here.
#[must_use]
pub fn is_canonical(ecosystem: Ecosystem, name: &str) -> bool {
    match ecosystem {
        Ecosystem::Npm => !name.bytes().any(|b| b.is_ascii_uppercase()),
        Ecosystem::Pypi => {
            // One pass: lower-case ASCII, and each `-` between two other characters.
            let mut after_dash = true;
            for c in name.bytes() {
                match c {
                    b'-' if after_dash => return false,
                    b'-' => after_dash = true,
                    b'_' | b'.' | b'A'..=b'Z' | 0x80.. => return false,
                    _ => after_dash = false,
                }
            }
            !after_dash || name.is_empty()
        }
    }
}

/// The name reduced to what a reader sees at a glance: lower case, separators dropped,
/// and look-alike characters folded (`0`→`o`, `1`/`l`→`i`, `rn`→`m`, Cyrillic and Greek
/// homoglyphs to Latin). Two names with the same skeleton are confusable.
#[must_use]
pub fn skeleton(name: &str) -> String {
    if name.is_ascii() {
        // The common case, byte by byte without Unicode case tables.
        let mut out = Vec::with_capacity(name.len());
        let mut pairs = false;
        for b in name.bytes() {
            let folded = match b.to_ascii_lowercase() {
                b'-' | b'_' | b'.' | b' ' => continue,
                b'0' => b'o',
                b'1' | b'l' | b'|' => b'i',
                other => other,
            };
            pairs |= matches!(
                (out.last(), folded),
                (Some(b'r'), b'n') | (Some(b'v'), b'v')
            );
            out.push(folded);
        }
        let out = String::from_utf8(out).unwrap_or_default();
        if pairs {
            out.replace("rn", "m").replace("vv", "w")
        } else {
            out
        }
    } else {
        let mut out = String::with_capacity(name.len());
        fold_unicode(name, &mut out);
        out.replace("rn", "m").replace("vv", "w")
    }
}

fn fold_unicode(name: &str, out: &mut String) {
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            '-' | '_' | '.' | ' ' => continue,
            '0' | 'о' | 'ο' => 'o',
            '1' | 'l' | 'і' | 'ι' | '|' => 'i',
            'а' | 'α' => 'a',
            'е' | 'ε' => 'e',
            'с' => 'c',
            'р' | 'ρ' => 'p',
            'х' | 'χ' => 'x',
            'у' | 'γ' => 'y',
            'ѕ' => 's',
            'ԁ' => 'd',
            'ν' => 'v',
            'υ' | 'ս' => 'u',
            'κ' | 'к' => 'k',
            'т' | 'τ' => 't',
            'ո' => 'n',
            other => other,
        };
        out.push(folded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep503() {
        assert_eq!(
            canonical_name(Ecosystem::Pypi, "Python_Dateutil"),
            "python-dateutil"
        );
        assert_eq!(
            canonical_name(Ecosystem::Pypi, "zope..interface"),
            "zope-interface"
        );
        assert_eq!(canonical_name(Ecosystem::Npm, "@Types/Node"), "@types/node");
        assert_eq!(
            canonical_name(Ecosystem::Pypi, "._Zope-_.Iface-"),
            "zope-iface"
        );
        // Non-ASCII names take the general path, with the same separators.
        assert_eq!(canonical_name(Ecosystem::Pypi, "_Ünï.-Code_"), "ünï-code");
    }

    #[test]
    fn canonical_names_are_recognised_without_a_copy() {
        // Every name of up to four characters over an alphabet of the cases that matter.
        let alphabet = ['a', 'B', '-', '_', '.', '1', 'é'];
        let mut names = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = names
                .iter()
                .flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}")))
                .collect();
            names.extend(longer);
        }
        for name in &names {
            for eco in [Ecosystem::Npm, Ecosystem::Pypi] {
                let same = canonical_name(eco, name) == *name;
                if eco == Ecosystem::Pypi && !name.is_ascii() {
                    // Declined, never wrongly accepted.
                    assert!(!is_canonical(eco, name), "{name:?}");
                } else {
                    assert_eq!(is_canonical(eco, name), same, "{eco:?} {name:?}");
                }
            }
        }
    }

    #[test]
    fn ascii_skeletons_fold_as_unicode_ones_do() {
        let all: String = (0u8..128).map(char::from).collect();
        for name in [all.as_str(), "Co1oRama-L|b", "rn_vv.X0"] {
            let mut slow = String::new();
            fold_unicode(name, &mut slow);
            let slow = slow.replace("rn", "m").replace("vv", "w");
            assert_eq!(skeleton(name), slow, "{name:?}");
        }
    }

    #[test]
    fn skeletons_fold_lookalikes() {
        assert_eq!(skeleton("co1orama"), skeleton("colorama"));
        assert_eq!(skeleton("reqυests"), skeleton("requests"));
        assert_eq!(skeleton("rnatplotlib"), skeleton("matplotlib"));
        assert_eq!(skeleton("py-yaml"), skeleton("pyyaml"));
        assert_ne!(skeleton("numpy"), skeleton("scipy"));
    }
}

/// A PEP 508 requirement, parsed by `pep508_rs`, guarded: the crate panics on some
/// malformed names (a name ending in `.`, `-` or `_` before a space), so names are
/// checked first, and any other panic of the parser becomes an error too.
///
/// # Errors
/// A sentence naming what is wrong.
pub fn parse_requirement(
    text: &str,
) -> Result<pep508_rs::Requirement<pep508_rs::VerbatimUrl>, String> {
    use std::str::FromStr;
    let trimmed = text.trim_start();
    let name_end = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(trimmed.len());
    if trimmed[..name_end].ends_with(['.', '-', '_']) {
        return Err(format!(
            "the name {:?} must end with a letter or digit",
            &trimmed[..name_end]
        ));
    }
    let rest = trimmed[name_end..].trim_start();
    if let Some(extras) = rest.strip_prefix('[') {
        let inside = extras.split(']').next().unwrap_or(extras);
        // Every run of name characters the parser would take as an extra's name.
        if let Some(bad) = inside
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .find(|e| e.ends_with(['.', '-', '_']))
        {
            return Err(format!("the extra {bad:?} must end with a letter or digit"));
        }
    }
    // Direct references (`name @ url`) are read by the callers themselves: the parser's
    // path handling panics on some file URLs.
    if rest.split(';').next().unwrap_or(rest).contains('@') {
        return Err("a direct reference (name @ url)".to_owned());
    }
    let owned = text.to_owned();
    std::panic::catch_unwind(move || {
        pep508_rs::Requirement::<pep508_rs::VerbatimUrl>::from_str(&owned)
            .map_err(|e| e.to_string())
    })
    .unwrap_or_else(|_| Err("the requirement parser failed on it".to_owned()))
}

#[cfg(test)]
mod requirement_tests {
    use super::*;

    #[test]
    fn malformed_names_are_errors_not_panics() {
        assert!(parse_requirement("event-streamE. x").is_err());
        assert!(parse_requirement("a_ ==1").is_err());
        assert!(parse_requirement("t[olo.eo.\n \"0").is_err());
        assert!(parse_requirement("t[oER. NO\0 \"0").is_err());
        assert!(parse_requirement("pkg[a-b,c_d]>=1").is_ok());
        assert!(parse_requirement("local @ file:///tmp/x.tar.gz").is_err());
        let r = parse_requirement("Requests[socks]>=2 ; python_version > '3.8'").expect("valid");
        assert_eq!(r.name.as_ref(), "requests");
    }
}
