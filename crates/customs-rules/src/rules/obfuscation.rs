use customs_analyze::Context;

use crate::Confidence::{High, Low, Medium};
use crate::Severity::{High as H, Low as L, Medium as M};
use crate::model::declare_rule;

declare_rule! {
    /// ## What it finds
    /// Code written to be unreadable: obfuscator.io output (`_0x` identifiers behind a
    /// rotated string array), JSFuck, Dean Edwards' packer, PyArmor and similar runtimes,
    /// code hidden after hundreds of spaces on a line, identifiers with look-alike letters
    /// from other scripts, names of functions and modules assembled at run time
    /// (`getattr(__builtins__, "ex" + "ec")`), long encoded blobs, and code nested too
    /// deeply to parse safely, too large to parse, or JavaScript that does not parse
    /// (which customs cannot read, so it says so rather than pass it as clean).
    ///
    /// ## Why it matters
    /// Obfuscation hides what code does from reviewers; in a dependency it is a reason to
    /// look closer, and together with execution it is how droppers hide.
    ///
    /// ## Example
    /// ```python
    /// print("setup complete")                                                     ; exec(b64decode(p))
    /// ```
    ///
    /// ## When it is wrong
    /// Ordinary minification is not obfuscation and is not reported. Packages that embed
    /// data as base64 (fonts, images, WebAssembly) trigger the weakest form, encoded
    /// blobs, which alone never makes a package suspicious. JavaScript obfuscators' output
    /// (obfuscator.io, JSFuck, packer) and URLs or commands spelled in character codes, in
    /// code that runs on install or import, make a package suspicious on their own.
    Obfuscation {
        id: "obfuscation",
        summary: "code is obfuscated",
        severity: High,
        confidence: High,
    }
}

fn strong(detail: &str) -> bool {
    [
        "obfuscator.io",
        "JSFuck",
        "packer",
        "PyArmor",
        "obfuscator runtime",
        "hidden after",
        "look-alikes",
        "hidden in character codes",
        "spelled in escape codes",
        "bidirectional control characters",
        UNREAD,
    ]
    .iter()
    .any(|s| detail.contains(s))
}

/// Code nested past what customs parses safely cannot be read at all; where it runs on
/// import or install that alone needs a human look (benign packages do not nest so deep).
const UNREAD: &str = "nested too deeply to parse";

/// What customs is sure of but alone is no more than a note: JavaScript the parser gives
/// up on (Node would refuse most of it too, but customs could not judge it), and readable
/// text written in base64 (no reason to hide it but to be hidden; an API key of a video
/// site's client is one). Low severity, high confidence where it runs on install or
/// import: beside a red flag (a package that says nothing about itself) that is enough
/// to look, and it moves the score of a package that describes itself by half a point.
const SURE: &[&str] = &["does not parse (", "text hidden in base64"];

/// JavaScript obfuscators' marks (obfuscator.io's string array, JSFuck, Dean Edwards'
/// packer) and URLs or commands spelled in character codes: made only to hide what code
/// does, unlike code-protection tools sold for licensed software (PyArmor). In code that
/// runs on install or import they alone need a human look.
const HIDING: &[&str] = &[
    "obfuscator.io",
    "JSFuck",
    "packer",
    "hidden in character codes",
];

impl crate::Rule for Obfuscation {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, input: &crate::Input<'_>, out: &mut Vec<crate::Finding>) {
        let first = out.len();
        crate::rules::from_behaviours(
            input,
            out,
            &Self::META,
            customs_analyze::BehaviourKind::Obfuscation,
            [Some(H), Some(M), Some(L)],
            |b| match (strong(&b.detail), b.context) {
                _ if SURE.iter().any(|s| b.detail.starts_with(s)) => {
                    if b.context == Context::Runtime {
                        Low
                    } else {
                        High
                    }
                }
                (true, Context::Runtime) => Medium,
                (true, _) => High,
                (false, _) if b.detail.contains("blob") || b.detail.contains("single line") => Low,
                (false, Context::Runtime) => Low,
                (false, _) => Medium,
            },
            |b| format!("{} ({})", b.detail, crate::when(b.context)),
        );
        for f in &mut out[first..] {
            let hides = HIDING.iter().any(|h| f.message.contains(h));
            if (f.message.starts_with(UNREAD) || hides) && f.context != Context::Runtime {
                f.severity = f.severity.max(H);
            }
            if SURE.iter().any(|s| f.message.starts_with(s)) {
                f.severity = L;
            }
        }
    }
}
