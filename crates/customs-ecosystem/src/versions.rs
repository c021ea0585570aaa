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
/// npm range as npm reads it (see [`npm_range`]). An empty requirement matches
/// everything; one that does not parse matches nothing.
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
            if req == "latest" {
                return v.pre.is_empty();
            }
            npm_range(req).is_some_and(|alternatives| {
                alternatives
                    .iter()
                    .any(|alt| alt.as_ref().is_some_and(|r| r.matches(&v)))
            })
        }
    }
}

/// Whether a requirement parses: a PEP 440 specifier set, or an npm range.
#[must_use]
pub fn valid_requirement(eco: Ecosystem, requirement: &str) -> bool {
    match eco {
        Ecosystem::Pypi => pep440_rs::VersionSpecifiers::from_str(requirement.trim()).is_ok(),
        Ecosystem::Npm => npm_range(requirement).is_some(),
    }
}

/// Whether an npm requirement names one exact version (`1.2.3`, `=1.2.3`, `v1.2.3`,
/// `1.2.3-rc.1`), as npm reads it: a bare full version is that version, never a range.
#[must_use]
pub fn npm_exact(requirement: &str) -> Option<semver::Version> {
    let r = requirement.trim();
    let r = r.strip_prefix('=').unwrap_or(r).trim_start();
    let r = r.strip_prefix(['v', 'V']).unwrap_or(r);
    semver::Version::parse(r).ok()
}

/// An npm range, read as node-semver reads it, in the terms of the `semver` crate (which
/// reads a bare `1.2.3` as `^1.2.3`, where npm reads it as exactly `1.2.3`): one entry
/// per `||` alternative, `None` for an alternative that matches nothing (`<*`). Bare
/// versions and partials are exact (`1.2.3`) or that line (`1.2` is `1.2.x`); `x`, `X`
/// and `*` parts are wildcards (`>=1.x` is `>=1`); `A - B` is `>=A <=B`; `~>` is `~`;
/// a `v` before a version and spaces after an operator are allowed.
/// `None` when the text is not a range at all (a dist-tag, a URL, garbage).
#[must_use]
pub fn npm_range(requirement: &str) -> Option<Vec<Option<semver::VersionReq>>> {
    requirement.split("||").map(npm_alternative).collect()
}

/// One `||` alternative: `Some(None)` when it can match nothing.
fn npm_alternative(alt: &str) -> Option<Option<semver::VersionReq>> {
    const OPS: [&str; 8] = [">=", "<=", "~>", ">", "<", "=", "~", "^"];
    let tokens: Vec<&str> = alt.split_whitespace().collect();
    // A hyphen range: `A - B`.
    let pairs: Vec<(String, String)> = if let [lo, "-", hi] = tokens.as_slice() {
        vec![
            (">=".to_owned(), (*lo).to_owned()),
            ("<=".to_owned(), (*hi).to_owned()),
        ]
    } else {
        let mut pairs = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let t = tokens[i];
            let op = OPS
                .iter()
                .find(|op| t.starts_with(**op))
                .copied()
                .unwrap_or("");
            let mut rest = t[op.len()..].to_owned();
            // An operator written apart from its version: `>= 1.2.3`.
            if rest.is_empty() && !op.is_empty() {
                i += 1;
                rest = (*tokens.get(i)?).to_owned();
            }
            pairs.push((op.to_owned(), rest));
            i += 1;
        }
        pairs
    };
    let mut comparators = Vec::new();
    for (op, version) in pairs {
        let version = version.strip_prefix(['v', 'V']).unwrap_or(&version);
        if version.is_empty() && op.is_empty() {
            continue;
        }
        // The numbers before the first wildcard part, and the rest only when nothing
        // is a wildcard (`1.2.x-rc` is not a version).
        let (core, tail) = match version.find(['-', '+']) {
            Some(i) => version.split_at(i),
            None => (version, ""),
        };
        let parts: Vec<&str> = core.split('.').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        let wild = |p: &&str| matches!(*p, "x" | "X" | "*");
        let kept: Vec<&str> = parts.iter().take_while(|p| !wild(p)).copied().collect();
        if kept.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let op = match op.as_str() {
            "" => "=",
            "~>" => "~",
            other => other,
        };
        if kept.is_empty() {
            match op {
                // `<*`, `>*`: nothing.
                "<" | ">" => return Some(None),
                // `*`, `>=*`, `=*`...: anything.
                _ => continue,
            }
        }
        let tail = if kept.len() == parts.len() { tail } else { "" };
        comparators.push(format!("{op}{}{tail}", kept.join(".")));
    }
    if comparators.is_empty() {
        return Some(Some(semver::VersionReq::STAR));
    }
    semver::VersionReq::parse(&comparators.join(", "))
        .ok()
        .map(Some)
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

    /// npm reads a range as node-semver does, not as Cargo does.
    #[test]
    fn npm_ranges_as_npm_reads_them() {
        let yes = |r: &str, v: &str| satisfies(Ecosystem::Npm, r, v);
        // A bare full version is exact.
        assert!(yes("1.14.1", "1.14.1"));
        assert!(!yes("1.14.1", "1.21.1"), "a bare version is not ^");
        assert!(!yes("=1.14.1", "1.14.2"));
        assert!(yes("v1.14.1", "1.14.1"));
        assert!(!yes("1.0.0-rc.1", "1.0.0"));
        assert!(yes("1.0.0-rc.1", "1.0.0-rc.1"));
        // Partials are their line.
        assert!(yes("1.2", "1.2.9") && !yes("1.2", "1.3.0"));
        assert!(yes("1", "1.9.0") && !yes("1", "2.0.0"));
        assert!(yes("1.x", "1.9.0") && !yes("1.x", "2.0.0"));
        assert!(yes("1.2.x", "1.2.7") && !yes("1.2.X", "1.3.0"));
        assert!(yes("*", "3.0.0") && yes("x", "3.0.0") && yes("", "3.0.0"));
        assert!(!yes("*", "3.0.0-rc.1"), "ranges leave pre-releases out");
        // Operators.
        assert!(yes("^1.2.3", "1.9.0") && !yes("^1.2.3", "2.0.0"));
        assert!(yes("^0.2.3", "0.2.9") && !yes("^0.2.3", "0.3.0"));
        assert!(yes("^0.0.3", "0.0.3") && !yes("^0.0.3", "0.0.4"));
        assert!(yes("~1.2.3", "1.2.9") && !yes("~1.2.3", "1.3.0"));
        assert!(yes("~1", "1.9.0") && !yes("~1", "2.0.0"));
        assert!(yes("~>1.2.3", "1.2.4"));
        assert!(yes("^1.2.x", "1.5.0") && !yes("^1.2.x", "1.1.0"));
        assert!(yes(">= 1.2.3 < 2", "1.5.0") && !yes(">= 1.2.3 < 2", "2.0.0"));
        assert!(yes(">1.2", "1.3.0") && !yes(">1.2", "1.2.9"));
        assert!(yes("<=1.2", "1.2.9") && !yes("<=1.2", "1.3.0"));
        assert!(!yes("<*", "1.0.0"));
        // Hyphen ranges, with partial ends.
        assert!(yes("1.2.3 - 2.3.4", "2.3.4") && !yes("1.2.3 - 2.3.4", "2.3.5"));
        assert!(yes("1.2 - 2.3", "2.3.9") && !yes("1.2 - 2.3", "2.4.0"));
        assert!(yes("1.2.3 - 2", "2.9.9") && !yes("1.2.3 - 2", "3.0.0"));
        assert!(yes("1.2 - 2", "1.2.0") && !yes("1.2 - 2", "1.1.9"));
        // Alternatives.
        assert!(yes("1.2.3 || ^2", "2.5.0") && yes("1.2.3 || ^2", "1.2.3"));
        assert!(!yes("1.2.3 || ^2", "1.2.4"));
        // Not ranges.
        assert!(!yes("next", "1.0.0"));
        assert!(!yes("1.2.3.4", "1.2.3"));
        assert!(npm_range("next").is_none());
        assert!(npm_range("git+https://example.invalid/x.git").is_none());
        assert_eq!(
            npm_exact("1.14.1").map(|v| v.to_string()).as_deref(),
            Some("1.14.1")
        );
        assert!(npm_exact("=v1.14.1").is_some());
        assert!(npm_exact("1.14").is_none() && npm_exact("^1.14.1").is_none());
    }
}
