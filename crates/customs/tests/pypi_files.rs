//! A PyPI release is judged by the files the installer takes, not by its sdist alone:
//! `scan` reads the wheel for this platform and the sdist (`--file` picks one) and says
//! which file each report read; `audit` reads the file the lockfile pins.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{both, env_for, json_of, package, pth_dropper, run, simple_page, wheel};
use common::loopback::Loopback;
use serde_json::json;
use sha2::{Digest, Sha256};

const WHEEL: &str = "wheeldemo-1.0-py3-none-any.whl";
const SDIST: &str = "wheeldemo-1.0.tar.gz";

/// `wheeldemo` 0.9, clean, and 1.0: a clean sdist, and a wheel whose `.pth` runs a
/// decoded download at every interpreter start. Returns 1.0's wheel's sha256.
fn registry(server: &Loopback) -> String {
    let init: &[u8] = b"def hello():\n    return 'hi'\n";
    let pth = pth_dropper();
    let mut files = Vec::new();
    let mut digest = String::new();
    for (version, at, bad) in [
        ("0.9", "2024-06-01T00:00:00Z", false),
        ("1.0", "2025-01-01T00:00:00Z", true),
    ] {
        let mut members: Vec<(&str, &[u8])> = vec![("wheeldemo/__init__.py", init)];
        if bad {
            members.push(("wheeldemo_init.pth", pth.as_bytes()));
        }
        let whl = wheel("wheeldemo", version, &members);
        let pkg_info =
            format!("Metadata-Version: 2.1\nName: wheeldemo\nVersion: {version}\nSummary: demo\n");
        let setup =
            format!("from setuptools import setup\nsetup(name='wheeldemo', version='{version}')\n");
        let sdist = common::tar_gz_of(
            &[
                ("PKG-INFO", pkg_info.as_bytes()),
                ("setup.py", setup.as_bytes()),
                ("wheeldemo/__init__.py", init),
            ],
            &format!("wheeldemo-{version}/"),
        );
        digest = hex::encode(Sha256::digest(&whl));
        for (name, body) in [
            (format!("wheeldemo-{version}.tar.gz"), sdist),
            (format!("wheeldemo-{version}-py3-none-any.whl"), whl),
        ] {
            server.route(
                &format!("/files/{name}"),
                "application/octet-stream",
                body.clone(),
            );
            files.push(json!({"filename": name, "url": format!("/files/{name}"),
                              "hashes": {"sha256": hex::encode(Sha256::digest(&body))},
                              "upload-time": at}));
        }
    }
    simple_page(server, "/simple/wheeldemo/", "wheeldemo", files);
    digest
}

fn file_names(r: &serde_json::Value) -> Vec<String> {
    r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"]["file_name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn scan_reads_the_wheel_and_the_sdist_and_says_which() {
    let server = Loopback::start();
    registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());

    let out = run(
        dir.path(),
        &["scan", "pypi:wheeldemo==1.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(file_names(&r), [WHEEL, SDIST]);
    assert_eq!(r["packages"][0]["verdict"], "malicious", "{r:#}");
    assert_eq!(r["packages"][1]["verdict"], "clean", "{r:#}");

    // The text names the file each verdict is about.
    let out = run(dir.path(), &["scan", "pypi:wheeldemo==1.0"], &env);
    let text = common::stdout(&out);
    assert!(text.contains(&format!("source: {WHEEL}")), "{text}");
    assert!(text.contains(&format!("source: {SDIST}")), "{text}");

    // --file picks one.
    let out = run(
        dir.path(),
        &[
            "scan",
            "pypi:wheeldemo==1.0",
            "--file",
            SDIST,
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert_eq!(file_names(&json_of(&out)), [SDIST]);

    let out = run(
        dir.path(),
        &["scan", "pypi:wheeldemo==1.0", "--file", "wheeldemo-9.whl"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    assert!(
        both(&out).contains("has no file wheeldemo-9.whl"),
        "{}",
        both(&out)
    );
}

#[test]
fn audit_judges_the_file_the_lockfile_pins() {
    let server = Loopback::start();
    let wheel_digest = registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let project = dir.path().join("py");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("requirements.txt"),
        format!("wheeldemo==1.0 --hash=sha256:{wheel_digest}\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    let r = json_of(&out);
    let p = package(&r, "wheeldemo");
    assert_eq!(p["source"]["file_name"], WHEEL, "{p:#}");
    assert_eq!(p["verdict"], "malicious", "{p:#}");
    assert_eq!(p["policy"]["decision"], "block");
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert_eq!(
        server.count(&format!("/files/{SDIST}")),
        0,
        "the sdist the lockfile does not pin is not what is judged"
    );
}

#[test]
fn diff_compares_the_wheels_and_the_sdists() {
    let server = Loopback::start();
    registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = env_for(&server, dir.path());
    let out = run(
        dir.path(),
        &[
            "diff",
            "pypi:wheeldemo==0.9",
            "pypi:wheeldemo==1.0",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let r = json_of(&out);
    common::assert_schema("diff_report", &r);
    assert_eq!(r["new"]["source"]["file_name"], WHEEL, "{r:#}");
    assert_eq!(
        r["old"]["source"]["file_name"],
        "wheeldemo-0.9-py3-none-any.whl"
    );
    assert_eq!(r["verdict"]["level"], "malicious", "{r:#}");
    let sdists = &r["other_files"][0];
    assert_eq!(sdists["new"]["source"]["file_name"], SDIST, "{r:#}");
    assert_eq!(sdists["verdict"]["level"], "clean");

    let text = common::stdout(&run(
        dir.path(),
        &["diff", "pypi:wheeldemo==0.9", "pypi:wheeldemo==1.0"],
        &env,
    ));
    assert!(
        text.contains(&format!(
            "files compared: wheeldemo-0.9-py3-none-any.whl -> {WHEEL}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("files compared: wheeldemo-0.9.tar.gz -> {SDIST}")),
        "{text}"
    );

    let out = run(
        dir.path(),
        &[
            "diff",
            "pypi:wheeldemo==0.9",
            "pypi:wheeldemo==1.0",
            "--file",
            "sdist",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let r = json_of(&out);
    assert_eq!(r["new"]["source"]["file_name"], SDIST);
    assert!(r.get("other_files").is_none(), "{r:#}");
}
