//! What every command shares: progress, colour, report files, exit thresholds, the
//! store and duration flags.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use customs_rules::VerdictLevel;
use customs_scan::Progress;

use customs_report::TextOptions;

use crate::args::{AlertOn, Color, FailOn, ReportArgs, ScanPolicyArgs};

/// A progress bar on standard error, only on a terminal and for several targets.
pub(crate) struct Bar(pub(crate) Option<indicatif::ProgressBar>);

impl Progress for Bar {
    fn start(&self, total: usize) {
        if let Some(b) = &self.0 {
            b.set_length(total as u64);
        }
    }

    fn finished(&self, target: &str) {
        if let Some(b) = &self.0 {
            b.set_message(target.rsplit('/').next().unwrap_or(target).to_owned());
            b.inc(1);
        }
    }
}

impl Bar {
    /// A bar when standard error is a terminal and there is more than one item.
    pub(crate) fn for_items(items: usize) -> Self {
        Self((std::io::stderr().is_terminal() && items > 1).then(|| {
            let b = indicatif::ProgressBar::new(0);
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} {elapsed} {wide_msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        }))
    }

    /// Clears the bar.
    pub(crate) fn done(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// Whether the text report is coloured: `always` and `never` say so; `auto` colours a
/// terminal, unless `NO_COLOR` is set to anything but the empty string (no-color.org).
fn use_color(color: Color, to_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => to_terminal && no_color.is_none_or(std::ffi::OsStr::is_empty),
    }
}

/// The verdict at which `--fail-on` exits 1; `None` for `--fail-on none`.
pub(crate) fn threshold(fail_on: FailOn) -> Option<VerdictLevel> {
    match fail_on {
        FailOn::Malicious => Some(VerdictLevel::Malicious),
        FailOn::Suspicious => Some(VerdictLevel::Suspicious),
        FailOn::None => None,
    }
}

/// Whether a verdict fails the run under `--fail-on`.
pub(crate) fn fails(fail_on: FailOn, level: VerdictLevel) -> bool {
    threshold(fail_on).is_some_and(|t| level >= t)
}

/// The verdict at which `watch` alerts.
pub(crate) fn alert_threshold(alert_on: AlertOn) -> VerdictLevel {
    match alert_on {
        AlertOn::Malicious => VerdictLevel::Malicious,
        AlertOn::Suspicious => VerdictLevel::Suspicious,
    }
}

/// The policy of `scan` and `diff`: the `ignore` settings and `--ignore`. A configuration
/// home inside a folder being scanned is the package's own, and is not used: a package
/// must not configure its own judge (`cd pkg && customs scan .`).
pub(crate) fn scan_policy(
    args: &ScanPolicyArgs,
    targets: &[&str],
) -> anyhow::Result<customs_policy::Policy> {
    let mut policy = match &args.policy {
        Some(file) => customs_policy::Policy::load(file)?,
        None => {
            let found = customs_policy::Resolved::discover(
                Path::new("."),
                customs_policy::user_config().as_deref(),
            )?;
            let folders: Vec<PathBuf> = targets
                .iter()
                .map(PathBuf::from)
                .filter(|p| p.is_dir())
                .collect();
            let (kept, dropped) = found.without_layers_inside(&folders)?;
            for layer in dropped {
                let _ = writeln!(
                    anstream::stderr(),
                    "warning: not using the settings in {}: they belong to a package being scanned",
                    layer.origin
                );
            }
            kept.policy
        }
    };
    policy.add_ignores(&args.ignore.rules, "--ignore")?;
    Ok(policy)
}

pub(crate) fn write_report(output: Option<&PathBuf>, rendered: &str) -> anyhow::Result<()> {
    match output {
        Some(path) => std::fs::write(path, rendered)
            .with_context(|| format!("cannot write the report to {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(rendered.as_bytes());
        }
    }
    Ok(())
}

pub(crate) fn open_store(path: Option<&PathBuf>) -> anyhow::Result<customs_store::Store> {
    let path = path
        .cloned()
        .unwrap_or_else(customs_store::default_store_path);
    Ok(customs_store::Store::open_location(
        &path.to_string_lossy(),
    )?)
}

/// A duration given on the command line (`7d`, `48h`, `90m`, `300` seconds), in seconds.
pub(crate) fn duration_flag(flag: &str, value: &str) -> anyhow::Result<i64> {
    customs_policy::parse_duration(value).ok_or_else(|| {
        anyhow::anyhow!("{flag} {value:?} is not a duration such as 7d, 48h, 90m or 3600 (seconds)")
    })
}

/// The text report's settings from the command line.
pub(crate) fn text_options(report: &ReportArgs) -> TextOptions {
    TextOptions {
        color: use_color(
            report.color,
            report.output.is_none() && anstream::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
        verbose: report.verbose,
        quiet: report.quiet,
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    #[test]
    fn no_color_turns_auto_off_and_flags_win() {
        assert!(use_color(Color::Auto, true, None));
        assert!(!use_color(Color::Auto, true, Some(OsStr::new("1"))));
        assert!(
            use_color(Color::Auto, true, Some(OsStr::new(""))),
            "an empty NO_COLOR does not count"
        );
        assert!(!use_color(Color::Auto, false, None), "not a terminal");
        assert!(use_color(Color::Always, false, Some(OsStr::new("1"))));
        assert!(!use_color(Color::Never, true, None));
    }

    #[test]
    fn fail_on_none_never_fails() {
        for level in [
            VerdictLevel::Clean,
            VerdictLevel::Suspicious,
            VerdictLevel::Malicious,
        ] {
            assert!(!fails(FailOn::None, level));
        }
        assert!(fails(FailOn::Suspicious, VerdictLevel::Suspicious));
        assert!(!fails(FailOn::Malicious, VerdictLevel::Suspicious));
    }
}
