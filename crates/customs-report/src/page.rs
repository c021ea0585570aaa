//! The proxy's web page at `/ui/`: the latest decisions, and a page per artifact with
//! its findings (quoted lines included) and what changed since the release before it.
//! Plain HTML documents: no script, nothing fetched from elsewhere. The proxy serves
//! them as they are.

use std::fmt::Write as _;

use customs_model::{ArtifactSummary, DecisionRecord};

/// The page's title when it names no package.
const TITLE: &str = "customs proxy";

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;\
text-align:left;vertical-align:top}th{background:#f4f4f4}pre{background:#f6f6f6;padding:.5em;\
overflow-x:auto;margin:.2em 0}.block{color:#a40000;font-weight:600}.warn{color:#8a5a00}\
.allow{color:#1d6b2c}code{font-size:13px}";

/// `s` as HTML text or a quoted attribute value.
#[must_use]
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{STYLE}</style></head>\n<body>\n{body}</body></html>\n",
        escape_html(title)
    )
}

/// A store key as one path segment.
fn encode(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn time(at_ms: i64) -> String {
    customs_model::format_rfc3339(at_ms.div_euclid(1000))
}

/// A page that says only `message` (the store could not be read).
#[must_use]
pub fn page_message(message: &str) -> String {
    document(TITLE, &format!("<p>{}</p>", escape_html(message)))
}

/// The front page: the latest `decisions`, last made first, from the store at `store`.
#[must_use]
pub fn page_decisions(decisions: &[DecisionRecord], store: &str) -> String {
    let mut body = format!(
        "<h1>customs proxy</h1>\n<p>The latest {} decisions, last made first (one line per artifact and decision, with how many times it was made). Store: <code>{}</code>.</p>\n",
        decisions.len(),
        escape_html(store)
    );
    body.push_str(
        "<table id=\"decisions\">\n<tr><th>last</th><th>decision</th><th>package</th><th>version</th><th>verdict</th><th>reason</th><th>times</th></tr>\n",
    );
    for d in decisions {
        let _ = writeln!(
            body,
            "<tr class=\"decision\"><td>{}</td><td class=\"{}\">{}</td><td>{}:{}</td><td><a href=\"/ui/artifact/{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"count\">{}</td></tr>",
            time(d.at_ms),
            escape_html(&d.action),
            escape_html(&d.action),
            escape_html(&d.ecosystem),
            escape_html(&d.package),
            encode(&d.digest),
            escape_html(&d.version),
            escape_html(&d.verdict),
            escape_html(&d.reason),
            d.count
        );
    }
    body.push_str("</table>\n");
    if decisions.is_empty() {
        body.push_str("<p>Nothing was asked for yet.</p>\n");
    }
    document(TITLE, &body)
}

/// The page of the artifact stored under `key`: the `decisions` made about it, last
/// made first, and its judgement's summary when it was scanned. `None` when no
/// decision was made about it (see [`page_not_found`]).
#[must_use]
pub fn page_artifact(
    key: &str,
    decisions: &[DecisionRecord],
    summary: Option<&ArtifactSummary>,
) -> Option<String> {
    let first = decisions.first()?;
    let title = format!("{} {}", first.package, first.version);
    let mut body = format!(
        "<p><a href=\"/ui/\">All decisions</a></p>\n<h1>{} {} <small>({})</small></h1>\n<p>File <code>{}</code>, <code>{}</code></p>\n",
        escape_html(&first.package),
        escape_html(&first.version),
        escape_html(&first.ecosystem),
        escape_html(&first.file),
        escape_html(key)
    );
    let _ = writeln!(
        body,
        "<p id=\"decision\">Decision: <span class=\"{}\">{}</span>, verdict <b id=\"verdict\">{}</b>{}</p>",
        escape_html(&first.action),
        escape_html(&first.action),
        escape_html(&first.verdict),
        if first.reason.is_empty() {
            String::new()
        } else {
            format!(
                ": <span id=\"reason\">{}</span>",
                escape_html(&first.reason)
            )
        }
    );
    match summary {
        Some(f) => summary_html(&mut body, f),
        None => body.push_str(
            "<p>Not scanned: the decision was made before any download (a known-malicious or too young release).</p>\n",
        ),
    }
    body.push_str("<h2>Decisions about this file</h2>\n<ul>\n");
    for d in decisions {
        let _ = writeln!(
            body,
            "<li>{} {} time(s), first {}, last {} ({}) by {}</li>",
            escape_html(&d.action),
            d.count,
            time(d.first_ms),
            time(d.at_ms),
            escape_html(&d.verdict),
            escape_html(&d.node)
        );
    }
    body.push_str("</ul>\n");
    Some(document(&title, &body))
}

/// The page for a `key` no decision was made about.
#[must_use]
pub fn page_not_found(key: &str) -> String {
    document(
        "not found",
        &format!(
            "<h1>Not found</h1><p>No decision about <code>{}</code>.</p><p><a href=\"/ui/\">All decisions</a></p>",
            escape_html(key)
        ),
    )
}

fn summary_html(body: &mut String, f: &ArtifactSummary) {
    let _ = writeln!(
        body,
        "<p>Score {:.1}; sha256 <code>{}</code></p>",
        f.score,
        escape_html(&f.decided.sha256)
    );
    if let Some(u) = &f.decided.unreadable {
        let _ = writeln!(
            body,
            "<p id=\"unreadable\">Could not be read: {}</p>",
            escape_html(u)
        );
    }
    let _ = writeln!(body, "<h2>Findings ({})</h2>", f.findings.len());
    if f.findings.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<table id=\"findings\">\n<tr><th>severity</th><th>rule</th><th>where</th><th>what</th></tr>\n");
        for x in &f.findings {
            let place = match x.line {
                Some(l) if !x.path.is_empty() => format!("{}:{l}", x.path),
                _ => x.path.clone(),
            };
            let quote = x
                .snippet
                .as_deref()
                .map(|q| format!("<pre class=\"quote\">{}</pre>", escape_html(q)))
                .unwrap_or_default();
            let _ = writeln!(
                body,
                "<tr class=\"finding\"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}{quote}</td></tr>",
                escape_html(&x.severity),
                escape_html(&x.rule),
                escape_html(&place),
                escape_html(&x.message)
            );
        }
        body.push_str("</table>\n");
    }
    match &f.compared_with {
        Some(v) => {
            let _ = writeln!(
                body,
                "<h2>Changes since {}</h2>\n<pre id=\"changes\">{}</pre>",
                escape_html(v),
                if f.changes.is_empty() {
                    "(none that customs tracks)".to_owned()
                } else {
                    escape_html(&f.changes.join("\n"))
                }
            );
        }
        None => body.push_str("<h2>Changes</h2>\n<p>No earlier release to compare with.</p>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(action: &str, reason: &str) -> DecisionRecord {
        DecisionRecord {
            at_ms: 86_400_000 + 1500,
            first_ms: 86_400_000,
            count: 3,
            ecosystem: "npm".into(),
            package: "left<pad>".into(),
            version: "1.0.1".into(),
            file: "left-pad-1.0.1.tgz".into(),
            digest: "sha256:ab/cd".into(),
            action: action.into(),
            verdict: "malicious".into(),
            reason: reason.into(),
            node: "host:1".into(),
        }
    }

    #[test]
    fn keys_are_one_segment() {
        assert_eq!(encode("sha256:ab12"), "sha256:ab12");
        assert_eq!(encode("url:http://h/x y?z"), "url:http:%2F%2Fh%2Fx%20y%3Fz");
    }

    #[test]
    fn the_front_page_lists_decisions_escaped_and_linked() {
        let html = page_decisions(&[record("refused", "a \"bad\" <hook>")], "/s&t");
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{html}"
        );
        assert!(html.contains("<title>customs proxy</title>"), "{html}");
        assert!(html.contains("Store: <code>/s&amp;t</code>"), "{html}");
        assert!(html.contains(
            "<td>1970-01-02T00:00:01Z</td><td class=\"refused\">refused</td><td>npm:left&lt;pad&gt;</td><td><a href=\"/ui/artifact/sha256:ab%2Fcd\">1.0.1</a></td>"
        ), "{html}");
        assert!(
            html.contains("<td>a &quot;bad&quot; &lt;hook&gt;</td><td class=\"count\">3</td>"),
            "{html}"
        );
        assert!(!html.contains("Nothing was asked for yet."));
        assert!(page_decisions(&[], "s").contains("<p>Nothing was asked for yet.</p>"));
    }

    #[test]
    fn an_artifact_page_needs_a_decision() {
        assert_eq!(page_artifact("k", &[], None), None);
        let html = page_artifact("k<", &[record("served", "")], None).expect("a page");
        assert!(
            html.contains("<title>left&lt;pad&gt; 1.0.1</title>"),
            "{html}"
        );
        assert!(
            html.contains("verdict <b id=\"verdict\">malicious</b></p>"),
            "{html}"
        );
        assert!(html.contains("<p>Not scanned:"), "{html}");
        assert!(html.contains("<li>served 3 time(s), first 1970-01-02T00:00:00Z, last 1970-01-02T00:00:01Z (malicious) by host:1</li>"), "{html}");
        assert!(page_not_found("k<").contains("No decision about <code>k&lt;</code>."));
    }
}
