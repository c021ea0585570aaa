use crate::Confidence::{High, Low};
use crate::Severity::{Critical, High as H};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Data fetched from the network that is executed, or written to disk and then run,
    /// made executable or loaded; shell lines that pipe a download into an interpreter
    /// (`curl ... | sh`); and a Windows program (`.exe`, `.scr`, `.msi`, `.dll`) that a
    /// shell, PowerShell or batch command saves from the network, the dropper's payload on
    /// disk whatever starts it later.
    ///
    /// ## Why it matters
    /// This is the dropper: the package itself carries nothing but a fetch, and the
    /// payload (a remote-access trojan, a miner, a stealer) arrives at install time. The
    /// typosquats of colorama and pyyaml did exactly this from `setup.py`.
    ///
    /// ## Example
    /// ```javascript
    /// https.get(url, res => res.pipe(fs.createWriteStream(p)).on('finish', () => {
    ///   fs.chmodSync(p, 0o755); spawn(p, [], { detached: true });
    /// }));
    /// ```
    ///
    /// ## When it is wrong
    /// Packages that download their own prebuilt binary at install (some native tools
    /// do) look the same. Prefer packages that ship binaries as per-platform packages; to
    /// accept one, allow the artifact by its sha256.
    DownloadExecute {
        id: "download-execute",
        summary: "downloaded data is executed",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    DownloadExecute,
    DownloadExecute,
    [Some(Critical), Some(Critical), Some(H)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        High
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
