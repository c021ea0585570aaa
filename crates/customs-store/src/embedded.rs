//! The known-malicious data compiled into customs: the package names (and, where only
//! some releases are malicious, the versions) that DataDog's public
//! malicious-software-packages dataset lists (Apache-2.0, © Datadog, Inc.; see NOTICE).
//!
//! `build.rs` turns `data/known-malicious-*.json` into two sorted static tables, so a
//! lookup is a binary search and nothing is parsed when customs starts. npm names match
//! exactly; PyPI names by their PEP 503 normalised form. A PyPI `null` lists every
//! version; otherwise a version must be one listed (npm: the same string; PyPI: the same
//! string or the same PEP 440 version), so the releases around a hijacked one of a
//! legitimate package stay allowed.

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions};

use crate::Advisory;

include!(concat!(env!("OUT_DIR"), "/known_malicious.rs"));

/// When the dataset was read.
pub const DATE: &str = "2026-12-07";

/// How reports name this source.
pub const SOURCE: &str = "embedded: DataDog malicious-software-packages (2026-12-07)";

fn table(ecosystem: Ecosystem) -> &'static [(&'static str, Option<&'static [&'static str]>)] {
    match ecosystem {
        Ecosystem::Npm => &NPM,
        Ecosystem::Pypi => &PYPI,
    }
}

/// The versions the dataset lists for a package: `Some(None)` for every version,
/// `Some(Some(list))` for those releases, `None` when it is not listed.
#[must_use]
pub fn listed(ecosystem: Ecosystem, name: &str) -> Option<Option<&'static [&'static str]>> {
    let key = match ecosystem {
        Ecosystem::Npm => name.to_owned(),
        Ecosystem::Pypi => canonical_name(ecosystem, name),
    };
    let t = table(ecosystem);
    t.binary_search_by(|(n, _)| (*n).cmp(key.as_str()))
        .ok()
        .map(|i| t[i].1)
}

/// The embedded record naming `name` `version`, if any (with an empty `version`, only a
/// name listed for every version).
pub(crate) fn lookup(ecosystem: Ecosystem, name: &str, version: &str) -> Option<Advisory> {
    let versions = listed(ecosystem, name)?;
    let hit = match versions {
        None => true,
        Some(_) if version.is_empty() => false,
        Some(vs) => vs.iter().any(|v| {
            *v == version
                || (ecosystem == Ecosystem::Pypi && compare_versions(ecosystem, v, version).is_eq())
        }),
    };
    if !hit {
        return None;
    }
    let shown = match ecosystem {
        Ecosystem::Npm => name.to_owned(),
        Ecosystem::Pypi => canonical_name(ecosystem, name),
    };
    let (id, summary) = match versions {
        None => (
            format!("DATADOG-MAL:{}/{shown}", ecosystem.as_str()),
            format!(
                "{shown}: every version is listed as malicious by DataDog's malicious-software-packages dataset"
            ),
        ),
        Some(_) => (
            format!("DATADOG-MAL:{}/{shown}@{version}", ecosystem.as_str()),
            format!(
                "{shown} {version} is listed as malicious by DataDog's malicious-software-packages dataset"
            ),
        ),
    };
    Some(Advisory {
        id,
        summary,
        malicious: true,
        aliases: Vec::new(),
        source: SOURCE.to_owned(),
    })
}

/// How many packages and how many listed versions (a name listed for every version
/// counts one) the embedded data holds, per ecosystem.
#[must_use]
pub fn counts(ecosystem: Ecosystem) -> (usize, usize) {
    let t = table(ecosystem);
    let versions = t.iter().map(|(_, v)| v.map_or(1, <[&str]>::len)).sum();
    (t.len(), versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(eco: Ecosystem, name: &str, version: &str) -> bool {
        lookup(eco, name, version).is_some()
    }

    #[test]
    fn the_tables_are_sorted_and_complete() {
        for eco in [Ecosystem::Npm, Ecosystem::Pypi] {
            assert!(table(eco).windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert_eq!(counts(Ecosystem::Npm), (2_711, 4_132));
        // 1,686 names, two of which (`Roblox.-com`, `roblox-com`) are one project.
        assert_eq!(counts(Ecosystem::Pypi).0, 1_685);
        assert!(hit(Ecosystem::Pypi, "ROBLOX_com", "1"));
    }

    #[test]
    fn single_hijacked_releases_and_their_neighbours() {
        for v in ["8.3.41", "8.3.42", "8.3.45", "8.3.46"] {
            assert!(hit(Ecosystem::Pypi, "ultralytics", v), "{v}");
        }
        for v in ["8.3.40", "8.3.43", "8.3.44", "8.3.47", ""] {
            assert!(!hit(Ecosystem::Pypi, "ultralytics", v), "{v}");
        }
        assert!(hit(Ecosystem::Pypi, "Num2Words", "0.5.15"));
        assert!(hit(Ecosystem::Pypi, "num2words", "0.5.16"));
        assert!(!hit(Ecosystem::Pypi, "num2words", "0.5.14"));
        assert!(!hit(Ecosystem::Pypi, "num2words", "0.5.17"));
        assert!(hit(Ecosystem::Npm, "@solana/web3.js", "1.95.7"));
        assert!(!hit(Ecosystem::Npm, "@solana/web3.js", "1.95.6"));
        assert!(!hit(Ecosystem::Npm, "@solana/web3.js", "1.95.8"));
        assert!(hit(Ecosystem::Npm, "@rspack/core", "1.1.7"));
        assert!(!hit(Ecosystem::Npm, "@rspack/core", "1.1.6"));
        assert!(!hit(Ecosystem::Npm, "@rspack/core", "1.1.8"));
    }

    #[test]
    fn names_match_by_ecosystem_rules() {
        // PyPI: every version, under any spelling of the name.
        let a = lookup(Ecosystem::Pypi, "PaypalOtpBypass", "1.0").expect("listed");
        assert!(a.malicious && a.source == SOURCE, "{a:?}");
        assert!(hit(Ecosystem::Pypi, "ai_solver.py", "0.0.1"));
        assert!(hit(Ecosystem::Pypi, "AI-Solver-Py", ""));
        assert!(!hit(Ecosystem::Pypi, "requests", "2.32.3"));
        // npm: exact name and version.
        assert!(hit(
            Ecosystem::Npm,
            "0vulns-dependency-confusion-poc",
            "1.0.0"
        ));
        assert!(!hit(
            Ecosystem::Npm,
            "0vulns-dependency-confusion-poc",
            "1.0.1"
        ));
        assert!(!hit(
            Ecosystem::Npm,
            "0VULNS-dependency-confusion-poc",
            "1.0.0"
        ));
        assert!(!hit(Ecosystem::Npm, "0vulns-dependency-confusion-poc", ""));
    }
}
