//! Small functions evaluated where they are called: the helper a decoder is wrapped in
//! (`const r = (s) => s.replace(/[a-z]/gi, ...)`, `const s = (...c) =>
//! String.fromCharCode(...c)`) and the callbacks given to `map` and `replace`. Only
//! bodies of declarations and a `return` are evaluated, within a budget per file, so a
//! file full of helpers stays linear.

use oxc_allocator::Allocator;
use oxc_ast::ast::{self, BindingPattern, Expression, FormalParameters};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{SourceType, Span};
use rustc_hash::FxHashMap as HashMap;

use super::Walker;
use super::fold;
use crate::value::Val;

/// Evaluations of small functions per file (a `map` over a payload counts one per item).
pub(crate) const BUDGET: u32 = 200_000;
/// Re-parses of named small functions per file.
pub(crate) const REPARSES: u32 = 512;
/// Longest function kept for evaluation where it is called.
const MAX_SMALL: usize = 1024;
/// Deepest nesting of small functions evaluated inside each other.
const MAX_INLINE_DEPTH: u32 = 4;
/// What a function must mention to be worth keeping: the pieces of decoders and loaders.
const WORTH: &[&str] = &[
    "fromCharCode",
    "fromCodePoint",
    "charCodeAt",
    "replace",
    "reverse",
    "atob",
    "Buffer",
    "require",
    "parseInt",
    "unescape",
    "decodeURI",
    "split",
];

static WORTH_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(WORTH).expect("the needles are valid")
    });

/// Whether a text holds one of [`WORTH`]'s words: a leftmost-first automaton, the match
/// kind the vectorised search serves (the overlapping index keeps [`WORTH_FINDER`]).
static WORTH_ANY: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(WORTH)
        .expect("the needles are valid")
});

/// Most [`WORTH`] places indexed per file; past it, each function is searched alone.
const MAX_WORTH_PLACES: usize = 1 << 18;

/// Where a file mentions [`WORTH`]'s words. Each small function was searched on its
/// own, and a bundle's nested helpers were searched again inside every enclosing one:
/// once the functions searched add up to the file's length, the file is searched once
/// and every later function looks its span up.
#[derive(Default)]
pub(crate) struct Worth {
    /// Bytes searched function by function so far.
    searched: usize,
    /// Every occurrence (start, end), by start; `Some(None)` when there were too many.
    places: Option<Option<Vec<(u32, u32)>>>,
}

impl Worth {
    /// Whether `span` of `source` (`text`) holds one of the words.
    fn in_span(&mut self, source: &str, text: &str, span: Span) -> bool {
        if self.places.is_none() && self.searched + text.len() <= source.len() {
            self.searched += text.len();
            return WORTH_ANY.is_match(text);
        }
        let places = self.places.get_or_insert_with(|| {
            let mut all = Vec::new();
            for m in WORTH_FINDER.find_overlapping_iter(source) {
                if all.len() == MAX_WORTH_PLACES {
                    return None;
                }
                let (Ok(start), Ok(end)) = (u32::try_from(m.start()), u32::try_from(m.end()))
                else {
                    return None;
                };
                all.push((start, end));
            }
            all.sort_unstable();
            Some(all)
        });
        match places {
            Some(all) => {
                let first = all.partition_point(|&(start, _)| start < span.start);
                all[first..]
                    .iter()
                    .take_while(|&&(start, _)| start < span.end)
                    .any(|&(_, end)| end <= span.end)
            }
            None => WORTH_ANY.is_match(text),
        }
    }
}

impl Walker<'_> {
    /// The value a small function worth evaluating is bound to, if it is one.
    pub(crate) fn small_function(&mut self, span: Span) -> Option<Val> {
        let text = self.source.get(span.start as usize..span.end as usize)?;
        if text.len() > MAX_SMALL || !self.worth.in_span(self.source, text, span) {
            return None;
        }
        let index = self.fn_texts.len();
        self.fn_texts.push(text.to_owned());
        Some(Val::qual(format!("#fn:{index}")))
    }

    /// Calls the small function `#fn:N` with `args`.
    pub(crate) fn call_small(&self, index: &str, args: &[Val]) -> Option<Val> {
        let text = self.fn_texts.get(index.parse::<usize>().ok()?)?;
        if self.reparses.get() == 0 {
            return None;
        }
        self.reparses.set(self.reparses.get() - 1);
        let allocator = Allocator::default();
        let expr = Parser::new(&allocator, text, SourceType::cjs())
            .parse_expression()
            .ok()?;
        self.apply_function(&expr, args)
    }

    /// Calls a callback given as an argument: a function written there, or a small
    /// function bound by name (`value`).
    pub(crate) fn call_callback(
        &self,
        expr: Option<&Expression<'_>>,
        value: Option<&Val>,
        args: &[Val],
    ) -> Option<Val> {
        if let Some(e) = expr
            && matches!(
                e.get_inner_expression(),
                Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
            )
        {
            return self.apply_function(e, args);
        }
        let index = value?.qual.as_deref()?.strip_prefix("#fn:")?;
        self.call_small(index, args)
    }

    /// Evaluates a function expression's body with its parameters bound to `args`.
    pub(crate) fn apply_function(&self, f: &Expression<'_>, args: &[Val]) -> Option<Val> {
        enum Body<'b, 'a> {
            Expr(&'b Expression<'a>),
            Block(&'b ast::FunctionBody<'a>),
        }
        let (params, body) = match f.get_inner_expression() {
            Expression::ArrowFunctionExpression(a) => (
                &a.params,
                match a.get_expression() {
                    Some(e) => Body::Expr(e),
                    None => Body::Block(a.get_function_body()?),
                },
            ),
            Expression::FunctionExpression(func) => {
                (&func.params, Body::Block(func.body.as_ref()?))
            }
            _ => return None,
        };
        if self.budget.get() == 0 || self.inline_depth.get() >= MAX_INLINE_DEPTH {
            return None;
        }
        self.budget.set(self.budget.get() - 1);
        self.frames.borrow_mut().push(bind_parameters(params, args));
        self.inline_depth.set(self.inline_depth.get() + 1);
        let result = match body {
            Body::Expr(e) => Some(self.eval(e)),
            Body::Block(b) => self.run_statements(&b.statements),
        };
        self.inline_depth.set(self.inline_depth.get() - 1);
        self.frames.borrow_mut().pop();
        result
    }

    fn run_statements(&self, statements: &[ast::Statement<'_>]) -> Option<Val> {
        for stmt in statements {
            match stmt {
                ast::Statement::VariableDeclaration(v) => {
                    for d in &v.declarations {
                        let BindingPattern::BindingIdentifier(id) = &d.id else {
                            return None;
                        };
                        let value = d.init.as_ref().map(|e| self.eval(e)).unwrap_or_default();
                        if let Some(frame) = self.frames.borrow_mut().last_mut() {
                            frame.insert(id.name.as_str().to_owned(), value);
                        }
                    }
                }
                ast::Statement::ExpressionStatement(e) => {
                    self.eval(&e.expression);
                }
                ast::Statement::ReturnStatement(r) => {
                    return Some(
                        r.argument
                            .as_ref()
                            .map(|e| self.eval(e))
                            .unwrap_or_default(),
                    );
                }
                _ => return None,
            }
        }
        Some(Val::default())
    }

    /// A name bound in the small functions being evaluated.
    pub(crate) fn frame_lookup(&self, name: &str) -> Option<Val> {
        if self.inline_depth.get() == 0 {
            return None;
        }
        self.frames
            .borrow()
            .iter()
            .rev()
            .find_map(|f| f.get(name).cloned())
    }

    /// Assigns a name of the innermost small function being evaluated, if it has it.
    pub(crate) fn frame_assign(&self, name: &str, value: &Val) {
        if self.inline_depth.get() == 0 {
            return;
        }
        if let Some(frame) = self.frames.borrow_mut().last_mut()
            && let Some(slot) = frame.get_mut(name)
        {
            *slot = value.clone();
        }
    }
}

fn bind_parameters(params: &FormalParameters<'_>, args: &[Val]) -> HashMap<String, Val> {
    let mut frame = HashMap::default();
    for (i, p) in params.items.iter().enumerate() {
        if let BindingPattern::BindingIdentifier(id) = &p.pattern {
            frame.insert(
                id.name.as_str().to_owned(),
                args.get(i).cloned().unwrap_or_default(),
            );
        }
    }
    if let Some(rest) = &params.rest
        && let BindingPattern::BindingIdentifier(id) = &rest.rest.argument
    {
        let tail = args.get(params.items.len()..).unwrap_or_default();
        frame.insert(id.name.as_str().to_owned(), fold::array(tail));
    }
    frame
}

/// Whether a function's code works on character codes (a decoder's callback).
pub(crate) fn mentions_char_codes(e: &Expression<'_>) -> bool {
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_static_member_expression(&mut self, it: &ast::StaticMemberExpression<'a>) {
            if matches!(
                it.property.name.as_str(),
                "fromCharCode" | "charCodeAt" | "fromCodePoint" | "codePointAt"
            ) {
                self.0 = true;
            }
            walk::walk_static_member_expression(self, it);
        }
        fn visit_identifier_reference(&mut self, it: &ast::IdentifierReference<'a>) {
            if it.name == "parseInt" {
                self.0 = true;
            }
        }
        fn visit_binary_expression(&mut self, it: &ast::BinaryExpression<'a>) {
            if it.operator == ast::BinaryOperator::BitwiseXOR {
                self.0 = true;
            }
            walk::walk_binary_expression(self, it);
        }
    }
    if !matches!(
        e.get_inner_expression(),
        Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
    ) {
        return false;
    }
    let mut f = Finder(false);
    f.visit_expression(e);
    f.0
}

#[cfg(test)]
mod worth_tests {
    use oxc_span::Span;

    use super::{WORTH_FINDER, Worth};

    #[test]
    fn indexed_places_answer_as_the_search_of_each_span() {
        // Helpers, some worth keeping, nested and overlapping spans, searched until the
        // file is indexed and after.
        let parts = [
            "const a = (s) => s.split('').reverse().join('');\n",
            "function b(x) { return x + 1; }\n",
            "const c = (n) => String.fromCharCode(n ^ 7);\n",
            "let d = () => 42;\n",
            "const e = (t) => Buffer.from(t, 'hex');\n",
        ];
        let source = parts.concat().repeat(20);
        let mut spans = Vec::new();
        for start in (0..source.len()).step_by(13) {
            for len in [5, 17, 40, 90] {
                let end = (start + len).min(source.len());
                if source.is_char_boundary(start) && source.is_char_boundary(end) {
                    spans.push((start, end));
                }
            }
        }
        let mut worth = Worth::default();
        for &(start, end) in &spans {
            let text = &source[start..end];
            let at = |n: usize| u32::try_from(n).expect("a small source");
            let span = Span::new(at(start), at(end));
            assert_eq!(
                worth.in_span(&source, text, span),
                WORTH_FINDER.is_match(text),
                "{text:?}"
            );
        }
        assert!(worth.places.is_some(), "the file was indexed on the way");
    }
}
