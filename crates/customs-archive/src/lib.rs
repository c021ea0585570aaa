//! Bounded reading of package archives.
//!
//! Every byte of a scanned package is hostile until proven otherwise. This crate reads
//! sdists (`.tar.gz`, `.tar.bz2`, `.tar.xz`, `.zip`), wheels, eggs and npm tarballs,
//! held in memory ([`read_archive`]) or streamed from a file ([`read_archive_file`]),
//! never writing anything to disk, under hard [`Limits`]. What a
//! hostile archive does to the reader (a compression bomb, a path that climbs out of the
//! extraction folder, a symlink, a duplicate name, a local header that disagrees with
//! the central directory, an encrypted member) becomes an [`Anomaly`] on the returned
//! [`Tree`] for the rules to judge, never a crash, a hang or an unbounded allocation.
//! An archive that cannot be read at all (truncated, corrupt, not an archive) is an
//! [`ArchiveError`].
//!
//! The caller decides per member how much it needs ([`Want`]): analysers need the
//! whole text of a Python or JavaScript file, the native-binary check needs only the
//! first bytes, and images or data files need nothing. Zip members that are not wanted
//! are not even inflated (unless a hash of every member is asked for, as comparing two
//! releases file by file needs), and large zips are inflated on several threads, entry by
//! entry. Every member kept whole carries its sha256.

mod dir;
mod limits;
mod path;
mod tar_reader;
mod tree;
mod zip_reader;

use std::io::Read as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub use dir::{read_dir, read_files};
pub use limits::Limits;
pub use path::check_member_path;
pub use tree::{
    Anomaly, AnomalyKind, Entry, EntryKind, Format, Incomplete, IncompleteCause, Tree, Want,
};

/// How many leading bytes a [`Want::Head`] member keeps: enough for any magic number.
pub const HEAD_LEN: usize = 512;

/// The first bytes of a zip's first local file header.
pub(crate) const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

/// Separator between an outer archive's member path and a path inside a nested archive.
pub const NESTED_SEPARATOR: &str = "!/";

/// An archive that could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The bytes are not any archive format customs reads.
    #[error("not a package archive: {0}")]
    NotAnArchive(String),
    /// The archive is truncated or corrupt.
    #[error("corrupt or truncated {format} archive: {detail}")]
    Corrupt {
        /// Which container format was being read.
        format: Format,
        /// What the decoder reported.
        detail: String,
    },
    /// A local folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// What the reader needs to know besides the bytes.
#[derive(Clone, Copy)]
pub struct ReadOptions<'a> {
    /// The hard limits.
    pub limits: &'a Limits,
    /// Compute the sha256 of every regular member, inflating those that are otherwise not
    /// wanted (comparing releases file by file needs this). Members kept whole are hashed
    /// either way.
    pub hash_all: bool,
    /// Decides per member path (and declared size) how much of it to keep.
    pub select: &'a (dyn Fn(&str, u64) -> Want + Sync),
    /// Told of each whole member of a tar stream as soon as it is read, while the rest
    /// of the stream is still being inflated (so that work on it can start early).
    pub on_member: Option<&'a (dyn Fn(&Entry) + Sync)>,
}

/// Detects the container format from the leading bytes (never from the file name).
#[must_use]
pub fn detect_format(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Format::Zip)
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(Format::TarGz)
    } else if bytes.starts_with(b"BZh") {
        Some(Format::TarBz2)
    } else if bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Some(Format::TarXz)
    } else if bytes.len() > 262 && &bytes[257..262] == b"ustar" {
        Some(Format::Tar)
    } else {
        None
    }
}

/// True when a member name looks like an archive that should be opened as well.
#[must_use]
pub fn is_archive_name(path: &str) -> bool {
    // Every member's path is asked about: compared in place, without a lower-cased copy.
    let path = path.as_bytes();
    [
        ".zip", ".whl", ".egg", ".jar", ".tgz", ".tar.gz", ".tar", ".tar.bz2", ".tar.xz", ".crate",
    ]
    .iter()
    .any(|ext| {
        path.len() >= ext.len()
            && path[path.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    })
}

/// Reads an archive held in memory.
///
/// # Errors
/// [`ArchiveError::NotAnArchive`] when the bytes are no known archive format, and
/// [`ArchiveError::Corrupt`] when the container cannot be decoded. Everything else a
/// hostile archive does is reported as an [`Anomaly`] on the tree.
pub fn read_archive(bytes: &[u8], options: &ReadOptions<'_>) -> Result<Tree, ArchiveError> {
    let format = detect_format(bytes).ok_or_else(|| {
        ArchiveError::NotAnArchive(match bytes.len() {
            0 => "the file is empty".to_owned(),
            n => format!("{n} bytes with no zip, gzip, bzip2, xz or tar signature"),
        })
    })?;
    let budget = Budget::new(options.limits);
    let sink = Sink::default();
    read_container(format, bytes, "", 0, options, &budget, &sink)?;
    Ok(sink.into_tree(format, budget.used()))
}

/// Reads an archive from a file without holding it in memory: a tar stream is inflated
/// as it is read, a zip's members are read at their offsets. Memory stays bounded by the
/// limits on what is kept, whatever the file's size. The file must not change while it
/// is read (the artifact cache only ever replaces files whole).
///
/// # Errors
/// As [`read_archive`], and [`ArchiveError::Io`] when the file cannot be read.
pub fn read_archive_file(
    file: &std::fs::File,
    shown: &str,
    options: &ReadOptions<'_>,
) -> Result<Tree, ArchiveError> {
    read_archive_file_hashing(file, shown, options, false).map(|(tree, _)| tree)
}

/// [`read_archive_file`], with the sha256 of the whole file when the archive is read
/// front to back (a tar, plain or compressed): its bytes are hashed as the reader takes
/// them, and whatever follows the archive's end after that, so the file is read once
/// for both. `None` for a zip, whose members are read at their offsets: its digest is
/// [`file_sha256`]'s.
///
/// # Errors
/// As [`read_archive_file`].
pub fn read_archive_file_sha256(
    file: &std::fs::File,
    shown: &str,
    options: &ReadOptions<'_>,
) -> Result<(Tree, Option<[u8; 32]>), ArchiveError> {
    read_archive_file_hashing(file, shown, options, true)
}

fn read_archive_file_hashing(
    file: &std::fs::File,
    shown: &str,
    options: &ReadOptions<'_>,
    hash: bool,
) -> Result<(Tree, Option<[u8; 32]>), ArchiveError> {
    let io = |source: std::io::Error| ArchiveError::Io {
        path: shown.to_owned(),
        source,
    };
    let len = file.metadata().map_err(io)?.len();
    let at = FileAt::new(file.try_clone().map_err(io)?, len);
    let mut head = [0u8; HEAD_LEN];
    let got = at.read_at_most(&mut head, 0).map_err(io)?;
    let format = detect_format(&head[..got]).ok_or_else(|| {
        ArchiveError::NotAnArchive(match len {
            0 => "the file is empty".to_owned(),
            n => format!("{n} bytes with no zip, gzip, bzip2, xz or tar signature"),
        })
    })?;
    if format == Format::Zip {
        let budget = Budget::new(options.limits);
        let sink = Sink::default();
        zip_reader::read(at, len, "", 0, options, &budget, &sink)?;
        return Ok((sink.into_tree(format, budget.used()), None));
    }
    if !hash {
        return read_tar_stream(format, at, options).map(|tree| (tree, None));
    }
    let mut hashing = Hashing {
        inner: at,
        digest: <sha2::Sha256 as sha2::Digest>::new(),
    };
    let tree = read_tar_stream(format, &mut hashing, options)?;
    // The bytes after the archive's end (a compressed stream's padding), which the
    // reader had no need of.
    std::io::copy(&mut hashing, &mut std::io::sink()).map_err(io)?;
    Ok((tree, Some(sha2::Digest::finalize(hashing.digest).into())))
}

/// A reader that hashes what it reads, in order.
struct Hashing<R> {
    inner: R,
    digest: sha2::Sha256,
}

impl<R: std::io::Read> std::io::Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        sha2::Digest::update(&mut self.digest, &buf[..n]);
        Ok(n)
    }
}

/// Reads an archive as its bytes arrive (a download in progress), when its format can
/// be read front to back: a tar, plain or compressed, is read exactly as
/// [`read_archive_file`] reads it from a file. A zip keeps its directory at its end, so
/// it needs the whole file: `Ok(None)`, with the leading bytes consumed.
///
/// # Errors
/// As [`read_archive_file`]; [`ArchiveError::Io`] (named `shown`) when `reader` fails.
pub fn read_archive_stream(
    reader: &mut dyn std::io::Read,
    shown: &str,
    options: &ReadOptions<'_>,
) -> Result<Option<Tree>, ArchiveError> {
    let mut head = Vec::with_capacity(HEAD_LEN);
    std::io::Read::take(&mut *reader, HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|source| ArchiveError::Io {
            path: shown.to_owned(),
            source,
        })?;
    let format = detect_format(&head).ok_or_else(|| {
        ArchiveError::NotAnArchive(match head.len() {
            0 => "the file is empty".to_owned(),
            _ => "no zip, gzip, bzip2, xz or tar signature".to_owned(),
        })
    })?;
    if matches!(format, Format::Zip | Format::Folder) {
        return Ok(None);
    }
    // Read in whole buffers, as from a file: what the reader measures on the way (the
    // compressed bytes behind a member's expansion) must not depend on how the bytes
    // happened to arrive.
    let whole = Filled(std::io::Cursor::new(head).chain(reader));
    read_tar_stream(format, whole, options).map(Some)
}

/// A reader whose reads fill the buffer unless the stream ends, as reads of a file do.
struct Filled<R>(R);

impl<R: std::io::Read> std::io::Read for Filled<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut got = 0;
        while got < buf.len() {
            match self.0.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(got)
    }
}

/// A tar archive (plain or compressed) read front to back from `reader`.
fn read_tar_stream(
    format: Format,
    reader: impl std::io::Read,
    options: &ReadOptions<'_>,
) -> Result<Tree, ArchiveError> {
    let budget = Budget::new(options.limits);
    let sink = Sink::default();
    tar_reader::read(
        format,
        std::io::BufReader::with_capacity(FILE_BUFFER, reader),
        "",
        0,
        options,
        &budget,
        &sink,
    )?;
    Ok(sink.into_tree(format, budget.used()))
}

/// The sha256 of a whole file, read at offsets of its own (so that it may run beside a
/// reader of the same open file).
///
/// # Errors
/// When the file cannot be read.
pub fn file_sha256(file: &std::fs::File) -> std::io::Result<[u8; 32]> {
    use sha2::Digest as _;
    let len = file.metadata()?.len();
    let mut at = FileAt::new(file.try_clone()?, len);
    let mut digest = sha2::Sha256::new();
    let mut buf = vec![0u8; FILE_BUFFER];
    loop {
        match std::io::Read::read(&mut at, &mut buf) {
            Ok(0) => return Ok(digest.finalize().into()),
            Ok(n) => digest.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The read buffer of an archive read from a file.
const FILE_BUFFER: usize = 64 << 10;

/// A file read at an offset of its own: clones share the open file and each keeps its
/// own position, so several threads read one zip's members at once.
#[derive(Clone)]
struct FileAt {
    file: std::sync::Arc<std::fs::File>,
    pos: u64,
    len: u64,
}

impl FileAt {
    fn new(file: std::fs::File, len: u64) -> Self {
        Self {
            file: std::sync::Arc::new(file),
            pos: 0,
            len,
        }
    }

    /// Fills as much of `buf` as the file has from `offset` on.
    fn read_at_most(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        let mut got = 0;
        while got < buf.len() {
            match self.read_once(&mut buf[got..], offset + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(got)
    }

    #[cfg(unix)]
    fn read_once(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(&*self.file, buf, offset)
    }

    #[cfg(windows)]
    fn read_once(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        std::os::windows::fs::FileExt::seek_read(&*self.file, buf, offset)
    }
}

impl std::io::Read for FileAt {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Past the length the file had when it was opened is its end, even if it grew.
        let left = usize::try_from(self.len.saturating_sub(self.pos)).unwrap_or(usize::MAX);
        let want = buf.len().min(left);
        if want == 0 {
            return Ok(0);
        }
        let n = self.read_once(&mut buf[..want], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl std::io::Seek for FileAt {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        let target = match pos {
            std::io::SeekFrom::Start(n) => Some(n),
            std::io::SeekFrom::End(d) => self.len.checked_add_signed(d),
            std::io::SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let target = target.ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "seek before the start of the file",
            )
        })?;
        self.pos = target;
        Ok(target)
    }
}

/// Reads one container (the outer archive or a nested one) into the sink.
fn read_container(
    format: Format,
    bytes: &[u8],
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> Result<(), ArchiveError> {
    match format {
        Format::Zip => zip_reader::read(
            std::io::Cursor::new(bytes),
            bytes.len() as u64,
            prefix,
            depth,
            options,
            budget,
            sink,
        ),
        Format::Folder => Ok(()),
        _ => tar_reader::read(format, bytes, prefix, depth, options, budget, sink),
    }
}

/// Called by the container readers for a member whose full content was kept: a nested
/// archive is opened in turn (up to the depth limit), its own members joining the tree.
fn open_nested(
    entry: &mut Entry,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) {
    if !entry.complete {
        return;
    }
    // Named as an archive, or a zip by content whatever its name (Python opens zips
    // by content: `zipimport`, `zipfile`).
    let named = is_archive_name(&entry.path);
    if !named && !entry.data.starts_with(ZIP_SIGNATURE) {
        return;
    }
    let Some(format) = detect_format(&entry.data) else {
        return;
    };
    if depth + 1 > options.limits.max_depth {
        sink.anomaly(Anomaly::new(
            AnomalyKind::NestingTooDeep,
            &entry.path,
            format!(
                "archive nested {} levels deep; the limit is {} and it was not opened",
                depth + 1,
                options.limits.max_depth
            ),
        ));
        return;
    }
    let prefix = format!("{}{NESTED_SEPARATOR}", entry.path);
    let data = std::mem::take(&mut entry.data);
    if let Err(error) = read_container(format, &data, &prefix, depth + 1, options, budget, sink) {
        sink.anomaly(Anomaly::new(
            AnomalyKind::NestedUnreadable,
            &entry.path,
            error.to_string(),
        ));
    }
    entry.nested = true;
}

/// The shared uncompressed-byte budget of one read, across threads and nesting levels.
pub(crate) struct Budget {
    used: AtomicU64,
    max: u64,
    exhausted: AtomicBool,
}

impl Budget {
    fn new(limits: &Limits) -> Self {
        Self {
            used: AtomicU64::new(0),
            max: limits.max_total_bytes,
            exhausted: AtomicBool::new(false),
        }
    }

    /// Takes `n` bytes from the budget; false once it is spent.
    pub(crate) fn take(&self, n: u64) -> bool {
        let before = self.used.fetch_add(n, Ordering::Relaxed);
        if before.saturating_add(n) > self.max {
            self.exhausted.store(true, Ordering::Relaxed);
            false
        } else {
            true
        }
    }

    pub(crate) fn is_exhausted(&self) -> bool {
        self.exhausted.load(Ordering::Relaxed)
    }

    fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed).min(self.max)
    }
}

/// Collects entries and anomalies from any thread.
#[derive(Default)]
pub(crate) struct Sink {
    entries: Mutex<Vec<Entry>>,
    anomalies: Mutex<Vec<Anomaly>>,
    incomplete: Mutex<Vec<Incomplete>>,
}

impl Sink {
    pub(crate) fn entry(&self, entry: Entry) {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(entry);
    }

    pub(crate) fn anomaly(&self, anomaly: Anomaly) {
        self.anomalies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(anomaly);
    }

    /// Notes that members were left unread (a whole-archive limit, a member that cannot
    /// be decompressed, a stream that breaks off): an anomaly for the rules, and the mark
    /// that the tree does not stand for the whole artifact.
    pub(crate) fn unread(
        &self,
        kind: AnomalyKind,
        cause: IncompleteCause,
        path: &str,
        detail: impl Into<String>,
    ) {
        let detail = detail.into();
        self.incomplete
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(Incomplete::new(cause, path, detail.clone()));
        self.anomaly(Anomaly::new(kind, path, detail));
    }

    /// A member that cannot be decompressed or listed. In the artifact itself it leaves
    /// part of the package unread; inside a nested archive (which no installer unpacks)
    /// it is an anomaly for the rules.
    pub(crate) fn unreadable_member(&self, depth: u32, path: &str, detail: impl Into<String>) {
        if depth == 0 {
            self.unread(
                AnomalyKind::UnreadableMember,
                IncompleteCause::UnreadableMember,
                path,
                detail,
            );
        } else {
            self.anomaly(Anomaly::new(AnomalyKind::UnreadableMember, path, detail));
        }
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    fn into_tree(self, format: Format, total_bytes: u64) -> Tree {
        let mut entries = self
            .entries
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut anomalies = self
            .anomalies
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Parallel reading finishes in any order: sort so reports are stable.
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        anomalies.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
        anomalies.dedup_by(|a, b| a.kind == b.kind && a.path == b.path);
        let mut incomplete = self
            .incomplete
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        incomplete.sort_by(|a, b| (a.cause, &a.path).cmp(&(b.cause, &b.path)));
        incomplete.dedup_by(|a, b| a.cause == b.cause && a.path == b.path);
        Tree {
            format,
            entries,
            anomalies,
            total_bytes,
            incomplete,
        }
    }
}

/// Reads at most `limit` bytes of a member, counting them against the budget.
/// Returns the bytes kept, the number of bytes read in all, whether the member ended
/// within the limit, and the digest of everything read when asked.
pub(crate) struct MemberRead {
    pub data: Vec<u8>,
    pub read: u64,
    pub ended: bool,
    pub sha256: Option<[u8; 32]>,
}

impl MemberRead {
    /// The member was read to its end and every byte of it was kept.
    pub(crate) fn kept_all(&self) -> bool {
        self.ended && self.read == self.data.len() as u64
    }

    /// The member holds more bytes than `keep`, the most the caller wanted kept.
    pub(crate) fn exceeds(&self, keep: usize) -> bool {
        self.read > self.data.len() as u64 || (!self.ended && self.data.len() >= keep)
    }
}

pub(crate) fn read_member(
    reader: &mut dyn std::io::Read,
    size_hint: u64,
    keep: usize,
    read_limit: u64,
    hash: bool,
    budget: Option<&Budget>,
) -> std::io::Result<MemberRead> {
    use sha2::Digest;
    thread_local! {
        /// The read buffer, one per thread: allocating and zeroing 64 KiB per member was
        /// a tenth of the time spent reading small members.
        static BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0u8; 64 * 1024]);
    }
    BUF.with(|cell| {
        let (mut own, mut borrowed);
        let buf: &mut [u8] = match cell.try_borrow_mut() {
            Ok(b) => {
                borrowed = b;
                &mut borrowed
            }
            // A nested read on the same thread: a buffer of its own.
            Err(_) => {
                own = vec![0u8; 64 * 1024];
                &mut own
            }
        };
        let mut hasher = hash.then(sha2::Sha256::new);
        // The declared size is a hint (a hostile archive may lie): room for at most 1 MiB
        // up front, more only as bytes arrive.
        let hint = usize::try_from(size_hint.saturating_add(1)).unwrap_or(usize::MAX);
        let mut data = Vec::with_capacity(keep.min(hint).min(1 << 20));
        let mut read: u64 = 0;
        loop {
            let want = usize::try_from((read_limit - read).min(buf.len() as u64)).unwrap_or(0);
            if want == 0 {
                // At the limit: find out whether anything is left, without keeping it.
                let mut probe = [0u8; 1];
                let n = reader.read(&mut probe)?;
                return Ok(MemberRead {
                    data,
                    read,
                    ended: n == 0,
                    sha256: None,
                });
            }
            let n = reader.read(&mut buf[..want])?;
            if n == 0 {
                return Ok(MemberRead {
                    data,
                    read,
                    ended: true,
                    sha256: hasher.map(|h| h.finalize().into()),
                });
            }
            if budget.is_some_and(|b| !b.take(n as u64)) {
                return Ok(MemberRead {
                    data,
                    read,
                    ended: false,
                    sha256: None,
                });
            }
            read += n as u64;
            if let Some(h) = hasher.as_mut() {
                h.update(&buf[..n]);
            }
            if data.len() < keep {
                let room = keep - data.len();
                data.extend_from_slice(&buf[..n.min(room)]);
            } else if !hash {
                // Everything wanted is kept and nobody needs the rest hashed.
                return Ok(MemberRead {
                    data,
                    read,
                    ended: false,
                    sha256: None,
                });
            }
        }
    })
}

#[cfg(test)]
mod name_tests {
    #[test]
    fn archive_names_by_extension_in_any_case() {
        for name in [
            "a/b.whl",
            "Vendor/LIB.JAR",
            "x-1.0.Tar.Gz",
            "bundle.zip",
            "c.crate",
        ] {
            assert!(super::is_archive_name(name), "{name}");
        }
        for name in ["zip", "a.gz", "notes.zipx", "whl", "", "a.tar.gzip"] {
            assert!(!super::is_archive_name(name), "{name}");
        }
    }
}
