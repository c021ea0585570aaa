use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A release published by an account that published none of the package's recent
    /// releases (npm `_npmUser`), or a change of the maintainer set between two
    /// releases.
    ///
    /// ## Why it matters
    /// Account takeovers and social-engineered maintainer handovers show up as a new
    /// name on a release. Combined with missing provenance or a new install hook, it
    /// is the signature of a hijacked release.
    ///
    /// ## Example
    /// ```text
    /// 1.14.0 published by ci-bot; 1.14.1 published by jasonsaayman-personal
    /// ```
    ///
    /// ## When it is wrong
    /// Teams grow and rotate. Indexes that do not say who published (mirrors) leave
    /// this rule silent.
    NewPublisher {
        id: "new-publisher",
        summary: "published by an account new to the package, or the maintainers changed",
        severity: Medium,
        confidence: Medium,
    }
}
