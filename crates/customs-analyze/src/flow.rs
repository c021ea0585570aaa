//! What a classified call amounts to, the same for every language: each analyser
//! recognises process starts and network calls in its own syntax, then asks here what
//! the command, destination and taint of the call mean.

use crate::BehaviourKind;
use crate::signals::{self, clip};
use crate::value::Taint;

/// The behaviours of starting a process named `what` with `command` (empty when built at
/// run time) whose arguments carry `taint`. The script files the command runs are added
/// to `runs`.
pub(crate) fn process_start(
    what: &str,
    command: &str,
    taint: u16,
    runs: &mut Vec<String>,
) -> Vec<(BehaviourKind, String)> {
    process_start_downloading(what, command, taint, runs, &mut Vec::new())
}

/// [`process_start`], also giving the files the command downloads (`downloads`), so that
/// a later command or call that runs one of them is seen to run a download.
pub(crate) fn process_start_downloading(
    what: &str,
    command: &str,
    taint: u16,
    runs: &mut Vec<String>,
    downloads: &mut Vec<String>,
) -> Vec<(BehaviourKind, String)> {
    let mut out = vec![(
        BehaviourKind::ProcessSpawn,
        if command.is_empty() {
            format!("{what}() of a command built at run time")
        } else {
            format!("{what}(): {}", clip(command, 120))
        },
    )];
    if !command.is_empty() {
        let found = crate::shell::analyze_command(command);
        // Secrets or host details spliced into a command that talks to the network
        // (`os.system(f"curl -d 'u={user}' https://...")`) are sent by it.
        if taint & (Taint::SECRET | Taint::HOST) != 0
            && found
                .findings
                .iter()
                .any(|f| f.kind == BehaviourKind::Network)
        {
            out.push((
                BehaviourKind::SecretExfiltration,
                format!(
                    "{} passed to a command that sends them: {}",
                    if taint & Taint::SECRET != 0 {
                        "secrets"
                    } else {
                        "host details (host or user name, system)"
                    },
                    clip(command, 100)
                ),
            ));
        }
        out.extend(
            found
                .findings
                .into_iter()
                .filter(|f| f.kind != BehaviourKind::ProcessSpawn)
                .map(|f| (f.kind, f.detail)),
        );
        runs.extend(found.runs);
        downloads.extend(found.downloads);
    }
    if taint & Taint::DECODED != 0 {
        out.push((
            BehaviourKind::DecodeExecute,
            format!("{what}() runs a command built from decoded data"),
        ));
    }
    if taint & Taint::DOWNLOADED != 0 {
        out.push((
            BehaviourKind::DownloadExecute,
            format!("{what}() runs data fetched from the network"),
        ));
    }
    out
}

/// The behaviours of a network call `qual` to `url` (empty when unknown) whose arguments
/// carry `taint`; `dns` when the call is a name lookup.
pub(crate) fn network_call(
    qual: &str,
    url: &str,
    taint: u16,
    dns: bool,
) -> Vec<(BehaviourKind, String)> {
    let mut out = vec![(
        BehaviourKind::Network,
        if url.is_empty() {
            format!("{qual}()")
        } else {
            format!("{qual}(): {}", clip(url, 120))
        },
    )];
    if let Some((what, dest)) = signals::suspicious_destination(url) {
        out.push((
            BehaviourKind::SuspiciousDestination,
            format!("sends to a {what}: {dest}"),
        ));
    }
    if taint & (Taint::SECRET | Taint::HOST) != 0 {
        let what = if taint & Taint::SECRET != 0 {
            "secrets"
        } else {
            "host details (host or user name, system)"
        };
        out.push((
            BehaviourKind::SecretExfiltration,
            if dns {
                format!("{what} encoded into a DNS lookup by {qual}()")
            } else {
                format!("{what} sent with {qual}()")
            },
        ));
    } else if dns && taint & Taint::DECODED != 0 {
        out.push((
            BehaviourKind::SecretExfiltration,
            format!("encoded data in a DNS lookup by {qual}()"),
        ));
    }
    out
}
