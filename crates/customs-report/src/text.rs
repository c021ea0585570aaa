//! Diagnostics for people: each finding like a compiler's, with the rule, the file and
//! line, the quoted line with a marker, and why it matters; then a verdict line per
//! package and a summary.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};

use customs_ecosystem::ArtifactKind;
use customs_model::{Integrity, Provenance, format_rfc3339};
use customs_outcome::{DiffReport, PackageReport};
use customs_rules::IgnoredFinding;
use customs_rules::{Confidence, Context, Finding, Severity, VerdictLevel, when};

use crate::RunReport;

/// How the text report is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Show info-level findings, low-confidence runtime findings of clean packages, and
    /// notes too.
    pub verbose: bool,
    /// Only what needs attention: packages that are not clean, and errors; no summary.
    pub quiet: bool,
}

struct Paint(bool);

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.0 {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Critical => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Severity::High => AnsiColor::Red.on_default(),
        Severity::Medium => AnsiColor::Yellow.on_default(),
        Severity::Low => AnsiColor::Cyan.on_default(),
        Severity::Info => AnsiColor::BrightBlack.on_default(),
    }
}

fn verdict_style(v: VerdictLevel) -> Style {
    match v {
        VerdictLevel::Malicious => AnsiColor::Red.on_default().effects(Effects::BOLD),
        VerdictLevel::Suspicious => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
        VerdictLevel::Clean => AnsiColor::Green.on_default(),
    }
}

/// Whether a finding is left out of the text report unless `-v`: info-level findings,
/// and low-confidence findings in code that runs only when called, in a package whose
/// verdict is clean (they did not change the verdict, and are mostly noise there).
fn hidden_unless_verbose(f: &Finding, verdict: VerdictLevel) -> bool {
    f.severity == Severity::Info
        || (verdict == VerdictLevel::Clean
            && f.confidence == Confidence::Low
            && f.context == Context::Runtime)
}

/// `4 ignored: 1 self-propagation by --ignore; 3 obfuscation by ignore in customs.toml`.
pub(crate) fn ignored_summary(ignored: &[IgnoredFinding]) -> Option<String> {
    if ignored.is_empty() {
        return None;
    }
    let mut groups: Vec<(&str, &str, usize)> = Vec::new();
    for i in ignored {
        match groups
            .iter_mut()
            .find(|(r, b, _)| *r == i.finding.rule && *b == i.by)
        {
            Some(g) => g.2 += 1,
            None => groups.push((i.finding.rule, &i.by, 1)),
        }
    }
    Some(format!(
        "{} ignored: {}",
        ignored.len(),
        groups
            .iter()
            .map(|(rule, by, n)| format!("{n} {rule} by {by}"))
            .collect::<Vec<_>>()
            .join("; ")
    ))
}

/// Renders the text report: per package a header, its findings, where it came from, and
/// its verdict; then the errors and a summary. With `quiet`, clean packages (read in
/// full) and the summary are left out (nothing at all when every package is clean).
#[must_use]
pub fn text(run: &RunReport<'_>, options: TextOptions) -> String {
    let p = Paint(options.color);
    let bold = Style::new().effects(Effects::BOLD);
    let dim = AnsiColor::BrightBlack.on_default();
    let mut out = String::new();
    // A blank line around every package that has more than its verdict line.
    let mut spaced = false;
    for pkg in run.packages {
        if options.quiet && pkg.verdict.level == VerdictLevel::Clean && pkg.read_in_full() {
            continue;
        }
        let shown: Vec<_> = pkg
            .findings
            .iter()
            .filter(|f| options.verbose || !hidden_unless_verbose(f, pkg.verdict.level))
            .collect();
        let mut body = String::new();
        for f in &shown {
            finding(&mut body, &p, f, pkg);
        }
        history(&mut body, &p, pkg);
        if options.verbose {
            for n in &pkg.notes {
                let _ = writeln!(body, "{} {}: {}", p.paint(dim, "note:"), n.path, n.message);
            }
        }
        let place = format!("{}, {}", pkg.target, pkg.artifact.as_str());
        if !out.is_empty() && (spaced || !body.is_empty()) {
            out.push('\n');
        }
        spaced = !body.is_empty();
        if !body.is_empty() {
            let _ = writeln!(
                out,
                "{} {} {}\n",
                p.paint(bold, "==>"),
                p.paint(bold, &pkg.identity.to_string()),
                p.paint(dim, &format!("({place})"))
            );
            out.push_str(&body);
            if !body.ends_with("\n\n") {
                out.push('\n');
            }
        }
        let hidden = pkg.findings.len() - shown.len();
        let mut tail = format!("score {}", pkg.verdict.score);
        if !pkg.findings.is_empty() {
            let _ = write!(tail, ", {}", count(pkg.findings.len(), "finding"));
        }
        if hidden > 0 {
            let _ = write!(
                tail,
                ", {hidden} hidden (info, or low confidence at runtime; -v shows them)"
            );
        }
        if let Some(ignored) = ignored_summary(&pkg.ignored) {
            let _ = write!(tail, ", {ignored}");
        }
        if !pkg.notes.is_empty() && !options.verbose {
            let _ = write!(tail, ", {}", count(pkg.notes.len(), "note"));
        }
        let _ = writeln!(
            out,
            "{:<10} {} {}",
            p.paint(verdict_style(pkg.verdict.level), pkg.verdict.level.as_str()),
            p.paint(bold, &pkg.identity.to_string()),
            p.paint(dim, &format!("({place}, {tail})"))
        );
        for i in &pkg.incomplete {
            let _ = writeln!(
                out,
                "{} {i}",
                p.paint(
                    AnsiColor::Red.on_default().effects(Effects::BOLD),
                    "not read in full:"
                ),
            );
        }
        spaced |= !pkg.incomplete.is_empty();
    }
    for e in run.errors {
        let _ = writeln!(
            out,
            "{} {}: {}",
            p.paint(AnsiColor::Red.on_default().effects(Effects::BOLD), "error:"),
            e.target,
            e.message
        );
    }
    if !options.quiet {
        let count_level =
            |l: VerdictLevel| run.packages.iter().filter(|p| p.verdict.level == l).count();
        let ignored: usize = run.packages.iter().map(|p| p.ignored.len()).sum();
        let _ = writeln!(
            out,
            "\n{} {} scanned: {} malicious, {} suspicious, {} clean{}{}",
            p.paint(bold, "summary:"),
            count(run.packages.len(), "package"),
            count_level(VerdictLevel::Malicious),
            count_level(VerdictLevel::Suspicious),
            count_level(VerdictLevel::Clean),
            if ignored == 0 {
                String::new()
            } else {
                format!(
                    "; {} ignored by the policy or --ignore",
                    count(ignored, "finding")
                )
            },
            if run.errors.is_empty() {
                String::new()
            } else {
                format!("; {} could not be read", count(run.errors.len(), "target"))
            }
        );
    }
    let partial = run.packages.iter().filter(|p| !p.read_in_full()).count();
    if partial > 0 {
        let _ = writeln!(
            out,
            "{partial} package{} not read in full: unreadable, whatever the verdict on the part read",
            if partial == 1 { " was" } else { "s were" }
        );
    }
    out
}

/// One finding, like a compiler's diagnostic.
fn finding(out: &mut String, p: &Paint, f: &Finding, pkg: &PackageReport) {
    let bold = Style::new().effects(Effects::BOLD);
    let blue = AnsiColor::Blue.on_default().effects(Effects::BOLD);
    let _ = writeln!(
        out,
        "{}{} {}",
        p.paint(severity_style(f.severity), f.severity.as_str()),
        p.paint(bold, &format!("[{}]", f.rule)),
        p.paint(bold, &f.message)
    );
    // In a folder the member is a file the reader can open; in an archive it is
    // a member path.
    let file = if pkg.artifact == ArtifactKind::Folder && !f.path.is_empty() {
        crate::folder_file(&pkg.target, &f.path)
    } else {
        f.path.clone()
    };
    let place = match (f.path.is_empty(), f.line, f.column) {
        (true, _, _) => pkg.target.clone(),
        (false, Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (false, Some(l), None) => format!("{file}:{l}"),
        (false, None, _) => file,
    };
    let _ = writeln!(out, "  {} {place}", p.paint(blue, "-->"));
    if let (Some(line), Some(snippet)) = (f.line, &f.snippet) {
        let number = line.to_string();
        let pad = " ".repeat(number.len());
        let _ = writeln!(out, "  {pad} {}", p.paint(blue, "|"));
        let _ = writeln!(
            out,
            "  {} {} {snippet}",
            p.paint(blue, &number),
            p.paint(blue, "|")
        );
        // Long lines are shown as a window that starts 60 characters before the
        // column, after an ellipsis.
        let col = f.column.unwrap_or(1).saturating_sub(1) as usize;
        let indent = if snippet.starts_with('…') {
            col.min(60) + 1
        } else {
            col
        };
        let _ = writeln!(
            out,
            "  {pad} {} {}{}",
            p.paint(blue, "|"),
            " ".repeat(indent),
            p.paint(severity_style(f.severity), "^")
        );
    } else if let Some(snippet) = &f.snippet {
        let _ = writeln!(out, "  {} {snippet}", p.paint(blue, "|"));
    }
    let why = crate::rule_meta(f.rule).map_or("", |m| m.summary);
    let _ = writeln!(
        out,
        "  {} {why} ({} confidence, {}; `customs rules {}` explains)",
        p.paint(blue, "= why:"),
        f.confidence,
        when(f.context),
        f.rule
    );
    out.push('\n');
}

fn count(n: usize, what: &str) -> String {
    match (n, what.strip_suffix('y')) {
        (1, _) => format!("{n} {what}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {what}s"),
    }
}

fn lines(n: Option<u32>) -> String {
    n.map_or_else(String::new, |n| format!(" ({})", count(n as usize, "line")))
}

/// Where a registry artifact came from and how it compares with the release before.
fn history(out: &mut String, p: &Paint, pkg: &PackageReport) {
    let dim = AnsiColor::BrightBlack.on_default();
    if let Some(src) = &pkg.source {
        let integrity = match &src.integrity {
            Integrity::Verified { algorithm, .. } => format!("{algorithm} verified"),
            Integrity::Mismatch { algorithm, .. } => format!("{algorithm} MISMATCH"),
            Integrity::Unchecked => "no digest on the index".to_owned(),
        };
        let provenance = match &src.release.provenance {
            Provenance::Present { .. } => "present",
            Provenance::Absent => "absent",
            Provenance::Unknown => "unknown (the index does not say)",
        };
        let _ = writeln!(
            out,
            "{} {} from {} ({integrity}{}); published {}{}; provenance {provenance}",
            p.paint(dim, "source:"),
            src.file_name,
            src.index,
            if src.from_cache { ", cached" } else { "" },
            src.release
                .uploaded
                .map_or_else(|| "at an unknown time".to_owned(), format_rfc3339),
            src.release
                .publisher
                .as_deref()
                .map(|u| format!(" by {u}"))
                .unwrap_or_default(),
        );
    }
    let Some(h) = &pkg.history else { return };
    if let Some(note) = &h.note {
        let _ = writeln!(out, "{} {note}", p.paint(dim, "history:"));
        return;
    }
    let c = &h.changes;
    let _ = writeln!(
        out,
        "{} compared with {}{}: {} added, {} removed, {} changed; {} and {} changed; {} appeared",
        p.paint(dim, "history:"),
        h.compared_with.as_deref().unwrap_or("the previous release"),
        h.previous_upload
            .as_deref()
            .map(|v| format!(" (uploaded last before it: {v})"))
            .unwrap_or_default(),
        count(c.files_added.len(), "file"),
        c.files_removed.len(),
        c.files_changed.len(),
        count(c.dependencies.len(), "dependency"),
        count(c.hooks.len(), "install hook"),
        count(c.behaviours_appeared.len(), "behaviour"),
    );
}

/// What changed since the release compared with, one plain line each (`+ file PATH
/// (N lines)`, `~ dependency NAME OLD → NEW`, `+ behaviour KIND at PATH:LINE: SNIPPET`),
/// as the proxy keeps them with a judgement and its web page shows them.
#[must_use]
pub fn change_lines(c: &customs_outcome::Changes) -> Vec<String> {
    let mut changes = Vec::new();
    let lines = |n: Option<u32>| n.map(|n| format!(" ({n} lines)")).unwrap_or_default();
    for f in &c.files_added {
        changes.push(format!("+ file {}{}", f.path, lines(f.lines_after)));
    }
    for f in &c.files_removed {
        changes.push(format!("- file {}{}", f.path, lines(f.lines_before)));
    }
    for f in &c.files_changed {
        changes.push(format!(
            "~ file {} ({} → {} lines)",
            f.path,
            f.lines_before.unwrap_or(0),
            f.lines_after.unwrap_or(0)
        ));
    }
    for (what, list) in [
        ("dependency", &c.dependencies),
        ("install hook", &c.hooks),
        ("metadata", &c.metadata),
    ] {
        for v in list {
            changes.push(match (&v.old, &v.new) {
                (None, Some(n)) => format!("+ {what} {} {n}", v.name),
                (Some(o), None) => format!("- {what} {} {o}", v.name),
                (o, n) => format!(
                    "~ {what} {} {} → {}",
                    v.name,
                    o.as_deref().unwrap_or(""),
                    n.as_deref().unwrap_or("")
                ),
            });
        }
    }
    for b in &c.behaviours_appeared {
        changes.push(format!(
            "+ behaviour {} at {}:{}: {}",
            b.kind.as_str(),
            b.path,
            b.line,
            b.snippet
        ));
    }
    changes
}

/// Renders a `diff`: what changed, the findings on the update, and its verdict (with
/// `quiet`, nothing when the update is clean).
#[must_use]
pub fn text_diff(diff: &DiffReport, options: TextOptions) -> String {
    if options.quiet && diff.verdict.level == VerdictLevel::Clean {
        return String::new();
    }
    let p = Paint(options.color);
    let bold = Style::new().effects(Effects::BOLD);
    let green = AnsiColor::Green.on_default();
    let red = AnsiColor::Red.on_default();
    let yellow = AnsiColor::Yellow.on_default();
    let mut out = String::new();
    let s = &diff.summary;
    let _ = writeln!(
        out,
        "{} {} -> {}",
        p.paint(bold, "diff"),
        diff.old.identity,
        diff.new.identity
    );
    let _ = writeln!(
        out,
        "\n{} {} added, {} removed, {} changed",
        p.paint(bold, "files:"),
        s.files_added.len(),
        s.files_removed.len(),
        s.files_changed.len()
    );
    let limit = if options.verbose { usize::MAX } else { 20 };
    for (sign, style, list) in [
        ("+", green, &s.files_added),
        ("-", red, &s.files_removed),
        ("~", yellow, &s.files_changed),
    ] {
        for f in list.iter().take(limit) {
            let detail = match (f.lines_before, f.lines_after) {
                (Some(a), Some(b)) if sign == "~" => format!(" ({a} -> {b} lines)"),
                (a, b) => lines(b.or(a)),
            };
            let _ = writeln!(out, "  {} {}{detail}", p.paint(style, sign), f.path);
        }
        if list.len() > limit {
            let _ = writeln!(
                out,
                "  {} … {} more (-v lists all)",
                p.paint(style, sign),
                list.len() - limit
            );
        }
    }
    for (title, list) in [
        ("dependencies:", &s.dependencies),
        ("install hooks:", &s.hooks),
        ("metadata:", &s.metadata),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.paint(bold, title));
        for c in list {
            let (sign, style, text) = match (&c.old, &c.new) {
                (None, Some(n)) => ("+", green, format!("{} {n}", c.name)),
                (Some(o), None) => ("-", red, format!("{} {o}", c.name)),
                (Some(o), Some(n)) => ("~", yellow, format!("{} {o} -> {n}", c.name)),
                (None, None) => continue,
            };
            let _ = writeln!(out, "  {} {}", p.paint(style, sign), text.trim_end());
        }
    }
    for (title, sign, style, list) in [
        (
            "behaviours that appeared:",
            "+",
            green,
            &s.behaviours_appeared,
        ),
        (
            "behaviours that disappeared:",
            "-",
            red,
            &s.behaviours_disappeared,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.paint(bold, title));
        for b in list.iter().take(limit) {
            let _ = writeln!(
                out,
                "  {} {} {}: {}:{} {}",
                p.paint(style, sign),
                b.kind.as_str(),
                when(b.context),
                b.path,
                b.line,
                b.detail
            );
        }
        if list.len() > limit {
            let _ = writeln!(out, "  … {} more (-v lists all)", list.len() - limit);
        }
    }
    if !diff.dependencies.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(bold, "new dependencies, checked on the registry:")
        );
        for d in &diff.dependencies {
            let state = match (&d.verdict, &d.error) {
                (Some(v), _) => v.as_str().to_owned(),
                (None, Some(e)) => format!("not checked: {e}"),
                (None, None) => "not checked".to_owned(),
            };
            let _ = writeln!(
                out,
                "  {}{}: {state}{}{}",
                d.name,
                d.version
                    .as_deref()
                    .map(|v| format!("@{v}"))
                    .unwrap_or_default(),
                d.first_published
                    .map(|t| format!("; first published {}", format_rfc3339(t)))
                    .unwrap_or_default(),
                if d.install_scripts.is_empty() {
                    String::new()
                } else {
                    format!("; install scripts: {}", d.install_scripts.join(", "))
                }
            );
        }
    }
    out.push('\n');
    for f in diff
        .changes
        .iter()
        .filter(|f| options.verbose || f.severity > Severity::Info)
    {
        finding(&mut out, &p, f, &diff.new);
    }
    let _ = writeln!(
        out,
        "{} {} {}",
        p.paint(bold, "verdict on the update:"),
        p.paint(
            verdict_style(diff.verdict.level),
            diff.verdict.level.as_str()
        ),
        p.paint(
            AnsiColor::BrightBlack.on_default(),
            &format!(
                "(score {}, {}{})",
                diff.verdict.score,
                count(diff.changes.len(), "finding"),
                ignored_summary(&diff.ignored)
                    .map(|i| format!(", {i}"))
                    .unwrap_or_default()
            )
        )
    );
    out
}
