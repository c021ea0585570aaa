//! A package's profile: the facts two releases are compared by, kept after the
//! package's bytes are dropped (files with digests and line counts, dependencies,
//! install hooks, behaviours, imports, metadata). `customs_history::profile` takes it
//! from a package and its analysis.

use std::collections::{BTreeMap, BTreeSet};

use customs_analyze::{BehaviourKind, Context};
use customs_ecosystem::{ArtifactKind, Ecosystem, Identity};
use serde::Serialize;

/// One file of a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    /// sha256 of its bytes, when they were read or hashed.
    pub sha256: Option<String>,
    /// Its size.
    pub size: u64,
    /// Its line count, for text that was read.
    pub lines: Option<u32>,
    /// Python or JavaScript/TypeScript source.
    pub code: bool,
    /// Minified, packed or obfuscated (long lines, or an obfuscation behaviour).
    pub unreadable: bool,
}

/// One behaviour, located by the path relative to the package root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct BehaviourSummary {
    /// What it does.
    pub kind: BehaviourKind,
    /// When it runs.
    pub context: Context,
    /// The file, relative to the package root.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// The quoted line.
    pub snippet: String,
    /// What was recognised.
    pub detail: String,
}

/// The facts of one package that releases are compared by.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Profile {
    /// Ecosystem, name and version.
    pub identity: Option<Identity>,
    /// Member-path prefix of the package root (`pkg-1.0/`, `package/`).
    pub root: String,
    /// Files by path relative to the root.
    pub files: BTreeMap<String, FileSummary>,
    /// Runtime dependencies: canonical name -> requirement as written.
    pub dependencies: BTreeMap<String, String>,
    /// Install-time hooks: a name (`npm postinstall`, `.pth pkg.pth`, `setup.py cmdclass
    /// install`) -> what it runs or a digest of it.
    pub hooks: BTreeMap<String, String>,
    /// Behaviours outside test code.
    pub behaviours: Vec<BehaviourSummary>,
    /// Packages and modules the code imports or requires, normalised: Python top-level
    /// module names, npm package names.
    pub imports: BTreeSet<String>,
    /// Every npm script command, for finding dependencies used only as tools.
    pub script_text: String,
    /// Metadata fields: summary, homepage, author, repository, license.
    pub metadata: BTreeMap<String, String>,
    /// Commands the package installs: npm `bin` entries, Python `console_scripts` and
    /// `gui_scripts` entry points; command name -> what it runs.
    pub bins: BTreeMap<String, String>,
}

impl Profile {
    /// Whether the profile is of a Python package.
    #[must_use]
    pub fn is_python(&self) -> bool {
        self.identity
            .as_ref()
            .is_some_and(|i| i.ecosystem == Ecosystem::Pypi)
    }

    /// The artifact kind cannot be compared across kinds: an sdist and a wheel of one
    /// release differ in layout. Callers compare like with like where they can.
    #[must_use]
    pub fn comparable(a: ArtifactKind, b: ArtifactKind) -> bool {
        a == b
            || matches!(
                (a, b),
                (ArtifactKind::Folder, _) | (_, ArtifactKind::Folder)
            )
    }
}
