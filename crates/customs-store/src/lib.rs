//! The local store: OSV records of known-malicious packages (`MAL-` ids, as the
//! OpenSSF malicious-packages data publishes them) and of known vulnerabilities, kept in
//! embedded SQLite.
//!
//! A new store starts with a small embedded default written by this project (enough to
//! show the feature offline); `customs db import` loads the full data from an OSV JSON
//! file, a folder of them, or a zip of them (OSV's ecosystem exports).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions};
use rusqlite::{Connection, OptionalExtension, params};
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
    #[error("the store {path} cannot be used: {message}")]
    Database {
        /// The database file.
        path: PathBuf,
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

/// A known advisory that affects a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advisory {
    /// The OSV id (`MAL-2024-1234`, `GHSA-...`).
    pub id: String,
    /// Its one-line summary.
    pub summary: String,
    /// Whether it is a malicious-package record.
    pub malicious: bool,
    /// Other ids (CVE, GHSA).
    pub aliases: Vec<String>,
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
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates, with the embedded default records) the store at `path`.
    ///
    /// # Errors
    /// When the database cannot be opened or created.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let fail = |e: &dyn std::fmt::Display| StoreError::Database {
            path: path.to_owned(),
            message: e.to_string(),
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| fail(&e))?;
        }
        let conn = Connection::open(path).map_err(|e| fail(&e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| fail(&e))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS advisory (
                 id TEXT PRIMARY KEY, summary TEXT NOT NULL, malicious INTEGER NOT NULL,
                 aliases TEXT NOT NULL, modified TEXT, origin TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS affected (
                 id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
                 ecosystem TEXT NOT NULL, name TEXT NOT NULL,
                 versions TEXT NOT NULL, ranges TEXT NOT NULL);
             CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, name);
             CREATE INDEX IF NOT EXISTS affected_id ON affected (id);
             CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS verdict (
                 digest TEXT PRIMARY KEY, facts TEXT NOT NULL, scanned_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS watched (
                 package TEXT PRIMARY KEY, versions TEXT NOT NULL, checked_at INTEGER NOT NULL);",
        )
        .map_err(|e| fail(&e))?;
        let store = Self {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        };
        let seeded: Option<String> = store
            .lock()
            .query_row("SELECT value FROM meta WHERE key = 'seeded'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| fail(&e))?;
        if seeded.is_none() {
            store
                .import_bytes(DEFAULT_RECORDS.as_bytes(), "customs default data")
                .map_err(|e| fail(&e))?;
            store
                .lock()
                .execute("INSERT INTO meta (key, value) VALUES ('seeded', '1')", [])
                .map_err(|e| fail(&e))?;
        }
        Ok(store)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The database file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db_error(&self, e: &rusqlite::Error) -> StoreError {
        StoreError::Database {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Imports OSV records: a JSON file (one record or an array), a folder of them
    /// (searched recursively), or a zip of them.
    ///
    /// # Errors
    /// When the path cannot be read, or a file in it is not OSV JSON.
    pub fn import_path(&self, path: &Path) -> Result<ImportSummary, StoreError> {
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
                        add(&mut total, self.import_path(&child)?);
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
            return self.import_zip(path);
        }
        if meta.len() > MAX_RECORD_FILE {
            return Err(import_err(format!("larger than {MAX_RECORD_FILE} bytes")));
        }
        let bytes = std::fs::read(path).map_err(|e| import_err(e.to_string()))?;
        self.import_bytes(&bytes, &shown)
    }

    fn import_zip(&self, path: &Path) -> Result<ImportSummary, StoreError> {
        let shown = path.display().to_string();
        let err = |m: String| StoreError::Import {
            path: shown.clone(),
            message: m,
        };
        let file = std::fs::File::open(path).map_err(|e| err(e.to_string()))?;
        let mut zip =
            zip::ZipArchive::new(file).map_err(|e| err(format!("not a readable zip: {e}")))?;
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
                    self.write_records(std::mem::take(&mut batch), &shown)?,
                );
            }
        }
        add(&mut total, self.write_records(batch, &shown)?);
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
        let mut summary = ImportSummary::default();
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.db_error(&e))?;
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
            tx.execute("DELETE FROM affected WHERE id = ?1", params![r.id])
                .map_err(|e| self.db_error(&e))?;
            if ours.is_empty() || r.withdrawn.is_some() {
                tx.execute("DELETE FROM advisory WHERE id = ?1", params![r.id])
                    .map_err(|e| self.db_error(&e))?;
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
            tx.execute(
                "INSERT OR REPLACE INTO advisory (id, summary, malicious, aliases, modified, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    r.id,
                    text,
                    malicious,
                    serde_json::to_string(&r.aliases).unwrap_or_default(),
                    r.modified,
                    origin
                ],
            )
            .map_err(|e| self.db_error(&e))?;
            for a in ours {
                let Some(p) = &a.package else { continue };
                let Some(eco) = ecosystem_of(&p.ecosystem) else {
                    continue;
                };
                tx.execute(
                    "INSERT INTO affected (id, ecosystem, name, versions, ranges) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        r.id,
                        eco.as_str(),
                        canonical_name(eco, &p.name),
                        serde_json::to_string(&a.versions).unwrap_or_default(),
                        serde_json::to_string(&a.ranges).unwrap_or_default()
                    ],
                )
                .map_err(|e| self.db_error(&e))?;
            }
            summary.records += 1;
            summary.malicious += usize::from(malicious);
        }
        tx.commit().map_err(|e| self.db_error(&e))?;
        Ok(summary)
    }

    /// The advisories that affect `name` `version` (every version when `version` is
    /// empty only for records that affect all versions).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn advisories(
        &self,
        ecosystem: Ecosystem,
        name: &str,
        version: &str,
    ) -> Result<Vec<Advisory>, StoreError> {
        let conn = self.lock();
        let mut stmt = conn
            .prepare_cached(
                "SELECT a.id, a.summary, a.malicious, a.aliases, f.versions, f.ranges
                 FROM affected f JOIN advisory a ON a.id = f.id
                 WHERE f.ecosystem = ?1 AND f.name = ?2 ORDER BY a.malicious DESC, a.id",
            )
            .map_err(|e| self.db_error(&e))?;
        let rows = stmt
            .query_map(
                params![ecosystem.as_str(), canonical_name(ecosystem, name)],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, bool>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .map_err(|e| self.db_error(&e))?;
        let mut out: Vec<Advisory> = Vec::new();
        for row in rows {
            let (id, summary, malicious, aliases, versions, ranges) =
                row.map_err(|e| self.db_error(&e))?;
            let versions: Vec<String> = serde_json::from_str(&versions).unwrap_or_default();
            let ranges: Vec<Range> = serde_json::from_str(&ranges).unwrap_or_default();
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
                    summary,
                    malicious,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
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
        self.lock()
            .query_row(
                "SELECT facts FROM verdict WHERE digest = ?1",
                params![digest],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.db_error(&e))
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
        self.lock()
            .execute(
                "INSERT OR REPLACE INTO verdict (digest, facts, scanned_at) VALUES (?1, ?2, ?3)",
                params![digest, facts, scanned_at],
            )
            .map(|_| ())
            .map_err(|e| self.db_error(&e))
    }

    /// The versions of a watched package seen so far (`None`: never polled).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn watched(&self, package: &str) -> Result<Option<Vec<String>>, StoreError> {
        let json: Option<String> = self
            .lock()
            .query_row(
                "SELECT versions FROM watched WHERE package = ?1",
                params![package],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.db_error(&e))?;
        Ok(json.map(|j| serde_json::from_str(&j).unwrap_or_default()))
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
        self.lock()
            .execute(
                "INSERT OR REPLACE INTO watched (package, versions, checked_at) VALUES (?1, ?2, ?3)",
                params![package, serde_json::to_string(versions).unwrap_or_default(), checked_at],
            )
            .map(|_| ())
            .map_err(|e| self.db_error(&e))
    }

    /// How many records the store holds, and how many are malicious-package records.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn counts(&self) -> Result<(usize, usize), StoreError> {
        self.lock()
            .query_row(
                "SELECT COUNT(*), COALESCE(SUM(malicious), 0) FROM advisory",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .map(|(a, b)| {
                (
                    usize::try_from(a).unwrap_or(0),
                    usize::try_from(b).unwrap_or(0),
                )
            })
            .map_err(|e| self.db_error(&e))
    }
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

    #[test]
    fn default_records_and_imports() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("s/store.sqlite3")).expect("opens");
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
        let zip_path = dir.path().join("osv.zip");
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
        let store = Store::open(&dir.path().join("s/store.sqlite3")).expect("reopens");
        assert_eq!(store.counts().expect("counts"), (11, 9));

        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{\"no\": \"id\"}").expect("write");
        let err = store.import_path(&bad).expect_err("not OSV");
        assert!(err.to_string().contains("bad.json"), "{err}");
    }
}
