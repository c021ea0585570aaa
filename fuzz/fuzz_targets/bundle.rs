//! Any bytes as a Sigstore bundle, a PEP 740 provenance object, an npm attestations
//! document and a trusted root: each is refused with an error or verified, never a
//! panic. The artifact is the real release the seed bundle is about, so mutations of
//! the seed reach the deeper checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

static TARBALL: &[u8] = include_bytes!("../../tests/provenance/sigstore-3.1.0.tgz");

fuzz_target!(|data: &[u8]| {
    let Ok(root) = customs_verify::TrustedRoot::embedded() else {
        return;
    };
    let _ = customs_verify::verify(TARBALL, data, &root);
    if let Ok(bundles) = customs_verify::bundles_from_pep740(data) {
        for b in bundles {
            let _ = customs_verify::verify(TARBALL, &b, &root);
        }
    }
    if let Ok(Some(b)) = customs_verify::bundle_from_npm_attestations(data) {
        let _ = customs_verify::verify(TARBALL, &b, &root);
    }
    let _ = customs_verify::TrustedRoot::parse(data);
    let _ = customs_verify::tuf::update(data, 1_767_225_600, &|_| Ok(None));
});
