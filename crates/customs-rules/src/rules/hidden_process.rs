use crate::Confidence::{Low, Medium};
use crate::Severity::{High as H, Low as L};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Processes started so that they outlive or hide from the installer: `detached: true`,
    /// `start_new_session=True`, `CREATE_NO_WINDOW`, `nohup`, `setsid`, a trailing `&`,
    /// `powershell -WindowStyle Hidden`, `os.fork()`.
    ///
    /// ## Why it matters
    /// An install that finishes normally while a payload keeps running in the background
    /// is how droppers avoid notice.
    ///
    /// ## Example
    /// ```javascript
    /// spawn(process.execPath, ['.cache/x.js'], { detached: true, stdio: 'ignore' }).unref();
    /// ```
    ///
    /// ## When it is wrong
    /// Daemons and development servers detach on purpose when you start them (runtime
    /// context).
    HiddenProcess {
        id: "hidden-process",
        summary: "starts a hidden or detached process",
        severity: High,
        confidence: Medium,
    }
}

behaviour_rule!(
    HiddenProcess,
    HiddenProcess,
    [Some(H), Some(H), Some(L)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
