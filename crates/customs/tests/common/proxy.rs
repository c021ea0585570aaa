//! A `customs proxy` process of a test, and the test's own HTTP client to ask it (and
//! the loopback registries) for a path.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A `customs proxy` of this test, listening on a free loopback port, its standard error
/// in a file; stopped (by its pid) when dropped.
pub struct Proxy {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    log: PathBuf,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proxy {
    /// Starts `customs proxy --listen 127.0.0.1:0 ARGS` in `dir` with only `env` (and a
    /// private HOME), and waits for the address it prints first.
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, String)]) -> Self {
        let home = dir.join("home");
        std::fs::create_dir_all(&home).unwrap();
        let log = dir.join(format!(
            "proxy-{}.log",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_customs"))
            .arg("proxy")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("PIP_CONFIG_FILE", "/dev/null")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_owned();
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "first line is the address: {line:?}, log: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        Self { child, url, log }
    }

    /// As [`Proxy::start`], then checks that its health endpoint answers 200.
    pub fn start_healthy(dir: &Path, args: &[&str], env: &[(&str, String)]) -> Self {
        let p = Self::start(dir, args, env);
        let health = fetch_url(&p.url, "/-/health");
        assert_eq!(health.0, 200);
        p
    }

    /// GET `path`, waiting at most 90 s for the answer.
    pub fn get(&self, path: &str) -> Answer {
        get(&self.url, path, None, Duration::from_secs(90))
    }

    /// What it wrote to standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// An answer: status, reason phrase, headers (lower-case names) and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub reason: String,
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The status and the body as text.
    pub fn status_and_text(&self) -> (u16, String) {
        (self.status, self.text())
    }
}

/// GET with this test's own client: `host` for the Host header (else the address),
/// waiting at most `wait` for the answer.
pub fn get(base: &str, path: &str, host: Option<&str>, wait: Duration) -> Answer {
    request(base, path, host, &[], wait)
}

/// GET `path` with extra header lines (`Name: value`).
pub fn request(
    base: &str,
    path: &str,
    host: Option<&str>,
    headers: &[&str],
    wait: Duration,
) -> Answer {
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(wait)).unwrap();
    let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {}\r\n{extra}Connection: close\r\n\r\n",
        host.unwrap_or(addr)
    )
    .unwrap();
    let mut all = Vec::new();
    if let Err(e) = s.read_to_end(&mut all) {
        panic!("no answer to {path} within {wait:?}: {e}");
    }
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP answer to {path}: {all:?}"));
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let first = head.lines().next().unwrap_or("");
    let mut parts = first.splitn(3, ' ');
    parts.next();
    let status = parts.next().unwrap().parse().unwrap();
    let reason = parts.next().unwrap_or("").to_owned();
    Answer {
        status,
        reason,
        head: head.to_ascii_lowercase(),
        body: all[split + 4..].to_vec(),
    }
}

/// GET from a server as a PyPI client asks (JSON pages accepted): status and body.
pub fn fetch_url(base: &str, path: &str) -> (u16, Vec<u8>) {
    let a = request(
        base,
        path,
        None,
        &["Accept: application/vnd.pypi.simple.v1+json"],
        Duration::from_secs(600),
    );
    (a.status, a.body)
}

/// `npm install SPEC` in a fresh project `dir/project` through the proxy at `proxy`, with
/// a cache in `dir` and nothing of this machine's npm configuration; install scripts off.
pub fn npm_install(dir: &Path, project: &str, proxy: &str, spec: &str) -> std::process::Output {
    let p = dir.join(project);
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(
        p.join("package.json"),
        r#"{"name": "app", "version": "1.0.0"}"#,
    )
    .unwrap();
    std::process::Command::new("npm")
        .args([
            "install",
            spec,
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--registry",
        ])
        .arg(format!("{proxy}/npm/"))
        .arg("--cache")
        .arg(dir.join("npm-cache"))
        .current_dir(&p)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join("home"))
        .env("npm_config_userconfig", dir.join("no-npmrc"))
        .output()
        .unwrap()
}
