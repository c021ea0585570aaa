use crate::declare_rule;

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
