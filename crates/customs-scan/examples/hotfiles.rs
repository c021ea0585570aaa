//! Where analysis time goes, file by file: reads each artifact, then times every code
//! file's analyser alone (one thread), and prints the totals per language, the MB/s, and
//! the slowest files.
//!
//!     cargo run --release -p customs-scan --example hotfiles -- DIR_OR_FILE...

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use customs_archive::{Limits, ReadOptions, read_archive};
use customs_ecosystem::{FileKind, Package, Role, select};

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
        for f in &pkg.files {
            let Some(text) = pkg.text(f) else { continue };
            let t = Instant::now();
            match f.kind {
                FileKind::Python if f.role != Role::Pth => {
                    let _ = customs_analyze::nesting_depth_python(text);
                    bound_t += t.elapsed();
                    let t = Instant::now();
                    let parsed = ruff_python_parser::parse_unchecked_source(
                        text,
                        ruff_python_ast::PySourceType::Python,
                    );
                    parse_t += t.elapsed();
                    drop(parsed);
                    let t = Instant::now();
                    let _ = customs_analyze::python::analyze(text);
                    py_t += t.elapsed();
                    py_b += text.len();
                    files.push((t.elapsed(), text.len(), format!("{name}:{}", f.path)));
                }
                FileKind::JavaScript | FileKind::TypeScript => {
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
