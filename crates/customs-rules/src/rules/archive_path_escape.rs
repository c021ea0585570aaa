use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// Archive members whose path climbs out of the extraction folder (`../../.bashrc`)
    /// or is absolute (`/etc/cron.d/x`, `C:\...`).
    ///
    /// ## Why it matters
    /// An extractor that trusts member paths writes wherever the archive says ("zip
    /// slip"): into shell rc files, cron folders, other packages. No build tool produces
    /// such paths; they are made by hand.
    ///
    /// ## Example
    /// A tar member named `../../home/user/.bashrc`.
    ///
    /// ## When it is wrong
    /// Never for a published package.
    ArchivePathEscape {
        id: "archive-path-escape",
        summary: "member paths escape the extraction folder",
        severity: High,
        confidence: High,
    }
}

impl Rule for ArchivePathEscape {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        from_anomalies(
            input,
            out,
            &Self::META,
            &[AnomalyKind::PathTraversal, AnomalyKind::AbsolutePath],
            |a, f| {
                // Installers extract the artifact, never the archives inside it: a
                // traversal in a nested archive (test data of archive libraries) only
                // matters to whoever later extracts that inner archive.
                if a.path.contains(customs_archive::NESTED_SEPARATOR) {
                    f.severity = Severity::Low;
                    f.confidence = Confidence::Medium;
                    f.message
                        .push_str(" (inside a nested archive, which installers do not extract)");
                }
                true
            },
        );
    }
}
