//! What the registry client knows of a project: its releases, their files, digests,
//! upload times, publishers and provenance, whichever index it came from.

use std::collections::BTreeMap;

use customs_ecosystem::{Ecosystem, LockedHash};
use serde::Serialize;

use customs_ecosystem::{ReleaseLine, compare_versions as compare, line_of};

/// The lifecycle scripts npm runs when it installs a package from a registry tarball
/// (`prepare` runs only for git and local installs).
pub const REGISTRY_INSTALL_HOOKS: &[&str] = &["preinstall", "install", "postinstall"];

/// A digest the index gives for a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "algorithm", content = "hex", rename_all = "lowercase")]
pub enum Digest {
    /// PyPI's `sha256`.
    Sha256(String),
    /// npm's SRI `sha512-...`, as hex.
    Sha512(String),
    /// npm's legacy `shasum` (used only when there is no `integrity`).
    Sha1(String),
}

impl Digest {
    /// The algorithm's name.
    #[must_use]
    pub fn algorithm(&self) -> &'static str {
        match self {
            Self::Sha256(_) => "sha256",
            Self::Sha512(_) => "sha512",
            Self::Sha1(_) => "sha1",
        }
    }

    /// The expected value, lower-case hex.
    #[must_use]
    pub fn hex(&self) -> &str {
        match self {
            Self::Sha256(h) | Self::Sha512(h) | Self::Sha1(h) => h,
        }
    }

    /// The digest a lockfile's hash names, when its algorithm is one an index uses.
    #[must_use]
    pub fn from_locked(hash: &LockedHash) -> Option<Self> {
        let hex = hash.hex.to_ascii_lowercase();
        [
            ("sha256", Self::Sha256 as fn(String) -> Self),
            ("sha512", Self::Sha512),
            ("sha1", Self::Sha1),
        ]
        .into_iter()
        .find(|(a, _)| hash.is_in(a))
        .map(|(_, make)| make(hex))
    }

    /// Whether one of a lockfile entry's `hashes` pins this digest (the one matching
    /// rule, [`LockedHash::matches`]).
    #[must_use]
    pub fn pinned_by(&self, hashes: &[LockedHash]) -> bool {
        LockedHash::any_matches(hashes, self.algorithm(), self.hex())
    }
}

/// Whether a downloaded artifact matched the digest the index gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Integrity {
    /// It matched.
    Verified {
        /// `sha256`, `sha512` or `sha1`.
        algorithm: &'static str,
        /// The digest.
        digest: String,
    },
    /// It did not: the bytes are not those the index lists.
    Mismatch {
        /// The algorithm.
        algorithm: &'static str,
        /// The index's digest.
        expected: String,
        /// The downloaded bytes' digest.
        actual: String,
    },
    /// The index gives no digest for the file.
    Unchecked,
}

/// Who built and published a release, as its provenance claims (not verified here:
/// `customs verify` checks the signatures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Publisher {
    /// `GitHub`, `GitLab`, ... as the attestation names it.
    pub kind: String,
    /// `owner/name` of the source repository.
    pub repository: Option<String>,
    /// The workflow file that built it.
    pub workflow: Option<String>,
    /// The deployment environment, when one was used.
    pub environment: Option<String>,
    /// The git ref the build ran on (`refs/tags/v1.2.3`), when the provenance says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_ref: Option<String>,
    /// The commit built, when the provenance says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// Whether a file or release carries build provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Provenance {
    /// The index does not say (a mirror that strips the field, an old index).
    #[default]
    Unknown,
    /// The index carries provenance for this project, and not for this file.
    Absent,
    /// Provenance is published.
    Present {
        /// Where the attestation is served.
        url: Option<String>,
        /// Who it says built the file, when read.
        publisher: Option<Publisher>,
    },
}

impl Provenance {
    /// Whether provenance is published.
    #[must_use]
    pub fn is_present(&self) -> bool {
        matches!(self, Self::Present { .. })
    }
}

/// How strongly a release's evidence says who published it, weakest first (the
/// derived order is the strength: `a < b` means `a` is weaker).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrustLevel {
    /// Nothing: the index carries trust evidence for this project, and none for this
    /// release.
    Nothing,
    /// Only the registry's own signature (npm `dist.signatures`): the registry served
    /// these bytes, not who built them.
    RegistrySignature,
    /// Build provenance alone (npm `dist.attestations` without a trusted publisher), or
    /// a trusted publisher without provenance.
    Provenance,
    /// Trusted publishing with provenance: npm `_npmUser.trustedPublisher` with
    /// `dist.attestations`; PyPI PEP 740 attestations (PyPI accepts attestations only
    /// from trusted publishers, and each names its publisher).
    TrustedPublishing,
    /// A staged publish a maintainer approved (npm `_npmUser.approver`).
    ApprovedStaged,
}

impl TrustLevel {
    /// What the level means, for a sentence.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Nothing => "no signature, provenance or trusted publisher",
            Self::RegistrySignature => "a registry signature only",
            Self::Provenance => "build provenance without trusted publishing",
            Self::TrustedPublishing => "trusted publishing with provenance",
            Self::ApprovedStaged => "a staged publish approved by a maintainer",
        }
    }

    /// The level of one release's evidence. `carried` says whether the index carries
    /// any trust evidence for the project at all: when it does not (a mirror that
    /// strips the fields), a release without evidence is unknown (`None`), never
    /// [`TrustLevel::Nothing`].
    #[must_use]
    pub fn of(
        approved: bool,
        trusted_publisher: bool,
        provenance: bool,
        signed: bool,
        carried: bool,
    ) -> Option<Self> {
        if approved {
            Some(Self::ApprovedStaged)
        } else if trusted_publisher && provenance {
            Some(Self::TrustedPublishing)
        } else if trusted_publisher || provenance {
            Some(Self::Provenance)
        } else if signed {
            Some(Self::RegistrySignature)
        } else if carried {
            Some(Self::Nothing)
        } else {
            None
        }
    }
}

/// One downloadable file of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileRef {
    /// The file name (`pkg-1.0.tar.gz`, `name-1.0.0.tgz`).
    pub file_name: String,
    /// Where to download it.
    pub url: String,
    /// The digest the index gives.
    pub digest: Option<Digest>,
    /// Upload time, seconds since the epoch.
    pub uploaded: Option<i64>,
    /// Whether the file is yanked.
    pub yanked: bool,
    /// Its provenance.
    pub provenance: Provenance,
    /// PEP 503 `data-requires-python` / PEP 691 `requires-python`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_python: Option<String>,
    /// PEP 658/714 core metadata: `true`, or `sha256=...`, when the index serves
    /// `<url>.metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub core_metadata: Option<String>,
    /// The yank reason, when the index gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yanked_reason: Option<String>,
    /// The registry's own signatures of the file (npm `dist.signatures`), when present.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub registry_signatures: Vec<RegistrySignature>,
    /// The index's integrity string as it wrote it (npm's SRI `sha512-…`), which the
    /// registry's signatures cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrity: Option<String>,
}

/// One registry signature: the key's id and the base64 ECDSA signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegistrySignature {
    /// The id of the registry key (`SHA256:…`).
    pub keyid: String,
    /// The signature, base64 DER.
    pub sig: String,
}

/// One version of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Release {
    /// The version string as the index spells it.
    pub version: String,
    /// When it was published (the earliest upload of its files).
    pub uploaded: Option<i64>,
    /// Whether every file of it is yanked (PyPI) or it is deprecated-yanked.
    pub yanked: bool,
    /// Its files.
    pub files: Vec<FileRef>,
    /// Provenance of the release (of its preferred file).
    pub provenance: Provenance,
    /// The account that published it (npm `_npmUser`), when the index says.
    pub publisher: Option<String>,
    /// The maintainers at the time (npm), when the index says.
    pub maintainers: Option<Vec<String>>,
    /// Install-time lifecycle scripts named in the document (npm).
    pub install_scripts: Vec<String>,
    /// Dependencies named in the document (npm), name -> range.
    pub dependencies: Option<BTreeMap<String, String>>,
    /// The maintainer who approved a staged publish (npm `_npmUser.approver`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// The trusted publisher it was published through (npm
    /// `_npmUser.trustedPublisher`'s `id`, or `trusted publisher` when unnamed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trusted_publisher: Option<String>,
    /// The strength of its publishing evidence; `None` when the index does not say.
    pub trust: Option<TrustLevel>,
}

impl Release {
    /// A release with no files yet.
    #[must_use]
    pub fn new(version: &str) -> Self {
        Self {
            version: version.to_owned(),
            uploaded: None,
            yanked: false,
            files: Vec::new(),
            provenance: Provenance::Unknown,
            publisher: None,
            maintainers: None,
            install_scripts: Vec::new(),
            dependencies: None,
            approver: None,
            trusted_publisher: None,
            trust: None,
        }
    }

    /// The files an installer on this machine may take, which customs judges: the npm
    /// tarball; for PyPI the wheel for this platform (see [`platform_wheel`]) and the
    /// sdist (pip builds it when no wheel fits), whichever exist; else the preferred
    /// file.
    #[must_use]
    pub fn installer_files(&self) -> Vec<&FileRef> {
        let mut files: Vec<&FileRef> = Vec::new();
        let usable = || self.files.iter().filter(|f| !f.yanked || self.yanked);
        if let Some(wheel) = platform_wheel(usable()) {
            files.push(wheel);
        }
        if let Some(sdist) = usable().find(|f| !is_wheel(&f.file_name)) {
            files.push(sdist);
        }
        if files.is_empty() {
            files.extend(self.preferred_file());
        }
        files
    }

    /// The file customs scans for this release: the npm tarball; for PyPI the sdist
    /// (it carries `setup.py`, the code that runs at install) or else the most general
    /// wheel.
    #[must_use]
    pub fn preferred_file(&self) -> Option<&FileRef> {
        let usable = || self.files.iter().filter(|f| !f.yanked || self.yanked);
        let lower = |f: &FileRef| f.file_name.to_ascii_lowercase();
        usable()
            .find(|f| {
                let n = lower(f);
                n.ends_with(".tar.gz") || n.ends_with(".tgz")
            })
            .or_else(|| {
                usable().find(|f| {
                    let n = lower(f);
                    n.ends_with(".zip") || n.ends_with(".tar.bz2") || n.ends_with(".tar.xz")
                })
            })
            .or_else(|| usable().find(|f| lower(f).ends_with("-none-any.whl")))
            .or_else(|| usable().find(|f| lower(f).ends_with(".whl")))
            .or_else(|| usable().next())
    }
}

fn is_wheel(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".whl")
}

/// The platform tags of this machine's wheels, as pip names them: (`os` prefixes, the
/// architecture suffixes).
fn platform_tags() -> (&'static [&'static str], &'static [&'static str]) {
    let os: &[&str] = match std::env::consts::OS {
        "linux" => &["manylinux", "musllinux", "linux"],
        "macos" => &["macosx"],
        "windows" => &["win"],
        _ => &[],
    };
    let arch: &[&str] = match (std::env::consts::OS, std::env::consts::ARCH) {
        ("windows", "x86_64") => &["amd64"],
        ("windows", "x86") => &["32"],
        ("windows", "aarch64") => &["arm64"],
        ("macos", "x86_64") => &["x86_64", "intel", "universal2", "universal"],
        ("macos", "aarch64") => &["arm64", "universal2"],
        (_, "x86_64") => &["x86_64"],
        (_, "x86") => &["i686"],
        (_, "aarch64") => &["aarch64"],
        _ => &[],
    };
    (os, arch)
}

/// Whether a wheel's platform tag (`manylinux_2_17_x86_64.manylinux2014_x86_64`, `any`)
/// fits this machine.
fn fits_here(platform: &str) -> bool {
    let (os, arch) = platform_tags();
    platform.split('.').any(|tag| {
        tag == "any"
            || (os.iter().any(|o| tag.starts_with(o))
                && arch
                    .iter()
                    .any(|a| tag.ends_with(&format!("_{a}")) || *tag == format!("win{a}")))
    })
}

/// The wheel an installer on this machine takes among `files`: one whose platform tag
/// fits (see [`fits_here`]), platform-specific before `any`, the newest CPython first.
/// The local Python's own version is not asked: the newest CPython wheel stands for it.
pub fn platform_wheel<'a>(files: impl Iterator<Item = &'a FileRef>) -> Option<&'a FileRef> {
    files
        .filter_map(|f| {
            let stem = f.file_name.strip_suffix(".whl")?;
            // name-version(-build)?-python-abi-platform
            let mut parts = stem.rsplitn(4, '-');
            let platform = parts.next()?;
            let _abi = parts.next()?;
            let python = parts.next()?;
            if !fits_here(platform) {
                return None;
            }
            let specific = platform != "any";
            let cpython: u32 = python
                .split('.')
                .filter_map(|t| t.strip_prefix("cp").and_then(|v| v.parse().ok()))
                .max()
                .unwrap_or(0);
            Some(((specific, cpython), f))
        })
        .max_by_key(|(key, _)| *key)
        .map(|(_, f)| f)
}

/// A project as the index lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Project {
    /// The ecosystem.
    pub ecosystem: Ecosystem,
    /// The name as the index spells it.
    pub name: String,
    /// The index it came from (credentials removed).
    pub index: String,
    /// Releases, lowest version first.
    pub releases: Vec<Release>,
    /// The version the index calls latest (npm `dist-tags.latest`).
    pub latest: Option<String>,
    /// Other tags (npm `dist-tags`).
    pub tags: BTreeMap<String, String>,
    /// Whether the index publishes provenance for any release of this project: when
    /// not, a release without it says nothing.
    pub carries_provenance: bool,
    /// When the project was created (npm `time.created`), when the index says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
}

impl Project {
    /// Sorts releases by version and settles what "no provenance" means: absent when
    /// some release of the project has it on this index, unknown otherwise. The
    /// registry client calls it once a document is read.
    pub fn finish(&mut self) {
        let eco = self.ecosystem;
        self.releases
            .sort_by(|a, b| compare(eco, &a.version, &b.version));
        self.carries_provenance = self
            .releases
            .iter()
            .any(|r| r.files.iter().any(|f| f.provenance.is_present()));
        for release in &mut self.releases {
            if self.carries_provenance {
                for f in &mut release.files {
                    if f.provenance == Provenance::Unknown {
                        f.provenance = Provenance::Absent;
                    }
                }
            }
            release.uploaded = release.files.iter().filter_map(|f| f.uploaded).min();
            release.yanked = !release.files.is_empty() && release.files.iter().all(|f| f.yanked);
            release.provenance = release
                .preferred_file()
                .map(|f| f.provenance.clone())
                .unwrap_or_default();
        }
        self.settle_trust();
    }

    /// Sets each release's [`TrustLevel`]. A release lacks evidence (is
    /// [`TrustLevel::Nothing`]) only when the index carries some trust field for some
    /// release of the project; otherwise its trust is unknown.
    fn settle_trust(&mut self) {
        let signed = |r: &Release| {
            r.preferred_file()
                .is_some_and(|f| !f.registry_signatures.is_empty())
        };
        let carried = self.carries_provenance
            || self
                .releases
                .iter()
                .any(|r| r.approver.is_some() || r.trusted_publisher.is_some() || signed(r));
        let pypi = self.ecosystem == Ecosystem::Pypi;
        for release in &mut self.releases {
            let provenance = release.provenance.is_present();
            release.trust = TrustLevel::of(
                release.approver.is_some(),
                release.trusted_publisher.is_some() || (pypi && provenance),
                provenance,
                signed(release),
                carried,
            );
        }
    }

    /// The release with this version (compared as the ecosystem compares versions).
    #[must_use]
    pub fn release(&self, version: &str) -> Option<&Release> {
        self.releases
            .iter()
            .find(|r| compare(self.ecosystem, &r.version, version).is_eq())
    }

    /// The release a bare `NAME` means: npm's `latest` tag, or the highest version that
    /// is neither yanked nor a pre-release (a pre-release only when nothing else).
    #[must_use]
    pub fn default_release(&self) -> Option<&Release> {
        if let Some(latest) = self.latest.as_deref().and_then(|v| self.release(v)) {
            return Some(latest);
        }
        let candidates = || self.releases.iter().rev().filter(|r| !r.yanked);
        candidates()
            .find(|r| !line_of(self.ecosystem, &r.version).prerelease)
            .or_else(|| candidates().next())
            .or_else(|| self.releases.last())
    }

    /// The nearest lower version on the same release line (same major; same
    /// major.minor below 1.0), or the nearest lower version at all when the line is new.
    #[must_use]
    pub fn line_predecessor(&self, version: &str) -> Option<&Release> {
        let line = line_of(self.ecosystem, version);
        let lower = || {
            self.releases.iter().rev().filter(|r| {
                compare(self.ecosystem, &r.version, version).is_lt()
                    && (line.prerelease || !line_of(self.ecosystem, &r.version).prerelease)
            })
        };
        lower()
            .find(|r| line_of(self.ecosystem, &r.version).key == line.key)
            .or_else(|| lower().next())
    }

    /// The release uploaded last before this one.
    #[must_use]
    pub fn previous_upload(&self, version: &str) -> Option<&Release> {
        let at = self.release(version)?.uploaded?;
        self.releases
            .iter()
            .filter(|r| r.uploaded.is_some_and(|t| t < at))
            .max_by_key(|r| r.uploaded)
    }

    /// Releases uploaded before this one, newest first.
    pub fn earlier_uploads(&self, version: &str) -> Vec<&Release> {
        let Some(at) = self.release(version).and_then(|r| r.uploaded) else {
            return Vec::new();
        };
        let mut earlier: Vec<&Release> = self
            .releases
            .iter()
            .filter(|r| r.uploaded.is_some_and(|t| t < at))
            .collect();
        earlier.sort_by_key(|r| std::cmp::Reverse(r.uploaded));
        earlier
    }

    /// The release line of a version.
    #[must_use]
    pub fn line(&self, version: &str) -> ReleaseLine {
        line_of(self.ecosystem, version)
    }

    /// When the project was first published: its creation time (npm `time.created`)
    /// or its first release's upload, whichever is earlier.
    #[must_use]
    pub fn first_upload(&self) -> Option<i64> {
        self.releases
            .iter()
            .filter_map(|r| r.uploaded)
            .chain(self.created)
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_pinned_by_lockfile_hashes_whatever_their_case() {
        let locked = LockedHash::sri("sha512-q83vAQ==");
        // An index that writes its hex in upper case is still pinned.
        assert!(Digest::Sha512("ABCDEF01".into()).pinned_by(&locked));
        assert!(!Digest::Sha256("abcdef01".into()).pinned_by(&locked));
        let req = [
            LockedHash::parse("sha256:00ff").expect("hex"),
            LockedHash::parse("SHA256=ABCD").expect("hex"),
        ];
        assert!(Digest::Sha256("abcd".into()).pinned_by(&req));
        assert!(!Digest::Sha256("abce".into()).pinned_by(&req));
        assert_eq!(
            Digest::from_locked(&LockedHash::new("SHA512", "AB")),
            Some(Digest::Sha512("ab".into()))
        );
        assert_eq!(Digest::from_locked(&LockedHash::new("md5", "ab")), None);
    }

    /// The order is the strength, strongest last; unknown is not a level.
    #[test]
    fn trust_levels_are_ordered_by_strength() {
        use TrustLevel::{
            ApprovedStaged, Nothing, Provenance, RegistrySignature, TrustedPublishing,
        };
        let mut levels = [
            TrustedPublishing,
            Nothing,
            ApprovedStaged,
            RegistrySignature,
            Provenance,
        ];
        levels.sort();
        assert_eq!(
            levels,
            [
                Nothing,
                RegistrySignature,
                Provenance,
                TrustedPublishing,
                ApprovedStaged
            ]
        );
        assert_eq!(
            TrustLevel::of(true, false, false, false, true),
            Some(ApprovedStaged)
        );
        assert_eq!(
            TrustLevel::of(false, true, true, true, true),
            Some(TrustedPublishing)
        );
        assert_eq!(
            TrustLevel::of(false, true, false, true, true),
            Some(Provenance),
            "a trusted publisher without provenance"
        );
        assert_eq!(
            TrustLevel::of(false, false, true, true, true),
            Some(Provenance)
        );
        assert_eq!(
            TrustLevel::of(false, false, false, true, true),
            Some(RegistrySignature)
        );
        assert_eq!(
            TrustLevel::of(false, false, false, false, true),
            Some(Nothing)
        );
        assert_eq!(
            TrustLevel::of(false, false, false, false, false),
            None,
            "an index that carries no evidence says nothing"
        );
    }

    fn file(name: &str) -> FileRef {
        FileRef {
            file_name: name.to_owned(),
            url: format!("http://127.0.0.1:1/{name}"),
            digest: None,
            uploaded: None,
            yanked: false,
            provenance: Provenance::Unknown,
            requires_python: None,
            core_metadata: None,
            yanked_reason: None,
            registry_signatures: Vec::new(),
            integrity: None,
        }
    }

    /// The installer takes the wheel for this platform, and the sdist when none fits.
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    #[test]
    fn installer_files_on_linux_x86_64() {
        let mut r = Release::new("2.0");
        r.files = [
            "demo-2.0.tar.gz",
            "demo-2.0-cp312-cp312-win_amd64.whl",
            "demo-2.0-cp312-cp312-macosx_11_0_arm64.whl",
            "demo-2.0-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "demo-2.0-cp312-cp312-manylinux_2_17_aarch64.whl",
            "demo-2.0-py3-none-any.whl",
        ]
        .iter()
        .map(|n| file(n))
        .collect();
        let names: Vec<&str> = r
            .installer_files()
            .iter()
            .map(|f| f.file_name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "demo-2.0.tar.gz"
            ]
        );
        r.files.retain(|f| !f.file_name.contains("manylinux"));
        let names: Vec<String> = r
            .installer_files()
            .iter()
            .map(|f| f.file_name.clone())
            .collect();
        assert_eq!(names, ["demo-2.0-py3-none-any.whl", "demo-2.0.tar.gz"]);
        r.files.retain(|f| f.file_name.ends_with("win_amd64.whl"));
        assert_eq!(
            r.installer_files()[0].file_name,
            "demo-2.0-cp312-cp312-win_amd64.whl",
            "nothing fits: the preferred file"
        );
    }
}
