//! What an expression refers to (a qualified name), what constant text it folds to,
//! and what taint it carries. Pure: evaluating never records behaviours.

use ruff_python_ast::{self as ast, Expr};

use super::Walker;
use super::fold::contains_xor;
use super::tables;
use crate::decode;
use crate::signals;
use crate::value::{Taint, Val, concat, env_value, normalize};

/// Builtins that keep their meaning when referred to by bare name.
fn is_builtin(name: &str) -> bool {
    // A match, not a list: every name evaluated that nothing binds is asked about.
    matches!(
        name,
        "exec"
            | "eval"
            | "compile"
            | "execfile"
            | "open"
            | "getattr"
            | "__import__"
            | "chr"
            | "ord"
            | "bytes"
            | "bytearray"
            | "str"
            | "dict"
            | "repr"
            | "globals"
            | "locals"
            | "vars"
            | "input"
            | "map"
            | "reversed"
            | "setattr"
            | "print"
    )
}

/// Modules whose name, used where nothing in the file binds it, still means the module:
/// the import happened elsewhere (a star import, a prelude run with `exec`, a module put
/// into `builtins` by another file) or the code is a fragment pasted into a package.
/// Whatever binds the name, what the call would run is the module's function. Only
/// modules whose functions the tables judge are listed.
fn is_unbound_module(name: &str) -> bool {
    // A match, not a list: every name evaluated that nothing binds is asked about.
    matches!(
        name,
        "os" | "subprocess"
            | "socket"
            | "base64"
            | "binascii"
            | "codecs"
            | "zlib"
            | "marshal"
            | "pickle"
            | "shutil"
            | "ctypes"
            | "winreg"
            | "urllib"
            | "urllib2"
            | "urllib3"
            | "requests"
            | "pyperclip"
    )
}

/// `a.b.c` for a chain of attributes on a name.
pub(crate) fn dotted(expr: &Expr) -> Option<String> {
    fn into(expr: &Expr, out: &mut String) -> bool {
        match expr {
            Expr::Name(n) => {
                out.push_str(n.id.as_str());
                true
            }
            Expr::Attribute(a) => {
                let ok = into(&a.value, out);
                out.push('.');
                out.push_str(a.attr.as_str());
                ok
            }
            _ => false,
        }
    }
    let mut out = String::new();
    into(expr, &mut out).then_some(out)
}

/// True when the expression calls `chr` (a `"".join(chr(x) for x in ...)` decoder).
fn contains_chr(expr: &Expr) -> bool {
    match expr {
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "chr")
                || (matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "map")
                    && c.arguments
                        .args
                        .first()
                        .is_some_and(|a| matches!(a, Expr::Name(n) if n.id.as_str() == "chr")))
        }
        Expr::Generator(g) => contains_chr(&g.elt),
        Expr::ListComp(g) => contains_chr(&g.elt),
        _ => false,
    }
}

/// [`Taint::DATA_FILE`] for a path inside the package (`os.path.join(os.path.dirname(__file__), ...)`).
fn data_file(path: Option<&str>) -> u16 {
    match path {
        Some(p) if p.starts_with("<__file__>/") => Taint::DATA_FILE,
        _ => 0,
    }
}

impl Walker {
    /// [`Taint::LOCALE`] for a read of the file that names the machine's time zone.
    fn zone_file(&self, path: Option<&str>) -> u16 {
        if path == Some("/etc/timezone") {
            self.place_seen.set(true);
            Taint::LOCALE
        } else {
            0
        }
    }
}

/// Characters joined with a separator (`sep.join(chars)`).
fn join_chars(chars: impl Iterator<Item = char>, sep: &str) -> String {
    let mut out = String::new();
    for (i, ch) in chars.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

fn number(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_i64(),
            _ => None,
        },
        _ => None,
    }
}

const MAX_EVAL_DEPTH: u32 = 48;

impl Walker {
    /// `{k: os.environ[k] for k in NAMES}` (or `os.getenv(k)`, `os.environ.get(k)`) where
    /// the loop walks names of credentials: the environment's secrets, collected.
    fn environ_of_secret_names(&self, value: &Expr, generators: &[ast::Comprehension]) -> bool {
        let secret_targets: Vec<&str> = generators
            .iter()
            .filter(|g| {
                self.alarming_item(&g.iter)
                    .is_some_and(|t| crate::signals::is_secret_env_name(&t))
            })
            .filter_map(|g| match &g.target {
                Expr::Name(n) => Some(n.id.as_str()),
                _ => None,
            })
            .collect();
        if secret_targets.is_empty() {
            return false;
        }
        let named =
            |e: &Expr| matches!(e, Expr::Name(n) if secret_targets.contains(&n.id.as_str()));
        match value {
            Expr::Subscript(s) => {
                self.eval(&s.value).qual.as_deref() == Some("os.environ") && named(&s.slice)
            }
            Expr::Call(c) => {
                matches!(
                    self.eval(&c.func).qual.as_deref(),
                    Some("os.getenv" | "os.environ.get")
                ) && c.arguments.args.first().is_some_and(named)
            }
            _ => false,
        }
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<Val> {
        self.lookup_ref(name).cloned()
    }

    /// The value bound to a name, not copied.
    fn lookup_ref(&self, name: &str) -> Option<&Val> {
        self.scopes.iter().rev().find_map(|s| s.vars.get(name))
    }

    /// The value bound to an attribute chain (`self.x = ...`, then `self.x`). Only
    /// scopes that bound such a chain are asked, and only then is its name spelled out.
    fn lookup_dotted(&self, expr: &Expr) -> Option<Val> {
        if !self.scopes.iter().any(|s| s.dotted) {
            return None;
        }
        let key = dotted(expr)?;
        self.scopes
            .iter()
            .rev()
            .filter(|s| s.dotted)
            .find_map(|s| s.vars.get(&key))
            .cloned()
    }

    /// What a call of a function of the file gives, from its return statements: a bare
    /// name not bound to anything else, or a method called on `self` or `cls`.
    fn summary(&self, callee: &Expr) -> Option<&Val> {
        if self.summaries.is_empty() {
            return None;
        }
        match callee {
            Expr::Name(n) => {
                let id = n.id.as_str();
                self.summaries
                    .get(id)
                    .filter(|_| self.scopes.iter().all(|s| !s.vars.contains_key(id)))
            }
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if matches!(n.id.as_str(), "self" | "cls")) => {
                self.summaries.get(&concat([".", a.attr.as_str()]))
            }
            _ => None,
        }
    }

    /// The taint of what this scope (or an enclosing one) wrote to the file at `path`:
    /// to a file of the same path, or to a file whose path is not known; any tainted
    /// write when the read's path is not known.
    pub(crate) fn stored(&self, path: Option<&str>) -> u16 {
        self.scopes
            .iter()
            .flat_map(|s| s.written.iter())
            .filter(|w| match (w.path.as_deref(), path) {
                (Some(w), Some(r)) => w == r,
                _ => true,
            })
            .fold(0, |t, w| t | w.taint)
    }

    pub(crate) fn eval(&self, expr: &Expr) -> Val {
        self.eval_at(expr, 0)
    }

    fn eval_at(&self, expr: &Expr, depth: u32) -> Val {
        if depth > MAX_EVAL_DEPTH {
            self.calls.truncated.set(true);
            return Val::default();
        }
        let d = depth + 1;
        match expr {
            Expr::StringLiteral(s) => Val::text(s.value.to_str()),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b
                    .value
                    .iter()
                    .flat_map(|p| p.value.iter().copied())
                    .collect();
                Val::text(String::from_utf8_lossy(&bytes).into_owned())
            }
            Expr::FString(f) => {
                let mut text = String::new();
                let mut exact = true;
                let mut taint = 0;
                for element in f.value.elements() {
                    match element {
                        ast::InterpolatedStringElement::Literal(l) => text.push_str(&l.value),
                        ast::InterpolatedStringElement::Interpolation(i) => {
                            let v = self.eval_at(&i.expression, d);
                            taint |= v.taint;
                            match v.exact_text() {
                                Some(t) => text.push_str(t),
                                None => {
                                    exact = false;
                                    text.push('*');
                                }
                            }
                        }
                    }
                }
                Val {
                    text: Some(text),
                    exact,
                    folded: true,
                    taint,
                    qual: None,
                }
            }
            Expr::Name(n) => {
                let id = n.id.as_str();
                if let Some(v) = self.lookup(id) {
                    return v;
                }
                match id {
                    "__builtins__" => Val::qual("builtins".into()),
                    "__file__" => Val {
                        text: Some("<__file__>".into()),
                        ..Val::default()
                    },
                    _ if is_builtin(id) => Val::qual(concat(["builtins.", id])),
                    _ if is_unbound_module(id) => Val::qual(id.to_owned()),
                    _ => Val::default(),
                }
            }
            Expr::Attribute(a) => {
                // A bound name as the base (`os.path`, `self.x`, `data.decode`) is read
                // where it is bound, not copied: what `eval_at` would give it.
                if d <= MAX_EVAL_DEPTH
                    && let Expr::Name(n) = &*a.value
                    && let Some(base) = self.lookup_ref(n.id.as_str())
                {
                    return self.attribute(expr, base, a.attr.as_str());
                }
                // `attribute` asks for a binding of the whole chain first.
                let base = self.eval_at(&a.value, d);
                self.attribute(expr, &base, a.attr.as_str())
            }
            Expr::Call(call) => {
                let key = std::ptr::from_ref(call) as usize;
                if let Some(v) = self.calls.values.borrow().get(&key) {
                    return v.clone();
                }
                let outer = self.calls.truncated.replace(false);
                let v = self.eval_call(call, d);
                if !self.calls.truncated.get() {
                    self.calls.values.borrow_mut().insert(key, v.clone());
                }
                self.calls
                    .truncated
                    .set(outer || self.calls.truncated.get());
                v
            }
            Expr::BinOp(b) => {
                let l = self.eval_at(&b.left, d);
                let r = self.eval_at(&b.right, d);
                let mut v = Val::tainted(l.taint | r.taint);
                match b.op {
                    ast::Operator::Add => {
                        if let (Some(lt), Some(rt)) = (&l.text, &r.text)
                            && lt.len() + rt.len() <= crate::value::MAX_TEXT
                        {
                            v.text = Some(concat([lt, rt]));
                            v.exact = l.exact && r.exact;
                            v.folded = true;
                        } else if let (Some(lt), None, None) = (&l.text, &r.text, &r.qual) {
                            // A known prefix and a part only known at run time
                            // (`URL + "?f=" + name`): where it goes is known, not exactly.
                            v.text = Some(concat([lt, "*"]));
                        } else if let (None, None, Some(rt)) = (&l.text, &l.qual, &r.text) {
                            v.text = Some(concat(["*", rt]));
                        }
                    }
                    ast::Operator::Div => {
                        v.text = Some(format!(
                            "{}/{}",
                            l.text.as_deref().unwrap_or("*"),
                            r.text.as_deref().unwrap_or("*")
                        ));
                        v.qual = l.qual.filter(|q| q.contains("Path"));
                    }
                    ast::Operator::Mod => {
                        v.text = l.text;
                    }
                    ast::Operator::BitXor => v.taint |= Taint::OBFUSCATED,
                    _ => {}
                }
                v
            }
            Expr::Subscript(s) => {
                let v = self.eval_at(&s.value, d);
                if let Expr::Slice(slice) = &*s.slice
                    && slice.lower.is_none()
                    && slice.upper.is_none()
                    && slice.step.as_deref().and_then(|st| match st {
                        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
                            number(&u.operand).map(|n| -n)
                        }
                        other => number(other),
                    }) == Some(-1)
                {
                    return Val {
                        text: v.text.map(|t| t.chars().rev().collect()),
                        exact: v.exact,
                        folded: true,
                        taint: v.taint | Taint::OBFUSCATED,
                        qual: None,
                    };
                }
                let key = self.eval_at(&s.slice, d);
                match (v.qual.as_deref(), key.exact_text()) {
                    (Some("os.environ"), Some(name)) => {
                        self.place_seen.set(self.place_seen.get() || name == "TZ");
                        host_env(name)
                    }
                    // The country a geolocation service answers with.
                    (_, Some(field))
                        if v.taint & Taint::DOWNLOADED != 0
                            && crate::javascript::COUNTRY_FIELDS.contains(&field) =>
                    {
                        self.place_seen.set(true);
                        Val::tainted(v.taint | Taint::LOCALE)
                    }
                    // `__builtins__` is a dict in imported modules; `sys.modules[...]`.
                    (Some("builtins"), Some(name)) => Val {
                        qual: Some(concat(["builtins.", name])),
                        folded: key.folded,
                        ..Val::default()
                    },
                    (Some("sys.modules"), Some(name)) => Val {
                        qual: Some(name.to_owned()),
                        folded: key.folded,
                        ..Val::default()
                    },
                    (Some(q), Some(name)) if q.ends_with(".__dict__") => Val {
                        qual: Some(concat([q.trim_end_matches(".__dict__"), ".", name])),
                        folded: key.folded,
                        ..Val::default()
                    },
                    (Some("builtins.globals" | "builtins.globals()"), Some("__builtins__")) => {
                        Val::qual("builtins".into())
                    }
                    _ => Val::tainted(v.taint),
                }
            }
            Expr::List(l) => self.eval_seq(l.elts.iter(), d),
            Expr::Tuple(t) => self.eval_seq(t.elts.iter(), d),
            Expr::Set(s) => self.eval_seq(s.elts.iter(), d),
            Expr::Dict(dict) => {
                let mut v = Val::default();
                for item in dict.iter() {
                    let value = self.eval_at(&item.value, d);
                    v.taint |= value.taint;
                    if value.qual.as_deref() == Some("os.environ") {
                        v.taint |= Taint::SECRET;
                    }
                }
                v
            }
            Expr::ListComp(c) => {
                let mut v = Val::tainted(self.eval_at(&c.elt, d).taint);
                for g in &c.generators {
                    v.taint |= self.eval_at(&g.iter, d).taint;
                }
                // `[p for p in paths if os.path.isfile(p)]`: some of the items, named as
                // the list names them (not exactly: which ones is known at run time).
                if let [g] = c.generators.as_slice()
                    && let (Expr::Name(item), Expr::Name(target)) = (&*c.elt, &g.target)
                    && item.id == target.id
                    && let Some(text) = self.eval_at(&g.iter, d).text
                {
                    v.text = Some(text);
                }
                if self.environ_of_secret_names(&c.elt, &c.generators) {
                    v.taint |= Taint::SECRET;
                }
                if contains_xor(&c.elt) {
                    v.taint |= Taint::DECODED | Taint::OBFUSCATED;
                }
                v
            }
            // `{k: v for k, v in os.environ.items() if ...}`: what it is built from.
            Expr::DictComp(c) => {
                let key = c.key.as_deref().map_or(0, |k| self.eval_at(k, d).taint);
                let mut v = Val::tainted(key | self.eval_at(&c.value, d).taint);
                for g in &c.generators {
                    v.taint |= self.eval_at(&g.iter, d).taint;
                }
                if self.environ_of_secret_names(&c.value, &c.generators) {
                    v.taint |= Taint::SECRET;
                }
                v
            }
            Expr::SetComp(c) => {
                let mut v = Val::tainted(self.eval_at(&c.elt, d).taint);
                for g in &c.generators {
                    v.taint |= self.eval_at(&g.iter, d).taint;
                }
                v
            }
            Expr::Generator(c) => {
                let mut v = Val::tainted(self.eval_at(&c.elt, d).taint);
                for g in &c.generators {
                    v.taint |= self.eval_at(&g.iter, d).taint;
                }
                if contains_xor(&c.elt) {
                    v.taint |= Taint::DECODED | Taint::OBFUSCATED;
                }
                v
            }
            Expr::If(i) => {
                let a = self.eval_at(&i.body, d);
                let b = self.eval_at(&i.orelse, d);
                Val {
                    taint: a.taint | b.taint,
                    ..if a.text.is_some() || a.qual.is_some() {
                        a
                    } else {
                        b
                    }
                }
            }
            Expr::BoolOp(b) => {
                let vals: Vec<Val> = b.values.iter().map(|e| self.eval_at(e, d)).collect();
                let taint = vals.iter().fold(0, |t, v| t | v.taint);
                let mut first = vals
                    .into_iter()
                    .find(|v| v.text.is_some() || v.qual.is_some())
                    .unwrap_or_default();
                first.taint = taint;
                first
            }
            Expr::Await(a) => self.eval_at(&a.value, d),
            Expr::Named(n) => self.eval_at(&n.value, d),
            Expr::Starred(s) => self.eval_at(&s.value, d),
            _ => Val::default(),
        }
    }

    /// The value of `base.attr` (`expr` is the attribute expression itself).
    fn attribute(&self, expr: &Expr, base: &Val, attr: &str) -> Val {
        if let Some(v) = self.lookup_dotted(expr) {
            return v;
        }
        let mut v = Val {
            qual: base.qual.as_ref().map(|q| concat([q, ".", attr])),
            taint: base.taint,
            ..Val::default()
        };
        if base.qual.as_deref() == Some("sys") && attr == "argv" {
            v.text = Some("<__file__>".into());
        }
        // What a request handed to a replaced send function carries.
        if base.taint & Taint::REQUEST != 0 && super::REQUEST_PARTS.contains(&attr) {
            v.taint |= Taint::SECRET;
        }
        // The machine's time zone: `time.tzname`, `time.localtime().tm_zone`.
        if (attr == "tzname" && base.qual.as_deref() == Some("time")) || attr == "tm_zone" {
            self.place_seen.set(true);
            v.taint |= Taint::LOCALE;
        }
        v
    }

    fn eval_seq<'e>(&self, elts: impl Iterator<Item = &'e Expr>, d: u32) -> Val {
        let mut v = Val {
            text: Some(String::new()),
            exact: true,
            ..Val::default()
        };
        for (i, e) in elts.enumerate() {
            let item = self.eval_at(e, d);
            v.taint |= item.taint;
            if item.qual.as_deref() == Some("os.environ") {
                v.taint |= Taint::SECRET;
            }
            // An item known in part (`os.path.join(here, "run.sh")`) still names what
            // a command runs; the whole is then no longer exact.
            v.exact &= item.exact;
            match (&mut v.text, item.text.as_deref()) {
                (Some(t), Some(s)) if t.len() + s.len() < crate::value::MAX_TEXT => {
                    if i > 0 {
                        t.push(' ');
                    }
                    t.push_str(s);
                }
                _ => v.exact = false,
            }
        }
        v
    }

    fn eval_call(&self, call: &ast::ExprCall, d: u32) -> Val {
        // The receiver is evaluated once and the callee derived from it: evaluating
        // both would double the work at every link of a method chain.
        let evaluated;
        let (func, receiver, method) = match &*call.func {
            Expr::Attribute(a) => {
                // A bound name is read where it is bound (what `eval_at` would copy).
                let bound = match &*a.value {
                    Expr::Name(n) if d <= MAX_EVAL_DEPTH => self.lookup_ref(n.id.as_str()),
                    _ => None,
                };
                let receiver: &Val = if let Some(r) = bound {
                    r
                } else {
                    evaluated = self.eval_at(&a.value, d);
                    &evaluated
                };
                (
                    self.attribute(&call.func, receiver, a.attr.as_str()),
                    Some(receiver),
                    a.attr.as_str(),
                )
            }
            other => (self.eval_at(other, d), None, ""),
        };
        let args: Vec<Val> = call
            .arguments
            .args
            .iter()
            .map(|a| self.eval_at(a, d))
            .collect();
        let mut taint = receiver.map_or(0, |r| r.taint);
        for a in &args {
            taint |= a.taint;
        }
        for k in &call.arguments.keywords {
            taint |= self.eval_at(&k.value, d).taint;
        }
        let qual_text = func.qual.as_deref().map(normalize).unwrap_or_default();
        let qual: &str = &qual_text;
        let arg_text = |i: usize| args.get(i).and_then(|a| a.text.clone());
        let exact_arg = |i: usize| args.get(i).and_then(Val::exact_text);
        if args.iter().any(|a| a.qual.as_deref() == Some("os.environ")) {
            taint |= Taint::SECRET;
        }
        // A listing of a credential folder (`glob.glob('~/.mozilla/firefox/*')`): the
        // paths of what it holds, through which a caller reads or uploads it.
        if matches!(
            qual,
            "glob.glob" | "glob.iglob" | "os.listdir" | "os.scandir" | "os.walk"
        ) && let Some(path) = args.first().and_then(|a| a.text.as_deref())
            && crate::signals::secret_path(path).is_some()
        {
            taint |= Taint::SECRET;
        }

        // A function of the file: what its return statements give.
        if func.qual.is_none()
            && func.text.is_none()
            && let Some(summary) = self.summary(&call.func)
        {
            if summary.qual.as_deref() == Some(super::IMPORTS_PARAM) {
                return match args.first().and_then(Val::exact_text) {
                    Some(name) => Val {
                        qual: Some(name.to_owned()),
                        folded: args[0].folded,
                        ..Val::default()
                    },
                    None => Val::tainted(taint),
                };
            }
            return Val {
                taint: taint | summary.taint,
                ..summary.clone()
            };
        }
        // `ctx.wrap_socket(sock)`, `ssl.wrap_socket(sock)`: the same connection under
        // TLS, whose `send`/`sendall` send what the socket would.
        if method == "wrap_socket"
            && let Some(sock) = args.first()
            && sock
                .qual
                .as_deref()
                .is_some_and(|q| q.starts_with("socket."))
        {
            return Val {
                taint: taint | sock.taint,
                ..sock.clone()
            };
        }
        // What the process reads from its input (a line protocol over stdin or a pipe it
        // was handed), unlike a file of the package or a download.
        let stdin = qual.starts_with("sys.stdin.") || qual == "builtins.input";
        let line_read = matches!(method, "readline" | "readlines")
            && receiver.is_some_and(|r| {
                r.text.is_none()
                    && r.taint & (Taint::DATA_FILE | Taint::DOWNLOADED | Taint::SOCKET) == 0
            })
            && self.stored(None) == 0;
        if (stdin && matches!(method, "read" | "readline" | "readlines" | "input" | ""))
            || line_read
        {
            return Val::returned(func.qual.as_deref(), taint | Taint::INPUT);
        }

        // Reads of a file: what was written to it in this scope, and whether it is a
        // file shipped in the package.
        if matches!(
            method,
            "read" | "readlines" | "readline" | "read_bytes" | "read_text"
        ) && let Some(r) = &receiver
            && !qual.starts_with("pathlib.")
        {
            let path = r.text.as_deref();
            return Val::returned(
                func.qual.as_deref(),
                taint | self.stored(path) | data_file(path) | self.zone_file(path),
            );
        }
        if matches!(qual, "builtins.bytes" | "builtins.bytearray")
            && let [arg] = call.arguments.args.as_ref()
            && !matches!(arg, Expr::StringLiteral(_) | Expr::BytesLiteral(_))
            && let Some(ints) = self.ints_of(arg)
        {
            let bytes: Option<Vec<u8>> = ints.iter().map(|&b| u8::try_from(b).ok()).collect();
            if let Some(text) = bytes.and_then(|b| String::from_utf8(b).ok()) {
                return Val {
                    text: Some(text),
                    exact: true,
                    folded: true,
                    taint: taint | Taint::OBFUSCATED,
                    qual: None,
                };
            }
        }
        // A local object serialised: whatever it was made from, unpickling these bytes
        // gives the object back, not code from elsewhere.
        if matches!(
            qual,
            "pickle.dumps" | "cPickle.dumps" | "_pickle.dumps" | "dill.dumps" | "cloudpickle.dumps"
        ) {
            return Val::returned(
                func.qual.as_deref(),
                taint & !(Taint::DOWNLOADED | Taint::DECODED),
            );
        }
        if qual == "pkgutil.get_data"
            || qual.starts_with("importlib.resources.")
            || qual.starts_with("importlib_resources.")
            || qual.starts_with("pkg_resources.resource_")
        {
            return Val::returned(func.qual.as_deref(), taint | Taint::DATA_FILE);
        }

        // Name resolution through the dynamic-lookup builtins.
        match qual {
            "builtins.getattr" => {
                if let (Some(obj), Some(name)) = (args.first(), exact_arg(1)) {
                    let base = obj.qual.as_deref().unwrap_or("?");
                    return Val {
                        qual: Some(concat([base, ".", name])),
                        folded: args[1].folded,
                        // What an object carries, its attributes carry (a parameter's
                        // `getattr(msg, "text")` is the caller's data).
                        taint: obj.taint,
                        ..Val::default()
                    };
                }
            }
            "builtins.__import__" | "importlib.import_module" | "importlib.__import__" => {
                if let Some(name) = exact_arg(0) {
                    return Val {
                        qual: Some(name.to_owned()),
                        folded: args[0].folded,
                        ..Val::default()
                    };
                }
            }
            // `vars(module)` is the module's namespace.
            "builtins.vars" if let Some(q) = args.first().and_then(|a| a.qual.as_deref()) => {
                return Val::qual(concat([q, ".__dict__"]));
            }
            "builtins.globals" | "builtins.vars" | "builtins.locals" => {
                return Val::qual("builtins.globals()".into());
            }
            "builtins.chr" => {
                let c = call
                    .arguments
                    .args
                    .first()
                    .and_then(|a| self.int_of(a, &[]));
                return Val {
                    text: c
                        .and_then(|n| u32::try_from(n).ok())
                        .and_then(char::from_u32)
                        .map(String::from),
                    exact: c.is_some(),
                    folded: true,
                    taint: taint | Taint::OBFUSCATED,
                    qual: None,
                };
            }
            _ => {}
        }

        // Decoders.
        if let Some(scheme) = tables::decoder(qual, method, &args) {
            let source = if qual.is_empty() || tables::is_method_decoder(method) {
                receiver.and_then(Val::exact_text).or_else(|| exact_arg(0))
            } else {
                exact_arg(0)
            };
            let decoded = source.and_then(|s| decode::decode_text(scheme, s));
            return Val {
                exact: decoded.is_some(),
                text: decoded,
                folded: true,
                // Decoding what the process was sent unpacks nothing of the package's.
                taint: if taint & Taint::INPUT == 0 {
                    taint | Taint::DECODED
                } else {
                    taint
                },
                qual: None,
            };
        }
        if method == "join"
            && let Some(sep) = receiver.and_then(Val::exact_text)
        {
            let arg = call.arguments.args.first();
            let mut v = Val {
                folded: true,
                taint,
                ..Val::default()
            };
            if arg.is_some_and(contains_chr) {
                v.taint |= Taint::OBFUSCATED;
            }
            match arg {
                Some(
                    Expr::List(ast::ExprList { elts, .. })
                    | Expr::Tuple(ast::ExprTuple { elts, .. }),
                ) if args.first().is_some_and(|a| a.exact) => {
                    // Each item again, joined with the separator (eval_seq joined them
                    // with spaces, which items may contain).
                    let items: Option<Vec<String>> = elts
                        .iter()
                        .map(|e| self.eval_at(e, d).exact_text().map(str::to_owned))
                        .collect();
                    if let Some(items) = items
                        && items.iter().map(String::len).sum::<usize>() <= crate::value::MAX_TEXT
                    {
                        v.text = Some(items.join(sep));
                        v.exact = true;
                    }
                }
                Some(Expr::Call(c))
                    if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "reversed")
                        && c.arguments.args.len() == 1 =>
                {
                    if let Some(t) = self.eval_at(&c.arguments.args[0], d).exact_text() {
                        v.text = Some(join_chars(t.chars().rev(), sep));
                        v.exact = true;
                        v.taint |= Taint::OBFUSCATED;
                    }
                }
                Some(other) => {
                    if let Some(text) = self.chars_of(other) {
                        v.text = Some(join_chars(text.chars(), sep));
                        v.exact = true;
                        v.taint |= Taint::OBFUSCATED;
                    }
                }
                None => {}
            }
            return v;
        }
        if method == "replace"
            && let (Some(base), Some(from), Some(to)) = (
                receiver.and_then(Val::exact_text),
                exact_arg(0),
                exact_arg(1),
            )
        {
            return Val {
                text: Some(base.replace(from, to)),
                exact: true,
                folded: true,
                taint,
                qual: None,
            };
        }
        if matches!(
            method,
            "format" | "strip" | "lower" | "upper" | "encode" | "decode" | "rstrip" | "lstrip"
        ) && let Some(r) = &receiver
            && r.text.is_some()
        {
            return Val {
                text: r.text.clone(),
                exact: r.exact && method != "format",
                folded: r.folded,
                taint,
                qual: None,
            };
        }

        // Paths, environment and files.
        match qual {
            // Where every installed package's code lies.
            "site.getsitepackages"
            | "site.getusersitepackages"
            | "distutils.sysconfig.get_python_lib" => {
                return Val {
                    text: Some(super::SITE_PACKAGES.into()),
                    taint,
                    ..Val::default()
                };
            }
            "sysconfig.get_path" if matches!(exact_arg(0), Some("purelib" | "platlib")) => {
                return Val {
                    text: Some(super::SITE_PACKAGES.into()),
                    taint,
                    ..Val::default()
                };
            }
            "os.path.join" | "posixpath.join" | "ntpath.join" | "pathlib.Path.joinpath" => {
                let parts: Vec<String> = (0..args.len())
                    .map(|i| arg_text(i).unwrap_or_else(|| "*".into()))
                    .collect();
                return Val {
                    text: Some(parts.join("/")),
                    taint,
                    ..Val::default()
                };
            }
            "os.path.expanduser" | "os.path.expandvars" | "os.path.abspath"
            | "os.path.realpath" | "os.path.normpath" | "os.path.dirname" | "os.fspath"
            | "builtins.str" | "os.path.basename" => {
                return Val {
                    text: arg_text(0),
                    exact: args.first().is_some_and(|a| a.exact),
                    taint,
                    ..Val::default()
                };
            }
            "pathlib.Path" | "pathlib.PurePath" | "pathlib.PosixPath" | "pathlib.WindowsPath" => {
                return Val {
                    qual: Some("pathlib.Path()".into()),
                    text: Some(
                        (0..args.len().max(1))
                            .map(|i| arg_text(i).unwrap_or_else(|| "*".into()))
                            .collect::<Vec<_>>()
                            .join("/"),
                    ),
                    taint,
                    ..Val::default()
                };
            }
            // A request object carries its address to whatever opens it
            // (`urlopen(Request(url, data=...))`).
            "urllib.request.Request" | "urllib2.Request" | "requests.Request" => {
                let url = arg_text(0).or_else(|| {
                    call.arguments
                        .keywords
                        .iter()
                        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "url"))
                        .and_then(|k| self.eval_at(&k.value, d).text)
                });
                return Val {
                    qual: Some(concat([qual, "()"])),
                    text: url,
                    taint,
                    ..Val::default()
                };
            }
            "pathlib.Path.home" | "os.path.expanduser.~" => {
                return Val {
                    qual: Some("pathlib.Path()".into()),
                    text: Some("~".into()),
                    ..Val::default()
                };
            }
            "os.getenv" | "os.environ.get" => {
                if let Some(name) = exact_arg(0) {
                    self.place_seen.set(self.place_seen.get() || name == "TZ");
                    return host_env(name);
                }
            }
            "os.environ.copy" | "os.environ.items" | "os.environ.values" | "os.environ.keys" => {
                return Val::tainted(Taint::SECRET);
            }
            // Who and where the host is: what a dependency-confusion probe or a beacon
            // reports (the JavaScript analyser treats `os.hostname()` alike).
            "socket.gethostname" | "socket.getfqdn" | "getpass.getuser" | "os.getlogin"
            | "os.uname" | "platform.node" | "platform.uname" => {
                return Val::returned(Some(qual), taint | Taint::HOST);
            }
            _ if RECON_OUTPUT.contains(&qual)
                && args
                    .first()
                    .and_then(|a| a.text.as_deref())
                    .is_some_and(is_recon_command) =>
            {
                return Val::returned(Some(qual), taint | Taint::HOST);
            }
            "builtins.open" | "io.open" | "codecs.open" | "pathlib.Path.open" => {
                let path = if qual == "pathlib.Path.open" {
                    receiver.and_then(|r| r.text.clone())
                } else {
                    arg_text(0)
                };
                let secret = path.as_deref().and_then(signals::secret_path).is_some();
                let data = data_file(path.as_deref());
                return Val {
                    qual: Some("#file".into()),
                    text: path,
                    taint: taint | data | if secret { Taint::SECRET } else { 0 },
                    ..Val::default()
                };
            }
            "pathlib.Path.read_text" | "pathlib.Path.read_bytes" => {
                let path = receiver.and_then(|r| r.text.as_deref());
                let secret = path.and_then(signals::secret_path).is_some();
                return Val::tainted(
                    taint
                        | self.stored(path)
                        | data_file(path)
                        | self.zone_file(path)
                        | if secret { Taint::SECRET } else { 0 },
                );
            }
            _ => {}
        }
        if tables::is_socket_factory(qual) {
            return Val::returned(Some(qual), taint | Taint::SOCKET);
        }
        if tables::is_fetch(qual) {
            return Val::returned(Some(qual), taint | Taint::DOWNLOADED);
        }
        // What a library makes of an image or a sound shipped in the package
        // (`lsb.reveal("cover.png")`, `Image.open("logo.png").getdata()`) is data
        // recovered from a data file: run as code, that is steganography.
        if !qual.is_empty()
            && !qual.starts_with("builtins.")
            && args
                .iter()
                .filter_map(Val::exact_text)
                .any(names_media_file)
        {
            return Val::returned(
                func.qual.as_deref(),
                taint | Taint::DATA_FILE | Taint::DECODED,
            );
        }
        Val::returned(func.qual.as_deref(), taint)
    }
}

/// An environment variable's value; the user's and the host's names are host details.
fn host_env(name: &str) -> Val {
    let mut v = env_value(name);
    if matches!(
        name,
        "USER" | "USERNAME" | "LOGNAME" | "HOSTNAME" | "COMPUTERNAME" | "USERDOMAIN"
    ) {
        v.taint |= Taint::HOST;
    }
    if name == "TZ" {
        v.taint |= Taint::LOCALE;
    }
    v
}

/// Calls whose value is the output of the command they run.
const RECON_OUTPUT: &[&str] = &[
    "subprocess.check_output",
    "subprocess.run",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "subprocess.Popen",
    "os.popen",
    "commands.getoutput",
];

/// Whether a command only reports who and where the host is (`whoami`, `hostname`,
/// `uname -a`, `ip addr`, `systeminfo`).
fn is_recon_command(command: &str) -> bool {
    let program = command.split_whitespace().next().unwrap_or_default();
    let program = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let program = program.to_ascii_lowercase();
    let program = program.strip_suffix(".exe").unwrap_or(&program);
    matches!(
        program,
        "whoami" | "hostname" | "id" | "uname" | "ifconfig" | "ipconfig" | "systeminfo" | "ip"
    ) || (program == "cat" && command.contains("/etc/hostname"))
        || (program == "net" && command.contains(" user"))
}

/// Whether a command asks who the user is or what the host is called, or lists its
/// addresses or accounts (not `uname`, which installers ask for the platform).
pub(crate) fn is_identity_command(command: &str) -> bool {
    let program = command.split_whitespace().next().unwrap_or_default();
    let program = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let program = program.to_ascii_lowercase();
    let program = program.strip_suffix(".exe").unwrap_or(&program);
    matches!(program, "whoami" | "hostname" | "systeminfo")
        || (program == "id" && !command.contains(" -u ") && !command.ends_with(" -u"))
        || (program == "ipconfig" && command.contains("/all"))
        || (program == "cat" && command.contains("/etc/hostname"))
        || (program == "net" && command.contains(" user"))
}

/// Whether a constant names an image or sound file (`cover.png`, `assets/intro.wav`).
fn names_media_file(text: &str) -> bool {
    text.len() < 256
        && !text.contains(['\n', ' '])
        && text.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && matches!(
                    ext.to_ascii_lowercase().as_str(),
                    "png"
                        | "jpg"
                        | "jpeg"
                        | "gif"
                        | "bmp"
                        | "ico"
                        | "webp"
                        | "tif"
                        | "tiff"
                        | "wav"
                )
        })
}
