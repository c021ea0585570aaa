use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A dependency the new release adds whose package was itself first published
    /// (npm `time.created`, or its first release) less than 48 hours before this
    /// release.
    ///
    /// ## Why it matters
    /// A hijacker who wants code to run on every machine that updates does not need to
    /// touch the package's own code: the hijacked axios release added one dependency,
    /// staged 18 hours earlier, whose `postinstall` dropped a remote-access trojan.
    /// Legitimate projects rarely depend on a package born the day before their
    /// release; an attacker has to.
    ///
    /// ## Example
    /// ```text
    /// axios 1.14.1 adds plain-crypto-js (first published 18 hours before 1.14.1)
    /// ```
    ///
    /// ## When it is wrong
    /// A project that splits code into a new package of its own and releases both the
    /// same day. The package's own per-platform binaries (`pkg-linux-x64` of `pkg`) are
    /// not flagged. Where the index does not say when the dependency was published,
    /// the rule is silent (`risky-new-dependency` still scans it).
    FreshDependency {
        id: "fresh-dependency",
        summary: "a newly added dependency first published less than 48 hours before the release",
        severity: High,
        confidence: Medium,
    }
}
