//! `customs verify`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use serde_json::json;
use sha2::Digest as _;

use crate::args::{VerifyArgs, VerifyFormat};

pub(crate) fn verify_command(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let artifact = std::fs::read(&args.artifact)
        .with_context(|| format!("cannot read {}", args.artifact.display()))?;
    let bundle = std::fs::read(&args.bundle)
        .with_context(|| format!("cannot read {}", args.bundle.display()))?;
    let root = match &args.trusted_root {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            customs_verify::TrustedRoot::parse(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        None => customs_verify::TrustedRoot::embedded().map_err(|e| anyhow::anyhow!(e))?,
    };
    let expected = customs_verify::Expected {
        repository: args.repository.clone(),
        workflow: args.workflow.clone(),
        issuer: args.issuer.clone(),
    };
    let result = customs_verify::verify(&artifact, &bundle, &root).and_then(|id| {
        match expected.mismatch(&id) {
            Some(m) => Err(customs_verify::Failure(m)),
            None => Ok(id),
        }
    });
    let sha256 = hex::encode(sha2::Sha256::digest(&artifact));
    let sha512 = hex::encode(sha2::Sha512::digest(&artifact));
    let shown = args.artifact.display().to_string();
    let out = match args.format {
        VerifyFormat::Json => {
            let provenance = match &result {
                Ok(id) => json!({
                    "status": "verified", "issuer": id.issuer, "identity": id.identity,
                    "repository": id.repository, "workflow": id.workflow, "ref": id.git_ref,
                    "commit": id.commit, "trigger": id.trigger, "log_index": id.log_index,
                    "integrated_time": id.integrated_time.map(customs_registry::format_rfc3339),
                    "reason": null,
                }),
                Err(e) => json!({
                    "status": "failed", "issuer": null, "identity": null, "repository": null,
                    "workflow": null, "ref": null, "commit": null, "trigger": null,
                    "log_index": null, "integrated_time": null, "reason": e.0,
                }),
            };
            let doc = json!({
                "target": shown,
                "integrity": {"sha256": sha256, "sha512": sha512, "status": "computed",
                              "expected": null, "reason": null},
                "provenance": provenance,
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )
        }
        VerifyFormat::Text => match &result {
            Ok(id) => {
                let line = |k: &str, v: &Option<String>| {
                    v.as_ref()
                        .map(|v| format!("  {k:<11} {v}\n"))
                        .unwrap_or_default()
                };
                format!(
                    "{shown}: provenance verified\n{}{}{}{}{}{}{}  {:<11} {}\n",
                    line("issuer", &id.issuer),
                    line("identity", &id.identity),
                    line("repository", &id.repository),
                    line("workflow", &id.workflow),
                    line("ref", &id.git_ref),
                    line("commit", &id.commit),
                    line("trigger", &id.trigger),
                    "log entry",
                    match (id.log_index, id.integrated_time) {
                        (Some(i), Some(t)) =>
                            format!("{i}, integrated {}", customs_registry::format_rfc3339(t)),
                        _ => "-".to_owned(),
                    }
                )
            }
            Err(e) => format!("{shown}: provenance FAILED: {}\n", e.0),
        },
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(if result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
