//! Helpers shared by the integration tests: run the real binary, and pack fixture
//! folders into the artifacts a registry would serve.
//!
//! - `loopback`, `faulty`: registries served on loopback (one well-behaved, one that
//!   misbehaves on request), both [`Upstream`]s.
//! - `fixtures`: building what they serve (npm tarballs and documents, sdists, wheels,
//!   PyPI pages), running customs with a private store and cache, the real clients, the
//!   test PostgreSQL server, and reading reports back.
//! - `registry`: the fixture registry of the end-to-end tests (the hijacked updates of
//!   `webfetch` and `pyfetch`, `pywheel`, releases with provenance).
//! - `proxy`: a `customs proxy` process of a test, and the test's own HTTP client.

#![allow(dead_code, clippy::unwrap_used)]

pub mod faulty;
pub mod fixtures;
pub mod loopback;
pub mod proxy;
pub mod registry;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A registry on loopback that serves what a test routes to it.
pub trait Upstream {
    /// `http://127.0.0.1:PORT`.
    fn url(&self) -> &str;
    /// Serves `body` at `path`.
    fn route(&self, path: &str, content_type: &str, body: Vec<u8>);
}

impl Upstream for loopback::Loopback {
    fn url(&self) -> &str {
        &self.url
    }
    fn route(&self, path: &str, content_type: &str, body: Vec<u8>) {
        loopback::Loopback::route(self, path, content_type, body);
    }
}

impl Upstream for faulty::Faulty {
    fn url(&self) -> &str {
        &self.url
    }
    fn route(&self, path: &str, content_type: &str, body: Vec<u8>) {
        faulty::Faulty::route(self, path, content_type, body);
    }
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `customs ARGS` in `dir`.
pub fn customs(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_customs"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir`, as (relative path, bytes), sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// A gzip-compressed tar of `dir` with every member under `prefix/`.
pub fn tar_gz(dir: &Path, prefix: &str) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    for (rel, data) in files(dir) {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder
            .append_data(&mut header, format!("{prefix}/{rel}"), data.as_slice())
            .unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap()
}

/// A zip of `dir`'s files at the root (a wheel, when the folder is laid out as one).
pub fn zip(files_in: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files_in {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

pub fn folder_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
}

/// Packs a fixture folder as its registry would serve it: Python fixtures as an sdist
/// (`name-version.tar.gz`), npm fixtures as `npm pack` does (`name-version.tgz` with a
/// `package/` folder). Returns the file name.
pub fn pack_fixture(fixture: &Path, out: &Path) -> String {
    let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
    if fixture.join("package.json").is_file() {
        let file = format!("{name}-1.0.0.tgz");
        std::fs::write(out.join(&file), tar_gz(fixture, "package")).unwrap();
        file
    } else {
        let file = format!("{name}-1.0.0.tar.gz");
        std::fs::write(out.join(&file), tar_gz(fixture, &format!("{name}-1.0.0"))).unwrap();
        file
    }
}

/// A `.tar.gz` of in-memory files, each under `prefix`.
pub fn tar_gz_of(files_in: &[(&str, &[u8])], prefix: &str) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    for (rel, data) in files_in {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder
            .append_data(&mut header, format!("{prefix}{rel}"), *data)
            .unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap()
}

/// Runs `customs ARGS` in `dir` with only the given environment (and a private HOME),
/// so that the user's own pip and npm settings never reach a test.
pub fn customs_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    Command::new(env!("CARGO_BIN_EXE_customs"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("NO_COLOR", "1")
        .env("PIP_CONFIG_FILE", "/dev/null")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// Checks a JSON report against `docs/schema/customs-report.schema.json`: `report` is
/// `scan_report`, `diff_report` or `audit_report`. Panics with every error.
pub fn assert_schema(report: &str, value: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/schema/customs-report.schema.json")).unwrap(),
    )
    .unwrap();
    // The one report asked for, with the shared definitions.
    let one = serde_json::json!({
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": format!("#/$defs/{report}"),
    });
    for s in [&schema, &one] {
        let validator = jsonschema::validator_for(s).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{report} does not match the schema:\n{}",
            errors.join("\n")
        );
    }
}
