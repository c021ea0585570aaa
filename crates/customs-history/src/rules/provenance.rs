use customs_model::Provenance;
use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, ReleaseFacts, about};

use customs_rules::history::ProvenanceDropped;

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
