//! What the test files share: a package made from files in memory, analysed whole.

use customs_analyze::{Analysis, analyze_package};
use customs_archive::{Entry, EntryKind, Format, Tree};
use customs_ecosystem::Package;

/// The analysis of an archive named `file_name` holding `files`, each under `prefix`
/// (`package/` for npm, `demo-1.0/` for an sdist).
pub fn analyse(file_name: &str, prefix: &str, files: &[(&str, &str)]) -> Analysis {
    // An archive's tree is looked up by path, in order.
    let mut files = files.to_vec();
    files.sort_unstable();
    let entries = files
        .iter()
        .map(|(path, text)| {
            let mut e = Entry::bare(
                format!("{prefix}{path}"),
                EntryKind::File,
                text.len() as u64,
                None,
            );
            e.data = text.as_bytes().to_vec();
            e.complete = true;
            e
        })
        .collect();
    let tree = Tree {
        format: Format::TarGz,
        entries,
        anomalies: Vec::new(),
        total_bytes: 0,
        incomplete: Vec::new(),
    };
    analyze_package(&Package::from_tree(tree, file_name))
}
