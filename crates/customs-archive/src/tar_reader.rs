use std::collections::HashMap;

use sha2::Digest;
use std::io::{Read, Seek, SeekFrom};

use crate::{
    Anomaly, AnomalyKind, ArchiveError, Budget, Entry, EntryKind, Format, HEAD_LEN, ReadOptions,
    Sink, Want, check_member_path, is_archive_name, open_nested, read_member,
};

/// Counts the uncompressed bytes of the whole tar stream against the budget and the
/// bomb threshold, and ends the stream (with a marker error) when either is reached.
struct Metered<'b, R> {
    inner: R,
    budget: &'b Budget,
    read: u64,
    threshold: u64,
    stopped: Option<AnomalyKind>,
    /// Where skipped bytes go (see the `Seek` impl), allocated once per stream.
    discard: Vec<u8>,
}

/// Skipping forward, the only seek a tar reader makes (past the rest of a member and its
/// padding), by reading into one buffer: the `tar` crate's own skip zeroes a fresh 32 KiB
/// buffer at every member. Skipped bytes are metered like the rest.
impl<R: Read> Seek for Metered<'_, R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        let SeekFrom::Current(n) = pos else {
            return Err(backwards());
        };
        let mut left = u64::try_from(n).map_err(|_| backwards())?;
        if self.discard.is_empty() {
            self.discard = vec![0; 32 * 1024];
        }
        let mut discard = std::mem::take(&mut self.discard);
        let outcome = (|| {
            while left > 0 {
                let want = usize::try_from(left)
                    .unwrap_or(usize::MAX)
                    .min(discard.len());
                let n = self.read(&mut discard[..want])?;
                if n == 0 {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "unexpected end of the tar stream while skipping a member",
                    ));
                }
                left -= n as u64;
            }
            Ok(self.read)
        })();
        self.discard = discard;
        outcome
    }
}

fn backwards() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "a tar stream only skips forward",
    )
}

const STOP_MARKER: &str = "customs: read limit reached";

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.stopped.is_some() {
            return Err(std::io::Error::other(STOP_MARKER));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.threshold {
            self.stopped = Some(AnomalyKind::CompressionBomb);
        } else if !self.budget.take(n as u64) {
            self.stopped = Some(AnomalyKind::TotalSizeExceeded);
        }
        if self.stopped.is_some() {
            return Err(std::io::Error::other(STOP_MARKER));
        }
        Ok(n)
    }
}

pub(crate) fn read(
    format: Format,
    bytes: &[u8],
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> Result<(), ArchiveError> {
    let threshold = options.limits.bomb_threshold(bytes.len() as u64);
    let decoder: Box<dyn Read + '_> = match format {
        Format::TarGz => Box::new(flate2::read::MultiGzDecoder::new(bytes)),
        Format::TarBz2 => Box::new(bzip2::read::MultiBzDecoder::new(bytes)),
        Format::TarXz => Box::new(lzma_rust2::XzReader::new(bytes, true)),
        _ => Box::new(bytes),
    };
    let mut metered = Metered {
        inner: decoder,
        budget,
        read: 0,
        threshold,
        stopped: None,
        discard: Vec::new(),
    };
    let outcome = read_entries(&mut metered, prefix, depth, options, budget, sink);
    let shown_archive = prefix.trim_end_matches(crate::NESTED_SEPARATOR);
    match metered.stopped {
        Some(AnomalyKind::CompressionBomb) => {
            sink.anomaly(Anomaly::new(
                AnomalyKind::CompressionBomb,
                shown_archive,
                format!(
                    "{} compressed bytes expand past {threshold} bytes (more than {}:1); \
                     reading stopped",
                    bytes.len(),
                    options.limits.max_ratio
                ),
            ));
            Ok(())
        }
        Some(kind) => {
            sink.anomaly(Anomaly::new(
                kind,
                shown_archive,
                format!(
                    "the archive expands past the {} byte limit; reading stopped",
                    options.limits.max_total_bytes
                ),
            ));
            Ok(())
        }
        None => outcome.map_err(|e| ArchiveError::Corrupt {
            format,
            detail: e.to_string(),
        }),
    }
}

fn read_entries<R: Read + Seek>(
    stream: &mut R,
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> std::io::Result<()> {
    let limits = options.limits;
    let mut archive = tar::Archive::new(stream);
    let mut seen = HashMap::new();
    for item in archive.entries_with_seek()? {
        let mut item = item?;
        let raw = item.path_bytes().into_owned();
        let path = format!("{prefix}{}", String::from_utf8_lossy(&raw));
        let header = item.header();
        let kind = header.entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() {
            continue;
        }
        for anomaly in check_member_path(&raw, &path) {
            sink.anomaly(anomaly);
        }
        if sink.entry_count() >= limits.max_entries {
            sink.anomaly(Anomaly::new(
                AnomalyKind::TooManyEntries,
                prefix.trim_end_matches(crate::NESTED_SEPARATOR),
                format!(
                    "more than {} members; the rest were not read",
                    limits.max_entries
                ),
            ));
            break;
        }
        let mode = header.mode().ok();
        let declared = header.size().unwrap_or(0);
        let link = || {
            item.link_name_bytes()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .unwrap_or_default()
        };
        let entry_kind = if kind.is_symlink() {
            let target = link();
            sink.anomaly(Anomaly::new(
                AnomalyKind::Symlink,
                &path,
                format!("symbolic link to '{target}'"),
            ));
            EntryKind::Symlink(target)
        } else if kind.is_hard_link() {
            let target = link();
            sink.anomaly(Anomaly::new(
                AnomalyKind::Hardlink,
                &path,
                format!("hard link to '{target}'"),
            ));
            EntryKind::Hardlink(target)
        } else if kind.is_file() || kind.is_contiguous() || kind.is_gnu_sparse() {
            EntryKind::File
        } else {
            sink.anomaly(Anomaly::new(
                AnomalyKind::SpecialFile,
                &path,
                format!("special member of tar type {:?}", kind.as_byte() as char),
            ));
            EntryKind::Special
        };
        if entry_kind != EntryKind::File {
            sink.entry(Entry::bare(path, entry_kind, 0, mode));
            continue;
        }
        let mut want = (options.select)(&path, declared);
        if is_archive_name(&path) {
            want = Want::Content;
        }
        let keep = match want {
            Want::Content => usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX),
            Want::Head => HEAD_LEN,
            Want::Nothing => 0,
        };
        let read = if want == Want::Nothing && !options.hash_all {
            None
        } else {
            // The stream itself is metered; members need no second count.
            Some(read_member(
                &mut item,
                declared,
                keep,
                u64::MAX,
                options.hash_all,
                None,
            )?)
        };
        let (complete, too_large) = read.as_ref().map_or((false, false), |r| {
            (
                want == Want::Content && r.kept_all(),
                want == Want::Content && r.exceeds(keep),
            )
        });
        let (mut data, size, sha256) = match read {
            Some(r) => (r.data, if r.ended { r.read } else { declared }, r.sha256),
            None => (Vec::new(), declared, None),
        };
        if too_large {
            sink.anomaly(Anomaly::too_large(&path, limits.max_file_bytes));
            data.truncate(HEAD_LEN);
        }
        let mut entry = Entry {
            path,
            kind: EntryKind::File,
            size,
            complete,
            data,
            sha256,
            mode,
            nested: false,
        };
        // A repeated name is harmless when both copies are the same bytes (some build
        // tools add a licence twice); with different bytes, extractors disagree on
        // which copy wins.
        let fingerprint = (entry.size, sha2::Sha256::digest(&entry.data));
        if entry.complete && entry.sha256.is_none() {
            // The whole member was kept: this is its digest, for whoever needs one.
            entry.sha256 = Some(fingerprint.1.into());
        }
        match seen.get(&raw) {
            Some(first) if *first == fingerprint => sink.anomaly(Anomaly::new(
                AnomalyKind::RepeatedEntry,
                &entry.path,
                "the same member appears twice with identical content",
            )),
            Some(_) => sink.anomaly(Anomaly::new(
                AnomalyKind::DuplicateEntry,
                &entry.path,
                "the same member name appears twice with different content; the later copy \
                 silently replaces the earlier one on extraction",
            )),
            None => {
                seen.insert(raw, fingerprint);
            }
        }
        open_nested(&mut entry, depth, options, budget, sink);
        if entry.complete
            && let Some(hook) = options.on_member
        {
            hook(&entry);
        }
        sink.entry(entry);
    }
    Ok(())
}
