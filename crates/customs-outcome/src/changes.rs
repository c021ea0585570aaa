//! What changed between two profiles, as a report shows it.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::{BehaviourSummary, Profile};

/// A file added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileChange {
    /// Path relative to the package root.
    pub path: String,
    /// Lines before (for removed and changed files).
    pub lines_before: Option<u32>,
    /// Lines after (for added and changed files).
    pub lines_after: Option<u32>,
}

/// A value that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueChange {
    /// What it is (a dependency's name, a hook, a metadata field).
    pub name: String,
    /// Before (`None`: absent).
    pub old: Option<String>,
    /// After (`None`: removed).
    pub new: Option<String>,
}

/// Everything that differs between two releases.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    /// Files only in the new release.
    pub files_added: Vec<FileChange>,
    /// Files only in the old release.
    pub files_removed: Vec<FileChange>,
    /// Files in both whose contents differ.
    pub files_changed: Vec<FileChange>,
    /// Dependencies added, removed or with a changed requirement.
    pub dependencies: Vec<ValueChange>,
    /// Install-time hooks added, removed or changed.
    pub hooks: Vec<ValueChange>,
    /// Behaviours of the new release that the old one did not have.
    pub behaviours_appeared: Vec<BehaviourSummary>,
    /// Behaviours of the old release that are gone.
    pub behaviours_disappeared: Vec<BehaviourSummary>,
    /// Metadata fields that changed.
    pub metadata: Vec<ValueChange>,
}

fn map_changes(
    old: &std::collections::BTreeMap<String, String>,
    new: &std::collections::BTreeMap<String, String>,
) -> Vec<ValueChange> {
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|n| old.get(*n) != new.get(*n))
        .map(|n| ValueChange {
            name: n.clone(),
            old: old.get(n).cloned(),
            new: new.get(n).cloned(),
        })
        .collect()
}

/// A behaviour's identity across releases: what it does, when, and in which file, with
/// the quoted code (lines move between releases; the code does not).
fn key(
    b: &BehaviourSummary,
) -> (
    customs_analyze::BehaviourKind,
    customs_analyze::Context,
    &str,
    &str,
) {
    (b.kind, b.context, b.path.as_str(), b.snippet.trim())
}

impl Changes {
    /// Compares two profiles.
    #[must_use]
    pub fn between(old: &Profile, new: &Profile) -> Self {
        let mut c = Self::default();
        for (path, f) in &new.files {
            match old.files.get(path) {
                None => c.files_added.push(FileChange {
                    path: path.clone(),
                    lines_before: None,
                    lines_after: f.lines,
                }),
                Some(o) => {
                    let differs = match (&o.sha256, &f.sha256) {
                        (Some(a), Some(b)) => a != b,
                        _ => o.size != f.size || o.lines != f.lines,
                    };
                    if differs {
                        c.files_changed.push(FileChange {
                            path: path.clone(),
                            lines_before: o.lines,
                            lines_after: f.lines,
                        });
                    }
                }
            }
        }
        for (path, o) in &old.files {
            if !new.files.contains_key(path) {
                c.files_removed.push(FileChange {
                    path: path.clone(),
                    lines_before: o.lines,
                    lines_after: None,
                });
            }
        }
        c.dependencies = map_changes(&old.dependencies, &new.dependencies);
        c.hooks = map_changes(&old.hooks, &new.hooks);
        c.metadata = map_changes(&old.metadata, &new.metadata);
        let old_keys: BTreeSet<_> = old.behaviours.iter().map(key).collect();
        let new_keys: BTreeSet<_> = new.behaviours.iter().map(key).collect();
        c.behaviours_appeared = new
            .behaviours
            .iter()
            .filter(|b| !old_keys.contains(&key(b)))
            .cloned()
            .collect();
        c.behaviours_disappeared = old
            .behaviours
            .iter()
            .filter(|b| !new_keys.contains(&key(b)))
            .cloned()
            .collect();
        c
    }

    /// Dependencies the new release adds (name, requirement).
    pub fn added_dependencies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.dependencies
            .iter()
            .filter_map(|d| match (&d.old, &d.new) {
                (None, Some(spec)) => Some((d.name.as_str(), spec.as_str())),
                _ => None,
            })
    }
}
