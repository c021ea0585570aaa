use customs_analyze::Context;
use customs_ecosystem::Role;

use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// npm dependencies that come from a URL, a git repository or a tarball link instead
    /// of the registry (`"x": "https://.../x.tgz"`, `"x": "git+ssh://..."`,
    /// `"x": "github:user/repo"`).
    ///
    /// ## Why it matters
    /// Such dependencies bypass the registry: no integrity hash in the package, no
    /// registry-side malware removal, and the content can change under the same URL.
    /// Campaigns have pulled their payload as a "dependency" from an attacker's server.
    ///
    /// ## Example
    /// ```json
    /// "dependencies": { "helper": "http://203.0.113.7/helper-1.0.0.tgz" }
    /// ```
    ///
    /// ## When it is wrong
    /// Forks pinned to a git commit are sometimes legitimate; plain `http:` never is.
    UrlDependency {
        id: "url-dependency",
        summary: "a dependency is fetched from a URL or git instead of the registry",
        severity: Medium,
        confidence: High,
    }
}

fn is_url_spec(spec: &str) -> bool {
    let s = spec.trim().to_ascii_lowercase();
    [
        "http:",
        "https:",
        "git:",
        "git+",
        "github:",
        "gitlab:",
        "bitbucket:",
        "gist:",
        "file:",
    ]
    .iter()
    .any(|p| s.starts_with(p))
        || (s.contains('/')
            && !s.starts_with('@')
            && !s.starts_with("npm:")
            && !s.starts_with("workspace:")
            && !s.starts_with("link:")
            && !s.starts_with('.'))
}

impl Rule for UrlDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        let Some(manifest) = &pkg.npm else { return };
        let file = pkg.files.iter().find(|f| f.role == Role::PackageJson);
        let path = file.map_or("package.json", |f| f.path.as_str());
        let text = file.and_then(|f| pkg.text(f)).unwrap_or("");
        for (name, spec) in &manifest.dependencies {
            if !is_url_spec(spec) || spec.starts_with("file:") {
                continue;
            }
            let mut f = Finding::about(
                &Self::META,
                path,
                Context::Install,
                format!("dependency `{name}` comes from `{spec}`, not the registry"),
            );
            if spec.to_ascii_lowercase().starts_with("http:") {
                f.severity = Severity::High;
                f.message.push_str(" over plain HTTP");
            }
            f.line = text
                .lines()
                .position(|l| l.contains(&format!("\"{name}\"")))
                .and_then(|n| u32::try_from(n + 1).ok());
            f.snippet = Some(format!("\"{name}\": \"{spec}\""));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn specs() {
        assert!(super::is_url_spec("https://x/y.tgz"));
        assert!(super::is_url_spec("github:user/repo"));
        assert!(super::is_url_spec("user/repo"));
        assert!(!super::is_url_spec("^1.2.3"));
        assert!(!super::is_url_spec("npm:other@1"));
        assert!(!super::is_url_spec(">=1 <2"));
    }
}
