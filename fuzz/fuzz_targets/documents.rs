//! libFuzzer target: see `customs_fuzz::documents`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| customs_fuzz::documents(data));
