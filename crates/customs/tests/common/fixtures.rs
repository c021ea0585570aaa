//! Small registries on loopback for the tests of one surface: npm packages whose
//! versions each serve a tarball, PyPI projects whose versions each serve an sdist, and
//! the customs command run against them with a private store and cache.

use std::path::Path;
use std::process::Output;

use base64::Engine;
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};

use super::loopback::Loopback;
use super::{customs_with, stdout, tar_gz_of};

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

/// The JSON a command printed.
pub fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", both(o)))
}

/// A package-lock.json (v3) in `dir` naming `deps` (name, version, integrity), all
/// direct.
pub fn package_lock(dir: &Path, deps: &[(&str, &str, String)]) {
    let mut packages = serde_json::Map::new();
    let direct: serde_json::Map<String, Value> =
        deps.iter().map(|d| (d.0.to_owned(), json!(d.1))).collect();
    packages.insert(
        String::new(),
        json!({"name": "app", "version": "1.0.0", "dependencies": direct}),
    );
    for (name, version, integrity) in deps {
        packages.insert(
            format!("node_modules/{name}"),
            json!({"version": version,
                   "resolved": format!("http://127.0.0.1/npm/{name}/-/{name}-{version}.tgz"),
                   "integrity": integrity}),
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
pub fn fetch(server: &Loopback, path: &str) -> Vec<u8> {
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
