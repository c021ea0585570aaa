use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::FreshDependency;

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
