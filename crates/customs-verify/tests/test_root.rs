//! Negative cases on bundles made with a root of the harness's own
//! (`customs_verify::testing`).

use customs_verify::testing::{ARTIFACT, Case, T, b64, make};
use customs_verify::{Expected, TrustedRoot, verify};

fn outcome(case: &Case) -> Result<customs_verify::Identity, String> {
    let made = make(case);
    let root = TrustedRoot::parse(&made.root).expect("the test root");
    verify(ARTIFACT, &made.bundle, &root).map_err(|e| e.0)
}

#[test]
fn a_well_made_bundle_verifies() {
    let id = outcome(&Case::default()).expect("verifies");
    assert_eq!(id.repository.as_deref(), Some("octo/demo"));
    assert_eq!(
        id.workflow.as_deref(),
        Some(".github/workflows/release.yml")
    );
    assert_eq!(id.git_ref.as_deref(), Some("refs/tags/v1.0.0"));
    assert_eq!(id.trigger.as_deref(), Some("push"));
    assert_eq!(id.log_index, Some(7));
    let pinned = Expected {
        repository: Some("octo/other".into()),
        ..Expected::default()
    };
    assert!(
        pinned
            .mismatch(&id)
            .is_some_and(|m| m.contains("built from octo/demo, not octo/other"))
    );
}

/// DSSE bundles logged as `dsse` entries, and message-signature bundles logged as
/// `hashedrekord` entries, verify too; and their entries must be of this bundle.
#[test]
fn every_entry_kind() {
    for kind in ["dsse", "hashedrekord"] {
        let case = Case {
            kind,
            ..Case::default()
        };
        let id = outcome(&case).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(id.repository.as_deref(), Some("octo/demo"), "{kind}");
        let made = make(&case);
        let root = TrustedRoot::parse(&made.root).expect("root");
        let e = verify(b"another artifact", &made.bundle, &root).expect_err(kind);
        assert!(
            e.0.contains("subject digest") || e.0.contains("message digest"),
            "{kind}: {e}"
        );
    }
}

#[test]
fn each_broken_part_fails_with_its_reason() {
    let fails = |case: Case, needle: &str| {
        let e = outcome(&case).expect_err(needle);
        assert!(e.contains(needle), "{needle:?} not in {e:?}");
    };
    fails(
        Case {
            rogue_ca: true,
            ..Case::default()
        },
        "does not chain to the trusted root's CA",
    );
    fails(
        Case {
            leaf_from: T - 1200,
            leaf_to: T - 600,
            ..Case::default()
        },
        "was not valid when the log integrated the entry",
    );
    fails(
        Case {
            subject_of: b"another artifact".to_vec(),
            ..Case::default()
        },
        "subject digest",
    );
    fails(
        Case {
            break_proof: true,
            ..Case::default()
        },
        "inclusion proof",
    );

    let made = make(&Case::default());
    let root = TrustedRoot::parse(&made.root).expect("root");
    let e = verify(b"tampered", &made.bundle, &root).expect_err("tampered artifact");
    assert!(e.0.contains("subject digest"), "{e}");
    let mut json: serde_json::Value = serde_json::from_slice(&made.bundle).expect("json");
    json["dsseEnvelope"]["payload"] = serde_json::json!(b64(b"{\"subject\":[]}"));
    let e = verify(ARTIFACT, json.to_string().as_bytes(), &root).expect_err("tampered statement");
    assert!(e.0.contains("DSSE signature"), "{e}");
    let mut json: serde_json::Value = serde_json::from_slice(&made.bundle).expect("json");
    json["verificationMaterial"]["tlogEntries"] = serde_json::json!([]);
    let e = verify(ARTIFACT, json.to_string().as_bytes(), &root).expect_err("no entry");
    assert!(e.0.contains("no transparency log entry"), "{e}");
    // The embedded (public-good) root knows none of these keys.
    let e = verify(
        ARTIFACT,
        &made.bundle,
        &TrustedRoot::embedded().expect("root"),
    )
    .expect_err("another root");
    assert!(e.0.contains("log the trusted root does not know"), "{e}");
}
