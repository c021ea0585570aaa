//! Downloads are not held to the analysis threads: with one analysis thread, two
//! releases scanned from two threads download at the same time. (Alone in its test
//! binary: the analysis threads are made once per process, by the first scan.)

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::Duration;

use customs_ecosystem::Ecosystem;
use customs_registry::{Cache, IndexConfig, Located, Registry, Spec};
use customs_scan::{NoProgress, ScanOptions, Target, scan_all, scan_release};

/// An npm tarball of one harmless file.
fn tarball(name: &str) -> Vec<u8> {
    let manifest = format!(r#"{{"name":"{name}","version":"1.0.0","main":"index.js"}}"#);
    let mut b = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::fast(),
    ));
    for (path, body) in [
        ("package/package.json", manifest.as_bytes()),
        ("package/index.js", b"module.exports = 1;\n".as_slice()),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(body.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, path, body).expect("appends");
    }
    b.into_inner().expect("tar").finish().expect("gzip")
}

/// A loopback npm registry of `a` and `b` (one release each) whose `a` tarball is held
/// until `b`'s was asked for; the receiver says whether `a` had to give up waiting.
fn holding_registry() -> (String, mpsc::Receiver<bool>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (b_asked, b_seen) = mpsc::channel::<()>();
    let (late_tx, late_rx) = mpsc::channel::<bool>();
    let served = base.clone();
    std::thread::spawn(move || {
        let b_asked = std::sync::Mutex::new(b_asked);
        let b_seen = std::sync::Mutex::new(b_seen);
        let late_tx = std::sync::Mutex::new(late_tx);
        std::thread::scope(|scope| {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { return };
                let (served, b_asked, b_seen, late_tx) = (&served, &b_asked, &b_seen, &late_tx);
                scope.spawn(move || {
                    let mut buf = [0u8; 4096];
                    let n = s.read(&mut buf).unwrap_or(0);
                    let head = String::from_utf8_lossy(&buf[..n]).into_owned();
                    let path = head.split_whitespace().nth(1).unwrap_or("").to_owned();
                    let body = match path.as_str() {
                        "/a" | "/b" => {
                            let name = &path[1..];
                            format!(
                                r#"{{"name":"{name}","dist-tags":{{"latest":"1.0.0"}},"versions":{{"1.0.0":{{"name":"{name}","version":"1.0.0","dist":{{"tarball":"{served}/{name}/-/{name}-1.0.0.tgz"}}}}}},"time":{{"1.0.0":"2024-01-01T00:00:00.000Z"}}}}"#
                            )
                            .into_bytes()
                        }
                        "/a/-/a-1.0.0.tgz" => {
                            // Held until b's tarball was asked for: only a second download
                            // running beside this one lets it go on time.
                            let rx = b_seen.lock().expect("lock");
                            let late = rx.recv_timeout(Duration::from_secs(20)).is_err();
                            let _ = late_tx.lock().expect("lock").send(late);
                            tarball("a")
                        }
                        "/b/-/b-1.0.0.tgz" => {
                            let _ = b_asked.lock().expect("lock").send(());
                            tarball("b")
                        }
                        _ => Vec::new(),
                    };
                    let status = if body.is_empty() { "404 Not Found" } else { "200 OK" };
                    let _ = write!(
                        s,
                        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = s.write_all(&body);
                });
            }
        });
    });
    (base, late_rx)
}

/// A registry client of the index at `base`, caching in `dir`.
fn client(base: String, dir: &std::path::Path) -> Registry {
    let config = IndexConfig {
        npm: Some(Located {
            url: base,
            source: "test".into(),
        }),
        ..IndexConfig::default()
    };
    Registry::new(config, Cache::new(dir)).expect("client")
}

fn options() -> ScanOptions {
    ScanOptions {
        jobs: 1,
        history: false,
        ..ScanOptions::default()
    }
}

#[test]
fn two_downloads_run_at_once_with_one_analysis_thread() {
    let (base, late_rx) = holding_registry();
    let dir = tempfile::tempdir().expect("tempdir");
    let registry = client(base, dir.path());
    let options = options();
    let a = registry.project(Ecosystem::Npm, "a").expect("a's document");
    let b = registry.project(Ecosystem::Npm, "b").expect("b's document");
    std::thread::scope(|scope| {
        let first = scope.spawn(|| scan_release(&registry, &a, "1.0.0", None, &options));
        // b starts once a's download is under way (held by the server).
        std::thread::sleep(Duration::from_millis(200));
        let second = scope.spawn(|| scan_release(&registry, &b, "1.0.0", None, &options));
        let a = first.join().expect("a's thread").expect("a scanned");
        let b = second.join().expect("b's thread").expect("b scanned");
        assert_eq!(a.identity.name, "a");
        assert_eq!(b.identity.name, "b");
    });
    let late = late_rx.recv().expect("a's tarball was asked for");
    assert!(
        !late,
        "b's download waited for a's: downloads are held to the one analysis thread"
    );
}

/// The same through `scan_all`, as `customs scan npm:a npm:b` does.
#[test]
fn registry_targets_of_one_scan_download_at_once() {
    let (base, late_rx) = holding_registry();
    let dir = tempfile::tempdir().expect("tempdir");
    let registry = client(base, dir.path());
    let target = |name: &str| Target {
        display: format!("npm:{name}@1.0.0"),
        path: std::path::PathBuf::new(),
        size: 0,
        spec: Some(Spec {
            ecosystem: Ecosystem::Npm,
            name: name.to_owned(),
            version: Some("1.0.0".into()),
        }),
        installed: None,
    };
    let reports = scan_all(
        &[target("a"), target("b")],
        &options(),
        Some(&registry),
        &NoProgress,
    );
    let names: Vec<String> = reports
        .into_iter()
        .map(|r| r.expect("scanned").identity.name)
        .collect();
    assert_eq!(names, ["a", "b"], "reports in the order of the targets");
    let late = late_rx.recv().expect("a's tarball was asked for");
    assert!(!late, "b's download waited for a's");
}
