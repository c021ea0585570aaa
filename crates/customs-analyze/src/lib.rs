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
/// the layout checks of both languages look only at long lines.
pub(crate) fn long_lines(text: &str, min: usize) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0usize;
    ends.filter_map(move |end| {
        let line = (start, &text[start..end]);
        start = end + 1;
        (line.1.len() > min).then_some(line)
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
