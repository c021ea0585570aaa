//! Any bytes, through the whole pipeline: archive, identity, both parsers, rules.
#![no_main]

use customs_archive::Limits;
use customs_scan::{ScanOptions, scan_artifact};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ScanOptions {
        limits: Limits {
            max_total_bytes: 32 << 20,
            max_file_bytes: 4 << 20,
            ..Limits::default()
        },
        ..ScanOptions::default()
    };
    for name in ["x-1.0.tar.gz", "x-1.0-py3-none-any.whl", "x-1.0.0.tgz"] {
        let _ = scan_artifact(name, name, data, &options);
    }
});
