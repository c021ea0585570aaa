use std::fmt;

use serde::Serialize;

/// When the code runs. Ordered from most to least alarming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    /// While the package is installed (`setup.py`, a build backend, `.pth` files at every
    /// interpreter start, npm lifecycle scripts and what they run).
    Install,
    /// When the package is imported or required (module top level).
    Import,
    /// Only when a function of the package is called.
    Runtime,
    /// Not code: the package's metadata or archive.
    Metadata,
}

impl Context {
    /// Lower-case name for reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Install => "install",
            Self::Import => "import",
            Self::Runtime => "runtime",
            Self::Metadata => "metadata",
        }
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a piece of code does. Language-neutral: the Python and JavaScript analysers
/// produce the same kinds, and rules judge kinds, not syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BehaviourKind {
    /// Decoded or decompressed data reaches code execution.
    DecodeExecute,
    /// Data fetched from the network is executed, or written to disk and then run,
    /// made executable or loaded; or a shell pipes a download into an interpreter.
    DownloadExecute,
    /// Secrets (credentials, tokens, the whole environment) reach a network send.
    SecretExfiltration,
    /// A socket wired to a shell.
    ReverseShell,
    /// The package steals a publishing token or republishes itself.
    SelfPropagation,
    /// Writes to autostart locations: shell rc files, crontab, systemd user units,
    /// LaunchAgents, Run keys, startup folders.
    Persistence,
    /// A process started hidden or detached from the installer.
    HiddenProcess,
    /// Deletes its own files or swaps its manifest after running.
    SelfDelete,
    /// Deletes what is not its own: the user's home folder or the root file system
    /// (`rm -rf ~`, `rm -rf --no-preserve-root /`).
    Destruction,
    /// Checks for debuggers, sandboxes or virtual machines.
    AntiAnalysis,
    /// Runs the commands that tell who and where the host is (`whoami`, `hostname`,
    /// `systeminfo`, `ipconfig /all`, `net user`): what a beacon collects.
    HostRecon,
    /// Reads of credentials: SSH keys, cloud and registry tokens, browser and wallet
    /// data, or a dump of the whole environment.
    SecretRead,
    /// A process is started.
    ProcessSpawn,
    /// Code built at run time is executed (`exec`, `eval`, `new Function`, `vm`).
    DynamicExecute,
    /// A computed `require`/`__import__` whose target is not a constant.
    DynamicImport,
    /// A network request or connection.
    Network,
    /// A destination that legitimate packages rarely talk to: IP-literal URLs, chat
    /// webhooks, paste sites, request catchers, tunnels.
    SuspiciousDestination,
    /// Obfuscated code: encoded blobs, obfuscator signatures, code hidden past long
    /// runs of whitespace, homoglyph identifiers.
    Obfuscation,
    /// A decoding or decompression of data.
    Decode,
    /// Browser code that hooks `fetch`, `XMLHttpRequest` or a wallet provider to rewrite
    /// what the page sends, swaps wallet addresses in the clipboard (in a page, or on
    /// the desktop from Python), or skims payment forms.
    BrowserHijack,
    /// A system capability in its rawest form: a shell command run from whatever string
    /// the caller passes, or the DNS resolver loaded (look-ups carry data out past most
    /// firewalls). Ordinary in a library that says what it is for; unexplained in one that
    /// says nothing about itself.
    RawCapability,
}

impl BehaviourKind {
    /// Stable kebab-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DecodeExecute => "decode-execute",
            Self::DownloadExecute => "download-execute",
            Self::SecretExfiltration => "secret-exfiltration",
            Self::ReverseShell => "reverse-shell",
            Self::SelfPropagation => "self-propagation",
            Self::Persistence => "persistence",
            Self::HiddenProcess => "hidden-process",
            Self::SelfDelete => "self-delete",
            Self::Destruction => "destruction",
            Self::AntiAnalysis => "anti-analysis",
            Self::HostRecon => "host-recon",
            Self::SecretRead => "secret-read",
            Self::ProcessSpawn => "process-spawn",
            Self::DynamicExecute => "dynamic-execute",
            Self::DynamicImport => "dynamic-import",
            Self::Network => "network",
            Self::SuspiciousDestination => "suspicious-destination",
            Self::Obfuscation => "obfuscation",
            Self::Decode => "decode",
            Self::BrowserHijack => "browser-hijack",
            Self::RawCapability => "raw-capability",
        }
    }
}

/// One thing the code does, where, and when it runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Behaviour {
    /// What it does.
    pub kind: BehaviourKind,
    /// When it runs.
    pub context: Context,
    /// The file, as a member path of the artifact.
    pub path: String,
    /// 1-based line (0 when the behaviour concerns the whole file).
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The source line, trimmed.
    pub snippet: String,
    /// What exactly was seen, for the report.
    pub detail: String,
    /// The file is test, example or documentation code, which users do not run.
    pub test_code: bool,
    /// For a behaviour inside a function that runs on install or import: the chain of
    /// calls by which it is reached (`a/__init__.py module level → run() → steal()`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// A behaviour before its file's context is known: the analysers only say whether it
/// sits at module top level or inside a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBehaviour {
    /// What it does.
    pub kind: BehaviourKind,
    /// At module level (runs on import) rather than inside a function.
    pub top_level: bool,
    /// Byte offset in the file.
    pub offset: u32,
    /// What exactly was seen.
    pub detail: String,
    /// Runs only when a maintainer runs a command of their own (`setup.py publish`),
    /// never when the package is installed or imported.
    pub guarded: bool,
    /// The function of the file it sits in (an index into [`FileFacts::reach`]'s
    /// functions), or [`crate::reach::TOP`] at top level or where no function is known.
    pub function: u32,
}

/// What one file's analysis found.
#[derive(Debug, Default, Clone)]
pub struct FileFacts {
    /// Behaviours with their offsets.
    pub behaviours: Vec<RawBehaviour>,
    /// Module specifiers this file imports or requires (as written).
    pub imports: Vec<String>,
    /// Script files this file runs (`bash install.sh`, `subprocess.run(["sh", "x.sh"])`),
    /// as written: followed like imports, never counted as imports.
    pub runs: Vec<String>,
    /// setuptools commands the file overrides (`cmdclass={"install": ...}` keys; `*`
    /// when the mapping is not a literal).
    pub setup_commands: Vec<String>,
    /// Scripts a `setup()` call installs as commands (`scripts=["bin/tool"]`), as written.
    pub setup_scripts: Vec<String>,
    /// Folders beside the file that it puts on Python's import path
    /// (`sys.path.insert(0, <its folder>/vendor)`), relative to the file's folder.
    pub search_dirs: Vec<String>,
    /// Why the file did not parse cleanly, if it did not.
    pub parse_error: Option<String>,
    /// The file's functions and who refers to whom: which functions run when the top
    /// level runs.
    pub reach: crate::reach::Reach,
    /// Functions (indexes into [`FileFacts::reach`]'s functions) that send what their
    /// parameters hold over the network.
    pub param_sends: Vec<u32>,
    /// Calls that hand secrets to a function of the package (local or imported by a
    /// relative path), to be joined with the callee's [`FileFacts::param_sends`].
    pub secret_calls: Vec<SecretCall>,
    /// `(function, callee)`: a function of the file (index into [`FileFacts::reach`]'s
    /// functions) hands what its parameters hold to a function of the package (named as
    /// in [`SecretCall::callee`]): it sends what it is given when the callee does.
    pub param_forwards: Vec<(u32, String)>,
    /// Functions (indexes into [`FileFacts::reach`]'s functions) that return secrets.
    pub secret_returns: Vec<u32>,
    /// Network sends of what a function of another file of the package returned, one
    /// per function of the package this file calls (`callee` as in
    /// [`FileFacts::secret_calls`]), to be joined with the callee's
    /// [`FileFacts::secret_returns`].
    pub result_sends: Vec<SecretCall>,
    /// Calls that hand a function of the package what another function of the package
    /// returns (`publish(gather())`, Python): secret exfiltration when the first sends its
    /// parameters ([`FileFacts::param_sends`]) and the second returns secrets or host
    /// details ([`FileFacts::secret_returns`]).
    pub handoffs: Vec<Handoff>,
}

/// A call handing a function of the package what another one returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The call, and the function called (see [`SecretCall::callee`]).
    pub call: SecretCall,
    /// The function whose result is handed over, named alike.
    pub source: String,
}

/// A call that hands secrets to a function of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretCall {
    /// The callee as written: a local function's name, or the qualified name of an
    /// imported one (`./hooks.send`).
    pub callee: String,
    /// Byte offset of the call.
    pub offset: u32,
    /// At module level.
    pub top_level: bool,
    /// The function the call sits in (see [`RawBehaviour::function`]).
    pub function: u32,
}

impl SecretCall {
    /// A call of `callee` at `offset` (in the file's offsets), at module level or in the
    /// function `current`.
    pub(crate) fn new(callee: &str, offset: u32, top_level: bool, current: u32) -> Self {
        Self {
            callee: callee.to_owned(),
            offset,
            top_level,
            function: if top_level {
                crate::reach::TOP
            } else {
                current
            },
        }
    }
}

impl FileFacts {
    /// The facts of a file that is not parsed: the reason as its note, and as an
    /// obfuscation behaviour, because code that cannot be read must not pass as clean (a
    /// payload behind 20,000 `!` otherwise would).
    pub(crate) fn unread(reason: String, base: u32) -> Self {
        let mut facts = Self::default();
        facts.push(BehaviourKind::Obfuscation, true, base, reason.clone());
        facts.parse_error = Some(reason);
        facts
    }

    pub(crate) fn push(
        &mut self,
        kind: BehaviourKind,
        top_level: bool,
        offset: u32,
        detail: impl Into<String>,
    ) {
        self.behaviours.push(RawBehaviour {
            kind,
            top_level,
            offset,
            detail: detail.into(),
            guarded: false,
            function: crate::reach::TOP,
        });
    }
}

/// A note about the analysis itself (a file that did not parse, a file too deep to
/// parse): not evidence against the package, but said so the report is honest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The file.
    pub path: String,
    /// What happened.
    pub message: String,
}
