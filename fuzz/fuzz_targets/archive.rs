//! Any bytes, read as an archive: never a panic, a hang, or unbounded memory.
#![no_main]

use customs_archive::{Limits, ReadOptions, Want, read_archive};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_total_bytes: 64 << 20,
        max_file_bytes: 8 << 20,
        max_entries: 10_000,
        ..Limits::default()
    };
    let select = |path: &str, _: u64| customs_ecosystem::select(path, 0);
    for hash_all in [false, true] {
        let options = ReadOptions { limits: &limits, hash_all, select: &select };
        if let Ok(tree) = read_archive(data, &options) {
            assert!(tree.total_bytes <= limits.max_total_bytes);
            assert!(tree.entries.len() <= limits.max_entries);
            for e in &tree.entries {
                assert!(e.data.len() as u64 <= limits.max_file_bytes);
                let _ = Want::Content;
            }
        }
    }
});
