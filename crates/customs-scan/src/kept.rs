//! Judgements kept by content (see [`customs_store::Results`]): a registry scan that
//! meets an artifact it judged before, with the same release to compare it with, the
//! same policy, the same rule catalogue and the same customs version, reuses the
//! judgement instead of reading the artifact again. `audit` and `scan` reuse them here;
//! the proxy keeps its own facts in the store and checks them against the same key
//! ([`judgement_key`]).
//!
//! What is kept is the judgement of the bytes: known-malicious records, the cooldown,
//! the policy's ignores and the lockfile's hashes are applied on every run.

use std::collections::BTreeMap;

use customs_ecosystem::{Ecosystem, canonical_name};
use customs_policy::Policy;
use customs_registry::Registry;
use customs_rules::{Finding, verdict};
use serde::Serialize;

use crate::{PackageReport, ScanError, ScanOptions};

/// Where judgements are kept, and what the kept ones must have been judged under
/// besides the artifact: the policy and the rule catalogue.
#[derive(Debug)]
pub struct Judgements {
    results: customs_store::Results,
    policy: String,
    catalogue: String,
    rejudge: bool,
}

impl Judgements {
    /// Judgements kept in `dir`, reused only for the same `policy`.
    #[must_use]
    pub fn new(dir: impl Into<std::path::PathBuf>, policy: &Policy) -> Self {
        Self {
            results: customs_store::Results::new(dir),
            policy: format!("{policy:?}"),
            catalogue: catalogue_version().to_owned(),
            rejudge: false,
        }
    }

    /// Judgements kept beside the registry client's artifact cache (`<cache>/results`).
    #[must_use]
    pub fn in_cache(registry: &Registry, policy: &Policy) -> Self {
        Self::new(registry.cache().dir().join("results"), policy)
    }

    /// Judges every artifact again (the new judgements are still kept).
    #[must_use]
    pub fn rejudge(mut self, rejudge: bool) -> Self {
        self.rejudge = rejudge;
        self
    }

    /// As if the rule catalogue were `version`: what a changed catalogue looks like,
    /// for tests.
    #[must_use]
    pub fn with_catalogue(mut self, version: &str) -> Self {
        self.catalogue = version.to_owned();
        self
    }

    /// The records found and missed so far.
    #[must_use]
    pub fn results(&self) -> &customs_store::Results {
        &self.results
    }

    /// Reuses what `fresh` concluded before about `version` of `project` (compared with
    /// the release before it on its line) under the same key, or runs it and keeps what
    /// it concludes. The key is the judgement key of the release's preferred file, with
    /// `domain` (what is concluded) and `parts` (everything else it depends on); the
    /// conclusion is kept as JSON. A conclusion that cannot be kept
    /// or read back is concluded again.
    ///
    /// # Errors
    /// As `fresh`.
    pub fn outcome<T, E>(
        &self,
        domain: &str,
        parts: &[&str],
        project: &customs_registry::Project,
        version: &str,
        options: &ScanOptions,
        fresh: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E>
    where
        T: Serialize + serde::de::DeserializeOwned,
    {
        use sha2::Digest as _;
        let judged = crate::registry::judged_files(project, version, None);
        let key = judged.and_then(|(file, previous)| {
            let base = key_of(
                &self.catalogue,
                &self.policy,
                project,
                version,
                file,
                previous,
                options,
            )?;
            let mut h = sha2::Sha256::new();
            for part in [base.as_str(), domain].iter().chain(parts) {
                h.update(part.as_bytes());
                h.update(b"\n");
            }
            Some((hex::encode(h.finalize()), file))
        });
        if let Some((key, file)) = &key
            && !self.rejudge
            && let Some(bytes) = self.results.get(key)
        {
            let kept = serde_json::from_slice::<KeptOutcome<T>>(&bytes)
                .ok()
                .filter(|k| {
                    k.catalogue == self.catalogue
                        && file
                            .digest
                            .as_ref()
                            .is_some_and(|d| k.digest == format!("{}:{}", d.algorithm(), d.hex()))
                });
            match kept {
                Some(k) => return Ok(k.value),
                None => self.results.unusable(),
            }
        }
        let value = fresh()?;
        if let Some((key, file)) = key
            && let Some(d) = &file.digest
        {
            let kept = KeptOutcome {
                catalogue: self.catalogue.clone(),
                digest: format!("{}:{}", d.algorithm(), d.hex()),
                value,
            };
            if let Ok(bytes) = serde_json::to_vec(&kept) {
                let _ = self.results.put(&key, &bytes);
            }
            return Ok(kept.value);
        }
        Ok(value)
    }

    /// Reuses the judgement kept for `file_name` of `version` (the preferred file when
    /// `None`), or runs `fresh` and keeps what it judged.
    pub(crate) fn judge(
        &self,
        registry: &Registry,
        project: &customs_registry::Project,
        version: &str,
        file_name: Option<&str>,
        options: &ScanOptions,
        fresh: impl FnOnce() -> Result<PackageReport, ScanError>,
    ) -> Result<PackageReport, ScanError> {
        let judged = crate::registry::judged_files(project, version, file_name);
        let key = judged.and_then(|(file, previous)| {
            key_of(
                &self.catalogue,
                &self.policy,
                project,
                version,
                file,
                previous,
                options,
            )
        });
        if let (Some(key), Some((file, _))) = (&key, judged)
            && !self.rejudge
            && let Some(bytes) = self.results.get(key)
        {
            let restored = serde_json::from_slice::<KeptJudgement>(&bytes)
                .ok()
                .filter(|k| k.catalogue == self.catalogue && k.judged_digest(file))
                .and_then(|k| k.restore(registry, project, version, file, options));
            match restored {
                Some(report) => return Ok(report),
                None => self.results.unusable(),
            }
        }
        let report = fresh()?;
        if let Some(key) = key
            && let Some(mut kept) = KeptJudgement::of(&report)
        {
            kept.catalogue.clone_from(&self.catalogue);
            if let Ok(bytes) = serde_json::to_vec(&kept) {
                // Keeping is an optimisation: a folder that cannot be written costs the
                // next run a scan, nothing else.
                let _ = self.results.put(&key, &bytes);
            }
        }
        Ok(report)
    }
}

/// A caller's conclusion about a release, kept (see [`Judgements::outcome`]).
#[derive(Serialize, serde::Deserialize)]
struct KeptOutcome<T> {
    catalogue: String,
    digest: String,
    value: T,
}

/// A judgement as kept by content: what a scan needs to report an artifact it judged
/// before without reading it again. Known-malicious
/// records, the cooldown and the lockfile's hashes are not in it: they are applied on
/// every run.
#[derive(Debug, Serialize, serde::Deserialize)]
struct KeptJudgement {
    ecosystem: String,
    name: String,
    version: String,
    artifact: String,
    sha256: String,
    files: usize,
    bytes: u64,
    findings: Vec<KeptFinding>,
    notes: Vec<(String, String)>,
    hooks: BTreeMap<String, String>,
    index: String,
    url: String,
    file_name: String,
    compared_with: Option<String>,
    /// The digest of the bytes judged, as the index gives it (`algorithm:hex`).
    digest: String,
    /// The rule catalogue's version that judged them.
    catalogue: String,
}

#[derive(Debug, Serialize, serde::Deserialize)]
struct KeptFinding {
    rule: String,
    severity: serde_json::Value,
    confidence: serde_json::Value,
    context: serde_json::Value,
    message: String,
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    snippet: Option<String>,
    #[serde(default)]
    fact: Option<customs_rules::Fact>,
}

/// The value among `all` that serialises as `v`.
fn one_of<T: Serialize + Copy>(all: &[T], v: &serde_json::Value) -> Option<T> {
    all.iter()
        .copied()
        .find(|x| serde_json::to_value(x).ok().as_ref() == Some(v))
}

/// The rule catalogue's version: every rule id with its severity and confidence, and
/// the customs version (analysers change with it).
fn catalogue_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        use sha2::Digest as _;
        let mut h = sha2::Sha256::new();
        h.update(env!("CARGO_PKG_VERSION"));
        for meta in customs_rules::catalogue()
            .iter()
            .map(|r| r.meta())
            .chain(customs_history::rule_metas())
        {
            h.update(format!(
                "\n{} {:?} {:?}",
                meta.id, meta.severity, meta.confidence
            ));
        }
        hex::encode(h.finalize())
    })
}

/// The rule id as the catalogue spells it (findings name rules by `&'static str`).
fn known_rule(id: &str) -> Option<&'static str> {
    customs_rules::catalogue()
        .iter()
        .map(|r| r.meta().id)
        .chain(customs_history::rule_metas().into_iter().map(|m| m.id))
        .find(|r| *r == id)
}

/// The key a judgement of `file_name` of `version` (the preferred file when `None`) is
/// kept under with `policy`: the artifact's digest, the digest of the file of the
/// release it is compared with, the policy, the scan settings, the rule catalogue and
/// the customs version. `None` when a file involved has no digest from the index
/// (nothing to key it by: such a file is judged every time).
#[must_use]
pub fn judgement_key(
    project: &customs_registry::Project,
    version: &str,
    file_name: Option<&str>,
    options: &ScanOptions,
    policy: &Policy,
) -> Option<String> {
    let (file, previous) = crate::registry::judged_files(project, version, file_name)?;
    key_of(
        catalogue_version(),
        &format!("{policy:?}"),
        project,
        version,
        file,
        previous,
        options,
    )
}

fn key_of(
    catalogue: &str,
    policy: &str,
    project: &customs_registry::Project,
    version: &str,
    file: &customs_registry::FileRef,
    previous: Option<&customs_registry::FileRef>,
    options: &ScanOptions,
) -> Option<String> {
    use sha2::Digest as _;
    let digest = file.digest.as_ref()?;
    let before = match previous {
        Some(p) => {
            let d = p.digest.as_ref()?;
            format!("{}:{}", d.algorithm(), d.hex())
        }
        None => "-".into(),
    };
    let mut h = sha2::Sha256::new();
    for part in [
        "customs-judgement/2".to_owned(),
        catalogue.to_owned(),
        policy.to_owned(),
        format!(
            "{:?} history={} hash_all={}",
            options.limits, options.history, options.hash_all
        ),
        project.ecosystem.as_str().to_owned(),
        canonical_name(project.ecosystem, &project.name),
        version.to_owned(),
        file.file_name.clone(),
        format!("{}:{}", digest.algorithm(), digest.hex()),
        before,
    ] {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    Some(hex::encode(h.finalize()))
}

impl KeptJudgement {
    /// Whether the record is a judgement of the bytes the index lists for `file`.
    fn judged_digest(&self, file: &customs_registry::FileRef) -> bool {
        file.digest
            .as_ref()
            .is_some_and(|d| self.digest == format!("{}:{}", d.algorithm(), d.hex()))
    }

    /// What to keep of a report; `None` when it should not be kept (its bytes did not
    /// match a digest, or part of the history could not be checked).
    fn of(report: &PackageReport) -> Option<Self> {
        // Only a judgement of the whole artifact is kept: one of the part that could be
        // read must be judged again (and decided as unreadable) every time.
        if !report.incomplete.is_empty() {
            return None;
        }
        let source = report.source.as_ref()?;
        if !matches!(
            source.integrity,
            customs_registry::Integrity::Verified { .. }
        ) {
            return None;
        }
        if report
            .history
            .as_ref()
            .is_some_and(|h| h.dependencies.iter().any(|d| d.error.is_some()))
        {
            return None;
        }
        let value = |v: serde_json::Result<serde_json::Value>| v.ok();
        Some(Self {
            ecosystem: report.identity.ecosystem.as_str().to_owned(),
            name: report.identity.name.clone(),
            version: report.identity.version.clone(),
            artifact: report.artifact.as_str().to_owned(),
            sha256: report.sha256.clone(),
            files: report.files,
            bytes: report.bytes,
            findings: report
                .findings
                .iter()
                .map(|f| {
                    Some(KeptFinding {
                        rule: f.rule.to_owned(),
                        severity: value(serde_json::to_value(f.severity))?,
                        confidence: value(serde_json::to_value(f.confidence))?,
                        context: value(serde_json::to_value(f.context))?,
                        message: f.message.clone(),
                        path: f.path.clone(),
                        line: f.line,
                        column: f.column,
                        snippet: f.snippet.clone(),
                        fact: f.fact,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
            notes: report
                .notes
                .iter()
                .map(|n| (n.path.clone(), n.message.clone()))
                .collect(),
            hooks: report.profile.hooks.clone(),
            index: source.index.clone(),
            url: source.url.clone(),
            file_name: source.file_name.clone(),
            compared_with: report
                .history
                .as_ref()
                .and_then(|h| h.compared_with.clone()),
            digest: match &source.integrity {
                customs_registry::Integrity::Verified { algorithm, digest } => {
                    format!("{algorithm}:{digest}")
                }
                _ => return None,
            },
            catalogue: catalogue_version().to_owned(),
        })
    }

    /// The report again, for `file` of `version`; `None` when something in the record
    /// is not what this customs knows (it is then judged again).
    fn restore(
        self,
        registry: &Registry,
        project: &customs_registry::Project,
        version: &str,
        file: &customs_registry::FileRef,
        options: &ScanOptions,
    ) -> Option<PackageReport> {
        use customs_analyze::Context;
        use customs_ecosystem::ArtifactKind;
        use customs_rules::{Confidence, Severity};
        let ecosystem = one_of(&[Ecosystem::Pypi, Ecosystem::Npm], &self.ecosystem.into())?;
        let artifact = [
            ArtifactKind::Sdist,
            ArtifactKind::Wheel,
            ArtifactKind::Egg,
            ArtifactKind::NpmTarball,
            ArtifactKind::Folder,
        ]
        .into_iter()
        .find(|k| k.as_str() == self.artifact)?;
        let severities = [
            Severity::Info,
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ];
        let confidences = [Confidence::Low, Confidence::Medium, Confidence::High];
        let contexts = [
            Context::Install,
            Context::Import,
            Context::Runtime,
            Context::Metadata,
        ];
        let mut findings = self
            .findings
            .into_iter()
            .map(|f| {
                Some(Finding {
                    rule: known_rule(&f.rule)?,
                    severity: one_of(&severities, &f.severity)?,
                    confidence: one_of(&confidences, &f.confidence)?,
                    context: one_of(&contexts, &f.context)?,
                    message: f.message,
                    path: f.path,
                    line: f.line,
                    column: f.column,
                    snippet: f.snippet,
                    fact: f.fact,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        customs_rules::sort_findings(&mut findings);
        let release = project.release(version)?;
        let digest = file.digest.as_ref()?;
        let profile = customs_history::Profile {
            hooks: self.hooks,
            ..customs_history::Profile::default()
        };
        let previous_upload = project
            .previous_upload(version)
            .map(|r| r.version.clone())
            .filter(|v| Some(v) != self.compared_with.as_ref());
        let facts = crate::registry::facts(registry, project, release, options.history);
        Some(PackageReport {
            target: display_of(ecosystem, &project.name, version),
            identity: customs_ecosystem::Identity {
                ecosystem,
                name: self.name,
                version: self.version,
            },
            artifact,
            sha256: self.sha256,
            verdict: verdict(&findings),
            findings,
            notes: self
                .notes
                .into_iter()
                .map(|(path, message)| customs_analyze::Note { path, message })
                .collect(),
            files: self.files,
            bytes: self.bytes,
            // Only whole artifacts are kept (see `KeptJudgement::of`).
            incomplete: Vec::new(),
            // Kept before the policy's ignores are applied (`PackageReport::ignore`).
            ignored: Vec::new(),
            profile: std::sync::Arc::new(profile),
            history: options.history.then(|| crate::HistoryReport {
                compared_with: self.compared_with,
                previous_upload,
                changes: customs_history::Changes::default(),
                dependencies: Vec::new(),
                note: Some(
                    "judged before with the same rules and policy: the kept judgement was reused"
                        .into(),
                ),
                builder: facts.builder.clone(),
            }),
            source: Some(crate::SourceInfo {
                ecosystem,
                package: project.name.clone(),
                index: self.index,
                url: self.url,
                file_name: self.file_name,
                integrity: customs_registry::Integrity::Verified {
                    algorithm: digest.algorithm(),
                    digest: digest.hex().to_owned(),
                },
                from_cache: true,
                release: facts,
                provenance: None,
            }),
        })
    }
}

fn display_of(ecosystem: Ecosystem, name: &str, version: &str) -> String {
    match ecosystem {
        Ecosystem::Pypi => format!("pypi:{name}=={version}"),
        Ecosystem::Npm => format!("npm:{name}@{version}"),
    }
}
