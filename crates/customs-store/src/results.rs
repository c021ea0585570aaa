//! Judgements kept by content: what customs concluded about an artifact, stored under a
//! key its caller derives from everything the judgement depends on (the artifact's
//! digest, the digest of the release it was compared with, the policy, the rule
//! catalogue and the customs version). Meeting the same key again, the caller reuses
//! the judgement instead of reading the artifact again.
//!
//! One file per key (`<dir>/<ab>/<key>.json`), written atomically. What is kept is
//! opaque here: the caller serialises and checks it. A record that cannot be read back
//! is a miss, never an error: the artifact is then judged again.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The kept judgements.
#[derive(Debug)]
pub struct Results {
    dir: PathBuf,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl Results {
    /// Judgements kept in `dir` (created on first write).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where a key's record lives; `None` for a key that is not lower-case hex of a
    /// sensible length (keys are digests).
    fn path_of(&self, key: &str) -> Option<PathBuf> {
        let valid = (16..=128).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| self.dir.join(&key[..2]).join(format!("{key}.json")))
    }

    /// The record kept under `key`, if any.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let found = self.path_of(key).and_then(|p| std::fs::read(p).ok());
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Counts a record that was found but could not be used as a miss instead of a hit.
    pub fn unusable(&self) {
        self.hits.fetch_sub(1, Ordering::Relaxed);
        self.misses.fetch_add(1, Ordering::Relaxed);
    }

    /// Keeps `record` under `key`.
    ///
    /// # Errors
    /// When the key is not a digest, or the folder cannot be written.
    pub fn put(&self, key: &str, record: &[u8]) -> std::io::Result<()> {
        let path = self.path_of(key).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{key:?} is not a result key"),
            )
        })?;
        let parent = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent)?;
        let mut tmp = tempfile_in(parent)?;
        tmp.1.write_all(record)?;
        tmp.1.sync_data().ok();
        drop(tmp.1);
        std::fs::rename(&tmp.0, &path)
    }

    /// Records found so far in this process.
    #[must_use]
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// Keys looked up and not found (or found unusable) so far in this process.
    #[must_use]
    pub fn misses(&self) -> usize {
        self.misses.load(Ordering::Relaxed)
    }
}

/// A new file beside where a record goes, with a name no other writer uses.
fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    loop {
        let path = dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_by_key_and_counted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let results = Results::new(dir.path());
        let key = "ab".repeat(32);
        assert_eq!(results.get(&key), None);
        results.put(&key, b"{\"v\":1}").expect("writes");
        assert_eq!(results.get(&key).as_deref(), Some(&b"{\"v\":1}"[..]));
        assert_eq!((results.hits(), results.misses()), (1, 1));
        assert!(results.put("../escape", b"x").is_err(), "not a digest");
        assert_eq!(results.get("../escape"), None);
    }
}
