use customs_model::TrustLevel;
use customs_rules::{Confidence, Finding, RuleMeta, Severity, declare_rule};

use crate::{HistoryInput, HistoryRule, ReleaseFacts, about};

declare_rule! {
    /// ## What it finds
    /// A release whose publishing evidence is weaker than that of an earlier release of
    /// the same package. From strongest to weakest: a staged publish approved by a
    /// maintainer (npm `_npmUser.approver`); trusted publishing with provenance (npm
    /// `_npmUser.trustedPublisher` with `dist.attestations`, PyPI PEP 740
    /// attestations); provenance alone; a registry signature alone; nothing. This is
    /// pnpm's `trustPolicy: no-downgrade`; the policy setting `trust = "no-downgrade"`
    /// blocks such a release.
    ///
    /// ## Why it matters
    /// Trusted publishing ties a release to the project's CI; a stolen token cannot
    /// reproduce it. An attacker who publishes from their own machine leaves a release
    /// with less evidence than the ones before: the hijacked axios release was
    /// published by hand where earlier ones came from CI with provenance. Trust that
    /// only ever goes up makes that visible. Where the index does not carry these
    /// fields (mirrors that strip them), the evidence is unknown: never a downgrade.
    ///
    /// ## Example
    /// ```text
    /// 1.14.0: trusted publishing with provenance (_npmUser.trustedPublisher, attestations)
    /// 1.14.1: a registry signature only
    /// ```
    ///
    /// ## When it is wrong
    /// A project may move CI, or publish one release by hand. The finding names the
    /// earlier release with the stronger evidence, so the maintainers can be asked;
    /// exempt the package or the one release with `trust_exempt` in the policy file.
    TrustDowngrade {
        id: "trust-downgrade",
        summary: "published with weaker evidence of who published it than an earlier release",
        severity: High,
        confidence: Medium,
    }
}

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
