use customs_rules::{Confidence, Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule, about};

declare_rule! {
    /// ## What it finds
    /// A command the new release installs that the previous release did not: a new
    /// npm `bin` entry, or a new Python `console_scripts` / `gui_scripts` entry point.
    /// A command named like a common system tool (`node`, `npm`, `git`, `sh`,
    /// `python`, `pip`, `curl`, ...) is of high severity.
    ///
    /// ## Why it matters
    /// An installed command lands on the `PATH` of npm scripts (`node_modules/.bin`) or
    /// of the environment. One that shadows a tool the build already calls runs the
    /// package's code in its place, with no install hook for a reviewer to see.
    ///
    /// ## Example
    /// ```text
    /// "bin": {"git": "./lib/git.js"}   (new in 2.3.1)
    /// ```
    ///
    /// ## When it is wrong
    /// Libraries grow command-line tools; a new command with the package's own name is
    /// of low severity. What the command runs is judged by the content rules.
    NewBin {
        id: "new-bin",
        summary: "the release installs a command the previous release did not",
        severity: Medium,
        confidence: Medium,
    }
}

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
