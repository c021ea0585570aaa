use std::fmt;

use customs_archive::{Format, Tree};
use serde::Serialize;

use crate::{NpmManifest, PyProject, PythonMetadata, canonical_name};

/// The package ecosystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    /// The Python Package Index.
    Pypi,
    /// The npm registry.
    Npm,
}

impl Ecosystem {
    /// The lower-case name used in reports and `pypi:`/`npm:` sources.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pypi => "pypi",
            Self::Npm => "npm",
        }
    }
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What sort of artifact was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArtifactKind {
    /// A Python source distribution.
    Sdist,
    /// A Python wheel.
    Wheel,
    /// A Python egg.
    Egg,
    /// An npm package tarball.
    NpmTarball,
    /// An unpacked folder.
    Folder,
}

impl ArtifactKind {
    pub(crate) fn detect(file_name: &str, tree: &Tree, python: bool, npm: bool) -> Self {
        let lower = file_name.to_ascii_lowercase();
        if tree.format == Format::Folder {
            Self::Folder
        } else if lower.ends_with(".whl") {
            Self::Wheel
        } else if lower.ends_with(".egg") {
            Self::Egg
        } else if lower.ends_with(".tgz") || (npm && !python) {
            Self::NpmTarball
        } else {
            Self::Sdist
        }
    }

    /// A short name for reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sdist => "sdist",
            Self::Wheel => "wheel",
            Self::Egg => "egg",
            Self::NpmTarball => "npm tarball",
            Self::Folder => "folder",
        }
    }
}

/// Ecosystem, name and version of a package.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Identity {
    /// Which registry the package belongs to.
    pub ecosystem: Ecosystem,
    /// The name as the package states it.
    pub name: String,
    /// The version as the package states it (empty when unknown).
    pub version: String,
}

impl Identity {
    /// The name normalised as the registry compares names.
    #[must_use]
    pub fn canonical_name(&self) -> String {
        canonical_name(self.ecosystem, &self.name)
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A package with no version (a folder or a file without metadata) is named
        // without one.
        match (self.ecosystem, self.version.is_empty()) {
            (Ecosystem::Pypi, false) => write!(f, "pypi:{}=={}", self.name, self.version),
            (Ecosystem::Npm, false) => write!(f, "npm:{}@{}", self.name, self.version),
            (eco, true) => write!(f, "{}:{}", eco.as_str(), self.name),
        }
    }
}

/// The folder inside the artifact that holds the package: the single top-level folder
/// of an sdist or npm tarball (`pkg-1.0/`, `package/`), or nothing.
pub(crate) fn package_root(tree: &Tree) -> String {
    if tree.format == Format::Folder {
        return String::new();
    }
    // A wheel's top level holds the import packages and `*.dist-info`.
    if tree.entries.iter().any(|e| {
        let top = e.path.split('/').next().unwrap_or("");
        top.ends_with(".dist-info") || top == "EGG-INFO"
    }) {
        return String::new();
    }
    let mut tops = tree
        .entries
        .iter()
        .filter(|e| !e.path.contains(customs_archive::NESTED_SEPARATOR))
        .map(|e| e.path.split_once('/').map(|(top, _)| top));
    let Some(Some(first)) = tops.next() else {
        return String::new();
    };
    if tops.all(|t| t == Some(first)) {
        format!("{first}/")
    } else {
        String::new()
    }
}

pub(crate) fn identify(
    file_name: &str,
    artifact: ArtifactKind,
    python: Option<&PythonMetadata>,
    pyproject: Option<&PyProject>,
    npm: Option<&NpmManifest>,
) -> Identity {
    let from_name = identity_from_file_name(file_name);
    let prefer_npm = artifact == ArtifactKind::NpmTarball
        || (npm.is_some() && python.is_none() && pyproject.is_none());
    let stated = if prefer_npm {
        npm.map(|m| (Ecosystem::Npm, m.name.clone(), m.version.clone()))
    } else {
        python
            .map(|m| (Ecosystem::Pypi, m.name.clone(), m.version.clone()))
            .or_else(|| {
                pyproject.and_then(|p| {
                    p.name
                        .clone()
                        .map(|n| (Ecosystem::Pypi, n, p.version.clone().unwrap_or_default()))
                })
            })
    };
    match (stated, from_name) {
        (Some((ecosystem, name, version)), fallback) if !name.is_empty() => Identity {
            ecosystem,
            name,
            version: if version.is_empty() {
                fallback.map(|f| f.version).unwrap_or_default()
            } else {
                version
            },
        },
        (_, Some(fallback)) => fallback,
        _ => Identity {
            ecosystem: if npm.is_some() {
                Ecosystem::Npm
            } else {
                Ecosystem::Pypi
            },
            name: file_name.to_owned(),
            version: String::new(),
        },
    }
}

/// Ecosystem, name and version from an artifact's file name, following the naming rules
/// of wheels (`name-version-tags.whl`), sdists and eggs (`name-version.tar.gz`) and
/// `npm pack` (`scope-name-version.tgz`).
#[must_use]
pub fn identity_from_file_name(file_name: &str) -> Option<Identity> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let lower = base.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix(".whl").map(|_| &base[..base.len() - 4]) {
        let mut parts = stem.splitn(3, '-');
        let name = parts.next()?;
        let version = parts.next()?;
        return Some(Identity {
            ecosystem: Ecosystem::Pypi,
            name: name.to_owned(),
            version: version.to_owned(),
        });
    }
    let (stem, ecosystem) = [
        (".tar.gz", Ecosystem::Pypi),
        (".tar.bz2", Ecosystem::Pypi),
        (".tar.xz", Ecosystem::Pypi),
        (".zip", Ecosystem::Pypi),
        (".egg", Ecosystem::Pypi),
        (".tgz", Ecosystem::Npm),
    ]
    .iter()
    .find_map(|(ext, eco)| {
        lower
            .ends_with(ext)
            .then(|| (&base[..base.len() - ext.len()], *eco))
    })?;
    // The version starts at the first '-' followed by a digit.
    let split = stem
        .char_indices()
        .find(|&(i, c)| {
            c == '-'
                && stem[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_ascii_digit())
        })
        .map(|(i, _)| i)?;
    let mut version = &stem[split + 1..];
    if ecosystem == Ecosystem::Pypi && lower.ends_with(".egg") {
        version = version.split('-').next().unwrap_or(version);
    }
    Some(Identity {
        ecosystem,
        name: stem[..split].to_owned(),
        version: version.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> (Ecosystem, String, String) {
        let i = identity_from_file_name(s).expect("parsable");
        (i.ecosystem, i.name, i.version)
    }

    #[test]
    fn file_names() {
        assert_eq!(
            id("requests-2.32.0-py3-none-any.whl"),
            (Ecosystem::Pypi, "requests".into(), "2.32.0".into())
        );
        assert_eq!(
            id("dir/python_dateutil-4.0.0.tar.gz"),
            (Ecosystem::Pypi, "python_dateutil".into(), "4.0.0".into())
        );
        assert_eq!(
            id("types-node-20.1.0.tgz"),
            (Ecosystem::Npm, "types-node".into(), "20.1.0".into())
        );
        assert_eq!(
            id("foo-1.0-py3.11.egg"),
            (Ecosystem::Pypi, "foo".into(), "1.0".into())
        );
        assert!(identity_from_file_name("README").is_none());
    }
}
