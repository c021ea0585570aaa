//! The two databases the store runs on: embedded SQLite (one machine) and PostgreSQL
//! (several proxies or watch workers sharing one store). The SQL is written once, in the
//! dialect both accept (`ON CONFLICT … DO UPDATE`, `RETURNING`, `BIGINT` columns), with
//! `?N` placeholders that become `$N` for PostgreSQL.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// A value bound to a statement.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val<'a> {
    Text(&'a str),
    Int(i64),
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cell {
    Text(String),
    Int(i64),
    Null,
}

impl Cell {
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Int(i) => i.to_string(),
            Self::Null => String::new(),
        }
    }

    pub(crate) fn int(&self) -> i64 {
        match self {
            Self::Int(i) => *i,
            Self::Text(s) => s.parse().unwrap_or(0),
            Self::Null => 0,
        }
    }
}

pub(crate) type Row = Vec<Cell>;

/// What both databases can do inside or outside a transaction.
pub(crate) trait Exec {
    /// Runs a statement; the number of rows it changed.
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, String>;
    /// Runs a query; every row it returned.
    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Row>, String>;
}

/// The tables. `BIGINT` and `TEXT` mean the same in both databases.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS advisory (
    id TEXT PRIMARY KEY, summary TEXT NOT NULL, malicious BIGINT NOT NULL,
    aliases TEXT NOT NULL, modified TEXT, origin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS affected (
    id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
    ecosystem TEXT NOT NULL, name TEXT NOT NULL,
    versions TEXT NOT NULL, ranges TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, name);
CREATE INDEX IF NOT EXISTS affected_id ON affected (id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS verdict (
    digest TEXT PRIMARY KEY, facts TEXT NOT NULL, scanned_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS watched (
    package TEXT PRIMARY KEY, versions TEXT NOT NULL, checked_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS scan_claim (
    key TEXT PRIMARY KEY, owner TEXT NOT NULL, until BIGINT NOT NULL);
-- `decision` held one row per decision; an earlier customs's rows are folded into
-- `decision_log` (one row per artifact and decision) when the store is opened.
CREATE TABLE IF NOT EXISTS decision (
    at_ms BIGINT NOT NULL, ecosystem TEXT NOT NULL, package TEXT NOT NULL,
    version TEXT NOT NULL, file TEXT NOT NULL, digest TEXT NOT NULL, action TEXT NOT NULL,
    verdict TEXT NOT NULL, reason TEXT NOT NULL, node TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS decision_at ON decision (at_ms);
CREATE INDEX IF NOT EXISTS decision_digest ON decision (digest);
CREATE TABLE IF NOT EXISTS decision_log (
    digest TEXT NOT NULL, file TEXT NOT NULL, action TEXT NOT NULL,
    ecosystem TEXT NOT NULL, package TEXT NOT NULL, version TEXT NOT NULL,
    verdict TEXT NOT NULL, reason TEXT NOT NULL, node TEXT NOT NULL,
    first_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL, count BIGINT NOT NULL,
    PRIMARY KEY (digest, file, action));
CREATE INDEX IF NOT EXISTS decision_log_last ON decision_log (last_ms);
INSERT INTO decision_log (digest, file, action, ecosystem, package, version, verdict, reason,
        node, first_ms, last_ms, count)
    SELECT digest, file, action, MAX(ecosystem), MAX(package), MAX(version), MAX(verdict),
        MAX(reason), MAX(node), MIN(at_ms), MAX(at_ms), COUNT(*)
    FROM decision WHERE true GROUP BY digest, file, action
    ON CONFLICT (digest, file, action) DO NOTHING;
DELETE FROM decision;
CREATE TABLE IF NOT EXISTS watch_job (
    package TEXT PRIMARY KEY, due_at BIGINT NOT NULL, owner TEXT, locked_until BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS release_scan (
    package TEXT NOT NULL, version TEXT NOT NULL, worker TEXT NOT NULL, verdict TEXT NOT NULL,
    scanned_at BIGINT NOT NULL, PRIMARY KEY (package, version));
";

/// An open database.
pub(crate) enum Db {
    Sqlite(Mutex<rusqlite::Connection>),
    Postgres {
        url: String,
        client: Box<Mutex<Option<postgres::Client>>>,
    },
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Sqlite(_) => "Db::Sqlite",
            Self::Postgres { .. } => "Db::Postgres",
        })
    }
}

/// Whether `location` names a PostgreSQL server rather than a file.
pub(crate) fn is_postgres(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// `location` with any password replaced, for messages.
pub(crate) fn redact(location: &str) -> String {
    if !is_postgres(location) {
        return location.to_owned();
    }
    let (scheme, rest) = location.split_once("://").unwrap_or(("", location));
    let (auth, host) = match rest.rsplit_once('@') {
        Some((a, h)) => (Some(a), h),
        None => (None, rest),
    };
    match auth {
        Some(a) => {
            let user = a.split(':').next().unwrap_or("");
            if a.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => location.to_owned(),
    }
}

fn pg_error(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
}

fn pg_connect(url: &str) -> Result<postgres::Client, String> {
    let mut config: postgres::Config = url.parse().map_err(|e: postgres::Error| pg_error(&e))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(std::time::Duration::from_secs(10));
    }
    config
        .application_name("customs")
        .connect(postgres::NoTls)
        .map_err(|e| {
            let source = std::error::Error::source(&e).map(ToString::to_string);
            match source {
                Some(s) => format!("{}: {s}", pg_error(&e)),
                None => pg_error(&e),
            }
        })
}

/// `?N` placeholders as PostgreSQL writes them.
fn dollar(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

fn lite_params<'a>(params: &'a [Val<'a>]) -> Vec<&'a dyn rusqlite::ToSql> {
    params
        .iter()
        .map(|p| match p {
            Val::Text(s) => s as &dyn rusqlite::ToSql,
            Val::Int(i) => i as &dyn rusqlite::ToSql,
        })
        .collect()
}

struct Lite<'a>(&'a rusqlite::Connection);

impl Exec for Lite<'_> {
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, String> {
        let mut stmt = self.0.prepare_cached(sql).map_err(|e| e.to_string())?;
        stmt.execute(lite_params(params).as_slice())
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }

    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Row>, String> {
        let mut stmt = self.0.prepare_cached(sql).map_err(|e| e.to_string())?;
        let width = stmt.column_count();
        let mut rows = stmt
            .query(lite_params(params).as_slice())
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| e.to_string())? {
            let mut row = Vec::with_capacity(width);
            for i in 0..width {
                row.push(match r.get_ref(i).map_err(|e| e.to_string())? {
                    rusqlite::types::ValueRef::Null => Cell::Null,
                    rusqlite::types::ValueRef::Integer(i) => Cell::Int(i),
                    rusqlite::types::ValueRef::Real(f) => Cell::Text(f.to_string()),
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        Cell::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(row);
        }
        Ok(out)
    }
}

struct Pg<'a, C: postgres::GenericClient>(&'a mut C);

fn pg_params<'a>(params: &'a [Val<'a>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| match p {
            Val::Text(s) => s as &(dyn postgres::types::ToSql + Sync),
            Val::Int(i) => i as &(dyn postgres::types::ToSql + Sync),
        })
        .collect()
}

impl<C: postgres::GenericClient> Exec for Pg<'_, C> {
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64, String> {
        self.0
            .execute(dollar(sql).as_str(), pg_params(params).as_slice())
            .map_err(|e| pg_error(&e))
    }

    fn rows(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Row>, String> {
        use postgres::types::Type;
        let rows = self
            .0
            .query(dollar(sql).as_str(), pg_params(params).as_slice())
            .map_err(|e| pg_error(&e))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut row = Vec::with_capacity(r.len());
            for (i, col) in r.columns().iter().enumerate() {
                let t = col.type_();
                let cell = if *t == Type::INT8 {
                    r.try_get::<_, Option<i64>>(i)
                        .map(|v| v.map_or(Cell::Null, Cell::Int))
                } else if *t == Type::INT4 {
                    r.try_get::<_, Option<i32>>(i)
                        .map(|v| v.map_or(Cell::Null, |v| Cell::Int(i64::from(v))))
                } else if *t == Type::NUMERIC {
                    // SUM over BIGINT: read it as text.
                    return Err("numeric columns are not read; cast them".into());
                } else if *t == Type::BOOL {
                    r.try_get::<_, Option<bool>>(i)
                        .map(|v| v.map_or(Cell::Null, |v| Cell::Int(i64::from(v))))
                } else {
                    r.try_get::<_, Option<String>>(i)
                        .map(|v| v.map_or(Cell::Null, Cell::Text))
                };
                row.push(cell.map_err(|e| pg_error(&e))?);
            }
            out.push(row);
        }
        Ok(out)
    }
}

impl Db {
    /// Opens the database at `location` (a file, or a `postgres://` URL) and creates
    /// the tables it lacks.
    pub(crate) fn open(location: &str) -> Result<Self, String> {
        if is_postgres(location) {
            let mut client = pg_connect(location)?;
            // Replicas starting together would race on CREATE TABLE: one at a time.
            let mut tx = client.transaction().map_err(|e| pg_error(&e))?;
            tx.execute("SELECT pg_advisory_xact_lock(4242170001)", &[])
                .map_err(|e| pg_error(&e))?;
            tx.batch_execute(SCHEMA).map_err(|e| pg_error(&e))?;
            tx.commit().map_err(|e| pg_error(&e))?;
            return Ok(Self::Postgres {
                url: location.to_owned(),
                client: Box::new(Mutex::new(Some(client))),
            });
        }
        let path = std::path::Path::new(location);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        let conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| e.to_string())?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(|e| e.to_string())?;
        conn.execute_batch(SCHEMA).map_err(|e| e.to_string())?;
        Ok(Self::Sqlite(Mutex::new(conn)))
    }

    /// Runs `f` with the connection (outside a transaction).
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&mut dyn Exec) -> Result<T, String>,
    ) -> Result<T, String> {
        match self {
            Self::Sqlite(conn) => {
                let conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
                f(&mut Lite(&conn))
            }
            Self::Postgres { url, client } => {
                let mut guard = pg_client(url, client)?;
                let c = guard.as_mut().ok_or("no connection")?;
                let out = f(&mut Pg(c));
                drop_if_closed(&mut guard);
                out
            }
        }
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back else.
    pub(crate) fn transaction<T>(
        &self,
        f: impl FnOnce(&mut dyn Exec) -> Result<T, String>,
    ) -> Result<T, String> {
        match self {
            Self::Sqlite(conn) => {
                let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
                let tx = conn.transaction().map_err(|e| e.to_string())?;
                let out = f(&mut Lite(&tx))?;
                tx.commit().map_err(|e| e.to_string())?;
                Ok(out)
            }
            Self::Postgres { url, client } => {
                let mut guard = pg_client(url, client)?;
                let c = guard.as_mut().ok_or("no connection")?;
                let out = (|| {
                    let mut tx = c.transaction().map_err(|e| pg_error(&e))?;
                    let out = f(&mut Pg(&mut tx))?;
                    tx.commit().map_err(|e| pg_error(&e))?;
                    Ok(out)
                })();
                drop_if_closed(&mut guard);
                out
            }
        }
    }
}

/// The PostgreSQL connection, opened again when the server closed the last one.
fn pg_client<'a>(
    url: &str,
    client: &'a Mutex<Option<postgres::Client>>,
) -> Result<MutexGuard<'a, Option<postgres::Client>>, String> {
    let mut guard = client.lock().unwrap_or_else(PoisonError::into_inner);
    if guard.as_ref().is_none_or(postgres::Client::is_closed) {
        *guard = Some(pg_connect(url)?);
    }
    Ok(guard)
}

fn drop_if_closed(guard: &mut MutexGuard<'_, Option<postgres::Client>>) {
    if guard.as_ref().is_some_and(postgres::Client::is_closed) {
        **guard = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_redaction() {
        assert_eq!(
            dollar("SELECT a FROM t WHERE b = ?1 AND c = ?12 AND d = '?'"),
            "SELECT a FROM t WHERE b = $1 AND c = $12 AND d = '?'"
        );
        assert_eq!(
            redact("postgres://ci:secret@127.0.0.1:5432/customs"),
            "postgres://ci:***@127.0.0.1:5432/customs"
        );
        assert_eq!(
            redact("postgresql://ci@[::1]/db"),
            "postgresql://ci@[::1]/db"
        );
        assert_eq!(redact("/tmp/store.sqlite3"), "/tmp/store.sqlite3");
    }
}
