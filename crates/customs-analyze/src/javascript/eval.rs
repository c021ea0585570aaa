//! What a JavaScript expression refers to, folds to, and carries. Pure: evaluating
//! never records behaviours.

use std::borrow::Cow;

use oxc_ast::ast::{self, Argument, Expression};

use super::Walker;
use super::fold::{self, NUM, SEP};
use crate::decode::{Scheme, decode_text};
use crate::signals;
use crate::value::{Taint, Val, concat, env_value, normalize};

const MAX_EVAL_DEPTH: u32 = 48;

/// A dotenv file (`.env`, `.env.production`): the secrets of the project it sits in.
/// Reading one is what config loaders do; what it holds is a secret wherever it goes.
fn is_dotenv(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name == ".env"
        || (name.starts_with(".env.") && !name.ends_with(".example") && !name.ends_with(".sample"))
}

/// What `process.cwd()` stands for in a path: the folder of the project that runs the
/// package, not a place of the package's own.
pub(crate) const CWD: &str = "<cwd>";

/// The globals whose meaning is fixed unless shadowed, whose uses are followed, as `global.<name>`. A `match` rather than a
/// list: every identifier not bound in scope is asked about, and the compiled match
/// compares at most a few names of the same length.
fn is_followed_global(name: &str) -> bool {
    matches!(
        name,
        "require"
            | "eval"
            | "Function"
            | "fetch"
            | "atob"
            | "btoa"
            | "Buffer"
            | "process"
            | "String"
            | "WebSocket"
            | "XMLHttpRequest"
            | "setTimeout"
            | "setInterval"
            | "setImmediate"
            | "JSON"
            | "Object"
            | "decodeURIComponent"
            | "decodeURI"
            | "unescape"
            | "escape"
            | "module"
            | "exports"
            | "Reflect"
            | "parseInt"
            | "parseFloat"
            | "Number"
            | "navigator"
            | "document"
            | "ethereum"
            | "solana"
            | "Image"
            | "Set"
            | "Array"
            | "Intl"
            | "Worker"
            | "SharedWorker"
            | "Blob"
    )
}

/// Ways to the module loader that do not name `require`.
const REQUIRE_ALIASES: &[&str] = &[
    "global.process.mainModule.require",
    "global.process.mainModule.constructor._load",
    "global.require.main.require",
    "global.require.main.constructor._load",
    "global.module.require",
    "global.module.constructor._load",
    "global.module.constructor.prototype.require",
    "global.module.parent.require",
    "module._load",
    "module.Module._load",
    "module.prototype.require",
    "module.Module.prototype.require",
];

/// The module a specifier names (`node:fs` is `fs`, `fs/promises` stays as written).
/// Whether an identifier names something the evaluator knows without a binding (a
/// global, `require`, `module`): a parameter of that name is a module wrapper's, left
/// as it is.
pub(crate) fn is_global_name(name: &str) -> bool {
    is_followed_global(name)
        || matches!(
            name,
            "global"
                | "globalThis"
                | "window"
                | "self"
                | "child_process"
                | "__filename"
                | "__dirname"
        )
}

pub(crate) fn module_name(specifier: &str) -> String {
    specifier
        .strip_prefix("node:")
        .unwrap_or(specifier)
        .to_owned()
}

impl Walker<'_> {
    /// `zlib.inflateSync(Buffer.from('eJ...', 'base64'))`: the text a constant compressed
    /// payload holds, when it is text.
    fn inflated_constant(&self, qual: &str, arguments: &[Argument<'_>]) -> Option<String> {
        let Expression::CallExpression(inner) =
            arguments.first()?.as_expression()?.get_inner_expression()
        else {
            return None;
        };
        let [data, encoding] = inner.arguments.as_slice() else {
            return None;
        };
        if self
            .eval(&inner.callee)
            .qual
            .as_deref()
            .map(normalize)
            .as_deref()
            != Some("global.Buffer.from")
            || self.eval(encoding.as_expression()?).exact_text() != Some("base64")
        {
            return None;
        }
        let data = self.eval(data.as_expression()?);
        let format = match qual {
            "zlib.inflateSync" => crate::decode::Compression::Zlib,
            "zlib.gunzipSync" => crate::decode::Compression::Gzip,
            "zlib.inflateRawSync" => crate::decode::Compression::Deflate,
            _ => crate::decode::Compression::Any,
        };
        crate::decode::inflate_base64(data.exact_text()?, format)
    }
}

impl Walker<'_> {
    pub(crate) fn eval(&self, expr: &Expression<'_>) -> Val {
        self.eval_at(expr, 0)
    }

    /// The values of a call's arguments, spread arrays expanded into their items.
    pub(crate) fn eval_args(&self, arguments: &[Argument<'_>]) -> Vec<Val> {
        let mut out = Vec::with_capacity(arguments.len());
        for a in arguments {
            let v = self.eval_arg(a);
            if matches!(a, Argument::SpreadElement(_))
                && v.exact_text().is_some_and(|t| t.contains(SEP))
            {
                out.extend(fold::items(&v));
            } else {
                out.push(v);
            }
        }
        out
    }

    pub(crate) fn eval_arg(&self, arg: &Argument<'_>) -> Val {
        match arg {
            Argument::SpreadElement(s) => self.eval(&s.argument),
            other => other
                .as_expression()
                .map(|e| self.eval(e))
                .unwrap_or_default(),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn eval_at(&self, expr: &Expression<'_>, depth: u32) -> Val {
        if depth > MAX_EVAL_DEPTH {
            return Val::default();
        }
        let d = depth + 1;
        match expr.get_inner_expression() {
            Expression::StringLiteral(s) => {
                let mut v = Val::text(s.value.as_str());
                if s.raw
                    .as_ref()
                    .is_some_and(|raw| fold::escapes_hide_text(raw))
                {
                    v.taint |= Taint::DECODED | Taint::OBFUSCATED;
                }
                v
            }
            Expression::NumericLiteral(n) => {
                let mut v = fold::number(n.value, 0);
                v.folded = false;
                v
            }
            Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => {
                Val::qual("#function".into())
            }
            Expression::UnaryExpression(u) => {
                let v = self.eval_at(&u.argument, d);
                match u.operator {
                    ast::UnaryOperator::UnaryPlus => fold::as_number(&v)
                        .map_or_else(|| Val::tainted(v.taint), |n| fold::number(n, v.taint)),
                    ast::UnaryOperator::UnaryNegation => fold::as_number(&v)
                        .map_or_else(|| Val::tainted(v.taint), |n| fold::number(-n, v.taint)),
                    ast::UnaryOperator::BitwiseNot => fold::as_number(&v).map_or_else(
                        || Val::tainted(v.taint),
                        |n| fold::number(f64::from(!fold::int32(n)), v.taint),
                    ),
                    _ => Val::tainted(v.taint),
                }
            }
            Expression::TemplateLiteral(t) => {
                let mut text = String::new();
                let mut exact = true;
                let mut taint = 0;
                for (i, q) in t.quasis.iter().enumerate() {
                    text.push_str(q.value.cooked.as_ref().map_or("", |c| c.as_str()));
                    if let Some(e) = t.expressions.get(i) {
                        let v = self.eval_at(e, d);
                        taint |= v.taint;
                        match v.exact_text() {
                            Some(s) => text.push_str(&fold::string_text(s)),
                            None => {
                                exact = false;
                                text.push_str(v.text.as_deref().unwrap_or("*"));
                            }
                        }
                    }
                }
                Val {
                    text: Some(text),
                    exact,
                    folded: !t.expressions.is_empty(),
                    taint,
                    qual: None,
                }
            }
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                if let Some(v) = self.frame_lookup(name) {
                    return v;
                }
                if let Some(v) = self.lookup(name) {
                    return v.clone();
                }
                match name {
                    "global" | "globalThis" | "window" | "self" => Val::qual("global".into()),
                    // `node -e` and `node -p` code sees node's modules as globals.
                    "child_process" => Val::qual("child_process".into()),
                    "__filename" => Val {
                        text: Some("<__file__>".into()),
                        exact: true,
                        ..Val::default()
                    },
                    "__dirname" => Val {
                        text: Some("<__file__>/..".into()),
                        exact: true,
                        ..Val::default()
                    },
                    _ if is_followed_global(name) => Val::qual(concat(["global.", name])),
                    _ => Val::default(),
                }
            }
            Expression::StaticMemberExpression(m) => {
                // A name bound in scope (and no small function's frame open to bind it)
                // is read where it is bound: what `eval_at` would copy.
                if d <= MAX_EVAL_DEPTH
                    && self.inline_depth.get() == 0
                    && let Expression::Identifier(id) = m.object.get_inner_expression()
                    && let Some(base) = self.lookup(id.name.as_str())
                {
                    return self.member(base, m.property.name.as_str(), false);
                }
                let base = self.eval_at(&m.object, d);
                self.member(&base, m.property.name.as_str(), false)
            }
            Expression::ComputedMemberExpression(m) => {
                let base = self.eval_at(&m.object, d);
                let key = self.eval_at(&m.expression, d);
                match key.exact_text() {
                    Some(k) => {
                        let k = k.to_owned();
                        self.member(&base, &k, key.folded)
                    }
                    None => Val::tainted(base.taint | key.taint),
                }
            }
            Expression::CallExpression(c) => self.eval_call(&c.callee, &c.arguments, d),
            Expression::NewExpression(n) => self.eval_call(&n.callee, &n.arguments, d),
            Expression::ChainExpression(c) => match &c.expression {
                ast::ChainElement::CallExpression(call) => {
                    self.eval_call(&call.callee, &call.arguments, d)
                }
                other => other
                    .as_member_expression()
                    .map(|m| {
                        let base = self.eval_at(m.object(), d);
                        match m.static_property_name() {
                            Some(p) => self.member(&base, p, false),
                            None => Val::tainted(base.taint),
                        }
                    })
                    .unwrap_or_default(),
            },
            Expression::BinaryExpression(b) => {
                let l = self.eval_at(&b.left, d);
                let r = self.eval_at(&b.right, d);
                binary(b.operator, &l, &r)
            }
            Expression::LogicalExpression(l) => {
                let a = self.eval_at(&l.left, d);
                let b = self.eval_at(&l.right, d);
                let taint = a.taint | b.taint;
                let mut v = if a.text.is_some() || a.qual.is_some() {
                    a
                } else {
                    b
                };
                v.taint = taint;
                v
            }
            Expression::ConditionalExpression(c) => {
                // A test that folds picks its branch (decoder callbacks: `c <= 'Z' ? 65 : 97`).
                // Only inside the small functions being evaluated: elsewhere a test
                // rarely folds, and evaluating it costs at every conditional.
                let test = if self.inline_depth.get() > 0 {
                    self.eval_at(&c.test, d)
                } else {
                    Val::default()
                };
                if test.qual.as_deref() == Some(fold::BOOL) {
                    let branch = if test.exact_text() == Some("true") {
                        &c.consequent
                    } else {
                        &c.alternate
                    };
                    return self.eval_at(branch, d);
                }
                let a = self.eval_at(&c.consequent, d);
                let b = self.eval_at(&c.alternate, d);
                let taint = a.taint | b.taint;
                let mut v = if a.text.is_some() || a.qual.is_some() {
                    a
                } else {
                    b
                };
                v.taint = taint;
                v
            }
            Expression::AwaitExpression(a) => self.eval_at(&a.argument, d),
            Expression::SequenceExpression(s) => s
                .expressions
                .last()
                .map(|e| self.eval_at(e, d))
                .unwrap_or_default(),
            Expression::AssignmentExpression(a) => {
                let v = self.eval_at(&a.right, d);
                if let ast::AssignmentTarget::AssignmentTargetIdentifier(id) = &a.left
                    && a.operator == ast::AssignmentOperator::Assign
                {
                    self.frame_assign(id.name.as_str(), &v);
                }
                v
            }
            Expression::ArrayExpression(a) => {
                let mut v = Val {
                    text: Some(String::new()),
                    exact: true,
                    ..Val::default()
                };
                for (i, el) in a.elements.iter().enumerate().take(fold::MAX_ITEMS) {
                    let item = match el {
                        ast::ArrayExpressionElement::SpreadElement(s) => {
                            self.eval_at(&s.argument, d)
                        }
                        ast::ArrayExpressionElement::Elision(_) => Val::default(),
                        other => other
                            .as_expression()
                            .map(|e| self.eval_at(e, d))
                            .unwrap_or_default(),
                    };
                    v.taint |= item.taint;
                    match (&mut v.text, item.exact_text()) {
                        (Some(t), Some(s)) if t.len() + s.len() <= crate::value::MAX_TEXT => {
                            if i > 0 {
                                t.push(SEP);
                            }
                            t.push_str(s);
                        }
                        _ => v.exact = false,
                    }
                }
                v
            }
            Expression::ObjectExpression(o) => {
                let mut v = Val::default();
                for p in &o.properties {
                    let inner = match p {
                        ast::ObjectPropertyKind::ObjectProperty(p) => self.eval_at(&p.value, d),
                        ast::ObjectPropertyKind::SpreadProperty(s) => self.eval_at(&s.argument, d),
                    };
                    // `{ ...process.env }` and `{ env: process.env }` both hold it all.
                    let item = if inner.qual.as_deref() == Some("global.process.env") {
                        self.whole_env_read();
                        Val::tainted(Taint::SECRET)
                    } else {
                        inner
                    };
                    v.taint |= item.taint;
                }
                v
            }
            _ => Val::default(),
        }
    }

    /// The callee's value, the receiver's value (for a method call) and the method name.
    /// A receiver that is a name bound in scope is borrowed where it is bound.
    pub(crate) fn callee(
        &self,
        callee: &Expression<'_>,
        d: u32,
    ) -> (Val, Option<Cow<'_, Val>>, String) {
        match callee.get_inner_expression() {
            Expression::StaticMemberExpression(m) => {
                let receiver = self.receiver(&m.object, d);
                let name = m.property.name.as_str();
                (
                    self.member(&receiver, name, false),
                    Some(receiver),
                    name.to_owned(),
                )
            }
            Expression::ComputedMemberExpression(m) => {
                let receiver = self.receiver(&m.object, d);
                let key = self.eval_at(&m.expression, d);
                match key.exact_text() {
                    Some(k) => {
                        let k = k.to_owned();
                        (self.member(&receiver, &k, key.folded), Some(receiver), k)
                    }
                    None => (
                        Val::tainted(receiver.taint | key.taint),
                        Some(receiver),
                        String::new(),
                    ),
                }
            }
            other => (self.eval_at(other, d), None, String::new()),
        }
    }

    pub(crate) fn member(&self, base: &Val, prop: &str, folded: bool) -> Val {
        if base.qual.as_deref() == Some("global.process.env") {
            if prop == "TZ" {
                self.place_seen.set(true);
                return Val::tainted(Taint::LOCALE);
            }
            if matches!(prop, "HOME" | "USERPROFILE") {
                self.wipe.home.set(true);
            }
            return env_value(prop);
        }
        // An item of a constant array or a character of a constant string.
        if let (Some(t), Ok(i)) = (base.exact_text(), prop.parse::<usize>())
            && base.qual.is_none()
        {
            let found = if t.contains(SEP) {
                t.split(SEP).nth(i).map(|s| fold::item(s, base.taint))
            } else {
                t.chars().nth(i).map(|c| Val {
                    folded: true,
                    taint: base.taint,
                    ..Val::text(c)
                })
            };
            return found.unwrap_or_default();
        }
        if prop == "constructor" {
            // The constructor of a constructor, of a function, or of `Function.prototype`
            // is `Function`: `[].constructor.constructor(code)`.
            let function = match base.qual.as_deref() {
                Some(q) => {
                    q.ends_with(".constructor")
                        || q == "#function"
                        || q.ends_with("getPrototypeOf()")
                        || q.starts_with("global.Function")
                }
                None => false,
            };
            if function {
                return Val {
                    qual: Some("global.Function".into()),
                    folded,
                    taint: base.taint,
                    ..Val::default()
                };
            }
            if base.qual.is_none() && base.text.is_some() {
                return Val {
                    qual: Some("#value.constructor".into()),
                    folded,
                    taint: base.taint,
                    ..Val::default()
                };
            }
        }
        // `key.length` of a constant string (a XOR key's), or of a buffer in bytes.
        if prop == "length"
            && let Some(t) = base.exact_text()
            && !t.contains(SEP)
            && (base.qual.is_none() || base.qual.as_deref() == Some("#buffer"))
        {
            #[allow(clippy::cast_precision_loss)]
            let n = if base.qual.is_some() {
                t.len()
            } else {
                t.encode_utf16().count()
            } as f64;
            return fold::number(n, base.taint);
        }
        if super::geofence::is_place(base, prop) {
            self.place_seen.set(true);
            return Val::tainted(base.taint | Taint::LOCALE);
        }
        // What a request handed to an interceptor, a replaced send function or an
        // Electron request hook carries.
        if base.taint & Taint::REQUEST != 0
            && matches!(
                prop,
                "headers" | "data" | "body" | "auth" | "cookies" | "requestHeaders"
            )
        {
            return Val::tainted(base.taint | Taint::SECRET);
        }
        let qual = base.qual.as_ref().map(|q| concat([q, ".", prop]));
        if let Some(q) = &qual {
            if let Some(v) = self.lookup(q) {
                return v.clone();
            }
            // The module loader reached without naming `require`.
            if matches!(prop, "require" | "_load")
                && REQUIRE_ALIASES.contains(&normalize(q).as_ref())
            {
                return Val {
                    qual: Some("global.require".into()),
                    folded: true,
                    taint: base.taint,
                    ..Val::default()
                };
            }
        }
        Val {
            qual,
            folded,
            taint: base.taint,
            // `re.source` is the expression's text; nothing else keeps it.
            text: if prop == "source" {
                base.text.clone()
            } else {
                None
            },
            exact: false,
        }
    }

    /// What `eval_at` gives `object`, borrowed when it is a name bound in scope (and no
    /// small function's frame is open to bind it).
    fn receiver(&self, object: &Expression<'_>, d: u32) -> Cow<'_, Val> {
        if d <= MAX_EVAL_DEPTH
            && self.inline_depth.get() == 0
            && let Expression::Identifier(id) = object.get_inner_expression()
            && let Some(v) = self.lookup(id.name.as_str())
        {
            return Cow::Borrowed(v);
        }
        Cow::Owned(self.eval_at(object, d))
    }

    fn eval_call(&self, callee: &Expression<'_>, arguments: &[Argument<'_>], d: u32) -> Val {
        // The receiver is evaluated once and the callee derived from it: evaluating
        // both would double the work at every link of a method chain.
        let (func, receiver, method) = self.callee(callee, d);
        let args = self.eval_args(arguments);
        let mut v = self.apply_call(&func, receiver.as_deref(), &method, args, arguments);
        // A function of the file that gathers secrets and returns them (`collect()`
        // reading credential files, a copy of the whole environment): its calls' values
        // are those secrets. Known once its body was walked; few files have one.
        // One written below the call is not known yet: its calls' values are marked,
        // and a send of them judged when the file is done.
        if self.may_gather.get()
            && func.qual.as_deref().is_none_or(|q| q.starts_with("#fn:"))
            && let Expression::Identifier(id) = callee.get_inner_expression()
            && let Some(f) = self.reach.lookup(id.name.as_str())
        {
            if self.gathered.contains(&f) {
                v.taint |= Taint::SECRET;
            } else if self
                .reach
                .offset_of(f)
                .is_some_and(|at| at > oxc_span::GetSpan::span(callee).start)
            {
                let mut later = self.later_callees.borrow_mut();
                if later.len() < 32 && !later.contains(&f) {
                    later.push(f);
                }
                if later.contains(&f) {
                    v.taint |= Taint::LATER;
                }
            }
        }
        v
    }

    /// The whole environment is read as one value (`{ ...process.env }`,
    /// `Object.entries(process.env)`), in the function being walked.
    fn whole_env_read(&self) {
        self.whole_env_reads
            .set(self.whole_env_reads.get().wrapping_add(1));
        self.may_gather.set(true);
        let f = self.reach.current;
        let mut seen = self.whole_env.borrow_mut();
        if !seen.contains(&f) && seen.len() < 16 {
            seen.push(f);
        }
    }

    /// What calling `func` (the method `method` of `receiver`, when it is one) with
    /// `args` returns; `arguments` are the call's syntax, for callbacks and regular
    /// expressions (empty when the arguments were rearranged by `call` or `apply`).
    #[allow(clippy::too_many_lines)]
    fn apply_call(
        &self,
        func: &Val,
        receiver: Option<&Val>,
        method: &str,
        args: Vec<Val>,
        arguments: &[Argument<'_>],
    ) -> Val {
        if let Some(index) = func.qual.as_deref().and_then(|q| q.strip_prefix("#fn:")) {
            if let Some(v) = self.call_small(index, &args) {
                return v;
            }
            return Val::tainted(args.iter().fold(0, |t, a| t | a.taint));
        }
        // `f.call(this, a, b)`, `f.apply(this, [a, b])`, `f.bind(this)`.
        if matches!(method, "call" | "apply" | "bind")
            && let Some(target) = receiver.filter(|r| r.qual.is_some())
        {
            if method == "bind" {
                return target.clone();
            }
            let shifted: Vec<Val> = if method == "call" {
                args.iter().skip(1).cloned().collect()
            } else {
                args.get(1).map(fold::items).unwrap_or_default()
            };
            let target = target.clone();
            let name = target
                .qual
                .as_deref()
                .and_then(|q| q.rsplit('.').next())
                .unwrap_or_default()
                .to_owned();
            let rest = if method == "call" {
                arguments.get(1..).unwrap_or_default()
            } else {
                &[]
            };
            return self.apply_call(&target, None, &name, shifted, rest);
        }
        let mut taint = receiver.map_or(0, |r| r.taint);
        for a in &args {
            taint |= a.taint;
            if a.qual.as_deref() == Some("global.process.env") {
                self.whole_env_read();
                taint |= Taint::SECRET;
            }
        }
        let qual_text = func.qual.as_deref().map(normalize).unwrap_or_default();
        let qual: &str = &qual_text;
        // A process started with the environment as its own (`execSync(cmd, { env: {
        // ...process.env } })`) prints what it prints, not the environment.
        if qual.starts_with("child_process.")
            && taint & Taint::SECRET != 0
            && args.first().is_none_or(|a| a.taint & Taint::SECRET == 0)
            && receiver.is_none_or(|r| r.taint & Taint::SECRET == 0)
        {
            taint &= !Taint::SECRET;
        }
        let exact_arg = |i: usize| args.get(i).and_then(Val::exact_text);
        let recv_text = receiver.and_then(Val::exact_text);
        let decoded = |text: Option<String>| Val {
            exact: text.is_some(),
            text,
            folded: true,
            taint: taint | Taint::DECODED,
            qual: None,
        };

        match qual {
            "global.require" => {
                if let Some(name) = exact_arg(0) {
                    return Val {
                        qual: Some(module_name(name)),
                        folded: args[0].folded,
                        ..Val::default()
                    };
                }
                return Val::default();
            }
            "module.createRequire" => return Val::qual("global.require".into()),
            // A blob holds the text of its parts.
            "global.Blob" => {
                let parts = args.first().map(fold::items).unwrap_or_default();
                let text: Option<String> = parts.iter().map(|p| p.exact_text()).collect();
                return Val {
                    exact: text.is_some(),
                    text,
                    taint,
                    ..Val::default()
                };
            }
            // What a command that prints a stored credential prints is that credential.
            "child_process.execSync" | "child_process.execFileSync" => {
                let mut words = exact_arg(0).map(super::command_words).unwrap_or_default();
                if qual.ends_with("execFileSync")
                    && let Some(list) = exact_arg(1)
                {
                    words.extend(list.split(SEP).map(str::to_owned));
                }
                if prints_credential(&words) {
                    return Val::tainted(taint | Taint::SECRET);
                }
            }
            "global.Reflect.get" => {
                if let (Some(base), Some(key)) = (args.first(), args.get(1))
                    && let Some(k) = key.exact_text()
                {
                    return self.member(base, k, true);
                }
            }
            "global.parseInt"
            | "global.Number"
            | "global.parseFloat"
            | "global.Number.parseInt" => {
                let radix = exact_arg(1).and_then(|r| r.parse::<u32>().ok());
                let n = match (exact_arg(0), radix) {
                    (Some(t), Some(r)) if (2..=36).contains(&r) => {
                        let t = t.trim();
                        let t = if r == 16 {
                            t.trim_start_matches("0x")
                        } else {
                            t
                        };
                        let digits: String = t.chars().take_while(|c| c.is_digit(r)).collect();
                        i64::from_str_radix(&digits, r).ok().map(|i| i as f64)
                    }
                    _ => args.first().and_then(fold::as_number),
                };
                return n.map_or_else(|| Val::tainted(taint), |n| fold::number(n, taint));
            }
            "global.String" => {
                return match args.first() {
                    Some(a) => Val {
                        text: a.text.as_deref().map(|t| fold::string_text(t).into_owned()),
                        exact: a.exact,
                        folded: a.folded,
                        taint,
                        qual: None,
                    },
                    None => Val::text(""),
                };
            }
            "global.Buffer.from" | "global.Buffer.alloc" | "global.Buffer" => {
                let scheme = match exact_arg(1) {
                    Some("base64") => Some(Scheme::Base64),
                    Some("base64url") => Some(Scheme::Base64Url),
                    Some("hex") => Some(Scheme::Hex),
                    _ => None,
                };
                return match scheme {
                    Some(s) => {
                        let decoded = exact_arg(0).and_then(|t| decode_text(s, t));
                        Val {
                            exact: decoded.is_some(),
                            text: decoded,
                            folded: true,
                            taint: taint | Taint::DECODED,
                            qual: Some("#buffer".into()),
                        }
                    }
                    None => {
                        // `Buffer.from([104, 105])`: bytes given as numbers.
                        let from_bytes = args
                            .first()
                            .and_then(Val::exact_text)
                            .filter(|t| t.contains(SEP))
                            .and_then(|t| {
                                let bytes: Option<Vec<u8>> =
                                    t.split(SEP).map(|b| b.parse::<u8>().ok()).collect();
                                bytes.and_then(|b| String::from_utf8(b).ok())
                            });
                        match from_bytes {
                            Some(text) => Val {
                                qual: Some("#buffer".into()),
                                text: Some(text),
                                exact: true,
                                folded: true,
                                taint: taint | Taint::DECODED,
                            },
                            None => Val {
                                qual: Some("#buffer".into()),
                                text: args.first().and_then(|a| a.text.clone()),
                                exact: args.first().is_some_and(|a| a.exact),
                                folded: args.first().is_some_and(|a| a.folded),
                                taint,
                            },
                        }
                    }
                };
            }
            "global.atob" => {
                return decoded(exact_arg(0).and_then(|t| decode_text(Scheme::Base64, t)));
            }
            // Node's internal bindings: `process.binding('spawn_sync').spawn(options)`
            // starts a process without `child_process`.
            "global.process.binding" | "global.process._linkedBinding"
                if matches!(exact_arg(0), Some("spawn_sync" | "process_wrap")) =>
            {
                return Val {
                    qual: Some("child_process.binding".into()),
                    folded: args.first().is_some_and(|a| a.folded),
                    ..Val::default()
                };
            }
            "global.String.fromCharCode" | "global.String.fromCodePoint" => {
                let mut chars = Some(String::new());
                for a in &args {
                    for item in fold::items(a) {
                        let c = fold::as_number(&item).and_then(|n| {
                            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                            let n = n as u32;
                            char::from_u32(n)
                        });
                        match (&mut chars, c) {
                            (Some(s), Some(c)) => s.push(c),
                            _ => chars = None,
                        }
                    }
                }
                let mut v = decoded(chars);
                v.taint |= Taint::OBFUSCATED;
                return v;
            }
            "global.decodeURIComponent" | "global.decodeURI" | "global.unescape" => {
                let text = exact_arg(0).and_then(fold::percent_decode);
                return match text {
                    Some(t) => decoded(Some(t)),
                    None => Val {
                        text: exact_arg(0).map(str::to_owned),
                        exact: exact_arg(0).is_some(),
                        folded: true,
                        taint,
                        qual: None,
                    },
                };
            }
            "zlib.inflateSync" | "zlib.gunzipSync" | "zlib.inflateRawSync" | "zlib.unzipSync"
                if let Some(text) = self.inflated_constant(qual, arguments) =>
            {
                return decoded(Some(text));
            }
            "zlib.inflateSync"
            | "zlib.gunzipSync"
            | "zlib.inflateRawSync"
            | "zlib.unzipSync"
            | "zlib.brotliDecompressSync"
            | "crypto.createDecipheriv.update"
            | "crypto.createDecipheriv.final"
            | "crypto.createDecipher.update"
            | "crypto.createDecipher.final"
            | "crypto.privateDecrypt"
            | "crypto.publicDecrypt"
            | "crypto.subtle.decrypt"
            | "global.crypto.subtle.decrypt" => {
                return Val::tainted(taint | Taint::DECODED);
            }
            "path.join" | "path.resolve" | "path.posix.join" | "path.win32.join" => {
                let parts: Vec<String> = args
                    .iter()
                    .map(|a| a.text.clone().unwrap_or_else(|| "*".into()))
                    .collect();
                // Every part known: the path is as sure as its parts (a script beside
                // the file, `path.join(__dirname, 'x.bat')`, is named exactly).
                let exact = !args.is_empty() && args.iter().all(|a| a.text.is_some());
                return Val {
                    text: Some(parts.join("/")),
                    taint,
                    exact,
                    ..Val::default()
                };
            }
            // A set or array made from a list holds its items.
            "global.Set" | "global.Array.from" => {
                return args.first().cloned().unwrap_or_default();
            }
            "os.homedir" => {
                self.wipe.home.set(true);
                return Val {
                    text: Some("~".into()),
                    ..Val::default()
                };
            }
            // The folder the program was started in: the project that loads the package.
            "global.process.cwd" => {
                return Val {
                    text: Some(CWD.into()),
                    ..Val::default()
                };
            }
            "os.tmpdir" => {
                return Val {
                    text: Some("/tmp".into()),
                    ..Val::default()
                };
            }
            "os.userInfo" | "os.hostname" | "os.networkInterfaces" => {
                return Val::tainted(Taint::SECRET);
            }
            "global.Object.keys"
            | "global.Object.entries"
            | "global.Object.values"
            | "global.Object.assign"
            | "global.JSON.stringify" => return Val::tainted(taint),
            "fs.readFileSync" | "fs.readFile" | "fs.promises.readFile" | "fs/promises.readFile" => {
                let path = args.first().and_then(|a| a.text.as_deref());
                let secret =
                    path.and_then(signals::secret_path).is_some() || path.is_some_and(is_dotenv);
                // Reading back what this region wrote returns what was written.
                let written = path.map_or(0, |p| self.written_taint(p));
                return Val::tainted(taint | written | if secret { Taint::SECRET } else { 0 });
            }
            _ => {}
        }
        if let Some(v) = self.string_method(receiver, method, &args, arguments, taint) {
            return v;
        }
        if method == "toString"
            && let Some(r) = &receiver
        {
            let encodes = exact_arg(0).is_some_and(|e| matches!(e, "base64" | "hex"));
            if fold::is_num(r)
                && let (Some(n), Some(radix)) = (
                    fold::as_number(r),
                    exact_arg(0).and_then(|x| x.parse::<u32>().ok()),
                )
            {
                return Val {
                    text: radix_text(n, radix),
                    exact: true,
                    folded: true,
                    taint,
                    qual: None,
                };
            }
            return Val {
                text: if encodes { None } else { r.text.clone() },
                exact: !encodes && r.exact,
                folded: r.folded,
                taint,
                qual: None,
            };
        }
        let _ = recv_text;
        if super::calls::is_fetch(qual) {
            return Val::returned(Some(qual), taint | Taint::DOWNLOADED);
        }
        // An unknown library's decoder (`stego.decode('cover.png')`, `lib.decrypt(blob)`):
        // what it returns is decoded data.
        if qual.is_empty()
            && matches!(
                method,
                "decode" | "decrypt" | "decompress" | "decipher" | "deobfuscate" | "unhide"
            )
        {
            return Val::returned(None, taint | Taint::DECODED);
        }
        if qual.starts_with('.') {
            return Val::returned(func.qual.as_deref(), taint | Taint::PACKAGE);
        }
        // The object URL of a blob stands for the blob (`URL.createObjectURL(blob)`).
        if method == "createObjectURL"
            && let [blob] = args.as_slice()
        {
            return blob.clone();
        }
        Val::returned(func.qual.as_deref(), taint)
    }

    /// The string and array methods decoders are made of, on constant receivers.
    #[allow(clippy::too_many_lines)]
    fn string_method(
        &self,
        receiver: Option<&Val>,
        method: &str,
        args: &[Val],
        arguments: &[Argument<'_>],
        taint: u16,
    ) -> Option<Val> {
        let r = receiver?;
        if r.qual
            .as_deref()
            .is_some_and(|q| q != NUM && q != "#buffer")
        {
            return None;
        }
        let exact_arg = |i: usize| args.get(i).and_then(Val::exact_text);
        let num_arg = |i: usize| args.get(i).and_then(fold::as_number);
        let text = r.exact_text();
        let out = |text: Option<String>, extra: u16| Val {
            exact: text.is_some(),
            text,
            folded: true,
            taint: taint | extra,
            qual: None,
        };
        let callback = |i: usize| arguments.get(i).and_then(Argument::as_expression);
        let char_callback = |i: usize| callback(i).is_some_and(super::inline::mentions_char_codes);
        let chars_taint = |i: usize| {
            if char_callback(i) {
                Taint::DECODED | Taint::OBFUSCATED
            } else {
                0
            }
        };
        Some(match method {
            "split" => {
                let Some(t) = text else {
                    return Some(Val::tainted(taint));
                };
                match (exact_arg(0), callback(0)) {
                    (Some(""), _) => {
                        let mut s = String::with_capacity(t.len() * 2);
                        for (i, c) in t.chars().enumerate() {
                            if i > 0 {
                                s.push(SEP);
                            }
                            s.push(c);
                        }
                        out(Some(s), 0)
                    }
                    (Some(sep), Some(Expression::StringLiteral(_)) | None) if !sep.is_empty() => {
                        out(Some(t.replace(sep, &SEP.to_string())), 0)
                    }
                    (Some(sep), _) if !sep.is_empty() => {
                        out(Some(t.replace(sep, &SEP.to_string())), 0)
                    }
                    _ => out(None, 0),
                }
            }
            "join" => {
                let sep = if args.is_empty() { "," } else { exact_arg(0)? };
                out(text.map(|t| t.replace(SEP, sep)), 0)
            }
            "reverse" => {
                let reversed = text.map(|t| {
                    if t.contains(SEP) {
                        t.split(SEP)
                            .rev()
                            .collect::<Vec<_>>()
                            .join(&SEP.to_string())
                    } else {
                        t.chars().rev().collect()
                    }
                });
                out(reversed, Taint::OBFUSCATED)
            }
            "concat" => {
                let mut s = text.map(str::to_owned);
                for a in args {
                    match (&mut s, a.exact_text()) {
                        (Some(t), Some(x)) => t.push_str(x),
                        _ => s = None,
                    }
                }
                out(s, 0)
            }
            "trim" => out(text.map(|t| t.trim().to_owned()), 0),
            "toLowerCase" => out(text.map(str::to_lowercase), 0),
            "toUpperCase" => out(text.map(str::to_uppercase), 0),
            "charCodeAt" | "codePointAt" => {
                let i = num_arg(0).unwrap_or(0.0);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let c = text.and_then(|t| t.chars().nth(i as usize));
                match c {
                    Some(c) => fold::number(f64::from(u32::from(c)), taint),
                    None => Val::tainted(taint),
                }
            }
            "charAt" => {
                let i = num_arg(0).unwrap_or(0.0);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                out(
                    text.and_then(|t| t.chars().nth(i as usize))
                        .map(String::from),
                    0,
                )
            }
            "slice" | "substring" | "substr" => {
                let Some(t) = text else {
                    return Some(Val::tainted(taint));
                };
                let array = t.contains(SEP);
                let parts: Vec<&str> = if array {
                    t.split(SEP).collect()
                } else {
                    Vec::new()
                };
                let chars: Vec<char> = if array {
                    Vec::new()
                } else {
                    t.chars().collect()
                };
                let len = if array { parts.len() } else { chars.len() };
                #[allow(clippy::cast_precision_loss)]
                let flen = len as f64;
                let at = |n: f64| -> usize {
                    let n = if n < 0.0 && method != "substring" {
                        (flen + n).max(0.0)
                    } else {
                        n.max(0.0)
                    };
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let n = n as usize;
                    n.min(len)
                };
                let (Some(a), b) = (
                    num_arg(0).or(if args.is_empty() { Some(0.0) } else { None }),
                    num_arg(1),
                ) else {
                    return Some(Val::tainted(taint));
                };
                if args.len() > 1 && b.is_none() {
                    return Some(Val::tainted(taint));
                }
                let start = at(a);
                let end = match (method, b) {
                    ("substr", Some(n)) => {
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let n = n.max(0.0) as usize;
                        (start + n).min(len)
                    }
                    (_, Some(b)) => at(b),
                    (_, None) => len,
                };
                let (start, end) = if method == "substring" && end < start {
                    (end, start)
                } else {
                    (start, end.max(start))
                };
                let s = if array {
                    parts[start..end].join(&SEP.to_string())
                } else {
                    chars[start..end].iter().collect()
                };
                out(Some(s), 0)
            }
            "match" => {
                let Some(Expression::RegExpLiteral(re)) =
                    callback(0).map(Expression::get_inner_expression)
                else {
                    return Some(Val::tainted(taint));
                };
                let pattern = fold::Pattern::parse(re.regex.pattern.text.as_str(), false);
                match (text, pattern) {
                    (Some(t), Some(fold::Pattern::Chunks(n)))
                        if re.regex.flags.contains(ast::RegExpFlags::G) =>
                    {
                        out(
                            Some(fold::chunks(t, n).join(&SEP.to_string())),
                            Taint::OBFUSCATED,
                        )
                    }
                    _ => Val::tainted(taint),
                }
            }
            "map" | "forEach" if method == "map" => {
                let extra = chars_taint(0);
                let Some(t) = text else {
                    return Some(Val::tainted(taint | extra));
                };
                let items = if t.is_empty() {
                    Vec::new()
                } else if r.qual.as_deref() == Some("#buffer") {
                    // A buffer maps over its bytes (`buf.map((b, i) => b ^ key[i])`).
                    if t.len() > fold::MAX_ITEMS {
                        return Some(Val::tainted(taint | extra));
                    }
                    t.bytes().map(|b| fold::number(f64::from(b), 0)).collect()
                } else {
                    fold::items(r)
                };
                let mut results = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let index = fold::number(i as f64, 0);
                    match self.call_callback(callback(0), args.first(), &[item, index]) {
                        Some(v) if v.exact => results.push(v),
                        _ => return Some(Val::tainted(taint | extra)),
                    }
                }
                let mut v = fold::array(&results);
                v.taint |= taint | extra;
                v
            }
            "replace" | "replaceAll" => {
                let extra = chars_taint(1);
                let Some(t) = text else {
                    return Some(Val::tainted(taint | extra));
                };
                let replacement = args.get(1);
                let (pattern, global) = match callback(0).map(Expression::get_inner_expression) {
                    Some(Expression::RegExpLiteral(re)) => (
                        fold::Pattern::parse(
                            re.regex.pattern.text.as_str(),
                            re.regex.flags.contains(ast::RegExpFlags::I),
                        ),
                        re.regex.flags.contains(ast::RegExpFlags::G),
                    ),
                    _ => (
                        exact_arg(0).map(|s| fold::Pattern::Literal(s.to_owned())),
                        method == "replaceAll",
                    ),
                };
                let Some(pattern) = pattern else {
                    return Some(Val::tainted(taint | extra));
                };
                let with_text = replacement
                    .and_then(Val::exact_text)
                    .filter(|_| replacement.is_none_or(|r| r.qual.is_none()));
                let mut result = String::with_capacity(t.len());
                match pattern {
                    fold::Pattern::Literal(from) => {
                        let to = with_text?;
                        if from.is_empty() {
                            return Some(Val::tainted(taint));
                        }
                        if global {
                            result = t.replace(&from, to);
                        } else {
                            result = t.replacen(&from, to, 1);
                        }
                    }
                    fold::Pattern::Class(ranges, ignore_case) => {
                        let mut done = false;
                        for c in t.chars() {
                            if done || !fold::Pattern::class_matches(&ranges, ignore_case, c) {
                                result.push(c);
                                continue;
                            }
                            match with_text {
                                Some(to) => result.push_str(to),
                                None => {
                                    let arg = Val {
                                        folded: true,
                                        ..Val::text(c)
                                    };
                                    match self.call_callback(callback(1), replacement, &[arg]) {
                                        Some(v) if v.exact => {
                                            result.push_str(v.text.as_deref().unwrap_or_default())
                                        }
                                        _ => return Some(Val::tainted(taint | extra)),
                                    }
                                }
                            }
                            done = !global;
                        }
                    }
                    fold::Pattern::Chunks(_) => return Some(Val::tainted(taint | extra)),
                }
                out(Some(result), extra)
            }
            _ => return None,
        })
    }

    /// The taint of what this region wrote to a file the path may name.
    fn written_taint(&self, path: &str) -> u16 {
        self.region
            .written
            .iter()
            .filter(|(p, _)| fold::same_file(p, path))
            .fold(0, |t, (_, taint)| t | taint)
    }
}

/// The binary operators over folded values: concatenation, arithmetic, comparison.
fn binary(op: ast::BinaryOperator, l: &Val, r: &Val) -> Val {
    use ast::BinaryOperator as Op;
    let taint = l.taint | r.taint;
    let mut v = Val::tainted(taint);
    let nums = || Some((fold::as_number(l)?, fold::as_number(r)?));
    match op {
        Op::Addition => {
            if fold::is_num(l)
                && fold::is_num(r)
                && let Some((a, b)) = nums()
            {
                return fold::number(a + b, taint);
            }
            if let (Some(lt), Some(rt)) = (&l.text, &r.text)
                && lt.len() + rt.len() <= crate::value::MAX_TEXT
            {
                v.text = Some(concat([&fold::string_text(lt), &fold::string_text(rt)]));
                v.exact = l.exact && r.exact;
                v.folded = true;
            }
        }
        Op::Subtraction
        | Op::Multiplication
        | Op::Division
        | Op::Remainder
        | Op::BitwiseXOR
        | Op::BitwiseOR
        | Op::BitwiseAnd
        | Op::ShiftLeft
        | Op::ShiftRight
        | Op::ShiftRightZeroFill => {
            if op == Op::BitwiseXOR {
                v.taint |= Taint::OBFUSCATED;
            }
            if let Some((a, b)) = nums() {
                let (x, y) = (fold::int32(a), fold::int32(b));
                #[allow(clippy::cast_sign_loss)]
                let n = match op {
                    Op::Subtraction => a - b,
                    Op::Multiplication => a * b,
                    Op::Division => a / b,
                    Op::Remainder => a % b,
                    Op::BitwiseXOR => f64::from(x ^ y),
                    Op::BitwiseOR => f64::from(x | y),
                    Op::BitwiseAnd => f64::from(x & y),
                    Op::ShiftLeft => f64::from(x.wrapping_shl(y as u32 & 31)),
                    Op::ShiftRight => f64::from(x.wrapping_shr(y as u32 & 31)),
                    _ => f64::from((x as u32).wrapping_shr(y as u32 & 31)),
                };
                return fold::number(n, v.taint);
            }
        }
        Op::LessThan
        | Op::LessEqualThan
        | Op::GreaterThan
        | Op::GreaterEqualThan
        | Op::Equality
        | Op::StrictEquality
        | Op::Inequality
        | Op::StrictInequality => {
            let (Some(a), Some(b)) = (l.exact_text(), r.exact_text()) else {
                return v;
            };
            let ord = if fold::is_num(l) || fold::is_num(r) {
                match nums() {
                    Some((x, y)) => x.partial_cmp(&y),
                    None => {
                        return fold::boolean(
                            matches!(op, Op::Inequality | Op::StrictInequality),
                            taint,
                        );
                    }
                }
            } else {
                Some(a.cmp(b))
            };
            let Some(ord) = ord else {
                return fold::boolean(matches!(op, Op::Inequality | Op::StrictInequality), taint);
            };
            use std::cmp::Ordering::{Equal, Greater, Less};
            let b = match op {
                Op::LessThan => ord == Less,
                Op::LessEqualThan => ord != Greater,
                Op::GreaterThan => ord == Greater,
                Op::GreaterEqualThan => ord != Less,
                Op::Equality | Op::StrictEquality => ord == Equal,
                _ => ord != Equal,
            };
            return fold::boolean(b, taint);
        }
        _ => {}
    }
    v
}

/// An integer in another base, as `Number.prototype.toString(radix)` writes it.
fn radix_text(n: f64, radix: u32) -> Option<String> {
    if !(2..=36).contains(&radix) || n.fract() != 0.0 || n.abs() > 1e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let mut i = n as i64;
    let negative = i < 0;
    i = i.abs();
    let mut digits = Vec::new();
    loop {
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let d = (i % i64::from(radix)) as u32;
        digits.push(char::from_digit(d, radix)?);
        i /= i64::from(radix);
        if i == 0 {
            break;
        }
    }
    if negative {
        digits.push('-');
    }
    Some(digits.iter().rev().collect())
}

/// Whether a command (as words) prints a stored credential: npm's token (`npm config get
/// //host/:_authToken`, `npm token list`), the GitHub CLI's (`gh auth token`), a secret
/// file printed (`cat ~/.npmrc`).
fn prints_credential(words: &[String]) -> bool {
    let program = words
        .first()
        .map(|w| {
            w.rsplit(['/', '\\'])
                .next()
                .unwrap_or(w)
                .trim_end_matches(".cmd")
        })
        .unwrap_or_default();
    let rest: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
    match (program, rest.as_slice()) {
        ("npm" | "pnpm" | "yarn", ["config", "get", key, ..]) => {
            let key = key.to_ascii_lowercase();
            key.contains("authtoken") || key.contains("_auth") || key.contains("token")
        }
        ("npm", ["token", "list", ..]) | ("gh", ["auth", "token", ..]) => true,
        ("cat" | "type", files) => files
            .iter()
            .any(|f| crate::signals::secret_path(f).is_some()),
        _ => false,
    }
}
