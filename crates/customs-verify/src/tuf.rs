//! Refreshing the trusted root with TUF (The Update Framework), as Sigstore distributes
//! it: starting from a root of trust (the TUF root shipped with customs, or one given),
//! each newer root must be signed by a threshold of the previous root's keys and of its
//! own; then timestamp, snapshot and targets are each checked against the root's keys,
//! versions and expiry, and the `trusted_root.json` target against its length and hash.
//! The network is the caller's: `fetch` gets a path of the repository.

use base64::Engine as _;
use serde_json::Value;
use sha2::Digest as _;

use crate::crypto::{Hash, Key};

/// The TUF root Sigstore's public-good repository started from, as its clients ship it
/// (taken from the sigstore 3.6.1 Python distribution's `_store/prod/root.json`).
pub const EMBEDDED_TUF_ROOT: &str = include_str!("../data/tuf_root.json");

/// The most root versions walked in one update.
const MAX_ROOT_ROTATIONS: u64 = 1024;
/// The largest metadata or target file read.
pub const MAX_FILE: usize = 16 << 20;

/// Gets a path of the repository: its bytes, `None` when it is not there (404).
pub type Fetch<'a> = &'a dyn Fn(&str) -> Result<Option<Vec<u8>>, String>;

/// What an update produced.
#[derive(Debug, Clone)]
pub struct Updated {
    /// The newest TUF root (keep it as the next update's starting point).
    pub tuf_root: Vec<u8>,
    /// The verified `trusted_root.json`.
    pub trusted_root: Vec<u8>,
    /// The root's version.
    pub root_version: u64,
}

/// The canonical JSON of `v`: what a TUF signature covers.
#[must_use]
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    canonical(v, &mut out);
    out
}

/// OLPC canonical JSON, as TUF signs it: keys sorted, no whitespace, only `"` and `\`
/// escaped in strings.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => {
            out.push('"');
            for c in s.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(&Value::String((*k).clone()), out);
                out.push(':');
                canonical(&map[*k], out);
            }
            out.push('}');
        }
    }
}

fn parse(bytes: &[u8], what: &str) -> Result<Value, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("{what} is not JSON: {e}"))
}

fn key_of(v: &Value) -> Result<Key, String> {
    let pem = v["keyval"]["public"]
        .as_str()
        .ok_or("a key has no public value")?;
    let der: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(der.trim())
        .map_err(|e| format!("a key is not PEM: {e}"))?;
    Key::from_spki_der(&der)
}

/// Checks that `meta` is signed by `threshold` distinct keys of `role` in `root`.
fn signed_by_role(meta: &Value, root: &Value, role: &str, what: &str) -> Result<(), String> {
    let r = &root["signed"]["roles"][role];
    let threshold = r["threshold"]
        .as_u64()
        .ok_or_else(|| format!("the root has no {role} threshold"))?;
    if threshold == 0 {
        return Err(format!("the root's {role} threshold is 0"));
    }
    let keyids: Vec<&str> = r["keyids"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut message = String::new();
    canonical(&meta["signed"], &mut message);
    let mut good: Vec<&str> = Vec::new();
    for sig in meta["signatures"].as_array().into_iter().flatten() {
        let Some(keyid) = sig["keyid"].as_str() else {
            continue;
        };
        if !keyids.contains(&keyid) || good.contains(&keyid) {
            continue;
        }
        let Ok(key) = key_of(&root["signed"]["keys"][keyid]) else {
            continue;
        };
        let Some(bytes) = sig["sig"].as_str().and_then(|h| hex::decode(h).ok()) else {
            continue;
        };
        if key.verify(message.as_bytes(), &bytes, Hash::Sha256).is_ok() {
            good.push(keyid);
        }
    }
    if (good.len() as u64) < threshold {
        return Err(format!(
            "{what} is signed by {} of the {threshold} {role} keys it needs",
            good.len()
        ));
    }
    Ok(())
}

fn check_type_and_expiry(meta: &Value, kind: &str, now: i64, what: &str) -> Result<u64, String> {
    let signed = &meta["signed"];
    if signed["_type"].as_str() != Some(kind) {
        return Err(format!("{what} is not {kind} metadata"));
    }
    let expires = signed["expires"]
        .as_str()
        .and_then(customs_model::parse_rfc3339)
        .ok_or_else(|| format!("{what} has no expiry"))?;
    if expires <= now {
        return Err(format!(
            "{what} expired at {}: the repository is stale or frozen",
            customs_model::format_rfc3339(expires)
        ));
    }
    signed["version"]
        .as_u64()
        .ok_or_else(|| format!("{what} has no version"))
}

/// Walks the repository from `tuf_root` to a verified `trusted_root.json`.
///
/// # Errors
/// When a file cannot be fetched, or fails a signature, version, expiry, length or hash
/// check: the message names which.
pub fn update(tuf_root: &[u8], now: i64, fetch: Fetch<'_>) -> Result<Updated, String> {
    let mut root = parse(tuf_root, "the TUF root")?;
    signed_by_role(&root, &root, "root", "the TUF root")?;
    let mut version = root["signed"]["version"]
        .as_u64()
        .ok_or("the TUF root has no version")?;
    let mut root_bytes = tuf_root.to_vec();
    for _ in 0..MAX_ROOT_ROTATIONS {
        let next = version + 1;
        let Some(bytes) = fetch(&format!("{next}.root.json"))? else {
            break;
        };
        let new = parse(&bytes, &format!("root {next}"))?;
        signed_by_role(
            &new,
            &root,
            "root",
            &format!("root {next} (by the keys of root {version})"),
        )?;
        signed_by_role(
            &new,
            &new,
            "root",
            &format!("root {next} (by its own keys)"),
        )?;
        if new["signed"]["version"].as_u64() != Some(next) {
            return Err(format!("{next}.root.json says it is another version"));
        }
        root = new;
        root_bytes = bytes;
        version = next;
    }
    check_type_and_expiry(&root, "root", now, &format!("root {version}"))?;
    let consistent = root["signed"]["consistent_snapshot"]
        .as_bool()
        .unwrap_or(false);

    let ts_bytes = fetch("timestamp.json")?.ok_or("the repository has no timestamp.json")?;
    let ts = parse(&ts_bytes, "timestamp.json")?;
    signed_by_role(&ts, &root, "timestamp", "timestamp.json")?;
    check_type_and_expiry(&ts, "timestamp", now, "timestamp.json")?;
    let snap_version = ts["signed"]["meta"]["snapshot.json"]["version"]
        .as_u64()
        .ok_or("timestamp.json names no snapshot version")?;

    let snap_name = if consistent {
        format!("{snap_version}.snapshot.json")
    } else {
        "snapshot.json".into()
    };
    let snap_bytes =
        fetch(&snap_name)?.ok_or_else(|| format!("the repository has no {snap_name}"))?;
    let snap = parse(&snap_bytes, &snap_name)?;
    signed_by_role(&snap, &root, "snapshot", &snap_name)?;
    if check_type_and_expiry(&snap, "snapshot", now, &snap_name)? != snap_version {
        return Err(format!(
            "{snap_name} is not the version timestamp.json names"
        ));
    }
    let targets_version = snap["signed"]["meta"]["targets.json"]["version"]
        .as_u64()
        .ok_or("the snapshot names no targets version")?;

    let targets_name = if consistent {
        format!("{targets_version}.targets.json")
    } else {
        "targets.json".into()
    };
    let targets_bytes =
        fetch(&targets_name)?.ok_or_else(|| format!("the repository has no {targets_name}"))?;
    let targets = parse(&targets_bytes, &targets_name)?;
    signed_by_role(&targets, &root, "targets", &targets_name)?;
    if check_type_and_expiry(&targets, "targets", now, &targets_name)? != targets_version {
        return Err(format!(
            "{targets_name} is not the version the snapshot names"
        ));
    }
    let target = &targets["signed"]["targets"]["trusted_root.json"];
    let length = target["length"]
        .as_u64()
        .ok_or("targets names no trusted_root.json")?;
    let sha256 = target["hashes"]["sha256"]
        .as_str()
        .ok_or("trusted_root.json has no sha256 in targets")?;
    let target_name = if consistent {
        format!("targets/{sha256}.trusted_root.json")
    } else {
        "targets/trusted_root.json".into()
    };
    let bytes =
        fetch(&target_name)?.ok_or_else(|| format!("the repository has no {target_name}"))?;
    if bytes.len() as u64 != length {
        return Err(format!(
            "trusted_root.json is {} bytes, targets says {length}",
            bytes.len()
        ));
    }
    if hex::encode(sha2::Sha256::digest(&bytes)) != sha256.to_ascii_lowercase() {
        return Err("trusted_root.json does not have the sha256 targets names".into());
    }
    if let Some(sha512) = target["hashes"]["sha512"].as_str()
        && hex::encode(sha2::Sha512::digest(&bytes)) != sha512.to_ascii_lowercase()
    {
        return Err("trusted_root.json does not have the sha512 targets names".into());
    }
    crate::TrustedRoot::parse(&bytes).map_err(|e| format!("the new trusted_root.json: {e}"))?;
    Ok(Updated {
        tuf_root: root_bytes,
        trusted_root: bytes,
        root_version: version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped TUF root verifies under its own keys: the canonical form and the
    /// signatures are read as Sigstore's signers made them.
    #[test]
    fn the_embedded_tuf_root_is_signed_by_its_own_keys() {
        let root = parse(EMBEDDED_TUF_ROOT.as_bytes(), "root").expect("json");
        signed_by_role(&root, &root, "root", "the root").expect("threshold met");
        let mut forged = root.clone();
        forged["signed"]["version"] = serde_json::json!(6);
        let e = signed_by_role(&forged, &root, "root", "a forged root").expect_err("forged");
        assert!(e.contains("signed by 0 of the 3 root keys"), "{e}");
    }

    #[test]
    fn canonical_json() {
        let v: Value =
            serde_json::from_str(r#"{"b": [1, "x\"y\\z"], "a": {"d": null, "c": true}}"#)
                .expect("json");
        let mut out = String::new();
        canonical(&v, &mut out);
        assert_eq!(out, r#"{"a":{"c":true,"d":null},"b":[1,"x\"y\\z"]}"#);
    }
}
