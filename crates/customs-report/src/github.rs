//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation a
//! finding, at the file and line when there is one.
//!
//! Everything in a line comes from the package (its name, paths, messages quoting its
//! code), so every value is escaped the way the runner unescapes it: in the message `%`,
//! CR and LF; in a property also `:` and `,`, which would otherwise end the property or
//! the property list. A line this module writes therefore always starts with `::` and
//! holds exactly one command: a crafted package cannot start another (`::add-mask::`,
//! `::stop-commands::`) nor break out of the annotation.

use std::fmt::Write as _;

use customs_model::Action;
use customs_outcome::{AuditReport, ScanError};
use customs_rules::Severity;

use crate::RunReport;

/// A message, escaped as the runner's `escapeData` expects.
#[must_use]
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A property value (`file=`, `title=`), escaped as the runner's `escapeProperty`
/// expects: the message's escapes plus `:` and `,`.
#[must_use]
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_data(text).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// `error`, `warning` or `notice`; info-level findings are not annotated.
fn command(severity: Severity) -> Option<&'static str> {
    match severity {
        Severity::Critical | Severity::High => Some("error"),
        Severity::Medium => Some("warning"),
        Severity::Low => Some("notice"),
        Severity::Info => None,
    }
}

/// One annotation line.
fn annotation(
    out: &mut String,
    command: &str,
    file: Option<&str>,
    line: Option<u32>,
    title: &str,
    message: &str,
) {
    let mut props = Vec::new();
    // Annotations attach to paths relative to the checkout: `./x` is written `x`.
    if let Some(file) = file
        .map(|f| f.trim_start_matches("./"))
        .filter(|f| !f.is_empty())
    {
        props.push(format!("file={}", escape_property(file)));
        if let Some(line) = line {
            props.push(format!("line={line}"));
        }
    }
    props.push(format!("title={}", escape_property(title)));
    let _ = writeln!(
        out,
        "::{command} {}::{}",
        props.join(","),
        escape_data(message)
    );
}

/// The annotations of a scan (or of a diff's update): each finding of each package,
/// then each target that could not be scanned.
#[must_use]
pub fn github(run: &RunReport<'_>) -> String {
    let mut out = String::new();
    for p in run.packages {
        let folder = p.artifact == customs_ecosystem::ArtifactKind::Folder;
        for f in &p.findings {
            let Some(cmd) = command(f.severity) else {
                continue;
            };
            // In a folder the member is a real file of the checkout; in an archive only
            // the artifact is, and the member and line go into the message.
            let (file, line) = if folder && !f.path.is_empty() {
                (
                    format!("{}/{}", p.target.trim_end_matches('/'), f.path),
                    f.line,
                )
            } else {
                (p.target.clone(), None)
            };
            let place = match (folder, f.path.is_empty(), f.line) {
                (true, _, _) | (false, true, _) => String::new(),
                (false, false, Some(l)) => format!(" [{}:{l}]", f.path),
                (false, false, None) => format!(" [{}]", f.path),
            };
            annotation(
                &mut out,
                cmd,
                Some(&file),
                line,
                &format!("customs {}: {}", f.rule, p.verdict.level),
                &format!("{}: {}{place}", p.identity, f.message),
            );
        }
        if !p.incomplete.is_empty() {
            annotation(
                &mut out,
                "error",
                Some(&p.target),
                None,
                "customs: not read in full",
                &format!(
                    "{} could not be read in full, so it is not judged",
                    p.identity
                ),
            );
        }
    }
    errors(&mut out, run.errors);
    out
}

/// The annotations of an audit: each blocked or warned dependency's findings (medium
/// and above) and policy reasons, at the lockfile line that names it.
#[must_use]
pub fn github_audit(report: &AuditReport, errs: &[ScanError]) -> String {
    let mut out = String::new();
    for e in report
        .entries
        .iter()
        .filter(|e| e.decision.action != Action::Allow)
    {
        let at = e.locations.first();
        let file = at.map(|a| a.path.display().to_string());
        let line = at.map(|a| a.line);
        let who = crate::audit::target(e);
        let policy_cmd = if e.decision.action == Action::Block {
            "error"
        } else {
            "warning"
        };
        for r in &e.decision.reasons {
            annotation(
                &mut out,
                policy_cmd,
                file.as_deref(),
                line,
                &format!("customs: {} {who}", e.decision.action.as_str()),
                &format!("{who} {}: {r}", e.decision.action.as_str()),
            );
        }
        for f in e.findings().filter(|f| f.severity >= Severity::Medium) {
            let Some(cmd) = command(f.severity) else {
                continue;
            };
            annotation(
                &mut out,
                cmd,
                file.as_deref(),
                line,
                &format!("customs {}", f.rule),
                &format!("{who}: {}", f.message),
            );
        }
    }
    errors(&mut out, errs);
    out
}

fn errors(out: &mut String, errs: &[ScanError]) {
    for e in errs {
        annotation(
            out,
            "error",
            None,
            None,
            "customs: could not be checked",
            &format!("{}: {}", e.target, e.message),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_escape_differently() {
        assert_eq!(escape_data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(escape_property("a%b\r\nc: d, e"), "a%25b%0D%0Ac%3A d%2C e");
        // `%` first: an already escaped-looking value is not unescaped by the runner.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_property("::"), "%3A%3A");
    }

    #[test]
    fn one_line_per_annotation_whatever_the_text() {
        let mut out = String::new();
        annotation(
            &mut out,
            "error",
            Some("x,line=1::\n::add-mask::y"),
            Some(3),
            "t:,",
            "m\n::stop-commands::z\r",
        );
        assert_eq!(out.lines().count(), 1, "{out}");
        assert_eq!(
            out,
            "::error file=x%2Cline=1%3A%3A%0A%3A%3Aadd-mask%3A%3Ay,line=3,title=t%3A%2C::m%0A::stop-commands::z%0D\n"
        );
    }
}
