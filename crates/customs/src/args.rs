//! The command line: every command's arguments (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use customs_archive::Limits;
use customs_registry::{Cache, Environment, IndexConfig, Overrides, Registry, default_cache_dir};

#[derive(Parser)]
#[command(
    name = "customs",
    version,
    about = "Stops malicious open-source packages and hijacked releases before they are installed",
    long_about = "customs reads PyPI and npm packages without running any of their code, finds what \
                  they would do at install, import and run time, and gives each one a verdict: \
                  malicious, suspicious or clean.",
    after_help = "Exit codes (scan, diff, audit, verify, watch --once):\n  0  nothing reached the threshold (--fail-on; for audit, nothing blocked)\n  1  a package reached it (malicious by default; a blocked dependency for audit), whatever else happened\n  2  a usage error, or something could not be read or judged\n\nColour: --color auto|always|never; auto leaves it off when NO_COLOR is set or the output is not a terminal.\n\nExamples:\n  customs scan examples/\n  customs scan requests-2.32.3-py3-none-any.whl left-pad-1.3.0.tgz\n  customs scan pypi:requests npm:left-pad@1.3.0\n  customs diff npm:axios@1.14.0 npm:axios@1.14.1\n  customs scan --format sarif --output customs.sarif dist/\n  customs rules decode-execute"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Scan artifacts (.whl, .tar.gz, .zip, .tgz, .egg), package folders, source files,
    /// installed environments, or registry releases (pypi:NAME[==VERSION], npm:NAME[@VERSION]).
    #[command(
        after_help = "Registry releases are compared with the release before them (the history rules); \
                      --no-history turns that off. Indexes come from your pip, uv and npm configuration. \
                      A folder is one package when it has metadata (setup.py, pyproject.toml, setup.cfg, PKG-INFO, package.json); \
                      a site-packages folder is judged distribution by distribution (as each RECORD lists it), node_modules package by package; \
                      a source file (.py, .js, .sh, .ps1, ...) or a folder of code with no metadata is one package named after it.\n\n\
                      Exit codes:\n  0  no package reached --fail-on (with --fail-on none, none ever does)\n  1  a package reached --fail-on, whatever else happened\n  2  a usage error, or a target could not be read (the others are still scanned)\n\nExamples:\n  customs scan examples/\n  customs scan pypi:requests==2.32.3 npm:@scope/pkg@latest\n  customs scan --fail-on suspicious dist/*.whl\n  customs scan --format json ./node_modules/left-pad\n  customs scan .venv/lib/python3.12/site-packages\n  customs scan suspicious_snippet.py"
    )]
    Scan(ScanArgs),
    /// Compare two releases (artifacts, folders or registry versions) and judge the update.
    #[command(
        after_help = "The report lists files added, removed and changed, dependency, install-hook, behaviour \
                      and metadata changes, then the findings on the update and its verdict.\n\n\
                      Exit codes: 0 below --fail-on (or --fail-on none), 1 at or above it, 2 a usage error or a source that cannot be read.\n\nExamples:\n  customs diff npm:axios@1.14.0 npm:axios@1.14.1\n  customs diff dist/old/demo-1.0.tar.gz dist/demo-1.1.tar.gz\n  customs diff --format json pypi:demo==1.0 ./demo"
    )]
    Diff(DiffArgs),
    /// Check every dependency in a project's lockfiles against known-malicious data,
    /// the scanner and the policy.
    #[command(
        after_help = "Lockfiles: requirements*.txt, pylock.toml, uv.lock, poetry.lock, Pipfile.lock, pdm.lock, \
                      package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, bun.lock. The policy is --policy, \
                      else merged from customs.toml, [tool.customs] in pyproject.toml and \"customs\" in package.json \
                      from the project up to the root (nearest wins), ~/.config/customs/policy.toml and the built-in \
                      default: `customs policy show` prints it.\n\n\
                      Exit codes: 1 a dependency is blocked, whatever else happened; otherwise 2 a lockfile \
                      could not be read, a dependency could not be checked or the policy is invalid; otherwise 0.\n\nExamples:\n  customs audit\n  customs audit path/to/project --format sarif -o customs.sarif\n  customs audit requirements.txt --offline\n  customs audit --policy ci-policy.toml package-lock.json"
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
                      (one package a line; `own npm:NAME repository=OWNER/REPO workflow=release.yml` for yours, pinning \
                      the build identity its releases must carry — without them the first release seen with provenance \
                      pins it). The first poll records what exists; later \
                      polls judge each new release against its predecessor. A package is due again one --interval after \
                      its last poll (run --once on a schedule of that interval). With --store postgres://… several workers \
                      (on one machine or many) share the list: each package is polled by one of them a round, and \
                      each release judged and alerted on once.\n\n\
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
    /// Check integrity and provenance offline: the index's digest, the Sigstore bundle's
    /// signature, certificate chain, transparency log proof and subject, and who built it.
    #[command(
        after_help = "The bundle is a Sigstore bundle (media types 0.1 to 0.3; npm provenance, or any DSSE or \
                      message-signature bundle). It is checked with no network against the trusted root embedded in \
                      customs (Sigstore's public-good instance), the one `customs db update-trust` last verified, or \
                      --trusted-root FILE.\n\n\
                      Exit codes: 0 nothing failed, 1 provenance or integrity failed (the reason names the check; \
                      absent or unknown too with --require-provenance), 2 a source could not be read.\n\n\
                      Registry releases are downloaded and checked against the index's digest (integrity), and \
                      their provenance is fetched from the index (npm attestations, PEP 740): verified, failed, \
                      absent (the index publishes it for other releases, not this one) or unknown (the index does \
                      not say, as mirrors that strip it).\n\n\
                      Examples:\n  customs verify npm:sigstore@3.1.0 pypi:sampleproject==4.0.0\n  \
                      customs verify pkg-1.0.0.tgz --bundle pkg-1.0.0.sigstore.json\n  \
                      customs verify pkg-1.0.0.tgz --bundle b.json --repository my-org/pkg --workflow release.yml --format json"
    )]
    Verify(VerifyArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Install it where your shell looks for completions, for example:\n  \
                      customs completions bash > ~/.local/share/bash-completion/completions/customs\n  \
                      customs completions zsh > ~/.zfunc/_customs   # with fpath+=~/.zfunc before compinit\n  \
                      customs completions fish > ~/.config/fish/completions/customs.fish\n  \
                      customs completions powershell >> $PROFILE"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  customs man | man -l -\n  customs man --dir ~/.local/share/man/man1"
    )]
    Man {
        /// Write customs.1 and one customs-COMMAND.1 per command into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// List the rules, or print one rule's documentation.
    #[command(
        after_help = "With --format json: an array of {id, summary, severity, confidence, doc} (one object \
                      for one id). The ids are what `ignore` and --ignore take."
    )]
    Rules {
        /// A rule id, such as `decode-execute`.
        id: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: VerifyFormat,
    },
}

#[derive(clap::Args)]
pub(crate) struct VerifyArgs {
    /// Registry releases (`pypi:NAME==VER`, `npm:NAME@VER`), lockfiles, or local artifacts.
    #[arg(required = true, value_name = "SOURCE")]
    pub(crate) sources: Vec<String>,
    /// The Sigstore bundle of a local artifact (one artifact).
    #[arg(long, value_name = "FILE")]
    pub(crate) bundle: Option<PathBuf>,
    /// Fail (exit 1) when provenance is absent or unknown, not only when it fails.
    #[arg(long)]
    pub(crate) require_provenance: bool,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
    /// A trusted root (`trusted_root.json`) instead of the current one (the one
    /// `customs db update-trust` verified, else the embedded one).
    #[arg(long, value_name = "FILE")]
    pub(crate) trusted_root: Option<PathBuf>,
    /// The repository (`owner/name`) the artifact must have been built from.
    #[arg(long, value_name = "OWNER/NAME")]
    pub(crate) repository: Option<String>,
    /// The workflow file that must have built it.
    #[arg(long, value_name = "FILE")]
    pub(crate) workflow: Option<String>,
    /// The OIDC issuer that must have vouched for the build.
    #[arg(long, value_name = "URL")]
    pub(crate) issuer: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: VerifyFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum VerifyFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub(crate) struct ProxyArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:3141", value_name = "ADDR:PORT")]
    pub(crate) listen: String,
    /// The PyPI simple index to proxy (default: your pip/uv configuration).
    #[arg(long, value_name = "URL")]
    pub(crate) pypi_upstream: Option<String>,
    /// The npm registry to proxy (default: your npm configuration).
    #[arg(long, value_name = "URL")]
    pub(crate) npm_upstream: Option<String>,
    /// How long a served page or package document is served again without asking the
    /// upstream (`0`: ask every time). Files are checked whatever the page said.
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub(crate) metadata_ttl: String,
    #[command(flatten)]
    pub(crate) policy: PolicyArgs,
    /// Refuse suspicious artifacts too, overriding the policy.
    #[arg(long)]
    pub(crate) block_suspicious: bool,
    /// Do not compare releases with the releases before them.
    #[arg(long)]
    pub(crate) no_history: bool,
    /// The store (verdicts, decisions, known-malicious records): a SQLite file, or
    /// `postgres://USER@HOST/DB` to share it between several proxies.
    #[arg(long, value_name = "PATH|URL")]
    pub(crate) store: Option<PathBuf>,
    /// Where downloaded artifacts are cached.
    #[arg(long, value_name = "DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// The token clients must send (Bearer, or Basic with it as the password); required
    /// to listen beyond loopback. Also read from CUSTOMS_PROXY_TOKEN.
    #[arg(long, value_name = "TOKEN")]
    pub(crate) token: Option<String>,
    /// How each decision is logged on standard error.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) log_format: LogFormat,
    /// How long the store's decision log (one record per artifact and decision, with a
    /// count and the first and last time) keeps a decision after it was last made
    /// (`0`: for ever).
    #[arg(long, default_value = "30d", value_name = "DURATION")]
    pub(crate) decision_retention: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum LogFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub(crate) struct WatchArgs {
    /// Project folders or lockfiles whose dependencies are watched.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// A package to watch: pypi:NAME or npm:NAME (repeatable).
    #[arg(long = "package", value_name = "SPEC")]
    pub(crate) packages: Vec<String>,
    /// A package you publish (repeatable).
    #[arg(long = "own", value_name = "SPEC")]
    pub(crate) own: Vec<String>,
    /// A file listing packages, one a line (`own ` before the ones you publish).
    #[arg(long, value_name = "FILE")]
    pub(crate) watch_list: Option<PathBuf>,
    /// Time between polls (`300`, `5m`, `1h`).
    #[arg(long, default_value = "5m", value_name = "AGE")]
    pub(crate) interval: String,
    /// Poll once and exit (1 when an alert was raised).
    #[arg(long)]
    pub(crate) once: bool,
    /// Append each alert as one JSON object a line.
    #[arg(long, value_name = "FILE")]
    pub(crate) alerts_jsonl: Option<PathBuf>,
    /// POST each alert's JSON to this URL.
    #[arg(long, value_name = "URL")]
    pub(crate) webhook: Option<String>,
    /// Alert from this verdict on.
    #[arg(long, value_enum, default_value = "suspicious")]
    pub(crate) alert_on: AlertOn,
    #[command(flatten)]
    pub(crate) ignore: IgnoreArgs,
    /// Packages polled at once.
    #[arg(long, default_value_t = 8)]
    pub(crate) concurrency: usize,
    /// The store (what was seen is kept there): a SQLite file, or `postgres://…` so that
    /// several watch workers share the work.
    #[arg(long, value_name = "PATH|URL")]
    pub(crate) store: Option<PathBuf>,
    /// This worker's name in a shared store (default: host and process id).
    #[arg(long, value_name = "NAME")]
    pub(crate) worker: Option<String>,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
}

#[derive(clap::Args)]
pub(crate) struct RunArgs {
    #[command(flatten)]
    pub(crate) policy: PolicyArgs,
    /// The local store.
    #[arg(long, value_name = "PATH")]
    pub(crate) store: Option<PathBuf>,
    /// Where downloaded artifacts are cached.
    #[arg(long, value_name = "DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// The command, after `--`.
    #[arg(required = true, last = true, value_name = "COMMAND")]
    pub(crate) command: Vec<String>,
}

#[derive(Subcommand)]
pub(crate) enum DbCommand {
    /// Import OSV records: a JSON file, a folder of them, or a zip (OSV's ecosystem
    /// exports, the OpenSSF malicious-packages data).
    Import {
        /// The file, folder or zip.
        path: PathBuf,
        /// The store (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3;
        /// `postgres://…` for a shared one).
        #[arg(long, value_name = "PATH|URL")]
        store: Option<PathBuf>,
    },
    /// Fetch OSV malicious-package records (an OSV zip export, as `db import` reads) from
    /// a URL and import them. The URL comes from --url or $CUSTOMS_DB_UPDATE_URL; there
    /// is no default. The embedded known-malicious data needs no update to be used.
    Update {
        /// Where to fetch from (repeat for several exports).
        #[arg(long = "url", value_name = "URL")]
        urls: Vec<String>,
        /// The store.
        #[arg(long, value_name = "PATH|URL")]
        store: Option<PathBuf>,
    },
    /// Where the store is and what it holds.
    Status {
        /// The store.
        #[arg(long, value_name = "PATH")]
        store: Option<PathBuf>,
    },
    /// Refresh the Sigstore trusted root with TUF: each newer TUF root checked against
    /// the one before, then timestamp, snapshot, targets and the root file itself. The
    /// result is kept in $CUSTOMS_TRUST_DIR (default ~/.local/share/customs/trust) and used
    /// by `verify` and every scan in place of the embedded root.
    UpdateTrust {
        /// The TUF repository.
        #[arg(
            long,
            value_name = "URL",
            default_value = "https://tuf-repo-cdn.sigstore.dev"
        )]
        tuf_url: String,
        /// The TUF root to start from (default: the last one verified, else the one
        /// shipped with customs).
        #[arg(long, value_name = "FILE")]
        tuf_root: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub(crate) enum PolicyCommand {
    /// Write the default policy, every setting documented, to a file (default ./customs.toml).
    Init {
        /// Where to write it.
        #[arg(default_value = "customs.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print the policy that applies in a folder, merged from every configuration
    /// home, and where each setting came from.
    #[command(
        after_help = "Homes, found by walking up from the folder to the root: customs.toml (or .customs.toml), \
                      [tool.customs] in pyproject.toml, a \"customs\" object in package.json; then \
                      ~/.config/customs/policy.toml, then the built-in default. Each setting comes from the \
                      nearest home that sets it (in one folder: customs.toml, .customs.toml, pyproject.toml, \
                      package.json); a list replaces the list below it whole. --policy FILE is used alone."
    )]
    Show {
        /// The folder (default: the current one).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// A policy file used alone, as `--policy` does for the other commands.
        #[arg(long, value_name = "FILE")]
        policy: Option<PathBuf>,
    },
    /// Check a policy file and print what it decides.
    Check {
        /// The file.
        #[arg(default_value = "customs.toml")]
        path: PathBuf,
    },
}

#[derive(clap::Args)]
pub(crate) struct AuditArgs {
    /// Project folders or lockfiles (default: the current folder).
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// The policy file.
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) ignore: IgnoreArgs,
    /// Use only the cache and the local store; say what could not be checked.
    #[arg(long)]
    pub(crate) offline: bool,
    /// Do not compare releases with the releases before them.
    #[arg(long)]
    pub(crate) no_history: bool,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
    /// The local store (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3).
    #[arg(long, value_name = "PATH")]
    pub(crate) store: Option<PathBuf>,
    /// Threads for analysis (default: one per core).
    #[arg(long, short)]
    pub(crate) jobs: Option<usize>,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`): annotations on the run.
    Github,
}

/// Which file of a PyPI release `diff` compares.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum DiffFile {
    /// The wheel for this platform.
    Wheel,
    /// The sdist.
    Sdist,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum FailOn {
    Malicious,
    Suspicious,
    /// Never fail on a verdict (errors still exit 2).
    None,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum AlertOn {
    Malicious,
    Suspicious,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}

/// Where the indexes and the cache are.
#[derive(clap::Args, Clone)]
pub(crate) struct RegistryArgs {
    /// PyPI simple index URL (default: from PIP_INDEX_URL, UV_INDEX_URL, pip.conf, uv.toml, or pip's default).
    #[arg(long, value_name = "URL")]
    pub(crate) index_url: Option<String>,
    /// npm registry URL (default: from npm_config_registry, .npmrc, or npm's default).
    #[arg(long, value_name = "URL")]
    pub(crate) registry: Option<String>,
    /// Where downloaded artifacts are cached (default: $CUSTOMS_CACHE_DIR, $XDG_CACHE_HOME/customs, ~/.cache/customs).
    #[arg(long, value_name = "DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// Read every package document and project page from the index again, ignoring the kept copies.
    #[arg(long)]
    pub(crate) refresh: bool,
    /// Seconds a kept package document the index gave no ETag or Last-Modified for is reused without asking the index (those with one are always revalidated).
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub(crate) metadata_freshness: u64,
}

impl RegistryArgs {
    pub(crate) fn client(&self) -> anyhow::Result<Registry> {
        self.client_for(None)
    }

    /// The client, asking only the installed tools of `ecosystems` (when given) for
    /// their default index: the others are left unconfigured unless configured.
    pub(crate) fn client_for(
        &self,
        ecosystems: Option<Vec<customs_ecosystem::Ecosystem>>,
    ) -> anyhow::Result<Registry> {
        let mut env = Environment::current();
        env.ask_only = ecosystems;
        let config = IndexConfig::resolve(
            &Overrides {
                index_url: self.index_url.clone(),
                registry: self.registry.clone(),
            },
            &env,
        );
        let cache = Cache::new(self.cache_dir.clone().unwrap_or_else(default_cache_dir));
        Ok(Registry::new(config, cache)?
            .with_documents(std::time::Duration::from_secs(self.metadata_freshness))
            .with_refresh(self.refresh))
    }
}

#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The old release: an artifact, a package folder, pypi:NAME==VERSION or npm:NAME@VERSION.
    pub(crate) old: String,
    /// The new release.
    pub(crate) new: String,
    /// Exit with 1 when the update is at least this bad (`none`: never).
    #[arg(long, value_enum, default_value = "malicious")]
    pub(crate) fail_on: FailOn,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
    #[command(flatten)]
    pub(crate) policy: ScanPolicyArgs,
    /// Do not contact any index (new dependencies are then not checked).
    #[arg(long)]
    pub(crate) offline: bool,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
    /// The store of known-malicious records that registry releases are checked against
    /// (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3).
    #[arg(long, value_name = "PATH")]
    pub(crate) store: Option<PathBuf>,
    /// Compare only this file of PyPI releases (default: the wheel for this platform and
    /// the sdist, each with the old release's file of the same kind).
    #[arg(long, value_enum)]
    pub(crate) file: Option<DiffFile>,
}

#[derive(clap::Args)]
pub(crate) struct ScanArgs {
    /// Artifacts, package folders, folders of artifacts, source files, site-packages or
    /// node_modules folders, pypi:NAME[==VERSION] or npm:NAME[@VERSION].
    #[arg(required = true, value_name = "TARGET")]
    pub(crate) targets: Vec<String>,
    /// Do not compare registry releases with the releases before them.
    #[arg(long)]
    pub(crate) no_history: bool,
    /// Read and judge every registry release again, even one judged before with the
    /// same rules and policy (the new judgement is kept).
    #[arg(long)]
    pub(crate) rejudge: bool,
    #[command(flatten)]
    pub(crate) registry: RegistryArgs,
    /// The store of known-malicious records that registry releases are checked against
    /// (default: $CUSTOMS_STORE, else ~/.local/share/customs/store.sqlite3).
    #[arg(long, value_name = "PATH")]
    pub(crate) store: Option<PathBuf>,
    /// Judge only this file of each registry release (default: every file an installer
    /// may take: for PyPI the wheel for this platform and the sdist).
    #[arg(long, value_name = "FILE_NAME")]
    pub(crate) file: Option<String>,
    /// Exit with 1 when a package is at least this bad (`none`: never).
    #[arg(long, value_enum, default_value = "malicious")]
    pub(crate) fail_on: FailOn,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
    #[command(flatten)]
    pub(crate) policy: ScanPolicyArgs,
    /// Threads to use (default: one per core).
    #[arg(long, short)]
    pub(crate) jobs: Option<usize>,
    /// Most uncompressed bytes read from one artifact (`1G`, `512M`, `64K`, or bytes).
    #[arg(long, default_value = "1G", value_name = "SIZE", value_parser = parse_size)]
    pub(crate) max_total_size: u64,
    /// Largest file analysed, larger ones are noted, not analysed (`256M`, or bytes).
    #[arg(long, default_value = "256M", value_name = "SIZE", value_parser = parse_size)]
    pub(crate) max_file_size: u64,
    /// Most members read from one artifact.
    #[arg(long, default_value_t = Limits::default().max_entries, value_name = "N")]
    pub(crate) max_entries: usize,
    /// How deep archives inside archives are opened.
    #[arg(long, default_value_t = Limits::default().max_depth, value_name = "N")]
    pub(crate) max_depth: u32,
    /// Compression ratio above which a large member is treated as a bomb.
    #[arg(long, default_value_t = Limits::default().max_ratio, value_name = "N")]
    pub(crate) max_ratio: u64,
}

/// The policy of `scan` and `diff`: only its `ignore` settings apply (the verdict's
/// threshold is --fail-on).
#[derive(clap::Args)]
pub(crate) struct ScanPolicyArgs {
    /// The policy file whose `ignore` settings apply (default: merged from the
    /// configuration homes from here up, see `customs policy show`).
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) ignore: IgnoreArgs,
}

/// A size: plain bytes, or a number with `K`, `M`, `G` or `T` (powers of 1024; a
/// trailing `B`/`iB` is allowed: `512MiB`).
pub(crate) fn parse_size(value: &str) -> Result<u64, String> {
    let v = value.trim();
    let digits = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (number, unit) = v.split_at(digits);
    let bad = || {
        format!("{value:?} is not a size: give bytes, or a number with K, M, G or T (`256M`, `1G`)")
    };
    let n: u64 = number.parse().map_err(|_| bad())?;
    let unit = unit.trim().to_ascii_uppercase();
    let unit = unit
        .strip_suffix("IB")
        .filter(|u| !u.is_empty())
        .or_else(|| unit.strip_suffix('B').filter(|u| !u.is_empty()))
        .unwrap_or(&unit);
    let shift = match unit {
        "" | "B" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(bad()),
    };
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("{value:?} is too large"))
}

/// How a report is written: shared by `scan`, `diff` and `audit`.
#[derive(clap::Args)]
pub(crate) struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Write the report to a file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Show everything: info-level findings, low-confidence runtime findings of clean
    /// packages, analysis notes, every file and dependency.
    #[arg(long, short, conflicts_with = "quiet")]
    pub(crate) verbose: bool,
    /// Only what needs attention (text): packages that are not clean, and errors; no
    /// summary and no progress bar, so nothing at all when every package is clean. The
    /// exit code is unchanged; JSON and SARIF are always complete.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// When to use colours in text output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: Color,
}

/// The policy of `proxy` and `run`: a file, and the cooldown flag over it.
#[derive(clap::Args)]
pub(crate) struct PolicyArgs {
    /// The policy file (default: merged from the configuration homes from here up, see
    /// `customs policy show`).
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
    /// Hold back releases younger than this (`7d`, `48h`), overriding the policy.
    #[arg(long, value_name = "AGE")]
    pub(crate) min_release_age: Option<String>,
    #[command(flatten)]
    pub(crate) ignore: IgnoreArgs,
}

/// Rules set aside on the command line, over the policy's `ignore` settings.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct IgnoreArgs {
    /// Set aside this rule's findings (repeatable): they are reported as ignored and do
    /// not count in the verdict. Adds to the policy's `ignore`; `customs rules` lists ids.
    #[arg(long = "ignore", value_name = "RULE")]
    pub(crate) rules: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("2GB"), Ok(2 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1000B"), Ok(1000));
        for bad in ["", "G", "1.5G", "12X", "-1", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad:?} accepted");
        }
        assert!(
            parse_size("1Q")
                .expect_err("not a size")
                .contains("\"1Q\" is not a size")
        );
        // The defaults written as sizes are the archive reader's defaults.
        assert_eq!(parse_size("1G"), Ok(Limits::default().max_total_bytes));
        assert_eq!(parse_size("256M"), Ok(Limits::default().max_file_bytes));
    }
}
