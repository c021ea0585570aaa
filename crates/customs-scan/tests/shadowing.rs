//! Scripts a Python distribution installs as commands are commands too: named like a
//! system tool (`sudo`, `git`), they shadow it for whoever puts the environment first on
//! their PATH.

use customs_scan::{ScanOptions, scan_path};

fn scan(files: &[(&str, &str)]) -> customs_scan::PackageReport {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    scan_path("shadowing", dir.path(), &ScanOptions::default()).expect("the folder is readable")
}

const PKG_INFO: &str = "Metadata-Version: 2.1\nName: adminkit\nVersion: 1.0\nSummary: Admin helpers.\nHome-page: https://example.invalid/adminkit\n";
const SCRIPT: &str = "#!/bin/sh\nexec /usr/bin/env \"$@\"\n";

fn shadowed(report: &customs_scan::PackageReport) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == "command-shadowing")
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn setup_scripts_named_like_a_system_tool_shadow_it() {
    let report = scan(&[
        ("PKG-INFO", PKG_INFO),
        (
            "setup.py",
            "from setuptools import setup\nsetup(name='adminkit', scripts=['bin/sudo', 'bin/adminkit'])\n",
        ),
        ("bin/sudo", SCRIPT),
        ("bin/adminkit", SCRIPT),
    ]);
    let found = shadowed(&report);
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert!(found[0].contains("`sudo`"), "{found:?}");
    // Its own name is not a system tool's.
    let report = scan(&[
        ("PKG-INFO", PKG_INFO),
        (
            "setup.py",
            "from setuptools import setup\nsetup(name='adminkit', scripts=['bin/adminkit'])\n",
        ),
        ("bin/adminkit", SCRIPT),
    ]);
    assert!(shadowed(&report).is_empty(), "{:?}", report.findings);
}

#[test]
fn a_wheels_data_scripts_are_commands() {
    let report = scan(&[
        (
            "adminkit-1.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: adminkit\nVersion: 1.0\nSummary: Admin helpers.\n",
        ),
        ("adminkit-1.0.data/scripts/git", SCRIPT),
        ("adminkit/__init__.py", ""),
    ]);
    let found = shadowed(&report);
    assert!(
        found.iter().any(|m| m.contains("`git`")),
        "{:?}",
        report.findings
    );
}
