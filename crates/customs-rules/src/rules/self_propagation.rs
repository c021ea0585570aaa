use crate::Confidence::{High as Sure, Medium};
use crate::Severity::{Critical, High, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Code that republishes packages (`npm publish`) or plants GitHub Actions workflows
    /// (`.github/workflows/...`).
    ///
    /// ## Why it matters
    /// Worms in the npm ecosystem stole the installing developer's token, injected
    /// themselves into every package that developer maintains and published new versions,
    /// and wrote workflows that exfiltrate repository secrets.
    ///
    /// ## Example
    /// ```javascript
    /// fs.writeFileSync('.github/workflows/ci.yml', workflow);
    /// execSync('npm publish');
    /// ```
    ///
    /// ## When it is wrong
    /// Release tooling (semantic-release and the like) publishes and writes workflows as
    /// its job, inside functions, not at install time: at install time this finding is
    /// critical.
    SelfPropagation {
        id: "self-propagation",
        summary: "publishes packages or plants CI workflows",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    SelfPropagation,
    SelfPropagation,
    [Some(Critical), Some(High), Some(M)],
    |b| match b.context {
        customs_analyze::Context::Install => Sure,
        customs_analyze::Context::Runtime => crate::Confidence::Low,
        _ => Medium,
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
