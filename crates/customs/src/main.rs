//! The `customs` command: argument parsing and wiring only.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use customs_archive::Limits;
use customs_report::{RunReport, TextOptions};
use customs_rules::VerdictLevel;
use customs_scan::{Progress, ScanError, ScanOptions, expand_targets, scan_all};

#[derive(Parser)]
#[command(
    name = "customs",
    version,
    about = "Stops malicious open-source packages and hijacked releases before they are installed",
    long_about = "customs reads PyPI and npm packages without running any of their code, finds what \
                  they would do at install, import and run time, and gives each one a verdict: \
                  malicious, suspicious or clean.",
    after_help = "Examples:\n  customs scan examples/\n  customs scan requests-2.32.3-py3-none-any.whl left-pad-1.3.0.tgz\n  customs scan --format sarif --output customs.sarif dist/\n  customs rules decode-execute"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan artifacts (.whl, .tar.gz, .zip, .tgz, .egg), package folders, or folders of artifacts.
    #[command(
        after_help = "Exit codes:\n  0  no package reached --fail-on\n  1  a package reached --fail-on\n  2  a usage error, or a target could not be read (the others are still scanned)\n\nExamples:\n  customs scan examples/\n  customs scan --fail-on suspicious dist/*.whl\n  customs scan --format json ./node_modules/left-pad"
    )]
    Scan(ScanArgs),
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, such as `decode-execute`.
        id: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Malicious,
    Suspicious,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Artifacts, package folders, or folders of artifacts.
    #[arg(required = true, value_name = "TARGET")]
    targets: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with 1 when a package is at least this bad.
    #[arg(long, value_enum, default_value = "malicious")]
    fail_on: FailOn,
    /// Write the report to a file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Show info-level findings and analysis notes.
    #[arg(long, short)]
    verbose: bool,
    /// When to use colours in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Threads to use (default: one per core).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Most uncompressed bytes read from one artifact.
    #[arg(long, default_value_t = Limits::default().max_total_bytes, value_name = "BYTES")]
    max_total_size: u64,
    /// Largest file analysed (larger files are noted, not analysed).
    #[arg(long, default_value_t = Limits::default().max_file_bytes, value_name = "BYTES")]
    max_file_size: u64,
    /// Most members read from one artifact.
    #[arg(long, default_value_t = Limits::default().max_entries, value_name = "N")]
    max_entries: usize,
    /// How deep archives inside archives are opened.
    #[arg(long, default_value_t = Limits::default().max_depth, value_name = "N")]
    max_depth: u32,
    /// Compression ratio above which a large member is treated as a bomb.
    #[arg(long, default_value_t = Limits::default().max_ratio, value_name = "N")]
    max_ratio: u64,
}

/// A progress bar on standard error, only on a terminal and for several targets.
struct Bar(Option<indicatif::ProgressBar>);

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => scan(&args),
        Command::Rules { id } => rules(id.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
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
    };
    let (targets, target_errors) = expand_targets(&args.targets);
    let bar = (std::io::stderr().is_terminal() && targets.len() > 1).then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let progress = Bar(bar);
    let results = scan_all(&targets, &options, &progress);
    if let Some(b) = &progress.0 {
        b.finish_and_clear();
    }
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
    let rendered = match args.format {
        Format::Text => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => args.output.is_none() && anstream::stdout().is_terminal(),
            };
            customs_report::text(
                &run,
                TextOptions {
                    color,
                    verbose: args.verbose,
                },
            )
        }
        Format::Json => serde_json::to_string_pretty(&customs_report::json(&run))? + "\n",
        Format::Sarif => serde_json::to_string_pretty(&customs_report::sarif(&run))? + "\n",
    };
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .with_context(|| format!("cannot write the report to {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(rendered.as_bytes());
        }
    }
    let threshold = match args.fail_on {
        FailOn::Malicious => VerdictLevel::Malicious,
        FailOn::Suspicious => VerdictLevel::Suspicious,
    };
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if packages.iter().any(|p| p.verdict.level >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn rules(id: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    match id {
        Some(id) => {
            let Some(rule) = customs_rules::rule(id) else {
                anyhow::bail!("no rule named `{id}`; `customs rules` lists them");
            };
            let m = rule.meta();
            out.push_str(&format!(
                "{}: {}\nseverity: {} (in its worst context), confidence: {}\n\n{}",
                m.id, m.summary, m.severity, m.confidence, m.doc
            ));
        }
        None => {
            for r in customs_rules::catalogue() {
                let m = r.meta();
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
