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
    /// Check every dependency in a project's lockfiles against known-malicious data,
    /// the scanner and the policy.
    #[command(
        after_help = "Lockfiles: requirements*.txt, pylock.toml, uv.lock, poetry.lock, Pipfile.lock, pdm.lock, \
                      package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml. The policy is --policy, \
                      else customs.toml or .customs.toml in the project, else ~/.config/customs/policy.toml, else \
                      the built-in default (`customs policy init` writes it).\n\n\
                      Exit codes: 0 nothing blocked, 1 a dependency is blocked, 2 a lockfile could not be read \
                      or a dependency could not be checked.\n\nExamples:\n  customs audit\n  customs audit path/to/project --format sarif -o customs.sarif\n  customs audit requirements.txt --offline\n  customs audit --policy ci-policy.toml package-lock.json"
    )]
    Audit(AuditArgs),
    /// Run a local PyPI and npm registry that scans every artifact before pip, uv or npm
    /// may install it.
    #[command(
        after_help = "Point your clients at it:\n  pip install --index-url http://127.0.0.1:3141/pypi/simple/ requests\n  uv pip install --index-url http://127.0.0.1:3141/pypi/simple/ requests\n  npm install --registry http://127.0.0.1:3141/npm/ left-pad\n\n\
                      Upstreams come from your pip/uv and npm configuration, or --pypi-upstream / --npm-upstream. \
                      The first line printed is the address; GET /-/health answers 200 once ready."
    )]
    Proxy(ProxyArgs),
    /// Watch packages for new releases and alert on suspicious ones.
    #[command(
        after_help = "Packages come from lockfiles (PATH), --package, --own (packages you publish: also alerts on a \
                      release without your provenance, by a new account, or out of your cadence) and --watch-list \
                      (one package a line, `own npm:NAME` for yours). The first poll records what exists; later \
                      polls judge each new release against its predecessor.\n\n\
                      Exit codes with --once: 0 no alert, 1 an alert, 2 a package could not be polled.\n\nExamples:\n  customs watch --package npm:axios --package pypi:litellm --interval 5m\n  customs watch . --once --alerts-jsonl alerts.jsonl\n  customs watch --own npm:my-lib --webhook https://hooks.example.invalid/customs"
    )]
    Watch(WatchArgs),
    /// Run one pip, uv or npm command through a proxy started for it.
    #[command(
        after_help = "The proxy listens on a free loopback port for the length of the command; the command \
                      finds it through PIP_INDEX_URL, UV_INDEX_URL / UV_DEFAULT_INDEX and npm_config_registry \
                      (extra indexes are removed so that nothing bypasses it). Exits with the command's code.\n\n\
                      Examples:\n  customs run -- pip install requests\n  customs run -- uv pip install -r requirements.txt\n  customs run -- npm ci\n  customs run --min-release-age 7d -- npx cowsay hi"
    )]
    Run(RunArgs),
    /// The local store of known-malicious and vulnerability records (OSV).
    #[command(subcommand)]
    Db(DbCommand),
    /// The policy file.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, such as `decode-execute`.
        id: Option<String>,
    },
}

#[derive(clap::Args)]
struct ProxyArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:3141", value_name = "ADDR:PORT")]
    listen: String,
    /// The PyPI simple index to proxy (default: your pip/uv configuration).
    #[arg(long, value_name = "URL")]
    pypi_upstream: Option<String>,
    /// The npm registry to proxy (default: your npm configuration).
    #[arg(long, value_name = "URL")]
    npm_upstream: Option<String>,
    /// The policy file (default: ./customs.toml, then ~/.config/customs/policy.toml).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Hold back releases younger than this (`7d`, `48h`), overriding the policy.
    #[arg(long, value_name = "AGE")]
    min_release_age: Option<String>,
    /// Refuse suspicious artifacts too, overriding the policy.
    #[arg(long)]
    block_suspicious: bool,
    /// Do not compare releases with the releases before them.
    #[arg(long)]
    no_history: bool,
    /// The local store (verdicts, known-malicious records).
    #[arg(long, value_name = "PATH")]
    store: Option<PathBuf>,
    /// Where downloaded artifacts are cached.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// The token clients must send (Bearer, or Basic with it as the password); required
    /// to listen beyond loopback. Also read from CUSTOMS_PROXY_TOKEN.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// How each decision is logged on standard error.
    #[arg(long, value_enum, default_value = "text")]
    log_format: LogFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
struct WatchArgs {
    /// Project folders or lockfiles whose dependencies are watched.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// A package to watch: pypi:NAME or npm:NAME (repeatable).
    #[arg(long = "package", value_name = "SPEC")]
    packages: Vec<String>,
    /// A package you publish (repeatable).
    #[arg(long = "own", value_name = "SPEC")]
    own: Vec<String>,
    /// A file listing packages, one a line (`own ` before the ones you publish).
    #[arg(long, value_name = "FILE")]
    watch_list: Option<PathBuf>,
    /// Time between polls (`300`, `5m`, `1h`).
    #[arg(long, default_value = "5m", value_name = "AGE")]
    interval: String,
    /// Poll once and exit (1 when an alert was raised).
    #[arg(long)]
    once: bool,
    /// Append each alert as one JSON object a line.
    #[arg(long, value_name = "FILE")]
    alerts_jsonl: Option<PathBuf>,
    /// POST each alert's JSON to this URL.
    #[arg(long, value_name = "URL")]
    webhook: Option<String>,
    /// Alert from this verdict on.
    #[arg(long, value_enum, default_value = "suspicious")]
    alert_on: FailOn,
    /// Packages polled at once.
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// The local store (what was seen is kept there).
    #[arg(long, value_name = "PATH")]
    store: Option<PathBuf>,
    #[command(flatten)]
    registry: RegistryArgs,
}

#[derive(clap::Args)]
struct RunArgs {
    /// The policy file (default: ./customs.toml, then ~/.config/customs/policy.toml).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Hold back releases younger than this (`7d`, `48h`), overriding the policy.
    #[arg(long, value_name = "AGE")]
    min_release_age: Option<String>,
    /// The local store.
    #[arg(long, value_name = "PATH")]
    store: Option<PathBuf>,
    /// Where downloaded artifacts are cached.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// The command, after `--`.
    #[arg(required = true, last = true, value_name = "COMMAND")]
    command: Vec<String>,
}

#[derive(Subcommand)]
enum DbCommand {
    /// Import OSV records: a JSON file, a folder of them, or a zip (OSV's ecosystem
    /// exports, the OpenSSF malicious-packages data).
    Import {
        /// The file, folder or zip.
        path: PathBuf,
        /// The store (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3).
        #[arg(long, value_name = "PATH")]
        store: Option<PathBuf>,
    },
    /// Where the store is and what it holds.
    Status {
        /// The store.
        #[arg(long, value_name = "PATH")]
        store: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Write the default policy, every setting documented, to a file (default ./customs.toml).
    Init {
        /// Where to write it.
        #[arg(default_value = "customs.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Check a policy file and print what it decides.
    Check {
        /// The file.
        #[arg(default_value = "customs.toml")]
        path: PathBuf,
    },
}

#[derive(clap::Args)]
struct AuditArgs {
    /// Project folders or lockfiles (default: the current folder).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The policy file.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Use only the cache and the local store; say what could not be checked.
    #[arg(long)]
    offline: bool,
    /// Do not compare releases with the releases before them.
    #[arg(long)]
    no_history: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to a file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Show every dependency, and info-level findings.
    #[arg(long, short)]
    verbose: bool,
    /// When to use colours in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// The local store (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3).
    #[arg(long, value_name = "PATH")]
    store: Option<PathBuf>,
    /// Threads for analysis (default: one per core).
    #[arg(long, short)]
    jobs: Option<usize>,
    #[command(flatten)]
    registry: RegistryArgs,
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
        Command::Audit(args) => audit_command(&args),
        Command::Db(cmd) => db_command(&cmd),
        Command::Proxy(args) => proxy_command(&args),
        Command::Run(args) => run_command(&args),
        Command::Watch(args) => watch_command(&args),
        Command::Policy(cmd) => policy_command(&cmd),
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

fn open_store(path: Option<&PathBuf>) -> anyhow::Result<customs_store::Store> {
    let path = path
        .cloned()
        .unwrap_or_else(customs_store::default_store_path);
    Ok(customs_store::Store::open(&path)?)
}

fn audit_command(args: &AuditArgs) -> anyhow::Result<ExitCode> {
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
    let policy = customs_policy::Policy::find(args.policy.as_deref(), &project)?;
    let store = open_store(args.store.as_ref())?;
    let registry = args.registry.client()?;
    let options = customs_scan::AuditOptions {
        scan: ScanOptions {
            jobs: args.jobs.unwrap_or(0),
            history: !args.no_history,
            ..ScanOptions::default()
        },
        offline: args.offline,
    };
    let total: usize = lockfiles.iter().map(|l| l.entries.len()).sum();
    let bar = (std::io::stderr().is_terminal() && total > 1).then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let progress = Bar(bar);
    let report = customs_scan::audit(
        &lockfiles,
        Some(&registry),
        &store,
        &policy,
        &options,
        &progress,
    );
    if let Some(b) = &progress.0 {
        b.finish_and_clear();
    }
    let errors = customs_scan::lock_errors(&errors);
    let rendered = match args.format {
        Format::Text => customs_report::text_audit(
            &report,
            &errors,
            TextOptions {
                color: use_color(args.color, args.output.as_ref()),
                verbose: args.verbose,
            },
        ),
        Format::Json => {
            serde_json::to_string_pretty(&customs_report::json_audit(&report, &errors))? + "\n"
        }
        Format::Sarif => {
            serde_json::to_string_pretty(&customs_report::sarif_audit(&report, &errors))? + "\n"
        }
    };
    write_report(args.output.as_ref(), &rendered)?;
    Ok(if !errors.is_empty() || report.failed().next().is_some() {
        ExitCode::from(2)
    } else if report.blocked().next().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn proxy_command(args: &ProxyArgs) -> anyhow::Result<ExitCode> {
    let mut policy =
        customs_policy::Policy::find(args.policy.as_deref(), std::path::Path::new("."))?;
    if let Some(age) = &args.min_release_age {
        let text = format!("min_release_age = {age:?}\n");
        policy.min_release_age =
            customs_policy::Policy::parse(&text, std::path::Path::new("--min-release-age"))?
                .min_release_age;
    }
    if args.block_suspicious {
        policy.fail_on = VerdictLevel::Suspicious;
    }
    let registry = RegistryArgs {
        index_url: args.pypi_upstream.clone(),
        registry: args.npm_upstream.clone(),
        cache_dir: args.cache_dir.clone(),
    }
    .client()?
    .with_ttl(std::time::Duration::from_secs(60));
    let store = open_store(args.store.as_ref())?;
    let listener = std::net::TcpListener::bind(&args.listen)
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let mut state = customs_proxy::ProxyState::new(
        registry,
        store,
        policy,
        ScanOptions {
            history: !args.no_history,
            ..ScanOptions::default()
        },
    );
    state.token = args
        .token
        .clone()
        .or_else(|| std::env::var("CUSTOMS_PROXY_TOKEN").ok())
        .filter(|t| !t.is_empty());
    state.log_json = matches!(args.log_format, LogFormat::Json);
    customs_proxy::serve(listener, state, |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "http://{addr}");
        let _ = writeln!(
            out,
            "  PyPI: http://{addr}/pypi/simple/   npm: http://{addr}/npm/"
        );
        let _ = out.flush();
    })?;
    Ok(ExitCode::SUCCESS)
}

fn watch_command(args: &WatchArgs) -> anyhow::Result<ExitCode> {
    use customs_ecosystem::Ecosystem;
    let mut watched: Vec<customs_watch::Watched> = Vec::new();
    let mut add = |spec: &str, own: bool| -> anyhow::Result<()> {
        let s = customs_registry::Spec::parse(spec)
            .ok_or_else(|| anyhow::anyhow!("{spec:?}: packages are pypi:NAME or npm:NAME"))?
            .map_err(|e| anyhow::anyhow!(e))?;
        if let Some(w) = watched.iter_mut().find(|w| {
            w.ecosystem == s.ecosystem
                && customs_ecosystem::canonical_name(w.ecosystem, &w.name)
                    == customs_ecosystem::canonical_name(s.ecosystem, &s.name)
        }) {
            w.own |= own;
        } else {
            watched.push(customs_watch::Watched {
                ecosystem: s.ecosystem,
                name: s.name,
                own,
            });
        }
        Ok(())
    };
    for p in &args.packages {
        add(p, false)?;
    }
    for p in &args.own {
        add(p, true)?;
    }
    if let Some(list) = &args.watch_list {
        let text = std::fs::read_to_string(list)
            .with_context(|| format!("cannot read {}", list.display()))?;
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (own, spec) = match line.strip_prefix("own ") {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            add(spec, own).with_context(|| format!("{}:{}", list.display(), i + 1))?;
        }
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
                add(&spec, false)?;
            }
        }
    }
    if watched.is_empty() {
        anyhow::bail!("nothing to watch: give lockfiles, --package, --own or --watch-list");
    }
    let interval = customs_policy::Policy::parse(
        &format!(
            "min_release_age = {:?}\n",
            if args.interval.chars().all(|c| c.is_ascii_digit()) {
                format!("{}s", args.interval)
            } else {
                args.interval.clone()
            }
        ),
        std::path::Path::new("--interval"),
    )?
    .min_release_age
    .max(1);
    let registry = args
        .registry
        .client()?
        .with_ttl(std::time::Duration::from_secs(60));
    let store = open_store(args.store.as_ref())?;
    let options = customs_watch::WatchOptions {
        alert_on: threshold(args.alert_on),
        jsonl: args.alerts_jsonl.clone(),
        webhook: args.webhook.clone(),
        scan: ScanOptions::default(),
        concurrency: args.concurrency,
    };
    let alerts = customs_watch::Alerts::new(&options, &registry)
        .with_context(|| "cannot open the alerts file")?;
    let mut err = anstream::stderr();
    loop {
        let summary = customs_watch::poll_once(&registry, &store, &watched, &options, &alerts);
        for e in &summary.errors {
            let _ = writeln!(err, "error: {e}");
        }
        let _ = writeln!(
            err,
            "customs watch: {} packages polled, {} new releases, {} alerts",
            summary.packages, summary.new_releases, summary.alerts
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

fn run_command(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let mut policy =
        customs_policy::Policy::find(args.policy.as_deref(), std::path::Path::new("."))?;
    if let Some(age) = &args.min_release_age {
        let text = format!("min_release_age = {age:?}\n");
        policy.min_release_age =
            customs_policy::Policy::parse(&text, std::path::Path::new("--min-release-age"))?
                .min_release_age;
    }
    // The upstreams are the user's own configuration, read before the command's
    // environment is pointed at the proxy.
    let registry = RegistryArgs {
        index_url: None,
        registry: None,
        cache_dir: args.cache_dir.clone(),
    }
    .client()?
    .with_ttl(std::time::Duration::from_secs(60));
    let store = open_store(args.store.as_ref())?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("cannot start the proxy")?;
    let state =
        customs_proxy::ProxyState::new(registry, store, policy, ScanOptions::with_history());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = customs_proxy::serve(listener, state, |addr| {
            let _ = tx.send(Ok(addr));
        });
        if let Err(e) = result {
            let _ = writeln!(anstream::stderr(), "error: the proxy stopped: {e}");
        }
    });
    let addr: std::net::SocketAddr = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .map_err(|_| anyhow::anyhow!("the proxy did not start"))?
        .map_err(|e: std::io::Error| anyhow::anyhow!(e))?;
    let base = format!("http://{addr}");
    let Some((program, rest)) = args.command.split_first() else {
        anyhow::bail!("no command given after --");
    };
    let status = std::process::Command::new(program)
        .args(rest)
        .env("PIP_INDEX_URL", format!("{base}/pypi/simple/"))
        .env("UV_INDEX_URL", format!("{base}/pypi/simple/"))
        .env("UV_DEFAULT_INDEX", format!("{base}/pypi/simple/"))
        .env("npm_config_registry", format!("{base}/npm/"))
        .env_remove("NPM_CONFIG_REGISTRY")
        .env_remove("PIP_EXTRA_INDEX_URL")
        .env_remove("UV_EXTRA_INDEX_URL")
        .env_remove("UV_INDEX")
        .status()
        .with_context(|| format!("cannot run {program}"))?;
    Ok(ExitCode::from(
        status
            .code()
            .and_then(|c| u8::try_from(c).ok())
            .unwrap_or(1),
    ))
}

fn db_command(cmd: &DbCommand) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    match cmd {
        DbCommand::Import { path, store } => {
            let store = open_store(store.as_ref())?;
            let s = store.import_path(path)?;
            let (records, malicious) = store.counts()?;
            out.push_str(&format!(
                "imported {} records ({} malicious-package records, {} about other ecosystems or withdrawn, left out) into {}\nthe store now holds {records} records, {malicious} of them malicious-package records\n",
                s.records,
                s.malicious,
                s.skipped,
                store.path().display()
            ));
        }
        DbCommand::Status { store } => {
            let store = open_store(store.as_ref())?;
            let (records, malicious) = store.counts()?;
            out.push_str(&format!(
                "{}: {records} records, {malicious} of them malicious-package records\n",
                store.path().display()
            ));
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn policy_command(cmd: &PolicyCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        PolicyCommand::Init { path, force } => {
            if path.exists() && !force {
                anyhow::bail!("{} exists; pass --force to overwrite it", path.display());
            }
            std::fs::write(path, customs_policy::TEMPLATE)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let _ = writeln!(std::io::stdout().lock(), "wrote {}", path.display());
        }
        PolicyCommand::Check { path } => {
            let p = customs_policy::Policy::load(path)?;
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}: valid; blocks at {}, minimum release age {}, {} allowed, {} denied, hashes {}, provenance {}, install scripts {}",
                path.display(),
                p.fail_on.as_str(),
                if p.min_release_age == 0 {
                    "off".to_owned()
                } else {
                    customs_policy::human(p.min_release_age)
                },
                p.allow.len(),
                p.deny.len(),
                if p.require_hashes {
                    "required"
                } else {
                    "optional"
                },
                if p.require_provenance {
                    "required when published before"
                } else {
                    "optional"
                },
                if p.install_scripts_allowed {
                    "allowed".to_owned()
                } else {
                    format!("allowed only for {}", p.install_scripts_packages.len())
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
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
                m.id,
                m.summary,
                m.severity,
                m.confidence,
                m.doc
                    .lines()
                    .map(|l| l.strip_prefix(' ').unwrap_or(l))
                    .collect::<Vec<_>>()
                    .join("\n")
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
