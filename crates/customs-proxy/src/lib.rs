//! `customs proxy`: a local PyPI and npm registry that pip, uv and npm install
//! through. Version lists are filtered by the policy (known-malicious and too-young
//! releases removed, npm's `latest` moved back), and every artifact is downloaded,
//! checked against the index's digest, scanned with the same engine as `customs scan`
//! (history included) and decided by the same policy as `customs audit`, before a byte
//! of it reaches the client. Refusals are HTTP 403 with the reason in the reason phrase
//! (pip and uv show only that) and in a JSON `error` body (npm shows that).

mod pages;
mod ui;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Response, StatusCode, header};
use axum::routing::get;
use customs_ecosystem::Ecosystem;
use customs_policy::{Action, Policy, Subject};
use customs_registry::{FileRef, Project, Registry, Release, now};
use customs_scan::{ScanOptions, scan_release};
use customs_store::Store;
use serde::{Deserialize, Serialize};

/// What the proxy needs.
pub struct ProxyState {
    /// The one registry client (upstreams from the user's configuration).
    pub registry: Registry,
    /// Known-malicious records and the verdict cache.
    pub store: Store,
    /// The policy.
    pub policy: Policy,
    /// Scan settings (history on).
    pub scan: ScanOptions,
    /// The token clients must present (required when listening beyond loopback).
    pub token: Option<String>,
    /// Decision log lines as JSON instead of text.
    pub log_json: bool,
    /// How long a served project page or package document is served again without
    /// asking the upstream (zero: every request asks). Files are gated whatever the
    /// page said, so a page this old can hide a new release, never let one through.
    pub metadata_ttl: std::time::Duration,
    rendered: Mutex<HashMap<String, Rendered>>,
    /// One upstream read per page at a time: the others wait and take its result.
    page_turns: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// This proxy, as named in shared claims and decisions (host and pid).
    node: String,
    inflight: Mutex<HashMap<String, Arc<Mutex<()>>>>,
    stale_npm: Mutex<HashMap<String, serde_json::Value>>,
}

impl ProxyState {
    /// The state of a proxy.
    #[must_use]
    pub fn new(registry: Registry, store: Store, policy: Policy, scan: ScanOptions) -> Self {
        Self {
            registry,
            store,
            policy,
            scan,
            token: None,
            log_json: false,
            metadata_ttl: std::time::Duration::from_secs(30),
            rendered: Mutex::new(HashMap::new()),
            page_turns: Mutex::new(HashMap::new()),
            node: customs_store::node_name(),
            inflight: Mutex::new(HashMap::new()),
            stale_npm: Mutex::new(HashMap::new()),
        }
    }
}

type Shared = Arc<ProxyState>;

/// A page as served, kept for `metadata_ttl`.
struct Rendered {
    at: std::time::Instant,
    body: axum::body::Bytes,
    content_type: &'static str,
}

/// The most pages kept.
const RENDERED_MAX: usize = 20_000;

/// A request's turn to read a page from upstream; the last one out removes the lock.
struct PageTurn<'a> {
    state: &'a ProxyState,
    key: String,
    lock: Arc<tokio::sync::Mutex<()>>,
    _guard: tokio::sync::OwnedMutexGuard<()>,
}

impl Drop for PageTurn<'_> {
    fn drop(&mut self) {
        let mut turns = self
            .state
            .page_turns
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Held here, by the map and by the guard: nobody else waits.
        if Arc::strong_count(&self.lock) <= 3 {
            turns.remove(&self.key);
        }
    }
}

impl ProxyState {
    /// The page served for `key` within the last `metadata_ttl`, if any.
    fn rendered(&self, key: &str) -> Option<Response<Body>> {
        if self.metadata_ttl.is_zero() {
            return None;
        }
        let pages = self
            .rendered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let page = pages.get(key)?;
        (page.at.elapsed() < self.metadata_ttl).then(|| {
            Response::builder()
                .header(header::CONTENT_TYPE, page.content_type)
                .body(Body::from(page.body.clone()))
                .unwrap_or_default()
        })
    }

    /// Waits for this page's turn (another request may be reading it from upstream).
    async fn page_turn(&self, key: &str) -> PageTurn<'_> {
        let lock = Arc::clone(
            self.page_turns
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .entry(key.to_owned())
                .or_default(),
        );
        let guard = Arc::clone(&lock).lock_owned().await;
        PageTurn {
            state: self,
            key: key.to_owned(),
            lock,
            _guard: guard,
        }
    }

    fn keep_rendered(&self, key: String, body: axum::body::Bytes, content_type: &'static str) {
        if self.metadata_ttl.is_zero() {
            return;
        }
        let mut pages = self
            .rendered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if pages.len() >= RENDERED_MAX {
            let ttl = self.metadata_ttl;
            pages.retain(|_, p| p.at.elapsed() < ttl);
            if pages.len() >= RENDERED_MAX {
                pages.clear();
            }
        }
        pages.insert(
            key,
            Rendered {
                at: std::time::Instant::now(),
                body,
                content_type,
            },
        );
    }
}

/// The facts of one artifact's scan, cached in the store by digest: what the policy
/// needs, and what the web page shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Facts {
    verdict: String,
    score: f64,
    top: Option<String>,
    sha256: String,
    provenance_dropped: bool,
    install_scripts: Vec<String>,
    unreadable: Option<String>,
    #[serde(default)]
    findings: Vec<FindingFact>,
    #[serde(default)]
    compared_with: Option<String>,
    #[serde(default)]
    changes: Vec<String>,
    #[serde(default)]
    builder: Option<customs_policy::BuildIdentity>,
}

/// One finding, as the web page shows it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FindingFact {
    rule: String,
    severity: String,
    message: String,
    path: String,
    line: Option<u32>,
    snippet: Option<String>,
}

/// The most findings and change lines kept per artifact.
const KEPT_FINDINGS: usize = 40;
const KEPT_CHANGES: usize = 80;

/// How long a scan claim holds before another proxy may take the scan over.
const CLAIM_SECONDS: i64 = 300;

/// The facts of a finished scan.
fn facts_of(report: &customs_scan::PackageReport, release: &Release) -> Facts {
    let mut changes = Vec::new();
    let mut compared_with = None;
    if let Some(h) = &report.history {
        compared_with.clone_from(&h.compared_with);
        let c = &h.changes;
        let lines = |n: Option<u32>| n.map(|n| format!(" ({n} lines)")).unwrap_or_default();
        for f in &c.files_added {
            changes.push(format!("+ file {}{}", f.path, lines(f.lines_after)));
        }
        for f in &c.files_removed {
            changes.push(format!("- file {}{}", f.path, lines(f.lines_before)));
        }
        for f in &c.files_changed {
            changes.push(format!(
                "~ file {} ({} → {} lines)",
                f.path,
                f.lines_before.unwrap_or(0),
                f.lines_after.unwrap_or(0)
            ));
        }
        for (what, list) in [
            ("dependency", &c.dependencies),
            ("install hook", &c.hooks),
            ("metadata", &c.metadata),
        ] {
            for v in list {
                changes.push(match (&v.old, &v.new) {
                    (None, Some(n)) => format!("+ {what} {} {n}", v.name),
                    (Some(o), None) => format!("- {what} {} {o}", v.name),
                    (o, n) => format!(
                        "~ {what} {} {} → {}",
                        v.name,
                        o.as_deref().unwrap_or(""),
                        n.as_deref().unwrap_or("")
                    ),
                });
            }
        }
        for b in &c.behaviours_appeared {
            changes.push(format!(
                "+ behaviour {} at {}:{}: {}",
                b.kind.as_str(),
                b.path,
                b.line,
                b.snippet
            ));
        }
        changes.truncate(KEPT_CHANGES);
    }
    Facts {
        verdict: report.verdict.level.as_str().to_owned(),
        score: report.verdict.score,
        top: report
            .findings
            .first()
            .map(|f| format!("{}: {}", f.rule, f.message)),
        sha256: report.sha256.clone(),
        provenance_dropped: report.findings.iter().any(|f| {
            f.rule == "provenance-dropped" && f.message.contains("without build provenance")
        }),
        install_scripts: release.install_scripts.clone(),
        // An artifact not read in full is decided on as unreadable (blocked by default).
        unreadable: report.unreadable(),
        findings: report
            .findings
            .iter()
            .take(KEPT_FINDINGS)
            .map(|f| FindingFact {
                rule: f.rule.to_owned(),
                severity: f.severity.as_str().to_owned(),
                message: f.message.clone(),
                path: f.path.clone(),
                line: f.line,
                snippet: f.snippet.clone(),
            })
            .collect(),
        compared_with,
        changes,
        builder: report
            .history
            .as_ref()
            .and_then(|h| h.builder.as_ref())
            .map(|b| customs_policy::BuildIdentity {
                repository: b.repository.clone(),
                workflow: b.workflow.clone(),
            }),
    }
}

/// The routes of the proxy. Everything but the health check needs the token when one
/// is set.
pub fn router(state: Shared) -> Router {
    let guarded = Router::new()
        .route("/pypi/simple/{project}/", get(pypi_page))
        .route("/pypi/simple/{project}", get(pypi_page))
        .route("/pypi/files/{project}/{file}", get(pypi_file))
        .route("/npm/{*path}", get(npm))
        .route("/ui", get(ui::redirect))
        .route("/ui/", get(ui::index))
        .route("/ui/artifact/{key}", get(ui::artifact))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            authorize,
        ));
    Router::new()
        .route("/-/health", get(|| async { "ok\n" }))
        .merge(guarded)
        .with_state(state)
}

/// Whether a request carries the token: `Authorization: Bearer TOKEN` (npm's
/// `_authToken`) or Basic with the token as the password (pip's and uv's
/// `http://user:TOKEN@host/...`).
fn authorized(token: &str, headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    if let Some(bearer) = value.strip_prefix("Bearer ") {
        return constant_eq(bearer.trim().as_bytes(), token.as_bytes());
    }
    if let Some(basic) = value.strip_prefix("Basic ") {
        use base64::Engine;
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(basic.trim()) else {
            return false;
        };
        let decoded = String::from_utf8_lossy(&decoded);
        let password = decoded.split_once(':').map_or(decoded.as_ref(), |(_, p)| p);
        return constant_eq(password.as_bytes(), token.as_bytes());
    }
    false
}

/// Compares without stopping at the first difference.
fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn authorize(
    State(state): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<Body> {
    match &state.token {
        Some(token) if !authorized(token, request.headers()) => {
            let mut r = refuse(
                StatusCode::UNAUTHORIZED,
                "customs: this proxy needs its token",
            );
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Basic realm=\"customs\""),
            );
            r
        }
        _ => next.run(request).await,
    }
}

/// What one decision was about.
struct Decided<'a> {
    action: Action,
    eco: Ecosystem,
    name: &'a str,
    version: &'a str,
    file: &'a str,
    key: &'a str,
    verdict: &'a str,
    reason: &'a str,
}

/// One line per decision on standard error (text, or JSON with `--log-format json`),
/// and a row in the store for the web page.
fn log_decision(state: &ProxyState, d: &Decided<'_>) {
    use std::io::Write;
    let Decided {
        action,
        eco,
        name,
        version,
        verdict,
        reason,
        ..
    } = *d;
    let at_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |t| i64::try_from(t.as_millis()).unwrap_or(i64::MAX));
    let _ = state.store.put_decision(&customs_store::Decision {
        at_ms,
        ecosystem: eco.as_str().to_owned(),
        package: name.to_owned(),
        version: version.to_owned(),
        file: d.file.to_owned(),
        digest: d.key.to_owned(),
        action: action.as_str().to_owned(),
        verdict: verdict.to_owned(),
        reason: reason.to_owned(),
        node: state.node.clone(),
    });
    let time = customs_registry::format_rfc3339(now());
    let line = if state.log_json {
        serde_json::json!({
            "time": time, "decision": action.as_str(), "ecosystem": eco.as_str(),
            "name": name, "version": version, "file": d.file, "verdict": verdict,
            "reason": reason,
        })
        .to_string()
    } else {
        format!(
            "{time} {:<5} {eco}:{name} {version} {verdict}{}",
            action.as_str(),
            if reason.is_empty() {
                String::new()
            } else {
                format!(" — {reason}")
            }
        )
    };
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Serves until Ctrl-C. `ready` is called with the address once the socket listens.
///
/// # Errors
/// When the runtime cannot start or the listener fails.
pub fn serve(
    listener: std::net::TcpListener,
    state: ProxyState,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() && state.token.is_none() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{addr} is reachable from other machines: set a token (--token or CUSTOMS_PROXY_TOKEN) first"
            ),
        ));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("customs-proxy")
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        ready(addr);
        axum::serve(listener, router(Arc::new(state)))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

/// The address clients used to reach the proxy, for the URLs it writes.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// A reason phrase pip and uv can show: visible ASCII only, bounded.
fn phrase(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    out.truncate(300);
    out
}

fn refuse(status: StatusCode, message: &str) -> Response<Body> {
    let body = serde_json::json!({ "error": message }).to_string();
    let mut r = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap_or_default();
    if let Ok(p) = hyper::ext::ReasonPhrase::try_from(phrase(message)) {
        r.extensions_mut().insert(p);
    }
    r
}

fn upstream_error(e: &dyn std::fmt::Display) -> Response<Body> {
    refuse(
        StatusCode::BAD_GATEWAY,
        &format!("customs: upstream failed: {e}"),
    )
}

/// Runs blocking work (the registry client, the scanner) off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

/// Why a release is left out of version lists, if it is.
fn listed_out(state: &ProxyState, eco: Ecosystem, name: &str, release: &Release) -> Option<String> {
    let known = state
        .store
        .advisories(eco, name, &release.version)
        .unwrap_or_default();
    if let Some(a) = known.iter().find(|a| a.malicious) {
        return Some(format!("known malicious ({})", a.id));
    }
    let subject = Subject {
        ecosystem: Some(eco),
        name,
        version: &release.version,
        released: release.uploaded,
        now: now(),
        ..Subject::default()
    };
    let d = state.policy.decide(&subject);
    (d.action == Action::Block).then(|| d.reasons.join("; "))
}

async fn pypi_page(
    State(state): State<Shared>,
    Path(project): Path<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let base = base_url(&headers);
    let json = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/vnd.pypi.simple.v1+json"));
    let key = format!("pypi {json} {base} {project}");
    if let Some(r) = state.rendered(&key) {
        return r;
    }
    let _turn = state.page_turn(&key).await;
    if let Some(r) = state.rendered(&key) {
        return r;
    }
    let s = Arc::clone(&state);
    let result = blocking(move || {
        let p = s.registry.pypi_fresh(&project);
        let (project, stale) = match p {
            Ok(p) => (p, false),
            Err(e) => match s.registry.cached_project(Ecosystem::Pypi, &project) {
                Some(p) => (p, true),
                None => return Err(e.to_string()),
            },
        };
        let kept: Vec<&Release> = project
            .releases
            .iter()
            .filter(|r| listed_out(&s, Ecosystem::Pypi, &project.name, r).is_none())
            .collect();
        let (body, ct) = if json {
            (
                pages::pypi_json(&project, &kept, &base),
                "application/vnd.pypi.simple.v1+json",
            )
        } else {
            (pages::pypi_html(&project, &kept, &base), "text/html")
        };
        Ok((body, ct, stale))
    })
    .await;
    match result {
        Some(Ok((body, ct, stale))) => {
            let body = axum::body::Bytes::from(body);
            let mut r = Response::builder().header(header::CONTENT_TYPE, ct);
            if stale {
                r = r.header(
                    header::WARNING,
                    "110 customs \"upstream unreachable: cached page\"",
                );
            } else {
                state.keep_rendered(key, body.clone(), ct);
            }
            r.body(Body::from(body)).unwrap_or_default()
        }
        Some(Err(e)) => upstream_error(&e),
        None => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "customs: the request failed",
        ),
    }
}

async fn pypi_file(
    State(state): State<Shared>,
    Path((project, file)): Path<(String, String)>,
) -> Response<Body> {
    if let Some(artifact) = file.strip_suffix(".metadata") {
        let artifact = artifact.to_owned();
        let s = Arc::clone(&state);
        return match blocking(move || {
            let p = s
                .registry
                .project(Ecosystem::Pypi, &project)
                .map_err(|e| e.to_string())?;
            let f = p
                .releases
                .iter()
                .flat_map(|r| r.files.iter())
                .find(|f| f.file_name == artifact)
                .ok_or_else(|| "no such file".to_owned())?;
            s.registry
                .get_raw(
                    &p,
                    &format!("{}.metadata", f.url.split('#').next().unwrap_or(&f.url)),
                )
                .map_err(|e| e.to_string())
        })
        .await
        {
            Some(Ok(bytes)) => Response::builder()
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from(bytes))
                .unwrap_or_default(),
            Some(Err(e)) => refuse(StatusCode::NOT_FOUND, &format!("customs: {e}")),
            None => refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "customs: the request failed",
            ),
        };
    }
    gate(state, Ecosystem::Pypi, project, file).await
}

/// `/npm/NAME`, `/npm/@scope/NAME` (or `@scope%2fNAME`), and their tarballs
/// `/npm/NAME/-/FILE.tgz`.
async fn npm(
    State(state): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let path = path.replace("%2f", "/").replace("%2F", "/");
    if let Some((name, file)) = path.split_once("/-/") {
        return gate(state, Ecosystem::Npm, name.to_owned(), file.to_owned()).await;
    }
    let name = path.trim_end_matches('/').to_owned();
    let base = base_url(&headers);
    let key = format!("npm {base} {name}");
    if let Some(r) = state.rendered(&key) {
        return r;
    }
    let _turn = state.page_turn(&key).await;
    if let Some(r) = state.rendered(&key) {
        return r;
    }
    let s = Arc::clone(&state);
    let result = blocking(move || {
        let (doc, project, stale) = match s.registry.npm_document(&name) {
            Ok((doc, project)) => {
                s.stale_npm
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(name.clone(), doc.clone());
                (doc, project, false)
            }
            Err(e) => {
                let cached = s
                    .stale_npm
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .get(&name)
                    .cloned();
                match (cached, s.registry.cached_project(Ecosystem::Npm, &name)) {
                    (Some(doc), Some(p)) => (doc, p, true),
                    _ => {
                        return Err((
                            e.to_string(),
                            matches!(e, customs_registry::RegistryError::NotFound { .. }),
                        ));
                    }
                }
            }
        };
        let removed: Vec<String> = project
            .releases
            .iter()
            .filter(|r| listed_out(&s, Ecosystem::Npm, &project.name, r).is_some())
            .map(|r| r.version.clone())
            .collect();
        Ok((pages::npm_document(doc, &project, &removed, &base), stale))
    })
    .await;
    match result {
        Some(Ok((doc, stale))) => {
            let body = axum::body::Bytes::from(doc.to_string());
            let mut r = Response::builder().header(header::CONTENT_TYPE, "application/json");
            if stale {
                r = r.header(
                    header::WARNING,
                    "110 customs \"upstream unreachable: cached document\"",
                );
            } else {
                state.keep_rendered(key, body.clone(), "application/json");
            }
            r.body(Body::from(body)).unwrap_or_default()
        }
        Some(Err((e, true))) => refuse(StatusCode::NOT_FOUND, &format!("customs: {e}")),
        Some(Err((e, false))) => upstream_error(&e),
        None => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "customs: the request failed",
        ),
    }
}

/// The one place files pass: found on the index, scanned once (concurrent requests
/// wait for the first), decided by the policy, and only then served.
async fn gate(state: Shared, eco: Ecosystem, name: String, file: String) -> Response<Body> {
    let s = Arc::clone(&state);
    match blocking(move || decide_file(&s, eco, &name, &file)).await {
        Some(Ok(Served::Bytes(bytes, headers))) => {
            let mut r =
                Response::builder().header(header::CONTENT_TYPE, "application/octet-stream");
            for (k, v) in headers {
                r = r.header(k, v);
            }
            r.body(Body::from(bytes)).unwrap_or_default()
        }
        Some(Ok(Served::Refused(message))) => refuse(StatusCode::FORBIDDEN, &message),
        Some(Err((status, message))) => refuse(status, &message),
        None => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "customs: the request failed",
        ),
    }
}

enum Served {
    Bytes(Vec<u8>, Vec<(&'static str, String)>),
    Refused(String),
}

fn find_file<'a>(project: &'a Project, file: &str) -> Option<(&'a Release, &'a FileRef)> {
    project
        .releases
        .iter()
        .find_map(|r| r.files.iter().find(|f| f.file_name == file).map(|f| (r, f)))
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Where a package's build identity is pinned in the store (the key `customs watch`
/// uses too).
fn pin_key(eco: Ecosystem, name: &str) -> String {
    format!("pin:{eco}:{}", customs_ecosystem::canonical_name(eco, name))
}

/// The facts stored for `key`, if any.
fn stored_facts(s: &ProxyState, key: &str) -> Option<Facts> {
    s.store
        .verdict(key)
        .ok()
        .flatten()
        .and_then(|j| serde_json::from_str::<Facts>(&j).ok())
}

/// The facts of a file's scan: from the store when it was scanned before (by this
/// proxy or another sharing the store), else scanned now and stored. `None` when
/// `scan` is off (known malware is not downloaded).
fn scan_facts(
    s: &ProxyState,
    project: &Project,
    release: &Release,
    file: &str,
    key: &str,
    scan: bool,
) -> Result<Option<Facts>, (StatusCode, String)> {
    if !scan {
        return Ok(None);
    }
    // Another replica may be scanning it: wait for its verdict while its claim holds.
    loop {
        if let Some(f) = stored_facts(s, key) {
            return Ok(Some(f));
        }
        let t = now();
        match s.store.claim_scan(key, &s.node, t, t + CLAIM_SECONDS) {
            Ok(true) | Err(_) => break,
            Ok(false) => std::thread::sleep(std::time::Duration::from_millis(100)),
        }
    }
    // Read again: the holder may have finished between the read and the claim.
    if let Some(f) = stored_facts(s, key) {
        let _ = s.store.release_scan(key, &s.node);
        return Ok(Some(f));
    }
    let result = scan_now(s, project, release, file);
    if let Ok(facts) = &result
        && let Ok(json) = serde_json::to_string(facts)
    {
        let _ = s.store.put_verdict(key, &json, now());
    }
    let _ = s.store.release_scan(key, &s.node);
    result.map(Some)
}

/// Downloads, checks and scans one file.
fn scan_now(
    s: &ProxyState,
    project: &Project,
    release: &Release,
    file: &str,
) -> Result<Facts, (StatusCode, String)> {
    match scan_release(&s.registry, project, &release.version, Some(file), &s.scan) {
        Ok(report) => Ok(facts_of(&report, release)),
        Err(e) if e.message.contains("cannot reach") || e.message.contains("answered HTTP") => {
            Err((
                StatusCode::BAD_GATEWAY,
                format!("customs: upstream failed: {}", e.message),
            ))
        }
        Err(e) if e.message.contains("cache was altered") => Err((
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("customs: {}", e.message),
        )),
        Err(e) => Ok(Facts {
            verdict: "unchecked".into(),
            score: 0.0,
            top: None,
            sha256: String::new(),
            provenance_dropped: false,
            install_scripts: release.install_scripts.clone(),
            unreadable: Some(e.message),
            findings: Vec::new(),
            compared_with: None,
            changes: Vec::new(),
            builder: None,
        }),
    }
}

fn decide_file(
    s: &ProxyState,
    eco: Ecosystem,
    name: &str,
    file: &str,
) -> Result<Served, (StatusCode, String)> {
    let project = s.registry.project(eco, name).map_err(|e| {
        (
            StatusCode::BAD_GATEWAY,
            format!("customs: upstream failed: {e}"),
        )
    })?;
    let (release, fref) = find_file(&project, file).ok_or_else(|| {
        (
            StatusCode::NOT_FOUND,
            format!("customs: {file} is not a file of {name}"),
        )
    })?;
    let shown = match eco {
        Ecosystem::Pypi => format!("{} {}", project.name, release.version),
        Ecosystem::Npm => format!("{}@{}", project.name, release.version),
    };
    let known: Vec<String> = s
        .store
        .advisories(eco, &project.name, &release.version)
        .unwrap_or_default()
        .into_iter()
        .filter(|a| a.malicious)
        .map(|a| a.id)
        .collect();
    let key = fref.digest.as_ref().map_or_else(
        || format!("url:{}", fref.url),
        |d| format!("{}:{}", d.algorithm(), d.hex()),
    );
    // One scan per artifact: later requests wait for the first and read its facts.
    let gate = {
        let mut inflight = s
            .inflight
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(inflight.entry(key.clone()).or_default())
    };
    let facts = {
        let _turn = gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let result = scan_facts(s, &project, release, file, &key, known.is_empty());
        drop(_turn);
        // The last one out removes the gate, so the table holds only scans under way.
        let mut inflight = s
            .inflight
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if Arc::strong_count(&gate) <= 2 {
            inflight.remove(&key);
        }
        result?
    };
    let verdict = facts.as_ref().and_then(|f| match f.verdict.as_str() {
        "malicious" => Some(customs_rules::VerdictLevel::Malicious),
        "suspicious" => Some(customs_rules::VerdictLevel::Suspicious),
        "clean" => Some(customs_rules::VerdictLevel::Clean),
        _ => None,
    });
    let subject = Subject {
        ecosystem: Some(eco),
        name: &project.name,
        version: &release.version,
        sha256: facts
            .as_ref()
            .map(|f| f.sha256.as_str())
            .filter(|h| !h.is_empty()),
        verdict,
        known_malicious: known,
        released: release.uploaded,
        now: now(),
        install_scripts: facts
            .as_ref()
            .map(|f| f.install_scripts.clone())
            .unwrap_or_default(),
        has_hashes: None,
        provenance_dropped: facts.as_ref().is_some_and(|f| f.provenance_dropped),
        unreadable: facts.as_ref().and_then(|f| f.unreadable.clone()),
        builder: facts.as_ref().and_then(|f| f.builder.clone()),
        stored_pin: s
            .store
            .meta(&pin_key(eco, &project.name))
            .ok()
            .flatten()
            .and_then(|j| serde_json::from_str(&j).ok()),
    };
    let decision = s.policy.decide(&subject);
    // Trust on first use: the first release seen with provenance pins the package.
    if s.policy.pin_on_first_use
        && decision.action != Action::Block
        && subject.stored_pin.is_none()
        && s.policy.pin_for(&subject).is_none()
        && let Some(b) = &subject.builder
    {
        let pin = serde_json::json!({
            "repository": b.repository, "workflow": b.workflow,
            "from": format!("pinned on first use from {}", release.version), "tagged": false,
        });
        let _ = s
            .store
            .meta_first(&pin_key(eco, &project.name), &pin.to_string());
    }
    log_decision(
        s,
        &Decided {
            action: decision.action,
            eco,
            name: &project.name,
            version: &release.version,
            file,
            key: &key,
            verdict: facts.as_ref().map_or("unchecked", |f| f.verdict.as_str()),
            reason: &decision.reasons.join("; "),
        },
    );
    if decision.action == Action::Block {
        let top = facts
            .as_ref()
            .and_then(|f| f.top.clone())
            .map(|t| format!(" [{t}]"))
            .unwrap_or_default();
        let what = match eco {
            Ecosystem::Pypi => format!("pypi:{}=={}", project.name, release.version),
            Ecosystem::Npm => format!("npm:{}@{}", project.name, release.version),
        };
        return Ok(Served::Refused(format!(
            "customs blocked {shown}: {}{top}; run `customs scan {what}` for the report",
            decision.reasons.join("; ")
        )));
    }
    let bytes = match fref.digest.as_ref().map(|d| s.registry.cache().get(d)) {
        Some(Ok(Some(bytes))) => bytes,
        Some(Err(e)) => return Err((StatusCode::INTERNAL_SERVER_ERROR, format!("customs: {e}"))),
        _ => {
            // No digest on the index, or not cached: the bytes just scanned are fetched
            // again only when they could not be cached.
            let fetched = s.registry.fetch(&project, fref).map_err(|e| {
                (
                    StatusCode::BAD_GATEWAY,
                    format!("customs: upstream failed: {e}"),
                )
            })?;
            // Another replica sharing the store may have scanned it, so a cache miss is
            // normal; the bytes must still be the ones the index lists, and without a
            // digest on the index, the ones that were scanned.
            let changed = match &fetched.integrity {
                customs_registry::Integrity::Verified { .. } => false,
                customs_registry::Integrity::Mismatch { .. } => true,
                customs_registry::Integrity::Unchecked => facts.as_ref().is_some_and(|f| {
                    !f.sha256.is_empty() && f.sha256 != sha256_hex(&fetched.bytes)
                }),
            };
            if changed {
                return Err((
                    StatusCode::FORBIDDEN,
                    format!(
                        "customs blocked {shown}: the file changed on the index since it was scanned"
                    ),
                ));
            }
            fetched.bytes
        }
    };
    let mut headers = vec![(
        "x-customs-verdict",
        facts
            .as_ref()
            .map_or_else(|| "unchecked".to_owned(), |f| f.verdict.clone()),
    )];
    if decision.action == Action::Warn {
        headers.push((
            "warning",
            format!(
                "199 customs \"{}\"",
                phrase(&decision.reasons.join("; ")).replace('"', "'")
            ),
        ));
    }
    Ok(Served::Bytes(bytes, headers))
}
