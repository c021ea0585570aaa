use customs_analyze::Context;
use customs_ecosystem::Role;

use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// npm lifecycle scripts that run on install (`preinstall`, `install`, `postinstall`,
    /// `prepare`). The commands and the files they run are analysed as install-time code;
    /// this rule records that the hook exists, with higher severity when the package has
    /// nothing to build (no `binding.gyp`, no native sources).
    ///
    /// ## Why it matters
    /// Nearly every npm malware campaign runs from a lifecycle script, because it runs
    /// on `npm install` without the package ever being required.
    ///
    /// ## Example
    /// ```json
    /// "scripts": { "postinstall": "node setup.js" }
    /// ```
    ///
    /// ## When it is wrong
    /// Native addons build at install; tools fetch or select a platform binary. Policy
    /// can allow install scripts per package.
    NpmInstallScript {
        id: "npm-install-script",
        summary: "runs a script when installed",
        severity: Low,
        confidence: High,
    }
}

impl Rule for NpmInstallScript {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        let Some(manifest) = &pkg.npm else { return };
        let Some(file) = pkg.files.iter().find(|f| f.role == Role::PackageJson) else {
            return;
        };
        let text = pkg.text(file).unwrap_or("");
        let builds = manifest.gypfile
            || pkg.files.iter().any(|f| {
                f.role == Role::BindingGyp
                    || [".c", ".cc", ".cpp", ".h"]
                        .iter()
                        .any(|e| f.relative.ends_with(e))
            });
        for (hook, script) in manifest.install_scripts() {
            let line = text
                .lines()
                .position(|l| l.contains(&format!("\"{hook}\"")))
                .and_then(|n| u32::try_from(n + 1).ok());
            let mut f = Finding::about(
                &Self::META,
                &file.path,
                Context::Install,
                if builds {
                    format!("`{hook}` runs `{script}` on install (the package builds native code)")
                } else {
                    format!(
                        "`{hook}` runs `{script}` on install, and the package has nothing to build"
                    )
                },
            );
            if !builds {
                f.severity = Severity::Low;
                f.confidence = Confidence::High;
            } else {
                f.severity = Severity::Info;
            }
            f.line = line;
            f.snippet = Some(
                format!("\"{hook}\": \"{script}\"")
                    .chars()
                    .take(200)
                    .collect(),
            );
            out.push(f);
        }
    }
}
