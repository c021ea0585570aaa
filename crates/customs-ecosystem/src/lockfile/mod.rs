//! Lockfiles and requirement files: every entry resolved to a name, an exact version
//! (when the file pins one), the hashes the file records, and the dependencies that
//! pulled it in. A malformed file is an error naming the file and the line.
//!
//! Python: `requirements*.txt` (with `-r`/`-c` includes, `--hash`, markers, URLs),
//! `pylock.toml` (PEP 751), `uv.lock`, `poetry.lock`, `Pipfile.lock`, `pdm.lock`.
//! npm: `package-lock.json` (v1-v3), `npm-shrinkwrap.json`, `yarn.lock` (classic and
//! berry, `__metadata` versions up to 10), `pnpm-lock.yaml` (v5-v9, which pnpm 9 and 10 write),
//! `bun.lock` (bun's text lockfile, JSONC).

mod npm;
mod python;

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Ecosystem, canonical_name};

/// A hash a lockfile records for an entry, normalised when it is read: the algorithm's
/// name in lower case, the digest in lower-case hex whatever the lockfile wrote
/// (`sha256:HEX` and `sha256=HEX` in requirements files and Python lockfiles, upper- or
/// lower-case; npm's SRI `sha512-BASE64`, decoded).
///
/// Matching, one rule for every surface (audit, verify): a hash pins a digest when
/// the algorithms are the same and the digests are the same bytes, compared without
/// regard to case on either side ([`LockedHash::matches`]). An entry may pin several
/// hashes (a wheel and an sdist, several wheels, SRI lists): it pins a digest when any
/// of them does ([`LockedHash::any_matches`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct LockedHash {
    /// `sha256`, `sha512`, `sha1`..., lower case.
    pub algorithm: String,
    /// Lower-case hex.
    pub hex: String,
}

impl LockedHash {
    /// A hash from an algorithm's name and a hex digest, in any case.
    #[must_use]
    pub fn new(algorithm: &str, hex: &str) -> Self {
        Self {
            algorithm: algorithm.trim().to_ascii_lowercase(),
            hex: hex.trim().to_ascii_lowercase(),
        }
    }

    /// `sha256:HEX` or `sha256=HEX` (any case). `None` when it is neither, or the
    /// digest is not hex.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let (algorithm, hex) = text.trim().split_once([':', '='])?;
        let h = Self::new(algorithm, hex);
        (!h.hex.is_empty() && h.hex.bytes().all(|b| b.is_ascii_hexdigit())).then_some(h)
    }

    /// An SRI string (`sha512-BASE64 sha1-BASE64`), as hashes; parts that are not
    /// `ALGORITHM-BASE64` are left out.
    #[must_use]
    pub fn sri(integrity: &str) -> Vec<Self> {
        use base64::Engine as _;
        integrity
            .split_whitespace()
            .filter_map(|part| {
                let (algorithm, b64) = part.split_once('-')?;
                let bytes = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
                Some(Self::new(algorithm, &hex::encode(bytes)))
            })
            .collect()
    }

    /// Whether this hash is in `algorithm` (any case).
    #[must_use]
    pub fn is_in(&self, algorithm: &str) -> bool {
        self.algorithm.eq_ignore_ascii_case(algorithm.trim())
    }

    /// Whether this hash pins the digest `hex` (any case) in `algorithm` (any case).
    #[must_use]
    pub fn matches(&self, algorithm: &str, hex: &str) -> bool {
        self.is_in(algorithm) && self.hex.eq_ignore_ascii_case(hex.trim())
    }

    /// Whether any of `hashes` pins the digest `hex` in `algorithm`.
    #[must_use]
    pub fn any_matches(hashes: &[Self], algorithm: &str, hex: &str) -> bool {
        hashes.iter().any(|h| h.matches(algorithm, hex))
    }
}

/// One dependency of a project as its lockfile records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Locked {
    /// The ecosystem.
    pub ecosystem: Ecosystem,
    /// The name as written.
    pub name: String,
    /// The exact version, or empty when the file does not pin one.
    pub version: String,
    /// The requirement as written, for unpinned entries (`>=2,<3`).
    pub requirement: String,
    /// Hashes recorded for its artifacts (any of them may be the one installed).
    pub hashes: Vec<LockedHash>,
    /// Where it comes from when that is not the registry (URL, git, path).
    pub source: Option<String>,
    /// Whether the project depends on it directly.
    pub direct: bool,
    /// Only a development dependency.
    pub dev: bool,
    /// The names of the entries it depends on.
    pub requires: Vec<String>,
    /// 1-based line of the entry in the file.
    pub line: u32,
    /// The file the entry is written in, when it is not the lockfile itself (a
    /// requirements file included with `-r`).
    pub file: Option<PathBuf>,
}

impl Locked {
    pub(crate) fn new(ecosystem: Ecosystem, name: &str, version: &str, line: u32) -> Self {
        Self {
            ecosystem,
            name: name.to_owned(),
            version: version.to_owned(),
            requirement: String::new(),
            hashes: Vec::new(),
            source: None,
            direct: false,
            dev: false,
            requires: Vec::new(),
            line,
            file: None,
        }
    }
}

/// The format of a lockfile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LockKind {
    /// `requirements*.txt`.
    Requirements,
    /// PEP 751 `pylock.toml`.
    Pylock,
    /// `uv.lock`.
    UvLock,
    /// `poetry.lock`.
    PoetryLock,
    /// `Pipfile.lock`.
    PipfileLock,
    /// `pdm.lock`.
    PdmLock,
    /// `package-lock.json` or `npm-shrinkwrap.json`.
    PackageLock,
    /// `yarn.lock`.
    YarnLock,
    /// `pnpm-lock.yaml`.
    PnpmLock,
    /// `bun.lock` (bun's text lockfile).
    BunLock,
}

impl LockKind {
    /// The kind of a file, from its name.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        let lower = name.to_ascii_lowercase();
        Some(match lower.as_str() {
            "pylock.toml" => Self::Pylock,
            "uv.lock" => Self::UvLock,
            "poetry.lock" => Self::PoetryLock,
            "pipfile.lock" => Self::PipfileLock,
            "pdm.lock" => Self::PdmLock,
            "package-lock.json" | "npm-shrinkwrap.json" => Self::PackageLock,
            "yarn.lock" => Self::YarnLock,
            "pnpm-lock.yaml" => Self::PnpmLock,
            "bun.lock" => Self::BunLock,
            _ if lower.starts_with("pylock.") && lower.ends_with(".toml") => Self::Pylock,
            _ if lower.starts_with("requirements") && lower.ends_with(".txt") => Self::Requirements,
            _ if lower.ends_with(".txt") && lower.contains("requirements") => Self::Requirements,
            _ => return None,
        })
    }

    /// The ecosystem its entries belong to.
    #[must_use]
    pub fn ecosystem(self) -> Ecosystem {
        match self {
            Self::PackageLock | Self::YarnLock | Self::PnpmLock | Self::BunLock => Ecosystem::Npm,
            _ => Ecosystem::Pypi,
        }
    }
}

/// A parsed lockfile.
#[derive(Debug, Clone, Serialize)]
pub struct Lockfile {
    /// Where it is.
    pub path: PathBuf,
    /// Its format.
    pub kind: LockKind,
    /// Its entries.
    pub entries: Vec<Locked>,
}

/// A lockfile that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LockError {
    /// The file.
    pub path: PathBuf,
    /// The line, when known.
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl LockError {
    pub(crate) fn new(path: &Path, line: Option<u32>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// Reads and parses a lockfile.
///
/// # Errors
/// When the file cannot be read, is not of a known kind, or is malformed.
pub fn read_lockfile(path: &Path) -> Result<Lockfile, LockError> {
    let kind = LockKind::of(path).ok_or_else(|| {
        LockError::new(
            path,
            None,
            "not a lockfile or requirements file customs knows",
        )
    })?;
    let text = read_text(path)?;
    parse_lockfile(kind, path, &text)
}

/// Parses a lockfile's text as `kind` (`path` names it in errors; requirement files
/// resolve their `-r`/`-c` includes next to it).
///
/// # Errors
/// When the text is malformed.
pub fn parse_lockfile(kind: LockKind, path: &Path, text: &str) -> Result<Lockfile, LockError> {
    let mut entries = match kind {
        LockKind::Requirements => python::requirements(path, text)?,
        LockKind::Pylock => python::pylock(path, text)?,
        LockKind::UvLock => python::uv_lock(path, text)?,
        LockKind::PoetryLock => python::poetry_lock(path, text)?,
        LockKind::PipfileLock => python::pipfile_lock(path, text)?,
        LockKind::PdmLock => python::pdm_lock(path, text)?,
        LockKind::PackageLock => npm::package_lock(path, text)?,
        LockKind::YarnLock => npm::yarn_lock(path, text)?,
        LockKind::PnpmLock => npm::pnpm_lock(path, text)?,
        LockKind::BunLock => npm::bun_lock(path, text)?,
    };
    for e in &mut entries {
        e.hashes
            .sort_by(|a, b| (&a.algorithm, &a.hex).cmp(&(&b.algorithm, &b.hex)));
        e.hashes.dedup();
    }
    Ok(Lockfile {
        path: path.to_owned(),
        kind,
        entries,
    })
}

/// The largest lockfile read (the biggest real ones are tens of megabytes).
const MAX_LOCKFILE: u64 = 256 << 20;

pub(crate) fn read_text(path: &Path) -> Result<String, LockError> {
    let meta = std::fs::metadata(path).map_err(|e| LockError::new(path, None, e.to_string()))?;
    if meta.len() > MAX_LOCKFILE {
        return Err(LockError::new(
            path,
            None,
            format!("larger than {MAX_LOCKFILE} bytes"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| LockError::new(path, None, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = line_at(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        LockError::new(path, Some(line), "not UTF-8 text")
    })
}

/// The lockfiles of a project folder, one per format (the folder itself, not below).
#[must_use]
pub fn find_lockfiles(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && LockKind::of(p).is_some())
        .collect();
    found.sort();
    // npm-shrinkwrap.json wins over package-lock.json, as npm decides.
    if found.iter().any(|p| p.ends_with("npm-shrinkwrap.json")) {
        found.retain(|p| !p.ends_with("package-lock.json"));
    }
    found
}

/// The 1-based line of a byte offset.
pub(crate) fn line_at(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let n = text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    u32::try_from(n + 1).unwrap_or(u32::MAX)
}

/// The line of the first occurrence of `needle` at or after line `from` (1 when absent).
/// The lines of a text, for finding many offsets' lines without counting from the start
/// each time.
pub(crate) struct LineIndex {
    /// Offsets of the newlines.
    newlines: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line of `offset` (as [`line_at`]).
    pub(crate) fn line(&self, offset: usize) -> u32 {
        let before = self.newlines.partition_point(|&n| n < offset);
        u32::try_from(before + 1).unwrap_or(u32::MAX)
    }
}

pub(crate) fn line_of(text: &str, needle: &str) -> u32 {
    text.find(needle).map_or(1, |i| line_at(text, i))
}

/// `sha256:abc` / `sha256=abc` as a hash (see [`LockedHash::parse`]).
pub(crate) fn parse_hash(s: &str) -> Option<LockedHash> {
    LockedHash::parse(s)
}

/// The chain of dependencies that brings `index` into the project, from a direct
/// dependency down to the entry itself (shortest such chain).
#[must_use]
pub fn dependency_path(entries: &[Locked], index: usize) -> Vec<String> {
    dependency_paths(entries).swap_remove(index)
}

/// [`dependency_path`] of every entry, found in one walk of the lockfile's graph (the
/// same walk, breadth first from the direct dependencies in their order, that finds
/// each entry's path on its own).
#[must_use]
pub fn dependency_paths(entries: &[Locked]) -> Vec<Vec<String>> {
    let key = |e: &Locked, n: &str| canonical_name(e.ecosystem, n);
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_name.entry(key(e, &e.name)).or_default().push(i);
    }
    // How each entry was first reached: from which entry (`None` for a root).
    let mut parent: Vec<Option<Option<usize>>> = vec![None; entries.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for (i, e) in entries.iter().enumerate() {
        if e.direct {
            parent[i] = Some(None);
            queue.push_back(i);
        }
    }
    while let Some(last) = queue.pop_front() {
        for child in &entries[last].requires {
            for &c in by_name
                .get(&key(&entries[last], child))
                .into_iter()
                .flatten()
            {
                if parent[c].is_none() {
                    parent[c] = Some(Some(last));
                    queue.push_back(c);
                }
            }
        }
    }
    (0..entries.len())
        .map(|i| {
            if entries[i].direct || parent[i].is_none() {
                return vec![entries[i].name.clone()];
            }
            let mut path = vec![entries[i].name.clone()];
            let mut at = i;
            while let Some(Some(p)) = parent[at] {
                path.push(entries[p].name.clone());
                at = p;
            }
            path.reverse();
            path
        })
        .collect()
}

/// The earlier walk of one entry, kept to check [`dependency_paths`] against.
#[cfg(test)]
fn dependency_path_alone(entries: &[Locked], index: usize) -> Vec<String> {
    let target = &entries[index];
    if target.direct {
        return vec![target.name.clone()];
    }
    let eco = target.ecosystem;
    let key = |n: &str| canonical_name(eco, n);
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_name.entry(key(&e.name)).or_default().push(i);
    }
    let mut queue: VecDeque<Vec<usize>> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.direct)
        .map(|(i, _)| vec![i])
        .collect();
    let mut seen: std::collections::BTreeSet<usize> = queue.iter().flatten().copied().collect();
    while let Some(path) = queue.pop_front() {
        let last = *path.last().unwrap_or(&index);
        if last == index {
            return path.iter().map(|&i| entries[i].name.clone()).collect();
        }
        for child in &entries[last].requires {
            for &c in by_name.get(&key(child)).into_iter().flatten() {
                if seen.insert(c) {
                    let mut next = path.clone();
                    next.push(c);
                    queue.push_back(next);
                }
            }
        }
    }
    vec![target.name.clone()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_hashes_are_normalised_and_matched_one_way() {
        // Upper-case hex and algorithm, either separator: one normal form.
        let upper = LockedHash::parse("SHA256:ABCDEF01").expect("hex");
        assert_eq!(upper, LockedHash::new("sha256", "abcdef01"));
        assert_eq!(LockedHash::parse(" sha256=abcdef01 "), Some(upper.clone()));
        // Not hex, or no separator: no hash.
        assert_eq!(LockedHash::parse("sha256:xyz"), None);
        assert_eq!(LockedHash::parse("sha256-q83vAQ=="), None);
        assert_eq!(LockedHash::parse("sha256:"), None);
        // npm's SRI, base64 decoded to the same hex; several per entry, bad parts out.
        let sri = LockedHash::sri("sha512-q83vAQ== SHA1-q83vAQ== md5-!!! junk");
        assert_eq!(
            sri,
            [
                LockedHash::new("sha512", "abcdef01"),
                LockedHash::new("sha1", "abcdef01")
            ]
        );
        // Matching ignores case on both sides and needs the same algorithm.
        assert!(upper.matches("SHA256", "ABCDEF01"));
        assert!(upper.matches("sha256", "abcdef01"));
        assert!(!upper.matches("sha512", "abcdef01"));
        assert!(!upper.matches("sha256", "abcdef02"));
        // Several hashes per pin: any one of them pins the digest.
        let both = [LockedHash::new("sha256", "00"), upper];
        assert!(LockedHash::any_matches(&both, "sha256", "ABCDEF01"));
        assert!(LockedHash::any_matches(&both, "sha256", "00"));
        assert!(!LockedHash::any_matches(&both, "sha256", "01"));
        assert!(!LockedHash::any_matches(&[], "sha256", "00"));
    }

    #[test]
    fn paths_from_direct_dependencies() {
        let mut a = Locked::new(Ecosystem::Npm, "a", "1.0.0", 1);
        a.direct = true;
        a.requires = vec!["b".into()];
        let mut b = Locked::new(Ecosystem::Npm, "b", "1.0.0", 2);
        b.requires = vec!["c".into()];
        let c = Locked::new(Ecosystem::Npm, "c", "1.0.0", 3);
        let orphan = Locked::new(Ecosystem::Npm, "d", "1.0.0", 4);
        let entries = vec![a, b, c, orphan];
        assert_eq!(dependency_path(&entries, 2), ["a", "b", "c"]);
        assert_eq!(dependency_path(&entries, 0), ["a"]);
        assert_eq!(dependency_path(&entries, 3), ["d"]);
        assert_eq!(
            LockKind::of(Path::new("x/requirements-dev.txt")),
            Some(LockKind::Requirements)
        );
        assert_eq!(LockKind::of(Path::new("README.md")), None);
    }

    #[test]
    fn one_walk_finds_the_paths_each_walk_finds() {
        // A graph with shared, repeated (two versions of one name), cyclic and
        // unreachable entries, made from a small linear congruential sequence.
        let mut seed = 7_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from((seed >> 33) % n).unwrap_or(0)
        };
        let names: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
        let entries: Vec<Locked> = (0..60)
            .map(|i| {
                let mut e = Locked::new(Ecosystem::Npm, &names[i % 40], "1.0.0", 1);
                e.direct = i < 4;
                e.requires = (0..next(4)).map(|_| names[next(40)].clone()).collect();
                e
            })
            .collect();
        let all = dependency_paths(&entries);
        for (i, path) in all.iter().enumerate() {
            assert_eq!(path, &dependency_path_alone(&entries, i), "entry {i}");
        }
        assert!(all.iter().any(|p| p.len() > 2), "{all:?}");
    }

    #[test]
    fn lines_of_offsets() {
        let text = "a\nbb\n\nc";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(index.line(offset), line_at(text, offset), "{offset}");
        }
    }
}
