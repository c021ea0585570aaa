use std::collections::BTreeSet;

use customs_analyze::{BehaviourKind, Context};
use customs_rules::{Confidence, Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule};

declare_rule! {
    /// ## What it finds
    /// A behaviour that runs at install or import time in the new release (network
    /// access, starting a process, decoding and executing, reading secrets,
    /// obfuscation) of a kind that the previous release never did in that context.
    ///
    /// ## Why it matters
    /// Each of these may be legitimate in a package that always did it. A release that
    /// starts doing it at install or import time, when its predecessor did not, has
    /// changed what merely installing or importing it does to a machine.
    ///
    /// ## Example
    /// ```text
    /// 1.4.0: no network access at import
    /// 1.4.1: __init__.py: urllib.request.urlopen("http://203.0.113.7/c")
    /// ```
    ///
    /// ## When it is wrong
    /// New features (an update check, a telemetry opt-in) can bring such behaviours
    /// honestly; the finding is medium unless the behaviour is one malware uses.
    NewInstallBehaviour {
        id: "new-install-behaviour",
        summary: "a behaviour new to install or import time compared with the previous release",
        severity: High,
        confidence: Medium,
    }
}

fn severity(kind: BehaviourKind, context: Context) -> Option<Severity> {
    use BehaviourKind as K;
    let base = match kind {
        K::DecodeExecute
        | K::DownloadExecute
        | K::SecretExfiltration
        | K::ReverseShell
        | K::SelfPropagation
        | K::Persistence
        | K::Destruction
        | K::BrowserHijack => Severity::High,
        K::Network
        | K::SuspiciousDestination
        | K::ProcessSpawn
        | K::SecretRead
        | K::DynamicExecute
        | K::Obfuscation
        | K::HiddenProcess
        | K::SelfDelete
        | K::AntiAnalysis
        | K::HostRecon => Severity::Medium,
        K::DynamicImport | K::Decode => return None,
    };
    match context {
        Context::Install => Some(base),
        Context::Import => Some(if base == Severity::High {
            Severity::High
        } else {
            Severity::Low
        }),
        Context::Runtime | Context::Metadata => None,
    }
}

impl HistoryRule for NewInstallBehaviour {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let before: BTreeSet<(BehaviourKind, Context)> = input
            .old
            .behaviours
            .iter()
            .map(|b| (b.kind, b.context))
            .collect();
        let mut reported = BTreeSet::new();
        for b in &input.changes.behaviours_appeared {
            let Some(severity) = severity(b.kind, b.context) else {
                continue;
            };
            if before.contains(&(b.kind, b.context)) || !reported.insert((b.kind, b.context)) {
                continue;
            }
            out.push(Finding {
                rule: Self::META.id,
                severity,
                confidence: Confidence::Medium,
                context: b.context,
                message: format!(
                    "new {}: {} ({}); the previous release had none",
                    customs_rules::when(b.context),
                    b.kind.as_str(),
                    b.detail
                ),
                path: format!("{}{}", input.new.root, b.path),
                line: (b.line > 0).then_some(b.line),
                column: None,
                snippet: (!b.snippet.is_empty()).then(|| b.snippet.clone()),
                fact: None,
            });
        }
    }
}
