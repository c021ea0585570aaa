//! POSIX shell and bash, read from tree-sitter-bash's syntax tree.

use std::collections::HashMap;
use std::ops::ControlFlow;

use tree_sitter::{Node, ParseOptions, ParseState, Parser};

use crate::value::Taint;

use super::judge::{Command, Judge, Word, program};
use super::{MAX_DEPTH, ShellFacts};

/// Parser progress reports allowed per kilobyte of script (a report comes about every
/// hundred parser operations). Ordinary scripts take about 10 per kilobyte, deep nesting
/// 16, error recovery on random punctuation 21 (and ten times the time per report): past
/// the budget the parse is cancelled and the file reported unread.
const REPORTS_PER_KB: usize = 15;

/// Longest text a variable holds for substitution.
const MAX_VALUE: usize = 4096;

/// Analyses a shell script.
pub(crate) fn analyze(text: &str) -> ShellFacts {
    let mut parser = Parser::new();
    if parser
        .set_language(&tree_sitter_bash::LANGUAGE.into())
        .is_err()
    {
        return ShellFacts {
            error: Some("the shell grammar could not be loaded; not analysed".into()),
            ..ShellFacts::default()
        };
    }
    let budget = 2000 + text.len() / 1024 * REPORTS_PER_KB;
    let mut reports = 0usize;
    let mut progress = |_: &ParseState| {
        reports += 1;
        if reports > budget {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let bytes = text.as_bytes();
    let tree = parser.parse_with_options(
        &mut |at, _| bytes.get(at..).unwrap_or_default(),
        None,
        Some(ParseOptions::new().progress_callback(&mut progress)),
    );
    let Some(tree) = tree else {
        return ShellFacts {
            error: Some(
                "the shell parser gave up on this script (too costly to read); not analysed".into(),
            ),
            ..ShellFacts::default()
        };
    };
    let mut walker = Walker {
        src: text,
        judge: Judge::new(),
        vars: HashMap::new(),
        depth: 0,
        too_deep: false,
    };
    walker.statement(tree.root_node(), 0, false);
    let too_deep = walker.too_deep;
    let mut facts = walker.judge.finish();
    if too_deep {
        facts.error = Some("nested too deeply; the innermost commands were not read".into());
    }
    facts
}

/// A variable's known value.
#[derive(Clone)]
struct Var {
    text: Option<String>,
    taint: u16,
}

struct Walker<'s> {
    src: &'s str,
    judge: Judge,
    vars: HashMap<String, Var>,
    depth: u32,
    too_deep: bool,
}

/// The children of a node, through a cursor (indexing children one by one is linear
/// each, quadratic over a wide node).
fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

fn offset(node: Node<'_>) -> u32 {
    u32::try_from(node.start_byte()).unwrap_or(u32::MAX)
}

impl<'s> Walker<'s> {
    fn text(&self, node: Node<'_>) -> &'s str {
        self.src
            .get(node.start_byte()..node.end_byte())
            .unwrap_or("")
    }

    /// Enters a level of nesting, or says the node is too deep.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return false;
        }
        self.depth += 1;
        true
    }

    /// Walks a statement (any node); returns what its output carries. `stdin` is what
    /// its input carries, `captured` whether its output is read.
    fn statement(&mut self, node: Node<'_>, stdin: u16, captured: bool) -> u16 {
        if !self.enter() {
            return 0;
        }
        let out = match node.kind() {
            "command" => self.command(node, stdin, captured, &[]),
            "pipeline" => self.pipeline(node, stdin, captured),
            "redirected_statement" => self.redirected(node, stdin, captured),
            "variable_assignment" => {
                self.assignment(node);
                0
            }
            "declaration_command" => {
                for child in children(node) {
                    if child.kind() == "variable_assignment" {
                        self.assignment(child);
                    } else if child.is_named() {
                        self.statement(child, 0, false);
                    }
                }
                0
            }
            "command_substitution" | "process_substitution" => {
                let mut out = 0;
                for child in children(node).into_iter().filter(Node::is_named) {
                    out |= self.statement(child, 0, true);
                }
                out
            }
            "comment" | "heredoc_body" | "heredoc_start" | "heredoc_end" => 0,
            "for_statement" => self.for_in(node, stdin, captured),
            _ => self.sequence(node, stdin, captured),
        };
        self.depth -= 1;
        out
    }

    /// `for f in A B C; do …; done`: the body walked once for each of the first few
    /// values, with the variable bound to it (`for rc in ~/.bashrc ~/.zshrc` names the
    /// files the body writes).
    fn for_in(&mut self, node: Node<'_>, stdin: u16, captured: bool) -> u16 {
        let name = node
            .child_by_field_name("variable")
            .map(|n| self.text(n).to_owned());
        let mut cursor = node.walk();
        let values: Vec<Node<'_>> = node.children_by_field_name("value", &mut cursor).collect();
        let (Some(name), Some(body)) = (name, node.child_by_field_name("body")) else {
            return self.sequence(node, stdin, captured);
        };
        if values.is_empty() {
            return self.sequence(node, stdin, captured);
        }
        let mut out = 0;
        for value in values.into_iter().take(4) {
            let word = self.word(value);
            let text = (word.text.len() <= MAX_VALUE).then_some(word.text);
            self.vars.insert(
                name.clone(),
                Var {
                    text,
                    taint: word.taint,
                },
            );
            out |= self.statement(body, stdin, captured);
        }
        out
    }

    /// The children of a compound node in order; a child followed by `&` runs in the
    /// background.
    fn sequence(&mut self, node: Node<'_>, stdin: u16, captured: bool) -> u16 {
        let kids = children(node);
        let mut out = 0;
        for (i, child) in kids.iter().enumerate() {
            if !child.is_named() {
                continue;
            }
            out |= self.statement(*child, stdin, captured);
            if kids.get(i + 1).is_some_and(|n| n.kind() == "&") {
                let first = self.first_command_text(*child);
                self.judge.background(offset(*child), &first);
            }
        }
        out
    }

    fn first_command_text(&self, node: Node<'_>) -> String {
        let mut n = node;
        for _ in 0..8 {
            if n.kind() == "command" {
                break;
            }
            match n.named_child(0) {
                Some(c) => n = c,
                None => break,
            }
        }
        self.text(n).to_owned()
    }

    fn pipeline(&mut self, node: Node<'_>, stdin: u16, captured: bool) -> u16 {
        let stages: Vec<Node<'_>> = children(node)
            .into_iter()
            .filter(Node::is_named)
            .filter(|n| n.kind() != "comment")
            .collect();
        let mut flow = stdin;
        let last = stages.len().saturating_sub(1);
        for (i, stage) in stages.iter().enumerate() {
            flow = self.statement(*stage, flow, captured || i < last);
        }
        // `a | b 2>&1 | c` nests the first pipeline in a redirection: the stages of all.
        let mut programs = Vec::new();
        self.stage_programs(node, &mut programs, 0);
        self.judge.pipeline(&programs, offset(node));
        flow
    }

    fn stage_programs(&self, node: Node<'_>, out: &mut Vec<String>, depth: u32) {
        if depth > 16 || out.len() > 64 {
            return;
        }
        match node.kind() {
            "pipeline" => {
                for stage in children(node).into_iter().filter(Node::is_named) {
                    self.stage_programs(stage, out, depth + 1);
                }
            }
            "redirected_statement" => {
                if let Some(body) = node.child_by_field_name("body") {
                    self.stage_programs(body, out, depth + 1);
                }
            }
            "comment" => {}
            _ => out.push(self.program_of(node)),
        }
    }

    /// The program a stage runs, past wrappers (`sudo`, `env`), for the pipeline check.
    fn program_of(&self, node: Node<'_>) -> String {
        let mut n = node;
        for _ in 0..8 {
            if n.kind() == "command" {
                break;
            }
            match n.named_child(0) {
                Some(c) => n = c,
                None => break,
            }
        }
        let Some(name) = n.child_by_field_name("name") else {
            return String::new();
        };
        let mut words = vec![self.text(name)];
        let mut cursor = n.walk();
        words.extend(
            n.children_by_field_name("argument", &mut cursor)
                .take(4)
                .map(|a| self.text(a)),
        );
        words
            .iter()
            .map(|w| program(w.trim_matches(['"', '\''])))
            .find(|p| {
                !matches!(p.as_str(), "sudo" | "env" | "nohup" | "setsid") && !p.starts_with('-')
            })
            .unwrap_or_default()
    }

    fn redirected(&mut self, node: Node<'_>, stdin: u16, captured: bool) -> u16 {
        let body = node.child_by_field_name("body");
        let mut input = stdin;
        let mut outputs: Vec<(String, bool)> = Vec::new();
        let mut cursor = node.walk();
        let redirects: Vec<Node<'_>> = node
            .children_by_field_name("redirect", &mut cursor)
            .collect();
        for r in &redirects {
            self.redirect(*r, &mut input, &mut outputs);
        }
        let prog = body.map(|b| self.program_of(b)).unwrap_or_default();
        for (target, _) in &outputs {
            self.judge.socket_redirect(&prog, target, offset(node));
        }
        let used = captured || !outputs.is_empty();
        let out = match body {
            Some(b) if b.kind() == "command" => {
                let targets: Vec<String> = outputs.iter().map(|(t, _)| t.clone()).collect();
                self.command(b, input, used, &targets)
            }
            Some(b) => self.statement(b, input, used),
            None => 0,
        };
        let mut to_stdout = true;
        for (target, stdout) in &outputs {
            if *stdout {
                to_stdout = false;
                if !target.starts_with("/dev/") || target.starts_with("/dev/tcp/") {
                    self.judge.write_file(target, out, offset(node));
                }
            }
        }
        if to_stdout { out } else { 0 }
    }

    /// Reads one redirect: input files and here-strings feed `input`; output targets go
    /// to `outputs` (with whether they take standard output).
    fn redirect(&mut self, r: Node<'_>, input: &mut u16, outputs: &mut Vec<(String, bool)>) {
        match r.kind() {
            "file_redirect" => {
                let kids = children(r);
                let descriptor = r
                    .child_by_field_name("descriptor")
                    .map(|d| self.text(d).to_owned());
                let op = kids
                    .iter()
                    .find(|k| !k.is_named())
                    .map(|k| k.kind())
                    .unwrap_or("");
                let Some(dest) = r.child_by_field_name("destination") else {
                    return;
                };
                let word = self.word(dest);
                if op == "<" || op == "<&" && dest.kind() != "number" {
                    *input |= word.taint | self.judge.file_taint(&word.text, offset(r));
                } else if op == "<>" || op.starts_with('>') || op.starts_with("&>") {
                    if dest.kind() == "number" || word.text == "-" {
                        // `2>&1`: descriptors joined, nothing written.
                        return;
                    }
                    let stdout = descriptor.as_deref().is_none_or(|d| d == "1")
                        || op.starts_with("&>")
                        || op == ">&";
                    outputs.push((word.text, stdout));
                }
            }
            "herestring_redirect" => {
                for child in children(r).into_iter().filter(Node::is_named) {
                    let w = self.word(child);
                    *input |= w.taint;
                }
            }
            "heredoc_redirect" => {
                for child in children(r) {
                    match child.kind() {
                        "heredoc_body" => {
                            for part in children(child).into_iter().filter(Node::is_named) {
                                if matches!(
                                    part.kind(),
                                    "command_substitution" | "simple_expansion" | "expansion"
                                ) {
                                    *input |= self.word(part).taint;
                                }
                            }
                        }
                        "file_redirect" => self.redirect(child, input, outputs),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn assignment(&mut self, node: Node<'_>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let name = self.text(name).to_owned();
        let value = node
            .child_by_field_name("value")
            .map(|v| self.word(v))
            .unwrap_or_default();
        let text = (value.text.len() <= MAX_VALUE).then_some(value.text);
        self.vars.insert(
            name,
            Var {
                text,
                taint: value.taint,
            },
        );
    }

    fn command(&mut self, node: Node<'_>, stdin: u16, captured: bool, outputs: &[String]) -> u16 {
        let mut words = Vec::new();
        let mut assignments = Vec::new();
        let mut input = stdin;
        let mut extra_outputs = Vec::new();
        for child in children(node) {
            match child.kind() {
                "variable_assignment" => assignments.push(child),
                "command_name" => {
                    let inner = child.named_child(0).unwrap_or(child);
                    words.push(self.word(inner));
                }
                "herestring_redirect" | "file_redirect" | "heredoc_redirect" => {
                    self.redirect(child, &mut input, &mut extra_outputs);
                }
                "comment" => {}
                _ if child.is_named() && node.child_by_field_name("name").is_some() => {
                    words.push(self.word(child));
                }
                _ => {}
            }
        }
        if words.is_empty() {
            for a in assignments {
                self.assignment(a);
            }
            return 0;
        }
        // Prefix assignments (`X=1 cmd`) only reach the command's environment.
        for a in assignments {
            if let Some(v) = a.child_by_field_name("value") {
                let _ = self.word(v);
            }
        }
        let cmd = Command {
            words,
            offset: offset(node),
            stdin: input,
            output_used: captured || !outputs.is_empty() || !extra_outputs.is_empty(),
        };
        let out = self.judge.command(&cmd);
        let prog = program(&cmd.words[0].text);
        // `… | while read -r line`: the variables read carry what came in.
        if prog == "read" && input != 0 {
            for w in cmd.words[1..].iter().filter(|w| !w.text.starts_with('-')) {
                if !w.text.is_empty()
                    && w.text
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    self.vars.insert(
                        w.text.clone(),
                        Var {
                            text: None,
                            taint: input,
                        },
                    );
                }
            }
        }
        for (target, stdout) in &extra_outputs {
            self.judge.socket_redirect(&prog, target, offset(node));
            if *stdout && !target.starts_with("/dev/") {
                self.judge.write_file(target, out, offset(node));
            }
        }
        out
    }

    /// The word a node stands for.
    fn word(&mut self, node: Node<'_>) -> Word {
        if !self.enter() {
            return Word::default();
        }
        let w = match node.kind() {
            "word" | "number" | "command_name" => Word::literal(unescape(self.text(node))),
            "raw_string" => {
                let t = self.text(node);
                Word::literal(t.get(1..t.len().saturating_sub(1)).unwrap_or(""))
            }
            "ansi_c_string" => {
                let t = self.text(node);
                Word::literal(ansi_c(t.get(2..t.len().saturating_sub(1)).unwrap_or("")))
            }
            "string" | "concatenation" | "translated_string" => self.compound(node),
            "simple_expansion" | "expansion" => self.expansion(node),
            "command_substitution" | "process_substitution" => {
                let taint = self.statement(node, 0, true);
                Word {
                    text: self.text(node).to_owned(),
                    taint,
                    literal: false,
                }
            }
            _ => {
                // Anything else (arithmetic, globs, brace expressions) as written, with
                // the substitutions inside it walked.
                let mut taint = 0;
                for child in children(node).into_iter().filter(Node::is_named) {
                    if matches!(
                        child.kind(),
                        "command_substitution" | "process_substitution"
                    ) {
                        taint |= self.statement(child, 0, true);
                    }
                }
                Word {
                    text: self.text(node).to_owned(),
                    taint,
                    literal: taint == 0,
                }
            }
        };
        self.depth -= 1;
        w
    }

    /// A string or a concatenation: its source with each part replaced by its value.
    fn compound(&mut self, node: Node<'_>) -> Word {
        let quoted = matches!(node.kind(), "string" | "translated_string");
        let (start, end) = if quoted {
            let open = if node.kind() == "translated_string" {
                2
            } else {
                1
            };
            (node.start_byte() + open, node.end_byte().saturating_sub(1))
        } else {
            (node.start_byte(), node.end_byte())
        };
        let mut out = Word {
            text: String::new(),
            taint: 0,
            literal: true,
        };
        let mut at = start;
        for child in children(node).into_iter().filter(Node::is_named) {
            let (s, e) = (child.start_byte(), child.end_byte());
            if s < at || e > end {
                continue;
            }
            let gap = self.src.get(at..s).unwrap_or("");
            out.text.push_str(&if quoted {
                gap.to_owned()
            } else {
                unescape(gap)
            });
            let part = if child.kind() == "string_content" {
                Word::literal(self.text(child))
            } else {
                self.word(child)
            };
            out.text.push_str(&part.text);
            out.taint |= part.taint;
            out.literal &= part.literal;
            at = e;
        }
        if at < end {
            out.text.push_str(self.src.get(at..end).unwrap_or(""));
        }
        if out.text.len() > 1 << 16 {
            out.text.truncate(out.text.floor_char_boundary(1 << 16));
        }
        out
    }

    fn expansion(&mut self, node: Node<'_>) -> Word {
        let raw = self.text(node);
        let name = {
            let mut cursor = node.walk();
            node.named_children(&mut cursor)
                .find(|c| c.kind() == "variable_name")
                .map(|c| self.text(c).to_owned())
        };
        // Substitutions inside `${X:-$(...)}` run too.
        let mut taint = 0;
        for child in children(node).into_iter().filter(Node::is_named) {
            if matches!(
                child.kind(),
                "command_substitution" | "process_substitution"
            ) {
                taint |= self.statement(child, 0, true);
            }
        }
        let Some(name) = name else {
            return Word {
                text: raw.to_owned(),
                taint,
                literal: false,
            };
        };
        let secret = if crate::signals::is_secret_env_name(&name) {
            Taint::SECRET
        } else {
            0
        };
        match self.vars.get(&name) {
            Some(v) => Word {
                text: v.text.clone().unwrap_or_else(|| raw.to_owned()),
                taint: taint | v.taint | secret,
                literal: false,
            },
            None => Word {
                text: raw.to_owned(),
                taint: taint | secret,
                literal: false,
            },
        }
    }
}

/// A word with its backslash escapes undone.
fn unescape(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next()
                && n != '\n'
            {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The text of a `$'…'` string: `\xHH`, octal `\NNN`, and the usual escapes.
fn ansi_c(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('x') => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('?'));
            }
            Some(d @ '0'..='7') => {
                let mut v = d.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('?'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}
