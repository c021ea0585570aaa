use crate::Confidence::{High, Medium};
use crate::Severity::{Critical, High as H};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Decoded or decompressed data that reaches code execution: `exec(base64.b64decode(...))`,
    /// `eval(atob(...))`, `exec(zlib.decompress(...))`, a `chr(c ^ k)` loop fed to `eval`,
    /// `child_process.exec(Buffer.from(x, 'base64').toString())`, `powershell -enc`.
    /// When the payload is a constant, customs decodes it and reports what it would do too.
    ///
    /// ## Why it matters
    /// Hiding code behind an encoding has one purpose: to keep readers and scanners from
    /// seeing it. The loaders attributed to North Korea's Lazarus group put an encoded
    /// payload in an innocuous module and ran it at import.
    ///
    /// ## Example
    /// ```python
    /// import base64
    /// exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2N1cmwgLi4uJyk="))
    /// ```
    ///
    /// ## When it is wrong
    /// Code generators that embed compressed source of their own are rare; if a package
    /// you trust does this, allow that exact artifact by its sha256 in your policy.
    DecodeExecute {
        id: "decode-execute",
        summary: "decoded data is executed as code",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    DecodeExecute,
    DecodeExecute,
    [Some(Critical), Some(Critical), Some(H)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Medium
    } else {
        High
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
