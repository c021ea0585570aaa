//! What the engine found, as every surface renders or decides on it: the report on
//! one artifact (its verdict, findings, where it came from, how it compares with the
//! release before: its profile, what changed, what the registry says of it and of the
//! dependencies it adds), the comparison of two releases, an audit's entries, and the
//! errors of targets that could not be scanned. `customs-scan` fills these in;
//! `customs-report`, the proxy, `watch` and the command line read them, without
//! depending on the engine.

mod changes;
mod ignore;
mod profile;
mod release;

use std::path::PathBuf;
use std::sync::Arc;

use customs_analyze::Note;
use customs_archive::Incomplete;
use customs_ecosystem::{ArtifactKind, Ecosystem, Identity, LockKind};
use customs_model::{Action, Advisory, Decision, Integrity};
use customs_rules::{Finding, Verdict, VerdictLevel, verdict};
use serde::Serialize;

pub use changes::{Changes, FileChange, ValueChange};
pub use customs_model::DecisionFacts;
pub use profile::{BehaviourSummary, FileSummary, Profile};
pub use release::{DependencyCheck, ReleaseFacts};

/// The verdict on one artifact, with everything a report shows.
#[derive(Debug, Clone)]
pub struct PackageReport {
    /// The target as the user named it.
    pub target: String,
    /// Ecosystem, name and version.
    pub identity: Identity,
    /// Wheel, sdist, npm tarball, folder.
    pub artifact: ArtifactKind,
    /// sha256 of the artifact's bytes (for a folder: of its files' paths and digests).
    pub sha256: String,
    /// The decision.
    pub verdict: Verdict,
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
    /// Notes about the analysis (files that did not parse).
    pub notes: Vec<Note>,
    /// Files in the package.
    pub files: usize,
    /// Uncompressed bytes read.
    pub bytes: u64,
    /// Why part of the artifact was left unread; empty when it was read in full. The
    /// verdict covers only what was read, so an artifact not read in full is unreadable
    /// to every decision (see [`PackageReport::unreadable`]).
    pub incomplete: Vec<Incomplete>,
    /// The facts releases are compared by.
    pub profile: Arc<Profile>,
    /// Where a registry target came from: index, file, integrity, release facts.
    pub source: Option<SourceInfo>,
    /// The comparison with the previous release, when one was made.
    pub history: Option<HistoryReport>,
    /// Findings set aside by the policy's `ignore` settings (see [`PackageReport::ignore`]).
    pub ignored: Vec<customs_rules::IgnoredFinding>,
}

impl PackageReport {
    /// Adds findings (from the source or history) and judges again.
    pub fn add_findings(&mut self, findings: impl IntoIterator<Item = Finding>) {
        self.findings.extend(findings);
        customs_rules::sort_findings(&mut self.findings);
        self.verdict = verdict(&self.findings);
    }

    /// True when every member of the artifact was read (or skipped past a per-member
    /// limit, which is a finding).
    #[must_use]
    pub fn read_in_full(&self) -> bool {
        self.incomplete.is_empty()
    }

    /// Why the artifact counts as unreadable for a decision (the policy's `[unreadable]`
    /// action): it was not read in full. `None` when it was.
    #[must_use]
    pub fn unreadable(&self) -> Option<String> {
        if self.incomplete.is_empty() {
            return None;
        }
        let why: Vec<String> = self.incomplete.iter().map(ToString::to_string).collect();
        Some(format!("not read in full: {}", why.join("; ")))
    }
}

impl PackageReport {
    /// What a policy decision reads of this report, taken in one place for every
    /// surface (audit, the proxy, `run` and `watch` through the proxy): the verdict, the
    /// artifact's digest, the facts the history rules established, whether the artifact
    /// was read in full, who built it, and the install scripts the installer runs
    /// (see [`install_scripts`]) given those the registry's document `declares`.
    #[must_use]
    pub fn decision_facts(&self, declared: &[String]) -> DecisionFacts {
        DecisionFacts {
            verdict: Some(self.verdict.level),
            sha256: self.sha256.clone(),
            provenance_dropped: self
                .findings
                .iter()
                .any(|f| f.fact == Some(customs_rules::Fact::ProvenanceDropped)),
            trust_downgrade: self
                .findings
                .iter()
                .find(|f| f.fact == Some(customs_rules::Fact::TrustDowngrade))
                .map(|f| f.message.clone()),
            install_scripts: install_scripts(self, declared),
            unreadable: self.unreadable(),
            builder: self
                .history
                .as_ref()
                .and_then(|h| h.builder.as_ref())
                .map(|b| customs_model::BuildIdentity {
                    repository: b.repository.clone(),
                    workflow: b.workflow.clone(),
                }),
        }
    }
}

/// The install scripts npm runs for a tarball: those the registry's document for its
/// release `declares`, those the tarball's own `package.json` declares (what is in the
/// bytes, whatever the registry's document says), and npm's implied `node-gyp rebuild`
/// for a `binding.gyp` without an install script. None for a Python artifact beyond
/// what the registry declares.
#[must_use]
pub fn install_scripts(report: &PackageReport, declared: &[String]) -> Vec<String> {
    let mut scripts = declared.to_vec();
    if report.identity.ecosystem != Ecosystem::Npm {
        return scripts;
    }
    let hooks = &report.profile.hooks;
    for hook in customs_model::REGISTRY_INSTALL_HOOKS {
        if hooks.contains_key(&format!("npm {hook}")) && !scripts.iter().any(|s| s == hook) {
            scripts.push((*hook).to_owned());
        }
    }
    if hooks.contains_key("binding.gyp")
        && !scripts.iter().any(|s| s == "install" || s == "preinstall")
    {
        scripts.push("install".to_owned());
    }
    scripts
}

/// A target that could not be scanned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{target}: {message}")]
pub struct ScanError {
    /// The target as the user named it.
    pub target: String,
    /// What kind of failure it was: callers decide by this, never by the message.
    pub kind: ScanFailure,
    /// What went wrong.
    pub message: String,
}

/// The kinds of [`ScanError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanFailure {
    /// The index, or a file it lists, could not be fetched: unreachable, too slow, an
    /// error status, not found. Trying again later may succeed.
    Upstream,
    /// The exact version asked for is not listed by the index.
    NotListed,
    /// A cached artifact no longer matches the digest it was stored under.
    CacheAltered,
    /// The artifact is no archive that can be read (truncated, corrupt, too large).
    Unreadable,
    /// Anything else: configuration, local files, answers that make no sense.
    Other,
}

impl ScanError {
    /// A failure of `kind` for `target`.
    pub fn new(target: &str, kind: ScanFailure, message: impl Into<String>) -> Self {
        Self {
            target: target.to_owned(),
            kind,
            message: message.into(),
        }
    }
}

/// Where a registry artifact came from.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    /// The ecosystem of the index.
    #[serde(skip)]
    pub ecosystem: Ecosystem,
    /// The project's name as the index spells it.
    #[serde(skip)]
    pub package: String,
    /// The index (credentials removed).
    pub index: String,
    /// The file's URL.
    pub url: String,
    /// The file name.
    pub file_name: String,
    /// Whether the bytes matched the index's digest.
    pub integrity: Integrity,
    /// Whether they came from the cache.
    pub from_cache: bool,
    /// What the registry says of the release.
    pub release: ReleaseFacts,
    /// The provenance the index publishes for the file, as verified (when it publishes
    /// some).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<ProvenanceCheck>,
}

/// The published provenance of a file, verified offline against the embedded root.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceCheck {
    /// What the check found.
    pub status: ProvenanceStatus,
    /// Who built it, when verified.
    #[serde(flatten)]
    pub identity: Option<customs_model::SignerIdentity>,
    /// Why it failed or is unknown.
    pub reason: Option<String>,
}

/// What checking a file's published provenance found (in JSON, the lower-case name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProvenanceStatus {
    /// A bundle verified against the trusted root and names the builder.
    Verified,
    /// A complete bundle failed a check (a critical finding).
    Failed,
    /// The document holds no complete bundle: nothing can be checked.
    Incomplete,
    /// The index says this file has no provenance while other releases do.
    Absent,
    /// The index does not say, or the provenance could not be read.
    Unknown,
}

/// The comparison of a registry release with its predecessor.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryReport {
    /// The version compared against (nearest lower on the same line).
    pub compared_with: Option<String>,
    /// The release uploaded just before, when it differs.
    pub previous_upload: Option<String>,
    /// What changed.
    pub changes: Changes,
    /// The newly added dependencies, as checked.
    pub dependencies: Vec<DependencyCheck>,
    /// Why no comparison was made, when none was.
    pub note: Option<String>,
    /// Who built the release, as its provenance says (not verified here), when known.
    pub builder: Option<customs_model::Publisher>,
}

/// The comparison of two sources, with a verdict on the update.
#[derive(Debug, Clone)]
pub struct DiffReport {
    /// The old package.
    pub old: PackageReport,
    /// The new package.
    pub new: PackageReport,
    /// The verdict on the update: history findings and the content findings new in it.
    pub verdict: Verdict,
    /// Those findings, most severe first.
    pub changes: Vec<Finding>,
    /// What differs.
    pub summary: Changes,
    /// The added dependencies, as checked on the registry.
    pub dependencies: Vec<DependencyCheck>,
    /// Changes set aside by the policy's `ignore` settings (see [`DiffReport::ignore`]).
    pub ignored: Vec<customs_rules::IgnoredFinding>,
}

/// Where an entry is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LockRef {
    /// The lockfile (or included requirements file).
    pub path: PathBuf,
    /// 1-based line.
    pub line: u32,
}

/// One dependency, as audited.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// The ecosystem.
    pub ecosystem: Ecosystem,
    /// The name.
    pub name: String,
    /// The version checked (the lockfile's, or the one an unpinned requirement resolves
    /// to).
    pub version: String,
    /// Where the lockfiles name it.
    pub locations: Vec<LockRef>,
    /// The direct dependency that brings it in, down to itself.
    pub dependency_path: Vec<String>,
    /// Whether the project depends on it directly.
    pub direct: bool,
    /// Only for development.
    pub dev: bool,
    /// The scan, when one was made.
    #[serde(skip)]
    pub report: Option<PackageReport>,
    /// The verdict (from the scan, or `malicious` for a known-malicious version).
    pub verdict: Option<VerdictLevel>,
    /// Findings that did not come from a scan (known-malicious records).
    #[serde(skip)]
    pub extra_findings: Vec<Finding>,
    /// Known advisories, malicious or not.
    pub advisories: Vec<Advisory>,
    /// The policy's decision.
    pub decision: Decision,
    /// Why it was not scanned, when it was not.
    pub status: Option<String>,
    /// What went wrong checking it.
    pub error: Option<String>,
    /// Why it could not be checked, when it could not (an error, offline and not in the
    /// cache, a source customs does not fetch): such an entry is never allowed.
    #[serde(skip)]
    pub unchecked: Option<String>,
}

impl AuditEntry {
    /// Every finding: the scan's and the store's.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.extra_findings
            .iter()
            .chain(self.report.iter().flat_map(|r| r.findings.iter()))
    }
}

/// One lockfile read.
#[derive(Debug, Clone, Serialize)]
pub struct LockSummary {
    /// Its path.
    pub path: PathBuf,
    /// Its format.
    pub kind: LockKind,
    /// How many entries it has.
    pub entries: usize,
}

/// The result of an audit.
#[derive(Debug, Clone)]
pub struct AuditReport {
    /// Lockfiles read.
    pub lockfiles: Vec<LockSummary>,
    /// One entry per distinct (ecosystem, name, version).
    pub entries: Vec<AuditEntry>,
    /// Where the policy came from.
    pub policy: String,
}

impl AuditReport {
    /// Entries the policy blocks.
    pub fn blocked(&self) -> impl Iterator<Item = &AuditEntry> {
        self.entries
            .iter()
            .filter(|e| e.decision.action == Action::Block)
    }

    /// Entries that could not be checked because of an error.
    pub fn failed(&self) -> impl Iterator<Item = &AuditEntry> {
        self.entries.iter().filter(|e| e.error.is_some())
    }

    /// How many entries were blocked, warned about and allowed (these add up to all of
    /// them), and how many of them could not be checked (never allowed, so counted
    /// among the blocked or warned).
    #[must_use]
    pub fn counts(&self) -> AuditCounts {
        let action = |a: Action| {
            self.entries
                .iter()
                .filter(|e| e.decision.action == a)
                .count()
        };
        AuditCounts {
            dependencies: self.entries.len(),
            blocked: action(Action::Block),
            warned: action(Action::Warn),
            allowed: action(Action::Allow),
            unchecked: self
                .entries
                .iter()
                .filter(|e| e.unchecked.is_some())
                .count(),
        }
    }
}

/// The summary of an audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AuditCounts {
    /// Entries checked or not.
    pub dependencies: usize,
    /// Blocked by the policy.
    pub blocked: usize,
    /// Warned about.
    pub warned: usize,
    /// Allowed.
    pub allowed: usize,
    /// Of the blocked and warned, those that could not be checked.
    pub unchecked: usize,
}
