//! The fixture registry of the end-to-end tests, served on loopback: `webfetch`, whose
//! 1.0.1 is a hijacked update (npm), `pyfetch`, the same in PyPI, `pywheel` (wheels, one
//! with a malicious `.pth`, one too young), and builders for packages published at given
//! times, with build provenance, and the documents a registry shows before a release.

use std::path::Path;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::fixtures::{
    DAY, LockEntry, T0, fetch, fixture, iso, now, npm_document, npm_lockfile, simple_page, sri,
    wheel,
};
use super::loopback::Loopback;
use super::tar_gz_of;

/// One npm version: its package.json and other files, served as a tarball.
pub fn npm_version(
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
pub fn npm_registry(server: &Loopback) {
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
    npm_document(server, "/npm/webfetch", &doc);

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
    npm_document(server, "/npm/crypto-helper-js", &doc);
}

/// The environment that points customs at `server`'s npm registry, with this download
/// cache (and no store of its own: add one with [`super::fixtures::store_and_cache`]).
pub fn npm_env(server: &Loopback, cache: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("npm_config_registry", format!("{}/npm/", server.url)),
        ("CUSTOMS_CACHE_DIR", cache.display().to_string()),
    ]
}

/// The PyPI side: `pyfetch` 1.0 with provenance, 1.1 without it and with a new
/// requirement that nothing imports, whose sdist's setup.py opens a reverse shell.
pub fn pypi_registry(server: &Loopback) {
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
        let entry = sdist_entry(
            server,
            "pyfetch",
            version,
            body,
            at,
            provenance.then_some("octo/pyfetch"),
        );
        files.push(entry);
    }
    simple_page(server, "/simple/pyfetch/", "pyfetch", files);

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

/// A package published `age` seconds before now, with the given manifest scripts.
pub fn npm_package_at(
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
    let now = now();
    let doc = json!({
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {"name": name, "version": version, "scripts": scripts, "dist": {"tarball": url, "integrity": sri(&tgz)}}},
        "time": {"created": iso(now - age), version: iso(now - age)}
    });
    npm_document(server, &format!("/npm/{name}"), &doc);
    sri(&tgz)
}

/// The integrity of a tarball `server` serves.
pub fn integrity_of(server: &Loopback, name: &str, version: &str) -> String {
    sri(&fetch(
        server,
        &format!("/npm/{name}/-/{name}-{version}.tgz"),
    ))
}

/// PyPI `pywheel`: 1.0 clean, 1.1 with a `.pth` that runs a decoded payload, 1.2 clean
/// but published a day ago.
pub fn pywheel_registry(server: &Loopback) {
    let now = now();
    let clean: &[u8] = b"def hello():\n    return 'hi'\n";
    let pth = super::fixtures::pth_dropper();
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
    simple_page(server, "/simple/pywheel/", "pywheel", files);
}

/// `ms`, the clean dependency of `webfetch`.
pub fn ms_package(server: &Loopback) {
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

/// Serves `name`'s document with only some of its versions (as a registry looks before a
/// release appears).
pub fn only_versions(server: &Loopback, name: &str, full: &Value, keep: &[&str]) {
    let mut doc = full.clone();
    for key in ["versions", "time"] {
        if let Some(map) = doc[key].as_object_mut() {
            map.retain(|k, _| {
                keep.contains(&k.as_str()) || !k.starts_with(|c: char| c.is_ascii_digit())
            });
        }
    }
    doc["dist-tags"]["latest"] = json!(keep.last().unwrap());
    npm_document(server, &format!("/npm/{name}"), &doc);
}

/// An npm package with these versions (each a small clean module), released `age`
/// seconds ago each.
pub fn npm_releases(server: &Loopback, name: &str, versions: &[(&str, i64)]) {
    npm_releases_with(server, name, versions, |_| json!({}));
}

/// As [`npm_releases`], with `extra(version)` merged into each version's entry.
pub fn npm_releases_with(
    server: &Loopback,
    name: &str,
    versions: &[(&str, i64)],
    extra: impl Fn(&str) -> Value,
) {
    let now = now();
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
    npm_document(server, &format!("/npm/{name}"), &doc);
}

/// A PyPI project of clean sdists whose releases carry PEP 740 provenance from the
/// given repositories (`None`: no provenance).
pub fn pypi_with_provenance(server: &Loopback, name: &str, releases: &[(&str, i64, Option<&str>)]) {
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
        let entry = sdist_entry(server, name, version, body, *at, *repository);
        files.push(entry);
    }
    simple_page(server, &format!("/simple/{name}/"), name, files);
}

/// A project with a package-lock.json (v3) naming `deps` (name, version, integrity,
/// direct, requires).
pub fn npm_project(dir: &Path, deps: &[(&str, &str, String, bool, &[&str])]) {
    let deps: Vec<LockEntry<'_>> = deps
        .iter()
        .map(|(name, version, integrity, direct, requires)| LockEntry {
            name,
            version,
            integrity: integrity.clone(),
            direct: *direct,
            requires: Some(requires),
        })
        .collect();
    npm_lockfile(dir, &deps);
}

/// [`npm_env`] with a download cache and a store of the test's own in `dir`.
pub fn npm_env_and_store(server: &Loopback, dir: &Path) -> Vec<(&'static str, String)> {
    let mut env = npm_env(server, &dir.join("cache"));
    env.push((
        "CUSTOMS_STORE",
        dir.join("store.sqlite3").display().to_string(),
    ));
    env
}

/// The environment that points customs at `server`'s PyPI index, with a download cache
/// and a store of the test's own in `dir`.
pub fn pypi_env_and_store(server: &Loopback, dir: &Path) -> Vec<(&'static str, String)> {
    let mut env = vec![("PIP_INDEX_URL", format!("{}/simple/", server.url))];
    env.extend(super::fixtures::store_and_cache(dir));
    env
}

/// Serves `body` as `name`'s sdist of `version` under `/files/`, with PEP 740 provenance
/// from GitHub repository `provenance` (its `release.yml`) when given. Returns its entry
/// of a PEP 691 project page, uploaded at `at`.
pub fn sdist_entry(
    server: &Loopback,
    name: &str,
    version: &str,
    body: Vec<u8>,
    at: i64,
    provenance: Option<&str>,
) -> Value {
    let file = format!("{name}-{version}.tar.gz");
    let mut entry = json!({
        "filename": file, "url": format!("/files/{file}"),
        "hashes": {"sha256": hex::encode(Sha256::digest(&body))},
        "upload-time": iso(at), "provenance": null,
    });
    server.route(&format!("/files/{file}"), "application/octet-stream", body);
    if let Some(repository) = provenance {
        let url = format!("/integrity/{name}/{version}/{file}/provenance");
        let bundle = json!({
            "version": 1,
            "attestation_bundles": [{"publisher": {"kind": "GitHub", "repository": repository, "workflow": "release.yml"}, "attestations": []}]
        });
        server.route(
            &url,
            "application/json",
            serde_json::to_vec(&bundle).unwrap(),
        );
        entry["provenance"] = json!(url);
    }
    entry
}
