//! The on-disk artifact cache, addressed by the digest the index gives
//! (`<dir>/artifacts/<algorithm>/<ab>/<hex>`). A file is stored only after it matched
//! that digest, and is checked again every time it is read: a cached file that no
//! longer matches is refused with an error, never silently replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::Digest as _;

use crate::RegistryError;
use customs_model::Digest;

/// Where the cache lives when `--cache-dir` is not given: `CUSTOMS_CACHE_DIR`, then
/// `$XDG_CACHE_HOME/customs`, then `~/.cache/customs`.
#[must_use]
pub fn default_cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CUSTOMS_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("customs");
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(home) => PathBuf::from(home).join(".cache/customs"),
        None => std::env::temp_dir().join("customs-cache"),
    }
}

/// The digest of `bytes` in the algorithm of `expected`, as hex.
#[must_use]
pub fn digest_of(expected: &Digest, bytes: &[u8]) -> String {
    match expected {
        Digest::Sha256(_) => hex::encode(sha2::Sha256::digest(bytes)),
        Digest::Sha512(_) => hex::encode(sha2::Sha512::digest(bytes)),
        Digest::Sha1(_) => hex::encode(sha1::Sha1::digest(bytes)),
    }
}

/// The digests of a stream, taken as its bytes go by: always sha256 (what reports name
/// an artifact by), and the index's algorithm when it is another.
#[derive(Clone)]
pub(crate) struct Digesting {
    sha256: sha2::Sha256,
    other: Option<Other>,
    len: u64,
}

#[derive(Clone)]
enum Other {
    Sha512(sha2::Sha512),
    Sha1(sha1::Sha1),
}

impl Digesting {
    /// Hashing in sha256 and in the algorithm of `expected` (when given).
    pub(crate) fn new(expected: Option<&Digest>) -> Self {
        Self {
            sha256: sha2::Sha256::new(),
            other: match expected {
                Some(Digest::Sha512(_)) => Some(Other::Sha512(sha2::Sha512::new())),
                Some(Digest::Sha1(_)) => Some(Other::Sha1(sha1::Sha1::new())),
                _ => None,
            },
            len: 0,
        }
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        self.sha256.update(bytes);
        match &mut self.other {
            Some(Other::Sha512(h)) => h.update(bytes),
            Some(Other::Sha1(h)) => h.update(bytes),
            None => {}
        }
        self.len += bytes.len() as u64;
    }

    pub(crate) fn finish(self) -> Hashed {
        let sha256 = hex::encode(self.sha256.finalize());
        let other = match self.other {
            Some(Other::Sha512(h)) => Some(hex::encode(h.finalize())),
            Some(Other::Sha1(h)) => Some(hex::encode(h.finalize())),
            None => None,
        };
        Hashed {
            sha256,
            other,
            len: self.len,
        }
    }

    /// Hashes a whole file, a buffer at a time.
    pub(crate) fn file(mut self, file: &mut std::fs::File) -> std::io::Result<Self> {
        use std::io::Read;
        let mut buf = vec![0u8; 64 << 10];
        loop {
            match file.read(&mut buf) {
                Ok(0) => return Ok(self),
                Ok(n) => self.update(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// What [`Digesting`] found.
pub(crate) struct Hashed {
    /// sha256, as hex.
    pub(crate) sha256: String,
    /// The digest in the index's algorithm when it is another, as hex.
    pub(crate) other: Option<String>,
    /// The length.
    pub(crate) len: u64,
}

impl Hashed {
    /// The digest in `expected`'s algorithm.
    pub(crate) fn in_algorithm_of(&self, expected: &Digest) -> String {
        match expected {
            Digest::Sha256(_) => self.sha256.clone(),
            _ => self.other.clone().unwrap_or_default(),
        }
    }
}

/// A download on its way into the cache: a temporary file beside the cache's files,
/// hashed as it is written, moved into place only once it matched the index's digest.
pub(crate) struct Incoming {
    dir: PathBuf,
    file: Option<tempfile::NamedTempFile>,
    digesting: Digesting,
    expected: Option<Digest>,
}

impl Incoming {
    pub(crate) fn new(cache: &Cache, expected: Option<&Digest>) -> Self {
        Self {
            dir: cache.dir.join("incoming"),
            file: None,
            digesting: Digesting::new(expected),
            expected: expected.cloned(),
        }
    }

    /// The temporary file, its (sha256, other digest, length).
    pub(crate) fn finish(mut self) -> std::io::Result<(tempfile::NamedTempFile, Hashed)> {
        let mut file = match self.file.take() {
            Some(f) => f,
            None => self.open()?,
        };
        file.as_file_mut().flush()?;
        Ok((file, self.digesting.finish()))
    }

    /// The file the current try writes, once it has bytes.
    pub(crate) fn file(&self) -> Option<&std::fs::File> {
        self.file.as_ref().map(tempfile::NamedTempFile::as_file)
    }

    fn open(&self) -> std::io::Result<tempfile::NamedTempFile> {
        std::fs::create_dir_all(&self.dir)?;
        tempfile::NamedTempFile::new_in(&self.dir)
    }
}

impl crate::http::BodySink for Incoming {
    fn restart(&mut self) -> std::io::Result<()> {
        self.file = Some(self.open()?);
        self.digesting = Digesting::new(self.expected.as_ref());
        Ok(())
    }

    fn take(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        if self.file.is_none() {
            self.file = Some(self.open()?);
        }
        if let Some(f) = self.file.as_mut() {
            f.write_all(chunk)?;
        }
        self.digesting.update(chunk);
        Ok(())
    }
}

/// The artifact cache.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// A cache in `dir` (created on first write).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The cache's folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where an artifact with this digest is kept.
    #[must_use]
    pub fn path_of(&self, digest: &Digest) -> PathBuf {
        let hex = digest.hex();
        let prefix = hex.get(..2).unwrap_or("00");
        self.dir
            .join("artifacts")
            .join(digest.algorithm())
            .join(prefix)
            .join(hex)
    }

    /// The cached bytes for `digest`, checked against it.
    ///
    /// # Errors
    /// When the cached file cannot be read, or no longer matches its digest.
    pub fn get(&self, digest: &Digest) -> Result<Option<Vec<u8>>, RegistryError> {
        let path = self.path_of(digest);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(RegistryError::Cache {
                    path: path.clone(),
                    message: e.to_string(),
                });
            }
        };
        let found = digest_of(digest, &bytes);
        if found != digest.hex() {
            return Err(RegistryError::CacheTampered {
                path,
                algorithm: digest.algorithm(),
                expected: digest.hex().to_owned(),
                found,
            });
        }
        Ok(Some(bytes))
    }

    /// The cached file for `digest`, open for reading and checked against it by
    /// reading it through once (never held in memory), with its sha256 and length.
    ///
    /// # Errors
    /// As [`Cache::get`].
    pub(crate) fn open_checked(
        &self,
        digest: &Digest,
    ) -> Result<Option<(std::fs::File, String, u64)>, RegistryError> {
        use std::io::Seek;
        let path = self.path_of(digest);
        let fail = |e: std::io::Error| RegistryError::Cache {
            path: path.clone(),
            message: e.to_string(),
        };
        let mut file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(fail(e)),
        };
        let hashed = Digesting::new(Some(digest))
            .file(&mut file)
            .map_err(fail)?
            .finish();
        let found = hashed.in_algorithm_of(digest);
        if found != digest.hex() {
            return Err(RegistryError::CacheTampered {
                path,
                algorithm: digest.algorithm(),
                expected: digest.hex().to_owned(),
                found,
            });
        }
        file.rewind().map_err(fail)?;
        Ok(Some((file, hashed.sha256, hashed.len)))
    }

    /// Moves a download that matched `digest` into place (atomically: a rename).
    pub(crate) fn keep(
        &self,
        digest: &Digest,
        file: tempfile::NamedTempFile,
    ) -> Result<std::fs::File, RegistryError> {
        let path = self.path_of(digest);
        let fail = |e: std::io::Error| RegistryError::Cache {
            path: path.clone(),
            message: e.to_string(),
        };
        let parent = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(fail)?;
        file.persist(&path).map_err(|e| fail(e.error))
    }

    /// Stores bytes that matched `digest`, atomically (a temporary file renamed into
    /// place), so a crash never leaves a half-written artifact.
    ///
    /// # Errors
    /// When the cache folder cannot be written.
    pub fn put(&self, digest: &Digest, bytes: &[u8]) -> Result<(), RegistryError> {
        let path = self.path_of(digest);
        let fail = |e: std::io::Error| RegistryError::Cache {
            path: path.clone(),
            message: e.to_string(),
        };
        let parent = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(fail)?;
        let mut tmp = tempfile::NamedTempFile::new_in(parent).map_err(fail)?;
        tmp.write_all(bytes).map_err(fail)?;
        tmp.persist(&path).map_err(|e| fail(e.error))?;
        Ok(())
    }
}

/// A package document or project page kept between runs, with what the index said
/// about it: its validators and when it was read.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KeptDocument {
    /// The URL asked for (credentials removed).
    pub url: String,
    /// The final URL the body came from.
    pub final_url: String,
    /// `Content-Type`.
    pub content_type: String,
    /// The `ETag`, else the `Last-Modified` date, when the index sent one.
    pub validator: Option<String>,
    /// PyPI's serial, when sent.
    pub serial: Option<String>,
    /// When the index last confirmed it (seconds since the epoch).
    pub checked_at: u64,
    /// The body.
    #[serde(skip)]
    pub body: Vec<u8>,
}

impl KeptDocument {
    /// How long ago the index last confirmed it.
    #[must_use]
    pub fn age(&self) -> std::time::Duration {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        std::time::Duration::from_secs(now.saturating_sub(self.checked_at))
    }
}

/// Seconds since the epoch.
#[must_use]
pub(crate) fn epoch_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Cache {
    /// Where the document read from `url` is kept: its facts (`.json`) and its body.
    fn document_paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key = hex::encode(sha2::Sha256::digest(url.as_bytes()));
        let dir = self.dir.join("documents").join(&key[..2]);
        (dir.join(format!("{key}.json")), dir.join(key))
    }

    /// The document kept for `url`, if any. A document that cannot be read back whole
    /// is treated as absent (it is read from the index again).
    #[must_use]
    pub fn document(&self, url: &str) -> Option<KeptDocument> {
        let (facts, body) = self.document_paths(url);
        let mut kept: KeptDocument = serde_json::from_slice(&std::fs::read(facts).ok()?).ok()?;
        if kept.url != url {
            return None;
        }
        kept.body = std::fs::read(body).ok()?;
        Some(kept)
    }

    /// Keeps a document (its body first, then its facts, each written atomically).
    ///
    /// # Errors
    /// When the cache folder cannot be written.
    pub fn put_document(&self, kept: &KeptDocument) -> Result<(), RegistryError> {
        let (facts, body) = self.document_paths(&kept.url);
        let fail = |e: std::io::Error| RegistryError::Cache {
            path: facts.clone(),
            message: e.to_string(),
        };
        let parent = facts.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(fail)?;
        for (path, bytes) in [
            (&body, kept.body.clone()),
            (
                &facts,
                serde_json::to_vec(kept).map_err(|e| fail(e.into()))?,
            ),
        ] {
            let mut tmp = tempfile::NamedTempFile::new_in(parent).map_err(fail)?;
            tmp.write_all(&bytes).map_err(fail)?;
            tmp.persist(path).map_err(|e| fail(e.error))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_in_the_index_algorithm() {
        let any = |d: fn(String) -> Digest| d(String::new());
        assert_eq!(
            digest_of(&any(Digest::Sha1), b"abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert!(digest_of(&any(Digest::Sha256), b"abc").starts_with("ba7816bf"));
        assert!(digest_of(&any(Digest::Sha512), b"abc").starts_with("ddaf35a1"));
    }

    #[test]
    fn refuses_what_was_altered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path());
        let bytes = b"artifact".to_vec();
        let digest = Digest::Sha256(hex::encode(sha2::Sha256::digest(&bytes)));
        assert_eq!(cache.get(&digest).expect("reads"), None);
        cache.put(&digest, &bytes).expect("writes");
        assert_eq!(cache.get(&digest).expect("reads"), Some(bytes));
        std::fs::write(cache.path_of(&digest), b"tampered").expect("write");
        let err = cache.get(&digest).expect_err("refused");
        assert!(matches!(err, RegistryError::CacheTampered { .. }), "{err}");
    }
}
