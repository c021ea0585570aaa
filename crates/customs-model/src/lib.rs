//! The data every surface shares, kept apart from the code that fetches or judges it:
//! what a package index says of a project (its releases and their files, digests,
//! publishers, provenance and trust level), what `customs verify` found, and the time
//! helpers its dates need. The registry client and the verifier fill these in; the
//! history rules, the scanner, the proxy and the reports read them, without depending
//! on the HTTP client.

mod decision;
mod registry;
mod time;
mod verify;

pub use decision::{ArtifactSummary, BuildIdentity, DecisionFacts, FindingSummary, VerdictLevel};
pub use registry::{
    Digest, FileRef, Project, Provenance, Publisher, RegistrySignature, Release, TrustLevel,
    platform_wheel,
};
pub use time::{format_rfc3339, now, parse_rfc3339};
pub use verify::{
    IndexCheck, IntegrityCheck, LockfileCheck, ProvenanceOutcome, SignatureCheck, SignerIdentity,
    VerifiedArtifact, VerifyReport,
};
