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
use customs_policy::{Action, DecisionFacts, Pin, Policy, Subject};
use customs_registry::{FileRef, Project, Registry, Release, now};
use customs_scan::{ScanOptions, scan_release};
use customs_store::Store;

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
    /// Where log lines go (one call a line): the command line writes them to standard
    /// error; the library itself never prints. By default they are dropped.
    pub log: LogSink,
    /// How long a served project page or package document is served again without
    /// asking the upstream (zero: every request asks). Files are gated whatever the
    /// page said, so a page this old can hide a new release, never let one through.
    pub metadata_ttl: std::time::Duration,
    /// How long the decision log keeps an artifact's decision after it was last made
    /// (`None`: for ever). The log holds one record per artifact and decision, counted.
    pub decision_retention: Option<std::time::Duration>,
    /// When the decision log was last pruned (milliseconds since the Unix epoch).
    pruned_at_ms: std::sync::atomic::AtomicI64,
    /// Pages kept for `metadata_ttl`, by what they depend on (ecosystem, name, format),
    /// with the proxy's own address left as a mark filled in per request; bounded in
    /// bytes.
    rendered: Mutex<Bounded<Rendered>>,
    /// The mark standing for the proxy's address in kept pages.
    base_mark: String,
    /// One upstream read per page at a time: the others wait and take its result.
    page_turns: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// This proxy, as named in shared claims and decisions (host and pid).
    node: String,
    /// Scans under way, by artifact: the requests waiting for one, and its failure
    /// for them when it failed.
    inflight: Mutex<HashMap<String, Arc<Mutex<Option<Failure>>>>>,
    /// The last package document read of each package, as the upstream sent it, served
    /// while the upstream cannot be reached; bounded in bytes.
    stale_npm: Mutex<Bounded<axum::body::Bytes>>,
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
            log: Arc::new(|_: &str| {}),
            metadata_ttl: std::time::Duration::from_secs(30),
            decision_retention: Some(DEFAULT_DECISION_RETENTION),
            pruned_at_ms: std::sync::atomic::AtomicI64::new(0),
            rendered: Mutex::new(Bounded::new(RENDERED_BYTES)),
            base_mark: base_mark(),
            page_turns: Mutex::new(HashMap::new()),
            node: customs_store::node_name(),
            inflight: Mutex::new(HashMap::new()),
            stale_npm: Mutex::new(Bounded::new(STALE_BYTES)),
        }
    }
}

/// Where the proxy's log lines go.
pub type LogSink = Arc<dyn Fn(&str) + Send + Sync>;

/// How long a decision is kept after it was last made, unless configured.
pub const DEFAULT_DECISION_RETENTION: std::time::Duration =
    std::time::Duration::from_secs(30 * 86_400);

/// The decision log is pruned at most this often.
const PRUNE_EVERY_MS: i64 = 3_600_000;

/// A mark no page holds by chance: it stands for the proxy's address in kept pages.
fn base_mark() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("http://customs-base-{:016x}.invalid", h.finish())
}

/// Something kept with its size in bytes.
trait Weighed {
    fn bytes(&self) -> usize;
}

impl Weighed for axum::body::Bytes {
    fn bytes(&self) -> usize {
        self.len()
    }
}

/// A map bounded by the bytes of what it holds: the oldest entries leave first.
struct Bounded<V> {
    entries: HashMap<String, (std::time::Instant, V)>,
    held: usize,
    limit: usize,
}

impl<V: Weighed + Clone> Bounded<V> {
    fn new(limit: usize) -> Self {
        Self {
            entries: HashMap::new(),
            held: 0,
            limit,
        }
    }

    fn get(&self, key: &str) -> Option<(std::time::Instant, V)> {
        self.entries.get(key).cloned()
    }

    fn insert(&mut self, key: String, value: V) {
        let size = value.bytes() + key.len();
        if let Some((_, old)) = self.entries.remove(&key) {
            self.held -= old.bytes() + key.len();
        }
        // One entry takes at most half: a few huge documents never push out the rest.
        if size > self.limit / 2 {
            return;
        }
        while self.held + size > self.limit {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((_, v)) = self.entries.remove(&oldest) {
                self.held -= v.bytes() + oldest.len();
            }
        }
        self.held += size;
        self.entries.insert(key, (std::time::Instant::now(), value));
    }
}

type Shared = Arc<ProxyState>;

/// A page as served, kept for `metadata_ttl`: the pieces between the places the
/// proxy's address goes.
#[derive(Clone)]
struct Rendered {
    pieces: Arc<Vec<axum::body::Bytes>>,
    content_type: &'static str,
}

impl Weighed for Rendered {
    fn bytes(&self) -> usize {
        self.pieces.iter().map(axum::body::Bytes::len).sum()
    }
}

impl Rendered {
    /// Splits a page written with `mark` for the proxy's address.
    fn new(page: &str, mark: &str, content_type: &'static str) -> Self {
        let pieces = page
            .split(mark)
            .map(|p| axum::body::Bytes::copy_from_slice(p.as_bytes()))
            .collect();
        Self {
            pieces: Arc::new(pieces),
            content_type,
        }
    }

    /// The page for a client that reached the proxy at `base`, sent piece by piece
    /// (the kept page is shared, not copied).
    fn response(&self, base: &str, headers: &[(header::HeaderName, &str)]) -> Response<Body> {
        let base = axum::body::Bytes::copy_from_slice(base.as_bytes());
        let mut parts = std::collections::VecDeque::with_capacity(self.pieces.len() * 2);
        for (i, p) in self.pieces.iter().enumerate() {
            if i > 0 {
                parts.push_back(base.clone());
            }
            if !p.is_empty() {
                parts.push_back(p.clone());
            }
        }
        let length: usize = parts.iter().map(axum::body::Bytes::len).sum();
        let mut r = Response::builder()
            .header(header::CONTENT_TYPE, self.content_type)
            .header(header::CONTENT_LENGTH, length);
        for (k, v) in headers {
            r = r.header(k, *v);
        }
        r.body(Body::new(Pieces(parts))).unwrap_or_default()
    }
}

/// A body sent as the pieces it is made of.
struct Pieces(std::collections::VecDeque<axum::body::Bytes>);

impl hyper::body::Body for Pieces {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(self.0.pop_front().map(|b| Ok(hyper::body::Frame::data(b))))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_empty()
    }
}

/// The bytes of kept pages (each page at most half of it).
const RENDERED_BYTES: usize = 64 << 20;
/// The bytes of package documents kept for when the upstream is down.
const STALE_BYTES: usize = 256 << 20;

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
    /// The page kept for `key` within the last `metadata_ttl`, if any, for a client
    /// that reached the proxy at `base`.
    fn rendered(&self, key: &str, base: &str) -> Option<Response<Body>> {
        if self.metadata_ttl.is_zero() {
            return None;
        }
        let (at, page) = self
            .rendered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)?;
        (at.elapsed() < self.metadata_ttl).then(|| page.response(base, &[]))
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

    fn keep_rendered(&self, key: String, page: Rendered) {
        if self.metadata_ttl.is_zero() {
            return;
        }
        self.rendered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, page);
    }
}

/// The facts of one artifact's scan, cached in the store by digest: the summary of a
/// judgement every surface shares ([`customs_model::ArtifactSummary`]).
type Facts = customs_model::ArtifactSummary;

/// The most findings and change lines kept per artifact.
const KEPT_FINDINGS: usize = 40;
const KEPT_CHANGES: usize = 80;

/// How long a scan claim holds before another proxy may take the scan over.
const CLAIM_SECONDS: i64 = 300;

/// The facts of a finished scan.
fn facts_of(report: &customs_scan::PackageReport, release: &Release) -> Facts {
    let (compared_with, changes) = report.history.as_ref().map_or((None, Vec::new()), |h| {
        let mut changes = customs_report::change_lines(&h.changes);
        changes.truncate(KEPT_CHANGES);
        (h.compared_with.clone(), changes)
    });
    Facts {
        // An artifact not read in full is decided on as unreadable (blocked by default).
        decided: report.decision_facts(&release.install_scripts),
        score: report.verdict.score,
        top: report
            .findings
            .first()
            .map(|f| format!("{}: {}", f.rule, f.message)),
        findings: report
            .findings
            .iter()
            .take(KEPT_FINDINGS)
            .map(|f| customs_model::FindingSummary {
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
        judged_as: None,
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
    prune_decisions(state, at_ms);
    let _ = state.store.put_decision(&customs_store::Decision {
        at_ms,
        first_ms: at_ms,
        count: 1,
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
    (state.log)(&line);
}

/// Forgets the decisions older than the retention, at most once an hour (and at the
/// first decision).
fn prune_decisions(state: &ProxyState, now_ms: i64) {
    use std::sync::atomic::Ordering;
    let Some(keep) = state.decision_retention else {
        return;
    };
    let last = state.pruned_at_ms.load(Ordering::Relaxed);
    if now_ms - last < PRUNE_EVERY_MS
        || state
            .pruned_at_ms
            .compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    let keep_ms = i64::try_from(keep.as_millis()).unwrap_or(i64::MAX);
    if let Err(e) = state.store.prune_decisions(now_ms.saturating_sub(keep_ms)) {
        log_event(state, &format!("the decision log cannot be pruned: {e}"));
    }
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
    serve_shared(listener, Arc::new(state), ready)
}

/// As [`serve`], with a state the caller keeps a handle on (`customs run` reads the
/// upstream pages the proxy read, to write the upstream's URLs back into lockfiles).
///
/// # Errors
/// As [`serve`].
pub fn serve_shared(
    listener: std::net::TcpListener,
    state: Arc<ProxyState>,
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
    // Scans this host's crashed predecessors claimed would block their artifacts until
    // the claims ran out: they are given up now.
    match state.store.release_claims_of(customs_store::node_gone) {
        Ok(0) => {}
        Ok(n) => log_event(
            &state,
            &format!("gave up {n} scan claims of processes of this host that are gone"),
        ),
        Err(e) => log_event(&state, &format!("the scan claims cannot be read: {e}")),
    }
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        ready(addr);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

/// The address clients used to reach the proxy, for the URLs it writes: the `Host`
/// header, when it is a host name or address with an optional port (it goes into
/// pages as it is).
fn base_url(headers: &HeaderMap) -> Result<String, Failure> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let plain = !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._:[]".contains(&b));
    if plain {
        Ok(format!("http://{host}"))
    } else {
        Err((
            StatusCode::BAD_REQUEST,
            "customs: the Host header is not a host name".to_owned(),
        ))
    }
}

/// Whether `name` is a PyPI project name (PEP 508): letters, digits and `._-`,
/// starting and ending with a letter or digit.
fn pypi_name_ok(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 200
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || b"._-".contains(c))
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether `name` is an npm package name (`name` or `@scope/name`) made only of
/// characters that need no escaping in a URL (npm's own rule for names).
fn npm_name_ok(name: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && !p.starts_with('.')
            && p.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"._~-!*'()".contains(&c))
    };
    name.len() <= 214
        && match name.strip_prefix('@') {
            Some(scoped) => scoped
                .split_once('/')
                .is_some_and(|(scope, rest)| part(scope) && part(rest)),
            None => part(name),
        }
}

/// Whether `file` can be the name of a file on an index (looked up in the project's
/// list, never put into a URL, but refused early when it cannot be one).
fn file_name_ok(file: &str) -> bool {
    !file.is_empty()
        && file.len() <= 255
        && !file.starts_with('.')
        && file
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"._~+!-".contains(&c))
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

/// Why a request got neither bytes nor a policy refusal: the status and the message.
type Failure = (StatusCode, String);

/// An upstream that failed: 504 when it did not answer in time, 502 else.
fn upstream_failure(e: &customs_registry::RegistryError) -> Failure {
    match e {
        customs_registry::RegistryError::TimedOut { .. } => (
            StatusCode::GATEWAY_TIMEOUT,
            format!("customs: upstream timed out: {e}"),
        ),
        _ => (
            StatusCode::BAD_GATEWAY,
            format!("customs: upstream failed: {e}"),
        ),
    }
}

/// A store that cannot be read: nothing is served without its answer (503), and the
/// log says so.
fn store_failure(s: &ProxyState, e: &customs_store::StoreError) -> Failure {
    log_event(s, &format!("refusing: the store cannot be read: {e}"));
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("customs: the store cannot be read, so nothing is served: {e}"),
    )
}

/// One line on standard error about the proxy itself (not a decision).
fn log_event(state: &ProxyState, message: &str) {
    let time = customs_registry::format_rfc3339(now());
    let line = if state.log_json {
        serde_json::json!({ "time": time, "event": message }).to_string()
    } else {
        format!("{time} event {message}")
    };
    (state.log)(&line);
}

/// Runs blocking work (the registry client, the scanner) off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

/// The releases of a project the policy holds back, with why: known malicious, denied,
/// too young.
fn held_back(s: &ProxyState, eco: Ecosystem, project: &Project) -> Result<pages::Held, Failure> {
    let mut held = pages::Held::new();
    for release in &project.releases {
        let known = s
            .store
            .advisories(eco, &project.name, &release.version)
            .map_err(|e| store_failure(s, &e))?;
        if let Some(a) = known.iter().find(|a| a.malicious) {
            held.insert(
                release.version.clone(),
                format!("known malicious ({}; {})", a.id, a.source),
            );
            continue;
        }
        let subject = Subject::new(eco, &project.name, &release.version).released(release.uploaded);
        let d = s.policy.decide(&subject);
        if d.action == Action::Block {
            held.insert(release.version.clone(), d.reasons.join("; "));
        }
    }
    if !held.is_empty() {
        let mut list: Vec<String> = held.iter().map(|(v, why)| format!("{v} ({why})")).collect();
        list.sort();
        log_event(
            s,
            &format!(
                "{eco}:{} holds back {}: listed as yanked/deprecated, files refused",
                project.name,
                list.join(", ")
            ),
        );
    }
    Ok(held)
}

async fn pypi_page(
    State(state): State<Shared>,
    Path(project): Path<String>,
    headers: HeaderMap,
) -> Response<Body> {
    if !pypi_name_ok(&project) {
        return refuse(StatusCode::NOT_FOUND, "customs: not a PyPI project name");
    }
    let base = match base_url(&headers) {
        Ok(b) => b,
        Err((status, message)) => return refuse(status, &message),
    };
    let json = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/vnd.pypi.simple.v1+json"));
    let key = format!(
        "pypi {json} {}",
        customs_ecosystem::canonical_name(Ecosystem::Pypi, &project)
    );
    if let Some(r) = state.rendered(&key, &base) {
        return r;
    }
    let _turn = state.page_turn(&key).await;
    if let Some(r) = state.rendered(&key, &base) {
        return r;
    }
    let s = Arc::clone(&state);
    let result = blocking(move || {
        let (project, stale) = match s.registry.pypi_fresh(&project) {
            Ok(p) => (p, false),
            Err(e) => match s.registry.cached_project(Ecosystem::Pypi, &project) {
                Some(p) => (p, true),
                None => return Err(upstream_failure(&e)),
            },
        };
        let mut held = held_back(&s, Ecosystem::Pypi, &project)?;
        // With every release held back there is nothing to fall back to: the files
        // stay as they are, so that pip takes one and shows the 403's reason instead
        // of "no matching distribution".
        if project
            .releases
            .iter()
            .all(|r| held.contains_key(&r.version))
        {
            held.clear();
        }
        let page = if json {
            Rendered::new(
                &pages::pypi_json(&project, &held, &s.base_mark),
                &s.base_mark,
                "application/vnd.pypi.simple.v1+json",
            )
        } else {
            Rendered::new(
                &pages::pypi_html(&project, &held, &s.base_mark),
                &s.base_mark,
                "text/html",
            )
        };
        Ok((page, stale))
    })
    .await;
    match result {
        Some(Ok((page, true))) => page.response(
            &base,
            &[(
                header::WARNING,
                "110 customs \"upstream unreachable: cached page\"",
            )],
        ),
        Some(Ok((page, false))) => {
            let r = page.response(&base, &[]);
            state.keep_rendered(key, page);
            r
        }
        Some(Err((status, message))) => refuse(status, &message),
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
    if !pypi_name_ok(&project) || !file_name_ok(&file) {
        return refuse(
            StatusCode::NOT_FOUND,
            "customs: not a PyPI project or file name",
        );
    }
    if let Some(artifact) = file.strip_suffix(".metadata") {
        let artifact = artifact.to_owned();
        let s = Arc::clone(&state);
        return match blocking(move || core_metadata(&s, &project, &artifact)).await {
            Some(Ok(bytes)) => Response::builder()
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from(bytes))
                .unwrap_or_default(),
            Some(Err((status, message))) => refuse(status, &message),
            None => refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "customs: the request failed",
            ),
        };
    }
    gate(state, Ecosystem::Pypi, project, file).await
}

/// A project as last read: afresh when the upstream answers, else (unreachable, not
/// "no such project") the page read before, so that what was installed before installs
/// again while the upstream is down.
fn project_or_last(s: &ProxyState, eco: Ecosystem, name: &str) -> Result<Arc<Project>, Failure> {
    match s.registry.project(eco, name) {
        Ok(p) => Ok(p),
        Err(e @ customs_registry::RegistryError::NotFound { .. }) => {
            Err((StatusCode::NOT_FOUND, format!("customs: {e}")))
        }
        Err(e) => s
            .registry
            .cached_project(eco, name)
            .ok_or_else(|| upstream_failure(&e)),
    }
}

/// A file's PEP 658 metadata: from the verified cache when it was read before, else
/// from the index, checked against the digest the page gives for it and kept.
fn core_metadata(s: &ProxyState, project: &str, artifact: &str) -> Result<Vec<u8>, Failure> {
    let p = project_or_last(s, Ecosystem::Pypi, project)?;
    let f = p
        .releases
        .iter()
        .flat_map(|r| r.files.iter())
        .find(|f| f.file_name == artifact)
        .ok_or_else(|| {
            (
                StatusCode::NOT_FOUND,
                format!("customs: {artifact} is not a file of {}", p.name),
            )
        })?;
    let digest = f
        .core_metadata
        .as_deref()
        .and_then(|m| m.split_once('='))
        .and_then(|(algorithm, hex)| match algorithm {
            "sha256" => Some(customs_registry::Digest::Sha256(hex.to_ascii_lowercase())),
            "sha512" => Some(customs_registry::Digest::Sha512(hex.to_ascii_lowercase())),
            _ => None,
        });
    let cache = s.registry.cache();
    if let Some(d) = &digest {
        match cache.get(d) {
            Ok(Some(bytes)) => return Ok(bytes),
            Ok(None) => {}
            Err(e) => return Err((StatusCode::INTERNAL_SERVER_ERROR, format!("customs: {e}"))),
        }
    }
    let url = format!("{}.metadata", f.url.split('#').next().unwrap_or(&f.url));
    let bytes = s
        .registry
        .get_raw(&p, &url)
        .map_err(|e| upstream_failure(&e))?;
    if let Some(d) = &digest {
        let found = customs_registry::digest_of(d, &bytes);
        if found != d.hex() {
            return Err((
                StatusCode::BAD_GATEWAY,
                format!(
                    "customs: upstream failed: the metadata of {artifact} does not match the index's {} (expected {}, received {found})",
                    d.algorithm(),
                    d.hex()
                ),
            ));
        }
        if let Err(e) = cache.put(d, &bytes) {
            log_event(
                s,
                &format!("the metadata of {artifact} cannot be kept: {e}"),
            );
        }
    }
    Ok(bytes)
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
        let name = tarball_name(name);
        if !npm_name_ok(name) || !file_name_ok(file) {
            return refuse(
                StatusCode::NOT_FOUND,
                "customs: not an npm package or file name",
            );
        }
        return gate(state, Ecosystem::Npm, name.to_owned(), file.to_owned()).await;
    }
    let name = path.trim_end_matches('/').to_owned();
    if !npm_name_ok(&name) {
        return refuse(StatusCode::NOT_FOUND, "customs: not an npm package name");
    }
    let base = match base_url(&headers) {
        Ok(b) => b,
        Err((status, message)) => return refuse(status, &message),
    };
    let key = format!("npm {name}");
    if let Some(r) = state.rendered(&key, &base) {
        return r;
    }
    let _turn = state.page_turn(&key).await;
    if let Some(r) = state.rendered(&key, &base) {
        return r;
    }
    let s = Arc::clone(&state);
    let result = blocking(move || {
        let stale_docs = || {
            s.stale_npm
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let (doc, project, stale) = match s.registry.npm_document(&name) {
            Ok((doc, project)) => {
                if let Ok(raw) = serde_json::to_vec(&doc) {
                    stale_docs().insert(name.clone(), axum::body::Bytes::from(raw));
                }
                (doc, project, false)
            }
            Err(e) => {
                let cached = stale_docs()
                    .get(&name)
                    .and_then(|(_, raw)| serde_json::from_slice::<serde_json::Value>(&raw).ok());
                match (cached, s.registry.cached_project(Ecosystem::Npm, &name)) {
                    (Some(doc), Some(p)) => (doc, p, true),
                    _ if matches!(e, customs_registry::RegistryError::NotFound { .. }) => {
                        return Err((StatusCode::NOT_FOUND, format!("customs: {e}")));
                    }
                    _ => return Err(upstream_failure(&e)),
                }
            }
        };
        let held = held_back(&s, Ecosystem::Npm, &project)?;
        let doc = pages::npm_document(doc, &project, &held, &s.base_mark);
        Ok((
            Rendered::new(&doc.to_string(), &s.base_mark, "application/json"),
            stale,
        ))
    })
    .await;
    match result {
        Some(Ok((page, true))) => page.response(
            &base,
            &[(
                header::WARNING,
                "110 customs \"upstream unreachable: cached document\"",
            )],
        ),
        Some(Ok((page, false))) => {
            let r = page.response(&base, &[]);
            state.keep_rendered(key, page);
            r
        }
        Some(Err((status, message))) => refuse(status, &message),
        None => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "customs: the request failed",
        ),
    }
}

/// The package a tarball path names: its last segment, with the scope before it when
/// there is one. npm's `replace-registry-host` keeps the path of a lockfile's `resolved`
/// URL (`/upstream/prefix/NAME/-/FILE.tgz`) and puts the configured registry's in front.
fn tarball_name(path: &str) -> &str {
    let mut cut = path.rsplitn(3, '/');
    let last = cut.next().unwrap_or(path);
    match (cut.next(), cut.next()) {
        (Some(scope), rest) if scope.starts_with('@') => {
            let start = rest.map_or(0, |r| r.len() + 1);
            &path[start..]
        }
        _ => last,
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
        Some(Ok(Served::Cached {
            digest,
            path,
            size,
            headers,
        })) => {
            let mut r = Response::builder()
                .header(header::CONTENT_TYPE, "application/octet-stream")
                .header(header::CONTENT_LENGTH, size);
            for (k, v) in headers {
                r = r.header(k, v);
            }
            r.body(stream_cached(state, digest, path))
                .unwrap_or_default()
        }
        Some(Ok(Served::Refused(message))) => refuse(StatusCode::FORBIDDEN, &message),
        Some(Err((status, message))) => refuse(status, &message),
        None => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "customs: the request failed",
        ),
    }
}

/// Headers added to a file served.
type Headers = Vec<(&'static str, String)>;

enum Served {
    /// Bytes just downloaded.
    Bytes(Vec<u8>, Headers),
    /// A file of the verified cache, streamed.
    Cached {
        digest: customs_registry::Digest,
        path: std::path::PathBuf,
        size: u64,
        headers: Headers,
    },
    Refused(String),
}

/// The bytes of a cached file read at a time.
const CHUNK: usize = 64 << 10;

/// A hash in the index's algorithm, computed as the bytes go by.
enum Hashing {
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hashing {
    fn new(digest: &customs_registry::Digest) -> Option<Self> {
        use sha2::Digest as _;
        match digest {
            customs_registry::Digest::Sha256(_) => Some(Self::Sha256(sha2::Sha256::new())),
            customs_registry::Digest::Sha512(_) => Some(Self::Sha512(sha2::Sha512::new())),
            customs_registry::Digest::Sha1(_) => None,
        }
    }

    fn update(&mut self, bytes: &[u8]) {
        use sha2::Digest as _;
        match self {
            Self::Sha256(h) => h.update(bytes),
            Self::Sha512(h) => h.update(bytes),
        }
    }

    fn hex(self) -> String {
        use sha2::Digest as _;
        match self {
            Self::Sha256(h) => hex::encode(h.finalize()),
            Self::Sha512(h) => hex::encode(h.finalize()),
        }
    }
}

/// A cached file sent as it is read, a chunk at a time (memory per request stays a few
/// chunks, whatever the file's size), and hashed on the way: its last chunk leaves only
/// once the whole file matched its digest, so a cache altered since the file was
/// verified never reaches a client whole (the connection is cut, and the log says why).
fn stream_cached(
    state: Shared,
    digest: customs_registry::Digest,
    path: std::path::PathBuf,
) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<axum::body::Bytes, std::io::Error>>(4);
    tokio::task::spawn_blocking(move || {
        use std::io::Read;
        let fail = |message: String| {
            log_event(&state, &message);
            let _ = tx.blocking_send(Err(std::io::Error::other(message)));
        };
        let Some(mut hashing) = Hashing::new(&digest) else {
            return fail(format!(
                "{}: no streaming hash for {}",
                path.display(),
                digest.algorithm()
            ));
        };
        let mut file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                return fail(format!(
                    "the cached file {} cannot be read: {e}",
                    path.display()
                ));
            }
        };
        let mut held: Option<axum::body::Bytes> = None;
        loop {
            let mut buf = vec![0u8; CHUNK];
            let n = match file.read(&mut buf) {
                Ok(n) => n,
                Err(e) => {
                    return fail(format!(
                        "the cached file {} cannot be read: {e}",
                        path.display()
                    ));
                }
            };
            if n == 0 {
                break;
            }
            buf.truncate(n);
            hashing.update(&buf);
            if let Some(previous) = held.replace(axum::body::Bytes::from(buf))
                && tx.blocking_send(Ok(previous)).is_err()
            {
                // The client left.
                return;
            }
        }
        let found = hashing.hex();
        if found != digest.hex() {
            return fail(format!(
                "the cached file {} does not match its {} (expected {}, found {found}): the cache was altered; not served",
                path.display(),
                digest.algorithm(),
                digest.hex()
            ));
        }
        if let Some(last) = held {
            let _ = tx.blocking_send(Ok(last));
        }
    });
    Body::new(Chunks(rx))
}

/// A body made of the chunks a reader sends.
struct Chunks(tokio::sync::mpsc::Receiver<Result<axum::body::Bytes, std::io::Error>>);

impl hyper::body::Body for Chunks {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        self.0
            .poll_recv(cx)
            .map(|chunk| chunk.map(|r| r.map(hyper::body::Frame::data)))
    }
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

/// The facts stored for `key`, if any. Facts that an earlier customs stored from a
/// failed download (nothing read, or bytes that did not match the index) are not
/// facts about the artifact: they count as nothing stored, and the file is scanned
/// again.
///
/// # Errors
/// When the store cannot be read.
fn stored_facts(s: &ProxyState, key: &str) -> Result<Option<Facts>, customs_store::StoreError> {
    Ok(s.store
        .verdict(key)?
        .and_then(|j| serde_json::from_str::<Facts>(&j).ok())
        .filter(|f| {
            f.decided.unreadable.is_none()
                && !f.decided.sha256.is_empty()
                && !f
                    .findings
                    .iter()
                    .any(|x| x.rule == "artifact-digest-mismatch")
        }))
}

/// The facts of a file's scan: from the store when it was scanned before (by this
/// proxy or another sharing the store), else scanned now, and stored when they are
/// the facts of the artifact (see [`scan_now`]). `None` when `scan` is off (known
/// malware is not downloaded).
fn scan_facts(
    s: &ProxyState,
    project: &Project,
    release: &Release,
    fref: &FileRef,
    key: &str,
    scan: bool,
) -> Result<Option<Facts>, Failure> {
    if !scan {
        return Ok(None);
    }
    // Facts are reused only when judged under the same key as a scan now would be.
    let judged_as = customs_scan::judgement_key(
        project,
        &release.version,
        Some(&fref.file_name),
        &s.scan,
        &s.policy,
    );
    let stored = |s: &ProxyState| {
        stored_facts(s, key)
            .map(|f| f.filter(|f| judged_as.is_some() && f.judged_as == judged_as))
            .map_err(|e| store_failure(s, &e))
    };
    // Another replica may be scanning it: wait for its verdict while its claim holds,
    // unless it is a process of this host that is gone (crashed, killed).
    loop {
        if let Some(f) = stored(s)? {
            return Ok(Some(f));
        }
        let t = now();
        match s.store.claim_scan(key, &s.node, t, t + CLAIM_SECONDS) {
            Ok(true) | Err(_) => break,
            Ok(false) => {
                if let Ok(Some((holder, _))) = s.store.scan_claim(key)
                    && customs_store::node_gone(&holder)
                    && s.store
                        .take_over_scan(key, &holder, &s.node, t + CLAIM_SECONDS)
                        .unwrap_or(false)
                {
                    log_event(
                        s,
                        &format!("took over the scan of {key} from {holder}, which is gone"),
                    );
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
    }
    // Read again: the holder may have finished between the read and the claim.
    if let Some(f) = stored(s)? {
        let _ = s.store.release_scan(key, &s.node);
        return Ok(Some(f));
    }
    let result = scan_now(s, project, release, fref).map(|(mut facts, keep)| {
        facts.judged_as.clone_from(&judged_as);
        (facts, keep)
    });
    if let Ok((facts, true)) = &result
        && let Ok(json) = serde_json::to_string(facts)
        && let Err(e) = s.store.put_verdict(key, &json, now())
    {
        log_event(s, &format!("the verdict on {key} cannot be stored: {e}"));
    }
    let _ = s.store.release_scan(key, &s.node);
    result.map(|(facts, _)| Some(facts))
}

/// Downloads `file` into the cache, checked against the index's digest. `true` when
/// it matched, `false` when the index gives no digest. A download that failed, or sent
/// other bytes than the index lists, is an upstream failure.
fn fetch_checked(s: &ProxyState, project: &Project, file: &FileRef) -> Result<bool, Failure> {
    // Streamed into the cache, the download is never held in memory; a tar stream is
    // read and its code analysed while it arrives, so that the scan after the last
    // byte finds the analysis done (the client still gets nothing before the verdict).
    let follow = |reader: &mut (dyn std::io::Read + Send)| {
        customs_scan::prepare_streaming(reader, &file.file_name, &s.scan);
    };
    let fetched = s
        .registry
        .fetch_file_following(project, file, &follow)
        .map_err(|e| match e {
            customs_registry::RegistryError::CacheTampered { .. } => {
                (StatusCode::INTERNAL_SERVER_ERROR, format!("customs: {e}"))
            }
            e => upstream_failure(&e),
        })?;
    match fetched.integrity {
        customs_registry::Integrity::Verified { .. } => Ok(true),
        customs_registry::Integrity::Unchecked => Ok(false),
        customs_registry::Integrity::Mismatch {
            algorithm,
            expected,
            actual,
        } => Err((
            StatusCode::BAD_GATEWAY,
            format!(
                "customs: upstream failed: {} does not match the index's {algorithm} (expected {expected}, received {actual}); nothing was stored",
                file.file_name
            ),
        )),
    }
}

/// Downloads, checks and scans one file, and says whether the facts may be stored:
/// only those of a completed scan of bytes that match the index's digest (and of the
/// earlier release's file they were compared with), so that a failed or altered
/// download never becomes the verdict on the genuine artifact.
fn scan_now(
    s: &ProxyState,
    project: &Project,
    release: &Release,
    fref: &FileRef,
) -> Result<(Facts, bool), Failure> {
    // The downloads first, so that their failures are told apart from the artifact's.
    let mut verified = fetch_checked(s, project, fref)?;
    if s.scan.history
        && let Some(previous) = project.line_predecessor(&release.version)
        && let Some(old) = customs_scan::matching_file(previous, fref)
    {
        verified &= fetch_checked(s, project, old)?;
    }
    match scan_release(
        &s.registry,
        project,
        &release.version,
        Some(&fref.file_name),
        &s.scan,
    ) {
        Ok(mut report) => {
            report.ignore(&s.policy);
            let complete = report
                .history
                .as_ref()
                .is_none_or(|h| h.dependencies.iter().all(|d| d.error.is_none()));
            let same_bytes = match &fref.digest {
                Some(customs_registry::Digest::Sha256(h)) => h.eq_ignore_ascii_case(&report.sha256),
                _ => true,
            };
            Ok((
                facts_of(&report, release),
                verified && complete && same_bytes,
            ))
        }
        // Downloads that failed after the ones above succeeded (a file without a digest
        // is downloaded again).
        Err(e) if e.kind == customs_scan::ScanFailure::Upstream => Err((
            StatusCode::BAD_GATEWAY,
            format!("customs: upstream failed: {}", e.message),
        )),
        Err(e) if e.kind == customs_scan::ScanFailure::CacheAltered => Err((
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("customs: {}", e.message),
        )),
        Err(e) => Ok((
            Facts {
                decided: DecisionFacts {
                    install_scripts: release.install_scripts.clone(),
                    unreadable: Some(e.message),
                    ..DecisionFacts::default()
                },
                score: 0.0,
                top: None,
                findings: Vec::new(),
                compared_with: None,
                changes: Vec::new(),
                judged_as: None,
            },
            false,
        )),
    }
}

/// Decides on one file a client asks for: its store records, its scan (or the facts
/// kept from one), the policy; then serves it, from the cache when it can.
fn decide_file(s: &ProxyState, eco: Ecosystem, name: &str, file: &str) -> Result<Served, Failure> {
    let project = project_or_last(s, eco, name)?;
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
    let known = known_malicious(s, eco, &project, release)?;
    let key = facts_key(s, eco, &project, release, fref);
    let facts = gated_facts(s, &project, release, fref, &key, known.is_empty())?;
    let decision = decide(s, eco, &project, release, facts.as_ref(), known)?;
    let verdict = facts
        .as_ref()
        .map_or("unchecked", |f| f.decided.verdict_name());
    log_decision(
        s,
        &Decided {
            action: decision.action,
            eco,
            name: &project.name,
            version: &release.version,
            file,
            key: &key,
            verdict,
            reason: &decision.reasons.join("; "),
        },
    );
    if decision.action == Action::Block {
        return Ok(Served::Refused(refusal(
            eco,
            &project,
            release,
            &shown,
            &decision,
            facts.as_ref(),
        )));
    }
    let mut headers = vec![("x-customs-verdict", verdict.to_owned())];
    if decision.action == Action::Warn {
        headers.push((
            "warning",
            format!(
                "199 customs \"{}\"",
                phrase(&decision.reasons.join("; ")).replace('"', "'")
            ),
        ));
    }
    // A cached file is streamed from the cache, its digest checked on the way.
    if let Some(digest) = fref.digest.as_ref().filter(|d| Hashing::new(d).is_some()) {
        let path = s.registry.cache().path_of(digest);
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.is_file()
        {
            return Ok(Served::Cached {
                digest: digest.clone(),
                path,
                size: meta.len(),
                headers,
            });
        }
    }
    let bytes = match fref.digest.as_ref().map(|d| s.registry.cache().get(d)) {
        Some(Ok(Some(bytes))) => bytes,
        Some(Err(e)) => return Err((StatusCode::INTERNAL_SERVER_ERROR, format!("customs: {e}"))),
        _ => {
            // No digest on the index, or not cached: the bytes just scanned are fetched
            // again only when they could not be cached.
            let fetched = s
                .registry
                .fetch(&project, fref)
                .map_err(|e| upstream_failure(&e))?;
            // Another replica sharing the store may have scanned it, so a cache miss is
            // normal; the bytes must still be the ones the index lists, and without a
            // digest on the index, the ones that were scanned.
            let changed = match &fetched.integrity {
                customs_registry::Integrity::Verified { .. } => false,
                customs_registry::Integrity::Mismatch { .. } => true,
                customs_registry::Integrity::Unchecked => facts.as_ref().is_some_and(|f| {
                    !f.decided.sha256.is_empty() && f.decided.sha256 != sha256_hex(&fetched.bytes)
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
    Ok(Served::Bytes(bytes, headers))
}

/// The store's known-malicious records of a release (`ID; SOURCE`).
fn known_malicious(
    s: &ProxyState,
    eco: Ecosystem,
    project: &Project,
    release: &Release,
) -> Result<Vec<String>, Failure> {
    Ok(s.store
        .advisories(eco, &project.name, &release.version)
        .map_err(|e| store_failure(s, &e))?
        .into_iter()
        .filter(|a| a.malicious)
        .map(|a| format!("{}; {}", a.id, a.source))
        .collect())
}

/// The key a file's facts are kept under: its digest (or address), and the rules the
/// policy ignores for it, so that a change of the `ignore` settings is judged afresh.
fn facts_key(
    s: &ProxyState,
    eco: Ecosystem,
    project: &Project,
    release: &Release,
    fref: &FileRef,
) -> String {
    let key = fref.digest.as_ref().map_or_else(
        || format!("url:{}", fref.url),
        |d| format!("{}:{}", d.algorithm(), d.hex()),
    );
    let mut ignored: Vec<&str> = s
        .policy
        .ignores_for(eco, &project.name, &release.version)
        .iter()
        .map(|i| i.rule)
        .collect();
    if ignored.is_empty() {
        return key;
    }
    ignored.sort_unstable();
    ignored.dedup();
    format!("{key} ignoring {}", ignored.join(","))
}

/// The facts of a file, one scan per artifact: later requests wait for the first and
/// read its facts, or take its failure when it failed while they waited.
fn gated_facts(
    s: &ProxyState,
    project: &Project,
    release: &Release,
    fref: &FileRef,
    key: &str,
    scan: bool,
) -> Result<Option<Facts>, Failure> {
    let gate = {
        let mut inflight = s
            .inflight
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(inflight.entry(key.to_owned()).or_default())
    };
    let mut turn = gate
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let result = match turn.clone() {
        Some(failed) => Err(failed),
        None => scan_facts(s, project, release, fref, key, scan),
    };
    if let Err(failed) = &result {
        *turn = Some(failed.clone());
    }
    drop(turn);
    // The last one out removes the gate, so the table holds only scans under way.
    let mut inflight = s
        .inflight
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if Arc::strong_count(&gate) <= 2 {
        inflight.remove(key);
    }
    result
}

/// The policy's decision on a release's file, on the same facts audit decides on, with
/// the identity the store pinned for the package; pins the package on first use.
fn decide(
    s: &ProxyState,
    eco: Ecosystem,
    project: &Project,
    release: &Release,
    facts: Option<&Facts>,
    known: Vec<String>,
) -> Result<customs_policy::Decision, Failure> {
    let mut subject = Subject::new(eco, &project.name, &release.version)
        .known_malicious(known)
        .released(release.uploaded);
    if let Some(f) = facts {
        subject = subject.scanned(&f.decided);
    }
    subject.stored_pin = s
        .store
        .meta(&Pin::key(eco, &project.name))
        .map_err(|e| store_failure(s, &e))?
        .and_then(|j| Pin::from_json(&j))
        .map(|p| p.identity());
    let decision = s.policy.decide(&subject);
    // Trust on first use: the first release seen with provenance pins the package.
    if s.policy.pin_on_first_use
        && decision.action != Action::Block
        && subject.stored_pin.is_none()
        && s.policy.pin_for(&subject).is_none()
        && let Some(b) = &subject.builder
    {
        // The proxy knows the builder's repository and workflow, not the ref it built
        // from: the pin does not ask later releases to come from tags.
        let builder = customs_registry::Publisher {
            repository: b.repository.clone(),
            workflow: b.workflow.clone(),
            ..customs_registry::Publisher::default()
        };
        let pin = Pin::first_use(&builder, &release.version);
        let _ = s
            .store
            .meta_first(&Pin::key(eco, &project.name), &pin.to_json());
    }
    Ok(decision)
}

/// What a client is told when a file is blocked: the reasons, the top finding, and the
/// command that shows the whole report.
fn refusal(
    eco: Ecosystem,
    project: &Project,
    release: &Release,
    shown: &str,
    decision: &customs_policy::Decision,
    facts: Option<&Facts>,
) -> String {
    let top = facts
        .and_then(|f| f.top.clone())
        .map(|t| format!(" [{t}]"))
        .unwrap_or_default();
    let what = match eco {
        Ecosystem::Pypi => format!("pypi:{}=={}", project.name, release.version),
        Ecosystem::Npm => format!("npm:{}@{}", project.name, release.version),
    };
    format!(
        "customs blocked {shown}: {}{top}; run `customs scan {what}` for the report",
        decision.reasons.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_pages_stay_within_their_bytes() {
        let mut kept: Bounded<axum::body::Bytes> = Bounded::new(100);
        for i in 0..10 {
            kept.insert(format!("k{i}"), axum::body::Bytes::from(vec![0u8; 30]));
            assert!(kept.held <= 100, "{}", kept.held);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(
            kept.get("k9").is_some() && kept.get("k0").is_none(),
            "oldest out first"
        );
        // More than half the limit is never kept.
        kept.insert("big".into(), axum::body::Bytes::from(vec![0u8; 60]));
        assert!(kept.get("big").is_none());
        // Replacing an entry gives its bytes back.
        let before = kept.held;
        kept.insert("k9".into(), axum::body::Bytes::from(vec![0u8; 30]));
        assert_eq!(kept.held, before);
    }

    #[test]
    fn names_and_hosts() {
        assert!(npm_name_ok("@scope/pkg") && npm_name_ok("JSONStream") && npm_name_ok("a.b-c_d"));
        for bad in [
            "ms?write=true",
            "ms#x",
            "../admin",
            "@scope",
            "@/x",
            ".hidden",
            "a b",
            "a%2fb",
        ] {
            assert!(!npm_name_ok(bad), "{bad}");
        }
        assert!(pypi_name_ok("Django") && pypi_name_ok("zope.interface"));
        for bad in ["-x", "x-", "a/b", "a?b", ""] {
            assert!(!pypi_name_ok(bad), "{bad}");
        }
        let host = |h: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, h.parse().expect("a header value"));
            base_url(&headers)
        };
        assert_eq!(
            host("127.0.0.1:3141").expect("plain"),
            "http://127.0.0.1:3141"
        );
        assert_eq!(host("[::1]:80").expect("plain"), "http://[::1]:80");
        assert!(host("x\"><b>").is_err());
        assert!(host("a/b").is_err());
    }

    #[test]
    fn tarball_paths_name_their_package_whatever_the_prefix() {
        assert_eq!(tarball_name("lodash"), "lodash");
        assert_eq!(tarball_name("@corp/tool"), "@corp/tool");
        assert_eq!(tarball_name("registry/path/lodash"), "lodash");
        assert_eq!(tarball_name("corp/npm/@corp/tool"), "@corp/tool");
        assert_eq!(tarball_name("x/@corp/tool"), "@corp/tool");
    }
}
