//! Any bytes, read as every lockfile format and as registry answers (PEP 503 HTML,
//! PEP 691 JSON, npm documents): an error or a result, never a panic or a hang.
#![no_main]

use std::path::Path;

use customs_ecosystem::{LockKind, parse_lockfile};
use libfuzzer_sys::fuzz_target;

const KINDS: &[LockKind] = &[
    LockKind::Requirements,
    LockKind::Pylock,
    LockKind::UvLock,
    LockKind::PoetryLock,
    LockKind::PipfileLock,
    LockKind::PdmLock,
    LockKind::PackageLock,
    LockKind::YarnLock,
    LockKind::PnpmLock,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Requirement files resolve includes next to them: a folder that holds nothing.
    let path = Path::new("/nonexistent-customs-fuzz/requirements.txt");
    for &kind in KINDS {
        if let Ok(lock) = parse_lockfile(kind, path, text) {
            for i in 0..lock.entries.len().min(50) {
                let chain = customs_ecosystem::dependency_path(&lock.entries, i);
                assert!(!chain.is_empty());
            }
        }
    }
    for ct in ["text/html", "application/vnd.pypi.simple.v1+json"] {
        let _ = customs_registry::parse_simple("demo", "http://127.0.0.1/simple/demo/", ct, data, "fuzz");
    }
    let _ = customs_registry::parse_document("demo", "http://127.0.0.1/demo", data, "fuzz");
});
