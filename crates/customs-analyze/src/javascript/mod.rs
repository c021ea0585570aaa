//! JavaScript and TypeScript: behaviours from oxc's syntax tree.
//!
//! The walker follows `require`/`import` bindings (destructuring included), member
//! chains with computed constant keys (`cp['ex' + 'ec']`), string concatenation and
//! template literals with constant parts, and the usual decoders (`Buffer.from(x,
//! 'base64')`, `atob`, `String.fromCharCode`, reversed or split-joined strings),
//! decoding constant payloads so that what they would run is analysed too. Taint is
//! tracked per *region* (the module's top level, or one top-level function with every
//! closure inside it), because the classic dropper spreads one flow across callbacks:
//! `https.get(url, res => res.on('end', () => eval(body)))`.
//!
//! Functions called where they are defined (IIFEs, the wrapper of most bundles and
//! droppers) count as top level: their code runs on `require`.

mod browser;
mod calls;
mod eval;
mod fold;
mod geofence;
pub(crate) use geofence::{COUNTRY_FIELDS, named_places};
mod hang;
mod inline;
mod wipe;

pub(crate) use fold::data_url_code;

use std::cell::{Cell, RefCell};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    self, ArrowFunctionExpression, BindingPattern, CallExpression, Expression, Function,
    IdentifierReference, ImportDeclaration, ImportDeclarationSpecifier, ModuleExportName,
    NewExpression, PropertyKey, StringLiteral, TemplateLiteral, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;
use oxc_syntax::scope::ScopeFlags;

use crate::reach::{self, TOP};
use crate::signals::{self, clip};
use crate::value::{Taint, Val, concat};
use crate::{BehaviourKind, FileFacts};

/// Deepest syntax nesting walked.
const MAX_NESTING: usize = 400;
/// Decoded payloads are analysed this many levels deep.
const MAX_PAYLOAD_DEPTH: u32 = 3;
/// obfuscator.io-style `_0x1a2b` identifiers needed to call a file obfuscated.
const HEX_IDENTIFIERS: usize = 20;

/// Analyses one JavaScript or TypeScript file; `path` picks the dialect.
#[must_use]
pub fn analyze(source: &str, path: &str) -> FileFacts {
    analyze_at(source, path, 0, 0)
}

fn analyze_at(source: &str, path: &str, base: u32, payload_depth: u32) -> FileFacts {
    if let Some(reason) = crate::unparsable(source, false) {
        return FileFacts::unread(reason, base);
    }
    let mut facts = FileFacts::default();
    let source_type = SourceType::from_path(path)
        .unwrap_or_else(|_| SourceType::cjs())
        .with_unambiguous(true);
    let allocator = Allocator::default();
    let options = ParseOptions {
        allow_return_outside_function: true,
        ..ParseOptions::default()
    };
    let ret = Parser::new(&allocator, source, source_type)
        .with_options(options)
        .parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        let first = ret
            .diagnostics
            .first()
            .map(|d| clip(&d.to_string(), 100))
            .unwrap_or_default();
        facts.parse_error = Some(if ret.panicked {
            // Code that cannot be read must not pass as clean: where it runs on install or
            // import it counts like code nested too deeply to parse.
            let reason = format!("does not parse ({first}); not analysed");
            facts.push(BehaviourKind::Obfuscation, true, base, reason.clone());
            reason
        } else {
            format!("parse errors ({first}); analysed what the parser recovered")
        });
    }
    let mut walker = Walker {
        facts,
        scopes: vec![HashMap::default()],
        function_depth: 0,
        nesting: 0,
        region: Region::default(),
        outer: Vec::new(),
        iife: HashSet::default(),
        request_callbacks: HashSet::default(),
        hex_identifiers: 0,
        base,
        payload_depth,
        path: path.to_owned(),
        reach: reach::Builder::new(),
        function_at: HashMap::default(),
        main_guard: 0,
        source,
        fn_texts: Vec::new(),
        frames: RefCell::new(Vec::new()),
        inline_depth: Cell::new(0),
        budget: Cell::new(inline::BUDGET),
        reparses: Cell::new(inline::REPARSES),
        network_callbacks: HashSet::default(),
        network_handlers: HashSet::default(),
        param_execs: Vec::new(),
        item_callbacks: HashMap::default(),
        browser: browser::Seen::default(),
        wipe: wipe::Seen::default(),
        decoder_callbacks: HashMap::default(),
        package_callees: Vec::new(),
        result_sends: Vec::new(),
        gathered: Vec::new(),
        whole_env: RefCell::new(Vec::new()),
        whole_env_reads: Cell::new(0),
        may_gather: Cell::new(false),
        secret_readers: Vec::new(),
        gathering: Vec::new(),
        later_callees: RefCell::new(Vec::new()),
        later_sends: Vec::new(),
        place_seen: Cell::new(false),
        try_depth: 0,
        iife_args: HashMap::default(),
        hook_wrappers: HashSet::default(),
        worth: inline::Worth::default(),
    };
    define_functions(&mut walker, &ret.program.body);
    walker.visit_program(&ret.program);
    walker.finish_region();
    browser::finish(&mut walker);
    wipe::finish(&mut walker);
    walker.finish_result_sends();
    walker.finish_later_sends();
    walker.finish_param_execs();
    walker.facts.reach = std::mem::take(&mut walker.reach).finish();
    if walker.hex_identifiers >= HEX_IDENTIFIERS {
        walker.facts.push(
            BehaviourKind::Obfuscation,
            true,
            base,
            format!(
                "obfuscator.io-style code: {} hexadecimal `_0x` identifiers",
                walker.hex_identifiers
            ),
        );
    }
    jsfuck(source, &mut walker.facts, base);
    padding(source, &mut walker.facts, base);
    walker.facts
}

/// Horizontal whitespace run that hides what follows it off screen.
const WIDE_PADDING: usize = 120;
/// Blank lines that push code out of sight below the end of the visible file.
const TALL_PADDING: usize = 300;

/// Code hidden by whitespace: a statement far to the right of a line after a long run of
/// spaces or tabs, or below hundreds of blank lines.
fn padding(source: &str, facts: &mut FileFacts, base: u32) {
    static SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| {
            memchr::memmem::Finder::new(&[b' '; WIDE_PADDING]).into_owned()
        });
    static TABS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| {
            memchr::memmem::Finder::new(&[b'\t'; WIDE_PADDING / 4]).into_owned()
        });
    let bytes = source.as_bytes();
    let wide = SPACES.find(bytes).is_some() || TABS.find(bytes).is_some();
    let lines = crate::long_lines(source, WIDE_PADDING + 8).filter(|_| wide);
    for (offset, line) in lines {
        let indent = line.len() - line.trim_start().len();
        let body = &line[indent..];
        let found = [&*SPACES, &*TABS].iter().find_map(|finder| {
            let at = finder.find(body.as_bytes())?;
            let rest = body[at..].trim_start();
            (!rest.is_empty() && !rest.starts_with("//") && !rest.starts_with('*')).then_some(at)
        });
        if let Some(at) = found {
            let hidden = body[at..].trim_start();
            let column = line.len() - hidden.len();
            facts.push(
                BehaviourKind::Obfuscation,
                true,
                base + u32::try_from(offset + column).unwrap_or(0),
                format!(
                    "code pushed {column} columns to the right by whitespace: {}",
                    clip(hidden, 60)
                ),
            );
            return;
        }
    }
    // Hundreds of blank lines hold runs of bare newlines; most files have none.
    if memchr::memmem::find(bytes, b"\n\n\n\n\n\n\n\n").is_none()
        && memchr::memmem::find(bytes, b"\n\r\n\r\n\r\n\r\n").is_none()
    {
        return;
    }
    let mut blank = 0usize;
    let mut start = 0usize;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[start..end];
        start = end + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            blank += 1;
            continue;
        }
        if blank >= TALL_PADDING {
            let offset = end - line.len();
            facts.push(
                BehaviourKind::Obfuscation,
                true,
                base + u32::try_from(offset).unwrap_or(0),
                format!(
                    "code placed after {blank} blank lines: {}",
                    clip(&String::from_utf8_lossy(line), 60)
                ),
            );
            return;
        }
        blank = 0;
    }
    let tail = &bytes[start.min(bytes.len())..];
    if blank >= TALL_PADDING && !tail.iter().all(u8::is_ascii_whitespace) {
        facts.push(
            BehaviourKind::Obfuscation,
            true,
            base + u32::try_from(start).unwrap_or(0),
            format!("code placed after {blank} blank lines"),
        );
    }
}

/// Declares the module's top-level functions before the walk (a call may come before
/// the definition it calls): function declarations, functions bound to a `const`,
/// class methods, and what `exports.x =`, `module.exports = ...` and `export` name.
fn define_functions(w: &mut Walker<'_>, body: &[ast::Statement<'_>]) {
    for stmt in body {
        match stmt {
            ast::Statement::FunctionDeclaration(f) => define_function(
                w,
                None,
                f.id.as_ref().map(|i| i.name.as_str()),
                f.span.start,
            ),
            ast::Statement::VariableDeclaration(v) => define_declarators(w, &v.declarations),
            ast::Statement::ClassDeclaration(c) => define_class(w, c),
            ast::Statement::ExpressionStatement(e) => {
                if let Expression::AssignmentExpression(a) = e.expression.get_inner_expression() {
                    define_export(w, &a.left, &a.right);
                }
            }
            ast::Statement::ExportDeclaration(e) => match &e.declaration {
                ast::Declaration::FunctionDeclaration(f) => define_function(
                    w,
                    None,
                    f.id.as_ref().map(|i| i.name.as_str()),
                    f.span.start,
                ),
                ast::Declaration::VariableDeclaration(v) => define_declarators(w, &v.declarations),
                ast::Declaration::ClassDeclaration(c) => define_class(w, c),
                _ => {}
            },
            ast::Statement::ExportDefaultDeclaration(e) => match &e.declaration {
                ast::ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
                    define_function(w, None, Some("default"), f.span.start);
                }
                ast::ExportDefaultDeclarationKind::ClassDeclaration(c) => define_class(w, c),
                other => {
                    if let Some(start) = other.as_expression().and_then(function_start) {
                        define_function(w, None, Some("default"), start);
                    }
                }
            },
            _ => {}
        }
    }
}

fn define_function(w: &mut Walker<'_>, class: Option<&str>, name: Option<&str>, start: u32) {
    if let Some(name) = name {
        let id = w.reach.define(class, name, start);
        w.function_at.entry(start).or_insert(id);
    }
}

fn define_declarators(w: &mut Walker<'_>, declarations: &[VariableDeclarator<'_>]) {
    for d in declarations {
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&d.id, &d.init)
            && let Some(start) = function_start(init)
        {
            define_function(w, None, Some(id.name.as_str()), start);
        }
    }
}

fn define_class(w: &mut Walker<'_>, c: &ast::Class<'_>) {
    let Some(class) = c.id.as_ref().map(|i| i.name.as_str().to_owned()) else {
        return;
    };
    for element in &c.body.body {
        if let ast::ClassElement::MethodDefinition(m) = element
            && let Some(name) = m.key.static_name()
        {
            define_function(w, Some(&class), Some(&name), m.value.span.start);
        }
    }
}

/// `exports.run = function () {}`, `module.exports.run = ...`, `module.exports =
/// function () {}` (the module's default) and `module.exports = { run() {} }`.
fn define_export(w: &mut Walker<'_>, left: &ast::AssignmentTarget<'_>, right: &Expression<'_>) {
    let Some(target) = left.as_member_expression() else {
        return;
    };
    let object = target.object().get_inner_expression();
    let property = target.static_property_name();
    let is_module =
        |e: &Expression<'_>| matches!(e, Expression::Identifier(i) if i.name == "module");
    let is_exports = |e: &Expression<'_>| match e {
        Expression::Identifier(i) => i.name == "exports",
        Expression::StaticMemberExpression(m) => {
            m.property.name == "exports" && is_module(&m.object)
        }
        _ => false,
    };
    if is_module(object) && property == Some("exports") {
        if let Some(start) = function_start(right) {
            define_function(w, None, Some("default"), start);
        } else if let Expression::ObjectExpression(o) = right.get_inner_expression() {
            for p in &o.properties {
                if let ast::ObjectPropertyKind::ObjectProperty(p) = p
                    && let (Some(name), Some(start)) =
                        (p.key.static_name(), function_start(&p.value))
                {
                    define_function(w, None, Some(&name), start);
                }
            }
        }
    } else if is_exports(object)
        && let (Some(name), Some(start)) = (property, function_start(right))
    {
        define_function(w, None, Some(name), start);
    }
}

/// `require.main === module` (or `==`, either way round).
fn is_main_guard(test: &Expression<'_>) -> bool {
    let Expression::BinaryExpression(b) = test.get_inner_expression() else {
        return false;
    };
    if !matches!(
        b.operator,
        oxc_syntax::operator::BinaryOperator::StrictEquality
            | oxc_syntax::operator::BinaryOperator::Equality
    ) {
        return false;
    }
    let is_module = |e: &Expression<'_>| matches!(e.get_inner_expression(), Expression::Identifier(i) if i.name == "module");
    let is_main = |e: &Expression<'_>| match e.get_inner_expression() {
        Expression::StaticMemberExpression(m) => {
            m.property.name == "main"
                && matches!(m.object.get_inner_expression(), Expression::Identifier(i) if i.name == "require")
        }
        _ => false,
    };
    (is_main(&b.left) && is_module(&b.right)) || (is_module(&b.left) && is_main(&b.right))
}

/// Where a function expression starts, for an expression that is one.
pub(crate) fn function_start(e: &Expression<'_>) -> Option<u32> {
    match e.get_inner_expression() {
        Expression::FunctionExpression(f) => Some(f.span.start),
        Expression::ArrowFunctionExpression(f) => Some(f.span.start),
        _ => None,
    }
}

/// `names.filter((n) => /^\.env(\..+)?$/.test(n))`: the items a list keeps by a pattern
/// are named by what the pattern spells out literally at its start (`.env`), so that a
/// loop over the files of a folder picked by name is read as reading those files.
fn picked_by_pattern(e: &Expression<'_>) -> Option<String> {
    let Expression::CallExpression(call) = e.get_inner_expression() else {
        return None;
    };
    let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
        return None;
    };
    if !matches!(m.property.name.as_str(), "filter" | "find") {
        return None;
    }
    let body = match call
        .arguments
        .first()?
        .as_expression()?
        .get_inner_expression()
    {
        Expression::ArrowFunctionExpression(f) => f.get_expression()?,
        _ => return None,
    };
    let Expression::CallExpression(test) = body.get_inner_expression() else {
        return None;
    };
    let Expression::StaticMemberExpression(t) = test.callee.get_inner_expression() else {
        return None;
    };
    let re = match (t.property.name.as_str(), t.object.get_inner_expression()) {
        ("test", Expression::RegExpLiteral(re)) => re,
        ("match", _) => match test
            .arguments
            .first()?
            .as_expression()?
            .get_inner_expression()
        {
            Expression::RegExpLiteral(re) => re,
            _ => return None,
        },
        _ => return None,
    };
    let literal = pattern_prefix(re.regex.pattern.text.as_str());
    (literal.len() >= 2).then_some(literal)
}

/// The literal text a regular expression anchored at the start spells before its first
/// operator: `^\.env(\..+)?$` gives `.env`.
fn pattern_prefix(pattern: &str) -> String {
    let Some(rest) = pattern.strip_prefix('^') else {
        return String::new();
    };
    let mut out = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) if n.is_ascii_punctuation() => out.push(n),
                _ => break,
            },
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '/') => out.push(c),
            _ => break,
        }
        // A quantifier applies to the last character: it is not certain to be there.
        if matches!(chars.peek(), Some('?' | '*' | '{')) {
            out.pop();
            break;
        }
    }
    out
}

/// JSFuck: long runs written only with `[]()!+`.
fn jsfuck(source: &str, facts: &mut FileFacts, base: u32) {
    for (offset, line) in crate::long_lines(source, 2000) {
        let line = line.as_bytes();
        let is_odd = |b: &u8| matches!(b, b'[' | b']' | b'(' | b')' | b'!' | b'+');
        // A sample rules out ordinary (minified) lines without a full pass.
        let sample = &line[..512];
        if sample.iter().filter(|b| is_odd(b)).count() * 100 < sample.len() * 90 {
            continue;
        }
        let odd = line.iter().filter(|b| is_odd(b)).count();
        if odd * 100 >= line.len() * 95 {
            facts.push(
                BehaviourKind::Obfuscation,
                true,
                base + u32::try_from(offset).unwrap_or(0),
                "JSFuck-encoded code (only []()!+ characters)",
            );
            return;
        }
    }
}

/// Binds `name` in `scope`; the name is copied only when the scope does not hold it yet
/// (a name bound again, in a loop or by reassignment, reuses its key).
fn set(scope: &mut HashMap<String, Val>, name: &str, value: Val) {
    match scope.get_mut(name) {
        Some(slot) => *slot = value,
        None => {
            scope.insert(name.to_owned(), value);
        }
    }
}

/// The flow region: the module's top level or one top-level function with its closures.
#[derive(Default)]
struct Region {
    /// Offset of a network fetch in the region.
    fetched: Option<u32>,
    /// Offset of a file write in the region.
    wrote: Option<u32>,
    /// The paths written in the region (as far as they fold, `*` for unknown parts), with
    /// the taint of the data written.
    written: Vec<(String, u16)>,
    /// Constant text written to files in the region (path, text), a few: code dropped
    /// to be run, read as code where a process or `require` runs the file.
    written_text: Vec<(String, String)>,
    /// Places that run, make executable or load a file, whether they are top level, what
    /// is done, and the file or command run (empty when unknown).
    runs: Vec<(u32, bool, String, String)>,
    /// Files downloaded by the commands the region runs, with the offset of the call that
    /// runs each command.
    downloads: Vec<(u32, String)>,
    /// A socket opened in the region.
    socket: Option<u32>,
    /// A shell started in the region (offset, top level).
    shell: Option<(u32, bool)>,
    /// Streams piped in the region.
    piped: bool,
}

struct Walker<'s> {
    facts: FileFacts,
    scopes: Vec<HashMap<String, Val>>,
    function_depth: usize,
    nesting: usize,
    region: Region,
    /// The module's region while a top-level function's region is open.
    outer: Vec<Region>,
    /// Spans (start offsets) of functions called where they are defined.
    iife: HashSet<u32>,
    /// Starts of request interceptors (`client.interceptors.request.use(fn)`): their
    /// parameter is every request the client sends.
    request_callbacks: HashSet<u32>,
    hex_identifiers: usize,
    base: u32,
    payload_depth: u32,
    path: String,
    /// The file's functions and who refers to whom.
    reach: reach::Builder,
    /// Function index by the start of its definition.
    function_at: HashMap<u32, u32>,
    /// Inside `if (require.main === module)`: runs when the file is run as a program.
    main_guard: usize,
    /// The file's text.
    source: &'s str,
    /// Source of small functions worth evaluating where they are called (decoders
    /// wrapped in a helper), bound as `#fn:N`.
    fn_texts: Vec<String>,
    /// Parameters and locals of the small functions being evaluated, innermost last.
    frames: RefCell<Vec<HashMap<String, Val>>>,
    /// How many small functions are being evaluated inside each other.
    inline_depth: Cell<u32>,
    /// Small-function evaluations left for this file.
    budget: Cell<u32>,
    /// Re-parses of small functions left for this file.
    reparses: Cell<u32>,
    /// Starts of functions passed as callbacks to network calls: their parameters carry
    /// data from the network.
    network_callbacks: HashSet<u32>,
    /// Functions of the file handed by name to a network call as its callback
    /// (`axios.get(u).catch(onError)`): what they are called with comes from the network.
    network_handlers: HashSet<u32>,
    /// Code runs of what a top-level function's parameters hold: offset, the function,
    /// and what runs it. Data from the network when the function is a network handler.
    param_execs: Vec<(u32, u32, String)>,
    /// Starts of callbacks of array methods on constant arrays, with what their first
    /// parameter stands for.
    item_callbacks: HashMap<u32, Val>,
    /// What the file does in the browser.
    browser: browser::Seen,
    /// What the file does to the folders it walks.
    wipe: wipe::Seen,
    /// Starts of callbacks of decoders (`lzma.decompress(blob, (out) => ..)`) handed
    /// encoded data, with the taint their parameters carry.
    decoder_callbacks: HashMap<u32, u16>,
    /// Functions of other files of the package this file calls (`./collect.collect`).
    package_callees: Vec<String>,
    /// Network sends of what such a function returned: offset, at top level, function.
    result_sends: Vec<(u32, bool, u32)>,
    /// Functions of the file (indexes into `reach`'s functions) that return secrets they
    /// gather: the credential files they read, the whole environment. Their calls'
    /// values are those secrets.
    gathered: Vec<u32>,
    /// Functions (or the top level) where the whole environment is read as one value.
    whole_env: RefCell<Vec<u32>>,
    /// How many times the whole environment was read as one value so far.
    whole_env_reads: Cell<u32>,
    /// The file can gather secrets: it loads a file system module, has read a secret or
    /// the whole environment. Calls of its functions are looked up only then.
    may_gather: Cell<bool>,
    /// Functions (or the top level) that read secrets (credential files, browser
    /// profiles, wallets), with what the first read was.
    secret_readers: Vec<(u32, String)>,
    /// Functions (or the top level) that gather secrets: read several places, a folder
    /// of them, or a path made of candidates.
    gathering: Vec<u32>,
    /// Functions of the file called above where they are written, whose calls' values
    /// carry [`Taint::LATER`].
    later_callees: RefCell<Vec<u32>>,
    /// Network sends of such values: offset, at top level, function.
    later_sends: Vec<(u32, bool, u32)>,
    /// A place of the machine (time zone, geolocated country) was read: comparisons are
    /// judged for geofencing from then on.
    place_seen: Cell<bool>,
    /// How many `try` blocks the code being walked sits in.
    try_depth: u32,
    /// What the functions called where they are written are handed, by their start
    /// (`(function (p) { p.request = ... })(window.ethereum)`).
    iife_args: HashMap<u32, Vec<Val>>,
    /// Starts of functions put in place of `fetch` or `XMLHttpRequest.prototype.send`:
    /// their parameters are what the page sends.
    hook_wrappers: HashSet<u32>,
    /// Where the file mentions what makes a small function worth keeping.
    worth: inline::Worth,
}

impl Walker<'_> {
    fn top_level(&self) -> bool {
        self.function_depth == 0 && self.main_guard == 0
    }

    /// A module loaded by name (`require('dns')`, `import dns from 'node:dns'`): the DNS
    /// resolver is a raw capability.
    fn loads_module(&mut self, specifier: &str, offset: u32) {
        let module = eval::module_name(specifier);
        if matches!(
            module.as_str(),
            "fs" | "fs/promises" | "fs-extra" | "graceful-fs" | "glob" | "fast-glob"
        ) {
            self.may_gather.set(true);
        }
        if matches!(module.as_str(), "dns" | "dns/promises") {
            self.push(
                BehaviourKind::RawCapability,
                offset,
                format!("loads the DNS resolver ({specifier})"),
            );
        }
    }

    fn push(&mut self, kind: BehaviourKind, offset: u32, detail: impl Into<String>) {
        let top = self.top_level();
        let detail = detail.into();
        if kind == BehaviourKind::SecretRead {
            self.may_gather.set(true);
            self.secret_read(&detail);
        }
        self.facts.push(kind, top, self.base + offset, detail);
        if !top && let Some(last) = self.facts.behaviours.last_mut() {
            last.function = self.reach.current;
        }
    }

    fn bind(&mut self, name: &str, value: Val) {
        if let Some(scope) = self.scopes.last_mut() {
            set(scope, name, value);
        }
    }

    fn lookup(&self, name: &str) -> Option<&Val> {
        self.scopes.iter().rev().find_map(|s| s.get(name))
    }

    /// Binds the names of a declaration pattern to what they destructure from `value`.
    fn bind_pattern(&mut self, pattern: &BindingPattern<'_>, value: &Val) {
        match pattern {
            BindingPattern::BindingIdentifier(id) => self.bind(id.name.as_str(), value.clone()),
            BindingPattern::ObjectPattern(obj) => {
                for prop in &obj.properties {
                    let key = match &prop.key {
                        PropertyKey::StaticIdentifier(id) => Some(id.name.as_str().to_owned()),
                        PropertyKey::StringLiteral(s) => Some(s.value.as_str().to_owned()),
                        _ => None,
                    };
                    let member = Val {
                        qual: match (&value.qual, &key) {
                            (Some(q), Some(k)) => Some(concat([q, ".", k])),
                            _ => None,
                        },
                        taint: value.taint,
                        ..Val::default()
                    };
                    self.bind_pattern(&prop.value, &member);
                }
            }
            BindingPattern::ArrayPattern(arr) => {
                for element in arr.elements.iter().flatten() {
                    self.bind_pattern(element, &Val::tainted(value.taint));
                }
            }
            BindingPattern::AssignmentPattern(assign) => self.bind_pattern(&assign.left, value),
        }
    }

    /// A behaviour found when a region closes, at `offset` in it: one in a function
    /// belongs to that function, so it runs where the function is reached from.
    fn push_region(&mut self, kind: BehaviourKind, top: bool, offset: u32, detail: String) {
        self.facts.push(kind, top, self.base + offset, detail);
        if !top && let Some(last) = self.facts.behaviours.last_mut() {
            last.function = self.reach.current;
        }
    }

    fn finish_region(&mut self) {
        // Fetched, written to disk, then run: one flow. A fetch and a process start
        // that share no file are not tied together (bundles do both, unrelated).
        let region = std::mem::take(&mut self.region);
        // A socket and a shell piped into each other: a reverse shell.
        if let (Some(_), Some((offset, top)), true) = (region.socket, region.shell, region.piped) {
            self.push_region(
                BehaviourKind::ReverseShell,
                top,
                offset,
                "a shell started with its input and output piped to a network socket".into(),
            );
        }
        // A file one command downloads, run by another call (`exec('curl -o x URL')`, then
        // `exec('./x')` or `chmod +x`).
        for (offset, top, what, target) in &region.runs {
            if let Some((_, file)) = region.downloads.iter().find(|(at, file)| {
                at != offset
                    && file.chars().any(|c| c.is_ascii_alphanumeric())
                    && !target.is_empty()
                    && runs_written_file(&[(file.clone(), Taint::DOWNLOADED)], target)
            }) {
                let detail = format!(
                    "a file downloaded by another command ({}) is {what}",
                    clip(file, 60)
                );
                self.push_region(BehaviourKind::DownloadExecute, *top, *offset, detail);
            }
        }
        if region.fetched.is_none() || region.wrote.is_none() {
            return;
        }
        for (offset, top, what, target) in region.runs {
            if !runs_written_file(&region.written, &target) {
                continue;
            }
            self.push_region(
                BehaviourKind::DownloadExecute,
                top,
                offset,
                format!("data fetched from the network is written to disk and {what}"),
            );
        }
    }

    fn enter_function(&mut self, start: u32) -> bool {
        let counted = !self.iife.contains(&start);
        if counted {
            if self.function_depth == 0 {
                self.reach.current = self
                    .function_at
                    .get(&start)
                    .copied()
                    .unwrap_or(reach::UNKNOWN);
                // A top-level function opens its own region; it sees what the module
                // fetched or wrote before it (a callback of a module-level request).
                let outer = std::mem::take(&mut self.region);
                self.region.fetched = outer.fetched;
                self.region.wrote = outer.wrote;
                self.region.written.clone_from(&outer.written);
                self.region.downloads.clone_from(&outer.downloads);
                self.region.socket = outer.socket;
                self.outer.push(outer);
            }
            self.function_depth += 1;
        }
        self.scopes.push(HashMap::default());
        counted
    }

    fn leave_function(&mut self, counted: bool) {
        self.scopes.pop();
        if counted {
            self.function_depth -= 1;
            if self.function_depth == 0 {
                self.finish_region();
                self.reach.current = TOP;
                self.region = self.outer.pop().unwrap_or_default();
            }
        }
    }

    /// The functions named among a call's arguments run (a callback that is called).
    fn reach_arguments(&mut self, arguments: &[ast::Argument<'_>]) {
        for a in arguments {
            if let ast::Argument::Identifier(id) = a {
                self.reach.called(id.name.as_str());
            }
        }
    }

    /// The top-level function being walked runs what its parameters hold as code.
    pub(crate) fn param_exec(&mut self, offset: u32, what: &str) {
        let f = self.reach.current;
        if f < reach::UNKNOWN && self.param_execs.len() < 16 {
            self.param_execs.push((offset, f, what.to_owned()));
        }
    }

    /// A network handler of the file that runs what it is handed: `const onError = (e)
    /// => new Function(e.response.data)()` given to `axios.get(u).catch(onError)` runs
    /// the body of the server's answer, wherever the handler is written.
    fn finish_param_execs(&mut self) {
        for (offset, f, what) in std::mem::take(&mut self.param_execs) {
            if !self.network_handlers.contains(&f) {
                continue;
            }
            let name = self
                .reach
                .name_of(f)
                .map(|n| format!(" through the handler '{n}'"))
                .unwrap_or_default();
            self.facts.push(
                BehaviourKind::DownloadExecute,
                false,
                self.base + offset,
                format!("data fetched from the network reaches {what}(){name}"),
            );
            if let Some(last) = self.facts.behaviours.last_mut() {
                last.function = f;
            }
        }
    }

    /// The top-level function being walked sends what its parameters hold.
    pub(crate) fn param_sends(&mut self) {
        let f = self.reach.current;
        if f < reach::UNKNOWN && !self.facts.param_sends.contains(&f) {
            self.facts.param_sends.push(f);
        }
    }

    /// `name[key] = value`, `name.push(value)`: the object or array bound to `name` now
    /// holds what was stored in it.
    fn store_into(&mut self, name: &str, value: &Expression<'_>) {
        if matches!(name, "exports" | "module" | "window" | "globalThis") {
            return;
        }
        let Some(old) = self.lookup(name) else { return };
        if !old.qual.as_deref().is_none_or(|q| q.starts_with("#obj.")) {
            return;
        }
        let taint = self.eval(value).taint;
        if taint & !old.taint != 0 {
            let mut v = old.clone();
            v.taint |= taint;
            // Where the name is defined, not in the callback storing into it.
            if let Some(scope) = self.scopes.iter_mut().rev().find(|s| s.contains_key(name)) {
                set(scope, name, v);
            }
        }
    }

    /// A call of `callee`, a function of another file of the package.
    pub(crate) fn package_call(&mut self, callee: &str) {
        if self.package_callees.len() < 32 && !self.package_callees.iter().any(|c| c == callee) {
            self.package_callees.push(callee.to_owned());
        }
    }

    /// A network send of what a function of another file of the package returned.
    pub(crate) fn result_send(&mut self, offset: u32) {
        if self.result_sends.len() < 16 {
            let top = self.top_level();
            let function = if top { reach::TOP } else { self.reach.current };
            self.result_sends.push((self.base + offset, top, function));
        }
    }

    /// The function being walked reads a secret (`detail` names what and where): a
    /// second place read makes it gather them.
    fn secret_read(&mut self, detail: &str) {
        let f = self.reach.current;
        if self
            .secret_readers
            .iter()
            .any(|(g, seen)| *g == f && seen != detail)
        {
            self.gathering_read();
        }
        if self.secret_readers.len() < 64 && !self.secret_readers.iter().any(|(g, _)| *g == f) {
            self.secret_readers.push((f, detail.to_owned()));
        }
    }

    /// The function being walked gathers secrets: reads several places, a folder of
    /// them, or a path made of candidates (a loop over credential files).
    pub(crate) fn gathering_read(&mut self) {
        let f = self.reach.current;
        if !self.gathering.contains(&f) && self.gathering.len() < 64 {
            self.gathering.push(f);
        }
    }

    /// A network send of what a function of the file written below the call returned.
    pub(crate) fn later_send(&mut self, offset: u32) {
        if self.later_sends.len() < 16 {
            let top = self.top_level();
            let function = if top { reach::TOP } else { self.reach.current };
            self.later_sends.push((self.base + offset, top, function));
        }
    }

    /// Sends of what functions written below their calls returned, where one of them
    /// turned out to gather secrets (`main()` sending what `collect()`, written after
    /// it, returns).
    fn finish_later_sends(&mut self) {
        if self.later_sends.is_empty() || self.gathered.is_empty() {
            return;
        }
        let later = self.later_callees.borrow();
        let Some(name) = later
            .iter()
            .find(|f| self.gathered.contains(f))
            .and_then(|&f| self.reach.name_of(f))
            .map(str::to_owned)
        else {
            return;
        };
        drop(later);
        for &(offset, top_level, function) in &self.later_sends {
            if self
                .facts
                .behaviours
                .iter()
                .any(|b| b.kind == BehaviourKind::SecretExfiltration && b.offset == offset)
            {
                continue;
            }
            self.facts.push(
                BehaviourKind::SecretExfiltration,
                top_level,
                offset,
                format!("sends what {name}() returns, secrets, over the network"),
            );
            if let Some(last) = self.facts.behaviours.last_mut() {
                last.function = function;
            }
        }
    }

    /// Each send of what a function of the package returned, paired with each such
    /// function the file calls: the package judges which of them return secrets.
    fn finish_result_sends(&mut self) {
        for &(offset, top_level, function) in &self.result_sends {
            for callee in &self.package_callees {
                self.facts.result_sends.push(crate::model::SecretCall {
                    callee: callee.clone(),
                    offset,
                    top_level,
                    function,
                });
            }
        }
    }

    /// A function of the file returns `value`: recorded for other files when it holds
    /// secrets ([`FileFacts::secret_returns`]), and for the file's own calls when they
    /// are secrets it gathers (several credential files read, a folder of them, the
    /// whole environment), not a credential it is configured with (a client's `token()`
    /// is sent to its own service at every call). Evaluated only once the file has read
    /// a secret or the whole environment, and only for the file's own functions.
    fn on_return(&mut self, value: &Expression<'_>) {
        let f = self.reach.current;
        if self.top_level() || f >= reach::UNKNOWN || self.gathered.contains(&f) {
            return;
        }
        // `return process.env`: the whole environment, handed on as it is.
        let env = matches!(value.get_inner_expression(), Expression::StaticMemberExpression(m)
            if m.property.name == "env"
                && matches!(m.object.get_inner_expression(), Expression::Identifier(p) if p.name == "process"));
        // Its own return, not a callback's inside it.
        let own = self.function_depth == 1 && self.gathered.len() < 64;
        let gathers =
            own && (env || self.gathering.contains(&f) || self.whole_env.borrow().contains(&f));
        let returns = !self.secret_readers.is_empty()
            && !self.facts.secret_returns.contains(&f)
            && self.facts.secret_returns.len() < 64;
        if !gathers && !returns {
            return;
        }
        // The whole environment read in the value returned (`Object.entries(process.env)
        // .filter(..)`), not one the function ran a tool with (`{ env: { ...process.env }
        // }`) and returned the output of.
        let before = self.whole_env_reads.get();
        let v = self.eval(value);
        let env = env || self.whole_env_reads.get() != before;
        if v.taint & Taint::SECRET == 0 && v.qual.as_deref() != Some("global.process.env") {
            return;
        }
        if gathers && (env || self.gathering.contains(&f)) {
            self.gathered.push(f);
        }
        if (returns || env) && !self.facts.secret_returns.contains(&f) {
            self.facts.secret_returns.push(f);
        }
    }

    /// A call handing secrets to `callee`, a function of the package.
    pub(crate) fn secret_call(&mut self, callee: &str, offset: u32) {
        if self.facts.secret_calls.len() < 256 {
            let call = crate::model::SecretCall::new(
                callee,
                self.base + offset,
                self.top_level(),
                self.reach.current,
            );
            self.facts.secret_calls.push(call);
        }
    }

    /// Decoded code started as a worker: judged as a payload when it does more than
    /// compute (an inlined worker of a bundle encodes images or compresses data).
    pub(crate) fn decoded_worker(&mut self, code: &str, offset: u32) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH || code.len() > 1 << 20 {
            return;
        }
        let inner = analyze_at(code, &self.path, 0, self.payload_depth + 1);
        if !inner
            .behaviours
            .iter()
            .any(|b| b.kind != BehaviourKind::Obfuscation)
        {
            return;
        }
        self.push(
            BehaviourKind::DecodeExecute,
            offset,
            "decoded data runs as the code of a worker",
        );
        for b in inner.behaviours {
            self.push(
                b.kind,
                offset,
                format!("in the decoded worker: {}", b.detail),
            );
        }
    }

    fn analyze_payload(&mut self, code: &str, offset: u32) {
        self.analyze_code(code, offset, "in the decoded payload");
    }

    /// Analyses code that this file runs (`label` says where it came from), each of its
    /// behaviours placed at `offset`.
    fn analyze_code(&mut self, code: &str, offset: u32, label: &str) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH || code.len() > 1 << 20 {
            return;
        }
        let inner = analyze_at(code, &self.path, 0, self.payload_depth + 1);
        for b in inner.behaviours {
            self.push(b.kind, offset, format!("{label}: {}", b.detail));
        }
    }

    /// A file this region wrote constant text into is run (`fs.writeFileSync(tmp,
    /// parts.join(''))`, then `fork(tmp)` or `spawn('node', [tmp])`): the text is code
    /// this file runs, analysed as such. `names` are the paths or words of the command.
    pub(crate) fn run_written(&mut self, names: &[&str], offset: u32) {
        if self.region.written_text.is_empty() {
            return;
        }
        let found = self.region.written_text.iter().find(|(path, _)| {
            names
                .iter()
                .any(|n| fold::same_file(path, n.trim_matches(['"', '\''])))
        });
        let Some((path, code)) = found.cloned() else {
            return;
        };
        let label = format!("in the code written to {} and run", clip(&path, 60));
        self.analyze_code(&code, offset, &label);
    }

    /// `return { ...result, source: src + CODE }`: what a module loader hook (node's
    /// `load` hook of `module.register()`, a require hook's compile) gives as a module's
    /// source, with constant code added to it. The code then runs in every module the hook
    /// loads, as soon as that module is loaded: analysed as code of this file's top level.
    /// Only the constant parts of a `+` given as `source` are read.
    fn source_added(&mut self, object: &ast::ObjectExpression<'_>, offset: u32) {
        let Some(source) = object.properties.iter().find_map(|p| match p {
            ast::ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().is_some_and(|k| k == "source") =>
            {
                Some(&p.value)
            }
            _ => None,
        }) else {
            return;
        };
        let Expression::BinaryExpression(sum) = source.get_inner_expression() else {
            return;
        };
        if sum.operator != oxc_syntax::operator::BinaryOperator::Addition
            || self.payload_depth >= MAX_PAYLOAD_DEPTH
        {
            return;
        }
        for part in [&sum.left, &sum.right] {
            let value = self.eval(part);
            let Some(code) = value
                .exact_text()
                .filter(|c| c.len() >= 24 && c.len() <= 1 << 20)
            else {
                continue;
            };
            let inner = analyze_at(code, &self.path, 0, self.payload_depth + 1);
            for b in inner.behaviours {
                self.facts.push(
                    b.kind,
                    true,
                    self.base + offset,
                    format!(
                        "in code a module loader hook adds to the source of the modules it loads: {}",
                        b.detail
                    ),
                );
            }
        }
    }

    /// Decoded code written to a file that is not the package's own (`fs.writeFileSync(
    /// core, inflate(blob))`): code planted where another program, or a later start,
    /// runs it. The payload is read as code; when it does something (talks to the
    /// network, reads secrets, starts processes, runs code), what it does is reported
    /// and the planting is persistence.
    pub(crate) fn planted_code(&mut self, code: &str, dest: &str, offset: u32) {
        if self.payload_depth >= MAX_PAYLOAD_DEPTH
            || code.len() > 1 << 20
            || dest.starts_with("<__file__>")
        {
            return;
        }
        let inner = analyze_at(code, &self.path, 0, self.payload_depth + 1);
        if inner.parse_error.is_some() {
            return;
        }
        let acts = inner.behaviours.iter().find(|b| {
            matches!(
                b.kind,
                BehaviourKind::Network
                    | BehaviourKind::SecretRead
                    | BehaviourKind::SecretExfiltration
                    | BehaviourKind::ProcessSpawn
                    | BehaviourKind::DownloadExecute
                    | BehaviourKind::DecodeExecute
                    | BehaviourKind::ReverseShell
            )
        });
        let Some(first) = acts else {
            return;
        };
        let doing = clip(&first.detail, 80);
        let place = if dest.is_empty() || dest == "*" {
            String::new()
        } else {
            format!(" ({})", clip(dest, 60))
        };
        self.push(
            BehaviourKind::Persistence,
            offset,
            format!("writes decoded code into a file{place} for something else to run; the code does: {doing}"),
        );
        for b in inner.behaviours {
            self.push(
                b.kind,
                offset,
                format!("in the decoded code written to a file: {}", b.detail),
            );
        }
    }

    fn check_identifier(&mut self, name: &str, offset: u32) {
        if name.len() >= 6
            && name.starts_with("_0x")
            && name[3..].bytes().all(|b| b.is_ascii_hexdigit())
        {
            self.hex_identifiers += 1;
        }
        if !name.is_ascii() && crate::mixes_scripts(name) {
            self.push(
                BehaviourKind::Obfuscation,
                offset,
                format!(
                    "identifier '{name}' mixes Latin letters with look-alikes from other scripts"
                ),
            );
        }
    }

    /// `const table = { a: 'spawn', b: 'child_process' }`: binds the constant properties
    /// so that `table.b` folds; the object is named `#obj.NAME`.
    fn bind_object(&mut self, name: &str, o: &ast::ObjectExpression<'_>, value: Val) -> Val {
        if o.properties.len() > 64 {
            return value;
        }
        let qual = concat(["#obj.", name]);
        for p in &o.properties {
            if let ast::ObjectPropertyKind::ObjectProperty(p) = p
                && matches!(
                    p.value.get_inner_expression(),
                    Expression::StringLiteral(_)
                        | Expression::NumericLiteral(_)
                        | Expression::ArrayExpression(_)
                        | Expression::TemplateLiteral(_)
                        | Expression::BinaryExpression(_)
                        | Expression::CallExpression(_)
                )
                && let Some(key) = p.key.static_name()
            {
                let v = self.eval(&p.value);
                if v.text.is_some() || v.qual.is_some() {
                    let member = concat([&qual, ".", &key]);
                    self.bind(&member, v);
                }
            }
        }
        Val {
            qual: Some(qual),
            ..value
        }
    }

    /// A value standing for a network request, response or socket.
    fn is_network_object(&self, v: &Val) -> bool {
        if v.taint & Taint::DOWNLOADED != 0 {
            return true;
        }
        let Some(q) = v.qual.as_deref() else {
            return false;
        };
        let q = crate::value::normalize(q);
        calls::is_network(&q)
    }

    /// Marks the functions passed to a network call (`https.get(url, (res) => ...)`,
    /// `socket.on('message', (buf) => ...)`, `fetch(u).then((r) => ...)`): their
    /// parameters carry data from the network.
    fn mark_network_callbacks(&mut self, callee: &Expression<'_>, arguments: &[ast::Argument<'_>]) {
        let starts: Vec<u32> = arguments
            .iter()
            .filter_map(|a| a.as_expression().and_then(function_start))
            .collect();
        let named = arguments
            .iter()
            .any(|a| matches!(a, ast::Argument::Identifier(id) if self.reach.lookup(id.name.as_str()).is_some()));
        if starts.is_empty() && !named {
            return;
        }
        let network = match callee.get_inner_expression() {
            Expression::StaticMemberExpression(m) => {
                let name = m.property.name.as_str();
                let array_method = matches!(
                    name,
                    "forEach" | "map" | "filter" | "some" | "every" | "find" | "flatMap"
                );
                // Callbacks of other methods are met everywhere in bundles: only the
                // names a request, response or socket takes callbacks by are evaluated.
                if !array_method
                    && !matches!(
                        name,
                        "then"
                            | "on"
                            | "once"
                            | "catch"
                            | "finally"
                            | "addListener"
                            | "addEventListener"
                            | "get"
                            | "request"
                            | "post"
                            | "connect"
                            | "createConnection"
                    )
                {
                    return;
                }
                // `import('node:https').then(({ request }) => ..)`: the callback is handed
                // the module.
                if name == "then"
                    && let Expression::ImportExpression(import) = m.object.get_inner_expression()
                    && let Expression::StringLiteral(source) = import.source.get_inner_expression()
                    && let Some(&first) = starts.first()
                {
                    let module = eval::module_name(source.value.as_str());
                    self.item_callbacks.insert(first, Val::qual(module));
                    return;
                }
                // `Object.keys(process.env).forEach((k) => bag[k] = process.env[k])`: each
                // item names a variable of the whole environment.
                if array_method
                    && self.lists_env(&m.object)
                    && let Some(&first) = starts.first()
                {
                    self.item_callbacks
                        .insert(first, Val::tainted(Taint::SECRET));
                    return;
                }
                if array_method
                    && !matches!(
                        m.object.get_inner_expression(),
                        Expression::Identifier(_) | Expression::ArrayExpression(_)
                    )
                {
                    return;
                }
                let receiver = self.eval(&m.object);
                // `['.npmrc', '.netrc'].forEach((n) => read(home + n))`: the callback's
                // first parameter stands for every item (its text lists them all).
                if matches!(
                    m.property.name.as_str(),
                    "forEach" | "map" | "filter" | "some" | "every" | "find" | "flatMap"
                ) && let Some(t) = receiver.exact_text()
                    && t.contains(fold::SEP)
                    && t.len() <= 4096
                    && let Some(&first) = starts.first()
                {
                    let items = Val {
                        text: Some(fold::words_text(t)),
                        exact: false,
                        taint: receiver.taint,
                        ..Val::default()
                    };
                    self.item_callbacks.insert(first, items);
                } else if receiver.taint & Taint::SECRET != 0
                    && receiver.text.is_none()
                    && let Some(&first) = starts.first()
                {
                    // The items of a list made from secrets (`Object.keys(env).filter(..)`).
                    self.item_callbacks
                        .insert(first, Val::tainted(receiver.taint));
                }
                self.is_network_object(&receiver)
                    || self.is_network_object(&self.member(
                        &receiver,
                        m.property.name.as_str(),
                        false,
                    ))
            }
            other => self.is_network_object(&self.eval(other)),
        };
        if network {
            self.network_callbacks.extend(starts);
            for a in arguments {
                if let ast::Argument::Identifier(id) = a
                    && let Some(f) = self.reach.lookup(id.name.as_str())
                {
                    self.network_handlers.insert(f);
                }
            }
        }
    }

    /// Functions handed to a call made where the module's own code runs, by a callee that
    /// calls them on its own and soon (a timer, a promise's `then`, an array method, a
    /// request, a file or process call of node, an event of a request, socket or of
    /// `process`, the factory an IIFE is given), run as the module's code does: they are
    /// walked as top level, and so are the callbacks nested in them the same way.
    /// Functions registered for later (route handlers, test bodies, CLI actions, any
    /// other method's callback) stay functions, judged by what reaches them.
    fn run_callbacks_now(&mut self, callee: &Expression<'_>, arguments: &[ast::Argument<'_>]) {
        if self.function_depth != 0 {
            return;
        }
        let starts: Vec<u32> = arguments
            .iter()
            .filter_map(|a| a.as_expression().and_then(function_start))
            .collect();
        if starts.is_empty() {
            return;
        }
        let runs = match callee.get_inner_expression() {
            // The factory of a UMD wrapper, and functions handed to any IIFE.
            e if callee_function_start(e).is_some() => true,
            // `client.interceptors.request.use(fn)`: runs at every request the client
            // sends, handed the request.
            Expression::StaticMemberExpression(m)
                if m.property.name == "use"
                    && matches!(m.object.get_inner_expression(),
                        Expression::StaticMemberExpression(r) if r.property.name == "request"
                            && matches!(r.object.get_inner_expression(),
                                Expression::StaticMemberExpression(i) if i.property.name == "interceptors")) =>
            {
                self.request_callbacks.extend(starts.iter().copied());
                true
            }
            // Electron's `session.webRequest.onBeforeSendHeaders(filter, fn)` and kin: runs
            // at every request the app sends, handed its details (headers, cookies).
            Expression::StaticMemberExpression(m)
                if m.property.name.starts_with("on")
                    && matches!(m.object.get_inner_expression(),
                        Expression::StaticMemberExpression(r) if r.property.name == "webRequest")
                    && matches!(
                        m.property.name.as_str(),
                        "onBeforeRequest"
                            | "onBeforeSendHeaders"
                            | "onSendHeaders"
                            | "onHeadersReceived"
                            | "onResponseStarted"
                            | "onBeforeRedirect"
                            | "onCompleted"
                            | "onErrorOccurred"
                    ) =>
            {
                self.request_callbacks.extend(starts.iter().copied());
                true
            }
            Expression::StaticMemberExpression(m) => match m.property.name.as_str() {
                "then" | "catch" | "finally" | "forEach" | "map" | "filter" | "some" | "every"
                | "find" | "findIndex" | "flatMap" | "reduce" => true,
                "on" | "once" | "addListener" => {
                    let receiver = self.eval(&m.object);
                    self.is_network_object(&receiver)
                        || receiver.qual.as_deref().is_some_and(|q| {
                            let q = crate::value::normalize(q);
                            q == "global.process"
                                || q.starts_with("global.process.std")
                                || calls::is_process(&q)
                        })
                }
                _ => self.runs_callbacks(&self.eval(callee)),
            },
            other => self.runs_callbacks(&self.eval(other)),
        };
        if runs {
            self.iife.extend(starts);
        }
    }

    /// A function of node that calls the callback it is given when its work is done.
    fn runs_callbacks(&self, func: &Val) -> bool {
        let Some(q) = func.qual.as_deref() else {
            return false;
        };
        let q = crate::value::normalize(q);
        matches!(
            &*q,
            "global.setTimeout"
                | "global.setInterval"
                | "global.setImmediate"
                | "global.queueMicrotask"
                | "global.process.nextTick"
                // A prompt's answer: a command-line program asks and goes on with it.
                | "readline.createInterface.question"
        ) || calls::is_network(&q)
            || calls::is_process(&q)
            || calls::is_fs(&q)
    }

    /// `Object.keys(process.env)`, `Object.entries(...)`, `Object.values(...)`: the whole
    /// environment, listed.
    fn lists_env(&self, e: &Expression<'_>) -> bool {
        let Expression::CallExpression(call) = e.get_inner_expression() else {
            return false;
        };
        let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
            return false;
        };
        matches!(&m.object.get_inner_expression(), Expression::Identifier(o) if o.name == "Object")
            && matches!(m.property.name.as_str(), "keys" | "entries" | "values")
            && call
                .arguments
                .first()
                .and_then(ast::Argument::as_expression)
                .is_some_and(|a| self.eval(a).qual.as_deref() == Some("global.process.env"))
    }

    /// Binds a function's parameters: unknown, or data from the network for a network
    /// callback, or the items of the array whose method a callback is given to.
    /// `lzma.decompress(blob, (out, err) => ..)`, `zlib.inflate(buf, (err, out) => ..)`:
    /// a decoder's callback receives what it decoded, when what it is handed is encoded
    /// data (decoded, downloaded or read from a data file) already.
    fn mark_decoder_callbacks(&mut self, callee: &Expression<'_>, arguments: &[ast::Argument<'_>]) {
        let Expression::StaticMemberExpression(m) = callee.get_inner_expression() else {
            return;
        };
        if !matches!(
            m.property.name.as_str(),
            "decode"
                | "decrypt"
                | "decompress"
                | "inflate"
                | "inflateRaw"
                | "gunzip"
                | "unzip"
                | "brotliDecompress"
                | "decipher"
                | "unpack"
        ) {
            return;
        }
        let Some(start) = arguments
            .iter()
            .filter_map(|a| a.as_expression().and_then(function_start))
            .next()
        else {
            return;
        };
        let mut taint = 0;
        for a in arguments {
            if let Some(e) = a.as_expression()
                && function_start(e).is_none()
            {
                taint |= self.eval(e).taint;
            }
        }
        let encoded = Taint::DECODED | Taint::DOWNLOADED | Taint::DATA_FILE;
        if taint & encoded != 0 {
            self.decoder_callbacks
                .insert(start, (taint & encoded) | Taint::DECODED);
        }
    }

    /// Notes what a function called where it is written is handed, when it is a name, a
    /// member or a constant (what a wrapper's parameter stands for: `window.ethereum`,
    /// `globalThis`); functions and objects handed to bundle wrappers are not evaluated.
    fn hand_to_iife(&mut self, start: u32, arguments: &[ast::Argument<'_>]) {
        if arguments.is_empty() || arguments.len() > 8 {
            return;
        }
        let args: Vec<Val> = arguments
            .iter()
            .map(
                |a| match a.as_expression().map(Expression::get_inner_expression) {
                    Some(
                        e @ (Expression::Identifier(_)
                        | Expression::StaticMemberExpression(_)
                        | Expression::StringLiteral(_)),
                    ) => self.eval(e),
                    _ => Val::default(),
                },
            )
            .collect();
        if args
            .iter()
            .any(|v| v.taint != 0 || v.qual.is_some() || v.text.is_some())
        {
            self.iife_args.insert(start, args);
        }
    }

    fn taint_network_parameters(&mut self, start: u32, params: &ast::FormalParameters<'_>) {
        // Parameters shadow whatever the same names are bound to outside.
        // Only names bound outside to something that matters need shadowing.
        for p in &params.items {
            if let BindingPattern::BindingIdentifier(id) = &p.pattern
                && self
                    .lookup(id.name.as_str())
                    .is_some_and(|v| v.taint != 0 || v.qual.is_some() || v.text.is_some())
            {
                self.bind(id.name.as_str(), Val::default());
            }
        }
        if self.hook_wrappers.contains(&start) {
            let page = Val::tainted(Taint::PAGE);
            for p in &params.items {
                self.bind_pattern(&p.pattern, &page);
            }
            return;
        }
        if !self.request_callbacks.is_empty() && self.request_callbacks.contains(&start) {
            let request = Val::tainted(Taint::REQUEST);
            for p in &params.items {
                self.bind_pattern(&p.pattern, &request);
            }
            return;
        }
        // A function called where it is written: its parameters are what it is handed.
        if let Some(args) = self.iife_args.remove(&start) {
            for (p, v) in params.items.iter().zip(args) {
                if let BindingPattern::BindingIdentifier(id) = &p.pattern {
                    self.bind(id.name.as_str(), v);
                }
            }
            return;
        }
        if let Some(items) = self.item_callbacks.remove(&start)
            && let Some(first) = params.items.first()
        {
            self.bind_pattern(&first.pattern, &items);
        }
        if let Some(taint) = self.decoder_callbacks.remove(&start) {
            let decoded = Val::tainted(taint);
            for p in &params.items {
                self.bind_pattern(&p.pattern, &decoded);
            }
            return;
        }
        if !self.network_callbacks.contains(&start) {
            // What a top-level function is handed, to see whether it sends it.
            if self.function_depth == 1 && self.reach.current < reach::UNKNOWN {
                for p in &params.items {
                    if let BindingPattern::BindingIdentifier(id) = &p.pattern
                        && !eval::is_global_name(id.name.as_str())
                    {
                        self.bind(id.name.as_str(), Val::tainted(Taint::PARAM));
                    }
                }
            }
            return;
        }
        let downloaded = Val::tainted(Taint::DOWNLOADED);
        for p in &params.items {
            self.bind_pattern(&p.pattern, &downloaded);
        }
    }

    fn on_text(&mut self, text: &str, offset: u32) {
        browser::on_text(self, text, offset);
        wipe::on_text(self, text);
        if let Some((what, url)) = signals::suspicious_destination(text) {
            self.push(
                BehaviourKind::SuspiciousDestination,
                offset,
                format!("{what}: {url}"),
            );
        }
        if signals::workflow_secret_dump(text) {
            self.push(
                BehaviourKind::SecretExfiltration,
                offset,
                "a CI workflow step that sends every repository secret (toJSON(secrets)) out",
            );
        }
        if !text.starts_with("data:")
            && let Some(kind) = signals::encoded_blob(text)
        {
            self.push(
                BehaviourKind::Obfuscation,
                offset,
                format!("{kind}-encoded blob of {} characters", text.len()),
            );
        } else if signals::hidden_text(text) {
            self.push(
                BehaviourKind::Obfuscation,
                offset,
                format!("text hidden in base64 ({} characters)", text.len()),
            );
        }
    }
}

/// The words of a command line as far as naming a program and the files it is given
/// goes: blank-separated, with surrounding quotes dropped. The command's own meaning is
/// judged by the shell analyser; this only compares names.
pub(crate) fn command_words(command: &str) -> Vec<String> {
    command
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '"' || c == '\'').to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Tools that unpack an archive: running one on a downloaded archive does not run what
/// was downloaded.
const EXTRACTORS: &[&str] = &[
    "tar", "bsdtar", "unzip", "7z", "7za", "gunzip", "gzip", "xz", "bunzip2",
];

/// Whether a run (`target`: the command or file, empty when unknown) runs one of the
/// files written: when either side is unknown it may; an archive tool unpacking a file is
/// not running it.
fn runs_written_file(written: &[(String, u16)], target: &str) -> bool {
    let words = command_words(target);
    let program = words
        .first()
        .map(|w| w.rsplit(['/', '\\']).next().unwrap_or(w))
        .unwrap_or_default();
    if EXTRACTORS.contains(&program.trim_end_matches(".exe")) {
        return false;
    }
    let known: Vec<&str> = written
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.chars().any(|c| c != '*' && c != '/'))
        .collect();
    if target.is_empty() || known.is_empty() {
        return true;
    }
    known
        .iter()
        .any(|p| words.iter().any(|w| fold::same_file(p, w)))
}

/// The body of a function called where it is written (an IIFE's callee, as
/// [`callee_function_start`] reads it).
fn callee_function_body<'e, 'a>(expr: &'e Expression<'a>) -> Option<&'e ast::FunctionBody<'a>> {
    match expr.get_inner_expression() {
        Expression::FunctionExpression(f) => f.body.as_deref(),
        Expression::ArrowFunctionExpression(f) => match &f.body {
            ast::ArrowFunctionBody::FunctionBody(body) => Some(body),
            _ => None,
        },
        Expression::StaticMemberExpression(m)
            if matches!(m.property.name.as_str(), "call" | "apply") =>
        {
            callee_function_body(&m.object)
        }
        _ => None,
    }
}

/// The callee of a call, with parentheses and TypeScript wrappers removed.
fn callee_function_start(expr: &Expression<'_>) -> Option<u32> {
    match expr.get_inner_expression() {
        Expression::FunctionExpression(f) => Some(f.span.start),
        Expression::ArrowFunctionExpression(f) => Some(f.span.start),
        // `(function(){}).call(this)` and `.apply(...)`.
        Expression::StaticMemberExpression(m)
            if matches!(m.property.name.as_str(), "call" | "apply") =>
        {
            callee_function_start(&m.object)
        }
        _ => None,
    }
}

impl<'a> Visit<'a> for Walker<'_> {
    fn visit_expression(&mut self, it: &Expression<'a>) {
        if self.nesting > MAX_NESTING {
            if self.facts.parse_error.is_none() {
                self.facts.parse_error =
                    Some("nested too deeply; the innermost code was not walked".into());
            }
            return;
        }
        self.nesting += 1;
        walk::walk_expression(self, it);
        self.nesting -= 1;
    }

    fn visit_if_statement(&mut self, it: &ast::IfStatement<'a>) {
        if self.function_depth == 0 && self.main_guard == 0 && is_main_guard(&it.test) {
            // Runs when the file is run as a program (`node cli.js`), not on `require`.
            self.visit_expression(&it.test);
            let outer = self.reach.current;
            self.reach.current = reach::MAIN;
            self.main_guard += 1;
            self.visit_statement(&it.consequent);
            self.main_guard -= 1;
            self.reach.current = outer;
            if let Some(alternate) = &it.alternate {
                self.visit_statement(alternate);
            }
            return;
        }
        walk::walk_if_statement(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        // A local `function fetch() {}` is not the global `fetch`.
        if let Some(id) = &it.id {
            let value = self.small_function(it.span).unwrap_or_default();
            self.bind(id.name.as_str(), value);
        }
        let counted = self.enter_function(it.span.start);
        self.taint_network_parameters(it.span.start, &it.params);
        walk::walk_function(self, it, flags);
        self.leave_function(counted);
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        let counted = self.enter_function(it.span.start);
        self.taint_network_parameters(it.span.start, &it.params);
        walk::walk_arrow_function_expression(self, it);
        if let Some(value) = it.get_expression() {
            self.on_return(value);
        }
        self.leave_function(counted);
    }

    /// `for (const k in process.env)`: the key names a variable of the whole environment,
    /// so what it indexes there is a secret as far as anyone can tell.
    fn visit_for_in_statement(&mut self, it: &ast::ForInStatement<'a>) {
        if let ast::ForStatementLeft::VariableDeclaration(d) = &it.left
            && let [declarator] = d.declarations.as_slice()
            && self.eval(&it.right).qual.as_deref() == Some("global.process.env")
        {
            self.bind_pattern(&declarator.id, &Val::tainted(Taint::SECRET));
        }
        walk::walk_for_in_statement(self, it);
    }

    /// `for (const dir of ['Desktop', 'Documents'])`: the loop variable stands for every
    /// item (its text lists them all), as a constant array's callback parameter does; the
    /// items of a tainted list carry its taint.
    fn visit_for_of_statement(&mut self, it: &ast::ForOfStatement<'a>) {
        if let ast::ForStatementLeft::VariableDeclaration(d) = &it.left
            && let [declarator] = d.declarations.as_slice()
        {
            let list = self.eval(&it.right);
            let item = match list.exact_text() {
                Some(t) if t.contains(fold::SEP) && t.len() <= 4096 => Some(Val {
                    text: Some(fold::words_text(t)),
                    exact: false,
                    taint: list.taint,
                    ..Val::default()
                }),
                _ if list.taint != 0 => Some(Val::tainted(list.taint)),
                _ => picked_by_pattern(&it.right).map(|name| Val {
                    text: Some(name),
                    exact: false,
                    taint: list.taint,
                    ..Val::default()
                }),
            };
            if let Some(item) = item {
                self.bind_pattern(&declarator.id, &item);
            }
        }
        walk::walk_for_of_statement(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            let mut value = self.eval(init);
            if let BindingPattern::BindingIdentifier(id) = &it.id {
                match init.get_inner_expression() {
                    Expression::ArrowFunctionExpression(f) => {
                        value = self.small_function(f.span).unwrap_or(value);
                    }
                    Expression::FunctionExpression(f) => {
                        value = self.small_function(f.span).unwrap_or(value);
                    }
                    Expression::ObjectExpression(o) => {
                        value = self.bind_object(id.name.as_str(), o, value);
                    }
                    _ => {}
                }
            }
            self.bind_pattern(&it.id, &value);
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &ast::AssignmentExpression<'a>) {
        if let ast::AssignmentTarget::AssignmentTargetIdentifier(id) = &it.left {
            let mut value = self.eval(&it.right);
            let old = self.lookup(id.name.as_str());
            if it.operator == ast::AssignmentOperator::Addition
                && let Some(old) = old
            {
                value.taint |= old.taint;
                value.text = None;
            }
            // `try { X = require('x') } catch { X = null }`: the fallback does not hide
            // what the name was bound to.
            let fallback = matches!(
                it.right.get_inner_expression(),
                Expression::NullLiteral(_) | Expression::BooleanLiteral(_)
            ) || matches!(it.right.get_inner_expression(), Expression::Identifier(i) if i.name == "undefined");
            if it.operator == ast::AssignmentOperator::Addition {
                // `body += chunk` in a stream's callback: the body accumulates where it is
                // declared, for the callback that later uses it.
                let name = id.name.as_str();
                match self.scopes.iter_mut().rev().find(|s| s.contains_key(name)) {
                    Some(scope) => set(scope, name, value),
                    None => self.bind(name, value),
                }
            } else if !(fallback && old.is_some_and(|o| o.qual.is_some())) {
                self.bind(id.name.as_str(), value);
            }
        } else if let Some(m) = it.left.as_member_expression() {
            // `bag[name] = secret`: the object now holds what was stored in it.
            if let Expression::Identifier(obj) = m.object().get_inner_expression() {
                self.store_into(obj.name.as_str(), &it.right);
            }
            browser::on_member_assignment(self, m, &it.right, it.span.start);
            // `socket.onmessage = (e) => ...`: the handler receives network data.
            if m.static_property_name()
                .is_some_and(|p| p.starts_with("on"))
                && let Some(start) = function_start(&it.right)
                && self.is_network_object(&self.eval(m.object()))
            {
                self.network_callbacks.insert(start);
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        let source = it.source.value.as_str();
        self.loads_module(source, it.span.start);
        self.facts.imports.push(source.to_owned());
        let module = eval::module_name(source);
        for spec in it.specifiers.iter().flatten() {
            match spec {
                ImportDeclarationSpecifier::ImportSpecifier(s) => {
                    let imported = match &s.imported {
                        ModuleExportName::IdentifierName(n) => n.name.as_str(),
                        ModuleExportName::IdentifierReference(n) => n.name.as_str(),
                        ModuleExportName::StringLiteral(n) => n.value.as_str(),
                    };
                    let qual = if imported == "default" {
                        module.clone()
                    } else {
                        concat([&module, ".", imported])
                    };
                    self.bind(s.local.name.as_str(), Val::qual(qual));
                }
                ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                    self.bind(s.local.name.as_str(), Val::qual(module.clone()));
                }
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                    self.bind(s.local.name.as_str(), Val::qual(module.clone()));
                }
            }
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_import_expression(&mut self, it: &ast::ImportExpression<'a>) {
        let v = self.eval(&it.source);
        match v.exact_text() {
            Some(t) if t.starts_with("data:") => {
                let code = fold::data_url_code(t);
                self.push(
                    BehaviourKind::DecodeExecute,
                    it.span.start,
                    "import() of a data: URL: code kept encoded in a string is run as a module",
                );
                if let Some(code) = code {
                    self.analyze_payload(&code, it.span.start);
                }
            }
            Some(t) => self.facts.imports.push(t.to_owned()),
            None => self.push(
                BehaviourKind::DynamicImport,
                it.span.start,
                "import() of a module named at run time",
            ),
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Some(start) = callee_function_start(&it.callee) {
            self.iife.insert(start);
            self.hand_to_iife(start, &it.arguments);
            // The IIFE's body is the module's top level: its functions are the file's.
            if self.function_depth == 0
                && let Some(body) = callee_function_body(&it.callee)
            {
                define_functions(self, &body.statements);
            }
        }
        match it.callee.get_inner_expression() {
            Expression::Identifier(id) => {
                self.reach.called(id.name.as_str());
                wipe::on_local_call(self, id.name.as_str(), &it.arguments);
            }
            Expression::StaticMemberExpression(m) => {
                let method = m.property.name.as_str();
                self.reach.method_called(method);
                // `module.exports()`: the module calls the function it exports.
                if method == "exports"
                    && matches!(m.object.get_inner_expression(), Expression::Identifier(o) if o.name == "module")
                {
                    self.reach.called("default");
                }
                // Callbacks that run: `.then(f)`, `stream.on('end', f)`.
                if matches!(method, "then" | "catch" | "finally" | "on" | "once") {
                    self.reach_arguments(&it.arguments);
                }
                // `found.push(secret)`: the array holds what was pushed.
                if matches!(method, "push" | "unshift")
                    && let Expression::Identifier(obj) = m.object.get_inner_expression()
                    && let [ast::Argument::Identifier(_) | ast::Argument::CallExpression(_)] =
                        it.arguments.as_slice()
                    && let Some(value) = it.arguments[0].as_expression()
                {
                    self.store_into(obj.name.as_str(), value);
                }
            }
            _ => {}
        }
        self.mark_network_callbacks(&it.callee, &it.arguments);
        self.mark_decoder_callbacks(&it.callee, &it.arguments);
        self.run_callbacks_now(&it.callee, &it.arguments);
        geofence::on_call(self, it);
        calls::on_call(self, it);
        walk::walk_call_expression(self, it);
    }

    fn visit_try_statement(&mut self, it: &ast::TryStatement<'a>) {
        self.try_depth += 1;
        self.visit_block_statement(&it.block);
        self.try_depth -= 1;
        if let Some(handler) = &it.handler {
            self.visit_catch_clause(handler);
        }
        if let Some(finalizer) = &it.finalizer {
            self.visit_block_statement(finalizer);
        }
    }

    fn visit_while_statement(&mut self, it: &ast::WhileStatement<'a>) {
        hang::on_loop(self, Some(&it.test), &it.body, it.span.start);
        walk::walk_while_statement(self, it);
    }

    fn visit_do_while_statement(&mut self, it: &ast::DoWhileStatement<'a>) {
        hang::on_loop(self, Some(&it.test), &it.body, it.span.start);
        walk::walk_do_while_statement(self, it);
    }

    fn visit_for_statement(&mut self, it: &ast::ForStatement<'a>) {
        hang::on_loop(self, it.test.as_ref(), &it.body, it.span.start);
        walk::walk_for_statement(self, it);
    }

    fn visit_binary_expression(&mut self, it: &ast::BinaryExpression<'a>) {
        geofence::on_binary(self, it);
        walk::walk_binary_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        if let Expression::Identifier(id) = it.callee.get_inner_expression() {
            self.reach.called(id.name.as_str());
            // `new Promise((resolve) => ...)`: the executor runs in the constructor.
            if id.name == "Promise" && self.function_depth == 0 {
                self.iife.extend(
                    it.arguments
                        .iter()
                        .filter_map(|a| a.as_expression().and_then(function_start)),
                );
            }
        }
        calls::on_new(self, it);
        walk::walk_new_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        self.on_text(it.value.as_str(), it.span.start);
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        if it.quasis.len() > 1 {
            let joined: String = it
                .quasis
                .iter()
                .map(|q| q.value.cooked.as_ref().map_or("", |c| c.as_str()))
                .collect::<Vec<_>>()
                .join("*");
            self.on_text(&joined, it.span.start);
        } else if let Some(q) = it.quasis.first() {
            let text = q
                .value
                .cooked
                .as_ref()
                .map_or("", |c| c.as_str())
                .to_owned();
            self.on_text(&text, it.span.start);
        }
        walk::walk_template_literal(self, it);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.check_identifier(it.name.as_str(), it.span.start);
    }

    fn visit_static_member_expression(&mut self, it: &ast::StaticMemberExpression<'a>) {
        wipe::on_member(self, &it.object, it.property.name.as_str());
        walk::walk_static_member_expression(self, it);
    }

    fn visit_computed_member_expression(&mut self, it: &ast::ComputedMemberExpression<'a>) {
        if let Expression::StringLiteral(key) = &it.expression {
            wipe::on_member(self, &it.object, key.value.as_str());
        }
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_return_statement(&mut self, it: &ast::ReturnStatement<'a>) {
        walk::walk_return_statement(self, it);
        if let Some(value) = &it.argument {
            self.on_return(value);
            if let Expression::ObjectExpression(o) = value.get_inner_expression() {
                self.source_added(o, it.span.start);
            }
        }
    }

    fn visit_reg_exp_literal(&mut self, it: &ast::RegExpLiteral<'a>) {
        browser::on_regex(self, it);
    }

    fn visit_binding_identifier(&mut self, it: &ast::BindingIdentifier<'a>) {
        self.check_identifier(it.name.as_str(), it.span.start);
    }
}
