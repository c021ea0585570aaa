//! The rules over a release's history and its source (what the registry and the store
//! say of it rather than what its code does): their documentation, one file each, as
//! `customs rules ID` prints it. The comparisons that raise the history rules' findings
//! are in `customs-history`; the source rules' findings are made here, from what the
//! engine hands them.

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

use crate::RuleMeta;

pub use cadence::ReleaseCadence;
pub use digest_mismatch::DigestMismatch;
pub use direct_source_dependency::DirectSourceDependency;
pub use fresh_dependency::FreshDependency;
pub use install_behaviour::NewInstallBehaviour;
pub use install_hook::NewInstallHook;
pub use known_malicious::KnownMalicious;
pub use lockfile_hash::LockfileHashMismatch;
pub use minified::MinifiedReplacement;
pub use new_bin::NewBin;
pub use provenance::ProvenanceDropped;
pub use provenance_invalid::ProvenanceInvalid;
pub use publisher::NewPublisher;
pub use risky_dependency::RiskyNewDependency;
pub use trust_downgrade::TrustDowngrade;
pub use unused_dependency::UnusedNewDependency;

/// The documentation of every history rule and source rule, in the order reports list
/// them.
#[must_use]
pub fn metas() -> Vec<&'static RuleMeta> {
    vec![
        &RiskyNewDependency::META,
        &ProvenanceDropped::META,
        &TrustDowngrade::META,
        &FreshDependency::META,
        &DirectSourceDependency::META,
        &NewBin::META,
        &UnusedNewDependency::META,
        &NewInstallHook::META,
        &NewInstallBehaviour::META,
        &NewPublisher::META,
        &ReleaseCadence::META,
        &MinifiedReplacement::META,
        &DigestMismatch::META,
        &KnownMalicious::META,
        &LockfileHashMismatch::META,
        &ProvenanceInvalid::META,
    ]
}
