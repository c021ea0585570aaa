//! The reports of `customs audit`: text grouped by decision and severity with the
//! dependency path, JSON (the `scan` package shape plus `dependency_path` and
//! `policy`), SARIF results pointing at the lockfile line.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};
use customs_model::Advisory;
use customs_model::{Action, Decision};
use customs_outcome::{
    AuditEntry, AuditReport, HistoryReport, LockRef, LockSummary, ScanError, SourceInfo,
};
use serde::Serialize;
use serde_json::{Value, json};

use crate::json::{JsonFinding, JsonNote, finding as json_finding};
use crate::{TextOptions, VERSION};

/// One audited dependency in JSON.
#[derive(Debug, Serialize)]
pub struct JsonAuditPackage<'a> {
    pub target: String,
    pub ecosystem: &'static str,
    pub name: &'a str,
    pub version: &'a str,
    pub sha256: &'a str,
    /// `malicious`, `suspicious`, `clean`, or `unchecked` when it could not be looked at.
    pub verdict: &'static str,
    pub score: f64,
    pub findings: Vec<JsonFinding<'a>>,
    pub artifact: &'static str,
    pub notes: Vec<JsonNote<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a SourceInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a HistoryReport>,
    pub dependency_path: &'a [String],
    pub policy: &'a Decision,
    pub direct: bool,
    pub dev: bool,
    pub locations: &'a [LockRef],
    pub advisories: &'a [Advisory],
    pub status: Option<&'a str>,
    pub error: Option<&'a str>,
    /// Findings set aside by `ignore` settings (addition).
    pub ignored: Vec<crate::json::JsonIgnored<'a>>,
}

/// The JSON of `customs audit`.
#[derive(Debug, Serialize)]
pub struct JsonAudit<'a> {
    pub customs_version: &'static str,
    pub policy: &'a str,
    pub lockfiles: &'a [LockSummary],
    pub packages: Vec<JsonAuditPackage<'a>>,
    pub errors: Vec<crate::json::JsonError<'a>>,
    /// `dependencies` = `blocked` + `warned` + `allowed`; `unchecked` of them could not
    /// be checked (never allowed).
    pub summary: customs_outcome::AuditCounts,
}

pub(crate) fn target(e: &AuditEntry) -> String {
    match e.ecosystem {
        customs_ecosystem::Ecosystem::Pypi => format!("pypi:{}=={}", e.name, e.version),
        customs_ecosystem::Ecosystem::Npm => format!("npm:{}@{}", e.name, e.version),
    }
}

/// Builds the JSON of an audit.
#[must_use]
pub fn json_audit<'a>(report: &'a AuditReport, errors: &'a [ScanError]) -> JsonAudit<'a> {
    JsonAudit {
        customs_version: VERSION,
        policy: &report.policy,
        lockfiles: &report.lockfiles,
        packages: report
            .entries
            .iter()
            .map(|e| {
                let r = e.report.as_ref();
                let findings: Vec<&customs_rules::Finding> = e.findings().collect();
                let score = r.map_or_else(
                    || {
                        customs_rules::verdict(
                            &findings.iter().map(|f| (*f).clone()).collect::<Vec<_>>(),
                        )
                        .score
                    },
                    |r| r.verdict.score,
                );
                JsonAuditPackage {
                    target: target(e),
                    ecosystem: e.ecosystem.as_str(),
                    name: &e.name,
                    version: &e.version,
                    sha256: r.map_or("", |r| r.sha256.as_str()),
                    verdict: e.verdict.map_or("unchecked", |v| v.as_str()),
                    score,
                    findings: findings.into_iter().map(json_finding).collect(),
                    artifact: r.map_or("unknown", |r| r.artifact.as_str()),
                    notes: r
                        .map(|r| {
                            r.notes
                                .iter()
                                .map(|n| JsonNote {
                                    path: &n.path,
                                    message: &n.message,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    source: r.and_then(|r| r.source.as_ref()),
                    history: r.and_then(|r| r.history.as_ref()),
                    dependency_path: &e.dependency_path,
                    policy: &e.decision,
                    direct: e.direct,
                    dev: e.dev,
                    locations: &e.locations,
                    advisories: &e.advisories,
                    status: e.status.as_deref(),
                    error: e.error.as_deref(),
                    ignored: r
                        .map(|r| crate::json::ignored(&r.ignored))
                        .unwrap_or_default(),
                }
            })
            .collect(),
        errors: errors
            .iter()
            .map(|e| crate::json::JsonError {
                target: &e.target,
                message: &e.message,
            })
            .collect(),
        summary: report.counts(),
    }
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_owned()
    }
}

fn action_style(a: Action) -> Style {
    match a {
        Action::Block => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Action::Warn => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
        Action::Allow => AnsiColor::Green.on_default(),
    }
}

fn location(l: &LockRef) -> String {
    format!("{}:{}", l.path.display(), l.line)
}

/// Renders an audit for people: what is blocked, then warned, each with where the
/// lockfile names it, the chain that brings it in, the reasons and the top findings.
#[must_use]
pub fn text_audit(report: &AuditReport, errors: &[ScanError], options: TextOptions) -> String {
    let c = options.color;
    let dim = AnsiColor::BrightBlack.on_default();
    let bold = Style::new().effects(Effects::BOLD);
    let mut out = String::new();
    let mut order: Vec<&AuditEntry> = report
        .entries
        .iter()
        .filter(|e| {
            options.verbose
                || e.decision.action != Action::Allow
                || !e.advisories.is_empty()
                || e.error.is_some()
        })
        .collect();
    order.sort_by(|a, b| {
        let sev = |e: &AuditEntry| e.findings().map(|f| f.severity).max();
        (b.decision.action, sev(b), &a.name).cmp(&(a.decision.action, sev(a), &b.name))
    });
    for e in order {
        let _ = writeln!(
            out,
            "{:<6} {} {}",
            paint(
                c,
                action_style(e.decision.action),
                e.decision.action.as_str()
            ),
            paint(c, bold, &target(e)),
            paint(
                c,
                dim,
                &format!(
                    "({}{}; {})",
                    if e.direct { "direct" } else { "transitive" },
                    if e.dev { ", dev" } else { "" },
                    e.locations
                        .iter()
                        .map(location)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            )
        );
        if e.dependency_path.len() > 1 {
            let _ = writeln!(out, "       via {}", e.dependency_path.join(" > "));
        }
        for r in &e.decision.reasons {
            let _ = writeln!(out, "       - {r}");
        }
        for a in e.advisories.iter().filter(|a| !a.malicious) {
            let _ = writeln!(out, "       - known vulnerability {}: {}", a.id, a.summary);
        }
        if let Some(err) = &e.error {
            let _ = writeln!(
                out,
                "       {} {err}",
                paint(c, AnsiColor::Red.on_default(), "error:")
            );
        }
        let limit = if options.verbose { usize::MAX } else { 5 };
        let shown: Vec<&customs_rules::Finding> = e
            .findings()
            .filter(|f| options.verbose || f.severity >= customs_rules::Severity::Medium)
            .take(limit)
            .collect();
        for f in shown {
            let place = match (f.path.is_empty(), f.line) {
                (true, _) => String::new(),
                (false, Some(l)) => format!(" ({}:{l})", f.path),
                (false, None) => format!(" ({})", f.path),
            };
            let _ = writeln!(
                out,
                "       {} [{}] {}{}",
                f.severity,
                f.rule,
                f.message,
                paint(c, dim, &place)
            );
        }
        if let Some(ignored) = e
            .report
            .as_ref()
            .and_then(|r| crate::text::ignored_summary(&r.ignored))
        {
            let _ = writeln!(out, "       {ignored}");
        }
        out.push('\n');
    }
    for e in errors {
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                c,
                AnsiColor::Red.on_default().effects(Effects::BOLD),
                "error:"
            ),
            e.message
        );
    }
    if options.quiet {
        return out;
    }
    let counts = report.counts();
    let lockfiles: Vec<String> = report
        .lockfiles
        .iter()
        .map(|l| l.path.display().to_string())
        .collect();
    let _ = writeln!(
        out,
        "{} {} dependencies in {}: {} blocked, {} warned, {} allowed{}; policy: {}",
        paint(c, bold, "summary:"),
        counts.dependencies,
        if lockfiles.is_empty() {
            "no lockfile".to_owned()
        } else {
            lockfiles.join(", ")
        },
        counts.blocked,
        counts.warned,
        counts.allowed,
        if counts.unchecked > 0 {
            format!(
                " ({} of the blocked and warned not checked)",
                counts.unchecked
            )
        } else {
            String::new()
        },
        report.policy
    );
    out
}

/// SARIF for an audit: each finding of a blocked or warned dependency, and each policy
/// reason, as a result at the lockfile line that names the dependency.
#[must_use]
pub fn sarif_audit(report: &AuditReport, errors: &[ScanError]) -> Value {
    let mut metas = crate::all_rules();
    metas.push(&POLICY);
    let rules = crate::sarif::rules_json(&metas);
    let index = |id: &str| metas.iter().position(|m| m.id == id);
    let mut results = Vec::new();
    for e in report
        .entries
        .iter()
        .filter(|e| e.decision.action != Action::Allow)
    {
        let Some(at) = e.locations.first() else {
            continue;
        };
        let physical = json!({
            "artifactLocation": { "uri": at.path.display().to_string() },
            "region": { "startLine": at.line },
        });
        let mut push = |rule: &str, level: &str, text: String| {
            let mut result = json!({
                "ruleId": rule,
                "level": level,
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical.clone() }],
                "properties": {
                    "package": target(e),
                    "decision": e.decision.action.as_str(),
                    "dependencyPath": e.dependency_path,
                }
            });
            if let Some(i) = index(rule) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        };
        for f in e
            .findings()
            .filter(|f| f.severity >= customs_rules::Severity::Medium)
        {
            push(
                f.rule,
                crate::sarif::level(f.severity),
                format!("{}: {}", target(e), f.message),
            );
        }
        for r in &e.decision.reasons {
            let level = if e.decision.action == Action::Block {
                "error"
            } else {
                "warning"
            };
            push(
                POLICY.id,
                level,
                format!("{} {}: {r}", target(e), e.decision.action.as_str()),
            );
        }
    }
    let errors: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
    crate::sarif::envelope(rules, results, &errors)
}

/// The descriptor of policy decisions in SARIF.
static POLICY: customs_rules::RuleMeta = customs_rules::RuleMeta {
    id: "policy",
    summary: "the project's customs policy blocks or warns about this dependency",
    severity: customs_rules::Severity::High,
    confidence: customs_rules::Confidence::High,
    doc: "## What it finds\nA dependency that the policy (customs.toml) blocks or warns about: known malicious, denied, younger than the minimum release age, missing hashes or provenance, install scripts outside the allowlist, or a verdict at or above `fail_on`.\n\n## Why it matters\nThe policy is the project's own rule for what may be installed.\n\n## Example\n```text\nblock npm:left-pad@1.3.1: released 2 days ago, younger than the minimum release age of 7 days\n```\n\n## When it is wrong\nWhen the policy is: change customs.toml, or add a per-artifact exception.\n",
};
