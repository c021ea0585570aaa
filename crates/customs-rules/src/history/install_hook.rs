use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// An install-time hook that the previous release did not have, or that changed: an
    /// npm lifecycle script (`preinstall`, `install`, `postinstall`, `prepare`), a
    /// `.pth` file, a setuptools command override (`cmdclass`), a `binding.gyp`, an
    /// in-tree build backend.
    ///
    /// ## Why it matters
    /// Install hooks run with the installing user's rights before anyone has looked at
    /// the code. Established packages rarely grow new ones; a release that suddenly
    /// does is how a hijacked account turns into code running on every machine that
    /// updates.
    ///
    /// ## Example
    /// ```text
    /// npm postinstall: (none) -> "node setup.js"
    /// ```
    ///
    /// ## When it is wrong
    /// Packages that start shipping native builds or generated files add hooks
    /// legitimately; what the hook runs (judged by the content rules) decides.
    NewInstallHook {
        id: "new-install-hook",
        summary: "an install-time hook that the previous release did not have",
        severity: High,
        confidence: Medium,
    }
}
