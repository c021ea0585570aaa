//! Times the nesting bound over every Python and JavaScript/TypeScript file under the
//! given folders, and lists the files with the highest bounds.
//!
//!     cargo run --release -p customs-analyze --example nesting -- DIR...
#![allow(clippy::print_stdout)]
use std::time::Instant;

fn walk(dir: &std::path::Path, out: &mut Vec<(bool, String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if let Some(ext) = p.extension().and_then(|e| e.to_str()) {
            let python = ext == "py";
            let script = matches!(ext, "js" | "mjs" | "cjs" | "jsx" | "ts" | "tsx")
                && !p.to_string_lossy().ends_with(".d.ts");
            if (python || script)
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.push((python, p.display().to_string(), text));
            }
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for d in std::env::args().skip(1) {
        walk(std::path::Path::new(&d), &mut files);
    }
    let bytes: usize = files.iter().map(|(_, _, t)| t.len()).sum();
    let bound = |python: bool, text: &str| {
        if python {
            customs_analyze::nesting_depth_python(text)
        } else {
            customs_analyze::nesting_depth(text)
        }
    };
    let mut deepest: Vec<(usize, &str)> = files
        .iter()
        .map(|(python, path, text)| (bound(*python, text), path.as_str()))
        .collect();
    deepest.sort_unstable_by(|a, b| b.cmp(a));
    for (depth, path) in deepest.iter().take(8) {
        println!("{depth:>6}  {path}");
    }
    for _ in 0..3 {
        let start = Instant::now();
        let mut total = 0;
        for (python, _, text) in &files {
            total += bound(*python, text);
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{} files, {:.1} MB: {:.3} s, {:.0} MB/s (sum of bounds {total})",
            files.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
