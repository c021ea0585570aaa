//! Every lockfile format on a fixture project (tests/lockfiles): the same
//! dependency set read from each, with direct/transitive, hashes, lines and the
//! dependency path; and malformed files as errors with file and line.

use std::path::{Path, PathBuf};

use customs_ecosystem::{Ecosystem, LockKind, dependency_path, find_lockfiles, read_lockfile};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lockfiles")
}

/// (name, version, direct).
type Entry = (String, String, bool);

/// The kind, the entries sorted, the dependency path of the transitive entry, and how
/// many entries carry hashes.
fn read(dir: &str) -> (LockKind, Vec<Entry>, Vec<String>, usize) {
    let found = find_lockfiles(&fixtures().join(dir));
    assert_eq!(found.len(), 1, "{dir}: {found:?}");
    let lock = read_lockfile(&found[0]).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut set: Vec<Entry> = lock
        .entries
        .iter()
        .map(|e| (e.name.to_ascii_lowercase(), e.version.clone(), e.direct))
        .collect();
    set.sort();
    let transitive = lock
        .entries
        .iter()
        .position(|e| !e.direct)
        .unwrap_or_else(|| panic!("{dir}: no transitive entry"));
    for e in &lock.entries {
        assert!(e.line > 1, "{dir}: {} has no line", e.name);
    }
    let hashed = lock.entries.iter().filter(|e| !e.hashes.is_empty()).count();
    (
        lock.kind,
        set,
        dependency_path(&lock.entries, transitive),
        hashed,
    )
}

fn t(name: &str, version: &str, direct: bool) -> Entry {
    (name.to_owned(), version.to_owned(), direct)
}

#[test]
fn python_formats_agree() {
    let expected = vec![
        t("colourama", "0.1.6", true),
        t("idna", "3.7", false),
        t("requests", "2.32.3", true),
    ];
    for (dir, kind) in [
        ("pylock", LockKind::Pylock),
        ("uv", LockKind::UvLock),
        ("poetry", LockKind::PoetryLock),
        ("pdm", LockKind::PdmLock),
    ] {
        let (k, set, path, hashed) = read(dir);
        assert_eq!(k, kind);
        assert_eq!(set, expected, "{dir}");
        assert_eq!(path, ["requests", "idna"], "{dir}");
        assert_eq!(hashed, 3, "{dir}");
    }
    // Pipfile.lock and requirements files list everything as requested.
    for dir in ["pipfile", "requirements"] {
        let found = find_lockfiles(&fixtures().join(dir));
        let lock = read_lockfile(&found[0]).expect("parses");
        let mut names: Vec<(&str, &str, usize)> = lock
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.version.as_str(), e.hashes.len()))
            .collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                ("colourama", "0.1.6", 1),
                ("idna", "3.7", 1),
                ("requests", "2.32.3", 1)
            ],
            "{dir}"
        );
        assert!(lock.entries.iter().all(|e| e.ecosystem == Ecosystem::Pypi));
    }
    // The entry included with -r names its own file and line.
    let lock = read_lockfile(&fixtures().join("requirements/requirements.txt")).expect("parses");
    let colourama = lock
        .entries
        .iter()
        .find(|e| e.name == "colourama")
        .expect("included");
    assert!(
        colourama
            .file
            .as_ref()
            .is_some_and(|f| f.ends_with("base.txt"))
    );
    assert_eq!(colourama.line, 1);
    assert_eq!(
        lock.entries
            .iter()
            .find(|e| e.name == "requests")
            .map(|e| e.line),
        Some(3)
    );
}

#[test]
fn npm_formats_agree() {
    let expected = vec![
        t("event-stream", "3.3.6", true),
        t("ms", "2.1.3", false),
        t("webfetch", "1.0.0", true),
    ];
    for (dir, kind, hashes) in [
        ("npm-v1", LockKind::PackageLock, 3),
        ("npm-v3", LockKind::PackageLock, 3),
        ("shrinkwrap", LockKind::PackageLock, 3),
        ("yarn-classic", LockKind::YarnLock, 3),
        ("yarn-berry", LockKind::YarnLock, 0),
        ("pnpm-v6", LockKind::PnpmLock, 3),
        ("pnpm-v9", LockKind::PnpmLock, 3),
        ("pnpm-v10", LockKind::PnpmLock, 3),
        ("yarn-berry-v4", LockKind::YarnLock, 0),
        ("bun", LockKind::BunLock, 3),
    ] {
        let (k, set, path, hashed) = read(dir);
        assert_eq!(k, kind, "{dir}");
        assert_eq!(set, expected, "{dir}");
        assert_eq!(path, ["webfetch", "ms"], "{dir}");
        assert_eq!(
            hashed, hashes,
            "{dir}: berry's checksums are yarn's own, not the registry's"
        );
    }
    let lock = read_lockfile(&fixtures().join("npm-v3/package-lock.json")).expect("parses");
    let ms = lock.entries.iter().find(|e| e.name == "ms").expect("ms");
    assert_eq!(ms.hashes[0].algorithm, "sha512");
    assert_eq!(ms.hashes[0].hex, "02".repeat(64));
}

#[test]
fn malformed_files_name_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "package-lock.json",
            "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": }\n}\n",
            Some(4),
        ),
        (
            "uv.lock",
            "version = 1\n\n[[package]]\nname = \"a\"\nversion = = \"1\"\n",
            Some(5),
        ),
        (
            "pnpm-lock.yaml",
            "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: [\n",
            None,
        ),
        (
            "yarn.lock",
            "# yarn lockfile v1\n\n\nleft-pad@^1.0.0:\n  version \"1.3.0\"\n  resolved\n  !!! not yarn\n",
            None,
        ),
        ("requirements.txt", "six==1.16.0\n-r\n", Some(2)),
        (
            "bun.lock",
            "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n    \"a\": [\"a@1.0.0\", \"\", {}, \"sha512-AA==\"],\n    \"b\": [\"b\", \"\"],\n  },\n}\n",
            Some(5),
        ),
        ("bun.lock", "{\n  \"packages\": {\n    \"a\": [,\n", Some(3)),
        // Found by fuzzing: pep508_rs panics on a name ending in '.' before a space.
        (
            "requirements.txt",
            "six==1.16.0\nevent-streamE. DO NOT EDIT\n",
            Some(2),
        ),
        ("Pipfile.lock", "{\"default\": {\"six\": }}", Some(1)),
    ];
    for (name, text, line) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let err = read_lockfile(&path).expect_err(name);
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "{err}"
        );
        if let Some(line) = line {
            assert_eq!(err.line, Some(line), "{name}: {err}");
        }
        assert!(
            err.line.is_some(),
            "{name}: every parser reports where: {err}"
        );
    }
    let empty = dir.path().join("pylock.toml");
    std::fs::write(&empty, "[[packages]]\nname = \"a\"\n").expect("write");
    assert!(read_lockfile(&empty).is_err(), "no lock-version");
}
