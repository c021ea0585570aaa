//! What files of identical content were found to do, kept for the rest of the process.
//!
//! A file's [`FileFacts`] depend only on its bytes and the analyser's dialect (Python, a
//! `.pth` file, or JavaScript/TypeScript by extension); where the file sits decides its
//! context later, in [`crate::analyze_package`]. The same file often comes more than once
//! in one run: an sdist and the wheel built from it carry the same modules, releases of a
//! package share most of their files (a scan with history reads two), vendored libraries
//! repeat across packages. Each is parsed once.
//!
//! The key is the file's sha256 (a collision-resistant digest: a crafted file must not
//! borrow a benign file's facts) and its dialect. The cache is bounded by an estimate of
//! the memory its entries hold: when the newer of two generations is full, the older is
//! dropped and the newer takes its place, so what was used recently stays.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use sha2::{Digest, Sha256};

use crate::FileFacts;

/// Which analyser, with which settings, produced the facts.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Dialect {
    /// A Python module.
    Python,
    /// A `.pth` file: only its `import` lines run.
    Pth,
    /// JavaScript or TypeScript, by the file's extension (the parser's dialect).
    Script(Extension),
}

/// A file extension of at most 8 bytes, as the JavaScript parser reads it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Extension([u8; 8]);

impl Extension {
    /// The extension of `path` (after its last `.` in the last component); `None` when it
    /// is longer than 8 bytes, which no dialect has (such files are not cached).
    pub(crate) fn of(path: &str) -> Option<Self> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e).as_bytes();
        let mut out = [0u8; 8];
        out.get_mut(..ext.len())?.copy_from_slice(ext);
        Some(Self(out))
    }
}

type Key = ([u8; 32], Dialect);

/// Estimated bytes held by the entries of one generation before it is retired.
const GENERATION_BYTES: usize = 24 << 20;

#[derive(Default)]
struct Generations {
    new: HashMap<Key, Arc<FileFacts>>,
    new_bytes: usize,
    old: HashMap<Key, Arc<FileFacts>>,
}

impl Generations {
    /// The entry of `key`; one found in the older generation moves to the newer.
    fn get(&mut self, key: &Key) -> Option<Arc<FileFacts>> {
        if let Some(f) = self.new.get(key) {
            return Some(Arc::clone(f));
        }
        let f = self.old.remove(key)?;
        self.insert(*key, Arc::clone(&f));
        Some(f)
    }

    fn insert(&mut self, key: Key, facts: Arc<FileFacts>) {
        let w = weight(&facts);
        if self.new_bytes + w > GENERATION_BYTES {
            self.old = std::mem::take(&mut self.new);
            self.new_bytes = 0;
        }
        self.new_bytes += w;
        self.new.insert(key, facts);
    }
}

/// The process-wide cache.
pub(crate) struct FactsCache {
    inner: Mutex<Generations>,
    hits: AtomicU64,
}

fn cache() -> &'static FactsCache {
    static CACHE: OnceLock<FactsCache> = OnceLock::new();
    CACHE.get_or_init(|| FactsCache {
        inner: Mutex::new(Generations::default()),
        hits: AtomicU64::new(0),
    })
}

/// How many analyses were taken from the cache in this process.
#[cfg(test)]
pub(crate) fn cache_hits() -> u64 {
    cache().hits.load(Ordering::Relaxed)
}

/// Whether the facts of `text` in `dialect` are in the cache.
#[cfg(test)]
pub(crate) fn holds(text: &str, dialect: Dialect) -> bool {
    let key = (Sha256::digest(text.as_bytes()).into(), dialect);
    let mut g = cache().inner.lock().unwrap_or_else(PoisonError::into_inner);
    g.get(&key).is_some()
}

/// Memory an entry holds, roughly: what the map keeps plus the facts' strings.
fn weight(facts: &FileFacts) -> usize {
    let strings = |v: &[String]| v.iter().map(|s| s.len() + 24).sum::<usize>();
    128 + facts
        .behaviours
        .iter()
        .map(|b| b.detail.len() + 48)
        .sum::<usize>()
        + strings(&facts.imports)
        + strings(&facts.setup_commands)
        + strings(&facts.setup_scripts)
        + strings(&facts.search_dirs)
        + facts.parse_error.as_ref().map_or(0, String::len)
}

/// The facts of `text` in `dialect`: from the cache when a file of the same content and
/// dialect was analysed before, from `analyze` otherwise. `digest` is the text's sha256
/// when the archive reader already computed it.
pub(crate) fn facts_for(
    text: &str,
    digest: Option<[u8; 32]>,
    dialect: Dialect,
    analyze: impl FnOnce() -> FileFacts,
) -> Arc<FileFacts> {
    let c = cache();
    let key = (
        digest.unwrap_or_else(|| Sha256::digest(text.as_bytes()).into()),
        dialect,
    );
    let found = c
        .inner
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key);
    if let Some(facts) = found {
        c.hits.fetch_add(1, Ordering::Relaxed);
        return facts;
    }
    let facts = Arc::new(analyze());
    c.inner
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, Arc::clone(&facts));
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let ext = |p: &str| Extension::of(p).map(|e| e.0);
        assert_eq!(ext("lib/a.mjs"), Some(*b"mjs\0\0\0\0\0"));
        assert_eq!(ext("a.b/c"), Some([0; 8]));
        assert_eq!(ext("x.verylongext"), None);
        assert_ne!(Extension::of("a.ts"), Extension::of("a.js"));
    }

    #[test]
    fn same_content_same_dialect_is_analysed_once() {
        let text = "import os  # cache test: same content, same dialect\n";
        let mut runs = 0;
        let a = facts_for(text, None, Dialect::Python, || {
            runs += 1;
            crate::python::analyze(text)
        });
        let b = facts_for(text, None, Dialect::Python, || {
            runs += 1;
            FileFacts::default()
        });
        assert_eq!(runs, 1);
        assert_eq!(b.imports, vec!["os".to_owned()]);
        assert!(Arc::ptr_eq(&a, &b));
        // Another dialect of the same bytes is analysed again.
        let c = facts_for(text, None, Dialect::Pth, || {
            runs += 1;
            FileFacts::default()
        });
        assert_eq!(runs, 2);
        assert!(c.imports.is_empty());
    }

    #[test]
    fn generations_keep_recent_entries_and_bound_memory() {
        let mut g = Generations::default();
        let big = Arc::new(FileFacts {
            imports: vec!["x".repeat(GENERATION_BYTES / 4)],
            ..FileFacts::default()
        });
        let key = |k: u8| ([k; 32], Dialect::Python);
        for k in 0..4 {
            g.insert(key(k), Arc::clone(&big));
        }
        // Three fit in a generation: the fourth retired the first three to the older one.
        assert_eq!((g.new.len(), g.old.len()), (1, 3));
        // Using an old entry brings it to the newer generation.
        assert!(g.get(&key(0)).is_some());
        assert!(g.new.contains_key(&key(0)));
        for k in 4..10 {
            g.insert(key(k), Arc::clone(&big));
        }
        // Memory stays bounded: at most two generations' worth of entries.
        assert!(g.new.len() + g.old.len() <= 6);
        assert!(g.get(&key(9)).is_some());
        assert!(g.get(&key(1)).is_none());
    }
}
