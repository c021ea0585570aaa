use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A release out of the package's rhythm: a release on an old line long after that
    /// line's last release, or two release lines published within an hour of each
    /// other.
    ///
    /// ## Why it matters
    /// An attacker with a maintainer's token maximises reach by publishing poisoned
    /// versions on every line that users' ranges still pick up, quickly, before anyone
    /// notices: the hijacked axios releases went out on the 1.x and 0.x lines within
    /// the same hour.
    ///
    /// ## Example
    /// ```text
    /// 1.14.1  2026-03-31 00:21
    /// 0.30.4  2026-03-31 01:00   (0.30.3 was 14 months earlier)
    /// ```
    ///
    /// ## When it is wrong
    /// Security fixes are backported to several lines at once, and that is exactly
    /// this shape. The finding is of low confidence and only adds to other evidence.
    ReleaseCadence {
        id: "release-cadence",
        summary: "a release on an old line out of its cadence, or several lines within an hour",
        severity: Medium,
        confidence: Low,
    }
}
