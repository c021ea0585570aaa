use crate::Confidence::{High, Medium};
use crate::Severity::{Critical, High as H};
use crate::model::declare_rule;
use crate::rules::behaviour_rule;

declare_rule! {
    /// ## What it finds
    /// A recursive delete of the user's home folder or of the root file system:
    /// `rm -rf ~`, `rm -rf $HOME/*`, `rm -rf --no-preserve-root /`, `rd /s /q C:\`;
    /// a walk over such a folder that deletes or overwrites each file it finds; a delete
    /// of the project the package is loaded into (its folder, `.git`, sources, or a
    /// folder of it named in hidden text); and in JavaScript, a loop that can never end
    /// in code that runs when the package is loaded, which hangs every program using it.
    ///
    /// ## Why it matters
    /// Destruction and protestware: the machine that installs the package loses its
    /// files, or every program that depends on the package stops. Nothing a package does
    /// for its own build needs to delete these or to spin forever.
    ///
    /// ## Example
    /// ```sh
    /// rm -rf ~/* 2>/dev/null
    /// ```
    ///
    /// ## When it is wrong
    /// Uninstall helpers delete their own folders (`rm -rf ~/.cache/tool`), which this
    /// does not match. Allow the artifact by sha256 if a script really must.
    Destruction {
        id: "destruction",
        summary: "deletes the home folder or the file system",
        severity: Critical,
        confidence: High,
    }
}

behaviour_rule!(
    Destruction,
    Destruction,
    [Some(Critical), Some(Critical), Some(H)],
    |b| if b.context == customs_analyze::Context::Runtime {
        Medium
    } else {
        High
    },
    |b| format!("{} ({})", b.detail, crate::when(b.context))
);
