use std::fmt;

/// The container format, detected from the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A zip archive (wheel, egg, zip sdist).
    Zip,
    /// A gzip-compressed tar (sdist, npm tarball).
    TarGz,
    /// A bzip2-compressed tar.
    TarBz2,
    /// An xz-compressed tar.
    TarXz,
    /// An uncompressed tar.
    Tar,
    /// A folder on disk.
    Folder,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Zip => "zip",
            Self::TarGz => "tar.gz",
            Self::TarBz2 => "tar.bz2",
            Self::TarXz => "tar.xz",
            Self::Tar => "tar",
            Self::Folder => "folder",
        })
    }
}

/// How much of a member the caller needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The whole content (up to [`crate::Limits::max_file_bytes`]).
    Content,
    /// The first [`crate::HEAD_LEN`] bytes, enough to recognise a native binary.
    Head,
    /// Nothing but the name and size.
    Nothing,
}

/// What kind of member this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file.
    File,
    /// A symbolic link, with its target.
    Symlink(String),
    /// A hard link, with its target.
    Hardlink(String),
    /// A device, a FIFO or another special file.
    Special,
}

/// One member of the archive.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The member's path as stored ('/'-separated; members of nested archives are
    /// `outer.zip!/inner/path`).
    pub path: String,
    /// File, link or special.
    pub kind: EntryKind,
    /// Uncompressed size: as read when the member was read to its end, else as declared.
    pub size: u64,
    /// The bytes kept (all of them, the head, or none).
    pub data: Vec<u8>,
    /// `data` holds the whole member.
    pub complete: bool,
    /// sha256 of the whole member, when hashing was asked for and it was read to the end.
    pub sha256: Option<[u8; 32]>,
    /// Unix permission bits when the archive records them.
    pub mode: Option<u32>,
    /// The member is itself an archive whose members were added to the tree.
    pub nested: bool,
}

impl Entry {
    /// A member of which nothing was kept.
    #[must_use]
    pub fn bare(path: String, kind: EntryKind, size: u64, mode: Option<u32>) -> Self {
        Self {
            path,
            kind,
            size,
            data: Vec::new(),
            complete: false,
            sha256: None,
            mode,
            nested: false,
        }
    }

    /// The kept bytes as text, if they are UTF-8.
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }
}

/// What a hostile or broken archive did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnomalyKind {
    /// A member path climbs out of the extraction folder (`..`).
    PathTraversal,
    /// A member path is absolute or carries a drive letter.
    AbsolutePath,
    /// A member name that is not valid UTF-8, or has control characters or backslashes.
    SuspiciousName,
    /// A symbolic link.
    Symlink,
    /// A hard link.
    Hardlink,
    /// A device, FIFO or other special file.
    SpecialFile,
    /// Two members with the same name and different content.
    DuplicateEntry,
    /// Two members with the same name and the same content.
    RepeatedEntry,
    /// A zip whose local headers disagree with its central directory, overlap, or hide
    /// members the central directory does not list.
    HeaderMismatch,
    /// An encrypted member.
    Encrypted,
    /// A member or stream expands far beyond what its compressed size explains.
    CompressionBomb,
    /// More members than the limit.
    TooManyEntries,
    /// More uncompressed bytes than the limit.
    TotalSizeExceeded,
    /// A member larger than the per-file limit (hashed, not analysed).
    FileTooLarge,
    /// A nested archive deeper than the limit.
    NestingTooDeep,
    /// A nested archive that could not be read.
    NestedUnreadable,
    /// A member that could not be decompressed.
    UnreadableMember,
    /// The stream breaks off (truncated or corrupt) after some members were read.
    Truncated,
}

impl AnomalyKind {
    /// A short stable identifier.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PathTraversal => "path-traversal",
            Self::AbsolutePath => "absolute-path",
            Self::SuspiciousName => "suspicious-name",
            Self::Symlink => "symlink",
            Self::Hardlink => "hardlink",
            Self::SpecialFile => "special-file",
            Self::DuplicateEntry => "duplicate-entry",
            Self::RepeatedEntry => "repeated-entry",
            Self::HeaderMismatch => "header-mismatch",
            Self::Encrypted => "encrypted-entry",
            Self::CompressionBomb => "compression-bomb",
            Self::TooManyEntries => "too-many-entries",
            Self::TotalSizeExceeded => "total-size-exceeded",
            Self::FileTooLarge => "file-too-large",
            Self::NestingTooDeep => "nesting-too-deep",
            Self::NestedUnreadable => "nested-unreadable",
            Self::UnreadableMember => "unreadable-member",
            Self::Truncated => "truncated",
        }
    }
}

/// One thing a hostile or broken archive did, with the member it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anomaly {
    /// What happened.
    pub kind: AnomalyKind,
    /// The member path (empty when it concerns the whole archive).
    pub path: String,
    /// A sentence for the report.
    pub detail: String,
}

impl Anomaly {
    pub(crate) fn too_large(path: &str, limit: u64) -> Self {
        Self::new(
            AnomalyKind::FileTooLarge,
            path,
            format!("member is larger than the {limit} byte analysis limit: noted, not analysed"),
        )
    }

    pub(crate) fn new(kind: AnomalyKind, path: &str, detail: impl Into<String>) -> Self {
        Self {
            kind,
            path: path.to_owned(),
            detail: detail.into(),
        }
    }
}

/// Why part of an artifact was not read. A member past a per-member limit (too large,
/// a compression bomb) is skipped and reading goes on, so that is an [`Anomaly`] only;
/// these are the causes that leave members unread, so that no verdict on what was read
/// can vouch for the whole artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IncompleteCause {
    /// The whole archive expands past [`crate::Limits::max_total_bytes`].
    TotalSizeExceeded,
    /// The archive has more members than [`crate::Limits::max_entries`].
    TooManyEntries,
    /// The stream is truncated or corrupt after some members were read.
    Truncated,
    /// A member of the archive (not of a nested one) could not be decompressed or listed.
    UnreadableMember,
}

impl IncompleteCause {
    /// A short stable identifier.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TotalSizeExceeded => "total-size-exceeded",
            Self::TooManyEntries => "too-many-entries",
            Self::Truncated => "truncated",
            Self::UnreadableMember => "unreadable-member",
        }
    }
}

impl fmt::Display for IncompleteCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reason the artifact was not read in full, with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    /// What stopped the reading.
    pub cause: IncompleteCause,
    /// The member or nested archive it concerns (empty for the artifact itself).
    pub path: String,
    /// A sentence for the report.
    pub detail: String,
}

impl Incomplete {
    pub(crate) fn new(cause: IncompleteCause, path: &str, detail: impl Into<String>) -> Self {
        Self {
            cause,
            path: path.to_owned(),
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Incomplete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.cause, self.detail)
        } else {
            write!(f, "{}: {}: {}", self.cause, self.path, self.detail)
        }
    }
}

/// Everything read from one archive or folder.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The container format.
    pub format: Format,
    /// Members, sorted by path.
    pub entries: Vec<Entry>,
    /// What the archive did that it should not have.
    pub anomalies: Vec<Anomaly>,
    /// Uncompressed bytes read.
    pub total_bytes: u64,
    /// Why members were left unread; empty when the artifact was read in full. A verdict
    /// on a tree that was not read in full covers only part of the artifact: the caller
    /// must treat the artifact as unreadable.
    pub incomplete: Vec<Incomplete>,
}

impl Tree {
    /// The member at `path`, if any.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// True when every member was read (or skipped past a per-member limit, which is an
    /// anomaly), so that the tree stands for the whole artifact.
    #[must_use]
    pub fn read_in_full(&self) -> bool {
        self.incomplete.is_empty()
    }

    /// True when an anomaly of this kind was seen.
    #[must_use]
    pub fn has(&self, kind: AnomalyKind) -> bool {
        self.anomalies.iter().any(|a| a.kind == kind)
    }
}
