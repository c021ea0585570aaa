use crate::Confidence::High;
use crate::Severity::Medium;
use crate::model::declare_rule;
use crate::rules::empty_metadata::says_nothing;

declare_rule! {
    /// ## What it finds
    /// A system capability in its rawest form, in a package that says nothing about itself
    /// (no description, home page or repository): a function that runs whatever shell
    /// command its caller passes (`execSync(command)`, `os.system(command)`,
    /// `subprocess.run(command, shell=True)`), or the DNS resolver loaded
    /// (`require('dns')`).
    ///
    /// ## Why it matters
    /// A shell runner hands every caller the machine; DNS look-ups carry data out past
    /// most firewalls and are a favourite beacon of dependency-confusion probes. A library
    /// that says what it is for explains them; a package that says nothing does not, and a
    /// human should look before it is installed.
    ///
    /// ## Example
    /// ```javascript
    /// const cp = require('child_process');
    /// module.exports = (command) => cp.execSync(command);
    /// ```
    ///
    /// ## When it is wrong
    /// Small personal helpers published without a description look the same. Adding a
    /// description and a repository to the package (or allowing it by its sha256) settles
    /// it. Packages that describe themselves are never reported.
    UnexplainedCapability {
        id: "unexplained-capability",
        summary: "a raw system capability in a package that says nothing about itself",
        severity: Medium,
        confidence: High,
    }
}

impl crate::Rule for UnexplainedCapability {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, input: &crate::Input<'_>, out: &mut Vec<crate::Finding>) {
        if !says_nothing(input.package) {
            return;
        }
        crate::rules::from_behaviours(
            input,
            out,
            &Self::META,
            customs_analyze::BehaviourKind::RawCapability,
            [Some(Medium), Some(Medium), Some(Medium)],
            |_| High,
            |b| format!("{} ({})", b.detail, crate::when(b.context)),
        );
    }
}
