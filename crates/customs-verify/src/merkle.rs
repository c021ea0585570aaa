//! RFC 6962 / RFC 9162 Merkle inclusion proofs, and the signed checkpoints (signed notes)
//! Rekor commits its tree heads with.

use base64::Engine as _;

use crate::crypto::{Key, sha256};

fn node(left: &[u8], right: &[u8]) -> [u8; 32] {
    let mut buf = Vec::with_capacity(65);
    buf.push(1);
    buf.extend_from_slice(left);
    buf.extend_from_slice(right);
    sha256(&buf)
}

/// The hash of a leaf.
pub(crate) fn leaf_hash(body: &[u8]) -> [u8; 32] {
    let mut buf = Vec::with_capacity(body.len() + 1);
    buf.push(0);
    buf.extend_from_slice(body);
    sha256(&buf)
}

/// The root that `proof` leads to from leaf `index` of a tree of `size` leaves.
pub(crate) fn root_from_proof(
    index: u64,
    size: u64,
    leaf: [u8; 32],
    proof: &[Vec<u8>],
) -> Result<[u8; 32], String> {
    if index >= size {
        return Err(format!(
            "the leaf index {index} is outside the tree of {size}"
        ));
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = leaf;
    for p in proof {
        if p.len() != 32 {
            return Err("a proof hash is not 32 bytes".into());
        }
        if s == 0 {
            return Err("the proof is longer than the tree is deep".into());
        }
        if f & 1 == 1 || f == s {
            r = node(p, &r);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            r = node(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err("the proof is shorter than the tree is deep".into());
    }
    Ok(r)
}

/// A checkpoint's content, once its signature checked.
pub(crate) struct Checkpoint {
    pub(crate) size: u64,
    pub(crate) root: Vec<u8>,
}

/// Checks a signed note (`origin\nsize\nroot\n[other lines]\n\n— name base64(hint||sig)\n`)
/// against the log's key: one of its signatures must be the log's.
pub(crate) fn checkpoint(envelope: &str, key: &Key, key_id: &[u8]) -> Result<Checkpoint, String> {
    let (body, signatures) = envelope
        .split_once("\n\n")
        .ok_or("the checkpoint has no signature")?;
    let signed = format!("{body}\n");
    let mut lines = body.lines();
    let _origin = lines.next().ok_or("the checkpoint is empty")?;
    let size: u64 = lines
        .next()
        .and_then(|l| l.parse().ok())
        .ok_or("the checkpoint's tree size is not a number")?;
    let root = lines
        .next()
        .and_then(|l| base64::engine::general_purpose::STANDARD.decode(l).ok())
        .ok_or("the checkpoint's root hash is not base64")?;
    let hint = key_id.get(..4).ok_or("the log id is too short")?;
    let mut tried = false;
    for line in signatures.lines() {
        let Some(rest) = line.strip_prefix("\u{2014} ") else {
            continue;
        };
        let Some((_, sig)) = rest.rsplit_once(' ') else {
            continue;
        };
        let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(sig) else {
            continue;
        };
        if raw.len() < 5 || &raw[..4] != hint {
            continue;
        }
        tried = true;
        if key
            .verify(signed.as_bytes(), &raw[4..], key.default_hash())
            .is_ok()
        {
            return Ok(Checkpoint { size, root });
        }
    }
    Err(if tried {
        "the checkpoint's signature does not verify with the log's key".into()
    } else {
        "the checkpoint is not signed by the log's key".into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of `n` leaves, built the slow way: its root.
    fn root_of(leaves: &[[u8; 32]]) -> [u8; 32] {
        if leaves.len() == 1 {
            return leaves[0];
        }
        let k = leaves.len().next_power_of_two() / 2;
        node(&root_of(&leaves[..k]), &root_of(&leaves[k..]))
    }

    /// The audit path for leaf `m` (RFC 6962 2.1.1).
    fn path(m: usize, leaves: &[[u8; 32]]) -> Vec<Vec<u8>> {
        if leaves.len() == 1 {
            return Vec::new();
        }
        let k = leaves.len().next_power_of_two() / 2;
        if m < k {
            let mut p = path(m, &leaves[..k]);
            p.push(root_of(&leaves[k..]).to_vec());
            p
        } else {
            let mut p = path(m - k, &leaves[k..]);
            p.push(root_of(&leaves[..k]).to_vec());
            p
        }
    }

    #[test]
    fn proofs_of_every_leaf_of_trees_up_to_twenty() {
        for n in 1..=20usize {
            let leaves: Vec<[u8; 32]> = (0..n).map(|i| leaf_hash(&[i as u8])).collect();
            let root = root_of(&leaves);
            for m in 0..n {
                let proof = path(m, &leaves);
                let got = root_from_proof(m as u64, n as u64, leaves[m], &proof).expect("proves");
                assert_eq!(got, root, "leaf {m} of {n}");
                if !proof.is_empty() {
                    let mut broken = proof.clone();
                    broken[0][0] ^= 1;
                    assert_ne!(
                        root_from_proof(m as u64, n as u64, leaves[m], &broken).expect("a root"),
                        root
                    );
                    assert!(
                        !root_from_proof(m as u64, n as u64, leaves[m], &proof[1..])
                            .is_ok_and(|r| r == root)
                    );
                }
            }
        }
        assert!(root_from_proof(3, 3, [0; 32], &[]).is_err());
    }
}
