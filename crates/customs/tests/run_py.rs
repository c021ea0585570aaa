//! `customs run` with every Python installer, the real client each time (pip, uv, poetry,
//! pdm, pipx; test.sh and scripts/clients-py.sh install them under target/), against one
//! PyPI index served on loopback: a clean release installs, a malicious one is refused in
//! the client's own output, a too-young one is skipped where the client resolves and
//! refused where a lockfile pins it, the lockfile keeps the user's index, and a setting
//! of the client that would reach around the proxy either goes through it or stops the
//! run by name.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::fixtures::{pth_dropper, simple_page, text};
use common::loopback::Loopback;
use common::proxy::Proxy;
use common::root;
use serde_json::json;
use sha2::{Digest, Sha256};

/// 2025-11-01: old enough for any cooldown.
const OLD: &str = "2025-11-01T00:00:00Z";

/// A client installed by the test script: `target/tools/bin/uv`, `target/clients/NAME/bin/NAME`.
fn client(name: &str) -> String {
    let path = if name == "uv" || name == "uvx" {
        std::env::var_os("CUSTOMS_TEST_UV")
            .map(PathBuf::from)
            .map(|p| p.with_file_name(name))
            .unwrap_or_else(|| root().join("target/tools/bin").join(name))
    } else {
        root()
            .join("target/clients")
            .join(name)
            .join("bin")
            .join(name)
    };
    assert!(
        path.is_file(),
        "{name} is installed by test.sh (scripts/clients-py.sh): {}",
        path.display()
    );
    path.display().to_string()
}

/// A wheel with a console script and a consistent RECORD; `pth` adds a start-up file.
fn wheel(name: &str, version: &str, pth: Option<&str>) -> Vec<u8> {
    let module = format!("{name}/__init__.py");
    let code = format!("def hello():\n    print('hello from {name} {version}')\n");
    let start = format!("{name}_start.pth");
    let entry_points = format!("{name}-{version}.dist-info/entry_points.txt");
    let scripts = format!("[console_scripts]\n{name} = {name}:hello\n");
    let mut files: Vec<(&str, &[u8])> = vec![(&module, code.as_bytes())];
    if let Some(pth) = pth {
        files.push((&start, pth.as_bytes()));
    }
    files.push((&entry_points, scripts.as_bytes()));
    common::fixtures::wheel(name, version, &files)
}

/// A release of a fixture project: version, whether it is malicious, upload time.
type Release<'a> = (&'a str, bool, &'a str);

/// The one index of this file, at `{url}/idx/simple/`: `plainpkg` 1.0; `oldie` 1.0 (for
/// the pip test alone); `sneaky` 1.0 and
/// 1.1, whose `.pth` runs a decoded download-and-execute at start-up; `fresh` 1.0 and
/// 1.1, published an hour ago.
fn index() -> &'static Loopback {
    static SERVER: OnceLock<Loopback> = OnceLock::new();
    SERVER.get_or_init(|| {
        let server = Loopback::start();
        let pth = pth_dropper();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let young = customs_registry::format_rfc3339(i64::try_from(now).unwrap() - 3600);
        let projects: [(&str, &[Release]); 4] = [
            ("plainpkg", &[("1.0", false, OLD)]),
            ("oldie", &[("1.0", false, OLD)]),
            ("sneaky", &[("1.0", false, OLD), ("1.1", true, OLD)]),
            ("fresh", &[("1.0", false, OLD), ("1.1", false, &young)]),
        ];
        for (name, releases) in projects {
            let mut files = Vec::new();
            for (version, bad, at) in releases {
                let body = wheel(name, version, bad.then_some(pth.as_str()));
                let file = format!("{name}-{version}-py3-none-any.whl");
                let path = format!("/idx/files/{file}");
                server.route(&path, "application/octet-stream", body.clone());
                files.push(json!({"filename": file, "url": path,
                    "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": at}));
            }
            simple_page(&server, &format!("/idx/simple/{name}/"), name, files);
        }
        server
    })
}

/// The digest the index gives for a release's wheel.
fn sha256_of(name: &str, version: &str) -> String {
    let page: serde_json::Value = serde_json::from_slice(&common::fixtures::fetch(
        index(),
        &format!("/idx/simple/{name}/"),
    ))
    .unwrap();
    let file = format!("{name}-{version}-py3-none-any.whl");
    page["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["filename"] == file.as_str())
        .unwrap()["hashes"]["sha256"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn simple() -> String {
    format!("{}/idx/simple/", index().url)
}

/// A test's folder: a private HOME, store, caches and client homes.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        std::fs::create_dir_all(dir.path().join("project")).unwrap();
        Self { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn project(&self) -> PathBuf {
        self.path().join("project")
    }

    fn write(&self, file: &str, content: &str) {
        std::fs::write(self.project().join(file), content).unwrap();
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.project().join(file)).unwrap()
    }

    /// A command with only the environment a test gives it: the machine's own pip and
    /// client settings (PIP_FIND_LINKS among them) never reach a test.
    fn command(&self, program: &str, args: &[&str], env: &[(&str, String)]) -> Command {
        let p = self.path();
        let mut c = Command::new(program);
        c.args(args)
            .current_dir(self.project())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", p.join("home"))
            .env("NO_COLOR", "1")
            .env("PIP_CONFIG_FILE", "/dev/null")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env("PIP_INDEX_URL", simple())
            .env("UV_CACHE_DIR", p.join("uv-cache"))
            .env("UV_TOOL_DIR", p.join("uv-tools"))
            .env("UV_TOOL_BIN_DIR", p.join("bin"))
            .env("UV_PYTHON_DOWNLOADS", "never")
            .env("POETRY_CACHE_DIR", p.join("poetry-cache"))
            .env("POETRY_CONFIG_DIR", p.join("poetry-config"))
            .env("POETRY_VIRTUALENVS_IN_PROJECT", "true")
            .env("POETRY_KEYRING_ENABLED", "false")
            .env("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
            .env("PDM_CONFIG_FILE", p.join("pdm-config.toml"))
            .env("PDM_CACHE_DIR", p.join("pdm-cache"))
            .env("PDM_CHECK_UPDATE", "false")
            .env("PDM_PYTHON", "python3")
            .env("PIPX_HOME", p.join("pipx"))
            .env("PIPX_BIN_DIR", p.join("bin"))
            .env("PIPX_MAN_DIR", p.join("man"))
            .env("PIPX_DEFAULT_PYTHON", "python3")
            // pipx would upgrade its own pip from the index, which has none here.
            .env("PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE", "1")
            .env("CUSTOMS_STORE", p.join("store.sqlite3"))
            .env("CUSTOMS_CACHE_DIR", p.join("cache"));
        for (k, v) in env {
            c.env(k, v);
        }
        c
    }

    /// `customs run --min-release-age 7d -- ARGS`.
    fn run(&self, args: &[&str], env: &[(&str, String)]) -> Output {
        let mut all = vec!["run", "--min-release-age", "7d", "--"];
        all.extend_from_slice(args);
        self.command(env!("CARGO_BIN_EXE_customs"), &all, env)
            .output()
            .unwrap()
    }

    /// The client alone, without customs.
    fn plain(&self, program: &str, args: &[&str]) -> Output {
        self.command(program, args, &[]).output().unwrap()
    }
}

fn assert_ok(out: &Output) {
    assert!(out.status.success(), "{}", text(out));
}

/// Refused by the proxy, and the client's own output says so and why.
fn assert_blocked(out: &Output, what: &str, why: &str) {
    assert!(!out.status.success(), "{}", text(out));
    // Clients wrap long lines to the terminal's width (pdm).
    let t = text(out).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        t.contains(&format!("customs blocked {what}")) && t.contains(why),
        "refused by customs ({why}): {t}"
    );
}

fn assert_refused(out: &Output, setting: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", text(out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did not start") && err.contains(setting),
        "names {setting}: {err}"
    );
}

/// Records `name` `version` as known malicious (an OSV `MAL-` record) in the test's store.
fn record_malicious(s: &Setup, name: &str, version: &str) {
    let osv = s.path().join("MAL-2099-7.json");
    std::fs::write(
        &osv,
        json!({"id": "MAL-2099-7", "summary": "hijacked",
               "affected": [{"package": {"ecosystem": "PyPI", "name": name}, "versions": [version]}]})
        .to_string(),
    )
    .unwrap();
    let out = s
        .command(
            env!("CARGO_BIN_EXE_customs"),
            &["db", "import", osv.to_str().unwrap()],
            &[],
        )
        .output()
        .unwrap();
    assert_ok(&out);
}

#[test]
fn pip_installs_downloads_skips_the_young_and_refuses_the_malicious() {
    let s = Setup::new();
    let t = s.path().join("t").display().to_string();
    let d = s.path().join("d").display().to_string();
    let pip = |cmd: &str, to: &str, req: &str| -> Output {
        let flag = if cmd == "install" { "--target" } else { "-d" };
        s.run(
            &["python3", "-m", "pip", cmd, "--no-cache-dir", flag, to, req],
            &[],
        )
    };
    assert_ok(&pip("install", &t, "plainpkg"));
    assert!(Path::new(&t).join("plainpkg/__init__.py").is_file());
    // The young 1.1 is held back: pip takes 1.0.
    let out = pip("install", &t, "fresh");
    assert_ok(&out);
    assert!(
        Path::new(&t).join("fresh-1.0.dist-info").is_dir(),
        "{}",
        text(&out)
    );
    assert!(!Path::new(&t).join("fresh-1.1.dist-info").exists());
    assert_blocked(
        &pip("install", &t, "sneaky==1.1"),
        "sneaky 1.1",
        "malicious",
    );
    assert_ok(&pip("download", &d, "sneaky==1.0"));
    assert!(Path::new(&d).join("sneaky-1.0-py3-none-any.whl").is_file());
    assert_blocked(
        &pip("download", &d, "sneaky==1.1"),
        "sneaky 1.1",
        "malicious",
    );
    // Pinned, the young release is refused with the reason.
    assert_blocked(
        &pip("download", &d, "fresh==1.1"),
        "fresh 1.1",
        "younger than",
    );
    assert!(!Path::new(&d).join("sneaky-1.1-py3-none-any.whl").exists());
    // A release the store knows as malicious is refused before any download.
    record_malicious(&s, "oldie", "1.0");
    assert_blocked(
        &pip("download", &d, "oldie==1.0"),
        "oldie 1.0",
        "MAL-2099-7",
    );
    assert_eq!(
        index().count("/idx/files/oldie-1.0-py3-none-any.whl"),
        0,
        "never fetched"
    );
}

/// `customs audit` of the project: the packages it found in the lockfile, with versions.
fn audited(s: &Setup, lockfile: &str) -> Vec<(String, String)> {
    let out = s
        .command(
            env!("CARGO_BIN_EXE_customs"),
            &["audit", "--format", "json", lockfile],
            &[],
        )
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out)));
    let mut found: Vec<(String, String)> = report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["version"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

fn poetry_project(s: &Setup, deps: &str) -> String {
    let pyproject = format!(
        "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.9\"\ndependencies = [{deps}]\n\n[tool.poetry]\npackage-mode = false\n\n[[tool.poetry.source]]\nname = \"corp\"\nurl = \"{}\"\npriority = \"primary\"\n",
        simple()
    );
    s.write("pyproject.toml", &pyproject);
    pyproject
}

#[test]
fn poetry_with_a_primary_source_goes_through_customs_and_its_lockfile_keeps_the_source() {
    let poetry = client("poetry");
    let s = Setup::new();
    let pyproject = poetry_project(&s, "\"plainpkg\", \"fresh\"");
    let out = s.run(&[&poetry, "install", "--no-interaction"], &[]);
    assert_ok(&out);
    assert_eq!(s.read("pyproject.toml"), pyproject, "restored as it was");
    let lock = s.read("poetry.lock");
    assert!(
        lock.contains(&format!("url = \"{}\"", simple().trim_end_matches('/'))),
        "{lock}"
    );
    assert!(
        !lock.contains("/pypi/simple"),
        "no address of the proxy is left: {lock}"
    );
    // The young fresh 1.1 was skipped for 1.0.
    assert!(
        lock.contains("name = \"fresh\"\nversion = \"1.0\""),
        "{lock}"
    );
    // The lockfile is current for the project as it is: poetry itself says so, offline.
    assert_ok(&s.plain(&poetry, &["check", "--lock", "--no-interaction"]));
    // `customs audit` reads the lockfile poetry writes today.
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        audited(&s, "poetry.lock"),
        pairs(&[("fresh", "1.0"), ("plainpkg", "1.0")])
    );

    // A malicious release: refused in poetry's own output, and nothing was written.
    // A repository of poetry's configuration by the same name only gives credentials and
    // publishing targets: the install still goes through customs.
    let out = s.run(
        &[&poetry, "add", "--no-interaction", "sneaky==1.1"],
        &[("POETRY_REPOSITORIES_CORP_URL", simple())],
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
    assert_eq!(s.read("pyproject.toml"), pyproject);
    // Locked to the young release, the install is refused with the reason.
    let locked = lock
        .replace(
            "name = \"fresh\"\nversion = \"1.0\"",
            "name = \"fresh\"\nversion = \"1.1\"",
        )
        .replace("fresh-1.0-py3-none-any.whl", "fresh-1.1-py3-none-any.whl")
        .replace(&sha256_of("fresh", "1.0"), &sha256_of("fresh", "1.1"));
    s.write("poetry.lock", &locked);
    std::fs::remove_dir_all(s.project().join(".venv")).unwrap();
    let out = s.run(&[&poetry, "install", "--no-interaction"], &[]);
    assert_blocked(&out, "fresh 1.1", "younger than");
    // A release the store knows as malicious, refused in poetry's output.
    record_malicious(&s, "sneaky", "1.0");
    let out = s.run(&[&poetry, "add", "--no-interaction", "sneaky==1.0"], &[]);
    assert_blocked(&out, "sneaky 1.0", "MAL-2099-7");
}

fn pdm_project(s: &Setup, deps: &str) -> String {
    let pyproject = format!(
        "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.9\"\ndependencies = [{deps}]\n\n[tool.pdm]\ndistribution = false\n\n[[tool.pdm.source]]\nname = \"corp\"\nurl = \"{}\"\n",
        simple()
    );
    s.write("pyproject.toml", &pyproject);
    pyproject
}

#[test]
fn pdm_sources_and_its_default_index_go_through_customs() {
    let pdm = client("pdm");
    let s = Setup::new();
    let pyproject = pdm_project(&s, "\"plainpkg\", \"fresh\"");
    // pdm's own default index, as the user set it: customs stands in for it too.
    let default = [("PDM_PYPI_URL", simple())];
    let out = s.run(&[&pdm, "install", "--no-self"], &default);
    assert_ok(&out);
    assert_eq!(s.read("pyproject.toml"), pyproject, "restored as it was");
    let lock = s.read("pdm.lock");
    assert!(
        !lock.contains("/pypi/simple"),
        "no address of the proxy is left: {lock}"
    );
    assert!(
        lock.contains("name = \"fresh\"\nversion = \"1.0\""),
        "the young 1.1 was skipped: {lock}"
    );
    // pdm itself finds the lockfile current for the project as it is, offline.
    let check = s.plain(&pdm, &["lock", "--check"]);
    assert_ok(&check);
    // `customs audit` reads the lockfile pdm writes today.
    let want: Vec<(String, String)> = [("fresh", "1.0"), ("plainpkg", "1.0")]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(audited(&s, "pdm.lock"), want);

    let out = s.run(&[&pdm, "add", "--no-self", "sneaky==1.1"], &default);
    assert_blocked(&out, "sneaky 1.1", "malicious");
    assert_eq!(s.read("pyproject.toml"), pyproject);
    let locked = lock
        .replace(
            "name = \"fresh\"\nversion = \"1.0\"",
            "name = \"fresh\"\nversion = \"1.1\"",
        )
        .replace("fresh-1.0-py3-none-any.whl", "fresh-1.1-py3-none-any.whl")
        .replace(&sha256_of("fresh", "1.0"), &sha256_of("fresh", "1.1"));
    s.write("pdm.lock", &locked);
    std::fs::remove_dir_all(s.project().join(".venv")).unwrap();
    let out = s.run(&[&pdm, "sync", "--no-self"], &default);
    assert_blocked(&out, "fresh 1.1", "younger than");
}

#[test]
fn uv_pip_tool_install_and_uvx_go_through_customs() {
    let (uv, uvx) = (client("uv"), client("uvx"));
    let s = Setup::new();
    let t = s.path().join("t").display().to_string();
    let env = [("UV_DEFAULT_INDEX", simple())];
    let pip = |req: &str| -> Output {
        s.run(
            &[
                &uv, "pip", "install", "--python", "python3", "--target", &t, req,
            ],
            &env,
        )
    };
    assert_ok(&pip("fresh"));
    assert!(
        Path::new(&t).join("fresh-1.0.dist-info").is_dir(),
        "the young 1.1 is skipped"
    );
    assert_blocked(&pip("sneaky==1.1"), "sneaky 1.1", "malicious");

    // uv tool install, with the index on the command line and an empty default one: the
    // young release is skipped, the malicious one refused.
    let empty = [("PIP_INDEX_URL", format!("{}/empty/simple/", index().url))];
    let idx = simple();
    let out = s.run(
        &[
            &uv, "tool", "install", "--python", "python3", "--index", &idx, "fresh",
        ],
        &empty,
    );
    assert_ok(&out);
    let ran = Command::new(s.path().join("bin/fresh")).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "hello from fresh 1.0\n"
    );
    let receipt_path = s.path().join("uv-tools/fresh/uv-receipt.toml");
    let receipt = std::fs::read_to_string(&receipt_path).unwrap();
    assert!(
        !receipt.contains("/pypi/simple"),
        "no address of the proxy is left: {receipt}"
    );
    assert!(
        receipt.contains(&format!("\"{idx}\"")),
        "the user's index: {receipt}"
    );
    // `uv tool upgrade` reads the receipt's index again: through customs, where the
    // young 1.1 is still held back (uv alone would fetch it from the index).
    let out = s.run(&[&uv, "tool", "upgrade", "fresh"], &empty);
    assert_ok(&out);
    let ran = Command::new(s.path().join("bin/fresh")).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "hello from fresh 1.0\n",
        "{}",
        text(&out)
    );
    let receipt = std::fs::read_to_string(&receipt_path).unwrap();
    assert!(
        !receipt.contains("/pypi/simple") && receipt.contains(&idx),
        "{receipt}"
    );
    let out = s.run(
        &[&uv, "tool", "install", "--python", "python3", "sneaky==1.1"],
        &env,
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
    // An index on the command line goes through customs too.
    let out = s.run(
        &[
            &uv,
            "tool",
            "install",
            "--python",
            "python3",
            "--index",
            &simple(),
            "sneaky==1.1",
        ],
        &[],
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");

    // uvx runs the clean release, and refuses the malicious one.
    let out = s.run(&[&uvx, "--python", "python3", "sneaky@1.0"], &env);
    assert_ok(&out);
    assert!(
        text(&out).contains("hello from sneaky 1.0"),
        "{}",
        text(&out)
    );
    let out = s.run(
        &[
            &uvx,
            "--python",
            "python3",
            "--from",
            "sneaky==1.1",
            "sneaky",
        ],
        &env,
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
}

#[test]
fn pipx_installs_through_customs_and_what_it_stores_names_the_users_index() {
    let pipx = client("pipx");
    let s = Setup::new();
    // The default index is empty: what pipx installs comes from the one on its command line.
    let empty = [("PIP_INDEX_URL", format!("{}/empty/simple/", index().url))];
    let idx = simple();
    let out = s.run(&[&pipx, "install", "--index-url", &idx, "fresh"], &empty);
    assert_ok(&out);
    let ran = Command::new(s.path().join("bin/fresh")).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "hello from fresh 1.0\n",
        "the young 1.1 is skipped"
    );
    let meta_path = s.path().join("pipx/venvs/fresh/pipx_metadata.json");
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    assert!(
        !meta.contains("/pypi/simple") && meta.contains(&idx),
        "the user's index: {meta}"
    );
    // `pipx upgrade` reads the stored index again: through customs.
    let out = s.run(&[&pipx, "upgrade", "fresh"], &empty);
    assert_ok(&out);
    let ran = Command::new(s.path().join("bin/fresh")).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "hello from fresh 1.0\n",
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read_to_string(&meta_path).unwrap(), meta);

    let out = s.run(
        &[&pipx, "install", "-f", "--index-url", &idx, "sneaky==1.1"],
        &empty,
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
    assert!(!s.path().join("bin/sneaky").exists());
    // PIP_* settings reach the pip that pipx runs: they go through customs too.
    let out = s.run(
        &[&pipx, "run", "--spec", "sneaky==1.1", "sneaky"],
        &[("PIP_INDEX_URL", idx.clone())],
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
    let out = s.run(
        &[&pipx, "install", "sneaky==1.1"],
        &[empty[0].clone(), ("PIP_EXTRA_INDEX_URL", idx.clone())],
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
    // An index inside --pip-args is not one customs can stand in for.
    let out = s.run(
        &[
            &pipx,
            "install",
            &format!("--pip-args=--extra-index-url={idx}"),
            "sneaky==1.1",
        ],
        &empty,
    );
    assert_refused(&out, "--pip-args");
}

#[test]
fn poetry_and_pdm_settings_customs_cannot_stand_in_for_stop_the_run_by_name() {
    let s = Setup::new();
    // No primary source: poetry reads PyPI at an address of its own.
    s.write(
        "pyproject.toml",
        &format!(
            "[project]\nname = \"app\"\nversion = \"0.1\"\n\n[[tool.poetry.source]]\nname = \"corp\"\nurl = \"{}\"\npriority = \"supplemental\"\n",
            simple()
        ),
    );
    assert_refused(
        &s.run(&["poetry", "install"], &[]),
        "poetry's built-in PyPI source",
    );
    poetry_project(&s, "");
    assert_refused(
        &s.run(&["poetry", "-C", "../elsewhere", "install"], &[]),
        "-C",
    );
    // pdm: links, and an index stored in pdm's configuration.
    s.write(
        "pyproject.toml",
        "[project]\nname = \"app\"\nversion = \"0.1\"\n\n[[tool.pdm.source]]\nname = \"w\"\nurl = \"/opt/wheels\"\ntype = \"find_links\"\n",
    );
    assert_refused(&s.run(&["pdm", "install"], &[]), "source \"w\"");
    pdm_project(&s, "");
    std::fs::write(
        s.path().join("pdm-config.toml"),
        format!("[pypi.extra]\nurl = \"{}\"\n", simple()),
    )
    .unwrap();
    assert_refused(&s.run(&["pdm", "install"], &[]), "pypi.extra.url in");
}

#[test]
fn an_interrupted_run_still_puts_pyproject_back() {
    let s = Setup::new();
    let pyproject = poetry_project(&s, "");
    // A stand-in for poetry that shows the file it was given, then takes its time.
    let bin = s.path().join("fake");
    std::fs::create_dir_all(&bin).unwrap();
    let script = bin.join("poetry");
    std::fs::write(&script, "#!/bin/sh\ncp pyproject.toml seen.toml\nsleep 2\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let program = script.display().to_string();
    let mut child = s
        .command(
            env!("CARGO_BIN_EXE_customs"),
            &["run", "--", &program, "install"],
            &[],
        )
        .spawn()
        .unwrap();
    let seen = s.project().join("seen.toml");
    let started = std::time::Instant::now();
    while !seen.exists() && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let during = std::fs::read_to_string(&seen).unwrap();
    assert!(
        during.contains("/pypi/simple") && !during.contains("/idx/"),
        "{during}"
    );
    // Ctrl-C as a terminal sends it to customs (the client gets its own): the proxies stop,
    // customs waits for the client and puts the file back.
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    child.wait().unwrap();
    assert_eq!(s.read("pyproject.toml"), pyproject);
}

#[test]
fn a_standing_proxy_serves_poetry_pdm_pipx_and_uvx() {
    let (poetry, pdm, pipx, uvx) = (
        client("poetry"),
        client("pdm"),
        client("pipx"),
        client("uvx"),
    );
    let s = Setup::new();
    // The store and cache of this test's `customs run` (Setup::command).
    let env = [
        (
            "CUSTOMS_STORE",
            s.path().join("store.sqlite3").display().to_string(),
        ),
        (
            "CUSTOMS_CACHE_DIR",
            s.path().join("cache").display().to_string(),
        ),
    ];
    let proxy = Proxy::start(
        s.path(),
        &["--min-release-age", "7d", "--pypi-upstream", &simple()],
        &env,
    );
    let url = format!("{}/pypi/simple/", proxy.url);

    // poetry: the proxy as the primary source.
    let pyproject = format!(
        "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.9\"\ndependencies = []\n\n[tool.poetry]\npackage-mode = false\n\n[[tool.poetry.source]]\nname = \"customs\"\nurl = \"{url}\"\npriority = \"primary\"\n"
    );
    s.write("pyproject.toml", &pyproject);
    let out = s.plain(&poetry, &["add", "--no-interaction", "sneaky==1.1"]);
    assert_blocked(&out, "sneaky 1.1", "malicious");
    let out = s.plain(&poetry, &["add", "--no-interaction", "fresh"]);
    assert_ok(&out);
    assert!(
        s.read("poetry.lock")
            .contains("name = \"fresh\"\nversion = \"1.0\"")
    );
    std::fs::remove_file(s.project().join("poetry.lock")).unwrap();

    // pdm: the proxy as its default index.
    s.write(
        "pyproject.toml",
        "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.9\"\ndependencies = []\n\n[tool.pdm]\ndistribution = false\n",
    );
    let out = s
        .command(
            &pdm,
            &["add", "--no-self", "sneaky==1.1"],
            &[("PDM_PYPI_URL", url.clone())],
        )
        .output()
        .unwrap();
    assert_blocked(&out, "sneaky 1.1", "malicious");
    std::fs::remove_file(s.project().join("pyproject.toml")).unwrap();

    // pipx and uvx: the proxy as the index.
    let out = s.plain(&pipx, &["install", "--index-url", &url, "sneaky==1.1"]);
    assert_blocked(&out, "sneaky 1.1", "malicious");
    let out = s.plain(
        &uvx,
        &["--python", "python3", "--default-index", &url, "sneaky@1.1"],
    );
    assert_blocked(&out, "sneaky 1.1", "malicious");
}
