use crate::{Finding, declare_rule};
use customs_analyze::Context;

declare_rule! {
    /// ## What it finds
    /// A lockfile entry whose recorded hashes match none of the files the index now
    /// lists for that version.
    ///
    /// ## Why it matters
    /// The lockfile records what was reviewed and installed before. If the index now
    /// serves different bytes under the same version, either the index or the lockfile
    /// was tampered with; pip with `--require-hashes` and `npm ci` refuse to install.
    ///
    /// ## Example
    /// ```text
    /// requests==2.32.3 --hash=sha256:9f2c… (the index lists 70761c… and 55365e…)
    /// ```
    ///
    /// ## When it is wrong
    /// Lockfiles written against another index (a private mirror that rebuilt the
    /// package) legitimately hold other hashes.
    LockfileHashMismatch {
        id: "lockfile-hash-mismatch",
        summary: "the lockfile's hashes match none of the index's files for the version",
        severity: Critical,
        confidence: High,
    }
}

impl LockfileHashMismatch {
    /// The finding, naming the lockfile's and the index's digests.
    #[must_use]
    pub fn finding(lockfile: &str, recorded: &[String], listed: &[String]) -> Finding {
        Finding::about(
            &Self::META,
            "",
            Context::Metadata,
            format!(
                "{lockfile} records {} but the index lists {}",
                recorded.join(", "),
                if listed.is_empty() {
                    "no digest".to_owned()
                } else {
                    listed.join(", ")
                }
            ),
        )
    }
}
