//! Whether a literal prefilter could spare the parsers: reads each artifact, analyses the
//! code files a scan analyses (test code left out but `conftest.py`, each content once),
//! and prints, per language, how much of the analysis time goes to files in which nothing
//! is found, and how much of that a prefilter could skip: files with no backslash, no
//! non-ASCII byte and none of the names the walkers' checks start from (modules, builtins,
//! methods and globals) as a whole word.
//!
//!     cargo run --release -p customs-scan --example prefilter -- DIR...

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use customs_archive::{Limits, ReadOptions, read_archive};
use customs_ecosystem::{FileKind, Package, Role, select};
use sha2::Digest;

/// The names a Python check starts from: modules of the call tables, builtins that run,
/// load or reach attributes by name, decoding and file methods, obfuscator runtimes.
const PYTHON: &str = "subprocess os socket urllib urllib2 urllib3 requests httpx aiohttp http \
    wget dns smtplib ftplib telnetlib pycurl websocket paramiko shutil glob zipfile tarfile \
    sqlite3 pathlib ctypes importlib imp runpy code types marshal pickle cPickle _pickle dill \
    cloudpickle pty commands asyncio platform popen2 winreg _winreg daemon io codecs base64 \
    binascii zlib lzma bz2 gzip exec eval compile execfile open __import__ getattr globals \
    vars locals __builtins__ builtins bytes bytearray fromhex decode b64decode write \
    write_bytes write_text writelines read_text read_bytes chr join pytransform pyarmor \
    sourcedefender __pyarmor__";

/// The same for JavaScript: modules, globals and members that the checks follow.
const JAVASCRIPT: &str = "require import child_process fs http https net dgram dns tls \
    process eval Function constructor vm module fetch XMLHttpRequest WebSocket axios got \
    request Buffer atob btoa fromCharCode globalThis global window self Reflect setTimeout \
    setInterval os exec spawn execSync spawnSync fork writeFile readFile unlink homedir env";

struct Totals {
    files: usize,
    time: Duration,
    empty: usize,
    empty_time: Duration,
    skippable: usize,
    skippable_time: Duration,
}

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        for e in std::fs::read_dir(&arg).unwrap() {
            paths.push(e.unwrap().path());
        }
    }
    paths.sort();
    let words = |list: &str| AhoCorasick::new(list.split_whitespace()).unwrap();
    let (py_words, js_words) = (words(PYTHON), words(JAVASCRIPT));
    let new = || Totals {
        files: 0,
        time: Duration::ZERO,
        empty: 0,
        empty_time: Duration::ZERO,
        skippable: 0,
        skippable_time: Duration::ZERO,
    };
    let (mut py, mut js) = (new(), new());
    let mut seen = HashSet::new();
    let limits = Limits::default();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let read = ReadOptions {
            limits: &limits,
            hash_all: false,
            select: &select,
            on_member: None,
        };
        let Ok(tree) = read_archive(&bytes, &read) else {
            continue;
        };
        let pkg = Package::from_tree(tree, &name);
        for f in &pkg.files {
            let Some(text) = pkg.text(f) else { continue };
            let conftest = f.relative.rsplit('/').next() == Some("conftest.py");
            if (f.role == Role::Test && !conftest)
                || !seen.insert(sha2::Sha256::digest(text.as_bytes()))
            {
                continue;
            }
            let t = Instant::now();
            let (totals, words, facts) = match f.kind {
                FileKind::Python if f.role != Role::Pth => {
                    (&mut py, &py_words, customs_analyze::python::analyze(text))
                }
                FileKind::JavaScript | FileKind::TypeScript => (
                    &mut js,
                    &js_words,
                    customs_analyze::javascript::analyze(text, &f.relative),
                ),
                _ => continue,
            };
            let took = t.elapsed();
            totals.files += 1;
            totals.time += took;
            if !facts.behaviours.is_empty() {
                continue;
            }
            totals.empty += 1;
            totals.empty_time += took;
            let b = text.as_bytes();
            let whole = |s: usize, e: usize| {
                let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$';
                (s == 0 || !word(s - 1)) && (e == b.len() || !word(e))
            };
            let named = words
                .find_overlapping_iter(text)
                .any(|m| whole(m.start(), m.end()));
            if !named && !b.contains(&b'\\') && b.is_ascii() {
                totals.skippable += 1;
                totals.skippable_time += took;
            }
        }
    }
    for (lang, t) in [("python", &py), ("javascript", &js)] {
        println!(
            "{lang}: {} files analysed in {:.2} s; nothing found in {} ({:.2} s); a prefilter could skip {} of those ({:.2} s)",
            t.files,
            t.time.as_secs_f64(),
            t.empty,
            t.empty_time.as_secs_f64(),
            t.skippable,
            t.skippable_time.as_secs_f64()
        );
    }
}
