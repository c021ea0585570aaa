//! The known-malicious data compiled into customs (DataDog's malicious-software-packages
//! dataset) is used with no import step and no network beyond the loopback registry:
//! `scan`, `audit` and the proxy refuse a listed release and name where the record came
//! from, while the releases around a single hijacked release of a legitimate package
//! stay allowed. `db update` fetches OSV records from a configured URL, and `db status`
//! lists every source.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{NpmRelease, both, env_for, fetch, json_of, package, package_lock, run};
use common::loopback::Loopback;
use common::proxy::Proxy;
use common::stdout;

const SOURCE: &str = "embedded: DataDog malicious-software-packages (2026-12-07)";
const CODE: &[u8] = b"module.exports = (a, b) => a + b;\n";

/// `@solana/web3.js` 1.95.6, 1.95.7 (the hijacked release) and 1.95.8, with harmless
/// content, on the loopback registry (also under the `%2f` form of the name).
fn registry() -> Loopback {
    let server = Loopback::start();
    let name = "@solana/web3.js";
    let release = |version| NpmRelease {
        version,
        files: &[("index.js", CODE)],
    };
    common::fixtures::npm_package(
        &server,
        name,
        &[release("1.95.6"), release("1.95.7"), release("1.95.8")],
    );
    let doc = fetch(&server, "/npm/@solana/web3.js");
    server.route("/npm/@solana%2fweb3.js", "application/json", doc);
    common::fixtures::pypi_project(&server, "ultralytics", &["8.3.40", "8.3.41"]);
    common::fixtures::pypi_project(&server, "aiiohttp", &["1.0.0"]);
    server
}

fn known_messages(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "known-malicious")
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn scan_judges_embedded_entries_malicious_and_their_neighbours_clean() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());

    for (target, malicious) in [
        ("npm:@solana/web3.js@1.95.7", true),
        ("npm:@solana/web3.js@1.95.8", false),
        ("pypi:ultralytics==8.3.41", true),
        ("pypi:ultralytics==8.3.40", false),
    ] {
        let out = run(dir.path(), &["scan", target, "--format", "json"], &env);
        let r = json_of(&out);
        let p = &r["packages"][0];
        let known = known_messages(p);
        if malicious {
            assert_eq!(out.status.code(), Some(1), "{target}: {}", both(&out));
            assert_eq!(p["verdict"], "malicious", "{target}: {p:#}");
            assert_eq!(known.len(), 1, "{target}: {p:#}");
            assert!(
                known[0].contains(SOURCE) && known[0].contains("DATADOG-MAL:"),
                "{target}: the finding names the record and its source: {known:?}"
            );
        } else {
            assert_eq!(out.status.code(), Some(0), "{target}: {}", both(&out));
            assert!(known.is_empty(), "{target}: {p:#}");
        }
    }
    // The text report names the source too.
    let text = stdout(&run(
        dir.path(),
        &["scan", "npm:@solana/web3.js@1.95.7"],
        &env,
    ));
    assert!(
        text.contains("DataDog malicious-software-packages"),
        "{text}"
    );
}

#[test]
fn audit_blocks_a_lockfile_pinning_an_embedded_entry() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let tarball = |v: &str| {
        common::fixtures::sri(&fetch(
            &server,
            &format!("/npm/@solana/web3.js/-/@solana/web3.js-{v}.tgz"),
        ))
    };
    package_lock(
        &dir.path().join("bad"),
        &[("@solana/web3.js", "1.95.7", tarball("1.95.7"))],
    );
    package_lock(
        &dir.path().join("good"),
        &[("@solana/web3.js", "1.95.8", tarball("1.95.8"))],
    );

    let out = run(dir.path(), &["audit", "bad", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    let p = package(&r, "@solana/web3.js");
    assert_eq!(p["policy"]["decision"], "block", "{p:#}");
    let reasons = p["policy"]["reasons"].to_string();
    assert!(reasons.contains(SOURCE), "{reasons}");
    assert!(
        r.to_string().contains(&format!("\"source\":\"{SOURCE}\"")),
        "{r:#}"
    );
    assert_eq!(
        server.count("/npm/@solana/web3.js/-/@solana/web3.js-1.95.7.tgz"),
        1,
        "only this test's own fetch: known malware is not downloaded"
    );

    let out = run(dir.path(), &["audit", "good", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(
        package(&r, "@solana/web3.js")["policy"]["decision"],
        "allow",
        "{r:#}"
    );
}

#[test]
fn the_proxy_refuses_embedded_entries_without_downloading_them() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env: Vec<(&str, String)> = env_for(&server, dir.path())
        .into_iter()
        .filter(|(k, _)| k.starts_with("CUSTOMS_"))
        .collect();
    let proxy = Proxy::start(
        dir.path(),
        &[
            "--npm-upstream",
            &format!("{}/npm/", server.url),
            "--pypi-upstream",
            &format!("{}/simple", server.url),
        ],
        &env,
    );
    let log = || proxy.log();

    let bad = "/npm/@solana/web3.js/-/web3.js-1.95.7.tgz";
    let (status, body) = proxy.get(bad).status_and_text();
    assert_eq!(status, 403, "{body}\nlog: {}", log());
    assert!(
        body.contains(SOURCE),
        "the refusal names the source: {body}"
    );
    assert_eq!(
        server.count("/npm/@solana/web3.js/-/@solana/web3.js-1.95.7.tgz"),
        0,
        "the refused release is not downloaded"
    );
    let (status, body) = proxy
        .get("/npm/@solana/web3.js/-/web3.js-1.95.8.tgz")
        .status_and_text();
    assert_eq!(
        status,
        200,
        "the neighbouring release is served: {body}\nlog: {}",
        log()
    );

    // A PyPI name listed for every version.
    let (status, body) = proxy
        .get("/pypi/files/aiiohttp/aiiohttp-1.0.0.tar.gz")
        .status_and_text();
    assert_eq!(status, 403, "{body}\nlog: {}", log());
    assert!(body.contains(SOURCE), "{body}");
    assert_eq!(server.count("/files/aiiohttp-1.0.0.tar.gz"), 0);
}

#[test]
fn db_update_fetches_osv_records_from_the_configured_url() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());

    // No URL: a clear error saying how to configure one.
    let out = run(dir.path(), &["db", "update"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = common::fixtures::stderr(&out);
    assert!(
        err.contains("--url") && err.contains("CUSTOMS_DB_UPDATE_URL"),
        "{err}"
    );

    let zip = common::zip(&[
        (
            "MAL-2099-77.json".to_owned(),
            br#"{"id":"MAL-2099-77","summary":"a stealer","modified":"2099-01-02T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"@solana/web3.js"},"versions":["1.95.6"]}]}"#.to_vec(),
        ),
        (
            "GO-1.json".to_owned(),
            br#"{"id":"GO-1","affected":[{"package":{"ecosystem":"Go","name":"x"}}]}"#.to_vec(),
        ),
    ]);
    server.route("/osv/npm/all.zip", "application/zip", zip);
    let url = format!("{}/osv/npm/all.zip", server.url);
    let out = run(dir.path(), &["db", "update", "--url", &url], &env);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(
        stdout(&out).contains("imported 1 records (1 malicious-package records, 1 about"),
        "{}",
        both(&out)
    );

    let status = stdout(&run(dir.path(), &["db", "status"], &env));
    assert!(
        status.contains(&format!("{SOURCE} [npm]: 4132 records")),
        "{status}"
    );
    assert!(status.contains(&format!("{SOURCE} [pypi]:")), "{status}");
    assert!(
        status.contains(&format!(
            "osv import: {url}: 1 records, 1 malicious (newest record 2099-01-02, imported 20"
        )),
        "{status}"
    );

    // The imported record is used beside the embedded ones, and names its source.
    let out = run(
        dir.path(),
        &["scan", "npm:@solana/web3.js@1.95.6", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let known = known_messages(&json_of(&out)["packages"][0]);
    assert!(
        known.len() == 1
            && known[0].contains("MAL-2099-77")
            && known[0].contains(&format!("osv import: {url}")),
        "{known:?}"
    );
}
