//! libFuzzer target: see `customs_fuzz::scan`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| customs_fuzz::scan(data));
