use std::cell::Cell;
use std::collections::HashMap;
use std::io::{BufRead, Read, Seek, SeekFrom};

use sha2::Digest;

use crate::{
    Anomaly, AnomalyKind, ArchiveError, Budget, Entry, EntryKind, Format, HEAD_LEN,
    IncompleteCause, Limits, ReadOptions, Sink, Want, check_member_path, is_archive_name,
    open_nested, read_member,
};

/// Where the reading stands, shared by the compressed input, the metered stream and the
/// member loop (one thread reads a tar stream).
#[derive(Default)]
struct Meter {
    /// Compressed bytes the decoder has consumed.
    compressed: Cell<u64>,
    /// Uncompressed bytes the decoder has produced.
    inflated: Cell<u64>,
    /// Where the current member began: (compressed, inflated).
    member: Cell<Option<(u64, u64)>>,
    /// The current member expands past the ratio limit: (compressed, inflated) bytes of
    /// it when that was seen.
    bomb: Cell<Option<(u64, u64)>>,
    /// Members the stream has passed whole.
    members: Cell<usize>,
}

impl Meter {
    /// A new member begins where the stream stands now.
    fn start_member(&self) {
        self.member
            .set(Some((self.compressed.get(), self.inflated.get())));
        self.bomb.set(None);
    }

    /// Counts `n` inflated bytes and checks the current member's ratio.
    fn inflated(&self, n: u64, limits: &Limits) {
        let inflated = self.inflated.get() + n;
        self.inflated.set(inflated);
        if self.bomb.get().is_none()
            && let Some((c0, u0)) = self.member.get()
        {
            let grown = inflated - u0;
            let compressed = self.compressed.get() - c0;
            if grown > limits.bomb_threshold(compressed) {
                self.bomb.set(Some((compressed, grown)));
            }
        }
    }
}

/// The compressed bytes (in memory, or buffered from a file), counted as the decoder
/// consumes them (the decoders that take a `BufRead` consume exactly what they decode,
/// so a member's share is known).
struct Input<'a, B> {
    rest: B,
    meter: &'a Meter,
}

impl<B: BufRead> Read for Input<'_, B> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.rest.read(buf)?;
        self.meter
            .compressed
            .set(self.meter.compressed.get() + n as u64);
        Ok(n)
    }
}

impl<B: BufRead> BufRead for Input<'_, B> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.rest.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.rest.consume(amt);
        self.meter
            .compressed
            .set(self.meter.compressed.get() + amt as u64);
    }
}

/// Counts the uncompressed bytes of the whole tar stream against the budget (ending the
/// stream with a marker error when it is spent) and each member's against the ratio.
struct Metered<'b, R> {
    inner: R,
    budget: &'b Budget,
    meter: &'b Meter,
    limits: &'b Limits,
    /// The budget is spent: nothing more is read.
    stopped: bool,
    /// Where skipped bytes go (see the `Seek` impl), allocated once per stream.
    discard: Vec<u8>,
}

/// Skipping forward, the only seek a tar reader makes (past the rest of a member and its
/// padding), by reading into one bounded buffer: the `tar` crate's own skip zeroes a fresh
/// 32 KiB buffer at every member. Skipped bytes are metered like the rest, so a member
/// skipped unread is still checked against the ratio and the budget, and never kept.
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
            Ok(self.meter.inflated.get())
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

/// Inflated bytes of a `.tar.gz` buffered ahead of the tar reader.
const TAR_GZ_BUFFER: usize = 64 << 10;

const STOP_MARKER: &str = "customs: read limit reached";
const BOMB_MARKER: &str = "customs: member past the ratio limit";

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.stopped {
            return Err(std::io::Error::other(STOP_MARKER));
        }
        let n = self.inner.read(buf)?;
        self.meter.inflated(n as u64, self.limits);
        if !self.budget.take(n as u64) {
            self.stopped = true;
            return Err(std::io::Error::other(STOP_MARKER));
        }
        Ok(n)
    }
}

/// A member's bytes, cut off with [`BOMB_MARKER`] as soon as the member passes the ratio
/// limit: what was kept of it is dropped, and the tar reader skips the rest.
struct Guarded<'a, R> {
    inner: R,
    meter: &'a Meter,
}

impl<R: Read> Read for Guarded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.meter.bomb.get().is_some() {
            return Err(std::io::Error::other(BOMB_MARKER));
        }
        Ok(n)
    }
}

pub(crate) fn read(
    format: Format,
    bytes: impl BufRead,
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> Result<(), ArchiveError> {
    let meter = Meter::default();
    let input = Input {
        rest: bytes,
        meter: &meter,
    };
    let decoder: Box<dyn Read + '_> = match format {
        // The tar reader asks for a 512-byte header, a small member and its padding in
        // turn: buffered, zlib inflates 64 KiB at a call instead (half its per-call cost
        // on a corpus of sdists). Inflated bytes are still metered as the tar reader takes
        // them; the compressed count runs ahead by what the buffer holds, which a
        // member's ratio check (a bomb is MiBs, the buffer 64 KiB) does not feel.
        Format::TarGz => Box::new(std::io::BufReader::with_capacity(
            TAR_GZ_BUFFER,
            flate2::bufread::MultiGzDecoder::new(input),
        )),
        Format::TarBz2 => Box::new(bzip2::bufread::MultiBzDecoder::new(input)),
        Format::TarXz => Box::new(lzma_rust2::XzReader::new(input, true)),
        _ => Box::new(input),
    };
    let mut metered = Metered {
        inner: decoder,
        budget,
        meter: &meter,
        limits: options.limits,
        stopped: false,
        discard: Vec::new(),
    };
    let outcome = read_entries(&mut metered, &meter, prefix, depth, options, budget, sink);
    let members = meter.members.get();
    let shown_archive = prefix.trim_end_matches(crate::NESTED_SEPARATOR);
    if metered.stopped {
        // The budget is shared by the whole artifact: wherever it runs out, the rest
        // of the artifact is left unread.
        sink.unread(
            AnomalyKind::TotalSizeExceeded,
            IncompleteCause::TotalSizeExceeded,
            shown_archive,
            format!(
                "the archive expands past the {} byte limit; reading stopped",
                options.limits.max_total_bytes
            ),
        );
        return Ok(());
    }
    match outcome {
        Ok(()) => Ok(()),
        // The artifact itself breaks off after some members: those are judged, and the
        // artifact is marked as not read in full.
        Err(e) if depth == 0 && members > 0 => {
            sink.unread(
                AnomalyKind::Truncated,
                IncompleteCause::Truncated,
                shown_archive,
                format!("the {format} stream breaks off after {members} members: {e}"),
            );
            Ok(())
        }
        Err(e) => Err(ArchiveError::Corrupt {
            format,
            detail: e.to_string(),
        }),
    }
}

/// Reports the member whose data the stream has just passed when it was a bomb.
fn close_member(open: &mut Option<String>, meter: &Meter, limits: &Limits, sink: &Sink) {
    if let Some(path) = open.take()
        && let Some((compressed, inflated)) = meter.bomb.get()
    {
        sink.anomaly(bomb(&path, compressed, inflated, limits));
    }
}

fn bomb(path: &str, compressed: u64, inflated: u64, limits: &Limits) -> Anomaly {
    // A decoder may take in a small stream whole before the member begins.
    let from = match compressed {
        0 => "next to no compressed bytes".to_owned(),
        n => format!("{n} compressed bytes"),
    };
    Anomaly::new(
        AnomalyKind::CompressionBomb,
        path,
        format!(
            "{from} of this member expand past {inflated} bytes (more than {}:1); the \
             member was skipped and the members after it were read",
            limits.max_ratio
        ),
    )
}

fn read_entries<R: Read + Seek>(
    stream: &mut R,
    meter: &Meter,
    prefix: &str,
    depth: u32,
    options: &ReadOptions<'_>,
    budget: &Budget,
    sink: &Sink,
) -> std::io::Result<()> {
    let limits = options.limits;
    let mut archive = tar::Archive::new(stream);
    let mut seen = HashMap::new();
    let mut entries = archive.entries_with_seek()?;
    // The member whose data the stream is in, until the next header is read.
    let mut open: Option<String> = None;
    loop {
        let next = entries.next();
        // Reaching the next header has read (or skipped) all of the previous member.
        if !matches!(next, Some(Err(_))) && meter.member.get().is_some() {
            meter.members.set(meter.members.get() + 1);
        }
        close_member(&mut open, meter, limits, sink);
        let Some(item) = next else { break };
        let mut item = item?;
        meter.start_member();
        let raw = item.path_bytes().into_owned();
        let path = format!("{prefix}{}", String::from_utf8_lossy(&raw));
        open = Some(path.clone());
        let header = item.header();
        let kind = header.entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() {
            continue;
        }
        for anomaly in check_member_path(&raw, &path) {
            sink.anomaly(anomaly);
        }
        if sink.entry_count() >= limits.max_entries {
            sink.unread(
                AnomalyKind::TooManyEntries,
                IncompleteCause::TooManyEntries,
                prefix.trim_end_matches(crate::NESTED_SEPARATOR),
                format!(
                    "more than {} members; the rest were not read",
                    limits.max_entries
                ),
            );
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
            let mut guarded = Guarded {
                inner: &mut item,
                meter,
            };
            match read_member(
                &mut guarded,
                declared,
                keep,
                u64::MAX,
                options.hash_all,
                None,
            ) {
                Ok(read) => Some(read),
                Err(e) => {
                    let Some((compressed, inflated)) = meter.bomb.get() else {
                        return Err(e);
                    };
                    // A bomb: nothing of it is kept, and the tar reader skips the rest
                    // of it (metered, into a bounded buffer) on the way to the next.
                    open = None;
                    sink.anomaly(bomb(&path, compressed, inflated, limits));
                    sink.entry(Entry::bare(path, EntryKind::File, declared, mode));
                    continue;
                }
            }
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
