//! `customs run` end to end with the real JavaScript package managers: npm (`install`,
//! `ci`, `npx`), pnpm 9 and 10, yarn classic and berry (4), and bun, installed by
//! `scripts/clients-npm.sh` into target/tools/npm-clients (test.sh runs it). One loopback
//! registry serves every test of this file. For each client: a clean install goes
//! through and its lockfile keeps the upstream's URLs; a malicious release is refused
//! with customs' reason; a too-young release is skipped for the one before it when the
//! client resolves a range, and refused with the reason when a lockfile pins it; the
//! client's own registry settings go through customs or stop `run` by name.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::fixtures::{sri, text};
use common::loopback::Loopback;
use common::{root, tar_gz_of};
use serde_json::{Value, json};

/// 2025-11-01: old enough for any cooldown.
const OLD: &str = "2025-11-01T00:00:00Z";

/// The registry of this file: under `/reg/` (the user's registry) `leftish` 1.0.0,
/// `sneaky` 1.0.0 and 1.0.1 (a postinstall dropper), `fresh` 1.0.0 and 1.1.0 (published
/// as the tests start: too young for a 7-day cooldown); under `/other/` the same
/// `sneaky`, for settings that name another registry.
fn server() -> &'static Loopback {
    static SERVER: OnceLock<Loopback> = OnceLock::new();
    SERVER.get_or_init(|| {
        let server = Loopback::start();
        let now = customs_registry::format_rfc3339(
            i64::try_from(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs(),
            )
            .unwrap(),
        );
        let dropper =
            std::fs::read(root().join("tests/fixtures/malicious-npm-postinstall-dropper/setup.js"))
                .unwrap();
        for prefix in ["reg", "other"] {
            package(
                &server,
                prefix,
                "sneaky",
                &[("1.0.0", None, OLD), ("1.0.1", Some(&dropper), OLD)],
            );
        }
        package(&server, "reg", "leftish", &[("1.0.0", None, OLD)]);
        package(
            &server,
            "reg",
            "fresh",
            &[("1.0.0", None, OLD), ("1.1.0", None, &now)],
        );
        server
    })
}

/// Serves npm package `name` under `/{prefix}/`: each release's version, its
/// postinstall script's body when it has one, and its publication time.
fn package(server: &Loopback, prefix: &str, name: &str, releases: &[(&str, Option<&[u8]>, &str)]) {
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    for (version, script, at) in releases {
        let mut manifest = json!({"name": name, "version": version, "main": "index.js"});
        let mut files: Vec<(&str, &[u8])> = vec![("index.js", b"module.exports = 1;\n")];
        if let Some(body) = script {
            manifest["scripts"] = json!({"postinstall": "node setup.js"});
            files.push(("setup.js", body));
        }
        let pj = serde_json::to_vec_pretty(&manifest).unwrap();
        files.insert(0, ("package.json", &pj));
        let tgz = tar_gz_of(&files, "package/");
        let path = format!("/{prefix}/{name}/-/{name}-{version}.tgz");
        server.route(&path, "application/octet-stream", tgz.clone());
        manifest["dist"] =
            json!({"tarball": format!("{}{path}", server.url), "integrity": sri(&tgz)});
        versions.insert((*version).into(), manifest);
        time.insert((*version).into(), json!(at));
    }
    let latest = releases.last().map_or("", |r| r.0);
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions, "time": time});
    server.route(
        &format!("/{prefix}/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
}

/// The folder holding the clients' commands.
fn bin() -> PathBuf {
    let dir = std::env::var_os("CUSTOMS_TEST_NPM_CLIENTS")
        .map_or_else(|| root().join("target/tools/npm-clients"), PathBuf::from)
        .join("node_modules/.bin");
    assert!(
        dir.join("pnpm9").exists() && dir.join("bun").exists(),
        "the clients are installed by scripts/clients-npm.sh (test.sh runs it): {}",
        dir.display()
    );
    dir
}

/// A test's folder: a private HOME, store, caches, and an empty npm user config.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for d in ["home", "project"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        std::fs::write(dir.path().join("npmrc"), "").unwrap();
        std::fs::write(
            dir.path().join("project/package.json"),
            "{\"name\": \"app\", \"version\": \"1.0.0\"}",
        )
        .unwrap();
        Self { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn project(&self) -> PathBuf {
        self.path().join("project")
    }

    /// `customs run [--min-release-age 7d] -- ARGS` with the user's registry at
    /// `/reg/` (npm's configuration) and `env` besides.
    fn run(&self, cooldown: bool, args: &[String], env: &[(&str, String)]) -> Output {
        let mut all: Vec<String> = vec!["run".into()];
        if cooldown {
            all.extend(["--min-release-age".into(), "7d".into()]);
        }
        all.push("--".into());
        all.extend_from_slice(args);
        let p = self.path();
        let path = std::env::join_paths(std::iter::once(bin()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        let mut c = Command::new(env!("CARGO_BIN_EXE_customs"));
        c.args(&all)
            .current_dir(self.project())
            .env_clear()
            .env("PATH", path)
            .env("HOME", p.join("home"))
            .env("NO_COLOR", "1")
            .env("PIP_CONFIG_FILE", "/dev/null")
            .env("npm_config_registry", format!("{}/reg/", server().url))
            .env("npm_config_userconfig", p.join("npmrc"))
            .env("npm_config_cache", p.join("npm-cache"))
            .env("npm_config_store_dir", p.join("pnpm-store"))
            .env("npm_config_audit", "false")
            .env("npm_config_fund", "false")
            .env("npm_config_update_notifier", "false")
            .env("YARN_CACHE_FOLDER", p.join("yarn-cache"))
            .env("YARN_ENABLE_TELEMETRY", "0")
            .env("YARN_ENABLE_GLOBAL_CACHE", "0")
            .env("YARN_NODE_LINKER", "node-modules")
            .env("YARN_ENABLE_SCRIPTS", "0")
            // berry's own cooldown (a day by default) is set aside: customs' is tested.
            .env("YARN_NPM_MINIMAL_AGE_GATE", "0")
            .env("BUN_INSTALL_CACHE_DIR", p.join("bun-cache"))
            .env("CUSTOMS_STORE", p.join("store.sqlite3"))
            .env("CUSTOMS_CACHE_DIR", p.join("cache"));
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.project().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    /// The version of `name` installed in node_modules.
    fn installed(&self, name: &str) -> String {
        let pj: Value =
            serde_json::from_str(&self.read(&format!("node_modules/{name}/package.json"))).unwrap();
        pj["version"].as_str().unwrap().to_owned()
    }
}

/// How a client adds packages and installs from its lockfile.
struct Client {
    name: &'static str,
    /// Adds the packages given after it.
    add: &'static [&'static str],
    /// Installs exactly what the lockfile pins.
    frozen: &'static [&'static str],
    lockfile: &'static str,
    /// Whether the lockfile records the registry's tarball URLs.
    urls: bool,
    /// Whether the client prints the body or reason phrase of a 403 (else customs'
    /// own log line carries the reason, on the same terminal).
    shows_403: bool,
}

const NPM: Client = Client {
    name: "npm",
    add: &["npm", "install", "--ignore-scripts"],
    frozen: &["npm", "ci", "--ignore-scripts"],
    lockfile: "package-lock.json",
    urls: true,
    shows_403: true,
};
const PNPM9: Client = Client {
    name: "pnpm 9",
    add: &["pnpm9", "add", "--ignore-scripts"],
    frozen: &["pnpm9", "install", "--frozen-lockfile", "--ignore-scripts"],
    lockfile: "pnpm-lock.yaml",
    urls: false,
    shows_403: true,
};
const PNPM10: Client = Client {
    name: "pnpm 10",
    add: &["pnpm10", "add", "--ignore-scripts"],
    frozen: &["pnpm10", "install", "--frozen-lockfile", "--ignore-scripts"],
    lockfile: "pnpm-lock.yaml",
    urls: false,
    shows_403: true,
};
const YARN: Client = Client {
    name: "yarn classic",
    add: &["yarn", "add", "--ignore-scripts", "--non-interactive"],
    frozen: &[
        "yarn",
        "install",
        "--frozen-lockfile",
        "--ignore-scripts",
        "--non-interactive",
    ],
    lockfile: "yarn.lock",
    urls: true,
    shows_403: false,
};
const BERRY: Client = Client {
    name: "yarn berry",
    add: &["yarn4", "add"],
    frozen: &["yarn4", "install", "--immutable"],
    lockfile: "yarn.lock",
    urls: false,
    shows_403: true,
};
const BUN: Client = Client {
    name: "bun",
    add: &["bun", "add", "--ignore-scripts"],
    frozen: &["bun", "install", "--frozen-lockfile", "--ignore-scripts"],
    lockfile: "bun.lock",
    urls: true,
    shows_403: false,
};

fn args(base: &[&str], more: &[&str]) -> Vec<String> {
    base.iter().chain(more).map(|s| (*s).to_owned()).collect()
}

/// The whole story for one client.
fn client_story(c: &Client) {
    let reg = format!("{}/reg", server().url);
    let name = c.name;

    // A clean install, with a cooldown: `fresh@^1.0.0` takes 1.0.0, not the too-young
    // 1.1.0; the lockfile keeps the user's registry.
    let s = Setup::new();
    if c.name == "yarn berry" {
        std::fs::write(s.project().join("yarn.lock"), "").unwrap();
    }
    let out = s.run(true, &args(c.add, &["fresh@^1.0.0", "leftish@^1.0.0"]), &[]);
    assert!(out.status.success(), "{name}: {}", text(&out));
    assert_eq!(
        s.installed("fresh"),
        "1.0.0",
        "{name}: the young release is skipped"
    );
    assert_eq!(s.installed("leftish"), "1.0.0", "{name}");
    let lock = s.read(c.lockfile);
    assert!(
        !lock.contains("/npm/"),
        "{name}: no address of the proxy is left: {lock}"
    );
    if c.urls {
        assert!(
            lock.contains(&format!("{reg}/fresh/-/fresh-1.0.0.tgz")),
            "{name}: the upstream's URL: {lock}"
        );
    }

    // A known-bad release is refused, and the output says why.
    let out = s.run(true, &args(c.add, &["sneaky@1.0.1"]), &[]);
    assert!(!out.status.success(), "{name}: {}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("npm:sneaky 1.0.1 malicious") && t.contains("verdict malicious"),
        "{name}: customs' decision and its reason: {t}"
    );
    if c.shows_403 {
        assert!(
            t.contains("customs blocked sneaky@1.0.1: verdict malicious"),
            "{name}: the client shows customs' reason: {t}"
        );
    }
    assert!(!s.project().join("node_modules/sneaky/setup.js").exists());

    // A lockfile that pins the young release (written without a cooldown) is refused
    // with the reason when installed with one.
    let s = Setup::new();
    if c.name == "yarn berry" {
        std::fs::write(s.project().join("yarn.lock"), "").unwrap();
    }
    let out = s.run(false, &args(c.add, &["fresh@1.1.0"]), &[]);
    assert!(out.status.success(), "{name}: {}", text(&out));
    let locked = s.read(c.lockfile);
    std::fs::remove_dir_all(s.project().join("node_modules")).unwrap();
    for cache in [
        "npm-cache",
        "pnpm-store",
        "yarn-cache",
        "bun-cache",
        "cache",
    ] {
        let _ = std::fs::remove_dir_all(s.path().join(cache));
    }
    // (yarn berry's mirror of every archive it fetched is in HOME.)
    let _ = std::fs::remove_dir_all(s.project().join(".yarn"));
    let _ = std::fs::remove_dir_all(s.path().join("home/.yarn"));
    let out = s.run(true, &args(c.frozen, &[]), &[]);
    assert!(!out.status.success(), "{name}: {}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("npm:fresh 1.1.0") && t.contains("minimum release age"),
        "{name}: refused with the reason: {t}"
    );
    assert!(!s.project().join("node_modules/fresh").exists(), "{name}");
    assert_eq!(
        s.read(c.lockfile),
        locked,
        "{name}: the lockfile is given back as it was"
    );
}

#[test]
fn npm_install_and_ci() {
    client_story(&NPM);
}

#[test]
fn pnpm_9() {
    client_story(&PNPM9);
}

#[test]
fn pnpm_10() {
    client_story(&PNPM10);
}

#[test]
fn yarn_classic() {
    client_story(&YARN);
}

#[test]
fn yarn_berry() {
    client_story(&BERRY);
}

#[test]
fn bun() {
    client_story(&BUN);
}

#[test]
fn npx_runs_through_customs() {
    let s = Setup::new();
    let out = s.run(
        true,
        &args(
            &["npx", "--yes", "-p", "sneaky@1.0.1", "node", "-e", "1"],
            &[],
        ),
        &[],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("customs blocked sneaky@1.0.1: verdict malicious"),
        "{}",
        text(&out)
    );
}

/// The registry settings only yarn berry and bun have go through customs: a malicious
/// release of the registry they name is refused.
#[test]
fn yarn_and_bun_registry_settings_go_through_customs() {
    let other = format!("{}/other/", server().url);
    let s = Setup::new();
    std::fs::write(
        s.project().join(".yarnrc.yml"),
        format!("npmRegistryServer: \"{other}\"\n"),
    )
    .unwrap();
    std::fs::write(s.project().join("yarn.lock"), "").unwrap();
    let out = s.run(false, &args(BERRY.add, &["sneaky@1.0.1"]), &[]);
    assert!(
        text(&out).contains("customs blocked sneaky@1.0.1"),
        "{}",
        text(&out)
    );
    let s = Setup::new();
    let out = s.run(
        false,
        &args(BERRY.add, &["sneaky@1.0.1"]),
        &[("YARN_NPM_REGISTRY_SERVER", other.clone())],
    );
    assert!(
        text(&out).contains("customs blocked sneaky@1.0.1"),
        "{}",
        text(&out)
    );

    for (file, body) in [
        (
            "bunfig.toml",
            format!("[install]\nregistry = \"{other}\"\n"),
        ),
        ("env", String::new()),
    ] {
        let s = Setup::new();
        let mut env = Vec::new();
        if file == "env" {
            env.push(("BUN_CONFIG_REGISTRY", other.clone()));
        } else {
            std::fs::write(s.project().join(file), body).unwrap();
        }
        let out = s.run(false, &args(BUN.add, &["sneaky@1.0.1"]), &env);
        assert!(!out.status.success(), "{file}: {}", text(&out));
        assert!(
            text(&out).contains("npm:sneaky 1.0.1 malicious"),
            "{file}: {}",
            text(&out)
        );
        assert!(server().count("/other/sneaky/-/sneaky-1.0.1.tgz") > 0);
    }
}

/// What customs cannot put behind its proxy stops `run` before the client starts.
#[test]
fn settings_customs_cannot_route_stop_the_run_by_name() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            ".yarnrc.yml",
            "npmScopes:\n  corp:\n    npmRegistryServer: \"http://127.0.0.1:9/\"\n",
            &["yarn4", "install"],
        ),
        (
            "bunfig.toml",
            "[install.scopes]\ncorp = \"http://127.0.0.1:9/\"\n",
            &["bun", "install"],
        ),
        ("bun.lockb", "\u{0}binary", &["bun", "install"]),
        (
            ".yarnrc",
            "\"@corp:registry\" \"http://127.0.0.1:9/\"\n",
            &["yarn", "install"],
        ),
        (
            "yarn.lock",
            "\"a@npm:1.0.0::__archiveUrl=http%3A%2F%2F127.0.0.1%3A9%2Fa.tgz\":\n  version: 1.0.0\n",
            &["yarn4", "install"],
        ),
        (
            "pnpm-workspace.yaml",
            "registry: http://127.0.0.1:9/\n",
            &["pnpm10", "install"],
        ),
    ];
    for (file, body, command) in cases {
        let s = Setup::new();
        std::fs::write(s.project().join(file), body).unwrap();
        let out = s.run(false, &args(command, &[]), &[]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("did not start") && err.contains(file),
            "{file}: {err}"
        );
    }
    for (command, flag) in [
        (&["pnpm10", "install", "--dir", "x"][..], "--dir"),
        (&["yarn", "install", "--cwd", "x"][..], "--cwd"),
        (&["bun", "install", "--cwd", "x"][..], "--cwd"),
        (&["bun", "install", "--config", "x.toml"][..], "--config"),
    ] {
        let s = Setup::new();
        let out = s.run(false, &args(command, &[]), &[]);
        assert_eq!(out.status.code(), Some(2), "{flag}: {}", text(&out));
        assert!(String::from_utf8_lossy(&out.stderr).contains(flag));
    }
}
