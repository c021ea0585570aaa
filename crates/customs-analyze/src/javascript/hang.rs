//! Sabotage by hanging: a loop that can never end, in code that runs when the package is
//! loaded (the colors.js and faker.js protest releases printed a banner and spun forever,
//! so every program that required them stopped). JavaScript runs one thread: a
//! synchronous loop whose condition is always true and whose body has no way out (no
//! `break`, `return`, `throw`, no `await` or `yield` handing control back, no exit of
//! the process) stops the program that loaded it for good. Real code that loops on
//! `while (true)` always leaves it one of those ways, or by an exception that what it
//! calls throws inside a `try`.

use oxc_ast::ast::{self, Expression, Statement};
use oxc_ast_visit::{Visit, walk};
use oxc_syntax::scope::ScopeFlags;

use super::Walker;
use crate::BehaviourKind;

/// Whether a loop's condition is always true: missing (`for (;;)`), a truthy constant
/// (`while (true)`, `while (1)`, `while (!0)`) or a count towards infinity (`i <
/// Infinity`).
fn always_true(test: Option<&Expression<'_>>) -> bool {
    let Some(test) = test else {
        return true;
    };
    match test.get_inner_expression() {
        Expression::BooleanLiteral(b) => b.value,
        Expression::NumericLiteral(n) => n.value != 0.0 && !n.value.is_nan(),
        Expression::UnaryExpression(u) => {
            u.operator == ast::UnaryOperator::LogicalNot
                && matches!(u.argument.get_inner_expression(), Expression::NumericLiteral(n) if n.value == 0.0)
        }
        Expression::BinaryExpression(b) => {
            use ast::BinaryOperator::{GreaterEqualThan, GreaterThan, LessEqualThan, LessThan};
            match b.operator {
                LessThan | LessEqualThan => is_infinity(&b.right),
                GreaterThan | GreaterEqualThan => is_infinity(&b.left),
                _ => false,
            }
        }
        _ => false,
    }
}

fn is_infinity(e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::Identifier(i) => i.name == "Infinity",
        Expression::StaticMemberExpression(m) => {
            m.property.name == "POSITIVE_INFINITY"
                && matches!(m.object.get_inner_expression(), Expression::Identifier(o) if o.name == "Number")
        }
        _ => false,
    }
}

/// Finds a way out of a loop body; functions written inside it are not its code.
#[derive(Default)]
struct Exit(bool);

impl<'a> Visit<'a> for Exit {
    fn visit_statement(&mut self, it: &Statement<'a>) {
        if self.0 {
            return;
        }
        // `continue outer` leaves this loop for an enclosing one.
        let labelled_continue = matches!(it, Statement::ContinueStatement(c) if c.label.is_some());
        if labelled_continue
            || matches!(
                it,
                Statement::BreakStatement(_)
                    | Statement::ReturnStatement(_)
                    | Statement::ThrowStatement(_)
            )
        {
            self.0 = true;
            return;
        }
        walk::walk_statement(self, it);
    }
    fn visit_await_expression(&mut self, _: &ast::AwaitExpression<'a>) {
        self.0 = true;
    }
    fn visit_yield_expression(&mut self, _: &ast::YieldExpression<'a>) {
        self.0 = true;
    }
    fn visit_call_expression(&mut self, it: &ast::CallExpression<'a>) {
        // `process.exit()`, `process.abort()`, `exit()`: the program ends.
        let exits = match it.callee.get_inner_expression() {
            Expression::StaticMemberExpression(m) => {
                matches!(
                    m.property.name.as_str(),
                    "exit" | "abort" | "kill" | "reallyExit"
                )
            }
            Expression::Identifier(i) => i.name == "exit",
            _ => false,
        };
        if exits {
            self.0 = true;
            return;
        }
        walk::walk_call_expression(self, it);
    }
    fn visit_function(&mut self, _: &ast::Function<'a>, _: ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &ast::ArrowFunctionExpression<'a>) {}
    fn visit_class(&mut self, _: &ast::Class<'a>) {}
}

/// A loop (`test` its condition, missing for `for (;;)`) that never ends.
pub(crate) fn on_loop(
    w: &mut Walker<'_>,
    test: Option<&Expression<'_>>,
    body: &Statement<'_>,
    offset: u32,
) {
    // Inside `try`, what the body calls can end the loop by throwing (compiled OCaml
    // iterates `for (;;)` until a called function raises).
    if w.try_depth > 0 || !always_true(test) {
        return;
    }
    let mut exit = Exit::default();
    exit.visit_statement(body);
    if exit.0 {
        return;
    }
    w.push(
        BehaviourKind::Destruction,
        offset,
        "a loop with no way out (its condition is always true; no break, return, throw, await or exit): the program that loads it hangs",
    );
}
