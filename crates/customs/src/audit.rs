//! `customs audit`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use customs_scan::ScanOptions;

use crate::args::{AuditArgs, Format};
use crate::output::{Bar, open_store, text_options, write_report};

pub(crate) fn audit_command(args: &AuditArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in &paths {
        if p.is_dir() {
            let found = customs_ecosystem::find_lockfiles(p);
            if found.is_empty() {
                errors.push(customs_ecosystem::LockError {
                    path: p.clone(),
                    line: None,
                    message: "no lockfile or requirements file here".into(),
                });
            }
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(customs_ecosystem::LockError {
                path: p.clone(),
                line: None,
                message: "no such file or folder".into(),
            });
        }
    }
    let mut lockfiles = Vec::new();
    for f in &files {
        match customs_ecosystem::read_lockfile(f) {
            Ok(l) => lockfiles.push(l),
            Err(e) => errors.push(e),
        }
    }
    let project = paths
        .first()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent().map(PathBuf::from).unwrap_or_default()
            }
        })
        .unwrap_or_default();
    let mut policy = customs_policy::Policy::find(args.policy.as_deref(), &project)?;
    policy.add_ignores(&args.ignore.rules, "--ignore")?;
    let store = open_store(args.store.as_ref())?;
    // Offline, nothing is asked of any index: the kept documents and judgements and the
    // cached files answer.
    // Only the ecosystems the lockfiles name need an index.
    let mut ecosystems: Vec<customs_ecosystem::Ecosystem> = lockfiles
        .iter()
        .flat_map(|l| l.entries.iter().map(|e| e.ecosystem))
        .collect();
    ecosystems.sort_by_key(|e| e.as_str());
    ecosystems.dedup();
    let registry = args
        .registry
        .client_for(Some(ecosystems))?
        .with_offline(args.offline);
    let judgements = std::sync::Arc::new(customs_scan::Judgements::in_cache(&registry, &policy));
    let options = customs_scan::AuditOptions {
        scan: ScanOptions {
            jobs: args.jobs.unwrap_or(0),
            history: !args.no_history,
            judgements: Some(std::sync::Arc::clone(&judgements)),
            ..ScanOptions::default()
        },
        offline: args.offline,
        rejudge: false,
    };
    let total: usize = lockfiles.iter().map(|l| l.entries.len()).sum();
    let progress = Bar::for_items(if args.report.quiet { 0 } else { total });
    let report = customs_scan::audit(
        &lockfiles,
        Some(&registry),
        &store,
        &policy,
        &options,
        &progress,
    );
    progress.done();
    if args.report.verbose {
        use std::sync::atomic::Ordering::Relaxed;
        let d = registry.document_counts();
        let _ = writeln!(
            anstream::stderr(),
            "customs audit: package documents: {} read from the index, {} confirmed unchanged, {} reused without asking; judgements: {} reused, {} made",
            d.fetched.load(Relaxed),
            d.revalidated.load(Relaxed),
            d.reused.load(Relaxed),
            judgements.results().hits(),
            judgements.results().misses(),
        );
    }
    let errors = customs_scan::lock_errors(&errors);
    let rendered = match args.report.format {
        Format::Text => customs_report::text_audit(&report, &errors, text_options(&args.report)),
        Format::Json => {
            serde_json::to_string_pretty(&customs_report::json_audit(&report, &errors))? + "\n"
        }
        Format::Sarif => {
            serde_json::to_string_pretty(&customs_report::sarif_audit(&report, &errors))? + "\n"
        }
        Format::Github => customs_report::github_audit(&report, &errors),
    };
    write_report(args.report.output.as_ref(), &rendered)?;
    // A blocked dependency exits 1 whatever else happened; then what could not be
    // read or checked exits 2.
    Ok(if report.blocked().next().is_some() {
        ExitCode::from(1)
    } else if !errors.is_empty() || report.failed().next().is_some() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
