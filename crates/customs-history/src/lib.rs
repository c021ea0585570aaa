//! Release-to-release comparison. A hijacked release is rarely visible in one archive:
//! what gives it away is what it adds over the release before it (a dependency no code
//! uses, a new install hook, behaviours new to install or import time) and how it was
//! published (without the provenance earlier releases carried, by a new account, on an
//! old release line at an odd hour).
//!
//! [`Profile`] holds the facts of one analysed package; [`Changes`] what differs
//! between two; [`ReleaseContext`] what the registry says of the releases; the history
//! rules (one file each under `rules/`, documented in the rule catalogue,
//! `customs_rules::history`) turn them into findings; [`compare`] runs them. The data
//! (profiles, changes, release facts) is `customs-outcome`'s, re-exported here.

mod profile;
mod rules;

use customs_analyze::Context;
use customs_rules::{Finding, RuleMeta, Severity};
use serde::Serialize;

pub use customs_outcome::{
    BehaviourSummary, Changes, DependencyCheck, FileChange, FileSummary, Profile, ReleaseFacts,
    ValueChange,
};
pub use profile::{looks_minified, profile};
pub use rules::{
    DigestMismatch, KnownMalicious, LockfileHashMismatch, ProvenanceInvalid, TrustDowngrade,
};

/// What the registry says around the new release.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReleaseContext {
    /// The release compared against (nearest lower version on the same line).
    pub old: Option<ReleaseFacts>,
    /// The new release.
    pub new: Option<ReleaseFacts>,
    /// Releases uploaded before the new one, newest first (at most a few dozen).
    pub earlier: Vec<ReleaseFacts>,
    /// Every release with its line and upload time (for cadence).
    pub timeline: Vec<(String, String, i64)>,
    /// The highest release line of the project.
    pub newest_line: Option<String>,
    /// Dependencies the new release adds, checked on the registry.
    pub dependencies: Vec<DependencyCheck>,
    /// "Now", for ages (the new release's upload time, or the clock).
    pub now: i64,
}

/// Everything a history rule may look at.
pub struct HistoryInput<'a> {
    /// The old release's profile.
    pub old: &'a Profile,
    /// The new release's profile.
    pub new: &'a Profile,
    /// What differs.
    pub changes: &'a Changes,
    /// What the registry says.
    pub context: &'a ReleaseContext,
}

/// A rule over two releases.
pub trait HistoryRule: Sync {
    /// What the rule is.
    fn meta(&self) -> &'static RuleMeta;
    /// Adds its findings.
    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>);
}

/// Every history rule.
#[must_use]
pub fn catalogue() -> &'static [&'static dyn HistoryRule] {
    rules::ALL
}

/// The documentation of every history rule and source rule (kept in the rule
/// catalogue, `customs_rules::history`).
#[must_use]
pub fn rule_metas() -> Vec<&'static RuleMeta> {
    customs_rules::history::metas()
}

/// The result of comparing a release with its predecessor.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// What differs.
    pub changes: Changes,
    /// History findings, most severe first.
    pub findings: Vec<Finding>,
}

/// Compares two releases and runs the history rules.
#[must_use]
pub fn compare(old: &Profile, new: &Profile, context: &ReleaseContext) -> Comparison {
    let changes = Changes::between(old, new);
    let input = HistoryInput {
        old,
        new,
        changes: &changes,
        context,
    };
    let mut findings = Vec::new();
    for rule in rules::ALL {
        rule.check(&input, &mut findings);
    }
    customs_rules::sort_findings(&mut findings);
    Comparison { changes, findings }
}

/// The content findings of the new release that the old release did not have (matched
/// by rule, path relative to the package root, and quoted code).
#[must_use]
pub fn new_findings(
    old: &[Finding],
    old_root: &str,
    new: &[Finding],
    new_root: &str,
) -> Vec<Finding> {
    let key = |f: &Finding, root: &str| {
        (
            f.rule,
            f.path.strip_prefix(root).unwrap_or(&f.path).to_owned(),
            f.snippet.clone().unwrap_or_default(),
            f.message.clone(),
        )
    };
    let before: std::collections::HashSet<_> = old.iter().map(|f| key(f, old_root)).collect();
    new.iter()
        .filter(|f| !before.contains(&key(f, new_root)))
        .cloned()
        .collect()
}

/// A finding about the release as a whole.
pub(crate) fn about(meta: &'static RuleMeta, severity: Severity, message: String) -> Finding {
    let mut f = Finding::about(meta, "", Context::Metadata, message);
    f.severity = severity;
    f
}

/// Days, rounded down.
pub(crate) fn days(seconds: i64) -> i64 {
    seconds / 86_400
}
