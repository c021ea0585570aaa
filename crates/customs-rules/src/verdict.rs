use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::{Confidence, Finding, Severity};

/// The decision about one package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictLevel {
    /// Nothing worth stopping for.
    Clean,
    /// Needs a human look before it is trusted.
    Suspicious,
    /// Behaves like malware.
    Malicious,
}

impl VerdictLevel {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clean => "clean",
            Self::Suspicious => "suspicious",
            Self::Malicious => "malicious",
        }
    }
}

impl fmt::Display for VerdictLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A verdict with the score that led to it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Verdict {
    /// Malicious, suspicious or clean.
    pub level: VerdictLevel,
    /// The weighted sum of the findings (see `docs/verdict.md`).
    pub score: f64,
}

/// Points of one finding before its confidence is applied.
fn weight(severity: Severity) -> f64 {
    match severity {
        Severity::Critical => 10.0,
        Severity::High => 5.0,
        Severity::Medium => 2.0,
        Severity::Low => 0.5,
        Severity::Info => 0.0,
    }
}

fn factor(confidence: Confidence) -> f64 {
    match confidence {
        Confidence::High => 1.0,
        Confidence::Medium => 0.6,
        Confidence::Low => 0.3,
    }
}

/// The score at or above which a package is malicious.
pub const MALICIOUS_SCORE: f64 = 15.0;
/// The score at or above which a package is suspicious.
pub const SUSPICIOUS_SCORE: f64 = 5.0;

/// Turns findings into a verdict.
///
/// Each finding is worth its severity's points (critical 10, high 5, medium 2, low 0.5,
/// info 0) times its confidence (high 1, medium 0.6, low 0.3). Repeats of one rule add
/// with diminishing weight: a rule's share is its best finding plus a quarter of the
/// rest, at most twice its best. The score is the sum of the rules' shares.
///
/// A package is **malicious** when one finding is critical with high confidence, or the
/// score reaches 15; **suspicious** when the score reaches 5, or one finding is high or
/// critical with at least medium confidence; **clean** otherwise.
#[must_use]
pub fn verdict(findings: &[Finding]) -> Verdict {
    let mut per_rule: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for f in findings {
        per_rule
            .entry(f.rule)
            .or_default()
            .push(weight(f.severity) * factor(f.confidence));
    }
    let score: f64 = per_rule
        .values()
        .map(|points| {
            let best = points.iter().copied().fold(0.0, f64::max);
            let rest: f64 = points.iter().sum::<f64>() - best;
            (best + rest / 4.0).min(best * 2.0)
        })
        .sum();
    // `+ 0.0` turns the -0.0 of an empty sum into 0.
    let score = (score * 10.0).round() / 10.0 + 0.0;
    let critical = findings
        .iter()
        .any(|f| f.severity == Severity::Critical && f.confidence == Confidence::High);
    let serious = findings
        .iter()
        .any(|f| f.severity >= Severity::High && f.confidence >= Confidence::Medium);
    let level = if critical || score >= MALICIOUS_SCORE {
        VerdictLevel::Malicious
    } else if serious || score >= SUSPICIOUS_SCORE {
        VerdictLevel::Suspicious
    } else {
        VerdictLevel::Clean
    };
    Verdict { level, score }
}

#[cfg(test)]
mod tests {
    use super::*;
    use customs_analyze::Context;

    fn f(rule: &'static str, severity: Severity, confidence: Confidence) -> Finding {
        Finding {
            rule,
            severity,
            confidence,
            context: Context::Install,
            message: String::new(),
            path: String::new(),
            line: None,
            column: None,
            snippet: None,
        }
    }

    #[test]
    fn levels() {
        assert_eq!(verdict(&[]).level, VerdictLevel::Clean);
        assert_eq!(
            verdict(&[f("a", Severity::Critical, Confidence::High)]).level,
            VerdictLevel::Malicious
        );
        assert_eq!(
            verdict(&[f("a", Severity::High, Confidence::Medium)]).level,
            VerdictLevel::Suspicious
        );
        assert_eq!(
            verdict(&[f("a", Severity::Medium, Confidence::Medium)]).level,
            VerdictLevel::Clean
        );
        // Many findings of one low rule do not add up to a verdict.
        let many: Vec<Finding> = (0..100)
            .map(|_| f("a", Severity::Low, Confidence::High))
            .collect();
        let v = verdict(&many);
        assert_eq!(v.level, VerdictLevel::Clean);
        assert!((v.score - 1.0).abs() < 1e-9, "{}", v.score);
        // Several rules at high severity and medium confidence add up to malicious.
        let mixed = [
            f("a", Severity::High, Confidence::High),
            f("b", Severity::High, Confidence::High),
            f("c", Severity::High, Confidence::High),
        ];
        assert_eq!(verdict(&mixed).level, VerdictLevel::Malicious);
    }
}
