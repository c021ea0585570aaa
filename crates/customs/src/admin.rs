//! `customs db`, `customs policy` and `customs rules`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::args::{DbCommand, PolicyCommand, VerifyFormat};
use crate::output::open_store;

pub(crate) fn db_command(cmd: &DbCommand) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    match cmd {
        DbCommand::Import { path, store } => {
            let store = open_store(store.as_ref())?;
            let s = store.import_path(path)?;
            let (records, malicious) = store.counts()?;
            out.push_str(&format!(
                "imported {} records ({} malicious-package records, {} about other ecosystems or withdrawn, left out) into {}\nthe store now holds {records} records, {malicious} of them malicious-package records\n",
                s.records,
                s.malicious,
                s.skipped,
                store.location()
            ));
        }
        DbCommand::UpdateTrust { tuf_url, tuf_root } => {
            out.push_str(&update_trust(tuf_url, tuf_root.as_ref())?);
        }
        DbCommand::Update { urls, store } => {
            out.push_str(&db_update(urls, store.as_ref())?);
        }
        DbCommand::Status { store } => {
            let store = open_store(store.as_ref())?;
            let (records, malicious) = store.counts()?;
            out.push_str(&format!(
                "{}: {records} records, {malicious} of them malicious-package records, besides the embedded data\nsources:\n",
                store.location()
            ));
            for s in store.sources()? {
                let mut when = Vec::new();
                if let Some(d) = &s.date {
                    when.push(d.clone());
                }
                if let Some(t) = s.imported_at {
                    when.push(format!("imported {}", customs_registry::format_rfc3339(t)));
                }
                if when.is_empty() {
                    when.push("date unknown".to_owned());
                }
                out.push_str(&format!(
                    "  {}: {} records, {} malicious ({})\n",
                    s.source,
                    s.records,
                    s.malicious,
                    when.join(", ")
                ));
            }
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn policy_command(cmd: &PolicyCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        PolicyCommand::Init { path, force } => {
            if path.exists() && !force {
                anyhow::bail!("{} exists; pass --force to overwrite it", path.display());
            }
            std::fs::write(path, customs_policy::TEMPLATE)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let _ = writeln!(std::io::stdout().lock(), "wrote {}", path.display());
        }
        PolicyCommand::Show { path, policy } => {
            let resolved = match policy {
                Some(file) => customs_policy::Resolved::from_file(file)?,
                None => customs_policy::Resolved::discover(
                    path,
                    customs_policy::user_config().as_deref(),
                )?,
            };
            let _ = std::io::stdout()
                .lock()
                .write_all(resolved.render().as_bytes());
        }
        PolicyCommand::Check { path } => {
            let p = customs_policy::Policy::load(path)?;
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}: valid; blocks at {}, minimum release age {}, {} allowed, {} denied, hashes {}, provenance {}, install scripts {}, {} ignored",
                path.display(),
                p.fail_on.as_str(),
                if p.min_release_age == 0 {
                    "off".to_owned()
                } else {
                    customs_policy::human(p.min_release_age)
                },
                p.allow.len(),
                p.deny.len(),
                if p.require_hashes {
                    "required"
                } else {
                    "optional"
                },
                if p.require_provenance {
                    "required when published before"
                } else {
                    "optional"
                },
                if p.install_scripts_allowed {
                    "allowed".to_owned()
                } else {
                    format!("allowed only for {}", p.install_scripts_packages.len())
                },
                match p.ignore.len() {
                    0 => "no rule".to_owned(),
                    1 => "1 rule".to_owned(),
                    n => format!("{n} rules"),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One rule as `customs rules --format json` prints it.
fn rule_json(m: &customs_rules::RuleMeta) -> serde_json::Value {
    serde_json::json!({
        "id": m.id,
        "summary": m.summary,
        "severity": m.severity.as_str(),
        "confidence": m.confidence.as_str(),
        "doc": unindent(m.doc),
    })
}

/// A doc comment's text without the space after `///`.
fn unindent(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn rules(id: Option<&str>, format: VerifyFormat) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    if format == VerifyFormat::Json {
        let value = match id {
            Some(id) => rule_json(customs_report::rule_meta(id).ok_or_else(|| {
                anyhow::anyhow!("no rule named `{id}`; `customs rules` lists them")
            })?),
            None => customs_report::all_rules()
                .into_iter()
                .map(rule_json)
                .collect(),
        };
        out = serde_json::to_string_pretty(&value)? + "\n";
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
        return Ok(ExitCode::SUCCESS);
    }
    match id {
        Some(id) => {
            let Some(m) = customs_report::rule_meta(id) else {
                anyhow::bail!("no rule named `{id}`; `customs rules` lists them");
            };
            out.push_str(&format!(
                "{}: {}\nseverity: {} (in its worst context), confidence: {}\n\n{}",
                m.id,
                m.summary,
                m.severity,
                m.confidence,
                unindent(m.doc)
            ));
        }
        None => {
            for m in customs_report::all_rules() {
                out.push_str(&format!(
                    "{:<24} {:<8} {}\n",
                    m.id,
                    m.severity.as_str(),
                    m.summary
                ));
            }
            out.push_str("\n`customs rules ID` prints a rule's documentation.\n");
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// `customs db update-trust`.
fn update_trust(url: &str, start: Option<&std::path::PathBuf>) -> anyhow::Result<String> {
    let dir = customs_verify::trust_dir();
    let kept = dir.join("tuf_root.json");
    let root = match start {
        Some(p) => std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        None => std::fs::read(&kept)
            .unwrap_or_else(|_| customs_verify::tuf::EMBEDDED_TUF_ROOT.as_bytes().to_vec()),
    };
    let http = customs_registry::Http::new(&customs_registry::IndexConfig::default())?;
    let base = url.trim_end_matches('/').to_owned();
    let fetch = |path: &str| -> Result<Option<Vec<u8>>, String> {
        match http.get(
            &format!("{base}/{path}"),
            "application/json, */*",
            None,
            customs_verify::tuf::MAX_FILE as u64,
            &base,
        ) {
            Ok(r) => Ok(Some(r.body)),
            Err(customs_registry::RegistryError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    };
    let updated = customs_verify::tuf::update(&root, customs_registry::now(), &fetch)
        .map_err(|e| anyhow::anyhow!("the trusted root was not updated: {e}"))?;
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, bytes) in [
        ("trusted_root.json", &updated.trusted_root),
        ("tuf_root.json", &updated.tuf_root),
    ] {
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, dir.join(name))
            .with_context(|| format!("cannot write {}", dir.join(name).display()))?;
    }
    Ok(format!(
        "trusted root updated from {base} (TUF root version {}); kept in {}\n",
        updated.root_version,
        dir.display()
    ))
}

/// The largest download `customs db update` reads (OSV's ecosystem exports are a few
/// hundred megabytes).
const MAX_UPDATE: u64 = 1 << 30;

/// `customs db update`: each URL fetched and imported, named as the records' source.
fn db_update(urls: &[String], store: Option<&std::path::PathBuf>) -> anyhow::Result<String> {
    let mut urls: Vec<String> = urls.to_vec();
    if urls.is_empty() {
        urls = std::env::var("CUSTOMS_DB_UPDATE_URL")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
    }
    if urls.is_empty() {
        anyhow::bail!(
            "no URL to update from: customs has no default source of OSV records; pass \
             --url URL (an OSV zip export of malicious-package records, such as OSV's \
             per-ecosystem all.zip or a mirror of it), or set CUSTOMS_DB_UPDATE_URL \
             (several separated by spaces); `customs db import FILE` reads a downloaded copy"
        );
    }
    let store = open_store(store)?;
    let http = customs_registry::Http::new(&customs_registry::IndexConfig::default())?;
    let mut out = String::new();
    for url in &urls {
        let body = http
            .get(
                url,
                "application/zip, application/json, */*",
                None,
                MAX_UPDATE,
                url,
            )
            .map_err(|e| anyhow::anyhow!("the records were not updated from {url}: {e}"))?
            .body;
        let s = store
            .import_download(body, url)
            .with_context(|| format!("the records from {url} were not imported"))?;
        out.push_str(&format!(
            "imported {} records ({} malicious-package records, {} about other ecosystems or withdrawn, left out) from {url}\n",
            s.records, s.malicious, s.skipped
        ));
    }
    let (records, malicious) = store.counts()?;
    out.push_str(&format!(
        "{} now holds {records} records, {malicious} of them malicious-package records\n",
        store.location()
    ));
    Ok(out)
}
