//! A real public bundle: the npm provenance of `sigstore@3.1.0` (tests/provenance/README.md
//! says where it comes from), with that release's tarball, against the embedded root.

use customs_verify::{TrustedRoot, verify};

fn base64_of(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(b)
}

fn read(name: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/provenance");
    std::fs::read(root.join(name)).expect("fixture")
}

#[test]
fn npm_provenance_of_a_real_release_verifies_offline() {
    let root = TrustedRoot::embedded().expect("root");
    let tgz = read("sigstore-3.1.0.tgz");
    let bundle = read("sigstore-3.1.0.sigstore.json");
    let id = verify(&tgz, &bundle, &root).expect("verifies");
    assert_eq!(id.repository.as_deref(), Some("sigstore/sigstore-js"));
    assert_eq!(
        id.workflow.as_deref(),
        Some(".github/workflows/release.yml")
    );
    assert_eq!(id.git_ref.as_deref(), Some("refs/heads/main"));
    assert_eq!(
        id.commit.as_deref(),
        Some("06cd267cbdc2eeaa04294995622db9f6ad2fa7cf")
    );
    assert_eq!(id.trigger.as_deref(), Some("push"));
    assert_eq!(
        id.issuer.as_deref(),
        Some("https://token.actions.githubusercontent.com")
    );
    assert_eq!(
        id.identity.as_deref(),
        Some(
            "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main"
        )
    );
    assert_eq!(id.log_index, Some(168_704_762));
    assert_eq!(id.integrated_time, Some(1_738_701_347));
}

#[test]
fn a_changed_tarball_or_bundle_fails_with_the_reason() {
    let root = TrustedRoot::embedded().expect("root");
    let tgz = read("sigstore-3.1.0.tgz");
    let bundle = read("sigstore-3.1.0.sigstore.json");

    let mut other = tgz.clone();
    let last = other.len() - 1;
    other[last] ^= 1;
    let e = verify(&other, &bundle, &root).expect_err("another artifact");
    assert!(e.0.contains("subject digest"), "{e}");
    assert!(
        !e.is_incomplete(),
        "a complete bundle that fails is not incomplete"
    );
    // The digests alone verify as the bytes do.
    let digests = customs_verify::ArtifactDigests::of(&tgz);
    assert_eq!(
        customs_verify::ArtifactDigests::of_reader(&tgz[..]).expect("reads"),
        digests
    );
    assert!(customs_verify::verify_digests(&digests, &bundle, &root).is_ok());

    let text = String::from_utf8(bundle.clone()).expect("utf-8");
    // The signed entry timestamp of another entry.
    let tampered = text.replace(
        "\"integratedTime\": \"1738701347\"",
        "\"integratedTime\": \"1738701348\"",
    );
    let e = verify(&tgz, tampered.as_bytes(), &root).expect_err("tampered time");
    assert!(e.0.contains("signed entry timestamp"), "{e}");

    // A broken inclusion proof.
    let tampered = text.replace(
        "RCyIgoZlQd/LleULpHJ6ihu9tEckMxiYu0ogdRSyyNQ=",
        "RCyIgoZlQd/LleULpHJ6ihu9tEckMxiYu0ogdRSyyNA=",
    );
    let e = verify(&tgz, tampered.as_bytes(), &root).expect_err("broken proof");
    assert!(e.0.contains("inclusion proof"), "{e}");

    // Another DSSE signature.
    let tampered = text.replace("MEQCIFBjQOUzBtZG", "MEQCIFBjQOUzBtZH");
    let e = verify(&tgz, tampered.as_bytes(), &root).expect_err("tampered signature");
    assert!(e.0.contains("DSSE signature"), "{e}");

    // Another statement under the same signature.
    let mut json: serde_json::Value = serde_json::from_slice(&bundle).expect("json");
    json["dsseEnvelope"]["payload"] = serde_json::json!(base64_of(
        b"{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}"
    ));
    let e = verify(&tgz, json.to_string().as_bytes(), &root).expect_err("tampered statement");
    assert!(e.0.contains("DSSE signature"), "{e}");

    // No log entry at all.
    let mut json: serde_json::Value = serde_json::from_slice(&bundle).expect("json");
    json["verificationMaterial"]["tlogEntries"] = serde_json::json!([]);
    let e = verify(&tgz, json.to_string().as_bytes(), &root).expect_err("no entry");
    assert!(e.0.contains("no transparency log entry"), "{e}");
    assert!(
        e.is_incomplete(),
        "a bundle without a log entry is incomplete"
    );
    let e = verify(&tgz, b"{\"mediaType\": \"text/plain\"}", &root).expect_err("not a bundle");
    assert!(e.is_incomplete(), "{e}");

    // An entry with neither a signed entry timestamp nor an inclusion proof.
    let mut json: serde_json::Value = serde_json::from_slice(&bundle).expect("json");
    json["verificationMaterial"]["tlogEntries"][0]["inclusionPromise"] = serde_json::Value::Null;
    json["verificationMaterial"]["tlogEntries"][0]["inclusionProof"] = serde_json::Value::Null;
    let e = verify(&tgz, json.to_string().as_bytes(), &root).expect_err("unproven");
    assert!(e.0.contains("not proven"), "{e}");

    // A root without the log.
    let mut json: serde_json::Value = serde_json::from_str(customs_verify::EMBEDDED).expect("json");
    json["tlogs"] = serde_json::json!([]);
    let no_log = TrustedRoot::parse(json.to_string().as_bytes()).expect("root");
    let e = verify(&tgz, &bundle, &no_log).expect_err("unknown log");
    assert!(e.0.contains("log the trusted root does not know"), "{e}");

    // A root without the CT logs: the certificate's SCT cannot be checked.
    let mut json: serde_json::Value = serde_json::from_str(customs_verify::EMBEDDED).expect("json");
    json["ctlogs"] = serde_json::json!([]);
    let no_ct = TrustedRoot::parse(json.to_string().as_bytes()).expect("root");
    let e = verify(&tgz, &bundle, &no_ct).expect_err("unknown CT log");
    assert!(e.0.contains("certificate transparency"), "{e}");

    // A root whose CA ended before the entry was logged.
    let mut json: serde_json::Value = serde_json::from_str(customs_verify::EMBEDDED).expect("json");
    for ca in json["certificateAuthorities"].as_array_mut().expect("CAs") {
        ca["validFor"]["end"] = serde_json::json!("2024-01-01T00:00:00Z");
    }
    let expired = TrustedRoot::parse(json.to_string().as_bytes()).expect("root");
    let e = verify(&tgz, &bundle, &expired).expect_err("CA expired");
    assert!(
        e.0.contains("no certificate authority of the trusted root was valid"),
        "{e}"
    );

    // A root without the CA.
    let mut json: serde_json::Value = serde_json::from_str(customs_verify::EMBEDDED).expect("json");
    json["certificateAuthorities"] = serde_json::json!([]);
    let no_ca = TrustedRoot::parse(json.to_string().as_bytes()).expect("root");
    let e = verify(&tgz, &bundle, &no_ca).expect_err("unknown CA");
    assert!(e.0.contains("certificate authority"), "{e}");
}

/// The same bundle, carried as a PEP 740 attestation (as PyPI publishes them) and as an
/// npm attestations document: converted back, it verifies.
#[test]
fn pep740_and_npm_documents_convert_to_bundles() {
    let root = TrustedRoot::embedded().expect("root");
    let tgz = read("sigstore-3.1.0.tgz");
    let bundle: serde_json::Value =
        serde_json::from_slice(&read("sigstore-3.1.0.sigstore.json")).expect("json");
    let m = &bundle["verificationMaterial"];
    let attestation = serde_json::json!({
        "version": 1,
        "attestation_bundles": [{
            "publisher": {"kind": "GitHub", "repository": "sigstore/sigstore-js", "workflow": "release.yml"},
            "attestations": [{
                "version": 1,
                "verification_material": {
                    "certificate": m["x509CertificateChain"]["certificates"][0]["rawBytes"],
                    "transparency_entries": m["tlogEntries"],
                },
                "envelope": {
                    "statement": bundle["dsseEnvelope"]["payload"],
                    "signature": bundle["dsseEnvelope"]["signatures"][0]["sig"],
                },
            }],
        }],
    });
    let bundles =
        customs_verify::bundles_from_pep740(attestation.to_string().as_bytes()).expect("converts");
    assert_eq!(bundles.len(), 1);
    let id = verify(&tgz, &bundles[0], &root).expect("verifies");
    assert_eq!(id.repository.as_deref(), Some("sigstore/sigstore-js"));
    assert!(
        customs_verify::bundles_from_pep740(b"{\"attestation_bundles\":[{\"attestations\":[{}]}]}")
            .is_err()
    );

    let doc = serde_json::json!({"attestations": [
        {"predicateType": "https://github.com/npm/attestation/tree/main/specs/publish/v0.1", "bundle": {}},
        {"predicateType": "https://slsa.dev/provenance/v1", "bundle": bundle},
    ]});
    let b = customs_verify::bundle_from_npm_attestations(doc.to_string().as_bytes())
        .expect("json")
        .expect("a provenance bundle");
    assert!(verify(&tgz, &b, &root).is_ok());
    assert!(
        customs_verify::bundle_from_npm_attestations(b"{\"attestations\":[]}")
            .expect("json")
            .is_none()
    );
}
