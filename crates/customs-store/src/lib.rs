//! The local store: OSV records of known-malicious packages (`MAL-` ids, as the
//! OpenSSF malicious-packages data publishes them) and of known vulnerabilities, kept in
//! embedded SQLite.
//!
//! Every lookup also answers from the known-malicious data compiled in ([`embedded`]:
//! DataDog's malicious-software-packages dataset), with no download and no import step.
//! A new store starts with a small embedded default written by this project;
//! `customs db import` loads more from an OSV JSON file, a folder of them, or a zip of
//! them (OSV's ecosystem exports), and `customs db update` fetches such a zip.

use std::io::Read;
use std::path::{Path, PathBuf};
mod db;
pub mod embedded;
mod results;

pub use results::Results;

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions};
use db::{Cell, Db, Exec, Val};
use serde::{Deserialize, Serialize};

/// The records a new store starts with.
const DEFAULT_RECORDS: &str = include_str!("../data/default-osv.json");

/// The largest OSV document read (one file, or one member of a zip).
const MAX_RECORD_FILE: u64 = 64 << 20;
/// The most members read from one zip.
const MAX_ZIP_MEMBERS: usize = 2_000_000;

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or used.
    #[error("the store {location} cannot be used: {message}")]
    Database {
        /// The database file, or its server (password hidden).
        location: String,
        /// The error.
        message: String,
    },
    /// An import source could not be read.
    #[error("{path}: {message}")]
    Import {
        /// The file.
        path: String,
        /// What was wrong.
        message: String,
    },
}

/// Where the store lives when `--store` is not given: `CUSTOMS_STORE`, then
/// `$XDG_DATA_HOME/customs/store.sqlite3`, then `~/.local/share/customs/store.sqlite3`.
#[must_use]
pub fn default_store_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CUSTOMS_STORE").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("customs/store.sqlite3");
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(h) => PathBuf::from(h).join(".local/share/customs/store.sqlite3"),
        None => std::env::temp_dir().join("customs-store.sqlite3"),
    }
}

/// This process as other processes sharing a store name it: host and process id (the
/// owner of scan claims and watch leases, the author of decisions).
#[must_use]
pub fn node_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned());
    format!("{host}:{}", std::process::id())
}

/// Whether the process a claim or lease names (`host:pid`, as [`node_name`] writes it)
/// is known to be gone: it ran on this host, is not this process, and no process with
/// its id runs this program any more (it crashed or was killed, or its id went to
/// another program). A process on another host is never known to be gone: its claims
/// run out instead.
#[must_use]
pub fn node_gone(owner: &str) -> bool {
    let Some((host, pid)) = owner.rsplit_once(':') else {
        return false;
    };
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    let me = node_name();
    let my_host = me.rsplit_once(':').map_or("", |(h, _)| h);
    if host != my_host || pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        // No way to look at other processes here.
        return false;
    }
    let theirs = std::fs::read_link(proc.join(pid.to_string()).join("exe"));
    match (theirs, std::env::current_exe()) {
        (Ok(theirs), Ok(mine)) => theirs != mine,
        // No such process (or it cannot be looked at: then it is not one of ours).
        (Err(e), _) if e.kind() == std::io::ErrorKind::NotFound => true,
        _ => false,
    }
}

pub use customs_model::Advisory;

/// The name reports give the records a new store is seeded with.
const DEFAULT_ORIGIN: &str = "customs default data";

/// How reports name the source of a stored record imported from `origin`.
fn source_of(origin: &str) -> String {
    if origin == DEFAULT_ORIGIN {
        "embedded: customs default records".to_owned()
    } else {
        format!("osv import: {origin}")
    }
}

/// One source of known records, for `customs db status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceStatus {
    /// As reports name it.
    pub source: String,
    /// Records (for the embedded data: listed releases, a name listed for every
    /// version counting one).
    pub records: usize,
    /// Of those, malicious-package records.
    pub malicious: usize,
    /// The date of the data (the embedded dataset's), if known.
    pub date: Option<String>,
    /// When it was imported, in seconds since the Unix epoch, if known.
    pub imported_at: Option<i64>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Records stored (new or updated).
    pub records: usize,
    /// Of those, malicious-package records.
    pub malicious: usize,
    /// Records about other ecosystems, left out.
    pub skipped: usize,
}

#[derive(Deserialize)]
struct Osv {
    id: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    details: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    modified: Option<String>,
    #[serde(default)]
    withdrawn: Option<String>,
    #[serde(default)]
    affected: Vec<Affected>,
}

#[derive(Deserialize, Serialize)]
struct Affected {
    #[serde(default)]
    package: Option<PackageRef>,
    #[serde(default)]
    versions: Vec<String>,
    #[serde(default)]
    ranges: Vec<Range>,
}

#[derive(Deserialize, Serialize)]
struct PackageRef {
    ecosystem: String,
    name: String,
}

#[derive(Deserialize, Serialize, Clone)]
struct Range {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    events: Vec<serde_json::Map<String, serde_json::Value>>,
}

fn ecosystem_of(osv: &str) -> Option<Ecosystem> {
    match osv {
        "PyPI" => Some(Ecosystem::Pypi),
        "npm" => Some(Ecosystem::Npm),
        _ => None,
    }
}

/// Whether `version` falls in an OSV range (events in order: introduced, fixed,
/// last_affected; `introduced: "0"` is the beginning).
fn in_range(eco: Ecosystem, range: &Range, version: &str) -> bool {
    if range.kind == "GIT" {
        return false;
    }
    let mut affected = false;
    for event in &range.events {
        for (kind, v) in event {
            let Some(v) = v.as_str() else { continue };
            match kind.as_str() {
                "introduced" if v == "0" || compare_versions(eco, version, v).is_ge() => {
                    affected = true;
                }
                "fixed" if compare_versions(eco, version, v).is_ge() => affected = false,
                "last_affected" if compare_versions(eco, version, v).is_gt() => affected = false,
                "limit" if compare_versions(eco, version, v).is_ge() => affected = false,
                _ => {}
            }
        }
    }
    affected
}

/// The local store.
#[derive(Debug)]
pub struct Store {
    location: String,
    db: Db,
}

/// The decisions the proxy made about one file, as kept for its log and web page (the
/// model's type, under the name the store has always given it).
pub use customs_model::DecisionRecord as Decision;

impl Store {
    /// Opens (or creates, with the embedded default records) the store in the SQLite
    /// file at `path`, or on the PostgreSQL server a `postgres://` location names.
    ///
    /// # Errors
    /// When the database cannot be opened or created.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_location(&path.to_string_lossy())
    }

    /// Opens the store at `location`: a file path, or `postgres://user:pass@host/db`.
    ///
    /// # Errors
    /// When the database cannot be opened or created.
    pub fn open_location(location: &str) -> Result<Self, StoreError> {
        let shown = db::redact(location);
        let fail = |message: String| StoreError::Database {
            location: shown.clone(),
            message,
        };
        let db = Db::open(location).map_err(fail)?;
        let store = Self {
            location: shown.clone(),
            db,
        };
        let seeded = store
            .db
            .with(|c| c.rows("SELECT value FROM meta WHERE key = 'seeded'", &[]))
            .map_err(fail)?;
        if seeded.is_empty() {
            store
                .import_bytes(DEFAULT_RECORDS.as_bytes(), DEFAULT_ORIGIN)
                .map_err(|e| fail(e.to_string()))?;
            store
                .set_meta(
                    &format!("imported:{DEFAULT_ORIGIN}"),
                    &unix_now().to_string(),
                )
                .map_err(|e| fail(e.to_string()))?;
            store
                .db
                .with(|c| {
                    c.exec(
                        "INSERT INTO meta (key, value) VALUES ('seeded', '1') ON CONFLICT (key) DO NOTHING",
                        &[],
                    )
                })
                .map_err(fail)?;
        }
        Ok(store)
    }

    /// Where the store is: its file, or its server (password hidden).
    #[must_use]
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Whether several processes on several machines can share this store.
    #[must_use]
    pub fn is_shared(&self) -> bool {
        matches!(self.db, Db::Postgres { .. })
    }

    fn db_error(&self, message: String) -> StoreError {
        StoreError::Database {
            location: self.location.clone(),
            message,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut dyn Exec) -> Result<T, String>) -> Result<T, StoreError> {
        self.db.with(f).map_err(|m| self.db_error(m))
    }

    /// Imports OSV records: a JSON file (one record or an array), a folder of them
    /// (searched recursively), or a zip of them. Reports name their source by `path`.
    ///
    /// # Errors
    /// When the path cannot be read, or a file in it is not OSV JSON.
    pub fn import_path(&self, path: &Path) -> Result<ImportSummary, StoreError> {
        self.import_path_as(path, &path.display().to_string())
    }

    /// [`Store::import_path`], the records' source named `origin` (the URL a file was
    /// downloaded from).
    ///
    /// # Errors
    /// When the path cannot be read, or a file in it is not OSV JSON.
    pub fn import_path_as(&self, path: &Path, origin: &str) -> Result<ImportSummary, StoreError> {
        let summary = self.import_one(path, origin)?;
        self.set_meta(&format!("imported:{origin}"), &unix_now().to_string())?;
        Ok(summary)
    }

    fn import_one(&self, path: &Path, origin: &str) -> Result<ImportSummary, StoreError> {
        let shown = path.display().to_string();
        let import_err = |message: String| StoreError::Import {
            path: shown.clone(),
            message,
        };
        let mut total = ImportSummary::default();
        if path.is_dir() {
            let mut stack = vec![path.to_owned()];
            while let Some(dir) = stack.pop() {
                let rd = std::fs::read_dir(&dir).map_err(|e| import_err(e.to_string()))?;
                let mut children: Vec<PathBuf> =
                    rd.filter_map(Result::ok).map(|e| e.path()).collect();
                children.sort();
                for child in children {
                    if child.is_dir() {
                        stack.push(child);
                    } else if child.extension().is_some_and(|e| e == "json" || e == "zip") {
                        add(&mut total, self.import_one(&child, origin)?);
                    }
                }
            }
            return Ok(total);
        }
        let meta = std::fs::metadata(path).map_err(|e| import_err(e.to_string()))?;
        let mut file = std::fs::File::open(path).map_err(|e| import_err(e.to_string()))?;
        let mut head = [0u8; 4];
        let n = file
            .read(&mut head)
            .map_err(|e| import_err(e.to_string()))?;
        drop(file);
        if n == 4 && &head == b"PK\x03\x04" {
            return self.import_zip(path, origin);
        }
        if meta.len() > MAX_RECORD_FILE {
            return Err(import_err(format!("larger than {MAX_RECORD_FILE} bytes")));
        }
        let bytes = std::fs::read(path).map_err(|e| import_err(e.to_string()))?;
        let records = parse_records(&bytes, &shown)?;
        self.write_records(records, origin)
    }

    fn import_zip(&self, path: &Path, origin: &str) -> Result<ImportSummary, StoreError> {
        let shown = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| StoreError::Import {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        self.import_zip_from(file, &shown, origin)
    }

    /// Imports records downloaded from `url`: an OSV zip export, or OSV JSON. Reports
    /// name their source by the URL.
    ///
    /// # Errors
    /// When the bytes are neither, or the database cannot be written.
    pub fn import_download(&self, bytes: Vec<u8>, url: &str) -> Result<ImportSummary, StoreError> {
        let summary = if bytes.starts_with(b"PK\x03\x04") {
            self.import_zip_from(std::io::Cursor::new(bytes), url, url)?
        } else {
            self.write_records(parse_records(&bytes, url)?, url)?
        };
        self.set_meta(&format!("imported:{url}"), &unix_now().to_string())?;
        Ok(summary)
    }

    fn import_zip_from(
        &self,
        reader: impl Read + std::io::Seek,
        shown: &str,
        origin: &str,
    ) -> Result<ImportSummary, StoreError> {
        let err = |m: String| StoreError::Import {
            path: shown.to_owned(),
            message: m,
        };
        let mut zip =
            zip::ZipArchive::new(reader).map_err(|e| err(format!("not a readable zip: {e}")))?;
        if zip.len() > MAX_ZIP_MEMBERS {
            return Err(err(format!("more than {MAX_ZIP_MEMBERS} members")));
        }
        let mut total = ImportSummary::default();
        let mut batch = Vec::new();
        for i in 0..zip.len() {
            let mut member = zip.by_index(i).map_err(|e| err(e.to_string()))?;
            let member_name = member.name().map(|n| n.into_owned()).unwrap_or_default();
            if !member.is_file() || !member_name.ends_with(".json") {
                continue;
            }
            let name = format!("{shown}!/{member_name}");
            let mut bytes = Vec::new();
            member
                .by_ref()
                .take(MAX_RECORD_FILE + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| err(format!("{name}: {e}")))?;
            if bytes.len() as u64 > MAX_RECORD_FILE {
                return Err(err(format!(
                    "{name} is larger than {MAX_RECORD_FILE} bytes"
                )));
            }
            batch.extend(parse_records(&bytes, &name)?);
            if batch.len() >= IMPORT_BATCH {
                add(
                    &mut total,
                    self.write_records(std::mem::take(&mut batch), origin)?,
                );
            }
        }
        add(&mut total, self.write_records(batch, origin)?);
        Ok(total)
    }

    /// Imports the OSV JSON in `bytes` (one record, or an array of records).
    ///
    /// # Errors
    /// When the bytes are not OSV JSON, or the database cannot be written.
    pub fn import_bytes(&self, bytes: &[u8], origin: &str) -> Result<ImportSummary, StoreError> {
        let records = parse_records(bytes, origin)?;
        self.write_records(records, origin)
    }

    /// Writes records in one transaction.
    fn write_records(&self, records: Vec<Osv>, origin: &str) -> Result<ImportSummary, StoreError> {
        self.db
            .transaction(|tx| {
                let mut summary = ImportSummary::default();
                for r in records {
                    let ours: Vec<&Affected> = r
                        .affected
                        .iter()
                        .filter(|a| {
                            a.package
                                .as_ref()
                                .is_some_and(|p| ecosystem_of(&p.ecosystem).is_some())
                        })
                        .collect();
                    tx.exec("DELETE FROM affected WHERE id = ?1", &[Val::Text(&r.id)])?;
                    if ours.is_empty() || r.withdrawn.is_some() {
                        tx.exec("DELETE FROM advisory WHERE id = ?1", &[Val::Text(&r.id)])?;
                        summary.skipped += 1;
                        continue;
                    }
                    let malicious = r.id.starts_with("MAL-");
                    let text = r
                        .summary
                        .clone()
                        .filter(|s| !s.trim().is_empty())
                        .or_else(|| {
                            r.details
                                .as_ref()
                                .map(|d| d.lines().next().unwrap_or("").to_owned())
                        })
                        .unwrap_or_default();
                    let aliases = serde_json::to_string(&r.aliases).unwrap_or_default();
                    tx.exec(
                        "INSERT INTO advisory (id, summary, malicious, aliases, modified, origin)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT (id) DO UPDATE SET summary = excluded.summary,
                           malicious = excluded.malicious, aliases = excluded.aliases,
                           modified = excluded.modified, origin = excluded.origin",
                        &[
                            Val::Text(&r.id),
                            Val::Text(&text),
                            Val::Int(i64::from(malicious)),
                            Val::Text(&aliases),
                            Val::Text(r.modified.as_deref().unwrap_or("")),
                            Val::Text(origin),
                        ],
                    )?;
                    for a in ours {
                        let Some(p) = &a.package else { continue };
                        let Some(eco) = ecosystem_of(&p.ecosystem) else {
                            continue;
                        };
                        tx.exec(
                            "INSERT INTO affected (id, ecosystem, name, versions, ranges) VALUES (?1, ?2, ?3, ?4, ?5)",
                            &[
                                Val::Text(&r.id),
                                Val::Text(eco.as_str()),
                                Val::Text(&canonical_name(eco, &p.name)),
                                Val::Text(&serde_json::to_string(&a.versions).unwrap_or_default()),
                                Val::Text(&serde_json::to_string(&a.ranges).unwrap_or_default()),
                            ],
                        )?;
                    }
                    summary.records += 1;
                    summary.malicious += usize::from(malicious);
                }
                Ok(summary)
            })
            .map_err(|m| self.db_error(m))
    }

    /// The advisories that affect `name` `version` (every version when `version` is
    /// empty only for records that affect all versions): the embedded known-malicious
    /// data's first, then the stored records, each naming its source.
    ///
    /// # Errors
    /// When the database cannot be read (even when the embedded data has an answer:
    /// a store that cannot be read is never taken for one that has nothing more).
    pub fn advisories(
        &self,
        ecosystem: Ecosystem,
        name: &str,
        version: &str,
    ) -> Result<Vec<Advisory>, StoreError> {
        let canonical = canonical_name(ecosystem, name);
        let rows = self.with(|c| {
            c.rows(
                "SELECT a.id, a.summary, a.malicious, a.aliases, f.versions, f.ranges, a.origin
                 FROM affected f JOIN advisory a ON a.id = f.id
                 WHERE f.ecosystem = ?1 AND f.name = ?2 ORDER BY a.malicious DESC, a.id",
                &[Val::Text(ecosystem.as_str()), Val::Text(&canonical)],
            )
        })?;
        let mut out: Vec<Advisory> = embedded::lookup(ecosystem, name, version)
            .into_iter()
            .collect();
        // What this store wrote and cannot read back is damage, never "no advisory".
        let damaged = |what: String| self.db_error(format!("damaged advisory data: {what}"));
        for row in rows {
            let [id, summary, malicious, aliases, versions, ranges, origin] = row.as_slice() else {
                return Err(damaged(format!("a row of {} columns", row.len())));
            };
            let id = id.text();
            let versions: Vec<String> = serde_json::from_str(&versions.text())
                .map_err(|e| damaged(format!("{id}: versions: {e}")))?;
            let ranges: Vec<Range> = serde_json::from_str(&ranges.text())
                .map_err(|e| damaged(format!("{id}: ranges: {e}")))?;
            let all_versions = versions.is_empty()
                && ranges.iter().any(|r| {
                    r.events.len() == 1
                        && r.events[0].get("introduced").and_then(|v| v.as_str()) == Some("0")
                });
            let hit = if version.is_empty() {
                all_versions
            } else {
                versions
                    .iter()
                    .any(|v| compare_versions(ecosystem, v, version).is_eq())
                    || ranges.iter().any(|r| in_range(ecosystem, r, version))
            };
            if hit && !out.iter().any(|a| a.id == id) {
                out.push(Advisory {
                    id,
                    summary: summary.text(),
                    malicious: malicious.int() != 0,
                    aliases: serde_json::from_str(&aliases.text()).unwrap_or_default(),
                    source: source_of(&origin.text()),
                });
            }
        }
        Ok(out)
    }

    /// What was stored for an artifact by its digest (`sha256:…`, `sha512:…`): the
    /// facts of its scan, as JSON, so that each artifact is scanned once.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn verdict(&self, digest: &str) -> Result<Option<String>, StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "SELECT facts FROM verdict WHERE digest = ?1",
                &[Val::Text(digest)],
            )
        })?;
        Ok(rows.first().and_then(|r| r.first()).map(Cell::text))
    }

    /// Stores the facts of an artifact's scan.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn put_verdict(
        &self,
        digest: &str,
        facts: &str,
        scanned_at: i64,
    ) -> Result<(), StoreError> {
        self.with(|c| {
            c.exec(
                "INSERT INTO verdict (digest, facts, scanned_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (digest) DO UPDATE SET facts = excluded.facts, scanned_at = excluded.scanned_at",
                &[Val::Text(digest), Val::Text(facts), Val::Int(scanned_at)],
            )
        })
        .map(|_| ())
    }

    /// Claims the scan of the artifact `key` for `owner` until `until` (seconds since
    /// the epoch). `true` when the claim is `owner`'s: nobody held it, or the holder's
    /// claim ran out (a process that died mid-scan). Several proxies sharing one store
    /// scan each artifact once this way; the others wait for its verdict.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn claim_scan(
        &self,
        key: &str,
        owner: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "INSERT INTO scan_claim (key, owner, until) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, until = excluded.until
                 WHERE scan_claim.until < ?4 OR scan_claim.owner = excluded.owner
                 RETURNING owner",
                &[
                    Val::Text(key),
                    Val::Text(owner),
                    Val::Int(until),
                    Val::Int(now),
                ],
            )
        })?;
        Ok(!rows.is_empty())
    }

    /// Who holds the claim on `key`, and until when: `None` when nobody does.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn scan_claim(&self, key: &str) -> Result<Option<(String, i64)>, StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "SELECT owner, until FROM scan_claim WHERE key = ?1",
                &[Val::Text(key)],
            )
        })?;
        Ok(rows
            .first()
            .filter(|r| r.len() == 2)
            .map(|r| (r[0].text(), r[1].int())))
    }

    /// Takes over the claim on `key` from `from` (a process known to be gone), for
    /// `owner` until `until`. `true` when it is now `owner`'s; `false` when `from` no
    /// longer held it (it finished, or another took it over first).
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn take_over_scan(
        &self,
        key: &str,
        from: &str,
        owner: &str,
        until: i64,
    ) -> Result<bool, StoreError> {
        let n = self.with(|c| {
            c.exec(
                "UPDATE scan_claim SET owner = ?1, until = ?2 WHERE key = ?3 AND owner = ?4",
                &[
                    Val::Text(owner),
                    Val::Int(until),
                    Val::Text(key),
                    Val::Text(from),
                ],
            )
        })?;
        Ok(n == 1)
    }

    /// Removes the scan claims of processes `gone` says are gone (a replica starting
    /// again on the same host clears what its crashed predecessor held). The number
    /// removed.
    ///
    /// # Errors
    /// When the database cannot be read or written.
    pub fn release_claims_of(&self, gone: impl Fn(&str) -> bool) -> Result<usize, StoreError> {
        let rows = self.with(|c| c.rows("SELECT key, owner FROM scan_claim", &[]))?;
        let mut removed = 0;
        for row in rows.iter().filter(|r| r.len() == 2) {
            let (key, owner) = (row[0].text(), row[1].text());
            if gone(&owner) {
                self.release_scan(&key, &owner)?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Gives up a claim taken with [`Store::claim_scan`].
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn release_scan(&self, key: &str, owner: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.exec(
                "DELETE FROM scan_claim WHERE key = ?1 AND owner = ?2",
                &[Val::Text(key), Val::Text(owner)],
            )
        })
        .map(|_| ())
    }

    /// Records a decision of the proxy: counted in the record of the same artifact
    /// (digest and file) and decision, or a new record.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn put_decision(&self, d: &Decision) -> Result<(), StoreError> {
        self.with(|c| {
            c.exec(
                "INSERT INTO decision_log (digest, file, action, ecosystem, package, version,
                     verdict, reason, node, first_ms, last_ms, count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, 1)
                 ON CONFLICT (digest, file, action) DO UPDATE SET
                     count = decision_log.count + 1,
                     first_ms = CASE WHEN excluded.first_ms < decision_log.first_ms
                         THEN excluded.first_ms ELSE decision_log.first_ms END,
                     last_ms = CASE WHEN excluded.last_ms > decision_log.last_ms
                         THEN excluded.last_ms ELSE decision_log.last_ms END,
                     ecosystem = excluded.ecosystem, package = excluded.package,
                     version = excluded.version, verdict = excluded.verdict,
                     reason = excluded.reason, node = excluded.node",
                &[
                    Val::Text(&d.digest),
                    Val::Text(&d.file),
                    Val::Text(&d.action),
                    Val::Text(&d.ecosystem),
                    Val::Text(&d.package),
                    Val::Text(&d.version),
                    Val::Text(&d.verdict),
                    Val::Text(&d.reason),
                    Val::Text(&d.node),
                    Val::Int(d.at_ms),
                ],
            )
        })
        .map(|_| ())
    }

    /// Forgets the decisions last made before `before_ms` (milliseconds since the Unix
    /// epoch); how many records went.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn prune_decisions(&self, before_ms: i64) -> Result<u64, StoreError> {
        self.with(|c| {
            c.exec(
                "DELETE FROM decision_log WHERE last_ms < ?1",
                &[Val::Int(before_ms)],
            )
        })
    }

    /// The latest decisions, last made first; only those about `digest` when it is given.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn decisions(&self, digest: Option<&str>, limit: i64) -> Result<Vec<Decision>, StoreError> {
        let cols = "SELECT last_ms, ecosystem, package, version, file, digest, action, verdict, reason, node, first_ms, count FROM decision_log";
        let rows = self.with(|c| match digest {
            Some(d) => c.rows(
                &format!("{cols} WHERE digest = ?1 ORDER BY last_ms DESC LIMIT ?2"),
                &[Val::Text(d), Val::Int(limit)],
            ),
            None => c.rows(
                &format!("{cols} ORDER BY last_ms DESC LIMIT ?1"),
                &[Val::Int(limit)],
            ),
        })?;
        Ok(rows
            .iter()
            .filter(|r| r.len() == 12)
            .map(|r| Decision {
                at_ms: r[0].int(),
                ecosystem: r[1].text(),
                package: r[2].text(),
                version: r[3].text(),
                file: r[4].text(),
                digest: r[5].text(),
                action: r[6].text(),
                verdict: r[7].text(),
                reason: r[8].text(),
                node: r[9].text(),
                first_ms: r[10].int(),
                count: r[11].int(),
            })
            .collect())
    }

    /// The versions of a watched package seen so far (`None`: never polled).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn watched(&self, package: &str) -> Result<Option<Vec<String>>, StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "SELECT versions FROM watched WHERE package = ?1",
                &[Val::Text(package)],
            )
        })?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .map(|j| serde_json::from_str(&j.text()).unwrap_or_default()))
    }

    /// Records the versions of a watched package seen so far.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn set_watched(
        &self,
        package: &str,
        versions: &[String],
        checked_at: i64,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(versions).unwrap_or_default();
        self.with(|c| {
            c.exec(
                "INSERT INTO watched (package, versions, checked_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (package) DO UPDATE SET versions = excluded.versions, checked_at = excluded.checked_at",
                &[Val::Text(package), Val::Text(&json), Val::Int(checked_at)],
            )
        })
        .map(|_| ())
    }

    /// A value kept under `key` (pins, settings).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let rows =
            self.with(|c| c.rows("SELECT value FROM meta WHERE key = ?1", &[Val::Text(key)]))?;
        Ok(rows.first().and_then(|r| r.first()).map(Cell::text))
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.exec(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[Val::Text(key), Val::Text(value)],
            )
        })
        .map(|_| ())
    }

    /// Keeps `value` under `key` unless something is kept there already (trust on first
    /// use: the first writer wins, whichever process it was). The value kept.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn meta_first(&self, key: &str, value: &str) -> Result<String, StoreError> {
        self.with(|c| {
            c.exec(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                &[Val::Text(key), Val::Text(value)],
            )
        })?;
        Ok(self.meta(key)?.unwrap_or_else(|| value.to_owned()))
    }

    /// Puts packages on the watch job table (those already there keep their schedule).
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn schedule_watch(&self, packages: &[String], now: i64) -> Result<(), StoreError> {
        self.db
            .transaction(|tx| {
                for p in packages {
                    tx.exec(
                        "INSERT INTO watch_job (package, due_at, owner, locked_until) VALUES (?1, ?2, NULL, 0)
                         ON CONFLICT (package) DO NOTHING",
                        &[Val::Text(p), Val::Int(now)],
                    )?;
                }
                Ok(())
            })
            .map_err(|m| self.db_error(m))
    }

    /// Takes up to `limit` watched packages due by `due_by` whose lease ran out by
    /// `now`, for `worker`, leased until `lease_until`. Workers sharing a PostgreSQL
    /// store never take the same package: the rows are picked with
    /// `FOR UPDATE SKIP LOCKED`.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn take_watch_jobs(
        &self,
        worker: &str,
        due_by: i64,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let lock = if self.is_shared() {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE watch_job SET owner = ?1, locked_until = ?2
             WHERE package IN (
                 SELECT package FROM watch_job
                 WHERE due_at <= ?3 AND locked_until < ?5
                 ORDER BY due_at, package LIMIT ?4{lock})
             RETURNING package"
        );
        let rows = self.with(|c| {
            c.rows(
                &sql,
                &[
                    Val::Text(worker),
                    Val::Int(lease_until),
                    Val::Int(due_by),
                    Val::Int(limit),
                    Val::Int(now),
                ],
            )
        })?;
        let mut taken: Vec<String> = rows
            .iter()
            .filter_map(|r| r.first())
            .map(Cell::text)
            .collect();
        taken.sort();
        Ok(taken)
    }

    /// Hands back a package taken with [`Store::take_watch_jobs`], due again at `due_at`.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn finish_watch_job(
        &self,
        package: &str,
        worker: &str,
        due_at: i64,
    ) -> Result<(), StoreError> {
        self.with(|c| {
            c.exec(
                "UPDATE watch_job SET due_at = ?1, owner = NULL, locked_until = 0
                 WHERE package = ?2 AND owner = ?3",
                &[Val::Int(due_at), Val::Text(package), Val::Text(worker)],
            )
        })
        .map(|_| ())
    }

    /// Records that `worker` scanned `package` `version`; `false` when another worker
    /// already had (the release is then not scanned again).
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn record_release_scan(
        &self,
        package: &str,
        version: &str,
        worker: &str,
        verdict: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let n = self.with(|c| {
            c.exec(
                "INSERT INTO release_scan (package, version, worker, verdict, scanned_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (package, version) DO NOTHING",
                &[
                    Val::Text(package),
                    Val::Text(version),
                    Val::Text(worker),
                    Val::Text(verdict),
                    Val::Int(now),
                ],
            )
        })?;
        Ok(n == 1)
    }

    /// Which worker scanned each release of the watched packages: `(package, version,
    /// worker)`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn release_scans(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "SELECT package, version, worker FROM release_scan ORDER BY package, version",
                &[],
            )
        })?;
        Ok(rows
            .iter()
            .filter(|r| r.len() == 3)
            .map(|r| (r[0].text(), r[1].text(), r[2].text()))
            .collect())
    }

    /// Each source of known records: the embedded data (one line per ecosystem), then
    /// what was imported, by where it came from.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn sources(&self) -> Result<Vec<SourceStatus>, StoreError> {
        let mut out = Vec::new();
        for eco in [Ecosystem::Npm, Ecosystem::Pypi] {
            let (_, versions) = embedded::counts(eco);
            out.push(SourceStatus {
                source: format!("{} [{}]", embedded::SOURCE, eco.as_str()),
                records: versions,
                malicious: versions,
                date: Some(embedded::DATE.to_owned()),
                imported_at: None,
            });
        }
        let rows = self.with(|c| {
            c.rows(
                "SELECT origin, COUNT(*), CAST(COALESCE(SUM(malicious), 0) AS BIGINT),
                   COALESCE(MAX(modified), '')
                 FROM advisory GROUP BY origin ORDER BY origin",
                &[],
            )
        })?;
        for row in rows {
            let [origin, records, malicious, newest] = row.as_slice() else {
                return Err(self.db_error(format!("a row of {} columns", row.len())));
            };
            let origin = origin.text();
            let imported_at = self
                .meta(&format!("imported:{origin}"))?
                .and_then(|t| t.parse().ok());
            let newest = newest.text();
            out.push(SourceStatus {
                source: source_of(&origin),
                records: usize::try_from(records.int()).unwrap_or(0),
                malicious: usize::try_from(malicious.int()).unwrap_or(0),
                date: newest.get(..10).map(|d| format!("newest record {d}")),
                imported_at,
            });
        }
        Ok(out)
    }

    /// How many records the store holds, and how many are malicious-package records.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn counts(&self) -> Result<(usize, usize), StoreError> {
        let rows = self.with(|c| {
            c.rows(
                "SELECT COUNT(*), CAST(COALESCE(SUM(malicious), 0) AS BIGINT) FROM advisory",
                &[],
            )
        })?;
        let row = rows.first().cloned().unwrap_or_default();
        let n = |i: usize| usize::try_from(row.get(i).map_or(0, Cell::int)).unwrap_or(0);
        Ok((n(0), n(1)))
    }
}

/// Seconds since the Unix epoch.
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// OSV JSON: one record, or an array of records.
fn parse_records(bytes: &[u8], origin: &str) -> Result<Vec<Osv>, StoreError> {
    let err = |m: String| StoreError::Import {
        path: origin.to_owned(),
        message: m,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| err(format!("not JSON: {e}")))?;
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<_, _>>()
            .map_err(|e| err(format!("not an OSV record: {e}"))),
        other => Ok(vec![
            serde_json::from_value(other).map_err(|e| err(format!("not an OSV record: {e}")))?,
        ]),
    }
}

/// Records written per transaction when importing many files (a zip of an ecosystem
/// export holds hundreds of thousands).
const IMPORT_BATCH: usize = 5_000;

fn add(total: &mut ImportSummary, s: ImportSummary) {
    total.records += s.records;
    total.malicious += s.malicious;
    total.skipped += s.skipped;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new, empty database on the test PostgreSQL server that test.sh starts.
    pub(crate) fn postgres_database(tag: &str) -> String {
        let url = std::env::var("CUSTOMS_TEST_POSTGRES").expect(
            "CUSTOMS_TEST_POSTGRES names the test PostgreSQL server: run ./test.sh, which starts one",
        );
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connects");
        let name = format!(
            "t_{tag}_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
        );
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("creates a database");
        let (base, _) = url.rsplit_once('/').expect("a database in the URL");
        format!("{base}/{name}")
    }

    #[test]
    fn default_records_and_imports() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s/store.sqlite3");
        records_and_imports(&path.to_string_lossy(), dir.path());
    }

    #[test]
    fn default_records_and_imports_on_postgres() {
        let dir = tempfile::tempdir().expect("tempdir");
        records_and_imports(&postgres_database("records"), dir.path());
    }

    fn records_and_imports(location: &str, dir: &Path) {
        let store = Store::open_location(location).expect("opens");
        let (records, malicious) = store.counts().expect("counts");
        assert_eq!((records, malicious), (10, 8));
        let hits = store
            .advisories(Ecosystem::Npm, "event-stream", "3.3.6")
            .expect("reads");
        assert!(hits.len() == 1 && hits[0].malicious, "{hits:?}");
        assert!(
            store
                .advisories(Ecosystem::Npm, "event-stream", "3.3.5")
                .expect("reads")
                .is_empty()
        );
        assert_eq!(
            store
                .advisories(Ecosystem::Pypi, "Colourama", "9.9")
                .expect("reads")
                .len(),
            1
        );
        let lodash = store
            .advisories(Ecosystem::Npm, "lodash", "4.17.20")
            .expect("reads");
        assert!(lodash.len() == 1 && !lodash[0].malicious);
        assert!(
            store
                .advisories(Ecosystem::Npm, "lodash", "4.17.21")
                .expect("reads")
                .is_empty()
        );

        // A zip of records, with one for another ecosystem and a withdrawn one.
        let zip_path = dir.join("osv.zip");
        let mut w = zip::ZipWriter::new(std::fs::File::create(&zip_path).expect("create"));
        let opts = zip::write::SimpleFileOptions::default();
        for (name, body) in [
            (
                "MAL-2099-1.json",
                r#"{"id":"MAL-2099-1","summary":"bad","affected":[{"package":{"ecosystem":"npm","name":"evil-pkg"},"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.2.0"}]}]}]}"#,
            ),
            (
                "GO-1.json",
                r#"{"id":"GO-1","affected":[{"package":{"ecosystem":"Go","name":"x"}}]}"#,
            ),
            (
                "MAL-2099-2.json",
                r#"{"id":"MAL-2099-2","withdrawn":"2099-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"fine"},"versions":["1"]}]}"#,
            ),
        ] {
            w.start_file(name, opts).expect("member");
            std::io::Write::write_all(&mut w, body.as_bytes()).expect("write");
        }
        w.finish().expect("finish");
        let s = store.import_path(&zip_path).expect("imports");
        assert_eq!(
            s,
            ImportSummary {
                records: 1,
                malicious: 1,
                skipped: 2
            }
        );
        assert_eq!(
            store
                .advisories(Ecosystem::Npm, "evil-pkg", "1.2.0")
                .expect("reads")
                .len(),
            1
        );
        assert!(
            store
                .advisories(Ecosystem::Npm, "evil-pkg", "1.2.1")
                .expect("reads")
                .is_empty()
        );
        assert!(
            store
                .advisories(Ecosystem::Npm, "evil-pkg", "0.9.0")
                .expect("reads")
                .is_empty()
        );

        // Reopening keeps the data and does not seed twice.
        drop(store);
        let store = Store::open_location(location).expect("reopens");
        assert_eq!(store.counts().expect("counts"), (11, 9));

        let bad = dir.join("bad.json");
        std::fs::write(&bad, "{\"no\": \"id\"}").expect("write");
        let err = store.import_path(&bad).expect_err("not OSV");
        assert!(err.to_string().contains("bad.json"), "{err}");
    }

    fn shared_state(a: &Store, b: &Store) {
        // One claim at a time; a lapsed claim can be taken over.
        assert!(a.claim_scan("sha256:aa", "a", 100, 160).expect("claims"));
        assert!(!b.claim_scan("sha256:aa", "b", 101, 161).expect("claims"));
        assert!(
            a.claim_scan("sha256:aa", "a", 102, 162)
                .expect("renews its own")
        );
        assert!(
            b.claim_scan("sha256:aa", "b", 170, 230)
                .expect("takes a lapsed claim")
        );
        b.release_scan("sha256:aa", "b").expect("releases");
        assert!(a.claim_scan("sha256:cc", "dead", 100, 400).expect("claims"));
        assert_eq!(
            b.scan_claim("sha256:cc").expect("reads"),
            Some(("dead".to_owned(), 400))
        );
        assert!(
            b.take_over_scan("sha256:cc", "dead", "b", 500)
                .expect("takes")
        );
        assert!(
            !a.take_over_scan("sha256:cc", "dead", "a", 500)
                .expect("too late")
        );
        assert!(a.claim_scan("sha256:dd", "dead", 100, 400).expect("claims"));
        assert_eq!(a.release_claims_of(|o| o == "dead").expect("releases"), 1);
        assert_eq!(b.scan_claim("sha256:dd").expect("reads"), None);
        b.release_scan("sha256:cc", "b").expect("releases");
        assert!(
            a.claim_scan("sha256:aa", "a", 171, 231)
                .expect("claims again")
        );

        // Verdicts written by one are read by the other.
        a.put_verdict("sha256:aa", "{\"verdict\":\"clean\"}", 5)
            .expect("writes");
        assert_eq!(
            b.verdict("sha256:aa").expect("reads").as_deref(),
            Some("{\"verdict\":\"clean\"}")
        );
        a.put_verdict("sha256:aa", "{}", 6).expect("overwrites");
        assert_eq!(
            b.verdict("sha256:aa").expect("reads").as_deref(),
            Some("{}")
        );

        // Decisions, last made first, by digest, one record per artifact and decision.
        for (i, digest) in ["sha256:aa", "sha256:bb", "sha256:aa"].iter().enumerate() {
            let at_ms = 1_000 + i64::try_from(i).unwrap_or(0);
            a.put_decision(&Decision {
                at_ms,
                first_ms: 0,
                count: 0,
                ecosystem: "npm".into(),
                package: "p".into(),
                version: format!("1.0.{i}"),
                file: "p.tgz".into(),
                digest: (*digest).into(),
                action: if i == 1 { "refused" } else { "served" }.into(),
                verdict: "clean".into(),
                reason: String::new(),
                node: "a".into(),
            })
            .expect("writes");
        }
        let all = b.decisions(None, 10).expect("reads");
        assert_eq!(
            all.iter()
                .map(|d| (d.version.as_str(), d.count, d.first_ms, d.at_ms))
                .collect::<Vec<_>>(),
            [("1.0.2", 2, 1_000, 1_002), ("1.0.1", 1, 1_001, 1_001)]
        );
        assert_eq!(b.decisions(None, 1).expect("reads").len(), 1);
        let bb = b.decisions(Some("sha256:bb"), 10).expect("reads");
        assert!(bb.len() == 1 && bb[0].action == "refused", "{bb:?}");
        // Retention: records last made before the cut go, the others stay.
        assert_eq!(a.prune_decisions(1_002).expect("prunes"), 1);
        let left = b.decisions(None, 10).expect("reads");
        assert!(left.len() == 1 && left[0].digest == "sha256:aa", "{left:?}");

        // Watch jobs: each due package goes to one worker; finished ones wait.
        let pkgs: Vec<String> = (0..6).map(|i| format!("npm:p{i}")).collect();
        a.schedule_watch(&pkgs, 10).expect("schedules");
        b.schedule_watch(&pkgs, 99).expect("keeps the schedule");
        let first = a.take_watch_jobs("a", 10, 10, 70, 4).expect("takes");
        let second = b.take_watch_jobs("b", 10, 10, 70, 4).expect("takes");
        assert_eq!(first.len(), 4);
        assert_eq!(second.len(), 2);
        assert!(
            first.iter().all(|p| !second.contains(p)),
            "{first:?} {second:?}"
        );
        assert!(
            a.take_watch_jobs("a", 11, 11, 70, 4)
                .expect("takes")
                .is_empty()
        );
        for p in &first {
            a.finish_watch_job(p, "a", 500).expect("finishes");
        }
        // b's lease runs out at 70: its packages are due again for anyone.
        let again = a.take_watch_jobs("a", 80, 80, 140, 10).expect("takes");
        assert_eq!(again, second);
        assert!(
            b.take_watch_jobs("b", 100, 100, 160, 10)
                .expect("takes")
                .is_empty()
        );
        for p in &again {
            // Not a's to finish any more once b holds it: ignored.
            b.finish_watch_job(p, "b", 0).expect("finishes");
            a.finish_watch_job(p, "a", 900).expect("finishes");
        }
        assert_eq!(
            b.take_watch_jobs("b", 500, 500, 560, 10).expect("takes"),
            first
        );

        // The first pin wins.
        assert_eq!(a.meta("pin:npm:p0").expect("reads"), None);
        assert_eq!(a.meta_first("pin:npm:p0", "x").expect("writes"), "x");
        assert_eq!(b.meta_first("pin:npm:p0", "y").expect("writes"), "x");

        // A release is scanned by one worker.
        assert!(
            a.record_release_scan("npm:p0", "1.0.0", "a", "clean", 1)
                .expect("writes")
        );
        assert!(
            !b.record_release_scan("npm:p0", "1.0.0", "b", "clean", 2)
                .expect("writes")
        );
        assert_eq!(
            b.release_scans().expect("reads"),
            [("npm:p0".to_owned(), "1.0.0".to_owned(), "a".to_owned())]
        );
    }

    #[test]
    fn processes_known_to_be_gone() {
        let me = node_name();
        assert!(!node_gone(&me), "this process runs");
        let (host, _) = me.rsplit_once(':').expect("host:pid");
        // A process that ran and ended.
        let mut child = std::process::Command::new("true").spawn().expect("runs");
        let pid = child.id();
        child.wait().expect("ends");
        assert!(node_gone(&format!("{host}:{pid}")));
        // A process that runs another program.
        let mut other = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .expect("runs");
        assert!(node_gone(&format!("{host}:{}", other.id())));
        let _ = other.kill();
        let _ = other.wait();
        // Elsewhere: not known.
        assert!(!node_gone(&format!("elsewhere.invalid:{pid}")));
        assert!(!node_gone("garbage"));
    }

    #[test]
    fn damaged_advisory_rows_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.sqlite3");
        let store = Store::open(&path).expect("opens");
        store
            .with(|c| {
                c.exec(
                    "UPDATE affected SET ranges = 'x' WHERE name = 'event-stream'",
                    &[],
                )
            })
            .expect("writes");
        let err = store
            .advisories(Ecosystem::Npm, "event-stream", "3.3.6")
            .expect_err("damaged");
        assert!(err.to_string().contains("damaged"), "{err}");
    }

    #[test]
    fn shared_state_in_sqlite() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.sqlite3");
        let a = Store::open(&path).expect("opens");
        let b = Store::open(&path).expect("opens");
        assert!(!a.is_shared());
        shared_state(&a, &b);
    }

    #[test]
    fn decisions_of_an_earlier_store_are_folded_per_artifact_and_decision() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.sqlite3");
        {
            let c = rusqlite::Connection::open(&path).expect("opens");
            c.execute_batch(
                "CREATE TABLE decision (
                    at_ms BIGINT NOT NULL, ecosystem TEXT NOT NULL, package TEXT NOT NULL,
                    version TEXT NOT NULL, file TEXT NOT NULL, digest TEXT NOT NULL,
                    action TEXT NOT NULL, verdict TEXT NOT NULL, reason TEXT NOT NULL,
                    node TEXT NOT NULL);
                 INSERT INTO decision VALUES (10, 'npm', 'p', '1.0.0', 'p.tgz', 'sha256:aa', 'served', 'clean', '', 'n');
                 INSERT INTO decision VALUES (30, 'npm', 'p', '1.0.0', 'p.tgz', 'sha256:aa', 'served', 'clean', '', 'n');
                 INSERT INTO decision VALUES (20, 'npm', 'p', '1.0.0', 'p.tgz', 'sha256:aa', 'refused', 'clean', 'young', 'n');",
            )
            .expect("an earlier store");
        }
        let store = Store::open(&path).expect("opens");
        let all = store.decisions(None, 10).expect("reads");
        assert_eq!(
            all.iter()
                .map(|d| (d.action.as_str(), d.count, d.first_ms, d.at_ms))
                .collect::<Vec<_>>(),
            [("served", 2, 10, 30), ("refused", 1, 20, 20)]
        );
        drop(store);
        // Folded once: opening again counts nothing twice.
        let store = Store::open(&path).expect("reopens");
        assert_eq!(store.decisions(None, 10).expect("reads")[0].count, 2);
    }

    #[test]
    fn shared_state_on_postgres() {
        let url = postgres_database("shared");
        let a = Store::open_location(&url).expect("opens");
        let b = Store::open_location(&url).expect("opens");
        assert!(a.is_shared());
        assert!(a.location().contains("127.0.0.1"));
        shared_state(&a, &b);
    }

    #[test]
    fn postgres_errors_name_the_server() {
        // A port nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let err = Store::open_location(&format!("postgres://u:hunter2@127.0.0.1:{port}/x"))
            .expect_err("nothing there");
        let text = err.to_string();
        assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
        assert!(!text.contains("hunter2"), "the password is hidden: {text}");
    }
}
