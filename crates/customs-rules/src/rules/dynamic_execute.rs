use crate::Confidence::Low;
use crate::Severity::{Low as L, Medium};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Code built at run time and executed (`exec`, `eval`, `compile`, `new Function`,
    /// `vm.runIn*Context`, `python -c`) at install time or on import, when customs cannot
    /// tell where the code comes from.
    ///
    /// ## Why it matters
    /// Executing strings hides what runs. When the string comes from a decoder or the
    /// network, `decode-execute` or `download-execute` report it with high severity.
    ///
    /// ## Example
    /// ```javascript
    /// new Function(source)();
    /// ```
    ///
    /// ## When it is wrong
    /// Template engines and code generators compile code they build themselves; that
    /// usually happens inside functions and is not reported.
    DynamicExecute {
        id: "dynamic-execute",
        summary: "executes code built at run time",
        severity: Medium,
        confidence: Low,
    }
}

behaviour_rule!(
    DynamicExecute,
    DynamicExecute,
    [Some(Medium), Some(L), None],
    |_| Low,
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
