//! The pages the proxy serves: PyPI project pages (PEP 503 HTML and PEP 691 JSON) and
//! npm package documents, filtered and with file URLs pointing back at the proxy.

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions, line_of};
use customs_registry::{Digest, FileRef, Project, Release, format_rfc3339};
use serde_json::{Value, json};

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The proxy's URL of a PyPI file: it ends with the real file name, as pip requires.
fn file_url(base: &str, project: &Project, f: &FileRef) -> String {
    format!(
        "{base}/pypi/files/{}/{}",
        canonical_name(Ecosystem::Pypi, &project.name),
        f.file_name
    )
}

/// PEP 503 HTML.
pub(crate) fn pypi_html(project: &Project, kept: &[&Release], base: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.1\"><title>Links for {0}</title></head>\n<body><h1>Links for {0}</h1>\n",
        escape(&project.name)
    );
    for r in kept {
        for f in &r.files {
            let mut attrs = String::new();
            if let Some(rp) = &f.requires_python {
                attrs.push_str(&format!(" data-requires-python=\"{}\"", escape(rp)));
            }
            if f.yanked {
                attrs.push_str(&format!(
                    " data-yanked=\"{}\"",
                    escape(f.yanked_reason.as_deref().unwrap_or(""))
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
pub(crate) fn pypi_json(project: &Project, kept: &[&Release], base: &str) -> String {
    let files: Vec<Value> = kept
        .iter()
        .flat_map(|r| r.files.iter())
        .map(|f| {
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
            if f.yanked {
                o["yanked"] = f.yanked_reason.as_ref().map_or(json!(true), |r| json!(r));
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
        "versions": kept.iter().map(|r| r.version.clone()).collect::<Vec<_>>(),
        "files": files,
    })
    .to_string()
}

/// The npm document with `removed` versions taken out of `versions` and `time`, tags
/// that pointed at them moved (`latest` to the newest version that remains on a stable
/// line) or dropped, and tarball URLs pointing at the proxy.
pub(crate) fn npm_document(
    mut doc: Value,
    project: &Project,
    removed: &[String],
    base: &str,
) -> Value {
    let name = project.name.clone();
    if let Some(versions) = doc.get_mut("versions").and_then(Value::as_object_mut) {
        for v in removed {
            versions.remove(v);
        }
        for (_, v) in versions.iter_mut() {
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
    if let Some(time) = doc.get_mut("time").and_then(Value::as_object_mut) {
        for v in removed {
            time.remove(v);
        }
    }
    let remaining: Vec<String> = project
        .releases
        .iter()
        .map(|r| r.version.clone())
        .filter(|v| !removed.contains(v))
        .collect();
    if let Some(tags) = doc.get_mut("dist-tags").and_then(Value::as_object_mut) {
        let stale: Vec<String> = tags
            .iter()
            .filter(|(_, v)| v.as_str().is_some_and(|v| removed.iter().any(|r| r == v)))
            .map(|(k, _)| k.clone())
            .collect();
        for tag in stale {
            if tag == "latest" {
                let newest = remaining
                    .iter()
                    .filter(|v| !line_of(Ecosystem::Npm, v).prerelease)
                    .max_by(|a, b| compare_versions(Ecosystem::Npm, a, b));
                match newest {
                    Some(v) => {
                        tags.insert(tag, json!(v));
                    }
                    None => {
                        tags.remove(&tag);
                    }
                }
            } else {
                tags.remove(&tag);
            }
        }
    }
    doc
}
