//! `customs verify` on a real public bundle (tests/provenance/README.md), offline.

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/provenance")
        .join(name)
}

fn verify(extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_customs"))
        .arg("verify")
        .arg(fixture("sigstore-3.1.0.tgz"))
        .arg("--bundle")
        .arg(fixture("sigstore-3.1.0.sigstore.json"))
        .args(extra)
        .env_clear()
        .output()
        .expect("runs")
}

#[test]
fn verified_failed_and_pinned() {
    let out = verify(&["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let v = &v["packages"][0];
    let p = &v["provenance"];
    assert_eq!(p["status"], "verified");
    assert_eq!(p["repository"], "sigstore/sigstore-js");
    assert_eq!(p["workflow"], ".github/workflows/release.yml");
    assert_eq!(p["ref"], "refs/heads/main");
    assert_eq!(p["commit"], "06cd267cbdc2eeaa04294995622db9f6ad2fa7cf");
    assert_eq!(p["issuer"], "https://token.actions.githubusercontent.com");
    assert_eq!(p["log_index"], 168_704_762);
    assert!(p["reason"].is_null());
    assert_eq!(
        v["integrity"]["sha512"],
        "669cd60051c816ac85139e9d5ea817fc3903459773fab45c8e8224fd1414e085f4c220afd65f12ed9ad70c770273eb9a7feea8ef0de1da5de0e86606e5328df5"
    );

    let out = verify(&[
        "--repository",
        "sigstore/sigstore-js",
        "--workflow",
        "release.yml",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("provenance verified"));

    // Without a bundle, a local artifact's provenance is unknown: not a failure, unless
    // provenance is required.
    let plain = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_customs"))
            .arg("verify")
            .arg(fixture("sigstore-3.1.0.tgz"))
            .args(extra)
            .env_clear()
            .output()
            .expect("runs")
    };
    let out = plain(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("provenance unknown"));
    assert_eq!(plain(&["--require-provenance"]).status.code(), Some(1));

    // A pinned identity it does not carry.
    let out = verify(&["--repository", "mallory/sigstore-js"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("FAILED")
            && text.contains("built from sigstore/sigstore-js, not mallory/sigstore-js"),
        "{text}"
    );

    // Another artifact.
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.tgz");
    std::fs::write(&other, b"not the release").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_customs"))
        .arg("verify")
        .arg(&other)
        .arg("--bundle")
        .arg(fixture("sigstore-3.1.0.sigstore.json"))
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let v = &v["packages"][0];
    assert_eq!(v["provenance"]["status"], "failed");
    assert!(
        v["provenance"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("subject digest")),
        "{v}"
    );

    // --trusted-root: a root whose Fulcio CAs had expired before the entry was logged.
    let mut json: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(
        &std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../customs-verify/data/trusted_root.json"),
        )
        .expect("root"),
    ))
    .expect("json");
    for ca in json["certificateAuthorities"].as_array_mut().expect("CAs") {
        ca["validFor"]["end"] = serde_json::json!("2024-01-01T00:00:00Z");
    }
    let expired = dir.path().join("expired-root.json");
    std::fs::write(&expired, json.to_string()).expect("write");
    let out = verify(&["--trusted-root", expired.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("no certificate authority of the trusted root was valid"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A trusted root that is not one.
    let bad_root = dir.path().join("root.json");
    std::fs::write(&bad_root, b"{}").expect("write");
    let out = verify(&["--trusted-root", bad_root.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("root.json"));
}

/// `customs db update-trust` with no TUF repository reachable is a clear error that
/// changes nothing; a trusted root kept in the trust folder (as an update leaves it) is
/// the one `verify` uses.
#[test]
fn updated_roots_are_used_and_failed_updates_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let trust = dir.path().join("trust");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let out = Command::new(env!("CARGO_BIN_EXE_customs"))
        .args(["db", "update-trust", "--tuf-url"])
        .arg(format!("http://127.0.0.1:{port}"))
        .env_clear()
        .env("CUSTOMS_TRUST_DIR", &trust)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the trusted root was not updated")
            && err.contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!trust.exists(), "nothing written");

    // A root without CT logs in the trust folder: verify now fails the SCT check.
    let mut root: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../customs-verify/data/trusted_root.json"),
        )
        .expect("root"),
    )
    .expect("json");
    root["ctlogs"] = serde_json::json!([]);
    std::fs::create_dir_all(&trust).expect("mkdir");
    std::fs::write(trust.join("trusted_root.json"), root.to_string()).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_customs"))
        .arg("verify")
        .arg(fixture("sigstore-3.1.0.tgz"))
        .arg("--bundle")
        .arg(fixture("sigstore-3.1.0.sigstore.json"))
        .env_clear()
        .env("CUSTOMS_TRUST_DIR", &trust)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("certificate transparency"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The negative cases of a test root of the harness's own, through the command line:
/// each is `failed`, with the reason naming the check, and exit code 1.
#[test]
fn test_root_cases_exit_1_with_their_reason() {
    use customs_verify::testing::{ARTIFACT, Case, T, make};
    let dir = tempfile::tempdir().expect("tempdir");
    let artifact = dir.path().join("demo-1.0.0.tgz");
    std::fs::write(&artifact, ARTIFACT).expect("write");
    let run = |case: &Case, extra: &[&str]| {
        let made = make(case);
        let bundle = dir.path().join("bundle.json");
        let root = dir.path().join("root.json");
        std::fs::write(&bundle, &made.bundle).expect("write");
        std::fs::write(&root, &made.root).expect("write");
        Command::new(env!("CARGO_BIN_EXE_customs"))
            .arg("verify")
            .arg(&artifact)
            .arg("--bundle")
            .arg(&bundle)
            .arg("--trusted-root")
            .arg(&root)
            .args(extra)
            .env_clear()
            .output()
            .expect("runs")
    };
    let out = run(&Case::default(), &["--repository", "octo/demo"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let cases = [
        (
            Case {
                rogue_ca: true,
                ..Case::default()
            },
            "does not chain to the trusted root's CA",
        ),
        (
            Case {
                leaf_from: T - 1200,
                leaf_to: T - 600,
                ..Case::default()
            },
            "was not valid when the log integrated the entry",
        ),
        (
            Case {
                subject_of: b"another artifact".to_vec(),
                ..Case::default()
            },
            "subject digest",
        ),
        (
            Case {
                break_proof: true,
                ..Case::default()
            },
            "inclusion proof",
        ),
    ];
    for (case, reason) in &cases {
        let out = run(case, &[]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{reason}: {text}");
        assert!(
            text.contains("provenance FAILED") && text.contains(reason),
            "{reason}: {text}"
        );
    }
    let out = run(&Case::default(), &["--repository", "mallory/demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("the identity is not the pinned one"));
}
