use crate::Confidence::{Low, Medium};
use crate::Severity::{Low as L, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Commands run by package code that report who and where the host is: `whoami`,
    /// `hostname`, `id -un`, `systeminfo`, `ipconfig /all`, `net user`,
    /// `cat /etc/hostname`.
    ///
    /// ## Why it matters
    /// Beacons and dependency-confusion probes collect exactly this before they send it;
    /// the send may sit in another file or be hidden. A package that says nothing about
    /// itself (no description, home page or repository) and runs them is suspicious.
    ///
    /// ## Example
    /// ```python
    /// user = subprocess.check_output(["whoami"]).decode()
    /// ```
    ///
    /// ## When it is wrong
    /// System-information tools and cluster launchers ask the host's name on purpose;
    /// alone, in a package that describes itself, this is only a note.
    HostRecon {
        id: "host-recon",
        summary: "runs commands that report who and where the host is",
        severity: Medium,
        confidence: Medium,
    }
}

behaviour_rule!(
    HostRecon,
    HostRecon,
    [Some(M), Some(L), Some(L)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
