//! What a package is: its ecosystem, name and version, its metadata, and what each of
//! its files is (kind) and does (role).
//!
//! This crate turns the bounded [`customs_archive::Tree`] of an artifact into a
//! [`Package`]: the identity taken from `PKG-INFO`, a wheel's `METADATA` or
//! `package.json` (falling back to the artifact's file name), the parsed metadata, and
//! every file with its [`FileKind`] and [`Role`]. It decides nothing about safety.

mod files;
mod identity;
mod lockfile;
mod names;
mod npm;
mod python;
mod requirement;
mod versions;

pub use files::{
    FileKind, NativeFormat, PackageFile, Role, classify_head, is_jupyter_config, is_pickle_name,
    is_test_dir, looks_like_test, select,
};
pub use identity::{ArtifactKind, Ecosystem, Identity, identity_from_file_name};
pub use lockfile::{
    LockError, LockKind, Locked, LockedHash, Lockfile, dependency_path, dependency_paths,
    find_lockfiles, parse_lockfile, read_lockfile,
};
pub use names::{canonical_name, is_canonical, skeleton};
pub use npm::{LIFECYCLE_HOOKS, NpmManifest};
pub use python::{PyProject, PythonMetadata, console_scripts};
pub use requirement::parse_requirement;
pub use versions::{
    ReleaseLine, compare_versions, line_of, npm_exact, npm_range, satisfies, valid_requirement,
};

use customs_archive::Tree;

/// A package read from one artifact: identity, metadata and classified files.
#[derive(Debug)]
pub struct Package {
    /// Ecosystem, name and version.
    pub identity: Identity,
    /// Wheel, sdist, npm tarball, folder...
    pub artifact: ArtifactKind,
    /// The folder inside the artifact that holds the package (`pkg-1.0/`, `package/`),
    /// empty for wheels and folders.
    pub root: String,
    /// Core metadata (PyPI packages).
    pub python: Option<PythonMetadata>,
    /// `pyproject.toml` facts (PyPI sdists and folders).
    pub pyproject: Option<PyProject>,
    /// `package.json` (npm packages).
    pub npm: Option<NpmManifest>,
    /// Every regular file, classified, in the tree's order.
    pub files: Vec<PackageFile>,
    /// The archive tree the files point into.
    pub tree: Tree,
}

impl Package {
    /// Builds the package view of a tree. `file_name` is the artifact's file name, used
    /// for the artifact kind and as the identity of last resort.
    #[must_use]
    pub fn from_tree(tree: Tree, file_name: &str) -> Self {
        let root = identity::package_root(&tree);
        let python = python::find_metadata(&tree, &root);
        let pyproject = tree
            .get(&format!("{root}pyproject.toml"))
            .and_then(|e| e.text())
            .and_then(PyProject::parse);
        let npm = tree
            .get(&format!("{root}package.json"))
            .and_then(|e| e.text())
            .and_then(NpmManifest::parse);
        let artifact = ArtifactKind::detect(file_name, &tree, python.is_some(), npm.is_some());
        let identity = identity::identify(
            file_name,
            artifact,
            python.as_ref(),
            pyproject.as_ref(),
            npm.as_ref(),
        );
        let files = files::classify(&tree, &root, &identity, pyproject.as_ref(), npm.as_ref());
        Self {
            identity,
            artifact,
            root,
            python,
            pyproject,
            npm,
            files,
            tree,
        }
    }

    /// The bytes of a file, by its index in [`Package::files`].
    #[must_use]
    pub fn data(&self, file: &PackageFile) -> &[u8] {
        &self.tree.entries[file.entry].data
    }

    /// The text of a file when it was read whole and is UTF-8.
    #[must_use]
    pub fn text(&self, file: &PackageFile) -> Option<&str> {
        let entry = &self.tree.entries[file.entry];
        if entry.complete { entry.text() } else { None }
    }

    /// The file at a path relative to the package root.
    #[must_use]
    pub fn file(&self, relative: &str) -> Option<&PackageFile> {
        self.files.iter().find(|f| f.relative == relative)
    }
}
