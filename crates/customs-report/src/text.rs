//! Diagnostics for people: each finding like a compiler's, with the rule, the file and
//! line, the quoted line with a marker, and why it matters; then a verdict line per
//! package and a summary.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};
use customs_ecosystem::ArtifactKind;
use customs_rules::{Severity, VerdictLevel, rule};

use crate::RunReport;

/// How the text report is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Show info-level findings and notes too.
    pub verbose: bool,
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

/// Renders the text report.
#[must_use]
pub fn text(run: &RunReport<'_>, options: TextOptions) -> String {
    let p = Paint(options.color);
    let bold = Style::new().effects(Effects::BOLD);
    let dim = AnsiColor::BrightBlack.on_default();
    let blue = AnsiColor::Blue.on_default().effects(Effects::BOLD);
    let mut out = String::new();
    for pkg in run.packages {
        let shown: Vec<_> = pkg
            .findings
            .iter()
            .filter(|f| options.verbose || f.severity > Severity::Info)
            .collect();
        for f in &shown {
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
                format!("{}/{}", pkg.target.trim_end_matches('/'), f.path)
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
            let why = rule(f.rule).map_or("", |r| r.meta().summary);
            let _ = writeln!(
                out,
                "  {} {why} ({} confidence, {} time; `customs rules {}` explains)",
                p.paint(blue, "= why:"),
                f.confidence,
                f.context,
                f.rule
            );
            out.push('\n');
        }
        if options.verbose {
            for n in &pkg.notes {
                let _ = writeln!(out, "{} {}: {}", p.paint(dim, "note:"), n.path, n.message);
            }
        }
        let hidden = pkg.findings.len() - shown.len();
        let mut tail = format!("score {}", pkg.verdict.score);
        if !pkg.findings.is_empty() {
            let _ = write!(
                tail,
                ", {} finding{}",
                pkg.findings.len(),
                if pkg.findings.len() == 1 { "" } else { "s" }
            );
        }
        if hidden > 0 {
            let _ = write!(tail, ", {hidden} info hidden (-v shows them)");
        }
        if !pkg.notes.is_empty() && !options.verbose {
            let _ = write!(
                tail,
                ", {} note{}",
                pkg.notes.len(),
                if pkg.notes.len() == 1 { "" } else { "s" }
            );
        }
        let _ = writeln!(
            out,
            "{:<10} {} {}",
            p.paint(verdict_style(pkg.verdict.level), pkg.verdict.level.as_str()),
            p.paint(bold, &pkg.identity.to_string()),
            p.paint(
                dim,
                &format!("({}, {}, {tail})", pkg.target, pkg.artifact.as_str())
            )
        );
        if !shown.is_empty() {
            out.push('\n');
        }
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
    let count = |l: VerdictLevel| run.packages.iter().filter(|p| p.verdict.level == l).count();
    let _ = writeln!(
        out,
        "\n{} {} package{} scanned: {} malicious, {} suspicious, {} clean{}",
        p.paint(bold, "summary:"),
        run.packages.len(),
        if run.packages.len() == 1 { "" } else { "s" },
        count(VerdictLevel::Malicious),
        count(VerdictLevel::Suspicious),
        count(VerdictLevel::Clean),
        if run.errors.is_empty() {
            String::new()
        } else {
            format!(
                "; {} target{} could not be read",
                run.errors.len(),
                if run.errors.len() == 1 { "" } else { "s" }
            )
        }
    );
    out
}
