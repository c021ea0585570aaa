//! The decompression floor: inflate every member of every artifact once, in memory,
//! with nothing else done. A scanner's time is compared with this.
//!
//!     cargo run --release -p customs-archive --example floor -- DIR...

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::io::{Cursor, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use rayon::prelude::*;

fn inflate_all(bytes: &[u8]) -> u64 {
    let mut sink = vec![0u8; 1 << 16];
    let mut drain = |r: &mut dyn Read| {
        let mut n = 0u64;
        while let Ok(k) = r.read(&mut sink) {
            if k == 0 {
                break;
            }
            n += k as u64;
        }
        n
    };
    match customs_archive::detect_format(bytes) {
        Some(customs_archive::Format::Zip) => {
            let archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
            // Zip members are independent: split them across threads.
            (0..archive.len())
                .into_par_iter()
                .map_init(
                    || archive.clone(),
                    |a, i| {
                        let mut sink = vec![0u8; 1 << 16];
                        let mut f = a.by_index(i).unwrap();
                        let mut n = 0u64;
                        while let Ok(k) = f.read(&mut sink) {
                            if k == 0 {
                                break;
                            }
                            n += k as u64;
                        }
                        n
                    },
                )
                .sum()
        }
        Some(customs_archive::Format::TarGz) => {
            drain(&mut flate2::read::MultiGzDecoder::new(bytes))
        }
        Some(customs_archive::Format::TarBz2) => {
            drain(&mut bzip2::read::MultiBzDecoder::new(bytes))
        }
        Some(customs_archive::Format::TarXz) => drain(&mut lzma_rust2::XzReader::new(bytes, true)),
        _ => bytes.len() as u64,
    }
}

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        for e in std::fs::read_dir(&arg).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)));
    let compressed = AtomicU64::new(0);
    let start = Instant::now();
    let uncompressed: u64 = files
        .par_iter()
        // One job per artifact, largest first, as customs scans them: rayon would
        // otherwise hand each thread a run of artifacts, and one thread would still be
        // inflating large archives while the other sat idle.
        .with_max_len(1)
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            compressed.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            inflate_all(&bytes)
        })
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "floor: {} artifacts, {:.0} MB compressed, {:.0} MB uncompressed, {secs:.2} s on {} threads",
        files.len(),
        compressed.load(Ordering::Relaxed) as f64 / 1e6,
        uncompressed as f64 / 1e6,
        rayon::current_num_threads()
    );
}
