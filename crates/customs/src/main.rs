//! The `customs` command: argument parsing and wiring only.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use customs_archive::Limits;
use customs_registry::{Cache, Environment, IndexConfig, Overrides, Registry, default_cache_dir};
use customs_report::{RunReport, TextOptions};
use customs_rules::VerdictLevel;
use customs_scan::{Progress, ScanError, ScanOptions, diff, expand_targets, load_source, scan_all};

#[derive(Parser)]
#[command(
    name = "customs",
    version,
    about = "Stops malicious open-source packages and hijacked releases before they are installed",
    long_about = "customs reads PyPI and npm packages without running any of their code, finds what \
                  they would do at install, import and run time, and gives each one a verdict: \
                  malicious, suspicious or clean.",
    after_help = "Examples:\n  customs scan examples/\n  customs scan requests-2.32.3-py3-none-any.whl left-pad-1.3.0.tgz\n  customs scan pypi:requests npm:left-pad@1.3.0\n  customs diff npm:axios@1.14.0 npm:axios@1.14.1\n  customs scan --format sarif --output customs.sarif dist/\n  customs rules decode-execute"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan artifacts (.whl, .tar.gz, .zip, .tgz, .egg), package folders, folders of
    /// artifacts, or registry releases (pypi:NAME[==VERSION], npm:NAME[@VERSION]).
    #[command(
        after_help = "Registry releases are compared with the release before them (the history rules); \
                      --no-history turns that off. Indexes come from your pip, uv and npm configuration.\n\n\
                      Exit codes:\n  0  no package reached --fail-on\n  1  a package reached --fail-on\n  2  a usage error, or a target could not be read (the others are still scanned)\n\nExamples:\n  customs scan examples/\n  customs scan pypi:requests==2.32.3 npm:@scope/pkg@latest\n  customs scan --fail-on suspicious dist/*.whl\n  customs scan --format json ./node_modules/left-pad"
    )]
    Scan(ScanArgs),
    /// Compare two releases (artifacts, folders or registry versions) and judge the update.
    #[command(
        after_help = "The report lists files added, removed and changed, dependency, install-hook, behaviour \
                      and metadata changes, then the findings on the update and its verdict.\n\n\
                      Exit codes: 0 below --fail-on, 1 at or above it, 2 when a source cannot be read.\n\nExamples:\n  customs diff npm:axios@1.14.0 npm:axios@1.14.1\n  customs diff dist/old/demo-1.0.tar.gz dist/demo-1.1.tar.gz\n  customs diff --format json pypi:demo==1.0 ./demo"
    )]
    Diff(DiffArgs),
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

/// Where the indexes and the cache are.
#[derive(clap::Args, Clone)]
struct RegistryArgs {
    /// PyPI simple index URL (default: from PIP_INDEX_URL, UV_INDEX_URL, pip.conf, uv.toml, or pip's default).
    #[arg(long, value_name = "URL")]
    index_url: Option<String>,
    /// npm registry URL (default: from npm_config_registry, .npmrc, or npm's default).
    #[arg(long, value_name = "URL")]
    registry: Option<String>,
    /// Where downloaded artifacts are cached (default: $CUSTOMS_CACHE_DIR, $XDG_CACHE_HOME/customs, ~/.cache/customs).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
}

impl RegistryArgs {
    fn client(&self) -> anyhow::Result<Registry> {
        let config = IndexConfig::resolve(
            &Overrides {
                index_url: self.index_url.clone(),
                registry: self.registry.clone(),
            },
            &Environment::current(),
        );
        let cache = Cache::new(self.cache_dir.clone().unwrap_or_else(default_cache_dir));
        Ok(Registry::new(config, cache)?)
    }
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The old release: an artifact, a package folder, pypi:NAME==VERSION or npm:NAME@VERSION.
    old: String,
    /// The new release.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with 1 when the update is at least this bad.
    #[arg(long, value_enum, default_value = "malicious")]
    fail_on: FailOn,
    /// Write the report to a file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// List every changed file and behaviour, and info-level findings.
    #[arg(long, short)]
    verbose: bool,
    /// When to use colours in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Do not contact any index (new dependencies are then not checked).
    #[arg(long)]
    offline: bool,
    #[command(flatten)]
    registry: RegistryArgs,
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Artifacts, package folders, folders of artifacts, pypi:NAME[==VERSION] or npm:NAME[@VERSION].
    #[arg(required = true, value_name = "TARGET")]
    targets: Vec<String>,
    /// Do not compare registry releases with the releases before them.
    #[arg(long)]
    no_history: bool,
    #[command(flatten)]
    registry: RegistryArgs,
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
        Command::Diff(args) => diff_command(&args),
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
        hash_all: false,
        history: !args.no_history,
    };
    let (targets, target_errors) = expand_targets(&args.targets);
    let registry = if targets.iter().any(|t| t.spec.is_some()) {
        Some(args.registry.client()?)
    } else {
        None
    };
    let bar = (std::io::stderr().is_terminal() && targets.len() > 1).then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let progress = Bar(bar);
    let results = scan_all(&targets, &options, registry.as_ref(), &progress);
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
            let color = use_color(args.color, args.output.as_ref());
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
    write_report(args.output.as_ref(), &rendered)?;
    let threshold = threshold(args.fail_on);
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if packages.iter().any(|p| p.verdict.level >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn use_color(color: Color, output: Option<&PathBuf>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => output.is_none() && anstream::stdout().is_terminal(),
    }
}

fn threshold(fail_on: FailOn) -> VerdictLevel {
    match fail_on {
        FailOn::Malicious => VerdictLevel::Malicious,
        FailOn::Suspicious => VerdictLevel::Suspicious,
    }
}

fn write_report(output: Option<&PathBuf>, rendered: &str) -> anyhow::Result<()> {
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

fn diff_command(args: &DiffArgs) -> anyhow::Result<ExitCode> {
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
    let rendered = match args.format {
        Format::Text => customs_report::text_diff(
            &report,
            TextOptions {
                color: use_color(args.color, args.output.as_ref()),
                verbose: args.verbose,
            },
        ),
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
    write_report(args.output.as_ref(), &rendered)?;
    Ok(if report.verdict.level >= threshold(args.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn rules(id: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    match id {
        Some(id) => {
            let Some(m) = customs_report::rule_meta(id) else {
                anyhow::bail!("no rule named `{id}`; `customs rules` lists them");
            };
            out.push_str(&format!(
                "{}: {}\nseverity: {} (in its worst context), confidence: {}\n\n{}",
                m.id, m.summary, m.severity, m.confidence, m.doc
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
