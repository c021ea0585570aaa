//! SARIF 2.1.0, as GitHub code scanning reads it: one run, the rule catalogue as the
//! driver's rules (with help text and a security-severity), one result per finding.

use customs_rules::Severity;
use serde_json::{Value, json};

use crate::{RunReport, VERSION};

pub(crate) fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "7.5",
        Severity::Medium => "5.0",
        Severity::Low => "2.5",
        Severity::Info => "0.0",
    }
}

/// Builds the SARIF log.
#[must_use]
pub fn sarif(run: &RunReport<'_>) -> Value {
    let metas = crate::all_rules();
    let rules = rules_json(&metas);
    let index = |id: &str| metas.iter().position(|m| m.id == id);
    let mut results = Vec::new();
    for p in run.packages {
        let folder = p.artifact == customs_ecosystem::ArtifactKind::Folder;
        // Ignored findings are results too, suppressed by the setting that ignored them
        // (SARIF viewers hide suppressed results by default).
        let ignored = p.ignored.iter().map(|i| (&i.finding, Some(i.by.as_str())));
        for (f, suppressed_by) in p.findings.iter().map(|f| (f, None)).chain(ignored) {
            // In a folder the member path is a real file; in an archive the artifact is.
            let uri = if folder && !f.path.is_empty() {
                crate::folder_file(&p.target, &f.path)
            } else {
                p.target.clone()
            };
            let mut region = serde_json::Map::new();
            if folder && let Some(line) = f.line {
                region.insert("startLine".into(), json!(line));
                if let Some(c) = f.column {
                    region.insert("startColumn".into(), json!(c));
                }
                if let Some(s) = &f.snippet {
                    region.insert("snippet".into(), json!({ "text": s }));
                }
            }
            let mut physical = json!({ "artifactLocation": { "uri": uri } });
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            let place = match (f.path.is_empty(), f.line) {
                (true, _) => String::new(),
                (false, Some(l)) => format!(" [{}:{l}]", f.path),
                (false, None) => format!(" [{}]", f.path),
            };
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": format!("{} {}: {}{place}", p.identity, p.verdict.level, f.message) },
                "locations": [{ "physicalLocation": physical }],
                "properties": {
                    "severity": f.severity.as_str(),
                    "confidence": f.confidence.as_str(),
                    "context": f.context.as_str(),
                    "package": p.identity.to_string(),
                    "verdict": p.verdict.level.as_str(),
                    "sha256": p.sha256,
                }
            });
            if let Some(i) = index(f.rule) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(by) = suppressed_by {
                result["suppressions"] =
                    json!([{ "kind": "external", "justification": format!("ignored by {by}") }]);
            }
            results.push(result);
        }
    }
    let errors: Vec<String> = run
        .errors
        .iter()
        .map(|e| format!("{}: {}", e.target, e.message))
        .collect();
    envelope(rules, results, &errors)
}

/// The driver's rule descriptors.
pub(crate) fn rules_json(metas: &[&'static customs_rules::RuleMeta]) -> Vec<Value> {
    metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.summary },
                "help": { "text": m.doc, "markdown": m.doc },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": {
                    "tags": ["security", "supply-chain"],
                    "precision": match m.confidence {
                        customs_rules::Confidence::High => "high",
                        customs_rules::Confidence::Medium => "medium",
                        customs_rules::Confidence::Low => "low",
                    },
                    "security-severity": security_severity(m.severity),
                }
            })
        })
        .collect()
}

/// The SARIF log around a run's rules and results.
pub(crate) fn envelope(rules: Vec<Value>, results: Vec<Value>, errors: &[String]) -> Value {
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "level": "error", "message": { "text": e } }))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "customs",
                "version": VERSION,
                "semanticVersion": VERSION,
                "rules": rules,
            }},
            "results": results,
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }]
    })
}
