//! One file per rule. A rule's doc comment is its documentation.

use customs_analyze::BehaviourKind;

use crate::model::by_context;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

mod anti_analysis;
mod archive_bomb;
mod archive_encrypted;
mod archive_inconsistent;
mod archive_limits;
mod archive_link;
mod archive_path_escape;
mod browser_hijack;
mod capability_chain;
mod command_shadowing;
mod decode_execute;
mod destruction;
mod download_execute;
mod dynamic_execute;
mod dynamic_import;
mod empty_metadata;
mod hidden_process;
mod host_recon;
mod install_network;
mod install_process;
mod name_confusion;
mod native_binary;
mod npm_install_script;
mod npmrc_config;
mod obfuscation;
mod persistence;
mod pth_file;
mod reverse_shell;
mod secret_exfiltration;
mod secret_read;
mod self_delete;
mod self_propagation;
mod suspicious_destination;
mod unexplained_capability;
mod url_dependency;
mod wheel_record;

pub(crate) static ALL: &[&dyn Rule] = &[
    &decode_execute::DecodeExecute,
    &download_execute::DownloadExecute,
    &secret_exfiltration::SecretExfiltration,
    &reverse_shell::ReverseShell,
    &self_propagation::SelfPropagation,
    &browser_hijack::BrowserHijack,
    &persistence::Persistence,
    &secret_read::SecretRead,
    &capability_chain::CapabilityChain,
    &suspicious_destination::SuspiciousDestination,
    &obfuscation::Obfuscation,
    &hidden_process::HiddenProcess,
    &self_delete::SelfDelete,
    &destruction::Destruction,
    &anti_analysis::AntiAnalysis,
    &host_recon::HostRecon,
    &unexplained_capability::UnexplainedCapability,
    &install_process::InstallProcess,
    &install_network::InstallNetwork,
    &dynamic_execute::DynamicExecute,
    &dynamic_import::DynamicImport,
    &pth_file::PthFile,
    &npm_install_script::NpmInstallScript,
    &npmrc_config::NpmrcConfig,
    &url_dependency::UrlDependency,
    &name_confusion::NameConfusion,
    &command_shadowing::CommandShadowing,
    &native_binary::NativeBinary,
    &empty_metadata::EmptyMetadata,
    &wheel_record::WheelRecord,
    &archive_path_escape::ArchivePathEscape,
    &archive_link::ArchiveLink,
    &archive_bomb::ArchiveBomb,
    &archive_inconsistent::ArchiveInconsistent,
    &archive_encrypted::ArchiveEncrypted,
    &archive_limits::ArchiveLimits,
];

/// The common shape of a behaviour rule: every behaviour of `kind` becomes a finding
/// whose severity depends on its context (`[install, import, runtime]`, `None` = not
/// reported there) and whose confidence `confidence` decides from the behaviour.
pub(crate) fn from_behaviours(
    input: &Input<'_>,
    out: &mut Vec<Finding>,
    meta: &'static RuleMeta,
    kind: BehaviourKind,
    levels: [Option<Severity>; 3],
    confidence: impl Fn(&customs_analyze::Behaviour) -> Confidence,
    message: impl Fn(&customs_analyze::Behaviour) -> String,
) {
    for b in input.behaviours(kind) {
        if let Some(mut severity) = by_context(b.context, levels) {
            let mut sure = confidence(b);
            // Test and example code is not run by users: it informs, never decides.
            if b.test_code {
                severity = severity.min(Severity::Medium);
                sure = Confidence::Low;
            }
            let mut text = message(b);
            if let Some(via) = &b.via {
                text.push_str("; reached from ");
                text.push_str(via);
            }
            out.push(Finding::at(meta, b, severity, sure, text));
        }
    }
}

/// Implements [`Rule`] for a behaviour rule declared with `declare_rule!`.
macro_rules! behaviour_rule {
    ($name:ident, $kind:ident, [$install:expr, $import:expr, $runtime:expr], $confidence:expr, $message:expr) => {
        impl $crate::Rule for $name {
            fn meta(&self) -> &'static $crate::RuleMeta {
                &Self::META
            }

            fn check(&self, input: &$crate::Input<'_>, out: &mut Vec<$crate::Finding>) {
                $crate::rules::from_behaviours(
                    input,
                    out,
                    &Self::META,
                    customs_analyze::BehaviourKind::$kind,
                    [$install, $import, $runtime],
                    $confidence,
                    $message,
                );
            }
        }
    };
}
pub(crate) use behaviour_rule;
