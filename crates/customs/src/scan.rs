//! `customs scan` and `customs diff`.

use std::io::Write;
use std::process::ExitCode;

use customs_archive::Limits;
use customs_report::RunReport;
use customs_scan::{ScanError, ScanOptions, diff, expand_targets, load_source, scan_all};

use crate::args::{DiffArgs, Format, ScanArgs};
use crate::output::{Bar, text_options, threshold, write_report};

pub(crate) fn scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
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
        // Local files are compared with nothing; registry targets still get profiles.
        skip_profile: true,
    };
    let (targets, target_errors) = expand_targets(&args.targets);
    let registry = if targets.iter().any(|t| t.spec.is_some()) {
        Some(args.registry.client()?)
    } else {
        None
    };
    let progress = Bar::for_items(targets.len());
    let results = scan_all(&targets, &options, registry.as_ref(), &progress);
    progress.done();
    let mut packages = Vec::new();
    let mut errors: Vec<ScanError> = target_errors;
    for r in results {
        match r {
            Ok(p) => packages.push(p),
            Err(e) => errors.push(e),
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
    };
    write_report(args.report.output.as_ref(), &rendered)?;
    let threshold = threshold(args.fail_on);
    // An artifact not read in full could not be judged whole: like one that could not be
    // read at all, it fails the scan whatever its verdict on the part that was read.
    Ok(
        if !errors.is_empty() || packages.iter().any(|p| !p.read_in_full()) {
            ExitCode::from(2)
        } else if packages.iter().any(|p| p.verdict.level >= threshold) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

pub(crate) fn diff_command(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let options = ScanOptions::default();
    let registry = if args.offline {
        None
    } else {
        Some(args.registry.client()?)
    };
    let load = |source: &str| -> anyhow::Result<customs_scan::Loaded> {
        load_source(source, registry.as_ref(), &options).map_err(|e| anyhow::anyhow!("{e}"))
    };
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            return Ok(ExitCode::from(2));
        }
    };
    let report = diff(old, new, registry.as_ref(), &options);
    let rendered = match args.report.format {
        Format::Text => customs_report::text_diff(&report, text_options(&args.report)),
        Format::Json => serde_json::to_string_pretty(&customs_report::json_diff(&report))? + "\n",
        Format::Sarif => {
            let mut update = report.new.clone();
            update.findings.clone_from(&report.changes);
            update.verdict = report.verdict;
            let packages = [update];
            let run = RunReport {
                packages: &packages,
                errors: &[],
            };
            serde_json::to_string_pretty(&customs_report::sarif(&run))? + "\n"
        }
    };
    write_report(args.report.output.as_ref(), &rendered)?;
    Ok(if !report.new.read_in_full() {
        ExitCode::from(2)
    } else if report.verdict.level >= threshold(args.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
