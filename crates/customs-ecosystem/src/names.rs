//! Package names as registries compare them and as readers confuse them.
//!
//! This file depends on nothing but [`Ecosystem`]: the rules crate's build script
//! includes it to index the embedded popular-name lists with these same functions.

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
/// it (a name already in canonical form is looked up without a copy). Non-ASCII PyPI
/// names are never taken as canonical here.
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
