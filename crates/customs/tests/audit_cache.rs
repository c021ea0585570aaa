//! A warm audit asks the index only for what may have changed, over few connections,
//! and judges again only what it has not judged with the same rules and policy.
//!
//! The registry here is a keep-alive HTTP/1.1 server on loopback that counts the
//! connections it accepts and records every request with its conditional headers.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::fixtures::{both, json_of, package, package_lock, run, sri};
use serde_json::json;
use sha2::{Digest, Sha256};

/// One request: its path and its conditional header, if any.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    conditional: Option<String>,
}

/// Path -> content type and body.
type Routes = Arc<Mutex<HashMap<String, (String, Vec<u8>)>>>;

#[derive(Clone)]
struct Keepalive {
    url: String,
    routes: Routes,
    hits: Arc<Mutex<Vec<Hit>>>,
    connections: Arc<AtomicUsize>,
}

impl Keepalive {
    /// `validators`: answer with an `ETag` and honour `If-None-Match` (a registry),
    /// or send none (a plain mirror).
    fn start(validators: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let server = Self {
            url: format!("http://{}", listener.local_addr().unwrap()),
            routes: Arc::default(),
            hits: Arc::default(),
            connections: Arc::default(),
        };
        let s = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                s.connections.fetch_add(1, Ordering::SeqCst);
                let s = s.clone();
                std::thread::spawn(move || s.serve(stream, validators));
            }
        });
        server
    }

    fn serve(&self, stream: std::net::TcpStream, validators: bool) {
        let mut out = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        loop {
            let mut request = String::new();
            if reader.read_line(&mut request).unwrap_or(0) == 0 {
                return;
            }
            let mut conditional = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line.trim().is_empty() {
                    break;
                }
                let (k, v) = line.split_once(':').unwrap_or(("", ""));
                if k.eq_ignore_ascii_case("if-none-match")
                    || k.eq_ignore_ascii_case("if-modified-since")
                {
                    conditional = Some(v.trim().to_owned());
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            self.hits.lock().unwrap().push(Hit {
                path: path.clone(),
                conditional: conditional.clone(),
            });
            let found = self.routes.lock().unwrap().get(&path).cloned();
            let answer = match found {
                Some((ct, body)) => {
                    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..16]);
                    if validators && conditional.as_deref() == Some(etag.as_str()) {
                        "HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\n"
                            .as_bytes()
                            .to_vec()
                    } else {
                        let etag = if validators {
                            format!("ETag: {etag}\r\n")
                        } else {
                            String::new()
                        };
                        let mut a = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n{etag}\r\n",
                            body.len()
                        )
                        .into_bytes();
                        a.extend_from_slice(&body);
                        a
                    }
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
            };
            if out.write_all(&answer).is_err() {
                return;
            }
        }
    }

    fn route(&self, path: &str, ct: &str, body: Vec<u8>) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_owned(), (ct.to_owned(), body));
    }

    fn take_hits(&self) -> Vec<Hit> {
        std::mem::take(&mut *self.hits.lock().unwrap())
    }

    fn env(&self, dir: &Path) -> Vec<(&'static str, String)> {
        vec![
            ("npm_config_registry", format!("{}/npm/", self.url)),
            ("PIP_INDEX_URL", format!("{}/simple/", self.url)),
            (
                "CUSTOMS_STORE",
                dir.join("store.sqlite3").display().to_string(),
            ),
            ("CUSTOMS_CACHE_DIR", dir.join("cache").display().to_string()),
        ]
    }
}

/// Serves npm package `name` with versions 1.0.0 and 1.1.0; returns the integrity of
/// 1.1.0's tarball.
fn npm_package(server: &Keepalive, name: &str) -> String {
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let mut integrity = String::new();
    for (i, version) in ["1.0.0", "1.1.0"].iter().enumerate() {
        let manifest = json!({"name": name, "version": version, "main": "index.js"});
        let manifest = serde_json::to_vec(&manifest).unwrap();
        let code = format!("module.exports = () => {i};\n");
        let tgz = common::tar_gz_of(
            &[("package.json", &manifest), ("index.js", code.as_bytes())],
            "package/",
        );
        let path = format!("/npm/{name}/-/{name}-{version}.tgz");
        server.route(&path, "application/octet-stream", tgz.clone());
        integrity = sri(&tgz);
        versions.insert(
            (*version).to_owned(),
            json!({"name": name, "version": version,
                   "dist": {"tarball": format!("{}{path}", server.url), "integrity": integrity},
                   "_npmUser": {"name": "alice"}, "maintainers": [{"name": "alice"}]}),
        );
        let at = 1_700_000_000_i64 + i64::try_from(i).unwrap() * 86_400 * 30;
        time.insert(
            (*version).to_owned(),
            json!(customs_registry::format_rfc3339(at)),
        );
    }
    let doc =
        json!({"name": name, "dist-tags": {"latest": "1.1.0"}, "versions": versions, "time": time});
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    integrity
}

/// A project locking `count` packages at 1.1.0, served by `server`.
fn project(server: &Keepalive, dir: &Path, count: usize) -> Vec<String> {
    let names: Vec<String> = (0..count).map(|i| format!("pkg-{i}")).collect();
    let deps: Vec<(&str, &str, String)> = names
        .iter()
        .map(|n| (n.as_str(), "1.1.0", npm_package(server, n)))
        .collect();
    package_lock(&dir.join("app"), &deps);
    names
}

fn audit(dir: &Path, server: &Keepalive, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["audit", "app", "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(dir, &args, &server.env(dir));
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    json_of(&out)
}

fn documents(hits: &[Hit]) -> Vec<&Hit> {
    hits.iter().filter(|h| !h.path.ends_with(".tgz")).collect()
}

fn tarballs(hits: &[Hit]) -> usize {
    hits.iter().filter(|h| h.path.ends_with(".tgz")).count()
}

#[test]
fn an_audit_keeps_its_connections_alive() {
    let dir = tempfile::tempdir().unwrap();
    let server = Keepalive::start(true);
    project(&server, dir.path(), 12);
    audit(dir.path(), &server, &[]);
    let requests = server.take_hits().len();
    let connections = server.connections.load(Ordering::SeqCst);
    // 12 documents and 24 tarballs, over at most the per-host bound of connections.
    assert!(requests >= 36, "{requests} requests");
    assert!(
        connections <= customs_registry::MAX_PER_HOST,
        "{connections} connections for {requests} requests"
    );
}

#[test]
fn a_warm_audit_revalidates_documents_and_reuses_judgements() {
    let dir = tempfile::tempdir().unwrap();
    let server = Keepalive::start(true);
    let names = project(&server, dir.path(), 3);
    let cold = audit(dir.path(), &server, &[]);
    let hits = server.take_hits();
    assert_eq!(tarballs(&hits), 6, "{hits:?}");
    assert!(documents(&hits).iter().all(|h| h.conditional.is_none()));

    // The artifacts leave the cache: a warm audit that needs none of them reads none.
    std::fs::remove_dir_all(dir.path().join("cache/artifacts")).unwrap();
    let warm = audit(dir.path(), &server, &[]);
    let hits = server.take_hits();
    assert_eq!(tarballs(&hits), 0, "nothing judged again: {hits:?}");
    let docs = documents(&hits);
    assert_eq!(docs.len(), 3, "{hits:?}");
    assert!(
        docs.iter().all(|h| h.conditional.is_some()),
        "every document revalidated: {docs:?}"
    );
    for name in &names {
        let (a, b) = (package(&cold, name), package(&warm, name));
        assert_eq!(a["verdict"], b["verdict"], "{name}");
        assert_eq!(a["sha256"], b["sha256"], "{name}");
        assert_eq!(a["findings"], b["findings"], "{name}");
        assert_eq!(a["policy"], b["policy"], "{name}");
    }

    // A changed policy judges again.
    std::fs::write(
        dir.path().join("app/customs.toml"),
        "fail_on = \"malicious\"\nmin_release_age = \"1h\"\n",
    )
    .unwrap();
    let policy = dir.path().join("app/customs.toml").display().to_string();
    audit(dir.path(), &server, &["--policy", &policy]);
    let hits = server.take_hits();
    assert_eq!(tarballs(&hits), 6, "judged again: {hits:?}");
}

#[test]
fn documents_without_validators_are_reused_while_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let server = Keepalive::start(false);
    project(&server, dir.path(), 3);
    audit(dir.path(), &server, &[]);
    assert_eq!(documents(&server.take_hits()).len(), 3);

    audit(dir.path(), &server, &[]);
    let hits = server.take_hits();
    assert!(documents(&hits).is_empty(), "within freshness: {hits:?}");

    audit(dir.path(), &server, &["--metadata-freshness", "0"]);
    assert_eq!(documents(&server.take_hits()).len(), 3, "stale: read again");

    audit(dir.path(), &server, &["--refresh"]);
    let hits = server.take_hits();
    let docs = documents(&hits);
    assert_eq!(docs.len(), 3, "--refresh reads every document: {hits:?}");
    assert!(docs.iter().all(|h| h.conditional.is_none()));
}

#[test]
fn offline_tries_every_hash_of_a_pin() {
    let dir = tempfile::tempdir().unwrap();
    let server = Keepalive::start(true);
    let name = "hashy";
    let pkg_info = format!("Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n");
    let sdist = common::tar_gz_of(&[("PKG-INFO", pkg_info.as_bytes())], "hashy-1.0/");
    let digest = hex::encode(Sha256::digest(&sdist));
    server.route("/files/hashy-1.0.tar.gz", "application/octet-stream", sdist);
    let page = json!({"meta": {"api-version": "1.1"}, "name": name, "files": [{
        "filename": "hashy-1.0.tar.gz", "url": "/files/hashy-1.0.tar.gz",
        "hashes": {"sha256": digest},
        "upload-time": customs_registry::format_rfc3339(1_700_000_000)}]});
    server.route(
        "/simple/hashy/",
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
    let app = dir.path().join("app");
    std::fs::create_dir_all(&app).unwrap();
    // The cached file's hash is the second one listed (a wheel's would come first).
    std::fs::write(
        app.join("requirements.txt"),
        format!(
            "hashy==1.0 --hash=sha256:{} --hash=sha256:{digest}\n",
            "0".repeat(64)
        ),
    )
    .unwrap();
    let online = audit(dir.path(), &server, &[]);
    assert_eq!(package(&online, name)["verdict"], "clean", "{online:#}");
    let offline = audit(dir.path(), &server, &["--offline"]);
    let p = package(&offline, name);
    assert_eq!(p["verdict"], "clean", "found in the cache: {p:#}");
    assert_eq!(p["sha256"], digest);
}
