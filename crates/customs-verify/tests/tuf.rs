//! The TUF walk on a repository this harness makes with keys of its own, in memory.

use std::collections::HashMap;

use base64::Engine as _;
use customs_verify::tuf::{canonical_json, update};
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use serde_json::{Value, json};
use sha2::Digest as _;

const NOW: i64 = 1_767_225_600; // 2026-01-01

fn key(seed: u8) -> SigningKey {
    let mut b = [seed; 32];
    b[0] = 1;
    SigningKey::from_slice(&b).expect("key")
}

fn keyid(k: &SigningKey) -> String {
    hex::encode(sha2::Sha256::digest(pem(k).as_bytes()))
}

fn pem(k: &SigningKey) -> String {
    let mut spki =
        hex::decode("3059301306072a8648ce3d020106082a8648ce3d030107034200").expect("hex");
    spki.extend_from_slice(k.verifying_key().to_sec1_point(false).as_bytes());
    format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(spki)
    )
}

fn signed(meta: Value, by: &[&SigningKey]) -> Vec<u8> {
    let message = canonical_json(&meta);
    let signatures: Vec<Value> = by
        .iter()
        .map(|k| {
            let sig: Signature = k.sign(message.as_bytes());
            json!({"keyid": keyid(k), "sig": hex::encode(sig.to_der().as_bytes())})
        })
        .collect();
    serde_json::to_vec(&json!({"signed": meta, "signatures": signatures})).expect("json")
}

fn root_meta(version: u64, root_keys: &[&SigningKey], other: &SigningKey, expires: &str) -> Value {
    let mut keys = serde_json::Map::new();
    for k in root_keys.iter().chain([&other]) {
        keys.insert(
            keyid(k),
            json!({"keytype": "ecdsa-sha2-nistp256", "scheme": "ecdsa-sha2-nistp256", "keyval": {"public": pem(k)}}),
        );
    }
    let ids: Vec<String> = root_keys.iter().map(|k| keyid(k)).collect();
    let role = |ids: Vec<String>, t: usize| json!({"keyids": ids, "threshold": t});
    json!({
        "_type": "root", "spec_version": "1.0", "version": version, "expires": expires,
        "consistent_snapshot": true, "keys": keys,
        "roles": {"root": role(ids.clone(), 2), "timestamp": role(vec![keyid(other)], 1),
                  "snapshot": role(vec![keyid(other)], 1), "targets": role(vec![keyid(other)], 1)},
    })
}

/// A repository: root 1 (keys a, b), root 2 (keys b, c), and the top-level metadata.
struct Repo {
    files: HashMap<String, Vec<u8>>,
    root1: Vec<u8>,
}

fn repo(timestamp_expires: &str, tamper_target: bool, root2_by_old: bool) -> Repo {
    let (a, b, c, other) = (key(10), key(11), key(12), key(13));
    let root1 = signed(
        root_meta(1, &[&a, &b], &other, "2030-01-01T00:00:00Z"),
        &[&a, &b],
    );
    let r2 = root_meta(2, &[&b, &c], &other, "2030-01-01T00:00:00Z");
    let root2 = if root2_by_old {
        signed(r2, &[&a, &b, &c])
    } else {
        signed(r2, &[&c])
    };
    let target = customs_verify::EMBEDDED.as_bytes().to_vec();
    let sha = hex::encode(sha2::Sha256::digest(&target));
    let targets = signed(
        json!({"_type": "targets", "spec_version": "1.0", "version": 3, "expires": "2030-01-01T00:00:00Z",
               "targets": {"trusted_root.json": {"length": target.len(), "hashes": {"sha256": sha}}}}),
        &[&other],
    );
    let snapshot = signed(
        json!({"_type": "snapshot", "spec_version": "1.0", "version": 4, "expires": "2030-01-01T00:00:00Z",
               "meta": {"targets.json": {"version": 3}}}),
        &[&other],
    );
    let timestamp = signed(
        json!({"_type": "timestamp", "spec_version": "1.0", "version": 5, "expires": timestamp_expires,
               "meta": {"snapshot.json": {"version": 4}}}),
        &[&other],
    );
    let mut served = target;
    if tamper_target {
        served[0] ^= 1;
    }
    let files = HashMap::from([
        ("2.root.json".to_owned(), root2),
        ("timestamp.json".to_owned(), timestamp),
        ("4.snapshot.json".to_owned(), snapshot),
        ("3.targets.json".to_owned(), targets),
        (format!("targets/{sha}.trusted_root.json"), served),
    ]);
    Repo { files, root1 }
}

fn run(r: &Repo) -> Result<customs_verify::tuf::Updated, String> {
    update(&r.root1, NOW, &|path| Ok(r.files.get(path).cloned()))
}

#[test]
fn a_rotated_root_and_a_fresh_trusted_root() {
    let got = run(&repo("2030-01-01T00:00:00Z", false, true)).expect("updates");
    assert_eq!(got.root_version, 2);
    assert_eq!(got.trusted_root, customs_verify::EMBEDDED.as_bytes());
}

#[test]
fn every_broken_step_is_named() {
    let e = run(&repo("2025-01-01T00:00:00Z", false, true)).expect_err("expired");
    assert!(e.contains("timestamp.json expired"), "{e}");
    let e = run(&repo("2030-01-01T00:00:00Z", true, true)).expect_err("tampered target");
    assert!(e.contains("sha256"), "{e}");
    let e = run(&repo("2030-01-01T00:00:00Z", false, false))
        .expect_err("rotation not signed by the old keys");
    assert!(
        e.contains("root 2 (by the keys of root 1) is signed by 0 of the 2 root keys"),
        "{e}"
    );
    let mut r = repo("2030-01-01T00:00:00Z", false, true);
    r.files.remove("timestamp.json");
    assert!(
        run(&r)
            .expect_err("no timestamp")
            .contains("no timestamp.json")
    );
}
