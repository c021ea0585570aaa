use crate::Confidence::{Low, Medium};
use crate::Severity::{High, Low as L};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Reads of credentials and personal data: SSH keys, cloud credentials
    /// (`~/.aws/credentials`, gcloud, Azure, kube config), `.git-credentials`, `.pypirc`,
    /// `.npmrc`, browser profiles, cookies and saved passwords, crypto-wallet folders,
    /// keychains, `/etc/passwd`.
    ///
    /// ## Why it matters
    /// No library needs your SSH key to import. Stealers read these files first and send
    /// them out next; `secret-exfiltration` fires when both are seen in one flow.
    ///
    /// ## Example
    /// ```javascript
    /// fs.readFileSync(path.join(os.homedir(), '.ssh', 'id_rsa'));
    /// ```
    ///
    /// ## When it is wrong
    /// Upload tools read `.pypirc` and `.npmrc`, SSH libraries read keys, when you call
    /// them (runtime context, low severity).
    SecretRead {
        id: "secret-read",
        summary: "reads credentials or personal data",
        severity: High,
        confidence: Medium,
    }
}

behaviour_rule!(
    SecretRead,
    SecretRead,
    [Some(High), Some(High), Some(L)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Low
    } else {
        Medium
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
