//! PyPI's simple API, read in either of its forms: PEP 691 JSON (asked for first) or
//! PEP 503 HTML (what many mirrors serve), with PEP 700 upload times and PEP 740
//! provenance links from either; and the per-project JSON metadata as a fallback for
//! upload times when the simple page has none.

use std::collections::BTreeMap;

use customs_ecosystem::{Ecosystem, canonical_name};
use serde::Deserialize;

use crate::{RegistryError, http::percent_decode};
use customs_model::parse_rfc3339;
use customs_model::{Digest, FileRef, Project, Provenance, Publisher, Release};

/// What the client asks for: JSON first, HTML as the fallback.
pub const SIMPLE_ACCEPT: &str = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

#[derive(Deserialize)]
struct SimpleJson {
    #[serde(default)]
    name: Option<String>,
    files: Vec<SimpleFile>,
}

#[derive(Deserialize)]
struct SimpleFile {
    filename: String,
    url: String,
    #[serde(default)]
    hashes: BTreeMap<String, String>,
    #[serde(default)]
    yanked: serde_json::Value,
    #[serde(default, rename = "upload-time")]
    upload_time: Option<String>,
    #[serde(default, rename = "requires-python")]
    requires_python: Option<String>,
    #[serde(default, rename = "core-metadata")]
    core_metadata: Option<serde_json::Value>,
    #[serde(default, rename = "dist-info-metadata")]
    dist_info_metadata: Option<serde_json::Value>,
    /// PEP 740: a URL, `null` (none published), or missing (the index does not say).
    #[serde(default, deserialize_with = "present")]
    provenance: Option<Option<String>>,
}

/// Tells a missing key (`None`) from an explicit `null` (`Some(None)`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// Parses a simple-API page for `name`, as JSON or HTML by its content type.
///
/// # Errors
/// When the page is neither valid PEP 691 JSON nor HTML with file links.
pub fn parse_simple(
    name: &str,
    page_url: &str,
    content_type: &str,
    body: &[u8],
    index: &str,
) -> Result<Project, RegistryError> {
    let garbage = |message: String| RegistryError::Garbage {
        url: page_url.to_owned(),
        index: index.to_owned(),
        message,
    };
    let files: Vec<FileRef> = if content_type.contains("json") {
        let doc: SimpleJson = serde_json::from_slice(body)
            .map_err(|e| garbage(format!("not a PEP 691 project page: {e}")))?;
        if let Some(n) = &doc.name
            && canonical_name(Ecosystem::Pypi, n) != canonical_name(Ecosystem::Pypi, name)
        {
            return Err(garbage(format!("the page is for {n:?}, not {name:?}")));
        }
        doc.files
            .into_iter()
            .map(|f| FileRef {
                registry_signatures: Vec::new(),
                integrity: None,
                requires_python: f.requires_python.clone(),
                core_metadata: metadata_attr(
                    f.core_metadata.as_ref().or(f.dist_info_metadata.as_ref()),
                ),
                yanked_reason: f
                    .yanked
                    .as_str()
                    .map(str::to_owned)
                    .filter(|s| !s.is_empty()),
                url: join(page_url, &f.url),
                digest: f
                    .hashes
                    .get("sha256")
                    .map(|h| Digest::Sha256(h.to_ascii_lowercase())),
                uploaded: f.upload_time.as_deref().and_then(parse_rfc3339),
                yanked: !matches!(
                    f.yanked,
                    serde_json::Value::Null | serde_json::Value::Bool(false)
                ),
                provenance: match f.provenance {
                    None => Provenance::Unknown,
                    Some(None) => Provenance::Absent,
                    Some(Some(url)) => Provenance::Present {
                        url: Some(join(page_url, &url)),
                        publisher: None,
                    },
                },
                file_name: f.filename,
            })
            .collect()
    } else {
        let text = std::str::from_utf8(body)
            .map_err(|_| garbage("the project page is not UTF-8 text".into()))?;
        let anchors = anchors(text);
        if anchors.is_empty() && !text.to_ascii_lowercase().contains("<html") {
            return Err(garbage(format!(
                "expected a PEP 503 HTML or PEP 691 JSON project page, got {}",
                if content_type.is_empty() {
                    "no content type"
                } else {
                    content_type
                }
            )));
        }
        anchors
            .into_iter()
            .filter_map(|a| file_from_anchor(page_url, &a))
            .collect()
    };
    let mut releases: BTreeMap<String, Release> = BTreeMap::new();
    for file in files {
        let Some(version) = version_of(name, &file.file_name) else {
            continue;
        };
        releases
            .entry(version.clone())
            .or_insert_with(|| Release::new(&version))
            .files
            .push(file);
    }
    let mut project = Project {
        ecosystem: Ecosystem::Pypi,
        name: name.to_owned(),
        index: index.to_owned(),
        releases: releases.into_values().collect(),
        latest: None,
        tags: BTreeMap::new(),
        carries_provenance: false,
        created: None,
    };
    project.finish();
    Ok(project)
}

/// PEP 691's core-metadata value (`true` or `{"sha256": ...}`) as PEP 714's attribute.
fn metadata_attr(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::Bool(true) => Some("true".to_owned()),
        serde_json::Value::Object(o) => o
            .iter()
            .find_map(|(k, v)| Some(format!("{k}={}", v.as_str()?)))
            .or_else(|| Some("true".to_owned())),
        _ => None,
    }
}

/// One `<a>` element: its attributes and its text.
#[derive(Debug, Default)]
struct Anchor {
    attrs: BTreeMap<String, String>,
    text: String,
}

/// The `<a>` elements of an HTML page. PEP 503 pages are flat lists of anchors; this
/// reads tags and quoted attribute values as HTML defines them, and decodes character
/// references.
fn anchors(html: &str) -> Vec<Anchor> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        i = start;
        if html[start..].starts_with("!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let is_a = bytes
            .get(start)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'a'))
            && bytes.get(start + 1).is_some_and(u8::is_ascii_whitespace);
        if !is_a {
            continue;
        }
        let (attrs, end) = attributes(html, start + 1);
        let close = html[end..]
            .to_ascii_lowercase()
            .find("</a")
            .map_or(html.len(), |c| end + c);
        out.push(Anchor {
            attrs,
            text: decode_entities(html[end..close].trim()),
        });
        i = close;
    }
    out
}

/// Attributes from `pos` to the end of the tag; returns them and the index after `>`.
fn attributes(html: &str, mut pos: usize) -> (BTreeMap<String, String>, usize) {
    let b = html.as_bytes();
    let mut attrs = BTreeMap::new();
    loop {
        while pos < b.len() && (b[pos].is_ascii_whitespace() || b[pos] == b'/') {
            pos += 1;
        }
        if pos >= b.len() {
            return (attrs, b.len());
        }
        if b[pos] == b'>' {
            return (attrs, pos + 1);
        }
        let name_start = pos;
        while pos < b.len()
            && !b[pos].is_ascii_whitespace()
            && !matches!(b[pos], b'=' | b'>' | b'/')
        {
            pos += 1;
        }
        let name = html[name_start..pos].to_ascii_lowercase();
        while pos < b.len() && b[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let mut value = String::new();
        if pos < b.len() && b[pos] == b'=' {
            pos += 1;
            while pos < b.len() && b[pos].is_ascii_whitespace() {
                pos += 1;
            }
            if pos < b.len() && matches!(b[pos], b'"' | b'\'') {
                let quote = b[pos];
                let vstart = pos + 1;
                let vend = html[vstart..]
                    .bytes()
                    .position(|c| c == quote)
                    .map_or(b.len(), |e| vstart + e);
                value = decode_entities(&html[vstart..vend]);
                pos = (vend + 1).min(b.len());
            } else {
                let vstart = pos;
                while pos < b.len() && !b[pos].is_ascii_whitespace() && b[pos] != b'>' {
                    pos += 1;
                }
                value = decode_entities(&html[vstart..pos]);
            }
        }
        if !name.is_empty() {
            attrs.entry(name).or_insert(value);
        }
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &after[..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn file_from_anchor(page_url: &str, a: &Anchor) -> Option<FileRef> {
    let href = a.attrs.get("href")?;
    let (url, fragment) = href.split_once('#').unwrap_or((href, ""));
    let url = join(page_url, url);
    let file_name = if a.text.is_empty() {
        percent_decode(url.rsplit('/').next().unwrap_or(""))
    } else {
        a.text.clone()
    };
    let digest = fragment
        .split_once('=')
        .filter(|(algo, _)| algo.eq_ignore_ascii_case("sha256"))
        .map(|(_, hex)| Digest::Sha256(hex.to_ascii_lowercase()));
    Some(FileRef {
        file_name,
        url,
        digest,
        registry_signatures: Vec::new(),
        integrity: None,
        uploaded: a
            .attrs
            .get("data-upload-time")
            .and_then(|t| parse_rfc3339(t)),
        yanked: a.attrs.contains_key("data-yanked"),
        yanked_reason: a
            .attrs
            .get("data-yanked")
            .filter(|r| !r.is_empty())
            .cloned(),
        requires_python: a.attrs.get("data-requires-python").cloned(),
        core_metadata: a
            .attrs
            .get("data-core-metadata")
            .or_else(|| a.attrs.get("data-dist-info-metadata"))
            .cloned(),
        provenance: match a.attrs.get("data-provenance") {
            Some(p) => Provenance::Present {
                url: Some(join(page_url, p)),
                publisher: None,
            },
            None => Provenance::Unknown,
        },
    })
}

/// Resolves a link against the page it is on.
pub(crate) fn join(base: &str, link: &str) -> String {
    match url::Url::parse(base).and_then(|b| b.join(link)) {
        Ok(u) => u.to_string(),
        Err(_) => link.to_owned(),
    }
}

/// The version in a distribution file name of project `name`: wheels
/// (`name-ver-tags.whl`), sdists (`name-ver.tar.gz`, `.zip`, ...), eggs.
#[must_use]
pub fn version_of(name: &str, file_name: &str) -> Option<String> {
    let lower = file_name.to_ascii_lowercase();
    let want = canonical_name(Ecosystem::Pypi, name);
    if lower.ends_with(".whl") || lower.ends_with(".egg") {
        let mut parts = file_name.splitn(3, '-');
        let (n, v) = (parts.next()?, parts.next()?);
        return (canonical_name(Ecosystem::Pypi, n) == want).then(|| {
            let v = v.strip_suffix(".whl").unwrap_or(v);
            v.strip_suffix(".egg").unwrap_or(v).to_owned()
        });
    }
    let stem = [".tar.gz", ".tar.bz2", ".tar.xz", ".zip", ".tgz", ".tar"]
        .iter()
        .find_map(|ext| {
            lower
                .ends_with(ext)
                .then(|| &file_name[..file_name.len() - ext.len()])
        })?;
    // The name may itself hold '-': find the split where the left side is the project.
    stem.match_indices('-').find_map(|(i, _)| {
        (canonical_name(Ecosystem::Pypi, &stem[..i]) == want
            && stem[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .then(|| stem[i + 1..].to_owned())
    })
}

#[derive(Deserialize)]
struct ProjectJson {
    #[serde(default)]
    releases: BTreeMap<String, Vec<ProjectJsonFile>>,
}

#[derive(Deserialize)]
struct ProjectJsonFile {
    filename: String,
    #[serde(default)]
    upload_time_iso_8601: Option<String>,
    #[serde(default)]
    upload_time: Option<String>,
}

/// Fills upload times from the per-project JSON metadata, for indexes whose simple
/// pages carry none.
pub(crate) fn fill_upload_times(project: &mut Project, body: &[u8]) {
    let Ok(doc) = serde_json::from_slice::<ProjectJson>(body) else {
        return;
    };
    let times: BTreeMap<&str, i64> = doc
        .releases
        .values()
        .flatten()
        .filter_map(|f| {
            let t = f
                .upload_time_iso_8601
                .as_deref()
                .or(f.upload_time.as_deref())?;
            // The older field has no zone; it is UTC.
            let t = parse_rfc3339(t).or_else(|| parse_rfc3339(&format!("{t}Z")))?;
            Some((f.filename.as_str(), t))
        })
        .collect();
    for release in &mut project.releases {
        for f in &mut release.files {
            if f.uploaded.is_none() {
                f.uploaded = times.get(f.file_name.as_str()).copied();
            }
        }
    }
    project.finish();
}

#[derive(Deserialize)]
struct ProvenanceJson {
    #[serde(default)]
    attestation_bundles: Vec<Bundle>,
}

#[derive(Deserialize)]
struct Bundle {
    publisher: Option<PublisherJson>,
}

#[derive(Deserialize)]
struct PublisherJson {
    kind: String,
    #[serde(default)]
    repository: Option<String>,
    #[serde(default)]
    workflow: Option<String>,
    #[serde(default)]
    environment: Option<String>,
    #[serde(default)]
    project: Option<String>,
}

/// The publisher a PEP 740 provenance object names (claimed, not verified).
#[must_use]
pub fn publisher_from_provenance(body: &[u8]) -> Option<Publisher> {
    let doc: ProvenanceJson = serde_json::from_slice(body).ok()?;
    let p = doc
        .attestation_bundles
        .into_iter()
        .find_map(|b| b.publisher)?;
    Some(Publisher {
        kind: p.kind,
        repository: p.repository.or(p.project),
        workflow: p.workflow,
        environment: p.environment.filter(|e| !e.is_empty()),
        ..Publisher::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = r#"<!DOCTYPE html><html><body>
<!-- <a href="commented-9.9.tar.gz">x</a> -->
<a href="../../files/demo-1.0.tar.gz#sha256=AA11" data-upload-time="2024-01-01T00:00:00Z">demo-1.0.tar.gz</a><br/>
<A HREF='/files/demo-1.1-py3-none-any.whl#sha256=bb22' data-requires-python="&gt;=3.8" data-dist-info-metadata="sha256=cc">demo-1.1-py3-none-any.whl</A>
<a href="/files/demo-1.2.tar.gz#sha256=dd33" data-yanked="broken" data-provenance="/integrity/demo/1.2/demo-1.2.tar.gz/provenance">demo-1.2.tar.gz</a>
<a href="/files/other-1.0.tar.gz">other-1.0.tar.gz</a>
</body></html>"#;

    #[test]
    fn html_pages() {
        let p = parse_simple(
            "demo",
            "http://127.0.0.1:1/simple/demo/",
            "text/html",
            HTML.as_bytes(),
            "test index",
        )
        .expect("parses");
        let versions: Vec<&str> = p.releases.iter().map(|r| r.version.as_str()).collect();
        assert_eq!(
            versions,
            ["1.0", "1.1", "1.2"],
            "the commented link and other projects are left out"
        );
        let f = &p.releases[0].files[0];
        assert_eq!(f.url, "http://127.0.0.1:1/files/demo-1.0.tar.gz");
        assert_eq!(f.digest, Some(Digest::Sha256("aa11".into())));
        assert_eq!(f.uploaded, Some(1_704_067_200));
        assert!(p.releases[2].yanked);
        assert!(p.carries_provenance);
        assert_eq!(
            p.releases[0].provenance,
            Provenance::Absent,
            "the index carries provenance, this release has none"
        );
        assert!(p.releases[2].provenance.is_present());
        assert_eq!(
            p.default_release().map(|r| r.version.as_str()),
            Some("1.1"),
            "yanked releases are not the default"
        );
    }

    #[test]
    fn json_pages_and_garbage() {
        let json = r#"{"meta":{"api-version":"1.1"},"name":"demo","files":[
            {"filename":"demo-2.0.tar.gz","url":"https://127.0.0.1:1/f/demo-2.0.tar.gz","hashes":{"sha256":"EE"},"upload-time":"2024-02-01T00:00:00Z","provenance":null},
            {"filename":"demo-1.9.tar.gz","url":"/f/demo-1.9.tar.gz","hashes":{},"yanked":false}]}"#;
        let p = parse_simple(
            "Demo",
            "http://127.0.0.1:1/simple/demo/",
            "application/vnd.pypi.simple.v1+json",
            json.as_bytes(),
            "i",
        )
        .expect("parses");
        assert_eq!(p.releases.len(), 2);
        assert_eq!(
            p.releases[1].provenance,
            Provenance::Absent,
            "explicit null is absent"
        );
        assert_eq!(
            p.releases[0].provenance,
            Provenance::Unknown,
            "a missing key is unknown"
        );
        assert_eq!(
            p.releases[0].files[0].url,
            "http://127.0.0.1:1/f/demo-1.9.tar.gz"
        );
        let err = parse_simple(
            "demo",
            "http://127.0.0.1:1/s/",
            "application/vnd.pypi.simple.v1+json",
            b"{\"files\": 3}",
            "i",
        )
        .expect_err("garbage");
        assert!(err.to_string().contains("http://127.0.0.1:1/s/"), "{err}");
        assert!(
            parse_simple("demo", "http://127.0.0.1:1/s/", "text/plain", b"hello", "i").is_err()
        );
    }

    #[test]
    fn versions_from_file_names() {
        assert_eq!(
            version_of(
                "python-dateutil",
                "python_dateutil-2.9.0.post0-py2.py3-none-any.whl"
            )
            .as_deref(),
            Some("2.9.0.post0")
        );
        assert_eq!(
            version_of("python-dateutil", "python-dateutil-2.8.2.tar.gz").as_deref(),
            Some("2.8.2")
        );
        assert_eq!(version_of("demo", "demo-lib-1.0.tar.gz"), None);
        assert_eq!(
            version_of("zope.interface", "zope.interface-6.0.zip").as_deref(),
            Some("6.0")
        );
    }

    #[test]
    fn provenance_publisher() {
        let body = br#"{"version":1,"attestation_bundles":[{"publisher":{"kind":"GitHub","repository":"octo/demo","workflow":"release.yml","environment":""},"attestations":[]}]}"#;
        let p = publisher_from_provenance(body).expect("publisher");
        assert_eq!(p.repository.as_deref(), Some("octo/demo"));
        assert_eq!(p.workflow.as_deref(), Some("release.yml"));
        assert_eq!(p.environment, None);
    }
}
