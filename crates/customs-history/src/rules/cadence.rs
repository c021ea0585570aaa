use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about, days};

use customs_rules::history::ReleaseCadence;

impl HistoryRule for ReleaseCadence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let ctx = input.context;
        let Some(new) = &ctx.new else { return };
        let Some(at) = new.uploaded else { return };
        let mut findings = Vec::new();
        let close: Vec<&str> = ctx
            .timeline
            .iter()
            .filter(|(v, line, t)| v != &new.version && line != &new.line && (t - at).abs() <= 3600)
            .map(|(v, _, _)| v.as_str())
            .collect();
        if !close.is_empty() {
            findings.push(format!(
                "{} and {} (another release line) were published within an hour of each other",
                new.version,
                close.join(", ")
            ));
        }
        let old_line = ctx.newest_line.as_deref().is_some_and(|l| l != new.line);
        if old_line {
            let mut times: Vec<i64> = ctx
                .timeline
                .iter()
                .filter(|(v, line, t)| line == &new.line && v != &new.version && *t < at)
                .map(|(_, _, t)| *t)
                .collect();
            times.sort_unstable();
            if let Some(&last) = times.last() {
                let gap = at - last;
                let mut gaps: Vec<i64> = times.windows(2).map(|w| w[1] - w[0]).collect();
                gaps.sort_unstable();
                let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(0);
                if days(gap) >= 90 && gap > usual.saturating_mul(3) {
                    findings.push(format!(
                        "{} on the old {}.x line came {} days after that line's previous release",
                        new.version,
                        new.line,
                        days(gap)
                    ));
                }
            }
        }
        if !findings.is_empty() {
            let mut f = about(&Self::META, Severity::Medium, findings.join("; "));
            f.confidence = Confidence::Low;
            out.push(f);
        }
    }
}
