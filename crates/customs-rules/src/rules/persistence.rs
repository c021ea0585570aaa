use crate::Confidence::{Low, Medium};
use crate::Severity::{High, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Writes to places that make code run at every login or boot: shell rc files,
    /// crontab, systemd user units, macOS LaunchAgents, Windows Run keys and the startup
    /// folder; `crontab`, `schtasks` and `launchctl` commands.
    ///
    /// ## Why it matters
    /// Malware that survives the removal of the package keeps running long after the
    /// install.
    ///
    /// ## Example
    /// ```python
    /// with open(os.path.expanduser("~/.bashrc"), "a") as f:
    ///     f.write("python3 ~/.cache/.updater &\n")
    /// ```
    ///
    /// ## When it is wrong
    /// Shell-integration tools (prompt themes, version managers) edit rc files when you
    /// run their setup command (runtime context, lower severity).
    Persistence {
        id: "persistence",
        summary: "makes code start at login or boot",
        severity: High,
        confidence: Medium,
    }
}

behaviour_rule!(
    Persistence,
    Persistence,
    [Some(High), Some(High), Some(M)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({} time)", b.detail, b.context)
);
