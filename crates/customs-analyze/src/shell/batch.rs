//! Windows batch (`.bat`, `.cmd`, `cmd /c`), read by a bounded tokenizer of its command
//! syntax (not a parser): lines joined at `^`, `set` variables substituted, commands split
//! at `&`, `&&`, `||`, `|` and parentheses outside quotes, `if …` and `for … do` prefixes
//! dropped, `>`/`<` redirections taken apart. Commands go to the shared [`Judge`].

use std::collections::HashMap;

use super::ShellFacts;
use super::judge::{Command, Judge, Word, program};

/// Most commands read from one script.
const MAX_COMMANDS: usize = 100_000;

/// Analyses a batch script.
pub(crate) fn analyze(text: &str) -> ShellFacts {
    let mut judge = Judge::new();
    let mut vars: HashMap<String, String> = HashMap::new();
    let mut commands = 0usize;
    let mut cut = false;
    let mut start = 0usize;
    let mut logical = String::new();
    let mut logical_start = 0usize;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if logical.is_empty() {
            logical_start = line_start;
        }
        if let Some(body) = trimmed.strip_suffix('^') {
            logical.push_str(body);
            continue;
        }
        logical.push_str(trimmed);
        let full = std::mem::take(&mut logical);
        let at = u32::try_from(logical_start).unwrap_or(u32::MAX);
        for pipeline in split_pipelines(&expand(&full, &vars)) {
            commands += pipeline.len();
            if commands > MAX_COMMANDS {
                cut = true;
                break;
            }
            let mut flow = 0u16;
            let mut programs = Vec::new();
            let last = pipeline.len().saturating_sub(1);
            for (i, stage) in pipeline.iter().enumerate() {
                let (words, outputs, inputs) = words_of(stage);
                let words = strip_prefixes(words);
                let Some(first) = words.first() else { continue };
                let name = program(first);
                if name == "set" {
                    set_var(&words, &mut vars);
                    if words.len() > 1 {
                        continue;
                    }
                }
                if matches!(
                    name.as_str(),
                    "rem" | "echo." | "goto" | "exit" | "setlocal" | "endlocal" | "pause"
                ) || first.starts_with("::")
                    || first.starts_with(':')
                {
                    continue;
                }
                for input in &inputs {
                    flow |= judge.file_taint(input, at);
                }
                programs.push(name);
                let cmd = Command {
                    words: words.into_iter().map(Word::literal).collect(),
                    offset: at,
                    stdin: flow,
                    output_used: i < last || !outputs.is_empty(),
                };
                flow = judge.command(&cmd);
                for out in &outputs {
                    judge.write_file(out, flow, at);
                }
            }
            judge.pipeline(&programs, at);
        }
        if cut {
            break;
        }
    }
    let mut facts = judge.finish();
    if cut {
        facts.error = Some(format!(
            "more than {MAX_COMMANDS} batch commands; the rest was not read"
        ));
    }
    facts
}

/// `%NAME%` and `!NAME!` of known variables replaced by their values.
fn expand(line: &str, vars: &HashMap<String, String>) -> String {
    if vars.is_empty() || !line.contains(['%', '!']) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(['%', '!']) {
        let mark = &rest[i..=i];
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find(mark) {
            Some(j) if j > 0 && !after[..j].contains(' ') => {
                let name = after[..j].to_ascii_lowercase();
                match vars.get(&name) {
                    Some(v) if out.len() + v.len() < 1 << 16 => out.push_str(v),
                    _ => {
                        out.push_str(mark);
                        out.push_str(&after[..j]);
                        out.push_str(mark);
                    }
                }
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(mark);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn set_var(words: &[String], vars: &mut HashMap<String, String>) {
    let Some(assignment) = words.get(1) else {
        return;
    };
    if assignment.starts_with('/') {
        return;
    }
    let rest = words[1..].join(" ");
    if let Some((name, value)) = rest.split_once('=') {
        vars.insert(name.trim().to_ascii_lowercase(), value.to_owned());
    }
}

/// The pipelines of a line: commands split at `&`, `&&`, `||` and parentheses, and each
/// into its `|` stages, outside double quotes; `^` escapes the next character.
fn split_pipelines(line: &str) -> Vec<Vec<String>> {
    let mut pipelines = Vec::new();
    let mut stages = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' if !quoted => {
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '|' if !quoted => {
                if chars.peek() == Some(&'|') {
                    chars.next();
                    stages.push(std::mem::take(&mut current));
                    pipelines.push(std::mem::take(&mut stages));
                } else {
                    stages.push(std::mem::take(&mut current));
                }
            }
            '&' if !quoted && !current.ends_with('>') => {
                if chars.peek() == Some(&'&') {
                    chars.next();
                }
                stages.push(std::mem::take(&mut current));
                pipelines.push(std::mem::take(&mut stages));
            }
            '(' | ')' if !quoted && (c == ')' || current.trim().is_empty()) => {
                stages.push(std::mem::take(&mut current));
                pipelines.push(std::mem::take(&mut stages));
            }
            _ => current.push(c),
        }
    }
    stages.push(current);
    pipelines.push(stages);
    pipelines
        .into_iter()
        .map(|p| {
            p.into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The words of one command, its output targets and its input files.
fn words_of(stage: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut outputs = Vec::new();
    let mut inputs = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut pending: Option<bool> = None; // Some(true) output, Some(false) input
    let mut flush = |current: &mut String, pending: &mut Option<bool>, words: &mut Vec<String>| {
        if current.is_empty() {
            return;
        }
        let w = std::mem::take(current);
        match pending.take() {
            Some(true) => outputs.push(w),
            Some(false) => inputs.push(w),
            None => words.push(w),
        }
    };
    let mut chars = stage
        .trim_start()
        .trim_start_matches('@')
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => flush(&mut current, &mut pending, &mut words),
            '>' | '<' if !quoted => {
                // A descriptor digit written just before belongs to the operator.
                if current.len() == 1 && current.chars().all(|d| d.is_ascii_digit()) {
                    current.clear();
                }
                flush(&mut current, &mut pending, &mut words);
                while chars.peek() == Some(&'>') {
                    chars.next();
                }
                if chars.peek() == Some(&'&') {
                    // `2>&1`: descriptors joined.
                    chars.next();
                    while chars.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                    }
                    continue;
                }
                pending = Some(c == '>');
            }
            _ => current.push(c),
        }
    }
    flush(&mut current, &mut pending, &mut words);
    outputs.retain(|o| !o.eq_ignore_ascii_case("nul"));
    (words, outputs, inputs)
}

/// Drops `if …` conditions and `for … do` heads, leaving the command they run.
fn strip_prefixes(mut words: Vec<String>) -> Vec<String> {
    for _ in 0..8 {
        let Some(first) = words.first().map(|w| w.to_ascii_lowercase()) else {
            break;
        };
        match first.as_str() {
            "if" => {
                let mut i = 1;
                while words
                    .get(i)
                    .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "not" | "/i"))
                {
                    i += 1;
                }
                let kind = words
                    .get(i)
                    .map(|w| w.to_ascii_lowercase())
                    .unwrap_or_default();
                i += if matches!(kind.as_str(), "exist" | "defined" | "errorlevel") {
                    2
                } else if words.get(i + 1).is_some_and(|w| {
                    w.starts_with("==")
                        || matches!(
                            w.to_ascii_lowercase().as_str(),
                            "equ" | "neq" | "lss" | "leq" | "gtr" | "geq"
                        )
                }) {
                    3
                } else {
                    1
                };
                words.drain(..i.min(words.len()));
            }
            "for" => match words.iter().position(|w| w.eq_ignore_ascii_case("do")) {
                Some(i) => {
                    words.drain(..=i);
                }
                None => return Vec::new(),
            },
            "else" => {
                words.remove(0);
            }
            _ => break,
        }
    }
    words
}
