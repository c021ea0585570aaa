//! The one registry client of customs: every command that reads an index (`scan
//! pypi:NAME`, `diff`, and later `audit`, the proxy and `watch`) goes through
//! [`Registry`].
//!
//! - Index locations come only from the user's configuration ([`IndexConfig`]).
//! - PyPI is read through its simple API (PEP 691 JSON or PEP 503 HTML), npm through
//!   package documents; both become one [`Project`] model.
//! - Artifacts are downloaded into a content-addressed [`Cache`] and checked against
//!   the digest the index gives: a download that does not match is returned with
//!   [`Integrity::Mismatch`] (the caller makes it a critical finding) and never cached;
//!   a cached file that no longer matches is refused.

mod cache;
mod config;
mod follow;
mod http;
mod npm;
mod pypi;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use customs_ecosystem::{Ecosystem, canonical_name};

pub use cache::{Cache, KeptDocument, default_cache_dir, digest_of};
pub use config::{
    Environment, ExtraSources, IndexConfig, Located, Overrides, Unroutable, WhyUnroutable,
};
pub use customs_ecosystem::{
    ReleaseLine, compare_versions as compare, line_of, npm_exact, npm_range, satisfies,
    valid_requirement,
};
pub use customs_model::{
    Digest, FileRef, Integrity, Project, Provenance, Publisher, RegistrySignature, Release,
    TrustLevel, format_rfc3339, now, parse_rfc3339, platform_wheel,
};
pub use http::{Http, MAX_PER_HOST, redact};
pub use npm::{REGISTRY_INSTALL_HOOKS, parse_document};
pub use pypi::{parse_simple, version_of};

/// The largest package document or project page read (popular npm documents run to
/// tens of megabytes).
pub const MAX_DOCUMENT: u64 = 256 << 20;
/// The largest artifact downloaded.
pub const MAX_ARTIFACT: u64 = 1 << 30;

/// What went wrong talking to an index or the cache. Every message names the index or
/// the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Offline, and what was asked for is not in the cache.
    #[error("offline, and {what} is not in the cache")]
    Offline {
        /// The document or file.
        what: String,
    },
    /// No index is configured for the ecosystem.
    #[error("no {ecosystem} index is configured: {how}")]
    NotConfigured {
        /// `pypi` or `npm`.
        ecosystem: String,
        /// How to configure one.
        how: String,
    },
    /// The configuration could not be used.
    #[error("{message}")]
    Config {
        /// What was wrong.
        message: String,
    },
    /// The index did not answer.
    #[error("cannot reach the index {index} ({url}): {message}")]
    Unreachable {
        /// The index.
        index: String,
        /// The URL asked for.
        url: String,
        /// The last error.
        message: String,
    },
    /// The index did not answer in time: no answer, or a body that stalled or took
    /// longer than the whole exchange may.
    #[error("the index {index} did not answer in time ({url}): {message}")]
    TimedOut {
        /// The index.
        index: String,
        /// The URL asked for.
        url: String,
        /// Which time ran out.
        message: String,
    },
    /// The index has no such thing.
    #[error("not found on the index {index}: {url}")]
    NotFound {
        /// The URL asked for.
        url: String,
        /// The index.
        index: String,
    },
    /// The index answered with an error status.
    #[error("the index {index} answered HTTP {status} for {url}")]
    Status {
        /// The URL asked for.
        url: String,
        /// The index.
        index: String,
        /// The status.
        status: u16,
    },
    /// The answer was not what the protocol says.
    #[error("the index {index} answered garbage for {url}: {message}")]
    Garbage {
        /// The URL asked for.
        url: String,
        /// The index.
        index: String,
        /// What was wrong.
        message: String,
    },
    /// The body could not be kept where it was going (a full disk, say).
    #[error("cannot keep the download of {url}: {message}")]
    Sink {
        /// The URL asked for.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The answer was larger than the limit.
    #[error("{url} is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The URL asked for.
        url: String,
        /// The limit.
        limit: u64,
    },
    /// The exact version asked for is not listed by the index (removed, unpublished,
    /// or never published): customs never judges another version in its place.
    #[error(
        "{package}: version {version} is not listed on {index} (removed, unpublished or never published; latest versions: {recent})"
    )]
    NotListed {
        /// The package as asked (`npm:axios@1.14.1`).
        package: String,
        /// The version asked for.
        version: String,
        /// The index.
        index: String,
        /// The highest versions it does list.
        recent: String,
    },
    /// No release matches what was asked.
    #[error("{what}")]
    NoSuchRelease {
        /// What was asked and what exists.
        what: String,
    },
    /// The cache could not be read or written.
    #[error("the cache file {path} cannot be used: {message}")]
    Cache {
        /// The file.
        path: PathBuf,
        /// The error.
        message: String,
    },
    /// A cached artifact no longer matches the digest it was stored under.
    #[error(
        "the cached artifact {path} does not match its {algorithm} (expected {expected}, found {found}): the cache was altered; customs refuses it — remove the file after finding out why"
    )]
    CacheTampered {
        /// The file.
        path: PathBuf,
        /// The algorithm.
        algorithm: &'static str,
        /// The digest it was stored under.
        expected: String,
        /// Its digest now.
        found: String,
    },
}

/// A registry source named on the command line: `pypi:NAME[==VERSION]` or
/// `npm:NAME[@VERSION]` (a version, a dist-tag or a range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The ecosystem.
    pub ecosystem: Ecosystem,
    /// The package name.
    pub name: String,
    /// The version, tag or requirement; `None` for the latest.
    pub version: Option<String>,
}

impl Spec {
    /// Parses a source; `None` when it has no `pypi:` / `npm:` prefix.
    ///
    /// # Errors
    /// When the prefix is there but the rest is not a package name.
    pub fn parse(source: &str) -> Option<Result<Self, String>> {
        let (scheme, rest) = source.split_once(':')?;
        let ecosystem = match scheme {
            "pypi" => Ecosystem::Pypi,
            "npm" => Ecosystem::Npm,
            _ => return None,
        };
        let rest = rest.trim();
        let (name, version) = match ecosystem {
            Ecosystem::Pypi => match rest.find(['=', '<', '>', '!', '~']) {
                Some(i) => {
                    let spec = rest[i..].trim();
                    let version = spec.strip_prefix("==").map_or(spec, str::trim);
                    (rest[..i].trim(), Some(version.to_owned()))
                }
                None => (rest, None),
            },
            Ecosystem::Npm => {
                // A scoped name starts with '@': the version '@' comes after it.
                let at = rest.char_indices().skip(1).find(|&(_, c)| c == '@');
                match at {
                    Some((i, _)) => (&rest[..i], Some(rest[i + 1..].to_owned())),
                    None => (rest, None),
                }
            }
        };
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./@".contains(c))
            && !name.contains("..")
            && (ecosystem == Ecosystem::Npm || !name.contains(['/', '@']));
        if !valid {
            return Some(Err(format!("{source:?} does not name a package")));
        }
        Some(Ok(Self {
            ecosystem,
            name: name.to_owned(),
            version: version.filter(|v| !v.is_empty()),
        }))
    }
}

impl std::fmt::Display for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.ecosystem, &self.version) {
            (Ecosystem::Pypi, Some(v)) if v.starts_with(['=', '<', '>', '!', '~']) => {
                write!(f, "pypi:{}{v}", self.name)
            }
            (Ecosystem::Pypi, Some(v)) => write!(f, "pypi:{}=={v}", self.name),
            (Ecosystem::Npm, Some(v)) => write!(f, "npm:{}@{v}", self.name),
            (eco, None) => write!(f, "{eco}:{}", self.name),
        }
    }
}

/// A downloaded (or cached) artifact.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Whether they match the index's digest.
    pub integrity: Integrity,
    /// Whether they came from the cache.
    pub from_cache: bool,
}

/// A downloaded (or cached) artifact in a file, never held in memory: the cache's own
/// file when it matched the index's digest, else a temporary file removed when this is
/// dropped.
#[derive(Debug)]
pub struct FetchedFile {
    /// The file, open for reading.
    pub file: std::fs::File,
    /// Whether its bytes match the index's digest.
    pub integrity: Integrity,
    /// Whether it came from the cache.
    pub from_cache: bool,
    /// The sha256 of its bytes.
    pub sha256: String,
    /// Its length in bytes.
    pub size: u64,
    /// The temporary file behind `file`, when it is not the cache's.
    _temporary: Option<tempfile::TempPath>,
}

impl FetchedFile {
    /// The whole file in memory (for the checks that need the bytes themselves).
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn read_all(&self) -> std::io::Result<Vec<u8>> {
        use std::io::{Read, Seek};
        let mut file = &self.file;
        file.rewind()?;
        let mut bytes = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// Work on a download's bytes as they arrive (see [`Registry::fetch_file_following`]).
pub type Follower<'a> = dyn Fn(&mut (dyn std::io::Read + Send)) + Sync + 'a;

/// The registry client.
#[derive(Debug)]
pub struct Registry {
    config: IndexConfig,
    http: Http,
    cache: Cache,
    projects: Mutex<Projects>,
    ttl: Duration,
    etags: Mutex<HashMap<(Ecosystem, String), String>>,
    serials: Mutex<HashMap<(Ecosystem, String), String>>,
    /// One read of a project page at a time: callers that find it stale together wait
    /// for the first one's read instead of each asking the index.
    turns: Mutex<Turns>,
    /// Provenance documents read, by URL (they do not change once published).
    provenance_docs: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// Package documents and project pages are kept in the cache between runs, and
    /// one the index gave no validator for is reused this long; `None`: not kept.
    documents: Option<Duration>,
    /// Kept documents are not used: every one is read from the index again.
    refresh: bool,
    /// What the document cache did in this process.
    document_counts: DocumentCounts,
    /// Nothing is asked of any index: documents and files come from the cache only.
    offline: bool,
}

/// What the document cache did: documents the index sent, documents it confirmed
/// unchanged (HTTP 304), and documents reused without asking (within the freshness).
#[derive(Debug, Default)]
pub struct DocumentCounts {
    /// Read from the index (HTTP 200).
    pub fetched: std::sync::atomic::AtomicUsize,
    /// Confirmed unchanged by the index (HTTP 304).
    pub revalidated: std::sync::atomic::AtomicUsize,
    /// Reused without asking the index.
    pub reused: std::sync::atomic::AtomicUsize,
}

/// How long a kept document the index gave no validator for is reused, unless
/// configured.
pub const DEFAULT_FRESHNESS: Duration = Duration::from_secs(300);

/// The most provenance documents kept in memory.
const MAX_PROVENANCE_DOCS: usize = 4096;

/// A lock per project page being read.
type Turns = HashMap<(Ecosystem, String), Arc<Mutex<()>>>;

/// Project pages read, by ecosystem and canonical name, with when they were read.
type Projects = HashMap<(Ecosystem, String), (std::time::Instant, Arc<Project>)>;

impl Registry {
    /// A client for the configured indexes, caching artifacts in `cache`.
    ///
    /// # Errors
    /// When a configured CA file cannot be read.
    pub fn new(config: IndexConfig, cache: Cache) -> Result<Self, RegistryError> {
        let http = Http::new(&config)?;
        Ok(Self {
            config,
            http,
            cache,
            projects: Mutex::new(HashMap::new()),
            ttl: Duration::from_secs(600),
            etags: Mutex::new(HashMap::new()),
            serials: Mutex::new(HashMap::new()),
            turns: Mutex::new(HashMap::new()),
            provenance_docs: Mutex::new(HashMap::new()),
            documents: None,
            refresh: false,
            document_counts: DocumentCounts::default(),
            offline: false,
        })
    }

    /// Keeps package documents and project pages in the cache between runs: one with
    /// validators (`ETag`, `Last-Modified`) is revalidated with a conditional request;
    /// one without is reused for `freshness`, then read again. A kept document can hide
    /// a release newer than it; every file is still checked against its digest.
    #[must_use]
    pub fn with_documents(mut self, freshness: Duration) -> Self {
        self.documents = Some(freshness);
        self
    }

    /// Reads every document from the index again (`--refresh`), keeping the new copy.
    #[must_use]
    pub fn with_refresh(mut self, refresh: bool) -> Self {
        self.refresh = refresh;
        self
    }

    /// Asks nothing of any index: package documents and project pages are the kept
    /// copies (whatever their age), files the cached ones (checked against their
    /// digests); anything else is a [`RegistryError::Offline`] error.
    #[must_use]
    pub fn with_offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }

    /// Whether nothing is asked of any index (see [`Registry::with_offline`]).
    #[must_use]
    pub fn is_offline(&self) -> bool {
        self.offline
    }

    /// What the document cache did so far.
    #[must_use]
    pub fn document_counts(&self) -> &DocumentCounts {
        &self.document_counts
    }

    /// GETs a package document or project page, through the kept copy when documents
    /// are kept (see [`Registry::with_documents`]).
    fn get_document(
        &self,
        url: &str,
        accept: &str,
        token: Option<&str>,
        shown: &str,
    ) -> Result<http::Response, RegistryError> {
        use std::sync::atomic::Ordering::Relaxed;
        if self.offline {
            let kept = self
                .cache
                .document(&redact(url))
                .ok_or_else(|| RegistryError::Offline { what: redact(url) })?;
            self.document_counts.reused.fetch_add(1, Relaxed);
            return Ok(http::Response {
                url: kept.final_url,
                content_type: kept.content_type,
                body: kept.body,
                etag: kept.validator,
                serial: kept.serial,
            });
        }
        let Some(freshness) = self.documents else {
            return self.http.get(url, accept, token, MAX_DOCUMENT, shown);
        };
        let key = redact(url);
        let kept = if self.refresh {
            None
        } else {
            self.cache.document(&key)
        };
        let validator = kept.as_ref().and_then(|k| k.validator.clone());
        if let Some(k) = &kept
            && validator.is_none()
            && k.age() < freshness
        {
            self.document_counts.reused.fetch_add(1, Relaxed);
            return Ok(http::Response {
                url: k.final_url.clone(),
                content_type: k.content_type.clone(),
                body: k.body.clone(),
                etag: None,
                serial: k.serial.clone(),
            });
        }
        let answer = self.http.get_if(
            url,
            accept,
            token,
            MAX_DOCUMENT,
            shown,
            validator.as_deref(),
        )?;
        match (answer, kept) {
            (Some(r), _) => {
                self.document_counts.fetched.fetch_add(1, Relaxed);
                // Keeping is an optimisation: a cache that cannot be written costs the
                // next run a read, nothing else.
                let _ = self.cache.put_document(&KeptDocument {
                    url: key,
                    final_url: r.url.clone(),
                    content_type: r.content_type.clone(),
                    validator: r.etag.clone(),
                    serial: r.serial.clone(),
                    checked_at: cache::epoch_seconds(),
                    body: r.body.clone(),
                });
                Ok(r)
            }
            (None, Some(mut k)) => {
                self.document_counts.revalidated.fetch_add(1, Relaxed);
                k.checked_at = cache::epoch_seconds();
                let _ = self.cache.put_document(&k);
                Ok(http::Response {
                    url: k.final_url,
                    content_type: k.content_type,
                    body: k.body,
                    etag: k.validator,
                    serial: k.serial,
                })
            }
            (None, None) => Err(RegistryError::Status {
                url: key,
                index: shown.to_owned(),
                status: 304,
            }),
        }
    }

    /// How long a project page read from an index is reused (a long-running proxy
    /// must see new releases).
    #[must_use]
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self.documents = self.documents.map(|f| f.min(ttl));
        self
    }

    /// Sets the retry policy (tests shorten the pauses).
    #[must_use]
    pub fn with_retries(mut self, attempts: u32, backoff: Duration) -> Self {
        self.http = self.http.with_retries(attempts, backoff);
        self
    }

    /// The HTTP client, with the trust store and retries of the registry client.
    #[must_use]
    pub fn http(&self) -> &Http {
        &self.http
    }

    /// The configuration in use.
    #[must_use]
    pub fn config(&self) -> &IndexConfig {
        &self.config
    }

    /// The artifact cache.
    #[must_use]
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// Reads a project's page from its index (once per client: later calls share it).
    ///
    /// # Errors
    /// When no index is configured, the index cannot be reached, has no such project,
    /// or answers something that is not a project page.
    pub fn project(&self, ecosystem: Ecosystem, name: &str) -> Result<Arc<Project>, RegistryError> {
        let key = (ecosystem, canonical_name(ecosystem, name));
        let fresh = |this: &Self| {
            this.lock()
                .get(&key)
                .filter(|(at, _)| at.elapsed() < this.ttl)
                .map(|(_, p)| Arc::clone(p))
        };
        if let Some(p) = fresh(self) {
            return Ok(p);
        }
        let turn = Arc::clone(
            self.turns
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .entry(key.clone())
                .or_default(),
        );
        let result = {
            let _mine = turn
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match fresh(self) {
                Some(p) => Ok(p),
                None => match ecosystem {
                    Ecosystem::Pypi => self.pypi_project(name),
                    Ecosystem::Npm => self.npm_project(name).map(|r| r.0),
                }
                .map(|p| {
                    let p = Arc::new(p);
                    self.remember(key.clone(), &p);
                    p
                }),
            }
        };
        let mut turns = self
            .turns
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Held by the map and by this call: nobody else is waiting.
        if Arc::strong_count(&turn) <= 2 {
            turns.remove(&key);
        }
        result
    }

    fn remember(&self, key: (Ecosystem, String), project: &Arc<Project>) {
        self.lock()
            .insert(key, (std::time::Instant::now(), Arc::clone(project)));
    }

    /// The npm package document as the registry sends it, read afresh, with its
    /// parsed form (which later calls of [`Registry::project`] reuse).
    ///
    /// # Errors
    /// As [`Registry::project`].
    pub fn npm_document(
        &self,
        name: &str,
    ) -> Result<(serde_json::Value, Arc<Project>), RegistryError> {
        let (project, body, url, index) = self.npm_project(name)?;
        let raw: serde_json::Value =
            serde_json::from_slice(&body).map_err(|e| RegistryError::Garbage {
                url,
                index,
                message: format!("not JSON: {e}"),
            })?;
        let project = Arc::new(project);
        self.remember(
            (Ecosystem::Npm, canonical_name(Ecosystem::Npm, name)),
            &project,
        );
        Ok((raw, project))
    }

    /// The last page read for a project, however old (for serving while the index
    /// cannot be reached).
    #[must_use]
    pub fn cached_project(&self, ecosystem: Ecosystem, name: &str) -> Option<Arc<Project>> {
        self.lock()
            .get(&(ecosystem, canonical_name(ecosystem, name)))
            .map(|(_, p)| Arc::clone(p))
    }

    /// A project page read again only if it changed since the last read of this client
    /// (a conditional request with the `ETag` the index sent): `None` when unchanged.
    /// For `watch`, which polls many packages often.
    ///
    /// # Errors
    /// As [`Registry::project`].
    pub fn project_if_changed(
        &self,
        ecosystem: Ecosystem,
        name: &str,
    ) -> Result<Option<Arc<Project>>, RegistryError> {
        let key = (ecosystem, canonical_name(ecosystem, name));
        let known = self
            .etags
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
            .cloned()
            .filter(|_| self.cached_project(ecosystem, name).is_some());
        let (index, url, accept, token) = match ecosystem {
            Ecosystem::Pypi => {
                let index = self
                    .config
                    .pypi
                    .as_ref()
                    .ok_or_else(|| IndexConfig::missing("pypi"))?;
                (
                    index,
                    format!("{}/{}/", index.url, key.1),
                    pypi::SIMPLE_ACCEPT,
                    None,
                )
            }
            Ecosystem::Npm => {
                let index = self
                    .config
                    .npm_for(name)
                    .ok_or_else(|| IndexConfig::missing("npm"))?;
                let url = npm::document_url(&index.url, name);
                let token = self.config.npm_token_for(&url).map(str::to_owned);
                (index, url, "application/json", token)
            }
        };
        let shown = redact(&index.url);
        let Some(r) = self.http.get_if(
            &url,
            accept,
            token.as_deref(),
            MAX_DOCUMENT,
            &shown,
            known.as_deref(),
        )?
        else {
            return Ok(None);
        };
        // PyPI's serial: the same number means the same project, whatever the cache
        // in front of the index answered.
        if let Some(serial) = &r.serial {
            let mut serials = self
                .serials
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let same =
                serials.get(&key) == Some(serial) && self.cached_project(ecosystem, name).is_some();
            serials.insert(key.clone(), serial.clone());
            if same {
                return Ok(None);
            }
        }
        let project = Arc::new(match ecosystem {
            Ecosystem::Pypi => pypi::parse_simple(name, &r.url, &r.content_type, &r.body, &shown)?,
            Ecosystem::Npm => npm::parse_document(name, &r.url, &r.body, &shown)?,
        });
        if let Some(etag) = r.etag {
            self.etags
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(key.clone(), etag);
        }
        self.remember(key, &project);
        Ok(Some(project))
    }

    /// A PyPI project page read afresh (for the proxy).
    ///
    /// # Errors
    /// As [`Registry::project`].
    pub fn pypi_fresh(&self, name: &str) -> Result<Arc<Project>, RegistryError> {
        let project = Arc::new(self.pypi_project(name)?);
        self.remember(
            (Ecosystem::Pypi, canonical_name(Ecosystem::Pypi, name)),
            &project,
        );
        Ok(project)
    }

    /// GETs a URL of a project's index as it is (PEP 658 metadata files).
    ///
    /// # Errors
    /// When the index cannot be reached or answers an error.
    pub fn get_raw(&self, project: &Project, url: &str) -> Result<Vec<u8>, RegistryError> {
        Ok(self
            .http
            .get(url, "*/*", None, MAX_DOCUMENT, &project.index)?
            .body)
    }

    /// The npm registry's signing keys (`/-/npm/v1/keys` of the registry that serves
    /// `name`), as the registry answers: `None` when it publishes none (404, as mirrors).
    ///
    /// # Errors
    /// When the registry cannot be reached or answers an error other than 404.
    pub fn npm_keys(&self, name: &str) -> Result<Option<Vec<u8>>, RegistryError> {
        let index = self
            .config
            .npm_for(name)
            .ok_or_else(|| IndexConfig::missing("npm"))?;
        let url = format!("{}/-/npm/v1/keys", index.url);
        match self.http.get(
            &url,
            "application/json",
            self.config.npm_token_for(&url),
            1 << 20,
            &redact(&index.url),
        ) {
            Ok(r) => Ok(Some(r.body)),
            Err(RegistryError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Projects> {
        self.projects
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn pypi_project(&self, name: &str) -> Result<Project, RegistryError> {
        let index = self
            .config
            .pypi
            .as_ref()
            .ok_or_else(|| IndexConfig::missing("pypi"))?;
        let shown = redact(&index.url);
        let url = format!("{}/{}/", index.url, canonical_name(Ecosystem::Pypi, name));
        let page = self.get_document(&url, pypi::SIMPLE_ACCEPT, None, &shown)?;
        let mut project =
            pypi::parse_simple(name, &page.url, &page.content_type, &page.body, &shown)?;
        let timeless = project
            .releases
            .iter()
            .all(|r| r.files.iter().all(|f| f.uploaded.is_none()));
        if timeless && let Some(base) = index.url.strip_suffix("/simple") {
            let json = format!("{base}/pypi/{}/json", canonical_name(Ecosystem::Pypi, name));
            if let Ok(r) = self.get_document(&json, "application/json", None, &shown) {
                pypi::fill_upload_times(&mut project, &r.body);
            }
        }
        if project.releases.is_empty() {
            return Err(RegistryError::NoSuchRelease {
                what: format!("{name} has no files on the index {shown}"),
            });
        }
        Ok(project)
    }

    fn npm_project(&self, name: &str) -> Result<(Project, Vec<u8>, String, String), RegistryError> {
        let index = self
            .config
            .npm_for(name)
            .ok_or_else(|| IndexConfig::missing("npm"))?;
        let shown = redact(&index.url);
        let url = npm::document_url(&index.url, name);
        let token = self.config.npm_token_for(&url);
        let doc = self.get_document(&url, "application/json", token, &shown)?;
        let project = npm::parse_document(name, &doc.url, &doc.body, &shown)?;
        if project.releases.is_empty() {
            return Err(RegistryError::NoSuchRelease {
                what: format!("{name} has no versions on the registry {shown}"),
            });
        }
        Ok((project, doc.body, doc.url, shown))
    }

    /// The project and the version a spec names, as the ecosystem's installer reads
    /// it: an exact version (npm: a bare full version, `=1.2.3`; PyPI: `==1.2.3`) is that
    /// version or an error ([`RegistryError::NotListed`]), never another one; an npm
    /// dist-tag is the version it points to; a range or specifier is the highest listed
    /// version meeting it (npm: the `latest` tag when it meets it, as npm picks);
    /// no version is the default release.
    ///
    /// # Errors
    /// As [`Registry::project`]; when an exact version is not listed, or nothing meets
    /// the range.
    pub fn resolve(&self, spec: &Spec) -> Result<(Arc<Project>, String), RegistryError> {
        let project = self.project(spec.ecosystem, &spec.name)?;
        let version = resolve_in(&project, spec)?;
        Ok((project, version))
    }

    /// Downloads a file (or takes it from the cache) and checks it against the index's
    /// digest. A mismatching download is returned, marked, and not cached.
    ///
    /// # Errors
    /// When the file cannot be downloaded, or its cached copy was altered.
    pub fn fetch(&self, project: &Project, file: &FileRef) -> Result<Fetched, RegistryError> {
        if let Some(digest) = &file.digest
            && let Some(bytes) = self.cache.get(digest)?
        {
            return Ok(Fetched {
                bytes,
                integrity: Integrity::Verified {
                    algorithm: digest.algorithm(),
                    digest: digest.hex().to_owned(),
                },
                from_cache: true,
            });
        }
        if self.offline {
            return Err(RegistryError::Offline {
                what: redact(&file.url),
            });
        }
        let token = match project.ecosystem {
            Ecosystem::Npm => self.config.npm_token_for(&file.url),
            Ecosystem::Pypi => None,
        };
        let response = self
            .http
            .get(&file.url, "*/*", token, MAX_ARTIFACT, &project.index)?;
        let bytes = response.body;
        let integrity = match &file.digest {
            None => Integrity::Unchecked,
            Some(digest) => {
                let actual = digest_of(digest, &bytes);
                if actual == digest.hex() {
                    self.cache.put(digest, &bytes)?;
                    Integrity::Verified {
                        algorithm: digest.algorithm(),
                        digest: actual,
                    }
                } else {
                    Integrity::Mismatch {
                        algorithm: digest.algorithm(),
                        expected: digest.hex().to_owned(),
                        actual,
                    }
                }
            }
        };
        Ok(Fetched {
            bytes,
            integrity,
            from_cache: false,
        })
    }

    /// Downloads a file into the cache (or takes it from there) as [`Registry::fetch`]
    /// does, streaming it to disk and hashing it on the way: memory stays one buffer
    /// whatever the artifact's size. A download that matches the index's digest is
    /// cached; one that does not, or has no digest to match, is kept only in a
    /// temporary file that goes when the returned value is dropped.
    ///
    /// # Errors
    /// When the file cannot be downloaded or kept, or its cached copy was altered.
    pub fn fetch_file(
        &self,
        project: &Project,
        file: &FileRef,
    ) -> Result<FetchedFile, RegistryError> {
        self.fetch_file_with(project, file, None)
    }

    /// Downloads a file as [`Registry::fetch_file`] does, and while it streams in, hands
    /// `follow`, on another thread, a reader of its bytes as they arrive (so that an
    /// archive can be read and its code analysed during the transfer). The reader ends
    /// with the download: at the file's end when it finished, with an error when it
    /// failed or broke off and started over. This returns once both are done. A file
    /// taken from the cache is not downloaded and `follow` is not called.
    ///
    /// What `follow` reads is not checked against any digest: only the returned file is.
    ///
    /// # Errors
    /// As [`Registry::fetch_file`].
    pub fn fetch_file_following(
        &self,
        project: &Project,
        file: &FileRef,
        follow: &Follower<'_>,
    ) -> Result<FetchedFile, RegistryError> {
        self.fetch_file_with(project, file, Some(follow))
    }

    fn fetch_file_with(
        &self,
        project: &Project,
        file: &FileRef,
        follow: Option<&Follower<'_>>,
    ) -> Result<FetchedFile, RegistryError> {
        if let Some(digest) = &file.digest
            && let Some((opened, sha256, size)) = self.cache.open_checked(digest)?
        {
            return Ok(FetchedFile {
                file: opened,
                integrity: Integrity::Verified {
                    algorithm: digest.algorithm(),
                    digest: digest.hex().to_owned(),
                },
                from_cache: true,
                sha256,
                size,
                _temporary: None,
            });
        }
        let token = match project.ecosystem {
            Ecosystem::Npm => self.config.npm_token_for(&file.url),
            Ecosystem::Pypi => None,
        };
        let mut incoming = cache::Incoming::new(&self.cache, file.digest.as_ref());
        let download = |sink: &mut dyn http::BodySink| {
            self.http
                .get_streamed(&file.url, "*/*", token, MAX_ARTIFACT, &project.index, sink)
        };
        match follow {
            None => download(&mut incoming)?,
            Some(follow) => {
                let shared = follow::Shared::default();
                std::thread::scope(|scope| {
                    scope.spawn(|| follow(&mut follow::Following::new(&shared)));
                    let _ended = follow::EndGuard(&shared);
                    let head = download(&mut follow::Leading {
                        incoming: &mut incoming,
                        shared: &shared,
                    });
                    shared.end(head.is_ok());
                    head
                })?
            }
        };
        let kept = |e: std::io::Error| RegistryError::Cache {
            path: self.cache.dir().join("incoming"),
            message: e.to_string(),
        };
        let (temporary, hashed) = incoming.finish().map_err(kept)?;
        let (integrity, opened, temporary) = match &file.digest {
            None => {
                let (opened, path) = temporary.into_parts();
                (Integrity::Unchecked, opened, Some(path))
            }
            Some(digest) => {
                let actual = hashed.in_algorithm_of(digest);
                if actual == digest.hex() {
                    let opened = self.cache.keep(digest, temporary)?;
                    (
                        Integrity::Verified {
                            algorithm: digest.algorithm(),
                            digest: actual,
                        },
                        opened,
                        None,
                    )
                } else {
                    let (opened, path) = temporary.into_parts();
                    (
                        Integrity::Mismatch {
                            algorithm: digest.algorithm(),
                            expected: digest.hex().to_owned(),
                            actual,
                        },
                        opened,
                        Some(path),
                    )
                }
            }
        };
        let mut opened = opened;
        std::io::Seek::rewind(&mut opened).map_err(kept)?;
        Ok(FetchedFile {
            file: opened,
            integrity,
            from_cache: false,
            sha256: hashed.sha256,
            size: hashed.len,
            _temporary: temporary,
        })
    }

    /// Reads who a PyPI release's provenance says built it (PEP 740 provenance object).
    /// `None` when there is no provenance link or it cannot be read: the identity is
    /// then unknown, which is not the same as absent.
    #[must_use]
    pub fn publisher(&self, project: &Project, provenance: &Provenance) -> Option<Publisher> {
        let Provenance::Present {
            url: Some(url),
            publisher,
        } = provenance
        else {
            return None;
        };
        if publisher.is_some() {
            return publisher.clone();
        }
        let doc = self.provenance_document(project, url).ok()?;
        match project.ecosystem {
            Ecosystem::Npm => npm::publisher_from_attestations(&doc),
            Ecosystem::Pypi => pypi::publisher_from_provenance(&doc),
        }
    }

    /// The provenance document at `url` (npm's attestations document, PEP 740's
    /// provenance object), read once per client: the history's publisher and the
    /// verification of the same file both need it.
    ///
    /// # Errors
    /// When the index cannot be reached or answers an error.
    pub fn provenance_document(
        &self,
        project: &Project,
        url: &str,
    ) -> Result<Arc<Vec<u8>>, RegistryError> {
        let memo = |m: &Self| {
            m.provenance_docs
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(url)
                .cloned()
        };
        if let Some(doc) = memo(self) {
            return Ok(doc);
        }
        // A published provenance document does not change: one kept between runs is
        // used whatever its age.
        let keep = self.offline || self.documents.is_some();
        let kept = (keep && !self.refresh)
            .then(|| self.cache.document(&redact(url)))
            .flatten();
        if let Some(kept) = kept {
            return Ok(self.memo_provenance(url, kept.body));
        }
        if self.offline {
            return Err(RegistryError::Offline { what: redact(url) });
        }
        let (accept, token) = match project.ecosystem {
            Ecosystem::Npm => ("application/json", self.config.npm_token_for(url)),
            Ecosystem::Pypi => (
                "application/vnd.pypi.integrity.v1+json, application/json",
                None,
            ),
        };
        let response = self
            .http
            .get(url, accept, token, 16 << 20, &project.index)?;
        if keep {
            // Keeping is an optimisation: a cache that cannot be written costs the next
            // run a read, nothing else.
            let _ = self.cache.put_document(&KeptDocument {
                url: redact(url),
                final_url: response.url.clone(),
                content_type: response.content_type.clone(),
                validator: None,
                serial: None,
                checked_at: cache::epoch_seconds(),
                body: response.body.clone(),
            });
        }
        Ok(self.memo_provenance(url, response.body))
    }

    /// Keeps a provenance document in memory for this client.
    fn memo_provenance(&self, url: &str, body: Vec<u8>) -> Arc<Vec<u8>> {
        let doc = Arc::new(body);
        let mut docs = self
            .provenance_docs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if docs.len() >= MAX_PROVENANCE_DOCS {
            docs.clear();
        }
        docs.insert(url.to_owned(), Arc::clone(&doc));
        doc
    }
}

/// The highest versions a project lists, for error messages.
fn recent_versions(project: &Project) -> String {
    let recent: Vec<&str> = project
        .releases
        .iter()
        .rev()
        .take(5)
        .map(|r| r.version.as_str())
        .collect();
    if recent.is_empty() {
        "none".to_owned()
    } else {
        recent.join(", ")
    }
}

/// The version of `project` that `spec` names (see [`Registry::resolve`]).
///
/// # Errors
/// When an exact version is not listed, a tag points nowhere, or nothing meets a range.
pub fn resolve_in(project: &Project, spec: &Spec) -> Result<String, RegistryError> {
    let not_listed = |version: &str| RegistryError::NotListed {
        package: spec.to_string(),
        version: version.to_owned(),
        index: project.index.clone(),
        recent: recent_versions(project),
    };
    let no_match = |why: &str| RegistryError::NoSuchRelease {
        what: format!(
            "{spec}: {why} on {} (latest versions: {})",
            project.index,
            recent_versions(project)
        ),
    };
    let Some(asked) = spec.version.as_deref().map(str::trim) else {
        return project
            .default_release()
            .map(|r| r.version.clone())
            .ok_or_else(|| no_match("no release"));
    };
    let highest = |meets: &dyn Fn(&str) -> bool| {
        project
            .releases
            .iter()
            .rev()
            .filter(|r| !r.yanked)
            .find(|r| meets(&r.version))
            .map(|r| r.version.clone())
    };
    match spec.ecosystem {
        Ecosystem::Npm => {
            if let Some(exact) = npm_exact(asked) {
                let exact = exact.to_string();
                return project
                    .release(&exact)
                    .map(|r| r.version.clone())
                    .ok_or_else(|| not_listed(&exact));
            }
            if asked == "latest" && !project.tags.contains_key(asked) {
                return project
                    .default_release()
                    .map(|r| r.version.clone())
                    .ok_or_else(|| no_match("no release"));
            }
            if let Some(tagged) = project.tags.get(asked) {
                return project
                    .release(tagged)
                    .map(|r| r.version.clone())
                    .ok_or_else(|| not_listed(tagged));
            }
            if !valid_requirement(Ecosystem::Npm, asked) {
                return Err(no_match(&format!(
                    "{asked:?} is neither a version, a dist-tag nor a range"
                )));
            }
            let meets = |v: &str| satisfies(Ecosystem::Npm, asked, v);
            // npm takes the `latest` tag's version when it meets the range.
            project
                .latest
                .as_deref()
                .and_then(|l| project.release(l))
                .filter(|r| meets(&r.version))
                .map(|r| r.version.clone())
                .or_else(|| highest(&meets))
                .ok_or_else(|| no_match(&format!("no version meets {asked}")))
        }
        Ecosystem::Pypi => {
            let operator = asked.starts_with(['=', '<', '>', '!', '~']);
            if !operator && !asked.contains('*') {
                // `NAME==VERSION`: that release (PEP 440 equality: 2.0 is 2.0.0).
                return project
                    .release(asked)
                    .map(|r| r.version.clone())
                    .ok_or_else(|| not_listed(asked));
            }
            let requirement = if operator {
                asked.to_owned()
            } else {
                format!("=={asked}")
            };
            if valid_requirement(Ecosystem::Pypi, &requirement) {
                highest(&|v| satisfies(Ecosystem::Pypi, &requirement, v))
                    .ok_or_else(|| no_match(&format!("no version meets {requirement}")))
            } else {
                Err(no_match(&format!(
                    "{requirement:?} is not a PEP 440 version specifier"
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Threads that find a project page stale together cause one read of the index.
    #[test]
    fn one_read_for_callers_that_ask_together() {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let reads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Arc::clone(&reads);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { return };
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                // Slow enough that every caller arrives while the first read is under way.
                std::thread::sleep(Duration::from_millis(300));
                let body = r#"{"name":"demo","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"demo","version":"1.0.0"}},"time":{}}"#;
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        let dir = std::env::temp_dir().join(format!("customs-turns-{}", std::process::id()));
        let config = IndexConfig {
            npm: Some(Located {
                url,
                source: "test".into(),
            }),
            ..IndexConfig::default()
        };
        let registry = Registry::new(config, Cache::new(&dir)).expect("client");
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    let p = registry.project(Ecosystem::Npm, "demo").expect("reads");
                    assert_eq!(p.releases.len(), 1);
                });
            }
        });
        assert_eq!(reads.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(
            registry.turns.lock().expect("lock").is_empty(),
            "no lock left behind"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    use super::*;

    /// Serves `bodies` in turn, one a connection: (bytes sent, length announced).
    fn serve_in_turn(bodies: Vec<(Vec<u8>, usize)>) -> String {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        let url = format!(
            "http://{}/a/-/a-1.0.0.tgz",
            listener.local_addr().expect("addr")
        );
        std::thread::spawn(move || {
            let mut bodies = bodies.into_iter();
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { return };
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                let Some((body, announced)) = bodies.next() else {
                    return;
                };
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Length: {announced}\r\nConnection: close\r\n\r\n"
                );
                let _ = s.write_all(&body);
            }
        });
        url
    }

    fn fetch_setup(url: &str, digest: Digest, tag: &str) -> (Registry, Project, FileRef, PathBuf) {
        let dir = std::env::temp_dir().join(format!("customs-fetch-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let registry = Registry::new(IndexConfig::default(), Cache::new(&dir))
            .expect("client")
            .with_retries(2, Duration::from_millis(10));
        let mut project = npm_project(&["1.0.0"], "1.0.0");
        project.index = "loopback".into();
        let mut file = project.releases[0].files[0].clone();
        file.url = url.to_owned();
        file.digest = Some(digest);
        (registry, project, file, dir)
    }

    fn incoming_files(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir.join("incoming")).map_or(0, Iterator::count)
    }

    /// A download streamed to disk: a try that breaks off mid-body starts over (its
    /// bytes are not kept), the complete one is cached under the index's digest, and
    /// the value handed back reads as those bytes.
    #[test]
    fn a_streamed_download_restarts_after_a_broken_try_and_is_cached_whole() {
        use sha2::Digest as _;
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let sha512 = hex::encode(sha2::Sha512::digest(&bytes));
        let url = serve_in_turn(vec![
            (bytes[..100_000].to_vec(), bytes.len()),
            (bytes.clone(), bytes.len()),
        ]);
        let (registry, project, file, dir) =
            fetch_setup(&url, Digest::Sha512(sha512.clone()), "restart");
        let fetched = registry.fetch_file(&project, &file).expect("fetched");
        assert!(matches!(fetched.integrity, Integrity::Verified { .. }));
        assert!(!fetched.from_cache);
        assert_eq!(fetched.size, bytes.len() as u64);
        assert_eq!(fetched.sha256, hex::encode(sha2::Sha256::digest(&bytes)));
        assert_eq!(fetched.read_all().expect("reads"), bytes);
        let cached =
            std::fs::read(registry.cache().path_of(&Digest::Sha512(sha512))).expect("cached");
        assert_eq!(cached, bytes);
        assert_eq!(incoming_files(&dir), 0, "the broken try left a file behind");
        // From the cache now, checked as it is read.
        let again = registry.fetch_file(&project, &file).expect("cached");
        assert!(again.from_cache);
        assert_eq!(again.read_all().expect("reads"), bytes);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A follower reads a download while it streams: the server holds the second half
    /// back until the follower has read the first, and the follower ends with exactly
    /// the download's bytes; the file is cached whole and checked as without a follower.
    #[test]
    fn a_follower_reads_the_download_while_it_streams() {
        use sha2::Digest as _;
        use std::io::{Read, Write};
        let bytes: Vec<u8> = (0..400_000u32).map(|i| (i % 253) as u8).collect();
        let half = bytes.len() / 2;
        let (read_half, half_read) = std::sync::mpsc::channel::<()>();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        let url = format!(
            "http://{}/a/-/a-1.0.0.tgz",
            listener.local_addr().expect("addr")
        );
        let body = bytes.clone();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().expect("accepts");
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body[..half]);
            let _ = s.flush();
            // The rest only once the follower has seen the first half (or never was told).
            let in_time = half_read.recv_timeout(Duration::from_secs(20)).is_ok();
            let _ = s.write_all(&body[half..]);
            in_time
        });
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        let (registry, project, file, dir) =
            fetch_setup(&url, Digest::Sha256(sha256.clone()), "follow");
        let seen = Mutex::new(Vec::new());
        let ended = Mutex::new(None);
        let fetched = registry
            .fetch_file_following(&project, &file, &|reader| {
                let mut buf = vec![0u8; 8192];
                let mut told = false;
                let mut got = Vec::new();
                let end = loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break Ok(()),
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                        Err(e) => break Err(e.to_string()),
                    }
                    if !told && got.len() >= half {
                        told = true;
                        let _ = read_half.send(());
                    }
                };
                *seen.lock().expect("lock") = got;
                *ended.lock().expect("lock") = Some(end);
            })
            .expect("fetched");
        assert!(
            server.join().expect("server"),
            "the follower never saw the first half during the download"
        );
        assert_eq!(ended.into_inner().expect("lock"), Some(Ok(())));
        assert_eq!(seen.into_inner().expect("lock"), bytes);
        assert!(matches!(fetched.integrity, Integrity::Verified { .. }));
        assert_eq!(fetched.sha256, sha256);
        assert_eq!(fetched.read_all().expect("reads"), bytes);
        // From the cache the follower is not called: there is nothing to follow.
        let called = std::sync::atomic::AtomicBool::new(false);
        let again = registry
            .fetch_file_following(&project, &file, &|_| {
                called.store(true, std::sync::atomic::Ordering::SeqCst);
            })
            .expect("cached");
        assert!(again.from_cache);
        assert!(!called.load(std::sync::atomic::Ordering::SeqCst));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A try that breaks off after the follower read from it ends the follower with an
    /// error (the next try is other bytes), and the download still completes; a
    /// download that fails for good ends the follower with an error too.
    #[test]
    fn a_follower_is_ended_by_a_broken_try_and_by_a_failed_download() {
        use sha2::Digest as _;
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 241) as u8).collect();
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        fn follower(
            outcome: &Mutex<Option<Result<usize, String>>>,
        ) -> impl Fn(&mut (dyn std::io::Read + Send)) + Sync + '_ {
            move |reader| {
                let mut all = Vec::new();
                let r = reader.read_to_end(&mut all).map_err(|e| e.to_string());
                *outcome.lock().expect("lock") = Some(r);
            }
        }
        let url = serve_in_turn(vec![
            (bytes[..150_000].to_vec(), bytes.len()),
            (bytes.clone(), bytes.len()),
        ]);
        let (registry, project, file, dir) =
            fetch_setup(&url, Digest::Sha256(sha256.clone()), "follow-broken");
        let outcome = Mutex::new(None);
        let fetched = registry
            .fetch_file_following(&project, &file, &follower(&outcome))
            .expect("the second try completes");
        assert_eq!(fetched.read_all().expect("reads"), bytes);
        let said = outcome
            .into_inner()
            .expect("lock")
            .expect("the follower ran");
        // Either it was still on the first try when it broke (an error), or it started
        // only with the second try and read it whole; never a mix of the two.
        match said {
            Ok(n) => assert_eq!(n, bytes.len()),
            Err(e) => assert!(e.contains("started over"), "{e}"),
        }
        let _ = std::fs::remove_dir_all(&dir);

        // Every try breaks off: the download fails and so does the follower.
        let url = serve_in_turn(vec![
            (bytes[..1000].to_vec(), bytes.len()),
            (bytes[..1000].to_vec(), bytes.len()),
        ]);
        let (registry, project, file, dir) =
            fetch_setup(&url, Digest::Sha256(sha256), "follow-failed");
        let outcome = Mutex::new(None);
        registry
            .fetch_file_following(&project, &file, &follower(&outcome))
            .expect_err("no try completes");
        let said = outcome
            .into_inner()
            .expect("lock")
            .expect("the follower ran");
        assert!(
            said.is_err(),
            "a failed download read as complete: {said:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Bytes that do not match the index's digest are handed back marked, never cached,
    /// and their temporary file goes with the value; an altered cached file is an error.
    #[test]
    fn a_mismatching_download_is_not_cached_and_an_altered_cache_is_refused() {
        use sha2::Digest as _;
        let bytes = b"the bytes the index does not list".to_vec();
        let listed = hex::encode(sha2::Sha256::digest(b"the listed bytes"));
        let url = serve_in_turn(vec![(bytes.clone(), bytes.len())]);
        let (registry, project, file, dir) =
            fetch_setup(&url, Digest::Sha256(listed.clone()), "mismatch");
        let fetched = registry.fetch_file(&project, &file).expect("fetched");
        assert!(matches!(fetched.integrity, Integrity::Mismatch { .. }));
        assert_eq!(fetched.read_all().expect("reads"), bytes);
        let cached = registry.cache().path_of(&Digest::Sha256(listed.clone()));
        assert!(!cached.exists(), "mismatching bytes were cached");
        assert_eq!(
            incoming_files(&dir),
            1,
            "the value holds its temporary file"
        );
        drop(fetched);
        assert_eq!(
            incoming_files(&dir),
            0,
            "the temporary file outlived its value"
        );
        // A cached file altered afterwards is refused, not served or re-downloaded.
        std::fs::create_dir_all(cached.parent().expect("parent")).expect("dir");
        std::fs::write(&cached, b"altered").expect("writes");
        let err = registry
            .fetch_file(&project, &file)
            .expect_err("altered cache");
        assert!(matches!(err, RegistryError::CacheTampered { .. }), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn npm_project(versions: &[&str], latest: &str) -> Project {
        let mut docs = serde_json::Map::new();
        for v in versions {
            docs.insert(
                (*v).to_owned(),
                serde_json::json!({"dist": {"tarball": format!("http://127.0.0.1:1/a/-/a-{v}.tgz")}}),
            );
        }
        let body = serde_json::json!({"name": "a", "dist-tags": {"latest": latest, "next": "2.0.0-rc.1", "gone": "9.9.9"}, "versions": docs});
        parse_document(
            "a",
            "http://127.0.0.1:1/a",
            body.to_string().as_bytes(),
            "r",
        )
        .expect("parses")
    }

    /// npm's rules: a bare version is that version or an error, never another one.
    #[test]
    fn npm_specs_resolve_as_npm_reads_them() {
        let p = npm_project(
            &[
                "1.14.0",
                "1.21.1",
                "1.13.2",
                "1.14.2-beta.1",
                "2.0.0-rc.1",
                "0.9.0",
            ],
            "1.21.1",
        );
        let at = |v: &str| {
            let spec = Spec::parse(&format!("npm:a@{v}"))
                .expect("npm")
                .expect("valid");
            resolve_in(&p, &spec)
        };
        let ok = |v: &str| at(v).unwrap_or_else(|e| panic!("{v}: {e}"));
        assert_eq!(ok("1.14.0"), "1.14.0");
        assert_eq!(ok("=1.14.0"), "1.14.0");
        assert_eq!(ok("v1.14.0"), "1.14.0");
        for missing in ["1.14.1", "1.13.99", "1.14.2"] {
            let e = at(missing).expect_err(missing);
            assert!(
                matches!(&e, RegistryError::NotListed { version, .. } if version == missing),
                "{missing}: {e}"
            );
            assert!(e.to_string().contains(missing), "{e}");
        }
        assert_eq!(ok("^1.13.0"), "1.21.1", "latest meets it");
        assert_eq!(ok("~1.14.0"), "1.14.0");
        assert_eq!(ok("1.13"), "1.13.2", "a partial is its line");
        assert_eq!(ok("1.x"), "1.21.1");
        assert_eq!(ok("<1.14.0"), "1.13.2");
        assert_eq!(ok("0.9.0 - 1.13"), "1.13.2");
        assert_eq!(ok("^0.9.0 || ^3"), "0.9.0");
        assert_eq!(ok("next"), "2.0.0-rc.1");
        assert_eq!(ok("latest"), "1.21.1");
        assert_eq!(ok("*"), "1.21.1");
        assert!(at("^3").is_err());
        assert!(matches!(at("gone"), Err(RegistryError::NotListed { .. })));
        assert!(at("nonsense-tag").is_err());
    }

    #[test]
    fn pypi_specs_resolve_exactly() {
        let mut p = npm_project(&[], "0");
        p.ecosystem = Ecosystem::Pypi;
        p.latest = None;
        p.tags.clear();
        p.releases = ["1.0", "1.0.1", "1.1", "2.0rc1"]
            .iter()
            .map(|v| {
                let mut r = Release::new(v);
                r.files.push(FileRef {
                    file_name: format!("a-{v}.tar.gz"),
                    url: format!("http://127.0.0.1:1/a-{v}.tar.gz"),
                    digest: None,
                    uploaded: None,
                    yanked: false,
                    provenance: Provenance::Unknown,
                    requires_python: None,
                    core_metadata: None,
                    yanked_reason: None,
                    registry_signatures: Vec::new(),
                    integrity: None,
                });
                r
            })
            .collect();
        let at = |v: &str| {
            let spec = Spec::parse(&format!("pypi:a{v}"))
                .expect("pypi")
                .expect("valid");
            resolve_in(&p, &spec)
        };
        assert_eq!(at("==1.0.0").expect("PEP 440 equality"), "1.0");
        assert!(
            matches!(at("==1.0.2"), Err(RegistryError::NotListed { version, .. }) if version == "1.0.2")
        );
        assert_eq!(at("==1.0.*").expect("a prefix"), "1.0.1");
        assert_eq!(at(">=1,<2").expect("a range"), "1.1");
        assert!(at("==3.*").is_err());
        assert!(at("~=nonsense").is_err());
    }

    #[test]
    fn specs() {
        let s = |x: &str| Spec::parse(x).expect("registry").expect("valid");
        assert_eq!(s("pypi:requests").version, None);
        assert_eq!(
            s("pypi:requests==2.31.0").version.as_deref(),
            Some("2.31.0")
        );
        assert_eq!(s("pypi:requests>=2,<3").version.as_deref(), Some(">=2,<3"));
        let n = s("npm:@scope/pkg@1.2.3");
        assert_eq!(
            (n.name.as_str(), n.version.as_deref()),
            ("@scope/pkg", Some("1.2.3"))
        );
        assert_eq!(s("npm:left-pad").to_string(), "npm:left-pad");
        assert_eq!(s("npm:axios@^1").to_string(), "npm:axios@^1");
        assert_eq!(s("pypi:demo==1.0").to_string(), "pypi:demo==1.0");
        assert!(Spec::parse("./local.tgz").is_none());
        assert!(Spec::parse("pypi:../etc").expect("prefix").is_err());
        assert!(Spec::parse("pypi:").expect("prefix").is_err());
    }
}
