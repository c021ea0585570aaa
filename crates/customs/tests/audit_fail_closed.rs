//! `customs audit` never allows what it could not check: a dependency the index does not
//! have is warned about (blocked under `[unreadable] action = "block"`), a blocked
//! dependency exits 1 whatever else happened, and the summary's counts add up.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::fixtures::{NpmRelease, both, env_for, json_of, package, package_lock, run, sri};
use common::loopback::Loopback;
use common::stdout;
use serde_json::Value;

/// A registry with `fetchy` 1.14.0 (clean); `ghost-pkg` is not on it.
fn registry() -> Loopback {
    let server = Loopback::start();
    common::fixtures::npm_package(
        &server,
        "fetchy",
        &[NpmRelease {
            version: "1.14.0",
            files: &[("index.js", b"module.exports = (u) => fetch(u);\n")],
        }],
    );
    server
}

/// Imports a malicious-package record for `evil-lib` 1.0.0 into the test's store.
fn import_record(dir: &Path, env: &[(&'static str, String)]) {
    let osv = dir.join("MAL-2099-11.json");
    std::fs::write(
        &osv,
        r#"{"id": "MAL-2099-11", "summary": "steals tokens", "affected": [{"package": {"ecosystem": "npm", "name": "evil-lib"}, "versions": ["1.0.0"]}]}"#,
    )
    .unwrap();
    let out = run(dir, &["db", "import", osv.to_str().unwrap()], env);
    assert!(out.status.success(), "{}", both(&out));
}

/// The text summary's numbers: (dependencies, blocked, warned, allowed, not checked).
fn text_summary(text: &str) -> (usize, usize, usize, usize, usize) {
    let line = text
        .lines()
        .find(|l| l.starts_with("summary:"))
        .unwrap_or_else(|| panic!("no summary in {text}"));
    let number_before = |word: &str| -> usize {
        let at = line
            .find(word)
            .unwrap_or_else(|| panic!("{word:?} not in {line}"));
        line[..at]
            .trim_end()
            .rsplit([' ', '('])
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|e| panic!("{line}: {e}"))
    };
    let unchecked = if line.contains("not checked") {
        number_before(" of the blocked and warned not checked")
    } else {
        0
    };
    (
        number_before(" dependencies"),
        number_before(" blocked"),
        number_before(" warned"),
        number_before(" allowed"),
        unchecked,
    )
}

fn summary(r: &Value) -> (u64, u64, u64, u64, u64) {
    let s = &r["summary"];
    let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("{k} in {s:#}"));
    (
        n("dependencies"),
        n("blocked"),
        n("warned"),
        n("allowed"),
        n("unchecked"),
    )
}

#[test]
fn unchecked_dependencies_are_never_allowed_and_blocked_ones_exit_1() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    import_record(dir.path(), &env);
    let fetchy = sri(&common::fixtures::fetch(
        &server,
        "/npm/fetchy/-/fetchy-1.14.0.tgz",
    ));
    let project = dir.path().join("app");
    package_lock(
        &project,
        &[
            ("fetchy", "1.14.0", fetchy.clone()),
            ("ghost-pkg", "2.0.0", sri(b"not on the index")),
            ("evil-lib", "1.0.0", sri(b"known malware")),
        ],
    );

    // Blocked and unchecked together: 1, the blocked one decides.
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    let ghost = package(&r, "ghost-pkg");
    assert_eq!(ghost["policy"]["decision"], "warn", "{ghost:#}");
    assert_eq!(ghost["verdict"], "unchecked");
    assert!(
        ghost["error"].as_str().unwrap().contains("not found"),
        "{ghost:#}"
    );
    assert!(
        ghost["policy"]["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("not checked:"),
        "{ghost:#}"
    );
    assert_eq!(package(&r, "evil-lib")["policy"]["decision"], "block");
    assert_eq!(package(&r, "fetchy")["policy"]["decision"], "allow");
    let (n, blocked, warned, allowed, unchecked) = summary(&r);
    assert_eq!(
        (n, blocked, warned, allowed, unchecked),
        (3, 1, 1, 1, 1),
        "{:#}",
        r["summary"]
    );
    assert_eq!(blocked + warned + allowed, n, "the counts add up");

    // The text says the same, and its counts add up too.
    let out = run(dir.path(), &["audit", "app"], &env);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("warn   npm:ghost-pkg@2.0.0"), "{text}");
    assert!(!text.contains("allow  npm:ghost-pkg"), "{text}");
    let (n, blocked, warned, allowed, unchecked) = text_summary(&text);
    assert_eq!(blocked + warned + allowed, n, "{text}");
    assert_eq!((n, unchecked), (3, 1), "{text}");

    // Under `[unreadable] action = "block"`, what could not be checked is blocked.
    std::fs::write(
        project.join("customs.toml"),
        "[unreadable]\naction = \"block\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(package(&r, "ghost-pkg")["policy"]["decision"], "block");
    let (n, blocked, warned, allowed, unchecked) = summary(&r);
    assert_eq!((n, blocked, warned, allowed, unchecked), (3, 2, 0, 1, 1));
    std::fs::remove_file(project.join("customs.toml")).unwrap();

    // Only unchecked: warned, and 2 (something could not be checked), never 0.
    package_lock(
        &project,
        &[
            ("fetchy", "1.14.0", fetchy),
            ("ghost-pkg", "2.0.0", sri(b"not on the index")),
        ],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let r = json_of(&out);
    let (n, blocked, warned, allowed, unchecked) = summary(&r);
    assert_eq!((n, blocked, warned, allowed, unchecked), (2, 0, 1, 1, 1));
}

#[test]
fn offline_entries_not_in_the_cache_are_counted_as_not_checked() {
    let server = registry();
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let project = dir.path().join("app");
    package_lock(&project, &[("fetchy", "1.14.0", sri(b"never cached"))]);
    let out = run(
        dir.path(),
        &["audit", "app", "--offline", "--format", "json"],
        &env,
    );
    let r = json_of(&out);
    let p = package(&r, "fetchy");
    assert_eq!(p["policy"]["decision"], "warn", "{p:#}");
    assert_eq!(summary(&r), (1, 0, 1, 0, 1));
    assert!(server.hits.lock().unwrap().is_empty(), "offline");
}
