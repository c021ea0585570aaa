use crate::Confidence::{Low, Medium};
use crate::Severity::{High, Low as L, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Checks for debuggers (`IsDebuggerPresent`), sandboxes and virtual machines
    /// (`SbieDll.dll`, `VBoxService.exe`, `vmtoolsd.exe`) and analysis tools (Wireshark,
    /// Process Monitor, x64dbg); and geofencing: the machine's time zone, or the country an
    /// IP-geolocation service names for it, compared with the countries the code singles
    /// out (`Europe/Moscow`, `country_name === 'russia'`).
    ///
    /// ## Why it matters
    /// Only code with something to hide checks whether it is being watched; only code
    /// aimed at some machines and not others (protestware, payloads that spare a region)
    /// checks where the machine is.
    ///
    /// ## Example
    /// ```python
    /// if any(p in procs for p in ["vmtoolsd.exe", "wireshark.exe"]): sys.exit(0)
    /// ```
    ///
    /// ## When it is wrong
    /// Debugging and system-information libraries name these tools legitimately.
    AntiAnalysis {
        id: "anti-analysis",
        summary: "checks for debuggers, sandboxes or analysis tools",
        severity: High,
        confidence: Medium,
    }
}

behaviour_rule!(
    AntiAnalysis,
    AntiAnalysis,
    [Some(High), Some(M), Some(L)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
