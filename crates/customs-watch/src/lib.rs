//! `customs watch`: polls the registries (as configured for the user) for new releases
//! of watched packages, judges each new release against its predecessor with the same
//! engine as `customs diff` (history, the one-level scan of new dependencies), and
//! alerts: text on stdout, JSON lines, a webhook. What was seen is kept in the store, so
//! a restart neither misses nor repeats a release.
//!
//! The packages are jobs in the store: each round a worker leases the due ones, polls
//! them and hands them back due one interval later. With a PostgreSQL store several
//! workers share one list (`FOR UPDATE SKIP LOCKED`), each release is judged by the
//! worker that leased its package, and is alerted on once.

mod list;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc;

use customs_ecosystem::{Ecosystem, canonical_name, compare_versions};
use customs_registry::{Registry, Spec, format_rfc3339, now};
use customs_rules::VerdictLevel;
use customs_scan::{ScanOptions, diff, load_source, scan_spec};
use customs_store::Store;
use serde_json::{Value, json};

pub use list::{EntryError, SpecError, WatchList, WatchListError};

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
    /// For your own packages: the repository (`owner/name`) and workflow file your
    /// releases are built by. Unset, the first release seen with provenance pins them.
    pub pin: Option<Pin>,
}

/// The build identity a package's releases are expected to carry (one pins API for
/// every surface).
pub use customs_policy::Pin;

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
    /// This worker's name in the shared store (host and pid by default).
    pub worker: String,
    /// Seconds between two polls of a package.
    pub interval: i64,
    /// The policy whose `ignore` settings apply to the releases judged (only those).
    pub ignore: customs_policy::Policy,
}

/// How long a worker holds the packages it took before others may take them over.
const LEASE_SECONDS: i64 = 600;

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

/// Where a line of text goes (one call a line): the command line prints alerts on
/// standard output and problems on standard error; the library itself never prints.
pub type Lines = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// Where alerts go.
pub struct Alerts {
    /// Each alert's sentence.
    print: Lines,
    jsonl: Option<Mutex<std::fs::File>>,
    webhook: Option<mpsc::Sender<String>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Alerts {
    /// Opens the JSON-lines file and starts the webhook sender. Each alert's sentence
    /// goes to `print`, and a webhook that failed is told to `problems`.
    ///
    /// # Errors
    /// When the JSON-lines file cannot be opened.
    pub fn new(
        options: &WatchOptions,
        registry: &Registry,
        print: Lines,
        problems: Lines,
    ) -> std::io::Result<Self> {
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
                            problems(&format!("customs watch: the webhook failed: {e}"));
                        }
                    }
                });
                (Some(tx), Some(worker))
            }
            None => (None, None),
        };
        Ok(Self {
            print,
            jsonl,
            webhook,
            worker,
        })
    }

    fn emit(&self, text: &str, object: &Value) {
        let line = object.to_string();
        (self.print)(text);
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

/// One round: polls every watched package that is due and not leased by another
/// worker, `options.concurrency` at a time.
#[must_use]
pub fn poll_once(
    registry: &Registry,
    store: &Store,
    watched: &[Watched],
    options: &WatchOptions,
    alerts: &Alerts,
) -> PollSummary {
    let summary = Mutex::new(PollSummary::default());
    // Job times are in milliseconds. A package polled in this round is due again a
    // little less than one interval after the round started: never twice in one round
    // (nor in the round of a worker started with this one), and always in the next
    // round of a loop or a cron schedule with that interval, however long this took.
    let started = now_ms();
    let interval = options.interval.saturating_mul(1000);
    let next_due = started + (interval - interval / 10).max(1);
    let keys: Vec<String> = watched.iter().map(Watched::key).collect();
    if let Err(e) = store.schedule_watch(&keys, started) {
        summary
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .errors
            .push(e.to_string());
        return summary
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    let by_key: std::collections::HashMap<String, &Watched> =
        keys.iter().cloned().zip(watched.iter()).collect();
    let due_by = started;
    let workers = options.concurrency.clamp(1, 64);
    std::thread::scope(|scope| {
        for _ in 0..workers.min(watched.len().max(1)) {
            scope.spawn(|| {
                loop {
                    // A few at a time, so that other workers get their share.
                    let t = now_ms();
                    let taken = match store.take_watch_jobs(
                        &options.worker,
                        due_by,
                        t,
                        t + LEASE_SECONDS * 1000,
                        2,
                    ) {
                        Ok(taken) if !taken.is_empty() => taken,
                        Ok(_) => break,
                        Err(e) => {
                            summary
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .errors
                                .push(e.to_string());
                            break;
                        }
                    };
                    for key in taken {
                        let w = by_key
                            .get(&key)
                            .map(|w| (*w).clone())
                            .or_else(|| from_key(&key));
                        let result = match &w {
                            Some(w) => poll_package(registry, store, w, options, alerts),
                            None => Err("not a package this worker knows".to_owned()),
                        };
                        let _ = store.finish_watch_job(&key, &options.worker, next_due);
                        let mut s = summary
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        s.packages += 1;
                        match result {
                            Ok((new, raised)) => {
                                s.new_releases += new;
                                s.alerts += raised;
                            }
                            Err(e) => s.errors.push(format!("{key}: {e}")),
                        }
                    }
                }
            });
        }
    });
    summary
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A package named by its job key (`npm:name`), watched with the defaults.
fn from_key(key: &str) -> Option<Watched> {
    let (eco, name) = key.split_once(':')?;
    let ecosystem = match eco {
        "pypi" => Ecosystem::Pypi,
        "npm" => Ecosystem::Npm,
        _ => return None,
    };
    Some(Watched {
        ecosystem,
        name: name.to_owned(),
        own: false,
        pin: None,
    })
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
        // First sight: what exists now is the baseline, not news; the newest release
        // with provenance pins your own package's build identity.
        if w.own && w.pin.is_none() {
            let mut by_age: Vec<&customs_registry::Release> = project.releases.iter().collect();
            by_age.sort_by_key(|r| std::cmp::Reverse(r.uploaded));
            for r in by_age {
                if identity(registry, store, w, &project, r)?.is_none()
                    && store.meta(&pin_key(w)).ok().flatten().is_some()
                {
                    break;
                }
            }
        }
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
        let mismatch = if w.own {
            identity(registry, store, w, &project, release)?
        } else {
            None
        };
        let alert = judge(
            registry,
            w,
            &project,
            &release.version,
            options,
            mismatch.as_deref(),
        )?;
        let level = if alert.is_some() { "alerted" } else { "quiet" };
        // One worker per release: another that judged it too (its lease ran out
        // under it) stays quiet.
        let first = store
            .record_release_scan(&w.key(), &release.version, &options.worker, level, now())
            .map_err(|e| e.to_string())?;
        if let Some((text, object)) = alert.filter(|_| first) {
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

fn pin_key(w: &Watched) -> String {
    Pin::key(w.ecosystem, &w.name)
}

/// Checks a release of your own package against the pinned build identity (pinning it
/// on first sight when the watch list did not): why it does not match, if it does not.
/// Provenance the index does not describe (a mirror) is unknown, and says nothing.
fn identity(
    registry: &Registry,
    store: &Store,
    w: &Watched,
    project: &customs_registry::Project,
    release: &customs_registry::Release,
) -> Result<Option<String>, String> {
    use customs_registry::Provenance;
    let provenance = release
        .files
        .iter()
        .map(|f| &f.provenance)
        .find(|p| p.is_present())
        .unwrap_or(&release.provenance);
    let pinned = || -> Result<Option<Pin>, String> {
        Ok(match &w.pin {
            Some(p) => Some(p.clone()),
            None => store
                .meta(&pin_key(w))
                .map_err(|e| e.to_string())?
                .and_then(|j| Pin::from_json(&j)),
        })
    };
    match provenance {
        Provenance::Unknown => Ok(None),
        Provenance::Absent => Ok(pinned()?.map(|p| {
            format!(
                "published without build provenance, while releases are pinned to {} {} ({})",
                p.repository.as_deref().unwrap_or("any repository"),
                p.workflow.as_deref().unwrap_or("(any workflow)"),
                p.from
            )
        })),
        Provenance::Present { .. } => {
            let Some(publisher) = registry.publisher(project, provenance) else {
                return Ok(None);
            };
            match pinned()? {
                Some(p) => Ok(p.mismatch(&publisher, &release.version)),
                None => {
                    let pin = Pin::first_use(&publisher, &release.version);
                    let kept = store
                        .meta_first(&pin_key(w), &pin.to_json())
                        .map_err(|e| e.to_string())?;
                    Ok(
                        Pin::from_json(&kept)
                            .and_then(|p| p.mismatch(&publisher, &release.version)),
                    )
                }
            }
        }
    }
}

/// Judges one new release; returns the alert when it deserves one (`mismatch`: your
/// own package's release was not built as pinned, an alert whatever the code says).
/// What was concluded before about the same release under the same key (its bytes,
/// those of the release before it, the policy, the rule catalogue, the customs version,
/// and the watch's own settings) is reused: only the time of detection is new.
fn judge(
    registry: &Registry,
    w: &Watched,
    project: &customs_registry::Project,
    version: &str,
    options: &WatchOptions,
    mismatch: Option<&str>,
) -> Result<Option<(String, Value)>, String> {
    let Some(kept) = &options.scan.judgements else {
        return judge_fresh(registry, w, project, version, options, mismatch);
    };
    let own = w.own.to_string();
    let mut alert = kept.outcome(
        "watch-alert/1",
        &[options.alert_on.as_str(), &own, mismatch.unwrap_or("-")],
        project,
        version,
        &options.scan,
        || judge_fresh(registry, w, project, version, options, mismatch),
    )?;
    if let Some((_, object)) = &mut alert {
        object["detected_at"] = json!(format_rfc3339(now()));
    }
    Ok(alert)
}

fn judge_fresh(
    registry: &Registry,
    w: &Watched,
    project: &customs_registry::Project,
    version: &str,
    options: &WatchOptions,
    mismatch: Option<&str>,
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
        let mut report = scan_spec(registry, &spec, &options.scan).map_err(|e| e.message)?;
        report.ignore(&options.ignore);
        if report.verdict.level < options.alert_on && mismatch.is_none() {
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
        object["identity_mismatch"] = json!(mismatch);
        let text = format!(
            "ALERT {package} {version}: {} (first release){}{}",
            packages[0].verdict.level.as_str(),
            packages[0]
                .findings
                .first()
                .map(|f| format!(" — {}: {}", f.rule, f.message))
                .unwrap_or_default(),
            mismatch.map(|m| format!(" — {m}")).unwrap_or_default()
        );
        return Ok(Some((text, object)));
    };
    let old = load_source(&w.spec(&previous.version), Some(registry), &options.scan)
        .map_err(|e| e.message)?;
    let new =
        load_source(&w.spec(version), Some(registry), &options.scan).map_err(|e| e.message)?;
    let mut d = diff(old, new, Some(registry), &options.scan);
    d.ignore(&options.ignore);
    let level = d.verdict.level.max(d.new.verdict.level);
    let own_reasons: Vec<&customs_rules::Finding> = if w.own {
        d.changes
            .iter()
            .filter(|f| OWN_RULES.contains(&f.rule))
            .collect()
    } else {
        Vec::new()
    };
    if level < options.alert_on && own_reasons.is_empty() && mismatch.is_none() {
        return Ok(None);
    }
    let mut object =
        serde_json::to_value(customs_report::json_diff(&d)).map_err(|e| e.to_string())?;
    object["package"] = json!(package);
    object["version"] = json!(version);
    object["detected_at"] = json!(detected_at);
    object["identity_mismatch"] = json!(mismatch);
    let top = mismatch
        .map(|m| format!(" — {m}"))
        .or_else(|| {
            own_reasons
                .first()
                .copied()
                .or_else(|| d.changes.first())
                .or_else(|| d.new.findings.first())
                .map(|f| format!(" — {}: {}", f.rule, f.message))
        })
        .unwrap_or_default();
    let text = format!(
        "ALERT {package} {version} (after {}): {}{top}",
        previous.version,
        if level >= options.alert_on {
            level.as_str()
        } else if mismatch.is_some() {
            "not built as pinned"
        } else {
            "published differently from your earlier releases"
        }
    );
    Ok(Some((text, object)))
}

#[cfg(test)]
mod tests {
    use customs_policy::tag_of;

    #[test]
    fn tags_that_name_a_version() {
        for r in [
            "refs/tags/v1.2.0",
            "refs/tags/1.2.0",
            "refs/tags/demo@1.2.0",
            "refs/tags/@o/demo@v1.2.0",
        ] {
            assert!(tag_of(Some(r), "1.2.0"), "{r}");
        }
        for r in [
            "refs/heads/main",
            "refs/tags/v1.2.1",
            "refs/tags/v1.2.0-rc1",
            "1.2.0",
        ] {
            assert!(!tag_of(Some(r), "1.2.0"), "{r}");
        }
        assert!(!tag_of(None, "1.2.0"));
    }
}
