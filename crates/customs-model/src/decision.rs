//! What a decision reads of a scan, and what the proxy keeps and shows of one: the
//! verdict's level, the build identity, the facts a policy decides on, and the summary
//! of a judgement the proxy stores and its web page shows.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The decision about one package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictLevel {
    /// Nothing worth stopping for.
    Clean,
    /// Needs a human look before it is trusted.
    Suspicious,
    /// Behaves like malware.
    Malicious,
}

impl VerdictLevel {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clean => "clean",
            Self::Suspicious => "suspicious",
            Self::Malicious => "malicious",
        }
    }
}

impl fmt::Display for VerdictLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the policy decides (`customs_policy::Policy::decide`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Nothing against it.
    Allow,
    /// Reported, not blocked.
    Warn,
    /// Refused.
    Block,
}

impl Action {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allow => "allow",
            Self::Warn => "warn",
            Self::Block => "block",
        }
    }
}

/// The decision on one package, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The strongest action any reason asks for.
    #[serde(rename = "decision")]
    pub action: Action,
    /// Why, one sentence each.
    pub reasons: Vec<String>,
}

impl Decision {
    /// Adds a reason, and the action it asks for when that is stronger.
    pub fn add(&mut self, action: Action, reason: String) {
        self.action = self.action.max(action);
        self.reasons.push(reason);
    }
}

/// A build identity: the repository (`owner/name`) and workflow file that built a
/// release, as its provenance says; or the one a package is pinned to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildIdentity {
    /// `owner/name`.
    pub repository: Option<String>,
    /// The workflow file.
    pub workflow: Option<String>,
}

impl BuildIdentity {
    /// Why `seen` is not this (pinned) identity, if it is not. Workflows compare by
    /// file name; an unset field of the pin matches anything.
    #[must_use]
    pub fn mismatch(&self, seen: &Self) -> Option<String> {
        let file = |w: &str| w.rsplit('/').next().unwrap_or(w).to_owned();
        let repo_ok = self.repository.as_ref().is_none_or(|want| {
            seen.repository
                .as_ref()
                .is_some_and(|got| got.eq_ignore_ascii_case(want))
        });
        let wf_ok = self
            .workflow
            .as_ref()
            .is_none_or(|want| seen.workflow.as_deref().map(file) == Some(file(want)));
        (!(repo_ok && wf_ok)).then(|| {
            format!(
                "built by {} {}, not by the pinned {} {}",
                seen.repository
                    .as_deref()
                    .unwrap_or("an unnamed repository"),
                seen.workflow.as_deref().unwrap_or("(no workflow)"),
                self.repository.as_deref().unwrap_or("any repository"),
                self.workflow.as_deref().unwrap_or("(any workflow)")
            )
        })
    }
}

/// What a scan established about one artifact that a decision reads besides the
/// package's name, release date and store records: taken from a report in one place
/// (`customs_scan::PackageReport::decision_facts`), handed to the policy
/// (`customs_policy::Subject::scanned`) and kept by the proxy with its judgement, so
/// that every surface decides on the same facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionFacts {
    /// The verdict; `None` when the artifact could not be judged (written `unchecked`).
    #[serde(with = "verdict_name")]
    pub verdict: Option<VerdictLevel>,
    /// sha256 of the artifact; empty when it was not read.
    pub sha256: String,
    /// Earlier releases carried build provenance and this one does not.
    pub provenance_dropped: bool,
    /// The trust-downgrade finding's sentence, when the release has one.
    #[serde(default)]
    pub trust_downgrade: Option<String>,
    /// The install scripts the installer runs for it (npm).
    pub install_scripts: Vec<String>,
    /// Why the artifact could not be read in full, when it could not.
    pub unreadable: Option<String>,
    /// Who built it, as its provenance says, when known.
    #[serde(default)]
    pub builder: Option<BuildIdentity>,
}

impl DecisionFacts {
    /// The verdict's name, `unchecked` when there is none.
    #[must_use]
    pub fn verdict_name(&self) -> &'static str {
        self.verdict.map_or("unchecked", VerdictLevel::as_str)
    }
}

/// A verdict written by its name, `unchecked` for none.
mod verdict_name {
    use super::VerdictLevel;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<VerdictLevel>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.map_or("unchecked", VerdictLevel::as_str))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<VerdictLevel>, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "malicious" => Some(VerdictLevel::Malicious),
            "suspicious" => Some(VerdictLevel::Suspicious),
            "clean" => Some(VerdictLevel::Clean),
            _ => None,
        })
    }
}

/// A known advisory that affects a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advisory {
    /// The OSV id (`MAL-2024-1234`, `GHSA-...`).
    pub id: String,
    /// Its one-line summary.
    pub summary: String,
    /// Whether it is a malicious-package record.
    pub malicious: bool,
    /// Other ids (CVE, GHSA).
    pub aliases: Vec<String>,
    /// Where the record came from: the records embedded in customs, the project's own
    /// default records, or `osv import: FILE|URL`.
    pub source: String,
}

/// One finding, as a judgement's summary keeps it (the proxy's web page shows these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingSummary {
    /// The rule's id.
    pub rule: String,
    /// Its severity's name.
    pub severity: String,
    /// What it found.
    pub message: String,
    /// The member it is in.
    pub path: String,
    /// The line, when it has one.
    pub line: Option<u32>,
    /// The quoted evidence.
    pub snippet: Option<String>,
}

/// The summary of one artifact's judgement, kept by the proxy in the store by digest
/// (and shared by the proxies sharing it): what the policy decides on, and what the
/// web page shows. Serialised flat: `{verdict, sha256, ..., score, top, findings,
/// compared_with, changes, judged_as}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArtifactSummary {
    /// What the policy decides on.
    #[serde(flatten)]
    pub decided: DecisionFacts,
    /// The verdict's score.
    pub score: f64,
    /// The first finding (`rule: message`), when there is one.
    pub top: Option<String>,
    /// The findings, most severe first (bounded).
    #[serde(default)]
    pub findings: Vec<FindingSummary>,
    /// The release it was compared with, when it was.
    #[serde(default)]
    pub compared_with: Option<String>,
    /// What changed since that release, one line each (bounded), as
    /// `customs_report::change_lines` writes them.
    #[serde(default)]
    pub changes: Vec<String>,
    /// The key of the judgement (the artifact, the file it was compared with, the
    /// policy, the rule catalogue, the customs version). A summary judged under another
    /// key (or by a customs that kept none) is judged again.
    #[serde(default)]
    pub judged_as: Option<String>,
}

/// The decisions the proxy made about one file, as kept for its log and web page: one
/// record per artifact and decision, with how many times it was made, the first and
/// the last time (the verdict, reason and node are the last one's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// When, in milliseconds since the Unix epoch (the last time).
    pub at_ms: i64,
    /// The first time (ignored when recording: a new decision's first time is `at_ms`).
    pub first_ms: i64,
    /// How many times (ignored when recording: each record counts one).
    pub count: i64,
    /// `pypi` or `npm`.
    pub ecosystem: String,
    /// The package.
    pub package: String,
    /// The version.
    pub version: String,
    /// The file.
    pub file: String,
    /// The artifact's digest key (`sha256:…`), under which its scan is stored.
    pub digest: String,
    /// `served`, `refused`, …
    pub action: String,
    /// The verdict.
    pub verdict: String,
    /// Why, in one line.
    pub reason: String,
    /// The proxy that decided (host and pid).
    pub node: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_stored_flat_and_read_back() {
        let summary = ArtifactSummary {
            decided: DecisionFacts {
                verdict: Some(VerdictLevel::Malicious),
                sha256: "ab".into(),
                builder: Some(BuildIdentity {
                    repository: Some("o/r".into()),
                    workflow: None,
                }),
                ..DecisionFacts::default()
            },
            score: 12.5,
            top: Some("rule: message".into()),
            findings: Vec::new(),
            compared_with: Some("1.0.0".into()),
            changes: vec!["+ file a.py (3 lines)".into()],
            judged_as: None,
        };
        let json = serde_json::to_value(&summary).expect("serialises");
        assert_eq!(json["verdict"], "malicious");
        assert_eq!(json["sha256"], "ab");
        assert_eq!(json["score"], 12.5);
        assert!(json.get("decided").is_none(), "flat: {json}");
        let back: ArtifactSummary = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, summary);
        // What an older proxy stored without the later fields still reads.
        let old = serde_json::json!({"verdict": "clean", "sha256": "cd", "score": 0.0,
            "top": null, "provenance_dropped": false, "install_scripts": [],
            "unreadable": null});
        let read: ArtifactSummary = serde_json::from_value(old).expect("reads");
        assert_eq!(read.decided.verdict, Some(VerdictLevel::Clean));
        assert!(read.findings.is_empty() && read.judged_as.is_none());
    }
}
