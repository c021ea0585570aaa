//! Registry releases through the same pipeline as local files: resolve the release on
//! the configured index, download it into the verified cache, scan it, and judge it
//! against the release before it (the history rules), including a one-level scan of
//! the dependencies it adds.

use std::path::Path;
use std::sync::Arc;

use customs_ecosystem::Ecosystem;
use customs_history::{
    Changes, Comparison, DependencyCheck, DigestMismatch, ProvenanceInvalid, ReleaseContext,
    ReleaseFacts, compare, new_findings,
};
use customs_registry::{FileRef, Integrity, Project, Registry, Release, Spec, line_of, now};
use customs_rules::verdict;

use crate::ScanFailure;
use crate::{DiffReport, HistoryReport, ProvenanceCheck, ProvenanceStatus, SourceInfo};
use crate::{
    PackageReport, ScanError, ScanOptions, judge_streamed, pool, read_and_judge_file, read_path,
    read_streaming,
};

/// At most this many newly added dependencies are resolved and scanned per release.
const MAX_DEPENDENCY_SCANS: usize = 5;
/// Releases before the new one whose facts are read (publishers, provenance, cadence).
const EARLIER_RELEASES: usize = 30;

/// The trusted root (the one `customs db update-trust` verified, else the embedded one),
/// parsed once.
fn trusted_root() -> Option<&'static customs_verify::TrustedRoot> {
    static ROOT: std::sync::OnceLock<Option<customs_verify::TrustedRoot>> =
        std::sync::OnceLock::new();
    ROOT.get_or_init(|| customs_verify::TrustedRoot::current().ok())
        .as_ref()
}

/// The provenance of one file of a release, fetched from its index and verified against
/// `root` (and `expected`, when an identity is pinned): `verified`, `failed` (a complete
/// bundle failed a check, or the identity is not the pinned one), `incomplete` (no
/// complete bundle to check), `absent` (the index publishes provenance for other
/// releases, not this file) or `unknown` (the index does not say, or the document could
/// not be fetched). The one place registry provenance is verified: `scan` and `verify`
/// both come here.
#[must_use]
pub fn verify_provenance(
    registry: &Registry,
    project: &Project,
    release: &Release,
    file: &FileRef,
    artifact: &customs_verify::ArtifactDigests,
    root: &customs_verify::TrustedRoot,
    expected: &customs_verify::Expected,
) -> ProvenanceCheck {
    use customs_registry::Provenance;
    let check = |status: ProvenanceStatus, reason: String| ProvenanceCheck {
        status,
        identity: None,
        reason: Some(reason),
    };
    let url = match (&file.provenance, &release.provenance) {
        (Provenance::Present { url, .. }, _)
        | (Provenance::Unknown, Provenance::Present { url, .. }) => url,
        (Provenance::Absent, _) | (_, Provenance::Absent) => {
            return check(
                ProvenanceStatus::Absent,
                "the index publishes provenance for other releases of this project, not for this file".into(),
            );
        }
        _ => {
            return check(
                ProvenanceStatus::Unknown,
                "the index does not say whether this file has provenance".into(),
            );
        }
    };
    let Some(url) = url else {
        return check(
            ProvenanceStatus::Unknown,
            "the index says there is provenance but not where".into(),
        );
    };
    let doc = match registry.provenance_document(project, url) {
        Ok(d) => d,
        Err(e) => {
            return check(
                ProvenanceStatus::Unknown,
                format!("the provenance could not be fetched: {e}"),
            );
        }
    };
    let bundles = match project.ecosystem {
        customs_ecosystem::Ecosystem::Npm => {
            customs_verify::bundle_from_npm_attestations(&doc).map(|b| b.into_iter().collect())
        }
        customs_ecosystem::Ecosystem::Pypi => customs_verify::bundles_from_pep740(&doc),
    };
    let bundles: Vec<Vec<u8>> = match bundles {
        Ok(b) => b,
        Err(e) => return check(ProvenanceStatus::Failed, e.0),
    };
    if bundles.is_empty() {
        return check(
            ProvenanceStatus::Incomplete,
            "the provenance document holds no bundle".into(),
        );
    }
    let mut last: Option<customs_verify::Failure> = None;
    for b in &bundles {
        match customs_verify::verify_expecting(artifact, b, root, expected) {
            Ok(id) => {
                return ProvenanceCheck {
                    status: ProvenanceStatus::Verified,
                    identity: Some(id),
                    reason: None,
                };
            }
            // A complete bundle's failure outranks an incomplete one's.
            Err(e)
                if last
                    .as_ref()
                    .is_none_or(customs_verify::Failure::is_incomplete) =>
            {
                last = Some(e);
            }
            Err(_) => {}
        }
    }
    let last = last.unwrap_or_else(|| customs_verify::Failure::of("no bundle"));
    if last.is_incomplete() {
        check(ProvenanceStatus::Incomplete, last.0)
    } else {
        check(ProvenanceStatus::Failed, last.0)
    }
}

/// Scans one registry release (with its history unless `options.history` is off).
///
/// # Errors
/// When the index cannot be read, the release does not exist, or its artifact cannot
/// be downloaded or read.
pub fn scan_spec(
    registry: &Registry,
    spec: &Spec,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    // What waits on the index stays on the caller's thread (see `scan_release`).
    scan_spec_inner(registry, spec, options, true)
}

/// Scans the files of one registry release that an installer may take (see
/// [`Release::installer_files`]: for PyPI the wheel for this platform and the sdist),
/// or the one named `file`: one report per file, each saying in its `source` which file
/// it read.
///
/// # Errors
/// When the index cannot be read, the release or the named file does not exist, or
/// a file cannot be downloaded or read.
pub fn scan_spec_files(
    registry: &Registry,
    spec: &Spec,
    file: Option<&str>,
    options: &ScanOptions,
) -> Result<Vec<PackageReport>, ScanError> {
    // What waits on the index stays on the caller's thread (see `scan_release`).
    let target = spec.to_string();
    let (project, version) = registry.resolve(spec).map_err(|e| error(&target, e))?;
    let release = project.release(&version).ok_or_else(|| {
        unlisted(
            &target,
            format!("{version} is not a release of {}", project.name),
        )
    })?;
    let names: Vec<String> = match file {
        Some(name) => {
            if !release.files.iter().any(|f| f.file_name == name) {
                return Err(unlisted(
                    &target,
                    format!(
                        "{} {version} has no file {name} (its files: {})",
                        project.name,
                        release
                            .files
                            .iter()
                            .map(|f| f.file_name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            vec![name.to_owned()]
        }
        None => release
            .installer_files()
            .into_iter()
            .map(|f| f.file_name.clone())
            .collect(),
    };
    names
        .iter()
        .map(|name| scan_release_inner(registry, &project, &version, Some(name), options, true))
        .collect()
}

fn error(target: &str, e: customs_registry::RegistryError) -> ScanError {
    crate::registry_error(target, &e)
}

/// A release or file the index does not list.
fn unlisted(target: &str, message: String) -> ScanError {
    ScanError::new(target, ScanFailure::NotListed, message)
}

/// The facts of a release, with the builder identity read when `builder` is set.
pub(crate) fn facts(
    registry: &Registry,
    project: &Project,
    release: &Release,
    builder: bool,
) -> ReleaseFacts {
    ReleaseFacts {
        version: release.version.clone(),
        uploaded: release.uploaded,
        line: line_of(project.ecosystem, &release.version).key,
        provenance: release.provenance.clone(),
        builder: if builder {
            registry.publisher(project, &release.provenance)
        } else {
            None
        },
        publisher: release.publisher.clone(),
        maintainers: release.maintainers.clone(),
        trust: release.trust,
    }
}

/// The file of `release` most like `like` (same kind: sdist with sdist, wheel with wheel),
/// else its preferred file: the file a release's scan is compared with in the one before.
#[must_use]
pub fn matching_file<'a>(release: &'a Release, like: &FileRef) -> Option<&'a FileRef> {
    let kind = |n: &str| {
        let n = n.to_ascii_lowercase();
        if n.ends_with(".whl") {
            0
        } else if n.ends_with(".tgz") || n.ends_with(".tar.gz") {
            1
        } else {
            2
        }
    };
    let want = kind(&like.file_name);
    release
        .files
        .iter()
        .find(|f| kind(&f.file_name) == want && (!f.yanked || release.yanked))
        .or_else(|| release.preferred_file())
}

/// Downloads and scans one file of a release.
fn scan_file(
    registry: &Registry,
    project: &Project,
    release: &Release,
    file: &FileRef,
    target: &str,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    // Streamed to disk, a large artifact is never held whole; a tar stream is read and
    // its code analysed while it arrives, and the tree read is that of the finished
    // file's bytes (one try's, in order). A zip, or a stream that could not be followed
    // to its end, is read from the finished file.
    let streamed = std::sync::Mutex::new(None);
    let fetched = registry
        .fetch_file_following(project, file, &|reader| {
            let tree = read_streaming(reader, &file.file_name, options);
            *streamed
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = tree;
        })
        .map_err(|e| error(target, e))?;
    let streamed = streamed
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut report = match streamed {
        Some(tree) => judge_streamed(
            target,
            fetched.sha256.clone(),
            tree,
            &file.file_name,
            options,
        ),
        None => pool(options.jobs).install(|| {
            read_and_judge_file(
                target,
                &file.file_name,
                &fetched.file,
                Some(&fetched.sha256),
                options,
            )
        })?,
    };
    if let Integrity::Mismatch {
        algorithm,
        expected,
        actual,
    } = &fetched.integrity
    {
        report.add_findings([DigestMismatch::finding(
            &file.file_name,
            algorithm,
            expected,
            actual,
        )]);
    }
    let provenance = match (&file.provenance, trusted_root()) {
        (customs_registry::Provenance::Present { .. }, Some(root)) => {
            let digests = {
                use std::io::Seek;
                let mut reader = &fetched.file;
                reader
                    .rewind()
                    .and_then(|()| customs_verify::ArtifactDigests::of_reader(reader))
            };
            Some(match digests {
                Ok(digests) => verify_provenance(
                    registry,
                    project,
                    release,
                    file,
                    &digests,
                    root,
                    &customs_verify::Expected::default(),
                ),
                Err(e) => ProvenanceCheck {
                    status: ProvenanceStatus::Unknown,
                    identity: None,
                    reason: Some(format!("the artifact could not be read again: {e}")),
                },
            })
        }
        (customs_registry::Provenance::Present { .. }, None) => Some(ProvenanceCheck {
            status: ProvenanceStatus::Unknown,
            identity: None,
            reason: Some("the trusted root could not be read".into()),
        }),
        _ => None,
    };
    if let Some(ProvenanceCheck {
        status: ProvenanceStatus::Failed,
        reason: Some(reason),
        ..
    }) = &provenance
    {
        report.add_findings([ProvenanceInvalid::finding(&file.file_name, reason)]);
    }
    report.source = Some(SourceInfo {
        ecosystem: project.ecosystem,
        package: project.name.clone(),
        index: project.index.clone(),
        url: customs_registry::redact(&file.url),
        file_name: file.file_name.clone(),
        integrity: fetched.integrity,
        from_cache: fetched.from_cache,
        release: facts(registry, project, release, false),
        provenance,
    });
    Ok(report)
}

fn scan_spec_inner(
    registry: &Registry,
    spec: &Spec,
    options: &ScanOptions,
    with_dependencies: bool,
) -> Result<PackageReport, ScanError> {
    let target = spec.to_string();
    let (project, version) = registry.resolve(spec).map_err(|e| error(&target, e))?;
    scan_release_inner(
        registry,
        &project,
        &version,
        None,
        options,
        with_dependencies,
    )
}

/// The file of a release a scan of `file_name` (the preferred one when `None`) reads,
/// and the file of the release before it on its line that the history compares it
/// with (`None` for a first release): the two the judgement depends on.
pub(crate) fn judged_files<'a>(
    project: &'a Project,
    version: &str,
    file_name: Option<&str>,
) -> Option<(&'a FileRef, Option<&'a FileRef>)> {
    let release = project.release(version)?;
    let file = match file_name {
        Some(name) => release.files.iter().find(|f| f.file_name == name),
        None => release.preferred_file(),
    }?;
    let previous = match project.line_predecessor(version) {
        Some(p) => Some(matching_file(p, file)?),
        None => None,
    };
    Some((file, previous))
}

/// Scans one file of a release (the preferred one when `file_name` is `None`), with
/// its history unless `options.history` is off. The proxy scans exactly the file a
/// client asks for.
///
/// # Errors
/// When the release or the file does not exist, or the file cannot be downloaded or
/// read.
pub fn scan_release(
    registry: &Registry,
    project: &Project,
    version: &str,
    file_name: Option<&str>,
    options: &ScanOptions,
) -> Result<PackageReport, ScanError> {
    // On the caller's thread: what waits on the index (documents, downloads) is not
    // held to the analysis threads, of which there are only as many as cores; the
    // reading and judging of each artifact goes to them (`scan_file`).
    scan_release_inner(registry, project, version, file_name, options, true)
}

fn scan_release_inner(
    registry: &Registry,
    project: &Project,
    version: &str,
    file_name: Option<&str>,
    options: &ScanOptions,
    with_dependencies: bool,
) -> Result<PackageReport, ScanError> {
    match &options.judgements {
        Some(kept) => kept.judge(registry, project, version, file_name, options, || {
            scan_release_fresh(
                registry,
                project,
                version,
                file_name,
                options,
                with_dependencies,
            )
        }),
        None => scan_release_fresh(
            registry,
            project,
            version,
            file_name,
            options,
            with_dependencies,
        ),
    }
}

/// Reads and judges one file of a release, whatever was judged before.
fn scan_release_fresh(
    registry: &Registry,
    project: &Project,
    version: &str,
    file_name: Option<&str>,
    options: &ScanOptions,
    with_dependencies: bool,
) -> Result<PackageReport, ScanError> {
    let target = match project.ecosystem {
        Ecosystem::Pypi => format!("pypi:{}=={version}", project.name),
        Ecosystem::Npm => format!("npm:{}@{version}", project.name),
    };
    let version = version.to_owned();
    let release = project.release(&version).ok_or_else(|| {
        unlisted(
            &target,
            format!("{version} is not a release of {}", project.name),
        )
    })?;
    let file = match file_name {
        Some(name) => release.files.iter().find(|f| f.file_name == name),
        None => release.preferred_file(),
    }
    .ok_or_else(|| {
        unlisted(
            &target,
            format!("{} {version} has no such downloadable file", project.name),
        )
    })?;
    let display = match project.ecosystem {
        Ecosystem::Pypi => format!("pypi:{}=={version}", project.name),
        Ecosystem::Npm => format!("npm:{}@{version}", project.name),
    };
    let options = ScanOptions {
        hash_all: options.hash_all || options.history,
        skip_profile: false,
        ..options.clone()
    };
    let mut report = scan_file(registry, project, release, file, &display, &options)?;
    if !options.history {
        return Ok(report);
    }
    let Some(previous) = project.line_predecessor(&version) else {
        report.history = Some(HistoryReport {
            compared_with: None,
            previous_upload: None,
            changes: Changes::default(),
            dependencies: Vec::new(),
            note: Some(format!(
                "{version} is the first release of {}: nothing to compare",
                project.name
            )),
            builder: registry.publisher(project, &release.provenance),
        });
        return Ok(report);
    };
    let old_file = matching_file(previous, file).ok_or_else(|| {
        ScanError::new(
            &target,
            ScanFailure::Other,
            format!("{} {} has no files", project.name, previous.version),
        )
    })?;
    let old_target = match project.ecosystem {
        Ecosystem::Pypi => format!("pypi:{}=={}", project.name, previous.version),
        Ecosystem::Npm => format!("npm:{}@{}", project.name, previous.version),
    };
    let old = scan_file(registry, project, previous, old_file, &old_target, &options)?;
    let mut context = release_context(registry, project, release, Some(previous));
    let added: Vec<(String, String)> = Changes::between(&old.profile, &report.profile)
        .added_dependencies()
        .map(|(n, s)| (n.to_owned(), s.to_owned()))
        .collect();
    if with_dependencies {
        context.dependencies = check_dependencies(registry, project.ecosystem, &added, &options);
    }
    let comparison = compare(&old.profile, &report.profile, &context);
    attach(&mut report, &old, comparison, &context, project, &version);
    Ok(report)
}

fn attach(
    report: &mut PackageReport,
    old: &PackageReport,
    comparison: Comparison,
    context: &ReleaseContext,
    project: &Project,
    version: &str,
) {
    let previous_upload = project
        .previous_upload(version)
        .map(|r| r.version.clone())
        .filter(|v| Some(v) != context.old.as_ref().map(|o| &o.version));
    if let Some(source) = &mut report.source
        && let Some(new) = &context.new
    {
        source.release = new.clone();
    }
    report.add_findings(comparison.findings);
    report.history = Some(HistoryReport {
        compared_with: Some(old.identity.version.clone()).filter(|v| !v.is_empty()),
        previous_upload,
        changes: comparison.changes,
        dependencies: context.dependencies.clone(),
        note: None,
        builder: context.new.as_ref().and_then(|n| n.builder.clone()),
    });
}

/// What the registry says around `release`.
fn release_context(
    registry: &Registry,
    project: &Project,
    release: &Release,
    previous: Option<&Release>,
) -> ReleaseContext {
    let eco = project.ecosystem;
    let earlier: Vec<ReleaseFacts> = project
        .earlier_uploads(&release.version)
        .into_iter()
        .take(EARLIER_RELEASES)
        .map(|r| facts(registry, project, r, false))
        .collect();
    let newest_line = project
        .releases
        .iter()
        .rev()
        .map(|r| line_of(eco, &r.version))
        .find(|l| !l.prerelease)
        .map(|l| l.key);
    ReleaseContext {
        old: previous.map(|p| facts(registry, project, p, true)),
        new: Some(facts(registry, project, release, true)),
        earlier,
        timeline: project
            .releases
            .iter()
            .filter_map(|r| Some((r.version.clone(), line_of(eco, &r.version).key, r.uploaded?)))
            .collect(),
        newest_line,
        dependencies: Vec::new(),
        now: release.uploaded.unwrap_or_else(now),
    }
}

/// Resolves and scans the dependencies a release adds, one level deep.
fn check_dependencies(
    registry: &Registry,
    ecosystem: Ecosystem,
    added: &[(String, String)],
    options: &ScanOptions,
) -> Vec<DependencyCheck> {
    let options = ScanOptions {
        history: false,
        skip_profile: false,
        ..options.clone()
    };
    added
        .iter()
        .take(MAX_DEPENDENCY_SCANS)
        .map(|(name, requirement)| {
            let mut check = DependencyCheck {
                name: name.clone(),
                version: None,
                first_published: None,
                published: None,
                install_scripts: Vec::new(),
                verdict: None,
                top_finding: None,
                error: None,
            };
            if requirement.starts_with('@') || requirement.contains("://") {
                check.error = Some(format!("{requirement} is not a registry requirement"));
                return check;
            }
            let spec = Spec {
                ecosystem,
                name: name.clone(),
                version: Some(requirement.clone()).filter(|r| !r.trim().is_empty()),
            };
            match registry.resolve(&spec) {
                Ok((project, version)) => {
                    check.first_published = project.first_upload();
                    if let Some(r) = project.release(&version) {
                        check.published = r.uploaded;
                        check.install_scripts.clone_from(&r.install_scripts);
                    }
                    check.version = Some(version);
                }
                Err(e) => {
                    check.error = Some(e.to_string());
                    return check;
                }
            }
            match scan_spec_inner(registry, &spec, &options, false) {
                Ok(report) => {
                    check.verdict = Some(report.verdict.level);
                    check.top_finding = report
                        .findings
                        .first()
                        .map(|f| format!("{}: {}", f.rule, f.message));
                    for hook in report
                        .profile
                        .hooks
                        .keys()
                        .filter_map(|h| h.strip_prefix("npm "))
                    {
                        if customs_registry::REGISTRY_INSTALL_HOOKS.contains(&hook)
                            && !check.install_scripts.iter().any(|s| s == hook)
                        {
                            check.install_scripts.push(hook.to_owned());
                        }
                    }
                }
                Err(e) => check.error = Some(e.message),
            }
            check
        })
        .collect()
}

/// A source for `diff`: a local artifact or folder, or a registry release.
#[derive(Debug)]
pub struct Loaded {
    /// The scan.
    pub report: PackageReport,
    /// The project page, for registry sources.
    pub project: Option<Arc<Project>>,
}

/// The kind of a release's file that `diff` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The wheel for this platform.
    Wheel,
    /// The sdist (or the npm tarball).
    Sdist,
}

impl FileKind {
    /// `wheel` or `sdist`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wheel => "wheel",
            Self::Sdist => "sdist",
        }
    }

    fn of(file: &FileRef) -> Self {
        if file.file_name.to_ascii_lowercase().ends_with(".whl") {
            Self::Wheel
        } else {
            Self::Sdist
        }
    }

    /// The file of this kind an installer would take from `release`.
    fn pick(self, release: &Release) -> Option<&FileRef> {
        release
            .installer_files()
            .into_iter()
            .find(|f| Self::of(f) == self)
    }
}

/// The kinds of file an installer may take of the release `source` names (for PyPI
/// the wheel for this platform and the sdist, whichever exist); empty for a local
/// source.
///
/// # Errors
/// When the release cannot be resolved.
pub fn release_kinds(
    source: &str,
    registry: Option<&Registry>,
) -> Result<Vec<FileKind>, ScanError> {
    let (Some(Ok(spec)), Some(registry)) = (Spec::parse(source), registry) else {
        return Ok(Vec::new());
    };
    let (project, version) = registry.resolve(&spec).map_err(|e| error(source, e))?;
    Ok(project
        .release(&version)
        .map(|r| r.installer_files().into_iter().map(FileKind::of).collect())
        .unwrap_or_default())
}

/// Reads and scans a source for `diff` (no history of its own).
///
/// # Errors
/// As [`scan_spec`] and `scan_path`.
pub fn load_source(
    source: &str,
    registry: Option<&Registry>,
    options: &ScanOptions,
) -> Result<Loaded, ScanError> {
    load_source_file(source, registry, None, options)
}

/// As [`load_source`], reading the file of kind `kind` of a registry release (the
/// preferred file when `None`, or when the release has no file of that kind).
///
/// # Errors
/// As [`scan_spec`] and `scan_path`.
pub fn load_source_file(
    source: &str,
    registry: Option<&Registry>,
    kind: Option<FileKind>,
    options: &ScanOptions,
) -> Result<Loaded, ScanError> {
    // A kept judgement holds no full profile, which a comparison needs.
    let options = ScanOptions {
        hash_all: true,
        history: false,
        skip_profile: false,
        judgements: None,
        ..options.clone()
    };
    match Spec::parse(source) {
        Some(Ok(spec)) => {
            let registry = registry.ok_or_else(|| {
                ScanError::new(
                    source,
                    ScanFailure::Other,
                    "registry sources need the registry client",
                )
            })?;
            let (project, version) = registry.resolve(&spec).map_err(|e| error(source, e))?;
            let file = project
                .release(&version)
                .and_then(|r| kind.and_then(|k| k.pick(r)))
                .map(|f| f.file_name.clone());
            let report = scan_release(registry, &project, &version, file.as_deref(), &options)?;
            Ok(Loaded {
                report,
                project: Some(project),
            })
        }
        Some(Err(message)) => Err(ScanError::new(source, ScanFailure::Other, message)),
        None => {
            let path = Path::new(source);
            if !path.exists() {
                return Err(ScanError::new(
                    source,
                    ScanFailure::Other,
                    "no such file or folder",
                ));
            }
            let report = pool(options.jobs).install(|| read_path(source, path, &options))?;
            Ok(Loaded {
                report,
                project: None,
            })
        }
    }
}

/// Compares two loaded sources. Registry facts (provenance, publishers, cadence) are
/// used when both are releases of the same registry project; added dependencies are
/// checked when a registry client is given.
#[must_use]
pub fn diff(
    old: Loaded,
    new: Loaded,
    registry: Option<&Registry>,
    options: &ScanOptions,
) -> DiffReport {
    let mut context = ReleaseContext {
        now: now(),
        ..ReleaseContext::default()
    };
    if let (Some(op), Some(np), Some(registry)) = (&old.project, &new.project, registry)
        && Arc::ptr_eq(op, np)
        && let (Some(o), Some(n)) = (
            op.release(&old.report.identity.version),
            np.release(&new.report.identity.version),
        )
    {
        context = release_context(registry, np, n, Some(o));
    }
    let ecosystem = new.report.identity.ecosystem;
    if let Some(registry) = registry {
        let added: Vec<(String, String)> =
            Changes::between(&old.report.profile, &new.report.profile)
                .added_dependencies()
                .map(|(n, s)| (n.to_owned(), s.to_owned()))
                .collect();
        let configured = match ecosystem {
            Ecosystem::Pypi => registry.config().pypi.is_some(),
            Ecosystem::Npm => registry.config().npm.is_some(),
        };
        if configured && !added.is_empty() {
            context.dependencies = pool(options.jobs)
                .install(|| check_dependencies(registry, ecosystem, &added, options));
        }
    }
    let comparison = compare(&old.report.profile, &new.report.profile, &context);
    let mut changes = comparison.findings;
    changes.extend(new_findings(
        &old.report.findings,
        &old.report.profile.root,
        &new.report.findings,
        &new.report.profile.root,
    ));
    // A release the store names as malicious is a malicious update, whatever the old
    // one was.
    for f in new
        .report
        .findings
        .iter()
        .filter(|f| f.rule == customs_history::KnownMalicious::META.id)
    {
        if !changes.contains(f) {
            changes.push(f.clone());
        }
    }
    customs_rules::sort_findings(&mut changes);
    DiffReport {
        verdict: verdict(&changes),
        old: old.report,
        new: new.report,
        changes,
        summary: comparison.changes,
        dependencies: context.dependencies,
        ignored: Vec::new(),
    }
}
