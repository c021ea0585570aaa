//! The trusted root: the Fulcio certificate authorities and the Rekor and CT log keys a
//! bundle is checked against, in Sigstore's `trusted_root.json` format.
//!
//! The embedded root is the public-good instance's, as its clients ship it (taken from
//! the sigstore 3.6.1 Python distribution's `_store/prod/trusted_root.json`).

use base64::Engine as _;
use serde::Deserialize;

use crate::crypto::{Cert, Key, sha256};
use customs_model::parse_rfc3339;

/// The embedded trusted root.
pub const EMBEDDED: &str = include_str!("../data/trusted_root.json");

/// A certificate authority: its chain (the issuing certificate first, the root last) and
/// when it may issue.
#[derive(Debug, Clone)]
pub struct Authority {
    pub(crate) chain: Vec<Cert>,
    pub(crate) start: i64,
    pub(crate) end: Option<i64>,
    pub(crate) name: String,
}

/// A transparency log key.
#[derive(Debug, Clone)]
pub struct LogKey {
    pub(crate) key_id: Vec<u8>,
    pub(crate) key: Key,
    pub(crate) start: i64,
    pub(crate) end: Option<i64>,
    pub(crate) url: String,
}

/// The trust anchors.
#[derive(Debug, Clone)]
pub struct TrustedRoot {
    pub(crate) authorities: Vec<Authority>,
    pub(crate) tlogs: Vec<LogKey>,
    pub(crate) ctlogs: Vec<LogKey>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootJson {
    media_type: String,
    #[serde(default)]
    tlogs: Vec<LogJson>,
    #[serde(default)]
    certificate_authorities: Vec<AuthorityJson>,
    #[serde(default)]
    ctlogs: Vec<LogJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LogJson {
    #[serde(default)]
    base_url: String,
    public_key: PublicKeyJson,
    log_id: LogIdJson,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PublicKeyJson {
    raw_bytes: String,
    #[serde(default)]
    valid_for: Option<ValidForJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LogIdJson {
    key_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ValidForJson {
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuthorityJson {
    #[serde(default)]
    uri: String,
    cert_chain: ChainJson,
    #[serde(default)]
    valid_for: Option<ValidForJson>,
}

#[derive(Deserialize)]
struct ChainJson {
    certificates: Vec<RawJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawJson {
    raw_bytes: String,
}

fn b64(s: &str, what: &str) -> Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(s.trim())
        .map_err(|e| format!("{what} is not base64: {e}"))
}

fn window(v: Option<&ValidForJson>, what: &str) -> Result<(i64, Option<i64>), String> {
    let parse = |s: &str| parse_rfc3339(s).ok_or_else(|| format!("{what}: {s:?} is not a time"));
    let start = match v.and_then(|v| v.start.as_deref()) {
        Some(s) => parse(s)?,
        None => i64::MIN,
    };
    let end = v.and_then(|v| v.end.as_deref()).map(parse).transpose()?;
    Ok((start, end))
}

impl TrustedRoot {
    /// The public-good root embedded in customs.
    ///
    /// # Errors
    /// Never in practice: the embedded root is tested.
    pub fn embedded() -> Result<Self, String> {
        Self::parse(EMBEDDED.as_bytes())
    }

    /// The root to use when none is named: the one `customs db update-trust` last
    /// verified (in [`trust_dir`]), else the embedded one.
    ///
    /// # Errors
    /// When the updated root is there but does not parse.
    pub fn current() -> Result<Self, String> {
        let updated = trust_dir().join("trusted_root.json");
        match std::fs::read(&updated) {
            Ok(bytes) => Self::parse(&bytes).map_err(|e| format!("{}: {e}", updated.display())),
            Err(_) => Self::embedded(),
        }
    }

    /// A root from `trusted_root.json` bytes.
    ///
    /// # Errors
    /// When the bytes are not a trusted root, or a key or certificate in it is broken.
    pub fn parse(bytes: &[u8]) -> Result<Self, String> {
        let json: RootJson =
            serde_json::from_slice(bytes).map_err(|e| format!("not a trusted root: {e}"))?;
        if !json
            .media_type
            .starts_with("application/vnd.dev.sigstore.trustedroot")
        {
            return Err(format!(
                "not a trusted root: media type {:?}",
                json.media_type
            ));
        }
        let logs = |list: &[LogJson], what: &str| -> Result<Vec<LogKey>, String> {
            list.iter()
                .map(|l| {
                    let der = b64(&l.public_key.raw_bytes, what)?;
                    let key = Key::from_spki_der(&der)
                        .map_err(|e| format!("{what} {}: {e}", l.base_url))?;
                    let key_id = b64(&l.log_id.key_id, what)?;
                    if key_id != sha256(&der) {
                        return Err(format!(
                            "{what} {}: the log id is not the key's digest",
                            l.base_url
                        ));
                    }
                    let (start, end) = window(l.public_key.valid_for.as_ref(), what)?;
                    Ok(LogKey {
                        key_id,
                        key,
                        start,
                        end,
                        url: l.base_url.clone(),
                    })
                })
                .collect()
        };
        let authorities = json
            .certificate_authorities
            .iter()
            .map(|a| {
                let chain = a
                    .cert_chain
                    .certificates
                    .iter()
                    .map(|c| {
                        let der = b64(&c.raw_bytes, "a CA certificate")?;
                        Cert::from_der(der)
                            .map_err(|e| format!("a CA certificate of {} is broken: {e}", a.uri))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                if chain.is_empty() {
                    return Err(format!("the CA {} has no certificates", a.uri));
                }
                let (start, end) = window(a.valid_for.as_ref(), "a CA")?;
                Ok(Authority {
                    chain,
                    start,
                    end,
                    name: a.uri.clone(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            authorities,
            tlogs: logs(&json.tlogs, "the transparency log")?,
            ctlogs: logs(&json.ctlogs, "the CT log")?,
        })
    }

    pub(crate) fn tlog(&self, key_id: &[u8]) -> Option<&LogKey> {
        self.tlogs.iter().find(|l| l.key_id == key_id)
    }
}

/// Where `customs db update-trust` keeps the roots it verified: `$CUSTOMS_TRUST_DIR`, else
/// `$XDG_DATA_HOME/customs/trust`, else `~/.local/share/customs/trust`.
#[must_use]
pub fn trust_dir() -> std::path::PathBuf {
    use std::path::PathBuf;
    if let Some(d) = std::env::var_os("CUSTOMS_TRUST_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("customs/trust");
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(h) => PathBuf::from(h).join(".local/share/customs/trust"),
        None => std::env::temp_dir().join("customs-trust"),
    }
}
