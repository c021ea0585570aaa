//! Indexes the embedded known-malicious lists (`data/known-malicious-*.json`, from
//! DataDog's malicious-software-packages dataset) at build time into sorted static
//! tables (see `src/embedded.rs`): a lookup is a binary search, with nothing parsed or
//! sorted when customs starts. PyPI names are normalised (PEP 503) with the ecosystem
//! crate's own name function, included from its source.

#![allow(clippy::print_stdout, clippy::panic, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The ecosystems `names.rs` distinguishes (it names them as `crate::Ecosystem`).
#[derive(Clone, Copy)]
#[allow(dead_code)]
enum Ecosystem {
    Pypi,
    Npm,
}

#[allow(dead_code)]
#[path = "../customs-ecosystem/src/names.rs"]
mod names;

const NPM: &str = "data/known-malicious-npm.json";
const PYPI: &str = "data/known-malicious-pypi.json";

/// A JSON object of strings mapped to `null` or to an array of strings: the only shape
/// the lists have. Anything else stops the build with where it went wrong.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    path: &'a str,
}

impl Reader<'_> {
    fn fail(&self, what: &str) -> ! {
        panic!("{}: byte {}: expected {what}", self.path, self.at)
    }

    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.skip_space();
        if self.text.get(self.at) == Some(&b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) {
        if !self.eat(b) {
            self.fail(&format!("`{}`", b as char));
        }
    }

    fn string(&mut self) -> String {
        self.expect(b'"');
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.at) else {
                self.fail("the end of a string")
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.text.get(self.at) else {
                        self.fail("an escape")
                    };
                    self.at += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'u' => {
                            let hex = std::str::from_utf8(&self.text[self.at..self.at + 4])
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32)
                                .unwrap_or_else(|| self.fail("four hex digits"));
                            self.at += 4;
                            out.extend_from_slice(hex.to_string().as_bytes());
                        }
                        _ => self.fail("a supported escape"),
                    }
                }
                _ => out.push(b),
            }
        }
        String::from_utf8(out).unwrap_or_else(|_| self.fail("UTF-8"))
    }

    /// `{"name": null | ["version", ...], ...}`
    fn entries(&mut self) -> Vec<(String, Option<Vec<String>>)> {
        let mut out = Vec::new();
        self.expect(b'{');
        if self.eat(b'}') {
            return out;
        }
        loop {
            let name = self.string();
            self.expect(b':');
            self.skip_space();
            let versions = if self.text[self.at..].starts_with(b"null") {
                self.at += 4;
                None
            } else {
                let mut vs = Vec::new();
                self.expect(b'[');
                if !self.eat(b']') {
                    loop {
                        vs.push(self.string());
                        if self.eat(b']') {
                            break;
                        }
                        self.expect(b',');
                    }
                }
                Some(vs)
            };
            out.push((name, versions));
            if self.eat(b'}') {
                break;
            }
            self.expect(b',');
        }
        self.skip_space();
        if self.at != self.text.len() {
            self.fail("the end of the file");
        }
        out
    }
}

fn read(path: &str) -> Vec<(String, Option<Vec<String>>)> {
    let text = std::fs::read(path).expect("the known-malicious list is readable");
    Reader {
        text: &text,
        at: 0,
        path,
    }
    .entries()
}

/// Entries merged by key (a name every version of which is listed wins over versions),
/// sorted, as a static table.
fn table(
    out: &mut String,
    name: &str,
    entries: Vec<(String, Option<Vec<String>>)>,
    key: impl Fn(&str) -> String,
) {
    let mut merged: BTreeMap<String, Option<Vec<String>>> = BTreeMap::new();
    for (n, versions) in entries {
        let k = key(&n);
        match (merged.get_mut(&k), versions) {
            (None, v) => {
                merged.insert(k, v);
            }
            (Some(slot), None) => *slot = None,
            (Some(Some(have)), Some(more)) => have.extend(more),
            (Some(None), Some(_)) => {}
        }
    }
    let _ = write!(
        out,
        "static {name}: [(&str, Option<&[&str]>); {}] = [",
        merged.len()
    );
    for (k, versions) in merged {
        match versions {
            None => {
                let _ = write!(out, "({k:?},None),");
            }
            Some(mut vs) => {
                vs.sort();
                vs.dedup();
                let _ = write!(out, "({k:?},Some(&{vs:?})),");
            }
        }
    }
    out.push_str("];\n");
}

fn main() {
    for source in [NPM, PYPI, "../customs-ecosystem/src/names.rs"] {
        println!("cargo::rerun-if-changed={source}");
    }
    let mut out = String::from("// Generated by build.rs from data/known-malicious-*.json.\n");
    // npm names are matched exactly; PyPI names by their normalised form.
    table(&mut out, "NPM", read(NPM), str::to_owned);
    table(&mut out, "PYPI", read(PYPI), |n| {
        names::canonical_name(Ecosystem::Pypi, n)
    });
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let dest = std::path::Path::new(&dir).join("known_malicious.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
