//! Renderers: they format scan results and never analyse. Text is for people (like a
//! compiler's diagnostics), JSON is the stable machine contract (`docs/json.md`), SARIF
//! is for code-scanning dashboards.

mod json;
mod sarif;
mod text;

use customs_scan::{PackageReport, ScanError};

pub use json::{JsonReport, json};
pub use sarif::sarif;
pub use text::{TextOptions, text};

/// The version written into reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything one run produced.
pub struct RunReport<'a> {
    /// Packages scanned, in the order the targets were given.
    pub packages: &'a [PackageReport],
    /// Targets that could not be scanned.
    pub errors: &'a [ScanError],
}
