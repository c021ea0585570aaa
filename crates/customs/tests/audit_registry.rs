//! `audit` of projects whose lockfiles name registry releases, end to end against the
//! fixture registry on loopback (common/registry.rs): the hijacked update and the dropper
//! it brings in, policies, Python hashes and the store, and every lockfile format.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::fixtures::{fetch, json_of, package, run, sri, stderr, store_and_cache, text};
use common::loopback::Loopback;
use common::registry::{
    integrity_of, npm_env_and_store, npm_package_at, npm_project, npm_registry, pypi_env_and_store,
    pypi_registry,
};
use common::{root, stdout};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

#[test]
fn audit_npm_project_with_the_loopback_registry() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    let project = dir.path().join("app");
    npm_project(
        &project,
        &[
            (
                "webfetch",
                "1.0.1",
                integrity_of(&server, "webfetch", "1.0.1"),
                true,
                &["crypto-helper-js"],
            ),
            (
                "crypto-helper-js",
                "4.2.1",
                integrity_of(&server, "crypto-helper-js", "4.2.1"),
                false,
                &[],
            ),
            ("event-stream", "3.3.6", sri(b"never downloaded"), true, &[]),
        ],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let r = json_of(&out);
    common::assert_schema("audit_report", &r);
    let helper = package(&r, "crypto-helper-js");
    assert_eq!(helper["verdict"], "malicious");
    audit_ignores(dir.path(), &env, helper);
    assert_eq!(helper["policy"]["decision"], "block");
    assert_eq!(
        helper["dependency_path"],
        json!(["webfetch", "crypto-helper-js"])
    );
    assert_eq!(helper["direct"], false);
    let webfetch = package(&r, "webfetch");
    assert_eq!(
        webfetch["verdict"], "malicious",
        "history judges the hijacked release"
    );
    assert!(
        webfetch["locations"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("package-lock.json")
    );
    let es = package(&r, "event-stream");
    assert_eq!(es["verdict"], "malicious");
    assert_eq!(es["findings"][0]["rule"], "known-malicious");
    assert_eq!(
        server.count("/npm/event-stream"),
        0,
        "known malware is not downloaded"
    );

    // The text names the chain that brings the dropper in.
    let out = run(dir.path(), &["audit", "app"], &env);
    let text = stdout(&out);
    assert!(text.contains("via webfetch > crypto-helper-js"), "{text}");
    assert!(text.contains("3 dependencies"), "{text}");

    // SARIF points at the lockfile line that names each blocked dependency.
    let out = run(dir.path(), &["audit", "app", "--format", "sarif"], &env);
    let s = json_of(&out);
    let lock_text = std::fs::read_to_string(project.join("package-lock.json")).unwrap();
    let es_line = lock_text
        .lines()
        .position(|l| l.contains("\"node_modules/event-stream\""))
        .unwrap()
        + 1;
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|res| {
            res["ruleId"] == "known-malicious"
                && res["locations"][0]["physicalLocation"]["region"]["startLine"] == es_line
                && res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .ends_with("package-lock.json")
        }),
        "{results:#?}"
    );

    // Offline: what is in the cache is scanned again; the rest is said to be unchecked;
    // the registry is not asked.
    let before = server.hits.lock().unwrap().len();
    let out = run(
        dir.path(),
        &["audit", "app", "--offline", "--format", "json"],
        &env,
    );
    let r = json_of(&out);
    assert_eq!(
        server.hits.lock().unwrap().len(),
        before,
        "offline means no request"
    );
    assert_eq!(
        package(&r, "crypto-helper-js")["verdict"],
        "malicious",
        "scanned from the cache"
    );
    assert_eq!(
        package(&r, "event-stream")["verdict"],
        "malicious",
        "from the store"
    );
}

#[test]
fn audit_policy_cases() {
    let server = Loopback::start();
    npm_registry(&server);
    let fresh = npm_package_at(
        &server,
        "fresh-lib",
        "2.0.0",
        86_400,
        json!({}),
        &[("index.js", b"module.exports = 1;\n")],
    );
    let addon = npm_package_at(
        &server,
        "native-addon",
        "1.0.0",
        400 * 86_400,
        json!({"install": "node-gyp rebuild"}),
        &[
            (
                "index.js",
                b"module.exports = require('./build/Release/addon.node');\n",
            ),
            (
                "binding.gyp",
                b"{\"targets\": [{\"target_name\": \"addon\", \"sources\": [\"addon.cc\"]}]}\n",
            ),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    let project = dir.path().join("app");
    npm_project(
        &project,
        &[
            ("fresh-lib", "2.0.0", fresh, true, &[]),
            ("native-addon", "1.0.0", addon, true, &[]),
            (
                "webfetch",
                "1.0.0",
                integrity_of(&server, "webfetch", "1.0.0"),
                true,
                &[],
            ),
        ],
    );
    // The default policy: nothing blocks.
    let out = run(dir.path(), &["audit", "app"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let decide = |policy: &str| {
        std::fs::write(project.join("customs.toml"), policy).unwrap();
        let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
        let r = json_of(&out);
        let d = |n: &str| {
            package(&r, n)["policy"]["decision"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        (
            out.status.code(),
            d("fresh-lib"),
            d("native-addon"),
            d("webfetch"),
            r,
        )
    };
    let (code, fresh, addon, web, r) = decide("min_release_age = \"7d\"\n");
    assert_eq!(
        (code, fresh.as_str(), addon.as_str(), web.as_str()),
        (Some(1), "block", "allow", "allow")
    );
    let reason = package(&r, "fresh-lib")["policy"]["reasons"][0]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(reason.contains("minimum release age of 7 days"), "{reason}");
    let (_, fresh, ..) =
        decide("min_release_age = \"7d\"\nmin_release_age_exempt = [\"npm:fresh-*\"]\n");
    assert_eq!(fresh, "allow");

    let (code, _, addon, ..) = decide("[install_scripts]\nallow = false\n");
    assert_eq!((code, addon.as_str()), (Some(1), "block"));
    let (code, _, addon, ..) =
        decide("[install_scripts]\nallow = false\npackages = [\"native-addon\"]\n");
    assert_eq!((code, addon.as_str()), (Some(0), "allow"));

    let (code, .., web, _) = decide("deny = [\"npm:webfetch@1.0.0\"]\n");
    assert_eq!((code, web.as_str()), (Some(1), "block"));

    std::fs::write(project.join("customs.toml"), "fail_on = \"sometimes\"\n").unwrap();
    let out = run(dir.path(), &["audit", "app"], &env);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("customs.toml"),
        "the error names the policy file"
    );
}

#[test]
fn audit_python_hashes_and_the_store() {
    let server = Loopback::start();
    pypi_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = pypi_env_and_store(&server, dir.path());
    let good = hex::encode(Sha256::digest(fetch(&server, "/files/pyfetch-1.0.tar.gz")));
    let project = dir.path().join("py");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("requirements.txt"),
        format!("pyfetch==1.0 --hash=sha256:{good}\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A hash the index does not list.
    std::fs::write(
        project.join("requirements.txt"),
        format!("pyfetch==1.0 --hash=sha256:{}\n", "0".repeat(64)),
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    let p = package(&r, "pyfetch");
    assert!(
        p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "lockfile-hash-mismatch"),
        "{p:#}"
    );

    // No hash at all, with a policy that requires them.
    std::fs::write(project.join("requirements.txt"), "pyfetch==1.0\n").unwrap();
    std::fs::write(project.join("customs.toml"), "require_hashes = true\n").unwrap();
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    assert!(
        package(&r, "pyfetch")["policy"]["reasons"][0]
            .as_str()
            .unwrap()
            .contains("requires hashes")
    );
    std::fs::remove_file(project.join("customs.toml")).unwrap();

    // A record imported into the store makes a version malicious without a scan.
    let osv = dir.path().join("MAL-2099-7.json");
    std::fs::write(&osv, r#"{"id": "MAL-2099-7", "summary": "test record", "affected": [{"package": {"ecosystem": "PyPI", "name": "pyfetch"}, "versions": ["1.0"]}]}"#).unwrap();
    let out = run(dir.path(), &["db", "import", osv.to_str().unwrap()], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 1 records (1 malicious"),
        "{}",
        stdout(&out)
    );
    let out = run(dir.path(), &["audit", "py", "--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1));
    let r = json_of(&out);
    assert_eq!(
        package(&r, "pyfetch")["findings"][0]["rule"],
        "known-malicious"
    );

    // A broken lockfile is an error with file and line.
    std::fs::write(
        project.join("requirements.txt"),
        "pyfetch==1.0\nnot a requirement at all\n",
    )
    .unwrap();
    let out = run(dir.path(), &["audit", "py"], &env);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("requirements.txt:2"),
        "{}",
        stdout(&out)
    );
}

/// Every lockfile format through the real binary, offline: the known-malicious entry is
/// blocked at its lockfile line (no index needed), and the rest are said to be unchecked.
#[test]
fn audit_every_lockfile_format_offline() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = store_and_cache(dir.path());
    env.extend([
        (
            "npm_config_registry",
            "http://127.0.0.1:9/unused".to_owned(),
        ),
        ("PIP_INDEX_URL", "http://127.0.0.1:9/unused".to_owned()),
    ]);
    let formats = root().join("tests/lockfiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(&formats).unwrap() {
        let project = entry.unwrap().path();
        let name = project.file_name().unwrap().to_string_lossy().into_owned();
        let out = run(
            dir.path(),
            &[
                "audit",
                project.to_str().unwrap(),
                "--offline",
                "--format",
                "json",
            ],
            &env,
        );
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let r = json_of(&out);
        let bad = if r["packages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["ecosystem"] == "npm")
        {
            "event-stream"
        } else {
            "colourama"
        };
        let p = package(&r, bad);
        assert_eq!(p["policy"]["decision"], "block", "{name}");
        assert_eq!(p["findings"][0]["rule"], "known-malicious", "{name}");
        let at = &p["locations"][0];
        let text = std::fs::read_to_string(at["path"].as_str().unwrap()).unwrap();
        let line = text
            .lines()
            .nth(at["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            line.contains(bad),
            "{name}: the location points at {line:?}"
        );
        let unchecked = r["packages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["verdict"] == "unchecked")
            .count();
        assert_eq!(unchecked, 2, "{name}: {r:#}");
        seen += 1;
    }
    // Thirteen formats, and bun.lock, yarn 4 and pnpm 10 lockfiles.
    assert_eq!(seen, 16, "every format's fixture project");
}

/// `audit --ignore` of every rule a dependency triggers: its findings are listed as
/// ignored and no longer block it.
fn audit_ignores(dir: &Path, env: &[(&'static str, String)], helper: &Value) {
    let mut rules: Vec<&str> = helper["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    let mut args = vec!["audit", "app", "--format", "json"];
    for r in &rules {
        args.extend(["--ignore", *r]);
    }
    let r = json_of(&run(dir, &args, env));
    common::assert_schema("audit_report", &r);
    let helper = package(&r, "crypto-helper-js");
    assert_eq!(helper["verdict"], "clean", "{helper:#}");
    assert_ne!(helper["policy"]["decision"], "block", "{helper:#}");
    let ignored = helper["ignored"].as_array().unwrap();
    assert!(
        !ignored.is_empty() && ignored.iter().all(|i| i["by"] == "--ignore"),
        "{helper:#}"
    );
}
