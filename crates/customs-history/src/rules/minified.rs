use customs_rules::{Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule};

use customs_rules::history::MinifiedReplacement;

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
