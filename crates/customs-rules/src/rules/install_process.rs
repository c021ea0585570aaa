use crate::Confidence::Medium;
use crate::Severity::Low;
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// A process started at install time (`setup.py`, a build backend, a `.pth` file, an
    /// npm lifecycle script) or on import. Inside functions that only run when called,
    /// starting processes is ordinary and not reported.
    ///
    /// ## Why it matters
    /// Install-time code runs with the installing user's rights before anyone has looked
    /// at the package. Combined with a download or a decoder it is a dropper; alone it is
    /// usually a build step (`cmake`, `node-gyp`).
    ///
    /// ## Example
    /// ```python
    /// # setup.py
    /// subprocess.Popen(["/bin/sh", "-c", cmd])
    /// ```
    ///
    /// ## When it is wrong
    /// Native builds run compilers at install time. The finding is low severity so that
    /// it informs rather than blocks.
    InstallProcess {
        id: "install-process",
        summary: "starts a process at install or import time",
        severity: Low,
        confidence: Medium,
    }
}

behaviour_rule!(
    InstallProcess,
    ProcessSpawn,
    [Some(Low), Some(Low), None],
    |_| Medium,
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
