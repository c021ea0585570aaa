//! Pickles shipped as package data. Loading a pickle runs whatever callables it names
//! (`GLOBAL`, `STACK_GLOBAL`, `INST` then `REDUCE`), so a data file that names
//! `os.system` or `builtins.exec` is code, whichever function of the package loads it
//! (`pickle.load`, `joblib.load`, `torch.load`). This walks the opcodes of every protocol
//! (0 to 5) without unpickling anything and reports the callables that run commands or
//! code. A file that is not a pickle ends the walk at its first unknown opcode.

use std::collections::HashMap;

/// Largest data file read.
pub const MAX_PICKLE_BYTES: usize = 16 << 20;

/// The callables a pickle names that run commands or code when it is loaded
/// (`posix.system`, `builtins.exec`), as `module.name`.
#[must_use]
pub fn dangerous_callables(data: &[u8]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut strings: Vec<String> = Vec::new();
    let mut memo: HashMap<u64, String> = HashMap::new();
    let mut memo_next: u64 = 0;
    let mut at = 0usize;
    // Every opcode moves past at least its own byte: the walk is linear in the file,
    // which [`MAX_PICKLE_BYTES`] bounds. No count of opcodes or length of line stops it
    // early, or padding would hide what follows.
    while let Some(&op) = data.get(at) {
        at += 1;
        let push_string = |s: String, strings: &mut Vec<String>| {
            if strings.len() >= 2 {
                strings.remove(0);
            }
            strings.push(s);
        };
        match op {
            // Text arguments ending at a newline.
            b'I' | b'L' | b'F' | b'P' => {
                let Some(end) = line_end(data, at) else { break };
                at = end + 1;
            }
            b'S' | b'V' => {
                let Some(end) = line_end(data, at) else { break };
                let text = String::from_utf8_lossy(&data[at..end])
                    .trim_matches(['\'', '"'])
                    .to_owned();
                push_string(text, &mut strings);
                at = end + 1;
            }
            b'p' => {
                let Some(end) = line_end(data, at) else { break };
                if let (Ok(i), Some(s)) = (
                    String::from_utf8_lossy(&data[at..end])
                        .trim()
                        .parse::<u64>(),
                    strings.last(),
                ) {
                    remember(&mut memo, i, s.clone());
                }
                at = end + 1;
            }
            b'g' => {
                let Some(end) = line_end(data, at) else { break };
                if let Ok(i) = String::from_utf8_lossy(&data[at..end])
                    .trim()
                    .parse::<u64>()
                    && let Some(s) = recall(&memo, i)
                {
                    push_string(s, &mut strings);
                }
                at = end + 1;
            }
            // GLOBAL and INST: `module\nname\n`.
            b'c' | b'i' => {
                let Some(end1) = line_end(data, at) else {
                    break;
                };
                let Some(end2) = line_end(data, end1 + 1) else {
                    break;
                };
                let module = String::from_utf8_lossy(&data[at..end1]).into_owned();
                let name = String::from_utf8_lossy(&data[end1 + 1..end2]).into_owned();
                note(&mut found, &module, &name);
                at = end2 + 1;
            }
            // STACK_GLOBAL: module and name are the two strings pushed last.
            0x93 => {
                if let [module, name] = strings.as_slice() {
                    note(&mut found, module, name);
                }
            }
            // Fixed-size arguments.
            b'K' | b'h' | b'q' | 0x82 | 0x80 => {
                if op == b'h'
                    && let Some(&i) = data.get(at)
                    && let Some(s) = recall(&memo, u64::from(i))
                {
                    push_string(s, &mut strings);
                } else if op == b'q'
                    && let (Some(&i), Some(s)) = (data.get(at), strings.last())
                {
                    remember(&mut memo, u64::from(i), s.clone());
                }
                at += 1;
            }
            b'M' | 0x83 => at += 2,
            b'J' | b'j' | b'r' | 0x84 => {
                let Some(i) = le(data, at, 4) else { break };
                if op == b'j'
                    && let Some(s) = recall(&memo, i)
                {
                    push_string(s, &mut strings);
                } else if op == b'r'
                    && let Some(s) = strings.last()
                {
                    remember(&mut memo, i, s.clone());
                }
                at += 4;
            }
            b'G' | 0x95 => at += 8,
            // Length-prefixed arguments.
            b'U' | b'C' | 0x8a | 0x8c => {
                let Some(n) = le(data, at, 1) else { break };
                let Some(text) = take(data, at + 1, n) else {
                    break;
                };
                if op == 0x8c || op == b'U' {
                    push_string(String::from_utf8_lossy(text).into_owned(), &mut strings);
                }
                at = at + 1 + text.len();
            }
            b'T' | b'X' | b'B' | 0x8b => {
                let Some(n) = le(data, at, 4) else { break };
                let Some(text) = take(data, at + 4, n) else {
                    break;
                };
                if op == b'X' || op == b'T' {
                    push_string(String::from_utf8_lossy(text).into_owned(), &mut strings);
                }
                at = at + 4 + text.len();
            }
            0x8d | 0x8e | 0x96 => {
                let Some(n) = le(data, at, 8) else { break };
                let Some(text) = take(data, at + 8, n) else {
                    break;
                };
                if op == 0x8d {
                    push_string(String::from_utf8_lossy(text).into_owned(), &mut strings);
                }
                at = at + 8 + text.len();
            }
            0x94 => {
                if let Some(s) = strings.last() {
                    remember(&mut memo, memo_next, s.clone());
                }
                memo_next += 1;
            }
            b'.' => break,
            // Opcodes without an argument.
            b'(' | b'0' | b'1' | b'2' | b'N' | b'R' | b'a' | b'b' | b'd' | b'}' | b'e' | b'l'
            | b']' | b'o' | b's' | b'u' | b't' | b')' | b'Q' | 0x81 | 0x85 | 0x86 | 0x87 | 0x88
            | 0x89 | 0x8f | 0x90 | 0x91 | 0x92 | 0x97 | 0x98 => {}
            // Not a pickle (any more).
            _ => break,
        }
    }
    found
}

fn line_end(data: &[u8], from: usize) -> Option<usize> {
    let rest = data.get(from..)?;
    memchr::memchr(b'\n', rest).map(|i| from + i)
}

fn le(data: &[u8], at: usize, width: usize) -> Option<u64> {
    let bytes = data.get(at..at + width)?;
    Some(
        bytes
            .iter()
            .rev()
            .fold(0u64, |n, &b| (n << 8) | u64::from(b)),
    )
}

fn take(data: &[u8], at: usize, n: u64) -> Option<&[u8]> {
    let n = usize::try_from(n).ok()?;
    data.get(at..at.checked_add(n)?)
}

/// Remembers a string under a memo index: a bounded table, looked up in constant time
/// (a hostile pickle may ask for it a million times).
fn remember(memo: &mut HashMap<u64, String>, index: u64, text: String) {
    if memo.len() < 4096 || memo.contains_key(&index) {
        memo.insert(index, text);
    }
}

fn recall(memo: &HashMap<u64, String>, index: u64) -> Option<String> {
    memo.get(&index).cloned()
}

fn note(found: &mut Vec<String>, module: &str, name: &str) {
    let module = module.trim();
    let name = name.trim();
    let runs = match module {
        "os" | "posix" | "nt" => {
            name == "system"
                || name == "popen"
                || name == "startfile"
                || name.starts_with("exec")
                || name.starts_with("spawn")
                || name.starts_with("posix_spawn")
        }
        "subprocess" | "commands" | "pty" | "runpy" | "socket" => true,
        "builtins" | "__builtin__" => {
            matches!(
                name,
                "eval" | "exec" | "compile" | "__import__" | "execfile"
            )
        }
        "importlib" => name == "import_module",
        _ => false,
    };
    let qual = format!("{module}.{name}");
    if runs && found.len() < 16 && !found.contains(&qual) {
        found.push(qual);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callables_of_every_protocol() {
        // Protocol 0: GLOBAL then REDUCE.
        let p0 = b"cposix\nsystem\n(S'id'\ntR.";
        assert_eq!(dangerous_callables(p0), ["posix.system"]);
        // Protocol 4: two short strings, memoized, then STACK_GLOBAL.
        let mut p4 = vec![0x80, 4, 0x95];
        p4.extend_from_slice(&[0; 8]);
        p4.extend_from_slice(&[0x8c, 8]);
        p4.extend_from_slice(b"builtins");
        p4.push(0x94);
        p4.extend_from_slice(&[0x8c, 4]);
        p4.extend_from_slice(b"exec");
        p4.extend_from_slice(&[0x94, 0x93, 0x94, 0x8c, 1, b'x', 0x85, b'R', b'.']);
        assert_eq!(dangerous_callables(&p4), ["builtins.exec"]);
        // Plain data, a class of a library, and bytes that are no pickle at all.
        assert!(dangerous_callables(b"(dp0\nVgood\nF0.7\ns.").is_empty());
        assert!(dangerous_callables(b"ccollections\nOrderedDict\n)R.").is_empty());
        assert!(dangerous_callables(b"\x89PNG\r\n\x1a\n").is_empty());
        // A length past the end stops the walk.
        assert!(dangerous_callables(&[0x80, 4, b'X', 0xff, 0xff, 0xff, 0x7f]).is_empty());
        // Thousands of memoized strings, then a million look-ups: bounded work.
        let mut hostile = vec![0x80, 4];
        for _ in 0..5000 {
            hostile.extend_from_slice(&[0x8c, 1, b'a', 0x94]);
        }
        for _ in 0..1_000_000 {
            hostile.extend_from_slice(&[b'h', 7]);
        }
        assert!(dangerous_callables(&hostile).is_empty());
        // Padding does not hide a callable: a long text line, a million opcodes first.
        let mut padded = b"S'".to_vec();
        padded.extend(std::iter::repeat_n(b'x', 100_000));
        padded.extend_from_slice(b"'\n0");
        padded.extend(std::iter::repeat_n(*b"N0", 1_100_000).flatten());
        padded.extend_from_slice(b"cnt\nsystem\n(S'x'\ntR.");
        assert_eq!(dangerous_callables(&padded), ["nt.system"]);
    }
}
