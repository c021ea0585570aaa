use customs_model::TrustLevel;
use customs_rules::{Confidence, Finding, RuleMeta, Severity};

use crate::{HistoryInput, HistoryRule, ReleaseFacts, about};

use customs_rules::history::TrustDowngrade;

/// The earlier release with the strongest known evidence (the newest of equals), when
/// it is stronger than `level`.
#[must_use]
pub fn stronger_before<'a>(
    level: TrustLevel,
    earlier: impl IntoIterator<Item = &'a ReleaseFacts>,
) -> Option<(&'a ReleaseFacts, TrustLevel)> {
    earlier
        .into_iter()
        .filter_map(|r| Some((r, r.trust?)))
        .filter(|(_, t)| *t > level)
        .fold(
            None,
            |best: Option<(&ReleaseFacts, TrustLevel)>, (r, t)| match best {
                Some((_, b)) if b >= t => best,
                _ => Some((r, t)),
            },
        )
}

impl HistoryRule for TrustDowngrade {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &HistoryInput<'_>, out: &mut Vec<Finding>) {
        let ctx = input.context;
        let Some(new) = &ctx.new else { return };
        // Unknown evidence is never a downgrade.
        let Some(level) = new.trust else { return };
        let earlier = ctx.old.iter().chain(ctx.earlier.iter()).filter(|r| {
            r.version != new.version
                && match (r.uploaded, new.uploaded) {
                    (Some(then), Some(now)) => then < now,
                    _ => true,
                }
        });
        let Some((before, stronger)) = stronger_before(level, earlier) else {
            return;
        };
        let mut f = about(
            &Self::META,
            Severity::High,
            format!(
                "{} was published with {}; {} had {}",
                new.version,
                level.describe(),
                before.version,
                stronger.describe()
            ),
        );
        f.confidence = if stronger >= TrustLevel::TrustedPublishing {
            Confidence::High
        } else {
            Confidence::Medium
        };
        out.push(f.establishing(customs_rules::Fact::TrustDowngrade));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(version: &str, trust: Option<TrustLevel>) -> ReleaseFacts {
        ReleaseFacts {
            version: version.to_owned(),
            trust,
            ..ReleaseFacts::default()
        }
    }

    #[test]
    fn the_strongest_earlier_release_is_named() {
        use TrustLevel::{Nothing, Provenance, RegistrySignature, TrustedPublishing};
        let earlier = [
            release("1.0.2", Some(RegistrySignature)),
            release("1.0.1", None),
            release("1.0.0", Some(TrustedPublishing)),
            release("0.9.0", Some(Provenance)),
        ];
        let (r, t) = stronger_before(RegistrySignature, &earlier).expect("a downgrade");
        assert_eq!((r.version.as_str(), t), ("1.0.0", TrustedPublishing));
        assert!(stronger_before(TrustedPublishing, &earlier).is_none());
        let (r, _) = stronger_before(Nothing, &earlier[..2]).expect("signature > nothing");
        assert_eq!(r.version, "1.0.2");
        assert!(
            stronger_before(Nothing, &[release("1.0.0", None)]).is_none(),
            "unknown is never stronger"
        );
    }
}
