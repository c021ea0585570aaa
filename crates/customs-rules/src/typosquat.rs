use std::borrow::Cow;

use customs_ecosystem::{Ecosystem, canonical_name, is_canonical, skeleton};

use crate::popular_index;

/// Affixes that squatters add to a popular name.
const AFFIXES: &[&str] = &[
    "python-",
    "py-",
    "py",
    "-py",
    "-python",
    "python",
    "-lib",
    "lib",
    "-dev",
    "-sdk",
    "-js",
    "js",
    ".js",
    "-node",
    "node-",
    "-cli",
    "-utils",
    "-tools",
    "-api",
    "-core",
    "-official",
];

/// Popular names, indexed for confusion checks. The embedded lists were indexed at
/// build time (see `popular_index`): a process that checks one name reads a few entries
/// of static tables instead of indexing 10,000 names first.
pub struct Popular {
    pypi: List,
    npm: List,
}

// The embedded lists' indexes: `PYPI_NAMES`, `PYPI_STARTS`, `PYPI_RANKS`,
// `PYPI_SKELETONS` and the same for npm.
include!(concat!(env!("OUT_DIR"), "/popular.rs"));

/// One ecosystem's names and their index (see [`popular_index::Index`]).
struct List {
    /// The canonical names, most popular first, each followed by a `\n`.
    names: Cow<'static, str>,
    /// Where each name starts in `names`, then the end of `names`.
    starts: Cow<'static, [u32]>,
    /// `(hash of a canonical name, its best rank)`, sorted.
    ranks: Cow<'static, [(u64, u32)]>,
    /// `(hash of a skeleton, the best rank of a name with it)`, sorted.
    skeletons: Cow<'static, [(u64, u32)]>,
}

/// The skeleton of a name with npm's scope marks dropped (`@types/node` -> `typesnode`).
fn name_skeleton(name: &str) -> String {
    skeleton(&popular_index::scopeless(name))
}

impl List {
    fn embedded(
        names: &'static str,
        starts: &'static [u32],
        ranks: &'static [(u64, u32)],
        skeletons: &'static [(u64, u32)],
    ) -> Self {
        Self {
            names: Cow::Borrowed(names),
            starts: Cow::Borrowed(starts),
            ranks: Cow::Borrowed(ranks),
            skeletons: Cow::Borrowed(skeletons),
        }
    }

    fn new(eco: Ecosystem, text: &str) -> Self {
        let index = popular_index::build(text, |n| canonical_name(eco, n), skeleton);
        Self {
            names: Cow::Owned(index.names),
            starts: Cow::Owned(index.starts),
            ranks: Cow::Owned(index.ranks),
            skeletons: Cow::Owned(index.skeletons),
        }
    }

    /// The name at `rank`.
    fn name(&self, rank: u32) -> Option<&str> {
        let rank = rank as usize;
        let start = *self.starts.get(rank)? as usize;
        let end = *self.starts.get(rank + 1)? as usize;
        self.names.get(start..end.checked_sub(1)?)
    }

    /// The names, most popular first, cut at the offsets in `starts` (splitting the text
    /// at each `\n` again was two thirds of the one-edit search's time).
    fn names(&self) -> impl Iterator<Item = &str> {
        let count = u32::try_from(self.starts.len().saturating_sub(1)).unwrap_or(u32::MAX);
        (0..count).filter_map(|rank| self.name(rank))
    }

    /// The rank of a canonical name.
    fn rank(&self, canonical: &str) -> Option<usize> {
        popular_index::candidates(&self.ranks, popular_index::hash(canonical))
            .find(|&rank| self.name(rank) == Some(canonical))
            .map(|rank| rank as usize)
    }

    /// The most popular name whose skeleton is `sk`.
    fn by_skeleton(&self, sk: &str) -> Option<&str> {
        popular_index::candidates(&self.skeletons, popular_index::hash(sk))
            .filter_map(|rank| self.name(rank))
            .find(|name| name_skeleton(name) == sk)
    }
}

impl Popular {
    /// The embedded lists.
    #[must_use]
    pub fn embedded() -> Self {
        Self {
            pypi: List::embedded(PYPI_NAMES, &PYPI_STARTS, &PYPI_RANKS, &PYPI_SKELETONS),
            npm: List::embedded(NPM_NAMES, &NPM_STARTS, &NPM_RANKS, &NPM_SKELETONS),
        }
    }

    /// Lists given as text, one name a line, most popular first.
    #[must_use]
    pub fn from_lists(pypi: &str, npm: &str) -> Self {
        Self {
            pypi: List::new(Ecosystem::Pypi, pypi),
            npm: List::new(Ecosystem::Npm, npm),
        }
    }

    fn list(&self, ecosystem: Ecosystem) -> &List {
        match ecosystem {
            Ecosystem::Pypi => &self.pypi,
            Ecosystem::Npm => &self.npm,
        }
    }

    /// True when the name is itself on the list.
    #[must_use]
    pub fn contains(&self, ecosystem: Ecosystem, name: &str) -> bool {
        self.rank(ecosystem, name).is_some()
    }

    /// The popularity rank (0 is the most downloaded), if listed.
    #[must_use]
    pub fn rank(&self, ecosystem: Ecosystem, name: &str) -> Option<usize> {
        let list = self.list(ecosystem);
        // Listed names are canonical: a name is looked up once, in canonical form.
        if is_canonical(ecosystem, name) {
            list.rank(name)
        } else {
            list.rank(&canonical_name(ecosystem, name))
        }
    }
}

/// A name that imitates a popular one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Squat {
    /// The popular name imitated.
    pub target: String,
    /// How: one edit, look-alike characters, separators, an affix, a scope confusion.
    pub how: &'static str,
}

/// Whether `a` and `b` are exactly one edit apart: one insertion, deletion, substitution
/// or swap of neighbours (optimal string alignment distance 1). What is left between the
/// longest common prefix and the longest common suffix must be that one edit: linear, where
/// the distance's table is quadratic (it was most of a one-file scan's rule time: every
/// listed name of a similar length is compared).
fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let suffix = short[prefix..]
        .iter()
        .rev()
        .zip(long[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (s, l) = (
        &short[prefix..short.len() - suffix],
        &long[prefix..long.len() - suffix],
    );
    match (s.len(), l.len()) {
        // One inserted or substituted element.
        (0, 1) | (1, 1) => true,
        // Two neighbours swapped.
        (2, 2) => s[0] == l[1] && s[1] == l[0],
        _ => false,
    }
}

/// Optimal string alignment distance, stopping early once it exceeds `max`. `rows` is
/// scratch space, reused between calls. The definition [`one_edit`] is tested against.
#[cfg(test)]
fn distance<T: PartialEq>(a: &[T], b: &[T], max: usize, rows: &mut Vec<usize>) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let w = b.len() + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    let (prev2, rest) = rows.split_at_mut(w);
    let (mut prev, mut cur) = rest.split_at_mut(w);
    let mut prev2: &mut [usize] = prev2;
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        // prev2 <- prev, prev <- cur, cur <- the old prev2 (overwritten next row).
        let old = std::mem::replace(&mut prev2, prev);
        prev = cur;
        cur = old;
    }
    prev[b.len()]
}

/// Whether `name` imitates a popular name of its ecosystem. A listed name never does.
#[must_use]
pub fn find_squat(popular: &Popular, ecosystem: Ecosystem, name: &str) -> Option<Squat> {
    let canonical = canonical_name(ecosystem, name);
    let list = popular.list(ecosystem);
    // Already canonical: looked up as it is.
    if canonical.is_empty() || list.rank(&canonical).is_some() {
        return None;
    }
    // Look-alike characters and separators: same skeleton as a popular name.
    let mut forms = vec![canonical.clone()];
    if let Some((scope, _)) = canonical.strip_prefix('@').and_then(|s| s.split_once('/')) {
        // `@types-node/x` imitates `@types/node`.
        forms.push(scope.to_owned());
    }
    for form in &forms {
        if let Some(target) = list.by_skeleton(&name_skeleton(form)) {
            // `@typescript/x` is the organisation of `typescript`, not an imitation.
            if *target != canonical && target != form {
                let how = if form == &canonical {
                    if canonical.is_ascii() && name.is_ascii() {
                        "the same name with other separators or look-alike characters"
                    } else {
                        "look-alike characters from other scripts"
                    }
                } else {
                    "a scope that imitates a popular scoped package"
                };
                return Some(Squat {
                    target: target.to_owned(),
                    how,
                });
            }
        }
    }
    // One edit away (insertion, deletion, substitution, transposition); ASCII names (most)
    // compare as bytes.
    let chars: Vec<char> = canonical.chars().collect();
    if chars.len() >= 5 {
        let ascii = canonical.is_ascii();
        let mut t: Vec<char> = Vec::new();
        for target in list.names() {
            if target.len().abs_diff(canonical.len()) > 4 {
                // Lengths in bytes this far apart are more than one character apart.
                continue;
            }
            let close = if ascii && target.is_ascii() {
                target.len() >= 5 && one_edit(canonical.as_bytes(), target.as_bytes())
            } else {
                t.clear();
                t.extend(target.chars());
                t.len() >= 5 && one_edit(&chars, &t)
            };
            if close {
                // A digit changed at the end is usually a version family (`boto`/`boto3`).
                let digit_tail = chars.last().is_some_and(char::is_ascii_digit)
                    || target.chars().last().is_some_and(|c| c.is_ascii_digit());
                if !digit_tail {
                    return Some(Squat {
                        target: target.to_string(),
                        how: "one character away",
                    });
                }
            }
        }
    }
    // A popular name with a squatter's affix.
    for affix in AFFIXES {
        let stripped = canonical
            .strip_prefix(affix)
            .or_else(|| canonical.strip_suffix(affix));
        if let Some(base) = stripped {
            let base = base.trim_matches(['-', '.', '_']);
            if base.len() >= 4 && popular.contains(ecosystem, base) {
                return Some(Squat {
                    target: base.to_owned(),
                    how: "a popular name with an added prefix or suffix",
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn popular() -> Popular {
        Popular::from_lists(
            "requests\ncolorama\npyyaml\nurllib3\nboto3\nboto\n",
            "@types/node\nlodash\nexpress\n",
        )
    }

    #[test]
    fn squats() {
        let p = popular();
        let target = |eco, n| find_squat(&p, eco, n).map(|s| s.target);
        assert_eq!(
            target(Ecosystem::Pypi, "colourama"),
            Some("colorama".into())
        );
        assert_eq!(target(Ecosystem::Pypi, "reqeusts"), Some("requests".into()));
        assert_eq!(target(Ecosystem::Pypi, "py-yaml"), Some("pyyaml".into()));
        assert_eq!(target(Ecosystem::Pypi, "co1orama"), Some("colorama".into()));
        assert_eq!(
            target(Ecosystem::Pypi, "requests-python"),
            Some("requests".into())
        );
        assert_eq!(
            target(Ecosystem::Npm, "@types-node/utils"),
            Some("@types/node".into())
        );
        assert_eq!(target(Ecosystem::Npm, "lodahs"), Some("lodash".into()));
    }

    #[test]
    fn one_edit_is_distance_one() {
        // Every pair of words of up to five letters over a three-letter alphabet (and the
        // same words against themselves): the linear check agrees with the distance.
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|w: &Vec<u8>| {
                    b"abc".iter().map(move |&c| {
                        let mut n = w.clone();
                        n.push(c);
                        n
                    })
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        let mut rows = Vec::new();
        let mut ones = 0;
        for a in &words {
            for b in &words {
                let expected = distance(a, b, 1, &mut rows) == 1;
                assert_eq!(one_edit(a, b), expected, "{a:?} {b:?}");
                ones += usize::from(expected);
            }
        }
        // Neither always true nor always false.
        assert!(
            ones > 1000 && ones < words.len() * words.len() / 10,
            "{ones}"
        );
    }

    #[test]
    fn popular_and_unrelated_names_pass() {
        let p = popular();
        assert_eq!(find_squat(&p, Ecosystem::Pypi, "requests"), None);
        // A project's own organisation scope is not an imitation of it.
        assert_eq!(
            find_squat(&p, Ecosystem::Npm, "@typescript/typescript-linux-x64"),
            None
        );
        assert_eq!(
            find_squat(&p, Ecosystem::Pypi, "Py_YAML").map(|s| s.target),
            Some("pyyaml".into())
        );
        assert_eq!(find_squat(&p, Ecosystem::Pypi, "PyYAML"), None);
        assert_eq!(find_squat(&p, Ecosystem::Pypi, "boto2"), None);
        assert_eq!(find_squat(&p, Ecosystem::Pypi, "numpy"), None);
        assert_eq!(
            find_squat(&p, Ecosystem::Npm, "expres"),
            Some(Squat {
                target: "express".into(),
                how: "one character away"
            })
        );
    }

    #[test]
    fn every_listed_name_and_skeleton_is_found_by_its_hash() {
        // Each name is found at its first rank, and each skeleton at the first rank of a
        // name that has it, both in the indexes made at build time and in ones made
        // from the same text now.
        let texts = [
            include_str!("../data/popular-pypi.txt"),
            include_str!("../data/popular-npm.txt"),
        ];
        let embedded = Popular::embedded();
        let now = Popular::from_lists(texts[0], texts[1]);
        for ((list, fresh), text) in [(&embedded.pypi, &now.pypi), (&embedded.npm, &now.npm)]
            .into_iter()
            .zip(texts)
        {
            assert_eq!(list.names, fresh.names);
            assert_eq!(list.starts, fresh.starts);
            assert_eq!(list.ranks, fresh.ranks);
            assert_eq!(list.skeletons, fresh.skeletons);
            let names: Vec<&str> = list.names().collect();
            assert!(names.iter().copied().eq(list.names.split_terminator('\n')));
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            assert!(lines >= 5000);
            assert_eq!(names.len(), lines);
            let mut first = std::collections::HashMap::new();
            let mut first_skeleton = std::collections::HashMap::new();
            for (rank, name) in names.iter().enumerate() {
                assert_eq!(list.name(u32::try_from(rank).expect("small")), Some(*name));
                let expected = *first.entry(*name).or_insert(rank);
                assert_eq!(list.rank(name), Some(expected), "{name}");
                let sk = name_skeleton(name);
                let expected = *first_skeleton.entry(sk.clone()).or_insert(rank);
                assert_eq!(list.by_skeleton(&sk), Some(names[expected]), "{name}");
            }
            assert_eq!(list.rank("surely-not-a-popular-name"), None);
            assert_eq!(list.by_skeleton("surelynotapopularname"), None);
        }
    }

    #[test]
    fn names_that_share_a_hash_are_all_found() {
        // Hash collisions cost a comparison: every entry under a hash is tried, best
        // rank first.
        let table = [(1, 4), (7, 0), (7, 2), (7, 9), (8, 1)];
        let found: Vec<u32> = popular_index::candidates(&table, 7).collect();
        assert_eq!(found, [0, 2, 9]);
        assert_eq!(popular_index::candidates(&table, 5).count(), 0);
        assert_eq!(popular_index::candidates(&table, 9).count(), 0);
        // Names listed twice keep their first rank; a later look-alike of a listed name
        // does not take its skeleton.
        let list = List::new(Ecosystem::Pypi, "Foo_Bar\nbaz\n\nfoo-bar\nfo0-bar\n");
        assert_eq!(
            list.names().collect::<Vec<_>>(),
            ["foo-bar", "baz", "foo-bar", "fo0-bar"]
        );
        assert_eq!(list.rank("foo-bar"), Some(0));
        assert_eq!(list.rank("fo0-bar"), Some(3));
        assert_eq!(list.ranks.len(), 3);
        assert_eq!(name_skeleton("fo0-bar"), "foobar");
        assert_eq!(list.by_skeleton("foobar"), Some("foo-bar"));
        assert_eq!(list.skeletons.len(), 2);
        assert_eq!(list.by_skeleton("fooobar"), None);
    }

    #[test]
    fn embedded_lists_load() {
        let p = Popular::embedded();
        assert!(p.contains(Ecosystem::Pypi, "requests"));
        assert!(p.contains(Ecosystem::Npm, "lodash"));
        assert_eq!(p.rank(Ecosystem::Pypi, "boto3"), Some(0));
        // Names not in canonical form are found by their canonical form.
        assert_eq!(p.rank(Ecosystem::Pypi, "BOTO3"), Some(0));
        assert!(p.contains(Ecosystem::Pypi, "Requests"));
        assert!(p.contains(Ecosystem::Npm, "LoDash"));
    }
}
