//! Reading a download while it is written: a reader on another thread follows the
//! temporary file a download streams into, so that work on the bytes (reading an
//! archive, analysing its code) runs beside the transfer instead of after it.
//!
//! The reader sees exactly the bytes of one try of the download, in order. A try that
//! breaks off after the reader took bytes from it ends the reader with an error (the
//! next try's bytes are another file); a download that fails ends it with an error; a
//! finished download ends it with the end of the file. Nothing the reader does decides
//! anything: the caller judges the finished file, whose digest was checked.

use std::fs::File;
use std::io::{self, Read};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::cache::Incoming;
use crate::http::BodySink;

/// How a download stands, as its follower sees it.
#[derive(Default)]
struct Progress {
    /// Counts the tries that started (each writes a new file).
    try_number: u32,
    /// The current try's file, once it has bytes.
    file: Option<File>,
    /// Bytes of the current try written to `file`.
    written: u64,
    /// `Some(true)` once the download finished, `Some(false)` once it failed.
    end: Option<bool>,
}

/// What the download and its follower share.
#[derive(Default)]
pub(crate) struct Shared {
    progress: Mutex<Progress>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tells the follower how the download ended (the first word counts).
    pub(crate) fn end(&self, finished: bool) {
        let mut p = self.lock();
        p.end.get_or_insert(finished);
        self.changed.notify_all();
    }
}

/// Ends the follower's wait however the download's side returns, a panic included.
pub(crate) struct EndGuard<'a>(pub(crate) &'a Shared);

impl Drop for EndGuard<'_> {
    fn drop(&mut self) {
        self.0.end(false);
    }
}

/// The download's side: writes into the cache's incoming file and tells the follower.
pub(crate) struct Leading<'a> {
    pub(crate) incoming: &'a mut Incoming,
    pub(crate) shared: &'a Shared,
}

impl BodySink for Leading<'_> {
    fn restart(&mut self) -> io::Result<()> {
        self.incoming.restart()?;
        let mut p = self.shared.lock();
        p.try_number += 1;
        p.file = None;
        p.written = 0;
        self.shared.changed.notify_all();
        Ok(())
    }

    fn take(&mut self, chunk: &[u8]) -> io::Result<()> {
        self.incoming.take(chunk)?;
        let mut p = self.shared.lock();
        if p.file.is_none() {
            p.file = self.incoming.file().map(File::try_clone).transpose()?;
        }
        p.written += chunk.len() as u64;
        self.shared.changed.notify_all();
        Ok(())
    }
}

/// The follower's side: a reader of the download's bytes as they arrive.
pub(crate) struct Following<'a> {
    shared: &'a Shared,
    try_number: u32,
    file: Option<File>,
    pos: u64,
}

impl<'a> Following<'a> {
    pub(crate) fn new(shared: &'a Shared) -> Self {
        Self {
            shared,
            try_number: 0,
            file: None,
            pos: 0,
        }
    }
}

impl Read for Following<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let mut p = self.shared.lock();
        loop {
            if p.try_number != self.try_number {
                if self.pos > 0 {
                    return Err(io::Error::other("the download broke off and started over"));
                }
                // Nothing was read of the earlier try: follow the new one.
                self.try_number = p.try_number;
                self.file = None;
            }
            if self.pos < p.written {
                if self.file.is_none() {
                    self.file = p.file.as_ref().map(File::try_clone).transpose()?;
                }
                let n = usize::try_from(p.written - self.pos)
                    .unwrap_or(usize::MAX)
                    .min(buf.len());
                drop(p);
                let Some(file) = &self.file else {
                    return Err(io::Error::other("the download's file is gone"));
                };
                let got = read_at(file, &mut buf[..n], self.pos)?;
                if got == 0 {
                    return Err(io::Error::other(
                        "the download's file is shorter than written",
                    ));
                }
                self.pos += got as u64;
                return Ok(got);
            }
            match p.end {
                Some(true) => return Ok(0),
                Some(false) => return Err(io::Error::other("the download failed")),
                None => {
                    p = self
                        .shared
                        .changed
                        .wait(p)
                        .unwrap_or_else(PoisonError::into_inner)
                }
            }
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}
