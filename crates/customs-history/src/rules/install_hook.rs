use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::NewInstallHook;

impl HistoryRule for NewInstallHook {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        for change in &input.changes.hooks {
            let Some(new) = &change.new else { continue };
            let (severity, confidence, message) = match &change.old {
                None if change.name == "setup.py" || change.name.starts_with("build backend") => (
                    Severity::Medium,
                    Confidence::Low,
                    format!("{} is new in this release", change.name),
                ),
                // `prepare` runs for git and local installs, not from the registry.
                None if change.name.starts_with("npm ") && change.name.contains("prepare") => (
                    Severity::Low,
                    Confidence::Medium,
                    format!(
                        "new script {}: {new} (runs on git and local installs)",
                        change.name
                    ),
                ),
                None if change.name.starts_with("npm ") => (
                    Severity::High,
                    Confidence::Medium,
                    format!("new install script {}: {new}", change.name),
                ),
                None => (
                    Severity::High,
                    Confidence::Medium,
                    format!("new install-time hook: {}", change.name),
                ),
                Some(old) => (
                    Severity::Medium,
                    Confidence::Medium,
                    if change.name.starts_with("npm ") {
                        format!("install script {} changed: {old:?} -> {new:?}", change.name)
                    } else {
                        format!("install-time hook {} changed", change.name)
                    },
                ),
            };
            let mut f = about(&Self::META, severity, message);
            f.confidence = confidence;
            f.context = customs_analyze::Context::Install;
            if let Some(path) = change.name.strip_prefix(".pth ") {
                f.path = format!("{}{path}", input.new.root);
            } else if change.name.starts_with("npm ") {
                f.path = format!("{}package.json", input.new.root);
            }
            out.push(f);
        }
    }
}
