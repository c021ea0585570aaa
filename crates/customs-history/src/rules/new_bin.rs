use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::NewBin;

/// Commands that build scripts and shells call: a package's command by one of these
/// names runs in their place.
const SYSTEM_TOOLS: &[&str] = &[
    "bash", "cat", "cp", "curl", "env", "git", "gpg", "ls", "node", "npm", "npx", "pip", "pip3",
    "pnpm", "python", "python3", "rm", "sh", "ssh", "sudo", "tar", "uv", "wget", "yarn",
];

impl HistoryRule for NewBin {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let own = input.new.identity.as_ref().map(|id| {
            id.name
                .rsplit('/')
                .next()
                .unwrap_or(&id.name)
                .to_ascii_lowercase()
        });
        for (command, target) in &input.new.bins {
            if input.old.bins.contains_key(command) {
                continue;
            }
            let lower = command.to_ascii_lowercase();
            let (severity, why) = if SYSTEM_TOOLS.contains(&lower.as_str()) {
                (Severity::High, ", named like a system tool it would shadow")
            } else if own.as_deref() == Some(lower.as_str()) {
                (Severity::Low, "")
            } else {
                (Severity::Medium, "")
            };
            let mut f = about(
                &Self::META,
                severity,
                format!("new command {command} -> {target}{why}"),
            );
            f.confidence = Confidence::Medium;
            f.path = if input.new.is_python() {
                String::new()
            } else {
                format!("{}package.json", input.new.root)
            };
            out.push(f);
        }
    }
}
