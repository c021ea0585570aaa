//! The bodies of the fuzz targets, one function per target. The libFuzzer binaries in
//! `fuzz_targets/` only hand their input to these, so that a stable `cargo check` of
//! this crate (CI) checks the targets' code, and anything else can drive them too.

use std::path::Path;

use customs_archive::{
    AnomalyKind, ArchiveError, HEAD_LEN, Limits, ReadOptions, read_archive, read_archive_file,
    read_archive_stream,
};
use customs_ecosystem::{LockKind, parse_lockfile};
use customs_scan::{ScanOptions, scan_artifact};

/// Any bytes, read as an archive: never a panic, a hang, or unbounded memory, and the
/// limits hold (total bytes, entry count, bytes kept per member, nothing kept of a bomb).
pub fn archive(data: &[u8]) {
    let limits = Limits {
        max_total_bytes: 64 << 20,
        max_file_bytes: 8 << 20,
        max_entries: 10_000,
        ..Limits::default()
    };
    let select = |path: &str, _: u64| customs_ecosystem::select(path, 0);
    for hash_all in [false, true] {
        let options = ReadOptions {
            limits: &limits,
            hash_all,
            select: &select,
            on_member: None,
        };
        let in_memory = read_archive(data, &options);
        if hash_all {
            // The reader of files (artifacts streamed to disk) must see exactly what the
            // reader of bytes sees.
            let from_file = read_archive_file(&scratch_file(data), "fuzz", &options);
            match (&in_memory, &from_file) {
                (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("the readers disagree: {a:?} / {b:?}"),
            }
            // Read as a download arrives, in pieces of uneven size: a tar gives the same
            // tree again; a zip waits for its file.
            let mut pieces = Pieces {
                rest: data,
                turn: 0,
            };
            match (
                &from_file,
                read_archive_stream(&mut pieces, "fuzz", &options),
            ) {
                (Ok(a), Ok(Some(b))) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
                (Ok(a), Ok(None)) => assert_eq!(a.format, customs_archive::Format::Zip),
                (Err(ArchiveError::NotAnArchive(_)), Err(ArchiveError::NotAnArchive(_))) => {}
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (Err(_), Ok(None)) if data.starts_with(b"PK") => {}
                (a, b) => panic!("the file and stream readers disagree: {a:?} / {b:?}"),
            }
        }
        if let Ok(tree) = in_memory {
            assert!(tree.total_bytes <= limits.max_total_bytes);
            assert!(tree.entries.len() <= limits.max_entries);
            for e in &tree.entries {
                assert!(e.data.len() as u64 <= limits.max_file_bytes);
            }
            for a in &tree.anomalies {
                if a.kind == AnomalyKind::CompressionBomb
                    && let Some(e) = tree.entries.iter().find(|e| e.path == a.path)
                {
                    assert!(!e.complete && e.data.len() <= HEAD_LEN, "{}", a.path);
                }
            }
            assert_eq!(tree.read_in_full(), tree.incomplete.is_empty());
        }
    }
}

/// Hands out a stream in pieces of 1, 7, 300 and 5000 bytes in turn.
struct Pieces<'a> {
    rest: &'a [u8],
    turn: usize,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        const SIZES: [usize; 4] = [1, 7, 300, 5000];
        let n = SIZES[self.turn % SIZES.len()]
            .min(buf.len())
            .min(self.rest.len());
        self.turn += 1;
        buf[..n].copy_from_slice(&self.rest[..n]);
        self.rest = &self.rest[n..];
        Ok(n)
    }
}

/// `data` in a file of this process's own (one, rewritten for every input).
fn scratch_file(data: &[u8]) -> std::fs::File {
    use std::io::Write;
    let path = std::env::temp_dir().join(format!("customs-fuzz-{}.bin", std::process::id()));
    let mut file = std::fs::File::create(&path).expect("the scratch file can be written");
    file.write_all(data)
        .expect("the scratch file takes the input");
    std::fs::File::open(&path).expect("the scratch file can be read")
}

/// Any bytes, through the whole pipeline (archive, identity, both parsers, every rule),
/// as an sdist, a wheel and an npm tarball.
pub fn scan(data: &[u8]) {
    let options = ScanOptions {
        limits: Limits {
            max_total_bytes: 32 << 20,
            max_file_bytes: 4 << 20,
            ..Limits::default()
        },
        ..ScanOptions::default()
    };
    for name in ["x-1.0.tar.gz", "x-1.0-py3-none-any.whl", "x-1.0.0.tgz"] {
        if let Ok(report) = scan_artifact(name, name, data, &options) {
            assert_eq!(report.read_in_full(), report.unreadable().is_none());
        }
    }
}

const LOCK_KINDS: &[LockKind] = &[
    LockKind::Requirements,
    LockKind::Pylock,
    LockKind::UvLock,
    LockKind::PoetryLock,
    LockKind::PipfileLock,
    LockKind::PdmLock,
    LockKind::PackageLock,
    LockKind::YarnLock,
    LockKind::PnpmLock,
    LockKind::BunLock,
];

/// Any bytes, read as every lockfile format and as registry answers (PEP 503 HTML, PEP
/// 691 JSON, npm documents): an error or a result, never a panic or a hang.
pub fn documents(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Requirement files resolve includes next to them: a folder that holds nothing.
    let path = Path::new("/nonexistent-customs-fuzz/requirements.txt");
    for &kind in LOCK_KINDS {
        if let Ok(lock) = parse_lockfile(kind, path, text) {
            for i in 0..lock.entries.len().min(50) {
                let chain = customs_ecosystem::dependency_path(&lock.entries, i);
                assert!(!chain.is_empty());
            }
        }
    }
    for ct in ["text/html", "application/vnd.pypi.simple.v1+json"] {
        let _ = customs_registry::parse_simple(
            "demo",
            "http://127.0.0.1/simple/demo/",
            ct,
            data,
            "fuzz",
        );
    }
    let _ = customs_registry::parse_document("demo", "http://127.0.0.1/demo", data, "fuzz");
}

/// The real release the seed provenance bundle is about, so that mutations of the seed
/// reach the deeper checks.
static TARBALL: &[u8] = include_bytes!("../../tests/provenance/sigstore-3.1.0.tgz");

/// Any bytes as a Sigstore bundle, a PEP 740 provenance object, an npm attestations
/// document, a trusted root and a TUF root: refused with an error or verified, never a
/// panic.
pub fn bundle(data: &[u8]) {
    let Ok(root) = customs_verify::TrustedRoot::embedded() else {
        return;
    };
    let _ = customs_verify::verify(TARBALL, data, &root);
    if let Ok(bundles) = customs_verify::bundles_from_pep740(data) {
        for b in bundles {
            let _ = customs_verify::verify(TARBALL, &b, &root);
        }
    }
    if let Ok(Some(b)) = customs_verify::bundle_from_npm_attestations(data) {
        let _ = customs_verify::verify(TARBALL, &b, &root);
    }
    let _ = customs_verify::TrustedRoot::parse(data);
    let _ = customs_verify::tuf::update(data, 1_767_225_600, &|_| Ok(None));
}
