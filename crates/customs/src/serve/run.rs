//! What `customs run` needs besides the proxy: the index flags on the client's command
//! line, the proxies it starts, and the lockfiles it gives back their upstream URLs.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use customs_ecosystem::Ecosystem;
use customs_policy::Policy;
use customs_registry::{Environment, Registry, Unroutable, WhyUnroutable};
use customs_scan::ScanOptions;
use customs_store::Store;

/// One index flag on the command line: where its value is, so that it can be replaced.
#[derive(Debug, Clone)]
pub(super) struct Flag {
    /// The flag as written (`--extra-index-url`).
    pub(super) flag: String,
    /// Index of the argument holding the value.
    at: usize,
    /// What comes before the value in that argument (`--index-url=`, or nothing).
    prefix: String,
    /// uv's index name (`--index name=URL`).
    pub(super) name: Option<String>,
    /// The URL.
    pub(super) url: String,
}

impl Flag {
    /// Puts `value` in place of the flag's value.
    pub(super) fn replace(&self, command: &mut [String], value: &str) {
        if let Some(arg) = command.get_mut(self.at) {
            *arg = format!("{}{value}", self.prefix);
        }
    }
}

/// The index settings of the client's own command line.
#[derive(Debug, Default)]
pub(super) struct CommandFlags {
    /// pip's and uv's `--index-url` / `-i` / `--default-index`.
    pub(super) index_url: Option<Flag>,
    /// npm's `--registry`.
    pub(super) registry: Option<Flag>,
    /// npm's `--@scope:registry`, by scope.
    pub(super) scopes: BTreeMap<String, Flag>,
    /// pip's and uv's `--extra-index-url`, uv's `--index`.
    pub(super) extra: Vec<Flag>,
    /// What cannot be routed.
    pub(super) refused: Vec<Refused>,
}

/// A setting `run` will not start with.
#[derive(Debug, Clone)]
pub(super) struct Refused {
    /// The setting, and where it is.
    pub(super) setting: String,
    /// Its value.
    pub(super) value: String,
    pub(super) why: Why,
}

/// Why a setting stops `run`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Why {
    /// A source of pip's or uv's configuration that no proxy can stand in for.
    Source(WhyUnroutable),
    /// An index option inside a requirements file.
    InRequirements,
    /// An index flag inside one argument (a shell command).
    Hidden,
    /// A flag that makes the client read what customs did not; what to do instead.
    Unread(&'static str),
}

impl From<&Unroutable> for Refused {
    fn from(u: &Unroutable) -> Self {
        Self {
            setting: u.setting.clone(),
            value: u.value.clone(),
            why: Why::Source(u.why),
        }
    }
}

impl Refused {
    pub(super) fn new(setting: impl Into<String>, value: impl Into<String>, why: Why) -> Self {
        Self {
            setting: setting.into(),
            value: value.into(),
            why,
        }
    }
}

/// Whether the program is pip or uv, or Python running pip (their short flags `-i` and
/// `-f` name indexes; npm's `-f` is `--force`, Python's `-i` is interactive).
fn python_tool(program: &str, args: &[String]) -> bool {
    let base = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    (base.starts_with("pip") && base != "pipx")
        || base == "uv"
        || base == "uvx"
        || (base.starts_with("python")
            && args
                .windows(2)
                .any(|w| w[0] == "-m" && w[1].starts_with("pip")))
}

/// Which client a program is, for the flags only it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Client {
    Npm,
    Uv,
    Pnpm,
    Yarn,
    Bun,
    Other,
}

fn client_of(program: &str) -> Client {
    let base = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if base == "npm" || base == "npx" {
        Client::Npm
    } else if base == "uv" || base == "uvx" {
        Client::Uv
    } else if let Some(js) = super::js::Js::of(program) {
        match js {
            super::js::Js::Pnpm => Client::Pnpm,
            super::js::Js::Yarn => Client::Yarn,
            super::js::Js::Bun => Client::Bun,
        }
    } else {
        Client::Other
    }
}

/// Flags that make the client read configuration or a project that customs did not
/// read, and what to do instead.
const UNREAD: &[(Client, &str, &str)] = &[
    (
        Client::Npm,
        "--userconfig",
        "set npm_config_userconfig instead, which customs reads",
    ),
    (
        Client::Npm,
        "--globalconfig",
        "set npm_config_globalconfig instead, which customs reads",
    ),
    (
        Client::Npm,
        "--prefix",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Pnpm,
        "--dir",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Pnpm,
        "-C",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Pnpm,
        "--prefix",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Yarn,
        "--cwd",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Yarn,
        "--use-yarnrc",
        "run without it: customs reads the .yarnrc files yarn finds itself",
    ),
    (
        Client::Bun,
        "--cwd",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Bun,
        "--config",
        "run without it: customs reads the bunfig.toml bun finds itself",
    ),
    (
        Client::Bun,
        "-c",
        "run without it: customs reads the bunfig.toml bun finds itself",
    ),
    (
        Client::Uv,
        "--config-file",
        "set UV_CONFIG_FILE instead, which customs reads",
    ),
    (
        Client::Uv,
        "--directory",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
    (
        Client::Uv,
        "--project",
        "run customs from that folder (cd DIR && customs run -- ...)",
    ),
];

/// Index flags that customs would not see inside an argument (`sh -c "pip install
/// --extra-index-url ..."`).
const HIDDEN: &[&str] = &[
    "--index-url",
    "--extra-index-url",
    "--default-index",
    "--index ",
    "--index=",
    "--find-links",
    "--registry",
    ":registry",
];

impl CommandFlags {
    /// Reads the flags of `args` (the arguments after the program). Requirement files
    /// named with `-r`/`-c` are read for the index options pip takes from them.
    pub(super) fn read(program: &str, args: &[String], cwd: &Path) -> Self {
        let python = python_tool(program, args);
        let mut out = Self::default();
        for arg in args {
            if arg.contains(char::is_whitespace)
                && let Some(flag) = HIDDEN.iter().find(|f| arg.contains(**f))
            {
                out.refused.push(Refused::new(
                    format!("{} inside an argument", flag.trim_end_matches([' ', '='])),
                    arg.clone(),
                    Why::Hidden,
                ));
            }
        }
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            if arg == "--" {
                break;
            }
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let short = python
                && arg.len() > 2
                && (arg.starts_with("-i") || arg.starts_with("-f"))
                && !arg.starts_with("--");
            let (flag, inline) = if short {
                (arg[..2].to_owned(), Some(arg[2..].to_owned()))
            } else {
                (flag, inline)
            };
            let known = matches!(
                flag.as_str(),
                "--index-url"
                    | "--default-index"
                    | "--registry"
                    | "--extra-index-url"
                    | "--index"
                    | "--find-links"
                    | "--requirement"
                    | "--constraint"
            ) || (python && matches!(flag.as_str(), "-i" | "-f" | "-r" | "-c"))
                || (flag.starts_with("--@") && flag.ends_with(":registry"));
            if let Some((_, _, how)) = UNREAD
                .iter()
                .find(|(c, f, _)| *c == client_of(program) && *f == flag)
            {
                out.refused
                    .push(Refused::new(flag.clone(), String::new(), Why::Unread(how)));
            }
            if !known {
                i += 1;
                continue;
            }
            let (at, prefix, value) = match inline {
                Some(v) => (i, arg[..arg.len() - v.len()].to_owned(), v),
                None => match args.get(i + 1) {
                    Some(v) => {
                        i += 1;
                        (i, String::new(), v.clone())
                    }
                    None => break,
                },
            };
            i += 1;
            let mk = |name: Option<String>, url: String| Flag {
                flag: flag.clone(),
                at,
                prefix: prefix.clone(),
                name,
                url,
            };
            match flag.as_str() {
                "--index-url" | "-i" | "--default-index" => {
                    let url = value
                        .split_once('=')
                        .filter(|(n, _)| !n.contains(':'))
                        .map_or(value.clone(), |(_, u)| u.to_owned());
                    out.index_url = Some(mk(None, url));
                }
                "--registry" => out.registry = Some(mk(None, value)),
                "--extra-index-url" => out.extra.push(mk(None, value)),
                "--index" => {
                    let (name, url) = match value.split_once('=') {
                        Some((n, u)) if !n.contains(':') => (Some(n.to_owned()), u.to_owned()),
                        _ => (None, value.clone()),
                    };
                    out.extra.push(mk(name, url));
                }
                "--find-links" | "-f" => out.refused.push(Refused::new(
                    flag.clone(),
                    value,
                    Why::Source(WhyUnroutable::Links),
                )),
                "--requirement" | "-r" | "--constraint" | "-c" => {
                    out.read_requirements(&cwd.join(&value), 0);
                }
                scoped => {
                    let scope = scoped
                        .trim_start_matches("--")
                        .trim_end_matches(":registry");
                    out.scopes.insert(scope.to_owned(), mk(None, value));
                }
            }
        }
        out
    }

    /// The index options inside a requirements file (and the files it includes): pip
    /// obeys them, and customs cannot route them from there.
    fn read_requirements(&mut self, file: &Path, depth: usize) {
        let Ok(text) = std::fs::read_to_string(file) else {
            return;
        };
        for line in text.lines() {
            let line = line.trim();
            let (opt, value) = line
                .split_once(['=', ' '])
                .map_or((line, ""), |(o, v)| (o, v.trim()));
            match opt {
                "--index-url" | "-i" | "--extra-index-url" | "--find-links" | "-f" => {
                    self.refused.push(Refused::new(
                        format!("{opt} in {}", file.display()),
                        value,
                        Why::InRequirements,
                    ));
                }
                "-r" | "--requirement" | "-c" | "--constraint" if depth < 8 => {
                    let next = file.parent().unwrap_or(Path::new(".")).join(value);
                    self.read_requirements(&next, depth + 1);
                }
                _ => {}
            }
        }
    }
}

/// The prefixes whose `pip.conf` the client's pip reads: the active virtual environment
/// and the one the program itself lives in (`.venv/bin/pip`, `venv/bin/python`).
pub(super) fn pip_prefixes(env: &Environment, program: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(v) = env.vars.get("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        out.push(PathBuf::from(v));
    }
    let path = Path::new(program);
    let found = if path.components().count() > 1 {
        Some(env.cwd.join(path))
    } else {
        env.vars.get("PATH").and_then(|p| {
            std::env::split_paths(p)
                .map(|d| d.join(program))
                .find(|p| p.is_file())
        })
    };
    if let Some(prefix) = found
        .as_deref()
        .and_then(Path::parent)
        .and_then(Path::parent)
        && !out.iter().any(|p| p == prefix)
    {
        out.push(prefix.to_path_buf());
    }
    out
}

/// Whether `url` (trimmed) was written with a trailing slash where it came from: the
/// variable or file its `source` names, or the command line.
pub(super) fn written_with_slash(
    url: &str,
    source: &str,
    env: &Environment,
    args: &[String],
) -> bool {
    let mut texts: Vec<String> = args.to_vec();
    if let Some(v) = env.vars.get(source) {
        texts.push(v.clone());
    }
    let file = source.rsplit(" in ").next().unwrap_or(source);
    if let Ok(t) = std::fs::read_to_string(file) {
        texts.push(t);
    }
    texts.iter().any(|t| {
        t.match_indices(url).any(|(at, _)| {
            let after = &t[at + url.len()..];
            after.starts_with('/')
                && after[1..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ','))
        })
    })
}

/// The message of a refusal to start: each setting, and what to do.
pub(super) fn refusal(refused: &[Refused]) -> String {
    let mut msg = String::from(
        "customs run cannot send these package sources through its proxy, so it did not start the command:\n",
    );
    for r in refused {
        let how = match r.why {
            Why::Source(WhyUnroutable::Links) => {
                "files found through links (a folder or a page) are not read from an index: remove the setting for this run (e.g. `env -u PIP_FIND_LINKS customs run ...`), or publish those files on an index"
            }
            Why::Source(WhyUnroutable::UnnamedIndex) => {
                "give the index a name (`name = \"...\"`): customs stands in for named indexes"
            }
            Why::Source(WhyUnroutable::ConfigExtraIndexUrl) => {
                "declare it as a named [[index]] instead: customs stands in for named indexes"
            }
            Why::Source(WhyUnroutable::Unreadable) => {
                "the file cannot be read, so the indexes it names are not known"
            }
            Why::InRequirements => {
                "give it on the command line or in PIP_INDEX_URL / PIP_EXTRA_INDEX_URL, where customs routes it"
            }
            Why::Hidden => {
                "customs cannot see inside a shell command: pass the client's command directly, or set the index in the environment"
            }
            Why::Unread(how) => how,
        };
        if r.value.is_empty() {
            msg.push_str(&format!("  {}\n    {how}\n", r.setting));
        } else {
            let value: Vec<String> = r.value.split(' ').map(customs_registry::redact).collect();
            let value = value.join(" ");
            msg.push_str(&format!("  {} = {value}\n    {how}\n", r.setting));
        }
    }
    msg.trim_end().to_owned()
}

/// A proxy started for the run.
pub(super) struct Proxy {
    /// `http://127.0.0.1:PORT`.
    pub(super) base: String,
    state: Arc<customs_proxy::ProxyState>,
    /// Whether the user wrote the PyPI upstream with a trailing slash: the client is
    /// given the proxy's index in the same form, since uv records it as given.
    slash: bool,
}

impl Proxy {
    pub(super) fn start(
        registry: Registry,
        store: Store,
        policy: Policy,
        slash: bool,
    ) -> anyhow::Result<Self> {
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").context("cannot start the proxy")?;
        let mut state =
            customs_proxy::ProxyState::new(registry, store, policy, ScanOptions::with_history());
        // The decisions show on the terminal of the command customs runs.
        state.log = super::stderr_log();
        let state = Arc::new(state);
        let (tx, rx) = std::sync::mpsc::channel();
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            let result = customs_proxy::serve_shared(listener, shared, |addr| {
                let _ = tx.send(addr);
            });
            if let Err(e) = result {
                let _ = writeln!(anstream::stderr(), "error: the proxy stopped: {e}");
            }
        });
        let addr = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .map_err(|_| anyhow::anyhow!("the proxy did not start"))?;
        Ok(Self {
            base: format!("http://{addr}"),
            state,
            slash,
        })
    }

    /// The proxy's PyPI index.
    pub(super) fn simple(&self) -> String {
        let slash = if self.slash { "/" } else { "" };
        format!("{}/pypi/simple{slash}", self.base)
    }

    /// The PyPI upstream this proxy stands for.
    pub(super) fn pypi_upstream(&self) -> Option<&str> {
        self.state
            .registry
            .config()
            .pypi
            .as_ref()
            .map(|l| l.url.as_str())
    }

    /// The upstream URL a URL of this proxy stands for (`rest` follows the base).
    fn upstream_of(&self, rest: &str) -> Option<String> {
        let registry = &self.state.registry;
        let config = registry.config();
        if let Some(path) = rest.strip_prefix("/pypi/simple") {
            return Some(format!("{}{path}", config.pypi.as_ref()?.url));
        }
        if let Some(path) = rest.strip_prefix("/pypi/files/") {
            let (project, file) = path.split_once('/')?;
            let url = file_url(registry, Ecosystem::Pypi, project, file)?;
            return Some(url.split('#').next().unwrap_or(&url).to_owned());
        }
        let path = rest.strip_prefix("/npm")?;
        match path.trim_start_matches('/').split_once("/-/") {
            Some((name, file)) => {
                let name = name.replace("%2f", "/").replace("%2F", "/");
                file_url(registry, Ecosystem::Npm, &name, file)
            }
            None => {
                let name = path
                    .trim_matches('/')
                    .replace("%2f", "/")
                    .replace("%2F", "/");
                Some(format!("{}{path}", config.npm_for(&name)?.url))
            }
        }
    }
}

/// The upstream's URL of one of a project's files, from the page the proxy read (or
/// read again).
fn file_url(registry: &Registry, eco: Ecosystem, project: &str, file: &str) -> Option<String> {
    let find = |p: &customs_registry::Project| {
        p.releases
            .iter()
            .flat_map(|r| r.files.iter())
            .find(|f| f.file_name == file)
            .map(|f| f.url.clone())
    };
    registry
        .cached_project(eco, project)
        .and_then(|p| find(&p))
        .or_else(|| registry.project(eco, project).ok().and_then(|p| find(&p)))
}

/// The lockfiles a client may write, as they were before the run.
pub(super) struct Lockfiles {
    before: Vec<(PathBuf, Option<Vec<u8>>)>,
}

/// Lockfile names looked for in the working folder and the folders above it.
const LOCKFILES: &[&str] = &[
    "uv.lock",
    "poetry.lock",
    "pdm.lock",
    "pylock.toml",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "node_modules/.package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
];

impl Lockfiles {
    pub(super) fn snapshot(cwd: &Path) -> Self {
        let mut paths: Vec<PathBuf> = Vec::new();
        for dir in cwd.ancestors() {
            paths.extend(LOCKFILES.iter().map(|n| dir.join(n)));
        }
        if let Ok(entries) = std::fs::read_dir(cwd) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let requirements = name.starts_with("requirements") && name.ends_with(".txt");
                let pylock = name.starts_with("pylock.") && name.ends_with(".toml");
                if requirements || pylock {
                    paths.push(e.path());
                }
            }
        }
        paths.sort();
        paths.dedup();
        Self {
            before: paths
                .into_iter()
                .map(|p| {
                    let bytes = std::fs::read(&p).ok();
                    (p, bytes)
                })
                .collect(),
        }
    }

    /// Watches one more file, as it was before customs or the client touched it.
    pub(super) fn add(&mut self, path: PathBuf, before: Option<Vec<u8>>) {
        if !self.before.iter().any(|(p, _)| *p == path) {
            self.before.push((path, before));
        }
    }

    /// In each file that changed during the run, every URL of a proxy is replaced by the
    /// upstream URL it stands for. Returns the URLs that could not be mapped.
    pub(super) fn restore_upstreams(&self, proxies: &[Proxy]) -> Vec<(PathBuf, String)> {
        let mut left = Vec::new();
        for (path, before) in &self.before {
            let Ok(now) = std::fs::read(path) else {
                continue;
            };
            if before.as_ref() == Some(&now) {
                continue;
            }
            let Ok(text) = String::from_utf8(now) else {
                continue;
            };
            let (out, unmapped) = rewrite(&text, proxies);
            left.extend(unmapped.into_iter().map(|u| (path.clone(), u)));
            if out != text
                && let Err(e) = std::fs::write(path, out)
            {
                left.push((path.clone(), format!("cannot write: {e}")));
            }
        }
        left
    }
}

/// `text` with each proxy URL replaced by its upstream's, and the URLs left as they were.
fn rewrite(text: &str, proxies: &[Proxy]) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut unmapped = Vec::new();
    let mut rest = text;
    loop {
        let next = proxies
            .iter()
            .filter_map(|p| rest.find(&p.base).map(|at| (at, p)))
            .min_by_key(|(at, _)| *at);
        let Some((at, proxy)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        let tail = &rest[at + proxy.base.len()..];
        let end = tail
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | ',' | '}' | ']')
            })
            .unwrap_or(tail.len());
        let url_rest = &tail[..end];
        // The base must end here or continue with a path (port 80 must not match 8080).
        let whole = url_rest.is_empty() || url_rest.starts_with('/');
        // A fragment (yarn's `#sha1`) stays as it is after the upstream's URL.
        let (path, fragment) = match url_rest.split_once('#') {
            Some((p, f)) => (p, format!("#{f}")),
            None => (url_rest, String::new()),
        };
        match whole.then(|| proxy.upstream_of(path)).flatten() {
            Some(up) if !up.contains(['"', '\\', '\'', '#']) => {
                out.push_str(&up);
                out.push_str(&fragment);
            }
            _ => {
                let original = format!("{}{url_rest}", proxy.base);
                if whole {
                    unmapped.push(original.clone());
                }
                out.push_str(&original);
            }
        }
        rest = &tail[end..];
    }
    (out, unmapped)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn index_flags_are_found_and_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = args(&[
            "install",
            "-ihttp://127.0.0.1:1/main/simple/",
            "--extra-index-url",
            "http://127.0.0.1:1/x/simple",
            "--index=corp=http://127.0.0.1:1/corp/simple",
            "pkg",
        ]);
        let f = CommandFlags::read("pip", &a, dir.path());
        assert!(f.refused.is_empty(), "{:?}", f.refused);
        let main = f.index_url.as_ref().unwrap();
        assert_eq!(main.url, "http://127.0.0.1:1/main/simple/");
        assert_eq!(f.extra.len(), 2);
        assert_eq!(f.extra[1].name.as_deref(), Some("corp"));
        main.replace(&mut a, "P");
        f.extra[0].replace(&mut a, "Q");
        f.extra[1].replace(&mut a, "corp=R");
        assert_eq!(
            a,
            args(&[
                "install",
                "-iP",
                "--extra-index-url",
                "Q",
                "--index=corp=R",
                "pkg"
            ])
        );

        // npm: -f is --force, and a scope's registry is a flag of its own.
        let f = CommandFlags::read(
            "npm",
            &args(&[
                "install",
                "-f",
                "--@corp:registry=http://127.0.0.1:1/c/",
                "x",
            ]),
            dir.path(),
        );
        assert!(f.refused.is_empty() && f.index_url.is_none());
        assert_eq!(f.scopes["@corp"].url, "http://127.0.0.1:1/c/");
        // Python's own -i is not pip's.
        let f = CommandFlags::read("python3", &args(&["-i", "script.py"]), dir.path());
        assert!(f.index_url.is_none());
    }

    #[test]
    fn what_cannot_be_routed_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("base.txt"), "-f /opt/wheels\n").unwrap();
        std::fs::write(dir.path().join("req.txt"), "-r base.txt\nrequests\n").unwrap();
        let f = CommandFlags::read(
            "python3",
            &args(&["-m", "pip", "install", "-r", "req.txt", "--find-links=/w"]),
            dir.path(),
        );
        let settings: Vec<&str> = f.refused.iter().map(|r| r.setting.as_str()).collect();
        assert_eq!(settings.len(), 2, "{settings:?}");
        assert!(settings[0].starts_with("-f in ") && settings[0].ends_with("base.txt"));
        assert_eq!(settings[1], "--find-links");
        let f = CommandFlags::read(
            "sh",
            &args(&[
                "-c",
                "pip install --extra-index-url http://u:secret@127.0.0.1:1/ x",
            ]),
            dir.path(),
        );
        let msg = refusal(&f.refused);
        assert!(
            msg.contains("--extra-index-url inside an argument"),
            "{msg}"
        );
        assert!(!msg.contains("secret"), "credentials are not shown: {msg}");
        let f = CommandFlags::read(
            "uv",
            &args(&["--directory", "elsewhere", "sync"]),
            dir.path(),
        );
        assert!(refusal(&f.refused).contains("--directory"));
        // pip's --prefix is where to install, not where to read configuration.
        let f = CommandFlags::read(
            "pip",
            &args(&["install", "--prefix", "/x", "y"]),
            dir.path(),
        );
        assert!(f.refused.is_empty(), "{:?}", f.refused);
        let f = CommandFlags::read("npm", &args(&["install", "--prefix", "/x"]), dir.path());
        assert_eq!(f.refused.len(), 1);
    }
}
