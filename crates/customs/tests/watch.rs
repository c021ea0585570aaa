//! `customs watch` end to end against the fixture registry on loopback
//! (common/registry.rs): one alert per hijacked release, own packages held to their
//! build identity, conditional requests, ignored rules, and two workers sharing a
//! PostgreSQL store.

#![allow(clippy::unwrap_used)]

mod common;

use base64::Engine;
use common::fixtures::{
    DAY, T0, fetch, iso, json_of, npm_document, postgres_database, run, sri, stderr, text,
};
use common::loopback::Loopback;
use common::registry::{
    npm_env, npm_env_and_store, npm_registry, npm_releases, npm_releases_with, npm_version,
    only_versions, pypi_env_and_store, pypi_with_provenance,
};
use common::stdout;
use serde_json::{Value, json};

#[test]
fn watch_alerts_once_per_hijacked_release() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    let jsonl = dir.path().join("alerts.jsonl");
    let hook = format!("{}/hook", server.url);
    // Each run one interval after the one before: every package is due again.
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--package",
                "npm:webfetch",
                "--interval",
                "1s",
                "--once",
                "--alerts-jsonl",
                jsonl.to_str().unwrap(),
                "--webhook",
                &hook,
            ],
            &env,
        )
    };
    // The first poll records what exists.
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!jsonl.exists() || std::fs::read_to_string(&jsonl).unwrap().is_empty());

    // The attack: two lines released within the hour, by a new account, without
    // provenance; 1.0.1 adds the dropper. One alert each, as JSON lines and webhook POSTs.
    only_versions(
        &server,
        "webfetch",
        &full,
        &["0.9.4", "1.0.0", "0.9.5", "1.0.1"],
    );
    let out = watch();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("ALERT npm:webfetch 1.0.1"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("ALERT npm:webfetch 0.9.5"),
        "{}",
        stdout(&out)
    );
    let lines: Vec<String> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let alerts: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let alert = alerts
        .iter()
        .find(|a| a["version"] == "1.0.1")
        .unwrap()
        .clone();
    assert_eq!(alert["package"], "npm:webfetch");
    assert_eq!(alert["version"], "1.0.1");
    assert_eq!(alert["old"]["version"], "1.0.0");
    assert_eq!(alert["verdict"]["level"], "malicious");
    assert!(alert["detected_at"].as_str().unwrap().ends_with('Z'));
    let messages: Vec<&str> = alert["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("crypto-helper-js")),
        "{messages:?}"
    );
    let posts = server.posts.lock().unwrap().clone();
    assert_eq!(posts.len(), 2, "one webhook delivery per alert");
    assert!(posts.iter().all(|(path, _)| path == "/hook"));
    let posted: Vec<Value> = posts
        .iter()
        .map(|(_, b)| serde_json::from_slice(b).unwrap())
        .collect();
    assert!(posted.contains(&alert));

    // A restart neither repeats nor misses.
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap().lines().count(), 2);
}

#[test]
fn watch_own_package_without_its_provenance() {
    let server = Loopback::start();
    let code: &[u8] = b"module.exports = () => 42;\n";
    let mut versions = serde_json::Map::new();
    let mut time = serde_json::Map::new();
    for (version, at, provenance) in [("1.0.0", T0 - 20 * DAY, true), ("1.0.1", T0, false)] {
        let manifest = json!({"name": "ownlib", "version": version, "main": "index.js"});
        let (url, tgz) = npm_version(&server, "ownlib", version, &manifest, &[("index.js", code)]);
        let mut v = json!({"name": "ownlib", "version": version, "dist": {"tarball": url, "integrity": sri(&tgz)}, "_npmUser": {"name": "me"}});
        if provenance {
            v["dist"]["attestations"] = json!({"url": "http://127.0.0.1/att", "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}});
        }
        versions.insert(version.into(), v);
        time.insert(version.into(), json!(iso(at)));
    }
    let full = json!({"name": "ownlib", "dist-tags": {"latest": "1.0.1"}, "versions": versions, "time": time});
    only_versions(&server, "ownlib", &full, &["1.0.0"]);
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    let list = dir.path().join("watch.txt");
    std::fs::write(&list, "# what we publish\nown npm:ownlib\n").unwrap();
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--watch-list",
                list.to_str().unwrap(),
                "--alert-on",
                "malicious",
                "--interval",
                "1s",
                "--once",
            ],
            &env,
        )
    };
    assert_eq!(watch().status.code(), Some(0));
    only_versions(&server, "ownlib", &full, &["1.0.0", "1.0.1"]);
    let out = watch();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let text = stdout(&out);
    assert!(
        text.contains("ALERT npm:ownlib 1.0.1") && text.contains("provenance-dropped"),
        "{text}"
    );
}

/// Polling asks with the ETag the registry sent: an unchanged document is a 304, and
/// a changed one is read again.
#[test]
fn conditional_requests_for_polling() {
    let server = Loopback::start();
    npm_registry(&server);
    let config = customs_registry::IndexConfig {
        npm: Some(customs_registry::Located {
            url: format!("{}/npm", server.url),
            source: "test".into(),
        }),
        ..customs_registry::IndexConfig::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let registry =
        customs_registry::Registry::new(config, customs_registry::Cache::new(dir.path())).unwrap();
    let first = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert_eq!(first.map(|p| p.releases.len()), Some(5));
    let second = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert!(second.is_none(), "unchanged: 304");
    assert_eq!(server.count("/npm/webfetch"), 2);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["1.0.0"]);
    let third = registry
        .project_if_changed(customs_ecosystem::Ecosystem::Npm, "webfetch")
        .unwrap();
    assert_eq!(
        third.map(|p| p.releases.len()),
        Some(1),
        "changed: read again"
    );
}

#[test]
fn two_watch_workers_on_one_postgres_store_judge_each_release_once() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let names: Vec<String> = (0..6).map(|i| format!("lib{i}")).collect();
    for n in &names {
        npm_releases(&server, n, &[("1.0.0", 90 * DAY)]);
    }
    let dir = tempfile::tempdir().unwrap();
    let store = postgres_database("watch");
    let list = dir.path().join("watch-list");
    let mut text = String::from("npm:webfetch\n");
    for n in &names {
        text.push_str(&format!("npm:{n}\n"));
    }
    std::fs::write(&list, text).unwrap();
    // Two workers, started together, each with its own cache and alert file.
    let round = || -> Vec<std::process::Output> {
        std::thread::scope(|s| {
            let handles: Vec<_> = ["a", "b"]
                .iter()
                .map(|w| {
                    let mut env = npm_env(&server, &dir.path().join(format!("cache-{w}")));
                    env.push(("CUSTOMS_STORE", store.clone()));
                    let jsonl = dir.path().join(format!("alerts-{w}.jsonl"));
                    let list = list.clone();
                    let dir = dir.path().to_owned();
                    s.spawn(move || {
                        run(
                            &dir,
                            &[
                                "watch",
                                "--watch-list",
                                list.to_str().unwrap(),
                                "--once",
                                "--worker",
                                w,
                                "--concurrency",
                                "2",
                                "--interval",
                                "2s",
                                "--alerts-jsonl",
                                jsonl.to_str().unwrap(),
                            ],
                            &env,
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    };
    let polled = |outs: &[std::process::Output]| -> usize {
        outs.iter()
            .map(|o| {
                let err = stderr(o);
                err.split("customs watch: ")
                    .nth(1)
                    .and_then(|r| r.split(' ').next())
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("{err}"))
            })
            .sum()
    };
    // The first round records the baseline; each package is polled by one worker.
    let first = round();
    for o in &first {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    }
    assert_eq!(polled(&first), 7, "every package once between the two");
    // The next round, one interval later.
    std::thread::sleep(std::time::Duration::from_secs(2));

    // New releases everywhere: clean ones and the hijack.
    for n in &names {
        npm_releases(&server, n, &[("1.0.0", 90 * DAY), ("1.0.1", 3600)]);
    }
    only_versions(
        &server,
        "webfetch",
        &full,
        &["0.9.4", "1.0.0", "0.9.5", "1.0.1"],
    );
    let second = round();
    assert_eq!(polled(&second), 7);
    let alerts: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|w| {
            std::fs::read_to_string(dir.path().join(format!("alerts-{w}.jsonl")))
                .unwrap_or_default()
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(alerts.len(), 2, "0.9.5 and 1.0.1, once each: {alerts:?}");
    let codes: Vec<Option<i32>> = second.iter().map(|o| o.status.code()).collect();
    assert!(
        codes.contains(&Some(1)),
        "the worker that alerted says so: {codes:?}"
    );
    // Each new release was downloaded (so judged) once, by one of the two.
    for n in &names {
        assert_eq!(server.count(&format!("/npm/{n}/-/{n}-1.0.1.tgz")), 1, "{n}");
    }
    assert_eq!(server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"), 1);
    let mut client = postgres::Client::connect(&store, postgres::NoTls).unwrap();
    let rows = client
        .query(
            "SELECT package, version, worker FROM release_scan ORDER BY 1, 2",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 8, "six clean releases and two hijacked ones");
    let workers: std::collections::BTreeSet<String> =
        rows.iter().map(|r| r.get::<_, String>(2)).collect();
    assert!(workers.iter().all(|w| w == "a" || w == "b"), "{workers:?}");

    // Another round: nothing new, nothing repeated.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let third = round();
    assert_eq!(polled(&third), 7);
    for o in &third {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    }
}

#[test]
fn watch_own_packages_against_their_pinned_build_identity() {
    let server = Loopback::start();
    // `ownpin` is pinned on first use (from 1.0); `ownlisted` in the watch list.
    pypi_with_provenance(
        &server,
        "ownpin",
        &[("1.0", T0 - 60 * DAY, Some("octo/ownpin"))],
    );
    pypi_with_provenance(
        &server,
        "ownlisted",
        &[("1.0", T0 - 60 * DAY, Some("octo/ownlisted"))],
    );
    let dir = tempfile::tempdir().unwrap();
    let env = pypi_env_and_store(&server, dir.path());
    let list = dir.path().join("watch.txt");
    std::fs::write(
        &list,
        "own pypi:ownpin\nown pypi:ownlisted repository=octo/release-bot workflow=.github/workflows/release.yml\n",
    )
    .unwrap();
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &[
                "watch",
                "--watch-list",
                list.to_str().unwrap(),
                "--interval",
                "1s",
                "--once",
            ],
            &env,
        )
    };
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Clean code, new releases: ownpin's from a fork, ownlisted's from the repository
    // that built 1.0 — which is not the one the watch list pins.
    pypi_with_provenance(
        &server,
        "ownpin",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownpin")),
            ("1.1", T0, Some("mallory/ownpin")),
        ],
    );
    pypi_with_provenance(
        &server,
        "ownlisted",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownlisted")),
            ("1.1", T0, Some("octo/ownlisted")),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(
        text.contains("ALERT pypi:ownpin 1.1")
            && text.contains("built by mallory/ownpin release.yml, not by the pinned octo/ownpin release.yml (pinned on first use from 1.0)"),
        "{text}"
    );
    assert!(
        text.contains("ALERT pypi:ownlisted 1.1")
            && text.contains(
                "not by the pinned octo/release-bot .github/workflows/release.yml (pinned in"
            ),
        "{text}"
    );

    // A third release built as pinned again: no pin alert (the history rule still says
    // that the build changed since 1.1).
    pypi_with_provenance(
        &server,
        "ownpin",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/ownpin")),
            ("1.1", T0, Some("mallory/ownpin")),
            ("1.2", T0 + DAY, Some("octo/ownpin")),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert!(text.contains("ALERT pypi:ownpin 1.2"), "{text}");
    assert!(!text.contains("not by the pinned"), "{text}");

    // A bad watch list line is a clear error.
    std::fs::write(&list, "own pypi:ownpin branch=main\n").unwrap();
    let out = watch();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("watch.txt:1"), "{}", stderr(&out));
}

/// An npm package whose releases' attestations documents hold a SLSA provenance
/// statement built from `repository` at `git_ref`.
fn npm_attested(server: &Loopback, name: &str, releases: &[(&str, i64, &str, &str)]) {
    let versions: Vec<(&str, i64)> = releases.iter().map(|r| (r.0, r.1)).collect();
    npm_releases_with(server, name, &versions, |version| {
        let (_, _, repository, git_ref) = releases.iter().find(|r| r.0 == version).unwrap();
        let statement = json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{"name": format!("pkg:npm/{name}@{version}"), "digest": {"sha512": "00"}}],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {"buildDefinition": {
                "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                "externalParameters": {"workflow": {"ref": git_ref,
                    "repository": format!("https://github.com/{repository}"),
                    "path": ".github/workflows/release.yml"}},
                "resolvedDependencies": [{"digest": {"gitCommit": "0123abcd"}}]}}
        });
        let attestations = json!({"attestations": [{"predicateType": "https://slsa.dev/provenance/v1",
            "bundle": {"dsseEnvelope": {"payloadType": "application/vnd.in-toto+json",
                "payload": base64::engine::general_purpose::STANDARD.encode(statement.to_string())}}}]});
        let path = format!("/npm/-/npm/v1/attestations/{name}@{version}");
        npm_document(server, &path, &attestations);
        json!({"_npmUser": {"name": "alice"},
               "dist": {"attestations": {"url": format!("{}{path}", server.url),
                                         "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}}})
    });
}

#[test]
fn watch_own_npm_package_built_from_its_tags() {
    let server = Loopback::start();
    npm_attested(
        &server,
        "tagged",
        &[("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0")],
    );
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        run(
            dir.path(),
            &["watch", "--own", "npm:tagged", "--interval", "1s", "--once"],
            &env,
        )
    };
    assert_eq!(watch().status.code(), Some(0));
    // Built by the pinned repository and workflow, from its tag: quiet.
    npm_attested(
        &server,
        "tagged",
        &[
            ("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0"),
            ("1.0.1", 30 * DAY, "octo/tagged", "refs/tags/v1.0.1"),
        ],
    );
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The same repository and workflow, but from a branch: an alert.
    npm_attested(
        &server,
        "tagged",
        &[
            ("1.0.0", 60 * DAY, "octo/tagged", "refs/tags/v1.0.0"),
            ("1.0.1", 30 * DAY, "octo/tagged", "refs/tags/v1.0.1"),
            ("1.0.2", DAY, "octo/tagged", "refs/heads/main"),
        ],
    );
    let out = watch();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("ALERT npm:tagged 1.0.2")
            && text.contains("built from refs/heads/main, not from a tag of 1.0.2"),
        "{text}"
    );
}

/// `watch --ignore`: a new release whose every finding is of an ignored rule raises no
/// alert (the same release alerts without it: `watch_alerts_once_per_hijacked_release`).
#[test]
fn watch_applies_ignored_rules() {
    let server = Loopback::start();
    npm_registry(&server);
    let full: Value = serde_json::from_slice(&fetch(&server, "/npm/webfetch")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let env = npm_env_and_store(&server, dir.path());
    // The rules the update and the new release trigger, as `diff` finds them.
    let d = json_of(&run(
        dir.path(),
        &[
            "diff",
            "--format",
            "json",
            "npm:webfetch@1.0.0",
            "npm:webfetch@1.0.1",
        ],
        &env,
    ));
    let mut rules: Vec<String> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(d["new"]["findings"].as_array().unwrap())
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(!rules.is_empty(), "{d:#}");
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0"]);
    let jsonl = dir.path().join("alerts.jsonl");
    let watch = || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        let mut args = vec![
            "watch",
            "--package",
            "npm:webfetch",
            "--interval",
            "1s",
            "--once",
            "--alerts-jsonl",
            jsonl.to_str().unwrap(),
        ];
        for r in &rules {
            args.extend(["--ignore", r.as_str()]);
        }
        run(dir.path(), &args, &env)
    };
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    only_versions(&server, "webfetch", &full, &["0.9.4", "1.0.0", "1.0.1"]);
    let out = watch();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stdout(&out).contains("ALERT"), "{}", stdout(&out));
    assert!(!jsonl.exists() || std::fs::read_to_string(&jsonl).unwrap().is_empty());
}
