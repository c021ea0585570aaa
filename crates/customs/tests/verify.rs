//! `customs verify` on a real public bundle (tests/provenance/README.md), offline, and of
//! registry releases served on loopback: their provenance, the lockfile's hashes, and
//! npm registry signatures.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use base64::Engine;
use common::fixtures::{DAY, T0, fetch, findings, iso, json_of, npm_document, run, sri, text};
use common::loopback::Loopback;
use common::registry::{npm_env, npm_project, npm_releases, npm_releases_with};
use common::{root, stdout, tar_gz_of};
use serde_json::{Value, json};

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

/// `customs verify` of registry releases: the real `sigstore@3.1.0` tarball and its public
/// provenance bundle (tests/provenance), served as the npm registry serves them; a
/// release of a project that publishes provenance but not for it (absent); one of a
/// project that never says (unknown, as on mirrors); and a swapped tarball.
#[test]
fn verify_registry_releases_offline() {
    let server = Loopback::start();
    let tgz = std::fs::read(root().join("tests/provenance/sigstore-3.1.0.tgz")).unwrap();
    let bundle: Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/provenance/sigstore-3.1.0.sigstore.json")).unwrap(),
    )
    .unwrap();
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.0.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    server.route(
        "/npm/-/npm/v1/attestations/sigstore@3.1.0",
        "application/json",
        serde_json::to_vec(&json!({"attestations": [
            {"predicateType": "https://slsa.dev/provenance/v1", "bundle": bundle}
        ]}))
        .unwrap(),
    );
    let doc = json!({
        "name": "sigstore", "dist-tags": {"latest": "3.1.0"},
        "versions": {
            "3.1.0": {"name": "sigstore", "version": "3.1.0", "dist": {
                "tarball": format!("{}/npm/sigstore/-/sigstore-3.1.0.tgz", server.url),
                "integrity": sri(&tgz),
                "attestations": {"url": format!("{}/npm/-/npm/v1/attestations/sigstore@3.1.0", server.url),
                                 "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}}},
            "3.0.0": {"name": "sigstore", "version": "3.0.0", "dist": {
                "tarball": format!("{}/npm/sigstore/-/sigstore-3.0.0.tgz", server.url),
                "integrity": sri(b"another tarball")}}
        },
        "time": {"3.0.0": iso(T0 - DAY), "3.1.0": iso(T0)}
    });
    npm_document(&server, "/npm/sigstore", &doc);
    npm_releases(&server, "plain", &[("1.0.0", DAY)]);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let out = run(
        dir.path(),
        &[
            "verify",
            "npm:sigstore@3.1.0",
            "npm:plain@1.0.0",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["name"], "sigstore");
    assert_eq!(p["integrity"]["status"], "verified");
    assert_eq!(p["integrity"]["algorithm"], "sha512");
    assert_eq!(p["provenance"]["status"], "verified", "{p}");
    assert_eq!(p["provenance"]["repository"], "sigstore/sigstore-js");
    assert_eq!(p["provenance"]["workflow"], ".github/workflows/release.yml");
    assert_eq!(p["provenance"]["log_index"], 168_704_762);
    assert_eq!(v["packages"][1]["provenance"]["status"], "unknown");

    // 3.0.0: the project publishes provenance, this release has none; and its bytes are
    // not the ones the index lists.
    let out = run(
        dir.path(),
        &["verify", "npm:sigstore@3.0.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["provenance"]["status"], "absent");
    assert_eq!(p["integrity"]["status"], "mismatch");
    assert!(
        p["integrity"]["reason"]
            .as_str()
            .unwrap()
            .contains("the index lists")
    );

    // `scan` verifies the provenance the index publishes too: verified here...
    let out = run(
        dir.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--no-history",
            "--format",
            "json",
        ],
        &env,
    );
    let v = json_of(&out);
    let source = &v["packages"][0]["source"];
    assert_eq!(source["provenance"]["status"], "verified", "{source}");
    assert_eq!(source["provenance"]["repository"], "sigstore/sigstore-js");
    assert!(findings(&v["packages"][0], "provenance-invalid").is_empty());
    // With history, the release's builder and its verification share one read of the
    // attestations document (read again: not the kept copy, nor the kept judgement).
    let attestations = "/npm/-/npm/v1/attestations/sigstore@3.1.0";
    let before = server.count(attestations);
    let out = run(
        dir.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--format",
            "json",
            "--refresh",
            "--rejudge",
        ],
        &env,
    );
    let v = json_of(&out);
    assert_eq!(
        v["packages"][0]["source"]["provenance"]["status"],
        "verified"
    );
    assert_eq!(
        v["packages"][0]["history"]["builder"]["repository"], "sigstore/sigstore-js",
        "the history read the builder from the same document"
    );
    assert_eq!(server.count(attestations), before + 1, "one read");
    // ...and, for the same bundle published with another tarball, a critical finding.
    let forged = tar_gz_of(
        &[(
            "package.json",
            br#"{"name": "sigstore", "version": "3.1.0", "main": "index.js"}"#.as_slice(),
        )],
        "package/",
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        forged.clone(),
    );
    let mut forged_doc = doc.clone();
    forged_doc["versions"]["3.1.0"]["dist"]["integrity"] = json!(sri(&forged));
    npm_document(&server, "/npm/sigstore", &forged_doc);
    let fresh = tempfile::tempdir().unwrap();
    let env2 = npm_env(&server, &fresh.path().join("cache"));
    let out = run(
        fresh.path(),
        &[
            "scan",
            "npm:sigstore@3.1.0",
            "--no-history",
            "--format",
            "json",
        ],
        &env2,
    );
    let v = json_of(&out);
    assert!(v["packages"][0].is_object(), "{}", text(&out));
    let f = findings(&v["packages"][0], "provenance-invalid");
    assert!(f.iter().any(|m| m.contains("subject digest")), "{f:?}");
    assert_eq!(v["packages"][0]["source"]["provenance"]["status"], "failed");
    assert_eq!(
        out.status.code(),
        Some(1),
        "critical: the verdict is malicious"
    );
    server.route(
        "/npm/sigstore/-/sigstore-3.1.0.tgz",
        "application/octet-stream",
        tgz.clone(),
    );
    npm_document(&server, "/npm/sigstore", &doc);

    // A lockfile as the source: each package it pins, checked against its hashes too.
    let project = dir.path().join("app");
    npm_project(&project, &[("sigstore", "3.1.0", sri(&tgz), true, &[])]);
    let lock = project.join("package-lock.json");
    let out = run(
        dir.path(),
        &["verify", lock.to_str().unwrap(), "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["integrity"]["lockfile"]["status"], "verified", "{p}");
    assert_eq!(p["provenance"]["status"], "verified");
    assert!(
        p["target"].as_str().unwrap().contains("package-lock.json:"),
        "{p}"
    );
    npm_project(
        &project,
        &[("sigstore", "3.1.0", sri(b"other bytes"), true, &[])],
    );
    let out = run(
        dir.path(),
        &["verify", lock.to_str().unwrap(), "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        json_of(&out)["packages"][0]["integrity"]["lockfile"]["status"],
        "mismatch"
    );

    // Pinned to another repository: failed, exit 1, the reason says why.
    let out = run(
        dir.path(),
        &[
            "verify",
            "npm:sigstore@3.1.0",
            "--repository",
            "mallory/sigstore-js",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("provenance FAILED: the identity is not the pinned one"),
        "{}",
        stdout(&out)
    );
}

/// npm registry signatures (`dist.signatures`, checked like `npm audit signatures`), with
/// a registry key of the test's own served at `/-/npm/v1/keys`.
#[test]
fn verify_npm_registry_signatures() {
    use p256::ecdsa::signature::Signer as _;
    let server = Loopback::start();
    let signing = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    let point = signing.verifying_key().to_sec1_point(false);
    // SubjectPublicKeyInfo for a P-256 key: the fixed prefix, then the point.
    let mut spki = hex::decode("3059301306072a8648ce3d020106082a8648ce3d030107034200").unwrap();
    spki.extend_from_slice(point.as_bytes());
    server.route(
        "/npm/-/npm/v1/keys",
        "application/json",
        serde_json::to_vec(&json!({"keys": [{"expires": null, "keyid": "SHA256:test",
            "keytype": "ecdsa-sha2-nistp256", "scheme": "ecdsa-sha2-nistp256",
            "key": base64::engine::general_purpose::STANDARD.encode(&spki)}]}))
        .unwrap(),
    );
    npm_releases_with(
        &server,
        "signed",
        &[("1.0.0", 2 * DAY), ("1.0.1", DAY)],
        |version| {
            let tgz = fetch(&server, &format!("/npm/signed/-/signed-{version}.tgz"));
            // 1.0.1's signature is of another integrity: the registry never signed these bytes.
            let integrity = if version == "1.0.0" {
                sri(&tgz)
            } else {
                sri(b"other")
            };
            let sig: p256::ecdsa::Signature =
                signing.sign(format!("signed@{version}:{integrity}").as_bytes());
            json!({"dist": {"signatures": [{"keyid": "SHA256:test",
            "sig": base64::engine::general_purpose::STANDARD.encode(sig.to_der().as_bytes())}]}})
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env(&server, &dir.path().join("cache"));
    let out = run(
        dir.path(),
        &["verify", "npm:signed@1.0.0", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v = json_of(&out);
    let rs = &v["packages"][0]["integrity"]["registry_signature"];
    assert_eq!(rs["status"], "verified", "{rs}");
    assert_eq!(rs["keyid"], "SHA256:test");

    let out = run(dir.path(), &["verify", "npm:signed@1.0.1"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("registry signature failed — the registry signature of signed@1.0.1"),
        "{}",
        stdout(&out)
    );
}
