//! Signed certificate timestamps (RFC 6962): the CT log's promise, embedded in the
//! signing certificate, that the certificate was logged. Checked against the CT log keys
//! of the trusted root.

use crate::crypto::{Cert, Hash, der_element, sha256, tbs_bytes};
use crate::root::TrustedRoot;

/// The DER of the SCT list extension's OID, 1.3.6.1.4.1.11129.2.4.2.
const SCT_OID: &[u8] = &[
    0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02,
];

/// The elements of a DER constructed value's content, each with its header.
fn elements(mut content: &[u8]) -> Option<Vec<&[u8]>> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let (h, len) = der_element(content)?;
        let whole = content.get(..h + len)?;
        out.push(whole);
        content = &content[h + len..];
    }
    Some(out)
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(content);
    out
}

fn content(element: &[u8]) -> Option<&[u8]> {
    let (h, len) = der_element(element)?;
    element.get(h..h + len)
}

/// The leaf's TBS without the SCT list extension (what the log signed), and the list.
fn precert(leaf: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let tbs = tbs_bytes(leaf)?;
    let fields = elements(content(tbs)?)?;
    let mut list = None;
    let mut rebuilt = Vec::new();
    for f in fields {
        if f.first() == Some(&0xa3) {
            let seq = content(f)?;
            let mut kept = Vec::new();
            for ext in elements(content(seq)?)? {
                let parts = elements(content(ext)?)?;
                if parts.first() == Some(&SCT_OID) {
                    // extnValue: OCTET STRING holding an OCTET STRING holding the list.
                    let outer = content(parts.last()?)?;
                    list = Some(content(outer)?.to_vec());
                } else {
                    kept.extend_from_slice(ext);
                }
            }
            rebuilt.extend(tlv(0xa3, &tlv(0x30, &kept)));
        } else {
            rebuilt.extend_from_slice(f);
        }
    }
    Some((tlv(0x30, &rebuilt), list?))
}

fn take<'a>(b: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, rest) = (b.get(..n)?, b.get(n..)?);
    *b = rest;
    Some(head)
}

fn u16_len(b: &mut &[u8]) -> Option<usize> {
    take(b, 2).map(|x| usize::from(u16::from_be_bytes([x[0], x[1]])))
}

/// Checks the embedded SCTs: at least one must be signed by a CT log of the root that
/// was valid at its time. The number verified.
pub(crate) fn verify(leaf: &Cert, issuer: &Cert, root: &TrustedRoot) -> Result<usize, String> {
    let (tbs, list) =
        precert(&leaf.der).ok_or("the certificate has no signed certificate timestamp")?;
    let issuer_spki = {
        use x509_cert::der::Encode as _;
        issuer
            .cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| e.to_string())?
    };
    let issuer_key_hash = sha256(&issuer_spki);
    let mut b = list.as_slice();
    let total = u16_len(&mut b).ok_or("the SCT list is truncated")?;
    let mut b = b.get(..total).ok_or("the SCT list is truncated")?;
    let mut verified = 0;
    let mut why = String::from("the certificate has no signed certificate timestamp");
    while !b.is_empty() {
        let len = u16_len(&mut b).ok_or("an SCT is truncated")?;
        let mut sct = take(&mut b, len).ok_or("an SCT is truncated")?;
        let parsed = (|| {
            let version = take(&mut sct, 1)?[0];
            let log_id = take(&mut sct, 32)?;
            let timestamp = take(&mut sct, 8)?;
            let ext_len = u16_len(&mut sct)?;
            let ext = take(&mut sct, ext_len)?;
            let _hash_alg = take(&mut sct, 1)?;
            let _sig_alg = take(&mut sct, 1)?;
            let sig_len = u16_len(&mut sct)?;
            let sig = take(&mut sct, sig_len)?;
            Some((version, log_id, timestamp, ext, sig))
        })();
        let Some((version, log_id, timestamp, ext, sig)) = parsed else {
            why = "an SCT is malformed".into();
            continue;
        };
        let Some(log) = root.ctlogs.iter().find(|l| l.key_id == log_id) else {
            why = "the SCT is from a CT log the trusted root does not know".into();
            continue;
        };
        let millis = u64::from_be_bytes(timestamp.try_into().unwrap_or([0; 8]));
        let secs = i64::try_from(millis / 1000).unwrap_or(i64::MAX);
        if secs < log.start || log.end.is_some_and(|e| secs > e) {
            why = format!("the CT log {} was not valid at the SCT's time", log.url);
            continue;
        }
        let mut signed = vec![version, 0];
        signed.extend_from_slice(timestamp);
        signed.extend_from_slice(&[0, 1]);
        signed.extend_from_slice(&issuer_key_hash);
        let n = tbs.len();
        signed.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
        signed.extend_from_slice(&tbs);
        signed.extend_from_slice(&u16::try_from(ext.len()).unwrap_or(0).to_be_bytes());
        signed.extend_from_slice(ext);
        match log.key.verify(&signed, sig, Hash::Sha256) {
            Ok(()) => verified += 1,
            Err(e) => why = format!("the SCT of {} does not verify: {e}", log.url),
        }
    }
    if verified == 0 {
        return Err(why);
    }
    Ok(verified)
}
