//! Renderers: they format scan results and never analyse. Text is for people (like a
//! compiler's diagnostics), JSON is the stable machine contract (`docs/json.md`), SARIF
//! is for code-scanning dashboards, GitHub workflow commands annotate a CI run, and the
//! proxy's web page is HTML.

mod audit;
mod github;
mod json;
mod page;
mod sarif;
mod text;
mod verify;

use customs_outcome::{PackageReport, ScanError};

pub use audit::{JsonAudit, json_audit, sarif_audit, text_audit};
pub use github::{escape_data, escape_property, github, github_audit};
pub use json::{JsonDiff, JsonReport, json, json_diff};
pub use page::{escape_html, page_artifact, page_decisions, page_message, page_not_found};
pub use sarif::sarif;
pub use text::{TextOptions, change_lines, text, text_diff};
pub use verify::{json_verify, text_verify};

/// The file a finding's member path names, for a package read from the disk: the
/// folder's file, or the file itself when a single source file was scanned.
pub(crate) fn folder_file(target: &str, member: &str) -> String {
    let target = target.trim_end_matches('/');
    let alone = std::path::Path::new(target)
        .file_name()
        .is_some_and(|n| n.to_string_lossy() == member)
        && std::path::Path::new(target).is_file();
    if alone {
        target.to_owned()
    } else {
        format!("{target}/{member}")
    }
}

/// Every rule: the content catalogue, then the history and source rules.
#[must_use]
pub fn all_rules() -> Vec<&'static customs_rules::RuleMeta> {
    customs_rules::catalogue()
        .iter()
        .map(|r| r.meta())
        .chain(customs_rules::history::metas())
        .collect()
}

/// The documentation of a rule, content or history.
#[must_use]
pub fn rule_meta(id: &str) -> Option<&'static customs_rules::RuleMeta> {
    customs_rules::rule(id).map(|r| r.meta()).or_else(|| {
        customs_rules::history::metas()
            .into_iter()
            .find(|m| m.id == id)
    })
}

/// The version written into reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything one run produced.
pub struct RunReport<'a> {
    /// Packages scanned, in the order the targets were given.
    pub packages: &'a [PackageReport],
    /// Targets that could not be scanned.
    pub errors: &'a [ScanError],
}
