//! PowerShell, read by a bounded tokenizer of its command syntax (not a parser: script
//! blocks, functions and expressions are not understood). Statements are split at `;` and
//! line ends, pipelines at `|`; words lose PowerShell's backtick escapes (`I`E`X`), and
//! adjacent string literals joined by `+` are folded. Commands go to the shared
//! [`Judge`]; a few .NET calls are recognised by name: `DownloadString`, `DownloadFile`,
//! `FromBase64String`, `Net.Sockets.TCPClient`, `Invoke-Expression` (`IEX`).

use std::collections::HashMap;

use crate::BehaviourKind as K;
use crate::signals::{self, clip};
use crate::value::Taint;

use super::judge::{Command, Judge, Word};
use super::{ShellFacts, decode_utf16le_base64};

/// Most tokens read from one script; the rest is not read (and the file says so).
const MAX_TOKENS: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A bare word (command, parameter, variable, member access), backticks removed.
    Word(String),
    /// A string literal's content.
    Str(String),
    /// `|`.
    Pipe,
    /// `;`, a line end, `&&`, `||`.
    End,
    /// Brackets, `,`, `=`, `+`, and other single-character operators.
    Op(char),
}

/// Tokens with their byte offsets.
fn tokenize(text: &str) -> (Vec<(Tok, u32)>, bool) {
    let bytes = text.as_bytes();
    let mut out: Vec<(Tok, u32)> = Vec::new();
    let mut i = 0usize;
    let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    while i < bytes.len() {
        if out.len() >= MAX_TOKENS {
            return (out, true);
        }
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' | b';' => {
                out.push((Tok::End, at(i)));
                i += 1;
            }
            b'`' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'#') => {
                let end = text[i..].find("#>").map_or(bytes.len(), |e| i + e + 2);
                i = end;
            }
            b'@' if matches!(bytes.get(i + 1), Some(b'\'' | b'"')) => {
                let quote = bytes[i + 1] as char;
                let close = format!("\n{quote}@");
                let start = i + 2;
                let end = text[start..]
                    .find(&close)
                    .map_or(bytes.len(), |e| start + e);
                out.push((
                    Tok::Str(text[start..end].trim_start_matches(['\r', '\n']).to_owned()),
                    at(i),
                ));
                i = (end + close.len()).min(bytes.len());
            }
            b'\'' => {
                let start = i;
                let mut s = String::new();
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            s.push('\'');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    s.push(ch);
                    i += ch.len_utf8();
                }
                out.push((Tok::Str(s), at(start)));
            }
            b'"' => {
                let start = i;
                let mut s = String::new();
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'`' => {
                            i += 1;
                            if let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) {
                                s.push(match ch {
                                    'n' => '\n',
                                    't' => '\t',
                                    '0' => '\0',
                                    other => other,
                                });
                                i += ch.len_utf8();
                            }
                        }
                        _ => {
                            let ch = text[i..].chars().next().unwrap_or(' ');
                            s.push(ch);
                            i += ch.len_utf8();
                        }
                    }
                }
                out.push((Tok::Str(s), at(start)));
            }
            b'|' => {
                if bytes.get(i + 1) == Some(&b'|') {
                    out.push((Tok::End, at(i)));
                    i += 2;
                } else {
                    out.push((Tok::Pipe, at(i)));
                    i += 1;
                }
            }
            b'&' if bytes.get(i + 1) == Some(&b'&') => {
                out.push((Tok::End, at(i)));
                i += 2;
            }
            b'(' | b')' | b'{' | b'}' | b',' | b'=' | b'+' | b'&' => {
                out.push((Tok::Op(c as char), at(i)));
                i += 1;
            }
            _ => {
                let start = i;
                let mut w = String::new();
                while i < bytes.len() {
                    let b = bytes[i];
                    if b.is_ascii_whitespace()
                        || matches!(
                            b,
                            b'|' | b';'
                                | b'('
                                | b')'
                                | b'{'
                                | b'}'
                                | b','
                                | b'='
                                | b'\''
                                | b'"'
                                | b'+'
                        )
                    {
                        break;
                    }
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if ch != '`' {
                        w.push(ch);
                    }
                    i += ch.len_utf8();
                }
                if i == start {
                    i += 1;
                } else {
                    out.push((Tok::Word(w), at(start)));
                }
            }
        }
    }
    // Fold 'a' + 'b' into one string.
    let mut folded: Vec<(Tok, u32)> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        match (folded.last_mut(), &out[k].0, out.get(k + 1)) {
            (Some((Tok::Str(prev), _)), Tok::Op('+'), Some((Tok::Str(b), _))) => {
                prev.push_str(b);
                k += 2;
            }
            _ => {
                folded.push(out[k].clone());
                k += 1;
            }
        }
    }
    (folded, false)
}

fn lower_text(t: &Tok) -> String {
    match t {
        Tok::Word(w) | Tok::Str(w) => w.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Analyses a PowerShell script.
pub(crate) fn analyze(text: &str) -> ShellFacts {
    let (tokens, cut) = tokenize(text);
    let mut judge = Judge::new();
    let mut vars: HashMap<String, u16> = HashMap::new();
    let mut tcp_client = None;
    let mut executes = false;
    let mut reads_stream = false;
    for statement in tokens.split(|(t, _)| *t == Tok::End) {
        if statement.is_empty() {
            continue;
        }
        let at = statement[0].1;
        let lower: Vec<String> = statement.iter().map(|(t, _)| lower_text(t)).collect();
        let has = |needle: &str| lower.iter().any(|w| w.contains(needle));
        let is = |names: &[&str]| lower.iter().any(|w| names.contains(&w.as_str()));
        // Taint of the variables the statement reads.
        let mut refs = 0u16;
        for w in &lower {
            for (name, taint) in &vars {
                if mentions(w, name) {
                    refs |= taint;
                }
            }
        }
        let downloads_text = has("downloadstring")
            || has("downloaddata")
            || has("openread")
            || (is(&[
                "invoke-webrequest",
                "iwr",
                "invoke-restmethod",
                "irm",
                "wget",
                "curl",
            ]) && !is(&["-outfile"]));
        let downloads_file = has("downloadfile") || is(&["-outfile", "start-bitstransfer"]);
        let decodes =
            has("frombase64string") || has("gzipstream") || has("deflatestream") || is(&["-bxor"]);
        let exec = is(&["iex", "invoke-expression", "icm", "invoke-command"])
            || has("]::create(")
            || has("scriptblock]::create");
        let mut secret = 0u16;
        for (i, w) in lower.iter().enumerate() {
            if let Some(what) = signals::secret_path(w)
                && (has("get-content") || is(&["gc", "cat", "type", "copy-item"]) || has("readall"))
            {
                judge
                    .facts
                    .push(K::SecretRead, at, format!("reads {what} ({})", clip(w, 80)));
                secret |= Taint::SECRET;
            }
            if (w == "env:" || w == "env:\\")
                && i > 0
                && matches!(
                    lower[i - 1].as_str(),
                    "gci" | "get-childitem" | "ls" | "dir"
                )
                || w.contains("getenvironmentvariables")
            {
                judge.facts.push(K::SecretRead, at, "dumps the environment");
                secret |= Taint::SECRET;
            }
        }
        let network = downloads_text
            || downloads_file
            || has("uploadstring")
            || has("uploaddata")
            || has("uploadfile")
            || has("uploadvalues");
        if network {
            let url = statement
                .iter()
                .find_map(|(t, _)| match t {
                    Tok::Str(s) | Tok::Word(s) if s.contains("://") => Some(s.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            judge.facts.push(
                K::Network,
                at,
                format!("PowerShell download: {}", clip(&url, 120)),
            );
        }
        for (t, _) in statement {
            if let Tok::Str(s) = t
                && let Some((what, url)) = signals::suspicious_destination(s)
            {
                let detail = if network {
                    format!("sends to a {what}: {url}")
                } else {
                    format!("{what}: {url}")
                };
                judge.facts.push(K::SuspiciousDestination, at, detail);
            }
        }
        if has("sockets.tcpclient") || has("sockets.udpclient") {
            judge.facts.push(
                K::Network,
                at,
                "opens a raw TCP connection (Net.Sockets.TCPClient)",
            );
            tcp_client = Some(at);
        }
        if has("getstream") {
            reads_stream = true;
        }
        if exec {
            executes = true;
            if downloads_text || refs & Taint::DOWNLOADED != 0 {
                judge.facts.push(
                    K::DownloadExecute,
                    at,
                    "Invoke-Expression of code fetched from the network",
                );
            } else if decodes || refs & Taint::DECODED != 0 {
                judge
                    .facts
                    .push(K::DecodeExecute, at, "Invoke-Expression of decoded code");
            } else if !matches!(statement.get(1), Some((Tok::Str(_), _))) {
                judge.facts.push(
                    K::DynamicExecute,
                    at,
                    "Invoke-Expression of code built at run time",
                );
            }
        }
        if network && (secret | refs) & Taint::SECRET != 0 {
            judge.facts.push(
                K::SecretExfiltration,
                at,
                "secrets sent over the network by PowerShell",
            );
        }
        // Files downloaded: DownloadFile(url, 'path'), -OutFile path, -Destination path.
        if downloads_file {
            let mut strings = statement.iter().filter_map(|(t, _)| match t {
                Tok::Str(s) | Tok::Word(s) if !s.starts_with('-') => Some(s.clone()),
                _ => None,
            });
            if let Some(i) = lower
                .iter()
                .position(|w| w == "-outfile" || w == "-destination")
            {
                if let Some((Tok::Str(p) | Tok::Word(p), _)) = statement.get(i + 1) {
                    judge_download(&mut judge, p);
                }
            } else if strings.any(|s| s.contains("://"))
                && let Some(p) = strings.next()
            {
                judge_download(&mut judge, &p);
            }
        }
        // Assignments give variables what the right side carries.
        if let (Some((Tok::Word(name), _)), Some((Tok::Op('='), _))) =
            (statement.first(), statement.get(1))
            && name.starts_with('$')
        {
            let mut taint = refs | secret;
            if downloads_text {
                taint |= Taint::DOWNLOADED;
            }
            if decodes {
                taint |= Taint::DECODED;
            }
            vars.insert(name.to_ascii_lowercase(), taint);
        }
        // Commands of each pipeline.
        let mut programs = Vec::new();
        let mut flow = 0u16;
        for stage in statement.split(|(t, _)| *t == Tok::Pipe) {
            // `& program args` and `. script` run what follows.
            let stage = match stage.first() {
                Some((Tok::Op('&'), _)) => &stage[1..],
                Some((Tok::Word(dot), _)) if dot == "." => &stage[1..],
                _ => stage,
            };
            let Some((Tok::Word(first), offset)) = stage.first() else {
                continue;
            };
            if first.starts_with(['$', '[', '.'])
                && !first.starts_with(".\\")
                && !first.starts_with("./")
            {
                continue;
            }
            let words: Vec<Word> = stage
                .iter()
                .take_while(|(t, _)| !matches!(t, Tok::Op('(' | '{' | '=')))
                .filter_map(|(t, _)| match t {
                    Tok::Word(w) | Tok::Str(w) => Some(Word {
                        text: w.clone(),
                        taint: if w.starts_with('$') { refs } else { 0 },
                        literal: !w.starts_with('$'),
                    }),
                    _ => None,
                })
                .collect();
            programs.push(super::judge::program(first));
            let cmd = Command {
                words,
                offset: *offset,
                stdin: flow,
                output_used: true,
            };
            flow = judge.command(&cmd);
        }
        judge.pipeline(&programs, at);
    }
    if let Some(at) = tcp_client
        && (executes || reads_stream && text.to_ascii_lowercase().contains("out-string"))
    {
        judge.facts.push(
            K::ReverseShell,
            at,
            "a TCP connection whose data is run as commands (PowerShell reverse shell)",
        );
    }
    let mut facts = judge.finish();
    if cut {
        facts.error = Some(format!(
            "more than {MAX_TOKENS} PowerShell tokens; the rest was not read"
        ));
    }
    facts
}

/// Whether a word mentions the variable `name` (`$p` in `$p.Content`, not in `$path`).
fn mentions(word: &str, name: &str) -> bool {
    word.match_indices(name).any(|(i, _)| {
        !word[i + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

fn judge_download(judge: &mut Judge, path: &str) {
    judge.write_file(path, Taint::DOWNLOADED, 0);
}

/// The arguments of a `powershell`/`pwsh` command line (from any dialect): encoded
/// commands are decoded and analysed, `-Command` text analysed, `-File` followed, a
/// hidden window noted. All findings are placed at `at`.
pub(crate) fn arguments(args: &[Word], at: u32) -> ShellFacts {
    let mut facts = ShellFacts::default();
    let joined: String = args
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    facts.push(
        K::ProcessSpawn,
        at,
        format!("runs PowerShell: {}", clip(&joined, 120)),
    );
    let mut i = 0;
    while i < args.len() {
        let raw = args[i].text.as_str();
        let flag = raw.to_ascii_lowercase();
        let Some(name) = flag.strip_prefix('-').or_else(|| flag.strip_prefix('/')) else {
            // The rest is a command.
            let command: String = args[i..]
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            absorb_command(&mut facts, &command, at);
            break;
        };
        let next = args.get(i + 1).map(|w| w.text.as_str());
        if name == "ec" || (name.starts_with('e') && "encodedcommand".starts_with(name)) {
            match next.and_then(decode_utf16le_base64) {
                Some(decoded) => {
                    facts.push(
                        K::DecodeExecute,
                        at,
                        format!("PowerShell -EncodedCommand: {}", clip(decoded.trim(), 120)),
                    );
                    if let Some(inner) = super::nested(|| analyze(&decoded)) {
                        facts.absorb(inner, at, "in the encoded command: ");
                    }
                }
                None => facts.push(K::DecodeExecute, at, "PowerShell with an encoded command"),
            }
            i += 2;
        } else if name.starts_with('c') && "command".starts_with(name) {
            let command: String = args[i + 1..]
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            absorb_command(&mut facts, &command, at);
            break;
        } else if name.starts_with('f') && "file".starts_with(name) {
            if let Some(file) = next.filter(|f| !f.starts_with(['/', '$', '%']) && !f.contains(':'))
            {
                facts.runs.push(file.to_owned());
            }
            i += 2;
        } else if name.starts_with('w') && "windowstyle".starts_with(name) {
            if next.is_some_and(|v| v.to_ascii_lowercase().starts_with('h')) {
                facts.push(K::HiddenProcess, at, "PowerShell with a hidden window");
            }
            i += 2;
        } else if name.starts_with("ex") || name == "ep" || name == "version" || name == "v" {
            i += 2;
        } else {
            i += 1;
        }
    }
    facts
}

fn absorb_command(facts: &mut ShellFacts, command: &str, at: u32) {
    let command = command.trim().trim_matches(['"', '\'']).to_owned();
    if command.is_empty() {
        return;
    }
    if let Some(inner) = super::nested(|| analyze(&command)) {
        facts.absorb(inner, at, "");
    }
}
