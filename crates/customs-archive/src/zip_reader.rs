use std::io::{Read, Seek};

use rayon::prelude::*;
use sha2::Digest;
use zip::ZipArchive;

use crate::{
    Anomaly, AnomalyKind, ArchiveError, Budget, Entry, EntryKind, Format, HEAD_LEN,
    IncompleteCause, ReadOptions, Sink, Want, ZIP_SIGNATURE, check_member_path, is_archive_name,
    open_nested, read_member,
};

/// Archives at least this large are inflated on several threads, member by member.
const PARALLEL_BYTES: u64 = 2 << 20;

/// Reads a zip from `reader`, `len` bytes long (in memory, or a file read at offsets:
/// either is cheap to clone, one clone a thread).
pub(crate) fn read<R: Read + Seek + Clone + Send + Sync>(
    reader: R,
    len: u64,
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> Result<(), ArchiveError> {
    let corrupt = |e: zip::result::ZipError| ArchiveError::Corrupt {
        format: Format::Zip,
        detail: e.to_string(),
    };
    let mut archive = ZipArchive::new(reader).map_err(corrupt)?;
    let shown_archive = prefix.trim_end_matches(crate::NESTED_SEPARATOR);
    if archive.has_duplicate_names() {
        sink.anomaly(Anomaly::new(
            AnomalyKind::DuplicateEntry,
            shown_archive,
            "the central directory lists the same member name more than once; \
             extractors disagree on which copy wins",
        ));
    } else if let Err(e) = archive.clone().validate_header_consistency() {
        sink.anomaly(Anomaly::new(
            AnomalyKind::HeaderMismatch,
            shown_archive,
            format!(
                "{e}: tools that read the local headers see other files than tools that \
                 read the central directory"
            ),
        ));
    }

    let room = options
        .limits
        .max_entries
        .saturating_sub(sink.entry_count());
    let count = archive.len();
    if count > room {
        sink.unread(
            AnomalyKind::TooManyEntries,
            IncompleteCause::TooManyEntries,
            shown_archive,
            format!(
                "{count} members; only the first {room} were read (limit {})",
                options.limits.max_entries
            ),
        );
    }
    let indices = 0..count.min(room);
    if len >= PARALLEL_BYTES && depth == 0 {
        indices.into_par_iter().for_each_init(
            || archive.clone(),
            |archive, i| member(archive, i, prefix, depth, options, budget, sink),
        );
    } else {
        for i in indices {
            member(&mut archive, i, prefix, depth, options, budget, sink);
        }
    }
    Ok(())
}

fn member<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    index: usize,
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) {
    let limits = options.limits;
    let meta = match archive.by_index_data(index) {
        Ok(meta) => meta,
        Err(e) => {
            let shown = format!("{prefix}#{index}");
            sink.unreadable_member(
                depth,
                &shown,
                format!("member {index} of the central directory cannot be read: {e}"),
            );
            return;
        }
    };
    let raw = meta.name_raw().to_vec();
    let path = format!("{prefix}{}", String::from_utf8_lossy(&raw));
    for anomaly in check_member_path(&raw, &path) {
        sink.anomaly(anomaly);
    }
    if meta.is_dir() {
        return;
    }
    let declared = meta.size();
    let compressed = meta.compressed_size();
    let mode = meta.unix_mode();
    let symlink = meta.is_symlink();
    if meta.encrypted() {
        sink.anomaly(Anomaly::new(
            AnomalyKind::Encrypted,
            &path,
            "encrypted member: its content cannot be inspected",
        ));
        sink.entry(Entry::bare(path, EntryKind::File, declared, mode));
        return;
    }
    let mut want = if symlink {
        Want::Content
    } else {
        (options.select)(&path, declared)
    };
    if is_archive_name(&path) {
        want = Want::Content;
    }
    if want == Want::Nothing && !options.hash_all {
        sink.entry(Entry::bare(path, EntryKind::File, declared, mode));
        return;
    }
    if budget.is_exhausted() {
        return;
    }
    let keep_of = |want: Want| match want {
        Want::Content => usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX),
        Want::Head => HEAD_LEN,
        Want::Nothing => 0,
    };
    let mut keep = keep_of(want);
    let threshold = limits.bomb_threshold(compressed);
    let read_as = |archive: &mut ZipArchive<R>, keep: usize| match archive.by_index(index) {
        Ok(mut file) => {
            let size = file.size();
            read_member(
                &mut file,
                size,
                keep,
                threshold,
                options.hash_all,
                Some(budget),
            )
        }
        Err(e) => Err(std::io::Error::other(e.to_string())),
    };
    let mut result = read_as(archive, keep);
    // A zip under another name (`data/tables.dat`): `zipimport` and `zipfile` open it
    // by content, so it is read whole and opened like any nested archive. Only members
    // whose head is a zip's signature are read twice.
    if want == Want::Head
        && !symlink
        && matches!(&result, Ok(r) if r.data.starts_with(ZIP_SIGNATURE))
    {
        want = Want::Content;
        keep = keep_of(want);
        result = read_as(archive, keep);
    }
    let read = match result {
        Ok(read) => read,
        Err(e) => {
            sink.unreadable_member(depth, &path, format!("member cannot be decompressed: {e}"));
            return;
        }
    };
    if !read.ended {
        if read.read >= threshold {
            // A bomb is skipped, not analysed: nothing of it is kept, and the other
            // members are read as usual.
            sink.anomaly(Anomaly::new(
                AnomalyKind::CompressionBomb,
                &path,
                format!(
                    "{compressed} compressed bytes expand past {threshold} bytes \
                     (more than {}:1); the member was skipped",
                    limits.max_ratio
                ),
            ));
            sink.entry(Entry::bare(path, EntryKind::File, declared, mode));
            return;
        } else if budget.is_exhausted() {
            sink.unread(
                AnomalyKind::TotalSizeExceeded,
                IncompleteCause::TotalSizeExceeded,
                "",
                format!(
                    "the archive expands past the {} byte limit; reading stopped",
                    limits.max_total_bytes
                ),
            );
        }
    }
    let complete = want == Want::Content && read.kept_all();
    let too_large = want == Want::Content && read.exceeds(keep);
    let mut data = read.data;
    if too_large {
        sink.anomaly(Anomaly::too_large(&path, limits.max_file_bytes));
        data.truncate(HEAD_LEN);
    }
    let kind = if symlink {
        sink.anomaly(Anomaly::new(
            AnomalyKind::Symlink,
            &path,
            format!(
                "symbolic link to '{}'",
                String::from_utf8_lossy(&data)
                    .chars()
                    .take(200)
                    .collect::<String>()
            ),
        ));
        EntryKind::Symlink(String::from_utf8_lossy(&data).into_owned())
    } else {
        EntryKind::File
    };
    let mut entry = Entry {
        path,
        kind,
        size: if read.ended { read.read } else { declared },
        complete,
        data: if want == Want::Nothing {
            Vec::new()
        } else {
            data
        },
        sha256: read.sha256,
        mode,
        nested: false,
    };
    if entry.complete && entry.sha256.is_none() {
        // Every member kept whole gets its digest (the analysis cache and a wheel's
        // RECORD check need it); members not kept are hashed only when asked for.
        entry.sha256 = Some(sha2::Sha256::digest(&entry.data).into());
    }
    open_nested(&mut entry, depth, options, budget, sink);
    sink.entry(entry);
}
