//! `customs proxy` and `customs run`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use customs_rules::VerdictLevel;
use customs_scan::ScanOptions;

use crate::args::{LogFormat, PolicyArgs, ProxyArgs, RegistryArgs, RunArgs};
use crate::output::{duration_flag, open_store};

pub(crate) fn proxy_command(args: &ProxyArgs) -> anyhow::Result<ExitCode> {
    let mut policy = load_policy(&args.policy)?;
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
    state.metadata_ttl = std::time::Duration::from_secs(
        u64::try_from(duration_flag("--metadata-ttl", &args.metadata_ttl)?).unwrap_or(0),
    );
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

pub(crate) fn run_command(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let policy = load_policy(&args.policy)?;
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

/// The policy file (or the default), with `--min-release-age` over it.
fn load_policy(args: &PolicyArgs) -> anyhow::Result<customs_policy::Policy> {
    let mut policy =
        customs_policy::Policy::find(args.policy.as_deref(), std::path::Path::new("."))?;
    if let Some(age) = &args.min_release_age {
        policy.min_release_age = duration_flag("--min-release-age", age)?;
    }
    Ok(policy)
}
