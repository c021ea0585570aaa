use std::collections::HashMap;

use sha2::Digest;
use std::io::Read;

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

fn read_entries<R: Read>(
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
    for item in archive.entries()? {
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
