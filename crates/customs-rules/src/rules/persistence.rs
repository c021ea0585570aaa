use crate::Confidence::{High as Sure, Low, Medium};
use crate::Severity::{Critical, High, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Writes to places that make code run at every login or boot: shell rc files,
    /// crontab, systemd user units, macOS LaunchAgents, Windows Run keys and the startup
    /// folder; `crontab`, `schtasks` and `launchctl` commands; and decoded code that
    /// talks to the network, reads secrets or starts processes, written into a file
    /// that is not the package's own (code planted in another program, such as a
    /// desktop app's JavaScript module, to run whenever it starts).
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
    /// run their setup command (runtime context, lower severity). Installing a package
    /// never needs to: at install time this finding is critical.
    Persistence {
        id: "persistence",
        summary: "makes code start at login or boot",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    Persistence,
    Persistence,
    [Some(Critical), Some(High), Some(M)],
    |b| match b.context {
        customs_analyze::Context::Install => Sure,
        customs_analyze::Context::Runtime => Low,
        _ => Medium,
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
