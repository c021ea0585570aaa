use customs_model::Provenance;
use customs_rules::{Confidence, Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule, ReleaseFacts, about};

declare_rule! {
    /// ## What it finds
    /// A release published without the build provenance (npm provenance, PyPI PEP 740
    /// attestations) that earlier releases of the package carried; or with provenance
    /// from a different repository or workflow than before.
    ///
    /// ## Why it matters
    /// Provenance says a release was built by the project's CI from its repository. An
    /// attacker holding a maintainer's token publishes from their own machine, and the
    /// provenance disappears: the hijacked axios release was the first in its line
    /// without it. Only indexes that carry provenance can show this; on a mirror that
    /// strips it, provenance is *unknown* and this rule stays silent.
    ///
    /// ## Example
    /// ```text
    /// 1.14.0: provenance (GitHub Actions, axios/axios, release.yml)
    /// 1.14.1: no provenance
    /// ```
    ///
    /// ## When it is wrong
    /// Projects sometimes move CI or publish one release by hand. The finding names
    /// the last release that had provenance so the maintainers can be asked.
    ProvenanceDropped {
        id: "provenance-dropped",
        summary: "earlier releases carried build provenance and this one does not",
        severity: High,
        confidence: High,
    }
}

fn identity(r: &ReleaseFacts) -> Option<String> {
    let b = r.builder.as_ref()?;
    Some(format!(
        "{} {} {}",
        b.kind,
        b.repository.as_deref().unwrap_or("?"),
        b.workflow.as_deref().unwrap_or("?")
    ))
}

impl HistoryRule for ProvenanceDropped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let ctx = input.context;
        let Some(new) = &ctx.new else { return };
        let previous: Vec<&ReleaseFacts> =
            ctx.old.iter().chain(ctx.earlier.iter().take(5)).collect();
        let with = previous.iter().find(|r| r.provenance.is_present());
        match (&new.provenance, with) {
            (Provenance::Absent, Some(last)) => out.push(
                about(
                    &Self::META,
                    Severity::High,
                    format!(
                        "{} was published without build provenance; {} had it{}",
                        new.version,
                        last.version,
                        identity(last)
                            .map(|i| format!(" ({i})"))
                            .unwrap_or_default()
                    ),
                )
                .establishing(customs_rules::Fact::ProvenanceDropped),
            ),
            (Provenance::Present { .. }, Some(last)) => {
                if let (Some(now), Some(before)) = (identity(new), identity(last))
                    && now != before
                {
                    let mut f = about(
                        &Self::META,
                        Severity::High,
                        format!(
                            "{} was built by {now}; {} was built by {before}",
                            new.version, last.version
                        ),
                    );
                    f.confidence = Confidence::Medium;
                    out.push(f);
                }
            }
            _ => {}
        }
    }
}
