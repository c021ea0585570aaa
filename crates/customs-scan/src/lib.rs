//! The scan pipeline, shared by every surface of customs (`scan`, and later `diff`,
//! `audit`, the proxy and `watch`):
//!
//! ```text
//! target ─► artifact bytes ─► Tree (bounded) ─► Package ─► Analysis ─► findings ─► verdict
//! ```
//!
//! [`scan_artifact`] judges one artifact held in memory; [`scan_target`] reads a local
//! file or folder first; [`scan_all`] runs many targets in parallel, largest first, and
//! reports progress through a [`Progress`] that the caller draws.

mod audit;
mod ignore;
mod kept;
mod registry;
mod target;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use customs_analyze::{Note, analyze_package};
use customs_archive::{
    ArchiveError, Incomplete, Limits, ReadOptions, read_archive, read_archive_file, read_dir,
    read_files,
};
use customs_ecosystem::{ArtifactKind, Identity, Package, select};
use customs_history::Profile;
use customs_registry::Registry;
use customs_rules::{Finding, Input, Popular, Verdict, check, verdict};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use audit::{
    AuditCounts, AuditEntry, AuditOptions, AuditReport, Known, LockRef, LockSummary, audit,
    check_known, known_records, lock_errors,
};
pub use customs_policy::DecisionFacts;
pub use kept::{Judgements, judgement_key};
pub use registry::{
    DiffReport, FileKind, HistoryReport, Loaded, ProvenanceCheck, ProvenanceStatus, SourceInfo,
    diff, load_source, load_source_file, release_kinds, scan_release, scan_spec, scan_spec_files,
    verify_provenance,
};
pub use target::{Installed, Target, expand_targets};

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
    pub ignored: Vec<customs_policy::IgnoredFinding>,
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
                .map(|b| customs_policy::BuildIdentity {
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
    if report.identity.ecosystem != customs_ecosystem::Ecosystem::Npm {
        return scripts;
    }
    let hooks = &report.profile.hooks;
    for hook in customs_registry::REGISTRY_INSTALL_HOOKS {
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

    /// A failure of the registry client, of the kind it is.
    #[must_use]
    pub fn registry(target: &str, e: &customs_registry::RegistryError) -> Self {
        use customs_registry::RegistryError as R;
        let kind = match e {
            R::Unreachable { .. } | R::TimedOut { .. } | R::NotFound { .. } | R::Status { .. } => {
                ScanFailure::Upstream
            }
            R::NotListed { .. } | R::NoSuchRelease { .. } => ScanFailure::NotListed,
            R::CacheTampered { .. } => ScanFailure::CacheAltered,
            R::TooLarge { .. } => ScanFailure::Unreadable,
            _ => ScanFailure::Other,
        };
        Self::new(target, kind, e.to_string())
    }
}

/// Settings of a scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Archive reading limits.
    pub limits: Limits,
    /// Analysis threads (0: one per core). The first scan of the process decides.
    pub jobs: usize,
    /// Hash every member (for comparing releases), not only a wheel's.
    pub hash_all: bool,
    /// Compare registry releases with the release before them.
    pub history: bool,
    /// Which file of each registry release [`scan_all`] judges: `None` for every file an
    /// installer may take (for PyPI the wheel for this platform and the sdist), or the
    /// one with this name.
    pub file: Option<String>,
    /// Leave the profile of local targets empty: for a scan that compares nothing (the
    /// profile is the facts releases are compared by). Registry targets, and the sources
    /// that `diff` compares, always get theirs.
    pub skip_profile: bool,
    /// Judgements kept by content: a registry release judged before under the same key
    /// is not read again (see [`Judgements`]). `None`: every release is read. Never
    /// used where the report's full profile is needed (`diff`'s sources).
    pub judgements: Option<Arc<Judgements>>,
}

impl ScanOptions {
    /// Default limits, comparison with earlier releases on.
    #[must_use]
    pub fn with_history() -> Self {
        Self {
            history: true,
            ..Self::default()
        }
    }
}

/// Stack size of analysis threads. Parsers recurse; what a file may nest is bounded
/// before parsing (`customs_analyze::MAX_PARSE_NESTING`), and this stack holds that
/// bound with a wide margin, whatever thread the caller scans from.
pub const ANALYSIS_STACK: usize = 64 << 20;

/// The analysis threads, created on first use.
fn pool(jobs: usize) -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(ANALYSIS_STACK)
            .num_threads(jobs)
            .thread_name(|i| format!("customs-analysis-{i}"))
            .build()
            .unwrap_or_else(|e| panic!("cannot start the analysis threads: {e}"))
    })
}

/// Progress of a long scan, drawn by the caller (the library never prints).
pub trait Progress: Sync {
    /// The number of targets to scan.
    fn start(&self, _total: usize) {}
    /// One target finished.
    fn finished(&self, _target: &str) {}
}

/// A [`Progress`] that draws nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

fn popular() -> &'static Popular {
    static POPULAR: OnceLock<Popular> = OnceLock::new();
    POPULAR.get_or_init(Popular::embedded)
}

/// Bytes of tar members copied for early analysis and not yet analysed, at most.
const EARLY_BYTES: usize = 8 << 20;

/// Scans one artifact held in memory. `file_name` gives the artifact kind and the
/// identity of last resort.
///
/// # Errors
/// When the bytes are not a readable archive.
pub fn scan_artifact(
    target: &str,
    file_name: &str,
    bytes: &[u8],
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    pool(options.jobs).install(|| read_and_judge(target, file_name, bytes, options))
}

fn read_and_judge(
    target: &str,
    file_name: &str,
    bytes: &[u8],
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    read_and_judge_from(target, file_name, Artifact::Bytes(bytes), options)
}

/// Scans an artifact streamed from a file: neither the file nor its decompressed
/// stream is ever held whole in memory, whatever its size.
/// `sha256`, when the caller already has it (a download hashed as it arrived), spares
/// reading the file once more for it.
pub(crate) fn read_and_judge_file(
    target: &str,
    file_name: &str,
    file: &std::fs::File,
    sha256: Option<&str>,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    read_and_judge_from(target, file_name, Artifact::File(file, sha256), options)
}

/// Where an artifact's bytes are.
#[derive(Clone, Copy)]
enum Artifact<'a> {
    Bytes(&'a [u8]),
    /// A file, with its sha256 when known.
    File(&'a std::fs::File, Option<&'a str>),
}

impl Artifact<'_> {
    fn sha256(self) -> std::io::Result<String> {
        match self {
            Self::Bytes(bytes) => Ok(hex::encode(Sha256::digest(bytes))),
            Self::File(_, Some(known)) => Ok(known.to_owned()),
            Self::File(file, None) => customs_archive::file_sha256(file).map(hex::encode),
        }
    }
}

fn read_and_judge_from(
    target: &str,
    file_name: &str,
    artifact: Artifact<'_>,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    // A tar stream is inflated on one thread, member after member: each code file is
    // analysed on the other threads as soon as it is read (the analysis cache hands the
    // facts to analyze_package), instead of after the whole stream.
    // Copies waiting for a thread are bounded: past EARLY_BYTES, the reading thread
    // analyses the member itself before it reads on.
    // The artifact's own digest is taken on another thread while the stream is read.
    let waiting = AtomicUsize::new(0);
    let digest = std::sync::OnceLock::new();
    let tree = rayon::scope(|scope| {
        scope.spawn(|_| {
            digest.get_or_init(|| artifact.sha256());
        });
        let early = |entry: &customs_archive::Entry| {
            if !customs_analyze::prepares(&entry.path) {
                return;
            }
            let Some(text) = entry.text() else { return };
            if waiting.fetch_add(text.len(), Ordering::Relaxed) + text.len() > EARLY_BYTES {
                waiting.fetch_sub(text.len(), Ordering::Relaxed);
                customs_analyze::prepare(&entry.path, text, entry.sha256);
                return;
            }
            let (path, text, digest) = (entry.path.clone(), text.to_owned(), entry.sha256);
            let waiting = &waiting;
            scope.spawn(move |_| {
                customs_analyze::prepare(&path, &text, digest);
                waiting.fetch_sub(text.len(), Ordering::Relaxed);
            });
        };
        let read = ReadOptions {
            limits: &options.limits,
            hash_all: options.hash_all,
            select: &select,
            on_member: Some(&early),
        };
        match artifact {
            Artifact::Bytes(bytes) => read_archive(bytes, &read),
            Artifact::File(file, _) => read_archive_file(file, file_name, &read),
        }
    })
    .map_err(|e| archive_error(target, &e))?;
    let sha256 = match digest.into_inner() {
        Some(done) => done,
        None => artifact.sha256(),
    }
    .map_err(|e| {
        ScanError::new(
            target,
            ScanFailure::Other,
            format!("cannot read {file_name}: {e}"),
        )
    })?;
    Ok(judge(
        target,
        sha256,
        Package::from_tree(tree, file_name),
        profiling(options.skip_profile, options.hash_all),
    ))
}

/// Scans a local artifact file or unpacked package folder.
///
/// # Errors
/// When the path cannot be read or is not a readable archive.
pub fn scan_path(
    target: &str,
    path: &Path,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    pool(options.jobs).install(|| read_path(target, path, options))
}

fn read_path(target: &str, path: &Path, options: &ScanOptions) -> Result<PackageReport, ScanError> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| target.to_owned());
    if path.is_dir() {
        let tree =
            read_dir(path, &folder_options(options)).map_err(|e| archive_error(target, &e))?;
        return Ok(judge_folder(target, tree, &file_name, options));
    }
    if target::is_source_file(path) {
        // One source file, given alone: a package of that one file, named after it.
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tree = read_files(
            parent,
            std::slice::from_ref(&file_name),
            customs_archive::Format::Folder,
            &folder_options(options),
        )
        .map_err(|e| archive_error(target, &e))?;
        return Ok(judge_folder(target, tree, &file_name, options));
    }
    let file = std::fs::File::open(path).map_err(|e| {
        ScanError::new(
            target,
            ScanFailure::Other,
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    read_and_judge_file(target, &file_name, &file, None, options)
}

fn folder_options(options: &ScanOptions) -> ReadOptions<'_> {
    ReadOptions {
        limits: &options.limits,
        hash_all: true,
        select: &select,
        on_member: None,
    }
}

/// Judges files read from a folder (a package folder, one source file, an installed
/// distribution): its digest is that of its files' paths and digests. A package with
/// no metadata at all is judged as what it is, with a note saying so.
fn judge_folder(
    target: &str,
    tree: customs_archive::Tree,
    file_name: &str,
    options: &ScanOptions,
) -> PackageReport {
    let mut digest = Sha256::new();
    for e in &tree.entries {
        digest.update(e.path.as_bytes());
        digest.update([0]);
        digest.update(e.sha256.unwrap_or_default());
    }
    let sha256 = hex::encode(digest.finalize());
    let mut package = Package::from_tree(tree, file_name);
    let bare = package.python.is_none() && package.npm.is_none() && package.pyproject.is_none();
    if bare {
        // Named after the file (without its suffix) or the folder; npm's when its code
        // is mostly JavaScript.
        let stem = target::strip_source_suffix(file_name);
        let js = |p: &str| {
            let p = p.to_ascii_lowercase();
            [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]
                .iter()
                .any(|s| p.ends_with(s))
        };
        let py = |p: &str| p.to_ascii_lowercase().ends_with(".py");
        let paths = package.tree.entries.iter().map(|e| e.path.as_str());
        let (n_js, n_py) = paths.fold((0, 0), |(j, p), path| {
            (j + usize::from(js(path)), p + usize::from(py(path)))
        });
        package.identity.name = stem.to_owned();
        package.identity.ecosystem = if n_js > n_py {
            customs_ecosystem::Ecosystem::Npm
        } else {
            customs_ecosystem::Ecosystem::Pypi
        };
    }
    let mut report = judge(
        target,
        sha256,
        package,
        profiling(options.skip_profile, true),
    );
    if bare {
        report.notes.push(customs_analyze::Note {
            path: String::new(),
            message: format!(
                "no package metadata (setup.py, pyproject.toml, PKG-INFO, METADATA or package.json): judged as a package named {} from its code alone",
                report.identity.name
            ),
        });
    }
    report
}

/// Scans the files an installed distribution's `RECORD` lists, under `root`
/// (site-packages), laid out as the wheel they came from.
fn read_installed(
    target: &str,
    root: &Path,
    files: &[String],
    name: &str,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    let tree = read_files(
        root,
        files,
        customs_archive::Format::Zip,
        &folder_options(options),
    )
    .map_err(|e| archive_error(target, &e))?;
    Ok(judge_folder(target, tree, &format!("{name}.whl"), options))
}

fn archive_error(target: &str, e: &ArchiveError) -> ScanError {
    let kind = match e {
        ArchiveError::Io { .. } => ScanFailure::Other,
        _ => ScanFailure::Unreadable,
    };
    ScanError::new(target, kind, e.to_string())
}

/// How much of a report's profile to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profiling {
    /// None: the report's profile is empty (a scan that compares nothing).
    Skip,
    /// Digests only of the members the archive reader hashed (wheels' members).
    Listed,
    /// Digests of every member, to tell changed files apart.
    Hashed,
}

fn profiling(skip: bool, hash_all: bool) -> Profiling {
    if skip {
        Profiling::Skip
    } else if hash_all {
        Profiling::Hashed
    } else {
        Profiling::Listed
    }
}

/// Analyses a package and judges it.
#[must_use]
pub fn judge(
    target: &str,
    sha256: String,
    package: Package,
    profiling: Profiling,
) -> PackageReport {
    let analysis = analyze_package(&package);
    let profile = Arc::new(match profiling {
        Profiling::Skip => Profile::default(),
        Profiling::Listed => Profile::of(&package, &analysis, false),
        Profiling::Hashed => Profile::of(&package, &analysis, true),
    });
    let findings = check(&Input {
        package: &package,
        analysis: &analysis,
        popular: popular(),
    });
    let verdict = verdict(&findings);
    PackageReport {
        target: target.to_owned(),
        identity: package.identity.clone(),
        artifact: package.artifact,
        sha256,
        verdict,
        findings,
        notes: analysis.notes,
        files: package.files.len(),
        bytes: package.tree.total_bytes,
        incomplete: package.tree.incomplete.clone(),
        profile,
        source: None,
        history: None,
        ignored: Vec::new(),
    }
}

/// Scans every target in parallel, largest first (the largest archives dominate the
/// wall time), and returns the results in the targets' order.
///
/// Registry targets need `registry`; without one they fail with a clear error.
pub fn scan_all(
    targets: &[Target],
    options: &ScanOptions,
    registry: Option<&Registry>,
    progress: &dyn Progress,
) -> Vec<Result<PackageReport, ScanError>> {
    pool(options.jobs).install(|| scan_each(targets, options, registry, progress))
}

fn scan_each(
    targets: &[Target],
    options: &ScanOptions,
    registry: Option<&Registry>,
    progress: &dyn Progress,
) -> Vec<Result<PackageReport, ScanError>> {
    progress.start(targets.len());
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(targets[i].size));
    // One job per target (rayon would otherwise hand each thread a run of targets to go
    // through in turn, leaving the other thread idle while one inflates a large archive).
    // A registry release may give several reports (a wheel and an sdist).
    let mut results: Vec<(usize, Vec<Result<PackageReport, ScanError>>)> = order
        .par_iter()
        .with_max_len(1)
        .map(|&i| {
            let t = &targets[i];
            let r = match (&t.spec, registry) {
                (None, _) => match &t.installed {
                    Some(i) => vec![read_installed(
                        &t.display, &t.path, &i.files, &i.name, options,
                    )],
                    None => vec![read_path(&t.display, &t.path, options)],
                },
                (Some(spec), Some(registry)) => {
                    match scan_spec_files(registry, spec, options.file.as_deref(), options) {
                        Ok(reports) => reports.into_iter().map(Ok).collect(),
                        Err(e) => vec![Err(e)],
                    }
                }
                (Some(_), None) => vec![Err(ScanError::new(
                    &t.display,
                    ScanFailure::Other,
                    "registry targets need the registry client",
                ))],
            };
            progress.finished(&t.display);
            (i, r)
        })
        .collect();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().flat_map(|(_, r)| r).collect()
}
