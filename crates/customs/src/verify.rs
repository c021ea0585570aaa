//! `customs verify`: integrity and provenance of registry releases and local artifacts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use customs_ecosystem::Ecosystem;
use customs_registry::{Integrity, Registry, Spec};
use customs_verify::{Expected, Identity, TrustedRoot};
use serde_json::{Value, json};
use sha2::Digest as _;

use crate::args::{VerifyArgs, VerifyFormat};

/// What was found about one artifact.
struct Checked {
    target: String,
    ecosystem: Option<Ecosystem>,
    name: Option<String>,
    version: Option<String>,
    integrity: Value,
    integrity_failed: bool,
    provenance: Outcome,
}

enum Outcome {
    Verified(Identity),
    Failed(String),
    Absent(String),
    Unknown(String),
}

impl Outcome {
    fn json(&self) -> Value {
        let (status, id, reason) = match self {
            Self::Verified(id) => ("verified", Some(id), None),
            Self::Failed(r) => ("failed", None, Some(r)),
            Self::Absent(r) => ("absent", None, Some(r)),
            Self::Unknown(r) => ("unknown", None, Some(r)),
        };
        json!({
            "status": status,
            "issuer": id.and_then(|i| i.issuer.clone()),
            "identity": id.and_then(|i| i.identity.clone()),
            "repository": id.and_then(|i| i.repository.clone()),
            "workflow": id.and_then(|i| i.workflow.clone()),
            "ref": id.and_then(|i| i.git_ref.clone()),
            "commit": id.and_then(|i| i.commit.clone()),
            "trigger": id.and_then(|i| i.trigger.clone()),
            "log_index": id.and_then(|i| i.log_index),
            "integrated_time": id.and_then(|i| i.integrated_time).map(customs_registry::format_rfc3339),
            "reason": reason,
        })
    }
}

fn computed(bytes: &[u8]) -> Value {
    json!({
        "status": "computed",
        "sha256": hex::encode(sha2::Sha256::digest(bytes)),
        "sha512": hex::encode(sha2::Sha512::digest(bytes)),
        "expected": null,
        "reason": null,
    })
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
        integrity_failed: false,
        provenance,
    })
}

/// The hashes a lockfile pins for a release, when it pins any.
type LockHashes<'a> = Option<&'a [customs_ecosystem::LockedHash]>;

/// The lockfile's verdict on fetched bytes: `verified` when one of its hashes is theirs.
fn lockfile_check(hashes: &[customs_ecosystem::LockedHash], bytes: &[u8]) -> (Value, bool) {
    let ours = [
        customs_registry::Digest::Sha256(hex::encode(sha2::Sha256::digest(bytes))),
        customs_registry::Digest::Sha512(hex::encode(sha2::Sha512::digest(bytes))),
    ];
    let matched = ours.iter().any(|d| d.pinned_by(hashes));
    if matched {
        (json!({"status": "verified", "reason": null}), false)
    } else {
        (
            json!({"status": "mismatch",
                   "reason": "none of the lockfile's hashes for this release is the downloaded file's"}),
            true,
        )
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
        let (integrity, integrity_failed) = match &fetched.integrity {
            Integrity::Verified { algorithm, digest } => (
                json!({"status": "verified", "algorithm": algorithm, "expected": digest, "reason": null,
                       "sha256": hex::encode(sha2::Sha256::digest(&fetched.bytes))}),
                false,
            ),
            Integrity::Mismatch {
                algorithm,
                expected,
                actual,
            } => (
                json!({"status": "mismatch", "algorithm": algorithm, "expected": expected,
                       "reason": format!("the download's {algorithm} is {actual}, the index lists {expected}")}),
                true,
            ),
            Integrity::Unchecked => (
                json!({"status": "unchecked", "expected": null,
                       "reason": "the index lists no digest for this file"}),
                false,
            ),
        };
        let (registry_signature, signature_failed) =
            registry_signature(registry, &project, release, file);
        let integrity = match integrity {
            Value::Object(mut m) => {
                m.insert("registry_signature".into(), registry_signature);
                Value::Object(m)
            }
            other => other,
        };
        let (integrity, lock_failed) = match locked.filter(|h| !h.is_empty()) {
            Some(hashes) => {
                let (check, failed) = lockfile_check(hashes, &fetched.bytes);
                let mut integrity = integrity;
                if let Value::Object(m) = &mut integrity {
                    m.insert("lockfile".into(), check);
                }
                (integrity, failed)
            }
            None => (integrity, false),
        };
        let integrity_failed = integrity_failed || signature_failed || lock_failed;
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
            integrity: with_file(integrity, &file.file_name),
            integrity_failed,
            provenance,
        });
    }
    Ok(out)
}

/// `integrity` with the file's name first.
fn with_file(integrity: Value, file: &str) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("file".into(), json!(file));
    if let Value::Object(fields) = integrity {
        out.extend(fields);
    }
    Value::Object(out)
}

/// The npm registry's own signature of a release: verified with the key the registry
/// publishes, failed, or unknown (no signature, or a registry that publishes no keys).
fn registry_signature(
    registry: &Registry,
    project: &customs_registry::Project,
    release: &customs_registry::Release,
    file: &customs_registry::FileRef,
) -> (Value, bool) {
    let unknown = |why: &str| {
        (
            json!({"status": "unknown", "keyid": null, "reason": why}),
            false,
        )
    };
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
        Ok(keyid) => (
            json!({"status": "verified", "keyid": keyid, "reason": null}),
            false,
        ),
        Err(e) => (
            json!({"status": "failed", "keyid": null, "reason": e.0}),
            true,
        ),
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
    let failed = checked.iter().any(|c| {
        c.integrity_failed
            || matches!(c.provenance, Outcome::Failed(_))
            || (args.require_provenance && !matches!(c.provenance, Outcome::Verified(_)))
    });
    let out = match args.format {
        VerifyFormat::Json => {
            let packages: Vec<Value> = checked
                .iter()
                .map(|c| {
                    json!({
                        "target": c.target, "ecosystem": c.ecosystem.map(|e| e.as_str()),
                        "name": c.name, "version": c.version,
                        "integrity": c.integrity, "provenance": c.provenance.json(),
                    })
                })
                .collect();
            format!(
                "{}\n",
                serde_json::to_string_pretty(&json!({"packages": packages, "errors": errors}))
                    .unwrap_or_default()
            )
        }
        VerifyFormat::Text => {
            let mut out = String::new();
            for c in &checked {
                let file = c.integrity["file"]
                    .as_str()
                    .map(|f| format!(" ({f})"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{}{file}: integrity {}{}\n",
                    c.target,
                    c.integrity["status"].as_str().unwrap_or("?"),
                    c.integrity["reason"]
                        .as_str()
                        .map(|r| format!(" — {r}"))
                        .unwrap_or_default()
                ));
                let rs = &c.integrity["registry_signature"];
                if rs["status"] != "unknown" && !rs.is_null() {
                    out.push_str(&format!(
                        "  registry signature {}{}\n",
                        rs["status"].as_str().unwrap_or("?"),
                        rs["reason"]
                            .as_str()
                            .map(|r| format!(" — {r}"))
                            .unwrap_or_default()
                    ));
                }
                match &c.provenance {
                    Outcome::Verified(id) => {
                        out.push_str("  provenance verified\n");
                        for (k, v) in [
                            ("issuer", &id.issuer),
                            ("identity", &id.identity),
                            ("repository", &id.repository),
                            ("workflow", &id.workflow),
                            ("ref", &id.git_ref),
                            ("commit", &id.commit),
                            ("trigger", &id.trigger),
                        ] {
                            if let Some(v) = v {
                                out.push_str(&format!("    {k:<11} {v}\n"));
                            }
                        }
                        if let (Some(i), Some(t)) = (id.log_index, id.integrated_time) {
                            out.push_str(&format!(
                                "    {:<11} {i}, integrated {}\n",
                                "log entry",
                                customs_registry::format_rfc3339(t)
                            ));
                        }
                    }
                    Outcome::Failed(r) => out.push_str(&format!("  provenance FAILED: {r}\n")),
                    Outcome::Absent(r) => out.push_str(&format!("  provenance absent: {r}\n")),
                    Outcome::Unknown(r) => out.push_str(&format!("  provenance unknown: {r}\n")),
                }
            }
            for e in &errors {
                out.push_str(&format!("error: {e}\n"));
            }
            out
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(if failed {
        ExitCode::from(1)
    } else if !errors.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
