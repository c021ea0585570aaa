//! `customs db`, `customs policy` and `customs rules`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::args::{DbCommand, PolicyCommand};
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
        DbCommand::Status { store } => {
            let store = open_store(store.as_ref())?;
            let (records, malicious) = store.counts()?;
            out.push_str(&format!(
                "{}: {records} records, {malicious} of them malicious-package records\n",
                store.location()
            ));
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
        PolicyCommand::Check { path } => {
            let p = customs_policy::Policy::load(path)?;
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}: valid; blocks at {}, minimum release age {}, {} allowed, {} denied, hashes {}, provenance {}, install scripts {}",
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
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn rules(id: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
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
                m.doc
                    .lines()
                    .map(|l| l.strip_prefix(' ').unwrap_or(l))
                    .collect::<Vec<_>>()
                    .join("\n")
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
