//! The packages to watch: named on the command line, read from a project's lockfiles,
//! or listed in a watch-list file, one package a line:
//!
//! ```text
//! # what we depend on
//! pypi:requests
//! npm:left-pad
//! # what we publish, with the build identity its releases must carry
//! own npm:my-lib repository=octo/my-lib workflow=release.yml
//! ```
//!
//! `#` starts a comment; empty lines are skipped; `own ` marks a package the user
//! publishes, and only such a line may pin the repository (`owner/name`) and the
//! workflow file its releases are built by.

use customs_ecosystem::canonical_name;
use customs_registry::Spec;

use crate::{Pin, Watched};

/// A package name that is not `pypi:NAME` or `npm:NAME`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// No `pypi:` or `npm:` prefix.
    #[error("{0:?}: packages are pypi:NAME or npm:NAME")]
    NoEcosystem(String),
    /// The prefix is there, the rest names no package.
    #[error("{0}")]
    NotAName(String),
}

/// What is wrong with one line of a watch list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// The package is not `pypi:NAME` or `npm:NAME`.
    #[error(transparent)]
    Spec(#[from] SpecError),
    /// A word after the package that is not a pin of an `own` package.
    #[error("{0:?}: after an `own` package come only repository=OWNER/REPO and workflow=FILE")]
    UnknownKey(String),
}

/// A line of a watch list that could not be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {error}")]
pub struct WatchListError {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong with it.
    pub error: EntryError,
}

/// The packages to watch, each once: adding a package already listed marks it `own`
/// when either is, and a pin replaces the one it had.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchList {
    packages: Vec<Watched>,
}

/// Reads `pypi:NAME` or `npm:NAME` (a version, if given, is ignored).
fn spec(text: &str) -> Result<Spec, SpecError> {
    Spec::parse(text)
        .ok_or_else(|| SpecError::NoEcosystem(text.to_owned()))?
        .map_err(SpecError::NotAName)
}

impl WatchList {
    /// An empty list.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The packages, in the order they were first added.
    #[must_use]
    pub fn packages(&self) -> &[Watched] {
        &self.packages
    }

    /// How many packages.
    #[must_use]
    pub fn len(&self) -> usize {
        self.packages.len()
    }

    /// Whether nothing is watched.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.packages.is_empty()
    }

    /// Adds a package, or merges it into the same package already listed.
    pub fn add(&mut self, package: Watched) {
        let same = |w: &&mut Watched| {
            w.ecosystem == package.ecosystem
                && canonical_name(w.ecosystem, &w.name)
                    == canonical_name(package.ecosystem, &package.name)
        };
        match self.packages.iter_mut().find(same) {
            Some(w) => {
                w.own |= package.own;
                if package.pin.is_some() {
                    w.pin = package.pin;
                }
            }
            None => self.packages.push(package),
        }
    }

    /// Adds the package `pypi:NAME` or `npm:NAME` names; `own` when the user publishes it.
    ///
    /// # Errors
    /// When `text` names no package of either ecosystem.
    pub fn add_spec(&mut self, text: &str, own: bool) -> Result<(), SpecError> {
        let s = spec(text)?;
        self.add(Watched {
            ecosystem: s.ecosystem,
            name: s.name,
            own,
            pin: None,
        });
        Ok(())
    }

    /// Adds every package of a watch list's `text`; `file` names it in errors and in
    /// the pins it sets (`pinned in FILE:LINE`). Nothing is added when a line is wrong.
    ///
    /// # Errors
    /// The first line that is not a package, or that pins what only an `own` line may.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<(), WatchListError> {
        let mut read = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let at = |error: EntryError| WatchListError {
                file: file.to_owned(),
                line: i + 1,
                error,
            };
            if let Some(w) = entry(line, || format!("pinned in {file}:{}", i + 1)).map_err(at)? {
                read.push(w);
            }
        }
        for w in read {
            self.add(w);
        }
        Ok(())
    }

    /// The packages of a watch list's `text` (see [`WatchList::add_file`]).
    ///
    /// # Errors
    /// As [`WatchList::add_file`].
    pub fn parse(file: &str, text: &str) -> Result<Self, WatchListError> {
        let mut list = Self::new();
        list.add_file(file, text)?;
        Ok(list)
    }
}

/// One line: `None` for an empty or comment line.
fn entry(line: &str, from: impl Fn() -> String) -> Result<Option<Watched>, EntryError> {
    let line = line.split('#').next().unwrap_or("").trim();
    if line.is_empty() {
        return Ok(None);
    }
    let (own, rest) = match line.strip_prefix("own ") {
        Some(rest) => (true, rest.trim()),
        None => (false, line),
    };
    // `own npm:NAME repository=OWNER/REPO workflow=release.yml`
    let mut words = rest.split_whitespace();
    let name = words.next().unwrap_or("");
    let mut pin = Pin {
        repository: None,
        workflow: None,
        from: String::new(),
        tagged: false,
    };
    for word in words {
        match word.split_once('=') {
            Some(("repository", v)) if own => pin.repository = Some(v.to_owned()),
            Some(("workflow", v)) if own => pin.workflow = Some(v.to_owned()),
            _ => return Err(EntryError::UnknownKey(word.to_owned())),
        }
    }
    let s = spec(name)?;
    let pinned = pin.repository.is_some() || pin.workflow.is_some();
    Ok(Some(Watched {
        ecosystem: s.ecosystem,
        name: s.name,
        own,
        pin: pinned.then(|| Pin {
            from: from(),
            ..pin
        }),
    }))
}

#[cfg(test)]
mod tests {
    use customs_ecosystem::Ecosystem;

    use super::*;

    fn names(list: &WatchList) -> Vec<(String, bool)> {
        list.packages()
            .iter()
            .map(|w| (format!("{}:{}", w.ecosystem, w.name), w.own))
            .collect()
    }

    #[test]
    fn comments_empty_lines_and_own() {
        let list = WatchList::parse(
            "watch.txt",
            "# what we use\n\n  pypi:requests  # the HTTP library\nown npm:my-lib\n   \n#own npm:gone\n",
        )
        .expect("a valid list");
        assert_eq!(
            names(&list),
            [("pypi:requests".into(), false), ("npm:my-lib".into(), true)]
        );
        assert!(list.packages().iter().all(|w| w.pin.is_none()));
    }

    #[test]
    fn an_own_line_pins_repository_and_workflow_with_where_it_was_written() {
        let list = WatchList::parse(
            "list",
            "npm:other\nown pypi:mine repository=octo/mine workflow=.github/workflows/release.yml\n",
        )
        .expect("a valid list");
        let mine = &list.packages()[1];
        assert_eq!(
            (mine.ecosystem, mine.name.as_str(), mine.own),
            (Ecosystem::Pypi, "mine", true)
        );
        let pin = mine.pin.as_ref().expect("pinned");
        assert_eq!(pin.repository.as_deref(), Some("octo/mine"));
        assert_eq!(
            pin.workflow.as_deref(),
            Some(".github/workflows/release.yml")
        );
        assert_eq!(pin.from, "pinned in list:2");
        assert!(!pin.tagged);
    }

    #[test]
    fn keys_are_refused_where_they_do_not_belong() {
        // A pin on a package that is not the user's own.
        let e =
            WatchList::parse("w", "pypi:a\nnpm:b repository=o/r\n").expect_err("an invalid list");
        assert_eq!((e.file.as_str(), e.line), ("w", 2));
        assert_eq!(e.error, EntryError::UnknownKey("repository=o/r".into()));
        assert_eq!(
            e.to_string(),
            "w:2: \"repository=o/r\": after an `own` package come only repository=OWNER/REPO and workflow=FILE"
        );
        // A key customs does not know, even on an `own` line.
        let e = WatchList::parse("w", "own npm:b branch=main\n").expect_err("an invalid list");
        assert_eq!(
            (e.line, e.error),
            (1, EntryError::UnknownKey("branch=main".into()))
        );
        // A bare word.
        let e = WatchList::parse("w", "own npm:b octo/b\n").expect_err("an invalid list");
        assert_eq!(e.error, EntryError::UnknownKey("octo/b".into()));
    }

    #[test]
    fn lines_that_name_no_package_are_refused_with_their_place() {
        let e = WatchList::parse("w", "# ok\nrequests\n").expect_err("an invalid list");
        assert_eq!(e.line, 2);
        assert_eq!(
            e.error,
            EntryError::Spec(SpecError::NoEcosystem("requests".into()))
        );
        assert_eq!(
            e.to_string(),
            "w:2: \"requests\": packages are pypi:NAME or npm:NAME"
        );
        let e = WatchList::parse("w", "pypi:a/b\n").expect_err("an invalid list");
        assert!(
            matches!(e.error, EntryError::Spec(SpecError::NotAName(_))),
            "{e}"
        );
        // `own` alone is not a package.
        let e = WatchList::parse("w", "own\n").expect_err("an invalid list");
        assert_eq!(
            e.error,
            EntryError::Spec(SpecError::NoEcosystem("own".into()))
        );
        // A wrong line adds nothing, even after good ones.
        let mut list = WatchList::new();
        assert!(list.add_file("w", "npm:a\nnope\n").is_err());
        assert!(list.is_empty());
    }

    #[test]
    fn the_same_package_is_listed_once() {
        let mut list = WatchList::new();
        list.add_spec("pypi:Foo_Bar", false).expect("a package");
        list.add_spec("npm:foo-bar", false).expect("a package");
        list.add_file("w", "own pypi:foo-bar workflow=release.yml\npypi:foo.bar\n")
            .expect("a valid list");
        assert_eq!(
            names(&list),
            [("pypi:Foo_Bar".into(), true), ("npm:foo-bar".into(), false)]
        );
        let pin = list.packages()[0].pin.as_ref().expect("pinned by the list");
        assert_eq!(pin.workflow.as_deref(), Some("release.yml"));
        assert_eq!(
            list.add_spec("cargo:serde", false),
            Err(SpecError::NoEcosystem("cargo:serde".into()))
        );
    }
}
