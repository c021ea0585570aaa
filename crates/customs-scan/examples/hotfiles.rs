//! Where analysis time goes, file by file: reads each artifact, then times every code
//! file's analyser alone (one thread), and prints the totals per language, the MB/s, and
//! the slowest files. The parsers are also timed alone (parse and drop, no walk): what no
//! change of customs' own code can take below.
//!
//!     cargo run --release -p customs-scan --example hotfiles -- DIR_OR_FILE...

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use customs_archive::{Limits, ReadOptions, read_archive};
use customs_ecosystem::{FileKind, Package, Role, select};
use sha2::Digest;

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = PathBuf::from(arg);
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                paths.push(e.unwrap().path());
            }
        } else {
            paths.push(p);
        }
    }
    let limits = Limits::default();
    let mut files: Vec<(Duration, usize, String)> = Vec::new();
    let (mut py_t, mut js_t, mut py_b, mut js_b, mut read_t) = (
        Duration::ZERO,
        Duration::ZERO,
        0usize,
        0usize,
        Duration::ZERO,
    );
    let mut parse_t = Duration::ZERO;
    let mut js_parse_t = Duration::ZERO;
    let mut seen = std::collections::HashSet::new();
    let (mut parse_each, mut js_parse_each) = (Duration::ZERO, Duration::ZERO);
    let mut bound_t = Duration::ZERO;
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let start = Instant::now();
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
        read_t += start.elapsed();
        let mut seen_here = std::collections::HashSet::new();
        for f in &pkg.files {
            let Some(text) = pkg.text(f) else { continue };
            // What a scan of the same paths analyses: test code only when something
            // reaches it (conftest.py always; the rest is rarely reached and left out
            // here), and each content once (the process's cache). The parsers are also
            // timed as one process per artifact would run them: each content once per
            // artifact (an sdist and its wheel then both pay).
            let conftest = f.relative.rsplit('/').next() == Some("conftest.py");
            let digest = sha2::Sha256::digest(text.as_bytes());
            if (f.role == Role::Test && !conftest) || !seen_here.insert(digest) {
                continue;
            }
            let first = seen.insert(digest);
            let t = Instant::now();
            match f.kind {
                FileKind::Python if f.role != Role::Pth => {
                    let t = Instant::now();
                    let parsed = ruff_python_parser::parse_unchecked_source(
                        text,
                        ruff_python_ast::PySourceType::Python,
                    );
                    drop(parsed);
                    parse_each += t.elapsed();
                    if !first {
                        continue;
                    }
                    parse_t += t.elapsed();
                    let t = Instant::now();
                    let _ = customs_analyze::nesting_depth_python(text);
                    bound_t += t.elapsed();
                    let t = Instant::now();
                    let _ = customs_analyze::python::analyze(text);
                    py_t += t.elapsed();
                    py_b += text.len();
                    files.push((t.elapsed(), text.len(), format!("{name}:{}", f.path)));
                }
                FileKind::JavaScript | FileKind::TypeScript => {
                    let allocator = oxc_allocator::Allocator::default();
                    let source_type = oxc_span::SourceType::from_path(&f.relative)
                        .unwrap_or_else(|_| oxc_span::SourceType::cjs())
                        .with_unambiguous(true);
                    let options = oxc_parser::ParseOptions {
                        allow_return_outside_function: true,
                        ..oxc_parser::ParseOptions::default()
                    };
                    let parsed = oxc_parser::Parser::new(&allocator, text, source_type)
                        .with_options(options)
                        .parse();
                    drop(parsed);
                    drop(allocator);
                    js_parse_each += t.elapsed();
                    if !first {
                        continue;
                    }
                    js_parse_t += t.elapsed();
                    let t = Instant::now();
                    let _ = customs_analyze::nesting_depth(text);
                    bound_t += t.elapsed();
                    let t = Instant::now();
                    let _ = customs_analyze::javascript::analyze(text, &f.relative);
                    js_t += t.elapsed();
                    js_b += text.len();
                    files.push((t.elapsed(), text.len(), format!("{name}:{}", f.path)));
                }
                _ => {}
            }
        }
    }
    let mb = |b: usize| b as f64 / 1e6;
    println!("read+classify: {:.2} s", read_t.as_secs_f64());
    println!("nesting bound alone: {:.2} s", bound_t.as_secs_f64());
    println!("python parse+drop alone: {:.2} s", parse_t.as_secs_f64());
    println!(
        "javascript parse+drop alone: {:.2} s",
        js_parse_t.as_secs_f64()
    );
    println!(
        "parse+drop alone, each artifact on its own: python {:.2} s, javascript {:.2} s",
        parse_each.as_secs_f64(),
        js_parse_each.as_secs_f64()
    );
    println!(
        "python: {:.1} MB in {:.2} s ({:.1} MB/s)",
        mb(py_b),
        py_t.as_secs_f64(),
        mb(py_b) / py_t.as_secs_f64()
    );
    println!(
        "javascript: {:.1} MB in {:.2} s ({:.1} MB/s)",
        mb(js_b),
        js_t.as_secs_f64(),
        mb(js_b) / js_t.as_secs_f64()
    );
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (t, n, f) in files.iter().take(25) {
        println!("{:8.1} ms {:9} B  {f}", t.as_secs_f64() * 1e3, n);
    }
}
