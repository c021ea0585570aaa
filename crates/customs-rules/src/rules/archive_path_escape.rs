use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

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
            |_, _| true,
        );
    }
}
