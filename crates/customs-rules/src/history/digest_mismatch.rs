use crate::{Finding, declare_rule};
use customs_analyze::Context;

declare_rule! {
    /// ## What it finds
    /// An artifact whose bytes do not match the digest its index lists for it (sha256 on
    /// PyPI, the SRI sha512 `integrity` on npm).
    ///
    /// ## Why it matters
    /// The digest is how an installer knows it received the file the index published.
    /// A mismatch means the file was replaced on its way: a compromised mirror, a proxy
    /// that rewrites downloads, or tampering in transit. pip with `--require-hashes`
    /// and npm refuse such files; customs reports them as critical and never caches
    /// them.
    ///
    /// ## Example
    /// ```text
    /// demo-1.0.tar.gz: sha256 9f2c… expected, 41ab… received
    /// ```
    ///
    /// ## When it is wrong
    /// Practically never: an index that rewrites files after publishing them is itself
    /// broken. Re-run against the index directly to tell a bad mirror from a bad file.
    DigestMismatch {
        id: "artifact-digest-mismatch",
        summary: "the downloaded artifact does not match the index's digest",
        severity: Critical,
        confidence: High,
    }
}

impl DigestMismatch {
    /// The finding for a file whose digest did not match.
    #[must_use]
    pub fn finding(file_name: &str, algorithm: &str, expected: &str, actual: &str) -> Finding {
        Finding::about(
            &Self::META,
            "",
            Context::Metadata,
            format!(
                "{file_name}: the index lists {algorithm} {expected}, the downloaded bytes have {actual}"
            ),
        )
    }
}
