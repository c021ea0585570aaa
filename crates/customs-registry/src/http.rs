//! HTTP for the registry client: the system trust store plus the CA files the user's
//! pip and npm are configured with, timeouts, bounded bodies, and retries with backoff
//! on connection failures and on the answers that mean "try again" (429, 5xx).
//!
//! Time is bounded so that a proxy in front of pip or npm answers before they give up:
//! with the read timeout `T` (pip's `timeout`, 15 s unless configured), connecting takes
//! at most `min(T, 10 s)`, the answer's headers at most `T`, any pause in a body at most
//! `T`, and the whole exchange, every try and pause between tries included, at most
//! `4 T` (a minute by default, within pip's retries and npm's fetch timeout).
//!
//! One agent per process (per trust and timeout settings): every [`Http`] made with the
//! same settings shares its pool of kept-alive connections and its resolved addresses,
//! and at most [`MAX_PER_HOST`] exchanges with one host run at a time, whichever
//! command, thread or registry client asks (audit, scan, verify, watch, the proxy's
//! upstream).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::{IndexConfig, RegistryError};

/// One answer.
#[derive(Debug)]
pub struct Response {
    /// The final URL (after redirects), credentials removed.
    pub url: String,
    /// `Content-Type`, lower case, without parameters.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
    /// A validator for conditional requests later: the `ETag`, else the
    /// `Last-Modified` date.
    pub etag: Option<String>,
    /// PyPI's `X-PyPI-Last-Serial`: the index's change number for the project.
    pub serial: Option<String>,
}

/// What an answer said besides its body (see [`Http::get_streamed`]).
#[derive(Debug, Clone)]
pub struct Head {
    /// The final URL (after redirects), credentials removed.
    pub url: String,
    /// `Content-Type`, lower case, without parameters.
    pub content_type: String,
    /// The `ETag`, else the `Last-Modified` date.
    pub etag: Option<String>,
    /// PyPI's `X-PyPI-Last-Serial`.
    pub serial: Option<String>,
}

/// Where a streamed body goes, a chunk at a time.
pub trait BodySink {
    /// Forgets what an earlier try sent: the body starts again.
    ///
    /// # Errors
    /// When the place the body goes cannot be emptied.
    fn restart(&mut self) -> std::io::Result<()>;
    /// Takes the next chunk.
    ///
    /// # Errors
    /// When the chunk cannot be kept.
    fn take(&mut self, chunk: &[u8]) -> std::io::Result<()>;
}

impl BodySink for Vec<u8> {
    fn restart(&mut self) -> std::io::Result<()> {
        self.clear();
        Ok(())
    }

    fn take(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.extend_from_slice(chunk);
        Ok(())
    }
}

/// The bytes of a body read at a time.
const BODY_CHUNK: usize = 64 << 10;

/// How long a `Retry-After` (seconds) is waited at most.
const MAX_RETRY_AFTER: u64 = 60;

/// The read timeout when none is configured: pip's default.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// The longest a connection is waited for.
const MAX_CONNECT: Duration = Duration::from_secs(10);

/// The whole exchange, tries included, in read timeouts.
const EXCHANGE_TIMEOUTS: u32 = 4;

/// At most this many exchanges with one host at a time, per process.
pub const MAX_PER_HOST: usize = 16;

/// How long a resolved address is reused.
const RESOLVED_FOR: Duration = Duration::from_secs(300);

/// Idle connections kept, in all and per host.
const IDLE_CONNECTIONS: usize = 64;

/// What makes two agents different: the trust store and the timeouts.
type AgentKey = (Vec<PathBuf>, Option<Duration>);

/// The agents of this process, one per trust and timeout settings.
fn agents() -> &'static Mutex<HashMap<AgentKey, ureq::Agent>> {
    static AGENTS: OnceLock<Mutex<HashMap<AgentKey, ureq::Agent>>> = OnceLock::new();
    AGENTS.get_or_init(Mutex::default)
}

/// A resolver that keeps what it resolved for [`RESOLVED_FOR`]: a host is looked up
/// once, not once per connection (a lookup that goes unanswered costs a resolver retry
/// of seconds).
#[derive(Debug, Default)]
struct KeptResolver {
    inner: ureq::unversioned::resolver::DefaultResolver,
    kept: Mutex<HashMap<String, (Instant, ureq::unversioned::resolver::ResolvedSocketAddrs)>>,
}

impl ureq::unversioned::resolver::Resolver for KeptResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let key = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or(""),
            uri.authority().map_or("", |a| a.as_str())
        );
        if let Some((at, addrs)) = self
            .kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            && at.elapsed() < RESOLVED_FOR
        {
            return Ok(addrs.clone());
        }
        let addrs = self.inner.resolve(uri, config, timeout)?;
        self.kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, (Instant::now(), addrs.clone()));
        Ok(addrs)
    }
}

/// Exchanges in flight per host, across the process.
fn in_flight() -> &'static (Mutex<HashMap<String, usize>>, Condvar) {
    static HOSTS: OnceLock<(Mutex<HashMap<String, usize>>, Condvar)> = OnceLock::new();
    HOSTS.get_or_init(|| (Mutex::default(), Condvar::new()))
}

/// A place among the [`MAX_PER_HOST`] exchanges with one host; given back on drop.
struct HostTurn {
    host: String,
}

impl HostTurn {
    /// Waits for a place with `host` until `deadline`; `None` when none came in time.
    fn take(host: &str, deadline: Instant) -> Option<Self> {
        let (map, freed) = in_flight();
        let mut hosts = map.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let busy = hosts.get(host).copied().unwrap_or(0);
            if busy < MAX_PER_HOST {
                hosts.insert(host.to_owned(), busy + 1);
                return Some(Self {
                    host: host.to_owned(),
                });
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            hosts = freed
                .wait_timeout(hosts, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for HostTurn {
    fn drop(&mut self) {
        let (map, freed) = in_flight();
        let mut hosts = map.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = hosts.get_mut(&self.host) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                hosts.remove(&self.host);
            }
        }
        freed.notify_all();
    }
}

/// `scheme://host:port` of a URL (credentials removed), for the per-host bound.
fn host_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    format!("{scheme}://{}", host.to_ascii_lowercase())
}

/// The HTTP side of the client.
#[derive(Debug, Clone)]
pub struct Http {
    agent: ureq::Agent,
    attempts: u32,
    backoff: Duration,
    /// The whole exchange: every try and every pause between tries.
    budget: Duration,
}

impl Http {
    /// A client trusting the system store plus the configured CA files.
    ///
    /// # Errors
    /// When a configured CA file cannot be read.
    pub fn new(config: &IndexConfig) -> Result<Self, RegistryError> {
        let timeout = config.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let budget = timeout.saturating_mul(EXCHANGE_TIMEOUTS);
        let key: AgentKey = (config.extra_ca_files.clone(), config.timeout);
        let known = agents()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        let agent = match known {
            Some(agent) => agent,
            None => {
                let agent = new_agent(config, timeout, budget)?;
                agents()
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .entry(key)
                    .or_insert(agent)
                    .clone()
            }
        };
        Ok(Self {
            agent,
            attempts: 3,
            backoff: Duration::from_millis(400),
            budget,
        })
    }
}

/// An agent trusting the system store plus the configured CA files, with kept-alive
/// connections and kept addresses.
fn new_agent(
    config: &IndexConfig,
    timeout: Duration,
    budget: Duration,
) -> Result<ureq::Agent, RegistryError> {
    let mut roots: Vec<Certificate<'static>> = rustls_native_certs::load_native_certs()
        .certs
        .into_iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    for file in &config.extra_ca_files {
        let pem = std::fs::read(file).map_err(|e| RegistryError::Config {
            message: format!("cannot read the CA file {}: {e}", file.display()),
        })?;
        for item in ureq::tls::parse_pem(&pem) {
            if let Ok(ureq::tls::PemItem::Certificate(cert)) = item {
                roots.push(cert);
            }
        }
    }
    let root_certs = if roots.is_empty() {
        RootCerts::WebPki
    } else {
        RootCerts::Specific(Arc::new(roots))
    };
    let agent_config = ureq::Agent::config_builder()
        .tls_config(TlsConfig::builder().root_certs(root_certs).build())
        .http_status_as_error(false)
        .timeout_connect(Some(MAX_CONNECT.min(timeout)))
        .timeout_recv_response(Some(timeout))
        .timeout_per_read(Some(timeout))
        .timeout_global(Some(budget))
        .max_idle_connections(IDLE_CONNECTIONS)
        .max_idle_connections_per_host(MAX_PER_HOST)
        .user_agent(concat!("customs/", env!("CARGO_PKG_VERSION")))
        .build();
    Ok(ureq::Agent::with_parts(
        agent_config,
        ureq::unversioned::transport::DefaultConnector::default(),
        KeptResolver::default(),
    ))
}

impl Http {
    /// The longest one exchange (every try included) takes.
    #[must_use]
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// Sets how many times a request is tried and the first pause between tries.
    #[must_use]
    pub fn with_retries(mut self, attempts: u32, backoff: Duration) -> Self {
        self.attempts = attempts.max(1);
        self.backoff = backoff;
        self
    }

    /// GETs `url`, reading at most `limit` bytes of body. `index` names the index in
    /// errors; `token` is a bearer token for it.
    ///
    /// # Errors
    /// When the index cannot be reached after the retries, answers an error status, or
    /// sends more than `limit` bytes.
    pub fn get(
        &self,
        url: &str,
        accept: &str,
        token: Option<&str>,
        limit: u64,
        index: &str,
    ) -> Result<Response, RegistryError> {
        self.get_if(url, accept, token, limit, index, None)?
            .ok_or_else(|| RegistryError::Status {
                url: redact(url),
                index: index.to_owned(),
                status: 304,
            })
    }

    /// As [`Http::get`], but conditional: with `etag` (a validator an earlier
    /// [`Response`] gave: an `ETag`, sent as `If-None-Match`, or a `Last-Modified` date,
    /// sent as `If-Modified-Since`), an unchanged resource answers `None` (HTTP 304)
    /// instead of its body. A 429 or 503 with `Retry-After` waits that long (at most a
    /// minute) before the next attempt.
    ///
    /// # Errors
    /// As [`Http::get`].
    pub fn get_if(
        &self,
        url: &str,
        accept: &str,
        token: Option<&str>,
        limit: u64,
        index: &str,
        etag: Option<&str>,
    ) -> Result<Option<Response>, RegistryError> {
        let mut body = Vec::new();
        let head = self.exchange(url, accept, token, limit, index, etag, &mut body)?;
        Ok(head.map(|h| Response {
            url: h.url,
            content_type: h.content_type,
            body,
            etag: h.etag,
            serial: h.serial,
        }))
    }

    /// GETs `url` as [`Http::get`] does, handing the body to `body` as it arrives
    /// instead of holding it: memory stays one buffer, whatever the size. A try that
    /// breaks off starts `body` again ([`BodySink::restart`]).
    ///
    /// # Errors
    /// As [`Http::get`], and when `body` cannot take the bytes.
    pub fn get_streamed(
        &self,
        url: &str,
        accept: &str,
        token: Option<&str>,
        limit: u64,
        index: &str,
        body: &mut dyn BodySink,
    ) -> Result<Head, RegistryError> {
        self.exchange(url, accept, token, limit, index, None, body)?
            .ok_or_else(|| RegistryError::Status {
                url: redact(url),
                index: index.to_owned(),
                status: 304,
            })
    }

    #[allow(clippy::too_many_arguments)]
    fn exchange(
        &self,
        url: &str,
        accept: &str,
        token: Option<&str>,
        limit: u64,
        index: &str,
        etag: Option<&str>,
        sink: &mut dyn BodySink,
    ) -> Result<Option<Head>, RegistryError> {
        let (bare, basic) = split_credentials(url);
        let host = host_of(&bare);
        let mut last = String::new();
        let mut timed_out = false;
        let mut asked_wait: Option<std::time::Duration> = None;
        let started = Instant::now();
        for attempt in 0..self.attempts {
            if attempt > 0 {
                let pause = asked_wait
                    .take()
                    .unwrap_or(self.backoff * 2u32.saturating_pow(attempt - 1));
                // No try that could not finish within the exchange's time.
                if started.elapsed() + pause >= self.budget {
                    break;
                }
                std::thread::sleep(pause);
            }
            let left = self.budget.saturating_sub(started.elapsed());
            if left.is_zero() {
                timed_out = true;
                break;
            }
            // A place among the exchanges with this host, within the exchange's time.
            let Some(_turn) = HostTurn::take(&host, started + self.budget) else {
                timed_out = true;
                last = format!("{MAX_PER_HOST} exchanges with {host} were already running");
                break;
            };
            let left = self.budget.saturating_sub(started.elapsed());
            let mut request = self
                .agent
                .get(&bare)
                .config()
                .timeout_global(Some(left))
                .build()
                .header("Accept", accept);
            if let Some(etag) = etag {
                if etag.starts_with('"') || etag.starts_with("W/") {
                    request = request.header("If-None-Match", etag);
                } else {
                    request = request.header("If-Modified-Since", etag);
                }
            }
            if let Some(basic) = &basic {
                request = request.header("Authorization", basic);
            } else if let Some(token) = token {
                request = request.header("Authorization", &format!("Bearer {token}"));
            }
            let mut response = match request.call() {
                Ok(r) => r,
                Err(e) => {
                    timed_out = matches!(e, ureq::Error::Timeout(_));
                    last = e.to_string();
                    continue;
                }
            };
            let status = response.status().as_u16();
            if status == 304 && etag.is_some() {
                return Ok(None);
            }
            if status == 429 || status >= 500 {
                asked_wait = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(|s| std::time::Duration::from_secs(s.min(MAX_RETRY_AFTER)));
                last = format!("HTTP {status}");
                timed_out = false;
                continue;
            }
            if status == 404 || status == 410 {
                return Err(RegistryError::NotFound {
                    url: bare.clone(),
                    index: index.to_owned(),
                });
            }
            if !(200..300).contains(&status) {
                return Err(RegistryError::Status {
                    url: bare.clone(),
                    index: index.to_owned(),
                    status,
                });
            }
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let etag = header("etag").or_else(|| header("last-modified"));
            let serial = header("x-pypi-last-serial");
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if let Err(e) = sink.restart() {
                return Err(RegistryError::Sink {
                    url: bare.clone(),
                    message: e.to_string(),
                });
            }
            // The limit is counted here, one byte past it being enough to know.
            let mut reader = response
                .body_mut()
                .with_config()
                .limit(limit.saturating_add(1))
                .reader();
            let mut buf = vec![0u8; BODY_CHUNK];
            let mut total = 0u64;
            let read = loop {
                match std::io::Read::read(&mut reader, &mut buf) {
                    Ok(0) => break Ok(()),
                    Ok(n) => {
                        total += n as u64;
                        if total > limit {
                            return Err(RegistryError::TooLarge {
                                url: bare.clone(),
                                limit,
                            });
                        }
                        if let Err(e) = sink.take(&buf[..n]) {
                            return Err(RegistryError::Sink {
                                url: bare.clone(),
                                message: e.to_string(),
                            });
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => break Err(e),
                }
            };
            match read {
                Ok(()) => {
                    return Ok(Some(Head {
                        url: bare,
                        content_type,
                        etag,
                        serial,
                    }));
                }
                Err(e) => {
                    timed_out = e.kind() == std::io::ErrorKind::TimedOut
                        || matches!(
                            e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()),
                            Some(ureq::Error::Timeout(_))
                        );
                    last = e.to_string();
                }
            }
        }
        if timed_out {
            return Err(RegistryError::TimedOut {
                index: index.to_owned(),
                url: bare,
                message: format!(
                    "{last} (after {:.1} s; customs waits {:.1} s for an answer or a pause in it, {:.1} s for the whole exchange)",
                    started.elapsed().as_secs_f64(),
                    (self.budget / EXCHANGE_TIMEOUTS).as_secs_f64(),
                    self.budget.as_secs_f64()
                ),
            });
        }
        Err(RegistryError::Unreachable {
            index: index.to_owned(),
            url: bare,
            message: last,
        })
    }
}

impl Http {
    /// POSTs a JSON body (alert webhooks), retrying like [`Http::get`].
    ///
    /// # Errors
    /// When the receiver cannot be reached after the retries or answers an error.
    pub fn post_json(&self, url: &str, body: &str) -> Result<(), RegistryError> {
        let (bare, basic) = split_credentials(url);
        let mut last = String::new();
        for attempt in 0..self.attempts {
            if attempt > 0 {
                std::thread::sleep(self.backoff * 2u32.saturating_pow(attempt - 1));
            }
            let mut request = self
                .agent
                .post(&bare)
                .header("Content-Type", "application/json");
            if let Some(basic) = &basic {
                request = request.header("Authorization", basic);
            }
            match request.send(body) {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) => last = format!("HTTP {}", r.status().as_u16()),
                Err(e) => last = e.to_string(),
            }
        }
        Err(RegistryError::Unreachable {
            index: bare.clone(),
            url: bare,
            message: last,
        })
    }
}

/// Removes `user:password@` from a URL and returns it as a Basic authorization value,
/// so that credentials never appear in errors or reports.
fn split_credentials(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_owned(), None);
    };
    let basic = base64::engine::general_purpose::STANDARD.encode(percent_decode(userinfo));
    (
        format!("{scheme}://{host}{}", &rest[authority_end..]),
        Some(format!("Basic {basic}")),
    )
}

/// Decodes `%XX` escapes.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(hex) = std::str::from_utf8(&bytes[i + 1..i + 3])
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Removes credentials from a URL for display.
#[must_use]
pub fn redact(url: &str) -> String {
    split_credentials(url).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_leave_the_url() {
        let (url, auth) = split_credentials("http://me:p%40ss@127.0.0.1:8/simple/x/");
        assert_eq!(url, "http://127.0.0.1:8/simple/x/");
        let expected = base64::engine::general_purpose::STANDARD.encode("me:p@ss");
        assert_eq!(auth, Some(format!("Basic {expected}")));
        assert_eq!(
            split_credentials("http://127.0.0.1/a@b").0,
            "http://127.0.0.1/a@b"
        );
        assert_eq!(percent_decode("a%2fb%zz"), "a/b%zz");
    }

    /// A loopback server answering `answers` in turn, one connection each; what each
    /// request said is sent back through the channel.
    fn scripted(answers: Vec<&'static str>) -> (String, std::sync::mpsc::Receiver<String>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        let url = format!(
            "http://{}/simple/demo/",
            listener.local_addr().expect("addr")
        );
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for answer in answers {
                let Ok((mut s, _)) = listener.accept() else {
                    return;
                };
                let mut buf = [0u8; 4096];
                let mut got = Vec::new();
                while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = tx.send(String::from_utf8_lossy(&got).to_ascii_lowercase());
                let _ = s.write_all(answer.as_bytes());
                // Held open: an answer shorter than its length stalls, not ends.
                held.push(s);
            }
            std::thread::sleep(Duration::from_secs(30));
        });
        (url, rx)
    }

    #[test]
    fn a_stalled_body_times_out_within_the_exchange() {
        let config = IndexConfig {
            timeout: Some(Duration::from_millis(500)),
            ..IndexConfig::default()
        };
        let http = Http::new(&config)
            .expect("client")
            .with_retries(3, Duration::from_millis(10));
        // Each try gets its headers and half its body, then silence.
        let stalled = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nhalf";
        let (url, _seen) = scripted(vec![stalled; 3]);
        let started = std::time::Instant::now();
        let err = http
            .get(&url, "*/*", None, 1024, "test")
            .expect_err("never finished");
        assert!(matches!(err, RegistryError::TimedOut { .. }), "{err}");
        assert!(
            started.elapsed() < http.budget() + Duration::from_millis(500),
            "bounded by the exchange's time: {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn last_modified_serial_and_retry_after() {
        let http = Http::new(&IndexConfig::default())
            .expect("client")
            .with_retries(3, Duration::from_millis(10));
        let (url, seen) = scripted(vec![
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\r\nX-PyPI-Last-Serial: 4242\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
            "HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        ]);
        let started = std::time::Instant::now();
        let r = http
            .get_if(&url, "text/html", None, 1024, "test", None)
            .expect("answers")
            .expect("a body");
        assert!(
            started.elapsed() >= Duration::from_millis(900),
            "the 429 asked for a second, and got it"
        );
        assert_eq!(r.body, b"ok");
        assert_eq!(r.etag.as_deref(), Some("Sun, 22 Nov 2026 10:00:00 GMT"));
        assert_eq!(r.serial.as_deref(), Some("4242"));
        let again = http
            .get_if(&url, "text/html", None, 1024, "test", r.etag.as_deref())
            .expect("answers");
        assert!(again.is_none(), "304: unchanged");
        let requests: Vec<String> = seen.try_iter().collect();
        assert_eq!(requests.len(), 3);
        assert!(
            requests[2].contains("if-modified-since: sun, 22 nov 2026 10:00:00 gmt"),
            "{}",
            requests[2]
        );
        assert!(!requests[2].contains("if-none-match"));
    }
}
