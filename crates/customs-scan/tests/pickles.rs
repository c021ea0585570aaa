//! Pickles shipped as data are read whole: a callable that runs a command when the pickle
//! is loaded counts wherever in the file it sits, past the head kept of other data files.

use customs_scan::{ScanOptions, scan_path};

fn scan(files: &[(&str, &str)]) -> customs_scan::PackageReport {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    scan_path("pickles", dir.path(), &ScanOptions::default()).expect("the folder is readable")
}

#[test]
fn a_command_deep_in_a_shipped_pickle_is_found() {
    // A string of padding, popped, then `posix.system('id')` (protocol 0, text opcodes).
    let padding = "x".repeat(4096);
    let pickle = format!("S'{padding}'\n0cposix\nsystem\n(S'id'\ntR.");
    let report = scan(&[
        (
            "PKG-INFO",
            "Metadata-Version: 2.1\nName: tables\nVersion: 1.0\nSummary: Lookup tables.\n",
        ),
        ("tables/__init__.py", "import pickle\n"),
        ("tables/data/table.pkl", &pickle),
    ]);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.contains("posix.system")),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_pickle_too_large_to_keep_is_said_to_be_unchecked() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("tables/data")).expect("mkdir");
    std::fs::write(
        dir.path().join("PKG-INFO"),
        "Metadata-Version: 2.1\nName: tables\nVersion: 1.0\n",
    )
    .expect("write");
    let pickle = format!("S'{}'\n0cposix\nsystem\n(S'id'\ntR.", "x".repeat(4096));
    std::fs::write(dir.path().join("tables/data/table.pkl"), pickle).expect("write");
    let mut options = ScanOptions::default();
    options.limits.max_file_bytes = 2048;
    let report = scan_path("pickles", dir.path(), &options).expect("the folder is readable");
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.message.contains("pickle not read whole")),
        "{:?}",
        report.notes
    );
}
