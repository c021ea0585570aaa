//! customs installed the way its users install their tools, from artifacts built here by
//! dist/build.sh, each with the real client into a temporary prefix: the wheel with pip,
//! `uv tool install`, `uvx` and pipx; the npm packages with `npm i -g` and `npx`; the
//! pre-commit hook with pre-commit. Each installed `customs` prints its version and scans
//! examples/ exactly as the binary under test does. The GitHub Action and the release
//! workflow cannot run here: their YAML is parsed and their promises checked.
//!
//! The packages carry the DEBUG binary this test suite already built (`--profile dev`): a
//! release build takes 16+ minutes on two cores. BENCHMARKS.md has the sizes and install
//! times of a real release build. No network: pip and uv are told `--no-index`/`--offline`,
//! npm is given a registry on a closed loopback port.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::root;

/// A client the test scripts install: uv under target/tools (test.sh), the others in
/// virtual environments under target/clients (scripts/clients-py.sh).
fn tool(name: &str) -> PathBuf {
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
    path
}

fn text(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed:\n{}", text(&out));
    out
}

/// The cargo target folder this test binary was built in.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_customs"))
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .to_owned()
}

/// What dist/build.sh built, once for every test of this file.
struct Packages {
    wheel: PathBuf,
    launcher: PathBuf,
    platform: PathBuf,
}

fn packages() -> &'static Packages {
    static BUILT: OnceLock<Packages> = OnceLock::new();
    BUILT.get_or_init(|| {
        // test.sh builds them before any test runs (building links the binary again,
        // which must not happen while other tests run it); run alone, this test builds
        // them itself.
        let out = match std::env::var_os("CUSTOMS_TEST_DIST") {
            Some(dir) => PathBuf::from(dir),
            None => build_packages(),
        };
        let one = |dir: &str, prefix: &str| {
            let found: Vec<PathBuf> = std::fs::read_dir(out.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
                .collect();
            assert_eq!(found.len(), 1, "{dir}/{prefix}*: {found:?}");
            found.into_iter().next().unwrap()
        };
        let version = env!("CARGO_PKG_VERSION");
        Packages {
            wheel: one("wheels", &format!("customs-{version}-py3-none-")),
            launcher: one("npm", &format!("customs-{version}")),
            platform: one("npm", "customs-cli-linux-x64-"),
        }
    })
}

/// Builds the packages with dist/build.sh from this test build: the dev profile with its
/// features (the dev-dependency of customs-verify turns test-support on), so that cargo
/// reuses what it built.
fn build_packages() -> PathBuf {
    let out = target_dir().join("dist-test");
    let _ = std::fs::remove_dir_all(&out);
    run(Command::new(root().join("dist/build.sh"))
        .args([
            "--profile",
            "dev",
            "--features",
            "customs-verify/test-support",
        ])
        .arg("--out")
        .arg(&out)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("MATURIN", tool("maturin"))
        .env("AUDITWHEEL", tool("auditwheel")));
    out
}

/// The scan of examples/ by the binary under test: what every installed copy must print.
fn expected_scan() -> &'static Output {
    static EXPECTED: OnceLock<Output> = OnceLock::new();
    EXPECTED.get_or_init(|| scan_with(Path::new(env!("CARGO_BIN_EXE_customs")), &[]))
}

fn scan_with(program: &Path, env: &[(&str, &Path)]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(program)
        .args(["scan", "--color", "never", "examples/"])
        .current_dir(root())
        .env("HOME", home.path())
        .env("NO_COLOR", "1")
        .envs(env.iter().map(|(k, v)| (*k, v.as_os_str())))
        .output()
        .unwrap()
}

/// An installed `customs`: `--version`, and the scan of examples/ identical to the one
/// of the binary under test (a malicious example: exit 1).
fn works(program: &Path, env: &[(&str, &Path)]) {
    let version = Command::new(program)
        .arg("--version")
        .envs(env.iter().map(|(k, v)| (*k, v.as_os_str())))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("customs {}", env!("CARGO_PKG_VERSION")),
        "{}",
        text(&version)
    );
    let scan = scan_with(program, env);
    let expected = expected_scan();
    assert_eq!(scan.status.code(), Some(1), "{}", text(&scan));
    assert_eq!(scan.status.code(), expected.status.code());
    assert_eq!(
        String::from_utf8_lossy(&scan.stdout),
        String::from_utf8_lossy(&expected.stdout)
    );
    assert!(String::from_utf8_lossy(&scan.stdout).contains("colourama"));
}

/// `pip install` of the wheel into a fresh virtual environment puts `customs` in its
/// `bin/`; the wheel holds the binary and no Python code.
#[test]
fn pip_installs_the_wheel_into_a_venv() {
    let p = packages();
    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv));
    run(Command::new(venv.join("bin/python"))
        .args([
            "-m",
            "pip",
            "install",
            "--no-index",
            "--disable-pip-version-check",
        ])
        .arg(&p.wheel)
        .env_remove("PIP_FIND_LINKS"));
    works(&venv.join("bin/customs"), &[]);

    let listing = run(Command::new("python3").args([
        "-c",
        "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
        p.wheel.to_str().unwrap(),
    ]));
    let names = String::from_utf8_lossy(&listing.stdout);
    assert!(
        names.lines().any(|n| n.ends_with(".data/scripts/customs")),
        "{names}"
    );
    assert!(!names.lines().any(|n| n.ends_with(".py")), "{names}");
}

/// `uv tool install` of the wheel, and `uvx --from` it, both offline.
#[test]
fn uv_installs_the_wheel_as_a_tool_and_runs_it_with_uvx() {
    let p = packages();
    let tmp = tempfile::tempdir().unwrap();
    let (tools, bin, cache) = (
        tmp.path().join("tools"),
        tmp.path().join("bin"),
        tmp.path().join("cache"),
    );
    let uv_env = |cmd: &mut Command| {
        cmd.env("UV_TOOL_DIR", &tools)
            .env("UV_TOOL_BIN_DIR", &bin)
            .env("UV_CACHE_DIR", &cache)
            .env("UV_PYTHON_DOWNLOADS", "never")
            .env("UV_OFFLINE", "1")
            .env("HOME", tmp.path())
            .env_remove("UV_INDEX_URL")
            .env_remove("UV_DEFAULT_INDEX");
    };
    let mut install = Command::new(tool("uv"));
    install.args(["tool", "install"]).arg(&p.wheel);
    uv_env(&mut install);
    run(&mut install);
    works(&bin.join("customs"), &[]);

    let mut uvx = Command::new(tool("uvx"));
    uvx.arg("--from")
        .arg(&p.wheel)
        .args(["customs", "--version"]);
    uv_env(&mut uvx);
    let out = run(&mut uvx);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("customs {}", env!("CARGO_PKG_VERSION"))
    );
}

/// `pipx install` of the wheel into a private PIPX_HOME.
#[test]
fn pipx_installs_the_wheel() {
    let p = packages();
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    run(Command::new(tool("pipx"))
        .arg("install")
        .arg(&p.wheel)
        .args(["--pip-args=--no-index"])
        .env("PIPX_HOME", tmp.path().join("pipx"))
        .env("PIPX_BIN_DIR", &bin)
        .env("PIPX_MAN_DIR", tmp.path().join("man"))
        .env("PIPX_DEFAULT_PYTHON", "python3")
        // pipx would upgrade its own pip from the index, which is not used here.
        .env("PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE", "1")
        .env("HOME", tmp.path())
        .env_remove("PIP_FIND_LINKS"));
    works(&bin.join("customs"), &[]);
}

/// npm, kept off the network: a private cache, a registry on a closed loopback port, and
/// `--offline`, so that the other platforms' optional packages are skipped as missing.
fn npm(tmp: &Path, program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("npm_config_cache", tmp.join("npm-cache"))
        .env("npm_config_registry", "http://127.0.0.1:9/")
        .env("npm_config_offline", "true")
        .env("npm_config_audit", "false")
        .env("npm_config_fund", "false")
        .env("npm_config_update_notifier", "false")
        .env("npm_config_userconfig", tmp.join("npmrc"))
        .env("HOME", tmp);
    cmd
}

/// `npm i -g --prefix TMP` of the launcher and the linux-x64 package gives a working
/// `customs`; the launcher alone says which package is missing.
#[test]
fn npm_installs_globally_and_the_launcher_names_a_missing_platform_package() {
    let p = packages();
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("prefix");
    run(npm(tmp.path(), "npm")
        .args(["install", "--global", "--prefix"])
        .arg(&prefix)
        .arg(&p.launcher)
        .arg(&p.platform));
    works(&prefix.join("bin/customs"), &[]);

    // The launcher holds no install script, nor does the platform package.
    for tgz in [&p.launcher, &p.platform] {
        let manifest = run(Command::new("tar")
            .arg("-xOzf")
            .arg(tgz)
            .arg("package/package.json"));
        let manifest: serde_json::Value = serde_json::from_slice(&manifest.stdout).unwrap();
        assert!(manifest.get("scripts").is_none(), "{manifest}");
    }

    let alone = tmp.path().join("alone");
    run(npm(tmp.path(), "npm")
        .args(["install", "--global", "--prefix"])
        .arg(&alone)
        .arg(&p.launcher));
    let out = Command::new(alone.join("bin/customs"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("@customs/cli-linux-x64") && err.contains("not installed"),
        "{err}"
    );
}

/// `npx` from the local tarballs runs customs without installing it anywhere else.
#[test]
fn npx_runs_customs_from_the_local_tarballs() {
    let p = packages();
    let tmp = tempfile::tempdir().unwrap();
    let out = run(npm(tmp.path(), "npx")
        .arg("--yes")
        .arg("--package")
        .arg(&p.launcher)
        .arg("--package")
        .arg(&p.platform)
        .args(["--", "customs", "--version"])
        .current_dir(tmp.path()));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("customs {}", env!("CARGO_PKG_VERSION"))
    );
    let scan = npm(tmp.path(), "npx")
        .arg("--yes")
        .arg("--package")
        .arg(&p.launcher)
        .arg("--package")
        .arg(&p.platform)
        .args(["--", "customs", "scan", "--color", "never", "examples/"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(scan.status.code(), Some(1), "{}", text(&scan));
    assert_eq!(
        String::from_utf8_lossy(&scan.stdout),
        String::from_utf8_lossy(&expected_scan().stdout)
    );
}

fn git(dir: &Path, args: &[&str]) -> Output {
    run(Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid"))
}

/// A package-lock.json with one dependency.
fn lockfile(name: &str, version: &str) -> String {
    serde_json::json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": { "name": "app", "version": "1.0.0", "dependencies": { name: version } },
            format!("node_modules/{name}"): {
                "version": version,
                "resolved": format!("http://127.0.0.1:9/{name}/-/{name}-{version}.tgz"),
                "integrity": "sha512-AAAA"
            }
        }
    })
    .to_string()
}

/// pre-commit, from PyPI, runs the repository's hook from a local clone on a project:
/// it passes on a lockfile with nothing known against it and fails the commit on one
/// with a known-malicious release (embedded data, offline).
#[test]
fn pre_commit_runs_the_audit_hook() {
    let tmp = tempfile::tempdir().unwrap();
    // The hook repository: this checkout's .pre-commit-hooks.yaml, committed.
    let hooks = tmp.path().join("hooks");
    std::fs::create_dir(&hooks).unwrap();
    std::fs::copy(
        root().join(".pre-commit-hooks.yaml"),
        hooks.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    git(&hooks, &["init", "-q"]);
    git(&hooks, &["add", "."]);
    git(&hooks, &["commit", "-qm", "hooks"]);
    let rev = String::from_utf8_lossy(&git(&hooks, &["rev-parse", "HEAD"]).stdout)
        .trim()
        .to_owned();

    let project = tmp.path().join("project");
    std::fs::create_dir(&project).unwrap();
    git(&project, &["init", "-q"]);
    let store = tmp.path().join("store.sqlite3");
    std::fs::write(
        project.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: customs-audit\n        args: [--offline, --store, {}]\n",
            hooks.display(),
            store.display()
        ),
    )
    .unwrap();
    std::fs::write(
        project.join("package-lock.json"),
        lockfile("left-pad", "1.3.0"),
    )
    .unwrap();
    git(&project, &["add", "."]);

    // `customs` on the PATH, as the hook's `language: system` expects.
    let bin = Path::new(env!("CARGO_BIN_EXE_customs")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let pre_commit = |project: &Path| {
        Command::new(tool("pre-commit"))
            .args(["run", "--all-files", "--color", "never"])
            .current_dir(project)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", tmp.path().join("pre-commit-home"))
            .env("HOME", tmp.path())
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap()
    };
    let out = pre_commit(&project);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("customs audit"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Passed"));

    // event-stream 3.3.6 is in the embedded known-malicious data.
    std::fs::write(
        project.join("package-lock.json"),
        lockfile("event-stream", "3.3.6"),
    )
    .unwrap();
    git(&project, &["add", "."]);
    let out = pre_commit(&project);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("Failed"), "{printed}");
    assert!(printed.contains("event-stream"), "{printed}");
}

fn yaml(path: &str) -> serde_yaml_ng::Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `uses:` of a list of steps, with the step.
fn uses(steps: &serde_yaml_ng::Value) -> Vec<(String, &serde_yaml_ng::Value)> {
    steps
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s.get("uses").map(|u| (u.as_str().unwrap().to_owned(), s)))
        .collect()
}

/// Pinned by a full commit: `owner/repo[/path]@<40 hex>`.
fn pinned(uses: &str) -> bool {
    uses.rsplit_once('@').is_some_and(|(_, r)| {
        r.len() == 40
            && r.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

/// The composite action installs from the wheel, audits to SARIF and uploads it with a
/// category through CodeQL's action pinned by commit; the documented example grants
/// `security-events: write`.
#[test]
fn the_action_audits_to_sarif_and_uploads_it_pinned() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = &action["runs"]["steps"];
    let all: Vec<&str> = steps
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(
        all.iter()
            .any(|r| r.contains("pip install") && r.contains("customs"))
    );
    assert!(
        all.iter()
            .any(|r| r.contains("customs audit") && r.contains("--format sarif"))
    );
    let uploads: Vec<_> = uses(steps)
        .into_iter()
        .filter(|(u, _)| u.starts_with("github/codeql-action/upload-sarif@"))
        .collect();
    assert_eq!(uploads.len(), 1);
    let (u, step) = &uploads[0];
    assert!(pinned(u), "{u}");
    assert!(step["with"]["category"].as_str().is_some());
    for (u, _) in uses(steps) {
        assert!(pinned(&u), "{u}");
    }
    // Inputs reach the scripts through the environment, never spliced into the script.
    for r in all {
        assert!(!r.contains("${{"), "an expression inside a script: {r}");
    }

    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let example = doc
        .split("```yaml")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(example).unwrap();
    let job = workflow["jobs"]
        .as_mapping()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert_eq!(
        job["permissions"]["security-events"].as_str(),
        Some("write")
    );
    for (u, _) in uses(&job["steps"]) {
        assert!(pinned(&u) || u.starts_with("OWNER/customs@"), "{u}");
    }
}

/// The release workflow: triggered by a tag, nothing granted at the top, id-token only in
/// the two publishing jobs, every action pinned by commit, no cache anywhere, npm
/// publishing with provenance, PyPI through the trusted-publishing action.
#[test]
fn the_release_workflow_is_pinned_least_privileged_and_cacheless() {
    let wf = yaml(".github/workflows/release.yml");
    assert_eq!(
        wf["permissions"]
            .as_mapping()
            .map(serde_yaml_ng::Mapping::len),
        Some(0)
    );
    let jobs = wf["jobs"].as_mapping().unwrap();
    let mut publishers = Vec::new();
    for (name, job) in jobs {
        let name = name.as_str().unwrap();
        let perms = job["permissions"].as_mapping().unwrap();
        if perms.get("id-token").and_then(|v| v.as_str()) == Some("write") {
            publishers.push(name);
            assert_eq!(perms.len(), 1, "{name} asks for more than id-token");
            assert!(job["environment"].as_str().is_some(), "{name}");
        } else {
            for (k, v) in perms {
                assert_eq!(v.as_str(), Some("read"), "{name}: {k:?}");
            }
        }
        for (u, step) in uses(&job["steps"]) {
            assert!(pinned(&u), "{name}: {u}");
            assert!(!u.starts_with("actions/cache"), "{name}: {u}");
            assert!(step["with"].get("cache").is_none(), "{name}: {u} caches");
        }
        if name == "npm" {
            let script: String = job["steps"]
                .as_sequence()
                .unwrap()
                .iter()
                .filter_map(|s| s["run"].as_str())
                .collect();
            assert!(script.contains("npm publish") && script.contains("--provenance"));
        }
        if name == "pypi" {
            assert!(
                uses(&job["steps"])
                    .iter()
                    .any(|(u, _)| u.starts_with("pypa/gh-action-pypi-publish@"))
            );
        }
    }
    publishers.sort_unstable();
    assert_eq!(publishers, ["npm", "pypi"]);
}

/// The hook pre-commit reads: audits with the whole repository in view at every commit.
#[test]
fn the_pre_commit_hook_always_runs_without_file_names() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks.as_sequence().unwrap()[0];
    assert_eq!(hook["id"].as_str(), Some("customs-audit"));
    assert_eq!(hook["entry"].as_str(), Some("customs audit"));
    assert_eq!(hook["always_run"].as_bool(), Some(true));
    assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
}
