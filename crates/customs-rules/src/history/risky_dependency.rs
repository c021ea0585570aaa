use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A dependency the new release adds that is itself risky, checked on the registry
    /// and scanned (one level deep): malicious or suspicious by customs' own scan,
    /// published only days ago, or running install scripts.
    ///
    /// ## Why it matters
    /// In a hijacked release the payload is often not in the package at all but in a
    /// dependency created for the attack a day before, whose `postinstall` is the
    /// dropper. Scanning the package alone sees a clean tree.
    ///
    /// ## Example
    /// ```text
    /// plain-crypto-js@4.2.1: first published 1 day ago; postinstall "node setup.js";
    /// verdict malicious (decode-execute in setup.js)
    /// ```
    ///
    /// ## When it is wrong
    /// New helper packages split out of a project are young too; young age alone is of
    /// medium severity, and only a scan verdict makes the finding critical.
    RiskyNewDependency {
        id: "risky-new-dependency",
        summary: "a newly added dependency that is malicious, days old, or runs install scripts",
        severity: Critical,
        confidence: High,
    }
}
