use customs_analyze::Context;
use customs_ecosystem::{ArtifactKind, FileKind};

use crate::model::declare_rule;
use crate::{Confidence, Finding, Input, Rule, RuleMeta, Severity};

declare_rule! {
    /// ## What it finds
    /// Compiled executables and libraries (ELF, PE, Mach-O, recognised by their first
    /// bytes whatever their name) in a source distribution, and in npm packages.
    ///
    /// ## Why it matters
    /// A source distribution is meant to hold source; a binary in it cannot be reviewed
    /// and is a classic place for a payload that a `setup.py` later runs. Wheels are
    /// expected to hold binaries and are not reported.
    ///
    /// ## Example
    /// `pkg-1.0/pkg/_helper.so` inside `pkg-1.0.tar.gz`, or `update.exe` in an npm package.
    ///
    /// ## When it is wrong
    /// npm packages often ship prebuilt binaries for one platform (low severity there);
    /// some sdists vendor test fixtures that are binaries.
    NativeBinary {
        id: "native-binary",
        summary: "ships a compiled binary where source is expected",
        severity: Medium,
        confidence: Medium,
    }
}

impl Rule for NativeBinary {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        let (severity, confidence) = match pkg.artifact {
            ArtifactKind::Sdist | ArtifactKind::Folder => (Severity::Medium, Confidence::Medium),
            ArtifactKind::NpmTarball => (Severity::Low, Confidence::Low),
            ArtifactKind::Wheel | ArtifactKind::Egg => return,
        };
        let binaries: Vec<_> = pkg
            .files
            .iter()
            .filter_map(|f| match f.kind {
                FileKind::Native(n) => Some((f, n)),
                _ => None,
            })
            .collect();
        // One finding per binary up to a handful; a package full of them gets one more.
        for (file, format) in binaries.iter().take(5) {
            let mut f = Finding::about(
                &Self::META,
                &file.path,
                Context::Metadata,
                format!(
                    "{} binary in a{} {}",
                    format.as_str(),
                    if pkg.artifact == ArtifactKind::NpmTarball {
                        "n"
                    } else {
                        ""
                    },
                    pkg.artifact.as_str()
                ),
            );
            f.severity = severity;
            f.confidence = confidence;
            out.push(f);
        }
        if binaries.len() > 5 {
            let mut f = Finding::about(
                &Self::META,
                "",
                Context::Metadata,
                format!("{} more native binaries", binaries.len() - 5),
            );
            f.severity = Severity::Info;
            out.push(f);
        }
    }
}
