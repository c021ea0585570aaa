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
    /// An installed distribution: the files of `path` (site-packages) it consists of.
    pub installed: Option<Installed>,
}

/// A distribution installed in a Python environment, as its `RECORD` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// Its files, relative to site-packages (its `.dist-info` folder among them).
    pub files: Vec<String>,
    /// `name-version`, from the `.dist-info` folder's name.
    pub name: String,
}

/// Source files that are scanned when given alone: Python, JavaScript, and the shell,
/// PowerShell and batch scripts packages run.
const SOURCE_SUFFIXES: &[&str] = &[
    ".py", ".pyw", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".sh", ".bash", ".ps1", ".bat",
    ".cmd",
];

/// `name` without a source file's suffix.
pub(crate) fn strip_source_suffix(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    SOURCE_SUFFIXES
        .iter()
        .find(|s| lower.ends_with(*s))
        .map_or(name, |s| &name[..name.len() - s.len()])
}

/// A source file given alone (not an archive).
pub(crate) fn is_source_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    path.is_file() && SOURCE_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Folders that are not the package's own code when a folder without metadata is
/// scanned as a package.
const NOT_CODE_DIRS: &[&str] = &[".git", ".hg", ".svn", "node_modules", "__pycache__"];

/// Whether a folder holds a source file, looking a few levels down.
fn holds_source(dir: &Path, depth: u32) -> bool {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return false;
    };
    listing.filter_map(Result::ok).any(|e| {
        let path = e.path();
        let Ok(kind) = e.file_type() else {
            return false;
        };
        if kind.is_file() {
            is_source_file(&path)
        } else if kind.is_dir() && depth > 0 {
            let name = e.file_name().to_string_lossy().into_owned();
            !NOT_CODE_DIRS.contains(&name.as_str()) && holds_source(&path, depth - 1)
        } else {
            false
        }
    })
}

/// The distributions installed in `dir` when it is a Python environment's
/// site-packages (it holds `*.dist-info` folders with a `RECORD`), in name order.
/// Paths a `RECORD` lists outside site-packages (scripts in `bin/`, headers) are the
/// installer's, not the distribution's code in this folder, and are left out.
fn installed_in(dir: &Path) -> Vec<(String, Installed)> {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut infos: Vec<_> = listing
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".dist-info"))
        .collect();
    infos.sort_by_key(std::fs::DirEntry::file_name);
    for info in infos {
        let folder = info.file_name().to_string_lossy().into_owned();
        let Ok(record) = std::fs::read_to_string(info.path().join("RECORD")) else {
            continue;
        };
        let mut files: Vec<String> = record
            .lines()
            .filter_map(record_path)
            .filter(|p| !p.split('/').any(|part| part == "..") && !p.starts_with('/'))
            .collect();
        files.sort();
        files.dedup();
        let name = folder.trim_end_matches(".dist-info").to_owned();
        let display = dir.join(&name).display().to_string();
        out.push((display, Installed { files, name }));
    }
    out
}

/// The path of one line of a `RECORD` (CSV: path, hash, size; a path with a comma is
/// quoted, a quote in it doubled).
fn record_path(line: &str) -> Option<String> {
    let line = line.trim_end_matches('\r');
    if line.is_empty() {
        return None;
    }
    if let Some(rest) = line.strip_prefix('"') {
        let mut path = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    path.push('"');
                } else {
                    return Some(path);
                }
            } else {
                path.push(c);
            }
        }
        return None;
    }
    line.split(',').next().map(str::to_owned)
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
        installed: None,
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
                    installed: None,
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
            // A Python environment's site-packages: each installed distribution.
            for (display, installed) in installed_in(&path) {
                targets.push(Target {
                    display,
                    path: path.clone(),
                    size: 0,
                    spec: None,
                    installed: Some(installed),
                });
            }
            let environment = targets.len() > before;
            for child in children {
                if (child.is_file() && is_artifact(&child))
                    || (child.is_dir() && is_package_dir(&child))
                {
                    let display = child.display().to_string();
                    targets.push(target(display, child));
                } else if child.is_dir()
                    && child
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('@'))
                {
                    // node_modules: a scope's folder holds its packages.
                    let mut scoped: Vec<PathBuf> = std::fs::read_dir(&child)
                        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
                        .unwrap_or_default();
                    scoped.sort();
                    for pkg in scoped.into_iter().filter(|p| is_package_dir(p)) {
                        let display = pkg.display().to_string();
                        targets.push(target(display, pkg));
                    }
                }
            }
            if targets.len() == before && !environment && holds_source(&path, 3) {
                // Code with no package metadata: one package, named after the folder.
                targets.push(target(arg.clone(), path));
            } else if targets.len() == before {
                errors.push(ScanError::new(
                    arg,
                    ScanFailure::Other,
                    "the folder is neither a package (no setup.py, pyproject.toml, PKG-INFO or package.json) nor holds any artifact, installed distribution or source file",
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
