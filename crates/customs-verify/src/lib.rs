//! Offline verification of Sigstore bundles: npm provenance and PEP 740 attestations say
//! which repository, workflow, ref and commit built an artifact, signed with a
//! short-lived Fulcio certificate and recorded in Rekor. Checked here, with no network,
//! against a trusted root (embedded, or given):
//!
//! 1. the signing certificate chains to a Fulcio CA of the root, and was valid at the time
//!    the log integrated the entry (and the CA was, by the root's own dates);
//! 2. the log entry is proven: its signed entry timestamp checks with the log's key, and
//!    its inclusion proof leads to the root hash of a checkpoint the log signed;
//! 3. the entry's body is this bundle's: same signature, same certificate, same payload
//!    digest;
//! 4. the DSSE signature covers the statement (pre-authentication encoding), or the
//!    message signature covers the artifact;
//! 5. the statement's subject digest is the artifact's digest.
//!
//! 6. the certificate's signed certificate timestamp is signed by a CT log of the root.
//!
//! What is not checked yet: RFC 3161 timestamps (the log's integrated time is the time).

mod crypto;
mod merkle;
mod root;
mod sct;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod tuf;

use base64::Engine as _;
use serde::Deserialize;
use sha2::Digest as _;
use x509_cert::der::Decode as _;
use x509_cert::spki::ObjectIdentifier;

pub use root::{EMBEDDED, TrustedRoot, trust_dir};

use crypto::{Cert, Hash, Key, sha256};

/// Who built an artifact, as its verified certificate says (defined with the other
/// data every surface shares, in `customs-model`).
pub use customs_model::SignerIdentity as Identity;

/// The identity a bundle must carry, when pinned: each field set must match.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// `owner/name`.
    pub repository: Option<String>,
    /// The workflow file (compared by file name).
    pub workflow: Option<String>,
    /// The OIDC issuer.
    pub issuer: Option<String>,
}

impl Expected {
    /// Why `id` is not the expected identity, if it is not.
    #[must_use]
    pub fn mismatch(&self, id: &Identity) -> Option<String> {
        let file = |w: &str| w.rsplit('/').next().unwrap_or(w).to_owned();
        let mut out = Vec::new();
        if let Some(r) = &self.repository
            && !id
                .repository
                .as_deref()
                .is_some_and(|got| got.eq_ignore_ascii_case(r))
        {
            out.push(format!(
                "built from {}, not {r}",
                id.repository.as_deref().unwrap_or("an unnamed repository")
            ));
        }
        if let Some(w) = &self.workflow
            && id.workflow.as_deref().map(file) != Some(file(w))
        {
            out.push(format!(
                "built by {}, not {w}",
                id.workflow.as_deref().unwrap_or("an unnamed workflow")
            ));
        }
        if let Some(i) = &self.issuer
            && id.issuer.as_deref() != Some(i.as_str())
        {
            out.push(format!(
                "vouched for by {}, not {i}",
                id.issuer.as_deref().unwrap_or("no issuer")
            ));
        }
        (!out.is_empty()).then(|| format!("the identity is not the pinned one: {}", out.join("; ")))
    }
}

/// Why a bundle did not verify: the reason, and (kept by the verifier, read with
/// [`Failure::is_incomplete`]) whether the bundle was not a complete bundle at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub String, bool);

/// The digests of an artifact that a bundle may name it by: all that verification needs
/// of the artifact, so that a large one is hashed as it streams, never held whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArtifactDigests {
    /// sha256.
    pub sha256: [u8; 32],
    /// sha512.
    pub sha512: [u8; 64],
}

impl ArtifactDigests {
    /// The digests of bytes in memory.
    #[must_use]
    pub fn of(artifact: &[u8]) -> Self {
        Self {
            sha256: sha2::Sha256::digest(artifact).into(),
            sha512: sha2::Sha512::digest(artifact).into(),
        }
    }

    /// The digests of what `reader` gives, read a buffer at a time.
    ///
    /// # Errors
    /// When the reader fails.
    pub fn of_reader(mut reader: impl std::io::Read) -> std::io::Result<Self> {
        let mut sha256 = sha2::Sha256::new();
        let mut sha512 = sha2::Sha512::new();
        let mut buf = vec![0u8; 64 << 10];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    sha256.update(&buf[..n]);
                    sha512.update(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Self {
            sha256: sha256.finalize().into(),
            sha512: sha512.finalize().into(),
        })
    }
}

/// [`verify_digests`], then the identity held to `expected`.
///
/// # Errors
/// As [`verify`], or when the identity is not the pinned one.
pub fn verify_expecting(
    artifact: &ArtifactDigests,
    bundle: &[u8],
    root: &TrustedRoot,
    expected: &Expected,
) -> Result<Identity, Failure> {
    let id = verify_digests(artifact, bundle, root)?;
    match expected.mismatch(&id) {
        Some(m) => Err(Failure::of(m)),
        None => Ok(id),
    }
}

impl Failure {
    /// Whether the bundle is not a complete bundle at all (no certificate, no log entry,
    /// not the bundle format), as opposed to a complete one that fails a check.
    #[must_use]
    pub fn is_incomplete(&self) -> bool {
        self.1
    }

    /// A check that failed.
    pub fn of(reason: impl Into<String>) -> Self {
        Self(reason.into(), false)
    }

    /// Not a complete bundle: nothing could be checked.
    fn incomplete(reason: impl Into<String>) -> Self {
        Self(reason.into(), true)
    }
}

fn fail<T>(m: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::of(m))
}

fn incomplete<T>(m: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::incomplete(m))
}

fn b64(s: &str, what: &str) -> Result<Vec<u8>, Failure> {
    base64::engine::general_purpose::STANDARD
        .decode(s.trim())
        .map_err(|e| Failure::of(format!("{what} is not base64: {e}")))
}

// The bundle, as its JSON form spells it (media types 0.1, 0.2 and 0.3).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Bundle {
    media_type: String,
    verification_material: Material,
    #[serde(default)]
    dsse_envelope: Option<Envelope>,
    #[serde(default)]
    message_signature: Option<MessageSignature>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Material {
    #[serde(default)]
    x509_certificate_chain: Option<Chain>,
    #[serde(default)]
    certificate: Option<Raw>,
    #[serde(default)]
    tlog_entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Chain {
    certificates: Vec<Raw>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
    raw_bytes: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    log_index: String,
    log_id: LogId,
    kind_version: KindVersion,
    integrated_time: String,
    #[serde(default)]
    inclusion_promise: Option<Promise>,
    #[serde(default)]
    inclusion_proof: Option<Proof>,
    canonicalized_body: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LogId {
    key_id: String,
}

#[derive(Deserialize)]
struct KindVersion {
    kind: String,
    version: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Promise {
    signed_entry_timestamp: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Proof {
    log_index: String,
    root_hash: String,
    tree_size: String,
    hashes: Vec<String>,
    #[serde(default)]
    checkpoint: Option<Checkpoint>,
}

#[derive(Deserialize)]
struct Checkpoint {
    envelope: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    payload: String,
    payload_type: String,
    signatures: Vec<EnvelopeSignature>,
}

#[derive(Deserialize)]
struct EnvelopeSignature {
    sig: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MessageSignature {
    #[serde(default)]
    message_digest: Option<MessageDigest>,
    signature: String,
}

#[derive(Deserialize)]
struct MessageDigest {
    digest: String,
}

/// The DSSE pre-authentication encoding: what a DSSE signature covers.
fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {payload_type} {} ",
        payload_type.len(),
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// Verifies `bundle` (JSON) for `artifact` against `root`: the identity that built it.
///
/// # Errors
/// A [`Failure`] naming the check that failed.
pub fn verify(artifact: &[u8], bundle: &[u8], root: &TrustedRoot) -> Result<Identity, Failure> {
    verify_digests(&ArtifactDigests::of(artifact), bundle, root)
}

/// [`verify`] for an artifact known by its digests.
///
/// # Errors
/// As [`verify`].
pub fn verify_digests(
    artifact: &ArtifactDigests,
    bundle: &[u8],
    root: &TrustedRoot,
) -> Result<Identity, Failure> {
    let bundle: Bundle = serde_json::from_slice(bundle)
        .map_err(|e| Failure::incomplete(format!("not a Sigstore bundle: {e}")))?;
    if !bundle
        .media_type
        .starts_with("application/vnd.dev.sigstore.bundle")
    {
        return incomplete(format!(
            "not a Sigstore bundle: media type {:?}",
            bundle.media_type
        ));
    }
    let m = &bundle.verification_material;
    let leaf_der = match (&m.x509_certificate_chain, &m.certificate) {
        (_, Some(c)) => b64(&c.raw_bytes, "the certificate")?,
        (Some(chain), None) => match chain.certificates.first() {
            Some(c) => b64(&c.raw_bytes, "the certificate")?,
            None => return incomplete("the bundle has no certificate"),
        },
        (None, None) => {
            return incomplete(
                "the bundle has no certificate (public-key bundles are not supported)",
            );
        }
    };
    let leaf_cert = Cert::from_der(leaf_der.clone())
        .map_err(|e| Failure::of(format!("the certificate is broken: {e}")))?;
    let leaf = &leaf_cert.cert;

    // 2. The log entry.
    let Some(entry) = m.tlog_entries.first() else {
        return incomplete("the bundle has no transparency log entry");
    };
    let integrated: i64 = entry
        .integrated_time
        .parse()
        .map_err(|_| Failure::of("the log entry's integrated time is not a number"))?;
    let log_index: u64 = entry
        .log_index
        .parse()
        .map_err(|_| Failure::of("the log entry's index is not a number"))?;
    let key_id = b64(&entry.log_id.key_id, "the log id")?;
    let log = root
        .tlog(&key_id)
        .ok_or_else(|| Failure::of("the log entry is from a log the trusted root does not know"))?;
    if integrated < log.start || log.end.is_some_and(|e| integrated > e) {
        return fail(format!(
            "the log key of {} was not valid at the entry's time",
            log.url
        ));
    }
    let body = b64(&entry.canonicalized_body, "the log entry's body")?;
    let mut proven = false;
    if let Some(promise) = &entry.inclusion_promise {
        let set = b64(
            &promise.signed_entry_timestamp,
            "the signed entry timestamp",
        )?;
        // The canonical JSON of the entry, keys in order.
        let signed = serde_json::json!({
            "body": entry.canonicalized_body.trim(),
            "integratedTime": integrated,
            "logID": hex::encode(&key_id),
            "logIndex": log_index,
        })
        .to_string();
        log.key
            .verify(signed.as_bytes(), &set, Hash::Sha256)
            .map_err(|e| Failure::of(format!("the signed entry timestamp does not verify: {e}")))?;
        proven = true;
    }
    if let Some(proof) = &entry.inclusion_proof {
        let index: u64 = proof
            .log_index
            .parse()
            .map_err(|_| Failure::of("the inclusion proof's index is not a number"))?;
        let size: u64 = proof
            .tree_size
            .parse()
            .map_err(|_| Failure::of("the inclusion proof's tree size is not a number"))?;
        let hashes = proof
            .hashes
            .iter()
            .map(|h| b64(h, "an inclusion proof hash"))
            .collect::<Result<Vec<_>, _>>()?;
        let root_hash = b64(&proof.root_hash, "the inclusion proof's root")?;
        let computed = merkle::root_from_proof(index, size, merkle::leaf_hash(&body), &hashes)
            .map_err(|e| Failure::of(format!("the inclusion proof is broken: {e}")))?;
        if computed.as_slice() != root_hash.as_slice() {
            return fail("the inclusion proof does not lead to the log's root hash");
        }
        match &proof.checkpoint {
            Some(c) => {
                let cp = merkle::checkpoint(&c.envelope, &log.key, &key_id)
                    .map_err(|e| Failure::of(format!("the checkpoint: {e}")))?;
                if cp.size != size || cp.root != root_hash {
                    return fail("the checkpoint is not of the tree the inclusion proof is about");
                }
                proven = true;
            }
            None if !proven => {
                return fail(
                    "the inclusion proof has no signed checkpoint and the entry no signed timestamp",
                );
            }
            None => {}
        }
    }
    if !proven {
        return fail(
            "the log entry is not proven: no signed entry timestamp and no inclusion proof",
        );
    }

    // 1. The certificate chain, at the integrated time.
    let validity = leaf.tbs_certificate().validity();
    let not_before =
        i64::try_from(validity.not_before.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    let not_after = i64::try_from(validity.not_after.to_unix_duration().as_secs()).unwrap_or(0);
    if integrated < not_before || integrated > not_after {
        return fail(format!(
            "the certificate was not valid when the log integrated the entry ({integrated} is outside {not_before}..{not_after})"
        ));
    }
    let mut chained = None;
    let mut why = String::from("the trusted root has no certificate authority");
    for ca in &root.authorities {
        if integrated < ca.start || ca.end.is_some_and(|e| integrated > e) {
            why = format!("no certificate authority of the trusted root was valid at {integrated}");
            continue;
        }
        match chain_to(&leaf_cert, &ca.chain) {
            Ok(issuer) => {
                chained = Some(issuer);
                break;
            }
            Err(e) => {
                why = format!(
                    "the certificate does not chain to the trusted root's CA {}: {e}",
                    ca.name
                )
            }
        }
    }
    let Some(issuer) = chained else {
        return Err(Failure::of(why));
    };
    sct::verify(&leaf_cert, issuer, root)
        .map_err(|e| Failure::of(format!("the certificate transparency check failed: {e}")))?;
    // Fulcio issues signing certificates for code signing only.
    let code_signing = leaf
        .tbs_certificate()
        .get_extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
        .ok()
        .flatten()
        .is_some_and(|(_, eku)| {
            eku.0
                .iter()
                .any(|u| *u == ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.3"))
        });
    if !code_signing {
        return fail("the certificate is not a code-signing certificate");
    }
    let key = Key::of_certificate(leaf)
        .map_err(|e| Failure::of(format!("the certificate's key: {e}")))?;

    // 3 and 4: the signature, and the log entry's body is this bundle's.
    let body_json: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| Failure::of(format!("the log entry's body is not JSON: {e}")))?;
    let kind = (
        entry.kind_version.kind.as_str(),
        entry.kind_version.version.as_str(),
    );
    let digest_ok = match (&bundle.dsse_envelope, &bundle.message_signature) {
        (Some(env), _) => {
            let payload = b64(&env.payload, "the DSSE payload")?;
            let Some(sig) = env.signatures.first() else {
                return fail("the DSSE envelope has no signature");
            };
            let sig_bytes = b64(&sig.sig, "the DSSE signature")?;
            key.verify(
                &pae(&env.payload_type, &payload),
                &sig_bytes,
                key.default_hash(),
            )
            .map_err(|e| {
                Failure::of(format!(
                    "the DSSE signature does not cover the statement: {e}"
                ))
            })?;
            body_matches_dsse(kind, &body_json, env, &payload, &sig_bytes, &leaf_der)?;
            subject_matches(&payload, artifact)?
        }
        (None, Some(ms)) => {
            let sig_bytes = b64(&ms.signature, "the message signature")?;
            let artifact_digest = artifact.sha256;
            if let Some(d) = &ms.message_digest
                && b64(&d.digest, "the message digest")? != artifact_digest.as_slice()
            {
                return fail("the bundle's message digest is not the artifact's");
            }
            key.verify_digest(&artifact_digest, &sig_bytes)
                .map_err(|e| {
                    Failure::of(format!(
                        "the message signature does not cover the artifact: {e}"
                    ))
                })?;
            body_matches_hashedrekord(kind, &body_json, &artifact_digest, &sig_bytes, &leaf_der)?;
            true
        }
        (None, None) => {
            return incomplete("the bundle has neither a DSSE envelope nor a message signature");
        }
    };
    if !digest_ok {
        return fail("the statement's subject digest is not the artifact's");
    }
    let mut identity = identity_of(leaf);
    identity.log_index = Some(log_index);
    identity.integrated_time = Some(integrated);
    Ok(identity)
}

/// `leaf` chains through the CA's certificates (in whatever order the root lists them) to
/// a self-signed one: the certificate that signed the leaf.
fn chain_to<'a>(leaf: &Cert, chain: &'a [Cert]) -> Result<&'a Cert, String> {
    let mut leaf_issuer = None;
    let mut current = leaf;
    let mut used = vec![false; chain.len()];
    loop {
        let next = chain
            .iter()
            .enumerate()
            .find(|(i, issuer)| !used[*i] && crypto::signed_by(current, issuer).is_ok());
        let Some((i, issuer)) = next else {
            return Err(format!(
                "no certificate of the CA signed {}",
                if std::ptr::eq(current, leaf) {
                    "the signing certificate".to_owned()
                } else {
                    current.cert.tbs_certificate().subject().to_string()
                }
            ));
        };
        used[i] = true;
        let first = *leaf_issuer.get_or_insert(issuer);
        if std::ptr::eq(issuer, current) || crypto::signed_by(issuer, issuer).is_ok() {
            return Ok(first);
        }
        current = issuer;
    }
}

/// The statement's subjects include the artifact's sha256 or sha512.
fn subject_matches(payload: &[u8], artifact: &ArtifactDigests) -> Result<bool, Failure> {
    let statement: serde_json::Value = serde_json::from_slice(payload)
        .map_err(|e| Failure::of(format!("the statement is not JSON: {e}")))?;
    let Some(subjects) = statement.get("subject").and_then(|s| s.as_array()) else {
        return fail("the statement has no subject");
    };
    let sha256 = hex::encode(artifact.sha256);
    let sha512 = hex::encode(artifact.sha512);
    Ok(subjects.iter().any(|s| {
        let d = &s["digest"];
        d["sha256"]
            .as_str()
            .is_some_and(|h| h.eq_ignore_ascii_case(&sha256))
            || d["sha512"]
                .as_str()
                .is_some_and(|h| h.eq_ignore_ascii_case(&sha512))
    }))
}

/// A PEM certificate (as Rekor bodies carry it) as DER.
fn pem_der(pem: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(pem).ok()?;
    let inner: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(inner.trim())
        .ok()
}

fn body_matches_dsse(
    kind: (&str, &str),
    body: &serde_json::Value,
    env: &Envelope,
    payload: &[u8],
    sig: &[u8],
    leaf_der: &[u8],
) -> Result<(), Failure> {
    let payload_hash = hex::encode(sha256(payload));
    let (hash, sigs) = match kind {
        ("intoto", "0.0.2") => {
            let content = &body["spec"]["content"];
            (
                content["payloadHash"]["value"].as_str(),
                content["envelope"]["signatures"].as_array(),
            )
        }
        ("dsse", "0.0.1") => (
            body["spec"]["payloadHash"]["value"].as_str(),
            body["spec"]["signatures"].as_array(),
        ),
        (k, v) => {
            return fail(format!(
                "log entries of kind {k} {v} are not supported for DSSE bundles"
            ));
        }
    };
    if hash != Some(payload_hash.as_str()) {
        return fail("the log entry's body is of another payload than the bundle's");
    }
    if body["spec"]["content"]["envelope"]["payloadType"]
        .as_str()
        .is_some_and(|t| t != env.payload_type)
    {
        return fail("the log entry's body is of another payload type than the bundle's");
    }
    let Some(sigs) = sigs else {
        return fail("the log entry's body has no signatures");
    };
    let matched = sigs.iter().any(|s| {
        // intoto 0.0.2 keeps the signature and key base64-encoded twice; dsse 0.0.1 once.
        let (sig_field, key_field) = match kind.0 {
            "intoto" => (&s["sig"], &s["publicKey"]),
            _ => (&s["signature"], &s["verifier"]),
        };
        let decode = |v: &serde_json::Value| {
            v.as_str()
                .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok())
        };
        let body_sig = decode(sig_field).map(|once| {
            if kind.0 == "intoto" {
                base64::engine::general_purpose::STANDARD
                    .decode(&once)
                    .unwrap_or_default()
            } else {
                once
            }
        });
        let body_cert = decode(key_field).and_then(|pem| pem_der(&pem));
        body_sig.as_deref() == Some(sig) && body_cert.as_deref() == Some(leaf_der)
    });
    if !matched {
        return fail("the log entry's body does not hold the bundle's signature and certificate");
    }
    Ok(())
}

fn body_matches_hashedrekord(
    kind: (&str, &str),
    body: &serde_json::Value,
    digest: &[u8],
    sig: &[u8],
    leaf_der: &[u8],
) -> Result<(), Failure> {
    if kind != ("hashedrekord", "0.0.1") {
        return fail(format!(
            "log entries of kind {} {} are not supported for message signatures",
            kind.0, kind.1
        ));
    }
    let spec = &body["spec"];
    if spec["data"]["hash"]["value"].as_str() != Some(hex::encode(digest).as_str()) {
        return fail("the log entry's body is of another artifact");
    }
    let decode = |v: &serde_json::Value| {
        v.as_str()
            .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok())
    };
    if decode(&spec["signature"]["content"]).as_deref() != Some(sig) {
        return fail("the log entry's body holds another signature");
    }
    if decode(&spec["signature"]["publicKey"]["content"])
        .and_then(|p| pem_der(&p))
        .as_deref()
        != Some(leaf_der)
    {
        return fail("the log entry's body holds another certificate");
    }
    Ok(())
}

/// Fulcio's certificate extensions (1.3.6.1.4.1.57264.1.N).
fn fulcio(n: u32) -> ObjectIdentifier {
    ObjectIdentifier::new(&format!("1.3.6.1.4.1.57264.1.{n}"))
        .unwrap_or(ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1"))
}

fn identity_of(cert: &x509_cert::Certificate) -> Identity {
    let exts = cert
        .tbs_certificate()
        .extensions()
        .map(|e| e.as_slice())
        .unwrap_or_default();
    let raw = |n: u32| -> Option<Vec<u8>> {
        let oid = fulcio(n);
        exts.iter()
            .find(|e| e.extn_id == oid)
            .map(|e| e.extn_value.as_bytes().to_vec())
    };
    // Extensions 8 and later hold a DER UTF8String; 1 to 6 the raw text.
    let utf8 = |n: u32| -> Option<String> {
        raw(n).and_then(|v| {
            x509_cert::der::asn1::Utf8StringRef::from_der(&v)
                .ok()
                .map(|s| s.as_str().to_owned())
        })
    };
    let text = |n: u32| raw(n).and_then(|v| String::from_utf8(v).ok());
    let san = cert
        .tbs_certificate()
        .get_extension::<x509_cert::ext::pkix::SubjectAltName>()
        .ok()
        .flatten()
        .and_then(|(_, san)| {
            san.0.iter().find_map(|n| match n {
                x509_cert::ext::pkix::name::GeneralName::UniformResourceIdentifier(u) => {
                    Some(u.as_str().to_owned())
                }
                x509_cert::ext::pkix::name::GeneralName::Rfc822Name(m) => {
                    Some(m.as_str().to_owned())
                }
                _ => None,
            })
        });
    let repository = utf8(12).or_else(|| text(5).map(|r| format!("https://github.com/{r}")));
    let repository = repository.map(|r| {
        r.split_once("://")
            .map_or(r.as_str(), |(_, rest)| {
                rest.split_once('/').map_or(rest, |(_, p)| p)
            })
            .to_owned()
    });
    // The build config URI (or the signer URI): https://host/owner/repo/PATH@REF.
    let workflow = utf8(18).or_else(|| utf8(9)).and_then(|u| {
        let path = u.split_once('@').map_or(u.as_str(), |(p, _)| p).to_owned();
        repository
            .as_ref()
            .and_then(|r| path.split_once(&format!("{r}/")).map(|(_, w)| w.to_owned()))
    });
    Identity {
        issuer: utf8(8).or_else(|| text(1)),
        identity: san,
        repository,
        workflow,
        git_ref: utf8(14).or_else(|| text(6)),
        commit: utf8(13).or_else(|| text(3)),
        trigger: utf8(20).or_else(|| text(2)),
        log_index: None,
        integrated_time: None,
    }
}

/// The SLSA provenance bundle in an npm registry attestations document
/// (`{"attestations": [{"predicateType": …, "bundle": {…}}]}`), if it holds one.
///
/// # Errors
/// When the document is not JSON.
pub fn bundle_from_npm_attestations(doc: &[u8]) -> Result<Option<Vec<u8>>, Failure> {
    let v: serde_json::Value = serde_json::from_slice(doc)
        .map_err(|e| Failure::of(format!("the attestations document is not JSON: {e}")))?;
    Ok(v["attestations"].as_array().and_then(|list| {
        list.iter()
            .find(|a| {
                a["predicateType"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("https://slsa.dev/provenance/"))
            })
            .map(|a| a["bundle"].to_string().into_bytes())
    }))
}

/// The bundles of a PEP 740 provenance object (`{"attestation_bundles": [{"attestations":
/// [...]}]}`): each attestation becomes the Sigstore bundle (media type 0.3) it stands
/// for — its certificate, its transparency log entries, and its DSSE envelope of an
/// in-toto statement.
///
/// # Errors
/// When the object is not JSON or an attestation lacks one of those parts.
pub fn bundles_from_pep740(doc: &[u8]) -> Result<Vec<Vec<u8>>, Failure> {
    let v: serde_json::Value = serde_json::from_slice(doc)
        .map_err(|e| Failure::of(format!("the provenance object is not JSON: {e}")))?;
    let mut out = Vec::new();
    for group in v["attestation_bundles"].as_array().into_iter().flatten() {
        for a in group["attestations"].as_array().into_iter().flatten() {
            let material = &a["verification_material"];
            let (Some(cert), Some(entries), Some(statement), Some(signature)) = (
                material["certificate"].as_str(),
                material["transparency_entries"].as_array(),
                a["envelope"]["statement"].as_str(),
                a["envelope"]["signature"].as_str(),
            ) else {
                return fail(
                    "a PEP 740 attestation lacks its certificate, log entries or envelope",
                );
            };
            let bundle = serde_json::json!({
                "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
                "verificationMaterial": {
                    "certificate": {"rawBytes": cert},
                    "tlogEntries": entries,
                },
                "dsseEnvelope": {
                    "payload": statement,
                    "payloadType": "application/vnd.in-toto+json",
                    "signatures": [{"sig": signature}],
                },
            });
            out.push(bundle.to_string().into_bytes());
        }
    }
    Ok(out)
}

/// Checks npm registry signatures (`dist.signatures`) of `name@version` with the
/// registry's keys (`/-/npm/v1/keys`): the signed message is
/// `name@version:integrity`. A key that expired counts for releases published before it
/// expired. The id of the key that verified.
///
/// # Errors
/// When no signature verifies with a key of the registry: the reason.
pub fn npm_registry_signature(
    name: &str,
    version: &str,
    integrity: &str,
    signatures: &[(String, String)],
    keys: &[u8],
    published: Option<i64>,
) -> Result<String, Failure> {
    let doc: serde_json::Value = serde_json::from_slice(keys)
        .map_err(|e| Failure::of(format!("the registry's keys are not JSON: {e}")))?;
    let message = format!("{name}@{version}:{integrity}");
    let mut why = String::from("the release carries no registry signature");
    for (keyid, sig) in signatures {
        let Some(k) = doc["keys"].as_array().and_then(|ks| {
            ks.iter()
                .find(|k| k["keyid"].as_str() == Some(keyid.as_str()))
        }) else {
            why = format!(
                "the registry signature is by a key the registry does not publish ({keyid})"
            );
            continue;
        };
        if let Some(expires) = k["expires"].as_str().and_then(customs_model::parse_rfc3339)
            && published.is_none_or(|p| p > expires)
        {
            why = format!("the registry key {keyid} had expired when the release was published");
            continue;
        }
        let key = b64(k["key"].as_str().unwrap_or(""), "the registry key")
            .and_then(|der| Key::from_spki_der(&der).map_err(Failure::of))?;
        let sig = b64(sig, "the registry signature")?;
        match key.verify(message.as_bytes(), &sig, Hash::Sha256) {
            Ok(()) => return Ok(keyid.clone()),
            Err(e) => why = format!("the registry signature of {message} does not verify: {e}"),
        }
    }
    Err(Failure::of(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_root_loads() {
        let root = TrustedRoot::embedded().expect("loads");
        assert!(!root.authorities.is_empty());
        assert!(!root.tlogs.is_empty());
        assert_eq!(pae("t", b"ab"), b"DSSEv1 1 t 2 ab");
    }
}
