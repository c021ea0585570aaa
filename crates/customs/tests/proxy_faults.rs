//! The proxy under faults and attack, against a loopback upstream that misbehaves on
//! request (common/faulty.rs): failed and altered downloads, a damaged store, a crash
//! mid-scan, stalled answers, many Host values, names with URL syntax in them, and
//! releases the policy holds back, as pip and npm report them.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::faulty::{Fault, Faulty};
use common::fixtures::{
    DAY, T0, iso, npm_document, pip_download, simple_page, sri, store_and_cache,
    wheel_and_metadata as wheel,
};
use common::proxy::{Proxy, get};
use common::{customs_with, root, tar_gz_of};
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};

/// One version: number, publication time, the `scripts` the registry's document gives,
/// and the tarball's files (a `package.json` among them, or one is written).
type Version<'a> = (&'a str, i64, Value, Vec<(&'a str, Vec<u8>)>);

/// An npm package on the upstream, its versions as tarballs. Returns the tarball paths.
fn npm_package(server: &Faulty, name: &str, versions: &[Version<'_>]) -> Vec<String> {
    let mut docs = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let mut paths = Vec::new();
    for (version, at, doc_scripts, files) in versions {
        let manifest = files
            .iter()
            .find(|(p, _)| *p == "package.json")
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| {
                serde_json::to_vec(&json!({"name": name, "version": version})).unwrap()
            });
        let mut all: Vec<(&str, &[u8])> = vec![("package.json", &manifest)];
        all.extend(
            files
                .iter()
                .filter(|(p, _)| *p != "package.json")
                .map(|(p, b)| (*p, b.as_slice())),
        );
        let tgz = tar_gz_of(&all, "package/");
        let path = format!("/npm/{name}/-/{name}-{version}.tgz");
        server.route(&path, "application/octet-stream", tgz.clone());
        docs.insert(
            (*version).to_owned(),
            json!({"name": name, "version": version, "scripts": doc_scripts,
                   "dist": {"tarball": format!("{}{path}", server.url), "integrity": sri(&tgz)}}),
        );
        time.insert((*version).to_owned(), json!(iso(*at)));
        paths.push(path);
    }
    let latest = versions.last().map(|v| v.0).unwrap_or("0.0.0");
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": docs, "time": time});
    npm_document(server, &format!("/npm/{name}"), &doc);
    paths
}

/// A clean package with two releases, the second compared with the first.
fn tidy(server: &Faulty) -> Vec<String> {
    let index = |v: &str| {
        format!("module.exports = (s) => s.trim(); // {v}\n")
            .as_bytes()
            .to_vec()
    };
    npm_package(
        server,
        "tidy",
        &[
            (
                "1.0.0",
                T0 - 60 * DAY,
                json!({}),
                vec![("index.js", index("1.0.0"))],
            ),
            (
                "1.1.0",
                T0 - 30 * DAY,
                json!({}),
                vec![("index.js", index("1.1.0"))],
            ),
        ],
    )
}

/// A first release whose postinstall is a dropper (the fixture of that name).
fn dropper(server: &Faulty) -> String {
    let fixture = |p: &str| {
        std::fs::read(
            root()
                .join("tests/fixtures/malicious-npm-postinstall-dropper")
                .join(p),
        )
        .unwrap()
    };
    let mut manifest: Value = serde_json::from_slice(&fixture("package.json")).unwrap();
    manifest["name"] = json!("dropper");
    manifest["version"] = json!("1.0.0");
    npm_package(
        server,
        "dropper",
        &[(
            "1.0.0",
            T0 - 30 * DAY,
            json!({"postinstall": "node setup.js"}),
            vec![
                ("package.json", serde_json::to_vec(&manifest).unwrap()),
                ("setup.js", fixture("setup.js")),
                ("index.js", fixture("index.js")),
            ],
        )],
    )
    .remove(0)
}

/// `ms`, a clean first release.
fn ms(server: &Faulty) -> String {
    npm_package(
        server,
        "ms",
        &[(
            "2.1.3",
            T0 - 900 * DAY,
            json!({}),
            vec![(
                "index.js",
                b"module.exports = (s) => parseInt(s, 10) * 1000;\n".to_vec(),
            )],
        )],
    )
    .remove(0)
}

fn policy(dir: &Path, text: &str) -> String {
    let path = dir.join("policy.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Issue 28, item 12: under `[unreadable] action = "warn"`, one 404 on the file stored
/// `unchecked` and every later request was served the malicious file unscanned.
#[test]
fn a_failed_download_is_never_the_verdict_under_warn() {
    let server = Faulty::start();
    let file = dropper(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let policy = policy(dir.path(), "[unreadable]\naction = \"warn\"\n");
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(
        dir.path(),
        &["--npm-upstream", &upstream, "--policy", &policy],
        &env,
    );
    server.fault(&file, Fault::Status(404), 1);
    let first = proxy.get(&file);
    assert_eq!(first.status, 502, "{first:?}");
    assert!(first.text().contains("not found on the index"), "{first:?}");
    // The upstream is back: the file is scanned, and refused.
    let second = proxy.get(&file);
    assert_eq!(second.status, 403, "{}", second.text());
    assert!(second.text().contains("malicious"), "{}", second.text());
}

/// What an earlier customs stored from a failed download (`unchecked`, nothing read) is
/// not taken for the artifact's verdict: the file is scanned again.
#[test]
fn facts_stored_from_a_failed_download_are_scanned_again() {
    let server = Faulty::start();
    let file = dropper(&server);
    let tgz = get(&server.url, &file, None, Duration::from_secs(10)).body;
    let key = format!("sha512:{}", hex::encode(Sha512::digest(&tgz)));
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let env_ref: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert!(
        customs_with(dir.path(), &["db", "status"], &env_ref)
            .status
            .success()
    );
    let poisoned = json!({"verdict": "unchecked", "score": 0.0, "top": null, "sha256": "",
        "provenance_dropped": false, "install_scripts": [],
        "unreadable": "not found on the index"});
    let insert = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); \
             db.execute('INSERT INTO verdict (digest, facts, scanned_at) VALUES (?, ?, 0)', (sys.argv[2], sys.argv[3])); \
             db.commit()",
        ])
        .arg(dir.path().join("store.sqlite3"))
        .arg(&key)
        .arg(poisoned.to_string())
        .output()
        .unwrap();
    assert!(
        insert.status.success(),
        "{}",
        String::from_utf8_lossy(&insert.stderr)
    );
    let policy = policy(dir.path(), "[unreadable]\naction = \"warn\"\n");
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(
        dir.path(),
        &["--npm-upstream", &upstream, "--policy", &policy],
        &env,
    );
    let a = proxy.get(&file);
    assert_eq!(a.status, 403, "{}", a.text());
    assert!(a.text().contains("malicious"), "{}", a.text());
}

/// Issue 28, item 12: under the default policy, one altered download of the file, or
/// one 404 on the earlier release's file it is compared with, stored a block verdict
/// under the genuine digest that outlived the upstream's recovery and a restart.
#[test]
fn altered_and_failed_downloads_leave_nothing_behind() {
    let server = Faulty::start();
    let files = tidy(&server);
    let (old, new) = (&files[0], &files[1]);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);

    server.fault(new, Fault::Alter, 1);
    let altered = proxy.get(new);
    assert_eq!(altered.status, 502, "{}", altered.text());
    assert!(
        altered.text().contains("does not match the index's sha512"),
        "{}",
        altered.text()
    );

    server.fault(old, Fault::Status(404), 1);
    let no_previous = proxy.get(new);
    assert_eq!(no_previous.status, 502, "{}", no_previous.text());
    assert!(
        no_previous.text().contains("tidy-1.0.0.tgz"),
        "names the file that failed: {}",
        no_previous.text()
    );

    // A connection dropped, or 5xx, on every try (on the earlier file: the new one is
    // in the cache by now, as it matched).
    for (fault, said) in [
        (Fault::Drop, "cannot reach the index"),
        (Fault::Status(500), "HTTP 500"),
    ] {
        server.fault(old, fault, 3);
        let failed = proxy.get(new);
        assert_eq!(failed.status, 502, "{}", failed.text());
        assert!(failed.text().contains(said), "{}", failed.text());
    }

    let recovered = proxy.get(new);
    assert_eq!(recovered.status, 200, "{}", recovered.text());
    assert!(recovered.head.contains("x-customs-verdict: clean"));
    drop(proxy);

    // After a restart, the stored verdict is the genuine one, and is used.
    let downloads = server.count(new);
    let again = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    let served = again.get(new);
    assert_eq!(served.status, 200, "{}", served.text());
    assert!(served.head.contains("x-customs-verdict: clean"));
    assert_eq!(server.count(new), downloads, "scanned once, kept");
}

/// The pages of the advisory tables in a SQLite store, overwritten with zeros.
fn damage_advisory_tables(store: &Path) {
    let script = r#"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
size = db.execute('PRAGMA page_size').fetchone()[0]
roots = [r[0] for r in db.execute(
    "SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('advisory', 'affected') AND rootpage > 0")]
db.close()
with open(sys.argv[1], 'r+b') as f:
    for page in roots:
        f.seek((page - 1) * size)
        f.write(b'\0' * size)
print(len(roots))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(store)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(pages >= 2, "the tables and their indexes: {pages}");
}

/// Issue 28, item 13: with the advisory tables' pages overwritten, the proxy started
/// and served a known-malicious release.
#[test]
fn a_damaged_store_refuses_rather_than_serves() {
    let server = Faulty::start();
    let file = ms(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let osv = dir.path().join("osv.json");
    std::fs::write(&osv, r#"{"id": "MAL-2099-7", "summary": "hijacked", "affected": [{"package": {"ecosystem": "npm", "name": "ms"}, "versions": ["2.1.3"]}]}"#).unwrap();
    let env_ref: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let import = customs_with(
        dir.path(),
        &["db", "import", osv.to_str().unwrap()],
        &env_ref,
    );
    assert!(import.status.success());
    let store = dir.path().join("store.sqlite3");
    assert!(!dir.path().join("store.sqlite3-wal").exists());
    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::copy(&store, &damaged).unwrap();
    damage_advisory_tables(&damaged);
    let upstream = format!("{}/npm/", server.url);

    // The intact store refuses the release.
    let intact = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    let refused = intact.get(&file);
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert!(refused.text().contains("MAL-2099-7"));
    drop(intact);

    let mut env = env.clone();
    env[0].1 = damaged.display().to_string();
    let proxy = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    for path in ["/npm/ms", file.as_str()] {
        let a = proxy.get(path);
        assert_eq!(a.status, 503, "{path}: {}", a.text());
        assert!(
            a.reason.starts_with("customs: the store cannot be read"),
            "{}",
            a.reason
        );
        assert!(
            a.text().contains("the store cannot be read") && a.text().contains("malformed"),
            "{}",
            a.text()
        );
    }
    assert_eq!(server.count(&file), 0, "nothing was downloaded");
    assert!(
        proxy.log().contains("the store cannot be read"),
        "the log says why: {}",
        proxy.log()
    );
}

/// Issue 28, item 15: a proxy killed mid-scan left a claim that made its successor
/// wait about 300 s for the artifact.
#[test]
fn a_crash_mid_scan_does_not_block_the_artifact() {
    let server = Faulty::start();
    let file = ms(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let mut first = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    // Its download stalls: the scan is under way (claimed) when the proxy dies.
    server.fault(&file, Fault::StallBody(10), 1);
    let url = first.url.clone();
    let path = file.clone();
    let client = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let addr = url.trim_start_matches("http://").to_owned();
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        let _ = write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        );
        let _ = s.read_to_end(&mut Vec::new());
    });
    let started = Instant::now();
    while server.count(&file) == 0 {
        assert!(started.elapsed() < Duration::from_secs(30), "never asked");
        std::thread::sleep(Duration::from_millis(20));
    }
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let _ = client.join();
    server.release();

    let second = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    let started = Instant::now();
    let a = get(&second.url, &file, None, Duration::from_secs(60));
    assert_eq!(a.status, 200, "{}", a.text());
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "not held by the dead process's claim: {:?}",
        started.elapsed()
    );
}

/// Issue 28, item 16: a stalled body got no answer within 420 s. With a read timeout
/// of one second (pip's `timeout`, from the environment), the whole exchange is bounded
/// by four, and the answer is a 504 naming the index.
#[test]
fn a_stalled_upstream_gets_an_answer_in_time() {
    let server = Faulty::start();
    let file = ms(&server);
    tidy(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut env = store_and_cache(dir.path());
    env.push(("PIP_DEFAULT_TIMEOUT", "1".to_owned()));
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);

    server.fault(&file, Fault::StallBody(10), 10);
    let started = Instant::now();
    let a = get(&proxy.url, &file, None, Duration::from_secs(60));
    assert_eq!(a.status, 504, "{}", a.text());
    assert!(a.text().contains("timed out"), "{}", a.text());
    assert!(
        a.text().contains(&server.url),
        "names the index: {}",
        a.text()
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );

    server.fault("/npm/tidy", Fault::Hang, 10);
    let started = Instant::now();
    let a = get(&proxy.url, "/npm/tidy", None, Duration::from_secs(60));
    assert_eq!(a.status, 504, "{}", a.text());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );

    // Nothing of the failure stays: the file is served once the upstream answers.
    server.release();
    let served = proxy.get(&file);
    assert_eq!(served.status, 200, "{}", served.text());
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next().map(|n| n.parse().unwrap()))
        .unwrap()
}

/// Issue 28, item 17: the page cache was keyed on the client's Host header: 300 Host
/// values on a 2 MB document took the proxy from 25 MB to 734 MB.
#[test]
fn pages_are_kept_once_whatever_the_host() {
    let server = Faulty::start();
    let readme = "Long documentation. ".repeat(100_000);
    let mut versions = serde_json::Map::new();
    let tgz = tar_gz_of(
        &[("package.json", br#"{"name":"big","version":"1.0.0"}"#)],
        "package/",
    );
    server.route(
        "/npm/big/-/big-1.0.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    versions.insert(
        "1.0.0".into(),
        json!({"name": "big", "version": "1.0.0", "dist": {"tarball": format!("{}/npm/big/-/big-1.0.0.tgz", server.url), "integrity": sri(&tgz)}}),
    );
    let doc = json!({"name": "big", "readme": readme, "dist-tags": {"latest": "1.0.0"}, "versions": versions, "time": {"1.0.0": iso(T0)}});
    let body = serde_json::to_vec(&doc).unwrap();
    assert!(body.len() > 2_000_000);
    server.route("/npm/big", "application/json", body);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    let first = proxy.get("/npm/big");
    assert_eq!(first.status, 200);
    let before = rss_kib(proxy.child.id());
    for i in 0..300 {
        let host = format!("h{i}.test:8080");
        let a = get(&proxy.url, "/npm/big", Some(&host), Duration::from_secs(60));
        assert_eq!(a.status, 200);
        let doc: Value = serde_json::from_slice(&a.body).unwrap();
        assert_eq!(
            doc["versions"]["1.0.0"]["dist"]["tarball"],
            format!("http://{host}/npm/big/-/big-1.0.0.tgz"),
            "each client gets its own address"
        );
    }
    assert_eq!(server.count("/npm/big"), 1, "one read of the upstream");
    let after = rss_kib(proxy.child.id());
    assert!(
        after < before + 100 * 1024,
        "RSS went from {before} KiB to {after} KiB"
    );
    // A Host that is not a host name goes nowhere near a page.
    let a = get(
        &proxy.url,
        "/npm/big",
        Some("x\"><script>"),
        Duration::from_secs(10),
    );
    assert_eq!(a.status, 400);
}

/// Issue 28, item 19: names from the URL went into upstream URLs unescaped, and the
/// install-scripts policy read the registry's document, not the tarball's package.json.
#[test]
fn names_stay_names_and_scripts_are_read_from_the_bytes() {
    let server = Faulty::start();
    ms(&server);
    let sneaky = npm_package(
        &server,
        "sneaky",
        &[(
            "1.0.0",
            T0 - 30 * DAY,
            json!({}),
            vec![
                (
                    "package.json",
                    serde_json::to_vec(&json!({"name": "sneaky", "version": "1.0.0", "scripts": {"postinstall": "node build.js"}})).unwrap(),
                ),
                ("build.js", b"console.log('built');\n".to_vec()),
                ("index.js", b"module.exports = 1;\n".to_vec()),
            ],
        )],
    )
    .remove(0);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let policy = policy(dir.path(), "[install_scripts]\nallow = false\n");
    let proxy = Proxy::start(
        dir.path(),
        &[
            "--npm-upstream",
            &upstream,
            "--pypi-upstream",
            &format!("{}/simple", server.url),
            "--policy",
            &policy,
        ],
        &env,
    );
    for path in [
        "/npm/ms%3Fwrite=true",
        "/npm/ms%3Fwrite=true/-/ms-2.1.3.tgz",
        "/npm/ms%23x",
        "/npm/..%2F..%2Fadmin",
        "/pypi/simple/ms%3Fwrite=true/",
        "/pypi/files/ms%3Fa=b/ms-1.0.tar.gz",
    ] {
        let a = proxy.get(path);
        assert_eq!(a.status, 404, "{path}: {}", a.text());
    }
    let asked = server.hits();
    assert!(
        asked
            .iter()
            .all(|h| !h.contains('?') && !h.contains("admin")),
        "{asked:?}"
    );
    let ok = proxy.get("/npm/ms");
    assert_eq!(ok.status, 200, "{}", ok.text());

    let a = proxy.get(&sneaky);
    assert_eq!(a.status, 403, "{}", a.text());
    assert!(
        a.text().contains("install scripts (postinstall)"),
        "{}",
        a.text()
    );
}

/// npm in a fresh project (named for the spec) through the proxy.
fn npm_install(dir: &Path, proxy: &str, spec: &str) -> std::process::Output {
    let project = format!("app-{}", spec.replace(['@', '/'], "_"));
    common::proxy::npm_install(dir, &project, proxy, spec)
}

/// Issue 28, item 7: a version the proxy held back showed in npm only as "No matching
/// version", and the proxy logged nothing. npm now prints customs' reason (the
/// deprecation, then the 403 on the file), the log says it, and so does /ui/; a range
/// still resolves to a version that is not held back.
#[test]
fn npm_says_why_a_version_is_held_back() {
    let server = Faulty::start();
    let index = |v: &str| format!("module.exports = '{v}';\n").into_bytes();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    npm_package(
        &server,
        "young",
        &[
            (
                "1.0.0",
                T0 - 60 * DAY,
                json!({}),
                vec![("index.js", index("1.0.0"))],
            ),
            (
                "1.0.1",
                now - 3600,
                json!({}),
                vec![("index.js", index("1.0.1"))],
            ),
        ],
    );
    npm_package(
        &server,
        "fresh",
        &[(
            "0.1.0",
            now - 60,
            json!({}),
            vec![("index.js", index("0.1.0"))],
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(
        dir.path(),
        &["--npm-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );
    // Nothing but a held-back version: npm still says why, not "no matching version".
    let only = npm_install(dir.path(), &proxy.url, "fresh");
    assert!(!only.status.success());
    let said =
        String::from_utf8_lossy(&only.stderr).into_owned() + &String::from_utf8_lossy(&only.stdout);
    assert!(
        said.contains("customs blocked fresh@0.1.0") && said.contains("minimum release age"),
        "{said}"
    );
    let pinned = npm_install(dir.path(), &proxy.url, "young@1.0.1");
    assert!(!pinned.status.success());
    let said = String::from_utf8_lossy(&pinned.stderr).into_owned()
        + &String::from_utf8_lossy(&pinned.stdout);
    assert!(
        said.contains("customs") && said.contains("minimum release age"),
        "npm names customs and the reason: {said}"
    );
    let ranged = npm_install(dir.path(), &proxy.url, "young@^1.0.0");
    assert!(
        ranged.status.success(),
        "{}",
        String::from_utf8_lossy(&ranged.stderr)
    );
    let installed: Value = serde_json::from_slice(
        &std::fs::read(
            dir.path()
                .join("app-young_^1.0.0/node_modules/young/package.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(installed["version"], "1.0.0");
    assert!(
        proxy.log().contains("young") && proxy.log().contains("minimum release age"),
        "{}",
        proxy.log()
    );
    let ui = proxy.get("/ui/");
    assert!(
        ui.text().contains("young") && ui.text().contains("minimum release age"),
        "{}",
        ui.text()
    );
}

/// Issue 28, item 18: pip could not install, while the upstream was down, even what it
/// had installed before: PEP 658 metadata was never kept, and its failure was a 404.
#[test]
fn pip_installs_again_while_the_upstream_is_down() {
    let server = Faulty::start();
    let mut files = Vec::new();
    let mut paths = Vec::new();
    for version in ["1.0", "1.1"] {
        let (body, metadata) = wheel("steady", version, &[("steady/__init__.py", b"X = 1\n")]);
        let file = format!("steady-{version}-py3-none-any.whl");
        server.route(
            &format!("/files/{file}"),
            "application/octet-stream",
            body.clone(),
        );
        server.route(
            &format!("/files/{file}.metadata"),
            "text/plain",
            metadata.clone(),
        );
        files.push(json!({"filename": file, "url": format!("/files/{file}"),
            "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": iso(T0 - 30 * DAY),
            "core-metadata": {"sha256": hex::encode(Sha256::digest(&metadata))}}));
        paths.push(format!("/files/{file}"));
        paths.push(format!("/files/{file}.metadata"));
    }
    let page = json!({"meta": {"api-version": "1.1"}, "name": "steady", "files": files});
    server.route(
        "/simple/steady/",
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
    paths.push("/simple/steady/".to_owned());
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start(
        dir.path(),
        &["--pypi-upstream", &upstream, "--metadata-ttl", "0"],
        &env,
    );
    let first = pip_download(
        dir.path(),
        &proxy.url,
        "steady==1.0",
        "one",
        &["--retries", "0"],
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(server.count("/files/steady-1.0-py3-none-any.whl.metadata") >= 1);

    // The upstream goes down.
    for path in &paths {
        server.fault(path, Fault::Status(503), 1000);
    }
    let again = pip_download(
        dir.path(),
        &proxy.url,
        "steady==1.0",
        "two",
        &["--retries", "0"],
    );
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(dir.path().join("two/steady-1.0-py3-none-any.whl").is_file());
    // What was never read: a 502 naming the upstream, not a 404.
    let unseen = proxy.get("/pypi/files/steady/steady-1.1-py3-none-any.whl.metadata");
    assert_eq!(unseen.status, 502, "{}", unseen.text());
    assert!(unseen.text().contains(&server.url), "{}", unseen.text());
}

fn kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next().map(|n| n.parse().unwrap()))
        .unwrap()
}

/// Issue 28, item 14: each request held the whole artifact (and hashed the cached file
/// again), so memory grew with clients × size. Eight slow clients on a cached 48 MiB
/// tarball now add a few MiB; a cached file altered on disk never reaches a client whole.
#[test]
fn cached_files_are_streamed_with_bounded_memory() {
    let server = Faulty::start();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let data: Vec<u8> = (0..48 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let file = npm_package(
        &server,
        "heavy",
        &[(
            "1.0.0",
            T0 - 30 * DAY,
            json!({}),
            vec![
                ("index.js", b"module.exports = 1;\n".to_vec()),
                ("data.bin", data),
            ],
        )],
    )
    .remove(0);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start(dir.path(), &["--npm-upstream", &upstream], &env);
    let first = proxy.get(&file);
    assert_eq!(first.status, 200, "{}", first.text());
    let size = first.body.len();
    assert!(size > 48 << 20);

    let pid = proxy.child.id();
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").unwrap();
    let before = kib(pid, "VmHWM:");
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let addr = proxy.url.trim_start_matches("http://").to_owned();
            let path = file.clone();
            std::thread::spawn(move || {
                use std::io::{Read, Write};
                let mut s = std::net::TcpStream::connect(&addr).unwrap();
                write!(
                    s,
                    "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
                // A slow client: nothing read for a while.
                std::thread::sleep(Duration::from_secs(2));
                let mut all = Vec::new();
                s.read_to_end(&mut all).unwrap();
                all.len()
            })
        })
        .collect();
    for c in clients {
        assert!(c.join().unwrap() > size, "each got the whole file");
    }
    let peak = kib(pid, "VmHWM:");
    assert!(
        peak < before + 64 * 1024,
        "peak RSS went from {before} KiB to {peak} KiB"
    );

    // The cached file altered on disk (same size): the client never gets it whole.
    let cached = std::fs::read_dir(dir.path().join("cache/artifacts/sha512"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|f| f.unwrap().path())
        .find(|p| std::fs::metadata(p).unwrap().len() == size as u64)
        .unwrap();
    std::fs::write(&cached, vec![0u8; size]).unwrap();
    let addr = proxy.url.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    {
        use std::io::Write;
        write!(
            s,
            "GET {file} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
    }
    let mut all = Vec::new();
    let _ = std::io::Read::read_to_end(&mut s, &mut all);
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    assert!(all.len() - split < size, "cut short");
    assert!(
        proxy.log().contains("the cache was altered"),
        "{}",
        proxy.log()
    );
}

/// Issue 28, item 7, with pip: a release held back is yanked with customs' reason, so
/// pip takes it only when pinned and then prints the 403's reason; a project whose
/// every release is held back is listed as it is, so that pip says why too.
#[test]
fn pip_says_why_a_version_is_held_back() {
    let server = Faulty::start();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    for (name, releases) in [
        ("elder", vec![("1.0", T0 - 60 * DAY), ("1.1", now - 3600)]),
        ("newborn", vec![("0.1", now - 60)]),
    ] {
        let mut files = Vec::new();
        for (version, at) in releases {
            let (body, _) = wheel(
                name,
                version,
                &[(&format!("{name}/__init__.py"), b"X = 1\n")],
            );
            let file = format!("{name}-{version}-py3-none-any.whl");
            server.route(
                &format!("/files/{file}"),
                "application/octet-stream",
                body.clone(),
            );
            files.push(json!({"filename": file, "url": format!("/files/{file}"),
                "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": iso(at)}));
        }
        simple_page(&server, &format!("/simple/{name}/"), name, files);
    }
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start(
        dir.path(),
        &["--pypi-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );
    let unpinned = pip_download(dir.path(), &proxy.url, "elder", "a", &["--retries", "0"]);
    assert!(
        unpinned.status.success(),
        "{}",
        String::from_utf8_lossy(&unpinned.stderr)
    );
    assert!(dir.path().join("a/elder-1.0-py3-none-any.whl").is_file());
    for (spec, shown) in [("elder==1.1", "elder 1.1"), ("newborn", "newborn 0.1")] {
        let out = pip_download(dir.path(), &proxy.url, spec, "b", &["--retries", "0"]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("customs blocked {shown}"))
                && err.contains("minimum release age"),
            "{spec}: {err}"
        );
    }
    assert!(proxy.log().contains("elder 1.1"), "{}", proxy.log());
}

/// Issue 28, item 16, with pip: a wheel whose download stalls gets pip an answer that
/// names customs and the cause well before pip's own read timeout (15 s) runs out.
#[test]
fn pip_gets_the_reason_before_it_gives_up() {
    let server = Faulty::start();
    let (body, _) = wheel("slow", "1.0", &[("slow/__init__.py", b"X = 1\n")]);
    let file = "slow-1.0-py3-none-any.whl";
    server.route(
        &format!("/files/{file}"),
        "application/octet-stream",
        body.clone(),
    );
    let page = json!({"meta": {"api-version": "1.1"}, "name": "slow", "files": [
        {"filename": file, "url": format!("/files/{file}"),
         "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": iso(T0 - 30 * DAY)}]});
    server.route(
        "/simple/slow/",
        "application/vnd.pypi.simple.v1+json",
        serde_json::to_vec(&page).unwrap(),
    );
    server.fault(&format!("/files/{file}"), Fault::StallBody(100), 10);
    let dir = tempfile::tempdir().unwrap();
    let mut env = store_and_cache(dir.path());
    env.push(("PIP_DEFAULT_TIMEOUT", "1".to_owned()));
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start(dir.path(), &["--pypi-upstream", &upstream], &env);
    let started = Instant::now();
    let out = pip_download(
        dir.path(),
        &proxy.url,
        "slow==1.0",
        "d",
        &["--retries", "0"],
    );
    let took = started.elapsed();
    server.release();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("504") && err.contains("customs: upstream timed out"),
        "{err}"
    );
    assert!(took < Duration::from_secs(12), "{took:?}");
}
