use customs_analyze::Context;

use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// A package whose metadata says nothing about it: no summary or description, and no
    /// home page, project URL or repository.
    ///
    /// ## Why it matters
    /// Throwaway malicious packages are published with empty metadata; real projects
    /// say what they are and where their source lives.
    ///
    /// ## Example
    /// A `PKG-INFO` with only `Name` and `Version`.
    ///
    /// ## When it is wrong
    /// Internal or very young packages; the finding is low severity and low confidence.
    EmptyMetadata {
        id: "empty-metadata",
        summary: "the package describes nothing about itself",
        severity: Low,
        confidence: Low,
    }
}

impl Rule for EmptyMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let empty = says_nothing(input.package);
        if empty {
            out.push(Finding::about(
                &Self::META,
                "",
                Context::Metadata,
                "no description, home page or repository".into(),
            ));
        }
    }
}

/// No description, home page or repository (nor, for npm, a README): a package made to
/// be thrown away or to deceive looks like this.
pub(crate) fn says_nothing(pkg: &customs_ecosystem::Package) -> bool {
    if let Some(m) = &pkg.python {
        m.summary.trim().is_empty()
            && m.description_len == 0
            && m.home_page.trim().is_empty()
            && m.project_urls.is_empty()
    } else if let Some(m) = &pkg.npm {
        m.description.trim().is_empty()
            && m.repository.trim().is_empty()
            && !pkg
                .files
                .iter()
                .any(|f| f.relative.eq_ignore_ascii_case("readme.md"))
    } else {
        false
    }
}
