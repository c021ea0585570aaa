//! The index of a list of popular names, most popular first: the canonical names, and
//! sorted tables from the hash of a name, or of its skeleton, to the best rank that has
//! it.
//!
//! The embedded lists are indexed once, at build time, by the build script (which
//! includes this file and the ecosystem crate's name functions), so a process that checks
//! one name does not index 10,000 first. Lists given at run time (tests) are indexed by
//! the same code.

use std::borrow::Cow;

/// A list's index, as built.
pub(crate) struct Index {
    /// The canonical names, most popular first, each followed by a `\n`. A name listed
    /// twice is kept twice; a blank line is dropped.
    pub(crate) names: String,
    /// Where each name starts in `names`, then the end of `names`.
    pub(crate) starts: Vec<u32>,
    /// `(hash of a canonical name, its best rank)`, sorted: one entry per distinct name.
    pub(crate) ranks: Vec<(u64, u32)>,
    /// `(hash of a skeleton, the best rank of a name with that skeleton)`, sorted: one
    /// entry per distinct skeleton.
    pub(crate) skeletons: Vec<(u64, u32)>,
}

/// 64-bit FNV-1a: stable across builds and versions, as tables made at build time need.
/// Collisions cost a comparison, never a wrong answer: look-ups compare the name.
pub(crate) fn hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A name with npm's scope marks dropped (`@types/node` -> `typesnode`), as its
/// skeleton is taken.
pub(crate) fn scopeless(name: &str) -> Cow<'_, str> {
    if name.contains(['@', '/']) {
        Cow::Owned(name.replace(['@', '/'], ""))
    } else {
        Cow::Borrowed(name)
    }
}

/// The ranks stored under `h` in a sorted table, best first.
pub(crate) fn candidates(table: &[(u64, u32)], h: u64) -> impl Iterator<Item = u32> + '_ {
    let first = table.partition_point(|&(k, _)| k < h);
    table
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(move |&&(k, _)| k == h)
        .map(|&(_, rank)| rank)
}

/// Indexes `text`, one name a line, most popular first. `canonical` gives a name's
/// canonical form, `skeleton` the skeleton of a scopeless canonical name.
pub(crate) fn build(
    text: &str,
    canonical: impl Fn(&str) -> String,
    skeleton: impl Fn(&str) -> String,
) -> Index {
    let mut names = String::with_capacity(text.len());
    let mut starts = Vec::new();
    let mut by_name: Vec<(u64, u32, usize)> = Vec::new();
    let mut by_skeleton: Vec<(u64, String, u32)> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let name = canonical(line);
        let rank = u32::try_from(starts.len()).unwrap_or(u32::MAX);
        starts.push(u32::try_from(names.len()).unwrap_or(u32::MAX));
        by_name.push((hash(&name), rank, names.len()));
        let sk = skeleton(&scopeless(&name));
        by_skeleton.push((hash(&sk), sk, rank));
        names.push_str(&name);
        names.push('\n');
    }
    starts.push(u32::try_from(names.len()).unwrap_or(u32::MAX));
    let name_at = |start: usize| names[start..].split('\n').next().unwrap_or_default();
    // Best rank first within a hash; a name listed again after its best rank is dropped.
    by_name.sort_unstable_by(|a, b| (a.0, name_at(a.2), a.1).cmp(&(b.0, name_at(b.2), b.1)));
    by_name.dedup_by(|later, first| later.0 == first.0 && name_at(later.2) == name_at(first.2));
    let mut ranks: Vec<(u64, u32)> = by_name.iter().map(|&(h, rank, _)| (h, rank)).collect();
    ranks.sort_unstable();
    by_skeleton.sort_unstable();
    by_skeleton.dedup_by(|later, first| later.0 == first.0 && later.1 == first.1);
    let mut skeletons: Vec<(u64, u32)> = by_skeleton.iter().map(|(h, _, r)| (*h, *r)).collect();
    skeletons.sort_unstable();
    Index {
        names,
        starts,
        ranks,
        skeletons,
    }
}
