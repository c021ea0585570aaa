//! What Python calls mean: the tables of qualified names and what each call records.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::Walker;
use crate::BehaviourKind;
use crate::decode::Scheme;
use crate::signals::{self, clip};
use crate::value::{Taint, Val, normalize};

const EXEC_SINKS: &[&str] = &[
    "builtins.exec",
    "builtins.eval",
    "builtins.compile",
    "builtins.execfile",
    "types.FunctionType",
    "types.CodeType",
    "runpy.run_path",
    "code.InteractiveInterpreter.runsource",
    "code.InteractiveConsole.push",
];

const LOAD_SINKS: &[&str] = &[
    "marshal.loads",
    "pickle.loads",
    "cPickle.loads",
    "_pickle.loads",
    "dill.loads",
    "cloudpickle.loads",
];

const PROCESS: &[&str] = &[
    "subprocess.Popen",
    "subprocess.call",
    "subprocess.run",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "os.system",
    "os.popen",
    "os.posix_spawn",
    "os.startfile",
    "pty.spawn",
    "commands.getoutput",
    "commands.getstatusoutput",
    "asyncio.create_subprocess_shell",
    "asyncio.create_subprocess_exec",
    "platform.popen",
    "popen2.popen",
];

const FETCH: &[&str] = &[
    "urllib.request.urlopen",
    "urllib.request.urlretrieve",
    "urllib.urlopen",
    "urllib.urlretrieve",
    "urllib2.urlopen",
    "requests.get",
    "requests.post",
    "requests.put",
    "requests.patch",
    "requests.request",
    "requests.Session.get",
    "requests.Session.post",
    "requests.Session.put",
    "requests.Session.request",
    "requests.session.get",
    "requests.session.post",
    "httpx.get",
    "httpx.post",
    "httpx.put",
    "httpx.request",
    "httpx.stream",
    "httpx.Client.get",
    "httpx.Client.post",
    "httpx.AsyncClient.get",
    "httpx.AsyncClient.post",
    "aiohttp.ClientSession.get",
    "aiohttp.ClientSession.post",
    "aiohttp.request",
    "urllib3.PoolManager.request",
    "urllib3.request",
    "http.client.HTTPConnection.getresponse",
    "http.client.HTTPSConnection.getresponse",
    "wget.download",
    "socket.socket.recv",
    "socket.create_connection.recv",
];

const NETWORK: &[&str] = &[
    "http.client.HTTPConnection.request",
    "http.client.HTTPSConnection.request",
    "socket.socket.connect",
    "socket.socket.send",
    "socket.socket.sendall",
    "socket.socket.sendto",
    "socket.create_connection",
    "socket.create_connection.send",
    "socket.create_connection.sendall",
    "socket.gethostbyname",
    "socket.getaddrinfo",
    "dns.resolver.resolve",
    "dns.resolver.query",
    "smtplib.SMTP",
    "smtplib.SMTP_SSL",
    "smtplib.SMTP.sendmail",
    "smtplib.SMTP.send_message",
    "smtplib.SMTP_SSL.sendmail",
    "smtplib.SMTP_SSL.send_message",
    "ftplib.FTP",
    "telnetlib.Telnet",
    "pycurl.Curl",
    "websocket.create_connection",
    "paramiko.SSHClient.connect",
];

const DNS: &[&str] = &[
    "socket.gethostbyname",
    "socket.getaddrinfo",
    "dns.resolver.resolve",
    "dns.resolver.query",
];

const FILE_COPY: &[&str] = &[
    "shutil.copy",
    "shutil.copy2",
    "shutil.copyfile",
    "shutil.copytree",
    "shutil.move",
    "os.rename",
    "os.replace",
];

const SECRET_READERS: &[&str] = &[
    "glob.glob",
    "glob.iglob",
    "os.listdir",
    "os.walk",
    "os.scandir",
    "shutil.copy",
    "shutil.copy2",
    "shutil.copyfile",
    "shutil.copytree",
    "shutil.make_archive",
    "zipfile.ZipFile.write",
    "tarfile.open.add",
    "sqlite3.connect",
];

const DELETERS: &[&str] = &[
    "os.remove",
    "os.unlink",
    "shutil.rmtree",
    "pathlib.Path.unlink",
];

const ANTI_ANALYSIS_NAMES: &[&str] = &[
    "sbiedll.dll",
    "vboxservice.exe",
    "vboxtray.exe",
    "vmtoolsd.exe",
    "vmwaretray.exe",
    "vmwareuser.exe",
    "wireshark.exe",
    "procmon.exe",
    "x64dbg.exe",
    "x32dbg.exe",
    "ollydbg.exe",
    "ida64.exe",
    "fiddler.exe",
    "httpdebuggerui.exe",
    "processhacker.exe",
];

/// Modules whose import alone is a tell of an obfuscator's runtime.
const OBFUSCATOR_MODULES: &[&str] = &[
    "pytransform",
    "pyarmor_runtime",
    "pyarmor",
    "sourcedefender",
];

pub(crate) fn is_fetch(qual: &str) -> bool {
    FETCH.contains(&qual)
}

pub(crate) fn is_socket_factory(qual: &str) -> bool {
    matches!(
        qual,
        "socket.socket" | "socket.create_connection" | "socket.fromfd"
    ) || qual.starts_with("socket.socket.fileno")
        || qual.starts_with("socket.socket.accept")
}

pub(crate) fn is_method_decoder(method: &str) -> bool {
    matches!(method, "decode" | "fromhex" | "b64decode")
}

/// Which decoding a call performs, if it is a decoder.
pub(crate) fn decoder(qual: &str, method: &str, args: &[Val]) -> Option<Scheme> {
    let scheme = match qual {
        "base64.b64decode"
        | "base64.standard_b64decode"
        | "base64.decodebytes"
        | "base64.decodestring"
        | "binascii.a2b_base64" => Scheme::Base64,
        "base64.urlsafe_b64decode" => Scheme::Base64Url,
        "base64.b32decode" => Scheme::Base32,
        "base64.b16decode"
        | "binascii.unhexlify"
        | "binascii.a2b_hex"
        | "builtins.bytes.fromhex"
        | "builtins.bytearray.fromhex" => Scheme::Hex,
        "base64.b85decode" | "base64.a85decode" => Scheme::Opaque,
        "zlib.decompress"
        | "lzma.decompress"
        | "bz2.decompress"
        | "gzip.decompress"
        | "zlib.decompressobj.decompress"
        | "lzma.LZMADecompressor.decompress"
        | "bz2.BZ2Decompressor.decompress"
        // A code object read back from bytes.
        | "marshal.loads"
        | "marshal.load" => Scheme::Opaque,
        "codecs.decode" => match args
            .get(1)
            .and_then(Val::exact_text)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("rot13" | "rot_13" | "rot-13") => Scheme::Rot13,
            Some("base64" | "base_64" | "base64_codec") => Scheme::Base64,
            Some("hex" | "hex_codec") => Scheme::Hex,
            Some("zlib" | "zip" | "bz2" | "zlib_codec") => Scheme::Opaque,
            _ => return None,
        },
        _ => match method {
            "fromhex" => Scheme::Hex,
            "decode" => match args
                .first()
                .and_then(Val::exact_text)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("base64" | "base64_codec") => Scheme::Base64,
                Some("hex" | "hex_codec") => Scheme::Hex,
                Some("rot13" | "rot_13") => Scheme::Rot13,
                Some("zlib" | "zip") => Scheme::Opaque,
                _ => return None,
            },
            _ => return None,
        },
    };
    Some(scheme)
}

pub(crate) fn note_import(w: &mut Walker, module: &str, offset: u32) {
    let top = module.split('.').next().unwrap_or(module);
    if OBFUSCATOR_MODULES.contains(&top) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("imports the {top} obfuscator runtime"),
        );
    }
}

pub(crate) fn on_string(w: &mut Walker, text: &str, offset: u32) {
    // The quote opens at the literal's start, or after a one-letter prefix (`u"..."`).
    if w.escaped.binary_search(&offset).is_ok() || w.escaped.binary_search(&(offset + 1)).is_ok() {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("the text '{}' spelled in escape codes", clip(text, 60)),
        );
    }
    if !w.wallet_pattern && signals::wallet_address_pattern(text) {
        w.wallet_pattern = true;
    }
    if let Some((what, url)) = signals::suspicious_destination(text) {
        w.push(
            BehaviourKind::SuspiciousDestination,
            offset,
            format!("{what}: {url}"),
        );
    }
    // Once per place: a string built from parts is met as each part joins it.
    if signals::workflow_secret_dump(text)
        && !w
            .facts
            .behaviours
            .iter()
            .any(|b| b.kind == BehaviourKind::SecretExfiltration && b.offset == w.base + offset)
    {
        w.push(
            BehaviourKind::SecretExfiltration,
            offset,
            "a CI workflow step that sends every repository secret (toJSON(secrets)) out",
        );
    }
    if let Some(kind) = signals::encoded_blob(text) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("{kind}-encoded blob of {} characters", text.len()),
        );
    } else if signals::hidden_text(text) {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("text hidden in base64 ({} characters)", text.len()),
        );
    }
    // The names are lower case; the text is compared without a lower-cased copy.
    if text.len() < 40
        && ANTI_ANALYSIS_NAMES
            .iter()
            .any(|n| n.eq_ignore_ascii_case(text))
    {
        w.push(
            BehaviourKind::AntiAnalysis,
            offset,
            format!("looks for the analysis tool or sandbox '{text}'"),
        );
    }
}

fn keyword<'a>(call: &'a ast::ExprCall, name: &str) -> Option<&'a Expr> {
    call.arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
        .map(|k| &k.value)
}

/// Whether constant text written to a file reads as Python code that does something
/// (imports a module, runs code, starts a process), rather than data or a config file.
fn looks_like_code(text: &str) -> bool {
    text.len() >= 16
        && text.len() <= 1 << 20
        && ["import ", "exec(", "eval(", "system(", "Popen("]
            .iter()
            .any(|m| text.contains(m))
}

/// Methods that write a file, judged by name on any object (`f.write(data)`).
const WRITE_METHODS: &[&str] = &["write", "write_bytes", "write_text", "writelines"];

/// Methods that read a whole file, judged by name on any object (`path.read_text()`).
const READ_METHODS: &[&str] = &["read_text", "read_bytes"];

/// A call's evaluated arguments. Most calls of known functions match none of the checks
/// in [`on_call`], so the arguments are evaluated only when a check first needs them
/// (evaluation reads bindings, which the checks do not change; calls among the arguments
/// are visited, and judged, on their own).
struct Arguments<'c> {
    args: Vec<Val>,
    kwargs: Vec<(&'c str, Val)>,
    /// Every argument's taint.
    taint: u16,
    /// The first positional argument's text.
    first_text: Option<String>,
}

fn evaluate<'s, 'c>(
    slot: &'s mut Option<Arguments<'c>>,
    w: &Walker,
    call: &'c ast::ExprCall,
) -> &'s Arguments<'c> {
    slot.get_or_insert_with(|| {
        let args: Vec<Val> = call.arguments.args.iter().map(|a| w.eval(a)).collect();
        let kwargs: Vec<(&str, Val)> = call
            .arguments
            .keywords
            .iter()
            .map(|k| (k.arg.as_ref().map_or("", |a| a.as_str()), w.eval(&k.value)))
            .collect();
        let taint = args
            .iter()
            .chain(kwargs.iter().map(|(_, v)| v))
            .fold(0, |t, v| t | v.taint);
        let first_text = args.first().and_then(|a| a.text.clone());
        Arguments {
            args,
            kwargs,
            taint,
            first_text,
        }
    })
}

/// The texts a call that runs or loads something names: its first argument's, and each
/// item's when that is a list (`[sys.executable, path]`), exact or not.
fn run_texts(w: &Walker, call: &ast::ExprCall) -> Vec<String> {
    let Some(first) = call.arguments.args.first() else {
        return Vec::new();
    };
    let mut texts: Vec<String> = match first {
        Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => elts
            .iter()
            .take(16)
            .filter_map(|e| {
                let v = w.eval(e);
                v.text.or_else(|| v.qual.map(|q| format!("<{q}>")))
            })
            .collect(),
        _ => Vec::new(),
    };
    texts.extend(w.eval(first).text);
    // `spec_from_file_location(name, path)`, `CDLL(path)`: the path may come second.
    if let Some(second) = call.arguments.args.get(1) {
        texts.extend(w.eval(second).text);
    }
    texts
}

/// A command as the shell would see it, with the package's own files named relative to
/// the file that runs them: `os.path.join(os.path.dirname(__file__), "x.sh")` folds to
/// `<__file__>/x.sh`, which is `x.sh` beside the file (or, for a folder further up, at the
/// package root, where the followed runs also look). A bare `__file__` is left unknown.
fn script_paths(command: &str) -> String {
    command
        .replace("<__file__>/", "")
        .replace("<__file__>", "*")
}

/// The constant code of a Python interpreter started with `-c CODE`
/// (`[sys.executable, "-c", "..."]`): it runs as surely as an `exec` of it.
fn inline_python(w: &Walker, call: &ast::ExprCall) -> Option<String> {
    let (Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. })) =
        call.arguments.args.first()?
    else {
        return None;
    };
    let interpreter = w.eval(elts.first()?);
    let python = interpreter.qual.as_deref() == Some("sys.executable")
        || interpreter.exact_text().is_some_and(|t| {
            t.rsplit(['/', '\\'])
                .next()
                .is_some_and(|name| name.starts_with("python") || name.starts_with("pythonw"))
        });
    if !python {
        return None;
    }
    let at = elts
        .iter()
        .take(8)
        .position(|e| w.eval(e).exact_text() == Some("-c"))?;
    w.eval(elts.get(at + 1)?).exact_text().map(str::to_owned)
}

/// Libraries' calls that put text on the clipboard.
const CLIPBOARD_WRITERS: &[&str] = &[
    "pyperclip.copy",
    "clipboard.copy",
    "pyclip.copy",
    "xerox.copy",
    "win32clipboard.SetClipboardText",
    "win32clipboard.SetClipboardData",
];

/// Whether a call writes the clipboard, and how: a library's copy, a Tk widget's
/// `clipboard_append`, or a process of the system's clipboard tool fed the text
/// (`pbcopy`, `xclip -selection clipboard`, `xsel`, `wl-copy`, `clip`).
fn clipboard_write(
    w: &Walker,
    qual: Option<&str>,
    method: &str,
    call: &ast::ExprCall,
) -> Option<String> {
    if method == "clipboard_append" {
        return Some("clipboard_append()".into());
    }
    let qual = normalize(qual?);
    if CLIPBOARD_WRITERS.contains(&qual.as_ref()) {
        return Some(format!("{qual}()"));
    }
    if !PROCESS.contains(&qual.as_ref()) {
        return None;
    }
    let command = w.eval(call.arguments.args.first()?).text?;
    let program = command.split_whitespace().next()?;
    let program = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let writes = match program.to_ascii_lowercase().trim_end_matches(".exe") {
        "pbcopy" | "wl-copy" | "clip" => true,
        "xclip" => !command.contains(" -o"),
        "xsel" => command.contains(" -i") || command.contains("--input"),
        _ => false,
    };
    writes.then(|| format!("{program} run by {qual}()"))
}

/// Whether a command names the Python interpreter anywhere in it: `sys.executable`
/// (also transformed, `sys.executable.replace(...)`, or inside an f-string) or a word
/// `python...`.
fn names_interpreter(w: &Walker, expr: &Expr, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    let python_word = |t: &str| {
        t.split([' ', '/', '\\', '"', '\''])
            .any(|word| word.starts_with("python"))
    };
    match expr {
        Expr::Name(_) | Expr::Attribute(_) => {
            let v = w.eval(expr);
            v.qual
                .as_deref()
                .is_some_and(|q| q.starts_with("sys.executable"))
                || v.text.as_deref().is_some_and(python_word)
        }
        Expr::StringLiteral(s) => python_word(s.value.to_str()),
        Expr::Call(c) => {
            names_interpreter(w, &c.func, depth + 1)
                || c.arguments
                    .args
                    .iter()
                    .take(8)
                    .any(|a| names_interpreter(w, a, depth + 1))
        }
        Expr::FString(f) => f.value.elements().any(|e| match e {
            ast::InterpolatedStringElement::Literal(l) => python_word(&l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                names_interpreter(w, &i.expression, depth + 1)
            }
        }),
        Expr::BinOp(b) => {
            names_interpreter(w, &b.left, depth + 1) || names_interpreter(w, &b.right, depth + 1)
        }
        Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => elts
            .iter()
            .take(8)
            .any(|e| names_interpreter(w, e, depth + 1)),
        _ => false,
    }
}

/// Whether an expression assembles a string from parts (concatenation, an f-string,
/// `%` or `.format`, a join).
fn builds_name(expr: &Expr) -> bool {
    match expr {
        Expr::BinOp(_) | Expr::FString(_) => true,
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Attribute(a) if matches!(a.attr.as_str(), "join" | "format"))
        }
        _ => false,
    }
}

/// True when an expression is made from a constant blob of the package: a long string
/// or bytes literal, or a name bound to one, under calls (`b64decode(BLOB)`).
fn constant_blob(w: &Walker, expr: &Expr, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    match expr {
        Expr::StringLiteral(s) => s.value.len() >= 32,
        Expr::BytesLiteral(b) => b.value.len() >= 32,
        Expr::Name(_) | Expr::Attribute(_) => {
            w.eval(expr).exact_text().is_some_and(|t| t.len() >= 32)
        }
        Expr::Call(c) => c
            .arguments
            .args
            .iter()
            .any(|a| constant_blob(w, a, depth + 1)),
        _ => false,
    }
}

/// Callables that run the function they are given (now, or when the interpreter exits).
const RUNNERS: &[&str] = &[
    "threading.Thread",
    "threading.Timer",
    "multiprocessing.Process",
    "atexit.register",
    "_thread.start_new_thread",
    "thread.start_new_thread",
    "asyncio.run",
    "signal.signal",
];

/// Decorators that run the function they decorate by themselves (not a framework that
/// registers it for someone to call): `@atexit.register`.
pub(crate) fn runs_when_decorated(qual: &str) -> bool {
    matches!(qual, "atexit.register")
}

/// One call being judged: the callee's names and the arguments, evaluated once when a
/// check first needs them.
struct Site<'q, 'c> {
    call: &'c ast::ExprCall,
    offset: u32,
    /// The callee's qualified name normalised (`posix.system` is `os.system`).
    qual: &'q str,
    /// The attribute called (`write` of `f.write(...)`), or empty.
    method: &'c str,
    evaluated: Option<Arguments<'c>>,
}

impl<'c> Site<'_, 'c> {
    fn args(&mut self, w: &Walker) -> &Arguments<'c> {
        evaluate(&mut self.evaluated, w, self.call)
    }
}

/// Judges one call. Each concern below returns whether it recognised the call (and so
/// ends its judging); they are asked in a fixed order, the first that recognises it wins.
pub(crate) fn on_call(w: &mut Walker, call: &ast::ExprCall) {
    let offset = call.range().start().to_u32();
    let func = w.eval(&call.func);
    note_reach(w, func.qual.as_deref(), call);
    let method = match &*call.func {
        Expr::Attribute(a) => a.attr.as_str(),
        _ => "",
    };
    if let Some(what) = clipboard_write(w, func.qual.as_deref(), method, call) {
        w.clipboard_written(offset, &what);
    }
    // The arguments are evaluated once, for the package-call check and the concerns below.
    let mut evaluated = None;
    package_call(w, func.qual.as_deref(), call, offset, &mut evaluated);
    // Every check below needs the callee's name, but for a few methods judged by their
    // name alone (`f.write(...)` on any object): calls of unknown things (most of them,
    // methods of local objects) end here, their arguments unevaluated.
    if func.qual.as_deref().is_none_or(str::is_empty)
        && !WRITE_METHODS.contains(&method)
        && !READ_METHODS.contains(&method)
    {
        return;
    }
    let raw_qual = func.qual.as_deref().unwrap_or_default();
    let qual_text = normalize(raw_qual);
    let mut site = Site {
        call,
        offset,
        qual: &qual_text,
        method,
        evaluated,
    };

    // Names assembled at run time to hide what is called.
    if func.folded && func.qual.is_some() {
        w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!("calls '{raw_qual}' through a name assembled at run time"),
        );
    }

    let _ = execution(w, &mut site)
        || search_path(w, &mut site)
        || import(w, &mut site)
        || process(w, &mut site)
        || native_code(w, &mut site)
        || network(w, &mut site)
        || files(w, &mut site)
        || persistence(w, &mut site)
        || removal(w, &mut site)
        || detach(w, &site);
}

/// `sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))`: the file's
/// later imports may name modules of that folder (`import helpers` for
/// `vendor/helpers.py`). Only folders beside the file are kept.
fn search_path(w: &mut Walker, site: &mut Site) -> bool {
    let index = match site.qual {
        "sys.path.insert" => 1,
        "sys.path.append" => 0,
        _ => return false,
    };
    let folder = site
        .args(w)
        .args
        .get(index)
        .and_then(|v| v.text.as_deref())
        .and_then(|t| t.strip_prefix("<__file__>/"))
        .map(|d| d.trim_matches('/').to_owned());
    if let Some(folder) = folder
        && !folder.is_empty()
        && !folder.contains(['*', '<', '$', ':', '\\'])
        && !folder.split('/').any(|part| part == "..")
        && w.facts.search_dirs.len() < 16
        && !w.facts.search_dirs.contains(&folder)
    {
        w.facts.search_dirs.push(folder);
    }
    true
}

/// A name imported from another module is called: it may be a function of the package,
/// which then runs where this call runs; so does a function handed to something that
/// runs it (a thread, a timer, `atexit`).
fn note_reach(w: &mut Walker, qual: Option<&str>, call: &ast::ExprCall) {
    let Some(q) = qual else { return };
    if q.starts_with("builtins.") {
        return;
    }
    w.reach.external(q);
    if RUNNERS.contains(&q) {
        let args = call.arguments.args.iter();
        let kws = call.arguments.keywords.iter().map(|k| &k.value);
        for arg in args.chain(kws) {
            if let Expr::Name(n) = arg {
                w.reach.called(n.id.as_str());
            }
        }
    }
}

/// Code run from text or bytes: `exec`, `eval`, `compile` and kin, and the loaders that
/// run code while reading (`pickle.loads`, `marshal.loads`).
fn execution(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset, call) = (site.qual, site.offset, site.call);
    if EXEC_SINKS.contains(&qual) {
        let what = qual.trim_start_matches("builtins.");
        if qual == "runpy.run_path" {
            let texts = run_texts(w, call);
            w.scope()
                .runs
                .push((offset, "run with runpy.run_path()".into(), texts));
        }
        let Arguments { args, taint, .. } = site.args(w);
        if taint & Taint::DECODED != 0 {
            w.push(
                BehaviourKind::DecodeExecute,
                offset,
                if taint & Taint::DATA_FILE != 0 {
                    format!("data decoded from a file shipped in the package reaches {what}()")
                } else {
                    format!("decoded data reaches {what}()")
                },
            );
            if let Some(code) = args.first().and_then(Val::exact_text) {
                let code = code.to_owned();
                w.analyze_payload(&code, offset);
            }
        } else if taint & Taint::DOWNLOADED != 0 {
            w.push(
                BehaviourKind::DownloadExecute,
                offset,
                format!("data fetched from the network reaches {what}()"),
            );
        } else if let Some(code) = args.first().and_then(Val::exact_text) {
            // Constant code: what it does is analysed where it runs. Code spelled
            // backwards or in character codes is a payload hidden from reading.
            let code = code.to_owned();
            if taint & Taint::OBFUSCATED != 0 {
                w.push(
                    BehaviourKind::DecodeExecute,
                    offset,
                    format!("code hidden by reversal or character codes reaches {what}()"),
                );
            }
            w.analyze_payload(&code, offset);
        } else if !args.is_empty() {
            w.push(
                BehaviourKind::DynamicExecute,
                offset,
                format!("{what}() of code built at run time"),
            );
            if matches!(what, "exec" | "eval") && taint & Taint::PARAM != 0 {
                w.gated_remote_command(offset, &format!("{what}() runs as Python the"));
            }
        }
        return true;
    }
    if LOAD_SINKS.contains(&qual) {
        let taint = site.args(w).taint;
        if taint & Taint::DOWNLOADED != 0 {
            w.push(
                BehaviourKind::DownloadExecute,
                offset,
                format!("{qual}() of data fetched from the network runs code"),
            );
            return true;
        }
        // Unpickling runs code; a pickle decoded from a constant blob of the package
        // (not data handed over at run time) is a payload.
        if taint & Taint::DECODED != 0
            && !qual.starts_with("marshal.")
            && call
                .arguments
                .args
                .first()
                .is_some_and(|a| constant_blob(w, a, 0))
        {
            w.push(
                BehaviourKind::DecodeExecute,
                offset,
                format!("{qual}() of a blob decoded from the package runs code"),
            );
            return true;
        }
    }
    false
}

/// A module imported by a name given at run time (`__import__`, `importlib.import_module`).
fn import(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset) = (site.qual, site.offset);
    if !matches!(qual, "builtins.__import__" | "importlib.import_module") {
        return false;
    }
    let Arguments { args, .. } = site.args(w);
    // A module named by a constant is an import like any other.
    if let Some(name) = args.first().and_then(Val::exact_text) {
        w.facts.imports.push(name.to_owned());
    }
    match args.first() {
        Some(a) if a.folded && a.exact_text().is_some() => w.push(
            BehaviourKind::Obfuscation,
            offset,
            format!(
                "imports '{}' by a name assembled at run time",
                a.exact_text().unwrap_or_default()
            ),
        ),
        Some(a) if a.text.is_none() => {
            w.push(
                BehaviourKind::DynamicImport,
                offset,
                "imports a module named at run time",
            );
        }
        _ => {}
    }
    true
}

/// Whether a callee starts a process: the table, and the `os.spawn*`/`os.exec*` family.
fn starts_process(qual: &str) -> bool {
    PROCESS.contains(&qual)
        || ["os.spawn", "os.exec", "os.posix_spawn"].iter().any(|p| {
            qual.strip_prefix(p).is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase())
            })
        })
}

/// The C library's and Windows' own process starters, called through a library handle
/// that `ctypes` loaded (`ctypes.CDLL(find_library("c")).system(cmd)`,
/// `ctypes.windll.kernel32.WinExec(cmd, 0)`): a process started past the Python APIs
/// scanners watch. Gives the index of the argument that holds the command line.
fn native_process(qual: &str) -> Option<usize> {
    let (lib, func) = qual.strip_prefix("ctypes.")?.rsplit_once('.')?;
    // A function of a loaded library: `CDLL(...)`, `cdll.LoadLibrary(...)`, `cdll.msvcrt`,
    // `windll.kernel32`; not a name of `ctypes` itself (`ctypes.util.find_library`).
    if lib.is_empty() || lib.starts_with("util") {
        return None;
    }
    match func {
        "system" | "_wsystem" | "popen" | "_popen" | "_wpopen" | "execv" | "execve" | "execvp"
        | "execvpe" | "execl" | "execle" | "execlp" | "posix_spawn" | "posix_spawnp"
        | "WinExec" | "CreateProcessA" | "CreateProcessW" => Some(
            usize::from(func.starts_with("posix_spawn"))
                + usize::from(func.starts_with("CreateProcess")),
        ),
        "ShellExecuteA" | "ShellExecuteW" => Some(2),
        _ => None,
    }
}

/// Processes: what a started command does, how it is started (hidden, wired to a
/// socket), streams redirected to a socket, files made executable.
fn process(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset, call) = (site.qual, site.offset, site.call);
    let native = native_process(qual);
    if starts_process(qual) || native.is_some() {
        let Arguments {
            args,
            kwargs,
            taint,
            first_text,
        } = site.args(w);
        // Through a library handle the command may sit further on; its text is bytes or
        // a wide string, the same text either way.
        let native_text;
        let first_text = match native {
            Some(i) if i > 0 => {
                native_text = args.get(i).and_then(|a| a.text.clone());
                &native_text
            }
            _ => first_text,
        };
        // A command line made wholly by the caller, run through a shell: whatever string
        // reaches the function runs.
        let through_shell = native
            .is_some_and(|_| qual.ends_with("system") || qual.ends_with("popen"))
            || matches!(
                qual,
                "os.system"
                    | "os.popen"
                    | "subprocess.getoutput"
                    | "subprocess.getstatusoutput"
                    | "commands.getoutput"
                    | "commands.getstatusoutput"
                    | "asyncio.create_subprocess_shell"
            )
            || matches!(keyword(call, "shell"), Some(Expr::BooleanLiteral(b)) if b.value);
        if through_shell
            && matches!(call.arguments.args.first(), Some(ast::Expr::Name(_)))
            && args
                .first()
                .is_some_and(|a| a.taint & Taint::PARAM != 0 && a.text.is_none())
        {
            w.push(
                BehaviourKind::RawCapability,
                offset,
                format!("runs any shell command its caller passes ({qual}())"),
            );
        }
        if through_shell
            && first_text.is_none()
            && args.first().is_some_and(|a| a.taint & Taint::PARAM != 0)
        {
            w.gated_remote_command(offset, &format!("{qual}() runs as a shell command the"));
        }
        let mut command = script_paths(first_text.as_deref().unwrap_or_default());
        // `[sys.executable, "-m", ...]`: the interpreter has no text of its own.
        if command.starts_with(' ') && starts_with_interpreter(w, call) {
            command.insert_str(0, "python");
        }
        for (kind, detail) in crate::flow::process_start(qual, &command, *taint, &mut w.facts.runs)
        {
            w.push(kind, offset, detail);
        }
        if let Some(code) = inline_python(w, call) {
            w.analyze_payload(&code, offset);
        }
        if super::eval::is_identity_command(&command) {
            w.push(
                BehaviourKind::HostRecon,
                offset,
                format!(
                    "{qual}() runs `{}`: who and where the host is",
                    clip(command.trim(), 60)
                ),
            );
        }
        if *taint & (Taint::OBFUSCATED | Taint::DECODED) == Taint::OBFUSCATED && !command.is_empty()
        {
            w.push(
                BehaviourKind::DecodeExecute,
                offset,
                format!("{qual}() runs a command hidden by reversal or character codes"),
            );
        }
        if kwargs.iter().any(|(_, v)| v.taint & Taint::SOCKET != 0)
            || (qual == "pty.spawn" && w.scopes.iter().any(|s| s.socket.is_some()))
        {
            w.push(
                BehaviourKind::ReverseShell,
                offset,
                "a shell wired to a network socket",
            );
        }
        if hidden_start(call, kwargs) {
            w.push(
                BehaviourKind::HiddenProcess,
                offset,
                format!("{qual}() starts a hidden or detached process"),
            );
        } else if silenced(kwargs) {
            w.push(
                BehaviourKind::HiddenProcess,
                offset,
                format!("{qual}() starts a process with its input and output all discarded"),
            );
        }
        let mut texts = run_texts(w, call);
        if call
            .arguments
            .args
            .first()
            .is_some_and(|a| names_interpreter(w, a, 0))
        {
            texts.push("<sys.executable>".into());
        }
        w.scope()
            .runs
            .push((offset, format!("run with {qual}()"), texts));
        return true;
    }
    if qual == "os.dup2" && site.args(w).taint & Taint::SOCKET != 0 {
        w.push(
            BehaviourKind::ReverseShell,
            offset,
            "standard streams redirected to a socket",
        );
        return true;
    }
    if matches!(qual, "os.chmod" | "os.fchmod") {
        // A mode without execute bits (`0o600`) makes nothing runnable.
        if call
            .arguments
            .args
            .get(1)
            .and_then(|m| w.int_of(m, &[]))
            .is_some_and(|mode| mode & 0o111 == 0)
        {
            return true;
        }
        let texts = run_texts(w, call);
        w.scope()
            .runs
            .push((offset, "made executable with os.chmod()".into(), texts));
        return true;
    }
    false
}

/// Whether a command given as a list starts with `sys.executable`.
fn starts_with_interpreter(w: &Walker, call: &ast::ExprCall) -> bool {
    let Some(Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. })) =
        call.arguments.args.first()
    else {
        return false;
    };
    elts.first()
        .is_some_and(|e| w.eval(e).qual.as_deref() == Some("sys.executable"))
}

/// Whether a process is started with its input, output and errors all sent to the null
/// device (`stdin=`, `stdout=`, `stderr=subprocess.DEVNULL`): nothing it does is seen and
/// nothing is asked of it, the way a dropper starts its payload. Tools run for their
/// result keep an output; a check that a tool exists silences two streams, not three.
fn silenced(kwargs: &[(&str, Val)]) -> bool {
    ["stdin", "stdout", "stderr"].iter().all(|name| {
        kwargs
            .iter()
            .any(|(k, v)| k == name && v.qual.as_deref().is_some_and(|q| q == "subprocess.DEVNULL"))
    })
}

/// Whether a process is started without a window or detached from its parent.
fn hidden_start(call: &ast::ExprCall, kwargs: &[(&str, Val)]) -> bool {
    kwargs.iter().any(|(k, v)| {
        (*k == "creationflags"
            && v.qual
                .as_deref()
                .is_some_and(|q| q.contains("NO_WINDOW") || q.contains("DETACHED")))
            || (*k == "start_new_session"
                && matches!(keyword(call, k), Some(Expr::BooleanLiteral(b)) if b.value))
            || *k == "startupinfo"
    }) || call.arguments.keywords.iter().any(|k| {
        k.arg
            .as_ref()
            .is_some_and(|a| a.as_str() == "creationflags")
            && matches!(&k.value, Expr::NumberLiteral(_))
    })
}

/// Machine code and native libraries: memory made executable, libraries and modules
/// loaded from a path, debugger checks.
fn native_code(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset, call) = (site.qual, site.offset, site.call);
    if qual.starts_with("ctypes.")
        && (qual.contains("VirtualAlloc")
            || qual.contains("CreateThread")
            || qual.contains("RtlMoveMemory"))
    {
        let kind = if site.args(w).taint & Taint::DECODED != 0 {
            BehaviourKind::DecodeExecute
        } else {
            BehaviourKind::DynamicExecute
        };
        w.push(
            kind,
            offset,
            format!("{qual}(): machine code placed in memory and run"),
        );
        return true;
    }
    if matches!(
        qual,
        "ctypes.CDLL"
            | "ctypes.cdll.LoadLibrary"
            | "ctypes.WinDLL"
            | "ctypes.windll.LoadLibrary"
            | "importlib.util.spec_from_file_location"
            | "imp.load_source"
            | "imp.load_dynamic"
            | "zipimport.zipimporter"
    ) {
        if site.args(w).taint & Taint::DOWNLOADED != 0 {
            w.push(
                BehaviourKind::DownloadExecute,
                offset,
                format!("{qual}() loads data fetched from the network"),
            );
        }
        if qual == "zipimport.zipimporter"
            && let Some(path) = site.args(w).first_text.as_deref()
            && let Some(inside) = path.strip_prefix("<__file__>/")
            && !inside.contains('*')
            && !is_code_archive_name(inside)
        {
            let shown = clip(inside, 60);
            w.push(
                BehaviourKind::Obfuscation,
                offset,
                format!("imports code from a zip archive the package ships under a data file's name ({shown})"),
            );
        }
        let texts = run_texts(w, call);
        w.scope()
            .runs
            .push((offset, format!("loaded with {qual}()"), texts));
        return true;
    }
    if qual.ends_with("IsDebuggerPresent") || qual.ends_with("CheckRemoteDebuggerPresent") {
        w.push(
            BehaviourKind::AntiAnalysis,
            offset,
            "checks for an attached debugger",
        );
        return true;
    }
    false
}

/// Whether a file's name says it is an archive of Python code (`.zip`, `.egg`, `.whl`,
/// `.pyz`): what `zipimport` is made for, as opposed to a zip shipped as `tables.dat`,
/// whose code no reader of the package expects.
fn is_code_archive_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".zip", ".egg", ".whl", ".pyz", ".jar"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Modules that are never the package's own, skipped before the package resolves names.
const COMMON_LIBRARIES: &[&str] = &[
    "os",
    "sys",
    "re",
    "json",
    "subprocess",
    "socket",
    "base64",
    "urllib",
    "http",
    "io",
    "zipfile",
    "tarfile",
    "shutil",
    "time",
    "platform",
    "pathlib",
    "builtins",
    "typing",
    "logging",
    "collections",
    "functools",
    "itertools",
    "hashlib",
    "struct",
    "math",
    "random",
    "string",
    "threading",
    "tempfile",
    "glob",
    "importlib",
    "inspect",
    "codecs",
    "zlib",
    "datetime",
    "ctypes",
    "requests",
    "setuptools",
    "distutils",
    "sqlite3",
    "argparse",
    "getpass",
    "pickle",
    "marshal",
    "types",
    "warnings",
    "textwrap",
];

/// The name of the function of the package a call calls, if it may be one: a function
/// of this file (`emit(...)`), or one of a module it imports (`net.publish(...)`, as
/// `_util.net.publish`); the package resolves the latter.
fn package_callee<'a>(w: &Walker, qual: Option<&'a str>, callee: &'a Expr) -> Option<&'a str> {
    match (qual, callee) {
        (None, Expr::Name(n)) if w.reach.lookup(n.id.as_str()).is_some() => Some(n.id.as_str()),
        (Some(q), _) if q.contains('.') && !q.contains("()") && !q.starts_with(['#', '?']) => {
            let root = q.split('.').next().unwrap_or(q);
            (!COMMON_LIBRARIES.contains(&root)).then_some(q)
        }
        _ => None,
    }
}

/// A call of a function of the package that hands it secrets (`emit(key, os.environ[key])`),
/// or what another function of the package returns (`publish(gather())`): joined, for the
/// package, with what the callee does with its parameters.
fn package_call<'c>(
    w: &mut Walker,
    qual: Option<&str>,
    call: &'c ast::ExprCall,
    offset: u32,
    evaluated: &mut Option<Arguments<'c>>,
) {
    if w.facts.secret_calls.len() >= 256 || w.facts.handoffs.len() >= 256 {
        return;
    }
    // A thread, timer or process started on a function of the file: the function is
    // called, handed what `args` holds.
    if let Some(q) = qual
        && let Some((target, handed)) = started_function(w, q, call)
    {
        let taint = handed.iter().fold(0, |t, e| t | w.eval(e).taint);
        handed_over(w, target, taint, offset, true);
        return;
    }
    let Some(callee) = package_callee(w, qual, &call.func) else {
        return;
    };
    let arguments = evaluate(evaluated, w, call);
    let taint = arguments.taint;
    // A destination the caller names, an ordinary service's address: the secret goes
    // where the caller says (`request(api_url, token)`, a client authenticating).
    let named_service = arguments
        .args
        .iter()
        .chain(arguments.kwargs.iter().map(|(_, v)| v))
        .any(|v| {
            v.text.as_deref().is_some_and(|t| {
                (t.starts_with("https://") || t.starts_with("http://"))
                    && signals::suspicious_destination(t).is_none()
            })
        });
    let mut sources = Vec::new();
    let values = call
        .arguments
        .args
        .iter()
        .chain(call.arguments.keywords.iter().map(|k| &k.value));
    for arg in values {
        if let Expr::Call(inner) = arg {
            let q = w.eval(&inner.func).qual;
            if let Some(source) = package_callee(w, q.as_deref(), &inner.func) {
                sources.push(source.to_owned());
            }
        }
    }
    if named_service {
        return;
    }
    if sources.is_empty() {
        handed_over(w, callee, taint, offset, false);
        return;
    }
    let secret = taint & (Taint::SECRET | Taint::REQUEST) != 0;
    let at = crate::model::SecretCall::new(callee, w.base + offset, w.top_level(), w.reach.current);
    for source in sources {
        w.facts.handoffs.push(crate::model::Handoff {
            call: at.clone(),
            source,
        });
    }
    if secret {
        w.facts.secret_calls.push(at);
    }
}

/// `callee`, a function of the package, handed values carrying `taint` at `offset`:
/// secrets (or a request a replaced send function was handed) are a secret call, joined
/// with what the callee does with them. A function's own parameters handed to a thread
/// it starts (`started`) make the function send what it is given when the thread's
/// function does; ordinary calls are not followed so (helpers pass their parameters on
/// everywhere, and a local server's handshake would read as sending).
fn handed_over(w: &mut Walker, callee: &str, taint: u16, offset: u32, started: bool) {
    if taint & (Taint::SECRET | Taint::REQUEST) != 0 {
        // A replaced send function handing the request on, for its helpers to send.
        if w.in_request_hook && w.request_copy.is_none() {
            w.request_copy = Some(offset);
        }
        let at =
            crate::model::SecretCall::new(callee, w.base + offset, w.top_level(), w.reach.current);
        w.facts.secret_calls.push(at);
    }
    let f = w.reach.current;
    if started
        && taint & Taint::PARAM != 0
        && !w.top_level()
        && f < crate::reach::UNKNOWN
        && w.facts.param_forwards.len() < 256
        && !w
            .facts
            .param_forwards
            .iter()
            .any(|(g, c)| *g == f && c == callee)
    {
        w.facts.param_forwards.push((f, callee.to_owned()));
    }
}

/// `threading.Thread(target=f, args=(x,))`, `threading.Timer(5, f, [x])`,
/// `_thread.start_new_thread(f, (x,))`: the function of the file started, and the
/// expressions of what it is handed.
fn started_function<'c>(
    w: &Walker,
    qual: &str,
    call: &'c ast::ExprCall,
) -> Option<(&'c str, Vec<&'c Expr>)> {
    // The target's keyword and position, and the position of its arguments.
    let (keyword, at, args_at) = match qual {
        "threading.Thread" | "multiprocessing.Process" => ("target", 1, 3),
        "threading.Timer" => ("function", 1, 2),
        "_thread.start_new_thread" | "thread.start_new_thread" => ("function", 0, 1),
        _ => return None,
    };
    let named = |name: &str| {
        call.arguments
            .keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
            .map(|k| &k.value)
    };
    let Expr::Name(target) = named(keyword).or_else(|| call.arguments.args.get(at))? else {
        return None;
    };
    w.reach.lookup(target.id.as_str())?;
    let mut handed: Vec<&Expr> = call.arguments.args.iter().skip(args_at).take(2).collect();
    handed.extend(named("args"));
    handed.extend(named("kwargs"));
    Some((target.id.as_str(), handed))
}

/// The network: fetches, sockets, DNS lookups, and files downloaded to disk.
fn network(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset, call) = (site.qual, site.offset, site.call);
    if qual == "pycurl.Curl.setopt" {
        curl_upload(w, site);
        return true;
    }
    let is_fetch = is_fetch(qual);
    if !(is_fetch || NETWORK.contains(&qual) || is_socket_factory(qual)) {
        return false;
    }
    let Arguments {
        args,
        taint,
        first_text,
        ..
    } = site.args(w);
    let dns = DNS.contains(&qual);
    // Looking up the host's own name (`gethostbyname(gethostname())`, or of a helper
    // that returns it) sends it nowhere: a DNS leak builds a name under someone's
    // zone (`f"{data}.zone"`, `data + ".zone"`, `".".join([...])`).
    let own_name = dns
        && args.first().is_some_and(|a| a.text.is_none())
        && call.arguments.args.first().is_some_and(|e| !builds_name(e));
    let taint = if own_name {
        *taint & !Taint::HOST
    } else {
        *taint
    };
    if matches!(qual, "socket.socket" | "socket.create_connection") {
        w.scope().socket = Some(offset);
    }
    let url = first_text.clone().unwrap_or_default();
    // Creating a socket or receiving is not yet talking to anyone.
    let quiet = qual == "socket.socket" || qual.ends_with(".recv");
    for (kind, detail) in crate::flow::network_call(qual, &url, taint, dns) {
        if !(quiet && kind == BehaviourKind::Network) {
            w.push(kind, offset, detail);
        }
    }
    // What a function's parameters hold reaches the network: what its callers hand it
    // is sent.
    if taint & Taint::PARAM != 0 && !quiet && !w.top_level() {
        let f = w.reach.current;
        if f < crate::reach::UNKNOWN && !w.facts.param_sends.contains(&f) {
            w.facts.param_sends.push(f);
        }
    }
    if qual.ends_with("urlretrieve") || qual == "wget.download" {
        let path = site.args(w).args.get(1).and_then(|a| a.text.clone());
        let scope = w.scope();
        scope.downloaded_write.get_or_insert(offset);
        if scope.written.len() < super::MAX_WRITTEN {
            scope.written.push(super::Written {
                offset,
                path,
                taint: Taint::DOWNLOADED,
                content: None,
            });
        }
    }
    true
}

/// `curl.setopt(pycurl.HTTPPOST, [("f", (pycurl.FORM_FILE, path))])` (or the body given
/// as `POSTFIELDS`, `READDATA`): what libcurl sends when the request is performed. A
/// `FORM_FILE` part uploads the file it names; secrets, or the paths of credential files
/// (which a `FORM_FILE` part reads), set as the body are sent.
fn curl_upload(w: &mut Walker, site: &mut Site) {
    let offset = site.offset;
    let Arguments { args, .. } = site.args(w);
    let (Some(option), Some(body)) = (args.first(), args.get(1)) else {
        return;
    };
    let Some(option) = option
        .qual
        .as_deref()
        .and_then(|q| q.strip_prefix("pycurl."))
        .map(str::to_owned)
    else {
        return;
    };
    let body_taint = body.taint;
    if !matches!(
        option.as_str(),
        "HTTPPOST" | "POSTFIELDS" | "COPYPOSTFIELDS" | "READDATA" | "MIMEPOST"
    ) {
        return;
    }
    let secret_file = site
        .call
        .arguments
        .args
        .get(1)
        .and_then(|form| form_file(w, form, 0));
    if let Some((what, path)) = secret_file {
        w.push(
            BehaviourKind::SecretExfiltration,
            offset,
            format!("uploads {what} ({}) with pycurl", clip(&path, 60)),
        );
    } else if body_taint & Taint::SECRET != 0 {
        w.push(
            BehaviourKind::SecretExfiltration,
            offset,
            format!("secrets sent with pycurl ({option})"),
        );
    }
}

/// A `(pycurl.FORM_FILE, path)` part of a literal form whose path names a credential
/// file: what it is, and the path.
fn form_file(w: &Walker, form: &Expr, depth: u32) -> Option<(&'static str, String)> {
    let (Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. })) = form
    else {
        return None;
    };
    if depth > 3 {
        return None;
    }
    if let [kind, path, ..] = elts.as_slice()
        && w.eval(kind).qual.as_deref() == Some("pycurl.FORM_FILE")
    {
        let path = w.eval(path).text?;
        return signals::secret_path(&path).map(|what| (what, path));
    }
    elts.iter()
        .take(32)
        .find_map(|e| form_file(w, e, depth + 1))
}

/// Files: opened for reading a secret or writing a persistence place, written with
/// decoded, downloaded or code content, read whole, copied, listed.
fn files(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset, call, method) = (site.qual, site.offset, site.call, site.method);
    if matches!(
        qual,
        "builtins.open" | "io.open" | "codecs.open" | "pathlib.Path.open" | "os.open"
    ) {
        opened(w, site);
        return true;
    }
    if WRITE_METHODS.contains(&method) {
        written(w, site);
        return true;
    }
    if READ_METHODS.contains(&method)
        && let Expr::Attribute(a) = &*call.func
        && let Some(path) = w.eval(&a.value).text
        && let Some(what) = signals::secret_path(&path)
    {
        w.push(
            BehaviourKind::SecretRead,
            offset,
            format!("reads {what} ({})", clip(&path, 80)),
        );
        return true;
    }
    if FILE_COPY.contains(&qual)
        && let Some(dest) = site.args(w).args.get(1).and_then(|a| a.text.as_deref())
        && let Some(what) = signals::persistence_path(dest)
    {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!("copies itself to {what} ({})", clip(dest, 80)),
        );
        return true;
    }
    if SECRET_READERS.contains(&qual)
        && let Some(path) = site.args(w).args.first().and_then(|a| a.text.as_deref())
        && let Some(what) = signals::secret_path(path)
    {
        w.push(
            BehaviourKind::SecretRead,
            offset,
            format!("reads {what} ({})", clip(path, 80)),
        );
        // Listing, walking or copying a credential folder takes all it holds.
        w.gathering_read();
        return true;
    }
    false
}

/// `open(path, mode)`: a secret read, or a persistence place written.
fn opened(w: &mut Walker, site: &mut Site) {
    let (qual, offset, call) = (site.qual, site.offset, site.call);
    let Arguments {
        args,
        kwargs,
        first_text,
        ..
    } = site.args(w);
    let path = if qual == "pathlib.Path.open" {
        w.eval(match &*call.func {
            Expr::Attribute(a) => &a.value,
            other => other,
        })
        .text
    } else {
        first_text.clone()
    };
    let mode = args
        .get(1)
        .and_then(|a| a.exact_text().map(str::to_owned))
        .or_else(|| {
            kwargs
                .iter()
                .find(|(k, _)| *k == "mode")
                .and_then(|(_, v)| v.exact_text().map(str::to_owned))
        })
        .unwrap_or_else(|| "r".into());
    let Some(path) = path else { return };
    let writes = mode.contains(['w', 'a', 'x', '+']);
    if writes && let Some((top, rest, what)) = super::every_file_under(&path) {
        if mode.contains(['w', 'x']) && rest == "/*" {
            w.push(
                BehaviourKind::Destruction,
                offset,
                format!("overwrites every file under {what} ({})", clip(top, 60)),
            );
            return;
        }
        // A hook runs at every commit in that repository: planted in each one found,
        // not in the project's own (as hook managers do when asked).
        if rest.contains(".git/hooks/") {
            w.push(
                BehaviourKind::Persistence,
                offset,
                format!(
                    "plants a git hook in every repository under {what} ({})",
                    clip(top, 60)
                ),
            );
            return;
        }
    }
    // Code of every installed package (`<site-packages>/*/__init__.py`): what the
    // package writes there runs whenever any of them is imported, after it is gone.
    if writes
        && let Some(rest) = path.strip_prefix(super::SITE_PACKAGES)
        && rest.starts_with("/*/")
        && rest.ends_with(".py")
    {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!(
                "writes into the code of other installed packages ({})",
                clip(&path, 80)
            ),
        );
        return;
    }
    if writes && let Some(what) = signals::persistence_path(&path) {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!("writes {what} ({})", clip(&path, 80)),
        );
    } else if !writes && let Some(what) = signals::secret_path(&path) {
        w.push(
            BehaviourKind::SecretRead,
            offset,
            format!("reads {what} ({})", clip(&path, 80)),
        );
        // A path made of several candidates (a loop over credential files).
        if qual != "pathlib.Path.open" && args.first().is_some_and(|a| !a.exact) {
            w.gathering_read();
        }
    }
}

/// `f.write(data)` and kin on any object: what is written (decoded, downloaded or code),
/// remembered for a later run of the file, and a persistence place written.
fn written(w: &mut Walker, site: &mut Site) {
    let (offset, call, method) = (site.offset, site.call, site.method);
    let Arguments { args, taint, .. } = site.args(w);
    let taint = *taint;
    let content = args.first().and_then(Val::exact_text).map(str::to_owned);
    let receiver = match &*call.func {
        Expr::Attribute(a) => w.eval(&a.value),
        _ => Val::default(),
    };
    if taint & Taint::DOWNLOADED != 0 {
        let scope = w.scope();
        scope.downloaded_write.get_or_insert(offset);
    }
    // JavaScript written where something runs it: decoded first, or into a place that
    // runs at every start (a desktop client's startup module). Analysed as JavaScript.
    if let (Some(path), Some(code)) = (&receiver.text, &content)
        && is_script_path(path)
        && (taint & Taint::DECODED != 0 || signals::persistence_path(path).is_some())
    {
        w.analyze_written_script(code, path, offset);
    }
    // Code written out as a constant (a stage two dropped into a temporary file) is
    // remembered too: an interpreter later run on the file runs it.
    let constant_code =
        taint & !Taint::PARAM == 0 && content.as_deref().is_some_and(looks_like_code);
    if taint & (Taint::DECODED | Taint::DOWNLOADED | Taint::DATA_FILE) != 0 || constant_code {
        let scope = w.scope();
        if scope.written.len() < super::MAX_WRITTEN {
            scope.written.push(super::Written {
                offset,
                path: receiver.text.clone(),
                taint: taint & (Taint::DECODED | Taint::DOWNLOADED | Taint::DATA_FILE),
                content: content.filter(|c| c.len() <= 1 << 20),
            });
        }
    }
    if method != "write"
        && let Some(path) = &receiver.text
        && let Some(what) = signals::persistence_path(path)
    {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!("writes {what} ({})", clip(path, 80)),
        );
    }
}

/// A path naming a JavaScript file (`.js`, `.mjs`, `.cjs`).
fn is_script_path(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        ext.eq_ignore_ascii_case("js")
            || ext.eq_ignore_ascii_case("mjs")
            || ext.eq_ignore_ascii_case("cjs")
    })
}

/// The Windows registry: a Run key named in a `winreg` call.
fn persistence(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset) = (site.qual, site.offset);
    if !(qual.starts_with("winreg.") || qual.starts_with("_winreg.")) {
        return false;
    }
    if site.args(w).args.iter().any(|a| {
        a.text
            .as_deref()
            .and_then(signals::persistence_path)
            .is_some()
    }) {
        w.push(
            BehaviourKind::Persistence,
            offset,
            format!("{qual}() on a Windows Run key"),
        );
    }
    true
}

/// Deletion: of what destroys the user's data or system, or of the running file itself.
fn removal(w: &mut Walker, site: &mut Site) -> bool {
    let (qual, offset) = (site.qual, site.offset);
    if !DELETERS.contains(&qual) {
        return false;
    }
    let Some(path) = site.args(w).args.first().and_then(|a| a.text.as_deref()) else {
        return false;
    };
    if let Some((top, "/*", what)) = super::every_file_under(path) {
        w.push(
            BehaviourKind::Destruction,
            offset,
            format!(
                "{qual}() deletes every file under {what} ({})",
                clip(top, 60)
            ),
        );
        return true;
    }
    if let Some(what) = signals::destroyed_by_removal(path) {
        w.push(
            BehaviourKind::Destruction,
            offset,
            format!("{qual}() deletes {what} ({})", clip(path, 60)),
        );
        return true;
    }
    if path == "<__file__>" {
        w.push(
            BehaviourKind::SelfDelete,
            offset,
            format!("{qual}() deletes the running file"),
        );
        return true;
    }
    false
}

/// A process that detaches from its parent (`os.fork`, `os.setsid`, a daemon context).
fn detach(w: &mut Walker, site: &Site) -> bool {
    let (qual, offset) = (site.qual, site.offset);
    if matches!(qual, "os.fork" | "os.setsid" | "os.daemon") || qual == "daemon.DaemonContext" {
        w.push(
            BehaviourKind::HiddenProcess,
            offset,
            format!("{qual}(): detaches from the parent process"),
        );
        return true;
    }
    false
}
