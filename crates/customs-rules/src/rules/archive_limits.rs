use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// Parts of the archive customs did not analyse: more members or more bytes than the
    /// limits, a member larger than the per-file limit (hashed, not analysed), nesting
    /// deeper than the limit, members that could not be decompressed, a stream that breaks
    /// off after some members, member names that are not UTF-8 or carry control characters
    /// or backslashes.
    ///
    /// ## Why it matters
    /// A verdict is only as good as what was read; this finding says what was not. An
    /// artifact left partly unread (a whole-archive limit, a member of the artifact that
    /// cannot be decompressed, a truncated stream) is also reported as not read in full,
    /// which the policy's `[unreadable]` action decides on (block by default).
    ///
    /// ## Example
    /// `pkg/data.bin: file-too-large: member is larger than the 268435456 byte analysis limit`.
    ///
    /// ## When it is wrong
    /// Large legitimate packages may exceed the defaults; raise them with
    /// `--max-file-size`, `--max-total-size` or `--max-entries`.
    ArchiveLimits {
        id: "archive-limits",
        summary: "part of the archive was not analysed",
        severity: Low,
        confidence: Medium,
    }
}

impl Rule for ArchiveLimits {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        from_anomalies(
            input,
            out,
            &Self::META,
            &[
                AnomalyKind::TooManyEntries,
                AnomalyKind::TotalSizeExceeded,
                AnomalyKind::FileTooLarge,
                AnomalyKind::NestingTooDeep,
                AnomalyKind::NestedUnreadable,
                AnomalyKind::UnreadableMember,
                AnomalyKind::Truncated,
                AnomalyKind::SuspiciousName,
            ],
            |a, f| {
                if matches!(
                    a.kind,
                    AnomalyKind::UnreadableMember
                        | AnomalyKind::Truncated
                        | AnomalyKind::SuspiciousName
                ) {
                    f.severity = Severity::Medium;
                }
                true
            },
        );
    }
}
