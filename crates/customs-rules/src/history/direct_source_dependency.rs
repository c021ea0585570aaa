use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A dependency the new release takes from outside the registry, where the
    /// previous release did not: a git repository (`git+https://…`, `github:owner/repo`,
    /// `owner/repo`), a URL (`https://…/x.tgz`, PEP 508 `name @ https://…`), or a local
    /// path (`file:`, `link:`).
    ///
    /// ## Why it matters
    /// Such a dependency bypasses everything the registry gives: no published version to
    /// check against known malware, no digest in the document, no release age, no
    /// provenance; a git dependency also runs its `prepare` script when installed. The
    /// code behind a URL can change after the release is published. customs cannot
    /// check it either.
    ///
    /// ## Example
    /// ```text
    /// "dependencies": {"helper": "github:someone/helper#main"}   (was "^1.2.0")
    /// ```
    ///
    /// ## When it is wrong
    /// A project may point at a fork while a fix waits upstream; the finding names the
    /// source so it can be reviewed.
    DirectSourceDependency {
        id: "direct-source-dependency",
        summary: "a dependency taken from git, a URL or a path instead of the registry",
        severity: High,
        confidence: High,
    }
}
