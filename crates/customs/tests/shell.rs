//! `customs completions` and `customs man` as a user installs them: the bash script is
//! sourced by a real bash and asked to complete, the man page is rendered by groff.

#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::{customs, stdout};

const COMMANDS: [&str; 12] = [
    "scan",
    "diff",
    "audit",
    "proxy",
    "watch",
    "run",
    "db",
    "policy",
    "verify",
    "rules",
    "completions",
    "man",
];

/// Every shell's script generates, is not empty and names every command.
#[test]
fn every_shell_gets_a_script_naming_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = customs(tmp.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = stdout(&out);
        for cmd in COMMANDS {
            assert!(script.contains(cmd), "{shell}'s script lacks {cmd}");
        }
    }
    let bad = customs(tmp.path(), &["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("tcsh"));
}

/// Runs bash's completion for the words typed so far (the last one being completed)
/// with the generated script sourced, as bash-completion would.
fn bash_complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let words_list = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let line = words.join(" ");
    let program = format!(
        "source '{}'\nCOMP_WORDS=({words_list}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT={}\n\
         _customs customs '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        words.len() - 1,
        line.len(),
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    stdout(&out).lines().map(str::to_owned).collect()
}

/// bash, with the script sourced, completes command names and a command's flags.
#[test]
fn bash_completes_commands_and_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = customs(tmp.path(), &["completions", "bash"]);
    assert!(out.status.success());
    let script = tmp.path().join("customs.bash");
    std::fs::write(&script, &out.stdout).unwrap();

    assert_eq!(bash_complete(&script, &["customs", "sc"]), ["scan"]);
    let all = bash_complete(&script, &["customs", ""]);
    for cmd in COMMANDS {
        assert!(all.iter().any(|c| c == cmd), "{cmd} not offered: {all:?}");
    }
    let flags = bash_complete(&script, &["customs", "audit", "--fo"]);
    assert_eq!(flags, ["--format"]);
    let formats = bash_complete(&script, &["customs", "audit", "--format", ""]);
    for f in ["text", "json", "sarif", "github"] {
        assert!(
            formats.iter().any(|c| c == f),
            "{f} not offered: {formats:?}"
        );
    }
}

/// The page renders with groff (as `man` would) and lists every command; `--dir` writes
/// one page per command, each of which renders too.
#[test]
fn man_pages_render_and_list_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let out = customs(tmp.path(), &["man"]);
    assert!(out.status.success(), "{out:?}");
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH customs 1"),
        "{page}"
    );
    let rendered = groff(&out.stdout);
    for cmd in COMMANDS {
        assert!(
            rendered.contains(&format!("customs-{cmd}(1)")),
            "the page lacks {cmd}: {rendered}"
        );
    }
    let words = rendered.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("customs - Stops malicious open-source packages"),
        "{words}"
    );

    let dir = tmp.path().join("man1");
    let out = customs(tmp.path(), &["man", "--dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    for cmd in COMMANDS {
        let page = std::fs::read(dir.join(format!("customs-{cmd}.1"))).unwrap();
        let rendered = groff(&page);
        assert!(rendered.contains(&format!("customs-{cmd}")), "{rendered}");
    }
    let audit = groff(&std::fs::read(dir.join("customs-audit.1")).unwrap());
    assert!(audit.contains("--offline"), "{audit}");
    assert!(std::fs::metadata(dir.join("customs-db-import.1")).is_ok());
}

/// The page as plain text, rendered as `man` renders it: preconv (`-k`, the help has
/// non-ASCII text), the man macros, UTF-8 (groff-base is on every machine with `man`).
fn groff(page: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-P", "-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "groff warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // groff writes `\-` as a minus sign and may hyphenate with a Unicode hyphen.
    stdout(&out).replace(['\u{2212}', '\u{2010}'], "-")
}
