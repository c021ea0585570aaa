//! Test support (the `test-support` feature): bundles made with a root of its own — a CA,
//! a CT log and a transparency log whose keys are fixed test keys — built in DER and JSON
//! by hand, so that tests can break one part at a time. Never in a release build.
#![allow(clippy::cast_possible_truncation, missing_docs, clippy::unwrap_used)]

use base64::Engine as _;
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use sha2::Digest as _;

#[must_use]
pub fn b64(b: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(b)
}

fn sha256(b: &[u8]) -> Vec<u8> {
    sha2::Sha256::digest(b).to_vec()
}

fn key(seed: u8) -> SigningKey {
    let mut bytes = [seed; 32];
    bytes[0] = 1;
    SigningKey::from_slice(&bytes).unwrap()
}

fn sign(k: &SigningKey, msg: &[u8]) -> Vec<u8> {
    let sig: Signature = k.sign(msg);
    sig.to_der().as_bytes().to_vec()
}

// DER, by hand.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend_from_slice(&[0x81, len as u8]);
    } else {
        out.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(content);
    out
}

fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

fn oid(dotted: &str) -> Vec<u8> {
    let n: Vec<u64> = dotted.split('.').map(|p| p.parse().expect("oid")).collect();
    let mut body = vec![(n[0] * 40 + n[1]) as u8];
    for &v in &n[2..] {
        let mut groups = vec![(v & 0x7f) as u8];
        let mut v = v >> 7;
        while v > 0 {
            groups.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        groups.reverse();
        body.extend(groups);
    }
    tlv(0x06, &body)
}

fn utf8(s: &str) -> Vec<u8> {
    tlv(0x0c, s.as_bytes())
}

fn name(cn: &str) -> Vec<u8> {
    seq(&[tlv(0x31, &seq(&[oid("2.5.4.3"), utf8(cn)]))])
}

fn utc(t: i64) -> Vec<u8> {
    let s = customs_model::format_rfc3339(t); // 2026-01-02T03:04:05Z
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    tlv(0x17, format!("{}Z", &digits[2..]).as_bytes())
}

fn spki(k: &SigningKey) -> Vec<u8> {
    let point = k.verifying_key().to_sec1_point(false);
    let mut bits = vec![0];
    bits.extend_from_slice(point.as_bytes());
    seq(&[
        seq(&[oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7")]),
        tlv(0x03, &bits),
    ])
}

fn ext(id: &str, value: &[u8]) -> Vec<u8> {
    seq(&[oid(id), tlv(0x04, value)])
}

const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";

fn certificate(tbs: &[u8], issuer: &SigningKey) -> Vec<u8> {
    let mut bits = vec![0];
    bits.extend(sign(issuer, tbs));
    seq(&[tbs.to_vec(), seq(&[oid(ECDSA_SHA256)]), tlv(0x03, &bits)])
}

fn tbs(
    serial: u8,
    issuer: &str,
    subject: &[u8],
    from: i64,
    to: i64,
    key: &SigningKey,
    exts: &[Vec<u8>],
) -> Vec<u8> {
    let mut fields = vec![
        tlv(0xa0, &tlv(0x02, &[2])),
        tlv(0x02, &[serial]),
        seq(&[oid(ECDSA_SHA256)]),
        name(issuer),
        seq(&[utc(from), utc(to)]),
        subject.to_vec(),
        spki(key),
    ];
    if !exts.is_empty() {
        fields.push(tlv(0xa3, &seq(exts)));
    }
    seq(&fields)
}

pub const T: i64 = 1_767_225_600; // 2026-01-01

/// What to vary.
#[derive(Clone)]
pub struct Case {
    pub leaf_from: i64,
    pub leaf_to: i64,
    /// Sign the leaf with another CA than the root's.
    pub rogue_ca: bool,
    /// The statement's subject is this artifact's digest.
    pub subject_of: Vec<u8>,
    /// Break the inclusion proof.
    pub break_proof: bool,
    /// The kind of log entry (and of bundle: `hashedrekord` is a message signature).
    pub kind: &'static str,
}

pub const ARTIFACT: &[u8] = b"the release's bytes";

impl Default for Case {
    fn default() -> Self {
        Self {
            leaf_from: T - 60,
            leaf_to: T + 540,
            rogue_ca: false,
            subject_of: ARTIFACT.to_vec(),
            break_proof: false,
            kind: "intoto",
        }
    }
}

pub struct Made {
    pub bundle: Vec<u8>,
    pub root: Vec<u8>,
}

#[must_use]
pub fn make(case: &Case) -> Made {
    let (ca, rogue, leaf, rekor, ct) = (key(2), key(3), key(4), key(5), key(6));
    let ca_cert = certificate(
        &tbs(
            1,
            "test-ca",
            &name("test-ca"),
            T - 86_400,
            T + 86_400 * 365,
            &ca,
            &[],
        ),
        &ca,
    );
    let signer = if case.rogue_ca { &rogue } else { &ca };

    // The leaf, with Fulcio's extensions, logged (SCT) before it is signed.
    let uri = "https://github.com/octo/demo/.github/workflows/release.yml@refs/tags/v1.0.0";
    let mut san = vec![0x86, uri.len() as u8];
    san.extend_from_slice(uri.as_bytes());
    let mut exts = vec![
        seq(&[
            oid("2.5.29.17"),
            tlv(0x01, &[0xff]),
            tlv(0x04, &seq(&[san])),
        ]),
        ext("2.5.29.37", &seq(&[oid("1.3.6.1.5.5.7.3.3")])),
        ext(
            "1.3.6.1.4.1.57264.1.8",
            &utf8("https://token.actions.githubusercontent.com"),
        ),
        ext(
            "1.3.6.1.4.1.57264.1.12",
            &utf8("https://github.com/octo/demo"),
        ),
        ext(
            "1.3.6.1.4.1.57264.1.13",
            &utf8("0123456789abcdef0123456789abcdef01234567"),
        ),
        ext("1.3.6.1.4.1.57264.1.14", &utf8("refs/tags/v1.0.0")),
        ext("1.3.6.1.4.1.57264.1.18", &utf8(uri)),
        ext("1.3.6.1.4.1.57264.1.20", &utf8("push")),
    ];
    // The leaf's to-be-signed part, first as the pre-certificate the SCT signs.
    let leaf_tbs = |exts: &[Vec<u8>]| {
        tbs(
            7,
            "test-ca",
            &seq(&[]),
            case.leaf_from,
            case.leaf_to,
            &leaf,
            exts,
        )
    };
    let pre = leaf_tbs(&exts);
    let ts = (u64::try_from(T - 30).expect("time") * 1000).to_be_bytes();
    let mut signed = vec![0, 0];
    signed.extend_from_slice(&ts);
    signed.extend_from_slice(&[0, 1]);
    signed.extend(sha256(&spki(signer)));
    let n = pre.len();
    signed.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    signed.extend_from_slice(&pre);
    signed.extend_from_slice(&[0, 0]);
    let sct_sig = sign(&ct, &signed);
    let mut sct = vec![0];
    sct.extend(sha256(&spki(&ct)));
    sct.extend_from_slice(&ts);
    sct.extend_from_slice(&[0, 0, 4, 3]);
    sct.extend_from_slice(&(sct_sig.len() as u16).to_be_bytes());
    sct.extend(sct_sig);
    let mut list = (sct.len() as u16).to_be_bytes().to_vec();
    list.extend(sct);
    let mut with_len = (list.len() as u16).to_be_bytes().to_vec();
    with_len.extend(list);
    exts.push(ext("1.3.6.1.4.1.11129.2.4.2", &tlv(0x04, &with_len)));
    let leaf_cert = certificate(&leaf_tbs(&exts), signer);

    // The statement and its DSSE signature.
    let payload = serde_json::json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "demo-1.0.0.tgz", "digest": {"sha256": hex::encode(sha256(&case.subject_of))}}],
        "predicateType": "https://slsa.dev/provenance/v1",
        "predicate": {},
    })
    .to_string();
    let ptype = "application/vnd.in-toto+json";
    let pae = format!("DSSEv1 {} {ptype} {} {payload}", ptype.len(), payload.len());
    let dsse_sig = sign(&leaf, pae.as_bytes());

    // The log entry: its body, a signed entry timestamp, and an inclusion proof in a tree
    // of two leaves with a signed checkpoint.
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        b64(&leaf_cert)
    );
    let message_sig = sign(&leaf, ARTIFACT);
    let payload_hash = hex::encode(sha256(payload.as_bytes()));
    let body = match case.kind {
        "dsse" => serde_json::json!({
            "apiVersion": "0.0.1", "kind": "dsse",
            "spec": {"envelopeHash": {"algorithm": "sha256", "value": "00"},
                     "payloadHash": {"algorithm": "sha256", "value": payload_hash},
                     "signatures": [{"signature": b64(&dsse_sig), "verifier": b64(pem.as_bytes())}]},
        }),
        "hashedrekord" => serde_json::json!({
            "apiVersion": "0.0.1", "kind": "hashedrekord",
            "spec": {"data": {"hash": {"algorithm": "sha256", "value": hex::encode(sha256(ARTIFACT))}},
                     "signature": {"content": b64(&message_sig), "publicKey": {"content": b64(pem.as_bytes())}}},
        }),
        _ => serde_json::json!({
            "apiVersion": "0.0.2", "kind": "intoto",
            "spec": {"content": {
                "envelope": {"payloadType": ptype, "signatures": [
                    {"sig": b64(b64(&dsse_sig).as_bytes()), "publicKey": b64(pem.as_bytes())}]},
                "payloadHash": {"algorithm": "sha256", "value": payload_hash},
            }},
        }),
    }
    .to_string();
    let version = if case.kind == "intoto" {
        "0.0.2"
    } else {
        "0.0.1"
    };
    let body_b64 = b64(body.as_bytes());
    let log_id = sha256(&spki(&rekor));
    let set = sign(
        &rekor,
        serde_json::json!({"body": body_b64, "integratedTime": T, "logID": hex::encode(&log_id), "logIndex": 7})
            .to_string()
            .as_bytes(),
    );
    let leaf_hash = |b: &[u8]| sha256(&[&[0u8][..], b].concat());
    let sibling = leaf_hash(b"another entry");
    let mine = leaf_hash(body.as_bytes());
    let root_hash = sha256(&[&[1u8][..], &sibling, &mine].concat());
    let mut proof_hash = sibling.clone();
    if case.break_proof {
        proof_hash[0] ^= 1;
    }
    let note = format!("test-log - 1\n2\n{}\n", b64(&root_hash));
    let mut hinted = log_id[..4].to_vec();
    hinted.extend(sign(&rekor, note.as_bytes()));
    let checkpoint = format!("{note}\n\u{2014} test-log {}\n", b64(&hinted));
    let bundle = serde_json::json!({
        "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
        "verificationMaterial": {
            "certificate": {"rawBytes": b64(&leaf_cert)},
            "tlogEntries": [{
                "logIndex": "7", "logId": {"keyId": b64(&log_id)},
                "kindVersion": {"kind": case.kind, "version": version},
                "integratedTime": T.to_string(),
                "inclusionPromise": {"signedEntryTimestamp": b64(&set)},
                "inclusionProof": {"logIndex": "1", "treeSize": "2", "rootHash": b64(&root_hash),
                                   "hashes": [b64(&proof_hash)], "checkpoint": {"envelope": checkpoint}},
                "canonicalizedBody": body_b64,
            }],
        },
    });
    let mut bundle = bundle;
    if case.kind == "hashedrekord" {
        bundle["messageSignature"] = serde_json::json!({
            "messageDigest": {"algorithm": "SHA2_256", "digest": b64(&sha256(ARTIFACT))},
            "signature": b64(&message_sig),
        });
    } else {
        bundle["dsseEnvelope"] = serde_json::json!({"payload": b64(payload.as_bytes()), "payloadType": ptype,
                         "signatures": [{"sig": b64(&dsse_sig), "keyid": ""}]});
    }
    let log = |k: &SigningKey, url: &str| {
        serde_json::json!({"baseUrl": url, "hashAlgorithm": "SHA2_256",
            "publicKey": {"rawBytes": b64(&spki(k)), "keyDetails": "PKIX_ECDSA_P256_SHA_256",
                          "validFor": {"start": "2025-01-01T00:00:00Z"}},
            "logId": {"keyId": b64(&sha256(&spki(k)))}})
    };
    let root = serde_json::json!({
        "mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
        "tlogs": [log(&rekor, "https://log.test.invalid")],
        "certificateAuthorities": [{"subject": {"commonName": "test-ca"}, "uri": "https://ca.test.invalid",
            "certChain": {"certificates": [{"rawBytes": b64(&ca_cert)}]},
            "validFor": {"start": "2025-01-01T00:00:00Z"}}],
        "ctlogs": [log(&ct, "https://ct.test.invalid")],
    });
    Made {
        bundle: bundle.to_string().into_bytes(),
        root: root.to_string().into_bytes(),
    }
}
