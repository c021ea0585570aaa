use customs_analyze::Context;
use customs_analyze::npmrc::{self, Setting};

use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// An `.npmrc` in the package that makes npm run the package's own code or send
    /// installs and tokens elsewhere: `script-shell`, `git` or `shell` set to a file the
    /// package ships; `node-options` that preloads a module (`--require ./x.js`,
    /// `--import=data:…`) into every `node` npm starts; `registry` or a proxy set with TLS
    /// checks off, or a `//host/:_authToken=${NPM_TOKEN}` line that hands the user's token
    /// to a host the package chose.
    ///
    /// ## Why it matters
    /// npm reads the `.npmrc` beside the project's `package.json`, never one inside a
    /// dependency, and `npm publish` never packs one: a `.npmrc` in a tarball was put
    /// there on purpose, for when the package is unpacked and used as a project (a
    /// template, a starter, a monorepo kit). Then every `npm run`, every git dependency or
    /// every `node` process goes through the package's code, and installs go to the
    /// registry it names. A `.npmrc` deeper in the package (a template folder a scaffolder
    /// copies) matters once copied, and is reported at a lower level.
    ///
    /// ## Example
    /// ```ini
    /// script-shell=./tools/run-shell
    /// ```
    ///
    /// ## When it is wrong
    /// Settings npm does not run or send anything with (`engine-strict`, `save-exact`,
    /// hoisting patterns, `script-shell=bash`) are not reported. A template for a company
    /// registry may name its registry and token variable on purpose: allow the artifact by
    /// sha256.
    NpmrcConfig {
        id: "npmrc-config",
        summary: "ships an .npmrc that runs package code or redirects npm",
        severity: High,
        confidence: High,
    }
}

/// The finding of one setting, if it is one: severity, confidence and message.
fn judge(s: &Setting, all: &[Setting]) -> Option<(Severity, Confidence, String)> {
    let key = s.key.as_str();
    if npmrc::PROGRAM_KEYS.contains(&key) {
        if npmrc::names_own_file(&s.value) {
            return Some((
                Severity::High,
                Confidence::High,
                format!(
                    "`{key}` runs `{}`, a file of the package, in place of npm's own program",
                    s.value
                ),
            ));
        }
        return None;
    }
    if key == "node-options" {
        let loads = npmrc::preloads(&s.value);
        let first = loads.first()?;
        return Some((
            Severity::High,
            Confidence::High,
            format!(
                "`node-options` preloads `{}` into every node process npm starts",
                customs_analyze::signals::clip(first, 60)
            ),
        ));
    }
    let tls_off = all
        .iter()
        .any(|o| o.key == "strict-ssl" && o.value.eq_ignore_ascii_case("false"));
    if key == "registry" || key.ends_with(":registry") {
        let host = s.value.trim_end_matches('/');
        // The user's token, from their environment, configured for the host it names.
        let token = all.iter().any(|o| {
            o.key.starts_with("//")
                && host.contains(
                    o.key
                        .trim_start_matches("//")
                        .split('/')
                        .next()
                        .unwrap_or(""),
                )
                && (o.key.ends_with(":_authtoken")
                    || o.key.ends_with(":_auth")
                    || o.key.ends_with(":_password"))
                && o.value.contains("${")
        });
        let (severity, confidence, why) = match (token, tls_off) {
            (true, _) => (
                Severity::High,
                Confidence::Medium,
                ", with the token of the user's environment sent to it",
            ),
            (false, true) => (
                Severity::Medium,
                Confidence::Medium,
                ", with TLS checks off",
            ),
            (false, false) => (Severity::Low, Confidence::Medium, ""),
        };
        return Some((
            severity,
            confidence,
            format!("`{key}` sends installs to `{}`{why}", s.value),
        ));
    }
    if matches!(key, "proxy" | "https-proxy") {
        return Some((
            Severity::Medium,
            Confidence::Medium,
            format!("`{key}` sends npm's traffic through `{}`", s.value),
        ));
    }
    None
}

impl Rule for NpmrcConfig {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        if pkg.npm.is_none() {
            return;
        }
        for file in &pkg.files {
            let name = file.relative.rsplit('/').next().unwrap_or(&file.relative);
            if name != ".npmrc" {
                continue;
            }
            let Some(text) = pkg.text(file) else { continue };
            let project = npmrc::is_project_npmrc(&file.relative);
            let all = npmrc::settings(text);
            for s in &all {
                let Some((mut severity, confidence, message)) = judge(s, &all) else {
                    continue;
                };
                let context = if project {
                    Context::Install
                } else {
                    // Only a project's own .npmrc is read: this one matters once copied.
                    severity = severity.min(Severity::Medium);
                    Context::Runtime
                };
                let mut f = Finding::about(&Self::META, &file.path, context, message);
                f.severity = severity;
                f.confidence = confidence;
                f.line = u32::try_from(text[..s.offset].matches('\n').count() + 1).ok();
                f.snippet = text[s.offset..].lines().next().map(str::to_owned);
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<(Severity, Confidence)> {
        let all = npmrc::settings(text);
        all.iter()
            .filter_map(|s| judge(s, &all).map(|(s, c, _)| (s, c)))
            .collect()
    }

    #[test]
    fn harmless_settings_are_quiet() {
        assert!(
            one("engine-strict=true\nsave-exact=true\npublic-hoist-pattern[]=*eslint*\n")
                .is_empty()
        );
        assert!(one("script-shell=bash\ngit=/usr/bin/git\n").is_empty());
        assert!(one("node-options=--max-old-space-size=4096\n").is_empty());
    }

    #[test]
    fn own_programs_and_preloads_are_high() {
        assert_eq!(
            one("script-shell=./bin/wrap\n"),
            vec![(Severity::High, Confidence::High)]
        );
        assert_eq!(
            one("git = scripts/g.sh\n"),
            vec![(Severity::High, Confidence::High)]
        );
        assert_eq!(
            one("node-options=\"--require ./hook.cjs\"\n"),
            vec![(Severity::High, Confidence::High)]
        );
    }

    #[test]
    fn registry_with_the_users_token_is_high() {
        let text = "registry=https://mirror.example.invalid/\n//mirror.example.invalid/:_authToken=${NPM_TOKEN}\n";
        assert_eq!(one(text), vec![(Severity::High, Confidence::Medium)]);
        assert_eq!(
            one("registry=https://mirror.example.invalid/\nstrict-ssl=false\n"),
            vec![(Severity::Medium, Confidence::Medium)]
        );
        assert_eq!(
            one("@acme:registry=https://npm.acme.example/\n"),
            vec![(Severity::Low, Confidence::Medium)]
        );
    }
}
