//! The pre-parse nesting bound: how deeply a parser may recurse on a text, counted
//! cheaply before parsing, so that hostile nesting is noted instead of overflowing the
//! stack.

use crate::MAX_PARSE_NESTING;

/// A bound on how deeply a parser may recurse on this text, taken cheaply before parsing:
/// bracket depth plus the constructs still pending at each bracket level.
///
/// Brackets nest visibly; much else nests without them, and every such construct counts
/// at its bracket level:
/// - prefix operators (`!!!!x`, `- - x`, Python's `not not x`; and in JavaScript `typeof`,
///   `void`, `delete`, `await`, `yield`, `new`, TypeScript's `keyof` and the like),
///   conditional chains (`a ? b : c ? …`), right-associative chains (`a = b = …`,
///   `2 ** 2 ** …`), labels (`a: b: …`) and class heritage (`class extends class …`);
/// - statements whose body is a statement (`if (a) if (b) …`, `for (;;) for (;;) …`,
///   `while`, `with`).
///
/// Operators and expression words are forgotten at a `;` or `,` (or, in Python, a line
/// end) at the same bracket level, which ends the expression there: a `(b, c)` inside a
/// chain cannot hide the chain. Statement heads are forgotten only at a `;` (`if (a) b, c`
/// is one statement). Three constructs stay pending until their bracket level closes,
/// because what follows a `;` can still nest inside them: `else` (`if (a) x; else if (b)
/// y; else …` recurses once per `else`), `do` (`do x; while (c)`), and a `<` that opens a
/// JSX element or a type argument list (JSX text may hold `;` and `,`). Closers never take
/// the depth below zero. Text in strings and comments counts too, so the bound is loose
/// rather than low, with one exception: a `,` inside a labelled statement (`a: b: x, y = …`)
/// forgets the labels, so such a chain counts at least half its depth. The analysis
/// threads' stack holds twice [`MAX_PARSE_NESTING`] of every construct (measured in
/// release builds: 40,000 levels of each parse on 64 MiB).
#[must_use]
pub fn nesting_depth(source: &str) -> usize {
    nesting_bound(source, false)
}

/// [`nesting_depth`] with Python's rules (a line end outside brackets ends a statement;
/// `not` is the only prefix word; `<` never opens anything).
#[must_use]
pub fn nesting_depth_python(source: &str) -> usize {
    nesting_bound(source, true)
}

mod classes {
    pub(super) const OTHER: u8 = 0;
    pub(super) const OPEN: u8 = 1;
    pub(super) const CLOSE: u8 = 2;
    pub(super) const COMMA: u8 = 3;
    pub(super) const OP: u8 = 4;
    pub(super) const LINE: u8 = 5;
    /// JavaScript: a byte of an identifier, keyword or number. Python: an `n`.
    pub(super) const WORD: u8 = 6;
    pub(super) const ANGLE: u8 = 7;
    pub(super) const SEMICOLON: u8 = 8;

    pub(super) const fn is_ident(c: u8) -> bool {
        c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
    }

    const fn table(python: bool) -> [u8; 256] {
        let mut t = [OTHER; 256];
        if python {
            t[b'n' as usize] = WORD;
            t[b'\n' as usize] = LINE;
        } else {
            let mut b = 0;
            while b < 256 {
                if is_ident(b as u8) {
                    t[b] = WORD;
                }
                b += 1;
            }
            t[b'<' as usize] = ANGLE;
        }
        t[b'(' as usize] = OPEN;
        t[b'[' as usize] = OPEN;
        t[b'{' as usize] = OPEN;
        t[b')' as usize] = CLOSE;
        t[b']' as usize] = CLOSE;
        t[b'}' as usize] = CLOSE;
        t[b';' as usize] = SEMICOLON;
        t[b',' as usize] = COMMA;
        let ops = b"!~?=-+*:";
        let mut k = 0;
        while k < ops.len() {
            t[ops[k] as usize] = OP;
            k += 1;
        }
        t
    }

    pub(super) static PYTHON: [u8; 256] = table(true);
    pub(super) static SCRIPT: [u8; 256] = table(false);
    pub(super) static IDENT: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = is_ident(b as u8);
            b += 1;
        }
        t
    };

    /// A word of at most eight bytes as one number (little-endian, zero-padded).
    const fn key(word: &[u8]) -> u64 {
        let mut k = 0u64;
        let mut i = word.len();
        while i > 0 {
            i -= 1;
            k = (k << 8) | word[i] as u64;
        }
        k
    }

    /// How long a construct stays pending at its bracket level.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub(super) enum Until {
        /// An operator or expression word: until a `,` or `;` ends the expression.
        Comma = 1,
        /// A statement head: until a `;` ends the statement (`if (a) b, c` is one).
        Semicolon = 2,
        /// Until the bracket level closes: `else`, `do`, a JSX element.
        Close = 3,
    }

    /// JavaScript and TypeScript words that nest without brackets.
    pub(super) const WORDS: [(&[u8], Until); 19] = [
        (b"else", Until::Close),
        (b"do", Until::Close),
        (b"if", Until::Semicolon),
        (b"for", Until::Semicolon),
        (b"while", Until::Semicolon),
        (b"with", Until::Semicolon),
        (b"await", Until::Comma),
        (b"delete", Until::Comma),
        (b"extends", Until::Comma),
        (b"infer", Until::Comma),
        (b"keyof", Until::Comma),
        (b"new", Until::Comma),
        (b"readonly", Until::Comma),
        (b"typeof", Until::Comma),
        (b"unique", Until::Comma),
        (b"void", Until::Comma),
        (b"yield", Until::Comma),
        (b"asserts", Until::Comma),
        (b"is", Until::Comma),
    ];

    const fn slot(k: u64) -> usize {
        (k.wrapping_mul(0xDA1D_2DA4_C2FC_1DED) >> 58) as usize
    }

    /// [`WORDS`] by [`slot`].
    static SLOTS: [(u64, Option<Until>); 64] = {
        let mut t = [(0u64, None); 64];
        let mut i = 0;
        while i < WORDS.len() {
            let k = key(WORDS[i].0);
            let s = slot(k);
            assert!(t[s].1.is_none(), "two keywords share a slot");
            t[s] = (k, Some(WORDS[i].1));
            i += 1;
        }
        t
    };

    /// How long a JavaScript word stays pending, if it nests at all.
    #[inline]
    pub(super) fn word(bytes: &[u8], start: usize, end: usize) -> Option<Until> {
        let len = end - start;
        if !(2..=8).contains(&len) {
            return None;
        }
        let k = match bytes.get(start..start + 8) {
            Some(eight) => {
                let mut buf = [0u8; 8];
                buf.copy_from_slice(eight);
                u64::from_le_bytes(buf) & (u64::MAX >> (64 - 8 * len))
            }
            None => key(&bytes[start..end]),
        };
        let (known, until) = SLOTS[slot(k)];
        if known == k { until } else { None }
    }
}

/// Whether a text may nest deeper than [`MAX_PARSE_NESTING`] (see [`nesting_depth`]).
///
/// Every level of the bound is raised by a bracket, an operator byte or a word, so a text
/// with fewer of those than the limit cannot exceed it. They are counted first, in one
/// vectorised pass: in Python (an `n`-`o`-`t` counts whether or not it is a word of its
/// own) this spares almost every file the bound itself; in JavaScript, where every word
/// that may be a keyword counts, files up to about a hundred kilobytes.
pub(crate) fn too_deep(source: &str, python: bool) -> bool {
    if source.len() <= MAX_PARSE_NESTING {
        // Every level takes at least one byte.
        return false;
    }
    let raisers = if python {
        python_raisers(source.as_bytes())
    } else {
        script_raisers(source.as_bytes())
    };
    if raisers <= MAX_PARSE_NESTING {
        return false;
    }
    nesting_bound(source, python) > MAX_PARSE_NESTING
}

/// The number of bytes and words that can raise Python's bound: brackets that open,
/// operator bytes and `not`. At least [`nesting_bound`], which adds one for each of these
/// at most.
fn python_raisers(bytes: &[u8]) -> usize {
    let mut n = 0usize;
    // A byte counter per chunk lets the loop run on vector registers.
    for chunk in bytes.chunks(128) {
        let mut c = 0u8;
        for &b in chunk {
            c += u8::from(matches!(
                b,
                b'(' | b'[' | b'{' | b'!' | b'~' | b'?' | b'=' | b'-' | b'+' | b'*' | b':'
            ));
        }
        n += usize::from(c);
    }
    n + memchr::memmem::find_iter(bytes, b"not").count()
}

/// The bytes that can raise JavaScript's bound: brackets that open, operator bytes, `<`,
/// and the first letter of every word that could be a nesting keyword (a letter some
/// keyword starts with, not preceded by a letter, digit, `_`, `$` or non-ASCII byte).
/// At least [`nesting_bound`]; counted only as far as just past [`MAX_PARSE_NESTING`],
/// so that a large file, which needs the bound anyway, is not counted whole.
fn script_raisers(bytes: &[u8]) -> usize {
    const fn raises(b: u8) -> bool {
        matches!(
            b,
            b'(' | b'[' | b'{' | b'!' | b'~' | b'?' | b'=' | b'-' | b'+' | b'*' | b':' | b'<'
        )
    }
    // The first letters of the words of `classes::WORDS`.
    const fn initial(b: u8) -> bool {
        matches!(
            b,
            b'a' | b'd'
                | b'e'
                | b'f'
                | b'i'
                | b'k'
                | b'n'
                | b'r'
                | b't'
                | b'u'
                | b'v'
                | b'w'
                | b'y'
        )
    }
    let mut n = usize::from(bytes.first().is_some_and(|&b| raises(b) || initial(b)));
    // A byte counter per chunk of pairs (a byte and the one before it) lets the loop run
    // on vector registers.
    let mut at = 1;
    while at < bytes.len() && n <= MAX_PARSE_NESTING {
        let end = (at + 128).min(bytes.len());
        let mut c = 0u8;
        for pair in bytes[at - 1..end].windows(2) {
            c += u8::from(raises(pair[1]) | (initial(pair[1]) & !classes::is_ident(pair[0])));
        }
        n += usize::from(c);
        at = end;
    }
    n
}

pub(crate) fn nesting_bound(source: &str, python: bool) -> usize {
    if python {
        bound::<true>(source.as_bytes())
    } else {
        bound::<false>(source.as_bytes())
    }
}

fn bound<const PYTHON: bool>(bytes: &[u8]) -> usize {
    use classes::{ANGLE, CLOSE, COMMA, IDENT, LINE, OP, OPEN, OTHER, SEMICOLON, Until, WORD};
    let class = if PYTHON {
        &classes::PYTHON
    } else {
        &classes::SCRIPT
    };
    // What is pending at each open bracket level, by how long it stays (`Until`). The
    // bound now is the depth plus everything pending at every level.
    let mut levels: Vec<[u32; 3]> = Vec::with_capacity(64);
    levels.push([0; 3]);
    let mut now = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = class[usize::from(bytes[i])];
        i += 1;
        // Most bytes are spaces, digits and (in Python) letters: one load and a skip.
        if c == OTHER {
            continue;
        }
        let until = match c {
            WORD if PYTHON => {
                // `not`, as a word of its own.
                let start = i - 1;
                if (start > 0 && IDENT[usize::from(bytes[start - 1])])
                    || bytes.get(start..start + 3) != Some(b"not")
                    || bytes.get(start + 3).is_some_and(|&b| IDENT[usize::from(b)])
                {
                    continue;
                }
                Until::Comma
            }
            WORD => {
                // A whole identifier, keyword or number at once.
                let start = i - 1;
                while i < bytes.len() && IDENT[usize::from(bytes[i])] {
                    i += 1;
                }
                match classes::word(bytes, start, i) {
                    Some(until) => until,
                    None => continue,
                }
            }
            OPEN => {
                levels.push([0; 3]);
                now += 1;
                if now > max {
                    max = now;
                    if max > MAX_PARSE_NESTING {
                        return max;
                    }
                }
                continue;
            }
            CLOSE => {
                if levels.len() > 1
                    && let Some(level) = levels.pop()
                {
                    now -= 1 + level.iter().map(|&n| n as usize).sum::<usize>();
                }
                continue;
            }
            COMMA => {
                if let Some(last) = levels.last_mut() {
                    now -= last[0] as usize;
                    last[0] = 0;
                }
                continue;
            }
            SEMICOLON => {
                if let Some(last) = levels.last_mut() {
                    now -= last[0] as usize + last[1] as usize;
                    last[0] = 0;
                    last[1] = 0;
                }
                continue;
            }
            LINE => {
                if levels.len() == 1 {
                    now -= levels[0][0] as usize;
                    levels[0][0] = 0;
                }
                continue;
            }
            OP => Until::Comma,
            ANGLE => {
                // `<div>`, `<T>`, `<>`: an element or type arguments; `a < b` is not.
                match bytes.get(i) {
                    Some(&n) if n.is_ascii_alphabetic() || matches!(n, b'>' | b'_' | b'$') => {
                        Until::Close
                    }
                    _ => continue,
                }
            }
            _ => continue,
        };
        // At most MAX_PARSE_NESTING + 1 per level before the return below.
        if let Some(last) = levels.last_mut() {
            last[until as usize - 1] += 1;
            now += 1;
        }
        if now > max {
            max = now;
            if max > MAX_PARSE_NESTING {
                return max;
            }
        }
    }
    max
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_bound() {
        assert_eq!(super::nesting_depth("f(a[1], {b: (2)})"), 4);
        // Unbalanced closers do not lower the bound of what follows.
        let limit = crate::MAX_PARSE_NESTING;
        let hidden = format!("{}{}", ")".repeat(5000), "(".repeat(limit + 10));
        assert!(super::nesting_depth(&hidden) > limit);
        // Nesting without brackets is seen too, and brackets in between do not hide it.
        for deep in [
            format!("x = {}1;", "!".repeat(limit + 10)),
            format!("x = {}1;", "a ? (b, c) : ".repeat(limit / 2 + 10)),
            format!("{}1;", "a = ".repeat(limit + 10)),
        ] {
            assert!(super::nesting_depth(&deep) > limit);
        }
        assert!(
            super::nesting_depth_python(&format!("x = {}1", "not ".repeat(limit + 10))) > limit
        );
        // Statements and words nest without brackets too (each of these overflowed a
        // 64 MiB stack at 150,000 levels before they were counted), and a `;`, a `,` or a
        // comment between the links does not hide a chain that still recurses.
        let n = limit + 10;
        for deep in [
            format!("if(a){{}}{}{{}}", "else if(a)x;".repeat(n)),
            format!("{}{{}}", "else/**/".repeat(n)),
            format!("{}a++;", "for(;;)".repeat(n)),
            format!("{}a++;", "while(a)".repeat(n)),
            format!("{}a++;", "with(a)".repeat(n)),
            format!("{}a++;{}", "do ".repeat(n), "while(a)".repeat(n)),
            format!("x={}X;", "new ".repeat(n)),
            format!(
                "x={}0;",
                "typeof void delete await yield ".repeat(n / 5 + 1)
            ),
            format!("x={}X{{}}", "class extends ".repeat(n)),
            format!("x={}", "<a>;".repeat(n)),
            format!("x={}", "<a>,".repeat(n)),
            format!("type T={}", "Array<".repeat(n)),
            format!("type T={}X", "keyof ".repeat(n)),
        ] {
            assert!(super::nesting_depth(&deep) > limit, "{}", &deep[..40]);
        }
        // Words only count whole: identifiers that contain them, and comparisons, do not.
        let words = "elsewhere; doing; iffy; format; newer; a < b; renew;\n".repeat(50_000);
        assert!(super::nesting_depth(&words) < 10);
        // Statements that end at a `;` are forgotten; `else`s stay counted until their
        // level closes, and so do `if`s until a `;` at their own level.
        let ended = "if (a) b();\nfor (;;) c();\nwhile (a) d();\n".repeat(50_000);
        assert!(super::nesting_depth(&ended) < 10);
        let elses = format!(
            "function f() {{ {} }}\n",
            "if (a) { b(); } else { c(); }\n".repeat(1_000)
        );
        assert!((2_000..2_010).contains(&super::nesting_depth(&elses)));
        assert!((2_000..2_010).contains(&super::nesting_depth(&elses.repeat(50))));
        // Long flat statements are not deep.
        let flat = "a = 1 + 2;\n".repeat(100_000);
        assert!(super::nesting_depth(&flat) < 10);
        assert!(super::nesting_depth_python(&"x = -1\n".repeat(100_000)) < 10);
    }

    #[test]
    fn python_files_with_few_raisers_skip_the_bound() {
        let limit = crate::MAX_PARSE_NESTING;
        // Long, and deep: the count does not stop the bound from seeing it.
        let deep = format!("x = {}1\n", "(".repeat(limit + 1));
        assert!(super::too_deep(&deep, true));
        let words = format!("x = {}1\n", "not ".repeat(limit + 1));
        assert!(super::too_deep(&words, true));
        // Many raisers, all flat: counted, then bounded, and not deep.
        let flat = "x = -1\n".repeat(limit);
        assert!(super::python_raisers(flat.as_bytes()) > limit);
        assert!(!super::too_deep(&flat, true));
        // Few raisers in a long text.
        let plain = "pass\n".repeat(limit);
        assert_eq!(super::python_raisers(plain.as_bytes()), 0);
        assert!(!super::too_deep(&plain, true));
        // JavaScript: a long text of closers, separators, member accesses and words that
        // no keyword starts with is counted and spared the bound; one with many raisers
        // is bounded, flat or deep.
        let plain = "}).x.b, c;\n".repeat(limit);
        assert!(super::script_raisers(plain.as_bytes()) <= limit);
        assert!(!super::too_deep(&plain, false));
        let flat = "a = -1;\n".repeat(limit);
        assert!(super::script_raisers(flat.as_bytes()) > limit);
        assert!(!super::too_deep(&flat, false));
        assert!(super::too_deep(
            &format!("{plain}{}", "new ".repeat(limit + 1)),
            false
        ));
        // Every nesting keyword is counted, standing alone or after a non-word byte.
        for (word, _) in super::classes::WORDS {
            let word = std::str::from_utf8(word).unwrap_or_default();
            assert_eq!(super::script_raisers(word.as_bytes()), 1, "{word}");
            assert_eq!(
                super::script_raisers(format!(".{word}").as_bytes()),
                1,
                "{word}"
            );
            assert_eq!(
                super::script_raisers(format!("x{word}").as_bytes()),
                0,
                "{word}"
            );
        }
        // Short texts cannot be deep, in either language.
        assert!(!super::too_deep(&"(".repeat(limit), false));
        assert!(super::too_deep(&"(".repeat(limit + 1), false));
    }

    /// The bound as the doc comment states it, token by token and without shortcuts.
    fn reference(text: &str, python: bool) -> usize {
        let b = text.as_bytes();
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
        // 0: until `,` or `;`; 1: until `;`; 2: until the level closes.
        let words: &[(&str, usize)] = &[
            ("else", 2),
            ("do", 2),
            ("if", 1),
            ("for", 1),
            ("while", 1),
            ("with", 1),
            ("await", 0),
            ("delete", 0),
            ("extends", 0),
            ("infer", 0),
            ("keyof", 0),
            ("new", 0),
            ("readonly", 0),
            ("typeof", 0),
            ("unique", 0),
            ("void", 0),
            ("yield", 0),
            ("asserts", 0),
            ("is", 0),
        ];
        let mut levels = vec![[0usize; 3]];
        let mut max = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let mut add = None;
            if ident(c) {
                let start = i;
                while i < b.len() && ident(b[i]) {
                    i += 1;
                }
                let w = &text[start..i];
                if python {
                    add = (w == "not").then_some(0);
                } else if let Some((_, until)) = words.iter().find(|(k, _)| *k == w) {
                    add = Some(*until);
                }
            } else {
                i += 1;
                let last = levels.len() - 1;
                match c {
                    b'(' | b'[' | b'{' => levels.push([0; 3]),
                    b')' | b']' | b'}' if last > 0 => {
                        levels.pop();
                    }
                    b',' => levels[last][0] = 0,
                    b';' => levels[last] = [0, 0, levels[last][2]],
                    b'\n' if python && last == 0 => levels[0][0] = 0,
                    b'!' | b'~' | b'?' | b'=' | b'-' | b'+' | b'*' | b':' => add = Some(0),
                    b'<' if !python
                        && b.get(i).is_some_and(|&n| {
                            n.is_ascii_alphabetic() || matches!(n, b'>' | b'_' | b'$')
                        }) =>
                    {
                        add = Some(2);
                    }
                    _ => {}
                }
            }
            if let Some(until) = add {
                let last = levels.len() - 1;
                levels[last][until] += 1;
            }
            max = max.max(levels.len() - 1 + levels.iter().flatten().sum::<usize>());
            if max > crate::MAX_PARSE_NESTING {
                return max;
            }
        }
        max
    }

    #[test]
    fn nesting_bound_matches_its_definition() {
        const TOKENS: &[&str] = &[
            "if",
            "else",
            "do",
            "for",
            "while",
            "new",
            "typeof",
            "not",
            "x.else",
            "elsewhere",
            "a",
            "b1",
            "_$",
            "é",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ";",
            ",",
            "<a>",
            "<>",
            "a < b",
            "<",
            "!",
            "=",
            "?",
            ":",
            "-",
            "*",
            " ",
            "\n",
            "/**/",
            "'s'",
            "0x1f",
            "is",
        ];
        // A fixed xorshift sequence: the same cases on every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..3_000 {
            let len = usize::try_from(next() % 400).unwrap_or(0);
            let text: String = (0..len)
                .map(|_| TOKENS[usize::try_from(next()).unwrap_or(0) % TOKENS.len()])
                .collect();
            for python in [false, true] {
                assert_eq!(
                    super::nesting_bound(&text, python),
                    reference(&text, python),
                    "case {case}, python {python}: {text:?}"
                );
            }
            // The counts that spare files the bound never fall below it.
            assert!(
                super::python_raisers(text.as_bytes()) >= reference(&text, true),
                "case {case}: {text:?}"
            );
            assert!(
                super::script_raisers(text.as_bytes()) >= reference(&text, false),
                "case {case}: {text:?}"
            );
        }
    }
}
