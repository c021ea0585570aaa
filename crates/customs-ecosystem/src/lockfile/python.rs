//! Python requirement files and lockfiles.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::{Ecosystem, canonical_name};

use super::{LockError, Locked, LockedHash, line_at, line_of, parse_hash, read_text};

const PY: Ecosystem = Ecosystem::Pypi;

/// How deep `-r` / `-c` includes are followed.
const MAX_INCLUDES: usize = 16;

/// `requirements.txt`: one requirement a line, `\` continuations, comments, `-r` and
/// `-c` includes (constraints pin versions without adding dependencies), `--hash`
/// options, environment markers, `name @ url` and bare URLs, `-e` editable entries.
pub(super) fn requirements(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let mut out = Vec::new();
    let mut constraints = Vec::new();
    let mut visited = BTreeSet::new();
    read_requirements(
        path,
        text,
        &mut out,
        &mut constraints,
        &mut visited,
        0,
        false,
    )?;
    // A constraint pins the version of a requirement that names none.
    for c in constraints {
        for e in out.iter_mut().filter(|e| {
            e.version.is_empty() && canonical_name(PY, &e.name) == canonical_name(PY, &c.name)
        }) {
            e.version.clone_from(&c.version);
            if e.hashes.is_empty() {
                e.hashes.clone_from(&c.hashes);
            }
        }
    }
    Ok(out)
}

/// Logical lines (continuations joined) with the line each starts on.
fn logical_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0u32;
    for (i, raw) in text.lines().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if current.is_empty() {
            start = n;
        }
        // A comment starts at '#' preceded by whitespace or at the line start.
        let line = match raw.find(" #").or_else(|| raw.starts_with('#').then_some(0)) {
            Some(i) => &raw[..i],
            None => raw,
        };
        if let Some(body) = line.trim_end().strip_suffix('\\') {
            current.push_str(body);
            current.push(' ');
            continue;
        }
        current.push_str(line);
        if !current.trim().is_empty() {
            out.push((start, current.trim().to_owned()));
        }
        current.clear();
    }
    if !current.trim().is_empty() {
        out.push((start, current.trim().to_owned()));
    }
    out
}

fn read_requirements(
    path: &Path,
    text: &str,
    out: &mut Vec<Locked>,
    constraints: &mut Vec<Locked>,
    visited: &mut BTreeSet<PathBuf>,
    depth: usize,
    constraint_file: bool,
) -> Result<(), LockError> {
    if depth > MAX_INCLUDES {
        return Err(LockError::new(
            path,
            None,
            "requirement files include each other too deeply",
        ));
    }
    visited.insert(path.canonicalize().unwrap_or_else(|_| path.to_owned()));
    for (line, content) in logical_lines(text) {
        let mut words = content.split_whitespace();
        let first = words.next().unwrap_or("");
        // Includes.
        let include = match first {
            "-r" | "--requirement" => Some((words.next(), false)),
            "-c" | "--constraint" => Some((words.next(), true)),
            _ => first
                .strip_prefix("--requirement=")
                .map(|f| (Some(f), false))
                .or_else(|| first.strip_prefix("--constraint=").map(|f| (Some(f), true)))
                .or_else(|| {
                    first
                        .strip_prefix("-r")
                        .filter(|f| !f.is_empty())
                        .map(|f| (Some(f), false))
                })
                .or_else(|| {
                    first
                        .strip_prefix("-c")
                        .filter(|f| !f.is_empty())
                        .map(|f| (Some(f), true))
                }),
        };
        if let Some((file, is_constraint)) = include {
            let Some(file) = file else {
                return Err(LockError::new(
                    path,
                    Some(line),
                    format!("{first} needs a file name"),
                ));
            };
            let target = path.parent().unwrap_or(Path::new(".")).join(file);
            let key = target.canonicalize().unwrap_or_else(|_| target.clone());
            if visited.contains(&key) {
                continue;
            }
            let included = read_text(&target).map_err(|e| {
                LockError::new(
                    path,
                    Some(line),
                    format!("cannot read included {file}: {}", e.message),
                )
            })?;
            read_requirements(
                &target,
                &included,
                out,
                constraints,
                visited,
                depth + 1,
                is_constraint || constraint_file,
            )?;
            continue;
        }
        // Other options (--index-url, --find-links, --no-binary, ...) do not name packages.
        let editable = matches!(first, "-e" | "--editable");
        if first.starts_with('-') && !editable && !first.starts_with("--hash") {
            continue;
        }
        let body = if editable {
            content[first.len()..].trim()
        } else {
            content.as_str()
        };
        // Split off per-requirement options.
        let mut spec = String::new();
        let mut hashes = Vec::new();
        let mut tokens = body.split_whitespace().peekable();
        while let Some(t) = tokens.next() {
            if let Some(h) = t.strip_prefix("--hash=") {
                hashes.push(parse_hash(h).ok_or_else(|| {
                    LockError::new(path, Some(line), format!("malformed hash {h:?}"))
                })?);
            } else if t == "--hash" {
                let h = tokens.next().unwrap_or("");
                hashes.push(parse_hash(h).ok_or_else(|| {
                    LockError::new(path, Some(line), format!("malformed hash {h:?}"))
                })?);
            } else if t.starts_with("--") {
                // --config-settings and the like.
            } else {
                if !spec.is_empty() {
                    spec.push(' ');
                }
                spec.push_str(t);
            }
        }
        if spec.is_empty() {
            continue;
        }
        let mut entry = entry_from_spec(path, line, &spec, editable)?;
        entry.hashes = hashes;
        entry.direct = true;
        if depth > 0 {
            entry.file = Some(path.to_owned());
        }
        if constraint_file {
            constraints.push(entry);
        } else {
            out.push(entry);
        }
    }
    Ok(())
}

/// One requirement: PEP 508 (`name[extra]==1.0 ; marker`, `name @ url`), or a bare URL
/// or path (`https://.../pkg-1.0.tar.gz`, `./vendor/pkg`).
fn entry_from_spec(
    path: &Path,
    line: u32,
    spec: &str,
    editable: bool,
) -> Result<Locked, LockError> {
    let looks_like_location = spec.contains("://")
        || spec.starts_with(['.', '/'])
        || spec.starts_with("git+")
        || editable;
    if looks_like_location && !spec.contains(" @ ") {
        let location = spec.split(';').next().unwrap_or(spec).trim();
        let name = location
            .split("#egg=")
            .nth(1)
            .map(str::to_owned)
            .or_else(|| crate::identity_from_file_name(location).map(|i| i.name))
            .unwrap_or_else(|| location.to_owned());
        let mut e = Locked::new(PY, &name, "", line);
        if let Some(id) = crate::identity_from_file_name(location) {
            e.version = id.version;
        }
        e.source = Some(location.to_owned());
        return Ok(e);
    }
    if let Some((name, location)) = spec.split_once('@')
        && !name.trim().is_empty()
        && !name.contains(['=', '<', '>', '~', '!', ';'])
    {
        // `name @ url`: the name (without extras) and where it comes from.
        let name = name.split('[').next().unwrap_or(name).trim();
        let mut e = Locked::new(PY, name, "", line);
        e.source = Some(
            location
                .split(';')
                .next()
                .unwrap_or(location)
                .trim()
                .to_owned(),
        );
        if let Some(id) = crate::identity_from_file_name(e.source.as_deref().unwrap_or("")) {
            e.version = id.version;
        }
        return Ok(e);
    }
    let req = crate::parse_requirement(spec)
        .map_err(|e| LockError::new(path, Some(line), format!("not a requirement: {e}")))?;
    let mut e = Locked::new(PY, req.name.as_ref(), "", line);
    match &req.version_or_url {
        Some(pep508_rs::VersionOrUrl::VersionSpecifier(specs)) => {
            let text = specs.to_string();
            e.requirement.clone_from(&text);
            if specs.len() == 1
                && let Some(s) = specs.iter().next()
                && matches!(
                    s.operator(),
                    pep508_rs::pep440_rs::Operator::Equal
                        | pep508_rs::pep440_rs::Operator::ExactEqual
                )
            {
                e.version = s.version().to_string();
            }
        }
        Some(pep508_rs::VersionOrUrl::Url(u)) => e.source = Some(u.to_string()),
        None => {}
    }
    Ok(e)
}

fn toml_doc(path: &Path, text: &str) -> Result<toml::Table, LockError> {
    text.parse::<toml::Table>().map_err(|e| {
        let line = e.span().map(|s| line_at(text, s.start));
        LockError::new(path, line, format!("not valid TOML: {}", e.message()))
    })
}

fn str_of<'a>(v: &'a toml::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(toml::Value::as_str)
}

fn array<'a>(v: &'a toml::Value, key: &str) -> &'a [toml::Value] {
    v.get(key)
        .and_then(toml::Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The `[[package]]` (or `[[packages]]`) tables, each required to have a string `name`.
fn packages<'a>(
    path: &Path,
    text: &str,
    doc: &'a toml::Table,
    key: &str,
) -> Result<Vec<(&'a toml::Value, String, u32)>, LockError> {
    let list = doc
        .get(key)
        .and_then(toml::Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let mut out = Vec::new();
    let mut from = 0usize;
    for p in list {
        let Some(name) = str_of(p, "name") else {
            return Err(LockError::new(
                path,
                None,
                format!("a [[{key}]] entry has no name"),
            ));
        };
        // Locate the entry: the next `name = "..."` line after the previous entry.
        let needle = format!("name = \"{name}\"");
        let line = text[from..].find(&needle).map_or(1, |i| {
            from += i + needle.len();
            line_at(text, from - needle.len())
        });
        out.push((p, name.to_owned(), line));
    }
    Ok(out)
}

/// `hash = "sha256:..."` fields of `sdist` and `wheels` tables (uv, pylock uses
/// `hashes = {sha256 = "..."}`).
fn artifact_hashes(p: &toml::Value, out: &mut Vec<LockedHash>) {
    let mut one = |t: &toml::Value| {
        if let Some(h) = str_of(t, "hash").and_then(parse_hash) {
            out.push(h);
        }
        if let Some(hs) = t.get("hashes").and_then(toml::Value::as_table) {
            for (algorithm, hex) in hs {
                if let Some(hex) = hex.as_str() {
                    out.push(LockedHash::new(algorithm, hex));
                }
            }
        }
    };
    if let Some(s) = p.get("sdist") {
        one(s);
    }
    for w in array(p, "wheels").iter().chain(array(p, "files")) {
        one(w);
    }
}

/// Dependency names from `dependencies = [{name = ...}]` or `["name>=1"]`.
fn dependency_names(p: &toml::Value) -> Vec<String> {
    array(p, "dependencies")
        .iter()
        .filter_map(|d| match d {
            toml::Value::Table(t) => t.get("name").and_then(|n| n.as_str()).map(str::to_owned),
            toml::Value::String(s) => crate::parse_requirement(s).ok().map(|r| r.name.to_string()),
            _ => None,
        })
        .collect()
}

/// PEP 751 `pylock.toml`.
pub(super) fn pylock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc = toml_doc(path, text)?;
    if doc.get("lock-version").is_none() {
        return Err(LockError::new(
            path,
            Some(1),
            "no lock-version: not a PEP 751 lockfile",
        ));
    }
    let mut out = Vec::new();
    for (p, name, line) in packages(path, text, &doc, "packages")? {
        let mut e = Locked::new(PY, &name, str_of(p, "version").unwrap_or(""), line);
        artifact_hashes(p, &mut e.hashes);
        e.requires = dependency_names(p);
        if let Some(vcs) = p
            .get("vcs")
            .or_else(|| p.get("directory"))
            .or_else(|| p.get("archive"))
        {
            e.source = str_of(vcs, "url")
                .or_else(|| str_of(vcs, "path"))
                .map(str::to_owned);
        }
        out.push(e);
    }
    // PEP 751 does not say which entries are direct: a package nothing else depends on is.
    mark_roots(&mut out);
    Ok(out)
}

/// Marks the entries the project names (canonical names in `direct`); when the project
/// names none, the roots of the graph.
fn mark_direct(entries: &mut [Locked], direct: &BTreeSet<String>) {
    if direct.is_empty() {
        mark_roots(entries);
    } else {
        for e in entries.iter_mut() {
            e.direct = direct.contains(&canonical_name(PY, &e.name));
        }
    }
}

/// Entries no other entry requires are taken as the project's direct dependencies.
fn mark_roots(entries: &mut [Locked]) {
    let required: BTreeSet<String> = entries
        .iter()
        .flat_map(|e| e.requires.iter().map(|r| canonical_name(PY, r)))
        .collect();
    for e in entries.iter_mut() {
        if !required.contains(&canonical_name(PY, &e.name)) {
            e.direct = true;
        }
    }
}

/// `uv.lock`: the project itself is the package whose source is `editable` or
/// `virtual`; its dependencies are the direct ones.
pub(super) fn uv_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc = toml_doc(path, text)?;
    let mut out = Vec::new();
    let mut direct = BTreeSet::new();
    for (p, name, line) in packages(path, text, &doc, "package")? {
        let source = p.get("source");
        let is_project =
            source.is_some_and(|s| s.get("editable").is_some() || s.get("virtual").is_some());
        if is_project {
            for d in dependency_names(p) {
                direct.insert(canonical_name(PY, &d));
            }
            for group in ["optional-dependencies", "dev-dependencies"] {
                if let Some(t) = p.get(group).and_then(toml::Value::as_table) {
                    for v in t.values().filter_map(toml::Value::as_array) {
                        for d in v
                            .iter()
                            .filter_map(|d| d.get("name").and_then(|n| n.as_str()))
                        {
                            direct.insert(canonical_name(PY, d));
                        }
                    }
                }
            }
            continue;
        }
        let mut e = Locked::new(PY, &name, str_of(p, "version").unwrap_or(""), line);
        artifact_hashes(p, &mut e.hashes);
        e.requires = dependency_names(p);
        if let Some(s) = source
            && s.get("registry").is_none()
        {
            e.source = ["git", "url", "path", "directory"]
                .iter()
                .find_map(|k| str_of(s, k))
                .map(str::to_owned);
        }
        out.push(e);
    }
    mark_direct(&mut out, &direct);
    Ok(out)
}

/// `poetry.lock`: direct dependencies come from the `pyproject.toml` beside it.
pub(super) fn poetry_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc = toml_doc(path, text)?;
    let mut out = Vec::new();
    for (p, name, line) in packages(path, text, &doc, "package")? {
        let mut e = Locked::new(PY, &name, str_of(p, "version").unwrap_or(""), line);
        artifact_hashes(p, &mut e.hashes);
        if let Some(deps) = p.get("dependencies").and_then(toml::Value::as_table) {
            e.requires = deps.keys().cloned().collect();
        }
        if let Some(s) = p.get("source")
            && let Some(kind) = str_of(s, "type")
            && kind != "legacy"
        {
            e.source = str_of(s, "url").map(str::to_owned);
        }
        e.dev = str_of(p, "category") == Some("dev");
        out.push(e);
    }
    let pyproject = path.parent().map(|d| d.join("pyproject.toml"));
    let direct: BTreeSet<String> = pyproject
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| t.parse::<toml::Table>().ok())
        .map(|doc| {
            let mut names = BTreeSet::new();
            let poetry = doc.get("tool").and_then(|t| t.get("poetry"));
            for key in ["dependencies", "dev-dependencies"] {
                if let Some(t) = poetry
                    .and_then(|p| p.get(key))
                    .and_then(toml::Value::as_table)
                {
                    names.extend(t.keys().map(|k| canonical_name(PY, k)));
                }
            }
            if let Some(groups) = poetry
                .and_then(|p| p.get("group"))
                .and_then(toml::Value::as_table)
            {
                for g in groups.values() {
                    if let Some(t) = g.get("dependencies").and_then(toml::Value::as_table) {
                        names.extend(t.keys().map(|k| canonical_name(PY, k)));
                    }
                }
            }
            for d in doc
                .get("project")
                .map(|p| array(p, "dependencies"))
                .unwrap_or(&[])
                .iter()
                .filter_map(toml::Value::as_str)
            {
                if let Ok(r) = crate::parse_requirement(d) {
                    names.insert(canonical_name(PY, r.name.as_ref()));
                }
            }
            names
        })
        .unwrap_or_default();
    mark_direct(&mut out, &direct);
    Ok(out)
}

/// `pdm.lock`.
pub(super) fn pdm_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc = toml_doc(path, text)?;
    let mut out = Vec::new();
    for (p, name, line) in packages(path, text, &doc, "package")? {
        let mut e = Locked::new(PY, &name, str_of(p, "version").unwrap_or(""), line);
        artifact_hashes(p, &mut e.hashes);
        e.requires = dependency_names(p);
        e.source = str_of(p, "git")
            .or_else(|| str_of(p, "url"))
            .map(str::to_owned);
        out.push(e);
    }
    mark_roots(&mut out);
    Ok(out)
}

/// `Pipfile.lock` (JSON): `default` and `develop` sections of pinned packages.
pub(super) fn pipfile_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        LockError::new(
            path,
            u32::try_from(e.line()).ok(),
            format!("not valid JSON: {e}"),
        )
    })?;
    let mut out = Vec::new();
    for (section, dev) in [("default", false), ("develop", true)] {
        let Some(map) = doc.get(section).and_then(serde_json::Value::as_object) else {
            continue;
        };
        for (name, v) in map {
            let version = v
                .get("version")
                .and_then(serde_json::Value::as_str)
                .map(|s| {
                    s.trim_start_matches("===")
                        .trim_start_matches("==")
                        .to_owned()
                })
                .unwrap_or_default();
            let mut e = Locked::new(
                PY,
                name,
                &version,
                line_of(text, &format!("\"{name}\": {{")),
            );
            e.hashes = v
                .get("hashes")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|h| h.as_str().and_then(parse_hash))
                .collect();
            e.source = v
                .get("git")
                .or_else(|| v.get("file"))
                .or_else(|| v.get("path"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned);
            e.direct = true;
            e.dev = dev;
            out.push(e);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_lines() {
        let dir = tempfile::tempdir().expect("tempdir");
        let main = dir.path().join("requirements.txt");
        std::fs::write(
            dir.path().join("constraints.txt"),
            "idna==3.7 --hash=sha256:AA\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("base.txt"),
            "-r requirements.txt\nsix==1.16.0\n",
        )
        .expect("write");
        std::fs::write(
            &main,
            "# pinned\n-c constraints.txt\n-r base.txt\n--index-url http://127.0.0.1:1/simple\nrequests==2.32.3 \\\n    --hash=sha256:0123abcd \\\n    --hash=sha256:4567ef\nidna ; python_version > \"3.8\"\nlocal @ file:///tmp/local-1.0.tar.gz\nhttps://127.0.0.1:1/f/demo-2.0.tar.gz\nurllib3>=2  # not pinned\n",
        )
        .expect("write");
        let text = std::fs::read_to_string(&main).expect("read");
        let e = requirements(&main, &text).expect("parses");
        let names: Vec<(&str, &str, u32)> = e
            .iter()
            .map(|x| (x.name.as_str(), x.version.as_str(), x.line))
            .collect();
        assert_eq!(
            names,
            [
                ("six", "1.16.0", 2),
                ("requests", "2.32.3", 5),
                ("idna", "3.7", 8),
                ("local", "1.0", 9),
                ("demo", "2.0", 10),
                ("urllib3", "", 11),
            ]
        );
        assert_eq!(e[1].hashes.len(), 2);
        assert_eq!(
            e[2].hashes[0].hex, "aa",
            "the constraint's hash comes with its pin"
        );
        assert_eq!(e[5].requirement, ">=2");
        assert!(
            e[3].source
                .as_deref()
                .is_some_and(|s| s.starts_with("file:"))
        );

        std::fs::write(&main, "requests==2.32.3\nthis is not a requirement\n").expect("write");
        let text = std::fs::read_to_string(&main).expect("read");
        let err = requirements(&main, &text).expect_err("malformed");
        assert_eq!(err.line, Some(2), "{err}");
    }
}
