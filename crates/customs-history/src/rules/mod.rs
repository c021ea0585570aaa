//! The history rules, one file each: what each compares. Their documentation (a rule's
//! doc comment) is in the rule catalogue, `customs_rules::history`, under the same file name.

mod cadence;
mod direct_source_dependency;
mod fresh_dependency;
mod install_behaviour;
mod install_hook;
mod minified;
mod new_bin;
mod provenance;
mod publisher;
mod risky_dependency;
mod trust_downgrade;
mod unused_dependency;

use customs_rules::history;

use crate::HistoryRule;

pub use customs_rules::history::{
    DigestMismatch, KnownMalicious, LockfileHashMismatch, ProvenanceInvalid, TrustDowngrade,
};
pub(crate) use unused_dependency::platform_sibling;

pub(crate) static ALL: &[&dyn HistoryRule] = &[
    &history::RiskyNewDependency,
    &history::ProvenanceDropped,
    &history::TrustDowngrade,
    &history::FreshDependency,
    &history::DirectSourceDependency,
    &history::NewBin,
    &history::UnusedNewDependency,
    &history::NewInstallHook,
    &history::NewInstallBehaviour,
    &history::NewPublisher,
    &history::ReleaseCadence,
    &history::MinifiedReplacement,
];

#[cfg(test)]
mod tests {
    #[test]
    fn documented_and_unique() {
        let mut ids: Vec<&str> = crate::rule_metas().iter().map(|m| m.id).collect();
        for m in crate::rule_metas() {
            for part in [
                "## What it finds",
                "## Why",
                "## Example",
                "## When it is wrong",
            ] {
                assert!(m.doc.contains(part), "{} lacks {part}", m.id);
            }
            assert!(
                customs_rules::rule(m.id).is_none(),
                "{} is also a content rule",
                m.id
            );
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
