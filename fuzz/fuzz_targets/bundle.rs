//! libFuzzer target: see `customs_fuzz::bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| customs_fuzz::bundle(data));
