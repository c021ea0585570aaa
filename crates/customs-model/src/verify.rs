//! What `customs verify` found about artifacts: their integrity (against the index's
//! digest, the registry's signature, the lockfile's hashes) and their provenance. The
//! verifier fills these in; `customs-report` renders them.

use customs_ecosystem::Ecosystem;
use serde::Serialize;

/// Who built an artifact, as its verified certificate says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SignerIdentity {
    /// The OIDC issuer that vouched for the workflow.
    pub issuer: Option<String>,
    /// The certificate's identity (for CI, the workflow's URI with its ref).
    pub identity: Option<String>,
    /// The source repository (`owner/name`).
    pub repository: Option<String>,
    /// The workflow file that ran (`.github/workflows/release.yml`).
    pub workflow: Option<String>,
    /// The git ref it ran on.
    pub git_ref: Option<String>,
    /// The commit.
    pub commit: Option<String>,
    /// What triggered it (`push`, `release`, `workflow_dispatch`).
    pub trigger: Option<String>,
    /// The entry's index in the transparency log.
    pub log_index: Option<u64>,
    /// When the log integrated the entry (seconds since the epoch).
    pub integrated_time: Option<i64>,
}

/// Everything one `customs verify` run checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// One entry per artifact checked.
    pub packages: Vec<VerifiedArtifact>,
    /// Sources that could not be checked at all, each with why.
    pub errors: Vec<String>,
}

impl VerifyReport {
    /// Whether a check failed: an integrity check, a provenance that does not verify,
    /// or (when `require_provenance`) a provenance that is not verified.
    #[must_use]
    pub fn failed(&self, require_provenance: bool) -> bool {
        self.packages.iter().any(|p| p.failed(require_provenance))
    }
}

/// What was found about one artifact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedArtifact {
    /// The target as the user named it (with the lockfile's place, from a lockfile).
    pub target: String,
    /// The ecosystem, for a registry release.
    pub ecosystem: Option<Ecosystem>,
    /// The name, for a registry release.
    pub name: Option<String>,
    /// The version, for a registry release.
    pub version: Option<String>,
    /// The integrity checks.
    pub integrity: IntegrityCheck,
    /// The provenance check.
    pub provenance: ProvenanceOutcome,
}

impl VerifiedArtifact {
    /// Whether one of its checks failed (see [`VerifyReport::failed`]).
    #[must_use]
    pub fn failed(&self, require_provenance: bool) -> bool {
        self.integrity.failed()
            || matches!(self.provenance, ProvenanceOutcome::Failed(_))
            || (require_provenance && !matches!(self.provenance, ProvenanceOutcome::Verified(_)))
    }
}

/// The integrity checks of one artifact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrityCheck {
    /// A local artifact: nothing to compare with, its digests computed.
    Computed {
        /// Hex sha256.
        sha256: String,
        /// Hex sha512.
        sha512: String,
    },
    /// A file of a registry release.
    Registry {
        /// The file's name.
        file: String,
        /// Against the index's digest.
        index: IndexCheck,
        /// The registry's own signature (npm).
        registry_signature: SignatureCheck,
        /// Against the lockfile's hashes, when it came from a lockfile that pins any.
        lockfile: Option<LockfileCheck>,
    },
}

impl IntegrityCheck {
    /// Whether a check failed: the index's digest, the registry's signature or the
    /// lockfile's hashes.
    #[must_use]
    pub fn failed(&self) -> bool {
        match self {
            Self::Computed { .. } => false,
            Self::Registry {
                index,
                registry_signature,
                lockfile,
                ..
            } => {
                matches!(index, IndexCheck::Mismatch { .. })
                    || matches!(registry_signature, SignatureCheck::Failed(_))
                    || *lockfile == Some(LockfileCheck::Mismatch)
            }
        }
    }
}

/// A download against the digest the index lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexCheck {
    /// The bytes are the ones the index lists.
    Verified {
        /// The index's algorithm.
        algorithm: String,
        /// The index's digest.
        expected: String,
        /// The download's hex sha256.
        sha256: String,
    },
    /// The bytes are not the ones the index lists.
    Mismatch {
        /// The index's algorithm.
        algorithm: String,
        /// The index's digest.
        expected: String,
        /// The download's digest.
        actual: String,
    },
    /// The index lists no digest.
    Unchecked,
}

/// The registry's signature of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    /// Verified with the key of this id.
    Verified(String),
    /// It does not verify, and why.
    Failed(String),
    /// No signature to check, or no key to check it with, and why.
    Unknown(String),
}

/// A download against the lockfile's hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockfileCheck {
    /// One of the lockfile's hashes is the download's.
    Verified,
    /// None is.
    Mismatch,
}

/// The provenance of one artifact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvenanceOutcome {
    /// Verified: who built it.
    Verified(SignerIdentity),
    /// It does not verify, and why.
    Failed(String),
    /// The release carries none, and why that is known.
    Absent(String),
    /// It could not be told, and why.
    Unknown(String),
}
