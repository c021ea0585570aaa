use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use customs_analyze::Context;

use crate::{Confidence, Finding, Severity};

/// The decision about one package (defined with the shared data, in `customs-model`).
pub use customs_model::VerdictLevel;

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

/// Rules whose findings are threats: a capability joined to what makes it harmful
/// (decoded or downloaded code run, secrets sent out, a shell on a socket, persistence, a
/// hidden process, a destination legitimate code does not use, a pair of capabilities
/// that together make one).
pub const THREATS: &[&str] = &[
    "decode-execute",
    "download-execute",
    "secret-exfiltration",
    "reverse-shell",
    "self-propagation",
    "persistence",
    "hidden-process",
    "suspicious-destination",
    "capability-chain",
    "command-shadowing",
    "browser-hijack",
    "npmrc-config",
    // Serious (high, medium confidence) only at install time: evading the sandboxes that
    // run installs, or geofencing who is hit.
    "anti-analysis",
];

/// Rules whose findings say the package itself is made to deceive or to be thrown
/// away: no description, home page or repository; a name close to a popular one.
pub const RED_FLAGS: &[&str] = &["empty-metadata", "name-confusion"];

/// Rules whose findings are capabilities that a package has to explain: reading
/// credentials (even in a function nothing calls yet), code made so that nobody can
/// read it (an obfuscator's runtime, code past a run of whitespace, look-alike names),
/// running the commands that tell who and where the host is, and a raw system
/// capability (a shell runner for any command, the DNS resolver; reported only in a
/// package that says nothing about itself).
/// Beside a red flag, a package that says nothing about itself and does one of these is
/// suspicious.
pub const UNEXPLAINED: &[&str] = &[
    "secret-read",
    "obfuscation",
    "host-recon",
    "unexplained-capability",
];

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
/// A package is **malicious** when one finding is critical with high confidence, the
/// score reaches 15, or a threat (a finding of a [`THREATS`] rule, high or critical with
/// at least medium confidence) stands with a second threat rule in code that runs on
/// install or import, or with a red flag in its metadata ([`RED_FLAGS`]);
/// **suspicious** when the score reaches 5, one finding is high or critical with at
/// least medium confidence, or a threat of any confidence and at least medium severity
/// stands with a red flag, or a red flag stands with a finding of an [`UNEXPLAINED`] rule
/// (any read of credentials; obfuscation the rule is sure of, where code runs on install
/// or import);
/// **clean** otherwise.
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
    let threats: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            THREATS.contains(&f.rule)
                && f.severity >= Severity::High
                && f.confidence >= Confidence::Medium
        })
        .collect();
    let early: BTreeSet<&str> = threats
        .iter()
        .filter(|f| matches!(f.context, Context::Install | Context::Import))
        .map(|f| f.rule)
        .collect();
    let red_flag = findings.iter().any(|f| RED_FLAGS.contains(&f.rule));
    let chained = early.len() >= 2 || (!threats.is_empty() && red_flag);
    // A threat the rule is not sure of, or a lesser one (a chain in code that runs only
    // when called), beside a red flag.
    let weak_threat = red_flag
        && findings
            .iter()
            .any(|f| THREATS.contains(&f.rule) && f.severity >= Severity::Medium);
    // A capability the package would have to explain, in one that explains nothing: a
    // read of credentials anywhere, or code hidden from reading where it runs on install
    // or import (a rule sure of it: not a mere encoded blob).
    let unexplained = red_flag
        && findings.iter().any(|f| {
            UNEXPLAINED.contains(&f.rule)
                && match f.rule {
                    // The credentials themselves, not a folder that holds them among other
                    // things (a bookmarks exporter reads the browser profile).
                    "secret-read" => !customs_analyze::signals::SECRET_CONTAINERS
                        .iter()
                        .any(|c| f.message.starts_with(&format!("reads {c} ("))),
                    "obfuscation" => f.confidence == Confidence::High,
                    // Not in test code, which nothing runs.
                    "unexplained-capability" => f.confidence == Confidence::High,
                    _ => true,
                }
        });
    let level = if critical || chained || score >= MALICIOUS_SCORE {
        VerdictLevel::Malicious
    } else if serious || weak_threat || unexplained || score >= SUSPICIOUS_SCORE {
        VerdictLevel::Suspicious
    } else {
        VerdictLevel::Clean
    };
    Verdict { level, score }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            fact: None,
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

    #[test]
    fn evasion_at_install_time_is_a_threat() {
        // Geofencing or a sandbox check at install (high, medium confidence) beside a
        // network chain: two threats.
        let evades = f("anti-analysis", Severity::High, Confidence::Medium);
        let chain = f("capability-chain", Severity::High, Confidence::Medium);
        assert_eq!(
            verdict(&[evades.clone(), chain.clone()]).level,
            VerdictLevel::Malicious
        );
        // At import time the rule says medium: serious only with the chain alone.
        let mut later = evades;
        later.severity = Severity::Medium;
        later.context = Context::Import;
        assert_eq!(verdict(&[later, chain]).level, VerdictLevel::Suspicious);
    }

    #[test]
    fn a_threat_with_a_red_flag_or_a_second_threat_is_malicious() {
        let threat = f("download-execute", Severity::High, Confidence::Medium);
        assert_eq!(
            verdict(std::slice::from_ref(&threat)).level,
            VerdictLevel::Suspicious
        );
        let flag = f("empty-metadata", Severity::Low, Confidence::Low);
        assert_eq!(
            verdict(&[threat.clone(), flag.clone()]).level,
            VerdictLevel::Malicious
        );
        // A lesser threat (runtime persistence) beside a red flag is suspicious too.
        let lesser = f("persistence", Severity::Medium, Confidence::Low);
        assert_eq!(
            verdict(&[lesser, flag.clone()]).level,
            VerdictLevel::Suspicious
        );
        // A red flag alone, or beside a mere capability, decides nothing.
        let capability = f("install-network", Severity::Medium, Confidence::Medium);
        assert_eq!(
            verdict(&[capability, flag.clone()]).level,
            VerdictLevel::Clean
        );
        // Two threat rules where code runs on install or import.
        let other = f("hidden-process", Severity::High, Confidence::Medium);
        assert_eq!(
            verdict(&[threat.clone(), other.clone()]).level,
            VerdictLevel::Malicious
        );
        // The same two only in runtime code stay suspicious.
        let mut a = threat;
        let mut b = other;
        a.context = Context::Runtime;
        b.context = Context::Runtime;
        assert_eq!(verdict(&[a, b]).level, VerdictLevel::Suspicious);
        // A threat of low confidence is suspicious beside a red flag, nothing alone.
        let weak = f("download-execute", Severity::High, Confidence::Low);
        assert_eq!(
            verdict(std::slice::from_ref(&weak)).level,
            VerdictLevel::Clean
        );
        assert_eq!(verdict(&[weak, flag]).level, VerdictLevel::Suspicious);
    }

    #[test]
    fn an_unexplained_capability_with_a_red_flag_is_suspicious() {
        let flag = f("empty-metadata", Severity::Low, Confidence::Low);
        let mut read = f("secret-read", Severity::Low, Confidence::Low);
        read.context = Context::Runtime;
        read.message = "reads AWS credentials (~/.aws/credentials) (at runtime)".into();
        let mut profile = read.clone();
        profile.message = "reads Firefox profile (~/.mozilla/firefox/profiles) (at runtime)".into();
        let armor = f("obfuscation", Severity::Medium, Confidence::High);
        let blob = f("obfuscation", Severity::Low, Confidence::Low);
        // Alone, each is clean.
        for one in [&read, &armor, &blob] {
            assert_eq!(
                verdict(std::slice::from_ref(one)).level,
                VerdictLevel::Clean
            );
        }
        // Beside a red flag, a read of credentials or sure obfuscation is suspicious,
        assert_eq!(
            verdict(&[read, flag.clone()]).level,
            VerdictLevel::Suspicious
        );
        assert_eq!(
            verdict(&[armor, flag.clone()]).level,
            VerdictLevel::Suspicious
        );
        // an encoded blob the rule is not sure of, or a read of a browser profile, is not.
        assert_eq!(verdict(&[blob, flag.clone()]).level, VerdictLevel::Clean);
        assert_eq!(verdict(&[profile, flag]).level, VerdictLevel::Clean);
    }

    #[test]
    fn host_reconnaissance_needs_explaining_in_a_package_that_says_nothing() {
        let flag = f("empty-metadata", Severity::Low, Confidence::Low);
        let mut recon = f("host-recon", Severity::Low, Confidence::Low);
        recon.context = Context::Runtime;
        assert_eq!(
            verdict(std::slice::from_ref(&recon)).level,
            VerdictLevel::Clean
        );
        assert_eq!(verdict(&[recon, flag]).level, VerdictLevel::Suspicious);
    }
}
