use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// A member that expands far beyond what its compressed size explains (more than
    /// 250:1 past 8 MiB by default). customs skips that member (nothing of it is kept or
    /// analysed) and reads the members after it as usual, so a bomb cannot hide them.
    ///
    /// ## Why it matters
    /// Compression bombs exhaust the disk or memory of whatever unpacks them: scanners,
    /// mirrors, installers. Real packages do not need them.
    ///
    /// ## Example
    /// A 50 KiB archive member that inflates to 50 MiB of zeros.
    ///
    /// ## When it is wrong
    /// Packages that ship huge, highly repetitive data files; raise the ratio limit with
    /// `--max-ratio`.
    ArchiveBomb {
        id: "archive-bomb",
        summary: "the archive is a compression bomb",
        severity: High,
        confidence: High,
    }
}

impl Rule for ArchiveBomb {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        from_anomalies(
            input,
            out,
            &Self::META,
            &[AnomalyKind::CompressionBomb],
            |_, _| true,
        );
    }
}
