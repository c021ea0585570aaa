//! poetry and pdm take their package sources from the project's `pyproject.toml`, where
//! no environment variable reaches. For the run, each source's URL in that file is
//! replaced by the address of a proxy standing in for it, and put back afterwards; the
//! lockfile's content hash, which covers the sources, is carried across both ways so that
//! the client neither re-locks nor refuses a lockfile that was current before the run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use customs_registry::{Environment, WhyUnroutable};
use sha2::{Digest, Sha256};

use super::run::{Refused, Why};

/// A client that reads its sources from `pyproject.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tool {
    Poetry,
    Pdm,
}

impl Tool {
    pub(super) fn of(program: &str) -> Option<Self> {
        let base = Path::new(program)
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match base.as_str() {
            "poetry" => Some(Self::Poetry),
            "pdm" => Some(Self::Pdm),
            _ => None,
        }
    }

    fn lockfile(self) -> &'static str {
        match self {
            Self::Poetry => "poetry.lock",
            Self::Pdm => "pdm.lock",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Self::Poetry => "[[tool.poetry.source]]",
            Self::Pdm => "[[tool.pdm.source]]",
        }
    }
}

/// One package source of the project.
#[derive(Debug, Clone)]
pub(super) struct Source {
    pub(super) name: String,
    /// As written in `pyproject.toml`.
    pub(super) url: String,
}

/// The project a poetry or pdm command works on, as read before the run.
#[derive(Debug)]
pub(super) struct Project {
    tool: Tool,
    pyproject: PathBuf,
    /// `pyproject.toml` as it was.
    original: String,
    /// The sources to put behind proxies.
    pub(super) sources: Vec<Source>,
    /// pdm's default index from its configuration (`PDM_PYPI_URL`, `pypi.url`), when set.
    pub(super) pdm_default: Option<(String, String)>,
}

/// Flags of poetry and pdm that make the client work on a project customs did not read.
const ELSEWHERE: &[(Tool, &str)] = &[
    (Tool::Poetry, "--directory"),
    (Tool::Poetry, "-C"),
    (Tool::Poetry, "--project"),
    (Tool::Poetry, "-P"),
    (Tool::Pdm, "--project"),
    (Tool::Pdm, "-p"),
    (Tool::Pdm, "--global"),
    (Tool::Pdm, "-g"),
];

/// poetry's and pdm's own sources: what `run` will not start with goes to `refused`.
pub(super) fn read(
    tool: Tool,
    args: &[String],
    env: &Environment,
    refused: &mut Vec<Refused>,
) -> Option<Project> {
    for arg in args.iter().take_while(|a| *a != "--") {
        let flag = arg.split_once('=').map_or(arg.as_str(), |(f, _)| f);
        let short = ELSEWHERE
            .iter()
            .any(|(t, f)| *t == tool && f.len() == 2 && arg.starts_with(f) && arg.len() > 2);
        if short || ELSEWHERE.iter().any(|(t, f)| *t == tool && *f == flag) {
            refused.push(Refused::new(
                flag,
                "",
                Why::Unread("run customs from the project's folder (cd DIR && customs run -- ...)"),
            ));
        }
    }
    if tool == Tool::Pdm {
        refused.extend(pdm_config_indexes(env));
    }
    let pyproject = env
        .cwd
        .ancestors()
        .map(|d| d.join("pyproject.toml"))
        .find(|p| p.is_file());
    let pdm_default = (tool == Tool::Pdm).then(|| pdm_default(env)).flatten();
    let Some(pyproject) = pyproject else {
        if tool == Tool::Poetry {
            refused.push(builtin_pypi());
        }
        return Some(Project {
            tool,
            pyproject: env.cwd.join("pyproject.toml"),
            original: String::new(),
            sources: Vec::new(),
            pdm_default,
        });
    };
    let where_ = format!("{} in {}", tool.table(), pyproject.display());
    let original = match std::fs::read_to_string(&pyproject) {
        Ok(t) => t,
        Err(_) => {
            refused.push(Refused::new(
                pyproject.display().to_string(),
                "",
                Why::Source(WhyUnroutable::Unreadable),
            ));
            return None;
        }
    };
    let Ok(doc) = original.parse::<toml::Table>() else {
        refused.push(Refused::new(
            pyproject.display().to_string(),
            "",
            Why::Unread("the file is not valid TOML, so the sources it names are not known"),
        ));
        return None;
    };
    let key = match tool {
        Tool::Poetry => "poetry",
        Tool::Pdm => "pdm",
    };
    let list = doc
        .get("tool")
        .and_then(|t| t.get(key))
        .and_then(|t| t.get("source"))
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut sources = Vec::new();
    let mut primary = false;
    for s in &list {
        let name = s.get("name").and_then(toml::Value::as_str).unwrap_or("");
        let url = s.get("url").and_then(toml::Value::as_str);
        let priority = s
            .get("priority")
            .and_then(toml::Value::as_str)
            .unwrap_or("primary");
        let kind = s
            .get("type")
            .and_then(toml::Value::as_str)
            .unwrap_or("index");
        let setting = format!("source {name:?} ({where_})");
        match (tool, url) {
            (Tool::Poetry, None) if name.eq_ignore_ascii_case("pypi") => {
                refused.push(builtin_pypi());
                continue;
            }
            (_, None) => continue,
            (_, Some(url)) if url.contains("${") => {
                refused.push(Refused::new(
                    setting,
                    url,
                    Why::Unread("write the URL out: customs does not expand variables in it"),
                ));
                continue;
            }
            (Tool::Pdm, Some(url)) if kind == "find_links" => {
                refused.push(Refused::new(
                    setting,
                    url,
                    Why::Source(WhyUnroutable::Links),
                ));
                continue;
            }
            (Tool::Poetry, Some(url)) if url.ends_with(".html") || url.ends_with(".htm") => {
                refused.push(Refused::new(
                    setting,
                    url,
                    Why::Source(WhyUnroutable::Links),
                ));
                continue;
            }
            (_, Some(url)) => {
                primary |= priority == "primary";
                sources.push(Source {
                    name: name.to_owned(),
                    url: url.to_owned(),
                });
            }
        }
    }
    if tool == Tool::Poetry && !primary {
        refused.push(builtin_pypi());
    }
    Some(Project {
        tool,
        pyproject,
        original,
        sources,
        pdm_default,
    })
}

fn builtin_pypi() -> Refused {
    Refused::new(
        "poetry's built-in PyPI source",
        "",
        Why::Unread(
            "poetry reads PyPI at an address of its own when no source has priority = \"primary\" (or a source is named \"pypi\"): declare your index in [[tool.poetry.source]] with priority = \"primary\"",
        ),
    )
}

/// pdm's configuration files: the global one (`PDM_CONFIG_FILE`, else
/// `~/.config/pdm/config.toml`) and the project's `pdm.toml`.
fn pdm_config_files(env: &Environment) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(f) = env.vars.get("PDM_CONFIG_FILE").filter(|v| !v.is_empty()) {
        out.push(PathBuf::from(f));
    } else if let Some(dir) = env
        .vars
        .get("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| env.home.as_ref().map(|h| h.join(".config")))
    {
        out.push(dir.join("pdm/config.toml"));
    }
    out.push(env.cwd.join("pdm.toml"));
    out
}

/// pdm's default index: `PDM_PYPI_URL`, else `pypi.url` of the project's then the
/// global configuration. (setting, URL)
fn pdm_default(env: &Environment) -> Option<(String, String)> {
    if let Some(v) = env.vars.get("PDM_PYPI_URL").filter(|v| !v.is_empty()) {
        return Some(("PDM_PYPI_URL".to_owned(), v.clone()));
    }
    pdm_config_files(env).into_iter().rev().find_map(|f| {
        let doc = std::fs::read_to_string(&f)
            .ok()?
            .parse::<toml::Table>()
            .ok()?;
        let url = doc.get("pypi")?.get("url")?.as_str()?.to_owned();
        Some((format!("pypi.url in {}", f.display()), url))
    })
}

/// Named indexes stored in pdm's configuration (`pdm config pypi.NAME.url`): pdm adds
/// them to the project's sources and no environment variable replaces them.
fn pdm_config_indexes(env: &Environment) -> Vec<Refused> {
    let mut out = Vec::new();
    for f in pdm_config_files(env) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(doc) = text.parse::<toml::Table>() else {
            out.push(Refused::new(
                f.display().to_string(),
                "",
                Why::Source(WhyUnroutable::Unreadable),
            ));
            continue;
        };
        let Some(pypi) = doc.get("pypi").and_then(toml::Value::as_table) else {
            continue;
        };
        for (name, v) in pypi {
            if let Some(url) = v.get("url").and_then(toml::Value::as_str) {
                out.push(Refused::new(
                    format!("pypi.{name}.url in {}", f.display()),
                    url,
                    Why::Unread(
                        "declare the index as a [[tool.pdm.source]] of pyproject.toml instead, where customs stands in for it",
                    ),
                ));
            }
        }
    }
    out
}

/// `pyproject.toml` pointed at the proxies, for the length of the run.
pub(super) struct Applied {
    tool: Tool,
    pyproject: PathBuf,
    original: String,
    /// (original URL, proxy URL) for each source.
    swaps: Vec<(String, String)>,
    /// The text written for the run.
    written: String,
}

impl Project {
    /// Writes `pyproject.toml` with each source's URL replaced by `proxy_of(source)`, and
    /// moves the lockfile's content hash along when it was current.
    pub(super) fn apply(
        &self,
        proxy_of: &mut dyn FnMut(&Source) -> anyhow::Result<String>,
    ) -> anyhow::Result<Option<Applied>> {
        if self.sources.is_empty() {
            return Ok(None);
        }
        let mut swaps = Vec::new();
        let mut written = self.original.clone();
        for s in &self.sources {
            let proxy = proxy_of(s)?;
            written = replace_literal(&written, &s.url, &proxy);
            swaps.push((s.url.clone(), proxy));
        }
        // Every source now names its proxy, and nothing else changed.
        let ok = written.parse::<toml::Table>().ok().is_some_and(|doc| {
            let key = match self.tool {
                Tool::Poetry => "poetry",
                Tool::Pdm => "pdm",
            };
            let urls: Vec<&str> = doc
                .get("tool")
                .and_then(|t| t.get(key))
                .and_then(|t| t.get("source"))
                .and_then(toml::Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter_map(|s| s.get("url").and_then(toml::Value::as_str))
                        .collect()
                })
                .unwrap_or_default();
            swaps.iter().all(|(_, p)| urls.contains(&p.as_str()))
        });
        if !ok {
            anyhow::bail!(
                "customs run cannot point the sources of {} at its proxy (a URL written in a form customs does not rewrite), so it did not start the command",
                self.pyproject.display()
            );
        }
        let lock = self.lock_path();
        if let Ok(text) = std::fs::read_to_string(&lock)
            && let (Some(before), Some(during)) = (
                content_hash(self.tool, &self.original),
                content_hash(self.tool, &written),
            )
            && let Some(moved) = swap_hash(self.tool, &text, &before, &during)
        {
            std::fs::write(&lock, moved)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", lock.display()))?;
        }
        std::fs::write(&self.pyproject, &written)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", self.pyproject.display()))?;
        Ok(Some(Applied {
            tool: self.tool,
            pyproject: self.pyproject.clone(),
            original: self.original.clone(),
            swaps,
            written,
        }))
    }

    fn lock_path(&self) -> PathBuf {
        self.pyproject
            .parent()
            .unwrap_or(Path::new("."))
            .join(self.tool.lockfile())
    }
}

impl Applied {
    /// Puts the sources' own URLs back in `pyproject.toml`, keeping what the client
    /// changed in it. Returns what could not be restored, and the content hash to put
    /// back in the lockfile once the run's other rewrites are done.
    pub(super) fn restore(&self) -> (Vec<String>, Option<HashBack>) {
        let now = std::fs::read_to_string(&self.pyproject).unwrap_or_else(|_| self.written.clone());
        let restored = if now == self.written {
            self.original.clone()
        } else {
            self.swaps.iter().fold(now.clone(), |t, (orig, proxy)| {
                replace_literal(&t, proxy, orig)
            })
        };
        if let Err(e) = std::fs::write(&self.pyproject, &restored) {
            let urls: Vec<String> = self
                .swaps
                .iter()
                .map(|(o, _)| customs_registry::redact(o))
                .collect();
            return (
                vec![format!(
                    "cannot restore {}: {e}; put back the source URLs {}",
                    self.pyproject.display(),
                    urls.join(", ")
                )],
                None,
            );
        }
        let back = match (
            content_hash(self.tool, &now),
            content_hash(self.tool, &restored),
        ) {
            (Some(during), Some(after)) => Some(HashBack {
                tool: self.tool,
                lock: self
                    .pyproject
                    .parent()
                    .unwrap_or(Path::new("."))
                    .join(self.tool.lockfile()),
                during,
                after,
            }),
            _ => None,
        };
        (Vec::new(), back)
    }
}

/// The lockfile's content hash as the client wrote it during the run, and the one that
/// matches `pyproject.toml` as restored.
pub(super) struct HashBack {
    tool: Tool,
    lock: PathBuf,
    during: String,
    after: String,
}

impl HashBack {
    /// Puts the restored project's hash in the lockfile, when it holds the run's.
    pub(super) fn apply(&self) -> Option<String> {
        let text = std::fs::read_to_string(&self.lock).ok()?;
        let moved = swap_hash(self.tool, &text, &self.during, &self.after)?;
        std::fs::write(&self.lock, moved)
            .err()
            .map(|e| format!("cannot write {}: {e}", self.lock.display()))
    }
}

/// A file in which a client stored the indexes of an earlier install, and reuses them:
/// uv's tool receipts (`uv tool upgrade`), pipx's metadata (`pipx upgrade`,
/// `pipx reinstall`). For the run, each index in it names a proxy.
#[derive(Debug)]
pub(super) struct Stored {
    pub(super) path: PathBuf,
    /// The file as it was.
    pub(super) before: Vec<u8>,
    /// The indexes it names, as written.
    pub(super) urls: Vec<String>,
}

/// uv's tool receipts (for `uv tool ...` and `uvx`) and pipx's metadata (for `pipx`).
/// Links (`find-links`, `--find-links`) stored there go to `refused`.
pub(super) fn stored_settings(
    program: &str,
    args: &[String],
    env: &Environment,
    refused: &mut Vec<Refused>,
) -> Vec<Stored> {
    let base = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let var = |k: &str| env.vars.get(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let data_home =
        var("XDG_DATA_HOME").or_else(|| env.home.as_ref().map(|h| h.join(".local/share")));
    let (dir, file, pipx) = match base.as_str() {
        "uvx" => (
            var("UV_TOOL_DIR").or_else(|| data_home.map(|d| d.join("uv/tools"))),
            "uv-receipt.toml",
            false,
        ),
        "uv" if args.iter().any(|a| a == "tool") => (
            var("UV_TOOL_DIR").or_else(|| data_home.map(|d| d.join("uv/tools"))),
            "uv-receipt.toml",
            false,
        ),
        "pipx" => (
            var("PIPX_HOME")
                .or_else(|| data_home.map(|d| d.join("pipx")))
                .map(|h| h.join("venvs")),
            "pipx_metadata.json",
            true,
        ),
        _ => (None, "", false),
    };
    let Some(dir) = dir else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let path = e.path().join(file);
        let Ok(before) = std::fs::read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&before);
        let (urls, links) = if pipx {
            pipx_indexes(&text)
        } else {
            receipt_indexes(&text)
        };
        for l in links {
            refused.push(Refused::new(
                format!("find-links in {}", path.display()),
                l,
                Why::Source(WhyUnroutable::Links),
            ));
        }
        if !urls.is_empty() {
            out.push(Stored { path, before, urls });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The indexes and links of a uv tool receipt's `[tool.options]`.
fn receipt_indexes(text: &str) -> (Vec<String>, Vec<String>) {
    let Ok(doc) = text.parse::<toml::Table>() else {
        return (Vec::new(), Vec::new());
    };
    let Some(options) = doc.get("tool").and_then(|t| t.get("options")) else {
        return (Vec::new(), Vec::new());
    };
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        match v {
            Some(toml::Value::String(s)) => vec![s.clone()],
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|x| {
                    x.as_str()
                        .or_else(|| x.get("url").and_then(toml::Value::as_str))
                        .map(str::to_owned)
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut urls = strings(options.get("index-url"));
    urls.extend(strings(options.get("extra-index-url")));
    let mut links = strings(options.get("find-links"));
    if let Some(list) = options.get("index").and_then(toml::Value::as_array) {
        for i in list {
            let Some(url) = i.get("url").and_then(toml::Value::as_str) else {
                continue;
            };
            if i.get("format").and_then(toml::Value::as_str) == Some("flat") {
                links.push(url.to_owned());
            } else {
                urls.push(url.to_owned());
            }
        }
    }
    urls.sort();
    urls.dedup();
    (urls, links)
}

/// The indexes and links among the pip arguments pipx stored (`pip_args`).
fn pipx_indexes(text: &str) -> (Vec<String>, Vec<String>) {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return (Vec::new(), Vec::new());
    };
    let mut args: Vec<String> = Vec::new();
    let mut stack = vec![&doc];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "pip_args"
                        && let Some(a) = v.as_array()
                    {
                        args.extend(a.iter().filter_map(|x| x.as_str().map(str::to_owned)));
                    } else {
                        stack.push(v);
                    }
                }
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    pip_arg_indexes(&args)
}

/// The index and link URLs among pip arguments.
pub(super) fn pip_arg_indexes(args: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut urls, mut links) = (Vec::new(), Vec::new());
    let mut it = args.iter().peekable();
    while let Some(a) = it.next() {
        let (flag, value) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ if a.len() > 2
                && (a.starts_with("-i") || a.starts_with("-f"))
                && !a.starts_with("--") =>
            {
                (&a[..2], Some(a[2..].to_owned()))
            }
            _ => (a.as_str(), None),
        };
        let index = matches!(flag, "--index-url" | "-i" | "--extra-index-url");
        let link = matches!(flag, "--find-links" | "-f");
        if !index && !link {
            continue;
        }
        let Some(value) = value.or_else(|| it.next().cloned()) else {
            continue;
        };
        if index {
            urls.push(value);
        } else {
            links.push(value);
        }
    }
    urls.sort();
    urls.dedup();
    (urls, links)
}

impl Stored {
    /// Writes the file with each index replaced by `proxy_of(url)`.
    pub(super) fn apply(
        &self,
        proxy_of: &mut dyn FnMut(&str) -> anyhow::Result<String>,
    ) -> anyhow::Result<()> {
        let mut text = String::from_utf8_lossy(&self.before).into_owned();
        for url in &self.urls {
            text = replace_literal(&text, url, &proxy_of(url)?);
        }
        std::fs::write(&self.path, text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", self.path.display()))
    }
}

/// pipx's `--pip-args`: pip would take an index or links given there from the command
/// line, where customs does not stand in for them.
pub(super) fn pipx_pip_args(program: &str, args: &[String], refused: &mut Vec<Refused>) {
    let base = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if base != "pipx" {
        return;
    }
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.split_once('=') {
            Some(("--pip-args", v)) => Some(v.to_owned()),
            _ if a == "--pip-args" => it.next().cloned(),
            _ => None,
        };
        let Some(value) = value else { continue };
        let words: Vec<String> = value.split_whitespace().map(str::to_owned).collect();
        let (urls, links) = pip_arg_indexes(&words);
        if !urls.is_empty() || !links.is_empty() {
            refused.push(Refused::new(
                "--pip-args",
                value,
                Why::Unread(
                    "give the index to pipx as --index-url, or in PIP_INDEX_URL / PIP_EXTRA_INDEX_URL, where customs routes it",
                ),
            ));
        }
    }
}

/// `url`'s proxy written with a trailing slash where `url` has one.
pub(super) fn like(url: &str, proxy: &str) -> String {
    let p = proxy.trim_end_matches('/');
    if url.ends_with('/') {
        format!("{p}/")
    } else {
        p.to_owned()
    }
}

/// `text` with every quoted occurrence of `from` (as a TOML basic or literal string)
/// replaced by `to`.
fn replace_literal(text: &str, from: &str, to: &str) -> String {
    let mut out = text.to_owned();
    for q in ['"', '\''] {
        out = out.replace(&format!("{q}{from}{q}"), &format!("{q}{to}{q}"));
    }
    out
}

/// The lockfile with content hash `from` replaced by `to`, when it holds `from`.
fn swap_hash(tool: Tool, lock: &str, from: &str, to: &str) -> Option<String> {
    let (key, prefix) = match tool {
        Tool::Poetry => ("content-hash", ""),
        Tool::Pdm => ("content_hash", "sha256:"),
    };
    let old = format!("{key} = \"{prefix}{from}\"");
    lock.contains(&old)
        .then(|| lock.replacen(&old, &format!("{key} = \"{prefix}{to}\""), 1))
}

/// The content hash the client writes in its lockfile for this `pyproject.toml`, or
/// `None` where it holds what customs does not reproduce (a float, a date).
pub(super) fn content_hash(tool: Tool, pyproject: &str) -> Option<String> {
    let doc: toml::Table = pyproject.parse().ok()?;
    let value = match tool {
        Tool::Poetry => poetry_content(&doc),
        Tool::Pdm => pdm_content(&doc),
    };
    let mut json = String::new();
    python_json(&value, &mut json)?;
    Some(hex::encode(Sha256::digest(json.as_bytes())))
}

/// What poetry hashes: `requires-python`, `dependencies` and `optional-dependencies` of
/// `[project]`, `[dependency-groups]`, and the dependency and source keys of
/// `[tool.poetry]` (at the top level when the first two are empty).
fn poetry_content(doc: &toml::Table) -> toml::Value {
    let get = |t: Option<&toml::Value>, k: &str| t.and_then(|t| t.get(k)).cloned();
    let project = doc.get("project");
    let groups = doc
        .get("dependency-groups")
        .and_then(toml::Value::as_table)
        .filter(|t| !t.is_empty())
        .cloned();
    let poetry = doc.get("tool").and_then(|t| t.get("poetry"));
    let mut relevant_project = toml::Table::new();
    for k in ["requires-python", "dependencies", "optional-dependencies"] {
        if let Some(v) = get(project, k) {
            relevant_project.insert(k.to_owned(), v);
        }
    }
    let legacy = ["dependencies", "source", "extras", "dev-dependencies"];
    let mut relevant_poetry = BTreeMap::new();
    for k in [
        "dependencies",
        "source",
        "extras",
        "dev-dependencies",
        "group",
    ] {
        match get(poetry, k) {
            Some(v) => {
                relevant_poetry.insert(k.to_owned(), Some(v));
            }
            None if !legacy.contains(&k) || !relevant_project.is_empty() || groups.is_some() => {}
            None => {
                relevant_poetry.insert(k.to_owned(), None);
            }
        }
    }
    let poetry_value = Nullable(relevant_poetry);
    if relevant_project.is_empty() && groups.is_none() {
        return poetry_value.into_value();
    }
    let mut top = toml::Table::new();
    if !relevant_project.is_empty() {
        top.insert("project".into(), toml::Value::Table(relevant_project));
    }
    if let Some(g) = groups {
        top.insert("dependency-groups".into(), toml::Value::Table(g));
    }
    let mut tool = toml::Table::new();
    tool.insert("poetry".into(), poetry_value.into_value());
    top.insert("tool".into(), toml::Value::Table(tool));
    toml::Value::Table(top)
}

/// A table whose missing keys poetry writes as `null`: kept as a marker string that
/// [`python_json`] prints as `null`.
struct Nullable(BTreeMap<String, Option<toml::Value>>);

const NULL: &str = "\u{0}customs-null\u{0}";

impl Nullable {
    fn into_value(self) -> toml::Value {
        toml::Value::Table(
            self.0
                .into_iter()
                .map(|(k, v)| (k, v.unwrap_or_else(|| toml::Value::String(NULL.into()))))
                .collect(),
        )
    }
}

/// What pdm hashes: its sources, the dependencies, the development groups (PEP 735
/// groups then `[tool.pdm.dev-dependencies]`, names normalised), the optional
/// dependencies, `requires-python` and `[tool.pdm.resolution]`.
fn pdm_content(doc: &toml::Table) -> toml::Value {
    let project = doc.get("project");
    let pdm = doc.get("tool").and_then(|t| t.get("pdm"));
    let or = |v: Option<&toml::Value>, d: toml::Value| v.cloned().unwrap_or(d);
    let empty_list = || toml::Value::Array(Vec::new());
    let empty_table = || toml::Value::Table(toml::Table::new());
    let mut dev: BTreeMap<String, Vec<toml::Value>> = BTreeMap::new();
    for source in [
        doc.get("dependency-groups"),
        pdm.and_then(|p| p.get("dev-dependencies")),
    ] {
        if let Some(t) = source.and_then(toml::Value::as_table) {
            for (group, deps) in t {
                dev.entry(normalize(group))
                    .or_default()
                    .extend(deps.as_array().cloned().unwrap_or_default());
            }
        }
    }
    let mut out = toml::Table::new();
    out.insert(
        "sources".into(),
        or(pdm.and_then(|p| p.get("source")), empty_list()),
    );
    out.insert(
        "dependencies".into(),
        or(project.and_then(|p| p.get("dependencies")), empty_list()),
    );
    out.insert(
        "dev-dependencies".into(),
        toml::Value::Table(
            dev.into_iter()
                .map(|(k, v)| (k, toml::Value::Array(v)))
                .collect(),
        ),
    );
    out.insert(
        "optional-dependencies".into(),
        or(
            project.and_then(|p| p.get("optional-dependencies")),
            empty_table(),
        ),
    );
    out.insert(
        "requires-python".into(),
        or(
            project.and_then(|p| p.get("requires-python")),
            toml::Value::String(String::new()),
        ),
    );
    out.insert(
        "resolution".into(),
        or(pdm.and_then(|p| p.get("resolution")), empty_table()),
    );
    toml::Value::Table(out)
}

/// PEP 503's normal form of a name.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// `value` as Python's `json.dumps(value, sort_keys=True)` writes it; `None` for a value
/// it would write otherwise than customs can be sure of (floats) or not at all (dates).
fn python_json(value: &toml::Value, out: &mut String) -> Option<()> {
    match value {
        toml::Value::String(s) if s == NULL => out.push_str("null"),
        toml::Value::String(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
                    c => {
                        let mut units = [0u16; 2];
                        for u in c.encode_utf16(&mut units) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                }
            }
            out.push('"');
        }
        toml::Value::Integer(i) => out.push_str(&i.to_string()),
        toml::Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        toml::Value::Float(_) | toml::Value::Datetime(_) => return None,
        toml::Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                python_json(v, out)?;
            }
            out.push(']');
        }
        toml::Value::Table(t) => {
            out.push('{');
            for (i, (k, v)) in t.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                python_json(&toml::Value::String(k.clone()), out)?;
                out.push_str(": ");
                python_json(v, out)?;
            }
            out.push('}');
        }
    }
    Some(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn json_is_written_as_python_writes_it() {
        let doc: toml::Table =
            "a = [\"é\", 1, true]\nb = { z = \"q\\\"\", y = \"\\n\" }\nc = \"😀\"\n"
                .parse()
                .unwrap();
        let mut out = String::new();
        python_json(&toml::Value::Table(doc), &mut out).unwrap();
        // json.dumps({"a": ["é", 1, True], "b": {"z": 'q"', "y": "\n"}, "c": "😀"}, sort_keys=True)
        assert_eq!(
            out,
            r#"{"a": ["\u00e9", 1, true], "b": {"y": "\n", "z": "q\""}, "c": "\ud83d\ude00"}"#
        );
        let float: toml::Table = "x = 1.5".parse().unwrap();
        assert!(python_json(&toml::Value::Table(float), &mut String::new()).is_none());
    }

    /// The hashes poetry 2.5.1 (`Locker._get_content_hash`) and pdm 2.29.4
    /// (`PyProject.content_hash`) compute for these files.
    #[test]
    fn content_hashes_are_those_the_clients_write() {
        let legacy = include_str!("testdata/poetry-legacy.toml");
        let groups = include_str!("testdata/groups.toml");
        assert_eq!(
            content_hash(Tool::Poetry, legacy).unwrap(),
            "6d210eb1555252bb807882c104447bb898bcd2ae863be4bb77fa0d1164f44bee"
        );
        assert_eq!(
            content_hash(Tool::Poetry, groups).unwrap(),
            "b19848e582a756a84fa4d880c6eaff3b22af4c529b75f689c96206ce168e84fa"
        );
        assert_eq!(
            content_hash(Tool::Pdm, groups).unwrap(),
            "bc49baeebd7b998e97beb7d1fbb0a20676aa1ffca94dbb62cc4b482844b8777c"
        );
        // A lockfile whose hash is not the project's is left as it is.
        let lock = "[metadata]\ncontent-hash = \"abc\"\n";
        assert!(swap_hash(Tool::Poetry, lock, "def", "x").is_none());
        assert_eq!(
            swap_hash(Tool::Poetry, lock, "abc", "x").unwrap(),
            "[metadata]\ncontent-hash = \"x\"\n"
        );
    }

    #[test]
    fn indexes_stored_by_uv_and_pipx_are_found() {
        let receipt = "[tool]\nrequirements = [{ name = \"x\" }]\n\n[tool.options]\nindex = [{ url = \"http://127.0.0.1:1/a/\", default = true }, { url = \"/w\", format = \"flat\" }]\nindex-url = \"http://127.0.0.1:1/a/\"\nextra-index-url = [\"http://127.0.0.1:1/b\"]\n";
        let (urls, links) = receipt_indexes(receipt);
        assert_eq!(urls, ["http://127.0.0.1:1/a/", "http://127.0.0.1:1/b"]);
        assert_eq!(links, ["/w"]);
        let meta = r#"{"main_package": {"pip_args": ["--index-url", "http://127.0.0.1:1/a/", "-f/w"]}, "injected_packages": {"y": {"pip_args": ["--extra-index-url=http://127.0.0.1:1/c"]}}}"#;
        let (mut urls, links) = pipx_indexes(meta);
        urls.sort();
        assert_eq!(urls, ["http://127.0.0.1:1/a/", "http://127.0.0.1:1/c"]);
        assert_eq!(links, ["/w"]);
    }

    #[test]
    fn names_are_normalised_as_pep_503_says() {
        assert_eq!(normalize("Dev__Tools.x"), "dev-tools-x");
    }
}
