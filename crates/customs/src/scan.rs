//! `customs scan` and `customs diff`.

use std::io::Write;
use std::process::ExitCode;

use customs_archive::Limits;
use customs_report::RunReport;
use customs_scan::{
    FileKind, Judgements, ScanError, ScanOptions, check_known, diff, expand_targets, known_records,
    load_source_file, release_kinds, scan_all,
};

use crate::args::{DiffArgs, DiffFile, Format, ScanArgs};
use crate::output::{Bar, fails, open_store, scan_policy, text_options, write_report};

pub(crate) fn scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let targets: Vec<&str> = args.targets.iter().map(String::as_str).collect();
    let policy = scan_policy(&args.policy, &targets)?;
    let options = ScanOptions {
        limits: Limits {
            max_total_bytes: args.max_total_size,
            max_file_bytes: args.max_file_size,
            max_entries: args.max_entries,
            max_depth: args.max_depth,
            max_ratio: args.max_ratio,
            ..Limits::default()
        },
        jobs: args.jobs.unwrap_or(0),
        hash_all: false,
        history: !args.no_history,
        file: args.file.clone(),
        // Local files are compared with nothing; registry targets still get profiles.
        skip_profile: true,
        judgements: None,
    };
    let (targets, target_errors) = expand_targets(&args.targets);
    // Registry releases are checked against the store of known-malicious records, as
    // `audit` and the proxy check them.
    let (registry, store) = if targets.iter().any(|t| t.spec.is_some()) {
        (
            Some(args.registry.client()?),
            Some(open_store(args.store.as_ref())?),
        )
    } else {
        (None, None)
    };
    // A registry release judged before with the same rules and policy is not read again.
    let options = ScanOptions {
        judgements: registry
            .as_ref()
            .map(|r| std::sync::Arc::new(Judgements::in_cache(r, &policy).rejudge(args.rejudge))),
        ..options
    };
    let progress = Bar::for_items(if args.report.quiet { 0 } else { targets.len() });
    let results = scan_all(&targets, &options, registry.as_ref(), &progress);
    progress.done();
    let mut packages = Vec::new();
    let mut errors: Vec<ScanError> = target_errors;
    for r in results {
        match r {
            Ok(mut p) => match store.as_ref().map(|s| check_known(s, &mut p)) {
                Some(Err(e)) => errors.push(e),
                _ => {
                    p.ignore(&policy);
                    packages.push(p);
                }
            },
            Err(e) => errors.push(match &store {
                Some(store) => known_but_unlisted(store, e),
                None => e,
            }),
        }
    }
    let run = RunReport {
        packages: &packages,
        errors: &errors,
    };
    let rendered = match args.report.format {
        Format::Text => customs_report::text(&run, text_options(&args.report)),
        Format::Json => serde_json::to_string_pretty(&customs_report::json(&run))? + "\n",
        Format::Sarif => serde_json::to_string_pretty(&customs_report::sarif(&run))? + "\n",
        Format::Github => customs_report::github(&run),
    };
    write_report(args.report.output.as_ref(), &rendered)?;
    // A package at --fail-on exits 1 whatever else happened (as a blocked dependency
    // does in `audit`). Short of one, an artifact not read in full could not be judged
    // whole: like one that could not be read at all, it exits 2 whatever its verdict on
    // the part that was read.
    Ok(
        if packages
            .iter()
            .any(|p| fails(args.fail_on, p.verdict.level))
        {
            ExitCode::from(1)
        } else if !errors.is_empty() || packages.iter().any(|p| !p.read_in_full()) {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// An exact registry version that could not be scanned (most often: the index no longer
/// lists it) is still looked up in the store, so that the error says when the version
/// is known malware.
fn known_but_unlisted(store: &customs_store::Store, mut e: ScanError) -> ScanError {
    let Some(Ok(spec)) = customs_registry::Spec::parse(&e.target) else {
        return e;
    };
    let exact = match (spec.ecosystem, spec.version.as_deref()) {
        (customs_ecosystem::Ecosystem::Npm, Some(v)) => {
            customs_registry::npm_exact(v).map(|v| v.to_string())
        }
        (customs_ecosystem::Ecosystem::Pypi, Some(v))
            if !v.starts_with(['=', '<', '>', '!', '~']) && !v.contains('*') =>
        {
            Some(v.to_owned())
        }
        _ => None,
    };
    let Some(version) = exact else { return e };
    match known_records(store, spec.ecosystem, &spec.name, &version) {
        Ok(known) if !known.findings.is_empty() => {
            e.message = format!(
                "{}; the store names {} {version} known malicious ({})",
                e.message,
                spec.name,
                known.malicious_ids().join(", ")
            );
        }
        Ok(_) => {}
        Err(err) => {
            e.message = format!(
                "{}; the known-malicious records cannot be read: {err}",
                e.message
            );
        }
    }
    e
}

pub(crate) fn diff_command(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let policy = scan_policy(&args.policy, &[&args.old, &args.new])?;
    let options = ScanOptions::default();
    let registry = if args.offline {
        None
    } else {
        Some(args.registry.client()?)
    };
    let store = if [&args.old, &args.new]
        .iter()
        .any(|s| customs_registry::Spec::parse(s).is_some())
    {
        Some(open_store(args.store.as_ref())?)
    } else {
        None
    };
    // A PyPI release is compared file kind by file kind: the wheel for this platform
    // and the sdist, as an installer may take either.
    let kinds: Vec<Option<FileKind>> = match args.file {
        Some(DiffFile::Wheel) => vec![Some(FileKind::Wheel)],
        Some(DiffFile::Sdist) => vec![Some(FileKind::Sdist)],
        None => match release_kinds(&args.new, registry.as_ref()) {
            Ok(kinds) if kinds.len() > 1 => kinds.into_iter().map(Some).collect(),
            _ => vec![None],
        },
    };
    let load = |source: &str, kind: Option<FileKind>| -> anyhow::Result<customs_scan::Loaded> {
        let mut loaded = load_source_file(source, registry.as_ref(), kind, &options)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(store) = &store {
            check_known(store, &mut loaded.report).map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        Ok(loaded)
    };
    let mut reports = Vec::new();
    for kind in kinds {
        let (old, new) = match (load(&args.old, kind), load(&args.new, kind)) {
            (Ok(o), Ok(n)) => (o, n),
            (Err(e), _) | (_, Err(e)) => {
                let _ = writeln!(anstream::stderr(), "error: {e:#}");
                return Ok(ExitCode::from(2));
            }
        };
        let mut report = diff(old, new, registry.as_ref(), &options);
        report.ignore(&policy);
        reports.push(report);
    }
    let file = |r: &customs_scan::DiffReport| {
        let name = |p: &customs_scan::PackageReport| {
            p.source
                .as_ref()
                .map_or_else(|| p.target.clone(), |s| s.file_name.clone())
        };
        format!("{} -> {}", name(&r.old), name(&r.new))
    };
    let several = reports.len() > 1;
    let rendered = match args.report.format {
        Format::Text => reports
            .iter()
            .map(|r| {
                let text = customs_report::text_diff(r, text_options(&args.report));
                if several {
                    format!(
                        "files compared: {}
{text}",
                        file(r)
                    )
                } else {
                    text
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json => {
            // The first pair is the report, as for one file; the others follow it.
            let mut first = serde_json::to_value(customs_report::json_diff(&reports[0]))?;
            if several {
                first["other_files"] = reports[1..]
                    .iter()
                    .map(|r| serde_json::to_value(customs_report::json_diff(r)))
                    .collect::<Result<Vec<_>, _>>()?
                    .into();
            }
            serde_json::to_string_pretty(&first)? + "\n"
        }
        Format::Sarif | Format::Github => {
            let packages: Vec<customs_scan::PackageReport> = reports
                .iter()
                .map(|r| {
                    let mut update = r.new.clone();
                    update.findings.clone_from(&r.changes);
                    update.ignored.clone_from(&r.ignored);
                    update.verdict = r.verdict;
                    update
                })
                .collect();
            let run = RunReport {
                packages: &packages,
                errors: &[],
            };
            if matches!(args.report.format, Format::Github) {
                customs_report::github(&run)
            } else {
                serde_json::to_string_pretty(&customs_report::sarif(&run))? + "\n"
            }
        }
    };
    let worst = reports.iter().map(|r| r.verdict.level).max();
    write_report(args.report.output.as_ref(), &rendered)?;
    // A verdict past the gate says more than "could not read all of it"; short of one, an
    // update not read in full is not judged.
    Ok(if worst.is_some_and(|w| fails(args.fail_on, w)) {
        ExitCode::from(1)
    } else if reports.iter().any(|r| !r.new.read_in_full()) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
