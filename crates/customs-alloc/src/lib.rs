//! The process's memory allocator: mimalloc, with how long freed memory is kept tuned
//! for customs' work.
//!
//! A scan allocates and frees memory in bursts: an archive's members inflated, a syntax
//! tree built and dropped for every file. By default mimalloc gives freed memory back to
//! the system 10 ms after it is freed, so each burst faults the same pages in again, one
//! by one. Kept for a second, the scan of the popular corpus takes about 4% less CPU and
//! three quarters fewer page faults (BENCHMARKS.md, "The allocator keeps freed memory for
//! a second"); an idle `proxy` or `watch` still gives it back a second later.

use std::ffi::{c_int, c_long};

pub use mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`, in the numbering of its v2 `mi_option_t` (the
/// version the `v2` feature builds); its default is 10 ms.
const PURGE_DELAY: c_int = 15;

/// How long freed memory stays with the process before it is given back.
pub const PURGE_DELAY_MS: i32 = 1000;

/// The environment variable with which a user sets the delay themselves.
const PURGE_DELAY_ENV: &str = "MIMALLOC_PURGE_DELAY";

#[allow(unsafe_code)]
mod ffi {
    use std::ffi::{c_int, c_long};

    // Both are plain option setters of the linked mimalloc: any option number and value
    // is accepted (an unknown number is ignored), no pointer is passed.
    unsafe extern "C" {
        pub(crate) safe fn mi_option_set(option: c_int, value: c_long);
        pub(crate) safe fn mi_option_get(option: c_int) -> c_long;
    }
}

/// Sets the purge delay to [`PURGE_DELAY_MS`], unless the user chose one with
/// `MIMALLOC_PURGE_DELAY`. Call once, first thing in `main`.
pub fn tune() {
    if std::env::var_os(PURGE_DELAY_ENV).is_none() {
        ffi::mi_option_set(PURGE_DELAY, c_long::from(PURGE_DELAY_MS));
    }
}

/// The purge delay in effect, in milliseconds.
#[must_use]
pub fn purge_delay() -> c_long {
    ffi::mi_option_get(PURGE_DELAY)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_is_the_option_tuned() {
        if std::env::var_os(super::PURGE_DELAY_ENV).is_some() {
            return;
        }
        // Option 15 is mimalloc's purge delay: its documented default before, ours after.
        assert_eq!(super::purge_delay(), 10);
        super::tune();
        assert_eq!(super::purge_delay(), super::PURGE_DELAY_MS.into());
    }
}
