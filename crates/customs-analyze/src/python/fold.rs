//! Folding of numbers and characters: the arithmetic that `chr()` builders hide text
//! behind (`chr(92 + 7)`, `"".join(chr(c - 3) for c in [...])`, `map(chr, [...])`,
//! `bytes([111, 115]).decode()`, `bytes(b ^ 0x20 for b in b"...")`). Pure, like
//! evaluation: nothing is recorded.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};

use super::Walker;

/// Longest list of numbers folded (a constant payload spelled as numbers can be long,
/// but folding stays linear in the source).
const MAX_INTS: usize = 1 << 16;

/// Deepest arithmetic folded.
const MAX_DEPTH: u32 = 32;

/// A constant a name is bound to that [`Val`](crate::value::Val) does not carry: a
/// number or a list of numbers.
#[derive(Debug, Clone)]
pub(crate) enum Consts {
    One(i64),
    List(Rc<[i64]>),
}

/// The loop variables a comprehension binds while its element is folded.
type Env<'a> = &'a [(&'a str, i64)];

fn literal(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_i64(),
            _ => None,
        },
        Expr::BooleanLiteral(b) => Some(i64::from(b.value)),
        _ => None,
    }
}

fn binary(op: ast::Operator, l: i64, r: i64) -> Option<i64> {
    use ast::Operator as O;
    match op {
        O::Add => l.checked_add(r),
        O::Sub => l.checked_sub(r),
        O::Mult => l.checked_mul(r),
        // Python's floor division and modulo round towards negative infinity.
        O::FloorDiv => {
            let q = l.checked_div(r)?;
            Some(if (l % r != 0) && ((l < 0) != (r < 0)) {
                q - 1
            } else {
                q
            })
        }
        O::Mod => {
            let m = l.checked_rem(r)?;
            Some(if m != 0 && ((m < 0) != (r < 0)) {
                m + r
            } else {
                m
            })
        }
        O::BitXor => Some(l ^ r),
        O::BitAnd => Some(l & r),
        O::BitOr => Some(l | r),
        O::LShift => u32::try_from(r)
            .ok()
            .filter(|&s| s < 63)
            .and_then(|s| l.checked_shl(s)),
        O::RShift => u32::try_from(r).ok().filter(|&s| s < 64).map(|s| l >> s),
        O::Pow => u32::try_from(r).ok().and_then(|e| l.checked_pow(e)),
        _ => None,
    }
}

fn name_of(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(n) => Some(n.id.as_str()),
        _ => None,
    }
}

fn is_builtin_call<'c>(expr: &'c Expr, name: &str) -> Option<&'c ast::ExprCall> {
    match expr {
        Expr::Call(c) if name_of(&c.func) == Some(name) => Some(c),
        _ => None,
    }
}

impl Walker {
    fn consts(&self, name: &str) -> Option<&Consts> {
        for s in self.scopes.iter().rev() {
            if let Some(c) = s.consts.get(name) {
                return Some(c);
            }
            // A binding that is not a constant hides the constants of outer scopes.
            if s.vars.contains_key(name) {
                return None;
            }
        }
        None
    }

    /// The number an expression folds to.
    pub(crate) fn int_of(&self, expr: &Expr, env: Env<'_>) -> Option<i64> {
        self.int_at(expr, env, 0)
    }

    fn int_at(&self, expr: &Expr, env: Env<'_>, depth: u32) -> Option<i64> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match expr {
            Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) => literal(expr),
            Expr::UnaryOp(u) => {
                let v = self.int_at(&u.operand, env, d)?;
                match u.op {
                    ast::UnaryOp::USub => v.checked_neg(),
                    ast::UnaryOp::UAdd => Some(v),
                    ast::UnaryOp::Invert => Some(!v),
                    ast::UnaryOp::Not => None,
                }
            }
            Expr::BinOp(b) => binary(
                b.op,
                self.int_at(&b.left, env, d)?,
                self.int_at(&b.right, env, d)?,
            ),
            Expr::Name(n) => {
                let id = n.id.as_str();
                env.iter()
                    .rev()
                    .find(|(name, _)| *name == id)
                    .map(|&(_, v)| v)
                    .or_else(|| match self.consts(id) {
                        Some(Consts::One(v)) => Some(*v),
                        _ => None,
                    })
            }
            Expr::Call(c) if c.arguments.keywords.is_empty() => {
                let args = &c.arguments.args;
                match (name_of(&c.func)?, args.len()) {
                    ("ord", 1) => {
                        let text = self.eval(&args[0]);
                        let mut chars = text.exact_text()?.chars();
                        let ch = chars.next()?;
                        chars.next().is_none().then_some(i64::from(u32::from(ch)))
                    }
                    ("int", 1) => match &args[0] {
                        Expr::StringLiteral(s) => s.value.to_str().trim().parse().ok(),
                        // `int("71" + "00" + ...)`: digits assembled as text.
                        other => self
                            .int_at(other, env, d)
                            .or_else(|| self.eval(other).exact_text()?.trim().parse().ok()),
                    },
                    ("int", 2) => {
                        let text = self.eval(&args[0]);
                        let base = u32::try_from(self.int_at(&args[1], env, d)?).ok()?;
                        if !(2..=36).contains(&base) {
                            return None;
                        }
                        let t = text.exact_text()?.trim();
                        let t = t
                            .strip_prefix("0x")
                            .or_else(|| t.strip_prefix("0o"))
                            .or_else(|| t.strip_prefix("0b"))
                            .unwrap_or(t);
                        i64::from_str_radix(t, base).ok()
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The constant numbers an iterable folds to: a literal list, a bytes literal, a
    /// name bound to one, a comprehension or `map(lambda ...)` over one, `reversed(...)`.
    pub(crate) fn ints_of(&self, expr: &Expr) -> Option<Rc<[i64]>> {
        self.ints_at(expr, 0)
    }

    fn ints_at(&self, expr: &Expr, depth: u32) -> Option<Rc<[i64]>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match expr {
            Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
                if elts.len() > MAX_INTS {
                    return None;
                }
                elts.iter().map(|e| self.int_at(e, &[], d)).collect()
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<i64> = b
                    .value
                    .iter()
                    .flat_map(|p| p.value.iter().map(|&b| i64::from(b)))
                    .take(MAX_INTS + 1)
                    .collect();
                (bytes.len() <= MAX_INTS).then(|| bytes.into())
            }
            Expr::Name(n) => match self.consts(n.id.as_str()) {
                Some(Consts::List(list)) => Some(Rc::clone(list)),
                _ => None,
            },
            Expr::Generator(ast::ExprGenerator {
                elt, generators, ..
            })
            | Expr::ListComp(ast::ExprListComp {
                elt, generators, ..
            }) => {
                let [g] = generators.as_slice() else {
                    return None;
                };
                if !g.ifs.is_empty() {
                    return None;
                }
                let var = name_of(&g.target)?;
                let items = self.ints_at(&g.iter, d)?;
                items
                    .iter()
                    .map(|&v| self.int_at(elt, &[(var, v)], d))
                    .collect()
            }
            Expr::Call(c) if c.arguments.keywords.is_empty() => {
                let args = &c.arguments.args;
                match (name_of(&c.func)?, args.len()) {
                    ("reversed", 1) => {
                        let mut v = self.ints_at(&args[0], d)?.to_vec();
                        v.reverse();
                        Some(v.into())
                    }
                    ("list" | "tuple" | "bytes" | "bytearray", 1) => self.ints_at(&args[0], d),
                    ("map", 2) => {
                        let Expr::Lambda(l) = &args[0] else {
                            return None;
                        };
                        let params = l.parameters.as_deref()?;
                        let [p] = params.args.as_slice() else {
                            return None;
                        };
                        let var = p.parameter.name.as_str();
                        let items = self.ints_at(&args[1], d)?;
                        items
                            .iter()
                            .map(|&v| self.int_at(&l.body, &[(var, v)], d))
                            .collect()
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The text an iterable of `chr()` results folds to: `chr(E) for x in [...]`,
    /// `[chr(E) for ...]`, `map(chr, [...])`, `map(lambda x: chr(E), [...])`.
    pub(crate) fn chars_of(&self, expr: &Expr) -> Option<String> {
        let codes: Rc<[i64]> = match expr {
            Expr::Generator(ast::ExprGenerator {
                elt, generators, ..
            })
            | Expr::ListComp(ast::ExprListComp {
                elt, generators, ..
            }) => {
                let chr = is_builtin_call(elt, "chr")?;
                let [arg] = chr.arguments.args.as_ref() else {
                    return None;
                };
                let [g] = generators.as_slice() else {
                    return None;
                };
                if !g.ifs.is_empty() {
                    return None;
                }
                let var = name_of(&g.target)?;
                let items = self.ints_of(&g.iter)?;
                items
                    .iter()
                    .map(|&v| self.int_of(arg, &[(var, v)]))
                    .collect::<Option<_>>()?
            }
            Expr::Call(c) if name_of(&c.func) == Some("map") && c.arguments.args.len() == 2 => {
                let args = &c.arguments.args;
                match &args[0] {
                    Expr::Name(n) if n.id.as_str() == "chr" => self.ints_of(&args[1])?,
                    Expr::Lambda(l) => {
                        let chr = is_builtin_call(&l.body, "chr")?;
                        let [arg] = chr.arguments.args.as_ref() else {
                            return None;
                        };
                        let params = l.parameters.as_deref()?;
                        let [p] = params.args.as_slice() else {
                            return None;
                        };
                        let var = p.parameter.name.as_str();
                        let items = self.ints_of(&args[1])?;
                        items
                            .iter()
                            .map(|&v| self.int_of(arg, &[(var, v)]))
                            .collect::<Option<_>>()?
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        codes
            .iter()
            .map(|&c| u32::try_from(c).ok().and_then(char::from_u32))
            .collect()
    }

    /// The constant bound to a name by an assignment of `value`, if it is one.
    pub(crate) fn consts_of(&self, value: &Expr) -> Option<Consts> {
        match value {
            Expr::NumberLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_) => {
                self.int_of(value, &[]).map(Consts::One)
            }
            Expr::List(_) | Expr::Tuple(_) | Expr::BytesLiteral(_) | Expr::ListComp(_) => {
                self.ints_of(value).map(Consts::List)
            }
            Expr::Call(c) if matches!(name_of(&c.func), Some("bytes" | "bytearray" | "list")) => {
                self.ints_of(value).map(Consts::List)
            }
            Expr::Call(c) if name_of(&c.func) == Some("int") => {
                self.int_of(value, &[]).map(Consts::One)
            }
            _ => None,
        }
    }
}

/// True when an expression XORs something that is not a constant with something else
/// (`b ^ key[i % n]`, `ord(c) ^ 42`): inside a loop or a comprehension, the classic
/// hand-rolled decoder.
pub(crate) fn contains_xor(expr: &Expr) -> bool {
    fn walk(e: &Expr, depth: u32) -> bool {
        if depth > 24 {
            return false;
        }
        let d = depth + 1;
        match e {
            Expr::BinOp(b) => {
                (b.op == ast::Operator::BitXor
                    && !(literal(&b.left).is_some() && literal(&b.right).is_some()))
                    || walk(&b.left, d)
                    || walk(&b.right, d)
            }
            Expr::Call(c) => c.arguments.args.iter().any(|a| walk(a, d)),
            Expr::Generator(g) => walk(&g.elt, d),
            Expr::ListComp(g) => walk(&g.elt, d),
            Expr::Lambda(l) => walk(&l.body, d),
            Expr::List(l) => l.elts.iter().any(|a| walk(a, d)),
            Expr::Tuple(t) => t.elts.iter().any(|a| walk(a, d)),
            Expr::UnaryOp(u) => walk(&u.operand, d),
            _ => false,
        }
    }
    walk(expr, 0)
}
