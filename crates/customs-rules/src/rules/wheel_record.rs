use std::collections::HashMap;

use base64::Engine;
use customs_analyze::Context;
use customs_archive::{EntryKind, NESTED_SEPARATOR};
use customs_ecosystem::ArtifactKind;

use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// A wheel whose files disagree with its `RECORD`: a file whose sha256 is not the one
    /// `RECORD` lists, a file `RECORD` does not list, or a wheel with no `RECORD`.
    /// Files that customs reads (code, scripts, metadata) are compared by sha256; files
    /// it does not inflate (native libraries past their header, images, data) by the size
    /// `RECORD` lists, unless every member is hashed (registry scans that compare a
    /// release with the one before).
    ///
    /// ## Why it matters
    /// `RECORD` is the wheel's own manifest, written when it was built. A file added or
    /// changed afterwards (a tampered mirror, a hand-edited release) breaks it: installers
    /// do not always check.
    ///
    /// ## Example
    /// `pkg/__init__.py,sha256=...,1200` while the file in the wheel hashes differently.
    ///
    /// ## When it is wrong
    /// Some hand-built wheels omit directories or signatures from `RECORD`; those are
    /// not reported. A mismatch is never benign.
    WheelRecord {
        id: "wheel-record",
        summary: "the wheel's files disagree with its RECORD",
        severity: High,
        confidence: High,
    }
}

/// Splits one CSV line (RECORD is CSV: paths with commas are quoted).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

impl Rule for WheelRecord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        if pkg.artifact != ArtifactKind::Wheel {
            return;
        }
        let tree = &pkg.tree;
        let Some(record) = tree
            .entries
            .iter()
            .find(|e| e.path.ends_with(".dist-info/RECORD") && e.path.matches('/').count() == 1)
        else {
            out.push(Finding::about(
                &Self::META,
                "",
                Context::Metadata,
                "the wheel has no RECORD".into(),
            ));
            if let Some(f) = out.last_mut() {
                f.severity = Severity::Medium;
                f.confidence = Confidence::Medium;
            }
            return;
        };
        let Some(text) = record.text() else { return };
        // path -> (hash field, size field)
        let listed: HashMap<String, (String, String)> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(csv_fields)
            .filter_map(|mut f| {
                f.resize(3, String::new());
                let [path, hash, size] = <[String; 3]>::try_from(f).ok()?;
                Some((path, (hash, size)))
            })
            .collect();
        let mut unlisted = 0usize;
        for entry in &tree.entries {
            if entry.kind != EntryKind::File
                || entry.path.contains(NESTED_SEPARATOR)
                || entry.path == record.path
            {
                continue;
            }
            if entry.path.ends_with(".dist-info/RECORD.jws")
                || entry.path.ends_with(".dist-info/RECORD.p7s")
            {
                continue;
            }
            match listed.get(&entry.path) {
                None => {
                    unlisted += 1;
                    if unlisted <= 5 {
                        let mut f = Finding::about(
                            &Self::META,
                            &entry.path,
                            Context::Metadata,
                            "file is not listed in the wheel's RECORD".into(),
                        );
                        f.severity = Severity::Medium;
                        f.confidence = Confidence::Medium;
                        out.push(f);
                    }
                }
                Some((hash, size)) => {
                    let Some(expected) = hash.strip_prefix("sha256=") else {
                        continue;
                    };
                    let message = match entry.sha256 {
                        Some(actual) => {
                            let actual =
                                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(actual);
                            (actual != expected.trim_end_matches('='))
                                .then(|| format!("sha256 is {actual}, RECORD says {expected}"))
                        }
                        // Not inflated: the size the archive declares must be RECORD's.
                        None => size
                            .trim()
                            .parse::<u64>()
                            .ok()
                            .filter(|&listed| listed != entry.size)
                            .map(|listed| {
                                format!("size is {} bytes, RECORD says {listed}", entry.size)
                            }),
                    };
                    if let Some(message) = message {
                        out.push(Finding::about(
                            &Self::META,
                            &entry.path,
                            Context::Metadata,
                            format!("{message}: the file was changed after the wheel was built"),
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv() {
        assert_eq!(super::csv_fields("a,b,c"), vec!["a", "b", "c"]);
        assert_eq!(
            super::csv_fields("\"a,1\",sha256=x,3"),
            vec!["a,1", "sha256=x", "3"]
        );
    }
}
