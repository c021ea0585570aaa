use customs_analyze::Context;
use customs_ecosystem::{Ecosystem, console_scripts};

use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// A package that installs a command named like a system tool or a developer's
    /// everyday command (`ls`, `sudo`, `git`, `ssh`, `node`, `pip`, `curl`...): an npm
    /// `bin` entry, or a Python console or GUI script (`entry_points.txt`,
    /// `[project.scripts]`, `setup.cfg`), when the package is not that tool itself.
    ///
    /// ## Why it matters
    /// Installed commands go on the `PATH` before the system's own in most environments
    /// (a virtual environment's `bin/`, `node_modules/.bin` in npm scripts, a global npm
    /// prefix). A package that installs `sudo` or `git` sees the password typed at it or
    /// runs its own code every time the user runs the real tool.
    ///
    /// ## Example
    /// ```json
    /// { "name": "color-utils-extra", "bin": { "git": "bin/git.js" } }
    /// ```
    ///
    /// ## When it is wrong
    /// Wrappers that deliberately replace a tool (a `node` version manager, a `pip`
    /// shim) are usually well-known packages, which are not reported; for another,
    /// ignore the rule for that package in the policy.
    CommandShadowing {
        id: "command-shadowing",
        summary: "installs a command named like a system tool",
        severity: High,
        confidence: Medium,
    }
}

/// Commands that people and scripts run every day, which a package has no business
/// replacing unless it is that tool.
const SYSTEM_COMMANDS: &[&str] = &[
    "apt",
    "apt-get",
    "awk",
    "aws",
    "az",
    "bash",
    "brew",
    "cat",
    "cc",
    "chmod",
    "chown",
    "cp",
    "crontab",
    "curl",
    "docker",
    "env",
    "find",
    "gcc",
    "gcloud",
    "git",
    "go",
    "gpg",
    "grep",
    "id",
    "java",
    "kill",
    "kubectl",
    "less",
    "ln",
    "login",
    "ls",
    "make",
    "mkdir",
    "mv",
    "nc",
    "node",
    "npm",
    "npx",
    "openssl",
    "passwd",
    "perl",
    "php",
    "ping",
    "pip",
    "pip3",
    "pnpm",
    "powershell",
    "ps",
    "pwsh",
    "python",
    "python3",
    "rm",
    "rsync",
    "ruby",
    "scp",
    "sed",
    "sftp",
    "sh",
    "ssh",
    "ssh-add",
    "ssh-keygen",
    "su",
    "sudo",
    "systemctl",
    "tar",
    "top",
    "uv",
    "vi",
    "vim",
    "wget",
    "which",
    "whoami",
    "yarn",
    "zsh",
];

impl Rule for CommandShadowing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        let ecosystem = pkg.identity.ecosystem;
        // A popular package that installs such a command is that tool, or a well-known
        // wrapper of it.
        if input
            .popular
            .contains(ecosystem, &pkg.identity.canonical_name())
        {
            return;
        }
        let mut commands: Vec<(String, &str)> = Vec::new();
        if let Some(m) = &pkg.npm {
            let manifest = pkg
                .files
                .iter()
                .find(|f| f.role == customs_ecosystem::Role::PackageJson)
                .map_or("package.json", |f| f.path.as_str());
            commands.extend(m.commands.iter().map(|c| (c.clone(), manifest)));
        }
        if ecosystem == Ecosystem::Pypi {
            if let Some(p) = &pkg.pyproject {
                commands.extend(p.scripts.iter().map(|c| (c.clone(), "pyproject.toml")));
            }
            // Scripts installed as they are: `setup(scripts=["bin/sudo"])` in an sdist, a
            // wheel's `<name>.data/scripts/sudo`. The command is the file's name.
            let script_name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
            let setup_py = pkg
                .files
                .iter()
                .find(|f| f.role == customs_ecosystem::Role::SetupPy)
                .map_or("setup.py", |f| f.path.as_str());
            commands.extend(
                input
                    .analysis
                    .setup_scripts
                    .iter()
                    .map(|s| (script_name(s), setup_py)),
            );
            for f in &pkg.files {
                if let Some((dir, name)) = f.relative.rsplit_once('/')
                    && dir.ends_with(".data/scripts")
                    && !dir[..dir.len() - "/scripts".len()].contains('/')
                {
                    commands.push((name.to_owned(), f.path.as_str()));
                }
            }
            for f in &pkg.files {
                let name = f.relative.rsplit('/').next().unwrap_or("");
                if matches!(name, "entry_points.txt" | "setup.cfg")
                    && let Some(text) = pkg.text(f)
                {
                    commands.extend(
                        console_scripts(text)
                            .into_iter()
                            .map(|c| (c, f.path.as_str())),
                    );
                }
            }
        }
        let own = pkg.identity.canonical_name();
        let mut seen = Vec::new();
        for (command, path) in commands {
            let lower = command.to_ascii_lowercase();
            let bare = lower.trim_end_matches(".exe");
            if SYSTEM_COMMANDS.contains(&bare) && bare != own && !seen.contains(&lower) {
                out.push(Finding::about(
                    &Self::META,
                    path,
                    Context::Install,
                    format!("installs a command named `{command}`, like the system tool"),
                ));
                seen.push(lower);
            }
        }
    }
}
