//! Shell, PowerShell and batch: what a script file or a command string does.
//!
//! # The parser, and why
//!
//! POSIX shell and bash are read with **tree-sitter** and its **tree-sitter-bash** grammar,
//! not with `brush-parser`, for three reasons measured on this machine (Rust 1.95):
//! - *Hostile input.* tree-sitter's parser is a table-driven GLR parser with its own
//!   heap stack: 100,000 nested `$(`, 200,000 nested `(` and 50,000 nested `if` parse in
//!   well under a second, and any input gives a tree (errors become `ERROR` nodes, so a
//!   script with one broken line is still read). brush-parser is a recursive `peg`
//!   grammar: 2,000 nested `{` overflowed an 8 MB stack and aborted the process, which no
//!   caller can catch.
//! - *Compile cost.* A clean debug build of a crate using tree-sitter + tree-sitter-bash
//!   took 54 s on one job; one using brush-parser took 194 s (it brings `bon`, `cached`,
//!   `darling` twice, `pest`, `peg`, `tracing` and `insta` as a normal dependency: 94
//!   crates). tree-sitter's own Rust dependencies (`regex`, `serde_json`, `cc`) are
//!   already in the workspace: rebuilding just tree-sitter, its language crate and the
//!   grammar (the 10 MB `parser.c`, at the workspace's `opt-level = 1` for dependencies)
//!   took 6 s of CPU.
//! - *rust-version.* tree-sitter 0.27 asks for Rust 1.90, tree-sitter-bash states none (it
//!   is C plus a two-line binding); both build with 1.95.
//!
//! tree-sitter's error recovery is slow on long random punctuation (5 MB of it took a
//! minute, 1 MB of it 4.5 s in a debug build), so a script is parsed only up to
//! [`MAX_SCRIPT_BYTES`] and the parse is cancelled past a work budget (`bash.rs`); either
//! way the file is reported as not read,
//! which counts against it like any unreadable code. Walking the tree is recursive with a
//! depth bound ([`MAX_DEPTH`]): deeper parts are not walked and the file says so.
//!
//! PowerShell and batch have no Rust parser worth its compile time. For them a small
//! tokenizer of their command syntax (`powershell.rs`, `batch.rs`) splits statements,
//! pipelines, words and strings, and the checks look at commands and a few .NET calls.
//! It is bounded (linear in the input, no recursion but the explicit nesting of
//! `-EncodedCommand` and `cmd /c`, which shares the depth bound) and it is *not* a parser:
//! it does not understand script blocks, functions or expressions.
//!
//! # What is found
//!
//! Every dialect turns into the same command records (a command's words with
//! what their substitutions carry, what its standard input carries, where its output
//! goes), judged in one place (`judge.rs`): download-and-run (a download piped into an
//! interpreter, `bash <(curl …)`, `sh -c "$(wget -qO- …)"`, a downloaded file made
//! executable or run), decode-and-run, reverse shells (`/dev/tcp`, `nc -e`, `socat exec:`,
//! a shell piped through `nc`), inline `python -c`/`node -e` code (handed to the Python
//! and JavaScript analysers), persistence, secrets read and sent, miners, `rm -rf ~`,
//! detached and hidden processes, self-publication; and the script files a command runs,
//! so that the package analysis reads them in the caller's context.

mod bash;
mod batch;
mod judge;
mod powershell;

use std::cell::Cell;

use crate::{BehaviourKind, FileFacts};

pub use judge::Finding;

/// Largest script parsed. Install scripts are a few kilobytes; generated `configure`
/// scripts reach about a megabyte.
pub const MAX_SCRIPT_BYTES: usize = 1 << 20;

/// Most findings kept for one script (a script of 100,000 identical lines says the same
/// thing once per line; the first thousand are enough).
const MAX_FINDINGS: usize = 1000;

/// Deepest nesting of syntax walked, and of scripts inside scripts (`sh -c`, `eval`,
/// `-EncodedCommand`, inline Python that runs a shell that runs Python...).
pub const MAX_DEPTH: u32 = 200;

/// How many scripts may be analysed inside one another (`sh -c "python -c '…'"`).
const MAX_NESTED: u32 = 6;

/// The language of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// POSIX shell or bash (`.sh`, `.bash`, files with no extension).
    Bash,
    /// PowerShell (`.ps1`, `.psm1`).
    PowerShell,
    /// Windows batch (`.bat`, `.cmd`).
    Batch,
}

impl Dialect {
    /// The dialect of a script file by its name, if it is a script this module reads.
    #[must_use]
    pub fn of_path(path: &str) -> Option<Self> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let ext = name
            .rsplit_once('.')
            .map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
        match ext.as_str() {
            "sh" | "bash" | "zsh" | "ksh" | "command" | "" => Some(Self::Bash),
            "ps1" | "psm1" => Some(Self::PowerShell),
            "bat" | "cmd" => Some(Self::Batch),
            _ => None,
        }
    }
}

/// What a script or command does.
#[derive(Debug, Default, Clone)]
pub struct ShellFacts {
    /// Behaviours, each at a byte offset of the text analysed.
    pub findings: Vec<Finding>,
    /// Script files it runs, as written (relative to where it runs).
    pub runs: Vec<String>,
    /// Scripts of the package's own manifest it runs (`npm run build` gives `build`).
    pub npm_runs: Vec<String>,
    /// Files it downloads (`curl -o FILE`, `DownloadFile(url, FILE)`), as written: what
    /// runs them may be another command.
    pub downloads: Vec<String>,
    /// Why the text was not (wholly) read, if it was not.
    pub error: Option<String>,
}

impl ShellFacts {
    pub(crate) fn push(&mut self, kind: BehaviourKind, offset: u32, detail: impl Into<String>) {
        if self.findings.len() >= MAX_FINDINGS {
            return;
        }
        let detail = detail.into();
        if !self
            .findings
            .iter()
            .any(|f| f.kind == kind && f.offset == offset && f.detail == detail)
        {
            self.findings.push(Finding {
                kind,
                offset,
                detail,
            });
        }
    }

    /// Adds what a script nested at `offset` found, each detail prefixed by `what`.
    pub(crate) fn absorb(&mut self, inner: ShellFacts, offset: u32, what: &str) {
        for f in inner.findings {
            self.push(f.kind, offset, format!("{what}{}", f.detail));
        }
        self.runs.extend(inner.runs);
        self.npm_runs.extend(inner.npm_runs);
        self.downloads.extend(inner.downloads);
        if self.error.is_none() {
            self.error = inner.error;
        }
    }
}

thread_local! {
    static NESTED: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` one nesting level deeper, or returns `None` past [`MAX_NESTED`]: inline code
/// goes from one analyser to another (shell → Python → shell ...), and each hop passes
/// through here.
pub(crate) fn nested<T>(f: impl FnOnce() -> T) -> Option<T> {
    let level = NESTED.with(Cell::get);
    if level >= MAX_NESTED {
        return None;
    }
    NESTED.with(|n| n.set(level + 1));
    let out = f();
    NESTED.with(|n| n.set(level));
    Some(out)
}

/// Analyses a script file in its dialect.
#[must_use]
pub fn analyze_script(text: &str, dialect: Dialect) -> ShellFacts {
    if text.len() > MAX_SCRIPT_BYTES {
        return ShellFacts {
            error: Some(format!(
                "{} bytes of script, more than the {MAX_SCRIPT_BYTES} byte limit; not analysed",
                text.len()
            )),
            ..ShellFacts::default()
        };
    }
    nested(|| match dialect {
        Dialect::Bash => bash::analyze(text),
        Dialect::PowerShell => powershell::analyze(text),
        Dialect::Batch => batch::analyze(text),
    })
    .unwrap_or_default()
}

/// Analyses a command line handed to a shell: an npm lifecycle script, the string of
/// `os.system`, `subprocess.run(..., shell=True)`, `child_process.exec`, or an argument
/// vector (its words joined by spaces, as the Python and JavaScript analysers fold
/// lists). A vector that starts with a shell and `-c` has the rest as its script, unquoted
/// (`["sh", "-c", "curl … | sh"]` folds to `sh -c curl … | sh`); `cmd /c` likewise.
#[must_use]
pub fn analyze_command(command: &str) -> ShellFacts {
    if let Some(script) = joined_shell_script(command) {
        return analyze_script(script, Dialect::Bash);
    }
    if let Some(script) = joined_cmd_script(command) {
        return analyze_script(script, Dialect::Batch);
    }
    analyze_script(command, Dialect::Bash)
}

/// `sh -c SCRIPT` where SCRIPT is not quoted: the rest of the line.
fn joined_shell_script(command: &str) -> Option<&str> {
    let mut words = command.trim_start().splitn(3, ' ');
    let program = words.next()?;
    let base = program.rsplit('/').next().unwrap_or(program);
    if !matches!(base, "sh" | "bash" | "zsh" | "dash" | "ksh" | "ash") {
        return None;
    }
    let flag = words.next()?;
    let script = words.next()?.trim_start();
    let inline = flag.len() >= 2
        && flag.starts_with('-')
        && flag.ends_with('c')
        && flag[1..].bytes().all(|b| b.is_ascii_lowercase());
    (inline && !script.starts_with(['"', '\''])).then_some(script)
}

/// `cmd /c SCRIPT`: the rest of the line.
fn joined_cmd_script(command: &str) -> Option<&str> {
    let mut words = command.trim_start().splitn(3, ' ');
    let program = words.next()?.to_ascii_lowercase();
    let base = program.rsplit(['/', '\\']).next().unwrap_or(&program);
    if !matches!(base, "cmd" | "cmd.exe") {
        return None;
    }
    let flag = words.next()?.to_ascii_lowercase();
    matches!(flag.as_str(), "/c" | "/k" | "/r")
        .then(|| words.next())
        .flatten()
}

/// The facts of a script file, for the package analysis: behaviours inside a script are
/// never module top level (a script runs when something runs it, and takes the context
/// of what does), and the files it runs are its imports.
#[must_use]
pub fn file_facts(text: &str, path: &str) -> FileFacts {
    let dialect = Dialect::of_path(path).unwrap_or(Dialect::Bash);
    let found = analyze_script(text, dialect);
    let mut facts = FileFacts::default();
    if let Some(reason) = &found.error {
        // Code that cannot be read must not pass as clean (see `FileFacts::unread`).
        facts.push(BehaviourKind::Obfuscation, false, 0, reason.clone());
        facts.parse_error = Some(reason.clone());
    }
    for f in found.findings {
        facts.push(f.kind, false, f.offset, f.detail);
    }
    facts.runs = found.runs;
    facts.runs.sort();
    facts.runs.dedup();
    facts
}

/// Decodes base64 of UTF-16LE text, the form of PowerShell's `-EncodedCommand`.
#[must_use]
pub fn decode_utf16le_base64(text: &str) -> Option<String> {
    use base64::Engine as _;
    let clean: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(clean.trim_end_matches('='))
        .ok()?;
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    Some(String::from_utf16_lossy(&units))
}
