//! What a JavaScript expression refers to, folds to, and carries. Pure: evaluating
//! never records behaviours.

use oxc_ast::ast::{self, Argument, Expression};

use super::Walker;
use crate::decode::{Scheme, decode_text};
use crate::signals;
use crate::value::{Taint, Val, concat, env_value, normalize};

const MAX_EVAL_DEPTH: u32 = 48;

/// Globals whose meaning is fixed unless shadowed.
const GLOBALS: &[&str] = &[
    "require",
    "eval",
    "Function",
    "fetch",
    "atob",
    "btoa",
    "Buffer",
    "process",
    "String",
    "WebSocket",
    "XMLHttpRequest",
    "setTimeout",
    "setInterval",
    "setImmediate",
    "JSON",
    "Object",
    "decodeURIComponent",
    "decodeURI",
    "unescape",
    "escape",
    "module",
    "exports",
    "Reflect",
];

/// The module a specifier names (`node:fs` is `fs`, `fs/promises` stays as written).
pub(crate) fn module_name(specifier: &str) -> String {
    specifier
        .strip_prefix("node:")
        .unwrap_or(specifier)
        .to_owned()
}

impl Walker {
    pub(crate) fn eval(&self, expr: &Expression<'_>) -> Val {
        self.eval_at(expr, 0)
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
            Expression::StringLiteral(s) => Val::text(s.value.as_str()),
            Expression::NumericLiteral(n) => Val::text(n.value.to_string()),
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
                            Some(s) => text.push_str(s),
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
                if let Some(v) = self.lookup(name) {
                    return v.clone();
                }
                match name {
                    "global" | "globalThis" | "window" | "self" => Val::qual("global".into()),
                    "__filename" => Val {
                        text: Some("<__file__>".into()),
                        ..Val::default()
                    },
                    "__dirname" => Val {
                        text: Some("<__file__>/..".into()),
                        ..Val::default()
                    },
                    _ if GLOBALS.contains(&name) => Val::qual(concat(["global.", name])),
                    _ => Val::default(),
                }
            }
            Expression::StaticMemberExpression(m) => {
                let base = self.eval_at(&m.object, d);
                self.member(base, m.property.name.as_str(), false)
            }
            Expression::ComputedMemberExpression(m) => {
                let base = self.eval_at(&m.object, d);
                let key = self.eval_at(&m.expression, d);
                match key.exact_text() {
                    Some(k) => {
                        let k = k.to_owned();
                        self.member(base, &k, key.folded)
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
                            Some(p) => self.member(base, p, false),
                            None => Val::tainted(base.taint),
                        }
                    })
                    .unwrap_or_default(),
            },
            Expression::BinaryExpression(b) => {
                let l = self.eval_at(&b.left, d);
                let r = self.eval_at(&b.right, d);
                let mut v = Val::tainted(l.taint | r.taint);
                if b.operator == ast::BinaryOperator::Addition
                    && let (Some(lt), Some(rt)) = (&l.text, &r.text)
                    && lt.len() + rt.len() <= crate::value::MAX_TEXT
                {
                    v.text = Some(concat([lt, rt]));
                    v.exact = l.exact && r.exact;
                    v.folded = true;
                } else if b.operator == ast::BinaryOperator::BitwiseXOR {
                    v.taint |= Taint::OBFUSCATED;
                }
                v
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
            Expression::AssignmentExpression(a) => self.eval_at(&a.right, d),
            Expression::ArrayExpression(a) => {
                let mut v = Val {
                    text: Some(String::new()),
                    exact: true,
                    ..Val::default()
                };
                for (i, el) in a.elements.iter().enumerate() {
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
                        (Some(t), Some(s)) => {
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
            Expression::ObjectExpression(o) => {
                let mut v = Val::default();
                for p in &o.properties {
                    let item = match p {
                        ast::ObjectPropertyKind::ObjectProperty(p) => self.eval_at(&p.value, d),
                        ast::ObjectPropertyKind::SpreadProperty(s) => {
                            let inner = self.eval_at(&s.argument, d);
                            if inner.qual.as_deref() == Some("global.process.env") {
                                Val::tainted(Taint::SECRET)
                            } else {
                                inner
                            }
                        }
                    };
                    v.taint |= item.taint;
                }
                v
            }
            _ => Val::default(),
        }
    }

    /// The callee's value, the receiver's value (for a method call) and the method name.
    pub(crate) fn callee(&self, callee: &Expression<'_>, d: u32) -> (Val, Option<Val>, String) {
        match callee.get_inner_expression() {
            Expression::StaticMemberExpression(m) => {
                let receiver = self.eval_at(&m.object, d);
                let name = m.property.name.as_str();
                (
                    self.member(receiver.clone(), name, false),
                    Some(receiver),
                    name.to_owned(),
                )
            }
            Expression::ComputedMemberExpression(m) => {
                let receiver = self.eval_at(&m.object, d);
                let key = self.eval_at(&m.expression, d);
                match key.exact_text() {
                    Some(k) => {
                        let k = k.to_owned();
                        (
                            self.member(receiver.clone(), &k, key.folded),
                            Some(receiver),
                            k,
                        )
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

    fn member(&self, base: Val, prop: &str, folded: bool) -> Val {
        if base.qual.as_deref() == Some("global.process.env") {
            return env_value(prop);
        }
        let qual = base.qual.as_ref().map(|q| concat([q, ".", prop]));
        if let Some(q) = &qual
            && let Some(v) = self.lookup(q)
        {
            return v.clone();
        }
        Val {
            qual,
            folded,
            taint: base.taint,
            text: if prop == "length" {
                None
            } else {
                base.text.filter(|_| prop == "source")
            },
            exact: false,
        }
    }

    #[allow(clippy::too_many_lines)]
    fn eval_call(&self, callee: &Expression<'_>, arguments: &[Argument<'_>], d: u32) -> Val {
        // The receiver is evaluated once and the callee derived from it: evaluating
        // both would double the work at every link of a method chain.
        let (func, receiver, method) = self.callee(callee, d);
        let args: Vec<Val> = arguments.iter().map(|a| self.eval_arg(a)).collect();
        let mut taint = receiver.as_ref().map_or(0, |r| r.taint);
        for a in &args {
            taint |= a.taint;
            if a.qual.as_deref() == Some("global.process.env") {
                taint |= Taint::SECRET;
            }
        }
        let qual_text = func.qual.as_deref().map(normalize).unwrap_or_default();
        let qual: &str = &qual_text;
        let exact_arg = |i: usize| args.get(i).and_then(Val::exact_text);
        let recv_text = receiver.as_ref().and_then(Val::exact_text);

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
                    None => Val {
                        qual: Some("#buffer".into()),
                        text: args.first().and_then(|a| a.text.clone()),
                        exact: args.first().is_some_and(|a| a.exact),
                        folded: args.first().is_some_and(|a| a.folded),
                        taint,
                    },
                };
            }
            "global.atob" => {
                let decoded = exact_arg(0).and_then(|t| decode_text(Scheme::Base64, t));
                return Val {
                    exact: decoded.is_some(),
                    text: decoded,
                    folded: true,
                    taint: taint | Taint::DECODED,
                    qual: None,
                };
            }
            "global.String.fromCharCode" | "global.String.fromCodePoint" => {
                let chars: Option<String> = args
                    .iter()
                    .map(|a| {
                        a.exact_text()
                            .and_then(|t| t.parse::<f64>().ok())
                            .and_then(|n| {
                                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                                let n = n as u32;
                                char::from_u32(n)
                            })
                    })
                    .collect();
                return Val {
                    exact: chars.is_some(),
                    text: chars,
                    folded: true,
                    taint: taint | Taint::DECODED | Taint::OBFUSCATED,
                    qual: None,
                };
            }
            "global.decodeURIComponent" | "global.decodeURI" | "global.unescape" => {
                let encoded = exact_arg(0).is_some_and(|t| t.contains('%'));
                return Val {
                    text: exact_arg(0).map(str::to_owned),
                    exact: false,
                    folded: true,
                    taint: taint | if encoded { Taint::DECODED } else { 0 },
                    qual: None,
                };
            }
            "zlib.inflateSync"
            | "zlib.gunzipSync"
            | "zlib.inflateRawSync"
            | "zlib.unzipSync"
            | "zlib.brotliDecompressSync" => {
                return Val::tainted(taint | Taint::DECODED);
            }
            "path.join" | "path.resolve" | "path.posix.join" | "path.win32.join" => {
                let parts: Vec<String> = args
                    .iter()
                    .map(|a| a.text.clone().unwrap_or_else(|| "*".into()))
                    .collect();
                return Val {
                    text: Some(parts.join("/")),
                    taint,
                    ..Val::default()
                };
            }
            "os.homedir" => {
                return Val {
                    text: Some("~".into()),
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
                let secret = args
                    .first()
                    .and_then(|a| a.text.as_deref())
                    .and_then(signals::secret_path)
                    .is_some();
                return Val::tainted(taint | if secret { Taint::SECRET } else { 0 });
            }
            _ => {}
        }
        match method.as_str() {
            "toString" => {
                if let Some(r) = &receiver {
                    let encodes = exact_arg(0).is_some_and(|e| matches!(e, "base64" | "hex"));
                    return Val {
                        text: if encodes { None } else { r.text.clone() },
                        exact: !encodes && r.exact,
                        folded: r.folded,
                        taint,
                        qual: None,
                    };
                }
            }
            "split" | "join" | "concat" | "trim" | "toLowerCase" | "toUpperCase" | "slice" => {
                if let Some(r) = &receiver {
                    let mut text = r.text.clone();
                    let mut exact = r.exact;
                    if method == "concat" {
                        for a in &args {
                            match (&mut text, a.exact_text()) {
                                (Some(t), Some(s)) => t.push_str(s),
                                _ => exact = false,
                            }
                        }
                    }
                    if method == "slice" {
                        exact = false;
                    }
                    return Val {
                        text,
                        exact,
                        folded: true,
                        taint,
                        qual: None,
                    };
                }
            }
            "reverse" => {
                if let Some(r) = &receiver {
                    return Val {
                        text: r.text.as_ref().map(|t| t.chars().rev().collect()),
                        exact: r.exact,
                        folded: true,
                        taint: taint | Taint::OBFUSCATED,
                        qual: None,
                    };
                }
            }
            "replace" | "replaceAll" => {
                if let (Some(base), Some(from), Some(to)) = (recv_text, exact_arg(0), exact_arg(1))
                {
                    return Val {
                        text: Some(base.replace(from, to)),
                        exact: true,
                        folded: true,
                        taint,
                        qual: None,
                    };
                }
            }
            _ => {}
        }
        if super::calls::is_fetch(qual) {
            return Val::returned(Some(qual), taint | Taint::DOWNLOADED);
        }
        Val::returned(func.qual.as_deref(), taint)
    }
}
