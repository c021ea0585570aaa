//! A package's profile ([`Profile`]): the facts two releases are compared by, kept after
//! the package's bytes are dropped (files with digests and line counts, dependencies,
//! install hooks, behaviours, imports, metadata), taken from the package and its
//! analysis.

use std::collections::{BTreeMap, BTreeSet};

use customs_analyze::{Analysis, BehaviourKind};
use customs_ecosystem::{Ecosystem, FileKind, Package, Role, canonical_name};
use customs_outcome::{BehaviourSummary, FileSummary, Profile};
use sha2::{Digest, Sha256};

/// The number of lines (a last line without its `\n` counts).
fn line_count(bytes: &[u8]) -> usize {
    // memchr counts without stopping at every line end: several times faster.
    memchr::memchr_iter(b'\n', bytes).count()
        + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
}

/// Whether some line is at least `min` bytes long (without its line end; `min` >= 2).
///
/// Such a line covers a whole window of `min / 2` bytes at a multiple of `min / 2`, so
/// only those windows are searched for a line end, and a line is measured only where a
/// window has none: a few bytes a window for text of short lines.
fn has_line_at_least(bytes: &[u8], min: usize) -> bool {
    let step = (min / 2).max(1);
    let mut at = 0;
    while at + step <= bytes.len() {
        if let Some(end) = memchr::memchr(b'\n', &bytes[at..at + step]) {
            at = (at + end + 1).div_ceil(step) * step;
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let len = match memchr::memchr(b'\n', &bytes[at..]) {
            Some(i) => {
                let end = at + i;
                end - start - usize::from(end > start && bytes[end - 1] == b'\r')
            }
            None => bytes.len() - start,
        };
        if len >= min {
            return true;
        }
        at = (start + len + 1).div_ceil(step) * step;
    }
    false
}

/// Whether source text reads as minified or packed rather than written: a very long
/// line that holds most of the file, or a long file made of few, very long lines.
#[must_use]
pub fn looks_minified(text: &str) -> bool {
    text.len() >= 2048 && minified(text.as_bytes(), line_count(text.as_bytes()))
}

/// [`looks_minified`], with the line count known.
fn minified(bytes: &[u8], lines: usize) -> bool {
    let len = bytes.len();
    len >= 2048
        && (len / lines.max(1) >= 400 || has_line_at_least(bytes, 5000.max(len.div_ceil(2))))
}

/// npm package name of a bare specifier (`@scope/name/sub` -> `@scope/name`), or
/// `None` for relative paths, URLs and node built-ins.
fn npm_package(spec: &str) -> Option<String> {
    if spec.is_empty()
        || spec.starts_with("node:")
        || spec.starts_with(['.', '/'])
        || spec.contains(':')
    {
        return None;
    }
    let mut parts = spec.split('/');
    let first = parts.next()?;
    if first.starts_with('@') {
        let second = parts.next()?;
        Some(format!("{first}/{second}"))
    } else {
        Some(first.to_owned())
    }
}

/// Python top-level module of an absolute import (`a.b.c` -> `a`).
fn python_module(spec: &str) -> Option<String> {
    if spec.starts_with('.') {
        return None;
    }
    let first = spec.split('.').next()?.trim();
    (!first.is_empty()).then(|| first.to_ascii_lowercase())
}

/// The commands of npm `package.json`'s `bin`: a string (the command is the package's
/// name, without its scope) or an object of command -> file.
fn npm_bins(package_json: &str) -> BTreeMap<String, String> {
    let Ok(serde_json::Value::Object(doc)) =
        serde_json::from_str::<serde_json::Value>(package_json)
    else {
        return BTreeMap::new();
    };
    match doc.get("bin") {
        Some(serde_json::Value::String(target)) => {
            let name = doc
                .get("name")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("");
            let command = name.rsplit('/').next().unwrap_or(name);
            if command.is_empty() {
                BTreeMap::new()
            } else {
                BTreeMap::from([(command.to_owned(), target.clone())])
            }
        }
        Some(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// The `console_scripts` and `gui_scripts` of an `entry_points.txt`.
fn python_bins(entry_points: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut in_scripts = false;
    for line in entry_points.lines().map(str::trim) {
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_scripts = matches!(section.trim(), "console_scripts" | "gui_scripts");
        } else if in_scripts
            && let Some((name, target)) = line.split_once('=')
            && !name.trim().is_empty()
        {
            out.insert(name.trim().to_owned(), target.trim().to_owned());
        }
    }
    out
}

/// The runtime requirements of a Python distribution: `Requires-Dist` (without
/// extras-only entries), else `pyproject.toml`'s `dependencies`.
fn python_dependencies(package: &Package) -> BTreeMap<String, String> {
    let listed: Vec<String> = match (&package.python, &package.pyproject) {
        (Some(m), _) if !m.requires_dist.is_empty() => m.requires_dist.clone(),
        (_, Some(p)) => p.dependencies.clone(),
        _ => Vec::new(),
    };
    let mut out = BTreeMap::new();
    for req in listed {
        match customs_ecosystem::parse_requirement(&req) {
            Ok(r) => {
                if !r.marker.evaluate_extras(&[]) {
                    continue;
                }
                let spec = match &r.version_or_url {
                    Some(pep508_rs::VersionOrUrl::VersionSpecifier(v)) => v.to_string(),
                    Some(pep508_rs::VersionOrUrl::Url(u)) => format!("@ {u}"),
                    None => String::new(),
                };
                out.insert(canonical_name(Ecosystem::Pypi, r.name.as_ref()), spec);
            }
            Err(_) => {
                // Keep what can be read of the name: a dependency is never dropped
                // because its requirement is malformed.
                let end = req
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
                    .unwrap_or(req.len());
                if end > 0 {
                    out.insert(
                        canonical_name(Ecosystem::Pypi, &req[..end]),
                        req[end..].trim().to_owned(),
                    );
                }
            }
        }
    }
    out
}

/// The profile of an analysed package. `hash` digests the files the archive reader
/// did not (needed to tell changed files apart; not for a one-off scan).
#[must_use]
pub fn profile(package: &Package, analysis: &Analysis, hash: bool) -> Profile {
    let root = package.root.clone();
    let relative = |path: &str| path.strip_prefix(root.as_str()).unwrap_or(path).to_owned();
    let obfuscated: BTreeSet<&str> = analysis
        .behaviours
        .iter()
        .filter(|b| b.kind == BehaviourKind::Obfuscation)
        .map(|b| b.path.as_str())
        .collect();
    let mut files = BTreeMap::new();
    let mut code = vec![false; package.tree.entries.len()];
    for f in &package.files {
        if let Some(slot) = code.get_mut(f.entry) {
            *slot = matches!(
                f.kind,
                FileKind::Python | FileKind::JavaScript | FileKind::TypeScript
            );
        }
    }
    for (entry, &code) in package.tree.entries.iter().zip(&code) {
        if entry.kind != customs_archive::EntryKind::File {
            continue;
        }
        let stats = entry
            .complete
            .then(|| entry.text())
            .flatten()
            .map(|text| (text.as_bytes(), line_count(text.as_bytes())));
        let sha256 = entry
            .sha256
            .map(hex::encode)
            .or_else(|| (hash && entry.complete).then(|| hex::encode(Sha256::digest(&entry.data))));
        files.insert(
            relative(&entry.path),
            FileSummary {
                sha256,
                size: entry.size,
                lines: stats.map(|(_, lines)| u32::try_from(lines).unwrap_or(u32::MAX)),
                code,
                unreadable: code
                    && (stats.is_some_and(|(bytes, lines)| minified(bytes, lines))
                        || obfuscated.contains(entry.path.as_str())),
            },
        );
    }

    let mut dependencies = BTreeMap::new();
    let mut hooks = BTreeMap::new();
    let mut script_text = String::new();
    let mut imports = BTreeSet::new();
    let mut metadata = BTreeMap::new();
    let mut put = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            metadata.insert(k.to_owned(), v.trim().to_owned());
        }
    };
    if let Some(npm) = &package.npm {
        for (name, spec) in &npm.dependencies {
            dependencies.insert(name.clone(), spec.clone());
        }
        for (hook, command) in npm.install_scripts() {
            hooks.insert(format!("npm {hook}"), command.to_owned());
        }
        for command in npm.scripts.values() {
            script_text.push_str(command);
            script_text.push('\n');
        }
        put("description", &npm.description);
        put("repository", &npm.repository);
        imports.extend(analysis.imports.iter().filter_map(|s| npm_package(s)));
    }
    if package.identity.ecosystem == Ecosystem::Pypi {
        dependencies.extend(python_dependencies(package));
        imports.extend(analysis.imports.iter().filter_map(|s| python_module(s)));
        if let Some(m) = &package.python {
            put("summary", &m.summary);
            put("home_page", &m.home_page);
            put("author", &m.author);
            put("project_urls", &m.project_urls.join(" "));
        }
    }
    for f in &package.files {
        let digest = || {
            package.tree.entries[f.entry]
                .sha256
                .map(hex::encode)
                .unwrap_or_else(|| hex::encode(Sha256::digest(package.data(f))))
        };
        match f.role {
            Role::Pth => {
                hooks.insert(format!(".pth {}", f.relative), digest());
            }
            Role::SetupPy => {
                hooks.insert("setup.py".to_owned(), String::new());
            }
            Role::BindingGyp => {
                hooks.insert("binding.gyp".to_owned(), digest());
            }
            Role::BuildBackend => {
                hooks.insert(format!("build backend {}", f.relative), String::new());
            }
            _ => {}
        }
    }
    for command in &analysis.setup_commands {
        hooks.insert(format!("setup.py cmdclass {command}"), String::new());
    }
    let mut bins = BTreeMap::new();
    for entry in &package.tree.entries {
        let path = relative(&entry.path);
        let Some(text) = entry.complete.then(|| entry.text()).flatten() else {
            continue;
        };
        if package.npm.is_some() && path == "package.json" {
            bins.extend(npm_bins(text));
        } else if package.identity.ecosystem == Ecosystem::Pypi
            && path.ends_with("entry_points.txt")
            && path.matches('/').count() <= 1
            && (path.contains(".dist-info/") || path.contains(".egg-info/"))
        {
            bins.extend(python_bins(text));
        }
    }
    let behaviours = analysis
        .behaviours
        .iter()
        .filter(|b| !b.test_code)
        .map(|b| BehaviourSummary {
            kind: b.kind,
            context: b.context,
            path: relative(&b.path),
            line: b.line,
            snippet: b.snippet.clone(),
            detail: b.detail.clone(),
        })
        .collect();
    Profile {
        identity: Some(package.identity.clone()),
        root,
        files,
        dependencies,
        hooks,
        behaviours,
        imports,
        script_text,
        metadata,
        bins,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_a_package_installs() {
        assert_eq!(
            npm_bins(r#"{"name": "@scope/tool", "bin": "cli.js"}"#),
            BTreeMap::from([("tool".to_owned(), "cli.js".to_owned())])
        );
        assert_eq!(
            npm_bins(r#"{"name": "x", "bin": {"git": "./g.js", "x": "./x.js"}}"#).len(),
            2
        );
        assert!(npm_bins(r#"{"name": "x"}"#).is_empty());
        assert!(npm_bins("not json").is_empty());
        let bins = python_bins(
            "[console_scripts]\nfoo = foo.cli:main\n\n[gui_scripts]\nbar=bar:run\n[pytest11]\nplug = p\n",
        );
        assert_eq!(bins.keys().collect::<Vec<_>>(), ["bar", "foo"]);
    }

    #[test]
    fn specifiers_and_minified_text() {
        assert_eq!(
            npm_package("@scope/pkg/sub/x.js").as_deref(),
            Some("@scope/pkg")
        );
        assert_eq!(npm_package("lodash/fp").as_deref(), Some("lodash"));
        assert_eq!(npm_package("./local"), None);
        assert_eq!(npm_package("node:fs"), None);
        assert_eq!(python_module("yaml.loader").as_deref(), Some("yaml"));
        assert_eq!(python_module(".sibling"), None);
        assert_eq!(line_count(b"a\nb\n"), 2);
        assert_eq!(line_count(b"a\nbcd"), 2);
        assert_eq!(line_count(b"ab\r\n\r\nc\n"), 3);
        assert_eq!(line_count(b""), 0);
        let readable = "function f(a) {\n  return a + 1;\n}\n".repeat(200);
        assert!(!looks_minified(&readable));
        let packed = format!("!function(){{{}}}();", "var a=1;".repeat(1000));
        assert!(looks_minified(&packed));
    }

    /// The longest line, measured at every line end: what the window search must agree
    /// with.
    fn longest_line(bytes: &[u8]) -> usize {
        let (mut longest, mut start) = (0, 0);
        for end in memchr::memchr_iter(b'\n', bytes) {
            longest =
                longest.max(end - start - usize::from(end > start && bytes[end - 1] == b'\r'));
            start = end + 1;
        }
        longest.max(bytes.len() - start)
    }

    #[test]
    fn long_lines_are_found_wherever_they_lie() {
        // Lines of every length around the thresholds, at every offset against the
        // windows, with and without `\r` and a last line end.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).expect("below n")
        };
        for case in 0..3000 {
            let mut text = Vec::new();
            for _ in 0..1 + next(6) {
                let len = match next(4) {
                    0 => next(80),
                    1 => 4990 + next(20),
                    2 => next(12_000),
                    _ => 2490 + next(20),
                };
                text.extend(std::iter::repeat_n(b'x', len));
                match next(3) {
                    0 => text.extend(b"\r\n"),
                    _ => text.push(b'\n'),
                }
            }
            if case % 2 == 0 {
                text.pop();
            }
            let longest = longest_line(&text);
            for min in [
                2,
                3,
                5000,
                5001,
                2500.max(text.len().div_ceil(2)),
                longest,
                longest + 1,
            ] {
                let min = min.max(2);
                assert_eq!(
                    has_line_at_least(&text, min),
                    longest >= min,
                    "case {case}: min {min}, longest {longest}, {} bytes",
                    text.len()
                );
            }
        }
    }
}
