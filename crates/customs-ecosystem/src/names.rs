use crate::Ecosystem;

/// The name as the registry compares names: PEP 503 normalisation for PyPI (lower case,
/// runs of `-`, `_` and `.` become one `-`), lower case for npm.
#[must_use]
pub fn canonical_name(ecosystem: Ecosystem, name: &str) -> String {
    match ecosystem {
        Ecosystem::Npm => name.to_ascii_lowercase(),
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

/// The name reduced to what a reader sees at a glance: lower case, separators dropped,
/// and look-alike characters folded (`0`→`o`, `1`/`l`→`i`, `rn`→`m`, Cyrillic and Greek
/// homoglyphs to Latin). Two names with the same skeleton are confusable.
#[must_use]
pub fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
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
    out.replace("rn", "m").replace("vv", "w")
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
