use std::path::{Path, PathBuf};

use customs_registry::Spec;

use crate::ScanError;
use crate::ScanFailure;

/// One thing to scan: a local artifact file, an unpacked package folder, or a release
/// on a registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// As shown in reports.
    pub display: String,
    /// Where it is (empty for registry targets).
    pub path: PathBuf,
    /// Its size in bytes (0 for folders), for scheduling.
    pub size: u64,
    /// The registry release, for `pypi:` / `npm:` targets.
    pub spec: Option<Spec>,
}

const ARTIFACT_SUFFIXES: &[&str] = &[
    ".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz", ".egg", ".tar",
];

const PACKAGE_MARKERS: &[&str] = &[
    "setup.py",
    "pyproject.toml",
    "setup.cfg",
    "PKG-INFO",
    "package.json",
];

fn is_artifact(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    ARTIFACT_SUFFIXES.iter().any(|s| name.ends_with(s))
}

fn is_package_dir(path: &Path) -> bool {
    PACKAGE_MARKERS.iter().any(|m| path.join(m).is_file())
}

fn target(display: String, path: PathBuf) -> Target {
    let size = if path.is_file() {
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
    } else {
        0
    };
    Target {
        display,
        path,
        size,
        spec: None,
    }
}

/// Turns command-line arguments into targets: a file is one target; a package folder
/// (one with `setup.py`, `pyproject.toml`, `PKG-INFO` or `package.json`) is one target;
/// any other folder is a folder of artifacts, each archive and package folder in it a
/// target of its own.
#[must_use]
pub fn expand_targets(args: &[String]) -> (Vec<Target>, Vec<ScanError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if let Some(spec) = Spec::parse(arg) {
            match spec {
                Ok(spec) => targets.push(Target {
                    display: arg.clone(),
                    path: PathBuf::new(),
                    // Registry targets go first: their downloads overlap local work.
                    size: u64::MAX,
                    spec: Some(spec),
                }),
                Err(message) => errors.push(ScanError::new(arg, ScanFailure::Other, message)),
            }
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_file() {
            targets.push(target(arg.clone(), path));
        } else if path.is_dir() {
            if is_package_dir(&path) {
                targets.push(target(arg.clone(), path));
                continue;
            }
            let mut children: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
                Err(e) => {
                    errors.push(ScanError::new(
                        arg,
                        ScanFailure::Other,
                        format!("cannot list the folder: {e}"),
                    ));
                    continue;
                }
            };
            children.sort();
            let before = targets.len();
            for child in children {
                if (child.is_file() && is_artifact(&child))
                    || (child.is_dir() && is_package_dir(&child))
                {
                    let display = child.display().to_string();
                    targets.push(target(display, child));
                }
            }
            if targets.len() == before {
                errors.push(ScanError::new(
                    arg,
                    ScanFailure::Other,
                    "the folder is neither a package (no setup.py, pyproject.toml, PKG-INFO or package.json) nor holds any artifact",
                ));
            }
        } else {
            errors.push(ScanError::new(
                arg,
                ScanFailure::Other,
                "no such file or folder",
            ));
        }
    }
    (targets, errors)
}
