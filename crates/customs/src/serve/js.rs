//! What `customs run` does for the JavaScript clients besides npm's own settings
//! (`npm_config_*`, `.npmrc`, which pnpm, yarn classic and bun read too): yarn berry's
//! `.yarnrc.yml`, yarn classic's `.yarnrc`, bun's `bunfig.toml` and
//! `BUN_CONFIG_REGISTRY`, and the lockfiles whose pinned tarball URLs these clients
//! fetch as written (yarn classic's `yarn.lock`, `bun.lock`, a `tarball` of
//! `pnpm-lock.yaml`), which are pointed at the proxy for the run and given back.

use std::path::{Path, PathBuf};
use std::process::Command;

use customs_registry::{Environment, Located};

use super::run::{Refused, Why};

/// A JavaScript package manager other than npm, from the program's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Js {
    Pnpm,
    Yarn,
    Bun,
}

impl Js {
    pub(super) fn of(program: &str) -> Option<Self> {
        let base = Path::new(program)
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if base.starts_with("pnpm") || base.starts_with("pnpx") {
            Some(Self::Pnpm)
        } else if base.starts_with("yarn") {
            Some(Self::Yarn)
        } else if base.starts_with("bun") {
            Some(Self::Bun)
        } else {
            None
        }
    }
}

/// The registry settings of yarn and bun that npm's configuration does not hold.
#[derive(Debug, Default)]
pub(super) struct Settings {
    /// The registry the client would use, when one of its own files or variables names
    /// it: customs' npm upstream for the run.
    pub(super) registry: Option<Located>,
    /// What cannot be routed.
    pub(super) refused: Vec<Refused>,
}

/// A top-level `key: value` of a YAML file, unquoted (berry's rc files are flat YAML
/// at the top).
fn yaml_top(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(':')?.trim();
        let v = v.split(" #").next().unwrap_or(v).trim();
        Some(v.trim_matches(['"', '\'']).to_owned())
    })
}

/// `registry` of a `bunfig.toml`'s `[install]` table (`"URL"` or `{ url = "URL" }`),
/// and whether it has `[install.scopes]`.
fn bunfig(text: &str) -> (Option<String>, bool) {
    let mut table = String::new();
    let mut registry = None;
    let mut scopes = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            table = line.trim_matches(['[', ']', ' ']).to_owned();
            scopes |= table.starts_with("install.scopes");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if table == "install" && key == "scopes" {
            scopes = true;
        }
        let named = (table == "install" && key == "registry")
            || (table.is_empty() && key == "install.registry");
        if !named {
            continue;
        }
        let url = value.trim();
        let url = match url.split_once("url") {
            Some((_, rest)) if url.starts_with('{') => rest.trim_start_matches([' ', '=']),
            _ => url,
        };
        registry = url.split(['"', '\'']).nth(1).map(str::to_owned);
    }
    (registry, scopes)
}

impl Settings {
    /// Reads the settings `client` would read, from `env` (its variables, home and
    /// working folder).
    pub(super) fn read(client: Option<Js>, env: &Environment) -> Self {
        let mut out = Self::default();
        let var = |k: &str| env.vars.get(k).filter(|v| !v.is_empty()).cloned();
        let found = |url: String, source: String, out: &mut Self| {
            if out.registry.is_none() {
                out.registry = Some(Located {
                    url: url.trim_end_matches('/').to_owned(),
                    source,
                });
            }
        };
        let folders: Vec<PathBuf> = env
            .cwd
            .ancestors()
            .map(Path::to_path_buf)
            .chain(env.home.clone())
            .collect();
        match client {
            Some(Js::Yarn) => {
                // Berry: the variable, then the rc files from the nearest folder up, then
                // the home folder's.
                if let Some(v) = var("YARN_NPM_REGISTRY_SERVER") {
                    found(v, "YARN_NPM_REGISTRY_SERVER".into(), &mut out);
                }
                let rc = var("YARN_RC_FILENAME").unwrap_or_else(|| ".yarnrc.yml".into());
                for dir in &folders {
                    let file = dir.join(&rc);
                    let Ok(text) = std::fs::read_to_string(&file) else {
                        continue;
                    };
                    if let Some(v) = yaml_top(&text, "npmRegistryServer") {
                        found(v, file.display().to_string(), &mut out);
                    }
                    if text.lines().any(|l| l.starts_with("npmScopes:")) {
                        out.refused.push(Refused::new(
                            format!("npmScopes in {}", file.display()),
                            String::new(),
                            Why::Unread(
                                "yarn takes a scope's registry only from its rc file, where customs cannot replace it: remove npmScopes for this run, or serve the scope from the main registry",
                            ),
                        ));
                    }
                }
                for dir in env.cwd.ancestors() {
                    let lock = dir.join("yarn.lock");
                    if std::fs::read_to_string(&lock).is_ok_and(|t| t.contains("__archiveUrl=")) {
                        out.refused.push(Refused::new(
                            format!("__archiveUrl in {}", lock.display()),
                            String::new(),
                            Why::Unread(
                                "yarn fetches a locked archive URL as written, around the proxy: remove the entry and let yarn resolve it again",
                            ),
                        ));
                    }
                }
                // Classic: `.yarnrc` (npm's variables and flags still win, as in yarn).
                if let Some(v) = var("YARN_REGISTRY") {
                    found(v, "YARN_REGISTRY".into(), &mut out);
                }
                for dir in &folders {
                    let file = dir.join(".yarnrc");
                    let Ok(text) = std::fs::read_to_string(&file) else {
                        continue;
                    };
                    for line in text.lines() {
                        let mut words = line.split_whitespace();
                        let (Some(key), Some(value)) = (words.next(), words.next()) else {
                            continue;
                        };
                        let key = key.trim_matches('"');
                        let value = value.trim_matches('"').to_owned();
                        if key == "registry" && !env.vars.contains_key("npm_config_registry") {
                            found(value, file.display().to_string(), &mut out);
                        } else if key.ends_with(":registry") {
                            out.refused.push(Refused::new(
                                format!("{key} in {}", file.display()),
                                value,
                                Why::Unread(
                                    "set it in .npmrc instead, where customs reads and routes it",
                                ),
                            ));
                        }
                    }
                }
            }
            Some(Js::Bun) => {
                if let Some(v) = var("BUN_CONFIG_REGISTRY") {
                    found(v, "BUN_CONFIG_REGISTRY".into(), &mut out);
                }
                let mut files = vec![env.cwd.join("bunfig.toml")];
                if let Some(x) = var("XDG_CONFIG_HOME") {
                    files.push(Path::new(&x).join(".bunfig.toml"));
                }
                files.extend(env.home.as_ref().map(|h| h.join(".bunfig.toml")));
                for file in files {
                    let Ok(text) = std::fs::read_to_string(&file) else {
                        continue;
                    };
                    let (registry, scopes) = bunfig(&text);
                    if let Some(v) = registry {
                        found(v, file.display().to_string(), &mut out);
                    }
                    if scopes {
                        out.refused.push(Refused::new(
                            format!("[install.scopes] in {}", file.display()),
                            String::new(),
                            Why::Unread(
                                "bun takes these registries only from bunfig.toml, where customs cannot replace them: set them as @scope:registry in .npmrc instead",
                            ),
                        ));
                    }
                }
                if env.cwd.join("bun.lockb").is_file() {
                    out.refused.push(Refused::new(
                        "bun.lockb",
                        String::new(),
                        Why::Unread(
                            "the binary lockfile's pinned URLs cannot be routed: move to the text lockfile (`bun install --save-text-lockfile`, then remove bun.lockb)",
                        ),
                    ));
                }
            }
            Some(Js::Pnpm) => {
                for dir in env.cwd.ancestors() {
                    let file = dir.join("pnpm-workspace.yaml");
                    let Ok(text) = std::fs::read_to_string(&file) else {
                        continue;
                    };
                    if let Some(key) = ["registry:", "registries:"]
                        .iter()
                        .find(|k| text.lines().any(|l| l.starts_with(**k)))
                    {
                        out.refused.push(Refused::new(
                            format!("{} in {}", key.trim_end_matches(':'), file.display()),
                            String::new(),
                            Why::Unread(
                                "set it in .npmrc instead, where customs reads and routes it",
                            ),
                        ));
                    }
                }
            }
            None => {}
        }
        out
    }
}

/// Points the JavaScript clients' own settings at the proxy (`npm` is the proxy's npm
/// registry URL, ending with `/`). `jsr` tells whether the user's configuration routes
/// the `@jsr` scope (else pnpm's built-in registry for it is closed).
pub(super) fn point(child: &mut Command, npm: &str, jsr: bool) {
    let host = npm
        .trim_start_matches("http://")
        .split([':', '/'])
        .next()
        .unwrap_or("127.0.0.1");
    child
        .env("YARN_NPM_REGISTRY_SERVER", npm)
        .env("YARN_REGISTRY", npm)
        // yarn berry refuses plain-HTTP registries other than these hosts.
        .env("YARN_UNSAFE_HTTP_WHITELIST", host)
        .env("BUN_CONFIG_REGISTRY", npm);
    if !jsr {
        // pnpm resolves `jsr:` specifiers from a registry of its own unless told
        // otherwise: the proxy answers 404 for it, so nothing goes around customs.
        child.env(
            "npm_config_@jsr:registry",
            format!("{}jsr-not-configured/", npm.trim_end_matches("npm/")),
        );
    }
}

/// Lockfiles whose pinned tarball URLs the client fetches as written.
const PINNING: &[&str] = &["yarn.lock", "bun.lock", "pnpm-lock.yaml"];

/// The lockfiles pointed at the proxy for the run: their bytes before, and as written.
pub(super) struct Pinned {
    files: Vec<(PathBuf, Vec<u8>, String)>,
}

impl Pinned {
    /// In each pinning lockfile of the working folder and the folders above it, every
    /// registry tarball URL (`…/NAME/-/FILE.tgz`) becomes the proxy's URL of that file.
    pub(super) fn route(cwd: &Path, base: &str) -> std::io::Result<Self> {
        let mut files = Vec::new();
        for dir in cwd.ancestors() {
            for name in PINNING {
                let path = dir.join(name);
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let Ok(text) = String::from_utf8(bytes.clone()) else {
                    continue;
                };
                let routed = to_proxy(&text, base);
                if routed != text {
                    std::fs::write(&path, &routed)?;
                    files.push((path, bytes, routed));
                }
            }
        }
        Ok(Self { files })
    }

    /// Puts back, byte for byte, each file the client left as it was routed; a file the
    /// client changed is left to the mapping of proxy URLs back to their upstreams.
    pub(super) fn restore(&self) -> Vec<(PathBuf, String)> {
        let mut failed = Vec::new();
        for (path, before, routed) in &self.files {
            if std::fs::read(path).ok().as_deref() == Some(routed.as_bytes())
                && let Err(e) = std::fs::write(path, before)
            {
                failed.push((path.clone(), format!("cannot write: {e}")));
            }
        }
        failed
    }
}

/// `text` with each registry tarball URL replaced by the proxy's URL of the file.
fn to_proxy(text: &str, base: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http://").or_else(|| rest.find("https://")) {
        let at = match (rest.find("http://"), rest.find("https://")) {
            (Some(a), Some(b)) => a.min(b),
            _ => at,
        };
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '#' | ',' | '}' | ']'))
            .unwrap_or(tail.len());
        let url = &tail[..end];
        match tarball_path(url) {
            Some(path) if !url.starts_with(base) => {
                out.push_str(&format!("{base}/npm/{path}"));
            }
            _ => out.push_str(url),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// `NAME/-/FILE.tgz` (with the scope) of a registry tarball URL.
fn tarball_path(url: &str) -> Option<String> {
    let (before, file) = url.rsplit_once("/-/")?;
    if file.contains('/') || !file.ends_with(".tgz") {
        return None;
    }
    let mut parts = before.rsplit('/');
    let last = parts.next()?.replace("%2f", "/").replace("%2F", "/");
    let name = match parts.next() {
        Some(scope) if scope.starts_with('@') && !last.contains('/') => format!("{scope}/{last}"),
        _ => last,
    };
    (!name.is_empty() && !name.contains("://")).then(|| format!("{name}/-/{file}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pinned_tarball_urls_are_pointed_at_the_proxy() {
        let base = "http://127.0.0.1:9";
        let yarn = "a@^1:\n  resolved \"https://r.example/reg/a/-/a-1.0.0.tgz#abc\"\n\"@s/b@1\":\n  resolved \"http://h/@s/b/-/b-1.0.0.tgz\"\nc@git:\n  resolved \"https://h/c.git#abc\"\n";
        let out = to_proxy(yarn, base);
        assert!(
            out.contains("\"http://127.0.0.1:9/npm/a/-/a-1.0.0.tgz#abc\""),
            "{out}"
        );
        assert!(
            out.contains("\"http://127.0.0.1:9/npm/@s/b/-/b-1.0.0.tgz\""),
            "{out}"
        );
        assert!(
            out.contains("\"https://h/c.git#abc\""),
            "not a registry tarball: {out}"
        );
        let bun =
            "\"b\": [\"@s/b@1.0.0\", \"http://h/reg/@s%2fb/-/b-1.0.0.tgz\", {}, \"sha512-x\"],";
        assert_eq!(
            to_proxy(bun, base),
            "\"b\": [\"@s/b@1.0.0\", \"http://127.0.0.1:9/npm/@s/b/-/b-1.0.0.tgz\", {}, \"sha512-x\"],"
        );
        assert_eq!(to_proxy(&out, base), out, "already routed");
    }

    #[test]
    fn yarn_and_bun_settings_name_the_upstream_or_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let env = |vars: &[(&str, &str)]| Environment {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            home: Some(dir.path().join("home")),
            cwd: dir.path().to_path_buf(),
            ask_tools: false,
            ask_only: None,
        };
        std::fs::write(
            dir.path().join(".yarnrc.yml"),
            "nodeLinker: node-modules\nnpmRegistryServer: \"http://127.0.0.1:1/reg/\"\n",
        )
        .unwrap();
        let s = Settings::read(Some(Js::Yarn), &env(&[]));
        assert_eq!(s.registry.as_ref().unwrap().url, "http://127.0.0.1:1/reg");
        assert!(s.refused.is_empty());
        let s = Settings::read(
            Some(Js::Yarn),
            &env(&[("YARN_NPM_REGISTRY_SERVER", "http://127.0.0.1:2/")]),
        );
        assert_eq!(s.registry.unwrap().source, "YARN_NPM_REGISTRY_SERVER");
        std::fs::write(
            dir.path().join(".yarnrc.yml"),
            "npmScopes:\n  corp:\n    npmRegistryServer: \"http://127.0.0.1:3/\"\n",
        )
        .unwrap();
        let s = Settings::read(Some(Js::Yarn), &env(&[]));
        assert!(
            s.refused[0].setting.starts_with("npmScopes in "),
            "{:?}",
            s.refused
        );
        assert!(s.registry.is_none(), "a scope's server is not the main one");

        std::fs::write(
            dir.path().join("bunfig.toml"),
            "[install]\nregistry = { url = \"http://127.0.0.1:4/reg/\", token = \"t\" }\n\n[install.scopes]\ncorp = \"http://127.0.0.1:5/\"\n",
        )
        .unwrap();
        let s = Settings::read(Some(Js::Bun), &env(&[]));
        assert_eq!(s.registry.unwrap().url, "http://127.0.0.1:4/reg");
        assert_eq!(s.refused.len(), 1);
        assert!(s.refused[0].setting.starts_with("[install.scopes]"));
        assert_eq!(
            bunfig("[install]\nregistry = \"http://x/\"\n").0.as_deref(),
            Some("http://x/")
        );
        assert!(Settings::read(Some(Js::Pnpm), &env(&[])).refused.is_empty());
    }
}
