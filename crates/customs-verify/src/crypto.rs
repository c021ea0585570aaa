//! Signatures: ECDSA over P-256 and P-384 (what Fulcio, Rekor and the CT logs of the
//! public-good instance use), keys in SubjectPublicKeyInfo or certificates.

use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
use sha2::Digest as _;
use x509_cert::der::Decode as _;
use x509_cert::spki::ObjectIdentifier;

const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");

/// A public key customs can check signatures with.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
}

/// The hash a signature was made over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Sha256,
    Sha384,
}

impl Key {
    /// A key from SubjectPublicKeyInfo DER.
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self, String> {
        let spki = x509_cert::spki::SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|e| format!("not a public key: {e}"))?;
        Self::from_spki(
            &spki.algorithm.oid,
            spki.algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok()),
            spki.subject_public_key.raw_bytes(),
        )
    }

    /// The key of a certificate.
    pub(crate) fn of_certificate(cert: &x509_cert::Certificate) -> Result<Self, String> {
        let spki = cert.tbs_certificate().subject_public_key_info();
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        Self::from_spki(
            &spki.algorithm.oid,
            curve,
            spki.subject_public_key.raw_bytes(),
        )
    }

    fn from_spki(
        algorithm: &ObjectIdentifier,
        curve: Option<ObjectIdentifier>,
        point: &[u8],
    ) -> Result<Self, String> {
        if *algorithm != EC_PUBLIC_KEY {
            return Err(format!(
                "keys of type {algorithm} are not supported (ECDSA only)"
            ));
        }
        match curve {
            Some(c) if c == P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map(Self::P256)
                .map_err(|e| format!("a broken P-256 key: {e}")),
            Some(c) if c == P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map(Self::P384)
                .map_err(|e| format!("a broken P-384 key: {e}")),
            other => Err(format!("the curve {other:?} is not supported")),
        }
    }

    /// Checks a DER ECDSA signature over `message`, hashed with `hash`.
    pub(crate) fn verify(
        &self,
        message: &[u8],
        signature: &[u8],
        hash: Hash,
    ) -> Result<(), String> {
        let digest: Vec<u8> = match hash {
            Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
        };
        self.verify_digest(&digest, signature)
    }

    /// Checks a DER ECDSA signature over a message's `digest`.
    pub(crate) fn verify_digest(&self, digest: &[u8], signature: &[u8]) -> Result<(), String> {
        let bad = |e: &dyn std::fmt::Display| format!("the signature does not verify: {e}");
        match self {
            Self::P256(k) => {
                let sig = p256::ecdsa::Signature::from_der(signature).map_err(|e| bad(&e))?;
                k.verify_prehash(digest, &sig).map_err(|e| bad(&e))
            }
            Self::P384(k) => {
                let sig = p384::ecdsa::Signature::from_der(signature).map_err(|e| bad(&e))?;
                k.verify_prehash(digest, &sig).map_err(|e| bad(&e))
            }
        }
    }

    /// The hash that goes with this key when nothing else says (P-256: SHA-256).
    pub(crate) fn default_hash(&self) -> Hash {
        match self {
            Self::P256(_) => Hash::Sha256,
            Self::P384(_) => Hash::Sha384,
        }
    }
}

/// A certificate with the bytes it came as (its signature covers those bytes, not a
/// re-encoding of them).
#[derive(Debug, Clone)]
pub(crate) struct Cert {
    pub(crate) cert: x509_cert::Certificate,
    pub(crate) der: Vec<u8>,
}

impl Cert {
    pub(crate) fn from_der(der: Vec<u8>) -> Result<Self, String> {
        use x509_cert::der::Decode as _;
        let cert = x509_cert::Certificate::from_der(&der).map_err(|e| e.to_string())?;
        Ok(Self { cert, der })
    }
}

/// The header length and content length of the DER element at the start of `b`.
pub(crate) fn der_element(b: &[u8]) -> Option<(usize, usize)> {
    let first = *b.get(1)?;
    if first < 0x80 {
        return Some((2, usize::from(first)));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = (len << 8) | usize::from(*b.get(2 + i)?);
    }
    Some((2 + n, len))
}

/// The to-be-signed part of a certificate, as encoded.
pub(crate) fn tbs_bytes(der: &[u8]) -> Option<&[u8]> {
    let (outer_header, _) = der_element(der)?;
    let inner = der.get(outer_header..)?;
    let (h, len) = der_element(inner)?;
    inner.get(..h + len)
}

/// Whether `issuer` signed `cert`.
pub(crate) fn signed_by(cert: &Cert, issuer: &Cert) -> Result<(), String> {
    let (der, cert, issuer) = (&cert.der, &cert.cert, &issuer.cert);
    let algorithm = &cert.signature_algorithm().oid;
    let hash = if *algorithm == ECDSA_SHA256 {
        Hash::Sha256
    } else if *algorithm == ECDSA_SHA384 {
        Hash::Sha384
    } else {
        return Err(format!(
            "certificates signed with {algorithm} are not supported"
        ));
    };
    let tbs = tbs_bytes(der).ok_or("the certificate's encoding is broken")?;
    let signature = cert
        .signature()
        .as_bytes()
        .ok_or("the certificate's signature is not whole bytes")?;
    Key::of_certificate(issuer)?.verify(tbs, signature, hash)
}

/// SHA-256 of bytes.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(bytes).into()
}
