//! The policy's homes as a user meets them: `[tool.customs]` in a parent folder's
//! pyproject.toml, a `"customs"` key in package.json, customs.toml, merged with the
//! nearest winning; `customs policy show` says where each setting came from, and
//! `audit` decides by the merged policy.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{customs_with, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

/// A lockfile with one dependency that cannot be checked offline.
fn lockfile(dir: &Path) {
    let lock = serde_json::json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": { "name": "app", "version": "1.0.0", "dependencies": { "left-pad": "1.3.0" } },
            "node_modules/left-pad": {
                "version": "1.3.0",
                "resolved": "http://127.0.0.1:9/left-pad/-/left-pad-1.3.0.tgz",
                "integrity": "sha512-AAAA"
            }
        }
    });
    write(dir, "package-lock.json", &lock.to_string());
}

fn audit(dir: &Path, home: &Path) -> std::process::Output {
    let store = home.join("store.sqlite3");
    customs_with(
        dir,
        &["audit", "--offline", "--store", store.to_str().unwrap()],
        &[("HOME", home.to_str().unwrap())],
    )
}

#[test]
fn show_merges_the_homes_and_names_each_source() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let app = repo.join("web");
    write(
        &repo,
        "pyproject.toml",
        "[project]\nname = \"demo\"\n\n[tool.customs]\nfail_on = \"suspicious\"\nmin_release_age = \"7d\"\n",
    );
    write(
        &app,
        "package.json",
        r#"{"name":"web","private":true,"customs":{"min_release_age":"3d","deny":["npm:event-stream"]}}"#,
    );
    let home = tmp.path().join("home");
    write(
        &home.join(".config/customs"),
        "policy.toml",
        "require_hashes = true\n",
    );
    let out = customs_with(
        &app,
        &["policy", "show"],
        &[("HOME", home.to_str().unwrap())],
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no {key}:\n{text}"))
            .to_owned()
    };
    assert!(line("min_release_age").starts_with("min_release_age = \"3d\"  # "));
    // The working folder's files as `./NAME`, the ones above by their whole path.
    assert!(line("min_release_age").ends_with("# ./package.json \"customs\""));
    assert!(line("deny").contains("[\"npm:event-stream\"]"));
    assert!(line("fail_on").contains("\"suspicious\""));
    assert!(line("fail_on").ends_with("repo/pyproject.toml [tool.customs]"));
    assert!(line("require_hashes").ends_with(".config/customs/policy.toml"));
    assert!(line("require_provenance").ends_with("# built-in default"));

    // `--policy FILE` is used alone.
    write(tmp.path(), "ci.toml", "fail_on = \"malicious\"\n");
    let ci = tmp.path().join("ci.toml");
    let out = customs_with(
        &app,
        &["policy", "show", "--policy", ci.to_str().unwrap()],
        &[("HOME", home.to_str().unwrap())],
    );
    let text = stdout(&out);
    assert!(text.contains("fail_on = \"malicious\"  # "), "{text}");
    assert!(
        text.contains("require_hashes = false  # built-in default"),
        "{text}"
    );
}

/// What cannot be checked is warned about by default (exit 0) and blocked (exit 1)
/// when a parent folder's pyproject.toml says `[tool.customs.unreadable] action =
/// "block"`; a nearer customs.toml that says "warn" wins over it.
#[test]
fn audit_decides_by_the_merged_policy() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let app = repo.join("web");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    lockfile(&app);

    let out = audit(&app, &home);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    write(
        &repo,
        "pyproject.toml",
        "[tool.customs.unreadable]\naction = \"block\"\n",
    );
    let out = audit(&app, &home);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stdout(&out).contains("pyproject.toml [tool.customs]"),
        "{}",
        stdout(&out)
    );

    write(&app, "customs.toml", "[unreadable]\naction = \"warn\"\n");
    let out = audit(&app, &home);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // A broken setting anywhere on the way up stops the audit with the file named.
    write(&repo, "package.json", r#"{"customs":{"fail_on":"never"}}"#);
    let out = audit(&app, &home);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("repo/package.json \"customs\"") && err.contains("never"),
        "{err}"
    );
}

/// A package cannot configure its own judge: scanned from inside its folder
/// (`cd pkg && customs scan .`), the `"customs"` key of its own package.json, which
/// ignores every rule it triggers, is not used, and a warning says so.
#[test]
fn a_scanned_package_does_not_configure_the_scan() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("pkg");
    let dropper = common::root().join("tests/fixtures/malicious-npm-postinstall-dropper");
    std::fs::create_dir(&pkg).unwrap();
    for f in ["index.js", "setup.js", "package.json"] {
        std::fs::copy(dropper.join(f), pkg.join(f)).unwrap();
    }
    let scan = |dir: &Path| customs_with(dir, &["scan", "--format", "json", "."], &[]);
    let before = scan(&pkg);
    assert_eq!(before.status.code(), Some(1), "{before:?}");
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    let mut rules: Vec<&str> = report["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pkg.join("package.json")).unwrap()).unwrap();
    manifest["customs"] = serde_json::json!({ "ignore": rules });
    std::fs::write(pkg.join("package.json"), manifest.to_string()).unwrap();

    // The same settings from the folder above do apply: the package comes out clean.
    write(
        tmp.path(),
        "package.json",
        &serde_json::json!({ "customs": { "ignore": rules } }).to_string(),
    );
    let above = customs_with(tmp.path(), &["scan", "--format", "json", "pkg"], &[]);
    assert_eq!(above.status.code(), Some(0), "{above:?}");
    std::fs::remove_file(tmp.path().join("package.json")).unwrap();

    let after = scan(&pkg);
    assert_eq!(after.status.code(), Some(1), "{after:?}");
    let err = String::from_utf8_lossy(&after.stderr);
    assert!(
        err.contains("not using the settings in ./package.json"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(report["packages"][0]["verdict"], "malicious");
}
