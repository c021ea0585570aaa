//! The pages the proxy serves: PyPI project pages (PEP 503 HTML and PEP 691 JSON) and
//! npm package documents, with file URLs pointing back at the proxy.
//!
//! A release the policy holds back stays listed, marked the way each client reports:
//! its PyPI files are yanked (PEP 592) with customs' reason, its npm version deprecated
//! with it, and npm's `latest` moves off it. pip and uv then pick it only when asked
//! for exactly that version, show the reason, and get a 403 with it on the file; npm
//! prefers any other version that fits, prints the deprecation, and gets the 403.

use std::collections::HashMap;

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions, line_of};
use customs_registry::{Digest, FileRef, Project, Release, format_rfc3339};
use serde_json::{Value, json};

use customs_report::escape_html as escape;

/// The proxy's URL of a PyPI file: it ends with the real file name, as pip requires.
fn file_url(base: &str, project: &Project, f: &FileRef) -> String {
    format!(
        "{base}/pypi/files/{}/{}",
        canonical_name(Ecosystem::Pypi, &project.name),
        f.file_name
    )
}

/// Releases held back by the policy: version -> why.
pub(crate) type Held = HashMap<String, String>;

/// What a held-back release is marked with.
pub(crate) fn held_note(reason: &str) -> String {
    format!("customs holds this release back: {reason}")
}

/// A file as listed: yanked when its release is held back.
fn listed(release: &Release, f: &FileRef, held: &Held) -> (bool, Option<String>) {
    match held.get(&release.version) {
        Some(reason) => (true, Some(held_note(reason))),
        None => (f.yanked, f.yanked_reason.clone()),
    }
}

/// PEP 503 HTML.
pub(crate) fn pypi_html(project: &Project, held: &Held, base: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.1\"><title>Links for {0}</title></head>\n<body><h1>Links for {0}</h1>\n",
        escape(&project.name)
    );
    for r in &project.releases {
        for f in &r.files {
            let mut attrs = String::new();
            if let Some(rp) = &f.requires_python {
                attrs.push_str(&format!(" data-requires-python=\"{}\"", escape(rp)));
            }
            let (yanked, reason) = listed(r, f, held);
            if yanked {
                attrs.push_str(&format!(
                    " data-yanked=\"{}\"",
                    escape(reason.as_deref().unwrap_or(""))
                ));
            }
            if let Some(m) = &f.core_metadata {
                attrs.push_str(&format!(
                    " data-core-metadata=\"{0}\" data-dist-info-metadata=\"{0}\"",
                    escape(m)
                ));
            }
            let fragment = match &f.digest {
                Some(Digest::Sha256(h)) => format!("#sha256={h}"),
                _ => String::new(),
            };
            out.push_str(&format!(
                "<a href=\"{}{fragment}\"{attrs}>{}</a><br/>\n",
                escape(&file_url(base, project, f)),
                escape(&f.file_name)
            ));
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// PEP 691 JSON (with PEP 700 upload times).
pub(crate) fn pypi_json(project: &Project, held: &Held, base: &str) -> String {
    let files: Vec<Value> = project
        .releases
        .iter()
        .flat_map(|r| r.files.iter().map(move |f| (r, f)))
        .map(|(r, f)| {
            let mut o = json!({
                "filename": f.file_name,
                "url": file_url(base, project, f),
                "hashes": match &f.digest {
                    Some(Digest::Sha256(h)) => json!({"sha256": h}),
                    _ => json!({}),
                },
            });
            if let Some(rp) = &f.requires_python {
                o["requires-python"] = json!(rp);
            }
            let (yanked, reason) = listed(r, f, held);
            if yanked {
                o["yanked"] = reason.map_or(json!(true), |r| json!(r));
            }
            if let Some(t) = f.uploaded {
                o["upload-time"] = json!(format_rfc3339(t));
            }
            if let Some(m) = &f.core_metadata {
                let v = match m.split_once('=') {
                    Some((algo, hex)) => json!({ algo: hex }),
                    None => json!(true),
                };
                o["core-metadata"] = v.clone();
                o["dist-info-metadata"] = v;
            }
            o
        })
        .collect();
    json!({
        "meta": {"api-version": "1.1"},
        "name": canonical_name(Ecosystem::Pypi, &project.name),
        "versions": project.releases.iter().map(|r| r.version.clone()).collect::<Vec<_>>(),
        "files": files,
    })
    .to_string()
}

/// The npm document with `held` versions deprecated with customs' reason, `latest` moved
/// off them, and tarball URLs pointing at the proxy.
pub(crate) fn npm_document(mut doc: Value, project: &Project, held: &Held, base: &str) -> Value {
    let name = project.name.clone();
    if let Some(versions) = doc.get_mut("versions").and_then(Value::as_object_mut) {
        for (version, v) in versions.iter_mut() {
            if let Some(reason) = held.get(version)
                && let Some(o) = v.as_object_mut()
            {
                o.insert("deprecated".into(), json!(held_note(reason)));
            }
            if let Some(dist) = v.get_mut("dist").and_then(Value::as_object_mut)
                && let Some(tarball) = dist.get("tarball").and_then(Value::as_str)
            {
                let file = tarball.rsplit('/').next().unwrap_or(tarball).to_owned();
                dist.insert(
                    "tarball".into(),
                    json!(format!("{base}/npm/{name}/-/{file}")),
                );
            }
        }
    }
    let remaining: Vec<String> = project
        .releases
        .iter()
        .map(|r| r.version.clone())
        .filter(|v| !held.contains_key(v))
        .collect();
    // `latest` moves to the newest stable version not held back, so that `npm install
    // NAME` and ranges take it. With none left, and for other tags, the tag stays: npm
    // then takes the held-back version asked for, prints its deprecation and gets the
    // file's 403 with the reason, rather than "no matching version".
    let latest_held = doc
        .get("dist-tags")
        .and_then(|t| t.get("latest"))
        .and_then(Value::as_str)
        .is_some_and(|v| held.contains_key(v));
    let newest = remaining
        .iter()
        .filter(|v| !line_of(Ecosystem::Npm, v).prerelease)
        .max_by(|a, b| compare_versions(Ecosystem::Npm, a, b));
    if latest_held
        && let Some(v) = newest
        && let Some(tags) = doc.get_mut("dist-tags").and_then(Value::as_object_mut)
    {
        tags.insert("latest".into(), json!(v));
    }
    doc
}
