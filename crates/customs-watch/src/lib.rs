//! `customs watch`: polls the registries (as configured for the user) for new releases
//! of watched packages, judges each new release against its predecessor with the same
//! engine as `customs diff` (history, the one-level scan of new dependencies), and
//! alerts: text on stdout, JSON lines, a webhook. What was seen is kept in the store, so
//! a restart neither misses nor repeats a release.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions};
use customs_registry::{Registry, Spec, format_rfc3339, now};
use customs_rules::VerdictLevel;
use customs_scan::{ScanOptions, diff, load_source, scan_spec};
use customs_store::Store;
use serde_json::{Value, json};

/// History rules that alert for your own packages even when the code looks clean.
const OWN_RULES: &[&str] = &["provenance-dropped", "new-publisher", "release-cadence"];

/// A package to watch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    /// Its ecosystem.
    pub ecosystem: Ecosystem,
    /// Its name.
    pub name: String,
    /// Published by the user: alert on how it was published too.
    pub own: bool,
}

impl Watched {
    fn key(&self) -> String {
        format!(
            "{}:{}",
            self.ecosystem,
            canonical_name(self.ecosystem, &self.name)
        )
    }

    fn spec(&self, version: &str) -> String {
        match self.ecosystem {
            Ecosystem::Pypi => format!("pypi:{}=={version}", self.name),
            Ecosystem::Npm => format!("npm:{}@{version}", self.name),
        }
    }
}

/// Settings of the watch.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Alert when a new release reaches this verdict.
    pub alert_on: VerdictLevel,
    /// Append one JSON object per alert to this file.
    pub jsonl: Option<PathBuf>,
    /// POST each alert's JSON here (retried with backoff, off the polling loop).
    pub webhook: Option<String>,
    /// Scan settings.
    pub scan: ScanOptions,
    /// Packages polled at once.
    pub concurrency: usize,
}

/// What one round of polling did.
#[derive(Debug, Default)]
pub struct PollSummary {
    /// Packages polled.
    pub packages: usize,
    /// New releases judged.
    pub new_releases: usize,
    /// Alerts raised.
    pub alerts: usize,
    /// Packages that could not be polled, with why.
    pub errors: Vec<String>,
}

/// Where alerts go.
pub struct Alerts {
    jsonl: Option<Mutex<std::fs::File>>,
    webhook: Option<mpsc::Sender<String>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Alerts {
    /// Opens the JSON-lines file and starts the webhook sender.
    ///
    /// # Errors
    /// When the JSON-lines file cannot be opened.
    pub fn new(options: &WatchOptions, registry: &Registry) -> std::io::Result<Self> {
        let jsonl = match &options.jsonl {
            Some(p) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)?,
            )),
            None => None,
        };
        let (webhook, worker) = match &options.webhook {
            Some(url) => {
                let (tx, rx) = mpsc::channel::<String>();
                let http = registry.http().clone();
                let url = url.clone();
                let worker = std::thread::spawn(move || {
                    for body in rx {
                        if let Err(e) = http.post_json(&url, &body) {
                            let _ = writeln!(
                                std::io::stderr().lock(),
                                "customs watch: the webhook failed: {e}"
                            );
                        }
                    }
                });
                (Some(tx), Some(worker))
            }
            None => (None, None),
        };
        Ok(Self {
            jsonl,
            webhook,
            worker,
        })
    }

    fn emit(&self, text: &str, object: &Value) {
        let line = object.to_string();
        let _ = writeln!(std::io::stdout().lock(), "{text}");
        if let Some(f) = &self.jsonl {
            let mut f = f.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let _ = writeln!(f, "{line}");
            let _ = f.flush();
        }
        if let Some(tx) = &self.webhook {
            let _ = tx.send(line);
        }
    }

    /// Waits for the webhook deliveries still queued.
    pub fn finish(mut self) {
        drop(self.webhook.take());
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// Polls every watched package once.
#[must_use]
pub fn poll_once(
    registry: &Registry,
    store: &Store,
    watched: &[Watched],
    options: &WatchOptions,
    alerts: &Alerts,
) -> PollSummary {
    let summary = Mutex::new(PollSummary {
        packages: watched.len(),
        ..PollSummary::default()
    });
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..options.concurrency.clamp(1, 64).min(watched.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(w) = watched.get(i) else { break };
                    let result = poll_package(registry, store, w, options, alerts);
                    let mut s = summary
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    match result {
                        Ok((new, raised)) => {
                            s.new_releases += new;
                            s.alerts += raised;
                        }
                        Err(e) => s.errors.push(format!("{}: {e}", w.key())),
                    }
                }
            });
        }
    });
    summary
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn poll_package(
    registry: &Registry,
    store: &Store,
    w: &Watched,
    options: &WatchOptions,
    alerts: &Alerts,
) -> Result<(usize, usize), String> {
    // Conditional: an unchanged page costs the index a 304 and us nothing.
    let Some(project) = registry
        .project_if_changed(w.ecosystem, &w.name)
        .map_err(|e| e.to_string())?
    else {
        return Ok((0, 0));
    };
    let current: Vec<String> = project.releases.iter().map(|r| r.version.clone()).collect();
    let Some(mut seen) = store.watched(&w.key()).map_err(|e| e.to_string())? else {
        // First sight: what exists now is the baseline, not news.
        store
            .set_watched(&w.key(), &current, now())
            .map_err(|e| e.to_string())?;
        return Ok((0, 0));
    };
    let mut fresh: Vec<&customs_registry::Release> = project
        .releases
        .iter()
        .filter(|r| !seen.contains(&r.version))
        .collect();
    fresh.sort_by_key(|r| r.uploaded);
    let mut raised = 0;
    for release in &fresh {
        if let Some((text, object)) = judge(registry, w, &project, &release.version, options)? {
            alerts.emit(&text, &object);
            raised += 1;
        }
        // Recorded only once judged (and alerted): a restart repeats nothing and
        // misses nothing.
        seen.push(release.version.clone());
        store
            .set_watched(&w.key(), &seen, now())
            .map_err(|e| e.to_string())?;
    }
    Ok((fresh.len(), raised))
}

/// Judges one new release; returns the alert when it deserves one.
fn judge(
    registry: &Registry,
    w: &Watched,
    project: &customs_registry::Project,
    version: &str,
    options: &WatchOptions,
) -> Result<Option<(String, Value)>, String> {
    let detected_at = format_rfc3339(now());
    let package = format!("{}:{}", w.ecosystem, project.name);
    let Some(previous) = project
        .line_predecessor(version)
        .filter(|p| compare_versions(w.ecosystem, &p.version, version).is_lt())
    else {
        // A first release: judged on its own.
        let spec = Spec::parse(&w.spec(version))
            .and_then(Result::ok)
            .ok_or("bad spec")?;
        let report = scan_spec(registry, &spec, &options.scan).map_err(|e| e.message)?;
        if report.verdict.level < options.alert_on {
            return Ok(None);
        }
        let packages = [report];
        let run = customs_report::RunReport {
            packages: &packages,
            errors: &[],
        };
        let mut object =
            serde_json::to_value(customs_report::json(&run)).map_err(|e| e.to_string())?;
        object["package"] = json!(package);
        object["version"] = json!(version);
        object["detected_at"] = json!(detected_at);
        let text = format!(
            "ALERT {package} {version}: {} (first release){}",
            packages[0].verdict.level.as_str(),
            packages[0]
                .findings
                .first()
                .map(|f| format!(" — {}: {}", f.rule, f.message))
                .unwrap_or_default()
        );
        return Ok(Some((text, object)));
    };
    let old = load_source(&w.spec(&previous.version), Some(registry), &options.scan)
        .map_err(|e| e.message)?;
    let new =
        load_source(&w.spec(version), Some(registry), &options.scan).map_err(|e| e.message)?;
    let d = diff(old, new, Some(registry), &options.scan);
    let level = d.verdict.level.max(d.new.verdict.level);
    let own_reasons: Vec<&customs_rules::Finding> = if w.own {
        d.changes
            .iter()
            .filter(|f| OWN_RULES.contains(&f.rule))
            .collect()
    } else {
        Vec::new()
    };
    if level < options.alert_on && own_reasons.is_empty() {
        return Ok(None);
    }
    let mut object =
        serde_json::to_value(customs_report::json_diff(&d)).map_err(|e| e.to_string())?;
    object["package"] = json!(package);
    object["version"] = json!(version);
    object["detected_at"] = json!(detected_at);
    let top = own_reasons
        .first()
        .copied()
        .or_else(|| d.changes.first())
        .or_else(|| d.new.findings.first())
        .map(|f| format!(" — {}: {}", f.rule, f.message))
        .unwrap_or_default();
    let text = format!(
        "ALERT {package} {version} (after {}): {}{top}",
        previous.version,
        if level >= options.alert_on {
            level.as_str()
        } else {
            "published differently from your earlier releases"
        }
    );
    Ok(Some((text, object)))
}
