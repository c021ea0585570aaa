//! Where the indexes are: taken from the user's own configuration, in the order pip,
//! uv and npm themselves read it. customs names no index of its own.
//!
//! PyPI: `--index-url`, then `PIP_INDEX_URL`, `UV_INDEX_URL` / `UV_DEFAULT_INDEX`, then
//! pip's configuration files (`PIP_CONFIG_FILE`, the global, user and virtualenv
//! `pip.conf`), then uv's (`uv.toml`), then the default of the installed pip (asked by
//! running it).
//!
//! npm: `--registry`, then `npm_config_registry`, then the project's `.npmrc` (nearest
//! folder upwards), the user's (`NPM_CONFIG_USERCONFIG` or `~/.npmrc`), then what
//! `npm config get registry` answers. Scoped registries (`@scope:registry=`) and
//! `//host/path/:_authToken=` credentials from the same files are honoured.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::RegistryError;

/// One index location and where it came from (shown in errors and `-v` output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The URL, without a trailing slash.
    pub url: String,
    /// Where the setting was found (`--index-url`, `PIP_INDEX_URL`, a file path, ...).
    pub source: String,
}

impl Located {
    fn new(url: &str, source: impl Into<String>) -> Self {
        Self {
            url: url.trim().trim_end_matches('/').to_owned(),
            source: source.into(),
        }
    }
}

/// The settings of the registry client.
#[derive(Debug, Clone, Default)]
pub struct IndexConfig {
    /// The PyPI simple index (`.../simple`), when known.
    pub pypi: Option<Located>,
    /// The npm registry, when known.
    pub npm: Option<Located>,
    /// npm registries per scope (`@scope` -> URL).
    pub npm_scopes: BTreeMap<String, Located>,
    /// npm credentials: URL prefix (`//host/path/`) -> bearer token.
    pub npm_tokens: BTreeMap<String, String>,
    /// Extra CA certificates (PEM files) added to the system trust store: pip's `cert`,
    /// npm's `cafile`, `NODE_EXTRA_CA_CERTS`.
    pub extra_ca_files: Vec<PathBuf>,
    /// Request timeout (pip's `timeout` / `PIP_DEFAULT_TIMEOUT`, else 60 s).
    pub timeout: Option<Duration>,
}

/// What the user passed on the command line.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--index-url`.
    pub index_url: Option<String>,
    /// `--registry`.
    pub registry: Option<String>,
}

/// The environment and files configuration is read from; tests give their own.
#[derive(Debug, Clone)]
pub struct Environment {
    /// Environment variables.
    pub vars: BTreeMap<String, String>,
    /// The home folder.
    pub home: Option<PathBuf>,
    /// The working folder (for the project's `.npmrc` and `uv.toml`).
    pub cwd: PathBuf,
    /// Whether the installed pip and npm may be asked for their defaults.
    pub ask_tools: bool,
    /// Only these ecosystems' tools are asked (`None`: both). Asking starts a Python or
    /// a Node.js process, which costs a command that needs only one ecosystem's index
    /// (an audit of an npm lockfile) most of a second.
    pub ask_only: Option<Vec<customs_ecosystem::Ecosystem>>,
}

impl Environment {
    /// The process's own environment.
    #[must_use]
    pub fn current() -> Self {
        let vars: BTreeMap<String, String> = std::env::vars().collect();
        let home = vars.get("HOME").map(PathBuf::from);
        Self {
            vars,
            home,
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            ask_tools: true,
            ask_only: None,
        }
    }

    /// Whether the installed tool of `ecosystem` may be asked for its default index.
    fn asks(&self, ecosystem: customs_ecosystem::Ecosystem) -> bool {
        self.ask_tools
            && self
                .ask_only
                .as_ref()
                .is_none_or(|e| e.contains(&ecosystem))
    }

    fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    /// npm reads `npm_config_*` in any case.
    fn npm_var(&self, key: &str) -> Option<&str> {
        let want = format!("npm_config_{key}");
        self.vars
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(&want) && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }
}

impl IndexConfig {
    /// Resolves the configuration. Nothing fails here: an index that cannot be found
    /// is `None`, and the command that needs it says so.
    #[must_use]
    pub fn resolve(overrides: &Overrides, env: &Environment) -> Self {
        let mut config = Self::default();
        config.resolve_pypi(overrides, env);
        config.resolve_npm(overrides, env);
        config
    }

    fn resolve_pypi(&mut self, overrides: &Overrides, env: &Environment) {
        let mut pip = PipSettings::default();
        for file in pip_config_files(env) {
            if let Ok(text) = std::fs::read_to_string(&file) {
                pip.read(&text, &file);
            }
        }
        if let Some(cert) = env.var("PIP_CERT").map(PathBuf::from).or(pip.cert.clone()) {
            self.extra_ca_files.push(cert);
        }
        self.timeout = env
            .var("PIP_DEFAULT_TIMEOUT")
            .or(env.var("PIP_TIMEOUT"))
            .and_then(|t| t.trim().parse::<f64>().ok())
            .or(pip.timeout)
            .filter(|t| t.is_finite() && *t > 0.0)
            .map(Duration::from_secs_f64);
        self.pypi = if let Some(url) = &overrides.index_url {
            Some(Located::new(url, "--index-url"))
        } else if let Some(url) = env.var("PIP_INDEX_URL") {
            Some(Located::new(url, "PIP_INDEX_URL"))
        } else if let Some(url) = env.var("UV_INDEX_URL") {
            Some(Located::new(url, "UV_INDEX_URL"))
        } else if let Some(url) = env.var("UV_DEFAULT_INDEX") {
            Some(Located::new(url, "UV_DEFAULT_INDEX"))
        } else if let Some(found) = pip.index_url {
            Some(found)
        } else if let Some(found) = uv_index(env) {
            Some(found)
        } else if env.asks(customs_ecosystem::Ecosystem::Pypi) {
            ask_pip()
        } else {
            None
        };
    }

    fn resolve_npm(&mut self, overrides: &Overrides, env: &Environment) {
        let mut rc = NpmRc::default();
        // Lowest precedence first: later files override earlier ones.
        let user = env
            .npm_var("userconfig")
            .map(PathBuf::from)
            .or_else(|| env.home.as_ref().map(|h| h.join(".npmrc")));
        let mut files: Vec<PathBuf> = Vec::new();
        let prefix = env
            .npm_var("prefix")
            .map(PathBuf::from)
            .or_else(|| node_prefix(env));
        if let Some(prefix) = &prefix {
            files.push(prefix.join("lib/node_modules/npm/npmrc"));
        }
        if let Some(global) = env.npm_var("globalconfig") {
            files.push(PathBuf::from(global));
        } else if let Some(prefix) = &prefix {
            files.push(prefix.join("etc/npmrc"));
        }
        files.extend(user);
        if let Some(project) = nearest(&env.cwd, ".npmrc") {
            files.push(project);
        }
        for file in &files {
            if let Ok(text) = std::fs::read_to_string(file) {
                rc.read(&text, file, env);
            }
        }
        if let Some(ca) = env.npm_var("cafile").map(PathBuf::from).or(rc.cafile) {
            self.extra_ca_files.push(ca);
        }
        if let Some(ca) = env.var("NODE_EXTRA_CA_CERTS") {
            self.extra_ca_files.push(PathBuf::from(ca));
        }
        // `npm_config_@scope:registry` in the environment beats every file.
        for (key, value) in &env.vars {
            let lower = key.to_ascii_lowercase();
            if let Some(scope) = lower
                .strip_prefix("npm_config_")
                .and_then(|k| k.strip_suffix(":registry"))
                && scope.starts_with('@')
                && !value.trim().is_empty()
            {
                rc.scopes
                    .insert(scope.to_owned(), Located::new(value, key.clone()));
            }
        }
        self.npm_scopes = rc.scopes;
        self.npm_tokens = rc.tokens;
        self.npm = if let Some(url) = &overrides.registry {
            Some(Located::new(url, "--registry"))
        } else if let Some(url) = env.npm_var("registry") {
            Some(Located::new(url, "npm_config_registry"))
        } else if let Some(found) = rc.registry {
            Some(found)
        } else if env.asks(customs_ecosystem::Ecosystem::Npm) {
            ask_npm()
        } else {
            None
        };
        self.extra_ca_files.sort();
        self.extra_ca_files.dedup();
    }

    /// The npm registry serving `name` (its scope's, when one is configured).
    #[must_use]
    pub fn npm_for(&self, name: &str) -> Option<&Located> {
        if let Some((scope, _)) = name.split_once('/')
            && scope.starts_with('@')
            && let Some(found) = self.npm_scopes.get(scope)
        {
            return Some(found);
        }
        self.npm.as_ref()
    }

    /// The bearer token configured for a URL, matched by the longest `//host/path/`
    /// prefix, as npm does.
    #[must_use]
    pub fn npm_token_for(&self, url: &str) -> Option<&str> {
        let bare = url.split_once("//").map_or(url, |(_, rest)| rest);
        self.npm_tokens
            .iter()
            .filter(|(prefix, _)| bare.starts_with(prefix.trim_start_matches('/')))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, token)| token.as_str())
    }

    /// The error for an ecosystem whose index is not configured anywhere.
    #[must_use]
    pub fn missing(ecosystem: &str) -> RegistryError {
        let how = if ecosystem == "pypi" {
            "pass --index-url URL, or set PIP_INDEX_URL or index-url in pip.conf"
        } else {
            "pass --registry URL, or set npm_config_registry or registry= in .npmrc"
        };
        RegistryError::NotConfigured {
            ecosystem: ecosystem.to_owned(),
            how: how.to_owned(),
        }
    }
}

/// The other places pip and uv take packages from, besides their main index: what
/// `customs run` must route through its proxy or refuse to run with. Each entry names
/// the setting it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtraSources {
    /// pip's extra indexes, as pip will use them: `PIP_EXTRA_INDEX_URL`, else the
    /// `extra-index-url` of the last pip configuration file that sets one.
    pub pip_extra: Vec<Located>,
    /// uv's extra indexes from the environment (`UV_INDEX`, `UV_EXTRA_INDEX_URL`),
    /// with their names (`name=URL`).
    pub uv_extra: Vec<(Option<String>, Located)>,
    /// Named, non-default `[[index]]` entries of uv's configuration files (`uv.toml`,
    /// `[tool.uv]` of `pyproject.toml`): an index given in `UV_INDEX` under the same
    /// name replaces them.
    pub uv_named: Vec<(String, Located)>,
    /// What cannot be routed through a proxy.
    pub unroutable: Vec<Unroutable>,
}

/// A package source that cannot be put behind a proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unroutable {
    /// The setting, and where it is (`PIP_FIND_LINKS`, `find-links in /etc/pip.conf`).
    pub setting: String,
    /// Its value.
    pub value: String,
    /// Why it cannot be routed.
    pub why: WhyUnroutable,
}

/// Why a source cannot be put behind a proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyUnroutable {
    /// Links to a folder or a page (`find-links`, a flat index): not an index.
    Links,
    /// A uv index of a configuration file without a name: the environment cannot
    /// replace it.
    UnnamedIndex,
    /// uv's `extra-index-url` in a configuration file: the environment adds to it.
    ConfigExtraIndexUrl,
    /// A configuration file that cannot be read.
    Unreadable,
}

impl Unroutable {
    fn new(setting: impl Into<String>, value: impl Into<String>, why: WhyUnroutable) -> Self {
        Self {
            setting: setting.into(),
            value: value.into(),
            why,
        }
    }
}

impl ExtraSources {
    /// Reads pip's and uv's settings. `pip_prefixes` are the installation prefixes whose
    /// `pip.conf` the client's pip reads (its virtual environment).
    #[must_use]
    pub fn read(env: &Environment, pip_prefixes: &[PathBuf]) -> Self {
        let mut out = Self::default();
        out.read_pip(env, pip_prefixes);
        out.read_uv(env);
        out
    }

    fn read_pip(&mut self, env: &Environment, pip_prefixes: &[PathBuf]) {
        let mut files = pip_config_files(env);
        if env.var("PIP_CONFIG_FILE").is_none() {
            for prefix in pip_prefixes {
                let file = prefix.join("pip.conf");
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        let mut extra: Vec<Located> = Vec::new();
        let mut links: Vec<Unroutable> = Vec::new();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let (e, l) = pip_lists(&text);
            let shown = file.display().to_string();
            if !e.is_empty() {
                extra = e
                    .iter()
                    .map(|u| Located::new(u, format!("extra-index-url in {shown}")))
                    .collect();
            }
            if !l.is_empty() {
                links = l
                    .into_iter()
                    .map(|u| {
                        Unroutable::new(format!("find-links in {shown}"), u, WhyUnroutable::Links)
                    })
                    .collect();
            }
        }
        if let Some(v) = env.var("PIP_EXTRA_INDEX_URL") {
            extra = v
                .split_whitespace()
                .map(|u| Located::new(u, "PIP_EXTRA_INDEX_URL"))
                .collect();
        }
        if let Some(v) = env.var("PIP_FIND_LINKS") {
            links = v
                .split_whitespace()
                .map(|u| Unroutable::new("PIP_FIND_LINKS", u, WhyUnroutable::Links))
                .collect();
        }
        self.pip_extra = extra;
        self.unroutable.extend(links);
    }

    fn read_uv(&mut self, env: &Environment) {
        for (var, named) in [("UV_INDEX", true), ("UV_EXTRA_INDEX_URL", false)] {
            for item in env.var(var).unwrap_or("").split_whitespace() {
                let (name, url) = match item.split_once('=') {
                    Some((n, u)) if named && !n.contains(':') => (Some(n.to_owned()), u),
                    _ => (None, item),
                };
                self.uv_extra.push((name, Located::new(url, var)));
            }
        }
        if let Some(v) = env.var("UV_FIND_LINKS") {
            for u in v.split_whitespace() {
                self.unroutable
                    .push(Unroutable::new("UV_FIND_LINKS", u, WhyUnroutable::Links));
            }
        }
        for file in uv_config_files(env) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let shown = file.display().to_string();
            let table = match text.parse::<toml::Table>() {
                Ok(doc) if file.file_name().is_some_and(|n| n == "pyproject.toml") => doc
                    .get("tool")
                    .and_then(|t| t.get("uv"))
                    .and_then(toml::Value::as_table)
                    .cloned()
                    .unwrap_or_default(),
                Ok(doc) => doc,
                Err(e) => {
                    self.unroutable.push(Unroutable::new(
                        shown,
                        format!("not TOML: {e}"),
                        WhyUnroutable::Unreadable,
                    ));
                    continue;
                }
            };
            self.read_uv_table(&table, &shown);
        }
    }

    fn read_uv_table(&mut self, table: &toml::Table, shown: &str) {
        let strings = |key: &str| -> Vec<String> {
            match table.get(key) {
                Some(toml::Value::String(s)) => vec![s.clone()],
                Some(toml::Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            }
        };
        for u in strings("find-links") {
            self.unroutable.push(Unroutable::new(
                format!("find-links in {shown}"),
                u,
                WhyUnroutable::Links,
            ));
        }
        for u in strings("extra-index-url") {
            self.unroutable.push(Unroutable::new(
                format!("extra-index-url in {shown}"),
                u,
                WhyUnroutable::ConfigExtraIndexUrl,
            ));
        }
        for index in table
            .get("index")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(url) = index.get("url").and_then(toml::Value::as_str) else {
                continue;
            };
            let default = index
                .get("default")
                .and_then(toml::Value::as_bool)
                .unwrap_or(false);
            let flat = index.get("format").and_then(toml::Value::as_str) == Some("flat");
            let name = index.get("name").and_then(toml::Value::as_str);
            if flat {
                self.unroutable.push(Unroutable::new(
                    format!("[[index]] format = \"flat\" in {shown}"),
                    url,
                    WhyUnroutable::Links,
                ));
            } else if default {
                // Replaced by UV_DEFAULT_INDEX.
            } else if let Some(name) = name {
                self.uv_named.push((
                    name.to_owned(),
                    Located::new(url, format!("[[index]] {name:?} in {shown}")),
                ));
            } else {
                self.unroutable.push(Unroutable::new(
                    format!("[[index]] without a name in {shown}"),
                    url,
                    WhyUnroutable::UnnamedIndex,
                ));
            }
        }
    }
}

/// `extra-index-url` and `find-links` of one pip configuration file (every section
/// the install commands read), each a whitespace-separated list that may continue on
/// indented lines.
fn pip_lists(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut extra, mut links) = (Vec::new(), Vec::new());
    let mut section = String::new();
    let mut current: Option<bool> = None; // Some(true): extra; Some(false): links
    for raw in text.lines() {
        let line = raw.trim();
        if line.starts_with(['#', ';']) || line.is_empty() {
            continue;
        }
        let continued = raw.starts_with([' ', '\t']);
        if continued {
            if let Some(is_extra) = current {
                let list = if is_extra { &mut extra } else { &mut links };
                list.extend(line.split_whitespace().map(str::to_owned));
            }
            continue;
        }
        current = None;
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_ascii_lowercase();
            continue;
        }
        if !matches!(
            section.as_str(),
            "global" | "install" | "download" | "wheel" | "lock"
        ) {
            continue;
        }
        let Some((key, value)) = line.split_once(['=', ':']) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase().replace('_', "-");
        let is_extra = match key.as_str() {
            "extra-index-url" => true,
            "find-links" | "f" => false,
            _ => continue,
        };
        current = Some(is_extra);
        let list = if is_extra { &mut extra } else { &mut links };
        list.extend(value.split_whitespace().map(str::to_owned));
    }
    (extra, links)
}

/// uv's configuration files, as uv finds them: `UV_CONFIG_FILE` alone when set; else
/// the project's (the nearest `uv.toml`, or `pyproject.toml` with a `[tool.uv]` table),
/// the user's and the system's; none under `UV_NO_CONFIG`.
fn uv_config_files(env: &Environment) -> Vec<PathBuf> {
    let no_config = env
        .var("UV_NO_CONFIG")
        .is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes" | "on"));
    if no_config {
        return Vec::new();
    }
    if let Some(file) = env.var("UV_CONFIG_FILE") {
        return vec![PathBuf::from(file)];
    }
    let mut files = Vec::new();
    for dir in env.cwd.ancestors() {
        let uv = dir.join("uv.toml");
        if uv.is_file() {
            files.push(uv);
            break;
        }
        let py = dir.join("pyproject.toml");
        if std::fs::read_to_string(&py).is_ok_and(|t| t.contains("[tool.uv")) {
            files.push(py);
            break;
        }
    }
    if let Some(home) = &env.home {
        let config = env
            .var("XDG_CONFIG_HOME")
            .map_or_else(|| home.join(".config"), PathBuf::from);
        files.push(config.join("uv/uv.toml"));
    }
    for dir in env.var("XDG_CONFIG_DIRS").unwrap_or("/etc/xdg").split(':') {
        files.push(Path::new(dir).join("uv/uv.toml"));
    }
    files.push(PathBuf::from("/etc/uv/uv.toml"));
    files
}

#[derive(Default)]
struct PipSettings {
    index_url: Option<Located>,
    cert: Option<PathBuf>,
    timeout: Option<f64>,
}

impl PipSettings {
    /// Reads one pip configuration file (INI). `[install]` and `[download]` settings
    /// apply to the commands customs stands in for, as `[global]` ones do.
    fn read(&mut self, text: &str, file: &Path) {
        let mut section = String::new();
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with(['#', ';']) || line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_ascii_lowercase();
                continue;
            }
            if !matches!(section.as_str(), "global" | "install" | "download") {
                continue;
            }
            let Some((key, value)) = line.split_once(['=', ':']) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase().replace('_', "-");
            let value = value.trim();
            match key.as_str() {
                "index-url" | "i" => {
                    self.index_url = Some(Located::new(value, file.display().to_string()));
                }
                "cert" => self.cert = Some(PathBuf::from(value)),
                "timeout" | "default-timeout" => self.timeout = value.parse().ok(),
                _ => {}
            }
        }
    }
}

/// pip's configuration files, in the order pip reads them (later ones win).
fn pip_config_files(env: &Environment) -> Vec<PathBuf> {
    if let Some(file) = env.var("PIP_CONFIG_FILE") {
        if file == "os.devnull" || file == "/dev/null" {
            return Vec::new();
        }
        return vec![PathBuf::from(file)];
    }
    let mut files = Vec::new();
    let xdg_dirs = env.var("XDG_CONFIG_DIRS").unwrap_or("/etc/xdg");
    for dir in xdg_dirs.split(':').filter(|d| !d.is_empty()) {
        files.push(Path::new(dir).join("pip/pip.conf"));
    }
    files.push(PathBuf::from("/etc/pip.conf"));
    if let Some(home) = &env.home {
        files.push(home.join(".pip/pip.conf"));
        let config = env
            .var("XDG_CONFIG_HOME")
            .map_or_else(|| home.join(".config"), PathBuf::from);
        files.push(config.join("pip/pip.conf"));
    }
    if let Some(venv) = env.var("VIRTUAL_ENV") {
        files.push(Path::new(venv).join("pip.conf"));
    }
    files
}

/// The default index from uv's configuration: the project's `uv.toml`, then the user's
/// and the system's.
fn uv_index(env: &Environment) -> Option<Located> {
    for file in uv_config_files(env) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(mut doc) = text.parse::<toml::Table>() else {
            continue;
        };
        if file.file_name().is_some_and(|n| n == "pyproject.toml") {
            doc = doc
                .get("tool")
                .and_then(|t| t.get("uv"))
                .and_then(toml::Value::as_table)
                .cloned()
                .unwrap_or_default();
        }
        let source = file.display().to_string();
        if let Some(indexes) = doc.get("index").and_then(toml::Value::as_array) {
            let default = indexes.iter().find(|i| {
                i.get("default")
                    .and_then(toml::Value::as_bool)
                    .unwrap_or(false)
            });
            if let Some(url) = default.and_then(|i| i.get("url")).and_then(|u| u.as_str()) {
                return Some(Located::new(url, source));
            }
        }
        if let Some(url) = doc.get("index-url").and_then(toml::Value::as_str) {
            return Some(Located::new(url, source));
        }
    }
    None
}

#[derive(Default)]
struct NpmRc {
    registry: Option<Located>,
    scopes: BTreeMap<String, Located>,
    tokens: BTreeMap<String, String>,
    cafile: Option<PathBuf>,
}

impl NpmRc {
    fn read(&mut self, text: &str, file: &Path, env: &Environment) {
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with(['#', ';']) || line.is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim();
            let value = expand_env(value.trim().trim_matches('"'), env);
            let source = file.display().to_string();
            if key == "registry" {
                self.registry = Some(Located::new(&value, source));
            } else if key == "cafile" {
                self.cafile = Some(PathBuf::from(value));
            } else if let Some(scope) = key.strip_suffix(":registry")
                && scope.starts_with('@')
            {
                self.scopes
                    .insert(scope.to_owned(), Located::new(&value, source));
            } else if let Some(prefix) = key.strip_suffix(":_authToken")
                && prefix.starts_with("//")
            {
                self.tokens.insert(prefix.to_owned(), value);
            }
        }
    }
}

/// `${NAME}` in `.npmrc` values is replaced by the environment variable, as npm does.
fn expand_env(value: &str, env: &Environment) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        out.push_str(env.var(&after[..end]).unwrap_or(""));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The prefix of the `node` found on `PATH` (npm's default `prefix`: global config in
/// `PREFIX/etc/npmrc`, npm's own in `PREFIX/lib/node_modules/npm/npmrc`).
fn node_prefix(env: &Environment) -> Option<PathBuf> {
    let path = env.var("PATH")?;
    std::env::split_paths(path)
        .map(|d| d.join("node"))
        .find(|p| p.is_file())
        .and_then(|p| std::fs::canonicalize(p).ok())
        .and_then(|p| p.parent()?.parent().map(Path::to_path_buf))
}

/// The nearest `name` in `dir` or a folder above it.
fn nearest(dir: &Path, name: &str) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(name)).find(|p| p.is_file())
}

/// Runs a tool the user has installed and returns its first line of output.
fn ask(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let line = text.lines().next()?.trim().to_owned();
    (line.starts_with("http://") || line.starts_with("https://")).then_some(line)
}

/// The index the installed pip uses when nothing is configured.
fn ask_pip() -> Option<Located> {
    const PROBE: &str = "from pip._internal.models.index import PyPI; print(PyPI.simple_url)";
    ["python3", "python"]
        .iter()
        .find_map(|python| ask(python, &["-c", PROBE]))
        .map(|url| Located::new(&url, "the installed pip's default"))
}

/// The registry the installed npm uses.
fn ask_npm() -> Option<Located> {
    ask("npm", &["config", "get", "registry"])
        .map(|url| Located::new(&url, "npm config get registry"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(dir: &Path, vars: &[(&str, &str)]) -> Environment {
        Environment {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .chain([(
                    "PIP_CONFIG_FILE".to_owned(),
                    dir.join("pip.conf").display().to_string(),
                )])
                .collect(),
            home: Some(dir.join("home")),
            cwd: dir.join("project/sub"),
            ask_tools: false,
            ask_only: None,
        }
    }

    #[test]
    fn flags_beat_environment_beat_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("project/sub")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("home")).expect("mkdir");
        std::fs::write(
            dir.path().join("pip.conf"),
            "[global]\nindex-url = http://127.0.0.1:1/from-pip-conf/simple/\ncert = /x/ca.pem\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("project/.npmrc"),
            "registry=http://127.0.0.1:1/project-npm/\n@corp:registry=http://127.0.0.1:2/corp\n//127.0.0.1:2/corp/:_authToken=${TOKEN}\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("home/.npmrc"),
            "registry=http://127.0.0.1:1/user-npm/\n",
        )
        .expect("write");

        let e = env(dir.path(), &[("TOKEN", "s3cret")]);
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        let pypi = c.pypi.as_ref().expect("pypi");
        assert_eq!(pypi.url, "http://127.0.0.1:1/from-pip-conf/simple");
        assert!(pypi.source.ends_with("pip.conf"));
        assert_eq!(
            c.npm.as_ref().expect("npm").url,
            "http://127.0.0.1:1/project-npm",
            "the project's .npmrc wins over the user's"
        );
        assert_eq!(
            c.npm_for("@corp/tool").expect("scope").url,
            "http://127.0.0.1:2/corp"
        );
        assert_eq!(
            c.npm_for("plain").expect("npm").url,
            "http://127.0.0.1:1/project-npm"
        );
        assert_eq!(
            c.npm_token_for("http://127.0.0.1:2/corp/@corp%2ftool"),
            Some("s3cret")
        );
        assert_eq!(c.npm_token_for("http://127.0.0.1:1/project-npm/x"), None);
        assert!(c.extra_ca_files.contains(&PathBuf::from("/x/ca.pem")));

        let e = env(
            dir.path(),
            &[
                ("PIP_INDEX_URL", "http://127.0.0.1:1/env/simple"),
                ("NPM_CONFIG_REGISTRY", "http://127.0.0.1:1/env-npm/"),
            ],
        );
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert_eq!(c.pypi.expect("pypi").source, "PIP_INDEX_URL");
        assert_eq!(c.npm.expect("npm").url, "http://127.0.0.1:1/env-npm");

        let flags = Overrides {
            index_url: Some("http://127.0.0.1:9/flag/simple".into()),
            registry: Some("http://127.0.0.1:9/flag-npm".into()),
        };
        let c = IndexConfig::resolve(&flags, &e);
        assert_eq!(c.pypi.expect("pypi").url, "http://127.0.0.1:9/flag/simple");
        assert_eq!(c.npm.expect("npm").source, "--registry");
    }

    #[test]
    fn uv_default_index_and_nothing_configured() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("project/sub")).expect("mkdir");
        let e = env(dir.path(), &[]);
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert!(c.pypi.is_none() && c.npm.is_none(), "{c:?}");
        std::fs::write(
            dir.path().join("project/uv.toml"),
            "[[index]]\nurl = \"http://127.0.0.1:1/other\"\n\n[[index]]\nurl = \"http://127.0.0.1:1/uv/simple\"\ndefault = true\n",
        )
        .expect("write");
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert_eq!(c.pypi.expect("pypi").url, "http://127.0.0.1:1/uv/simple");
    }

    #[test]
    fn extra_sources_of_pip_uv_and_npm() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("project/sub");
        std::fs::create_dir_all(&project).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("venv")).expect("mkdir");
        std::fs::write(
            dir.path().join("venv/pip.conf"),
            "[global]\nextra-index-url =\n    http://127.0.0.1:1/a/simple\n    http://127.0.0.1:1/b/simple\n[install]\nfind-links = /opt/wheels\n[freeze]\nextra-index-url = http://127.0.0.1:1/ignored\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("project/pyproject.toml"),
            "[project]\nname = \"x\"\n[tool.uv]\nfind-links = [\"/w\"]\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"http://127.0.0.1:1/corp/simple\"\n[[tool.uv.index]]\nurl = \"http://127.0.0.1:1/anon/simple\"\n[[tool.uv.index]]\nurl = \"http://127.0.0.1:1/default/simple\"\ndefault = true\n",
        )
        .expect("write");
        let mut e = env(
            dir.path(),
            &[("UV_INDEX", "x=http://127.0.0.1:1/x http://127.0.0.1:1/y")],
        );
        e.vars.remove("PIP_CONFIG_FILE");
        let x = ExtraSources::read(&e, &[dir.path().join("venv")]);
        let urls: Vec<&str> = x.pip_extra.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["http://127.0.0.1:1/a/simple", "http://127.0.0.1:1/b/simple"]
        );
        assert!(x.pip_extra[0].source.ends_with("venv/pip.conf"));
        assert_eq!(x.uv_extra[0].0.as_deref(), Some("x"));
        assert_eq!(x.uv_extra[1].0, None);
        assert_eq!(x.uv_named.len(), 1);
        assert_eq!(x.uv_named[0].0, "corp");
        let why: Vec<WhyUnroutable> = x.unroutable.iter().map(|u| u.why).collect();
        assert_eq!(
            why,
            [
                WhyUnroutable::Links,
                WhyUnroutable::Links,
                WhyUnroutable::UnnamedIndex
            ],
            "{:?}",
            x.unroutable
        );
        // The environment replaces pip's files; UV_NO_CONFIG drops uv's.
        e.vars.insert(
            "PIP_EXTRA_INDEX_URL".into(),
            "http://127.0.0.1:1/env".into(),
        );
        e.vars.insert("PIP_FIND_LINKS".into(), "/x /y".into());
        e.vars.insert("UV_NO_CONFIG".into(), "1".into());
        let x = ExtraSources::read(&e, &[dir.path().join("venv")]);
        assert_eq!(x.pip_extra.len(), 1);
        assert_eq!(x.pip_extra[0].source, "PIP_EXTRA_INDEX_URL");
        let settings: Vec<&str> = x.unroutable.iter().map(|u| u.setting.as_str()).collect();
        assert_eq!(settings, ["PIP_FIND_LINKS", "PIP_FIND_LINKS"]);
        assert!(x.uv_named.is_empty());
        // The pyproject's default index is uv's main index.
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert!(c.pypi.is_none(), "UV_NO_CONFIG");
        e.vars.remove("UV_NO_CONFIG");
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert_eq!(
            c.pypi.expect("pypi").url,
            "http://127.0.0.1:1/default/simple"
        );
    }

    #[test]
    fn npm_scopes_from_the_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("project/sub")).expect("mkdir");
        std::fs::write(
            dir.path().join("project/.npmrc"),
            "@corp:registry=http://127.0.0.1:1/file/\n",
        )
        .expect("write");
        let e = env(
            dir.path(),
            &[("npm_config_@corp:registry", "http://127.0.0.1:1/env/")],
        );
        let c = IndexConfig::resolve(&Overrides::default(), &e);
        assert_eq!(
            c.npm_for("@corp/x").expect("scope").url,
            "http://127.0.0.1:1/env"
        );
    }
}
