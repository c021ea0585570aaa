//! A scan that compares nothing may leave the release profile out; its judgement is the
//! same either way.

use std::path::Path;

use customs_scan::{ScanOptions, scan_path};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

#[test]
fn skipping_the_profile_changes_nothing_judged() {
    for name in [
        "malicious-npm-postinstall-dropper",
        "malicious-py-pth-startup",
        "benign-py-pth-hook",
    ] {
        let path = fixture(name);
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
