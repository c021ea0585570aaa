//! Python: behaviours from ruff's syntax tree.
//!
//! The walker follows names through imports and assignments (`import base64 as b`,
//! `from os import system as s`, `x = getattr(__builtins__, "ex" + "ec")`,
//! `m = __import__("sub" + "process")`), folds constant strings (concatenation,
//! f-strings, `"".join`, `[::-1]`, `chr` joins, `os.path.join`), decodes constant
//! base64/hex/rot13 payloads, and tracks light taint inside a module or function:
//! decoded data, downloaded data, secrets and sockets, so that a decode that reaches
//! `exec` or a secret that reaches a network call is one behaviour with one location.
//! Files that do not parse (Python 2, broken code) are walked on the tree the
//! error-recovering parser still builds, and the failure is noted.

mod eval;
mod fold;
mod tables;

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_parser::parse_unchecked_source;
use ruff_text_size::Ranged;

use crate::decode::{self, Scheme, SourceCodec};
use crate::reach::{self, TOP};
use crate::signals::clip;
use crate::value::{Taint, Val, concat, normalize};
use crate::{BehaviourKind, FileFacts};

/// Deepest syntax nesting walked; deeper code is noted, not walked (a hostile file can
/// nest without bound).
const MAX_NESTING: usize = 200;

/// Decoded payloads that are themselves code are analysed too, this many levels deep.
const MAX_PAYLOAD_DEPTH: u32 = 3;

/// Analyses one Python file.
#[must_use]
pub fn analyze(source: &str) -> FileFacts {
    analyze_at(source, 0, 0, true)
}

fn analyze_at(source: &str, base: u32, payload_depth: u32, note_errors: bool) -> FileFacts {
    if let Some(reason) = crate::unparsable(source, true) {
        return FileFacts::unread(reason, base);
    }
    let mut facts = FileFacts::default();
    let parsed = parse_unchecked_source(source, ast::PySourceType::Python);
    if note_errors && let Some(error) = parsed.errors().first() {
        let line = crate::line_of(source, error.location.start().to_u32());
        facts.parse_error = Some(format!(
            "does not parse as Python 3 (line {line}: {}); analysed what the parser recovered",
            clip(&error.error.to_string(), 100)
        ));
    }
    let mut walker = Walker {
        facts,
        scopes: vec![Scope::default()],
        depth: 0,
        base,
        payload_depth,
        maintainer_command: 0,
        calls: Calls::default(),
        reach: reach::Builder::new(),
        class: Vec::new(),
        main_guard: 0,
        returns: Vec::new(),
        summaries: HashMap::default(),
        clipboard_writes: Vec::new(),
        wallet_pattern: false,
        escaped: escaped_literals(source),
        place_seen: std::cell::Cell::new(false),
        request_hooks: request_hooks(parsed.suite()),
        in_request_hook: false,
        request_copy: None,
        hook_installed: None,
        archives: Vec::new(),
        gathering: Vec::new(),
    };
    define_functions(&mut walker.reach, parsed.suite(), None);
    for stmt in parsed.suite() {
        walker.visit_stmt(stmt);
    }
    walker.finish_scope();
    walker.request_tap();
    walker.clipboard_swap();
    walker.source_codec(source);
    walker.facts.reach = walker.reach.finish();
    text_checks(source, &mut walker.facts, base);
    walker.facts
}

/// Declares the module's functions and the methods of its classes, wherever module
/// level code defines them (also under `if`, `try`, `with`), before the walk: a call
/// may come before the definition it calls.
fn define_functions(reach: &mut reach::Builder, body: &[Stmt], class: Option<&str>) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(f) => {
                reach.define(class, f.name.as_str(), f.range().start().to_u32());
            }
            Stmt::ClassDef(c) if class.is_none() => {
                define_functions(reach, &c.body, Some(c.name.as_str()));
            }
            Stmt::If(i) => {
                define_functions(reach, &i.body, class);
                for clause in &i.elif_else_clauses {
                    define_functions(reach, &clause.body, class);
                }
            }
            Stmt::Try(t) => {
                define_functions(reach, &t.body, class);
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    define_functions(reach, &h.body, class);
                }
                define_functions(reach, &t.orelse, class);
                define_functions(reach, &t.finalbody, class);
            }
            Stmt::With(w) => define_functions(reach, &w.body, class),
            _ => {}
        }
    }
}

/// `__name__ == "__main__"` (either way round).
/// Top-level modules of HTTP clients whose send functions a tap replaces.
const HTTP_CLIENTS: &[&str] = &["requests", "http", "urllib", "urllib3", "httpx"];

/// Methods and functions through which every request of those clients passes.
const HTTP_SENDS: &[&str] = &[
    "send",
    "request",
    "urlopen",
    "putrequest",
    "putheader",
    "endheaders",
    "_make_request",
    "handle_request",
];

/// What a request carries that holds credentials: its headers (`Authorization`,
/// cookies), its body (logins, tokens) and its credentials.
pub(crate) const REQUEST_PARTS: &[&str] = &[
    "headers", "body", "data", "auth", "cookies", "json", "content",
];

/// The module-level functions installed in place of a send function of an HTTP client
/// (`adapters.HTTPAdapter.send = _send`, `http.client.HTTPConnection.request = _req`),
/// by a look at the module's top-level imports and assignments only.
fn request_hooks(suite: &[Stmt]) -> Vec<String> {
    let mut clients: Vec<&str> = Vec::new();
    let mut hooks = Vec::new();
    let client = |module: &str| HTTP_CLIENTS.contains(&module.split('.').next().unwrap_or(module));
    for stmt in suite {
        match stmt {
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    if client(name) {
                        clients.push(alias.asname.as_ref().map_or_else(
                            || name.split('.').next().unwrap_or(name),
                            |a| a.as_str(),
                        ));
                    }
                }
            }
            Stmt::ImportFrom(i)
                if i.level == 0 && i.module.as_ref().is_some_and(|m| client(m.as_str())) =>
            {
                for alias in &i.names {
                    clients.push(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            Stmt::Assign(a) if !clients.is_empty() => {
                if let [Expr::Attribute(t)] = a.targets.as_slice()
                    && HTTP_SENDS.contains(&t.attr.as_str())
                    && let Expr::Name(f) = &*a.value
                    && let Some(target) = eval::dotted(&t.value)
                    && clients.contains(&target.split('.').next().unwrap_or(""))
                {
                    hooks.push(f.id.to_string());
                }
            }
            _ => {}
        }
    }
    hooks
}

/// `x["country_code"]`, `time.tzname[0]`, `t.tm_zone`: written as a read of where the
/// machine is, before anything in the file has been evaluated as one.
fn names_place(e: &Expr) -> bool {
    match e {
        Expr::Subscript(s) => {
            matches!(&*s.slice, Expr::StringLiteral(k)
                if crate::javascript::COUNTRY_FIELDS.contains(&k.value.to_str()))
                || names_place(&s.value)
        }
        Expr::Attribute(a) => matches!(a.attr.as_str(), "tzname" | "tm_zone"),
        _ => false,
    }
}

fn is_main_guard(test: &Expr) -> bool {
    let Expr::Compare(c) = test else { return false };
    if c.ops.len() != 1 || c.ops[0] != ast::CmpOp::Eq {
        return false;
    }
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    (is_name(&c.left) && is_main(&c.comparators[0]))
        || (is_main(&c.left) && is_name(&c.comparators[0]))
}

/// The names an expression refers to (a decorator): each may be a function of the file.
fn refer_names(reach: &mut reach::Builder, expr: &Expr) {
    match expr {
        Expr::Name(n) => reach.called(n.id.as_str()),
        Expr::Attribute(a) => {
            reach.method_called(a.attr.as_str());
            refer_names(reach, &a.value);
        }
        Expr::Call(c) => {
            refer_names(reach, &c.func);
            for arg in &c.arguments.args {
                refer_names(reach, arg);
            }
        }
        _ => {}
    }
}

/// Where string literals open whose every character is an escape code (`"\x65\x76\x61\x6c"`,
/// `'\145\166\141\154'`, `"\u0065..."`) spelling readable text: at least four characters,
/// printable ASCII with a letter among them. Data written in escapes (control bytes, binary)
/// does not read as text; a name or a command spelled so is hidden from reading and from
/// searches. Offsets are of the opening quote; a scan of the text, not of tokens, so a match
/// in a comment is found too and simply meets no string literal.
fn escaped_literals(source: &str) -> Vec<u32> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    // Quotes are everywhere, a quote followed by a backslash is rare: those pairs are
    // looked for directly, the two kinds merged in order as they are found.
    let mut double = memchr::memmem::find_iter(bytes, b"\"\\").peekable();
    let mut single = memchr::memmem::find_iter(bytes, b"'\\").peekable();
    let opens = std::iter::from_fn(|| match (double.peek(), single.peek()) {
        (Some(d), Some(s)) if s < d => single.next(),
        (Some(_), _) => double.next(),
        (None, _) => single.next(),
    });
    let mut at = 0;
    for open in opens {
        if open < at {
            continue;
        }
        at = open + 1;
        let quote = bytes[open];
        let mut i = open + 1;
        let mut text = String::new();
        while bytes.get(i) == Some(&b'\\') && text.len() < 256 {
            let Some((c, len)) = escape_at(&bytes[i + 1..]) else {
                break;
            };
            text.push(c);
            i += 1 + len;
        }
        if bytes.get(i) == Some(&quote)
            && text.len() >= 4
            && text.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
            && text.bytes().any(|b| b.is_ascii_alphabetic())
        {
            found.push(u32::try_from(open).unwrap_or(u32::MAX));
            at = i + 1;
        }
        if found.len() >= 4096 {
            break;
        }
    }
    found
}

/// The character one escape (after its backslash) stands for, and the escape's length:
/// `xHH`, `OOO` (octal, three digits), `uHHHH`.
fn escape_at(rest: &[u8]) -> Option<(char, usize)> {
    let digits = |from: usize, len: usize, radix: u32| -> Option<u32> {
        let s = std::str::from_utf8(rest.get(from..from + len)?).ok()?;
        u32::from_str_radix(s, radix).ok()
    };
    let (code, len) = match rest.first()? {
        b'x' => (digits(1, 2, 16)?, 3),
        b'u' => (digits(1, 4, 16)?, 5),
        b'0'..=b'7' => (digits(0, 3, 8)?, 3),
        _ => return None,
    };
    Some((char::from_u32(code)?, len))
}

/// Bidirectional controls that open an embedding, override or isolate, and those that
/// close one.
const BIDI_OPEN: &[char] = &[
    '\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
];
const BIDI_CLOSE: &[char] = &['\u{202c}', '\u{2069}'];

/// A line that opens more bidirectional embeddings, overrides or isolates than it
/// closes: its text is shown in an order other than the one the interpreter reads
/// (Trojan Source, CVE-2021-42574), so code can hide inside what looks like a comment or
/// a string. Right-to-left text in strings closes what it opens.
fn reordered_line(source: &str) -> Option<(usize, &str)> {
    // Every opening control is E2 80 AA..AE or E2 81 A6..A8 in UTF-8: a byte search, not
    // a walk over characters, rules out almost every file.
    let bytes = source.as_bytes();
    let opens = memchr::memchr_iter(0xE2, bytes).any(|i| {
        matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA8))
        )
    });
    if !opens {
        return None;
    }
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let open = line.chars().filter(|c| BIDI_OPEN.contains(c)).count();
        if open > 0 && open > line.chars().filter(|c| BIDI_CLOSE.contains(c)).count() {
            return Some((offset, line));
        }
        offset += line.len();
    }
    None
}

/// Checks of the file's layout rather than its syntax: code hidden past a long run of
/// whitespace, absurd line lengths, lines reordered by bidirectional controls.
fn text_checks(source: &str, facts: &mut FileFacts, base: u32) {
    if let Some((offset, line)) = reordered_line(source) {
        let shown: String = line
            .trim()
            .chars()
            .filter(|c| !BIDI_OPEN.contains(c) && !BIDI_CLOSE.contains(c))
            .collect();
        facts.push(
            BehaviourKind::Obfuscation,
            true,
            base + u32::try_from(offset).unwrap_or(0),
            format!(
                "bidirectional control characters reorder how a line reads, so it runs otherwise than it shows: {}",
                clip(&shown, 80)
            ),
        );
    }
    // Only long lines can hide code or be absurdly long.
    for (offset, line) in crate::long_lines(source, 200) {
        let trimmed = line.trim_end();
        if trimmed.len() > 200
            && let Some(run) = memchr::memmem::find(trimmed.as_bytes(), &[b' '; 150])
        {
            let rest = trimmed[run..].trim_start();
            // Code has a name or a number in it; the border of a table drawn in a
            // docstring (`│`) or a row of punctuation hides nothing.
            if !rest.is_empty() && !rest.starts_with('#') && rest.chars().any(char::is_alphanumeric)
            {
                facts.push(
                    BehaviourKind::Obfuscation,
                    true,
                    base + u32::try_from(offset + run).unwrap_or(0),
                    format!(
                        "code hidden after {} spaces: {}",
                        trimmed[run..].len() - rest.len(),
                        clip(rest, 80)
                    ),
                );
            }
        }
        if trimmed.len() > 50_000 {
            facts.push(
                BehaviourKind::Obfuscation,
                true,
                base + u32::try_from(offset).unwrap_or(0),
                format!("a single line of {} characters", trimmed.len()),
            );
        }
    }
}

#[derive(Default)]
struct Scope {
    vars: HashMap<String, Val>,
    /// Some of `vars` are attribute chains (`self.x`).
    dotted: bool,
    /// Where downloaded data was written to disk in this scope.
    downloaded_write: Option<u32>,
    /// Where a socket was created in this scope.
    socket: Option<u32>,
    /// Where a process was started, a file made executable or a library loaded: the
    /// offset, what was done, and the texts of what was run (paths, commands).
    runs: Vec<(u32, String, Vec<String>)>,
    /// Numbers and lists of numbers bound to names (`key = 0x20`, `codes = [...]`).
    consts: HashMap<String, fold::Consts>,
    /// Tainted data written to files in this scope. A read of the same path, or of a
    /// file whose path is not known, carries the taint again.
    written: Vec<Written>,
    /// Names bound to literal collections (`WALLETS = {"exodus": ["~/.config/Exodus"]}`)
    /// that hold an alarming item (a credential's path, a persistence place, a secret's
    /// name): the item, which a loop over the name meets in its turn.
    items: HashMap<String, String>,
}

/// Tainted data written to a file.
struct Written {
    /// Where it was written.
    offset: u32,
    /// The path's text; `None` when the file is known only as an object.
    path: Option<String>,
    /// The data's taint.
    taint: u16,
    /// The data's text, when constant.
    content: Option<String>,
}

impl Written {
    /// Whether a run or load at `offset` naming `texts` may run what was written: it
    /// comes later and names the path (any run, when the path is not known).
    fn runs_at(&self, offset: u32, texts: &[String]) -> bool {
        self.offset < offset
            && self
                .path
                .as_deref()
                .is_none_or(|p| texts.iter().any(|t| t.contains(p)))
    }
}

/// Stands, in a path's text, for every file under the folder before it (a walk of the
/// tree): `~/<every file>/*`.
pub(crate) const EVERY_FILE: &str = "<every file>";

/// The text of the folders that hold the installed packages (`site.getsitepackages()`).
pub(crate) const SITE_PACKAGES: &str = "<site-packages>";

/// For a path under a walk of a folder whose loss destroys the user's data: the folder,
/// the rest of the path below each walked folder (`/*` for each file met), and what the
/// folder is.
pub(crate) fn every_file_under(path: &str) -> Option<(&str, &str, &'static str)> {
    let (top, rest) = path.split_once(&concat(["/", EVERY_FILE]))?;
    crate::signals::destroyed_by_removal(top).map(|what| (top, rest, what))
}

/// The summary of a function that returns the module its first parameter names.
pub(crate) const IMPORTS_PARAM: &str = "#imports-param";

/// Most tainted writes remembered per scope.
const MAX_WRITTEN: usize = 16;

/// What a function of the file returns, as far as its return statements tell.
#[derive(Default)]
struct Returns {
    taint: u16,
    /// The constant text every return statement gives, if one does.
    text: Option<String>,
    /// Some return statement gives something else.
    mixed: bool,
    /// The function's first parameter, and whether every return statement gives the
    /// module that parameter names (`return __import__(name)`): a wrapper of `__import__`,
    /// whose calls are imports of the name they are given.
    first_param: Option<String>,
    imports_param: Option<bool>,
    /// Where an `if` of the function compares what a parameter carries with a hard-coded
    /// large number (`if msg.from_user.id != 5550123: return`): code that acts for one
    /// sender, account or chat only.
    identity_gate: Option<(u32, i64)>,
    /// Some return statement gives gathered secrets: the paths of credential files, or
    /// the whole environment.
    gathered: bool,
}

/// Whether an expression hands on the whole environment (`dict(os.environ)`,
/// `json.dumps(os.environ.copy())`, `{k: v for k, v in os.environ.items()}`), not one
/// variable read by name.
fn whole_environ(e: &Expr, depth: u32) -> bool {
    let environ =
        |e: &Expr| eval::dotted(e).is_some_and(|q| q == "environ" || q.ends_with(".environ"));
    if depth > 6 {
        return false;
    }
    match e {
        Expr::Name(_) | Expr::Attribute(_) => environ(e),
        Expr::Call(c) => {
            let on_environ = matches!(&*c.func, Expr::Attribute(a)
                if environ(&a.value) && matches!(a.attr.as_str(), "copy" | "items" | "values"));
            on_environ
                || c.arguments
                    .args
                    .iter()
                    .chain(c.arguments.keywords.iter().map(|k| &k.value))
                    .any(|a| whole_environ(a, depth + 1))
        }
        Expr::DictComp(c) => c
            .generators
            .iter()
            .any(|g| whole_environ(&g.iter, depth + 1)),
        Expr::ListComp(c) => c
            .generators
            .iter()
            .any(|g| whole_environ(&g.iter, depth + 1)),
        Expr::Dict(d) => d.iter().any(|i| whole_environ(&i.value, depth + 1)),
        _ => false,
    }
}

struct Walker {
    facts: FileFacts,
    scopes: Vec<Scope>,
    depth: usize,
    base: u32,
    payload_depth: u32,
    /// Inside `if sys.argv[-1] == "publish":` and the like: a maintainer's command,
    /// which no installer runs.
    maintainer_command: usize,
    /// Values of calls already evaluated since the names in scope last changed.
    calls: Calls,
    /// The file's functions and who refers to whom.
    pub(crate) reach: reach::Builder,
    /// The module-level class whose body is being walked.
    class: Vec<String>,
    /// Inside `if __name__ == "__main__":`.
    main_guard: usize,
    /// The return values of the functions being walked, innermost last.
    returns: Vec<Returns>,
    /// What the file's functions (by name; methods as `.name`) return: the taint of
    /// their return statements, and the constant text when every one gives the same.
    summaries: HashMap<String, Val>,
    /// Where the file writes the clipboard: each a behaviour to report, as the
    /// clipboard is written, once the file also matches wallet addresses.
    clipboard_writes: Vec<crate::RawBehaviour>,
    /// The file holds a pattern of a cryptocurrency wallet address.
    wallet_pattern: bool,
    /// Where string literals written wholly in escape codes open (their quote), sorted.
    escaped: Vec<u32>,
    /// Some value read where the machine is (its time zone, a geolocated country): the
    /// file's comparisons are judged for geofencing from then on.
    place_seen: std::cell::Cell<bool>,
    /// Module-level functions that replace a send function of an HTTP client
    /// (`requests.Session.send = _send`), found before the walk.
    request_hooks: Vec<String>,
    /// Inside one of those functions.
    in_request_hook: bool,
    /// Where such a function stores what a request carries (headers, body) in a queue
    /// or list of the module, for another function to send.
    request_copy: Option<u32>,
    /// Archives opened over a buffer or file (`z = zipfile.ZipFile(buf, "w")`): the
    /// archive's name and the buffer's.
    archives: Vec<(String, String)>,
    /// Functions (or the top level) that gather credentials: read several, or a folder.
    gathering: Vec<u32>,
    /// Where the first such function is installed, and what it replaces.
    hook_installed: Option<(u32, bool, String)>,
}

/// What calls evaluated to, by node, while no binding changes. A call is evaluated by
/// every call around it (its receiver or argument) and again when the walk reaches it;
/// without this, nested calls and method chains cost the square of their depth.
#[derive(Default)]
struct Calls {
    values: std::cell::RefCell<HashMap<usize, Val>>,
    /// The evaluation under way reached the depth limit: its value depends on how deep
    /// it started, so it is not kept.
    truncated: std::cell::Cell<bool>,
}

/// The `setup.py` commands installers run (pip, build, setuptools itself): code guarded
/// by one of these still runs at install time.
pub(crate) const INSTALL_COMMANDS: &[&str] = &[
    "install",
    "develop",
    "egg_info",
    "bdist_wheel",
    "build",
    "build_py",
    "build_ext",
    "build_clib",
    "build_scripts",
    "dist_info",
    "bdist_egg",
    "sdist",
    "editable_wheel",
    "install_lib",
    "install_scripts",
    "install_data",
    "install_egg_info",
    "--version",
];

/// Whether an `if` test checks the command line for a command that only a maintainer
/// runs (`sys.argv[-1] == "publish"`, `"upload" in sys.argv`).
fn maintainer_command_test(test: &Expr) -> bool {
    #[derive(Default)]
    struct Seen {
        argv: bool,
        strings: Vec<String>,
        other: bool,
    }
    impl<'a> Visitor<'a> for Seen {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Attribute(a) if a.attr.as_str() == "argv" => self.argv = true,
                Expr::Name(n) if n.id.as_str() == "argv" => self.argv = true,
                Expr::StringLiteral(s) => self.strings.push(s.value.to_str().to_owned()),
                Expr::Call(_) => self.other = true,
                _ => {}
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut seen = Seen::default();
    seen.visit_expr(test);
    seen.argv
        && !seen.other
        && !seen.strings.is_empty()
        && seen
            .strings
            .iter()
            .all(|s| !INSTALL_COMMANDS.contains(&s.as_str()) && !s.starts_with("bdist"))
}

impl Walker {
    fn top_level(&self) -> bool {
        self.scopes.len() == 1 && self.main_guard == 0
    }

    fn push(&mut self, kind: BehaviourKind, offset: u32, detail: impl Into<String>) {
        let top = self.top_level();
        self.facts.push(kind, top, self.base + offset, detail);
        if let Some(last) = self.facts.behaviours.last_mut() {
            last.guarded = self.maintainer_command > 0;
            last.function = if top { TOP } else { self.reach.current };
        }
    }

    /// The innermost scope, to change: values of calls are forgotten.
    fn scope(&mut self) -> &mut Scope {
        self.calls.values.get_mut().clear();
        self.scopes
            .last_mut()
            .expect("the module scope is never popped")
    }

    fn bind(&mut self, target: &Expr, value: Val) {
        match target {
            Expr::Name(n) => {
                let scope = self.scope();
                if !scope.consts.is_empty() {
                    scope.consts.remove(n.id.as_str());
                }
                if !scope.items.is_empty() {
                    scope.items.remove(n.id.as_str());
                }
                match scope.vars.get_mut(n.id.as_str()) {
                    // A name bound again keeps its key.
                    Some(slot) => *slot = value,
                    None => {
                        scope.vars.insert(n.id.to_string(), value);
                    }
                }
            }
            // `out[i] = x`: the container holds x now.
            Expr::Subscript(s) => self.add_taint(&s.value, value.taint),
            Expr::Attribute(_) => {
                if let Some(key) = eval::dotted(target) {
                    let scope = self.scope();
                    scope.dotted = true;
                    scope.vars.insert(key, value);
                }
            }
            Expr::Tuple(t) => {
                for elt in &t.elts {
                    self.bind(elt, Val::tainted(value.taint));
                }
            }
            Expr::List(l) => {
                for elt in &l.elts {
                    self.bind(elt, Val::tainted(value.taint));
                }
            }
            _ => {}
        }
    }

    /// Adds taint to what a name or attribute chain holds (`out.append(x)`,
    /// `out[i] = x`), in the scope that binds it.
    fn add_taint(&mut self, target: &Expr, taint: u16) {
        if taint == 0 {
            return;
        }
        let key = match target {
            Expr::Name(n) => n.id.to_string(),
            Expr::Attribute(_) => match eval::dotted(target) {
                Some(key) => key,
                None => return,
            },
            Expr::Subscript(s) => return self.add_taint(&s.value, taint),
            _ => return,
        };
        self.add_taint_to(key, taint, !matches!(target, Expr::Name(_)));
    }

    /// `z = zipfile.ZipFile(buf, "w")`, `with tarfile.open(fileobj=buf, mode="w") as t`:
    /// what is put in the archive `z` ends up in `buf`.
    fn archive_over(&mut self, target: &Expr, value_expr: &Expr, value: &Val) {
        let (Expr::Name(archive), Expr::Call(call)) = (target, value_expr) else {
            return;
        };
        if !value.qual.as_deref().is_some_and(|q| {
            q.starts_with("zipfile.ZipFile")
                || q.starts_with("tarfile.open")
                || q.starts_with("tarfile.TarFile")
        }) {
            return;
        }
        let over = call.arguments.args.first().or_else(|| {
            call.arguments
                .keywords
                .iter()
                .find(|k| {
                    k.arg
                        .as_ref()
                        .is_some_and(|a| matches!(a.as_str(), "file" | "fileobj"))
                })
                .map(|k| &k.value)
        });
        if let Some(Expr::Name(buffer)) = over
            && self.archives.len() < 8
        {
            self.archives
                .push((archive.id.to_string(), buffer.id.to_string()));
        }
    }

    /// `z.write(path)`, `z.writestr(name, data)`, `t.add(path)` on an archive over a
    /// buffer or file: the archive and what it is written to hold what is put in it
    /// (a credential file named by its path is its content).
    fn archive_write(&mut self, call: &ast::ExprCall) {
        let Expr::Attribute(a) = &*call.func else {
            return;
        };
        let Expr::Name(archive) = &*a.value else {
            return;
        };
        if !matches!(a.attr.as_str(), "write" | "writestr" | "add" | "addfile") {
            return;
        }
        let Some(buffer) = self
            .archives
            .iter()
            .find(|(z, _)| z == archive.id.as_str())
            .map(|(_, b)| b.clone())
        else {
            return;
        };
        let mut taint = 0;
        for (i, arg) in call.arguments.args.iter().take(2).enumerate() {
            let v = self.eval(arg);
            taint |= v.taint;
            let Some(path) = v.text.as_deref() else {
                continue;
            };
            let Some(what) = memchr::memchr2(b'/', b'\\', path.as_bytes())
                .and_then(|_| crate::signals::secret_path(path))
            else {
                continue;
            };
            // A credential file's path, or a name in the archive made from one.
            taint |= Taint::SECRET;
            // `write`/`add` read the file they name (`writestr` is handed the data).
            if i == 0 && a.attr.as_str() != "writestr" {
                let detail = format!("reads {what} into an archive ({})", clip(path, 80));
                self.push(
                    BehaviourKind::SecretRead,
                    call.range().start().to_u32(),
                    detail,
                );
                self.gathering_read();
            }
        }
        let taint = taint & (Taint::SECRET | Taint::PARAM | Taint::HOST | Taint::REQUEST);
        if taint != 0 {
            self.add_taint_to(archive.id.to_string(), taint, false);
            self.add_taint_to(buffer, taint, false);
        }
    }

    /// The function being walked gathers credentials: reads several, or a folder of them.
    pub(crate) fn gathering_read(&mut self) {
        let f = self.reach.current;
        if !self.gathering.contains(&f) && self.gathering.len() < 64 {
            self.gathering.push(f);
        }
    }

    /// What `key` (a name, or a dotted attribute when `dotted`) holds now carries `taint`.
    fn add_taint_to(&mut self, key: String, taint: u16, dotted: bool) {
        self.calls.values.get_mut().clear();
        let at = self
            .scopes
            .iter()
            .rposition(|s| s.vars.contains_key(&key))
            .unwrap_or(self.scopes.len() - 1);
        let scope = &mut self.scopes[at];
        scope.dotted |= dotted;
        scope.consts.remove(&key);
        scope.vars.entry(key).or_default().taint |= taint;
    }

    /// Ends a scope: a download written to disk and run in the same scope is one
    /// behaviour, at the place where it is run; so is decoded data written to a file
    /// that is then run or loaded.
    fn finish_scope(&mut self) {
        let scope = self.scope();
        let write = scope.downloaded_write;
        let runs = std::mem::take(&mut scope.runs);
        let written = std::mem::take(&mut scope.written);
        // Writes past the most remembered: any later run may run a download.
        let overflow = written.len() >= MAX_WRITTEN;
        for (offset, what, texts) in runs {
            if written
                .iter()
                .any(|w| w.taint & Taint::DOWNLOADED != 0 && w.runs_at(offset, &texts))
                || (overflow && write.is_some_and(|at| at < offset))
            {
                self.push(
                    BehaviourKind::DownloadExecute,
                    offset,
                    format!("downloaded data written to disk, then {what}"),
                );
                continue;
            }
            let interpreter = what.starts_with("run with")
                && texts
                    .iter()
                    .any(|t| t.contains("python") || t.contains("executable"));
            let Some(Written { path, content, .. }) = written
                .iter()
                .find(|w| w.taint & Taint::DECODED != 0 && w.runs_at(offset, &texts))
            else {
                // Constant code written to a file and run by the interpreter: what it
                // does happens here.
                if interpreter
                    && let Some(code) = written
                        .iter()
                        .filter(|w| w.taint == 0 && w.runs_at(offset, &texts))
                        .find_map(|w| w.content.clone())
                {
                    self.analyze_staged(&code, offset);
                }
                continue;
            };
            self.push(
                BehaviourKind::DecodeExecute,
                offset,
                match path {
                    // A path of which nothing is known (`*/*`) says nothing.
                    Some(p) if p.chars().any(|c| !matches!(c, '*' | '/')) => {
                        format!("decoded data written to {}, then {what}", clip(p, 60))
                    }
                    _ => format!("decoded data written to a file, then {what}"),
                },
            );
            // A Python interpreter run on the file runs the decoded code.
            if let Some(code) = content
                && interpreter
            {
                let code = code.clone();
                self.analyze_payload(&code, offset);
            }
        }
    }

    /// A loop over a literal list of paths or names (`for rel in (".aws/credentials",
    /// ...)`, `for k in ("GITHUB_TOKEN", ...)`): the loop variable stands for each in
    /// turn, and the one a rule cares about (a credential file, an autostart location, a
    /// secret's variable) is the one to judge it by.
    fn alarming_item(&self, iter: &Expr) -> Option<String> {
        self.alarming_item_at(iter, 0)
    }

    /// A loop's variable: what the loop meets in its turn. Each name of a tuple target
    /// (`for name, paths in WALLETS.items()`) stands for the alarming item, as does a
    /// loop over that name in turn (`for p in paths`).
    fn bind_item(&mut self, target: &Expr, item: Val) {
        let Some(text) = item.text.clone() else {
            return self.bind(target, item);
        };
        let names: Vec<&Expr> = match target {
            Expr::Tuple(t) => t.elts.iter().collect(),
            Expr::List(l) => l.elts.iter().collect(),
            other => vec![other],
        };
        for name in names {
            self.bind(name, item.clone());
            if let Expr::Name(n) = name {
                self.scope().items.insert(n.id.to_string(), text.clone());
            }
        }
    }

    fn alarming_item_at(&self, iter: &Expr, depth: u32) -> Option<String> {
        if depth > 4 {
            return None;
        }
        let elts = match iter {
            Expr::List(ast::ExprList { elts, .. })
            | Expr::Tuple(ast::ExprTuple { elts, .. })
            | Expr::Set(ast::ExprSet { elts, .. }) => elts,
            // The keys and values of a literal mapping.
            Expr::Dict(d) => {
                return d.iter().take(64).find_map(|item| {
                    item.key
                        .as_ref()
                        .and_then(|k| self.alarming_item_at(k, depth + 1))
                        .or_else(|| self.alarming_item_at(&item.value, depth + 1))
                });
            }
            // A name bound to such a collection.
            Expr::Name(n) => {
                let id = n.id.as_str();
                let at = self.scopes.iter().rposition(|s| s.vars.contains_key(id))?;
                return self.scopes[at].items.get(id).cloned();
            }
            // `X.items()`, `X.values()`, `X.keys()`, `sorted(X)`, `map(f, X)`, ...
            Expr::Call(c) => {
                return match &*c.func {
                    Expr::Attribute(a)
                        if matches!(a.attr.as_str(), "items" | "values" | "keys")
                            && c.arguments.args.is_empty() =>
                    {
                        self.alarming_item_at(&a.value, depth + 1)
                    }
                    Expr::Name(f)
                        if matches!(
                            f.id.as_str(),
                            "map"
                                | "sorted"
                                | "list"
                                | "tuple"
                                | "set"
                                | "reversed"
                                | "enumerate"
                                | "filter"
                        ) =>
                    {
                        let arg = if matches!(f.id.as_str(), "map" | "filter") {
                            c.arguments.args.get(1)
                        } else {
                            c.arguments.args.first()
                        }?;
                        self.alarming_item_at(arg, depth + 1)
                    }
                    // `glob.glob(pattern)`: each file the pattern names in its turn.
                    _ if matches!(
                        self.eval(&c.func).qual.as_deref(),
                        Some("glob.glob" | "glob.iglob")
                    ) =>
                    {
                        // The pattern is rarely exact (`$LOCALAPPDATA/Discord*/...`): what
                        // it names is enough.
                        let text = self.eval(c.arguments.args.first()?).text?;
                        (crate::signals::persistence_path(&text).is_some()
                            || crate::signals::secret_path(&text).is_some())
                        .then_some(text)
                    }
                    _ => None,
                };
            }
            // One item of a mapping (a key, or a value that is no collection).
            other if depth > 0 => return self.alarming_text(other),
            _ => return None,
        };
        elts.iter().take(64).find_map(|e| {
            if matches!(
                e,
                Expr::List(_) | Expr::Tuple(_) | Expr::Set(_) | Expr::Dict(_)
            ) {
                return self.alarming_item_at(e, depth + 1);
            }
            self.alarming_text(e)
        })
    }

    /// The text of an item, when it names something alarming.
    fn alarming_text(&self, e: &Expr) -> Option<String> {
        let v = self.eval(e);
        let text = v.exact_text()?;
        (crate::signals::secret_path(text).is_some()
            || crate::signals::persistence_path(text).is_some()
            || crate::signals::is_secret_env_name(text)
            || crate::signals::is_user_folder(text)
            || crate::signals::destroyed_by_removal(text).is_some())
        .then(|| text.to_owned())
    }

    /// The hard-coded number an `if` test compares a parameter's data with (`==`, `!=`,
    /// `in`): a large integer (six digits and more: an account, user or chat id, not a
    /// count, a code or a version), written in the file, against something a parameter
    /// carries (`message.from_user.id`, `event.sender_id`).
    fn identity_test(&self, test: &Expr) -> Option<i64> {
        let Expr::Compare(c) = test else {
            let Expr::BoolOp(b) = test else { return None };
            return b.values.iter().find_map(|v| self.identity_test(v));
        };
        let [op] = &*c.ops else { return None };
        if !matches!(
            op,
            ast::CmpOp::Eq | ast::CmpOp::NotEq | ast::CmpOp::In | ast::CmpOp::NotIn
        ) {
            return None;
        }
        let [right] = &*c.comparators else {
            return None;
        };
        let id = |e: &Expr| self.int_of(e, &[]).filter(|n| n.unsigned_abs() >= 100_000);
        let param = |e: &Expr| self.eval(e).taint & Taint::PARAM != 0;
        match (id(&c.left), id(right)) {
            (Some(n), None) if param(right) => Some(n),
            (None, Some(n)) if param(&c.left) => Some(n),
            _ => None,
        }
    }

    /// A command or code that a parameter carries, run in a function gated on a
    /// hard-coded sender id: a remote command channel for one person (a backdoor in a
    /// bot or message handler), whatever else the function does.
    pub(crate) fn gated_remote_command(&mut self, offset: u32, what: &str) {
        let Some((_, id)) = self.returns.last().and_then(|r| r.identity_gate) else {
            return;
        };
        self.push(
            BehaviourKind::ReverseShell,
            offset,
            format!(
                "{what} text a parameter carries, only when the sender is the hard-coded id {id}: a remote command backdoor"
            ),
        );
    }

    /// `__import__(name)` or `importlib.import_module(name)` of the first parameter of
    /// the function being walked.
    fn imports_param(&self, value: &Expr) -> bool {
        let Expr::Call(call) = value else {
            return false;
        };
        let Some(Expr::Name(arg)) = call.arguments.args.first() else {
            return false;
        };
        let Some(param) = self.returns.last().and_then(|r| r.first_param.as_deref()) else {
            return false;
        };
        arg.id.as_str() == param
            && self.eval(&call.func).qual.as_deref().is_some_and(|q| {
                matches!(
                    normalize(q).as_ref(),
                    "builtins.__import__" | "importlib.import_module" | "importlib.__import__"
                )
            })
    }

    /// The folder a walk of the file tree starts at (`os.walk(os.path.expanduser("~"))`),
    /// when deleting it would destroy the user's data: the home folder, a folder of the
    /// user's own, the root.
    fn walked_user_folder(&self, iter: &Expr) -> Option<String> {
        let Expr::Call(call) = iter else { return None };
        let qual = self.eval(&call.func).qual?;
        if !matches!(normalize(&qual).as_ref(), "os.walk" | "os.fwalk") {
            return None;
        }
        let top = self.eval(call.arguments.args.first()?).text?;
        crate::signals::destroyed_by_removal(&top).map(|_| top)
    }

    /// Remembers a write of the clipboard, where it is (and in which function).
    pub(crate) fn clipboard_written(&mut self, offset: u32, what: &str) {
        if self.clipboard_writes.len() >= 8 {
            return;
        }
        let top = self.top_level();
        self.clipboard_writes.push(crate::RawBehaviour {
            kind: BehaviourKind::BrowserHijack,
            top_level: top,
            offset: self.base + offset,
            detail: format!(
                "writes the clipboard ({what}) in a file that matches cryptocurrency wallet addresses: a clipboard address swapper"
            ),
            guarded: self.maintainer_command > 0,
            function: if top { TOP } else { self.reach.current },
        });
    }

    /// A file that writes the clipboard and matches wallet addresses swaps them: what a
    /// clipper does, watching for an address being copied to put the attacker's in its
    /// place.
    /// `zone in ("Europe/Moscow", "Europe/Minsk")`, `country != "RU"`: where the machine
    /// is (a [`Taint::LOCALE`] value) compared with places geofenced code singles out.
    fn geofence(&mut self, c: &ast::ExprCompare) {
        use ast::CmpOp;
        if !c
            .ops
            .iter()
            .all(|op| matches!(op, CmpOp::Eq | CmpOp::NotEq | CmpOp::In | CmpOp::NotIn))
            || c.comparators.len() != 1
        {
            return;
        }
        let (a, b) = (self.eval(&c.left), self.eval(&c.comparators[0]));
        let constant = if a.taint & Taint::LOCALE != 0 {
            b
        } else if b.taint & Taint::LOCALE != 0 {
            a
        } else {
            return;
        };
        // A sequence folds to its items joined by spaces.
        let Some(text) = constant.exact_text().filter(|t| t.len() <= 4096) else {
            return;
        };
        let places = crate::javascript::named_places(std::iter::once(text))
            .or_else(|| crate::javascript::named_places(text.split_whitespace()));
        if let Some(places) = places {
            self.push(
                BehaviourKind::AntiAnalysis,
                c.range().start().to_u32(),
                format!(
                    "acts only where the machine's time zone or country is {} (geofencing)",
                    crate::signals::clip(&places, 80)
                ),
            );
        }
    }

    /// A replaced send function of an HTTP client that stores the headers or body of
    /// every request for the module, which sends data out elsewhere (a background
    /// thread draining a queue): the application's credentials, copied out.
    fn request_tap(&mut self) {
        let (Some(_), Some((at, top, target))) = (self.request_copy, self.hook_installed.take())
        else {
            return;
        };
        if !self
            .facts
            .behaviours
            .iter()
            .any(|b| b.kind == BehaviourKind::Network)
        {
            return;
        }
        self.facts.push(
            BehaviourKind::SecretExfiltration,
            top,
            self.base + at,
            format!(
                "replaces {} with a wrapper that keeps the headers or body of every request, which the module sends out",
                clip(&target, 60)
            ),
        );
    }

    fn clipboard_swap(&mut self) {
        if self.wallet_pattern {
            self.facts
                .behaviours
                .extend(std::mem::take(&mut self.clipboard_writes));
        }
    }

    /// A function's parameters hide the names of enclosing scopes.
    fn bind_parameters(&mut self, parameters: &ast::Parameters) {
        let scope = self
            .scopes
            .last_mut()
            .expect("the module scope is never popped");
        scope.vars.reserve(parameters.len());
        for p in parameters {
            scope.vars.insert(p.name().to_string(), Val::default());
        }
    }

    fn on_import(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    self.facts.imports.push(name.to_owned());
                    tables::note_import(self, name, alias.range().start().to_u32());
                    match &alias.asname {
                        Some(asname) => {
                            self.scope()
                                .vars
                                .insert(asname.to_string(), Val::qual(name.to_owned()));
                        }
                        None => {
                            let first = name.split('.').next().unwrap_or(name);
                            self.scope()
                                .vars
                                .insert(first.to_owned(), Val::qual(first.to_owned()));
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map_or("", |m| m.as_str());
                let dots = ".".repeat(i.level as usize);
                self.facts.imports.push(format!("{dots}{module}"));
                tables::note_import(self, module, i.range().start().to_u32());
                for alias in &i.names {
                    let name = alias.name.as_str();
                    if name == "*" {
                        continue;
                    }
                    let qual = if module.is_empty() {
                        name.to_owned()
                    } else {
                        concat([module, ".", name])
                    };
                    // The name may be a submodule (`from pkg import sub`), which
                    // Python then imports too.
                    self.facts.imports.push(format!("{dots}{qual}"));
                    tables::note_import(self, &qual, alias.range().start().to_u32());
                    let local = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    self.scope().vars.insert(local.to_owned(), Val::qual(qual));
                }
            }
            _ => {}
        }
    }

    /// Analyses a decoded constant payload that reaches execution, reporting what it
    /// does at the place where it is executed.
    /// Records the setuptools commands a `cmdclass=` mapping overrides.
    fn on_cmdclass(&mut self, value: &Expr) {
        match value {
            Expr::Dict(d) => {
                for item in &d.items {
                    match &item.key {
                        Some(Expr::StringLiteral(k)) => {
                            self.facts.setup_commands.push(k.value.to_str().to_owned());
                        }
                        _ => self.facts.setup_commands.push("*".to_owned()),
                    }
                }
            }
            _ => self.facts.setup_commands.push("*".to_owned()),
        }
    }

    fn analyze_payload(&mut self, code: &str, offset: u32) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH || code.len() > 1 << 20 {
            return;
        }
        let inner = analyze_at(code, 0, self.payload_depth + 1, false);
        for b in inner.behaviours {
            self.push(
                b.kind,
                offset,
                format!("in the decoded payload: {}", b.detail),
            );
        }
    }

    /// Analyses constant code that the file writes to disk and then runs with the
    /// interpreter, reporting what it does at the place where it is run.
    fn analyze_staged(&mut self, code: &str, offset: u32) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH {
            return;
        }
        let inner = analyze_at(code, 0, self.payload_depth + 1, false);
        for b in inner.behaviours {
            self.push(
                b.kind,
                offset,
                format!("in the code written to a file and run: {}", b.detail),
            );
        }
    }

    /// Analyses JavaScript that the file writes to disk where something else runs it (a
    /// decoded payload saved as a `.js` file, the startup module of a desktop client
    /// rewritten): what it does is reported at the write.
    pub(crate) fn analyze_written_script(&mut self, code: &str, path: &str, offset: u32) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH || code.len() > 1 << 20 {
            return;
        }
        let inner = crate::javascript::analyze(code, path);
        for b in inner.behaviours {
            self.push(
                b.kind,
                offset,
                format!(
                    "in the JavaScript written to {}: {}",
                    clip(path, 60),
                    b.detail
                ),
            );
        }
    }

    /// A `# coding:` declaration of a codec that rewrites the text (rot13,
    /// `unicode_escape`, UTF-7, a codec registered at run time) is obfuscation; the code
    /// as the interpreter reads it is analysed too, reported at the declaration.
    fn source_codec(&mut self, source: &str) {
        let Some((at, name)) = decode::declared_codec(source) else {
            return;
        };
        let decoded = match decode::source_codec(name, source) {
            SourceCodec::Ordinary => return,
            SourceCodec::Decoded(text) => Some(text),
            SourceCodec::Opaque => {
                // A codec of the package's own, registered at run time: the body is
                // often base64 or hex.
                let body = source[at..].find('\n').map_or("", |n| &source[at + n..]);
                decode::decode_text(Scheme::Base64, body)
                    .or_else(|| decode::decode_text(Scheme::Hex, body))
            }
        };
        let offset = u32::try_from(at).unwrap_or(0);
        self.push(
            BehaviourKind::Obfuscation,
            offset,
            format!(
                "declares the source codec '{}', which rewrites the code before it runs",
                clip(name, 40)
            ),
        );
        let Some(text) = decoded.filter(|t| t != source) else {
            return;
        };
        if self.payload_depth >= MAX_PAYLOAD_DEPTH {
            return;
        }
        let inner = analyze_at(&text, 0, self.payload_depth + 1, false);
        // The decoded text may keep its declaration, which was reported above.
        for b in inner
            .behaviours
            .into_iter()
            .filter(|b| !b.detail.starts_with("declares the source codec"))
        {
            self.facts.push(
                b.kind,
                b.top_level,
                self.base + offset,
                format!(
                    "in the code as the '{}' codec decodes it: {}",
                    clip(name, 40),
                    b.detail
                ),
            );
        }
    }
}

impl<'a> Visitor<'a> for Walker {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.depth > MAX_NESTING {
            if self.facts.parse_error.is_none() {
                self.facts.parse_error =
                    Some("nested too deeply; the innermost code was not walked".into());
            }
            return;
        }
        self.depth += 1;
        if let Stmt::If(i) = stmt
            && let Some(frame) = self.returns.last()
            && frame.identity_gate.is_none()
            && let Some(id) = self.identity_test(&i.test)
        {
            let offset = i.range().start().to_u32();
            if let Some(frame) = self.returns.last_mut() {
                frame.identity_gate = Some((offset, id));
            }
        }
        match stmt {
            Stmt::Import(_) | Stmt::ImportFrom(_) => self.on_import(stmt),
            Stmt::If(i) if self.top_level() && is_main_guard(&i.test) => {
                // Runs when the file is run as a program, never on import.
                self.visit_expr(&i.test);
                let outer = self.reach.current;
                self.reach.current = reach::MAIN;
                self.main_guard += 1;
                for s in &i.body {
                    self.visit_stmt(s);
                }
                self.main_guard -= 1;
                self.reach.current = outer;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t);
                    }
                    for s in &clause.body {
                        self.visit_stmt(s);
                    }
                }
                self.depth -= 1;
                return;
            }
            Stmt::If(i) if maintainer_command_test(&i.test) => {
                self.visit_expr(&i.test);
                self.maintainer_command += 1;
                for s in &i.body {
                    self.visit_stmt(s);
                }
                self.maintainer_command -= 1;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t);
                    }
                    for s in &clause.body {
                        self.visit_stmt(s);
                    }
                }
                self.depth -= 1;
                return;
            }
            Stmt::Assign(a) => {
                if !self.request_hooks.is_empty()
                    && let [Expr::Attribute(_)] = a.targets.as_slice()
                    && let Expr::Name(f) = &*a.value
                    && self.request_hooks.iter().any(|h| h == f.id.as_str())
                {
                    // The wrapper runs at every request the application sends from now.
                    self.reach.called(f.id.as_str());
                    if self.hook_installed.is_none() {
                        self.hook_installed = Some((
                            a.range().start().to_u32(),
                            self.top_level(),
                            eval::dotted(&a.targets[0]).unwrap_or_default(),
                        ));
                    }
                }
                let mut value = self.eval(&a.value);
                if fold::contains_xor(&a.value)
                    && a.targets.iter().any(|t| matches!(t, Expr::Subscript(_)))
                {
                    // `out[i] = data[i] ^ key[i % n]`: a decoding loop.
                    value.taint |= Taint::DECODED | Taint::OBFUSCATED;
                }
                if let [target] = a.targets.as_slice() {
                    self.archive_over(target, &a.value, &value);
                }
                for target in &a.targets {
                    self.bind(target, value.clone());
                }
                if let [Expr::Name(n)] = a.targets.as_slice()
                    && let Some(c) = self.consts_of(&a.value)
                {
                    self.scope().consts.insert(n.id.to_string(), c);
                }
                if let [Expr::Name(n)] = a.targets.as_slice()
                    && matches!(
                        &*a.value,
                        Expr::List(_) | Expr::Tuple(_) | Expr::Set(_) | Expr::Dict(_)
                    )
                    && let Some(item) = self.alarming_item(&a.value)
                {
                    self.scope().items.insert(n.id.to_string(), item);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let value = self.eval(v);
                    self.bind(&a.target, value);
                }
            }
            Stmt::AugAssign(a) => {
                let mut value = self.eval(&a.value);
                if a.op == ast::Operator::BitXor || fold::contains_xor(&a.value) {
                    value.taint |= Taint::DECODED | Taint::OBFUSCATED;
                }
                let mut current = self.eval(&a.target);
                current.taint |= value.taint;
                current.text = match (current.text.take(), value.text) {
                    (Some(l), Some(r)) if a.op == ast::Operator::Add => Some(l + &r),
                    _ => None,
                };
                current.exact = false;
                self.bind(&a.target, current);
            }
            Stmt::Return(r) => {
                let value = r.value.as_deref().map(|v| self.eval(v)).unwrap_or_default();
                let imports = r.value.as_deref().is_some_and(|v| self.imports_param(v));
                // The paths of credential files (`return [p for p in CANDIDATES if
                // os.path.isfile(p)]`): what a caller uploads or reads through them is
                // the secret. Paths have a slash; most returned texts have none.
                let secret_path = value.taint & Taint::SECRET == 0
                    && value.text.as_deref().is_some_and(|t| {
                        memchr::memchr2(b'/', b'\\', t.as_bytes()).is_some()
                            && crate::signals::secret_path(t).is_some()
                    });
                // Secrets gathered, not a credential the program is configured with:
                // the paths of credential files, or the whole environment.
                let gathered = secret_path
                    || (value.taint & Taint::SECRET != 0
                        && r.value.as_deref().is_some_and(|v| whole_environ(v, 0)));
                if let Some(returns) = self.returns.last_mut() {
                    returns.imports_param = Some(returns.imports_param.unwrap_or(true) && imports);
                    returns.taint |= value.taint;
                    returns.gathered |= gathered;
                    if secret_path {
                        returns.taint |= Taint::SECRET;
                    }
                    match (value.exact_text(), &returns.text) {
                        (Some(t), None) if !returns.mixed => returns.text = Some(t.to_owned()),
                        (Some(t), Some(seen)) if t == seen => {}
                        _ => returns.mixed = true,
                    }
                }
            }
            Stmt::For(f) if let Some(top) = self.walked_user_folder(&f.iter) => {
                // `for root, dirs, files in os.walk(home)`: every folder under it in turn.
                let root = Val {
                    text: Some(concat([&top, "/", EVERY_FILE])),
                    ..Val::default()
                };
                match &*f.target {
                    Expr::Tuple(t) if !t.elts.is_empty() => {
                        self.bind(&t.elts[0], root);
                        for e in &t.elts[1..] {
                            self.bind(e, Val::default());
                        }
                    }
                    other => self.bind(other, root),
                }
            }
            Stmt::For(f) => {
                let iter = self.eval(&f.iter);
                let mut item = Val::tainted(iter.taint);
                item.text = self.alarming_item(&f.iter);
                // `for sp in site.getsitepackages()`: each folder of installed packages.
                if item.text.is_none()
                    && iter
                        .text
                        .as_deref()
                        .is_some_and(|t| t.starts_with(SITE_PACKAGES))
                {
                    item.text = Some(SITE_PACKAGES.to_owned());
                }
                // It is exactly that one in its turn.
                item.exact = item.text.is_some();
                self.bind_item(&f.target, item);
            }
            Stmt::With(w) => {
                for item in &w.items {
                    let value = self.eval(&item.context_expr);
                    if let Some(target) = &item.optional_vars {
                        self.archive_over(target, &item.context_expr, &value);
                        self.bind(target, value);
                    }
                }
            }
            Stmt::FunctionDef(f) => {
                // Decorators run where the function is defined.
                for d in &f.decorator_list {
                    refer_names(&mut self.reach, &d.expression);
                    // `@atexit.register` runs the function when the interpreter exits:
                    // as surely as a call where it is defined.
                    if self.class.is_empty()
                        && self
                            .eval(&d.expression)
                            .qual
                            .as_deref()
                            .is_some_and(tables::runs_when_decorated)
                    {
                        self.reach.called(f.name.as_str());
                    }
                }
                let outer = self.reach.current;
                if self.top_level() {
                    let id = match self.class.last() {
                        Some(c) => self.reach.lookup(&concat([c, ".", f.name.as_str()])),
                        None => self.reach.lookup(f.name.as_str()),
                    };
                    self.reach.current = id.unwrap_or(reach::UNKNOWN);
                }
                self.calls.values.get_mut().clear();
                self.scopes.push(Scope::default());
                self.bind_parameters(&f.parameters);
                // What callers hand it: where that goes says what the function does. A
                // replaced send function of an HTTP client is handed every request.
                // (A module-level function: its own scope is the second.)
                let hook = !self.request_hooks.is_empty()
                    && self.scopes.len() == 2
                    && self.class.is_empty()
                    && self.request_hooks.iter().any(|h| h == f.name.as_str());
                let handed = if hook {
                    Taint::PARAM | Taint::REQUEST
                } else {
                    Taint::PARAM
                };
                for p in &f.parameters {
                    let name = p.name().as_str();
                    if !matches!(name, "self" | "cls") {
                        // `request(self, method, url, body, headers)`: the parts themselves.
                        let secret = if hook && REQUEST_PARTS.contains(&name) {
                            Taint::SECRET
                        } else {
                            0
                        };
                        self.scope()
                            .vars
                            .insert(name.to_owned(), Val::tainted(handed | secret));
                    }
                }
                let outer_hook = std::mem::replace(&mut self.in_request_hook, hook);
                self.returns.push(Returns {
                    first_param: f
                        .parameters
                        .iter_non_variadic_params()
                        .next()
                        .map(|p| p.parameter.name.to_string()),
                    ..Returns::default()
                });
                visitor::walk_stmt(self, stmt);
                self.in_request_hook = outer_hook;
                self.finish_scope();
                self.scopes.pop();
                let mut returns = self.returns.pop().unwrap_or_default();
                // Secrets returned by a function of the module that reads credential
                // files itself, several of them (`found[rel] = fh.read()` over a list, a
                // profile folder walked, two stores read): gathered. One credential read
                // from its one file (`docker login`'s, split into user and password) is
                // the program's configuration, like a token from the environment.
                if returns.taint & Taint::SECRET != 0
                    && !returns.gathered
                    && self.reach.current < reach::UNKNOWN
                    && (self.gathering.contains(&self.reach.current)
                        || self
                            .facts
                            .behaviours
                            .iter()
                            .filter(|b| {
                                b.kind == BehaviourKind::SecretRead
                                    && b.function == self.reach.current
                            })
                            .nth(1)
                            .is_some())
                {
                    returns.gathered = true;
                }
                // A function of the module (or a method) returning secrets or host
                // details, for callers in other files that hand them to a sender.
                if returns.taint & (Taint::SECRET | Taint::HOST) != 0
                    && self.top_level()
                    && self.reach.current < reach::UNKNOWN
                    && !self.facts.secret_returns.contains(&self.reach.current)
                {
                    self.facts.secret_returns.push(self.reach.current);
                }
                let key = if self.class.is_empty() || self.scopes.len() > 1 {
                    f.name.to_string()
                } else {
                    concat([".", f.name.as_str()])
                };
                if returns.imports_param == Some(true) {
                    // Calls of it import the module they name: `_mod("socket")` is `socket`.
                    self.summaries
                        .insert(key, Val::qual(IMPORTS_PARAM.to_owned()));
                    self.calls.values.get_mut().clear();
                    self.reach.current = outer;
                    self.depth -= 1;
                    return;
                }
                let text = returns.text.filter(|_| !returns.mixed);
                // Secrets gathered (credential files, the whole environment) are
                // summarised: a stealer gathers in one function and sends in another.
                // A credential the program is configured with is not: a client's
                // `token()` is sent to its own service at every call.
                let kept = if returns.gathered {
                    u16::MAX
                } else {
                    !Taint::SECRET
                };
                let taint = kept
                    & returns.taint
                    & (Taint::DECODED
                        | Taint::DOWNLOADED
                        | Taint::DATA_FILE
                        | Taint::OBFUSCATED
                        | Taint::HOST
                        | Taint::SECRET);
                if taint != 0 || text.is_some() {
                    self.summaries.insert(
                        key,
                        Val {
                            exact: text.is_some(),
                            folded: text.is_some(),
                            text,
                            taint,
                            qual: None,
                        },
                    );
                } else if !self.summaries.is_empty() {
                    self.summaries.remove(&key);
                }
                self.calls.values.get_mut().clear();
                self.reach.current = outer;
                self.depth -= 1;
                return;
            }
            Stmt::ClassDef(c) if self.top_level() && self.class.is_empty() => {
                self.class.push(c.name.to_string());
                visitor::walk_stmt(self, stmt);
                self.class.pop();
                self.depth -= 1;
                return;
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.depth > MAX_NESTING {
            return;
        }
        self.depth += 1;
        match expr {
            Expr::Call(call) => {
                match &*call.func {
                    Expr::Name(n) => self.reach.called(n.id.as_str()),
                    Expr::Attribute(a) => self.reach.method_called(a.attr.as_str()),
                    _ => {}
                }
                for kw in &call.arguments.keywords {
                    match kw.arg.as_ref().map(|a| a.as_str()) {
                        Some("cmdclass") => self.on_cmdclass(&kw.value),
                        // `setup(scripts=[...])`: files installed as commands.
                        Some("scripts") => {
                            if let Expr::List(l) = &kw.value {
                                for e in &l.elts {
                                    if let Expr::StringLiteral(s) = e {
                                        self.facts.setup_scripts.push(s.value.to_str().to_owned());
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                // `out.append(x)`: the container holds x now; `x` XOR-ed is decoded. A
                // message holds what is set as its content.
                if let Expr::Attribute(a) = &*call.func
                    && matches!(
                        a.attr.as_str(),
                        "append"
                            | "extend"
                            | "insert"
                            | "appendleft"
                            | "add"
                            | "update"
                            | "set_content"
                            | "set_payload"
                            | "attach"
                            | "put"
                            | "put_nowait"
                    )
                    && matches!(&*a.value, Expr::Name(_) | Expr::Attribute(_))
                {
                    let mut taint = 0;
                    for arg in &call.arguments.args {
                        taint |= self.eval(arg).taint;
                        if fold::contains_xor(arg) {
                            taint |= Taint::DECODED | Taint::OBFUSCATED;
                        }
                    }
                    if self.in_request_hook
                        && taint & Taint::SECRET != 0
                        && self.request_copy.is_none()
                    {
                        self.request_copy = Some(call.range().start().to_u32());
                    }
                    self.add_taint(&a.value, taint);
                }
                if !self.archives.is_empty() {
                    self.archive_write(call);
                }
                tables::on_call(self, call);
            }
            Expr::StringLiteral(s) => {
                let text = s.value.to_str();
                tables::on_string(self, text, s.range().start().to_u32());
            }
            // Only once the file has read where the machine is.
            Expr::Compare(c)
                if self.place_seen.get()
                    || names_place(&c.left)
                    || c.comparators.first().is_some_and(names_place) =>
            {
                self.geofence(c);
            }
            Expr::Name(n) => {
                let id = n.id.as_str();
                if !id.is_ascii() && crate::mixes_scripts(id) {
                    self.push(
                        BehaviourKind::Obfuscation,
                        n.range().start().to_u32(),
                        format!("identifier '{id}' mixes Latin letters with look-alikes from other scripts"),
                    );
                }
                if id == "__pyarmor__" {
                    self.push(
                        BehaviourKind::Obfuscation,
                        n.range().start().to_u32(),
                        "PyArmor-protected code",
                    );
                }
            }
            // `[open(p, "a").write(x) for p in ("~/.bashrc", "~/.zshrc")]`: the
            // variable stands for each item, judged like a loop's.
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                for g in generators {
                    let iter = self.eval(&g.iter);
                    let mut item = Val::tainted(iter.taint);
                    item.text = self.alarming_item(&g.iter);
                    item.exact = item.text.is_some();
                    if item.taint != 0 || item.text.is_some() {
                        self.bind_item(&g.target, item);
                    }
                }
            }
            Expr::Lambda(l) => {
                self.calls.values.get_mut().clear();
                self.scopes.push(Scope::default());
                if let Some(p) = &l.parameters {
                    self.bind_parameters(p);
                }
                visitor::walk_expr(self, expr);
                self.finish_scope();
                self.scopes.pop();
                self.calls.values.get_mut().clear();
                self.depth -= 1;
                return;
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
        self.depth -= 1;
    }
}
