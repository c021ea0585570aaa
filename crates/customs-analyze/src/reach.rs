//! Which functions run when a file's top level runs.
//!
//! A behaviour inside a function runs on install or import only if something that runs
//! then calls it: the module's top level, a function that the top level calls, a
//! function of another file of the package that one of those calls by an imported name.
//! The analysers record, per file, the functions they met and who refers to whom
//! ([`Reach`]); [`reached`] closes that over the package, starting from the files whose
//! top level runs, and says for each reached function by which chain it is reached, so
//! that a finding can quote it.
//!
//! The graph is built from names, not types: a call of a function's name (or its use as
//! a decorator, or handing it to something that runs it: a thread, a timer, `atexit`)
//! reaches it; a call of a class's name reaches its constructors; `obj.name(...)` reaches
//! every method called `name` in the file. A function only named (registered in a table,
//! passed to a framework) is not reached: registration does not run it. Code under
//! Python's `if __name__ == "__main__":` runs when the file is run as a program, not on
//! import, and reaches nothing from the top level.

use std::collections::VecDeque;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

/// The caller of top-level code: no function.
pub const TOP: u32 = u32::MAX;

/// The caller of code that runs only when the file is run as a program (Python's
/// `if __name__ == "__main__":`): never reached from the top level.
pub const MAIN: u32 = u32::MAX - 1;

/// The caller inside a function the file's declarations did not name (a method of an
/// anonymous default-exported class, a function built in an expression): what it calls
/// is reached only if something reaches it, which nothing can by name.
pub const UNKNOWN: u32 = u32::MAX - 2;

/// Calls followed from a top level. Droppers call their payload within a few steps;
/// longer chains are mostly the over-approximation of following method names through a
/// framework (a dev server's editor launcher, nine calls from a module's top level), so
/// what lies further is judged as code that runs when called.
const MAX_DEPTH: usize = 4;

/// Most references to other modules kept per file (a generated file can have a great
/// many; the first ones are the ones module-level code makes).
const MAX_EXTERNAL: usize = 8192;

/// One function or method the file defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// Its name as other code refers to it: `run`, `Installer.run`.
    pub name: String,
    /// Byte offset of its definition.
    pub offset: u32,
}

/// A file's functions and the references among them.
#[derive(Debug, Default, Clone)]
pub struct Reach {
    /// The functions, by index.
    pub functions: Vec<Function>,
    /// `(caller, callee)`: the caller (a function index, or [`TOP`]) refers to the callee.
    pub edges: Vec<(u32, u32)>,
    /// `(caller, qualified name)`: the caller calls a name imported from another module
    /// (`helpers.run` for `from .helpers import run; run()`).
    pub external: Vec<(u32, String)>,
}

/// Collects a [`Reach`] while an analyser walks a file.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    reach: Reach,
    /// Function index by the name code refers to it by (`run`, `Installer.run`).
    by_name: FxHashMap<String, u32>,
    /// Method indexes by their bare name (`run` for `Installer.run`): `x.run()` may call
    /// any of them.
    by_attr: FxHashMap<String, Vec<u32>>,
    /// Constructors (`__init__`, `__new__`, `__post_init__`, `constructor`) by class name.
    ctors: FxHashMap<String, Vec<u32>>,
    seen_edges: FxHashSet<(u32, u32)>,
    /// The names in `reach.external`, by caller: asked without building a key.
    seen_external: FxHashMap<u32, FxHashSet<String>>,
    /// The function being walked, or [`TOP`].
    pub(crate) current: u32,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Self {
            current: TOP,
            ..Self::default()
        }
    }

    /// Declares a function (`class` is its class's name for a method).
    pub(crate) fn define(&mut self, class: Option<&str>, name: &str, offset: u32) -> u32 {
        let full = match class {
            Some(c) => crate::value::concat([c, ".", name]),
            None => {
                // Functions are declared before the walk and met again in it.
                if let Some(&id) = self.by_name.get(name) {
                    return id;
                }
                name.to_owned()
            }
        };
        if let Some(&id) = self.by_name.get(&full) {
            return id;
        }
        let id = u32::try_from(self.reach.functions.len()).unwrap_or(UNKNOWN - 1);
        self.reach.functions.push(Function {
            name: full.clone(),
            offset,
        });
        self.by_name.insert(full, id);
        if let Some(c) = class {
            self.by_attr.entry(name.to_owned()).or_default().push(id);
            if matches!(
                name,
                "__init__" | "__new__" | "__post_init__" | "constructor"
            ) {
                self.ctors.entry(c.to_owned()).or_default().push(id);
            }
        }
        id
    }

    /// The index of a function declared under this name.
    pub(crate) fn lookup(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    /// Where the function with this index is defined.
    pub(crate) fn offset_of(&self, id: u32) -> Option<u32> {
        self.reach
            .functions
            .get(usize::try_from(id).ok()?)
            .map(|f| f.offset)
    }

    /// The name of the function with this index.
    pub(crate) fn name_of(&self, id: u32) -> Option<&str> {
        self.reach
            .functions
            .get(usize::try_from(id).ok()?)
            .map(|f| f.name.as_str())
    }

    fn edge(&mut self, callee: u32) {
        edge(
            &mut self.seen_edges,
            &mut self.reach.edges,
            self.current,
            callee,
        );
    }

    /// A bare name is called: a function, or a class whose constructors then run.
    pub(crate) fn called(&mut self, name: &str) {
        if self.by_name.is_empty() {
            return;
        }
        if let Some(&id) = self.by_name.get(name) {
            self.edge(id);
        }
        if let Some(ids) = self.ctors.get(name) {
            for &id in ids {
                edge(
                    &mut self.seen_edges,
                    &mut self.reach.edges,
                    self.current,
                    id,
                );
            }
        }
    }

    /// `something.attr(...)` is called: any method of that name may be the one. Special
    /// methods (`super().__init__()`) are left out: constructors run when their class is
    /// called.
    pub(crate) fn method_called(&mut self, attr: &str) {
        if attr.starts_with("__") {
            return;
        }
        if let Some(ids) = self.by_attr.get(attr) {
            for &id in ids {
                edge(
                    &mut self.seen_edges,
                    &mut self.reach.edges,
                    self.current,
                    id,
                );
            }
        }
    }

    /// A name imported from elsewhere is called.
    pub(crate) fn external(&mut self, qual: &str) {
        if self.reach.external.len() >= MAX_EXTERNAL || qual.is_empty() {
            return;
        }
        let seen = self.seen_external.entry(self.current).or_default();
        if !seen.contains(qual) {
            seen.insert(qual.to_owned());
            self.reach.external.push((self.current, qual.to_owned()));
        }
    }

    pub(crate) fn finish(self) -> Reach {
        self.reach
    }
}

/// Records that `caller` refers to `callee`, once (a function's reference to itself is
/// left out).
fn edge(seen: &mut FxHashSet<(u32, u32)>, edges: &mut Vec<(u32, u32)>, caller: u32, callee: u32) {
    if callee != caller && seen.insert((caller, callee)) {
        edges.push((caller, callee));
    }
}

/// How a function is reached: the function that reaches it (in which file), or the
/// file's top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum From {
    /// The top level of the file itself.
    Top,
    /// A command the package installs runs it (a console script's function).
    Command,
    /// A function of a file (file index, function index).
    Function(usize, u32),
    /// The top level of another file.
    TopOf(usize),
}

/// The functions reached from the top level of `roots`, per file: for each reached
/// `(file, function)`, what reaches it. `resolve(file, qualified)` names the file and
/// the function name within it that an external reference points at, if it points
/// into the package.
pub(crate) fn reached(
    reach: &FxHashMap<usize, &Reach>,
    roots: impl IntoIterator<Item = usize>,
    resolve: impl Fn(usize, &str) -> Option<(usize, String)>,
) -> FxHashMap<(usize, u32), From> {
    reached_from(reach, roots, &[], resolve)
}

/// [`reached`], with functions that run by themselves besides the top levels: the
/// functions of `commands` (file, function) are what the package's commands run.
pub(crate) fn reached_from(
    reach: &FxHashMap<usize, &Reach>,
    roots: impl IntoIterator<Item = usize>,
    commands: &[(usize, u32)],
    resolve: impl Fn(usize, &str) -> Option<(usize, String)>,
) -> FxHashMap<(usize, u32), From> {
    let mut out: FxHashMap<(usize, u32), From> = FxHashMap::default();
    // (file, caller, calls from a top level) whose references are still to be
    // followed, breadth first so that each function is reached by its shortest chain.
    let mut queue: VecDeque<(usize, u32, usize)> = roots.into_iter().map(|f| (f, TOP, 0)).collect();
    for &(file, id) in commands {
        if let std::collections::hash_map::Entry::Vacant(e) = out.entry((file, id)) {
            e.insert(From::Command);
            queue.push_back((file, id, 1));
        }
    }
    let mut tops: FxHashSet<usize> = queue.iter().map(|&(f, _, _)| f).collect();
    // Edges grouped by caller, per file, built on first use.
    let mut by_caller: FxHashMap<usize, FxHashMap<u32, Vec<u32>>> = FxHashMap::default();
    let mut external_by_caller: FxHashMap<usize, FxHashMap<u32, Vec<&str>>> = FxHashMap::default();
    let mut resolved: FxHashMap<(usize, &str), Option<Target>> = FxHashMap::default();
    while let Some((file, caller, depth)) = queue.pop_front() {
        let Some(r) = reach.get(&file) else { continue };
        if depth >= MAX_DEPTH {
            continue;
        }
        let from = if caller == TOP {
            From::Top
        } else {
            From::Function(file, caller)
        };
        let edges = by_caller.entry(file).or_insert_with(|| {
            let mut m: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
            for &(a, b) in &r.edges {
                m.entry(a).or_default().push(b);
            }
            m
        });
        for &callee in edges.get(&caller).map_or(&[][..], Vec::as_slice) {
            if let std::collections::hash_map::Entry::Vacant(e) = out.entry((file, callee)) {
                e.insert(from);
                queue.push_back((file, callee, depth + 1));
            }
        }
        let external = external_by_caller.entry(file).or_insert_with(|| {
            let mut m: FxHashMap<u32, Vec<&str>> = FxHashMap::default();
            for (a, q) in &r.external {
                m.entry(*a).or_default().push(q.as_str());
            }
            m
        });
        // The same name is called from many functions of a file (`helpers.run` in each):
        // it is resolved once per file.
        let targets: Vec<Target> = external
            .get(&caller)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&q| {
                resolved
                    .entry((file, q))
                    .or_insert_with(|| resolve(file, q).map(|(t, name)| (t, Rc::from(name))))
                    .clone()
            })
            .collect();
        for (target, name) in targets {
            let name = &*name;
            let Some(tr) = reach.get(&target) else {
                continue;
            };
            // The other file's top level runs when it is imported.
            if tops.insert(target) {
                queue.push_back((target, TOP, 0));
            }
            let origin = if caller == TOP {
                From::TopOf(file)
            } else {
                From::Function(file, caller)
            };
            let ids: Vec<u32> = tr
                .functions
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.name == name
                        || (f.name.len() > name.len()
                            && f.name.starts_with(name)
                            && f.name.as_bytes()[name.len()] == b'.'
                            && is_ctor(&f.name[name.len() + 1..]))
                })
                .filter_map(|(i, _)| u32::try_from(i).ok())
                .collect();
            for id in ids {
                if let std::collections::hash_map::Entry::Vacant(e) = out.entry((target, id)) {
                    e.insert(origin);
                    queue.push_back((target, id, depth + 1));
                }
            }
        }
    }
    out
}

/// The file a called name resolves to and the function's name there.
type Target = (usize, Rc<str>);

fn is_ctor(name: &str) -> bool {
    matches!(
        name,
        "__init__" | "__new__" | "__post_init__" | "constructor"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(functions: &[&str], edges: &[(u32, u32)], external: &[(u32, &str)]) -> Reach {
        Reach {
            functions: functions
                .iter()
                .map(|n| Function {
                    name: (*n).to_owned(),
                    offset: 0,
                })
                .collect(),
            edges: edges.to_vec(),
            external: external
                .iter()
                .map(|(a, q)| (*a, (*q).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn closes_over_calls_within_and_across_files() {
        // a.py: top calls f; f calls g; h is never called; g calls helpers.steal.
        let a = reach(
            &["f", "g", "h"],
            &[(TOP, 0), (0, 1)],
            &[(1, "helpers.steal")],
        );
        // helpers.py: steal calls post; Client.__init__ is never reached.
        let b = reach(&["steal", "post", "Client.__init__"], &[(0, 1)], &[]);
        let files: FxHashMap<usize, &Reach> = [(0, &a), (1, &b)].into_iter().collect();
        let out = reached(&files, [0], |file, q| {
            (file == 0 && q == "helpers.steal").then(|| (1, "steal".to_owned()))
        });
        assert_eq!(out.get(&(0, 0)), Some(&From::Top));
        assert_eq!(out.get(&(0, 1)), Some(&From::Function(0, 0)));
        assert!(!out.contains_key(&(0, 2)), "h is never called");
        assert_eq!(out.get(&(1, 0)), Some(&From::Function(0, 1)));
        assert_eq!(out.get(&(1, 1)), Some(&From::Function(1, 0)));
        assert!(!out.contains_key(&(1, 2)));
    }

    #[test]
    fn chains_stop_after_a_few_calls() {
        // f0 → f1 → ... → f6, all in one file.
        let names: Vec<String> = (0..7).map(|i| format!("f{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let edges: Vec<(u32, u32)> = std::iter::once((TOP, 0))
            .chain((0..6).map(|i| (i, i + 1)))
            .collect();
        let a = reach(&names, &edges, &[]);
        let files: FxHashMap<usize, &Reach> = [(0, &a)].into_iter().collect();
        let out = reached(&files, [0], |_, _| None);
        assert!(out.contains_key(&(0, 0)));
        assert!(out.contains_key(&(0, u32::try_from(MAX_DEPTH - 1).unwrap_or(0))));
        assert!(!out.contains_key(&(0, u32::try_from(MAX_DEPTH).unwrap_or(0))));
    }

    #[test]
    fn a_class_name_reaches_its_constructor() {
        let a = reach(&["main"], &[(TOP, 0)], &[(0, "mod.Client")]);
        let b = reach(&["Client.__init__", "Client.send"], &[], &[]);
        let files: FxHashMap<usize, &Reach> = [(0, &a), (1, &b)].into_iter().collect();
        let out = reached(&files, [0], |_, q| {
            q.strip_prefix("mod.").map(|n| (1, n.to_owned()))
        });
        assert!(out.contains_key(&(1, 0)));
        assert!(!out.contains_key(&(1, 1)), "a method nobody calls");
    }

    #[test]
    fn builder_records_names_attributes_and_constructors() {
        let mut b = Builder::new();
        let run = b.define(None, "run", 0);
        let init = b.define(Some("Job"), "__init__", 10);
        let go = b.define(Some("Job"), "go", 20);
        b.called("run");
        b.current = run;
        b.called("Job");
        b.method_called("go");
        b.method_called("__init__"); // only through the class
        b.called("run"); // recursion is no edge
        b.external("os.system");
        b.external("os.system");
        let r = b.finish();
        assert_eq!(r.edges, vec![(TOP, run), (run, init), (run, go)]);
        assert_eq!(r.external, vec![(run, "os.system".to_owned())]);
    }
}
