//! Behaviours of package code, read from real syntax trees, never by running anything.
//!
//! Each file of a [`customs_ecosystem::Package`] is parsed once by its language's
//! analyser ([`python`], [`javascript`]; shell lines of npm lifecycle scripts by
//! [`signals::analyze_shell`]), which reports [`RawBehaviour`]s with their offsets and
//! whether they sit at module top level. [`analyze_package`] then decides each file's
//! [`Context`] (install, import or runtime) from its role and from what the package's
//! install-time entry points import or require, and turns every raw behaviour into a
//! located [`Behaviour`] with the quoted source line.

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
pub use package::{Analysis, analyze_package};

/// Deepest bracket nesting a file may have to be parsed: deeper files are noted and
/// not parsed (parsers recurse, and a hostile file can nest without bound).
pub const MAX_PARSE_NESTING: usize = 1000;

/// The deepest nesting of brackets in the text (a cheap bound taken before parsing),
/// counted up to just past [`MAX_PARSE_NESTING`]. Closers never take the depth below
/// zero, so a run of `)` cannot hide deep nesting that follows it.
#[must_use]
pub fn nesting_depth(source: &str) -> usize {
    const DELTA: [i32; 256] = {
        let mut t = [0i32; 256];
        t[b'(' as usize] = 1;
        t[b'[' as usize] = 1;
        t[b'{' as usize] = 1;
        t[b')' as usize] = -1;
        t[b']' as usize] = -1;
        t[b'}' as usize] = -1;
        t
    };
    let limit = i32::try_from(MAX_PARSE_NESTING).unwrap_or(i32::MAX);
    let mut depth = 0i32;
    let mut max = 0i32;
    // Branch-free over chunks; the limit is checked once per chunk.
    for chunk in source.as_bytes().chunks(4096) {
        for &b in chunk {
            depth = (depth + DELTA[usize::from(b)]).max(0);
            max = max.max(depth);
        }
        if max > limit {
            break;
        }
    }
    usize::try_from(max).unwrap_or(0)
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
        assert_eq!(super::nesting_depth("f(a[1], {b: (2)})"), 3);
        // Unbalanced closers do not lower the bound of what follows.
        let hidden = format!("{}{}", ")".repeat(5000), "(".repeat(1200));
        assert!(super::nesting_depth(&hidden) > super::MAX_PARSE_NESTING);
    }
}
