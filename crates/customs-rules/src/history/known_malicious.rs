use crate::{Finding, declare_rule};
use customs_analyze::Context;

declare_rule! {
    /// ## What it finds
    /// A package version that a malicious-package record (`MAL-` in the OSV format, as
    /// the OpenSSF malicious-packages data publishes them) names, found in the local
    /// store (`customs db import` loads the data).
    ///
    /// ## Why it matters
    /// Someone has already analysed this release and found malware in it. No further
    /// evidence is needed: the version is malicious whatever the scan of its contents
    /// says, and it is not downloaded.
    ///
    /// ## Example
    /// ```text
    /// event-stream 3.3.6: MAL-… depends on flatmap-stream, which steals wallet keys
    /// ```
    ///
    /// ## When it is wrong
    /// When a record is itself mistaken; such records are withdrawn upstream, and a
    /// fresh `customs db import` removes them.
    KnownMalicious {
        id: "known-malicious",
        summary: "the version is named by a known-malicious record",
        severity: Critical,
        confidence: High,
    }
}

impl KnownMalicious {
    /// The finding for one record.
    #[must_use]
    pub fn finding(id: &str, summary: &str) -> Finding {
        Finding::about(
            &Self::META,
            "",
            Context::Metadata,
            format!("{id}: {summary}"),
        )
    }
}
