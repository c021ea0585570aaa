use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::UnusedNewDependency;

/// Import names of Python distributions that differ from the distribution name.
const PYTHON_ALIASES: &[(&str, &str)] = &[
    ("pyyaml", "yaml"),
    ("beautifulsoup4", "bs4"),
    ("pillow", "pil"),
    ("scikit-learn", "sklearn"),
    ("scikit-image", "skimage"),
    ("opencv-python", "cv2"),
    ("opencv-python-headless", "cv2"),
    ("protobuf", "google"),
    ("attrs", "attr"),
    ("pyjwt", "jwt"),
    ("setuptools", "pkg_resources"),
    ("python-dotenv", "dotenv"),
    ("pycryptodome", "crypto"),
    ("pycryptodomex", "cryptodome"),
    ("pyopenssl", "openssl"),
    ("msgpack-python", "msgpack"),
    ("typing-extensions", "typing_extensions"),
    ("importlib-metadata", "importlib_metadata"),
    ("pywin32", "win32api"),
    ("dnspython", "dns"),
    ("pyserial", "serial"),
    ("python-magic", "magic"),
];

/// Whether a Python distribution is used by a module the code imports.
fn python_used(dist: &str, imports: &std::collections::BTreeSet<String>) -> bool {
    let norm = dist.to_ascii_lowercase().replace(['-', '.'], "_");
    if imports.contains(&norm) {
        return true;
    }
    if PYTHON_ALIASES
        .iter()
        .any(|(d, m)| d.replace('.', "-") == dist && imports.contains(*m))
    {
        return true;
    }
    // python-foo, foo-python, pyfoo, foo-py, types-foo, and namespace packages
    // (`zope-interface` -> `zope`).
    let stripped = [
        norm.strip_prefix("python_"),
        norm.strip_suffix("_python"),
        norm.strip_prefix("py"),
        norm.strip_suffix("_py"),
        norm.split('_').next(),
    ];
    stripped
        .into_iter()
        .flatten()
        .any(|s| s.len() >= 2 && imports.contains(s))
        || norm.starts_with("types_")
}

/// Operating-system words in the names of per-platform binary packages.
const PLATFORMS: &[&str] = &[
    "linux", "darwin", "macos", "win32", "windows", "freebsd", "openbsd", "netbsd", "sunos", "aix",
    "android",
];

/// Whether `dep` is one of the per-platform binaries of `package` (`@esbuild/linux-x64`
/// for `esbuild`, `@typescript/typescript-darwin-arm64`): such packages are chosen at
/// run time by a computed name, so no file requires them literally.
#[must_use]
pub(crate) fn platform_sibling(package: &str, dep: &str) -> bool {
    let base = package.rsplit('/').next().unwrap_or(package);
    let scope = package.split_once('/').map(|(s, _)| s);
    let related = dep.contains(base)
        || scope.is_some_and(|s| dep.starts_with(&format!("{s}/")))
        || dep.starts_with(&format!("@{base}/"));
    related
        && dep
            .split(['-', '/', '.', '_'])
            .any(|part| PLATFORMS.contains(&part))
}

/// Whether an npm package is used: required, imported, run by a script, type-only, or
/// a per-platform binary of the package itself.
fn npm_used(name: &str, input: &HistoryInput<'_>) -> bool {
    if input.new.imports.contains(name) || name.starts_with("@types/") {
        return true;
    }
    if let Some(id) = &input.new.identity
        && platform_sibling(&id.name, name)
    {
        return true;
    }
    let bin = name.rsplit('/').next().unwrap_or(name);
    input
        .new
        .script_text
        .split(|c: char| c.is_whitespace() || "&|;()\"'`".contains(c))
        .any(|word| word == bin || word == name || word.starts_with(&format!("{name}/")))
}

impl HistoryRule for UnusedNewDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let python = input.new.is_python();
        for (name, spec) in input.changes.added_dependencies() {
            let used = if python {
                python_used(name, &input.new.imports)
            } else {
                npm_used(name, input)
            };
            if used {
                continue;
            }
            let spec = if spec.is_empty() {
                String::new()
            } else {
                format!(" {spec}")
            };
            let mut f = about(
                &Self::META,
                Severity::High,
                format!(
                    "new dependency {name}{spec} is not imported or required by any file of the package"
                ),
            );
            if python {
                f.severity = Severity::Medium;
                f.confidence = Confidence::Low;
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_binaries_of_the_package() {
        assert!(platform_sibling("esbuild", "@esbuild/linux-x64"));
        assert!(platform_sibling(
            "typescript",
            "@typescript/typescript-darwin-arm64"
        ));
        assert!(platform_sibling("@swc/core", "@swc/core-win32-x64-msvc"));
        assert!(!platform_sibling("webfetch", "crypto-helper-js"));
        assert!(
            !platform_sibling("webfetch", "linux-helper"),
            "a platform word alone is not enough"
        );
    }

    #[test]
    fn python_import_names() {
        let imports: std::collections::BTreeSet<String> = ["yaml", "dateutil", "requests", "zope"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert!(python_used("pyyaml", &imports));
        assert!(python_used("python-dateutil", &imports));
        assert!(python_used("requests", &imports));
        assert!(python_used("zope-interface", &imports));
        assert!(!python_used("colourama", &imports));
    }
}
