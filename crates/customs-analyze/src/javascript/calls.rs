//! What JavaScript calls mean: the tables of qualified names and what each records.

use oxc_ast::ast::{self, Argument, CallExpression, Expression, NewExpression};

use super::{Walker, wipe};
use crate::BehaviourKind;
use crate::signals::{self, clip};
use crate::value::{Taint, Val, normalize};

const EXEC: &[&str] = &[
    "global.eval",
    "global.Function",
    "vm.runInNewContext",
    "vm.runInThisContext",
    "vm.runInContext",
    "vm.compileFunction",
    "vm.Script",
];

const PROCESS: &[&str] = &[
    "child_process.exec",
    "child_process.execSync",
    "child_process.spawn",
    "child_process.spawnSync",
    "child_process.fork",
    "child_process.execFile",
    "child_process.execFileSync",
    "execa",
    "execa.command",
    "execa.sync",
    "shelljs.exec",
    "cross-spawn",
    "cross-spawn.sync",
];

const FETCH: &[&str] = &[
    "http.get",
    "https.get",
    "http.request",
    "https.request",
    "global.fetch",
    "node-fetch",
    "axios",
    "axios.get",
    "axios.post",
    "axios.request",
    "got",
    "got.get",
    "got.post",
    "request",
    "request.get",
    "request.post",
    "needle",
    "needle.get",
    "undici.request",
    "undici.fetch",
    "superagent.get",
    "superagent.post",
];

const NETWORK: &[&str] = &[
    "net.connect",
    "net.createConnection",
    "net.Socket",
    "tls.connect",
    "dgram.createSocket",
    "dns.lookup",
    "dns.resolve",
    "dns.resolve4",
    "dns.resolve6",
    "dns.resolveTxt",
    "dns.resolveAny",
    "dns.promises.lookup",
    "dns.promises.resolve",
    "dns.Resolver.resolve",
    "dns.Resolver.resolve4",
    "dns.Resolver.resolve6",
    "dns.Resolver.resolveTxt",
    "dns.Resolver.resolveAny",
    "dns.promises.Resolver.resolve",
    "dns.promises.Resolver.resolveTxt",
    "global.WebSocket",
    "ws",
    "global.XMLHttpRequest",
    "axios.put",
    "axios.create",
];

const DNS: &[&str] = &[
    "dns.lookup",
    "dns.resolve",
    "dns.resolve4",
    "dns.resolve6",
    "dns.resolveTxt",
    "dns.resolveAny",
    "dns.promises.lookup",
    "dns.promises.resolve",
    "dns.Resolver.resolve",
    "dns.Resolver.resolve4",
    "dns.Resolver.resolve6",
    "dns.Resolver.resolveTxt",
    "dns.Resolver.resolveAny",
    "dns.promises.Resolver.resolve",
    "dns.promises.Resolver.resolveTxt",
];

const FS_READ: &[&str] = &[
    "readFileSync",
    "readFile",
    "createReadStream",
    "readdirSync",
    "readdir",
    "copyFileSync",
    "copyFile",
    "cpSync",
    "existsSync",
];

const FS_WRITE: &[&str] = &[
    "writeFileSync",
    "writeFile",
    "appendFileSync",
    "appendFile",
    "createWriteStream",
];

const FS_DELETE: &[&str] = &[
    "unlinkSync",
    "unlink",
    "rmSync",
    "rm",
    "rmdirSync",
    "rmdir",
    "remove",
    "removeSync",
    "emptyDir",
    "emptyDirSync",
];

/// Packages whose functions delete a folder and everything in it.
const TREE_DELETERS: &[&str] = &[
    "rimraf",
    "rimraf.sync",
    "rimraf.rimraf",
    "rimraf.rimrafSync",
    "del",
    "del.sync",
    "del.deleteAsync",
    "del.deleteSync",
];

pub(crate) fn is_fetch(qual: &str) -> bool {
    FETCH.contains(&qual)
}

/// A function of node or a package that starts a process.
pub(crate) fn is_process(qual: &str) -> bool {
    PROCESS.contains(&qual)
}

/// A network call or connection, or the object it returns (`ws()`, `net.Socket()`).
pub(crate) fn is_network(qual: &str) -> bool {
    FETCH.contains(&qual) || NETWORK.contains(&qual) || qual == "global.EventSource"
}

pub(crate) fn is_fs(qual: &str) -> bool {
    qual.starts_with("fs.") || qual.starts_with("fs/promises.") || qual.starts_with("fs-extra.")
}

fn method_of(qual: &str) -> &str {
    qual.rsplit('.').next().unwrap_or(qual)
}

/// `eval(function(p,a,c,k,e,d){...}(...))`: Dean Edwards' packer.
fn is_packer(arguments: &[Argument<'_>]) -> bool {
    let Some(Expression::CallExpression(call)) = arguments
        .first()
        .and_then(Argument::as_expression)
        .map(Expression::get_inner_expression)
    else {
        return false;
    };
    let Expression::FunctionExpression(f) = call.callee.get_inner_expression() else {
        return false;
    };
    let names: Vec<&str> = f
        .params
        .items
        .iter()
        .filter_map(|p| p.pattern.get_binding_identifier().map(|b| b.name.as_str()))
        .collect();
    names.len() >= 5 && names[..5] == ["p", "a", "c", "k", "e"]
}

pub(crate) fn on_new(w: &mut Walker<'_>, it: &NewExpression<'_>) {
    handle(w, &it.callee, &it.arguments, it.span.start);
}

pub(crate) fn on_call(w: &mut Walker<'_>, it: &CallExpression<'_>) {
    handle(w, &it.callee, &it.arguments, it.span.start);
}

/// A call's evaluated arguments. Most calls of known functions match none of the checks
/// below, so the arguments are evaluated only when a check first needs them (evaluation
/// reads bindings, which the checks do not change; calls among the arguments are
/// visited, and judged, on their own).
struct Arguments {
    args: Vec<Val>,
    /// Every argument's taint.
    taint: u16,
    /// The first argument's text, or empty.
    first_text: String,
}

impl Arguments {
    fn new(args: Vec<Val>) -> Self {
        let taint = args.iter().fold(0, |t, v| t | v.taint);
        let first_text = args
            .first()
            .and_then(|a| a.text.clone())
            .unwrap_or_default();
        Self {
            args,
            taint,
            first_text,
        }
    }
}

/// One call being judged: its syntax, where it is, and its arguments once evaluated.
struct Call<'c, 'a> {
    arguments: &'c [Argument<'a>],
    offset: u32,
    evaluated: Option<Arguments>,
}

impl Call<'_, '_> {
    /// The evaluated arguments, evaluated on first use.
    fn args(&mut self, w: &Walker<'_>) -> &Arguments {
        let arguments = self.arguments;
        self.evaluated
            .get_or_insert_with(|| Arguments::new(w.eval_args(arguments)))
    }
}

/// Dispatches a call to the check of each concern: what it reaches, how it is named, and
/// then the one concern its function belongs to (modules, dynamic code, processes,
/// network, files, native modules).
fn handle(w: &mut Walker<'_>, callee: &Expression<'_>, arguments: &[Argument<'_>], offset: u32) {
    let func = w.eval(callee);
    let Some(mut raw_qual) = func.qual.clone() else {
        package_function_call(w, callee, arguments, offset);
        return method_only(w, callee, arguments, offset);
    };
    if raw_qual.starts_with('#') {
        return method_only(w, callee, arguments, offset);
    }
    reach(w, &raw_qual, arguments);
    let mut call = Call {
        arguments,
        offset,
        evaluated: None,
    };
    // Secrets handed to a function of another file of the package.
    if raw_qual.starts_with('.') {
        w.package_call(&raw_qual);
        if call.args(w).taint & Taint::SECRET != 0 {
            w.secret_call(&raw_qual, offset);
        }
        handoffs(w, &raw_qual, arguments, offset);
    }
    // Calls made through another: `Reflect.construct(Function, [...])`,
    // `Reflect.apply(eval, this, [code])`, `eval.call(this, code)`, `f.apply(this, [..])`.
    if let Some((target, args)) = indirect_call(w, &raw_qual, arguments) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!(
                "calls '{}' indirectly through {}",
                target.trim_start_matches("global."),
                raw_qual.trim_start_matches("global.")
            ),
        );
        raw_qual = target;
        call.evaluated = Some(Arguments::new(args));
    }
    let qual_text = normalize(&raw_qual);
    let qual: &str = &qual_text;
    if qual.starts_with("global.") {
        let direct = qual
            .strip_suffix(".call")
            .or_else(|| qual.strip_suffix(".apply"))
            .unwrap_or(qual);
        super::browser::on_call(w, direct, arguments, offset);
    }
    char_codes(w, qual, &mut call);
    super::wipe::on_call(w, qual);
    if func.folded {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("calls '{raw_qual}' through a name assembled at run time"),
        );
    }
    let handled = if qual == "global.require" {
        module_load(w, &mut call);
        true
    } else if qual == "module.register" {
        hooks_registered(w, &mut call);
        true
    } else {
        dynamic_code(w, qual, &mut call)
            || worker(w, qual, &mut call)
            || binding_spawn(w, qual, &mut call)
            || process(w, qual, &mut call)
            || network(w, qual, &mut call)
            || network_write(w, qual, &mut call)
            || files(w, qual, &mut call)
            || tree_delete(w, qual, &mut call)
            || native_module(w, qual, &mut call)
    };
    if !handled {
        let m = method_of(qual);
        if m == "_compile" {
            compile(w, arguments, offset);
        }
        if m == "pipe" {
            w.region.piped = true;
        }
    }
}

/// `callee`, a function of the package, handed what another function of the package
/// returns (`post(collect())`, `post(await collect())`): joined, for the package, with
/// what the one sends and the other returns.
fn handoffs(w: &mut Walker<'_>, callee: &str, arguments: &[Argument<'_>], offset: u32) {
    for a in arguments {
        if w.facts.handoffs.len() >= 64 {
            return;
        }
        let mut e = a.as_expression().map(Expression::get_inner_expression);
        if let Some(Expression::AwaitExpression(inner)) = e {
            e = Some(inner.argument.get_inner_expression());
        }
        let Some(Expression::CallExpression(inner)) = e else {
            continue;
        };
        let source = match inner.callee.get_inner_expression() {
            Expression::Identifier(id)
                if w.lookup(id.name.as_str()).is_none_or(|v| v.qual.is_none())
                    && w.reach.lookup(id.name.as_str()).is_some() =>
            {
                id.name.as_str().to_owned()
            }
            Expression::Identifier(_) | Expression::StaticMemberExpression(_) => {
                match w.eval(&inner.callee).qual {
                    Some(q) if q.starts_with('.') => q,
                    _ => continue,
                }
            }
            _ => continue,
        };
        let call =
            crate::model::SecretCall::new(callee, w.base + offset, w.top_level(), w.reach.current);
        w.facts
            .handoffs
            .push(crate::model::Handoff { call, source });
    }
}

/// A credential file's path handed to a function of the package (`grab(path.join(home,
/// '.ssh', 'id_rsa'))`): a helper that reads what it is given.
fn package_function_call(
    w: &mut Walker<'_>,
    callee: &Expression<'_>,
    arguments: &[Argument<'_>],
    offset: u32,
) {
    let Expression::Identifier(name) = callee.get_inner_expression() else {
        return;
    };
    let args = w.eval_args(arguments);
    if args.iter().any(|a| a.taint & Taint::SECRET != 0) {
        w.secret_call(name.name.as_str(), offset);
    }
    if arguments.iter().any(|a| {
        matches!(
            a.as_expression().map(Expression::get_inner_expression),
            Some(Expression::CallExpression(_) | Expression::AwaitExpression(_))
        )
    }) && w.reach.lookup(name.name.as_str()).is_some()
    {
        handoffs(w, name.name.as_str(), arguments, offset);
    }
    if args.iter().any(|a| a.taint & Taint::PAGE != 0) {
        super::browser::page_handed(w, name.name.as_str(), offset);
    }
    for a in args {
        // A place on the machine (the home folder, an absolute path), not a module of the
        // package (`__webpack_require__("./cookies.js")`).
        if let Some(path) = a.text.as_deref()
            && path.starts_with(['~', '/', '%', '$', '*'])
            && let Some(what) = signals::secret_path(path)
        {
            w.push(
                BehaviourKind::SecretRead,
                offset,
                format!(
                    "hands {what} ({}) to a function of the package",
                    clip(path, 80)
                ),
            );
        }
    }
}

/// What runs because of this call: a name imported from another module may be a function
/// of the package, which then runs where this call runs; timers and node's
/// callback-taking functions run the functions they are given.
fn reach(w: &mut Walker<'_>, qual: &str, arguments: &[Argument<'_>]) {
    if !qual.starts_with("global.") {
        w.reach.external(qual);
    }
    if matches!(
        qual,
        "global.setTimeout"
            | "global.setInterval"
            | "global.setImmediate"
            | "global.queueMicrotask"
            | "global.process.nextTick"
    ) || (!qual.starts_with("global.") && !qual.starts_with('.'))
    {
        w.reach_arguments(arguments);
    }
}

/// `String.fromCharCode(104, 116, ...)` spelling a URL or a command.
fn char_codes(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) {
    if !matches!(
        qual,
        "global.String.fromCharCode" | "global.String.fromCodePoint"
    ) {
        return;
    }
    let offset = call.offset;
    let mut text = String::new();
    let mut codes = 0usize;
    for a in &call.args(w).args {
        for item in super::fold::items(a) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let c = super::fold::as_number(&item).and_then(|n| char::from_u32(n as u32));
            match c {
                Some(c) if codes < 4096 => {
                    text.push(c);
                    codes += 1;
                }
                _ => codes = usize::MAX / 2,
            }
        }
    }
    if (8..4096).contains(&codes) && command_or_url(&text) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!(
                "a URL or command hidden in character codes: '{}'",
                clip(&text, 60)
            ),
        );
    }
}

/// `require(NAME)`: the module imported, a module named at run time, or a file this
/// region wrote loaded as code.
fn module_load(w: &mut Walker<'_>, call: &mut Call<'_, '_>) {
    let offset = call.offset;
    // Requiring a file this region wrote runs what was written.
    if let Some(a) = call.args(w).args.first()
        && let Some(path) = a.text.clone()
        && w.region
            .written
            .iter()
            .any(|(p, _)| super::fold::same_file(p, &path))
    {
        let written = w
            .region
            .written
            .iter()
            .filter(|(p, _)| super::fold::same_file(p, &path))
            .fold(0, |t, (_, taint)| t | taint);
        if written & Taint::DECODED != 0 {
            w.push(
                BehaviourKind::DecodeExecute,
                offset,
                format!(
                    "decoded data written to {} is loaded with require()",
                    clip(&path, 60)
                ),
            );
        } else if written & Taint::DOWNLOADED != 0 {
            w.push(
                BehaviourKind::DownloadExecute,
                offset,
                format!(
                    "data fetched from the network is written to {} and loaded with require()",
                    clip(&path, 60)
                ),
            );
        }
        w.run_written(&[path.as_str()], offset);
        let top = w.top_level();
        w.region
            .runs
            .push((offset, top, "loaded with require()".into(), path));
    }
    match call.args(w).args.first() {
        Some(a) if a.exact_text().is_some() => {
            let name = a.exact_text().unwrap_or_default().to_owned();
            w.loads_module(&name, offset);
            w.facts.imports.push(name.clone());
            if a.folded {
                w.push(
                    BehaviourKind::Obfuscation,
                    offset,
                    format!("requires '{name}' by a name assembled at run time"),
                );
            }
        }
        Some(_) => w.push(
            BehaviourKind::DynamicImport,
            offset,
            "require() of a module named at run time",
        ),
        None => {}
    }
}

/// `register('./hooks.mjs', import.meta.url)` of `node:module`: a file of the package
/// becomes module loader hooks, its `resolve` and `load` run for every module loaded
/// after this call. The file is followed like an import.
fn hooks_registered(w: &mut Walker<'_>, call: &mut Call<'_, '_>) {
    if let Some(name) = call.args(w).args.first().and_then(Val::exact_text)
        && (name.starts_with("./") || name.starts_with("../"))
    {
        let name = name.to_owned();
        w.facts.imports.push(name);
    }
}

/// `eval`, `Function`, `vm.*` and timers given a string: code run from data. Returns
/// whether the call was one of them.
fn dynamic_code(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !(EXEC.contains(&qual)
        || (matches!(qual, "global.setTimeout" | "global.setInterval")
            && call.args(w).args.first().is_some_and(|a| a.text.is_some())))
    {
        return false;
    }
    let (arguments, offset) = (call.arguments, call.offset);
    let what = qual.trim_start_matches("global.");
    let Arguments { args, taint, .. } = call.args(w);
    if qual == "global.eval" && is_packer(arguments) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            "code packed with Dean Edwards' packer: eval(function(p,a,c,k,e,d)…)",
        );
    }
    let code_arg = if qual == "global.Function" {
        args.last()
    } else {
        args.first()
    };
    if taint & Taint::DECODED != 0 {
        w.push(
            BehaviourKind::DecodeExecute,
            offset,
            format!("decoded data reaches {what}()"),
        );
        if let Some(code) = code_arg.and_then(Val::exact_text) {
            let code = code.to_owned();
            w.analyze_payload(&code, offset);
        }
    } else if taint & Taint::DOWNLOADED != 0 {
        w.push(
            BehaviourKind::DownloadExecute,
            offset,
            format!("data fetched from the network reaches {what}()"),
        );
    } else if code_arg.is_some_and(|a| a.exact_text().is_none()) {
        if taint & Taint::PARAM != 0 {
            w.param_exec(offset, what);
        }
        w.push(
            BehaviourKind::DynamicExecute,
            offset,
            format!("{what}() of code built at run time"),
        );
    } else if let Some(code) = code_arg.and_then(Val::exact_text) {
        // Constant code runs as if it were written here; a `vm` sandbox's properties are
        // its globals.
        let mut code = code.to_owned();
        if qual == "vm.runInNewContext" {
            code.insert_str(0, &sandbox_prelude(w, arguments));
        }
        w.analyze_code(&code, offset, &format!("in the code passed to {what}()"));
    }
    true
}

/// A worker started from decoded or downloaded code (`new Worker(URL.createObjectURL(new
/// Blob([atob(..)])))`). Bundlers inline their own workers that way, so decoded code counts
/// when what it does, read as a payload, is more than computing: it connects, starts
/// processes, runs code. Returns whether the call starts a worker.
fn worker(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !matches!(
        qual,
        "global.Worker" | "global.SharedWorker" | "worker_threads.Worker"
    ) {
        return false;
    }
    let offset = call.offset;
    let code = call.args(w).args.first().cloned().unwrap_or_default();
    if code.taint & Taint::DOWNLOADED != 0 {
        w.push(
            BehaviourKind::DownloadExecute,
            offset,
            "data fetched from the network runs as the code of a worker",
        );
    } else if code.taint & Taint::DECODED != 0
        && let Some(text) = code.exact_text()
    {
        let text = text.to_owned();
        w.decoded_worker(&text, offset);
    }
    true
}

/// `child_process` and its wrappers: the command line, the program it starts, detached
/// processes and `node -e CODE`. Returns whether the call starts a process.
fn process(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !PROCESS.contains(&qual) {
        return false;
    }
    let (arguments, offset) = (call.arguments, call.offset);
    let Arguments {
        args,
        taint,
        first_text,
    } = call.args(w);
    let mut command = super::fold::words_text(first_text);
    if let Some(rest) = args.get(1).and_then(|a| a.text.as_deref())
        && !method_of(qual).starts_with("exec")
    {
        command = format!("{command} {}", super::fold::words_text(rest));
    }
    // `path.join(__dirname, 'x.bat')`: a file beside this one, which is where a relative
    // path in a command of this file is looked for.
    let command = command.replace("<__file__>/../", "./");
    started(w, method_of(qual), &command, *taint, offset);
    // A command line made wholly by the caller, run through a shell: whatever string
    // reaches the function runs.
    let bare = matches!(arguments.first(), Some(Argument::Identifier(_)));
    if bare
        && args
            .first()
            .is_some_and(|a| a.taint & Taint::PARAM != 0 && a.text.is_none())
        && (matches!(method_of(qual), "exec" | "execSync") || qual == "execa.command")
    {
        w.push(
            BehaviourKind::RawCapability,
            offset,
            format!(
                "runs any shell command its caller passes ({}())",
                method_of(qual)
            ),
        );
    }
    if options_detached(arguments) {
        w.push(
            BehaviourKind::HiddenProcess,
            offset,
            format!(
                "{}() with `detached: true` outlives the installer",
                method_of(qual)
            ),
        );
    }
    let top = w.top_level();
    let program = super::command_words(&command)
        .into_iter()
        .next()
        .unwrap_or_default();
    let program = program
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(".exe")
        .to_ascii_lowercase();
    if matches!(
        program.as_str(),
        "sh" | "bash" | "zsh" | "dash" | "ksh" | "cmd" | "powershell" | "pwsh"
    ) {
        w.region.shell.get_or_insert((offset, top));
    }
    // `node -e CODE` (or `process.execPath`): the code is JavaScript to analyse.
    let node = program == "node"
        || args.first().and_then(|a| a.qual.as_deref()) == Some("global.process.execPath");
    let inline = node
        .then(|| args.get(1).and_then(Val::exact_text))
        .flatten()
        .and_then(|list| {
            let items: Vec<&str> = list.split(super::fold::SEP).collect();
            items
                .iter()
                .position(|i| matches!(*i, "-e" | "--eval" | "-p" | "--print"))
                .and_then(|at| items.get(at + 1))
                .map(|c| (*c).to_owned())
        });
    if !w.region.written_text.is_empty() {
        let words = super::command_words(&command);
        let names: Vec<&str> = words.iter().map(String::as_str).collect();
        w.run_written(&names, offset);
    }
    w.region.runs.push((
        offset,
        top,
        format!("run with {}()", method_of(qual)),
        command,
    ));
    if let Some(code) = inline {
        w.analyze_payload(&code, offset);
    }
    true
}

/// `process.binding('spawn_sync').spawn({ file, args })` (or `process_wrap`'s): a
/// process started below `child_process`, its command line in the options' `args`.
fn binding_spawn(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !matches!(
        qual,
        "child_process.binding.spawn" | "child_process.binding.Process.spawn"
    ) {
        return false;
    }
    let offset = call.offset;
    let options = call.arguments.first().and_then(|a| match a {
        Argument::ObjectExpression(o) => Some(o),
        _ => None,
    });
    let field = |name: &str| {
        options.and_then(|o| {
            o.properties.iter().find_map(|p| match p {
                ast::ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().is_some_and(|k| k == name) =>
                {
                    Some(w.eval(&p.value))
                }
                _ => None,
            })
        })
    };
    let args = field("args").unwrap_or_default();
    let file = field("file").unwrap_or_default();
    let taint = args.taint | file.taint;
    let command = args
        .text
        .as_deref()
        .or(file.text.as_deref())
        .map(super::fold::words_text)
        .unwrap_or_default();
    w.push(
        BehaviourKind::Obfuscation,
        offset,
        "starts a process through Node's internal spawn binding, below child_process",
    );
    started(w, "spawn", &command, taint, offset);
    true
}

/// A process started with `command`: what the command line does, the scripts it runs
/// and the files it downloads (for what later runs them).
fn started(w: &mut Walker<'_>, what: &str, command: &str, taint: u16, offset: u32) {
    let mut downloads = Vec::new();
    for (kind, detail) in crate::flow::process_start_downloading(
        what,
        command,
        taint,
        &mut w.facts.runs,
        &mut downloads,
    ) {
        w.push(kind, offset, detail);
    }
    w.region
        .downloads
        .extend(downloads.into_iter().map(|d| (offset, d)));
}

/// Requests, sockets and DNS look-ups: where data goes and what it carries. Returns
/// whether the call is one of them.
fn network(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    let fetch = is_fetch(qual);
    if !(fetch || NETWORK.contains(&qual)) {
        return false;
    }
    let offset = call.offset;
    let options_url = options_url(w, call.arguments);
    let Arguments {
        taint, first_text, ..
    } = call.args(w);
    let first_text = match &options_url {
        Some(url) if first_text.is_empty() => url,
        _ => first_text,
    };
    if fetch {
        w.region.fetched.get_or_insert(offset);
    }
    if qual.starts_with("net.") || qual.starts_with("tls.") {
        w.region.socket.get_or_insert(offset);
    }
    let dns = DNS.contains(&qual);
    let taint = *taint;
    for (kind, detail) in crate::flow::network_call(qual, first_text, taint, dns) {
        w.push(kind, offset, detail);
    }
    if taint & Taint::PARAM != 0 {
        w.param_sends();
    }
    if taint & Taint::PACKAGE != 0 {
        w.result_send(offset);
    }
    if taint & Taint::LATER != 0 {
        w.later_send(offset);
    }
    true
}

/// `http.request({ host: '203.0.113.9', port: 8080, path: '/x' })`: the address a request
/// given as options goes to, written as a URL (the scheme is a placeholder: what matters
/// is the host).
fn options_url(w: &Walker<'_>, arguments: &[Argument<'_>]) -> Option<String> {
    let Some(Expression::ObjectExpression(o)) = arguments
        .first()
        .and_then(Argument::as_expression)
        .map(Expression::get_inner_expression)
    else {
        return None;
    };
    let mut host = None;
    let mut port = None;
    let mut path = None;
    for p in &o.properties {
        let ast::ObjectPropertyKind::ObjectProperty(p) = p else {
            continue;
        };
        let Some(key) = p.key.static_name() else {
            continue;
        };
        let slot = match &*key {
            "host" | "hostname" => &mut host,
            "port" => &mut port,
            "path" => &mut path,
            _ => continue,
        };
        *slot = w.eval(&p.value).exact_text().map(str::to_owned);
    }
    let host = host?;
    let port = port.map(|p| format!(":{p}")).unwrap_or_default();
    let path = path.unwrap_or_default();
    Some(format!("http://{host}{port}{path}"))
}

/// Data written to a request or socket (`req.write(data)`, `ws.send(data)`). Returns
/// whether the call is such a write.
fn network_write(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !(matches!(method_of(qual), "write" | "end" | "send")
        && [
            "http.",
            "https.",
            "net.",
            "tls.",
            "dgram.",
            "global.WebSocket",
            "ws",
            "global.XMLHttpRequest",
        ]
        .iter()
        .any(|p| qual.starts_with(p)))
    {
        return false;
    }
    let offset = call.offset;
    let taint = call.args(w).taint;
    if taint & Taint::SECRET != 0 {
        w.push(
            BehaviourKind::SecretExfiltration,
            offset,
            format!("secrets sent with {qual}()"),
        );
    }
    if taint & Taint::PARAM != 0 {
        w.param_sends();
    }
    if taint & Taint::PACKAGE != 0 {
        w.result_send(offset);
    }
    if taint & Taint::LATER != 0 {
        w.later_send(offset);
    }
    true
}

/// `fs` and its relatives: secrets read, files written (persistence, npm's configuration,
/// workflows), files deleted, files made executable. Returns whether the call is one of
/// them.
fn files(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !is_fs(qual) {
        return false;
    }
    let m = method_of(qual);
    let offset = call.offset;
    let Arguments {
        args, first_text, ..
    } = call.args(w);
    let path = first_text.as_str();
    let constant_path = args
        .first()
        .and_then(Val::exact_text)
        .is_some_and(|t| !t.contains('*'));
    wipe::on_list(w, m, path);
    if FS_READ.contains(&m) {
        if let Some(what) = signals::secret_path(path) {
            w.push(
                BehaviourKind::SecretRead,
                offset,
                format!("reads {what} ({})", clip(path, 80)),
            );
            // A folder listed or copied, any file under one, or a path standing for
            // several candidates (a loop over credential files): all they hold.
            if m.starts_with("readdir")
                || m.starts_with("cp")
                || path.contains('*')
                || path
                    .split(' ')
                    .filter(|p| signals::secret_path(p).is_some())
                    .nth(1)
                    .is_some()
            {
                w.gathering_read();
            }
        }
    } else if FS_WRITE.contains(&m) || m == "renameSync" || m == "rename" || m == "copyFileSync" {
        if FS_WRITE.contains(&m) && !m.starts_with("append") {
            wipe::on_damage(w, false, constant_path, offset);
        }
        file_write(w, m, args, path, offset);
    } else if FS_DELETE.contains(&m) {
        wipe::on_damage(w, true, constant_path, offset);
        let hidden = args.first().is_some_and(|a| a.taint & HIDDEN != 0);
        destruction(w, m, path, hidden, offset);
        if path == "<__file__>" || path.ends_with("package.json") {
            w.push(
                BehaviourKind::SelfDelete,
                offset,
                format!("{m}() deletes its own files ({})", clip(path, 60)),
            );
        }
    } else if m.starts_with("chmod") {
        let top = w.top_level();
        w.region
            .runs
            .push((offset, top, "made executable".into(), path.to_owned()));
    }
    true
}

/// What hides a name: decoded, or built from character codes or pieces.
const HIDDEN: u16 = Taint::DECODED | Taint::OBFUSCATED;

/// A delete of what is not the package's own: the home folder, a folder of the user's
/// directly under it, or the root (`fs.rmSync(os.homedir(), { recursive: true })`).
fn destruction(w: &mut Walker<'_>, m: &str, path: &str, hidden: bool, offset: u32) {
    if let Some(what) = signals::destroyed_by_removal(path).or_else(|| project_folder(path, hidden))
    {
        w.push(
            BehaviourKind::Destruction,
            offset,
            format!("{m}() deletes {what} ({})", clip(path, 60)),
        );
    }
}

/// The project a package is loaded into, or its history or sources: the working
/// folder itself, its `.git`, `src` or tests (`fs.rmSync(path.join(process.cwd(),
/// '.git'), { recursive: true })`), or a folder of it whose name is hidden (`hidden`:
/// decoded or built from character codes). A package cleans its own output (`dist`,
/// `build`, caches) and names it plainly.
fn project_folder(path: &str, hidden: bool) -> Option<&'static str> {
    let rest = path.strip_prefix(super::eval::CWD)?.replace('\\', "/");
    let rest = rest.trim_matches('/').trim_start_matches("./");
    match rest {
        "" | "." => Some("the project folder it runs in"),
        _ if hidden => Some("a folder of the project it runs in, named in hidden text"),
        ".git" => Some("the project's git history"),
        "src" | "test" | "tests" => Some("the project's sources"),
        _ => None,
    }
}

/// `rimraf(PATH)`, `del(PATH)`: a tree deleted by a package made for it. Returns whether
/// the call is one.
fn tree_delete(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if !TREE_DELETERS.contains(&qual) {
        return false;
    }
    let offset = call.offset;
    let Arguments {
        args, first_text, ..
    } = call.args(w);
    let hidden = args.first().is_some_and(|a| a.taint & HIDDEN != 0);
    let path = first_text.clone();
    destruction(w, qual, &path, hidden, offset);
    true
}

/// A file written, renamed or copied into place: persistence, npm's configuration, a
/// worm's workflow, a replaced package.json.
fn file_write(w: &mut Walker<'_>, m: &str, args: &[Val], path: &str, offset: u32) {
    let moved = m.starts_with("rename") || m.starts_with("copy");
    let dest = if moved {
        args.get(1).and_then(|a| a.text.clone()).unwrap_or_default()
    } else {
        path.to_owned()
    };
    w.region.wrote.get_or_insert(offset);
    let data_taint = if moved {
        0
    } else {
        args.get(1).map_or(0, |a| a.taint)
    };
    w.region.written.push((dest.clone(), data_taint));
    if !moved
        && w.region.written_text.len() < 8
        && let Some(text) = args.get(1).and_then(Val::exact_text)
        && text.len() >= 16
        && text.len() <= 1 << 20
    {
        let text = text.to_owned();
        w.region.written_text.push((dest.clone(), text));
    }
    if data_taint & Taint::DECODED != 0
        && let Some(code) = args.get(1).and_then(Val::exact_text)
    {
        let code = code.to_owned();
        w.planted_code(&code, &dest, offset);
    }
    if let Some(what) = signals::persistence_path(&dest) {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!("writes {what} ({})", clip(&dest, 80)),
        );
    }
    // npm's user configuration made to run code in every npm command.
    if dest.ends_with(".npmrc")
        && let Some(key) = args.get(1).and_then(|a| a.text.as_deref()).and_then(|t| {
            ["node-options", "script-shell", "onload-script"]
                .into_iter()
                .find(|k| t.contains(k))
        })
    {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!(
                "writes `{key}` into npm's configuration ({}): code run by every npm command",
                clip(&dest, 60)
            ),
        );
    }
    // An editor task that runs when the folder is opened (`"runOn": "folderOpen"`): a
    // command run every time the project is opened. Scaffolders write constant build
    // tasks, which say so in their text.
    if dest.replace('\\', "/").ends_with(".vscode/tasks.json")
        && args
            .get(1)
            .and_then(|a| a.text.as_deref())
            .is_none_or(|t| t.contains("folderOpen"))
    {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!(
                "writes an editor task file that can run a command whenever the folder is opened ({})",
                clip(&dest, 80)
            ),
        );
    }
    if dest.contains(".github/workflows")
        && let Some(why) = args.get(1).and_then(worm_workflow)
    {
        w.push(
            BehaviourKind::SelfPropagation,
            offset,
            format!(
                "writes a GitHub Actions workflow that {why} ({})",
                clip(&dest, 80)
            ),
        );
    }
    if dest.ends_with("package.json") && moved {
        w.push(
            BehaviourKind::SelfDelete,
            offset,
            "replaces its own package.json after running",
        );
    }
}

/// `process.dlopen(module, FILE)`: a native module loaded from a file. Returns whether the
/// call is one.
fn native_module(w: &mut Walker<'_>, qual: &str, call: &mut Call<'_, '_>) -> bool {
    if qual != "global.process.dlopen" {
        return false;
    }
    let offset = call.offset;
    let top = w.top_level();
    let target = call
        .args(w)
        .args
        .get(1)
        .and_then(|a| a.text.clone())
        .unwrap_or_default();
    w.region
        .runs
        .push((offset, top, "loaded as a native module".into(), target));
    true
}

/// The function really called and its arguments, for a call made through
/// `Reflect.construct`/`Reflect.apply` or a function's own `call`/`apply` when the
/// function is one that runs code.
fn indirect_call(
    w: &Walker<'_>,
    qual: &str,
    arguments: &[Argument<'_>],
) -> Option<(String, Vec<Val>)> {
    if !(qual.starts_with("global.Reflect.") || qual.ends_with(".call") || qual.ends_with(".apply"))
    {
        return None;
    }
    let arg = |i: usize| arguments.get(i).map(|a| w.eval_arg(a));
    match normalize(qual).as_ref() {
        "global.Reflect.construct" | "global.Reflect.apply" => {
            let target = arg(0)?.qual?;
            if !EXEC.contains(&normalize(&target).as_ref()) {
                return None;
            }
            let list = if qual.ends_with("construct") {
                arg(1)
            } else {
                arg(2)
            };
            Some((
                target,
                list.map(|l| super::fold::items(&l)).unwrap_or_default(),
            ))
        }
        q => {
            let (target, how) = q.rsplit_once('.')?;
            if !matches!(how, "call" | "apply") || !EXEC.contains(&target) {
                return None;
            }
            let args = if how == "call" {
                w.eval_args(arguments.get(1..).unwrap_or_default())
            } else {
                arg(1).map(|l| super::fold::items(&l)).unwrap_or_default()
            };
            Some((target.to_owned(), args))
        }
    }
}

/// Calls on values of unknown origin: only the method name is known.
fn method_only(
    w: &mut Walker<'_>,
    callee: &Expression<'_>,
    arguments: &[Argument<'_>],
    offset: u32,
) {
    if string_array_rotation(callee, arguments) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            "obfuscator.io string-array rotation: a['push'](a['shift']())",
        );
    }
    if let Expression::ComputedMemberExpression(m) = callee.get_inner_expression() {
        hidden_module_method(w, m, arguments, offset);
    }
    let Expression::StaticMemberExpression(m) = callee.get_inner_expression() else {
        return;
    };
    if m.property.name.as_str() == "_compile" {
        compile(w, arguments, offset);
    }
    if m.property.name.as_str() == "pipe" {
        w.region.piped = true;
    }
    super::browser::on_method(w, m, offset);
}

/// A method of a module made here (`new module.constructor()`, `new (require('module'))`)
/// called by a name that does not fold (`m[decode(k)](code, '')`): a fresh module is
/// only good for compiling code into it, and the name is hidden to hide that.
fn hidden_module_method(
    w: &mut Walker<'_>,
    m: &ast::ComputedMemberExpression<'_>,
    arguments: &[Argument<'_>],
    offset: u32,
) {
    if matches!(m.expression, Expression::StringLiteral(_)) || arguments.is_empty() {
        return;
    }
    let object = w.eval(&m.object);
    let made_here = object.qual.as_deref().is_some_and(|q| {
        matches!(
            normalize(q).as_ref(),
            "global.module.constructor" | "module" | "module.Module"
        ) && q.ends_with("()")
    });
    if !made_here || w.eval(&m.expression).exact_text().is_some() {
        return;
    }
    w.push(
        BehaviourKind::Obfuscation,
        offset,
        "calls a method of a new module by a name hidden at run time",
    );
    compile(w, arguments, offset);
}

/// `a['push'](a['shift']())`: obfuscator.io's loop that rotates its string array until a
/// checksum matches. Written with quoted property names, which people and minifiers
/// never write.
fn string_array_rotation(callee: &Expression<'_>, arguments: &[Argument<'_>]) -> bool {
    let quoted = |e: &Expression<'_>, name: &str| -> Option<String> {
        let Expression::ComputedMemberExpression(m) = e.get_inner_expression() else {
            return None;
        };
        let Expression::StringLiteral(key) = m.expression.get_inner_expression() else {
            return None;
        };
        let Expression::Identifier(object) = m.object.get_inner_expression() else {
            return None;
        };
        (key.value.as_str() == name).then(|| object.name.to_string())
    };
    let Some(array) = quoted(callee, "push") else {
        return false;
    };
    let [argument] = arguments else { return false };
    let Some(Expression::CallExpression(inner)) = argument
        .as_expression()
        .map(Expression::get_inner_expression)
    else {
        return false;
    };
    inner.arguments.is_empty() && quoted(&inner.callee, "shift").is_some_and(|a| a == array)
}

/// Whether text decoded from character codes is a URL or a command line: what a package
/// has no reason to spell in numbers.
fn command_or_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    lower.contains("://")
        || lower.contains("child_process")
        || lower.contains("require(")
        || (lower.contains(' ')
            && matches!(
                first,
                "curl"
                    | "wget"
                    | "powershell"
                    | "pwsh"
                    | "bash"
                    | "sh"
                    | "cmd"
                    | "nc"
                    | "certutil"
                    | "bitsadmin"
                    | "mshta"
                    | "rundll32"
            ))
}

/// `m._compile(code, filename)`: code compiled as a module.
fn compile(w: &mut Walker<'_>, arguments: &[Argument<'_>], offset: u32) {
    {
        let args: Vec<Val> = w.eval_args(arguments);
        let taint = args.iter().fold(0, |t, v| t | v.taint);
        if taint & Taint::DECODED != 0 {
            w.push(
                BehaviourKind::DecodeExecute,
                offset,
                "decoded data compiled as a module (_compile)",
            );
        } else if taint & Taint::DOWNLOADED != 0 {
            w.push(
                BehaviourKind::DownloadExecute,
                offset,
                "data fetched from the network compiled as a module (_compile)",
            );
        } else if args.first().is_some_and(|a| a.exact_text().is_none()) {
            w.push(
                BehaviourKind::DynamicExecute,
                offset,
                "code built at run time compiled as a module (_compile)",
            );
        }
    }
}

/// `vm.runInNewContext(code, { env: process.env, https: require('https') })`: the
/// sandbox's properties that hold node modules or the environment, as declarations the
/// code can be read after (`var https = require("https");`).
fn sandbox_prelude(w: &Walker<'_>, arguments: &[Argument<'_>]) -> String {
    let Some(Expression::ObjectExpression(o)) = arguments
        .get(1)
        .and_then(Argument::as_expression)
        .map(Expression::get_inner_expression)
    else {
        return String::new();
    };
    let mut prelude = String::new();
    for p in o.properties.iter().take(64) {
        let ast::ObjectPropertyKind::ObjectProperty(p) = p else {
            continue;
        };
        let Some(key) = p.key.static_name() else {
            continue;
        };
        if !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
        {
            continue;
        }
        let value = w.eval(&p.value);
        let Some(q) = value.qual.as_deref() else {
            continue;
        };
        let bound = if let Some(global) = q.strip_prefix("global.") {
            global.to_owned()
        } else if q.starts_with('#') || q.contains('.') {
            continue;
        } else {
            format!("require({q:?})")
        };
        prelude.push_str(&format!("var {key} = {bound};\n"));
    }
    prelude
}

/// What makes the content written into a workflow file a worm's rather than a project
/// template's: it reads the repository's secrets, talks to the network, or was decoded
/// or downloaded. Scaffolding tools write templates of builds and tests.
fn worm_workflow(content: &Val) -> Option<&'static str> {
    if content.taint & (Taint::DECODED | Taint::DOWNLOADED | Taint::SECRET) != 0 {
        return Some("is decoded, downloaded or built from secrets");
    }
    let text = content.text.as_deref()?.to_ascii_lowercase();
    if text.contains("secrets") {
        Some("reads the repository's secrets")
    } else if ["curl ", "wget ", "http://", "https://", "webhook"]
        .iter()
        .any(|k| text.contains(k))
    {
        Some("talks to the network")
    } else {
        None
    }
}

/// True when a spawn options object says `detached: true`.
fn options_detached(arguments: &[Argument<'_>]) -> bool {
    arguments.iter().any(|a| {
        let Some(Expression::ObjectExpression(o)) = a.as_expression().map(Expression::get_inner_expression) else {
            return false;
        };
        o.properties.iter().any(|p| match p {
            ast::ObjectPropertyKind::ObjectProperty(p) => {
                p.key.static_name().is_some_and(|k| k == "detached")
                    && matches!(p.value.get_inner_expression(), Expression::BooleanLiteral(b) if b.value)
            }
            ast::ObjectPropertyKind::SpreadProperty(_) => false,
        })
    })
}
