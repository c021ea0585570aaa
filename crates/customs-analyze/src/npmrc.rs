//! `.npmrc` files shipped in an npm package.
//!
//! npm reads a project's `.npmrc` only from the project root (beside its
//! `package.json`), never from a dependency's folder: a `.npmrc` inside an installed
//! dependency does nothing. It matters when the package *is* the project: a template or
//! starter that people unpack and run `npm install` or `npm run` in, or a tarball
//! extracted and installed as the root. `npm publish` never packs a `.npmrc`, so one in a
//! tarball was put there on purpose. A `.npmrc` deeper in the package (a template folder a
//! scaffolder copies) becomes a project's configuration only once copied.
//!
//! What a project `.npmrc` can do: run the package's own programs for every npm script
//! (`script-shell`), for every git dependency (`git`), for `npm exec`/`explore` (`shell`),
//! or preload code into every `node` npm starts (`node-options=--require …`, `--import
//! data:…`); send installs to another registry or through a proxy, with TLS checks off;
//! hand the user's token from an environment variable to a host of its choosing
//! (`//host/:_authToken=${NPM_TOKEN}`). The rest (`engine-strict`, `save-exact`, hoisting
//! patterns) is harmless.

use customs_ecosystem::{FileKind, Package};

use crate::model::{Behaviour, BehaviourKind, Context};
use crate::package::{Analysis, find_run, locate};
use crate::signals::clip;
use crate::{javascript, shell};

/// One `key=value` line of an `.npmrc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The key, lower-cased (`script-shell`, `//host/:_authtoken`).
    pub key: String,
    /// The value, without surrounding quotes.
    pub value: String,
    /// Byte offset of the line.
    pub offset: usize,
}

/// Keys whose value is a program npm runs.
pub const PROGRAM_KEYS: &[&str] = &[
    "script-shell",
    "shell",
    "git",
    "editor",
    "browser",
    "viewer",
    "onload-script",
];

/// Options of `node-options` that load a module into every `node` process.
const PRELOAD_FLAGS: &[&str] = &[
    "--require",
    "-r",
    "--import",
    "--loader",
    "--experimental-loader",
];

/// The settings of an `.npmrc` text, in order (comments and blank lines skipped).
#[must_use]
pub fn settings(text: &str) -> Vec<Setting> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with([';', '#', '[']) {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        out.push(Setting {
            key: key.trim().to_ascii_lowercase(),
            value: value.to_owned(),
            offset: start,
        });
    }
    out
}

/// The modules `node-options` preloads (`--require X`, `-r X`, `--import=X`, ...).
#[must_use]
pub fn preloads(node_options: &str) -> Vec<String> {
    let words: Vec<&str> = node_options.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some((flag, value)) = w.split_once('=') {
            if PRELOAD_FLAGS.contains(&flag) {
                out.push(unquote(value).to_owned());
            }
        } else if PRELOAD_FLAGS.contains(&w)
            && let Some(value) = words.get(i + 1)
        {
            out.push(unquote(value).to_owned());
            i += 1;
        }
        i += 1;
    }
    out
}

fn unquote(s: &str) -> &str {
    s.trim_matches(['"', '\''])
}

/// Whether a program value names something the package itself ships (a relative path),
/// rather than a program of the machine (`bash`, `/bin/sh`, `C:\...\bash.exe`).
#[must_use]
pub fn names_own_file(value: &str) -> bool {
    let v = unquote(value.trim());
    v.starts_with("./")
        || v.starts_with("../")
        || v.starts_with(".\\")
        || v.starts_with("..\\")
        || v.starts_with("data:")
        || (!v.starts_with(['/', '\\', '$', '%', '~'])
            && v.get(1..2).is_none_or(|c| c != ":")
            && v.contains(['/', '\\']))
}

/// Whether a member path is the project `.npmrc` (at the package root).
#[must_use]
pub fn is_project_npmrc(relative: &str) -> bool {
    relative == ".npmrc"
}

/// What a project `.npmrc` makes npm run: package files it names become install-time
/// roots (JavaScript) or are read as scripts here; code in a `data:` URL preloaded by
/// `node-options` is decoded and read. Everything is located at the `.npmrc` line (or in
/// the script it names) and runs on install, when the package is the project.
pub(crate) fn analyse(pkg: &Package, analysis: &mut Analysis, roots: &mut Vec<usize>) {
    if pkg.npm.is_none() {
        return;
    }
    let Some(file) = pkg.files.iter().find(|f| is_project_npmrc(&f.relative)) else {
        return;
    };
    let Some(text) = pkg.text(file) else { return };
    for s in settings(text) {
        let targets: Vec<String> = if PROGRAM_KEYS.contains(&s.key.as_str()) {
            vec![s.value.clone()]
        } else if s.key == "node-options" {
            preloads(&s.value)
        } else {
            continue;
        };
        let (line, column, snippet) = locate(text, u32::try_from(s.offset).unwrap_or(0));
        for target in targets {
            let mut push = |path: &str, line, column, snippet: &str, kind, detail: String| {
                analysis.behaviours.push(Behaviour {
                    kind,
                    context: Context::Install,
                    path: path.to_owned(),
                    line,
                    column,
                    snippet: snippet.to_owned(),
                    detail,
                    test_code: false,
                    via: None,
                });
            };
            if target.starts_with("data:") {
                let Some(code) = javascript::data_url_code(&target) else {
                    continue;
                };
                let encoded = target
                    .split_once(',')
                    .is_some_and(|(h, _)| h.to_ascii_lowercase().ends_with(";base64"));
                if encoded {
                    push(
                        &file.path,
                        line,
                        column,
                        &snippet,
                        BehaviourKind::DecodeExecute,
                        format!(
                            "`.npmrc` {} preloads a base64 data: URL module into every node npm starts",
                            s.key
                        ),
                    );
                }
                let facts = javascript::analyze(&code, "npmrc-preload.mjs");
                for raw in facts.behaviours {
                    push(
                        &file.path,
                        line,
                        column,
                        &snippet,
                        raw.kind,
                        format!(
                            "`.npmrc` {} data: URL module: {}",
                            s.key,
                            clip(&raw.detail, 120)
                        ),
                    );
                }
                continue;
            }
            let Some(i) = find_run(pkg, "", &target) else {
                continue;
            };
            let named = &pkg.files[i];
            if matches!(named.kind, FileKind::JavaScript | FileKind::TypeScript) {
                roots.push(i);
                continue;
            }
            let Some(script) = pkg.text(named) else {
                continue;
            };
            let dialect = shell::Dialect::of_path(&named.relative).unwrap_or(shell::Dialect::Bash);
            let found = shell::analyze_script(script, dialect);
            for f in found.findings {
                let (line, column, snippet) = locate(script, f.offset);
                push(
                    &named.path,
                    line,
                    column,
                    &snippet,
                    f.kind,
                    format!("run as npm's `{}` (set in .npmrc): {}", s.key, f.detail),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_preloads() {
        let text = "; comment\nengine-strict=true\nscript-shell = \"./bin/sh\"\n\
                    node-options=--max-old-space-size=4096 --require ./a.js --import=data:x\n";
        let s = settings(text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].key, "script-shell");
        assert_eq!(s[1].value, "./bin/sh");
        assert_eq!(preloads(&s[2].value), vec!["./a.js", "data:x"]);
    }

    #[test]
    fn own_files_versus_machine_programs() {
        assert!(names_own_file("./tools/run"));
        assert!(names_own_file("scripts/git.sh"));
        assert!(names_own_file("data:text/javascript,1"));
        assert!(!names_own_file("bash"));
        assert!(!names_own_file("/bin/bash"));
        assert!(!names_own_file("C:\\Program Files\\git\\bin\\bash.exe"));
    }
}
