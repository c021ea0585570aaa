//! `scan` and `diff` consult the store of known-malicious records exactly as `audit` and
//! the proxy do: a release that a `MAL-` record names is malicious, and the report says
//! which record; a store that cannot be read is an error, never a clean answer.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{NpmRelease, both, env_for, json_of, run};
use common::loopback::Loopback;
use common::stdout;

const PAD: &[u8] = b"module.exports = (s, n) => String(s).padStart(n);\n";

fn registry() -> Loopback {
    let server = Loopback::start();
    common::fixtures::npm_package(
        &server,
        "left-pad",
        &[
            NpmRelease {
                version: "1.2.0",
                files: &[("index.js", PAD)],
            },
            NpmRelease {
                version: "1.3.0",
                files: &[("index.js", PAD)],
            },
        ],
    );
    server
}

fn import(dir: &std::path::Path, env: &[(&'static str, String)]) {
    let osv = dir.join("MAL-2099-42.json");
    std::fs::write(
        &osv,
        r#"{"id": "MAL-2099-42", "summary": "left-pad 1.3.0 was hijacked", "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"}, "versions": ["1.3.0", "1.3.1"]}]}"#,
    )
    .unwrap();
    let out = run(dir, &["db", "import", osv.to_str().unwrap()], env);
    assert!(out.status.success(), "{}", both(&out));
}

#[test]
fn scan_and_diff_judge_a_recorded_release_malicious() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());

    // Before the record: the content is clean.
    let out = run(dir.path(), &["scan", "npm:left-pad@1.3.0"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));

    import(dir.path(), &env);
    let out = run(
        dir.path(),
        &["scan", "npm:left-pad@1.3.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    let p = &r["packages"][0];
    assert_eq!(p["verdict"], "malicious", "{p:#}");
    let known: Vec<&str> = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "known-malicious")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(known.len(), 1, "{p:#}");
    assert!(
        known[0].contains("MAL-2099-42"),
        "names the record: {known:?}"
    );

    let text = stdout(&run(dir.path(), &["scan", "npm:left-pad@1.3.0"], &env));
    assert!(text.contains("MAL-2099-42"), "{text}");
    assert!(text.contains("malicious  npm:left-pad@1.3.0"), "{text}");

    // A recorded release the registry has taken down: an error, which names the record.
    let out = run(
        dir.path(),
        &["scan", "npm:left-pad@1.3.1", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let message = json_of(&out)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("version 1.3.1 is not listed") && message.contains("MAL-2099-42"),
        "{message}"
    );

    // The release before it is not named by the record.
    let out = run(dir.path(), &["scan", "npm:left-pad@1.2.0"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));

    // diff: the update to the recorded release is malicious.
    let out = run(
        dir.path(),
        &[
            "diff",
            "npm:left-pad@1.2.0",
            "npm:left-pad@1.3.0",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(r["verdict"]["level"], "malicious", "{r:#}");
    assert!(
        r["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "known-malicious"
                && f["message"].as_str().unwrap().contains("MAL-2099-42")),
        "{:#}",
        r["changes"]
    );
}

#[test]
fn a_store_that_cannot_be_read_is_an_error() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    std::fs::write(
        dir.path().join("store.sqlite3"),
        b"this is not a database, and it is long enough to look like a header..........",
    )
    .unwrap();
    let out = run(dir.path(), &["scan", "npm:left-pad@1.3.0"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    assert!(
        !stdout(&out).contains("npm:left-pad@1.3.0"),
        "{}",
        both(&out)
    );
    assert!(
        common::fixtures::stderr(&out).contains("store"),
        "the error names the store: {}",
        both(&out)
    );
    let out = run(
        dir.path(),
        &["diff", "npm:left-pad@1.2.0", "npm:left-pad@1.3.0"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
}
