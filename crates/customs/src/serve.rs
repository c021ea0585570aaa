//! `customs proxy` and `customs run`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use customs_rules::VerdictLevel;
use customs_scan::ScanOptions;

use customs_registry::{Environment, ExtraSources, IndexConfig, Located, Overrides};

use crate::args::{LogFormat, PolicyArgs, ProxyArgs, RegistryArgs, RunArgs};
use crate::output::{duration_flag, open_store};

mod js;
mod python;
mod run;

pub(crate) fn proxy_command(args: &ProxyArgs) -> anyhow::Result<ExitCode> {
    let mut policy = load_policy(&args.policy)?;
    if args.block_suspicious {
        policy.fail_on = VerdictLevel::Suspicious;
    }
    let registry = RegistryArgs {
        index_url: args.pypi_upstream.clone(),
        registry: args.npm_upstream.clone(),
        cache_dir: args.cache_dir.clone(),
        refresh: false,
        metadata_freshness: customs_registry::DEFAULT_FRESHNESS.as_secs(),
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
    state.log = stderr_log();
    state.decision_retention =
        match duration_flag("--decision-retention", &args.decision_retention)? {
            0 => None,
            seconds => Some(std::time::Duration::from_secs(
                u64::try_from(seconds).unwrap_or(u64::MAX),
            )),
        };
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
    let Some((program, rest)) = args.command.split_first() else {
        anyhow::bail!("no command given after --");
    };
    let env = Environment::current();
    let cwd = env.cwd.clone();
    // The user's own configuration, read before the command's environment and flags are
    // pointed at the proxies: every index the client would use gets a proxy of its own.
    let mut flags = run::CommandFlags::read(program, rest, &cwd);
    let extra = ExtraSources::read(&env, &run::pip_prefixes(&env, program));
    flags
        .refused
        .extend(extra.unroutable.iter().map(run::Refused::from));
    let js = js::Settings::read(js::Js::of(program), &env);
    flags.refused.extend(js.refused.iter().cloned());
    let project = python::Tool::of(program)
        .and_then(|tool| python::read(tool, rest, &env, &mut flags.refused));
    python::pipx_pip_args(program, rest, &mut flags.refused);
    let stored = python::stored_settings(program, rest, &env, &mut flags.refused);
    if !flags.refused.is_empty() {
        anyhow::bail!(run::refusal(&flags.refused));
    }
    let mut config = IndexConfig::resolve(
        &Overrides {
            index_url: flags.index_url.as_ref().map(|f| f.url.clone()),
            registry: flags
                .registry
                .as_ref()
                .map(|f| f.url.clone())
                .or_else(|| js.registry.as_ref().map(|l| l.url.clone())),
        },
        &env,
    );
    for (scope, f) in &flags.scopes {
        config.npm_scopes.insert(
            scope.clone(),
            Located {
                url: f.url.trim_end_matches('/').to_owned(),
                source: f.flag.clone(),
            },
        );
    }
    let cache_dir = args.cache_dir.clone();
    let start = |config: IndexConfig| -> anyhow::Result<run::Proxy> {
        let slash = config
            .pypi
            .as_ref()
            .is_some_and(|l| run::written_with_slash(&l.url, &l.source, &env, rest));
        let cache = customs_registry::Cache::new(
            cache_dir
                .clone()
                .unwrap_or_else(customs_registry::default_cache_dir),
        );
        let registry = customs_registry::Registry::new(config, cache)?;
        run::Proxy::start(
            registry.with_ttl(std::time::Duration::from_secs(60)),
            open_store(args.store.as_ref())?,
            policy.clone(),
            slash,
        )
    };
    let extra_config = |url: &Located| IndexConfig {
        pypi: Some(url.clone()),
        extra_ca_files: config.extra_ca_files.clone(),
        timeout: config.timeout,
        ..IndexConfig::default()
    };
    let main = start(config.clone())?;
    let mut proxies = vec![main];
    // One proxy per extra index, shared by the settings that name the same URL.
    let proxy_of = |url: &Located, proxies: &mut Vec<run::Proxy>| -> anyhow::Result<String> {
        if let Some(p) = proxies[1..]
            .iter()
            .find(|p| p.pypi_upstream() == Some(url.url.as_str()))
        {
            return Ok(p.simple());
        }
        let p = start(extra_config(url))?;
        let simple = p.simple();
        proxies.push(p);
        Ok(simple)
    };
    let mut pip_extra = Vec::new();
    for url in &extra.pip_extra {
        pip_extra.push(proxy_of(url, &mut proxies)?);
    }
    let mut uv_index = Vec::new();
    let mut uv_extra = Vec::new();
    for (name, url) in &extra.uv_extra {
        let simple = proxy_of(url, &mut proxies)?;
        match (url.source.as_str(), name) {
            ("UV_EXTRA_INDEX_URL", _) => uv_extra.push(simple),
            (_, Some(n)) => uv_index.push(format!("{n}={simple}")),
            (_, None) => uv_index.push(simple),
        }
    }
    for (name, url) in &extra.uv_named {
        if extra
            .uv_extra
            .iter()
            .any(|(n, _)| n.as_deref() == Some(name.as_str()))
        {
            continue; // UV_INDEX already replaces it
        }
        uv_index.push(format!("{name}={}", proxy_of(url, &mut proxies)?));
    }
    // The main proxy where an index is the main upstream (a client that stores the index
    // it was given gets the same URL back), else one of its own.
    let route = |located: &Located, proxies: &mut Vec<run::Proxy>| -> anyhow::Result<String> {
        if proxies[0].pypi_upstream() == Some(located.url.as_str()) {
            return Ok(proxies[0].simple());
        }
        proxy_of(located, proxies)
    };
    // poetry's and pdm's sources in pyproject.toml, and pdm's default index.
    let mut pdm_index = None;
    let mut applied = None;
    if let Some(project) = &project {
        if let Some((setting, url)) = &project.pdm_default {
            let located = Located {
                url: url.trim_end_matches('/').to_owned(),
                source: setting.clone(),
            };
            pdm_index = Some(route(&located, &mut proxies)?);
        }
        applied = project.apply(&mut |s: &python::Source| {
            let located = Located {
                url: s.url.trim_end_matches('/').to_owned(),
                source: format!("source {}", s.name),
            };
            Ok(python::like(&s.url, &route(&located, &mut proxies)?))
        })?;
    }
    // The indexes uv's tool receipts and pipx's metadata stored from earlier installs.
    for st in &stored {
        st.apply(&mut |url: &str| {
            let located = Located {
                url: url.trim_end_matches('/').to_owned(),
                source: format!("index in {}", st.path.display()),
            };
            Ok(python::like(url, &route(&located, &mut proxies)?))
        })?;
    }
    let mut command: Vec<String> = rest.to_vec();
    let main_base = proxies[0].base.clone();
    let main_simple = proxies[0].simple();
    if let Some(f) = &flags.index_url {
        f.replace(&mut command, &main_simple);
    }
    for f in flags.registry.iter().chain(flags.scopes.values()) {
        f.replace(&mut command, &format!("{main_base}/npm/"));
    }
    for f in &flags.extra {
        let located = Located {
            url: f.url.trim_end_matches('/').to_owned(),
            source: f.flag.clone(),
        };
        let simple = proxy_of(&located, &mut proxies)?;
        let value = match &f.name {
            Some(n) => format!("{n}={simple}"),
            None => simple,
        };
        f.replace(&mut command, &value);
    }

    let mut child = std::process::Command::new(program);
    child.args(&command);
    for (key, _) in std::env::vars_os() {
        let k = key.to_string_lossy().to_ascii_lowercase();
        if k == "npm_config_registry"
            || k == "npm_config_replace_registry_host"
            || (k.starts_with("npm_config_@") && k.ends_with(":registry"))
        {
            child.env_remove(&key);
        }
    }
    let simple = proxies[0].simple();
    child
        .env("PIP_INDEX_URL", &simple)
        .env("UV_INDEX_URL", &simple)
        .env("UV_DEFAULT_INDEX", &simple)
        .env("npm_config_registry", format!("{main_base}/npm/"))
        // A lockfile's `resolved` URLs name the upstream: npm fetches them from the proxy.
        .env("npm_config_replace_registry_host", "always");
    for scope in config.npm_scopes.keys() {
        child.env(
            format!("npm_config_{scope}:registry"),
            format!("{main_base}/npm/"),
        );
    }
    js::point(
        &mut child,
        &format!("{main_base}/npm/"),
        config.npm_scopes.contains_key("@jsr"),
    );
    for (var, list) in [
        ("PIP_EXTRA_INDEX_URL", &pip_extra),
        ("UV_INDEX", &uv_index),
        ("UV_EXTRA_INDEX_URL", &uv_extra),
    ] {
        if list.is_empty() {
            child.env_remove(var);
        } else {
            child.env(var, list.join(" "));
        }
    }
    // pdm: its default index (PyPI, unless configured) is customs' main one.
    child.env(
        "PDM_PYPI_URL",
        pdm_index.unwrap_or_else(|| proxies[0].simple()),
    );
    let mut before = run::Lockfiles::snapshot(&cwd);
    for st in &stored {
        before.add(st.path.clone(), Some(st.before.clone()));
    }
    // Lockfiles whose pinned tarball URLs yarn classic, bun and pnpm fetch as written
    // name the proxy for the run, and are given back after it.
    let pinned = match js::Pinned::route(&cwd, &main_base) {
        Ok(pinned) => pinned,
        Err(e) => {
            // The project files changed for the run are given back first.
            if let Some(applied) = &applied {
                let _ = applied.restore();
            }
            return Err(
                anyhow::Error::from(e).context("cannot point the lockfile's URLs at the proxy")
            );
        }
    };
    let status = child.status();
    let mut left = pinned.restore();
    let (mut problems, hash_back) = applied
        .as_ref()
        .map(python::Applied::restore)
        .unwrap_or_default();
    let status = status.with_context(|| format!("cannot run {program}"))?;
    let code = status
        .code()
        .and_then(|c| u8::try_from(c).ok())
        .unwrap_or(1);
    // Receipts and metadata the client wrote during the run name the proxies too.
    for st in python::stored_settings(program, rest, &env, &mut Vec::new()) {
        before.add(st.path, None);
    }
    left.extend(before.restore_upstreams(&proxies));
    problems.extend(hash_back.as_ref().and_then(python::HashBack::apply));
    let mut err = anstream::stderr();
    for p in &problems {
        let _ = writeln!(err, "error: {p}");
    }
    if left.is_empty() && problems.is_empty() {
        return Ok(ExitCode::from(code));
    }
    for (file, url) in &left {
        let _ = writeln!(
            err,
            "error: {} still names customs' temporary address ({url}): the upstream URL it stands for is not known; run the command again without customs, or restore the file",
            file.display()
        );
    }
    Ok(ExitCode::from(if code == 0 { 1 } else { code }))
}

/// The proxy's log lines, each written whole to standard error.
pub(crate) fn stderr_log() -> customs_proxy::LogSink {
    std::sync::Arc::new(|line: &str| {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    })
}

/// The policy file (or the default), with `--min-release-age` and `--ignore` over it.
fn load_policy(args: &PolicyArgs) -> anyhow::Result<customs_policy::Policy> {
    let mut policy =
        customs_policy::Policy::find(args.policy.as_deref(), std::path::Path::new("."))?;
    if let Some(age) = &args.min_release_age {
        policy.min_release_age = duration_flag("--min-release-age", age)?;
    }
    policy.add_ignores(&args.ignore.rules, "--ignore")?;
    Ok(policy)
}
