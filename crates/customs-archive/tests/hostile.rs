//! Hostile and broken archives, built here by the tests themselves. Each case asserts
//! the exact anomaly (or error) so that a regression in the reader fails loudly.

use std::io::Write;

use customs_archive::{
    AnomalyKind, ArchiveError, EntryKind, Format, IncompleteCause, Limits, ReadOptions, Tree, Want,
    read_archive, read_archive_file, read_archive_file_sha256, read_archive_stream,
};

fn content(_: &str, _: u64) -> Want {
    Want::Content
}

/// Reads `bytes` in memory and again from a file: every case below holds for both
/// readers, which must agree on everything (members, digests, anomalies, what was left
/// unread, or the error).
fn read_with(bytes: &[u8], limits: &Limits) -> Result<Tree, ArchiveError> {
    let options = ReadOptions {
        limits,
        hash_all: true,
        select: &content,
        on_member: None,
    };
    let in_memory = read_archive(bytes, &options);
    let mut file = tempfile::tempfile().expect("a temporary file");
    file.write_all(bytes)
        .expect("the temporary file takes the bytes");
    let from_file = read_archive_file(&file, "artifact", &options);
    match (&in_memory, &from_file) {
        (Ok(a), Ok(b)) => assert_eq!(
            format!("{a:?}"),
            format!("{b:?}"),
            "the file reader saw another tree than the in-memory reader"
        ),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("the readers disagree: in memory {a:?}, from a file {b:?}"),
    }
    // Read from the file while hashing it: the same tree, and for a tar (read front to
    // back) the digest of the whole file, padding and trailing bytes included.
    match (
        &from_file,
        read_archive_file_sha256(&file, "artifact", &options),
    ) {
        (Ok(a), Ok((b, digest))) => {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
            let expected: [u8; 32] =
                sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(bytes))
                    .into();
            match a.format {
                Format::Zip => assert_eq!(digest, None),
                _ => assert_eq!(digest, Some(expected), "the digest of the whole file"),
            }
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("hashing changed the read: {a:?}, then {b:?}"),
    }
    // Read as a download arrives (a tar, front to back), a few bytes at a time: the
    // same tree again. A zip is left to the finished file.
    let mut trickle = Trickle(bytes);
    match (
        &from_file,
        read_archive_stream(&mut trickle, "artifact", &options),
    ) {
        (Ok(a), Ok(Some(b))) => assert_eq!(
            format!("{a:?}"),
            format!("{b:?}"),
            "the stream reader saw another tree than the file reader"
        ),
        (Ok(a), Ok(None)) => assert_eq!(a.format, Format::Zip, "only a zip waits for its file"),
        // The stream reader does not know the length of what it could not recognise.
        (Err(ArchiveError::NotAnArchive(_)), Err(ArchiveError::NotAnArchive(_))) => {}
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (Err(_), Ok(None)) if bytes.starts_with(b"PK") => {}
        (a, b) => panic!("the readers disagree: from a file {a:?}, as a stream {b:?}"),
    }
    in_memory
}

/// Hands out at most 509 bytes a read (not a multiple of any block size).
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.0.len()).min(509);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fn read(bytes: &[u8]) -> Tree {
    read_with(bytes, &Limits::default()).expect("archive should be readable")
}

fn kinds(tree: &Tree) -> Vec<AnomalyKind> {
    tree.anomalies.iter().map(|a| a.kind).collect()
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files {
        w.start_file(*name, opts).expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

/// A tar stream with raw headers, so that names the `tar` builder refuses can be written.
fn raw_tar(members: &[(&str, u8, &str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, kind, link, data) in members {
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..108].copy_from_slice(b"0000644\0");
        h[108..116].copy_from_slice(b"0000000\0");
        h[116..124].copy_from_slice(b"0000000\0");
        let size = format!("{:011o}\0", data.len());
        h[124..136].copy_from_slice(size.as_bytes());
        h[136..148].copy_from_slice(b"00000000000\0");
        h[156] = *kind;
        h[157..157 + link.len()].copy_from_slice(link.as_bytes());
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
        h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("gzip");
    e.finish().expect("gzip")
}

#[test]
fn ordinary_sdist_reads_cleanly() {
    let tgz = gzip(&raw_tar(&[
        (
            "demo-1.0/setup.py",
            b'0',
            "",
            b"from setuptools import setup\nsetup()\n",
        ),
        (
            "demo-1.0/PKG-INFO",
            b'0',
            "",
            b"Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
        ),
    ]));
    let tree = read(&tgz);
    assert_eq!(tree.format, Format::TarGz);
    assert!(tree.anomalies.is_empty(), "{:?}", tree.anomalies);
    let setup = tree.get("demo-1.0/setup.py").expect("setup.py");
    assert!(setup.complete);
    assert_eq!(
        setup.text(),
        Some("from setuptools import setup\nsetup()\n")
    );
    assert!(setup.sha256.is_some());
}

#[test]
fn a_file_digest_covers_what_follows_the_archive_end() {
    let tar = raw_tar(&[("demo-1.0/setup.py", b'0', "", b"print('x')\n")]);
    assert!(tar.len() < 64 << 10);
    // Record padding after the end marker, and bytes no reader needs after a tar.
    // More of them than one read of the file takes.
    let mut padded = tar.clone();
    padded.resize(padded.len() + 600 * 512, 0);
    padded.extend_from_slice(b"trailing bytes after the archive");
    // The end marker sits in the middle of the file: the reader stops there.
    let tree = read(&padded);
    assert!(tree.get("demo-1.0/setup.py").is_some());
    // A compressed tar: the stream is read to its end.
    let tgz = gzip(&padded);
    assert_eq!(read(&tgz).format, Format::TarGz);
}

#[test]
fn whole_members_carry_their_digest_without_hashing_everything() {
    use sha2::Digest;
    let code = b"import os\n".as_slice();
    let image = vec![0x89u8; 4096];
    let tgz = gzip(&raw_tar(&[
        ("demo-1.0/demo.py", b'0', "", code),
        ("demo-1.0/logo.png", b'0', "", &image),
    ]));
    let zip = zip_of(&[("demo-1.0/demo.py", code), ("demo-1.0/logo.png", &image)]);
    let select = |path: &str, _: u64| {
        if path.ends_with(".py") {
            Want::Content
        } else {
            Want::Head
        }
    };
    for (format, bytes) in [("tar.gz", &tgz), ("zip", &zip)] {
        let tree = read_archive(
            bytes,
            &ReadOptions {
                limits: &Limits::default(),
                hash_all: false,
                select: &select,
                on_member: None,
            },
        )
        .expect("readable");
        let py = tree.get("demo-1.0/demo.py").expect("demo.py");
        let expected: [u8; 32] = sha2::Sha256::digest(code).into();
        assert_eq!(py.sha256, Some(expected), "{format}");
        // Only the head of the image was kept: no digest claims to be the whole member's,
        // and its size is the one the archive gives.
        let png = tree.get("demo-1.0/logo.png").expect("logo.png");
        assert!(!png.complete, "{format}");
        assert_eq!(png.sha256, None, "{format}");
        assert_eq!(png.size, 4096, "{format}");
    }
}

#[test]
fn bzip2_and_xz_sdists_read_like_gzip() {
    let tar = raw_tar(&[("demo-1.0/setup.py", b'0', "", b"print('x')\n")]);
    assert!(tar.len() < 64 << 10);
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::best());
    bz.write_all(&tar).expect("bz2");
    let bz = bz.finish().expect("bz2");
    let mut xz =
        lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).expect("xz");
    xz.write_all(&tar).expect("xz");
    let xz = xz.finish().expect("xz");
    for (bytes, format) in [(bz, Format::TarBz2), (xz, Format::TarXz)] {
        let tree = read(&bytes);
        assert_eq!(tree.format, format);
        assert_eq!(
            tree.get("demo-1.0/setup.py").and_then(|e| e.text()),
            Some("print('x')\n")
        );
    }
}

#[test]
fn tar_path_traversal_and_absolute_paths() {
    let tgz = gzip(&raw_tar(&[
        ("../../home/user/.bashrc", b'0', "", b"curl x | sh\n"),
        ("/etc/cron.d/job", b'0', "", b"* * * * * root x\n"),
    ]));
    let tree = read(&tgz);
    assert_eq!(
        kinds(&tree),
        vec![AnomalyKind::PathTraversal, AnomalyKind::AbsolutePath]
    );
}

#[test]
fn tar_links_and_special_files() {
    let tgz = gzip(&raw_tar(&[
        ("pkg/key", b'2', "/root/.ssh/id_rsa", b""),
        ("pkg/hard", b'1', "/etc/shadow", b""),
        ("pkg/fifo", b'6', "", b""),
    ]));
    let tree = read(&tgz);
    assert_eq!(
        kinds(&tree),
        vec![
            AnomalyKind::Symlink,
            AnomalyKind::Hardlink,
            AnomalyKind::SpecialFile
        ]
    );
    assert_eq!(
        tree.get("pkg/key").map(|e| e.kind.clone()),
        Some(EntryKind::Symlink("/root/.ssh/id_rsa".into()))
    );
}

#[test]
fn tar_duplicate_names() {
    let tgz = gzip(&raw_tar(&[
        ("pkg/setup.py", b'0', "", b"print('benign')\n"),
        ("pkg/setup.py", b'0', "", b"import os; os.system('x')\n"),
    ]));
    assert_eq!(kinds(&read(&tgz)), vec![AnomalyKind::DuplicateEntry]);
}

#[test]
fn tar_identical_repeat_is_told_apart() {
    let tgz = gzip(&raw_tar(&[
        ("pkg/LICENSE", b'0', "", b"MIT\n"),
        ("pkg/LICENSE", b'0', "", b"MIT\n"),
    ]));
    assert_eq!(kinds(&read(&tgz)), vec![AnomalyKind::RepeatedEntry]);
}

/// An npm tarball whose dropper sits behind 12 MiB of zeros (issue 28, item 11).
fn padded_package() -> Vec<u8> {
    raw_tar(&[
        (
            "package/package.json",
            b'0',
            "",
            br#"{"name":"padded","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}"#,
        ),
        ("package/padding.bin", b'0', "", &vec![0u8; 12 << 20]),
        ("package/setup.js", b'0', "", b"require('./index.js');\n"),
    ])
}

fn bz2(data: &[u8]) -> Vec<u8> {
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::best());
    bz.write_all(data).expect("bz2");
    bz.finish().expect("bz2")
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut xz =
        lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).expect("xz");
    xz.write_all(data).expect("xz");
    xz.finish().expect("xz")
}

#[test]
fn a_bomb_member_is_skipped_and_the_members_after_it_are_read() {
    let tar = padded_package();
    let wanted = |path: &str, _: u64| {
        if path.ends_with(".bin") {
            Want::Nothing
        } else {
            Want::Content
        }
    };
    for (bytes, format) in [
        (gzip(&tar), Format::TarGz),
        (bz2(&tar), Format::TarBz2),
        (xz(&tar), Format::TarXz),
    ] {
        assert!(bytes.len() < 64 << 10, "{format}: {} bytes", bytes.len());
        // Whether the bomb is read for analysis (caught while it is read) or skipped
        // unread (caught while the stream passes it), the same.
        for (name, select) in [
            ("content", &content as &(dyn Fn(&str, u64) -> Want + Sync)),
            ("nothing", &wanted),
        ] {
            let tree = read_archive(
                &bytes,
                &ReadOptions {
                    limits: &Limits::default(),
                    hash_all: false,
                    select,
                    on_member: None,
                },
            )
            .expect("readable");
            assert_eq!(tree.format, format);
            let bombs: Vec<&str> = tree
                .anomalies
                .iter()
                .filter(|a| a.kind == AnomalyKind::CompressionBomb)
                .map(|a| a.path.as_str())
                .collect();
            assert_eq!(bombs, ["package/padding.bin"], "{format} {name}");
            let padding = tree.get("package/padding.bin").expect("padding listed");
            assert!(
                padding.data.is_empty() && !padding.complete,
                "{format} {name}"
            );
            assert_eq!(padding.size, 12 << 20);
            assert_eq!(
                tree.get("package/setup.js").and_then(|e| e.text()),
                Some("require('./index.js');\n"),
                "{format} {name}: the member after the bomb must be read"
            );
            assert!(
                tree.read_in_full(),
                "{format} {name}: {:?}",
                tree.incomplete
            );
            // The whole stream was inflated (to reach what follows), never kept.
            assert!(tree.total_bytes > 12 << 20, "{format} {name}");
        }
    }
}

#[test]
fn a_large_member_of_ordinary_ratio_is_no_bomb() {
    // 12 MiB that compress about 10:1: over the 8 MiB floor, far under 250:1.
    let text: Vec<u8> = (0..12u32 << 20)
        .map(|i| {
            b"abcdefghijklmnopqrstuvwxyz0123456789"[(i.wrapping_mul(2_654_435_761) >> 27) as usize]
        })
        .collect();
    let tgz = gzip(&raw_tar(&[
        ("pkg/data.txt", b'0', "", &text),
        ("pkg/a.py", b'0', "", b"print(1)\n"),
    ]));
    let tree = read(&tgz);
    assert!(tree.anomalies.is_empty(), "{:?}", tree.anomalies);
    assert!(tree.get("pkg/data.txt").is_some_and(|e| e.complete));
}

#[test]
fn a_small_highly_compressible_member_is_read_not_a_bomb() {
    // 8 MiB and a little more, mostly zeros with a sprinkle of data (about 600:1, like a
    // sparse core dump kept as test data): past 250:1, but small; read whole.
    let mut data = vec![0u8; (8 << 20) + (32 << 10)];
    for (i, b) in data.iter_mut().enumerate().step_by(3_000) {
        *b = (i.wrapping_mul(2_654_435_761) >> 24) as u8;
    }
    for (archive, name) in [
        (
            gzip(&raw_tar(&[
                ("pkg/core.elf", b'0', "", &data),
                ("pkg/a.py", b'0', "", b"print(1)\n"),
            ])),
            "tar.gz",
        ),
        (
            zip_of(&[("pkg/core.elf", &data), ("pkg/a.py", b"print(1)\n")]),
            "zip",
        ),
    ] {
        let ratio = data.len() / archive.len();
        assert!((300..1_000).contains(&ratio), "{name}: {ratio}:1");
        let tree = read(&archive);
        assert!(tree.anomalies.is_empty(), "{name}: {:?}", tree.anomalies);
        assert!(
            tree.get("pkg/core.elf").is_some_and(|e| e.complete),
            "{name}"
        );
    }
    // The same size of nothing but zeros (over 1,000:1) is still a bomb.
    let zeros = vec![0u8; 12 << 20];
    let tree = read(&gzip(&raw_tar(&[("pkg/zeros.bin", b'0', "", &zeros)])));
    assert_eq!(kinds(&tree), vec![AnomalyKind::CompressionBomb]);
}

#[test]
fn zip_bomb_member_is_skipped_and_the_members_after_it_are_read() {
    let zip = zip_of(&[
        ("package/package.json", b"{}"),
        ("package/zeros.bin", &vec![0u8; 32 << 20]),
        ("package/setup.js", b"require('./index.js');\n"),
    ]);
    let tree = read(&zip);
    assert_eq!(kinds(&tree), vec![AnomalyKind::CompressionBomb]);
    assert_eq!(tree.anomalies[0].path, "package/zeros.bin");
    let zeros = tree.get("package/zeros.bin").expect("listed");
    assert!(zeros.data.is_empty() && !zeros.complete);
    assert!(tree.get("package/setup.js").is_some_and(|e| e.complete));
    assert!(tree.read_in_full(), "{:?}", tree.incomplete);
    assert!(
        tree.total_bytes < 16 << 20,
        "the bomb is not inflated past the limit"
    );
}

#[test]
fn total_size_limit() {
    let data: Vec<u8> = (0..3_000_000u64).map(|i| (i * 7919 % 251) as u8).collect();
    let tgz = gzip(&raw_tar(&[
        ("pkg/a.bin", b'0', "", &data),
        ("pkg/b.bin", b'0', "", &data),
    ]));
    let limits = Limits {
        max_total_bytes: 4_000_000,
        ..Limits::default()
    };
    let tree = read_with(&tgz, &limits).expect("readable");
    assert!(
        tree.has(AnomalyKind::TotalSizeExceeded),
        "{:?}",
        tree.anomalies
    );
    assert!(tree.total_bytes <= 4_000_000);
    assert_eq!(causes(&tree), [IncompleteCause::TotalSizeExceeded]);

    let zip = zip_of(&[("pkg/a.bin", &data), ("pkg/b.bin", &data)]);
    let tree = read_with(&zip, &limits).expect("readable");
    assert_eq!(causes(&tree), [IncompleteCause::TotalSizeExceeded]);
    assert!(!tree.read_in_full());
}

fn causes(tree: &Tree) -> Vec<IncompleteCause> {
    tree.incomplete.iter().map(|i| i.cause).collect()
}

#[test]
fn a_stream_that_breaks_off_after_some_members_is_not_read_in_full() {
    let noise: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let tgz = gzip(&raw_tar(&[
        ("pkg/first.py", b'0', "", b"import os\n"),
        ("pkg/second.bin", b'0', "", &noise),
        ("pkg/third.py", b'0', "", b"import sys\n"),
    ]));
    let cut = &tgz[..tgz.len() / 2];
    let tree = read_with(cut, &Limits::default()).expect("the members before the break");
    assert_eq!(
        tree.get("pkg/first.py").and_then(|e| e.text()),
        Some("import os\n")
    );
    assert!(tree.get("pkg/third.py").is_none());
    assert_eq!(causes(&tree), [IncompleteCause::Truncated]);
    assert!(tree.has(AnomalyKind::Truncated));
}

#[test]
fn file_too_large_is_kept_as_head() {
    let big = vec![b'a'; 4096];
    let zip = zip_of(&[("pkg/big.py", &big)]);
    let limits = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    let tree = read_with(&zip, &limits).expect("readable");
    assert_eq!(kinds(&tree), vec![AnomalyKind::FileTooLarge]);
    let entry = tree.get("pkg/big.py").expect("entry");
    assert!(!entry.complete);
    assert!(entry.data.len() <= customs_archive::HEAD_LEN);
}

#[test]
fn too_many_entries() {
    let names: Vec<String> = (0..20).map(|i| format!("pkg/f{i}.txt")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let limits = Limits {
        max_entries: 5,
        ..Limits::default()
    };
    let tree = read_with(&zip_of(&files), &limits).expect("readable");
    assert_eq!(kinds(&tree), vec![AnomalyKind::TooManyEntries]);
    assert_eq!(tree.entries.len(), 5);
    assert_eq!(causes(&tree), [IncompleteCause::TooManyEntries]);

    let members: Vec<(&str, u8, &str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), b'0', "", &b"x"[..]))
        .collect();
    let tree = read_with(&gzip(&raw_tar(&members)), &limits).expect("readable");
    assert_eq!(tree.entries.len(), 5);
    assert_eq!(causes(&tree), [IncompleteCause::TooManyEntries]);
}

#[test]
fn a_nested_archive_that_cannot_be_read_is_a_finding_not_an_unread_artifact() {
    // Corrupt archives are common test fixtures; no installer opens them.
    let fixture = zip_of(&[("a.txt", b"x")]);
    let outer = zip_of(&[
        ("pkg/tests/broken.zip", &fixture[..fixture.len() - 10]),
        ("pkg/a.py", b"print(1)\n"),
    ]);
    let tree = read(&outer);
    assert_eq!(kinds(&tree), vec![AnomalyKind::NestedUnreadable]);
    assert!(tree.read_in_full(), "{:?}", tree.incomplete);
}

#[test]
fn nested_archives_open_to_the_depth_limit() {
    let inner = zip_of(&[("evil.py", b"exec('x')\n")]);
    let middle = zip_of(&[("inner.zip", &inner)]);
    let outer = zip_of(&[("middle.zip", &middle)]);
    let tree = read(&outer);
    assert!(tree.anomalies.is_empty(), "{:?}", tree.anomalies);
    assert!(tree.get("middle.zip!/inner.zip!/evil.py").is_some());

    let limits = Limits {
        max_depth: 1,
        ..Limits::default()
    };
    let tree = read_with(&outer, &limits).expect("readable");
    assert_eq!(kinds(&tree), vec![AnomalyKind::NestingTooDeep]);
    assert!(tree.get("middle.zip!/inner.zip!/evil.py").is_none());
}

#[test]
fn zip_duplicate_names() {
    let mut bytes = zip_of(&[("pkg/aaaa.py", b"one\n"), ("pkg/bbbb.py", b"two\n")]);
    // Rename the second member to the first one's name in both headers.
    let from = b"pkg/bbbb.py";
    let positions: Vec<usize> = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(positions.len(), 2);
    for p in positions {
        bytes[p..p + from.len()].copy_from_slice(b"pkg/aaaa.py");
    }
    assert_eq!(kinds(&read(&bytes)), vec![AnomalyKind::DuplicateEntry]);
}

#[test]
fn zip_local_header_disagrees_with_central_directory() {
    let mut bytes = zip_of(&[("pkg/setup.py", b"print(1)\n")]);
    // The first occurrence of the name is the local header's copy.
    let at = bytes
        .windows(12)
        .position(|w| w == b"pkg/setup.py")
        .expect("name");
    bytes[at..at + 12].copy_from_slice(b"pkg/evil.py\0");
    let tree = read(&bytes);
    assert!(
        tree.has(AnomalyKind::HeaderMismatch),
        "{:?}",
        tree.anomalies
    );
}

#[test]
fn zip_encrypted_member() {
    let mut bytes = zip_of(&[("pkg/payload.py", b"secret\n")]);
    // Set bit 0 (encrypted) of the general-purpose flags, local and central.
    bytes[6] |= 1;
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("central");
    bytes[central + 8] |= 1;
    let tree = read(&bytes);
    assert!(tree.has(AnomalyKind::Encrypted), "{:?}", tree.anomalies);
}

#[test]
fn zip_path_traversal_and_symlink() {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("../../outside.py", opts).expect("start");
    w.write_all(b"x").expect("write");
    w.add_symlink("pkg/link", "/etc/passwd", opts)
        .expect("symlink");
    let bytes = w.finish().expect("finish").into_inner();
    let tree = read(&bytes);
    assert_eq!(
        kinds(&tree),
        vec![AnomalyKind::PathTraversal, AnomalyKind::Symlink]
    );
}

#[test]
fn truncated_and_foreign_inputs_are_errors() {
    let tgz = gzip(&raw_tar(&[("pkg/a.py", b'0', "", &vec![b'x'; 100_000])]));
    let cut = &tgz[..tgz.len() / 2];
    assert!(matches!(
        read_with(cut, &Limits::default()),
        Err(ArchiveError::Corrupt {
            format: Format::TarGz,
            ..
        })
    ));
    let zip = zip_of(&[("pkg/a.py", b"x")]);
    assert!(matches!(
        read_with(&zip[..zip.len() - 10], &Limits::default()),
        Err(ArchiveError::Corrupt {
            format: Format::Zip,
            ..
        })
    ));
    assert!(matches!(
        read_with(b"<html>not found</html>", &Limits::default()),
        Err(ArchiveError::NotAnArchive(_))
    ));
    assert!(matches!(
        read_with(b"", &Limits::default()),
        Err(ArchiveError::NotAnArchive(_))
    ));
}

#[test]
fn zip_crc_mismatch_is_an_unreadable_member() {
    let mut bytes = zip_of(&[("pkg/a.txt", b"hello hello hello hello\n")]);
    // Flip the stored CRC in the central directory and the local header.
    bytes[14] ^= 0xff;
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("central");
    bytes[central + 16] ^= 0xff;
    let tree = read(&bytes);
    assert!(
        tree.has(AnomalyKind::UnreadableMember),
        "{:?}",
        tree.anomalies
    );
    // What an installer may still unpack was not read: the artifact is not read in full.
    assert_eq!(causes(&tree), [IncompleteCause::UnreadableMember]);
}

#[test]
fn members_skipped_unread_still_end_where_the_stream_does() {
    // Only the second member is read: the first (a large data file, its head only) and
    // the padding after it are skipped, and the reader must land on the next header.
    let head_of_data = |path: &str, _: u64| {
        if path.ends_with(".bin") {
            Want::Head
        } else {
            Want::Content
        }
    };
    let read_selected = |bytes: &[u8]| {
        read_archive(
            bytes,
            &ReadOptions {
                limits: &Limits::default(),
                hash_all: false,
                select: &head_of_data,
                on_member: None,
            },
        )
    };
    let data: Vec<u8> = (0..100_001u32).map(|i| (i % 251) as u8).collect();
    let tar = raw_tar(&[
        ("pkg/data.bin", b'0', "", &data),
        ("pkg/a.py", b'0', "", b"print('after the skip')\n"),
    ]);
    for bytes in [tar.clone(), gzip(&tar)] {
        let tree = read_selected(&bytes).expect("readable");
        let a = tree
            .entries
            .iter()
            .find(|e| e.path == "pkg/a.py")
            .expect("the member after the skipped one");
        assert_eq!(a.data, b"print('after the skip')\n");
        let bin = tree.entries.iter().find(|e| e.path == "pkg/data.bin");
        assert_eq!(bin.map(|e| (e.size, e.complete)), Some((100_001, false)));
    }
    // A stream that ends inside its first member, even one skipped, is an error.
    for bytes in [tar[..60_000].to_vec(), gzip(&tar[..60_000])] {
        assert!(matches!(
            read_selected(&bytes),
            Err(ArchiveError::Corrupt { .. })
        ));
    }
}

#[test]
fn a_zip_under_a_data_name_in_a_zip_is_opened_by_its_content() {
    // `pkg/assets/pack.bin` is a zip of modules (what zipimport loads by content); a
    // plain data file beside it, only headed, stays as it was.
    let inner = zip_of(&[("hidden_mod.py", b"print('inside')\n")]);
    let outer = zip_of(&[
        ("pkg/assets/pack.bin", &inner),
        ("pkg/assets/plain.bin", b"PK but not a zip, just bytes"),
        ("pkg/__init__.py", b"x = 1\n"),
    ]);
    let head_of_data = |path: &str, _: u64| {
        if path.ends_with(".py") {
            Want::Content
        } else {
            Want::Head
        }
    };
    let tree = read_archive(
        &outer,
        &ReadOptions {
            limits: &Limits::default(),
            hash_all: false,
            select: &head_of_data,
            on_member: None,
        },
    )
    .expect("readable");
    let module = tree
        .get("pkg/assets/pack.bin!/hidden_mod.py")
        .expect("the module inside the zip named .bin");
    assert_eq!(module.data, b"print('inside')\n");
    assert!(tree.get("pkg/assets/pack.bin").is_some_and(|e| e.nested));
    let plain = tree.get("pkg/assets/plain.bin").expect("plain.bin");
    assert!(!plain.complete && !plain.nested);
}
