use customs_archive::{AnomalyKind, EntryKind};

use crate::anomaly::from_anomalies;
use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// Symbolic links, hard links and special files (devices, FIFOs) in the archive, with
    /// higher severity when a link points outside the package (absolute or through `..`).
    ///
    /// ## Why it matters
    /// A link that points outside the package lets a later member, or the package's own
    /// code, write through it into the user's files; a link to `~/.ssh/id_rsa` can make
    /// a build step copy the key into an upload.
    ///
    /// ## Example
    /// `pkg/config -> /home/user/.aws/credentials`.
    ///
    /// ## When it is wrong
    /// Some sdists link a README or a licence inside the package (low severity).
    ArchiveLink {
        id: "archive-link",
        summary: "the archive holds links or special files",
        severity: High,
        confidence: Medium,
    }
}

impl Rule for ArchiveLink {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let tree = &input.package.tree;
        from_anomalies(
            input,
            out,
            &Self::META,
            &[
                AnomalyKind::Symlink,
                AnomalyKind::Hardlink,
                AnomalyKind::SpecialFile,
            ],
            |a, f| {
                let target = tree.get(&a.path).and_then(|e| match &e.kind {
                    EntryKind::Symlink(t) | EntryKind::Hardlink(t) => Some(t.clone()),
                    _ => None,
                });
                let escapes = target.as_deref().is_some_and(|t| {
                    t.starts_with('/')
                        || t.starts_with('~')
                        || t.split('/').filter(|c| *c == "..").count()
                            > a.path.matches('/').count().saturating_sub(1)
                });
                if a.kind == AnomalyKind::SpecialFile || escapes {
                    f.severity = Severity::High;
                    f.confidence = Confidence::Medium;
                } else {
                    f.severity = Severity::Low;
                    f.confidence = Confidence::Medium;
                }
                true
            },
        );
    }
}
