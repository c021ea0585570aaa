//! A scan that compares nothing may leave the release profile out; its judgement is the
//! same either way.

use std::path::Path;

use customs_scan::{ScanOptions, scan_path};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The fixture folder packed as an npm tarball (`package/...`) in `dir`.
fn packed(name: &str, dir: &Path) -> std::path::PathBuf {
    let out = dir.join(format!("{name}-1.0.0.tgz"));
    let file = std::fs::File::create(&out).expect("create");
    let mut b = tar::Builder::new(flate2::write::GzEncoder::new(
        file,
        flate2::Compression::fast(),
    ));
    b.append_dir_all("package", fixture(name)).expect("pack");
    b.into_inner().expect("tar").finish().expect("gzip");
    out
}

#[test]
fn skipping_the_profile_changes_nothing_judged() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Folders, and an archive (read through another path).
    let archive = packed("malicious-npm-postinstall-dropper", dir.path());
    for (name, path) in [
        "malicious-npm-postinstall-dropper",
        "malicious-py-pth-startup",
        "benign-py-pth-hook",
    ]
    .map(|n| (n, fixture(n)))
    .into_iter()
    .chain([("packed dropper", archive)])
    {
        let full = scan_path(name, &path, &ScanOptions::default()).expect("scans");
        let skip = ScanOptions {
            skip_profile: true,
            ..ScanOptions::default()
        };
        let bare = scan_path(name, &path, &skip).expect("scans");
        assert_eq!(full.verdict, bare.verdict, "{name}");
        assert_eq!(full.findings, bare.findings, "{name}");
        assert_eq!(full.sha256, bare.sha256, "{name}");
        // The full scan has the facts a comparison needs; the other has none.
        assert!(!full.profile.files.is_empty(), "{name}");
        assert!(!full.profile.hooks.is_empty(), "{name}");
        assert!(bare.profile.files.is_empty(), "{name}");
        assert!(bare.profile.hooks.is_empty(), "{name}");
    }
}
