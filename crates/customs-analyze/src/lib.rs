//! Behaviours of package code, read from real syntax trees, never by running anything.
//!
//! Each file of a [`customs_ecosystem::Package`] is parsed once by its language's
//! analyser ([`python`], [`javascript`], [`shell`] for shell, PowerShell and batch scripts
//! and for the command lines of npm lifecycle scripts and process starts), which reports [`RawBehaviour`]s with their offsets and
//! whether they sit at module top level. [`analyze_package`] then decides each file's
//! [`Context`] (install, import or runtime) from its role and from what the package's
//! install-time entry points import or require, and turns every raw behaviour into a
//! located [`Behaviour`] with the quoted source line.

mod cache;
mod decode;
mod flow;
pub mod javascript;
mod model;
mod nesting;
pub mod npmrc;
mod package;
pub mod pickle;
pub mod python;
pub mod reach;
pub mod shell;
pub mod signals;
mod value;

pub use decode::{Scheme, decode_text};
pub use model::{Behaviour, BehaviourKind, Context, FileFacts, Note, RawBehaviour};
pub use nesting::{nesting_depth, nesting_depth_python};
pub use package::{Analysis, analyze_package, prepare, prepares};

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
    nesting::too_deep(source, python)
        .then(|| "nested too deeply to parse safely; not analysed".to_owned())
}

/// The lines of a text longer than `min` bytes (without their `\n`), with their offsets:
/// the layout checks of both languages look only at long lines. Short lines are passed
/// over many at a time: when the next `min + 1` bytes hold a line end, every line ending
/// there is short, and the search goes on after the last of them.
pub(crate) fn long_lines(text: &str, min: usize) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let window = start.saturating_add(min).saturating_add(1).min(bytes.len());
            if let Some(last) = memchr::memrchr(b'\n', &bytes[start..window]) {
                start += last + 1;
                continue;
            }
            // No line end in the window: the line is longer than `min`, unless the text
            // ends first.
            done = window == bytes.len() && window - start <= min;
            if done {
                return None;
            }
            let end = memchr::memchr(b'\n', &bytes[window..]).map_or(bytes.len(), |p| window + p);
            let line = (start, &text[start..end]);
            if end == bytes.len() {
                done = true;
            } else {
                start = end + 1;
            }
            return Some(line);
        }
        None
    })
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
    /// Every line, split plainly, kept when longer than `min`.
    fn plain(text: &str, min: usize) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if line.len() > min {
                out.push((start, line));
            }
            start += line.len() + 1;
        }
        out
    }

    #[test]
    fn long_lines_are_every_line_longer_than_the_minimum() {
        // Lines of many lengths around the minimum, with and without a final line end.
        let mut seed = 7u64;
        for round in 0..300 {
            let mut text = String::new();
            for _ in 0..(round % 40) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let len = usize::try_from(seed >> 58).unwrap_or(0) * 3;
                text.push_str(&"é".repeat(len % 7));
                text.push_str(&"x".repeat(len));
                if seed & 1 == 0 || round % 3 != 0 {
                    text.push('\n');
                }
            }
            for min in [0, 1, 5, 20, 64, 200] {
                let got: Vec<_> = super::long_lines(&text, min).collect();
                assert_eq!(got, plain(&text, min), "min {min}: {text:?}");
            }
        }
        assert_eq!(super::long_lines("", 0).count(), 0);
        assert_eq!(super::long_lines("\n\n", 0).count(), 0);
        assert_eq!(
            super::long_lines("ab", 1).collect::<Vec<_>>(),
            vec![(0, "ab")]
        );
    }
}
