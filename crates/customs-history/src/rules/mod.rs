//! The history rules, one file each; a rule's doc comment is its documentation.

mod cadence;
mod digest_mismatch;
mod direct_source_dependency;
mod fresh_dependency;
mod install_behaviour;
mod install_hook;
mod known_malicious;
mod lockfile_hash;
mod minified;
mod new_bin;
mod provenance;
mod provenance_invalid;
mod publisher;
mod risky_dependency;
mod trust_downgrade;
mod unused_dependency;

use crate::HistoryRule;

pub use digest_mismatch::DigestMismatch;
pub use known_malicious::KnownMalicious;
pub use lockfile_hash::LockfileHashMismatch;
pub use provenance_invalid::ProvenanceInvalid;
pub use trust_downgrade::TrustDowngrade;
pub(crate) use unused_dependency::platform_sibling;

pub(crate) static ALL: &[&dyn HistoryRule] = &[
    &risky_dependency::RiskyNewDependency,
    &provenance::ProvenanceDropped,
    &trust_downgrade::TrustDowngrade,
    &fresh_dependency::FreshDependency,
    &direct_source_dependency::DirectSourceDependency,
    &new_bin::NewBin,
    &unused_dependency::UnusedNewDependency,
    &install_hook::NewInstallHook,
    &install_behaviour::NewInstallBehaviour,
    &publisher::NewPublisher,
    &cadence::ReleaseCadence,
    &minified::MinifiedReplacement,
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
