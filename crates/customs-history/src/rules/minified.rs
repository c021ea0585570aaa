use customs_rules::{Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule};

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

impl HistoryRule for MinifiedReplacement {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        for change in &input.changes.files_changed {
            let (Some(old), Some(new)) = (
                input.old.files.get(&change.path),
                input.new.files.get(&change.path),
            ) else {
                continue;
            };
            if new.code && new.unreadable && !old.unreadable {
                let mut f = Finding::about(
                    &Self::META,
                    &format!("{}{}", input.new.root, change.path),
                    customs_analyze::Context::Import,
                    format!(
                        "{} was readable source ({} lines) and is now minified or obfuscated ({} lines, {} bytes)",
                        change.path,
                        old.lines.unwrap_or(0),
                        new.lines.unwrap_or(0),
                        new.size
                    ),
                );
                f.severity = Severity::Medium;
                out.push(f);
            }
        }
    }
}
