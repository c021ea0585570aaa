use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::DirectSourceDependency;

/// What kind of source a requirement names outside the registry, if it does.
#[must_use]
pub(crate) fn outside_registry(spec: &str) -> Option<&'static str> {
    let s = spec.trim();
    let url = s.strip_prefix('@').map_or(s, str::trim);
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("git+")
        || lower.starts_with("git:")
        || lower.starts_with("git@")
        || lower.starts_with("github:")
        || lower.starts_with("gitlab:")
        || lower.starts_with("bitbucket:")
        || lower.starts_with("gist:")
        || lower.ends_with(".git")
    {
        Some("git")
    } else if lower.starts_with("file:")
        || lower.starts_with("link:")
        || lower.starts_with("portal:")
    {
        Some("file")
    } else if lower.contains("://") {
        Some("URL")
    } else if lower.starts_with(['.', '/', '~']) {
        Some("file")
    } else if !lower.starts_with("npm:")
        && !lower.starts_with("workspace:")
        && lower.split('#').next().is_some_and(|p| {
            let mut parts = p.split('/');
            matches!((parts.next(), parts.next(), parts.next()),
                (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() && !a.starts_with('@')
                    && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)))
        })
    {
        // npm's `owner/repo` shorthand for a GitHub repository.
        Some("git")
    } else {
        None
    }
}

impl HistoryRule for DirectSourceDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        for change in &input.changes.dependencies {
            let Some(new) = &change.new else { continue };
            let Some(kind) = outside_registry(new) else {
                continue;
            };
            let message = match change.old.as_deref() {
                Some(old) if outside_registry(old).is_some() => continue,
                Some(old) => format!(
                    "dependency {} now comes from a {kind} source: {new} (was {old:?})",
                    change.name
                ),
                None => format!("new dependency {} from a {kind} source: {new}", change.name),
            };
            let mut f = about(&Self::META, Severity::High, message);
            f.confidence = Confidence::High;
            f.context = customs_analyze::Context::Install;
            if !input.new.is_python() {
                f.path = format!("{}package.json", input.new.root);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::outside_registry;

    #[test]
    fn registry_and_other_sources() {
        for (spec, kind) in [
            ("git+https://example.invalid/a/b.git", Some("git")),
            ("github:owner/repo#main", Some("git")),
            ("owner/repo", Some("git")),
            ("https://example.invalid/x.tgz", Some("URL")),
            ("@ https://example.invalid/x.whl", Some("URL")),
            ("@ git+https://example.invalid/x", Some("git")),
            ("file:../local", Some("file")),
            ("link:../local", Some("file")),
            ("^1.2.0", None),
            (">=1,<2", None),
            ("npm:other@^1", None),
            ("workspace:*", None),
            ("latest", None),
            ("", None),
        ] {
            assert_eq!(outside_registry(spec), kind, "{spec}");
        }
    }
}
