use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A release whose publishing evidence is weaker than that of an earlier release of
    /// the same package. From strongest to weakest: a staged publish approved by a
    /// maintainer (npm `_npmUser.approver`); trusted publishing with provenance (npm
    /// `_npmUser.trustedPublisher` with `dist.attestations`, PyPI PEP 740
    /// attestations); provenance alone; a registry signature alone; nothing. This is
    /// pnpm's `trustPolicy: no-downgrade`; the policy setting `trust = "no-downgrade"`
    /// blocks such a release.
    ///
    /// ## Why it matters
    /// Trusted publishing ties a release to the project's CI; a stolen token cannot
    /// reproduce it. An attacker who publishes from their own machine leaves a release
    /// with less evidence than the ones before: the hijacked axios release was
    /// published by hand where earlier ones came from CI with provenance. Trust that
    /// only ever goes up makes that visible. Where the index does not carry these
    /// fields (mirrors that strip them), the evidence is unknown: never a downgrade.
    ///
    /// ## Example
    /// ```text
    /// 1.14.0: trusted publishing with provenance (_npmUser.trustedPublisher, attestations)
    /// 1.14.1: a registry signature only
    /// ```
    ///
    /// ## When it is wrong
    /// A project may move CI, or publish one release by hand. The finding names the
    /// earlier release with the stronger evidence, so the maintainers can be asked;
    /// exempt the package or the one release with `trust_exempt` in the policy file.
    TrustDowngrade {
        id: "trust-downgrade",
        summary: "published with weaker evidence of who published it than an earlier release",
        severity: High,
        confidence: Medium,
    }
}
