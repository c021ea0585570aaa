//! Release-to-release comparison. A hijacked release is rarely visible in one archive:
//! what gives it away is what it adds over the release before it (a dependency no code
//! uses, a new install hook, behaviours new to install or import time) and how it was
//! published (without the provenance earlier releases carried, by a new account, on an
//! old release line at an odd hour).
//!
//! [`Profile`] holds the facts of one analysed package; [`Changes`] what differs
//! between two; [`ReleaseContext`] what the registry says of the releases; the history
//! rules (one file each under `rules/`, documented like the content rules) turn them
//! into findings; [`compare`] runs them.

mod changes;
mod profile;
mod rules;

use customs_analyze::Context;
use customs_model::{Provenance, Publisher, TrustLevel};
use customs_rules::{Finding, RuleMeta, Severity, VerdictLevel};
use serde::Serialize;

pub use changes::{Changes, FileChange, ValueChange};
pub use profile::{BehaviourSummary, FileSummary, Profile, looks_minified};
pub use rules::{
    DigestMismatch, KnownMalicious, LockfileHashMismatch, ProvenanceInvalid, TrustDowngrade,
};

/// What the registry says of one release.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReleaseFacts {
    /// The version.
    pub version: String,
    /// Upload time, seconds since the epoch.
    pub uploaded: Option<i64>,
    /// Its release line (`1`, `0.30`).
    pub line: String,
    /// Build provenance.
    pub provenance: Provenance,
    /// Who the provenance says built it, when read.
    pub builder: Option<Publisher>,
    /// The publishing account (npm `_npmUser`), when the index says.
    pub publisher: Option<String>,
    /// Maintainers at the time, when the index says.
    pub maintainers: Option<Vec<String>>,
    /// The strength of its publishing evidence; `None` when the index does not say.
    pub trust: Option<TrustLevel>,
}

/// A dependency the new release adds, resolved on the registry and scanned.
#[derive(Debug, Clone, Serialize)]
pub struct DependencyCheck {
    /// Its name.
    pub name: String,
    /// The version the requirement resolves to.
    pub version: Option<String>,
    /// When the project was first published.
    pub first_published: Option<i64>,
    /// When the resolved version was published.
    pub published: Option<i64>,
    /// Install-time lifecycle scripts it declares.
    pub install_scripts: Vec<String>,
    /// The verdict of its scan.
    pub verdict: Option<VerdictLevel>,
    /// Its most severe finding, as a sentence.
    pub top_finding: Option<String>,
    /// Why it could not be checked.
    pub error: Option<String>,
}

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

/// The documentation of every history rule and source rule.
#[must_use]
pub fn rule_metas() -> Vec<&'static RuleMeta> {
    let mut metas: Vec<&'static RuleMeta> = rules::ALL.iter().map(|r| r.meta()).collect();
    metas.push(&DigestMismatch::META);
    metas.push(&KnownMalicious::META);
    metas.push(&LockfileHashMismatch::META);
    metas.push(&ProvenanceInvalid::META);
    metas
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
