//! Behaviours of package code, read from real syntax trees, never by running anything.
//!
//! Each file of a [`customs_ecosystem::Package`] is parsed once by its language's
//! analyser ([`python`], [`javascript`]; shell lines of npm lifecycle scripts by
//! [`signals::analyze_shell`]), which reports [`RawBehaviour`]s with their offsets and
//! whether they sit at module top level. [`analyze_package`] then decides each file's
//! [`Context`] (install, import or runtime) from its role and from what the package's
//! install-time entry points import or require, and turns every raw behaviour into a
//! located [`Behaviour`] with the quoted source line.

mod cache;
mod decode;
mod flow;
pub mod javascript;
mod model;
mod package;
pub mod python;
pub mod signals;
mod value;

pub use decode::{Scheme, decode_text};
pub use model::{Behaviour, BehaviourKind, Context, FileFacts, Note, RawBehaviour};
pub use package::{Analysis, analyze_package, prepare};

/// Largest code file parsed. Parse trees take several times the size of their source;
/// the largest code files of popular packages are about 10 MB.
pub const MAX_PARSE_BYTES: usize = 64 << 20;

/// Deepest recursion a file may call for to be parsed, as bounded by [`nesting_depth`]:
/// deeper files are noted and not parsed (parsers recurse, and a hostile file can nest
/// without bound).
pub const MAX_PARSE_NESTING: usize = 20_000;

/// Why a file must not be parsed (too large, or nesting past the bound), if it must not.
/// Both analysers ask this before parsing.
pub(crate) fn unparsable(source: &str, python: bool) -> Option<String> {
    if source.len() > MAX_PARSE_BYTES {
        return Some(format!(
            "{} bytes of code, more than the {MAX_PARSE_BYTES} byte parsing limit; not analysed",
            source.len()
        ));
    }
    (nesting_bound(source, python) > MAX_PARSE_NESTING)
        .then(|| "nested too deeply to parse safely; not analysed".to_owned())
}

/// A bound on how deeply a parser may recurse on this text, taken cheaply before parsing:
/// bracket depth plus the operators still pending at each bracket level. Prefix operators
/// (`!!!!x`, `not not x`), conditional chains (`a ? b : c ? …`) and right-associative
/// chains (`a = b = …`, `2 ** 2 ** …`) nest without brackets, so operator characters count
/// too. They are forgotten only at a `;` or `,` (or, in Python, a line end) at the same
/// bracket level, which ends the expression at that level: a `(b, c)` inside a chain
/// cannot hide the chain. Closers never take the depth below zero.
#[must_use]
pub fn nesting_depth(source: &str) -> usize {
    nesting_bound(source, false)
}

/// [`nesting_depth`] with Python's rules (a line end outside brackets ends a statement;
/// `not` counts as a prefix operator).
#[must_use]
pub fn nesting_depth_python(source: &str) -> usize {
    nesting_bound(source, true)
}

fn nesting_bound(source: &str, python: bool) -> usize {
    const OTHER: u8 = 0;
    const OPEN: u8 = 1;
    const CLOSE: u8 = 2;
    const END: u8 = 3;
    const OP: u8 = 4;
    const LINE: u8 = 5;
    const N: u8 = 6;
    const CLASS: [u8; 256] = {
        let mut t = [OTHER; 256];
        t[b'(' as usize] = OPEN;
        t[b'[' as usize] = OPEN;
        t[b'{' as usize] = OPEN;
        t[b')' as usize] = CLOSE;
        t[b']' as usize] = CLOSE;
        t[b'}' as usize] = CLOSE;
        t[b';' as usize] = END;
        t[b',' as usize] = END;
        let mut k = 0;
        let ops = b"!~?=-+*:";
        while k < ops.len() {
            t[ops[k] as usize] = OP;
            k += 1;
        }
        t[b'\n' as usize] = LINE;
        t[b'n' as usize] = N;
        t
    };
    // Pending operators per open bracket level; the bound is depth + their sum.
    let mut pending: Vec<usize> = vec![0];
    let mut sum = 0usize;
    let mut max = 0usize;
    let bytes = source.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let class = CLASS[usize::from(b)];
        // Most bytes are letters, digits and spaces: one table load and a skip.
        if class == OTHER {
            continue;
        }
        match class {
            OPEN => pending.push(0),
            CLOSE => {
                if pending.len() > 1 {
                    sum -= pending.pop().unwrap_or(0);
                }
                continue;
            }
            END => {
                if let Some(last) = pending.last_mut() {
                    sum -= *last;
                    *last = 0;
                }
                continue;
            }
            LINE if python && pending.len() == 1 => {
                sum -= pending[0];
                pending[0] = 0;
                continue;
            }
            OP => {}
            N if python && bytes[i..].starts_with(b"not ") => {}
            _ => continue,
        }
        if class != OPEN
            && let Some(last) = pending.last_mut()
        {
            *last += 1;
            sum += 1;
        }
        let bound = pending.len() - 1 + sum;
        if bound > max {
            max = bound;
            if max > MAX_PARSE_NESTING {
                return max;
            }
        }
    }
    max
}

/// The 1-based line of a byte offset.
#[must_use]
pub fn line_of(source: &str, offset: u32) -> u32 {
    let end = (offset as usize).min(source.len());
    u32::try_from(
        source.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    )
    .unwrap_or(u32::MAX)
}

/// True when an identifier mixes Latin letters with Cyrillic or Greek ones: a
/// homoglyph meant to look like another name.
#[must_use]
pub fn mixes_scripts(ident: &str) -> bool {
    let latin = ident.chars().any(|c| c.is_ascii_alphabetic());
    let lookalike = ident.chars().any(|c| matches!(c as u32, 0x0370..=0x04FF));
    latin && lookalike
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_bound() {
        assert_eq!(super::nesting_depth("f(a[1], {b: (2)})"), 4);
        // Unbalanced closers do not lower the bound of what follows.
        let limit = super::MAX_PARSE_NESTING;
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
        // Long flat statements are not deep.
        let flat = "a = 1 + 2;\n".repeat(100_000);
        assert!(super::nesting_depth(&flat) < 10);
        assert!(super::nesting_depth_python(&"x = -1\n".repeat(100_000)) < 10);
    }
}
