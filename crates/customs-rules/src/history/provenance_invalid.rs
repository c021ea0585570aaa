use crate::{Finding, declare_rule};
use customs_analyze::Context;

declare_rule! {
    /// ## What it finds
    /// A release whose index publishes build provenance (npm's attestations, PEP 740) that
    /// does not verify: the signing certificate does not chain to Sigstore's root, the
    /// transparency log does not prove the entry, the signature does not cover the
    /// statement, or the statement names another artifact.
    ///
    /// ## Why it matters
    /// Provenance that is present and wrong is worse than none: it is either a forgery
    /// meant to make a hijacked release look as if the project's CI built it, or an
    /// artifact swapped after it was attested. Installers that check provenance refuse
    /// it; customs reports it as critical.
    ///
    /// ## Example
    /// ```text
    /// demo-1.0.1.tgz: the provenance does not verify: the statement's subject digest is not the artifact's
    /// ```
    ///
    /// ## When it is wrong
    /// When the trusted root is out of date for a newly rotated key: run
    /// `customs verify` with a current `--trusted-root` to tell the two apart.
    ProvenanceInvalid {
        id: "provenance-invalid",
        summary: "the release's published provenance does not verify",
        severity: Critical,
        confidence: High,
    }
}

impl ProvenanceInvalid {
    /// The finding for a file whose provenance failed a check.
    #[must_use]
    pub fn finding(file_name: &str, reason: &str) -> Finding {
        Finding::about(
            &Self::META,
            "",
            Context::Metadata,
            format!("{file_name}: the provenance does not verify: {reason}"),
        )
    }
}
