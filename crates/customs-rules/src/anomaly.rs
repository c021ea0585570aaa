//! The common shape of archive rules: anomalies of given kinds become findings.

use customs_analyze::Context;
use customs_archive::{Anomaly, AnomalyKind};

use crate::{Finding, Input, RuleMeta};

/// Adds a finding for every anomaly of `kinds`; `adjust` may change its severity and
/// confidence from the anomaly (returning `false` drops it).
pub(crate) fn from_anomalies(
    input: &Input<'_>,
    out: &mut Vec<Finding>,
    meta: &'static RuleMeta,
    kinds: &[AnomalyKind],
    adjust: impl Fn(&Anomaly, &mut Finding) -> bool,
) {
    for a in input
        .package
        .tree
        .anomalies
        .iter()
        .filter(|a| kinds.contains(&a.kind))
    {
        let mut f = Finding::about(
            meta,
            &a.path,
            Context::Metadata,
            format!("{}: {}", a.kind.as_str(), a.detail),
        );
        if adjust(a, &mut f) {
            out.push(f);
        }
    }
}
