//! `customs verify`: integrity and provenance of registry releases and local artifacts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use customs_ecosystem::Ecosystem;
use customs_model::{
    IndexCheck, IntegrityCheck, LockfileCheck, ProvenanceOutcome as Outcome, SignatureCheck,
    VerifiedArtifact as Checked, VerifyReport,
};
use customs_registry::{Integrity, Registry, Spec};
use customs_verify::{Expected, TrustedRoot};
use sha2::Digest as _;

use crate::args::{VerifyArgs, VerifyFormat};

/// The digests of a local artifact.
fn computed(bytes: &[u8]) -> IntegrityCheck {
    IntegrityCheck::Computed {
        sha256: hex::encode(sha2::Sha256::digest(bytes)),
        sha512: hex::encode(sha2::Sha512::digest(bytes)),
    }
}

fn local(
    path: &str,
    bundle: Option<&std::path::Path>,
    root: &TrustedRoot,
    expected: &Expected,
) -> anyhow::Result<Checked> {
    let artifact = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
    let provenance = match bundle {
        Some(b) => {
            let bytes = std::fs::read(b).with_context(|| format!("cannot read {}", b.display()))?;
            match customs_verify::verify_expecting(
                &customs_verify::ArtifactDigests::of(&artifact),
                &bytes,
                root,
                expected,
            ) {
                Ok(id) => Outcome::Verified(id),
                Err(e) => Outcome::Failed(e.0),
            }
        }
        None => Outcome::Unknown("no bundle was given for a local artifact (--bundle)".into()),
    };
    Ok(Checked {
        target: path.to_owned(),
        ecosystem: None,
        name: None,
        version: None,
        integrity: computed(&artifact),
        provenance,
    })
}

/// The hashes a lockfile pins for a release, when it pins any.
type LockHashes<'a> = Option<&'a [customs_ecosystem::LockedHash]>;

/// The lockfile's verdict on fetched bytes: `verified` when one of its hashes is theirs.
fn lockfile_check(hashes: &[customs_ecosystem::LockedHash], bytes: &[u8]) -> LockfileCheck {
    let ours = [
        customs_registry::Digest::Sha256(hex::encode(sha2::Sha256::digest(bytes))),
        customs_registry::Digest::Sha512(hex::encode(sha2::Sha512::digest(bytes))),
    ];
    if ours.iter().any(|d| d.pinned_by(hashes)) {
        LockfileCheck::Verified
    } else {
        LockfileCheck::Mismatch
    }
}

fn from_registry(
    spec: &Spec,
    registry: &Registry,
    root: &TrustedRoot,
    expected: &Expected,
    locked: LockHashes<'_>,
) -> anyhow::Result<Vec<Checked>> {
    let (project, version) = registry.resolve(spec)?;
    let release = project
        .release(&version)
        .ok_or_else(|| anyhow::anyhow!("{spec}: no release {version}"))?;
    let mut out = Vec::new();
    // From a lockfile: the files it pins (by their index digests), else the one an
    // installer would take; otherwise every file of the release.
    let files: Vec<&customs_registry::FileRef> = match locked {
        Some(hashes) => {
            let pinned: Vec<_> = release
                .files
                .iter()
                .filter(|f| f.digest.as_ref().is_some_and(|d| d.pinned_by(hashes)))
                .collect();
            if pinned.is_empty() {
                release.preferred_file().into_iter().collect()
            } else {
                pinned
            }
        }
        None => release.files.iter().collect(),
    };
    for file in files {
        let fetched = registry.fetch(&project, file)?;
        let index = match &fetched.integrity {
            Integrity::Verified { algorithm, digest } => IndexCheck::Verified {
                algorithm: (*algorithm).to_owned(),
                expected: digest.clone(),
                sha256: hex::encode(sha2::Sha256::digest(&fetched.bytes)),
            },
            Integrity::Mismatch {
                algorithm,
                expected,
                actual,
            } => IndexCheck::Mismatch {
                algorithm: (*algorithm).to_owned(),
                expected: expected.clone(),
                actual: actual.clone(),
            },
            Integrity::Unchecked => IndexCheck::Unchecked,
        };
        let lockfile = locked
            .filter(|h| !h.is_empty())
            .map(|hashes| lockfile_check(hashes, &fetched.bytes));
        let integrity = IntegrityCheck::Registry {
            file: file.file_name.clone(),
            index,
            registry_signature: registry_signature(registry, &project, release, file),
            lockfile,
        };
        let check = customs_scan::verify_provenance(
            registry,
            &project,
            release,
            file,
            &customs_verify::ArtifactDigests::of(&fetched.bytes),
            root,
            expected,
        );
        let reason = check.reason.clone().unwrap_or_default();
        let provenance = match (check.status, check.identity) {
            (customs_scan::ProvenanceStatus::Verified, Some(id)) => Outcome::Verified(id),
            (customs_scan::ProvenanceStatus::Absent, _) => Outcome::Absent(reason),
            (customs_scan::ProvenanceStatus::Unknown, _) => Outcome::Unknown(reason),
            // Asked to verify, an incomplete bundle is a failure to verify.
            _ => Outcome::Failed(reason),
        };
        out.push(Checked {
            target: format!("{spec}"),
            ecosystem: Some(project.ecosystem),
            name: Some(project.name.clone()),
            version: Some(version.clone()),
            integrity,
            provenance,
        });
    }
    Ok(out)
}

/// The npm registry's own signature of a release: verified with the key the registry
/// publishes, failed, or unknown (no signature, or a registry that publishes no keys).
fn registry_signature(
    registry: &Registry,
    project: &customs_registry::Project,
    release: &customs_registry::Release,
    file: &customs_registry::FileRef,
) -> SignatureCheck {
    let unknown = |why: &str| SignatureCheck::Unknown(why.to_owned());
    if project.ecosystem != Ecosystem::Npm {
        return unknown("PyPI files carry no registry signature");
    }
    let (Some(integrity), false) = (&file.integrity, file.registry_signatures.is_empty()) else {
        return unknown("the registry document carries no signature for this release");
    };
    let keys = match registry.npm_keys(&project.name) {
        Ok(Some(k)) => k,
        Ok(None) => return unknown("the registry publishes no signing keys"),
        Err(e) => return unknown(&format!("the registry's keys could not be read: {e}")),
    };
    let sigs: Vec<(String, String)> = file
        .registry_signatures
        .iter()
        .map(|s| (s.keyid.clone(), s.sig.clone()))
        .collect();
    match customs_verify::npm_registry_signature(
        &project.name,
        &release.version,
        integrity,
        &sigs,
        &keys,
        release.uploaded,
    ) {
        Ok(keyid) => SignatureCheck::Verified(keyid),
        Err(e) => SignatureCheck::Failed(e.0),
    }
}

/// Every registry package a lockfile pins, checked against the lockfile's hashes too.
fn from_lockfile(
    path: &str,
    registry: &Registry,
    root: &TrustedRoot,
    expected: &Expected,
) -> anyhow::Result<Vec<Checked>> {
    let lock = customs_ecosystem::read_lockfile(std::path::Path::new(path))?;
    let mut out = Vec::new();
    for e in lock.entries.iter().filter(|e| e.source.is_none()) {
        let spec = match e.ecosystem {
            Ecosystem::Pypi => format!("pypi:{}=={}", e.name, e.version),
            Ecosystem::Npm => format!("npm:{}@{}", e.name, e.version),
        };
        let Some(Ok(spec)) = Spec::parse(&spec) else {
            anyhow::bail!("{path}:{}: {spec} is not a registry release", e.line);
        };
        let mut checked = from_registry(&spec, registry, root, expected, Some(&e.hashes))
            .with_context(|| format!("{path}:{}", e.line))?;
        for c in &mut checked {
            c.target = format!("{path}:{} {spec}", e.line);
        }
        out.extend(checked);
    }
    Ok(out)
}

pub(crate) fn verify_command(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let root = match &args.trusted_root {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            TrustedRoot::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        None => TrustedRoot::current().map_err(|e| anyhow::anyhow!(e))?,
    };
    if args.bundle.is_some() && args.sources.len() != 1 {
        anyhow::bail!("--bundle goes with exactly one local artifact");
    }
    let expected = Expected {
        repository: args.repository.clone(),
        workflow: args.workflow.clone(),
        issuer: args.issuer.clone(),
    };
    let mut registry: Option<Registry> = None;
    let mut checked = Vec::new();
    let mut errors = Vec::new();
    for source in &args.sources {
        let result = match Spec::parse(source) {
            Some(spec) => {
                let spec = spec.map_err(|e| anyhow::anyhow!(e))?;
                if args.bundle.is_some() {
                    anyhow::bail!("--bundle goes with a local artifact, not {source}");
                }
                if registry.is_none() {
                    registry = Some(args.registry.client()?);
                }
                match registry.as_ref() {
                    Some(r) => from_registry(&spec, r, &root, &expected, None),
                    None => continue,
                }
            }
            None if customs_ecosystem::LockKind::of(std::path::Path::new(source)).is_some()
                && args.bundle.is_none() =>
            {
                if registry.is_none() {
                    registry = Some(args.registry.client()?);
                }
                match registry.as_ref() {
                    Some(r) => from_lockfile(source, r, &root, &expected),
                    None => continue,
                }
            }
            None => local(source, args.bundle.as_deref(), &root, &expected).map(|c| vec![c]),
        };
        match result {
            Ok(c) => checked.extend(c),
            Err(e) => errors.push(format!("{source}: {e:#}")),
        }
    }
    let report = VerifyReport {
        packages: checked,
        errors,
    };
    let failed = report.failed(args.require_provenance);
    let out = match args.format {
        VerifyFormat::Json => customs_report::json_verify(&report),
        VerifyFormat::Text => customs_report::text_verify(&report),
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(if failed {
        ExitCode::from(1)
    } else if !report.errors.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
