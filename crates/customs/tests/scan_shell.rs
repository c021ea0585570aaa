//! End-to-end: `customs scan` reads the shell scripts that install hooks run.

#![allow(clippy::unwrap_used)]

mod common;

use common::{customs, pack_fixture, root};
use serde_json::Value;

fn scan(fixture: &str) -> (Value, i32) {
    let tmp = tempfile::tempdir().unwrap();
    let file = pack_fixture(&root().join("tests/fixtures").join(fixture), tmp.path());
    let out = customs(tmp.path(), &["scan", "--format", "json", &file]);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v["packages"][0].clone(), out.status.code().unwrap())
}

/// A postinstall hook that runs `bash install.sh`, whose script pipes a download into
/// bash: the script is read, in install context, and the package is malicious.
#[test]
fn a_script_run_by_an_install_hook_is_read_at_install_time() {
    let (p, code) = scan("malicious-npm-shell-installer");
    assert_eq!(p["verdict"], "malicious", "{p}");
    assert_eq!(code, 1);
    let f = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "download-execute")
        .unwrap_or_else(|| panic!("no download-execute in {}", p["findings"]));
    assert_eq!(f["path"], "package/install.sh");
    assert_eq!(f["line"], 7);
    assert_eq!(f["context"], "install");
    assert!(
        f["snippet"].as_str().unwrap().starts_with("curl -fsSL"),
        "{f}"
    );
}

/// Its look-alike downloads a prebuilt addon to a file and unpacks it: nothing runs what
/// was downloaded, and the package stays clean.
#[test]
fn a_script_that_downloads_and_unpacks_is_not_download_and_run() {
    let (p, code) = scan("benign-npm-shell-prebuilt");
    let rules: Vec<&str> = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"download-execute"), "{rules:?}");
    assert_eq!(
        p["verdict"], "clean",
        "score {} rules {rules:?}",
        p["score"]
    );
    assert_eq!(code, 0);
}
