//! libFuzzer target: see `customs_fuzz::archive`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| customs_fuzz::archive(data));
