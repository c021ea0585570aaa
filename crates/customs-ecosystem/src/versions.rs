//! Versions as each ecosystem orders them: PEP 440 for PyPI, semver for npm. Strings
//! that do not parse sort before those that do, by text, so nothing is lost.

use std::cmp::Ordering;
use std::str::FromStr;

use crate::Ecosystem;

/// A release line: the versions that one maintenance branch publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseLine {
    /// `"2"` for 2.x, `"0.4"` for 0.4.x (below 1.0 the minor is the line).
    pub key: String,
    /// Whether the version is a pre-release (or a development release).
    pub prerelease: bool,
}

fn pep440(v: &str) -> Option<pep440_rs::Version> {
    pep440_rs::Version::from_str(v.trim()).ok()
}

fn semver(v: &str) -> Option<semver::Version> {
    semver::Version::parse(v.trim().trim_start_matches(['v', '='])).ok()
}

/// Orders two versions of one ecosystem.
#[must_use]
pub fn compare_versions(eco: Ecosystem, a: &str, b: &str) -> Ordering {
    match eco {
        Ecosystem::Pypi => match (pep440(a), pep440(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Greater,
            (None, Some(_)) => Ordering::Less,
            (None, None) => a.cmp(b),
        },
        Ecosystem::Npm => match (semver(a), semver(b)) {
            (Some(x), Some(y)) => x.cmp_precedence(&y).then_with(|| x.cmp(&y)),
            (Some(_), None) => Ordering::Greater,
            (None, Some(_)) => Ordering::Less,
            (None, None) => a.cmp(b),
        },
    }
}

/// The release line of a version.
#[must_use]
pub fn line_of(eco: Ecosystem, v: &str) -> ReleaseLine {
    let (parts, prerelease): (Vec<u64>, bool) = match eco {
        Ecosystem::Pypi => match pep440(v) {
            Some(p) => (p.release().to_vec(), p.any_prerelease()),
            None => (Vec::new(), false),
        },
        Ecosystem::Npm => match semver(v) {
            Some(s) => (vec![s.major, s.minor, s.patch], !s.pre.is_empty()),
            None => (Vec::new(), false),
        },
    };
    let key = match parts.as_slice() {
        [] => v.to_owned(),
        [0, minor, ..] => format!("0.{minor}"),
        [0] => "0".to_owned(),
        [major, ..] => major.to_string(),
    };
    ReleaseLine { key, prerelease }
}

/// Whether `version` satisfies a requirement: a PEP 440 specifier set (`>=1,<2`) or an
/// npm range (`^1.2.0`, `~1`, `1.x`, `*`). An empty requirement matches everything;
/// one that does not parse matches nothing.
#[must_use]
pub fn satisfies(eco: Ecosystem, requirement: &str, version: &str) -> bool {
    let req = requirement.trim();
    match eco {
        Ecosystem::Pypi => {
            if req.is_empty() {
                return true;
            }
            let (Ok(spec), Some(v)) =
                (pep440_rs::VersionSpecifiers::from_str(req), pep440(version))
            else {
                return false;
            };
            spec.contains(&v)
        }
        Ecosystem::Npm => {
            let Some(v) = semver(version) else {
                return false;
            };
            if req.is_empty() || req == "*" || req == "latest" {
                return v.pre.is_empty();
            }
            // npm ranges: `a || b`, and `x - y` hyphen ranges.
            req.split("||").any(|alt| {
                let alt = alt.trim();
                let alt = match alt.split_once(" - ") {
                    Some((lo, hi)) => format!(">={}, <={}", lo.trim(), hi.trim()),
                    None => alt.split_whitespace().collect::<Vec<_>>().join(", "),
                };
                semver::VersionReq::parse(&alt).is_ok_and(|r| r.matches(&v))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_and_lines() {
        assert!(compare_versions(Ecosystem::Pypi, "1.10", "1.9").is_gt());
        assert!(compare_versions(Ecosystem::Pypi, "2.0.0", "2.0").is_eq());
        assert!(compare_versions(Ecosystem::Pypi, "2.0rc1", "2.0").is_lt());
        assert!(compare_versions(Ecosystem::Npm, "1.14.1", "1.9.0").is_gt());
        assert!(compare_versions(Ecosystem::Npm, "1.0.0-beta.2", "1.0.0").is_lt());
        assert!(compare_versions(Ecosystem::Npm, "garbage", "0.0.1").is_lt());
        assert_eq!(line_of(Ecosystem::Npm, "1.14.1").key, "1");
        assert_eq!(line_of(Ecosystem::Npm, "0.30.2").key, "0.30");
        assert!(line_of(Ecosystem::Npm, "2.0.0-rc.1").prerelease);
        assert_eq!(line_of(Ecosystem::Pypi, "4.2.post1").key, "4");
        assert!(line_of(Ecosystem::Pypi, "4.3.dev0").prerelease);
    }

    #[test]
    fn requirements() {
        assert!(satisfies(Ecosystem::Npm, "^4.2.0", "4.2.1"));
        assert!(!satisfies(Ecosystem::Npm, "^4.2.0", "5.0.0"));
        assert!(satisfies(Ecosystem::Npm, ">=1.0.0 <2.0.0", "1.5.0"));
        assert!(satisfies(Ecosystem::Npm, "1.0.0 - 1.2.0", "1.1.0"));
        assert!(satisfies(Ecosystem::Npm, "^1 || ^2", "2.3.0"));
        assert!(!satisfies(Ecosystem::Npm, "*", "2.0.0-rc.1"));
        assert!(satisfies(Ecosystem::Pypi, ">=1.0,<2", "1.4"));
        assert!(!satisfies(Ecosystem::Pypi, ">=1.0,<2", "2.0"));
        assert!(satisfies(Ecosystem::Pypi, "", "9"));
        assert!(!satisfies(Ecosystem::Pypi, "~~nonsense", "1.0"));
    }
}
