use customs_rules::{Confidence, Finding, RuleMeta, Severity, VerdictLevel, declare_rule};

use crate::{HistoryInput, HistoryRule, about, days};

declare_rule! {
    /// ## What it finds
    /// A dependency the new release adds that is itself risky, checked on the registry
    /// and scanned (one level deep): malicious or suspicious by customs' own scan,
    /// published only days ago, or running install scripts.
    ///
    /// ## Why it matters
    /// In a hijacked release the payload is often not in the package at all but in a
    /// dependency created for the attack a day before, whose `postinstall` is the
    /// dropper. Scanning the package alone sees a clean tree.
    ///
    /// ## Example
    /// ```text
    /// plain-crypto-js@4.2.1: first published 1 day ago; postinstall "node setup.js";
    /// verdict malicious (decode-execute in setup.js)
    /// ```
    ///
    /// ## When it is wrong
    /// New helper packages split out of a project are young too; young age alone is of
    /// medium severity, and only a scan verdict makes the finding critical.
    RiskyNewDependency {
        id: "risky-new-dependency",
        summary: "a newly added dependency that is malicious, days old, or runs install scripts",
        severity: Critical,
        confidence: High,
    }
}

/// Younger than this, a newly added dependency is suspect.
const YOUNG_DAYS: i64 = 30;

impl HistoryRule for RiskyNewDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        for dep in &input.context.dependencies {
            let mut reasons = Vec::new();
            let mut severity = Severity::Info;
            let mut confidence = Confidence::Medium;
            match dep.verdict {
                Some(VerdictLevel::Malicious) => {
                    severity = Severity::Critical;
                    confidence = Confidence::High;
                    reasons.push(format!(
                        "customs judges it malicious ({})",
                        dep.top_finding.as_deref().unwrap_or("see its scan")
                    ));
                }
                Some(VerdictLevel::Suspicious) => {
                    severity = Severity::High;
                    reasons.push(format!(
                        "customs judges it suspicious ({})",
                        dep.top_finding.as_deref().unwrap_or("see its scan")
                    ));
                }
                _ => {}
            }
            // The package's own new per-platform binaries are as young as its release.
            let sibling = input
                .new
                .identity
                .as_ref()
                .is_some_and(|id| super::platform_sibling(&id.name, &dep.name));
            if let Some(first) = dep.first_published
                && !sibling
            {
                let age = days(input.context.now - first);
                if age < YOUNG_DAYS {
                    severity = severity.max(Severity::Medium);
                    reasons.push(format!("first published {age} days before this release"));
                }
            }
            if !dep.install_scripts.is_empty() {
                severity = severity.max(if reasons.is_empty() {
                    Severity::Low
                } else {
                    Severity::High
                });
                reasons.push(format!(
                    "runs install scripts ({})",
                    dep.install_scripts.join(", ")
                ));
            }
            if severity == Severity::Info {
                continue;
            }
            let mut f = about(
                &Self::META,
                severity,
                format!(
                    "new dependency {}{}: {}",
                    dep.name,
                    dep.version
                        .as_deref()
                        .map(|v| format!("@{v}"))
                        .unwrap_or_default(),
                    reasons.join("; ")
                ),
            );
            f.confidence = confidence;
            f.context = customs_analyze::Context::Install;
            out.push(f);
        }
    }
}
