//! The rule catalogue and the verdict.
//!
//! A rule turns behaviours (from [`customs_analyze`]), package facts (from
//! [`customs_ecosystem`]) and archive anomalies (from [`customs_archive`]) into
//! [`Finding`]s. Each rule lives in its own file under `rules/`, and its doc comment is
//! its documentation: what `customs rules ID` prints. [`verdict`] turns the findings into
//! one [`Verdict`] with a score; `docs/verdict.md` explains the arithmetic.

mod anomaly;
pub mod history;
mod model;
mod popular_index;
mod rules;
mod typosquat;
mod verdict;

pub use customs_analyze::Context;
pub use model::{Confidence, Fact, Finding, IgnoredFinding, Input, Rule, RuleMeta, Severity, when};
pub use typosquat::{Popular, Squat, find_squat};
pub use verdict::{Verdict, VerdictLevel, verdict};

/// Every rule, in the order reports list them.
#[must_use]
pub fn catalogue() -> &'static [&'static dyn Rule] {
    rules::ALL
}

/// The rule with this id.
#[must_use]
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    rules::ALL.iter().copied().find(|r| r.meta().id == id)
}

/// Runs every rule over one package and returns its findings, most severe first.
#[must_use]
pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in rules::ALL {
        rule.check(input, &mut findings);
    }
    sort_findings(&mut findings);
    findings
}

/// Orders findings as reports list them: most severe and surest first, then by place.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (b.severity, b.confidence, &a.path, a.line, a.rule).cmp(&(
            a.severity,
            a.confidence,
            &b.path,
            b.line,
            b.rule,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = catalogue().iter().map(|r| r.meta().id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule id");
        for r in catalogue() {
            let m = r.meta();
            assert!(
                m.doc.contains("## What it finds"),
                "{} lacks its documentation",
                m.id
            );
            assert!(m.doc.contains("## Why"), "{} lacks 'Why'", m.id);
            assert!(m.doc.contains("## Example"), "{} lacks an example", m.id);
            assert!(
                m.doc.contains("## When it is wrong"),
                "{} lacks 'When it is wrong'",
                m.id
            );
            assert!(!m.summary.is_empty());
        }
        assert!(rule("decode-execute").is_some());
        assert!(rule("no-such-rule").is_none());
    }
}
