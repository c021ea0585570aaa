use crate::Confidence::Low;
use crate::Severity::Low as L;
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// `require(x)`, `import(x)`, `__import__(x)` or `importlib.import_module(x)` at
    /// install time or on import, where `x` is not a constant.
    ///
    /// ## Why it matters
    /// A module chosen at run time hides what the code depends on.
    ///
    /// ## Example
    /// ```javascript
    /// require(Buffer.from(name, 'hex').toString())
    /// ```
    ///
    /// ## When it is wrong
    /// Plugin loaders and optional-dependency probes do this all the time; the finding
    /// is low severity and low confidence and never decides a verdict alone.
    DynamicImport {
        id: "dynamic-import",
        summary: "imports a module named at run time",
        severity: Low,
        confidence: Low,
    }
}

behaviour_rule!(
    DynamicImport,
    DynamicImport,
    [Some(L), None, None],
    |_| Low,
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
