//! The data every surface shares, kept apart from the code that fetches or judges it:
//! what a package index says of a project (its releases and their files, digests,
//! publishers, provenance and trust level, whether a download matched), what a policy
//! decides on and what the proxy keeps of a judgement, the store's advisories, what
//! `customs verify` found, and the time helpers its dates need. The registry client,
//! the store, the scanner and the verifier fill these in; the history rules, the
//! policy, the proxy and the reports read them, without depending on the code that
//! produced them.

mod decision;
mod registry;
mod time;
mod verify;

pub use decision::{
    Action, Advisory, ArtifactSummary, BuildIdentity, Decision, DecisionFacts, DecisionRecord,
    FindingSummary, VerdictLevel,
};
pub use registry::{
    Digest, FileRef, Integrity, Project, Provenance, Publisher, REGISTRY_INSTALL_HOOKS,
    RegistrySignature, Release, TrustLevel, platform_wheel,
};
pub use time::{format_rfc3339, now, parse_rfc3339};
pub use verify::{
    IndexCheck, IntegrityCheck, LockfileCheck, ProvenanceOutcome, SignatureCheck, SignerIdentity,
    VerifiedArtifact, VerifyReport,
};
