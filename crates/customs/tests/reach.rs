//! What runs on install or import is decided by reachability, not by where the code
//! sits: functions the top level calls (through other files too) run then, a module
//! named like a test runs when package code imports it, and code under
//! `if __name__ == "__main__":` or only registered in a table does not.

#![allow(clippy::unwrap_used)]

mod common;

use common::{customs, pack_fixture, root};
use serde_json::Value;

fn scan(fixture: &str) -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let file = pack_fixture(&root().join("tests/fixtures").join(fixture), tmp.path());
    let out = customs(tmp.path(), &["scan", "--format", "json", &file]);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn findings(v: &Value) -> Vec<(String, String, String)> {
    v["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["context"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_test_named_module_called_from_init_runs_on_import() {
    let v = scan("malicious-py-called-helper");
    assert_eq!(v["packages"][0]["verdict"], "malicious", "{v:#}");
    let f = findings(&v);
    let exec = f
        .iter()
        .find(|(rule, _, _)| rule == "decode-execute")
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(exec.1, "import", "{exec:?}");
    // The finding says how it is reached, across the two files.
    assert!(
        exec.2.contains("cryptoenvx/__init__.py module level → ")
            && exec.2.contains("tests.py verify_environment()"),
        "{exec:?}"
    );
    let read = f
        .iter()
        .find(|(rule, _, _)| rule == "secret-read")
        .unwrap_or_else(|| panic!("{f:?}"));
    assert!(read.2.contains("→ _cloud_profile()"), "{read:?}");
}

#[test]
fn a_function_called_by_a_javascript_module_runs_on_require() {
    let v = scan("malicious-npm-called-function");
    assert_eq!(v["packages"][0]["verdict"], "malicious", "{v:#}");
    let f = findings(&v);
    assert!(
        f.iter()
            .any(|(rule, context, message)| rule == "secret-read"
                && context == "import"
                && message.contains("index.js module level → init() → ")
                && message.contains("lib/gather.js gather()")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|(rule, _, _)| rule == "capability-chain"),
        "{f:?}"
    );
}

#[test]
fn main_guards_and_registered_functions_do_not_run_on_import() {
    for fixture in ["benign-py-main-guard", "benign-npm-registered-handler"] {
        let v = scan(fixture);
        assert_eq!(v["packages"][0]["verdict"], "clean", "{fixture}: {v:#}");
        for (rule, context, message) in findings(&v) {
            assert_eq!(context, "runtime", "{fixture}: {rule} {message}");
            assert!(!message.contains("reached from"), "{message}");
        }
    }
}
