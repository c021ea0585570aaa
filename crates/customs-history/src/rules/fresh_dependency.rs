use customs_rules::{Confidence, Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule, about};

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

/// Younger than this, in seconds, a newly added dependency is fresh.
pub(crate) const FRESH: i64 = 48 * 3600;

impl HistoryRule for FreshDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        for dep in &input.context.dependencies {
            let Some(first) = dep.first_published else {
                continue;
            };
            let sibling = input
                .new
                .identity
                .as_ref()
                .is_some_and(|id| super::platform_sibling(&id.name, &dep.name));
            let age = input.context.now - first;
            if sibling || age >= FRESH {
                continue;
            }
            let scripts = if dep.install_scripts.is_empty() {
                String::new()
            } else {
                format!(
                    ", and it runs install scripts ({})",
                    dep.install_scripts.join(", ")
                )
            };
            let mut f = about(
                &Self::META,
                Severity::High,
                format!(
                    "new dependency {} was first published {} hours before this release{scripts}",
                    dep.name,
                    age.max(0) / 3600
                ),
            );
            if !dep.install_scripts.is_empty() {
                f.confidence = Confidence::High;
            }
            f.context = customs_analyze::Context::Install;
            out.push(f);
        }
    }
}
