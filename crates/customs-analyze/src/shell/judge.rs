//! What commands do, the same for every dialect: the bash walker, the batch tokenizer and
//! the PowerShell tokenizer all hand [`Command`]s here, in the order they run.

use crate::BehaviourKind as K;
use crate::signals::{self, clip};
use crate::value::Taint;

use super::ShellFacts;

/// A behaviour found in a script, at a byte offset of the text analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it does.
    pub kind: K,
    /// Where (byte offset in the script or command line).
    pub offset: u32,
    /// What exactly.
    pub detail: String,
}

/// One word of a command as the shell passes it: quotes removed, known variables
/// substituted, unknown expansions left as written (`$HOME/.ssh` stays recognisable).
#[derive(Debug, Clone, Default)]
pub(crate) struct Word {
    pub text: String,
    /// What its substitutions or variables carry ([`Taint`] bits).
    pub taint: u16,
    /// Written as constant text (no expansion or substitution in it).
    pub literal: bool,
}

impl Word {
    pub(crate) fn literal(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            taint: 0,
            literal: true,
        }
    }
}

/// A simple command about to run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Command {
    /// Its words; the first is the program.
    pub words: Vec<Word>,
    /// Byte offset of the command.
    pub offset: u32,
    /// What its standard input carries (from a pipe, a file or a here-string).
    pub stdin: u16,
    /// Its output is read by something (a pipe, a substitution or a redirect).
    pub output_used: bool,
}

const SHELLS: &[&str] = &["sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "busybox"];
const DOWNLOADERS: &[&str] = &[
    "curl",
    "wget",
    "fetch",
    "aria2c",
    "lwp-download",
    "invoke-webrequest",
    "iwr",
    "invoke-restmethod",
    "irm",
    "start-bitstransfer",
    "certutil",
    "bitsadmin",
    "tftp",
];
const NETCATS: &[&str] = &[
    "nc",
    "ncat",
    "netcat",
    "nc.traditional",
    "nc.openbsd",
    "socat",
    "telnet",
    "cryptcat",
];
const MINERS: &[&str] = &[
    "xmrig",
    "xmr-stak",
    "xmr-stak-cpu",
    "cpuminer",
    "minerd",
    "ccminer",
    "t-rex",
    "nbminer",
    "lolminer",
    "phoenixminer",
    "ethminer",
    "nanominer",
    "gminer",
];
/// Commands that read the files named in their arguments.
const READERS: &[&str] = &[
    "cat",
    "head",
    "tail",
    "less",
    "more",
    "cp",
    "scp",
    "rsync",
    "tar",
    "zip",
    "7z",
    "base64",
    "xxd",
    "od",
    "strings",
    "gzip",
    "grep",
    "awk",
    "openssl",
    "gpg",
    "type",
    "copy",
    "xcopy",
    "curl",
    "wget",
    "nc",
    "ncat",
    "get-content",
    "gc",
    "copy-item",
];
/// Programs that look a name up in DNS: what a name carries reaches its server.
const DNS_TOOLS: &[&str] = &["nslookup", "dig", "host", "ping", "ping6", "drill", "kdig"];
const NETWORK_SENDERS: &[&str] = &[
    "curl",
    "wget",
    "nc",
    "ncat",
    "netcat",
    "socat",
    "telnet",
    "invoke-webrequest",
    "iwr",
    "invoke-restmethod",
    "irm",
    "scp",
    "rsync",
    "ftp",
    "sendmail",
    "mail",
];

/// The program of a word: its last path component, lower-cased, without `.exe`.
pub(crate) fn program(word: &str) -> String {
    let base = word.rsplit(['/', '\\']).next().unwrap_or(word);
    let lower = base.to_ascii_lowercase();
    lower
        .strip_suffix(".exe")
        .map_or(lower.clone(), str::to_owned)
}

/// The address `pip install` (or `python -m pip install`) is given, when it is one: a URL
/// or a version-control reference, whose package builds and runs its own code during the
/// install with nothing an index keeps to check it against. Names and files are not.
fn pip_install_from_address(prog: &str, args: &[Word]) -> Option<String> {
    let rest = if prog.starts_with("pip") {
        args
    } else if prog.starts_with("python") || prog == "<sys.executable>" {
        let at = args.iter().position(|a| a.text == "-m")?;
        let module = args.get(at + 1)?;
        if module.text != "pip" {
            return None;
        }
        &args[at + 2..]
    } else {
        return None;
    };
    let verb = rest.iter().position(|a| !a.text.starts_with('-'))?;
    if rest[verb].text != "install" {
        return None;
    }
    rest[verb + 1..]
        .iter()
        .map(|a| a.text.as_str())
        .find(|t| {
            let t = t.to_ascii_lowercase();
            t.starts_with("http://")
                || t.starts_with("https://")
                || t.starts_with("git+")
                || t.starts_with("hg+")
                || t.starts_with("svn+")
                || t.contains(" @ http")
        })
        .map(str::to_owned)
}

fn is_interpreter(p: &str) -> bool {
    SHELLS.contains(&p)
        || p.starts_with("python")
        || matches!(
            p,
            "node" | "nodejs" | "perl" | "ruby" | "php" | "lua" | "pwsh" | "powershell"
        )
}

/// Judges commands in the order they run, remembering what earlier ones left behind
/// (downloaded and decoded files, background jobs).
pub(crate) struct Judge {
    pub facts: ShellFacts,
    downloaded: Vec<String>,
    decoded: Vec<String>,
    backgrounds: Vec<(u32, String)>,
    waits: bool,
    starts: u32,
}

impl Judge {
    pub(crate) fn new() -> Self {
        Self {
            facts: ShellFacts::default(),
            downloaded: Vec::new(),
            decoded: Vec::new(),
            backgrounds: Vec::new(),
            waits: false,
            starts: 0,
        }
    }

    fn push(&mut self, kind: K, offset: u32, detail: impl Into<String>) {
        self.facts.push(kind, offset, detail);
    }

    /// The findings, once every command has been judged: jobs left in the background
    /// count only when the script never waits for them.
    pub(crate) fn finish(mut self) -> ShellFacts {
        if !self.waits {
            for (offset, what) in std::mem::take(&mut self.backgrounds) {
                self.push(
                    K::HiddenProcess,
                    offset,
                    format!("`{what}` left running in the background"),
                );
            }
        }
        self.facts.downloads.append(&mut self.downloaded);
        self.facts
    }

    /// A statement ended by `&`; `first` is its first command's text.
    pub(crate) fn background(&mut self, offset: u32, first: &str) {
        self.backgrounds.push((offset, clip(first, 80)));
    }

    fn is_file_in(list: &[String], path: &str) -> bool {
        let norm = |p: &str| {
            p.trim_matches(['"', '\''])
                .trim_start_matches("./")
                .trim_start_matches(".\\")
                .to_ascii_lowercase()
        };
        let path = norm(path);
        let base = |p: &str| p.rsplit(['/', '\\']).next().unwrap_or(p).to_owned();
        !path.is_empty()
            && list.iter().any(|f| {
                let f = norm(f);
                f == path || (!base(&f).is_empty() && base(&f) == base(&path))
            })
    }

    /// What a file read as input carries.
    pub(crate) fn file_taint(&mut self, path: &str, offset: u32) -> u16 {
        let mut taint = 0;
        if Self::is_file_in(&self.downloaded, path) {
            taint |= Taint::DOWNLOADED;
        }
        if Self::is_file_in(&self.decoded, path) {
            taint |= Taint::DECODED;
        }
        if let Some(what) = signals::secret_path(path) {
            self.push(K::SecretRead, offset, format!("reads {what} ({path})"));
            taint |= Taint::SECRET;
        }
        taint
    }

    /// Output of a command written to a file (`> path`, `>> path`, `tee path`).
    pub(crate) fn write_file(&mut self, path: &str, taint: u16, offset: u32) {
        if let Some(what) = signals::persistence_path(path) {
            self.push(
                K::Persistence,
                offset,
                format!("writes to a {what} ({path})"),
            );
        }
        if path.contains("/dev/tcp/") || path.contains("/dev/udp/") {
            self.push(K::Network, offset, format!("connects through {path}"));
            if taint & Taint::SECRET != 0 {
                self.push(
                    K::SecretExfiltration,
                    offset,
                    format!("secrets sent through {path}"),
                );
            }
        }
        if taint & Taint::DOWNLOADED != 0 {
            self.saved_download(path.to_owned(), offset);
        }
        if taint & Taint::DECODED != 0 {
            self.decoded.push(path.to_owned());
        }
    }

    /// A file a download saves. A Windows program saved from the network is the
    /// dropper's payload on disk (installers fetch archives to unpack, not bare `.exe`s),
    /// whatever starts it: another command, a scheduled task, the next login.
    fn saved_download(&mut self, path: String, offset: u32) {
        if windows_program(&path) {
            self.push(
                K::DownloadExecute,
                offset,
                format!("downloads a Windows program to disk ({})", clip(&path, 80)),
            );
        }
        self.downloaded.push(path);
    }

    /// A redirection of a command whose program is `prog` to or from `/dev/tcp`:
    /// an interpreter wired to a socket.
    pub(crate) fn socket_redirect(&mut self, prog: &str, target: &str, offset: u32) {
        if target.contains("/dev/tcp/") || target.contains("/dev/udp/") {
            if is_interpreter(prog) || prog == "exec" {
                self.push(
                    K::ReverseShell,
                    offset,
                    format!("{prog} wired to a socket ({})", clip(target, 60)),
                );
            } else {
                self.push(K::Network, offset, format!("connects through {target}"));
            }
        }
    }

    /// A pipeline's programs, in order: a shell fed by and feeding a network tool is a
    /// reverse shell (`nc host port | sh | nc host port`, the `mkfifo` shell).
    pub(crate) fn pipeline(&mut self, programs: &[String], offset: u32) {
        let net = programs
            .iter()
            .position(|p| NETCATS.contains(&p.as_str()) || p == "openssl");
        let shell = programs
            .iter()
            .position(|p| SHELLS.contains(&p.as_str()) || p == "powershell" || p == "pwsh");
        if let (Some(n), Some(s)) = (net, shell) {
            self.push(
                K::ReverseShell,
                offset,
                format!("{} piped through {}", programs[s], programs[n]),
            );
        }
    }

    /// Judges one command; returns what its standard output carries.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn command(&mut self, cmd: &Command) -> u16 {
        let at = cmd.offset;
        let mut words: &[Word] = &cmd.words;
        let mut detached = None;
        // Wrappers that run the rest of the line.
        loop {
            let Some(first) = words.first() else {
                return cmd.stdin;
            };
            let p = program(&first.text);
            let skip = match p.as_str() {
                "nohup" | "setsid" | "daemonize" => {
                    detached = Some(p.clone());
                    1 + count_options(&words[1..], &[])
                }
                "sudo" | "doas" => 1 + count_options(&words[1..], &["-u", "-g", "-C", "-h"]),
                "env" => {
                    1 + words[1..]
                        .iter()
                        .take_while(|w| w.text.starts_with('-') || w.text.contains('='))
                        .count()
                }
                "exec" | "command" | "builtin" | "time" | "stdbuf" | "caffeinate"
                    if words.len() > 1 =>
                {
                    1 + count_options(&words[1..], &[])
                }
                "nice" | "ionice" => 1 + count_options(&words[1..], &["-n", "-c"]),
                "timeout" => {
                    let opts = count_options(&words[1..], &["-s", "-k"]);
                    2 + opts
                }
                _ => 0,
            };
            if skip == 0 || skip >= words.len() {
                break;
            }
            words = &words[skip..];
        }
        if let Some(how) = &detached {
            self.push(K::HiddenProcess, at, format!("detached with {how}"));
        }
        let prog = program(&words[0].text);
        let args = &words[1..];
        let text = |ws: &[Word]| -> String {
            ws.iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let line = text(words);
        let lower = line.to_ascii_lowercase();
        let mut out = 0u16;

        // Every word: destinations, miners, sockets.
        let network_tool = DOWNLOADERS.contains(&prog.as_str())
            || NETCATS.contains(&prog.as_str())
            || NETWORK_SENDERS.contains(&prog.as_str());
        for w in words {
            if let Some((what, url)) = signals::suspicious_destination(&w.text) {
                let detail = if network_tool {
                    format!("sends to a {what}: {url}")
                } else {
                    format!("{what}: {url}")
                };
                self.push(K::SuspiciousDestination, at, detail);
            }
            if w.text.contains("/dev/tcp/") || w.text.contains("/dev/udp/") {
                self.socket_redirect(&prog, &w.text, at);
            }
        }
        if MINERS.contains(&prog.as_str()) {
            self.push(
                K::SuspiciousDestination,
                at,
                format!("runs the crypto miner {prog}"),
            );
        }

        // The program itself computed from a download or a decoding.
        if words[0].taint & Taint::DOWNLOADED != 0 {
            self.push(
                K::DownloadExecute,
                at,
                "runs a command fetched from the network",
            );
        } else if words[0].taint & Taint::DECODED != 0 {
            self.push(
                K::DecodeExecute,
                at,
                "runs a command built from decoded data",
            );
        }

        if let Some(url) = pip_install_from_address(&prog, args) {
            self.push(
                K::DownloadExecute,
                at,
                format!(
                    "installs a package from an address no index vouches for (its build code runs): {}",
                    clip(&url, 100)
                ),
            );
        }
        match prog.as_str() {
            p if SHELLS.contains(&p) || p == "source" || p == "." || p == "eval" => {
                self.shell(&prog, args, cmd.stdin, at);
            }
            p if is_interpreter(p) && !matches!(p, "pwsh" | "powershell") => {
                self.interpreter(&prog, args, cmd.stdin, at);
            }
            "pwsh" | "powershell" => {
                let inner = super::powershell::arguments(args, at);
                self.facts.absorb(inner, at, "");
            }
            "cmd" => {
                if let Some(i) = args.iter().position(|a| {
                    matches!(a.text.to_ascii_lowercase().as_str(), "/c" | "/k" | "/r")
                }) {
                    let script = text(&args[i + 1..]);
                    if let Some(inner) = super::nested(|| super::batch::analyze(&script)) {
                        self.facts.absorb(inner, at, "");
                    }
                }
            }
            "curl" | "wget" | "fetch" | "aria2c" | "lwp-download" | "tftp" => {
                out |= self.download(&prog, args, at);
            }
            "certutil" => out |= self.certutil(args, at),
            "bitsadmin" if lower.contains("/transfer") || lower.contains("/addfile") => {
                let url = args.iter().find(|a| a.text.contains("://"));
                self.push(
                    K::Network,
                    at,
                    format!(
                        "bitsadmin download: {}",
                        clip(url.map_or("", |u| &u.text), 100)
                    ),
                );
                if let Some(dest) = args.last().filter(|d| !d.text.contains("://")) {
                    self.saved_download(dest.text.clone(), at);
                }
            }
            "mshta" | "regsvr32" | "rundll32" if lower.contains("http") => {
                self.push(
                    K::DownloadExecute,
                    at,
                    format!("{prog} runs code from a URL: {}", clip(&line, 100)),
                );
            }
            "regsvr32" | "rundll32" if let Some(library) = own_library(args) => {
                // Signed-binary proxy execution: a library the package ships, run by a
                // Windows program so that the system seems to run it. Installers never
                // need this; a dropper delivers its payload in the package and does.
                self.push(
                    K::DownloadExecute,
                    at,
                    format!(
                        "{prog} runs a native library shipped beside the code ({})",
                        clip(library, 80)
                    ),
                );
            }
            p if NETCATS.contains(&p) => self.netcat(&prog, args, cmd.stdin, at, &lower),
            "base64" | "xxd" | "uudecode" | "openssl" => {
                let decodes = args.iter().any(|a| {
                    matches!(a.text.as_str(), "-d" | "--decode" | "-D" | "-r" | "-decode")
                }) || prog == "uudecode";
                out |= cmd.stdin;
                if decodes {
                    out |= Taint::DECODED;
                }
                if prog == "openssl" && args.first().is_some_and(|a| a.text == "s_client") {
                    self.push(
                        K::Network,
                        at,
                        format!("openssl s_client: {}", clip(&line, 80)),
                    );
                }
            }
            "chmod" => {
                let executable = args.iter().any(|a| {
                    let t = &a.text;
                    t.contains('x') && !t.starts_with('-') && !t.contains('/')
                        || (t.len() >= 3
                            && t.bytes().all(|b| b.is_ascii_digit())
                            && t.bytes().any(|b| (b - b'0') % 2 == 1))
                });
                for a in args.iter().filter(|a| !a.text.starts_with(['-', '+'])) {
                    if executable && Self::is_file_in(&self.downloaded, &a.text) {
                        self.push(
                            K::DownloadExecute,
                            at,
                            format!("a downloaded file made executable: `{}`", clip(&line, 80)),
                        );
                    } else if executable && Self::is_file_in(&self.decoded, &a.text) {
                        self.push(
                            K::DecodeExecute,
                            at,
                            format!("a decoded file made executable: `{}`", clip(&line, 80)),
                        );
                    }
                }
            }
            "env" | "printenv" | "set" | "get-childitem" | "gci" | "ls" | "dir"
                if env_dump(&prog, args) =>
            {
                out |= Taint::SECRET;
                // `set` alone also lists a shell's own variables, which autoconf's
                // `configure` pipes through sed to save its cache: only where the dump
                // is sent somewhere (the taint) does it count.
                if cmd.output_used && prog != "set" {
                    self.push(
                        K::SecretRead,
                        at,
                        format!("dumps the environment with `{}`", clip(&line, 60)),
                    );
                }
            }
            "export" | "declare"
                if args.iter().any(|a| a.text == "-p" || a.text == "-x") && args.len() == 1 =>
            {
                out |= Taint::SECRET;
                if cmd.output_used {
                    self.push(K::SecretRead, at, "dumps the environment");
                }
            }
            "crontab" if !(args.len() == 1 && matches!(args[0].text.as_str(), "-l" | "-r")) => {
                self.push(
                    K::Persistence,
                    at,
                    format!("installs a cron job: `{}`", clip(&line, 80)),
                );
            }
            // macOS keychain items: browser storage keys, saved passwords.
            "security"
                if args.first().is_some_and(|a| {
                    matches!(
                        a.text.as_str(),
                        "find-generic-password" | "find-internet-password" | "dump-keychain"
                    )
                }) =>
            {
                self.push(
                    K::SecretRead,
                    at,
                    format!("reads the macOS keychain: `{}`", clip(&line, 80)),
                );
                out |= Taint::SECRET;
            }
            // Hooks every repository's git runs, wherever the user works.
            "git"
                if args.first().is_some_and(|a| a.text == "config")
                    && args
                        .iter()
                        .any(|a| a.text == "--global" || a.text == "--system")
                    && args
                        .iter()
                        .any(|a| a.text.eq_ignore_ascii_case("core.hookspath")) =>
            {
                self.push(
                    K::Persistence,
                    at,
                    format!(
                        "sets git's hooks for every repository: `{}`",
                        clip(&line, 100)
                    ),
                );
            }
            "systemctl" if args.iter().any(|a| a.text == "enable") => {
                self.push(
                    K::Persistence,
                    at,
                    format!("enables a service: `{}`", clip(&line, 80)),
                );
            }
            "launchctl"
                if args
                    .iter()
                    .any(|a| matches!(a.text.as_str(), "load" | "bootstrap" | "submit")) =>
            {
                self.push(
                    K::Persistence,
                    at,
                    format!("loads a launchd job: `{}`", clip(&line, 80)),
                );
            }
            "update-rc.d" | "chkconfig" => {
                self.push(
                    K::Persistence,
                    at,
                    format!("adds a boot service: `{}`", clip(&line, 80)),
                );
            }
            "schtasks" if lower.contains("/create") => {
                self.push(
                    K::Persistence,
                    at,
                    format!("creates a scheduled task: `{}`", clip(&line, 100)),
                );
            }
            "register-scheduledtask" | "new-scheduledtask" | "new-scheduledtaskaction" => {
                self.push(K::Persistence, at, "creates a scheduled task");
            }
            "reg" | "new-itemproperty" | "set-itemproperty"
                if signals::persistence_path(&lower).is_some() =>
            {
                self.push(
                    K::Persistence,
                    at,
                    format!("adds a Windows Run key: `{}`", clip(&line, 100)),
                );
            }
            "tee" | "cp" | "mv" | "install" | "ln" | "copy" | "xcopy" | "move" | "copy-item"
            | "move-item" | "set-content" | "add-content" | "out-file" => {
                let dest = args.iter().rev().find(|a| !a.text.starts_with('-'));
                if let Some(dest) = dest {
                    let dest_text = dest.text.clone();
                    let taint = if prog == "tee" { cmd.stdin } else { 0 };
                    if let Some(what) = signals::persistence_path(&dest_text) {
                        self.push(
                            K::Persistence,
                            at,
                            format!("writes to a {what} ({dest_text})"),
                        );
                    }
                    if taint != 0 {
                        self.write_file(&dest_text, taint & !Taint::SECRET, at);
                    }
                    if matches!(
                        prog.as_str(),
                        "cp" | "mv" | "install" | "copy" | "move" | "copy-item" | "move-item"
                    ) {
                        for src in args.iter().filter(|a| !a.text.starts_with('-')) {
                            if std::ptr::eq(src, dest) {
                                continue;
                            }
                            if Self::is_file_in(&self.downloaded, &src.text) {
                                self.saved_download(dest_text.clone(), at);
                            }
                        }
                    }
                }
                out |= cmd.stdin;
            }
            "sed" if args.iter().any(|a| a.text.starts_with("-i")) => {
                if let Some(what) = args.iter().find_map(|a| signals::persistence_path(&a.text)) {
                    self.push(
                        K::Persistence,
                        at,
                        format!("edits a {what}: `{}`", clip(&line, 80)),
                    );
                }
            }
            "rm" | "remove-item" | "rd" | "rmdir" | "del" | "erase" => self.remove(&prog, args, at),
            // What ransomware and wipers run first, so that nothing can be restored.
            "vssadmin" | "wmic" | "bcdedit" | "wbadmin" | "cipher"
                if recovery_wipe(&prog, &lower, args) =>
            {
                self.push(
                    K::Destruction,
                    at,
                    format!("destroys backups or recovery: `{}`", clip(&line, 80)),
                );
            }
            "disown" => self.push(K::HiddenProcess, at, "detached from the shell with disown"),
            "screen" if args.iter().any(|a| a.text.starts_with("-d")) => {
                self.push(K::HiddenProcess, at, "started in a detached screen session");
            }
            "tmux" if args.iter().any(|a| a.text == "-d") => {
                self.push(K::HiddenProcess, at, "started in a detached tmux session");
            }
            "start" => self.start(args, at),
            "start-process" | "saps" => {
                if lower.contains("hidden") {
                    self.push(K::HiddenProcess, at, "Start-Process with a hidden window");
                }
                if let Some(file) = args.iter().find(|a| !a.text.starts_with('-')) {
                    self.run_file(&file.text, file.taint, at);
                }
            }
            "wait" => self.waits = true,
            "npm" | "yarn" | "pnpm" if args.first().is_some_and(|a| a.text == "publish") => {
                self.push(K::SelfPropagation, at, format!("runs `{prog} publish`"));
            }
            // Worms check that a stolen token works before they republish with it.
            "npm" | "yarn" | "pnpm" if args.first().is_some_and(|a| a.text == "whoami") => {
                self.push(
                    K::SelfPropagation,
                    at,
                    format!("checks the registry token with `{prog} whoami`"),
                );
            }
            "npm" | "pnpm" | "yarn"
                if args
                    .first()
                    .is_some_and(|a| matches!(a.text.as_str(), "run" | "run-script")) =>
            {
                if let Some(name) = args.iter().skip(1).find(|a| !a.text.starts_with('-')) {
                    self.facts.npm_runs.push(name.text.clone());
                }
            }
            "twine" if args.first().is_some_and(|a| a.text == "upload") => {
                self.push(
                    K::SelfPropagation,
                    at,
                    "uploads packages with `twine upload`",
                );
            }
            "call" => {
                if let Some(script) = args.first() {
                    let lower = script.text.to_ascii_lowercase();
                    if lower.ends_with(".bat") || lower.ends_with(".cmd") {
                        self.run_file(&script.text, script.taint, at);
                    }
                }
            }
            // `tr 'A-Za-z' 'N-ZA-Mn-za-m'`: a letter rotation (rot13) decodes.
            "tr" if rotates_letters(args) => out |= cmd.stdin | Taint::DECODED,
            // Generic filters pass their input on.
            "tr" | "rev" | "sed" | "awk" | "gunzip" | "zcat" | "gzip" | "bzip2" | "xz" | "unxz"
            | "cut" | "head" | "tail" | "sort" | "uniq" | "xargs" | "dd" | "od" | "hexdump"
            | "fold" | "paste" | "base32" | "basenc" => out |= cmd.stdin,
            // Who and where the machine is (not `uname`: install scripts name platform
            // downloads after it).
            "hostname" | "whoami" | "id" | "logname" if args.len() <= 1 => {
                out |= Taint::HOST;
            }
            "echo" | "printf" | "write-output" | "write-host" => {}
            _ => {
                let first = &words[0].text;
                let lower = first.to_ascii_lowercase();
                let script = [".bat", ".cmd", ".ps1", ".sh", ".exe"]
                    .iter()
                    .any(|e| lower.ends_with(e));
                if first.contains(['/', '\\'])
                    || script
                    || Self::is_file_in(&self.downloaded, first)
                    || Self::is_file_in(&self.decoded, first)
                {
                    self.run_file(first, words[0].taint, at);
                }
            }
        }

        // Secrets named as arguments of commands that read them.
        if READERS.contains(&prog.as_str())
            || (prog == "sed" && !args.iter().any(|a| a.text.starts_with("-i")))
        {
            for w in args {
                let path = w.text.strip_prefix('@').unwrap_or(&w.text);
                let path = path.rsplit_once("=@").map_or(path, |(_, p)| p);
                // A folder named without its trailing slash (`tar czf - ~/.ssh`).
                let found = signals::secret_path(path)
                    .or_else(|| signals::secret_path(&format!("{path}/")));
                if let Some(what) = found {
                    self.push(
                        K::SecretRead,
                        at,
                        format!("reads {what} ({})", clip(path, 80)),
                    );
                    out |= Taint::SECRET;
                }
            }
        }
        // Everything a command's words carry goes to its output too (`echo "$TOKEN"`).
        if matches!(prog.as_str(), "echo" | "printf" | "cat" | "write-output") {
            out |= args.iter().fold(0, |t, w| t | w.taint);
        }

        // Host identity or secrets spelled into the name a DNS lookup asks for.
        if DNS_TOOLS.contains(&prog.as_str()) {
            let carried = args.iter().fold(0, |t, w| t | w.taint);
            if carried & (Taint::SECRET | Taint::HOST) != 0 {
                let what = if carried & Taint::SECRET != 0 {
                    "secrets"
                } else {
                    "the host and user name"
                };
                self.push(
                    K::SecretExfiltration,
                    at,
                    format!(
                        "{what} sent in a DNS lookup by {prog}: `{}`",
                        clip(&line, 100)
                    ),
                );
            }
        }
        // Secrets reaching a network send.
        if NETWORK_SENDERS.contains(&prog.as_str()) {
            let carried = args.iter().fold(0, |t, w| t | w.taint) | cmd.stdin;
            if carried & (Taint::SECRET | Taint::HOST) == Taint::HOST {
                self.push(
                    K::SecretExfiltration,
                    at,
                    format!(
                        "the host and user name sent with {prog}: `{}`",
                        clip(&line, 100)
                    ),
                );
            }
        }
        if NETWORK_SENDERS.contains(&prog.as_str()) {
            let carried = args.iter().fold(0, |t, w| t | w.taint) | cmd.stdin;
            let remote_copy = matches!(prog.as_str(), "scp" | "rsync")
                && args.last().is_some_and(|a| a.text.contains(':'));
            if carried & Taint::SECRET != 0
                || (remote_copy && out & Taint::SECRET != 0)
                || (matches!(prog.as_str(), "curl" | "wget") && out & Taint::SECRET != 0)
            {
                self.push(
                    K::SecretExfiltration,
                    at,
                    format!("secrets sent with {prog}: `{}`", clip(&line, 100)),
                );
            }
        }
        out
    }

    /// `sh`, `bash`, `source`, `.`, `eval`.
    fn shell(&mut self, prog: &str, args: &[Word], stdin: u16, at: u32) {
        let inline = if prog == "eval" {
            Some(0)
        } else {
            args.iter()
                .position(|a| {
                    let t = &a.text;
                    t.len() >= 2
                        && t.starts_with('-')
                        && !t.starts_with("--")
                        && t.contains('c')
                        && t[1..].bytes().all(|b| b.is_ascii_alphabetic())
                })
                .map(|i| i + 1)
        };
        if let Some(i) = inline {
            let code: Vec<&Word> = if prog == "eval" {
                args.iter().collect()
            } else {
                args.get(i).into_iter().collect()
            };
            let taint = code.iter().fold(0, |t, w| t | w.taint);
            let text = code
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if taint & Taint::DOWNLOADED != 0 {
                self.push(
                    K::DownloadExecute,
                    at,
                    format!("{prog} runs a download: `{}`", clip(&text, 80)),
                );
            } else if taint & Taint::DECODED != 0 {
                self.push(
                    K::DecodeExecute,
                    at,
                    format!("{prog} runs decoded data: `{}`", clip(&text, 80)),
                );
            }
            if !text.is_empty()
                && let Some(inner) = super::nested(|| super::bash::analyze(&text))
            {
                self.facts.absorb(inner, at, "");
            }
            return;
        }
        let script = args
            .iter()
            .find(|a| !a.text.starts_with('-') || a.text == "-");
        match script {
            Some(s) if s.text != "-" && s.text != "/dev/stdin" => {
                self.run_file(&s.text, s.taint, at);
            }
            _ => self.run_stdin(prog, stdin, at),
        }
    }

    /// Python, node, perl, ruby, php, lua.
    fn interpreter(&mut self, prog: &str, args: &[Word], stdin: u16, at: u32) {
        let flags: &[&str] = match prog {
            p if p.starts_with("python") => &["-c"],
            "node" | "nodejs" => &["-e", "--eval", "-p", "--print"],
            "perl" => &["-e", "-E"],
            "ruby" | "lua" => &["-e"],
            "php" => &["-r"],
            _ => &[],
        };
        if let Some(i) = args.iter().position(|a| flags.contains(&a.text.as_str())) {
            let code = args.get(i + 1).cloned().unwrap_or_default();
            self.inline_code(prog, &code, at);
            return;
        }
        if prog.starts_with("python")
            && let Some(m) = args.iter().position(|a| a.text == "-m")
        {
            if args.get(m + 1).is_some_and(|a| a.text == "twine")
                && args.get(m + 2).is_some_and(|a| a.text == "upload")
            {
                self.push(
                    K::SelfPropagation,
                    at,
                    "uploads packages with `python -m twine upload`",
                );
            }
            return;
        }
        let script = args
            .iter()
            .find(|a| !a.text.starts_with('-') || a.text == "-");
        match script {
            Some(s) if s.text != "-" && s.text != "/dev/stdin" => {
                self.run_file(&s.text, s.taint, at);
            }
            _ => self.run_stdin(prog, stdin, at),
        }
    }

    /// Code given on the command line.
    fn inline_code(&mut self, prog: &str, code: &Word, at: u32) {
        if code.taint & Taint::DOWNLOADED != 0 {
            self.push(
                K::DownloadExecute,
                at,
                format!("{prog} runs code fetched from the network"),
            );
        } else if code.taint & Taint::DECODED != 0 {
            self.push(K::DecodeExecute, at, format!("{prog} runs decoded code"));
        }
        let text = code.text.as_str();
        let what = format!("inline {prog} code: ");
        if prog.starts_with("python") {
            if let Some(facts) = super::nested(|| crate::python::analyze(text)) {
                for b in facts.behaviours {
                    self.push(b.kind, at, format!("{what}{}", b.detail));
                }
            }
        } else if matches!(prog, "node" | "nodejs") {
            if let Some(facts) = super::nested(|| crate::javascript::analyze(text, "inline.js")) {
                for b in facts.behaviours {
                    self.push(b.kind, at, format!("{what}{}", b.detail));
                }
                // What the inline code requires from the package runs too.
                self.facts
                    .runs
                    .extend(facts.imports.into_iter().filter(|i| i.starts_with('.')));
            }
        } else {
            let lower = text.to_ascii_lowercase();
            let socket = ["socket", "tcpsocket", "fsockopen", "io::socket"]
                .iter()
                .any(|s| lower.contains(s));
            let shell = [
                "/bin/sh",
                "/bin/bash",
                "exec(",
                "system(",
                "popen",
                "proc_open",
                "spawn",
            ]
            .iter()
            .any(|s| lower.contains(s));
            if socket && shell {
                self.push(
                    K::ReverseShell,
                    at,
                    format!("{what}a socket wired to a shell"),
                );
            }
            self.push(K::DynamicExecute, at, format!("{what}{}", clip(text, 120)));
        }
    }

    /// An interpreter reading its program from standard input.
    fn run_stdin(&mut self, prog: &str, stdin: u16, at: u32) {
        if stdin & Taint::DOWNLOADED != 0 {
            self.push(
                K::DownloadExecute,
                at,
                format!("download piped into {prog}"),
            );
        } else if stdin & Taint::DECODED != 0 {
            self.push(
                K::DecodeExecute,
                at,
                format!("decoded data piped into {prog}"),
            );
        }
    }

    /// A file run as a program or a script.
    pub(crate) fn run_file(&mut self, path: &str, taint: u16, at: u32) {
        if taint & Taint::DOWNLOADED != 0 || Self::is_file_in(&self.downloaded, path) {
            self.push(
                K::DownloadExecute,
                at,
                format!("runs a downloaded file ({})", clip(path, 80)),
            );
        } else if taint & Taint::DECODED != 0 || Self::is_file_in(&self.decoded, path) {
            self.push(
                K::DecodeExecute,
                at,
                format!("runs a decoded file ({})", clip(path, 80)),
            );
        } else if taint == 0
            && !path.is_empty()
            && !path.starts_with(['/', '$', '%', '~'])
            && !path.contains(['$', '*', '?', '`', ':'])
        {
            self.facts.runs.push(path.to_owned());
        }
    }

    fn download(&mut self, prog: &str, args: &[Word], at: u32) -> u16 {
        let url = args
            .iter()
            .find(|a| a.text.contains("://"))
            .or_else(|| args.iter().rfind(|a| !a.text.starts_with('-')));
        let url_text = url.map_or(String::new(), |u| u.text.clone());
        self.push(K::Network, at, format!("{prog}: {}", clip(&url_text, 120)));
        let remote_name = || {
            let path = url_text.split(['?', '#']).next().unwrap_or("");
            let after_host = path.split_once("://").map_or(path, |(_, r)| r);
            after_host
                .split_once('/')
                .map(|(_, p)| p.rsplit('/').next().unwrap_or("").to_owned())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "index.html".to_owned())
        };
        let mut to_stdout = true;
        let mut files = Vec::new();
        let mut i = 0;
        while i < args.len() {
            let a = args[i].text.as_str();
            let next = args.get(i + 1).map(|w| w.text.clone());
            match prog {
                "curl" => match a {
                    "-o" | "--output" => {
                        if let Some(f) = next {
                            if f != "-" {
                                to_stdout = false;
                                files.push(f);
                            }
                            i += 1;
                        }
                    }
                    "-O" | "--remote-name" | "--remote-name-all" => {
                        to_stdout = false;
                        files.push(remote_name());
                    }
                    _ if a.starts_with("-o") && !a.starts_with("--") && a.len() > 2 => {
                        to_stdout = false;
                        files.push(a[2..].to_owned());
                    }
                    // Combined short flags ending in `o` take the next word (`-fsSLo x`).
                    _ if a.starts_with('-') && !a.starts_with("--") && a.ends_with('o') => {
                        if let Some(f) = next {
                            to_stdout = false;
                            files.push(f);
                            i += 1;
                        }
                    }
                    _ if a.starts_with('-') && !a.starts_with("--") && a.contains('O') => {
                        to_stdout = false;
                        files.push(remote_name());
                    }
                    _ => {}
                },
                "wget" => {
                    if let Some(f) = a.strip_prefix("--output-document=") {
                        if f != "-" {
                            files.push(f.to_owned());
                        }
                        to_stdout = f == "-";
                    } else if a.starts_with('-') && !a.starts_with("--") && a.ends_with('O') {
                        if let Some(f) = next {
                            to_stdout = f == "-";
                            if f != "-" {
                                files.push(f);
                            }
                            i += 1;
                        }
                    } else if a.starts_with('-') && !a.starts_with("--") && a.contains("O-") {
                        to_stdout = true;
                    } else if a.starts_with('-') && !a.starts_with("--") && a.contains('O') {
                        let f = a.rsplit('O').next().unwrap_or("");
                        to_stdout = f == "-";
                        if f != "-" && !f.is_empty() {
                            files.push(f.to_owned());
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let names_output = |a: &Word| {
            a.text.starts_with("--output-document")
                || (a.text.starts_with('-') && !a.text.starts_with("--") && a.text.contains('O'))
        };
        if prog == "wget" && !args.iter().any(names_output) {
            to_stdout = false;
            files.push(remote_name());
        }
        if matches!(prog, "fetch" | "aria2c" | "lwp-download" | "tftp") {
            to_stdout = false;
            files.push(remote_name());
        }
        for f in files {
            self.saved_download(f, at);
        }
        if to_stdout { Taint::DOWNLOADED } else { 0 }
    }

    fn certutil(&mut self, args: &[Word], at: u32) -> u16 {
        let lower: Vec<String> = args.iter().map(|a| a.text.to_ascii_lowercase()).collect();
        let has = |f: &str| {
            lower
                .iter()
                .any(|a| a == f || a.trim_start_matches(['-', '/']) == f)
        };
        if has("urlcache") || has("verifyctl") {
            let url = args.iter().find(|a| a.text.contains("://"));
            self.push(
                K::Network,
                at,
                format!(
                    "certutil download: {}",
                    clip(url.map_or("", |u| &u.text), 100)
                ),
            );
            if let Some(pos) = args.iter().position(|a| a.text.contains("://")) {
                match args.get(pos + 1) {
                    Some(dest) => self.saved_download(dest.text.clone(), at),
                    None => {
                        let name = args[pos].text.rsplit('/').next().unwrap_or("").to_owned();
                        self.saved_download(name, at);
                    }
                }
            }
        }
        if (has("decode") || has("decodehex"))
            && let Some(dest) = args.iter().rfind(|a| !a.text.starts_with(['-', '/']))
        {
            self.push(K::Decode, at, "certutil decodes a file");
            self.decoded.push(dest.text.clone());
        }
        0
    }

    fn netcat(&mut self, prog: &str, args: &[Word], stdin: u16, at: u32, lower: &str) {
        self.push(K::Network, at, format!("{prog}: {}", clip(lower, 100)));
        let exec = args.iter().any(|a| {
            matches!(
                a.text.as_str(),
                "-e" | "-c" | "--exec" | "--sh-exec" | "--lua-exec"
            ) || (a.text.starts_with("-e") && a.text.len() > 2 && !a.text.starts_with("--"))
        });
        let socat_exec = prog == "socat"
            && args.iter().any(|a| {
                let l = a.text.to_ascii_lowercase();
                l.starts_with("exec:") || l.starts_with("system:")
            });
        if (exec && prog != "socat" && prog != "telnet") || socat_exec {
            self.push(
                K::ReverseShell,
                at,
                format!(
                    "{prog} runs a program for the connection: `{}`",
                    clip(lower, 100)
                ),
            );
        }
        if stdin & Taint::SECRET != 0 {
            self.push(
                K::SecretExfiltration,
                at,
                format!("secrets piped into {prog}"),
            );
        }
    }

    fn remove(&mut self, prog: &str, args: &[Word], at: u32) {
        let recursive = args.iter().any(|a| {
            let t = a.text.to_ascii_lowercase();
            (t.starts_with('-') && !t.starts_with("--") && t.contains('r'))
                || t == "--recursive"
                || t == "-recurse"
                || t == "/s"
        });
        let no_root_guard = args.iter().any(|a| a.text == "--no-preserve-root");
        if !recursive {
            return;
        }
        for a in args.iter().filter(|a| !a.text.starts_with('-')) {
            let t = a.text.trim_end_matches('*').trim_end_matches(['/', '\\']);
            // `/` and `/*` trim to nothing; `*` alone is the current folder.
            let home_or_root = match t {
                "" => a.text.starts_with('/'),
                "~" | "$HOME" | "${HOME}" | "/home" | "/Users" | "/root" | "/etc" | "/usr"
                | "%USERPROFILE%" | "%HOMEPATH%" | "C:" | "c:" | "$env:USERPROFILE" => true,
                // JavaScript's `process.cwd()`: the project the program runs in.
                "<cwd>" | "\"<cwd>\"" => true,
                _ => false,
            };
            let root_path = a.text.starts_with('/') && a.text.len() > 1 && a.text != "/s";
            let home_or_root = home_or_root || user_data(t);
            if home_or_root && a.text != "/s" && a.text != "/q" || no_root_guard && root_path {
                let what = if a.text.contains("<cwd>") {
                    "the project it runs in (process.cwd())".to_owned()
                } else {
                    clip(&a.text, 40).to_string()
                };
                self.push(
                    K::Destruction,
                    at,
                    format!("{prog} deletes {what} recursively"),
                );
            }
        }
    }

    /// Windows `start`: `/b` and `/min` hide the window; the program it starts is run.
    fn start(&mut self, args: &[Word], at: u32) {
        let mut hidden = false;
        let mut rest = args;
        // A first quoted word is the window title (often empty).
        while let Some(first) = rest.first() {
            let l = first.text.to_ascii_lowercase();
            if matches!(l.as_str(), "/b" | "/min") {
                hidden = true;
            } else if !(l.starts_with('/') && l.len() <= 12 || l.is_empty()) {
                break;
            }
            rest = &rest[1..];
        }
        if hidden {
            self.push(
                K::HiddenProcess,
                at,
                "started without a window (start /b or /min)",
            );
        }
        // `start start start …` is a loop a hostile file can make long.
        if !rest.is_empty() && self.starts < 8 {
            self.starts += 1;
            let inner = Command {
                words: rest.to_vec(),
                offset: at,
                stdin: 0,
                output_used: false,
            };
            self.command(&inner);
            self.starts -= 1;
        }
    }
}

/// How many option words (and the values of `with_value` options) start `words`.
fn count_options(words: &[Word], with_value: &[&str]) -> usize {
    let mut n = 0;
    while let Some(w) = words.get(n) {
        if w.text == "--" {
            return n + 1;
        }
        if !w.text.starts_with('-') {
            break;
        }
        n += if with_value.contains(&w.text.as_str()) {
            2
        } else {
            1
        };
    }
    n.min(words.len())
}

/// `env` or `printenv` alone, `set` alone, `Get-ChildItem env:`.
fn env_dump(prog: &str, args: &[Word]) -> bool {
    match prog {
        "env" | "printenv" => args.iter().all(|a| a.text.starts_with('-')),
        "set" => args.is_empty(),
        _ => args.first().is_some_and(|a| {
            a.text.eq_ignore_ascii_case("env:") || a.text.eq_ignore_ascii_case("env:\\")
        }),
    }
}

/// A user's own data under their home folder (`$HOME/Documents`, `~/Desktop`,
/// `%USERPROFILE%\Pictures`), or a user's whole home folder (`/home/NAME`,
/// `/Users/NAME`): what nothing a package builds lives in.
fn user_data(path: &str) -> bool {
    let p = path.replace('\\', "/");
    let lower = p.to_ascii_lowercase();
    let rest = [
        "~/",
        "$home/",
        "${home}/",
        "%userprofile%/",
        "$env:userprofile/",
        "%homepath%/",
    ]
    .iter()
    .find_map(|h| lower.strip_prefix(h));
    if let Some(rest) = rest {
        let first = rest.split('/').next().unwrap_or("");
        return matches!(
            first,
            "documents"
                | "desktop"
                | "pictures"
                | "downloads"
                | "music"
                | "videos"
                | "photos"
                | "onedrive"
                | "projects"
                | "src"
                | "code"
                | "repos"
                | "workspace"
                | ".ssh"
                | ".gnupg"
        );
    }
    for base in ["/home/", "/users/"] {
        if let Some(user) = lower.strip_prefix(base) {
            return !user.is_empty() && !user.contains('/') && !user.contains('*');
        }
    }
    false
}

/// Deleting shadow copies or backups, turning recovery off, wiping free space.
fn recovery_wipe(prog: &str, lower: &str, args: &[Word]) -> bool {
    match prog {
        "vssadmin" => lower.contains("delete shadows") || lower.contains("resize shadowstorage"),
        "wmic" => lower.contains("shadowcopy delete"),
        "bcdedit" => lower.contains("recoveryenabled no") || lower.contains("ignoreallfailures"),
        "wbadmin" => lower.contains("delete catalog") || lower.contains("delete systemstatebackup"),
        "cipher" => args
            .iter()
            .any(|a| a.text.to_ascii_lowercase().starts_with("/w")),
        _ => false,
    }
}

/// A file name of a Windows executable format (a program, a screensaver, an installer, a
/// library): what runs when it is opened or loaded, unlike a script or an archive.
fn windows_program(path: &str) -> bool {
    let name = path
        .trim_matches(['"', '\''])
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    [".exe", ".scr", ".msi", ".dll", ".pif"]
        .iter()
        .any(|ext| name.len() > ext.len() && name.ends_with(ext))
}

/// `tr SET1 SET2` mapping letter ranges onto other letter ranges that start elsewhere
/// (`A-Za-z` onto `N-ZA-Mn-za-m`): a rotation cipher, not a change of case.
fn rotates_letters(args: &[Word]) -> bool {
    let sets: Vec<&str> = args
        .iter()
        .map(|a| a.text.as_str())
        .filter(|t| !t.starts_with('-'))
        .collect();
    let [from, to] = sets[..] else { return false };
    let letters = |s: &str| s.len() >= 3 && s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
    letters(from)
        && letters(to)
        && !from.eq_ignore_ascii_case(to)
        && from.bytes().next().map(|b| b.to_ascii_lowercase())
            != to.bytes().next().map(|b| b.to_ascii_lowercase())
}

/// The library `rundll32`/`regsvr32` is handed when it is one of the package's own
/// files: a path relative to the working folder or to the running file
/// (`./payload.dll,Start`, `path.join(__dirname, 'x.dll')`, `%~dp0x.dll`,
/// `$PSScriptRoot\x.dll`). System libraries (`shell32.dll,Control_RunDLL`,
/// `C:\Windows\...`) are not.
fn own_library(args: &[Word]) -> Option<&str> {
    args.iter().map(|a| a.text.as_str()).find(|t| {
        let t = t.trim_matches(['"', '\'']);
        let lower = t.to_ascii_lowercase();
        let file = lower.split(',').next().unwrap_or("");
        let library = [".dll", ".ocx", ".cpl", ".sct"]
            .iter()
            .any(|ext| file.len() > ext.len() && file.ends_with(ext));
        library
            && (file.starts_with("./")
                || file.starts_with(".\\")
                || file.starts_with("../")
                || file.starts_with("..\\")
                || file.starts_with("<__file__>")
                || file.starts_with("%~dp0")
                || file.starts_with("$psscriptroot"))
    })
}
