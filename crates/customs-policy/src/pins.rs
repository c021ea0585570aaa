//! Build identities pinned for a package: the repository and workflow its releases are
//! built by, set by a watch list or on first use (the first release seen with
//! provenance), and kept in the store under one key for every surface (the proxy and
//! `watch` read and write the same records).

use customs_ecosystem::{Ecosystem, canonical_name};
use customs_model::Publisher;
use serde::{Deserialize, Serialize};

use crate::BuildIdentity;

/// The build identity a package's releases are expected to carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    /// `owner/name` of the source repository.
    pub repository: Option<String>,
    /// The workflow file (`release.yml`, `.github/workflows/release.yml`).
    pub workflow: Option<String>,
    /// Where the pin came from: the watch list, or the release that set it.
    #[serde(default)]
    pub from: String,
    /// The release that set the pin was built from a tag naming its version: later
    /// releases must be too.
    #[serde(default)]
    pub tagged: bool,
}

impl Pin {
    /// The store key of a package's pin.
    #[must_use]
    pub fn key(ecosystem: Ecosystem, name: &str) -> String {
        format!("pin:{ecosystem}:{}", canonical_name(ecosystem, name))
    }

    /// The pin `version`'s builder sets on first use.
    #[must_use]
    pub fn first_use(publisher: &Publisher, version: &str) -> Self {
        Self {
            repository: publisher.repository.clone(),
            workflow: publisher.workflow.clone(),
            from: format!("pinned on first use from {version}"),
            tagged: tag_of(publisher.git_ref.as_deref(), version),
        }
    }

    /// A pin as the store keeps it; `None` for a record that is not one.
    #[must_use]
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The pin as the store keeps it.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The repository and workflow, as the policy compares them.
    #[must_use]
    pub fn identity(&self) -> BuildIdentity {
        BuildIdentity {
            repository: self.repository.clone(),
            workflow: self.workflow.clone(),
        }
    }

    /// Why `p`, the builder of `version`, is not the pinned identity, if it is not.
    /// Workflows compare by file name, as PEP 740 names them and npm's provenance gives
    /// the path.
    #[must_use]
    pub fn mismatch(&self, p: &Publisher, version: &str) -> Option<String> {
        let seen = BuildIdentity {
            repository: p.repository.clone(),
            workflow: p.workflow.clone(),
        };
        if let Some(why) = self.identity().mismatch(&seen) {
            return Some(format!("{why} ({})", self.from));
        }
        (self.tagged && !tag_of(p.git_ref.as_deref(), version)).then(|| {
            format!(
                "built from {}, not from a tag of {version} as the release that set the pin was ({})",
                p.git_ref.as_deref().unwrap_or("an unnamed ref"),
                self.from
            )
        })
    }
}

/// Whether a build ran on a tag that names `version` (`refs/tags/v1.2.0`,
/// `refs/tags/1.2.0`, `refs/tags/name@1.2.0`).
#[must_use]
pub fn tag_of(git_ref: Option<&str>, version: &str) -> bool {
    git_ref
        .and_then(|r| r.strip_prefix("refs/tags/"))
        .is_some_and(|tag| {
            tag == version
                || tag.strip_prefix('v') == Some(version)
                || tag
                    .rsplit_once('@')
                    .is_some_and(|(_, v)| v == version || v.strip_prefix('v') == Some(version))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publisher(repo: &str, workflow: &str, git_ref: Option<&str>) -> Publisher {
        Publisher {
            repository: Some(repo.into()),
            workflow: Some(workflow.into()),
            git_ref: git_ref.map(str::to_owned),
            ..Publisher::default()
        }
    }

    /// One key and one record shape for every surface: a pin set on first use reads
    /// back the same, judges later builders, and a record that is not a pin is none.
    #[test]
    fn a_pin_set_on_first_use_reads_back_and_judges_later_builds() {
        assert_eq!(Pin::key(Ecosystem::Pypi, "Foo_Bar"), "pin:pypi:foo-bar");
        let first = Pin::first_use(
            &publisher(
                "octo/lib",
                ".github/workflows/release.yml",
                Some("refs/tags/v1.0.0"),
            ),
            "1.0.0",
        );
        assert!(first.tagged);
        let back = Pin::from_json(&first.to_json()).expect("a pin");
        assert_eq!(back, first);
        assert_eq!(
            back.mismatch(
                &publisher("octo/lib", "release.yml", Some("refs/tags/v1.1.0")),
                "1.1.0"
            ),
            None
        );
        let other = back
            .mismatch(
                &publisher("evil/lib", "release.yml", Some("refs/tags/v1.1.0")),
                "1.1.0",
            )
            .expect("another repository");
        assert!(other.contains("pinned on first use from 1.0.0"), "{other}");
        let untagged = back
            .mismatch(
                &publisher("octo/lib", "release.yml", Some("refs/heads/main")),
                "1.1.0",
            )
            .expect("not built from a tag");
        assert!(untagged.contains("refs/heads/main"), "{untagged}");
        assert_eq!(Pin::from_json("{\"not\": \"a pin\"} x"), None);
        assert!(tag_of(Some("refs/tags/lib@2.0.0"), "2.0.0"));
        assert!(!tag_of(Some("refs/tags/v2.0.0"), "2.0.1"));
    }
}
