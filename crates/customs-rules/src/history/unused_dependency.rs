use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A dependency that the new release adds and that no file of the release imports
    /// or requires, and that no npm script runs.
    ///
    /// ## Why it matters
    /// It is the shape of the best-known hijacked release: the package's own code did
    /// not change; the attacker added one dependency whose install hook dropped a
    /// remote-access trojan. A dependency nothing uses has no reason to be installed
    /// except for what it does when it is.
    ///
    /// ## Example
    /// ```text
    /// "dependencies": { "follow-redirects": "^1.15.6", "plain-crypto-js": "^4.2.1" }
    /// ```
    /// where no file requires `plain-crypto-js`.
    ///
    /// ## When it is wrong
    /// Plugins and peer tools loaded by name from configuration, type-only packages, and
    /// Python distributions whose import name differs from the distribution name in ways
    /// customs cannot guess. Python findings are therefore of low confidence.
    UnusedNewDependency {
        id: "unused-new-dependency",
        summary: "a new dependency that no file of the package uses",
        severity: High,
        confidence: Medium,
    }
}
