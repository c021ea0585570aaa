//! A version named exactly is that version or an error naming it, in every command:
//! npm reads a bare `1.14.1` as exactly 1.14.1 (not `^1.14.1`), so a release the
//! registry has taken down (the hijacked one) is never replaced by another.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{
    NpmRelease, both, env_for, json_of, package, package_lock, pypi_project, run, sri,
};
use common::loopback::Loopback;

const INDEX: &[u8] = b"module.exports = (url) => fetch(url);\n";

/// `fetchy` 1.13.2, 1.14.0 and 1.21.1 (latest); 1.14.1 was taken down.
fn registry() -> Loopback {
    let server = Loopback::start();
    common::fixtures::npm_package(
        &server,
        "fetchy",
        &[
            NpmRelease {
                version: "1.13.2",
                files: &[("index.js", INDEX)],
            },
            NpmRelease {
                version: "1.14.0",
                files: &[("index.js", INDEX)],
            },
            NpmRelease {
                version: "1.21.1",
                files: &[("index.js", INDEX)],
            },
        ],
    );
    pypi_project(&server, "pydemo", &["1.0", "1.1"]);
    server
}

const NEWEST: &str = "/npm/fetchy/-/fetchy-1.21.1.tgz";

#[test]
fn scan_takes_an_exact_version_or_fails_naming_it() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    for missing in ["1.14.1", "1.14.2", "1.13.99"] {
        let out = run(
            dir.path(),
            &["scan", &format!("npm:fetchy@{missing}"), "--format", "json"],
            &env,
        );
        assert_eq!(out.status.code(), Some(2), "{missing}: {}", both(&out));
        let r = json_of(&out);
        assert_eq!(r["packages"], serde_json::json!([]), "{r:#}");
        let message = r["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("version {missing} is not listed")),
            "{message}"
        );
    }
    assert_eq!(server.count(NEWEST), 0, "no other version was downloaded");

    // A listed version is that version; a range resolves as npm resolves it.
    let version_of = |spec: &str| {
        let out = run(dir.path(), &["scan", spec, "--format", "json"], &env);
        assert_eq!(out.status.code(), Some(0), "{spec}: {}", both(&out));
        let r = json_of(&out);
        r["packages"][0]["source"]["release"]["version"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(version_of("npm:fetchy@1.14.0"), "1.14.0");
    assert_eq!(version_of("npm:fetchy@=1.13.2"), "1.13.2");
    assert_eq!(version_of("npm:fetchy@1.13"), "1.13.2");
    assert_eq!(version_of("npm:fetchy@~1.14.0"), "1.14.0");
    assert_eq!(version_of("npm:fetchy@^1.14.0"), "1.21.1");
    assert_eq!(version_of("npm:fetchy@latest"), "1.21.1");

    // PyPI: `==VERSION` that the index does not list is an error naming it.
    let out = run(
        dir.path(),
        &["scan", "pypi:pydemo==1.0.5", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let message = json_of(&out)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("version 1.0.5 is not listed"), "{message}");
    assert_eq!(server.count("/files/pydemo-1.1.tar.gz"), 0);
    assert_eq!(version_of("pypi:pydemo==1.0.0"), "1.0", "PEP 440 equality");
}

#[test]
fn diff_never_compares_another_version() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let out = run(
        dir.path(),
        &["diff", "npm:fetchy@1.14.0", "npm:fetchy@1.14.1"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = common::fixtures::stderr(&out);
    assert!(err.contains("version 1.14.1 is not listed"), "{err}");
    assert!(!common::stdout(&out).contains("1.21.1"), "{}", both(&out));
    assert_eq!(server.count(NEWEST), 0);

    let out = run(
        dir.path(),
        &[
            "diff",
            "npm:fetchy@1.13.2",
            "npm:fetchy@1.14.0",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(r["old"]["source"]["release"]["version"], "1.13.2");
    assert_eq!(r["new"]["source"]["release"]["version"], "1.14.0");
}

#[test]
fn audit_judges_the_pinned_version_or_says_it_could_not() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let project = dir.path().join("app");
    // The lockfile pins the taken-down release, with an integrity no file has.
    package_lock(
        &project,
        &[("fetchy", "1.14.1", sri(b"the hijacked tarball"))],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    let r = json_of(&out);
    let p = package(&r, "fetchy");
    assert_ne!(p["policy"]["decision"], "allow", "{p:#}");
    assert_eq!(p["policy"]["decision"], "warn", "{p:#}");
    assert_eq!(p["version"], "1.14.1");
    assert_eq!(p["verdict"], "unchecked");
    assert!(p.get("source").is_none(), "nothing was scanned: {p:#}");
    assert!(
        p["error"]
            .as_str()
            .unwrap()
            .contains("version 1.14.1 is not listed"),
        "{p:#}"
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    assert_eq!(
        server.count(NEWEST),
        0,
        "1.21.1 was not judged in its place"
    );

    // A requirements.txt pinning a PyPI version the index does not list.
    let py = dir.path().join("py");
    std::fs::create_dir_all(&py).unwrap();
    std::fs::write(py.join("requirements.txt"), "pydemo==1.0.5\n").unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    let r = json_of(&out);
    let p = package(&r, "pydemo");
    assert_eq!(p["policy"]["decision"], "warn", "{p:#}");
    assert!(
        p["error"].as_str().unwrap().contains("1.0.5"),
        "the error names the version: {p:#}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verify_checks_the_version_asked_for() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let out = run(
        dir.path(),
        &["verify", "npm:fetchy@1.14.1", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(r["packages"], serde_json::json!([]), "{r:#}");
    let message = r["errors"][0].as_str().unwrap();
    assert!(
        message.contains("version 1.14.1 is not listed"),
        "{message}"
    );
    assert_eq!(server.count(NEWEST), 0);

    let out = run(
        dir.path(),
        &["verify", "npm:fetchy@1.14.0", "--format", "json"],
        &env,
    );
    let r = json_of(&out);
    assert_eq!(r["packages"][0]["version"], "1.14.0", "{}", both(&out));
    assert_eq!(r["packages"][0]["integrity"]["status"], "verified");
}
