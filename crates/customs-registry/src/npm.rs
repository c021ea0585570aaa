//! npm package documents: versions with their `dist` (tarball, `integrity`, `shasum`,
//! `attestations`), `_npmUser`, `maintainers`, `scripts` and dependencies; `time`;
//! `dist-tags`. Read into typed structures, so the large parts of a document (readmes)
//! are skipped rather than held.

use std::collections::BTreeMap;

use base64::Engine;
use customs_ecosystem::Ecosystem;
use serde::Deserialize;

use crate::RegistryError;
use crate::pypi::join;
use customs_model::parse_rfc3339;
use customs_model::{Digest, FileRef, Project, Provenance, Release};

pub use customs_model::REGISTRY_INSTALL_HOOKS;

#[derive(Deserialize)]
struct Packument {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    versions: BTreeMap<String, VersionDoc>,
    #[serde(default)]
    time: BTreeMap<String, serde_json::Value>,
    #[serde(default, rename = "dist-tags")]
    dist_tags: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct VersionDoc {
    #[serde(default)]
    dist: Option<Dist>,
    #[serde(default, rename = "_npmUser")]
    npm_user: Option<serde_json::Value>,
    #[serde(default)]
    maintainers: Option<serde_json::Value>,
    #[serde(default)]
    scripts: Option<serde_json::Value>,
    #[serde(default)]
    dependencies: Option<serde_json::Value>,
    #[serde(default, rename = "optionalDependencies")]
    optional_dependencies: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Dist {
    #[serde(default)]
    tarball: Option<String>,
    #[serde(default)]
    integrity: Option<String>,
    #[serde(default)]
    shasum: Option<String>,
    #[serde(default)]
    attestations: Option<Attestations>,
    #[serde(default)]
    signatures: Vec<SignatureJson>,
}

#[derive(Deserialize)]
struct SignatureJson {
    #[serde(default)]
    keyid: String,
    #[serde(default)]
    sig: String,
}

#[derive(Deserialize)]
struct Attestations {
    #[serde(default)]
    url: Option<String>,
}

/// A person as npm writes one: `{"name": ..., "email": ...}` or `"name <email>"`.
fn person(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.split('<').next().unwrap_or(s).trim().to_owned()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_owned),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn string_map(v: Option<&serde_json::Value>) -> BTreeMap<String, String> {
    v.and_then(serde_json::Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// The SRI `sha512-...` of an `integrity` value, as hex.
fn sri_sha512(integrity: &str) -> Option<String> {
    integrity.split_whitespace().find_map(|part| {
        let b64 = part.strip_prefix("sha512-")?;
        let bytes = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
        (bytes.len() == 64).then(|| hex::encode(bytes))
    })
}

/// The URL of a package document: scoped names keep the `@` and escape the `/`.
#[must_use]
pub fn document_url(registry: &str, name: &str) -> String {
    format!(
        "{}/{}",
        registry.trim_end_matches('/'),
        name.replace('/', "%2f")
    )
}

/// Parses a package document.
///
/// # Errors
/// When the body is not a package document for `name`.
pub fn parse_document(
    name: &str,
    url: &str,
    body: &[u8],
    index: &str,
) -> Result<Project, RegistryError> {
    let garbage = |message: String| RegistryError::Garbage {
        url: url.to_owned(),
        index: index.to_owned(),
        message,
    };
    let doc: Packument = serde_json::from_slice(body)
        .map_err(|e| garbage(format!("not an npm package document: {e}")))?;
    if let Some(n) = &doc.name
        && n != name
    {
        return Err(garbage(format!("the document is for {n:?}, not {name:?}")));
    }
    let mut releases = Vec::with_capacity(doc.versions.len());
    for (version, v) in doc.versions {
        let uploaded = doc
            .time
            .get(&version)
            .and_then(serde_json::Value::as_str)
            .and_then(parse_rfc3339);
        let mut release = Release::new(&version);
        if let Some(dist) = &v.dist
            && let Some(tarball) = &dist.tarball
        {
            let digest = dist
                .integrity
                .as_deref()
                .and_then(sri_sha512)
                .map(Digest::Sha512)
                .or_else(|| {
                    dist.shasum
                        .as_ref()
                        .filter(|s| s.len() == 40)
                        .map(|s| Digest::Sha1(s.to_ascii_lowercase()))
                });
            let file_name = tarball
                .rsplit('/')
                .next()
                .unwrap_or("package.tgz")
                .to_owned();
            release.files.push(FileRef {
                file_name,
                url: join(url, tarball),
                digest,
                uploaded,
                yanked: false,
                provenance: match &dist.attestations {
                    Some(a) => Provenance::Present {
                        url: a.url.as_ref().map(|u| join(url, u)),
                        publisher: None,
                    },
                    None => Provenance::Unknown,
                },
                requires_python: None,
                core_metadata: None,
                yanked_reason: None,
                registry_signatures: dist
                    .signatures
                    .iter()
                    .map(|s| customs_model::RegistrySignature {
                        keyid: s.keyid.clone(),
                        sig: s.sig.clone(),
                    })
                    .collect(),
                integrity: dist.integrity.clone(),
            });
        }
        release.publisher = v.npm_user.as_ref().and_then(person);
        if let Some(user) = v.npm_user.as_ref().and_then(serde_json::Value::as_object) {
            release.approver = user.get("approver").and_then(|a| match a {
                serde_json::Value::Null | serde_json::Value::Bool(false) => None,
                other => Some(person(other).unwrap_or_else(|| "a maintainer".to_owned())),
            });
            release.trusted_publisher = user.get("trustedPublisher").and_then(|t| match t {
                serde_json::Value::Null | serde_json::Value::Bool(false) => None,
                serde_json::Value::Object(o) => Some(
                    o.get("id")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or("trusted publisher")
                        .to_owned(),
                ),
                serde_json::Value::String(s) => Some(s.clone()),
                _ => Some("trusted publisher".to_owned()),
            });
        }
        release.maintainers = v.maintainers.as_ref().and_then(|m| {
            let list: Vec<String> = m.as_array()?.iter().filter_map(person).collect();
            Some(list)
        });
        let scripts = string_map(v.scripts.as_ref());
        release.install_scripts = REGISTRY_INSTALL_HOOKS
            .iter()
            .filter(|h| scripts.contains_key(**h))
            .map(|h| (*h).to_owned())
            .collect();
        if v.dependencies.is_some() || v.optional_dependencies.is_some() {
            let mut deps = string_map(v.dependencies.as_ref());
            deps.extend(string_map(v.optional_dependencies.as_ref()));
            release.dependencies = Some(deps);
        }
        releases.push(release);
    }
    let mut project = Project {
        ecosystem: Ecosystem::Npm,
        name: name.to_owned(),
        index: index.to_owned(),
        releases,
        latest: doc
            .dist_tags
            .get("latest")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned),
        tags: doc
            .dist_tags
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect(),
        carries_provenance: false,
        created: doc
            .time
            .get("created")
            .and_then(serde_json::Value::as_str)
            .and_then(parse_rfc3339),
    };
    project.finish();
    Ok(project)
}

/// Who built an npm release, from the registry's attestations document
/// (`dist.attestations.url`): the SLSA provenance statement's workflow (repository,
/// path, ref) and the commit it resolved. Claims only: the signatures are not checked
/// here. `None` when the document holds no provenance statement.
pub fn publisher_from_attestations(body: &[u8]) -> Option<customs_model::Publisher> {
    let doc: serde_json::Value = serde_json::from_slice(body).ok()?;
    for a in doc.get("attestations")?.as_array()? {
        let envelope = a.get("bundle").and_then(|b| b.get("dsseEnvelope"));
        let Some(payload) = envelope
            .and_then(|e| e.get("payload"))
            .and_then(serde_json::Value::as_str)
        else {
            continue;
        };
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(payload) else {
            continue;
        };
        let Ok(statement) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            continue;
        };
        let predicate_type = statement
            .get("predicateType")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        if !predicate_type.starts_with("https://slsa.dev/provenance/") {
            continue;
        }
        let build = &statement["predicate"]["buildDefinition"];
        let workflow = &build["externalParameters"]["workflow"];
        let text = |v: &serde_json::Value| v.as_str().map(str::to_owned);
        let repository = text(&workflow["repository"]).map(|r| {
            // `https://github.com/owner/name` → `owner/name`, as PEP 740 names it.
            let r = r.trim_end_matches(".git").trim_end_matches('/');
            match r.split_once("://") {
                Some((_, rest)) => rest.split_once('/').map_or(rest, |(_, p)| p).to_owned(),
                None => r.to_owned(),
            }
        });
        let kind = if build["buildType"]
            .as_str()
            .is_some_and(|t| t.contains("github"))
        {
            "GitHub"
        } else if build["buildType"]
            .as_str()
            .is_some_and(|t| t.contains("gitlab"))
        {
            "GitLab"
        } else {
            "unknown"
        };
        let commit = build["resolvedDependencies"]
            .as_array()
            .and_then(|deps| deps.iter().find_map(|d| text(&d["digest"]["gitCommit"])));
        return Some(customs_model::Publisher {
            kind: kind.to_owned(),
            repository,
            workflow: text(&workflow["path"]),
            environment: None,
            git_ref: text(&workflow["ref"]),
            commit,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn publisher_from_an_attestations_document() {
        let statement = serde_json::json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{"name": "pkg:npm/demo@1.2.0", "digest": {"sha512": "00"}}],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {"buildDefinition": {
                "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                "externalParameters": {"workflow": {"ref": "refs/tags/v1.2.0",
                    "repository": "https://github.com/octo/demo", "path": ".github/workflows/release.yml"}},
                "resolvedDependencies": [{"uri": "git+https://github.com/octo/demo@refs/tags/v1.2.0",
                    "digest": {"gitCommit": "0123abcd"}}]}}
        });
        let payload = base64::engine::general_purpose::STANDARD.encode(statement.to_string());
        let doc = serde_json::json!({"attestations": [
            {"predicateType": "https://github.com/npm/attestation/tree/main/specs/publish/v0.1",
             "bundle": {"dsseEnvelope": {"payload": base64::engine::general_purpose::STANDARD.encode("{}")}}},
            {"predicateType": "https://slsa.dev/provenance/v1",
             "bundle": {"dsseEnvelope": {"payload": payload, "payloadType": "application/vnd.in-toto+json"}}}
        ]});
        let p = publisher_from_attestations(doc.to_string().as_bytes()).expect("a publisher");
        assert_eq!(p.kind, "GitHub");
        assert_eq!(p.repository.as_deref(), Some("octo/demo"));
        assert_eq!(p.workflow.as_deref(), Some(".github/workflows/release.yml"));
        assert_eq!(p.git_ref.as_deref(), Some("refs/tags/v1.2.0"));
        assert_eq!(p.commit.as_deref(), Some("0123abcd"));
        assert!(publisher_from_attestations(b"{\"attestations\": []}").is_none());
        assert!(publisher_from_attestations(b"not json").is_none());
    }

    use super::*;

    #[test]
    fn documents() {
        let sri = format!(
            "sha512-{}",
            base64::engine::general_purpose::STANDARD.encode([7u8; 64])
        );
        let body = serde_json::json!({
            "name": "@scope/demo",
            "dist-tags": {"latest": "1.1.0", "next": "2.0.0-rc.1"},
            "time": {"created": "2024-01-01T00:00:00Z", "1.0.0": "2024-01-01T00:00:00Z", "1.1.0": "2024-03-01T00:00:00.000Z"},
            "versions": {
                "1.0.0": {"dist": {"tarball": "http://127.0.0.1:1/@scope/demo/-/demo-1.0.0.tgz", "integrity": sri,
                          "attestations": {"url": "http://127.0.0.1:1/-/npm/v1/attestations/@scope/demo@1.0.0", "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}},
                          "_npmUser": {"name": "alice", "email": "a@example.invalid"}, "maintainers": [{"name": "alice"}, "bob <b@example.invalid>"]},
                "1.1.0": {"dist": {"tarball": "/@scope/demo/-/demo-1.1.0.tgz", "shasum": "AB".repeat(20)},
                          "scripts": {"postinstall": "node x.js", "test": "jest"}, "dependencies": {"left-pad": "^1.0.0", "bad": 3}}
            }
        });
        let p = parse_document(
            "@scope/demo",
            "http://127.0.0.1:1/@scope%2fdemo",
            body.to_string().as_bytes(),
            "r",
        )
        .expect("parses");
        assert_eq!(
            p.default_release().map(|r| r.version.as_str()),
            Some("1.1.0")
        );
        let old = p.release("1.0.0").expect("1.0.0");
        assert_eq!(
            old.files[0].digest,
            Some(Digest::Sha512(hex::encode([7u8; 64])))
        );
        assert!(old.provenance.is_present());
        assert_eq!(old.publisher.as_deref(), Some("alice"));
        assert_eq!(
            old.maintainers.as_deref(),
            Some(&["alice".to_owned(), "bob".to_owned()][..])
        );
        let new = p.release("1.1.0").expect("1.1.0");
        assert_eq!(new.provenance, Provenance::Absent);
        assert_eq!(new.publisher, None, "no _npmUser: unknown");
        assert_eq!(new.install_scripts, ["postinstall"]);
        assert_eq!(new.dependencies.as_ref().map(BTreeMap::len), Some(1));
        assert_eq!(
            new.files[0].url,
            "http://127.0.0.1:1/@scope/demo/-/demo-1.1.0.tgz"
        );
        assert!(matches!(new.files[0].digest, Some(Digest::Sha1(_))));
        assert_eq!(
            p.previous_upload("1.1.0").map(|r| r.version.as_str()),
            Some("1.0.0")
        );
        assert!(parse_document("@scope/demo", "u", b"<html>", "r").is_err());
        assert!(parse_document("other", "u", body.to_string().as_bytes(), "r").is_err());
        assert_eq!(
            document_url("http://127.0.0.1:1/", "@a/b"),
            "http://127.0.0.1:1/@a%2fb"
        );
    }
}
