use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// Source files that were readable in the previous release and are minified,
    /// packed or obfuscated in the new one, at the same path.
    ///
    /// ## Why it matters
    /// Replacing readable code with an unreadable blob is how an injected payload hides
    /// from review and from diff tools: the change is one long line that nobody reads.
    ///
    /// ## Example
    /// ```text
    /// lib/index.js: 420 lines -> 1 line of 180 KB
    /// ```
    ///
    /// ## When it is wrong
    /// Projects that start shipping a bundled build instead of their sources; the
    /// finding is medium and names the files.
    MinifiedReplacement {
        id: "minified-replacement",
        summary: "readable source files replaced by minified or obfuscated ones",
        severity: Medium,
        confidence: Medium,
    }
}
