use serde::Serialize;

use customs_outcome::{Changes, DependencyCheck};
use customs_outcome::{DiffReport, HistoryReport, PackageReport, SourceInfo};

use crate::{RunReport, VERSION};

/// The JSON report: see `docs/json.md`. Field names and meanings are a stable contract.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// The customs version that wrote the report.
    pub customs_version: &'static str,
    /// One object per scanned package.
    pub packages: Vec<JsonPackage<'a>>,
    /// Targets that could not be scanned.
    pub errors: Vec<JsonError<'a>>,
}

/// One package.
#[derive(Debug, Serialize)]
pub struct JsonPackage<'a> {
    pub target: &'a str,
    pub ecosystem: &'static str,
    pub name: &'a str,
    pub version: &'a str,
    pub sha256: &'a str,
    pub verdict: &'static str,
    pub score: f64,
    pub findings: Vec<JsonFinding<'a>>,
    /// Additions to the contract: the artifact kind and notes on the analysis.
    pub artifact: &'static str,
    pub notes: Vec<JsonNote<'a>>,
    /// Why part of the artifact was left unread (addition; absent when it was read in
    /// full). A package with any is unreadable, whatever its verdict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<JsonIncomplete<'a>>,
    /// For registry targets: index, file, integrity and release facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a SourceInfo>,
    /// For registry targets: the comparison with the previous release.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a HistoryReport>,
    /// Findings set aside by `ignore` settings (addition): not counted in the verdict.
    pub ignored: Vec<JsonIgnored<'a>>,
}

/// A finding set aside by an `ignore` setting.
#[derive(Debug, Serialize)]
pub struct JsonIgnored<'a> {
    /// The finding, in the shape of `findings[]`.
    #[serde(flatten)]
    pub finding: JsonFinding<'a>,
    /// The setting that ignored it: `--ignore`, `ignore in FILE`, `[[package]] PATTERN in FILE`.
    pub by: &'a str,
}

pub(crate) fn ignored(list: &[customs_rules::IgnoredFinding]) -> Vec<JsonIgnored<'_>> {
    list.iter()
        .map(|i| JsonIgnored {
            finding: finding(&i.finding),
            by: &i.by,
        })
        .collect()
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'static str,
    pub severity: &'static str,
    pub confidence: &'static str,
    pub context: &'static str,
    pub message: &'a str,
    pub path: &'a str,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub snippet: Option<&'a str>,
}

/// A note about the analysis.
#[derive(Debug, Serialize)]
pub struct JsonNote<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

/// One reason an artifact was not read in full.
#[derive(Debug, Serialize)]
pub struct JsonIncomplete<'a> {
    /// `total-size-exceeded`, `too-many-entries`, `truncated` or `unreadable-member`.
    pub cause: &'static str,
    pub path: &'a str,
    pub detail: &'a str,
}

/// A target that could not be scanned.
#[derive(Debug, Serialize)]
pub struct JsonError<'a> {
    pub target: &'a str,
    pub message: &'a str,
}

/// Builds the JSON report.
#[must_use]
pub fn json<'a>(run: &RunReport<'a>) -> JsonReport<'a> {
    JsonReport {
        customs_version: VERSION,
        packages: run.packages.iter().map(package).collect(),
        errors: run
            .errors
            .iter()
            .map(|e| JsonError {
                target: &e.target,
                message: &e.message,
            })
            .collect(),
    }
}

pub(crate) fn finding(f: &customs_rules::Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        confidence: f.confidence.as_str(),
        context: f.context.as_str(),
        message: &f.message,
        path: &f.path,
        line: f.line,
        column: f.column,
        snippet: f.snippet.as_deref(),
    }
}

fn package(p: &PackageReport) -> JsonPackage<'_> {
    JsonPackage {
        target: &p.target,
        ecosystem: p.identity.ecosystem.as_str(),
        name: &p.identity.name,
        version: &p.identity.version,
        sha256: &p.sha256,
        verdict: p.verdict.level.as_str(),
        score: p.verdict.score,
        findings: p.findings.iter().map(finding).collect(),
        artifact: p.artifact.as_str(),
        notes: p
            .notes
            .iter()
            .map(|n| JsonNote {
                path: &n.path,
                message: &n.message,
            })
            .collect(),
        incomplete: p
            .incomplete
            .iter()
            .map(|i| JsonIncomplete {
                cause: i.cause.as_str(),
                path: &i.path,
                detail: &i.detail,
            })
            .collect(),
        source: p.source.as_ref(),
        history: p.history.as_ref(),
        ignored: ignored(&p.ignored),
    }
}

/// The verdict on an update.
#[derive(Debug, Serialize)]
pub struct JsonVerdict {
    pub level: &'static str,
    pub score: f64,
}

/// The JSON of `customs diff`: see `docs/json.md`.
#[derive(Debug, Serialize)]
pub struct JsonDiff<'a> {
    pub customs_version: &'static str,
    pub old: JsonPackage<'a>,
    pub new: JsonPackage<'a>,
    pub verdict: JsonVerdict,
    pub changes: Vec<JsonFinding<'a>>,
    pub summary: &'a Changes,
    pub dependencies: &'a [DependencyCheck],
    /// Changes set aside by `ignore` settings (addition).
    pub ignored: Vec<JsonIgnored<'a>>,
}

/// Builds the JSON of a diff.
#[must_use]
pub fn json_diff(diff: &DiffReport) -> JsonDiff<'_> {
    JsonDiff {
        customs_version: VERSION,
        old: package(&diff.old),
        new: package(&diff.new),
        verdict: JsonVerdict {
            level: diff.verdict.level.as_str(),
            score: diff.verdict.score,
        },
        changes: diff.changes.iter().map(finding).collect(),
        summary: &diff.summary,
        dependencies: &diff.dependencies,
        ignored: ignored(&diff.ignored),
    }
}
