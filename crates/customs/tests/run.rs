//! `customs run` end to end with real pip, uv and npm against registries served on
//! loopback: every index the client would use goes through customs (or `run` refuses to
//! start, naming the setting), and lockfiles keep the upstream's URLs, so that a later
//! run without customs installs from them.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::fixtures::{
    fetch, fixture, pth_dropper, run, simple_page, sri, stderr, text, uv, wheel,
};
use common::loopback::Loopback;
use common::registry::{pypi_env_and_store, pywheel_registry};
use common::tar_gz_of;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// 2025-11-01: old enough for any cooldown.
const OLD: &str = "2025-11-01T00:00:00Z";

/// A PyPI index at `{server}/{prefix}/simple/` with `name` 1.0 (clean) and, when
/// `evil`, 1.1 whose `.pth` runs a decoded download-and-execute at start-up.
fn pypi_project(server: &Loopback, prefix: &str, name: &str, evil: bool) {
    let pth = pth_dropper();
    let module = format!("{name}/__init__.py");
    let mut files = Vec::new();
    for (version, bad) in [("1.0", false), ("1.1", true)] {
        if bad && !evil {
            continue;
        }
        let mut members: Vec<(&str, &[u8])> = vec![(&module, b"def hello():\n    return 1\n")];
        if bad {
            members.push(("startup.pth", pth.as_bytes()));
        }
        let body = wheel(name, version, &members);
        let file = format!("{name}-{version}-py3-none-any.whl");
        let path = format!("/{prefix}/files/{file}");
        server.route(&path, "application/octet-stream", body.clone());
        files.push(json!({"filename": file, "url": path, "hashes": {"sha256": hex::encode(Sha256::digest(&body))}, "upload-time": OLD}));
    }
    simple_page(server, &format!("/{prefix}/simple/{name}/"), name, files);
}

/// An npm registry at `{server}/{prefix}/` with `name` 1.0.0 (clean) and, when `evil`,
/// 1.0.1 whose postinstall is a dropper.
fn npm_project(server: &Loopback, prefix: &str, name: &str, evil: bool) {
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    for (version, bad) in [("1.0.0", false), ("1.0.1", true)] {
        if bad && !evil {
            continue;
        }
        let mut manifest = json!({"name": name, "version": version, "main": "index.js"});
        let setup = fixture("malicious-npm-postinstall-dropper/setup.js");
        let mut files: Vec<(&str, &[u8])> = vec![("index.js", b"module.exports = 1;\n")];
        if bad {
            manifest["scripts"] = json!({"postinstall": "node setup.js"});
            files.push(("setup.js", &setup));
        }
        let pj = serde_json::to_vec_pretty(&manifest).unwrap();
        files.insert(0, ("package.json", &pj));
        let tgz = tar_gz_of(&files, "package/");
        let base = name.rsplit('/').next().unwrap();
        let path = format!("/{prefix}/{name}/-/{base}-{version}.tgz");
        server.route(&path, "application/octet-stream", tgz.clone());
        let mut v = manifest.clone();
        v["dist"] = json!({"tarball": format!("{}{path}", server.url), "integrity": sri(&tgz)});
        versions.insert(version.into(), v);
        time.insert(version.into(), json!(OLD));
    }
    let latest = if evil { "1.0.1" } else { "1.0.0" };
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions, "time": time});
    let body = serde_json::to_vec(&doc).unwrap();
    server.route(
        &format!("/{prefix}/{name}"),
        "application/json",
        body.clone(),
    );
    if name.starts_with('@') {
        let escaped = name.replace('/', "%2f");
        server.route(&format!("/{prefix}/{escaped}"), "application/json", body);
    }
}

/// A test's folder: a private HOME, store, cache, and an npm user config of its own
/// (npm's defaults, whatever this machine's ~/.npmrc says).
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        std::fs::create_dir_all(dir.path().join("project")).unwrap();
        std::fs::write(dir.path().join("npmrc"), "").unwrap();
        Self { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn project(&self) -> PathBuf {
        self.path().join("project")
    }

    /// A command with only the environment a test gives it.
    fn command(&self, program: &Path, args: &[&str], env: &[(&str, String)]) -> Command {
        let mut c = Command::new(program);
        c.args(args)
            .current_dir(self.project())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path().join("home"))
            .env("NO_COLOR", "1")
            .env("PIP_CONFIG_FILE", "/dev/null")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env("UV_CACHE_DIR", self.path().join("uv-cache"))
            .env("npm_config_userconfig", self.path().join("npmrc"))
            .env("npm_config_cache", self.path().join("npm-cache"))
            .env("npm_config_audit", "false")
            .env("npm_config_fund", "false")
            .env(
                "CUSTOMS_STORE",
                self.path().join("store.sqlite3").display().to_string(),
            )
            .env(
                "CUSTOMS_CACHE_DIR",
                self.path().join("cache").display().to_string(),
            );
        for (k, v) in env {
            c.env(k, v);
        }
        c
    }

    /// `customs run -- ARGS`.
    fn run(&self, args: &[&str], env: &[(&str, String)]) -> Output {
        let mut all = vec!["run", "--"];
        all.extend_from_slice(args);
        self.command(Path::new(env!("CARGO_BIN_EXE_customs")), &all, env)
            .output()
            .unwrap()
    }

    /// The client alone, without customs.
    fn plain(&self, program: &str, args: &[&str], env: &[(&str, String)]) -> Output {
        self.command(Path::new(program), args, env)
            .output()
            .unwrap()
    }
}

fn pip_download<'a>(dest: &'a str, req: &'a str) -> Vec<&'a str> {
    vec![
        "python3",
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--no-cache-dir",
        "-d",
        dest,
        req,
    ]
}

fn assert_blocked(out: &Output, what: &str) {
    assert!(!out.status.success(), "{}", text(out));
    assert!(
        text(out).contains(&format!("customs blocked {what}")),
        "refused by customs: {}",
        text(out)
    );
}

fn assert_refused(out: &Output, setting: &str, project: &Path) {
    assert_eq!(out.status.code(), Some(2), "{}", text(out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did not start") && err.contains(setting),
        "names {setting}: {err}"
    );
    assert!(!project.join("ran").exists(), "the command did not run");
}

#[test]
fn pip_extra_indexes_from_the_environment_the_venv_and_the_command_line_go_through_customs() {
    let server = Loopback::start();
    pypi_project(&server, "main", "plainpkg", false);
    pypi_project(&server, "extra", "sneaky", true);
    let s = Setup::new();
    let main = vec![("PIP_INDEX_URL", format!("{}/main/simple/", server.url))];
    let dest = s.path().join("dl").display().to_string();

    // PIP_EXTRA_INDEX_URL: the package only the extra index has is judged and refused.
    let mut env = main.clone();
    env.push((
        "PIP_EXTRA_INDEX_URL",
        format!("{}/extra/simple/", server.url),
    ));
    let ok = s.run(&pip_download(&dest, "sneaky==1.0"), &env);
    assert!(ok.status.success(), "{}", text(&ok));
    assert_blocked(
        &s.run(&pip_download(&dest, "sneaky==1.1"), &env),
        "sneaky 1.1",
    );
    assert_eq!(
        server.count("/extra/files/sneaky-1.1-py3-none-any.whl"),
        1,
        "the proxy fetched it once to scan it; pip never did"
    );

    // --extra-index-url and --index-url on pip's command line.
    let extra = format!("{}/extra/simple/", server.url);
    let mut args = pip_download(&dest, "sneaky==1.1");
    args.extend(["--extra-index-url", &extra]);
    assert_blocked(&s.run(&args, &main), "sneaky 1.1");
    let mut args = pip_download(&dest, "sneaky==1.1");
    let flag = format!("--index-url={extra}");
    args.push(&flag);
    assert_blocked(&s.run(&args, &[]), "sneaky 1.1");

    // extra-index-url in the pip.conf of the virtual environment whose pip runs.
    let venv = s.path().join("venv");
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made));
    std::fs::write(
        venv.join("pip.conf"),
        format!(
            "[global]\nextra-index-url =\n    {}/extra/simple/\n",
            server.url
        ),
    )
    .unwrap();
    let pip = venv.join("bin/pip").display().to_string();
    let mut args = pip_download(&dest, "sneaky==1.1");
    args.splice(0..3, [pip.as_str()]);
    let mut env = main.clone();
    env.retain(|(k, _)| *k != "PIP_CONFIG_FILE");
    let mut c = s.command(
        Path::new(env!("CARGO_BIN_EXE_customs")),
        &[&["run", "--"], args.as_slice()].concat(),
        &env,
    );
    c.env_remove("PIP_CONFIG_FILE");
    let out = c.output().unwrap();
    assert_blocked(&out, "sneaky 1.1");

    // extra-index-url in the user's pip.conf ([install] section).
    let user = s.path().join("home/.config/pip");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("pip.conf"),
        format!(
            "[install]\nextra-index-url = {}/extra/simple/\n",
            server.url
        ),
    )
    .unwrap();
    let args = [
        "python3",
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-cache-dir",
        "--target",
        &dest,
        "sneaky==1.1",
    ];
    let mut c = s.command(
        Path::new(env!("CARGO_BIN_EXE_customs")),
        &[&["run", "--"], args.as_slice()].concat(),
        &main,
    );
    c.env_remove("PIP_CONFIG_FILE");
    assert_blocked(&c.output().unwrap(), "sneaky 1.1");
}

#[test]
fn links_and_indexes_customs_cannot_stand_in_for_are_refused_by_name() {
    let server = Loopback::start();
    let s = Setup::new();
    let p = s.project();
    let touch = ["sh", "-c", "echo > ran"];
    let out = s.run(&touch, &[("PIP_FIND_LINKS", "/opt/wheels".into())]);
    assert_refused(&out, "PIP_FIND_LINKS", &p);
    let out = s.run(&touch, &[("UV_FIND_LINKS", "/opt/wheels".into())]);
    assert_refused(&out, "UV_FIND_LINKS", &p);
    let out = s.run(
        &["python3", "-m", "pip", "install", "-f", "/opt/wheels", "x"],
        &[],
    );
    assert_refused(&out, "-f", &p);
    std::fs::write(
        p.join("requirements.txt"),
        format!("--extra-index-url {}/extra/simple/\nrequests\n", server.url),
    )
    .unwrap();
    let out = s.run(&["pip", "install", "-r", "requirements.txt"], &[]);
    assert_refused(&out, "--extra-index-url in", &p);
    std::fs::remove_file(p.join("requirements.txt")).unwrap();
    std::fs::write(
        p.join("uv.toml"),
        format!("[[index]]\nurl = \"{}/extra/simple\"\n", server.url),
    )
    .unwrap();
    let out = s.run(&touch, &[]);
    assert_refused(&out, "[[index]] without a name", &p);
    std::fs::write(
        p.join("uv.toml"),
        format!("extra-index-url = [\"{}/extra/simple\"]\n", server.url),
    )
    .unwrap();
    let out = s.run(&touch, &[]);
    assert_refused(&out, "extra-index-url in", &p);
    std::fs::write(
        p.join("uv.toml"),
        format!(
            "[[index]]\nname = \"w\"\nurl = \"{}/wheels/\"\nformat = \"flat\"\n",
            server.url
        ),
    )
    .unwrap();
    let out = s.run(&touch, &[]);
    assert_refused(&out, "format = \"flat\"", &p);
    std::fs::remove_file(p.join("uv.toml")).unwrap();
    let out = s.run(
        &[
            "sh",
            "-c",
            &format!(
                "pip install --index-url {}/x/simple/ y; echo > ran",
                server.url
            ),
        ],
        &[],
    );
    assert_refused(&out, "--index-url inside an argument", &p);
    for flag in ["--userconfig", "--globalconfig", "--prefix"] {
        let out = s.run(&["npm", "install", flag, "elsewhere", "x"], &[]);
        assert_refused(&out, flag, &p);
    }
    for flag in ["--config-file", "--directory", "--project"] {
        let out = s.run(&["uv", "sync", flag, "elsewhere"], &[]);
        assert_refused(&out, flag, &p);
    }
    assert!(
        server.hits.lock().unwrap().is_empty(),
        "nothing was fetched"
    );
}

#[test]
fn uv_extra_and_named_indexes_go_through_customs() {
    let uv = uv();
    assert!(uv.is_file(), "uv is installed by test.sh: {}", uv.display());
    let uv = uv.display().to_string();
    let server = Loopback::start();
    pypi_project(&server, "main", "plainpkg", false);
    pypi_project(&server, "extra", "sneaky", true);
    let s = Setup::new();
    let main = ("UV_DEFAULT_INDEX", format!("{}/main/simple", server.url));
    let extra = format!("{}/extra/simple", server.url);
    let target = s.path().join("t").display().to_string();
    let install = [
        uv.as_str(),
        "pip",
        "install",
        "--no-deps",
        "--python",
        "python3",
        "--target",
        &target,
        "sneaky==1.1",
    ];
    for var in ["UV_EXTRA_INDEX_URL", "UV_INDEX"] {
        let out = s.run(&install, &[main.clone(), (var, extra.clone())]);
        assert_blocked(&out, "sneaky 1.1");
    }
    let out = s.run(
        &install,
        &[main.clone(), ("UV_INDEX", format!("corp={extra}"))],
    );
    assert_blocked(&out, "sneaky 1.1");

    // A named index of the project's pyproject.toml.
    std::fs::write(
        s.project().join("pyproject.toml"),
        format!(
            "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.8\"\ndependencies = [\"sneaky==1.1\"]\n\n[tool.uv]\npackage = false\n\n[tool.uv.sources]\nsneaky = {{ index = \"corp\" }}\n\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"{extra}\"\nexplicit = true\n"
        ),
    )
    .unwrap();
    let out = s.run(&[uv.as_str(), "sync", "--python", "python3"], &[main]);
    assert_blocked(&out, "sneaky 1.1");
}

#[test]
fn npm_scoped_registries_and_the_registry_flag_go_through_customs() {
    let server = Loopback::start();
    npm_project(&server, "reg", "leftish", false);
    npm_project(&server, "corp", "@corp/sneaky", true);
    npm_project(&server, "corp2", "@corp2/sneaky", true);
    npm_project(&server, "other", "sneaky", true);
    let s = Setup::new();
    let p = s.project();
    std::fs::write(
        p.join("package.json"),
        "{\"name\": \"app\", \"version\": \"1.0.0\"}",
    )
    .unwrap();
    let env = [("npm_config_registry", format!("{}/reg/", server.url))];
    std::fs::write(
        p.join(".npmrc"),
        format!("@corp:registry={}/corp/\n", server.url),
    )
    .unwrap();
    let out = s.run(
        &["npm", "install", "--ignore-scripts", "@corp/sneaky@1.0.1"],
        &env,
    );
    assert_blocked(&out, "@corp/sneaky@1.0.1");
    assert!(!p.join("node_modules/@corp/sneaky").exists());
    let out = s.run(
        &["npm", "install", "--ignore-scripts", "@corp/sneaky@1.0.0"],
        &env,
    );
    assert!(out.status.success(), "{}", text(&out));
    let lock: Value =
        serde_json::from_slice(&std::fs::read(p.join("package-lock.json")).unwrap()).unwrap();
    assert_eq!(
        lock["packages"]["node_modules/@corp/sneaky"]["resolved"],
        json!(format!(
            "{}/corp/@corp/sneaky/-/sneaky-1.0.0.tgz",
            server.url
        )),
        "the scope's upstream URL"
    );

    // A scope of the user's npmrc.
    std::fs::write(
        s.path().join("npmrc"),
        format!("@corp2:registry={}/corp2/\n", server.url),
    )
    .unwrap();
    let out = s.run(
        &["npm", "install", "--ignore-scripts", "@corp2/sneaky@1.0.1"],
        &env,
    );
    assert_blocked(&out, "@corp2/sneaky@1.0.1");
    std::fs::write(s.path().join("npmrc"), "").unwrap();

    let other = format!("{}/other/", server.url);
    let out = s.run(
        &[
            "npm",
            "install",
            "--ignore-scripts",
            "sneaky@1.0.1",
            "--registry",
            &other,
        ],
        &env,
    );
    assert_blocked(&out, "sneaky@1.0.1");
    assert_eq!(
        server.count("/other/sneaky/-/sneaky-1.0.1.tgz"),
        1,
        "fetched once, by customs"
    );
}

#[test]
fn npm_lockfiles_keep_the_upstream_and_npm_ci_works_without_customs() {
    let server = Loopback::start();
    npm_project(&server, "reg", "leftish", false);
    npm_project(&server, "reg", "sneaky", true);
    let s = Setup::new();
    let p = s.project();
    std::fs::write(
        p.join("package.json"),
        "{\"name\": \"app\", \"version\": \"1.0.0\"}",
    )
    .unwrap();
    let env = [("npm_config_registry", format!("{}/reg/", server.url))];
    let out = s.run(
        &["npm", "install", "--ignore-scripts", "leftish@1.0.0"],
        &env,
    );
    assert!(out.status.success(), "{}", text(&out));
    let lock: Value =
        serde_json::from_slice(&std::fs::read(p.join("package-lock.json")).unwrap()).unwrap();
    assert_eq!(
        lock["packages"]["node_modules/leftish"]["resolved"],
        json!(format!("{}/reg/leftish/-/leftish-1.0.0.tgz", server.url)),
        "the upstream's URL, not the proxy's"
    );
    let hidden = std::fs::read_to_string(p.join("node_modules/.package-lock.json")).unwrap();
    assert!(
        hidden.contains(&format!("{}/reg/leftish/-/", server.url)),
        "{hidden}"
    );

    // A second install without customs, from the lockfile.
    std::fs::remove_dir_all(p.join("node_modules")).unwrap();
    let ci = s.plain("npm", &["ci", "--ignore-scripts"], &env);
    assert!(ci.status.success(), "{}", text(&ci));
    assert!(p.join("node_modules/leftish/index.js").is_file());

    // `customs run -- npm ci` reads a lockfile naming the upstream through the proxy: a
    // locked malicious release is refused.
    let mut lock = lock;
    let doc: Value = serde_json::from_slice(&fetch(&server, "/reg/sneaky")).unwrap();
    lock["packages"]["node_modules/sneaky"] = json!({
        "version": "1.0.1",
        "resolved": doc["versions"]["1.0.1"]["dist"]["tarball"],
        "integrity": doc["versions"]["1.0.1"]["dist"]["integrity"],
    });
    lock["packages"][""]["dependencies"]["sneaky"] = json!("1.0.1");
    std::fs::write(
        p.join("package-lock.json"),
        serde_json::to_vec_pretty(&lock).unwrap(),
    )
    .unwrap();
    std::fs::write(
        p.join("package.json"),
        "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"leftish\": \"^1.0.0\", \"sneaky\": \"1.0.1\"}}",
    )
    .unwrap();
    let out = s.run(&["npm", "ci", "--ignore-scripts"], &env);
    assert_blocked(&out, "sneaky@1.0.1");
}

#[test]
fn uv_lockfiles_keep_the_upstream_and_uv_sync_works_without_customs() {
    let uv = uv();
    assert!(uv.is_file(), "uv is installed by test.sh: {}", uv.display());
    let uv = uv.display().to_string();
    let server = Loopback::start();
    pypi_project(&server, "main", "plainpkg", false);
    let s = Setup::new();
    let p = s.project();
    std::fs::write(
        p.join("pyproject.toml"),
        "[project]\nname = \"app\"\nversion = \"0.1\"\nrequires-python = \">=3.8\"\ndependencies = [\"plainpkg\"]\n\n[tool.uv]\npackage = false\n",
    )
    .unwrap();
    let env = [("UV_DEFAULT_INDEX", format!("{}/main/simple", server.url))];
    let out = s.run(&[uv.as_str(), "sync", "--python", "python3"], &env);
    assert!(out.status.success(), "{}", text(&out));
    let lock = std::fs::read_to_string(p.join("uv.lock")).unwrap();
    assert!(
        lock.contains(&format!("registry = \"{}/main/simple\"", server.url)),
        "{lock}"
    );
    assert!(
        lock.contains(&format!(
            "url = \"{}/main/files/plainpkg-1.0-py3-none-any.whl\"",
            server.url
        )),
        "{lock}"
    );
    assert!(
        !lock.contains("/pypi/"),
        "no address of the proxy is left: {lock}"
    );

    // A second sync without customs, from the lockfile as it is.
    std::fs::remove_dir_all(p.join(".venv")).unwrap();
    let again = s.plain(&uv, &["sync", "--locked", "--python", "python3"], &env);
    assert!(again.status.success(), "{}", text(&again));
    assert!(p.join(".venv").is_dir());
    // pip writes no lockfile; a file the run did not change is left alone.
    let before = std::fs::read(p.join("uv.lock")).unwrap();
    let out = s.run(&["python3", "-c", "print(1)"], &env);
    assert!(out.status.success());
    assert_eq!(std::fs::read(p.join("uv.lock")).unwrap(), before);
}

#[test]
fn a_proxy_address_that_cannot_be_mapped_back_is_reported() {
    let server = Loopback::start();
    pypi_project(&server, "main", "plainpkg", false);
    let s = Setup::new();
    let env = [("PIP_INDEX_URL", format!("{}/main/simple/", server.url))];
    let write = "echo \"url = ${PIP_INDEX_URL%/pypi/simple/}/pypi/files/gone/gone-1.0-py3-none-any.whl\" > uv.lock";
    let out = s.run(&["sh", "-c", write], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("uv.lock still names customs' temporary address"),
        "{err}"
    );
    // A file the run wrote with a known file gets the upstream's URL.
    let write = "echo \"url = ${PIP_INDEX_URL%/pypi/simple/}/pypi/files/plainpkg/plainpkg-1.0-py3-none-any.whl\" > pylock.toml";
    let out = s.run(&["sh", "-c", write], &env);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(s.project().join("pylock.toml")).unwrap(),
        format!(
            "url = {}/main/files/plainpkg-1.0-py3-none-any.whl\n",
            server.url
        )
    );
}

#[test]
fn customs_run_points_pip_at_its_proxy() {
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = pypi_env_and_store(&server, dir.path());
    let dest = dir.path().join("dl");
    let pip = |req: &str| {
        run(
            dir.path(),
            &[
                "run",
                "--",
                "python3",
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "-d",
                dest.to_str().unwrap(),
                req,
            ],
            &env,
        )
    };
    let ok = pip("pywheel==1.0");
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(dest.join("pywheel-1.0-py3-none-any.whl").is_file());
    let blocked = pip("pywheel==1.1");
    assert_ne!(
        blocked.status.code(),
        Some(0),
        "pip's own exit code comes back"
    );
    assert!(stderr(&blocked).contains("customs blocked pywheel 1.1"));
    assert!(
        server.count("/simple/pywheel/") >= 2,
        "the proxy asked the configured upstream"
    );
}
