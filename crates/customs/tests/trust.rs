//! Trust that may only go up, and what a release's comparison flags besides: a release
//! published with weaker evidence than an earlier one (`trust-downgrade`, blocked under
//! `trust = "no-downgrade"` unless exempted), a new dependency first published hours
//! before the release, a new command, a new dependency from git. The registry documents
//! are served on loopback with the trust fields the real registry carries, and without
//! them, as the mirrors serve them.

#![allow(clippy::unwrap_used)]

mod common;

use common::fixtures::{both, env_for, json_of, package, package_lock, run, sri};
use common::loopback::Loopback;
use common::tar_gz_of;
use serde_json::{Value, json};

const INDEX: &[u8] = b"module.exports = (a, b) => a + b;\n";
const START: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

/// One release: version, upload time, `package.json` fields besides name and version,
/// and fields of its version document (merged over `dist` and `_npmUser`).
struct Rel {
    version: &'static str,
    at: i64,
    manifest: Value,
    doc: Value,
}

fn rel(version: &'static str, at: i64) -> Rel {
    Rel {
        version,
        at,
        manifest: json!({}),
        doc: json!({}),
    }
}

/// Merges `b` over `a`, objects recursively.
fn merge(a: &mut Value, b: &Value) {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (a, b) => *a = b.clone(),
    }
}

/// Serves npm package `name` with these releases; `created` is the document's
/// `time.created`. Returns each release's integrity.
fn serve(server: &Loopback, name: &str, created: Option<i64>, releases: &[Rel]) -> Vec<String> {
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    let mut integrities = Vec::new();
    if let Some(c) = created {
        time.insert("created".into(), json!(customs_registry::format_rfc3339(c)));
    }
    for r in releases {
        let mut manifest = json!({"name": name, "version": r.version, "main": "index.js"});
        merge(&mut manifest, &r.manifest);
        let package_json = serde_json::to_vec_pretty(&manifest).unwrap();
        let tgz = tar_gz_of(
            &[("package.json", &package_json), ("index.js", INDEX)],
            "package/",
        );
        let path = format!("/npm/{name}/-/{name}-{}.tgz", r.version);
        server.route(&path, "application/octet-stream", tgz.clone());
        let mut doc = manifest.clone();
        merge(
            &mut doc,
            &json!({"dist": {"tarball": format!("{}{path}", server.url), "integrity": sri(&tgz)},
                    "_npmUser": {"name": "alice"}, "maintainers": [{"name": "alice"}]}),
        );
        merge(&mut doc, &r.doc);
        versions.insert(r.version.to_owned(), doc);
        time.insert(
            r.version.to_owned(),
            json!(customs_registry::format_rfc3339(r.at)),
        );
        integrities.push(sri(&tgz));
    }
    let latest = releases.last().map_or("", |r| r.version);
    let doc =
        json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions, "time": time});
    server.route(
        &format!("/npm/{name}"),
        "application/json",
        serde_json::to_vec(&doc).unwrap(),
    );
    integrities
}

/// The version-document fields of a release published through a trusted publisher,
/// with provenance and the registry's signature.
fn trusted(server: &Loopback, name: &str, version: &str) -> Value {
    let attestations = format!("/npm/-/npm/v1/attestations/{name}@{version}");
    server.route(
        &attestations,
        "application/json",
        br#"{"attestations": []}"#.to_vec(),
    );
    json!({"_npmUser": {"name": "GitHub Actions", "trustedPublisher": {"id": "github", "oidcConfigId": "oidc:1"}},
           "dist": {"attestations": {"url": format!("{}{attestations}", server.url),
                                     "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}},
                    "signatures": [{"keyid": "SHA256:k", "sig": "MEUC"}]}})
}

/// Only the registry's signature.
fn signed() -> Value {
    json!({"dist": {"signatures": [{"keyid": "SHA256:k", "sig": "MEUC"}]}})
}

fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["confidence"].as_str().unwrap_or_default().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn rules_of(server: &Loopback, dir: &std::path::Path, spec: &str) -> Vec<(String, String, String)> {
    let env = env_for(server, dir);
    let out = run(dir, &["scan", spec, "--format", "json"], &env);
    assert_ne!(out.status.code(), Some(2), "{spec}: {}", both(&out));
    findings(&json_of(&out))
}

fn audit(
    server: &Loopback,
    dir: &std::path::Path,
    policy: &str,
    dep: (&str, &str, String),
) -> (Value, Option<i32>) {
    let project = dir.join(format!("app-{}", dep.0));
    package_lock(&project, &[dep]);
    std::fs::write(project.join("customs.toml"), policy).unwrap();
    let env = env_for(server, dir);
    let out = run(
        dir,
        &["audit", project.to_str().unwrap(), "--format", "json"],
        &env,
    );
    (json_of(&out), out.status.code())
}

#[test]
fn a_trust_downgrade_is_flagged_and_blocked_under_no_downgrade() {
    let server = Loopback::start();
    let dir = tempfile::tempdir().unwrap();
    let mut old = rel("1.0.0", START);
    old.doc = trusted(&server, "lib", "1.0.0");
    let mut new = rel("1.0.1", START + 30 * DAY);
    new.doc = signed();
    let sums = serve(&server, "lib", None, &[old, new]);

    let found = rules_of(&server, dir.path(), "npm:lib@1.0.1");
    let downgrade = found
        .iter()
        .find(|f| f.0 == "trust-downgrade")
        .unwrap_or_else(|| panic!("no trust-downgrade in {found:?}"));
    assert_eq!(downgrade.1, "high", "{downgrade:?}");
    assert!(
        downgrade.2.contains("a registry signature only")
            && downgrade
                .2
                .contains("1.0.0 had trusted publishing with provenance"),
        "{downgrade:?}"
    );
    assert!(
        !rules_of(&server, dir.path(), "npm:lib@1.0.0")
            .iter()
            .any(|f| f.0 == "trust-downgrade"),
        "the first release has nothing to go down from"
    );

    let lock = ("lib", "1.0.1", sums[1].clone());
    let (r, code) = audit(
        &server,
        dir.path(),
        "trust = \"no-downgrade\"\n",
        lock.clone(),
    );
    let p = package(&r, "lib");
    assert_eq!(p["policy"]["decision"], "block", "{p:#}");
    assert!(
        p["policy"]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("no downgrade")),
        "{p:#}"
    );
    assert_eq!(code, Some(1), "{r:#}");

    // Exempted, the release goes through (the finding stays in the report).
    for exempt in ["npm:lib@1.0.1", "npm:lib"] {
        let policy = format!("trust = \"no-downgrade\"\ntrust_exempt = [\"{exempt}\"]\n");
        let (r, _) = audit(&server, dir.path(), &policy, lock.clone());
        let p = package(&r, "lib");
        assert_ne!(p["policy"]["decision"], "block", "{exempt}: {p:#}");
    }
}

/// The mirrors carry none of the trust fields: unknown is never a downgrade.
#[test]
fn without_trust_fields_nothing_is_flagged() {
    let server = Loopback::start();
    let dir = tempfile::tempdir().unwrap();
    let sums = serve(
        &server,
        "lib",
        None,
        &[rel("1.0.0", START), rel("1.0.1", START + 30 * DAY)],
    );
    let found = rules_of(&server, dir.path(), "npm:lib@1.0.1");
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "trust-downgrade" || f.0 == "provenance-dropped"),
        "{found:?}"
    );
    let (r, _) = audit(
        &server,
        dir.path(),
        "trust = \"no-downgrade\"\n",
        ("lib", "1.0.1", sums[1].clone()),
    );
    assert_eq!(package(&r, "lib")["policy"]["decision"], "allow", "{r:#}");
}

/// A dependency created 18 hours before the release that adds it is flagged; one
/// created 30 days before is not.
#[test]
fn a_dependency_born_hours_before_the_release_is_flagged() {
    let server = Loopback::start();
    let dir = tempfile::tempdir().unwrap();
    let release_at = START + 400 * DAY;
    for (helper, created) in [
        ("fresh-helper", release_at - 18 * 3600),
        ("settled-helper", release_at - 30 * DAY),
    ] {
        serve(
            &server,
            helper,
            Some(created),
            &[rel("1.0.0", created + 600)],
        );
        let app = format!("app-{helper}");
        let mut new = rel("2.0.1", release_at);
        new.manifest = json!({"dependencies": {helper: "^1.0.0"}});
        let app: &'static str = Box::leak(app.into_boxed_str());
        serve(&server, app, None, &[rel("2.0.0", START), new]);
    }
    let fresh = rules_of(&server, dir.path(), "npm:app-fresh-helper@2.0.1");
    let f = fresh
        .iter()
        .find(|f| f.0 == "fresh-dependency")
        .unwrap_or_else(|| panic!("{fresh:?}"));
    assert!(
        f.2.contains("fresh-helper was first published 18 hours"),
        "{f:?}"
    );
    let settled = rules_of(&server, dir.path(), "npm:app-settled-helper@2.0.1");
    assert!(
        !settled.iter().any(|f| f.0 == "fresh-dependency"),
        "{settled:?}"
    );
}

#[test]
fn a_new_command_and_a_new_git_dependency_are_flagged() {
    let server = Loopback::start();
    let dir = tempfile::tempdir().unwrap();
    let mut old = rel("3.0.0", START);
    old.manifest = json!({"bin": {"tool": "./index.js"}, "dependencies": {"left": "^1.0.0"}});
    let mut new = rel("3.0.1", START + 30 * DAY);
    new.manifest = json!({"bin": {"tool": "./index.js", "git": "./index.js"},
                          "dependencies": {"left": "^1.0.0", "forked": "github:someone/forked#main"}});
    serve(&server, "tool", None, &[old, new]);
    serve(&server, "left", None, &[rel("1.0.0", START - DAY)]);
    let found = rules_of(&server, dir.path(), "npm:tool@3.0.1");
    let bin = found
        .iter()
        .find(|f| f.0 == "new-bin")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        bin.2.contains("new command git") && bin.2.contains("system tool"),
        "{bin:?}"
    );
    assert_eq!(
        found.iter().filter(|f| f.0 == "new-bin").count(),
        1,
        "the command 3.0.0 had is not new: {found:?}"
    );
    let git = found
        .iter()
        .find(|f| f.0 == "direct-source-dependency")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        git.2
            .contains("forked from a git source: github:someone/forked#main"),
        "{git:?}"
    );
    assert!(
        !found.iter().any(|f| f.2.contains("left")),
        "a registry dependency both releases have is not flagged: {found:?}"
    );
}
