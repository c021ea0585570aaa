//! `--format github`: workflow-command annotations for scan and audit, and a crafted
//! package whose file names, scripts and versions carry line breaks, `%`, `:` and `,`
//! cannot start a workflow command of its own or forge an annotation's properties.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::{customs_with, root, stdout};

/// What the runner makes of one line: the command, its properties and its message,
/// unescaped as the runner unescapes them. `None` for a line that is not a command.
fn parse(line: &str) -> Option<(String, BTreeMap<String, String>, String)> {
    let rest = line.strip_prefix("::")?;
    let end = rest.find("::")?;
    let (head, message) = (&rest[..end], &rest[end + 2..]);
    let (cmd, props) = head.split_once(' ').unwrap_or((head, ""));
    let mut map = BTreeMap::new();
    for p in props.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = p.split_once('=').unwrap();
        let v = v
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%");
        assert!(map.insert(k.to_owned(), v).is_none(), "{k} twice: {line}");
    }
    let message = message
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%");
    Some((cmd.to_owned(), map, message))
}

/// Every line is one annotation command with only the properties customs writes.
fn annotations(out: &str) -> Vec<(String, BTreeMap<String, String>, String)> {
    // The runner reads lines split at LF and at CR.
    out.split(['\n', '\r'])
        .filter(|l| !l.is_empty())
        .map(|l| {
            let parsed = parse(l).unwrap_or_else(|| panic!("not a command: {l:?}\n{out}"));
            assert!(
                ["error", "warning", "notice"].contains(&parsed.0.as_str()),
                "a {} command: {l:?}",
                parsed.0
            );
            for k in parsed.1.keys() {
                assert!(
                    ["file", "line", "title"].contains(&k.as_str()),
                    "{k}: {l:?}"
                );
            }
            parsed
        })
        .collect()
}

const INJECTED: &str = "x,line=9::y%0A\n::add-mask::secret\r\n::stop-commands::tok";

/// A package folder whose main file, run at import, is named with the injection and
/// whose install script carries it: every line of the report is still one annotation,
/// and the crafted name comes back whole from the `file` property.
#[test]
fn a_crafted_package_cannot_inject_workflow_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let dropper = root().join("tests/fixtures/malicious-npm-postinstall-dropper");
    let main = format!("lib{INJECTED}.js");
    std::fs::copy(dropper.join("setup.js"), pkg.join(&main)).unwrap();
    let manifest = serde_json::json!({
        "name": "crafted-utils",
        "version": "1.0.0",
        "main": main,
        "scripts": { "postinstall": format!("node \"{main}\"") },
    });
    std::fs::write(pkg.join("package.json"), manifest.to_string()).unwrap();

    let out = customs_with(
        tmp.path(),
        &[
            "scan",
            "--format",
            "github",
            "--fail-on",
            "suspicious",
            "pkg",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    let all = annotations(&text);
    assert!(all.iter().any(|a| a.0 == "error"), "{text}");
    let crafted = format!("pkg/{main}");
    let on_main: Vec<_> = all
        .iter()
        .filter(|a| a.1.get("file") == Some(&crafted))
        .collect();
    assert!(
        !on_main.is_empty(),
        "no annotation on the crafted file:\n{text}"
    );
    assert!(on_main.iter().all(|a| a.1["line"].parse::<u32>().is_ok()));
    assert!(
        all.iter().any(|a| a.2.contains(INJECTED)),
        "the install script is quoted whole in a message:\n{text}"
    );
    assert!(all.iter().all(|a| a.1["title"].starts_with("customs ")));
}

/// A lockfile whose version carries the injection: the audit's annotation points at
/// the lockfile and line, and quotes the version whole.
#[test]
fn audit_annotations_point_at_the_lockfile() {
    let tmp = tempfile::tempdir().unwrap();
    let version = format!("1.3.0{INJECTED}");
    let lock = serde_json::json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": { "name": "app", "version": "1.0.0", "dependencies": { "left-pad": "1.3.0" } },
            "node_modules/left-pad": {
                "version": version,
                "resolved": "http://127.0.0.1:9/left-pad/-/left-pad-1.3.0.tgz",
                "integrity": "sha512-AAAA"
            }
        }
    });
    std::fs::write(
        tmp.path().join("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
    let store = tmp.path().join("store.sqlite3");
    let out = customs_with(
        tmp.path(),
        &[
            "audit",
            "--offline",
            "--format",
            "github",
            "--store",
            store.to_str().unwrap(),
        ],
        &[],
    );
    let text = stdout(&out);
    let all = annotations(&text);
    assert!(!all.is_empty(), "{out:?}");
    for (cmd, props, message) in &all {
        assert!(cmd == "error" || cmd == "warning", "{cmd}");
        assert_eq!(props["file"], "package-lock.json");
        assert!(props["line"].parse::<u32>().unwrap() > 1, "{props:?}");
        assert!(props["title"].contains(&version), "{props:?}");
        assert!(message.contains(&version), "{message}");
    }
    assert_eq!(
        text.lines().count(),
        all.len(),
        "one annotation a line:\n{text}"
    );
}
