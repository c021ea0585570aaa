use customs_archive::{EntryKind, NESTED_SEPARATOR, Tree, Want};

use crate::{Ecosystem, PyProject};

/// What a file is, from its name and, for binaries, its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Python source (`.py`, `.pyw`) or a `.pth` file.
    Python,
    /// JavaScript (`.js`, `.cjs`, `.mjs`, `.jsx`).
    JavaScript,
    /// TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`; not declaration files).
    TypeScript,
    /// Shell, PowerShell or batch script.
    Script,
    /// Package metadata: `package.json`, `PKG-INFO`, `METADATA`, `RECORD`,
    /// `pyproject.toml`, `setup.cfg`, `binding.gyp`, `entry_points.txt`.
    Manifest,
    /// A compiled executable or library.
    Native(NativeFormat),
    /// An archive inside the package.
    Archive,
    /// Anything else: data, documentation, images.
    Other,
}

/// The container of a native binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NativeFormat {
    /// Linux and most Unix systems.
    Elf,
    /// Windows (`MZ` + `PE`).
    Pe,
    /// macOS.
    MachO,
}

impl NativeFormat {
    /// The usual name of the format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Elf => "ELF",
            Self::Pe => "PE",
            Self::MachO => "Mach-O",
        }
    }
}

/// What a file does in the package: decides when its code runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `setup.py` at the package root: runs at install time.
    SetupPy,
    /// A `.pth` file: its `import` lines run at every interpreter start.
    Pth,
    /// A package's `__init__.py`: runs when the package is imported.
    InitPy,
    /// An in-tree build backend named by `pyproject.toml`: runs at install time.
    BuildBackend,
    /// `package.json` at the package root.
    PackageJson,
    /// `binding.gyp`: node-gyp runs its command expansions at install time.
    BindingGyp,
    /// An entry point named by `package.json` (`main`, `bin`, `exports`).
    EntryPoint,
    /// Test, documentation, example or benchmark code that is not installed or not run
    /// by users.
    Test,
    /// Any other file.
    Other,
}

/// A regular file of the package with its kind and role.
#[derive(Debug, Clone)]
pub struct PackageFile {
    /// Index of the member in the tree.
    pub entry: usize,
    /// The member path in the artifact.
    pub path: String,
    /// The path inside the package root.
    pub relative: String,
    /// What it is.
    pub kind: FileKind,
    /// What it does.
    pub role: Role,
}

const CODE_EXTENSIONS: &[&str] = &[
    ".py", ".pyw", ".pth", ".js", ".cjs", ".mjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".sh",
    ".bash", ".ps1", ".bat", ".cmd", ".vbs",
];

const MANIFEST_NAMES: &[&str] = &[
    "PKG-INFO",
    "METADATA",
    "RECORD",
    "entry_points.txt",
    "package.json",
    "pyproject.toml",
    "setup.cfg",
    "binding.gyp",
];

fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn is_declaration(lower: &str) -> bool {
    lower.ends_with(".d.ts") || lower.ends_with(".d.mts") || lower.ends_with(".d.cts")
}

/// How much of a member the analysers need, decided from its path before it is read:
/// code and manifests whole, everything else only its head (to recognise binaries).
#[must_use]
pub fn select(path: &str, _size: u64) -> Want {
    let lower = path.to_ascii_lowercase();
    let name = base_name(path);
    // Files without an extension may be scripts (`bin/cli` with a `#!` line, a shell
    // wrapper an `.npmrc` names): kept whole so their first line can tell; `.npmrc` is
    // configuration npm reads and runs programs from.
    if MANIFEST_NAMES.contains(&name)
        || name == ".npmrc"
        || !name.contains('.')
        || (!is_declaration(&lower) && CODE_EXTENSIONS.iter().any(|e| lower.ends_with(e)))
        || is_jupyter_config(&lower)
        || is_pickle_name(&lower)
    {
        Want::Content
    } else {
        Want::Head
    }
}

/// A Jupyter configuration file (`.../jupyter_server_config.d/NAME.json`, any case): it
/// enables extensions, whose hooks run at every server start, so the analysers read it.
#[must_use]
pub fn is_jupyter_config(path: &str) -> bool {
    let path = path.as_bytes();
    ends_with_ignore_case(path, b".json")
        && [
            &b"jupyter_server_config.d/"[..],
            b"jupyter_notebook_config.d/",
        ]
        .iter()
        .any(|dir| path.windows(dir.len()).any(|w| w.eq_ignore_ascii_case(dir)))
}

/// A pickle shipped as data (`.pkl`, `.pickle`, `.joblib`, any case): loading it can run
/// any callable it names, so the analysers read it whole.
#[must_use]
pub fn is_pickle_name(path: &str) -> bool {
    [".pkl", ".pickle", ".joblib", ".pck", ".pcl"]
        .iter()
        .any(|ext| ends_with_ignore_case(path.as_bytes(), ext.as_bytes()))
}

fn ends_with_ignore_case(path: &[u8], end: &[u8]) -> bool {
    path.len() >= end.len() && path[path.len() - end.len()..].eq_ignore_ascii_case(end)
}

/// Recognises a native executable or library from its first bytes.
#[must_use]
pub fn classify_head(head: &[u8]) -> Option<NativeFormat> {
    match head {
        [0x7f, b'E', b'L', b'F', ..] => Some(NativeFormat::Elf),
        [b'M', b'Z', ..] if head.len() >= 0x40 => {
            let offset = u32::from_le_bytes([head[0x3c], head[0x3d], head[0x3e], head[0x3f]]);
            let offset = usize::try_from(offset).ok()?;
            (head.get(offset..offset + 4) == Some(b"PE\0\0")).then_some(NativeFormat::Pe)
        }
        [0xfe, 0xed, 0xfa, 0xce | 0xcf, ..] | [0xce | 0xcf, 0xfa, 0xed, 0xfe, ..] => {
            Some(NativeFormat::MachO)
        }
        // 0xCAFEBABE is both a fat Mach-O and a Java class file; a fat binary counts its
        // architectures (a handful), a class file has its version there (45 and up).
        [0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, n, ..] if *n > 0 && *n < 20 => Some(NativeFormat::MachO),
        _ => None,
    }
}

fn kind_of(relative: &str, head: &[u8]) -> FileKind {
    let lower = relative.to_ascii_lowercase();
    let name = base_name(relative);
    if let Some(native) = classify_head(head) {
        return FileKind::Native(native);
    }
    if MANIFEST_NAMES.contains(&name) {
        return FileKind::Manifest;
    }
    if is_declaration(&lower) {
        return FileKind::Other;
    }
    if !name.contains('.') {
        return shebang_kind(head);
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "py" | "pyw" | "pth" => FileKind::Python,
        "js" | "cjs" | "mjs" | "jsx" => FileKind::JavaScript,
        "ts" | "tsx" | "mts" | "cts" => FileKind::TypeScript,
        "sh" | "bash" | "ps1" | "bat" | "cmd" | "vbs" => FileKind::Script,
        _ if customs_archive::is_archive_name(&lower) => FileKind::Archive,
        _ => FileKind::Other,
    }
}

/// The kind of a file without an extension, from its `#!` line: node scripts are
/// JavaScript, shell scripts are scripts.
fn shebang_kind(head: &[u8]) -> FileKind {
    let Some(rest) = head.strip_prefix(b"#!") else {
        return FileKind::Other;
    };
    let line = rest.split(|&b| b == b'\n').next().unwrap_or(rest);
    let line = String::from_utf8_lossy(line);
    let mut words = line.split_whitespace();
    let mut program = words.next().unwrap_or("").rsplit('/').next().unwrap_or("");
    if program == "env" {
        program = words.find(|w| !w.starts_with('-')).unwrap_or("");
    }
    match program {
        "node" | "nodejs" | "bun" | "deno" => FileKind::JavaScript,
        "sh" | "bash" | "dash" | "zsh" | "ksh" | "ash" => FileKind::Script,
        _ => FileKind::Other,
    }
}

const TEST_DIRS: &[&str] = &[
    "test",
    "tests",
    "testing",
    "__tests__",
    "spec",
    "demo",
    "demos",
    "sample",
    "samples",
    "docs",
    "doc",
    "example",
    "examples",
    "benchmark",
    "benchmarks",
    "bench",
];

/// Whether a path is test, example, documentation or benchmark code by its place and
/// name (the [`Role::Test`] rule, for callers that have only the path).
#[must_use]
pub fn looks_like_test(path: &str) -> bool {
    test_path(path, "")
}

/// Whether a folder name is one that holds tests, examples, documentation or benchmarks.
#[must_use]
pub fn is_test_dir(dir: &str) -> bool {
    TEST_DIRS.iter().any(|t| dir.eq_ignore_ascii_case(t))
}

/// [`looks_like_test`], where a folder named `own` (the package's own import name, such as
/// a project called `demo`) is the package itself, not a test folder.
fn test_path(path: &str, own: &str) -> bool {
    let name = base_name(path);
    let lower = name.to_ascii_lowercase();
    path.split('/')
        .rev()
        .skip(1)
        .any(|dir| is_test_dir(dir) && !dir.eq_ignore_ascii_case(own))
        || name.starts_with("test_")
        || name.ends_with("_test.py")
        || name == "conftest.py"
        || lower.ends_with(".test.js")
        || lower.ends_with(".spec.js")
}

/// The folder name a package's own code takes: `My.Demo-Kit` -> `my_demo_kit`.
fn import_name(name: &str) -> String {
    name.rsplit('/')
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase()
        .replace(['-', '.'], "_")
}

fn role_of(
    relative: &str,
    kind: FileKind,
    ecosystem: Ecosystem,
    backend_paths: &[String],
    entry_points: &[String],
    own: &str,
) -> Role {
    let name = base_name(relative);
    let lower = relative.to_ascii_lowercase();
    if relative == "setup.py" {
        return Role::SetupPy;
    }
    if lower.ends_with(".pth") {
        return Role::Pth;
    }
    if backend_paths.iter().any(|p| p == relative) {
        return Role::BuildBackend;
    }
    if relative == "package.json" {
        return Role::PackageJson;
    }
    if relative == "binding.gyp" {
        return Role::BindingGyp;
    }
    if ecosystem == Ecosystem::Npm
        && entry_points
            .iter()
            .any(|e| e.trim_start_matches("./") == relative)
    {
        return Role::EntryPoint;
    }
    if test_path(relative, own) {
        return Role::Test;
    }
    if name == "__init__.py" && kind == FileKind::Python {
        return Role::InitPy;
    }
    Role::Other
}

pub(crate) fn classify(
    tree: &Tree,
    root: &str,
    identity: &crate::Identity,
    pyproject: Option<&PyProject>,
    npm: Option<&crate::NpmManifest>,
) -> Vec<PackageFile> {
    let ecosystem = identity.ecosystem;
    let own = import_name(&identity.name);
    let backend_paths = pyproject
        .map(PyProject::backend_module_paths)
        .unwrap_or_default();
    let entry_points: &[String] = npm.map_or(&[], |m| &m.entry_points);
    tree.entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntryKind::File && !e.nested)
        .map(|(i, e)| {
            let relative = if e.path.contains(NESTED_SEPARATOR) {
                e.path.clone()
            } else {
                e.path.strip_prefix(root).unwrap_or(&e.path).to_owned()
            };
            let kind = kind_of(&relative, &e.data);
            let role = role_of(
                &relative,
                kind,
                ecosystem,
                &backend_paths,
                entry_points,
                &own,
            );
            PackageFile {
                entry: i,
                path: e.path.clone(),
                relative,
                kind,
                role,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_heads() {
        assert_eq!(classify_head(b"\x7fELF\x02\x01"), Some(NativeFormat::Elf));
        let mut pe = vec![0u8; 0x80];
        pe[0] = b'M';
        pe[1] = b'Z';
        pe[0x3c] = 0x40;
        pe[0x40..0x44].copy_from_slice(b"PE\0\0");
        assert_eq!(classify_head(&pe), Some(NativeFormat::Pe));
        assert_eq!(
            classify_head(b"MZ is a plain text file that happens to start so, and is long enough"),
            None
        );
        assert_eq!(
            classify_head(&[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]),
            Some(NativeFormat::MachO)
        );
        assert_eq!(classify_head(&[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]), None);
        assert_eq!(classify_head(b"#!/bin/sh"), None);
    }

    #[test]
    fn roles() {
        let r = |p: &str| role_of(p, kind_of(p, b""), Ecosystem::Pypi, &[], &[], "pkg");
        assert_eq!(r("setup.py"), Role::SetupPy);
        assert_eq!(r("src/pkg/setup.py"), Role::Other);
        assert_eq!(r("pkg/__init__.py"), Role::InitPy);
        assert_eq!(r("zzz_evil.pth"), Role::Pth);
        assert_eq!(r("tests/test_x.py"), Role::Test);
        assert_eq!(r("pkg/tests/__init__.py"), Role::Test);
        // A project called `demo` keeps its code in `demo/`: that folder is the package.
        let demo = |p: &str| role_of(p, kind_of(p, b""), Ecosystem::Pypi, &[], &[], "demo");
        assert_eq!(demo("demo/__init__.py"), Role::InitPy);
        assert_eq!(demo("src/demo/core.py"), Role::Other);
        assert_eq!(demo("demo/tests/test_core.py"), Role::Test);
        assert_eq!(import_name("My.Demo-Kit"), "my_demo_kit");
        assert_eq!(import_name("@scope/demo"), "demo");
        assert_eq!(select("pkg/index.d.ts", 10), Want::Head);
        assert_eq!(select("pkg/index.ts", 10), Want::Content);
        assert_eq!(select("logo.png", 10), Want::Head);
        assert_eq!(
            select("x.data/data/etc/jupyter/jupyter_server_config.d/x.json", 10),
            Want::Content
        );
        assert_eq!(select("x/data/settings.json", 10), Want::Head);
        // Pickles are read whole: what they load can sit anywhere in them.
        assert_eq!(select("pkg/data/Model.PKL", 10), Want::Content);
        assert_eq!(select("pkg/data/table.joblib", 10), Want::Content);
        assert!(is_jupyter_config("X/Jupyter_Server_Config.d/x.JSON"));
        assert!(!is_jupyter_config("x/jupyter_server_config.d/x.py"));
    }
}
