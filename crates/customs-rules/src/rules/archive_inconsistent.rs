use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// Archives that show different files to different tools: two members with the same
    /// name, zip local headers that disagree with the central directory, overlapping zip
    /// entries, local headers the central directory does not list.
    ///
    /// ## Why it matters
    /// A scanner and an installer that read the archive differently can be shown a
    /// harmless file and a malicious one under the same name. Build tools never produce
    /// these archives.
    ///
    /// ## Example
    /// A tar with `pkg/setup.py` twice: the first is reviewed, the second is installed.
    ///
    /// ## When it is wrong
    /// Some build tools add a file twice with the same content; that is reported as
    /// `repeated-entry` at info level and never counts.
    ArchiveInconsistent {
        id: "archive-inconsistent",
        summary: "the archive shows different files to different tools",
        severity: High,
        confidence: Medium,
    }
}

impl Rule for ArchiveInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        from_anomalies(
            input,
            out,
            &Self::META,
            &[
                AnomalyKind::DuplicateEntry,
                AnomalyKind::RepeatedEntry,
                AnomalyKind::HeaderMismatch,
            ],
            |a, f| {
                if a.kind == AnomalyKind::RepeatedEntry {
                    f.severity = crate::Severity::Info;
                }
                true
            },
        );
    }
}
