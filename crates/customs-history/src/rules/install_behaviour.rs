use std::collections::BTreeSet;

use customs_analyze::{BehaviourKind, Context};
use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule};

use customs_rules::history::NewInstallBehaviour;

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
        K::DynamicImport | K::Decode | K::RawCapability => return None,
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
