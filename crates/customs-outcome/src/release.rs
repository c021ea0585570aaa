//! What the registry says of a release and of the dependencies it adds, as the history
//! rules read it and the reports show it.

use customs_model::{Provenance, Publisher, TrustLevel};
use customs_rules::VerdictLevel;
use serde::Serialize;

/// What the registry says of one release.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReleaseFacts {
    /// The version.
    pub version: String,
    /// Upload time, seconds since the epoch.
    pub uploaded: Option<i64>,
    /// Its release line (`1`, `0.30`).
    pub line: String,
    /// Build provenance.
    pub provenance: Provenance,
    /// Who the provenance says built it, when read.
    pub builder: Option<Publisher>,
    /// The publishing account (npm `_npmUser`), when the index says.
    pub publisher: Option<String>,
    /// Maintainers at the time, when the index says.
    pub maintainers: Option<Vec<String>>,
    /// The strength of its publishing evidence; `None` when the index does not say.
    pub trust: Option<TrustLevel>,
}

/// A dependency the new release adds, resolved on the registry and scanned.
#[derive(Debug, Clone, Serialize)]
pub struct DependencyCheck {
    /// Its name.
    pub name: String,
    /// The version the requirement resolves to.
    pub version: Option<String>,
    /// When the project was first published.
    pub first_published: Option<i64>,
    /// When the resolved version was published.
    pub published: Option<i64>,
    /// Install-time lifecycle scripts it declares.
    pub install_scripts: Vec<String>,
    /// The verdict of its scan.
    pub verdict: Option<VerdictLevel>,
    /// Its most severe finding, as a sentence.
    pub top_finding: Option<String>,
    /// Why it could not be checked.
    pub error: Option<String>,
}
