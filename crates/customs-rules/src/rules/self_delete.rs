use crate::Confidence::{Low, Medium};
use crate::Severity::{High, Low as L, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Code that deletes its own files (`os.remove(__file__)`, `fs.unlinkSync(__filename)`)
    /// or swaps its `package.json` after running.
    ///
    /// ## Why it matters
    /// Anti-forensics: the installed package looks clean afterwards. A worm of 2025 ran
    /// its `postinstall` and then replaced its manifest with one that had none.
    ///
    /// ## Example
    /// ```javascript
    /// fs.unlinkSync(__filename); fs.renameSync('package.md', 'package.json');
    /// ```
    ///
    /// ## When it is wrong
    /// Installers that clean up their own temporary scripts do this in build tooling,
    /// rarely in a published package.
    SelfDelete {
        id: "self-delete",
        summary: "deletes its own files",
        severity: High,
        confidence: Medium,
    }
}

behaviour_rule!(
    SelfDelete,
    SelfDelete,
    [Some(High), Some(M), Some(L)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
