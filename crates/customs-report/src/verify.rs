//! `customs verify`'s report: text for people, JSON for machines (`docs/json.md`).

use std::fmt::Write as _;

use customs_model::{
    IndexCheck, IntegrityCheck, LockfileCheck, ProvenanceOutcome, SignatureCheck, VerifiedArtifact,
    VerifyReport, format_rfc3339,
};
use serde_json::{Value, json};

/// The report as JSON: `{"packages": [...], "errors": [...]}`, ending in a new line.
#[must_use]
pub fn json_verify(report: &VerifyReport) -> String {
    let packages: Vec<Value> = report.packages.iter().map(package_json).collect();
    format!(
        "{}\n",
        serde_json::to_string_pretty(&json!({"packages": packages, "errors": report.errors}))
            .unwrap_or_default()
    )
}

fn package_json(c: &VerifiedArtifact) -> Value {
    json!({
        "target": c.target, "ecosystem": c.ecosystem.map(|e| e.as_str()),
        "name": c.name, "version": c.version,
        "integrity": integrity_json(&c.integrity), "provenance": provenance_json(&c.provenance),
    })
}

/// The status and reason of the integrity check people read first: the index's digest
/// (or, for a local artifact, the digests computed).
fn integrity_status(i: &IntegrityCheck) -> (&'static str, Option<String>) {
    match i {
        IntegrityCheck::Computed { .. } => ("computed", None),
        IntegrityCheck::Registry { index, .. } => match index {
            IndexCheck::Verified { .. } => ("verified", None),
            IndexCheck::Mismatch {
                algorithm,
                expected,
                actual,
            } => (
                "mismatch",
                Some(format!(
                    "the download's {algorithm} is {actual}, the index lists {expected}"
                )),
            ),
            IndexCheck::Unchecked => (
                "unchecked",
                Some("the index lists no digest for this file".to_owned()),
            ),
        },
    }
}

fn signature_status(s: &SignatureCheck) -> (&'static str, Option<&str>, Option<&str>) {
    match s {
        SignatureCheck::Verified(keyid) => ("verified", Some(keyid), None),
        SignatureCheck::Failed(why) => ("failed", None, Some(why)),
        SignatureCheck::Unknown(why) => ("unknown", None, Some(why)),
    }
}

fn integrity_json(i: &IntegrityCheck) -> Value {
    let (status, reason) = integrity_status(i);
    match i {
        IntegrityCheck::Computed { sha256, sha512 } => json!({
            "status": status, "sha256": sha256, "sha512": sha512,
            "expected": null, "reason": reason,
        }),
        IntegrityCheck::Registry {
            file,
            index,
            registry_signature,
            lockfile,
        } => {
            let mut out = match index {
                IndexCheck::Verified {
                    algorithm,
                    expected,
                    sha256,
                } => json!({"status": status, "algorithm": algorithm, "expected": expected,
                            "reason": reason, "sha256": sha256}),
                IndexCheck::Mismatch {
                    algorithm,
                    expected,
                    ..
                } => json!({"status": status, "algorithm": algorithm, "expected": expected,
                            "reason": reason}),
                IndexCheck::Unchecked => {
                    json!({"status": status, "expected": null, "reason": reason})
                }
            };
            let (s, keyid, why) = signature_status(registry_signature);
            if let Value::Object(m) = &mut out {
                m.insert("file".into(), json!(file));
                m.insert(
                    "registry_signature".into(),
                    json!({"status": s, "keyid": keyid, "reason": why}),
                );
                if let Some(l) = lockfile {
                    m.insert(
                        "lockfile".into(),
                        match l {
                            LockfileCheck::Verified => json!({"status": "verified", "reason": null}),
                            LockfileCheck::Mismatch => json!({"status": "mismatch",
                                "reason": "none of the lockfile's hashes for this release is the downloaded file's"}),
                        },
                    );
                }
            }
            out
        }
    }
}

fn provenance_json(p: &ProvenanceOutcome) -> Value {
    let (status, id, reason) = match p {
        ProvenanceOutcome::Verified(id) => ("verified", Some(id), None),
        ProvenanceOutcome::Failed(r) => ("failed", None, Some(r)),
        ProvenanceOutcome::Absent(r) => ("absent", None, Some(r)),
        ProvenanceOutcome::Unknown(r) => ("unknown", None, Some(r)),
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
        "integrated_time": id.and_then(|i| i.integrated_time).map(format_rfc3339),
        "reason": reason,
    })
}

/// The report as text: per artifact its integrity, the registry's signature when there
/// is one to tell, and its provenance; then the errors.
#[must_use]
pub fn text_verify(report: &VerifyReport) -> String {
    let mut out = String::new();
    let because = |r: Option<&str>| r.map(|r| format!(" — {r}")).unwrap_or_default();
    for c in &report.packages {
        let (status, reason) = integrity_status(&c.integrity);
        let file = match &c.integrity {
            IntegrityCheck::Registry { file, .. } => format!(" ({file})"),
            IntegrityCheck::Computed { .. } => String::new(),
        };
        let _ = writeln!(
            out,
            "{}{file}: integrity {status}{}",
            c.target,
            because(reason.as_deref())
        );
        if let IntegrityCheck::Registry {
            registry_signature, ..
        } = &c.integrity
        {
            let (s, _, why) = signature_status(registry_signature);
            if s != "unknown" {
                let _ = writeln!(out, "  registry signature {s}{}", because(why));
            }
        }
        match &c.provenance {
            ProvenanceOutcome::Verified(id) => {
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
                        let _ = writeln!(out, "    {k:<11} {v}");
                    }
                }
                if let (Some(i), Some(t)) = (id.log_index, id.integrated_time) {
                    let _ = writeln!(
                        out,
                        "    {:<11} {i}, integrated {}",
                        "log entry",
                        format_rfc3339(t)
                    );
                }
            }
            ProvenanceOutcome::Failed(r) => {
                let _ = writeln!(out, "  provenance FAILED: {r}");
            }
            ProvenanceOutcome::Absent(r) => {
                let _ = writeln!(out, "  provenance absent: {r}");
            }
            ProvenanceOutcome::Unknown(r) => {
                let _ = writeln!(out, "  provenance unknown: {r}");
            }
        }
    }
    for e in &report.errors {
        let _ = writeln!(out, "error: {e}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use customs_ecosystem::Ecosystem;

    fn report() -> VerifyReport {
        VerifyReport {
            packages: vec![VerifiedArtifact {
                target: "npm:left-pad@1.0.0".into(),
                ecosystem: Some(Ecosystem::Npm),
                name: Some("left-pad".into()),
                version: Some("1.0.0".into()),
                integrity: IntegrityCheck::Registry {
                    file: "left-pad-1.0.0.tgz".into(),
                    index: IndexCheck::Verified {
                        algorithm: "sha512".into(),
                        expected: "ab".into(),
                        sha256: "cd".into(),
                    },
                    registry_signature: SignatureCheck::Failed("bad signature".into()),
                    lockfile: Some(LockfileCheck::Mismatch),
                },
                provenance: ProvenanceOutcome::Absent("none published".into()),
            }],
            errors: vec!["pypi:x==1: not found".into()],
        }
    }

    #[test]
    fn verify_reports_render_every_check() {
        let r = report();
        assert!(r.failed(false), "a failed signature and lockfile fail");
        assert_eq!(
            text_verify(&r),
            "npm:left-pad@1.0.0 (left-pad-1.0.0.tgz): integrity verified\n  \
             registry signature failed — bad signature\n  \
             provenance absent: none published\nerror: pypi:x==1: not found\n"
        );
        let v: Value = serde_json::from_str(&json_verify(&r)).expect("JSON");
        let i = &v["packages"][0]["integrity"];
        assert_eq!(i["file"], "left-pad-1.0.0.tgz");
        assert_eq!(i["status"], "verified");
        assert_eq!(i["sha256"], "cd");
        assert_eq!(i["registry_signature"]["status"], "failed");
        assert_eq!(i["lockfile"]["status"], "mismatch");
        assert_eq!(v["packages"][0]["provenance"]["status"], "absent");
        assert_eq!(v["errors"][0], "pypi:x==1: not found");
    }
}
