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
mod kept;
mod registry;
mod target;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use customs_analyze::analyze_package;
use customs_archive::{
    ArchiveError, Limits, ReadOptions, read_archive, read_archive_file, read_archive_file_sha256,
    read_dir, read_files,
};
use customs_ecosystem::{Package, select};
use customs_history::Profile;
use customs_registry::Registry;
use customs_rules::{Input, Popular, check, verdict};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use audit::{AuditOptions, Known, audit, check_known, known_records, lock_errors};
pub use customs_outcome::{
    AuditCounts, AuditEntry, AuditReport, DecisionFacts, DiffReport, HistoryReport, LockRef,
    LockSummary, PackageReport, ProvenanceCheck, ProvenanceStatus, ScanError, ScanFailure,
    SourceInfo, install_scripts,
};
pub use kept::{Judgements, judgement_key};
pub use registry::{
    FileKind, Loaded, diff, load_source, load_source_file, matching_file, release_kinds,
    scan_release, scan_spec, scan_spec_files, verify_provenance,
};
pub use target::{Installed, Target, expand_targets};

/// A failure of the registry client, as a scan error of the kind it is.
#[must_use]
pub fn registry_error(target: &str, e: &customs_registry::RegistryError) -> ScanError {
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
    ScanError::new(target, kind, e.to_string())
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

/// The threads that read and analyse artifacts while they download (see
/// [`prepare_streaming`]). Apart from [`pool`]: a download runs on an analysis thread
/// and waits for its follower, so a follower waiting for an analysis thread could wait
/// for ever; these threads never wait for analysis threads.
fn stream_pool(jobs: usize) -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(ANALYSIS_STACK)
            .num_threads(jobs)
            .thread_name(|i| format!("customs-stream-{i}"))
            .build()
            .unwrap_or_else(|e| panic!("cannot start the streaming threads: {e}"))
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
    // The artifact's own digest: of bytes in memory, taken on another thread while they
    // are read; of a tar file, taken from the bytes its reader reads (the file is read
    // once); of a zip, read apart after its members.
    let digest = std::sync::OnceLock::new();
    let waiting = AtomicUsize::new(0);
    let tree = read_early(options, &waiting, |scope, read| match artifact {
        Artifact::Bytes(bytes) => {
            scope.spawn(|_| {
                digest.get_or_init(|| artifact.sha256());
            });
            read_archive(bytes, read)
        }
        Artifact::File(file, Some(_)) => read_archive_file(file, file_name, read),
        Artifact::File(file, None) => {
            read_archive_file_sha256(file, file_name, read).map(|(tree, hashed)| {
                if let Some(hashed) = hashed {
                    digest.get_or_init(|| Ok(hex::encode(hashed)));
                }
                tree
            })
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

/// Reads an archive with `read`, analysing its code files early: a tar stream is
/// inflated on one thread, member after member, and each code file is analysed on the
/// other threads as soon as it is read (the analysis cache hands the facts to
/// `analyze_package`), instead of after the whole stream. Copies waiting for a thread
/// are bounded: past [`EARLY_BYTES`], the reading thread analyses the member itself
/// before it reads on. `read` may start work of its own on the scope.
fn read_early<'s, T: Send>(
    options: &'s ScanOptions,
    waiting: &'s AtomicUsize,
    read: impl FnOnce(&rayon::Scope<'s>, &ReadOptions<'_>) -> T + Send,
) -> T {
    rayon::scope(|scope| {
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
            scope.spawn(move |_| {
                customs_analyze::prepare(&path, &text, digest);
                waiting.fetch_sub(text.len(), Ordering::Relaxed);
            });
        };
        let options = ReadOptions {
            limits: &options.limits,
            hash_all: options.hash_all,
            select: &select,
            on_member: Some(&early),
        };
        read(scope, &options)
    })
}

/// Reads an artifact while it downloads (a reader from
/// [`Registry::fetch_file_following`]), analysing its code files on the way, so that the
/// scan of the finished file finds their facts ready in the analysis cache instead of
/// analysing after the last byte. A zip needs its whole file and is left to that scan.
/// Nothing is decided here: what the reader gives is never checked against a digest,
/// only the finished file is, and that is what gets judged.
pub fn prepare_streaming(
    reader: &mut (dyn std::io::Read + Send),
    file_name: &str,
    options: &ScanOptions,
) {
    drop(read_streaming(reader, file_name, options));
}

/// The tree of an artifact read while it downloads, with its code analysed on the way
/// (see [`prepare_streaming`]); `None` when it could not be read front to back (a zip,
/// a broken or failed download, a corrupt stream): the finished file is read then, and
/// says what was wrong.
pub(crate) fn read_streaming(
    reader: &mut (dyn std::io::Read + Send),
    file_name: &str,
    options: &ScanOptions,
) -> Option<customs_archive::Tree> {
    /// Remembers whether the reader ever failed: the archive reader may take a failed
    /// read for the end of a truncated archive, which the finished file is not.
    struct Watched<'a> {
        inner: &'a mut (dyn std::io::Read + Send),
        failed: bool,
    }
    impl std::io::Read for Watched<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let read = self.inner.read(buf);
            self.failed |= read.is_err();
            read
        }
    }
    let waiting = AtomicUsize::new(0);
    let mut watched = Watched {
        inner: reader,
        failed: false,
    };
    let tree = stream_pool(options.jobs).install(|| {
        read_early(options, &waiting, |_, read| {
            customs_archive::read_archive_stream(&mut watched, file_name, read)
        })
    });
    match tree {
        Ok(Some(tree)) if !watched.failed => Some(tree),
        _ => None,
    }
}

/// Judges an artifact's tree read while it downloaded (see [`read_streaming`]); `sha256`
/// is that of the finished file, which holds exactly the bytes that were read.
pub(crate) fn judge_streamed(
    target: &str,
    sha256: String,
    tree: customs_archive::Tree,
    file_name: &str,
    options: &ScanOptions,
) -> PackageReport {
    pool(options.jobs).install(|| {
        judge(
            target,
            sha256,
            Package::from_tree(tree, file_name),
            profiling(options.skip_profile, options.hash_all),
        )
    })
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
        Profiling::Listed => customs_history::profile(&package, &analysis, false),
        Profiling::Hashed => customs_history::profile(&package, &analysis, true),
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
    scan_each(targets, options, registry, progress)
}

/// Registry targets scanned at once: each mostly waits on the index, and reads and
/// judges its artifacts on the analysis threads.
const REGISTRY_THREADS: usize = 16;

fn scan_each(
    targets: &[Target],
    options: &ScanOptions,
    registry: Option<&Registry>,
    progress: &dyn Progress,
) -> Vec<Result<PackageReport, ScanError>> {
    progress.start(targets.len());
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(targets[i].size));
    let (remote, local): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .partition(|&i| targets[i].spec.is_some() && registry.is_some());
    // A registry release may give several reports (a wheel and an sdist).
    let scan_one = |i: usize| {
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
    };
    let fetched = std::sync::Mutex::new(Vec::with_capacity(remote.len()));
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Vec<Result<PackageReport, ScanError>>)> =
        std::thread::scope(|scope| {
            // Registry targets wait on the index on threads of their own, not on the
            // analysis threads (of which there are only as many as cores).
            for _ in 0..REGISTRY_THREADS.min(remote.len()) {
                scope.spawn(|| {
                    while let Some(&i) = remote.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let done = scan_one(i);
                        fetched
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push(done);
                    }
                });
            }
            // Local targets: one job each on the analysis threads (rayon would otherwise
            // hand each thread a run of targets to go through in turn, leaving the other
            // thread idle while one inflates a large archive).
            pool(options.jobs).install(|| {
                local
                    .par_iter()
                    .with_max_len(1)
                    .map(|&i| scan_one(i))
                    .collect()
            })
        });
    results.extend(
        fetched
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().flat_map(|(_, r)| r).collect()
}

#[cfg(test)]
mod streaming_tests {
    use super::*;

    /// A fixture folder packed as an npm tarball, in memory.
    fn packed(name: &str) -> Vec<u8> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(name);
        let mut b = tar::Builder::new(flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        ));
        b.append_dir_all("package", dir).expect("pack");
        b.into_inner().expect("tar").finish().expect("gzip")
    }

    /// Hands out at most 700 bytes a read, as a download arrives in pieces.
    struct Trickle<'a>(&'a [u8]);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.0.len()).min(700);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// An artifact read while it streams is judged exactly as the finished file is.
    #[test]
    fn a_tarball_read_as_it_streams_is_judged_as_its_file() {
        let options = ScanOptions::default();
        for name in ["malicious-npm-postinstall-dropper", "benign-py-pth-hook"] {
            let bytes = packed(name);
            let file_name = format!("{name}-1.0.0.tgz");
            let whole = scan_artifact(name, &file_name, &bytes, &options).expect("scans");
            let tree = read_streaming(&mut Trickle(&bytes), &file_name, &options)
                .expect("a tarball is read front to back");
            let streamed = judge_streamed(name, whole.sha256.clone(), tree, &file_name, &options);
            assert_eq!(streamed.verdict, whole.verdict, "{name}");
            assert_eq!(streamed.files, whole.files, "{name}");
            assert_eq!(streamed.bytes, whole.bytes, "{name}");
            let ids = |r: &PackageReport| {
                r.findings
                    .iter()
                    .map(|f| format!("{} {} {}", f.rule, f.severity, f.message))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&streamed), ids(&whole), "{name}");
            assert!(!whole.findings.is_empty() || name.starts_with("benign"));
        }
    }

    /// A zip keeps its directory at its end: it is left to the finished file; a stream
    /// that breaks off is no tree either (the finished file's read says what is wrong).
    #[test]
    fn a_zip_or_a_broken_stream_is_left_to_the_finished_file() {
        let options = ScanOptions::default();
        // A zip is known by its leading signature; nothing past it is read.
        let zip = [b"PK\x03\x04".as_slice(), &[0u8; 600]].concat();
        assert!(
            read_streaming(&mut Trickle(&zip), "demo-1.0-py3-none-any.whl", &options).is_none()
        );
        // A download that breaks off half way: the reader fails there.
        struct Broken<'a>(Trickle<'a>);
        impl std::io::Read for Broken<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                match self.0.read(buf)? {
                    0 => Err(std::io::Error::other("the download broke off")),
                    n => Ok(n),
                }
            }
        }
        let bytes = packed("malicious-npm-postinstall-dropper");
        let half = Trickle(&bytes[..bytes.len() / 2]);
        assert!(read_streaming(&mut Broken(half), "x-1.0.0.tgz", &options).is_none());
    }
}
