//! What every command shares: progress, colour, report files, exit thresholds, the
//! store and duration flags.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use customs_rules::VerdictLevel;
use customs_scan::Progress;

use customs_report::TextOptions;

use crate::args::{Color, FailOn, ReportArgs};

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

fn use_color(color: Color, output: Option<&PathBuf>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => output.is_none() && anstream::stdout().is_terminal(),
    }
}

pub(crate) fn threshold(fail_on: FailOn) -> VerdictLevel {
    match fail_on {
        FailOn::Malicious => VerdictLevel::Malicious,
        FailOn::Suspicious => VerdictLevel::Suspicious,
    }
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
    let value = if value.chars().all(|c| c.is_ascii_digit()) {
        format!("{value}s")
    } else {
        value.to_owned()
    };
    Ok(customs_policy::Policy::parse(
        &format!("min_release_age = {value:?}\n"),
        std::path::Path::new(flag),
    )?
    .min_release_age)
}

/// The text report's settings from the command line.
pub(crate) fn text_options(report: &ReportArgs) -> TextOptions {
    TextOptions {
        color: use_color(report.color, report.output.as_ref()),
        verbose: report.verbose,
    }
}
