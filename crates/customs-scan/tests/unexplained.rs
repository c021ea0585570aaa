//! What a package that says nothing about itself (no description, home page or
//! repository) cannot bring unexplained: JavaScript the parser gives up on, which customs
//! could not read, and raw system capabilities. A package that describes itself may.

use customs_scan::{ScanOptions, scan_path};

fn scan(manifest: &str, files: &[(&str, &str)]) -> customs_scan::PackageReport {
    let mut all = vec![("package.json", manifest)];
    all.extend_from_slice(files);
    scan_files(&all)
}

fn scan_files(files: &[(&str, &str)]) -> customs_scan::PackageReport {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    scan_path("unparsed", dir.path(), &ScanOptions::default()).expect("the folder is readable")
}

/// A quote closed in the wrong place: the string runs to the end of the line.
const BROKEN: &str = "const { exec } = require('child_process');\nexec('rm -rf '/srv/data');\n";

#[test]
fn an_unparsable_main_beside_empty_metadata_is_suspicious() {
    let report = scan(
        r#"{"name":"quiet","version":"1.0.0","main":"index.js"}"#,
        &[("index.js", BROKEN)],
    );
    assert!(
        report.findings.iter().any(|f| f.rule == "obfuscation"
            && f.path.ends_with("index.js")
            && f.message.contains("does not parse")),
        "{:?}",
        report.findings
    );
    assert_eq!(
        report.verdict.level.as_str(),
        "suspicious",
        "{:?}",
        report.findings
    );
}

#[test]
fn an_unparsable_file_is_a_note_in_a_package_that_describes_itself_or_in_its_tests() {
    let described = scan(
        r#"{"name":"loud","version":"1.0.0","main":"index.js","description":"A helper.",
            "repository":"git+https://example.invalid/loud.git"}"#,
        &[("index.js", BROKEN)],
    );
    assert_eq!(
        described.verdict.level.as_str(),
        "clean",
        "{:?}",
        described.findings
    );
    // A test fixture that does not parse on purpose runs only when someone runs the tests.
    let fixture = scan(
        r#"{"name":"quiet","version":"1.0.0","main":"index.js"}"#,
        &[
            ("index.js", "module.exports = 1;\n"),
            ("test/fixtures/broken.js", BROKEN),
        ],
    );
    assert_eq!(
        fixture.verdict.level.as_str(),
        "clean",
        "{:?}",
        fixture.findings
    );
    assert!(
        !fixture
            .findings
            .iter()
            .any(|f| f.path.ends_with("broken.js")),
        "{:?}",
        fixture.findings
    );
}

const RUNNER: &str = "const cp = require('node:child_process');\nmodule.exports = function run(command) {\n  return cp.execSync(command, { encoding: 'utf8' });\n};\n";

#[test]
fn a_shell_runner_or_the_dns_resolver_needs_a_package_that_explains_it() {
    for (main, what) in [
        (RUNNER, "runs any shell command"),
        (
            "const dns = require('dns');\nmodule.exports = { dns };\n",
            "DNS resolver",
        ),
    ] {
        let quiet = scan(
            r#"{"name":"quiet","version":"1.0.0","main":"index.js"}"#,
            &[("index.js", main)],
        );
        assert!(
            quiet
                .findings
                .iter()
                .any(|f| f.rule == "unexplained-capability" && f.message.contains(what)),
            "{:?}",
            quiet.findings
        );
        assert_eq!(
            quiet.verdict.level.as_str(),
            "suspicious",
            "{:?}",
            quiet.findings
        );
        let described = scan(
            r#"{"name":"loud","version":"1.0.0","main":"index.js","description":"Runs commands.",
                "repository":"git+https://example.invalid/loud.git"}"#,
            &[("index.js", main)],
        );
        assert!(
            !described
                .findings
                .iter()
                .any(|f| f.rule == "unexplained-capability"),
            "{:?}",
            described.findings
        );
        assert_eq!(
            described.verdict.level.as_str(),
            "clean",
            "{:?}",
            described.findings
        );
    }
}

#[test]
fn text_hidden_in_base64_needs_a_package_that_explains_it() {
    use base64::Engine as _;
    let hidden = base64::engine::general_purpose::STANDARD
        .encode("The quick brown fox jumps over the lazy dog, again and again. ".repeat(6));
    let module = format!("PART_ONE = \"{hidden}\"\nPART_TWO = \"{hidden}\"\n");
    let quiet = scan_files(&[
        (
            "PKG-INFO",
            "Metadata-Version: 2.1\nName: quiet\nVersion: 1.0\n",
        ),
        ("quiet/__init__.py", &module),
    ]);
    assert!(
        quiet
            .findings
            .iter()
            .any(|f| f.rule == "obfuscation" && f.message.starts_with("text hidden in base64")),
        "{:?}",
        quiet.findings
    );
    assert_eq!(
        quiet.verdict.level.as_str(),
        "suspicious",
        "{:?}",
        quiet.findings
    );
    let described = scan_files(&[
        (
            "PKG-INFO",
            "Metadata-Version: 2.1\nName: loud\nVersion: 1.0\nSummary: Sample texts.\nHome-page: https://example.invalid/loud\n",
        ),
        ("loud/__init__.py", &module),
    ]);
    assert_eq!(
        described.verdict.level.as_str(),
        "clean",
        "{:?}",
        described.findings
    );
}
