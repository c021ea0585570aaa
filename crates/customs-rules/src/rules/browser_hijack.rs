use crate::Confidence::{High, Medium};
use crate::Severity::{Critical, High as H};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// Browser code that takes over what a page sends or what its user copies:
    /// - a wallet provider's methods replaced by a wrapper (`window.ethereum.request =
    ///   ...`, `solana.signTransaction = ...`), so transactions can be rewritten;
    /// - `fetch` or `XMLHttpRequest` replaced by a wrapper in a file that searches text
    ///   for wallet addresses (`/0x[a-fA-F0-9]{40}/g`): addresses in requests and
    ///   responses are swapped for the attacker's;
    /// - the clipboard written (a `copy` handler's `clipboardData.setData`, a replaced
    ///   `navigator.clipboard.writeText`) in a file that searches for wallet addresses;
    /// - payment-card or password fields named in a selector, form events listened to,
    ///   and the data sent with `navigator.sendBeacon` or an image request (skimming);
    /// - on the desktop, Python that writes the clipboard (`pyperclip.copy`, `pbcopy`,
    ///   `xclip`, `win32clipboard`) in a file that matches wallet addresses: a clipper
    ///   that puts the attacker's address in place of the one the user copied.
    ///
    /// ## Why it matters
    /// These payloads run in the browsers of the users of every site that bundles the
    /// package, not on the developer's machine; a hijacked release of a popular utility
    /// shipped exactly this (address swapping hooked into `fetch`, `XMLHttpRequest` and
    /// `window.ethereum`).
    ///
    /// ## Example
    /// ```js
    /// const send = XMLHttpRequest.prototype.send;
    /// XMLHttpRequest.prototype.send = function (b) {
    ///   return send.call(this, String(b).replace(/0x[a-fA-F0-9]{40}/g, MINE));
    /// };
    /// ```
    ///
    /// ## When it is wrong
    /// A wallet library that wraps its own provider, or a clipboard tool that rewrites
    /// addresses on purpose, looks the same; allow that exact artifact by its sha256 in
    /// your policy. Severity: critical when the code runs on import (a bundle's top level
    /// runs when the page loads it), high when only a function that nothing calls on
    /// load contains it.
    BrowserHijack {
        id: "browser-hijack",
        summary: "hooks browser network, wallet or clipboard APIs, or skims forms",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    BrowserHijack,
    BrowserHijack,
    [Some(Critical), Some(Critical), Some(H)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Medium
    } else {
        High
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
