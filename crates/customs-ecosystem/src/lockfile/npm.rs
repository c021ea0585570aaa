//! npm lockfiles: `package-lock.json` / `npm-shrinkwrap.json`, `yarn.lock`,
//! `pnpm-lock.yaml`, `bun.lock`.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::Ecosystem;

use super::{LockError, Locked, LockedHash, line_at, line_of};

const NPM: Ecosystem = Ecosystem::Npm;

/// An SRI string (`sha512-BASE64 sha1-BASE64`) as hashes (see [`LockedHash::sri`]).
fn sri(integrity: &str) -> Vec<LockedHash> {
    LockedHash::sri(integrity)
}

fn registry_source(resolved: Option<&str>) -> Option<String> {
    let r = resolved?;
    // Registry tarballs end in `/-/name-version.tgz`; anything else (git, file, a
    // tarball URL elsewhere) is a source of its own.
    (!r.contains("/-/")).then(|| r.to_owned())
}

/// Where each `"node_modules/…": {` key is first written in `text`, by key.
fn package_keys(text: &str) -> std::collections::HashMap<&str, usize> {
    const START: &str = "\"node_modules/";
    let mut found = std::collections::HashMap::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(START).map(|i| from + i) {
        let key_start = i + 1;
        from = key_start;
        let Some(len) = text[key_start..].find('"') else {
            break;
        };
        let key = &text[key_start..key_start + len];
        if text[key_start + len..].starts_with("\": {") {
            found.entry(key).or_insert(i);
        }
    }
    found
}

/// `package-lock.json` v2/v3 (`packages`) or v1 (`dependencies`).
pub(super) fn package_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        LockError::new(
            path,
            u32::try_from(e.line()).ok(),
            format!("not valid JSON: {e}"),
        )
    })?;
    if !doc.is_object() {
        return Err(LockError::new(path, Some(1), "not a package-lock object"));
    }
    let mut out = Vec::new();
    if let Some(packages) = doc.get("packages").and_then(Value::as_object) {
        let root = packages.get("");
        let direct: BTreeSet<String> = ["dependencies", "devDependencies", "optionalDependencies"]
            .iter()
            .filter_map(|k| root.and_then(|r| r.get(*k)).and_then(Value::as_object))
            .flat_map(|m| m.keys().cloned())
            .collect();
        // Where each entry's key is written, found in one pass (a search of the whole
        // text per entry made reading a lockfile of a thousand packages quadratic).
        let keys = package_keys(text);
        let lines = super::LineIndex::new(text);
        for (key, v) in packages {
            let Some(at) = key.rfind("node_modules/") else {
                continue; // the root, or a workspace folder
            };
            if v.get("link").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let name = v
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(&key[at + "node_modules/".len()..]);
            let version = v.get("version").and_then(Value::as_str).unwrap_or("");
            let at_line = match keys.get(key.as_str()) {
                Some(&offset) => lines.line(offset),
                None => line_of(text, &format!("\"{key}\": {{")),
            };
            let mut e = Locked::new(NPM, name, version, at_line);
            e.hashes = v
                .get("integrity")
                .and_then(Value::as_str)
                .map(sri)
                .unwrap_or_default();
            e.source = registry_source(v.get("resolved").and_then(Value::as_str));
            e.dev = v.get("dev").and_then(Value::as_bool).unwrap_or(false);
            // Only a top-level install of a root dependency is the direct one.
            e.direct = !key[..at].contains("node_modules/") && direct.contains(name) && at == 0;
            e.requires = ["dependencies", "optionalDependencies"]
                .iter()
                .filter_map(|k| v.get(*k).and_then(Value::as_object))
                .flat_map(|m| m.keys().cloned())
                .collect();
            out.push(e);
        }
        return Ok(out);
    }
    let Some(deps) = doc.get("dependencies").and_then(Value::as_object) else {
        return Err(LockError::new(
            path,
            Some(1),
            "neither `packages` nor `dependencies`: not a package-lock",
        ));
    };
    // v1: nested `dependencies`; top-level keys are the installed tree's first level.
    fn walk(text: &str, deps: &serde_json::Map<String, Value>, out: &mut Vec<Locked>) {
        for (name, v) in deps {
            let version = v.get("version").and_then(Value::as_str).unwrap_or("");
            let mut e = Locked::new(
                NPM,
                name,
                version,
                line_of(text, &format!("\"{name}\": {{")),
            );
            e.hashes = v
                .get("integrity")
                .and_then(Value::as_str)
                .map(sri)
                .unwrap_or_default();
            e.source = registry_source(v.get("resolved").and_then(Value::as_str));
            e.dev = v.get("dev").and_then(Value::as_bool).unwrap_or(false);
            e.requires = v
                .get("requires")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            out.push(e);
            if let Some(nested) = v.get("dependencies").and_then(Value::as_object) {
                walk(text, nested, out);
            }
        }
    }
    walk(text, deps, &mut out);
    // v1 does not mark direct dependencies; the package.json beside it does.
    let direct = package_json_dependencies(path);
    mark_direct(&mut out, direct.as_ref());
    Ok(out)
}

/// Marks the entries `package.json` names as direct; without a manifest, the entries
/// nothing else requires.
fn mark_direct(entries: &mut [Locked], direct: Option<&BTreeSet<String>>) {
    let required: BTreeSet<String> = entries.iter().flat_map(|e| e.requires.clone()).collect();
    for e in entries.iter_mut() {
        e.direct = match direct {
            Some(d) => d.contains(&e.name),
            None => !required.contains(&e.name),
        };
    }
}

fn package_json_dependencies(lockfile: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(lockfile.parent()?.join("package.json")).ok()?;
    let doc: Value = serde_json::from_str(&text).ok()?;
    Some(
        ["dependencies", "devDependencies", "optionalDependencies"]
            .iter()
            .filter_map(|k| doc.get(*k).and_then(Value::as_object))
            .flat_map(|m| m.keys().cloned())
            .collect(),
    )
}

/// `yarn.lock`, classic (v1) and berry (v2+).
pub(super) fn yarn_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let lock = yarn_lock_parser::parse_str(text).map_err(|e| {
        let line = match &e {
            yarn_lock_parser::YarnLockError::Parser { source } => match source {
                nom::Err::Error(v) | nom::Err::Failure(v) => v
                    .errors
                    .first()
                    .map(|(rest, _)| line_at(text, text.len().saturating_sub(rest.len()))),
                nom::Err::Incomplete(_) => None,
            },
        };
        LockError::new(
            path,
            line,
            "not a yarn.lock file (classic or berry) that can be read",
        )
    })?;
    let direct = package_json_dependencies(path);
    let mut out = Vec::new();
    for entry in &lock.entries {
        // Berry lists the project itself as a `workspace:` entry.
        if entry.resolved.contains("@workspace:") || entry.version == "0.0.0-use.local" {
            continue;
        }
        let first = entry.descriptors.first().map_or(entry.name, |(n, _)| n);
        let mut e = Locked::new(
            NPM,
            entry.name,
            entry.version,
            line_of(text, &format!("{first}@")),
        );
        // Classic records the registry's SRI; berry's `checksum` is of yarn's own cache
        // archive and cannot be compared with the registry's.
        if lock.version == 1 {
            e.hashes = sri(entry.integrity);
        }
        let resolved = entry.resolved;
        if !resolved.is_empty() && !resolved.contains("/-/") && !resolved.contains("@npm:") {
            e.source = Some(resolved.to_owned());
        }
        e.requires = entry
            .dependencies
            .iter()
            .chain(&entry.optional_dependencies)
            .map(|(n, _)| (*n).to_owned())
            .collect();
        out.push(e);
    }
    mark_direct(&mut out, direct.as_ref());
    Ok(out)
}

/// Splits a pnpm package key into name and version: `/@scope/name@1.2.3(peer@1)`
/// (v6, v9 without the slash) or `/@scope/name/1.2.3` (v5).
fn pnpm_key(key: &str, v5: bool) -> Option<(String, String)> {
    let key = key.trim_start_matches('/');
    let key = key.split('(').next().unwrap_or(key);
    if v5 {
        let (name, version) = key.rsplit_once('/')?;
        let version = version.split('_').next().unwrap_or(version);
        return Some((name.to_owned(), version.to_owned()));
    }
    let at = key.char_indices().skip(1).find(|&(_, c)| c == '@')?.0;
    Some((key[..at].to_owned(), key[at + 1..].to_owned()))
}

/// `pnpm-lock.yaml`, lockfile versions 5 to 9.
pub(super) fn pnpm_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
        let line = e
            .location()
            .map(|l| u32::try_from(l.line()).unwrap_or(u32::MAX));
        LockError::new(path, line, format!("not valid YAML: {e}"))
    })?;
    let version = doc
        .get("lockfileVersion")
        .map(|v| match v {
            serde_yaml_ng::Value::String(s) => s.clone(),
            serde_yaml_ng::Value::Number(n) => n.to_string(),
            _ => String::new(),
        })
        .ok_or_else(|| LockError::new(path, Some(1), "no lockfileVersion: not a pnpm lockfile"))?;
    let v5 = version.starts_with('5');
    let str_map_keys = |v: Option<&serde_yaml_ng::Value>| -> Vec<String> {
        v.and_then(serde_yaml_ng::Value::as_mapping)
            .map(|m| {
                m.keys()
                    .filter_map(|k| k.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    // Direct dependencies: of the root importer (v6+), or top level (v5).
    let mut direct = BTreeSet::new();
    let importers = doc
        .get("importers")
        .and_then(serde_yaml_ng::Value::as_mapping);
    let roots: Vec<&serde_yaml_ng::Value> = match importers {
        Some(m) => m.values().collect(),
        None => vec![&doc],
    };
    for root in roots {
        for k in ["dependencies", "devDependencies", "optionalDependencies"] {
            direct.extend(str_map_keys(root.get(k)));
        }
    }
    // v9 keeps dependencies in `snapshots`, keyed like `packages` plus peer suffixes.
    let snapshots: std::collections::HashMap<&str, &serde_yaml_ng::Value> = doc
        .get("snapshots")
        .and_then(serde_yaml_ng::Value::as_mapping)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.as_str()?.split('(').next()?, v)))
                .collect()
        })
        .unwrap_or_default();
    let Some(packages) = doc
        .get("packages")
        .and_then(serde_yaml_ng::Value::as_mapping)
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (key, v) in packages {
        let Some(key) = key.as_str() else { continue };
        let Some((name, version)) = pnpm_key(key, v5) else {
            return Err(LockError::new(
                path,
                Some(line_of(text, key)),
                format!("cannot read the package key {key:?}"),
            ));
        };
        let mut e = Locked::new(NPM, &name, &version, line_of(text, key));
        let resolution = v.get("resolution");
        e.hashes = resolution
            .and_then(|r| r.get("integrity"))
            .and_then(serde_yaml_ng::Value::as_str)
            .map(sri)
            .unwrap_or_default();
        e.source = resolution
            .and_then(|r| r.get("tarball").or_else(|| r.get("repo")))
            .and_then(serde_yaml_ng::Value::as_str)
            .map(str::to_owned);
        e.dev = v
            .get("dev")
            .and_then(serde_yaml_ng::Value::as_bool)
            .unwrap_or(false);
        let deps_of = snapshots.get(key).copied().unwrap_or(v);
        for k in ["dependencies", "optionalDependencies"] {
            e.requires.extend(str_map_keys(deps_of.get(k)));
        }
        e.direct = direct.contains(&name);
        out.push(e);
    }
    Ok(out)
}

/// JSONC (JSON with `//` and `/* */` comments and trailing commas, as bun writes
/// `bun.lock`) as plain JSON: comments become spaces (newlines kept, so that lines stay
/// where they were) and a comma before `}` or `]` is dropped. Strings are left as they
/// are.
fn jsonc_to_json(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    // Where the last comma outside a string was written, while only blanks followed.
    let mut comma: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                comma = None;
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                out.extend_from_slice(&bytes[start..end]);
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out.push(b' ');
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                out.extend(
                    bytes[i..end]
                        .iter()
                        .map(|&c| if c == b'\n' { b'\n' } else { b' ' }),
                );
                i = end;
                continue;
            }
            b',' => comma = Some(out.len()),
            b'}' | b']' => {
                if let Some(at) = comma.take() {
                    out[at] = b' ';
                }
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => comma = None,
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `bun.lock`, bun's text lockfile (JSONC): `packages` maps an install path to
/// `["name@version", "registry URL or empty", {dependencies...}, "sha512-..."]`;
/// git, file, tarball and workspace entries name their source in place of the
/// version.
pub(super) fn bun_lock(path: &Path, text: &str) -> Result<Vec<Locked>, LockError> {
    let doc: Value = serde_json::from_str(&jsonc_to_json(text)).map_err(|e| {
        LockError::new(
            path,
            u32::try_from(e.line()).ok(),
            format!("not valid JSONC: {e}"),
        )
    })?;
    if doc.get("lockfileVersion").and_then(Value::as_u64).is_none() {
        return Err(LockError::new(
            path,
            Some(1),
            "no lockfileVersion: not a bun.lock",
        ));
    }
    let root = doc.get("workspaces").and_then(|w| w.get(""));
    let group = |k: &str| -> BTreeSet<String> {
        root.and_then(|r| r.get(k))
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let direct: BTreeSet<String> = ["dependencies", "optionalDependencies", "peerDependencies"]
        .iter()
        .flat_map(|k| group(k))
        .collect();
    let dev = group("devDependencies");
    let Some(packages) = doc.get("packages").and_then(Value::as_object) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (key, v) in packages {
        let line = line_of(text, &format!("\"{key}\": ["));
        let bad = |what: &str| LockError::new(path, Some(line), format!("{key:?}: {what}"));
        let items = v.as_array().ok_or_else(|| bad("not an array"))?;
        let ident = items
            .first()
            .and_then(Value::as_str)
            .ok_or_else(|| bad("no \"name@version\" first"))?;
        // The name's own `@` (a scope) is its first character.
        let at = ident
            .get(1..)
            .and_then(|rest| rest.find('@'))
            .map(|i| i + 1)
            .ok_or_else(|| bad("no version after the name"))?;
        let (name, spec) = (&ident[..at], &ident[at + 1..]);
        if spec.starts_with("workspace:") || spec.starts_with("link:") {
            continue;
        }
        let registry = spec.starts_with(|c: char| c.is_ascii_digit());
        let mut e = Locked::new(NPM, name, if registry { spec } else { "" }, line);
        if !registry {
            e.source = Some(spec.to_owned());
        }
        e.hashes = items
            .iter()
            .skip(1)
            .filter_map(Value::as_str)
            .filter(|s| s.starts_with("sha"))
            .flat_map(sri)
            .collect();
        if let Some(meta) = items.iter().find_map(Value::as_object) {
            e.requires = ["dependencies", "optionalDependencies"]
                .iter()
                .filter_map(|k| meta.get(*k).and_then(Value::as_object))
                .flat_map(|m| m.keys().cloned())
                .collect();
        }
        // A top-level install (the key is the bare name) of a root dependency.
        let top = key == name;
        e.direct = top && (direct.contains(name) || dev.contains(name));
        e.dev = top && dev.contains(name) && !direct.contains(name);
        out.push(e);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pnpm_keys() {
        assert_eq!(
            pnpm_key("/@scope/name@1.2.3(react@18.0.0)", false),
            Some(("@scope/name".into(), "1.2.3".into()))
        );
        assert_eq!(
            pnpm_key("left-pad@1.3.0", false),
            Some(("left-pad".into(), "1.3.0".into()))
        );
        assert_eq!(
            pnpm_key("/@scope/name/1.2.3_react@18", true),
            Some(("@scope/name".into(), "1.2.3".into()))
        );
        assert_eq!(sri("sha512-AAAA")[0].algorithm, "sha512");
    }

    #[test]
    fn jsonc_comments_and_trailing_commas() {
        let text = "{\n  // a comment, with \"quotes\" and a comma,\n  \"a\": [\"x//y\", \"/*z*/,\",],\n  /* b\n */ \"b\": {\"c\": 1,},\n}\n";
        let json = jsonc_to_json(text);
        let v: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(v["a"], serde_json::json!(["x//y", "/*z*/,"]));
        assert_eq!(v["b"]["c"], 1);
        assert_eq!(json.lines().count(), text.lines().count(), "lines stay put");
    }
}
