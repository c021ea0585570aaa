//! `customs audit`: every dependency in a project's lockfiles, checked against the local
//! store of known-malicious records, scanned with everything customs has (content,
//! metadata, history), and decided by the policy.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use customs_ecosystem::{Ecosystem, LockKind, Locked, Lockfile, canonical_name};
use customs_history::{KnownMalicious, LockfileHashMismatch};
use customs_policy::{Action, Decision, DecisionFacts, Policy, Subject};
use customs_registry::{Digest, Registry, Spec};
use customs_rules::{Finding, verdict};
use customs_store::{Advisory, Store};

use crate::ScanFailure;
use crate::{AuditEntry, AuditReport, LockRef, LockSummary};
use crate::{PackageReport, Progress, ScanError, ScanOptions, pool, read_and_judge, scan_release};

/// Registry work runs on this many threads (it waits on the network, not the CPU): as
/// many as exchanges with one host may run at once ([`customs_registry::MAX_PER_HOST`]),
/// since a cold audit's time is the index's latency times its requests over this.
const FETCH_THREADS: usize = 16;

/// Settings of an audit.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// Scan settings (history included).
    pub scan: ScanOptions,
    /// Use only the cache and the local store.
    pub offline: bool,
    /// Judge every artifact again, even one judged before with the same rules and
    /// policy (see [`customs_store::Results`]).
    pub rejudge: bool,
}

struct Pending {
    entry: Locked,
    lockfile: PathBuf,
    kind: LockKind,
    path: Vec<String>,
    locations: Vec<LockRef>,
}

/// Audits the entries of `lockfiles`.
#[must_use]
pub fn audit(
    lockfiles: &[Lockfile],
    registry: Option<&Registry>,
    store: &Store,
    policy: &Policy,
    options: &AuditOptions,
    progress: &dyn Progress,
) -> AuditReport {
    // One check per (ecosystem, name, version), however many lockfiles name it.
    let mut pending: BTreeMap<(Ecosystem, String, String), Pending> = BTreeMap::new();
    for lock in lockfiles {
        let mut paths = customs_ecosystem::dependency_paths(&lock.entries);
        for (i, e) in lock.entries.iter().enumerate() {
            let key = (
                e.ecosystem,
                canonical_name(e.ecosystem, &e.name),
                e.version.clone(),
            );
            let at = LockRef {
                path: e.file.clone().unwrap_or_else(|| lock.path.clone()),
                line: e.line,
            };
            match pending.get_mut(&key) {
                Some(p) => {
                    p.locations.push(at);
                    p.entry.direct |= e.direct;
                    p.entry.dev &= e.dev;
                    p.entry.hashes.extend(e.hashes.iter().cloned());
                }
                None => {
                    pending.insert(
                        key,
                        Pending {
                            entry: e.clone(),
                            lockfile: lock.path.clone(),
                            kind: lock.kind,
                            path: std::mem::take(&mut paths[i]),
                            locations: vec![at],
                        },
                    );
                }
            }
        }
    }
    let pending: Vec<Pending> = pending.into_values().collect();
    // Judgements are kept beside the cache, unless the caller keeps them elsewhere.
    let options = &AuditOptions {
        scan: ScanOptions {
            judgements: match (&options.scan.judgements, registry) {
                (Some(j), _) => Some(std::sync::Arc::clone(j)),
                (None, Some(r)) => Some(std::sync::Arc::new(
                    crate::Judgements::in_cache(r, policy).rejudge(options.rejudge),
                )),
                (None, None) => None,
            },
            ..options.scan.clone()
        },
        ..options.clone()
    };
    progress.start(pending.len());
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, AuditEntry)>> = Mutex::new(Vec::with_capacity(pending.len()));
    std::thread::scope(|scope| {
        for _ in 0..FETCH_THREADS.min(pending.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = pending.get(i) else { break };
                    let entry = check(p, registry, store, policy, options);
                    progress.finished(&format!("{}:{}", p.entry.ecosystem, p.entry.name));
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((i, entry));
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    AuditReport {
        lockfiles: lockfiles
            .iter()
            .map(|l| LockSummary {
                path: l.path.clone(),
                kind: l.kind,
                entries: l.entries.len(),
            })
            .collect(),
        entries: results.into_iter().map(|(_, e)| e).collect(),
        policy: policy.origin.clone(),
    }
}

/// The digests under which the cache may hold an entry's artifact: every hash the
/// lockfile lists in the algorithm the index gives (a requirements file may pin a
/// wheel and an sdist, or several wheels, each with its own `--hash`).
fn cached_digests(e: &Locked) -> Vec<Digest> {
    e.hashes
        .iter()
        .filter_map(Digest::from_locked)
        .filter(|d| {
            matches!(
                (e.ecosystem, d),
                (Ecosystem::Npm, Digest::Sha512(_)) | (Ecosystem::Pypi, Digest::Sha256(_))
            )
        })
        .collect()
}

/// The first of `digests` the cache holds, with its bytes.
fn cached_bytes(
    registry: &Registry,
    digests: &[Digest],
) -> Result<Option<Vec<u8>>, customs_registry::RegistryError> {
    for d in digests {
        if let Some(bytes) = registry.cache().get(d)? {
            return Ok(Some(bytes));
        }
    }
    Ok(None)
}

/// Checks one entry: its store records, then its artifact (through the registry, or
/// the cache offline), then the policy's decision.
fn check(
    p: &Pending,
    registry: Option<&Registry>,
    store: &Store,
    policy: &Policy,
    options: &AuditOptions,
) -> AuditEntry {
    let e = &p.entry;
    let mut out = AuditEntry {
        ecosystem: e.ecosystem,
        name: e.name.clone(),
        version: e.version.clone(),
        locations: p.locations.clone(),
        dependency_path: p.path.clone(),
        direct: e.direct,
        dev: e.dev,
        report: None,
        verdict: None,
        extra_findings: Vec::new(),
        advisories: Vec::new(),
        decision: Decision {
            action: Action::Allow,
            reasons: Vec::new(),
        },
        status: None,
        error: None,
        unchecked: None,
    };
    // Known malware needs no further evidence, and is not downloaded.
    let mut known = match known_records(store, e.ecosystem, &e.name, &e.version) {
        Ok(k) => k,
        Err(err) => {
            fail(&mut out, err.to_string());
            Known::default()
        }
    };
    let declared = if known.findings.is_empty() {
        judge(p, registry, options, &mut out)
    } else {
        out.status = Some("not downloaded: known malicious".into());
        Vec::new()
    };
    if out.version != e.version {
        // An unpinned requirement: look up the version it resolved to.
        match known_records(store, e.ecosystem, &e.name, &out.version) {
            Ok(k) => known = k,
            Err(err) => fail(&mut out, err.to_string()),
        }
    }
    decide(p, policy, known, &declared, &mut out);
    out
}

/// Judges an entry's artifact where it can be found: from the registry, else offline
/// from the cache by the lockfile's hashes. Returns the install scripts the registry
/// declares for the release, when it was asked.
fn judge(
    p: &Pending,
    registry: Option<&Registry>,
    options: &AuditOptions,
    out: &mut AuditEntry,
) -> Vec<String> {
    let e = &p.entry;
    let mut declared = Vec::new();
    if let Some(source) = &e.source {
        not_checked(
            out,
            format!("not scanned: it comes from {source}, not from a registry"),
        );
    } else if let Some(registry) = registry.filter(|r| !options.offline || r.is_offline()) {
        // Offline, the registry answers from the kept documents and judgements and the
        // cached files, as it did online; what it does not hold is read from the cache
        // by the lockfile's hashes.
        if let Err(err) = from_registry(p, registry, options, out, &mut declared) {
            if options.offline {
                from_cache(e, Some(registry), options, out);
            } else {
                fail(out, err);
            }
        }
    } else if options.offline {
        from_cache(e, registry, options, out);
    } else {
        not_checked(out, "not checked: no registry client".into());
    }
    declared
}

/// Decides on an entry: the verdict over the scan's and the store's findings, and the
/// policy's decision on the facts the scan established.
fn decide(p: &Pending, policy: &Policy, known: Known, declared: &[String], out: &mut AuditEntry) {
    let e = &p.entry;
    let known_ids = known.malicious_ids();
    out.advisories = known.advisories;
    out.extra_findings = known.findings;
    if let Some(report) = &mut out.report {
        report.ignore(policy);
    }
    let findings: Vec<Finding> = out.findings().cloned().collect();
    if !findings.is_empty() || out.report.is_some() {
        out.verdict = Some(verdict(&findings).level);
    }
    let facts = out.report.as_ref().map_or_else(
        || DecisionFacts {
            install_scripts: declared.to_vec(),
            ..DecisionFacts::default()
        },
        |r| r.decision_facts(declared),
    );
    let facts = DecisionFacts {
        // The store's records count in the verdict too.
        verdict: out.verdict,
        ..facts
    };
    let released = out
        .report
        .as_ref()
        .and_then(|r| r.source.as_ref())
        .and_then(|s| s.release.uploaded);
    let mut subject = Subject::new(e.ecosystem, &e.name, &out.version)
        .scanned(&facts)
        .known_malicious(known_ids)
        .released(released);
    subject.has_hashes = (p.kind.ecosystem() == Ecosystem::Pypi).then_some(!e.hashes.is_empty());
    subject.unchecked.clone_from(&out.unchecked);
    out.decision = policy.decide(&subject);
}

/// Checks an entry through the registry: resolves it, and judges the file the installer
/// takes (or reuses the judgement kept for it). `declared` gets the install scripts the
/// registry declares for the release.
fn from_registry(
    p: &Pending,
    registry: &Registry,
    options: &AuditOptions,
    out: &mut AuditEntry,
    declared: &mut Vec<String>,
) -> Result<(), String> {
    let e = &p.entry;
    let spec = Spec {
        ecosystem: e.ecosystem,
        name: e.name.clone(),
        version: Some(if e.version.is_empty() {
            e.requirement.clone()
        } else {
            e.version.clone()
        })
        .filter(|v| !v.is_empty()),
    };
    let scanned = registry
        .resolve(&spec)
        .map_err(|err| crate::registry_error(&spec.to_string(), &err))
        .and_then(|(project, version)| {
            let file = project
                .release(&version)
                .and_then(|r| installed_file(e, r))
                .map(|f| f.file_name.clone());
            scan_release(registry, &project, &version, file.as_deref(), &options.scan)
        });
    match scanned {
        Ok(mut report) => {
            if e.version.is_empty() {
                out.version.clone_from(&report.identity.version);
                if let Some(src) = &report.source {
                    out.version.clone_from(&src.release.version);
                }
                out.status = Some(format!(
                    "unpinned ({}): checked the version it resolves to today",
                    if e.requirement.is_empty() {
                        "any version"
                    } else {
                        &e.requirement
                    }
                ));
            }
            if let Ok(project) = registry.project(e.ecosystem, &e.name)
                && let Some(release) = project.release(&out.version)
            {
                declared.clone_from(&release.install_scripts);
                if let Some(f) = hash_mismatch(e, release, &p.lockfile) {
                    report.add_findings([f]);
                }
            }
            out.report = Some(report);
        }
        Err(err) => return Err(err.message),
    }
    Ok(())
}

/// Checks an entry offline by the bytes the cache holds under one of the lockfile's
/// hashes (no history: the registry's documents are not at hand).
fn from_cache(
    e: &Locked,
    registry: Option<&Registry>,
    options: &AuditOptions,
    out: &mut AuditEntry,
) {
    match (registry, cached_digests(e)) {
        (Some(r), digests) if !digests.is_empty() => match cached_bytes(r, &digests) {
            Ok(Some(bytes)) => {
                let file = offline_file_name(e, &bytes);
                match pool(options.scan.jobs)
                    .install(|| read_and_judge(&display(e), &file, &bytes, &options.scan))
                {
                    Ok(report) => out.report = Some(report),
                    Err(err) => fail(out, err.message),
                }
            }
            Ok(None) => not_checked(out, "not checked: offline, and not in the cache".into()),
            Err(err) => fail(out, err.to_string()),
        },
        _ => not_checked(
            out,
            "not checked: offline, and the lockfile pins no hash to find it in the cache".into(),
        ),
    }
}

/// Something went wrong checking an entry: an error, and a reason it is not checked
/// (never allowed: the policy decides between warn and block).
fn fail(out: &mut AuditEntry, message: String) {
    out.unchecked.get_or_insert_with(|| message.clone());
    out.error.get_or_insert(message);
}

/// An entry that is not checked, and why (never allowed).
fn not_checked(out: &mut AuditEntry, why: String) {
    out.unchecked.get_or_insert_with(|| why.clone());
    out.status = Some(why);
}

fn display(e: &Locked) -> String {
    match e.ecosystem {
        Ecosystem::Pypi => format!("pypi:{}=={}", e.name, e.version),
        Ecosystem::Npm => format!("npm:{}@{}", e.name, e.version),
    }
}

/// A file name that tells the reader what a cached artifact is: npm tarballs, Python
/// sdists (gzip) and wheels (zip).
fn offline_file_name(e: &Locked, bytes: &[u8]) -> String {
    match (e.ecosystem, bytes.starts_with(b"PK")) {
        (Ecosystem::Npm, _) => format!("{}-{}.tgz", e.name.replace('/', "-"), e.version),
        (Ecosystem::Pypi, true) => format!("{}-{}-py3-none-any.whl", e.name, e.version),
        (Ecosystem::Pypi, false) => format!("{}-{}.tar.gz", e.name, e.version),
    }
}

/// The file of a release that the installer takes for a lockfile entry: among the files
/// whose digests the lockfile pins, the wheel for this platform, else the sdist; when it
/// pins none of them (or no hash at all), the installer's own choice (the wheel for this
/// platform, else the sdist). A lockfile that pins wheels is judged by a wheel.
fn installed_file<'a>(
    e: &Locked,
    release: &'a customs_registry::Release,
) -> Option<&'a customs_registry::FileRef> {
    let pinned: Vec<&customs_registry::FileRef> = release
        .files
        .iter()
        .filter(|f| f.digest.as_ref().is_some_and(|d| d.pinned_by(&e.hashes)))
        .collect();
    if pinned.is_empty() {
        return release.installer_files().into_iter().next();
    }
    customs_registry::platform_wheel(pinned.iter().copied())
        .or_else(|| {
            pinned
                .iter()
                .copied()
                .find(|f| !f.file_name.to_ascii_lowercase().ends_with(".whl"))
        })
        .or_else(|| pinned.first().copied())
}

/// A finding when the lockfile's hashes (in an algorithm the index also uses) match
/// none of the release's files.
fn hash_mismatch(
    e: &Locked,
    release: &customs_registry::Release,
    lockfile: &std::path::Path,
) -> Option<Finding> {
    let listed: Vec<&Digest> = release
        .files
        .iter()
        .filter_map(|f| f.digest.as_ref())
        .collect();
    let comparable: Vec<&customs_ecosystem::LockedHash> = e
        .hashes
        .iter()
        .filter(|h| listed.iter().any(|d| h.is_in(d.algorithm())))
        .collect();
    if comparable.is_empty() || listed.iter().any(|d| d.pinned_by(&e.hashes)) {
        return None;
    }
    let short = |a: &str, h: &str| format!("{a}:{}…", &h[..h.len().min(12)]);
    Some(LockfileHashMismatch::finding(
        &lockfile.display().to_string(),
        &comparable
            .iter()
            .map(|h| short(&h.algorithm, &h.hex))
            .collect::<Vec<_>>(),
        &listed
            .iter()
            .map(|d| short(d.algorithm(), d.hex()))
            .collect::<Vec<_>>(),
    ))
}

/// What the store holds against one release: every advisory, and a `known-malicious`
/// finding for each malicious-package record. The one reading of the store that `audit`,
/// `scan` and `diff` make (the proxy reads the same records).
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Advisories, malicious or not.
    pub advisories: Vec<Advisory>,
    /// One finding per malicious-package record.
    pub findings: Vec<Finding>,
}

impl Known {
    /// The ids of the malicious-package records, each with where it came from
    /// (`ID; SOURCE`).
    #[must_use]
    pub fn malicious_ids(&self) -> Vec<String> {
        self.advisories
            .iter()
            .filter(|a| a.malicious)
            .map(|a| format!("{}; {}", a.id, a.source))
            .collect()
    }
}

/// Reads the store's records for `name` `version`.
///
/// # Errors
/// When the store cannot be read: an error, never an empty answer (a store that cannot
/// be read must not pass known malware as clean).
pub fn known_records(
    store: &Store,
    ecosystem: Ecosystem,
    name: &str,
    version: &str,
) -> Result<Known, customs_store::StoreError> {
    let advisories = store.advisories(ecosystem, name, version)?;
    let findings = advisories
        .iter()
        .filter(|a| a.malicious)
        .map(|a| KnownMalicious::finding(&a.id, &format!("{} (source: {})", a.summary, a.source)))
        .collect();
    Ok(Known {
        advisories,
        findings,
    })
}

/// Checks a registry release's report against the store and adds a `known-malicious`
/// finding for each malicious-package record (the verdict is then `malicious`). Local
/// artifacts, which name no registry release, are left as they are.
///
/// # Errors
/// When the store cannot be read, as a scan error of the report's target.
pub fn check_known(store: &Store, report: &mut PackageReport) -> Result<Known, ScanError> {
    let Some(source) = &report.source else {
        return Ok(Known::default());
    };
    let known = known_records(
        store,
        source.ecosystem,
        &source.package,
        &source.release.version,
    )
    .map_err(|e| {
        ScanError::new(
            &report.target,
            ScanFailure::Other,
            format!("the known-malicious records cannot be read: {e}"),
        )
    })?;
    report.add_findings(known.findings.iter().cloned());
    Ok(known)
}

/// Errors of the lockfiles themselves, as scan errors.
#[must_use]
pub fn lock_errors(errors: &[customs_ecosystem::LockError]) -> Vec<ScanError> {
    errors
        .iter()
        .map(|e| {
            ScanError::new(
                &e.path.display().to_string(),
                ScanFailure::Other,
                e.to_string(),
            )
        })
        .collect()
}
