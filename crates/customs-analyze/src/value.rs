//! The abstract value both analysers compute for an expression.

/// Longest text folded from concatenations: longer results are left unknown, so that
/// a file that builds a huge string piece by piece stays linear.
pub const MAX_TEXT: usize = 1 << 16;

/// Taint bits carried by values.
pub struct Taint;

impl Taint {
    /// Result of a decoder (base64, hex, zlib, marshal, rot13, XOR/`chr` loops).
    pub const DECODED: u16 = 1;
    /// Data from the network.
    pub const DOWNLOADED: u16 = 2;
    /// Credentials, tokens or the whole environment.
    pub const SECRET: u16 = 4;
    /// Text assembled to hide what it is (reversed, `chr` joins, concatenated names).
    pub const OBFUSCATED: u16 = 8;
    /// A socket or its file descriptor.
    pub const SOCKET: u16 = 16;
    /// Read from a file shipped in the package (a path relative to `__file__`,
    /// `importlib.resources`, `pkgutil.get_data`).
    pub const DATA_FILE: u16 = 32;
    /// Who and where the host is: its name, the user's name, the system's details, the
    /// output of a reconnaissance command (`whoami`, `uname -a`, `hostname` in a shell).
    /// Not a secret, but what a beacon or a dependency-confusion probe sends home;
    /// unlike secrets, it is carried through the return values of the file's functions.
    pub const HOST: u16 = 64;
    /// Read from the process's own input: standard input, or a line read from a stream
    /// it was handed. Decoding it is a protocol between processes, not a payload
    /// unpacked from the package.
    pub const INPUT: u16 = 128;
    /// A parameter of the top-level function being walked: where it ends up (a network
    /// send) says what the function does with what callers hand it.
    pub const PARAM: u16 = 256;
    /// Where the machine is: its time zone, or the country a geolocation service names
    /// for it. What geofenced code compares with the countries it singles out.
    pub const LOCALE: u16 = 512;
    /// What a function of another file of the package returned (`collect()` of
    /// `require('./collect')`): what that function returns is judged by the package.
    pub const PACKAGE: u16 = 1024;
    /// What a web page sends through `fetch` or `XMLHttpRequest` when they are replaced
    /// by a wrapper: the wrapper's parameters.
    pub const PAGE: u16 = 2048;
    /// A request handed to a replaced send function of an HTTP client (Python's
    /// `HTTPAdapter.send = wrapper`): its headers, body and credentials are secrets.
    pub const REQUEST: u16 = 4096;
    /// What a function of the file not walked yet returned (JavaScript: `main()` calling
    /// `collect()` written below it): judged once the file's functions are known.
    pub const LATER: u16 = 8192;
}

/// The abstract value of an expression.
#[derive(Debug, Clone, Default)]
pub struct Val {
    /// The qualified name it refers to (`os.system`, `requests.Session()`).
    pub qual: Option<String>,
    /// The constant text it folds to, if known (partially, when `exact` is false).
    pub text: Option<String>,
    /// `text` is the whole value.
    pub exact: bool,
    /// `text` was assembled (concatenated, reversed, joined, decoded), not written as
    /// one literal.
    pub folded: bool,
    /// Taint bits.
    pub taint: u16,
}

impl Val {
    #[must_use]
    pub fn qual(q: String) -> Self {
        Self {
            qual: Some(q),
            ..Self::default()
        }
    }

    #[must_use]
    pub fn text(t: impl Into<String>) -> Self {
        Self {
            text: Some(t.into()),
            exact: true,
            ..Self::default()
        }
    }

    #[must_use]
    pub fn tainted(taint: u16) -> Self {
        Self {
            taint,
            ..Self::default()
        }
    }

    /// What a call to `callee` returns: known only by name, carrying `taint`.
    #[must_use]
    pub fn returned(callee: Option<&str>, taint: u16) -> Self {
        Self {
            qual: callee.map(|q| concat([q, "()"])),
            taint,
            ..Self::default()
        }
    }

    /// The exact constant text, if the value is one.
    #[must_use]
    pub fn exact_text(&self) -> Option<&str> {
        if self.exact {
            self.text.as_deref()
        } else {
            None
        }
    }
}

/// The parts one after another, in one allocation of the right size: names and texts
/// are joined at nearly every attribute and call the walkers meet, where `format!` costs
/// several times as much.
#[must_use]
pub fn concat<const N: usize>(parts: [&str; N]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Removes the `()` of call results so that `requests.Session().get` matches the table
/// entry `requests.Session.get`.
#[must_use]
pub fn normalize(qual: &str) -> std::borrow::Cow<'_, str> {
    // A `(` is rare in a name; the pair is looked for only where one is.
    let bytes = qual.as_bytes();
    if memchr::memchr_iter(b'(', bytes).any(|at| bytes.get(at + 1) == Some(&b')')) {
        // `str::replace` grows its result from empty; the result is never longer.
        let mut out = String::with_capacity(qual.len());
        for part in qual.split("()") {
            out.push_str(part);
        }
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(qual)
    }
}

/// The value of an environment variable read by name (`os.environ["X"]`,
/// `process.env.X`): `~` for the home folder, a secret when the name says so.
#[must_use]
pub fn env_value(name: &str) -> Val {
    let mut v = Val {
        text: Some(match name {
            "HOME" | "USERPROFILE" => "~".to_owned(),
            other => format!("${other}"),
        }),
        ..Val::default()
    };
    if crate::signals::is_secret_env_name(name) {
        v.taint |= Taint::SECRET;
    }
    v
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    #[test]
    fn call_marks_are_removed_and_names_joined() {
        assert_eq!(
            super::normalize("requests.Session().get"),
            "requests.Session.get"
        );
        assert_eq!(super::normalize("a()()b.c()"), "ab.c");
        assert!(matches!(super::normalize("os.system"), Cow::Borrowed(_)));
        // Only the empty pair is a call mark.
        assert_eq!(super::normalize("f(x).y"), "f(x).y");
        assert_eq!(super::concat(["os.path", ".", "join"]), "os.path.join");
        assert_eq!(super::concat(["", "é", ""]), "é");
    }
}
