use customs_archive::AnomalyKind;

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// Encrypted zip members.
    ///
    /// ## Why it matters
    /// An encrypted member cannot be inspected by anyone but the holder of the password,
    /// which a package's own code can carry: a way to smuggle a payload past scanners.
    ///
    /// ## Example
    /// `payload.bin` inside a wheel, with the encryption flag set.
    ///
    /// ## When it is wrong
    /// Hardly ever in a published package.
    ArchiveEncrypted {
        id: "archive-encrypted",
        summary: "a member is encrypted",
        severity: Medium,
        confidence: High,
    }
}

impl Rule for ArchiveEncrypted {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        from_anomalies(
            input,
            out,
            &Self::META,
            &[AnomalyKind::Encrypted],
            |_, _| true,
        );
    }
}
