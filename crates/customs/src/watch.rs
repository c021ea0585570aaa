//! `customs watch`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use customs_scan::ScanOptions;

use crate::args::WatchArgs;
use crate::output::{alert_threshold, duration_flag, open_store};

pub(crate) fn watch_command(args: &WatchArgs) -> anyhow::Result<ExitCode> {
    use customs_ecosystem::Ecosystem;
    let mut watched = customs_watch::WatchList::new();
    for p in &args.packages {
        watched.add_spec(p, false)?;
    }
    for p in &args.own {
        watched.add_spec(p, true)?;
    }
    if let Some(list) = &args.watch_list {
        let text = std::fs::read_to_string(list)
            .with_context(|| format!("cannot read {}", list.display()))?;
        watched.add_file(&list.display().to_string(), &text)?;
    }
    for p in &args.paths {
        let files = if p.is_dir() {
            customs_ecosystem::find_lockfiles(p)
        } else {
            vec![p.clone()]
        };
        for f in files {
            let lock = customs_ecosystem::read_lockfile(&f)?;
            for e in lock.entries.iter().filter(|e| e.source.is_none()) {
                let spec = match e.ecosystem {
                    Ecosystem::Pypi => format!("pypi:{}", e.name),
                    Ecosystem::Npm => format!("npm:{}", e.name),
                };
                watched.add_spec(&spec, false)?;
            }
        }
    }
    if watched.is_empty() {
        anyhow::bail!("nothing to watch: give lockfiles, --package, --own or --watch-list");
    }
    let interval = duration_flag("--interval", &args.interval)?.max(1);
    let registry = args
        .registry
        .client()?
        .with_ttl(std::time::Duration::from_secs(60));
    let store = open_store(args.store.as_ref())?;
    let ignore = watch_policy(&args.ignore.rules)?;
    let options = customs_watch::WatchOptions {
        alert_on: alert_threshold(args.alert_on),
        jsonl: args.alerts_jsonl.clone(),
        webhook: args.webhook.clone(),
        // What was concluded about a release before, under the same key, is reused.
        scan: ScanOptions {
            judgements: Some(std::sync::Arc::new(customs_scan::Judgements::in_cache(
                &registry, &ignore,
            ))),
            ..ScanOptions::default()
        },
        concurrency: args.concurrency,
        worker: args.worker.clone().unwrap_or_else(customs_store::node_name),
        interval,
        ignore,
    };
    let alerts = customs_watch::Alerts::new(
        &options,
        &registry,
        std::sync::Arc::new(|line: &str| {
            let _ = writeln!(std::io::stdout().lock(), "{line}");
        }),
        std::sync::Arc::new(|line: &str| {
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        }),
    )
    .with_context(|| "cannot open the alerts file")?;
    let mut err = anstream::stderr();
    loop {
        let started = std::time::Instant::now();
        let summary =
            customs_watch::poll_once(&registry, &store, watched.packages(), &options, &alerts);
        let took = started.elapsed().as_secs_f64();
        for e in &summary.errors {
            let _ = writeln!(err, "error: {e}");
        }
        let _ = writeln!(
            err,
            "customs watch: {} packages polled ({} watched{}), {} new releases, {} alerts, in {took:.1} s",
            summary.packages,
            watched.len(),
            if store.is_shared() {
                format!(", shared with other workers as {}", options.worker)
            } else {
                String::new()
            },
            summary.new_releases,
            summary.alerts
        );
        if args.once {
            alerts.finish();
            return Ok(if summary.alerts > 0 {
                ExitCode::from(1)
            } else if !summary.errors.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
        std::thread::sleep(std::time::Duration::from_secs(
            u64::try_from(interval).unwrap_or(300),
        ));
    }
}

/// The policy whose `ignore` settings `watch` applies: the project's or the user's policy
/// file, when there is one, and `--ignore`.
fn watch_policy(ignore: &[String]) -> anyhow::Result<customs_policy::Policy> {
    let mut policy = customs_policy::Policy::find(None, std::path::Path::new("."))?;
    policy.add_ignores(ignore, "--ignore")?;
    Ok(policy)
}
