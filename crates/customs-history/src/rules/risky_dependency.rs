use customs_rules::{Confidence, Finding, RuleMeta, Severity, VerdictLevel};

use crate::{HistoryInput, HistoryRule, about, days};

use customs_rules::history::RiskyNewDependency;

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
