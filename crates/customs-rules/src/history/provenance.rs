use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A release published without the build provenance (npm provenance, PyPI PEP 740
    /// attestations) that earlier releases of the package carried; or with provenance
    /// from a different repository or workflow than before.
    ///
    /// ## Why it matters
    /// Provenance says a release was built by the project's CI from its repository. An
    /// attacker holding a maintainer's token publishes from their own machine, and the
    /// provenance disappears: the hijacked axios release was the first in its line
    /// without it. Only indexes that carry provenance can show this; on a mirror that
    /// strips it, provenance is *unknown* and this rule stays silent.
    ///
    /// ## Example
    /// ```text
    /// 1.14.0: provenance (GitHub Actions, axios/axios, release.yml)
    /// 1.14.1: no provenance
    /// ```
    ///
    /// ## When it is wrong
    /// Projects sometimes move CI or publish one release by hand. The finding names
    /// the last release that had provenance so the maintainers can be asked.
    ProvenanceDropped {
        id: "provenance-dropped",
        summary: "earlier releases carried build provenance and this one does not",
        severity: High,
        confidence: High,
    }
}
