//! `scan` and `diff` of registry releases end to end, against a registry served on
//! loopback from fixtures (common/registry.rs): the hijacked-update scenario in each
//! ecosystem, the verified cache, and an index that is down or answers garbage.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{
    T0, fetch, findings, iso, json_of, npm_document, run, sri, stderr, text, walk,
};
use common::loopback::Loopback;
use common::registry::{npm_env, npm_registry, pypi_registry};
use common::{root, stdout};
use serde_json::{Value, json};

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
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
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
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
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
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
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
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
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
    let err = text(&out);
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
    npm_document(&server, "/npm/swapped", &doc);
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
