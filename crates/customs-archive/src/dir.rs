use std::fs;
use std::io::Read;
use std::path::Path;

use crate::{
    Anomaly, AnomalyKind, ArchiveError, Budget, Entry, EntryKind, Format, HEAD_LEN,
    IncompleteCause, ReadOptions, Sink, Tree, Want, is_archive_name, open_nested, read_member,
};

/// Folders that are never part of a package: version control metadata.
const SKIPPED_DIRS: &[&str] = &[".git", ".hg", ".svn"];

/// Reads an unpacked package folder under the same limits as an archive. Symbolic links
/// are reported, never followed; nothing is written.
///
/// # Errors
/// [`ArchiveError::Io`] when the folder itself cannot be listed.
pub fn read_dir(root: &Path, options: &ReadOptions<'_>) -> Result<Tree, ArchiveError> {
    let budget = Budget::new(options.limits);
    let sink = Sink::default();
    fs::read_dir(root).map_err(|source| ArchiveError::Io {
        path: root.display().to_string(),
        source,
    })?;
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        let Ok(listing) = fs::read_dir(&dir) else {
            sink.unread(
                AnomalyKind::UnreadableMember,
                IncompleteCause::UnreadableMember,
                &rel,
                "folder cannot be listed",
            );
            continue;
        };
        let mut children: Vec<_> = listing.filter_map(Result::ok).collect();
        children.sort_by_key(fs::DirEntry::file_name);
        for child in children {
            let name = child.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let Ok(file_type) = child.file_type() else {
                sink.unread(
                    AnomalyKind::UnreadableMember,
                    IncompleteCause::UnreadableMember,
                    &path,
                    "the type of this file cannot be read",
                );
                continue;
            };
            if file_type.is_dir() {
                if !SKIPPED_DIRS.contains(&name.as_str()) {
                    stack.push((child.path(), path));
                }
                continue;
            }
            if entries_full(options, &sink) {
                return Ok(sink.into_tree(Format::Folder, budget.used()));
            }
            if file_type.is_symlink() {
                symlink(&child.path(), path, &sink);
                continue;
            }
            if !file_type.is_file() {
                sink.anomaly(Anomaly::new(
                    AnomalyKind::SpecialFile,
                    &path,
                    "special file (device, FIFO or socket)",
                ));
                sink.entry(link_entry(path, EntryKind::Special));
                continue;
            }
            read_file(&child.path(), path, options, &budget, &sink);
            if budget_spent(options, &budget, &sink) {
                return Ok(sink.into_tree(Format::Folder, budget.used()));
            }
        }
    }
    Ok(sink.into_tree(Format::Folder, budget.used()))
}

/// Reads the listed files of `root` (paths relative to it, `/`-separated) as one package,
/// under the same limits as an archive: one source file given alone, or the files an
/// installed distribution's `RECORD` lists. The tree is given `format`: an installed
/// distribution is laid out as the wheel it came from was. A path that climbs out of
/// `root` or is absolute is reported and not read; a listed file that is missing is
/// reported as unreadable.
///
/// # Errors
/// [`ArchiveError::Io`] when `root` itself cannot be listed.
pub fn read_files(
    root: &Path,
    files: &[String],
    format: Format,
    options: &ReadOptions<'_>,
) -> Result<Tree, ArchiveError> {
    let budget = Budget::new(options.limits);
    let sink = Sink::default();
    fs::read_dir(root).map_err(|source| ArchiveError::Io {
        path: root.display().to_string(),
        source,
    })?;
    for path in files {
        let climbs = path.starts_with('/')
            || path.contains('\\')
            || path
                .split('/')
                .any(|part| part == ".." || part.contains(':'));
        if climbs {
            sink.anomaly(Anomaly::new(
                AnomalyKind::PathTraversal,
                path,
                "listed outside the folder it belongs to; not read",
            ));
            continue;
        }
        if entries_full(options, &sink) {
            break;
        }
        let full = root.join(path);
        match fs::symlink_metadata(&full) {
            Ok(meta) if meta.file_type().is_symlink() => symlink(&full, path.clone(), &sink),
            Ok(meta) if meta.is_file() => {
                read_file(&full, path.clone(), options, &budget, &sink);
            }
            Ok(_) => sink.unread(
                AnomalyKind::UnreadableMember,
                IncompleteCause::UnreadableMember,
                path,
                "listed as a file, but it is not one",
            ),
            Err(e) => sink.unread(
                AnomalyKind::UnreadableMember,
                IncompleteCause::UnreadableMember,
                path,
                format!("cannot read: {e}"),
            ),
        }
        if budget_spent(options, &budget, &sink) {
            break;
        }
    }
    Ok(sink.into_tree(format, budget.used()))
}

/// Whether the entry limit is reached (and the rest is then marked unread).
fn entries_full(options: &ReadOptions<'_>, sink: &Sink) -> bool {
    let full = sink.entry_count() >= options.limits.max_entries;
    if full {
        sink.unread(
            AnomalyKind::TooManyEntries,
            IncompleteCause::TooManyEntries,
            "",
            format!(
                "more than {} files; the rest were not read",
                options.limits.max_entries
            ),
        );
    }
    full
}

/// Whether the byte budget is spent (and the rest is then marked unread).
fn budget_spent(options: &ReadOptions<'_>, budget: &Budget, sink: &Sink) -> bool {
    let spent = budget.is_exhausted();
    if spent {
        sink.unread(
            AnomalyKind::TotalSizeExceeded,
            IncompleteCause::TotalSizeExceeded,
            "",
            format!(
                "the files hold more than {} bytes; reading stopped",
                options.limits.max_total_bytes
            ),
        );
    }
    spent
}

/// A symbolic link: reported, never followed.
fn symlink(full: &Path, path: String, sink: &Sink) {
    let target = fs::read_link(full)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    sink.anomaly(Anomaly::new(
        AnomalyKind::Symlink,
        &path,
        format!("symbolic link to '{target}' (not followed)"),
    ));
    sink.entry(link_entry(path, EntryKind::Symlink(target)));
}

fn link_entry(path: String, kind: EntryKind) -> Entry {
    Entry::bare(path, kind, 0, None)
}

fn read_file(file: &Path, path: String, options: &ReadOptions<'_>, budget: &Budget, sink: &Sink) {
    let limits = options.limits;
    let declared = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let mut want = (options.select)(&path, declared);
    if is_archive_name(&path) {
        want = Want::Content;
    }
    let keep = match want {
        Want::Content => usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX),
        Want::Head => HEAD_LEN,
        Want::Nothing => 0,
    };
    let mut entry = link_entry(path, EntryKind::File);
    entry.size = declared;
    if want != Want::Nothing || options.hash_all {
        let read = fs::File::open(file).and_then(|mut f| {
            read_member(
                &mut f as &mut dyn Read,
                declared,
                keep,
                u64::MAX,
                options.hash_all,
                Some(budget),
            )
        });
        match read {
            Ok(read) => {
                entry.complete = want == Want::Content && read.kept_all();
                if want == Want::Content && read.exceeds(keep) {
                    sink.anomaly(Anomaly::too_large(&entry.path, limits.max_file_bytes));
                    entry.data = read.data[..HEAD_LEN.min(read.data.len())].to_vec();
                } else {
                    entry.data = read.data;
                }
                entry.sha256 = read.sha256;
            }
            Err(e) => {
                sink.unread(
                    AnomalyKind::UnreadableMember,
                    IncompleteCause::UnreadableMember,
                    &entry.path,
                    format!("cannot read: {e}"),
                );
            }
        }
    }
    open_nested(&mut entry, 0, options, budget, sink);
    sink.entry(entry);
}
