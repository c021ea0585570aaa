use std::fmt;

use customs_analyze::{Analysis, Behaviour, Context};
use customs_ecosystem::Package;
use serde::Serialize;

use crate::Popular;

/// How bad it would be if the finding is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context for the reader; never counts.
    Info,
    /// Unusual, worth a look.
    Low,
    /// Suspicious on its own.
    Medium,
    /// Dangerous: rarely legitimate in this context.
    High,
    /// What malware does: executes hidden code, steals secrets, opens shells.
    Critical,
}

impl Severity {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the rule is that the finding is what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Often benign.
    Low,
    /// Sometimes benign.
    Medium,
    /// Rarely benign.
    High,
}

impl Confidence {
    /// Lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: a rule's judgement with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule id.
    pub rule: &'static str,
    /// How bad.
    pub severity: Severity,
    /// How sure.
    pub confidence: Confidence,
    /// When the code runs.
    pub context: Context,
    /// What was found, in a sentence.
    pub message: String,
    /// The member path (empty for the package as a whole).
    pub path: String,
    /// 1-based line.
    pub line: Option<u32>,
    /// 1-based column.
    pub column: Option<u32>,
    /// The quoted evidence.
    pub snippet: Option<String>,
    /// What the finding establishes, for the decisions that depend on it (never read
    /// back from its message).
    pub fact: Option<Fact>,
}

/// A fact a finding establishes that a policy decides on by itself, whatever the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    /// Earlier releases carried build provenance and this one carries none.
    ProvenanceDropped,
    /// The release was published with weaker evidence of who published it than an
    /// earlier release of the package.
    TrustDowngrade,
}

impl Finding {
    /// A finding located at a behaviour.
    #[must_use]
    pub fn at(
        rule: &'static RuleMeta,
        b: &Behaviour,
        severity: Severity,
        confidence: Confidence,
        message: String,
    ) -> Self {
        Self {
            rule: rule.id,
            severity,
            confidence,
            context: b.context,
            message,
            path: b.path.clone(),
            line: (b.line > 0).then_some(b.line),
            column: (b.column > 0).then_some(b.column),
            snippet: (!b.snippet.is_empty()).then(|| b.snippet.clone()),
            fact: None,
        }
    }

    /// A finding about the package or one of its files, with no line.
    #[must_use]
    pub fn about(rule: &'static RuleMeta, path: &str, context: Context, message: String) -> Self {
        Self {
            rule: rule.id,
            severity: rule.severity,
            confidence: rule.confidence,
            context,
            message,
            path: path.to_owned(),
            line: None,
            column: None,
            snippet: None,
            fact: None,
        }
    }

    /// The finding, marked as establishing `fact`.
    #[must_use]
    pub fn establishing(mut self, fact: Fact) -> Self {
        self.fact = Some(fact);
        self
    }
}

/// What a rule is: its id, default severity and confidence, one-line summary, and the
/// documentation taken from its doc comment.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Severity in the worst context.
    pub severity: Severity,
    /// Confidence in the worst context.
    pub confidence: Confidence,
    /// Markdown: what it finds, why it matters, an example, when it is wrong.
    pub doc: &'static str,
}

/// Everything a rule may look at.
pub struct Input<'a> {
    /// The package: identity, metadata, files, archive tree.
    pub package: &'a Package,
    /// Its behaviours.
    pub analysis: &'a Analysis,
    /// The popular-name lists.
    pub popular: &'a Popular,
}

impl Input<'_> {
    /// Behaviours of one kind.
    pub fn behaviours(
        &self,
        kind: customs_analyze::BehaviourKind,
    ) -> impl Iterator<Item = &Behaviour> {
        self.analysis
            .behaviours
            .iter()
            .filter(move |b| b.kind == kind)
    }
}

/// A rule of the catalogue.
pub trait Rule: Sync {
    /// What the rule is.
    fn meta(&self) -> &'static RuleMeta;
    /// Adds its findings for one package.
    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>);
}

/// Declares a rule: its doc comment becomes [`RuleMeta::doc`]. Exported for the rule
/// sets that live beside the catalogue (the history rules).
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        $name:ident {
            id: $id:expr,
            summary: $summary:expr,
            severity: $severity:ident,
            confidence: $confidence:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::RuleMeta = $crate::RuleMeta {
                id: $id,
                summary: $summary,
                severity: $crate::Severity::$severity,
                confidence: $crate::Confidence::$confidence,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use crate::declare_rule;

/// When code in this context runs, as a phrase: `at install time`, `at import time`,
/// `at runtime`, `in the metadata`.
#[must_use]
pub fn when(context: Context) -> &'static str {
    match context {
        Context::Install => "at install time",
        Context::Import => "at import time",
        Context::Runtime => "at runtime",
        Context::Metadata => "in the metadata",
    }
}

/// Severity by context: `[install, import, runtime]`; `None` means not reported there.
pub(crate) fn by_context(context: Context, levels: [Option<Severity>; 3]) -> Option<Severity> {
    match context {
        Context::Install => levels[0],
        Context::Import => levels[1],
        Context::Runtime => levels[2],
        Context::Metadata => levels[0],
    }
}

/// A finding set aside by a policy's `ignore` setting: listed in reports, not counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IgnoredFinding {
    /// The finding.
    pub finding: Finding,
    /// The setting that set it aside.
    pub by: String,
}
