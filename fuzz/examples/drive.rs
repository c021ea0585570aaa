//! Drives one fuzz target on stable Rust, without libFuzzer: a bounded loop over mutated
//! seeds (byte flips, interesting values, inserted, deleted, repeated and spliced ranges;
//! for gzip seeds also the same mutations of the tar inside, compressed again, so that
//! mutations get past the checksum). It has no coverage feedback, so it is weaker than
//! `cargo fuzz run`; it is what runs where no nightly toolchain is at hand.
//!
//! `cargo run --release --example drive -- TARGET SECONDS [SEED] [CORPUS...]`
//! (defaults: seed 1, corpus `corpus/TARGET`). An input that panics is written to
//! `artifacts/TARGET/`; the run ends with one line of counts.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic for a given seed, so a run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const INTERESTING: &[&[u8]] = &[
    &[0],
    &[0xff],
    &[0x7f],
    &[0x80],
    &[0xff, 0xff, 0xff, 0xff],
    &[0, 0, 0, 0x80],
    b"..",
    b"../",
    b"/",
    b"\\",
    b"0000000\0",
    b"77777777777\0",
    b"PK\x03\x04",
    b"PK\x01\x02",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"ustar\0",
    b"\"",
    b"{",
    b"}",
    b"[",
    b"\n",
    b"import os\n",
    b"require('child_process')",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.below(8) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            data[i] = rng.next() as u8;
        }
        2 => {
            let value = INTERESTING[rng.below(INTERESTING.len())];
            let i = rng.below(len + 1);
            if rng.below(2) == 0 && i + value.len() <= len {
                data[i..i + value.len()].copy_from_slice(value);
            } else {
                data.splice(i..i, value.iter().copied());
            }
        }
        3 if len > 0 => {
            let i = rng.below(len);
            let n = rng.below((len - i).min(4096) + 1);
            data.drain(i..i + n);
        }
        4 if len > 0 => {
            // Repeat a range: repetitive bytes, long names, many members.
            let i = rng.below(len);
            let n = rng.below((len - i).min(1024) + 1);
            let piece = data[i..i + n].to_vec();
            let times = 1 + rng.below(64);
            let at = rng.below(len + 1);
            for _ in 0..times {
                data.splice(at..at, piece.iter().copied());
            }
        }
        5 if !other.is_empty() => {
            // Splice: the head of this input, the tail of another.
            let cut = rng.below(len + 1);
            let from = rng.below(other.len());
            data.truncate(cut);
            data.extend_from_slice(&other[from..]);
        }
        6 if len > 0 => data.truncate(rng.below(len)),
        _ => {
            let n = 1 + rng.below(16);
            let i = rng.below(len + 1);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            data.splice(i..i, bytes);
        }
    }
}

fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(data)
        .take(64 << 20)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn seeds(dirs: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(r) => r.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => vec![dir.clone()],
        };
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes);
            }
        }
    }
    out
}

fn save(target: &str, data: &[u8]) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut h);
    let dir = Path::new("artifacts").join(target);
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("crash-{:016x}", h.finish()));
    let _ = std::fs::write(&path, data);
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(target) = args.first().cloned() else {
        eprintln!("usage: drive TARGET SECONDS [SEED] [CORPUS...]");
        std::process::exit(2);
    };
    let run: fn(&[u8]) = match target.as_str() {
        "archive" => customs_fuzz::archive,
        "scan" => customs_fuzz::scan,
        "documents" => customs_fuzz::documents,
        "bundle" => customs_fuzz::bundle,
        other => {
            eprintln!("no fuzz target {other:?}: archive, scan, documents or bundle");
            std::process::exit(2);
        }
    };
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let mut rng = Rng(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1) | 1);
    let dirs: Vec<PathBuf> = if args.len() > 3 {
        args[3..].iter().map(PathBuf::from).collect()
    } else {
        vec![Path::new("corpus").join(&target)]
    };
    let pool = seeds(&dirs);
    if pool.is_empty() {
        eprintln!("no seeds in {dirs:?} (fuzz/seed.py writes them)");
        std::process::exit(2);
    }
    // A panic is caught and saved; its message is printed once per input.
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let (mut execs, mut crashes, mut slowest) = (0u64, 0u64, Duration::ZERO);
    for seed in &pool {
        let _ = run(seed);
    }
    while Instant::now() < deadline {
        let base = &pool[rng.below(pool.len())];
        let other = &pool[rng.below(pool.len())];
        let inner = (rng.below(2) == 0 && base.starts_with(&[0x1f, 0x8b]))
            .then(|| gunzip(base))
            .flatten();
        let mut data = inner.clone().unwrap_or_else(|| base.clone());
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut data, other);
        }
        data.truncate(4 << 20);
        if inner.is_some() {
            data = gzip(&data);
        }
        let t = Instant::now();
        let outcome = std::panic::catch_unwind(|| run(&data));
        slowest = slowest.max(t.elapsed());
        execs += 1;
        if outcome.is_err() {
            crashes += 1;
            eprintln!("panic: input saved to {}", save(&target, &data).display());
        }
    }
    println!(
        "{target}: {execs} executions in {} s from {} seeds, {crashes} panics, slowest input {} ms",
        start.elapsed().as_secs(),
        pool.len(),
        slowest.as_millis()
    );
    if crashes > 0 {
        std::process::exit(1);
    }
}
