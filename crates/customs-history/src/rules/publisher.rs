use std::collections::BTreeSet;

use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, about};

use customs_rules::history::NewPublisher;

/// Releases published within this many seconds before the new one count as the same
/// burst of publishing.
const BURST: i64 = 86_400;

impl HistoryRule for NewPublisher {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let ctx = input.context;
        let Some(new) = &ctx.new else { return };
        // Releases of the same burst (the day before) may be the same intruder's work:
        // who is known is decided by the releases before it.
        let settled = |r: &&crate::ReleaseFacts| match (r.uploaded, new.uploaded) {
            (Some(then), Some(now)) => now - then > BURST,
            _ => true,
        };
        let previous: Vec<_> = ctx
            .old
            .iter()
            .chain(ctx.earlier.iter().take(20))
            .filter(settled)
            .collect();
        if let Some(who) = &new.publisher {
            let known: BTreeSet<&str> = previous
                .iter()
                .filter_map(|r| r.publisher.as_deref())
                .collect();
            if !known.is_empty() && !known.contains(who.as_str()) {
                out.push(about(
                    &Self::META,
                    Severity::Medium,
                    format!(
                        "{} was published by {who}, who published none of the previous {} releases (they were published by {})",
                        new.version,
                        previous.len(),
                        known.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
        if let (Some(now), Some(old)) = (
            new.maintainers.as_ref(),
            ctx.old.as_ref().and_then(|o| o.maintainers.as_ref()),
        ) {
            let now: BTreeSet<&String> = now.iter().collect();
            let before: BTreeSet<&String> = old.iter().collect();
            if now != before {
                let added: Vec<&str> = now.difference(&before).map(|s| s.as_str()).collect();
                let removed: Vec<&str> = before.difference(&now).map(|s| s.as_str()).collect();
                let mut f = about(
                    &Self::META,
                    Severity::Low,
                    format!(
                        "maintainers changed since {}: added [{}], removed [{}]",
                        ctx.old.as_ref().map_or("", |o| o.version.as_str()),
                        added.join(", "),
                        removed.join(", ")
                    ),
                );
                f.confidence = Confidence::Medium;
                out.push(f);
            }
        }
    }
}
