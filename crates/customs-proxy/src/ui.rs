//! The proxy's web page at `/ui/`: the latest decisions, and a page per artifact with
//! its findings (quoted lines included) and what changed since the release before it.
//! Plain server-rendered HTML: no script, nothing fetched from elsewhere.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Response, StatusCode, header};

use crate::pages::escape;
use crate::{Facts, Shared, blocking, stored_facts};

/// Decisions listed on the front page.
const RECENT: i64 = 200;

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;\
text-align:left;vertical-align:top}th{background:#f4f4f4}pre{background:#f6f6f6;padding:.5em;\
overflow-x:auto;margin:.2em 0}.block{color:#a40000;font-weight:600}.warn{color:#8a5a00}\
.allow{color:#1d6b2c}code{font-size:13px}";

fn page(title: &str, body: &str) -> Response<Body> {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{STYLE}</style></head>\n<body>\n{body}</body></html>\n",
        escape(title)
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .header(
            "content-security-policy",
            "default-src 'none'; style-src 'unsafe-inline'",
        )
        .body(Body::from(html))
        .unwrap_or_default()
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
    customs_registry::format_rfc3339(at_ms.div_euclid(1000))
}

pub(crate) async fn redirect() -> Response<Body> {
    Response::builder()
        .status(StatusCode::MOVED_PERMANENTLY)
        .header(header::LOCATION, "/ui/")
        .body(Body::empty())
        .unwrap_or_default()
}

pub(crate) async fn index(State(state): State<Shared>) -> Response<Body> {
    let s = Arc::clone(&state);
    let Some(decisions) = blocking(move || s.store.decisions(None, RECENT)).await else {
        return page("customs proxy", "<p>The store could not be read.</p>");
    };
    let decisions = match decisions {
        Ok(d) => d,
        Err(e) => {
            return page(
                "customs proxy",
                &format!("<p>{}</p>", escape(&e.to_string())),
            );
        }
    };
    let mut body = format!(
        "<h1>customs proxy</h1>\n<p>The latest {} decisions, last made first (one line per artifact and decision, with how many times it was made). Store: <code>{}</code>.</p>\n",
        decisions.len(),
        escape(state.store.location())
    );
    body.push_str(
        "<table id=\"decisions\">\n<tr><th>last</th><th>decision</th><th>package</th><th>version</th><th>verdict</th><th>reason</th><th>times</th></tr>\n",
    );
    for d in &decisions {
        let _ = writeln!(
            body,
            "<tr class=\"decision\"><td>{}</td><td class=\"{}\">{}</td><td>{}:{}</td><td><a href=\"/ui/artifact/{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"count\">{}</td></tr>",
            time(d.at_ms),
            escape(&d.action),
            escape(&d.action),
            escape(&d.ecosystem),
            escape(&d.package),
            encode(&d.digest),
            escape(&d.version),
            escape(&d.verdict),
            escape(&d.reason),
            d.count
        );
    }
    body.push_str("</table>\n");
    if decisions.is_empty() {
        body.push_str("<p>Nothing was asked for yet.</p>\n");
    }
    page("customs proxy", &body)
}

pub(crate) async fn artifact(
    State(state): State<Shared>,
    Path(key): Path<String>,
) -> Response<Body> {
    let s = Arc::clone(&state);
    let k = key.clone();
    let Some((decisions, facts)) =
        blocking(move || (s.store.decisions(Some(&k), 50), stored_facts(&s, &k))).await
    else {
        return page("customs proxy", "<p>The store could not be read.</p>");
    };
    let (decisions, facts) = match (decisions, facts) {
        (Ok(d), Ok(f)) => (d, f),
        (Err(e), _) | (_, Err(e)) => {
            let mut r = page(
                "customs proxy",
                &format!(
                    "<p>The store could not be read: {}</p>",
                    escape(&e.to_string())
                ),
            );
            *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            return r;
        }
    };
    let Some(first) = decisions.first() else {
        let mut r = page(
            "not found",
            &format!(
                "<h1>Not found</h1><p>No decision about <code>{}</code>.</p><p><a href=\"/ui/\">All decisions</a></p>",
                escape(&key)
            ),
        );
        *r.status_mut() = StatusCode::NOT_FOUND;
        return r;
    };
    let title = format!("{} {}", first.package, first.version);
    let mut body = format!(
        "<p><a href=\"/ui/\">All decisions</a></p>\n<h1>{} {} <small>({})</small></h1>\n<p>File <code>{}</code>, <code>{}</code></p>\n",
        escape(&first.package),
        escape(&first.version),
        escape(&first.ecosystem),
        escape(&first.file),
        escape(&key)
    );
    let _ = writeln!(
        body,
        "<p id=\"decision\">Decision: <span class=\"{}\">{}</span>, verdict <b id=\"verdict\">{}</b>{}</p>",
        escape(&first.action),
        escape(&first.action),
        escape(&first.verdict),
        if first.reason.is_empty() {
            String::new()
        } else {
            format!(": <span id=\"reason\">{}</span>", escape(&first.reason))
        }
    );
    match facts {
        Some(f) => facts_html(&mut body, &f),
        None => body.push_str(
            "<p>Not scanned: the decision was made before any download (a known-malicious or too young release).</p>\n",
        ),
    }
    body.push_str("<h2>Decisions about this file</h2>\n<ul>\n");
    for d in &decisions {
        let _ = writeln!(
            body,
            "<li>{} {} time(s), first {}, last {} ({}) by {}</li>",
            escape(&d.action),
            d.count,
            time(d.first_ms),
            time(d.at_ms),
            escape(&d.verdict),
            escape(&d.node)
        );
    }
    body.push_str("</ul>\n");
    page(&title, &body)
}

fn facts_html(body: &mut String, f: &Facts) {
    let _ = writeln!(
        body,
        "<p>Score {:.1}; sha256 <code>{}</code></p>",
        f.score,
        escape(&f.decided.sha256)
    );
    if let Some(u) = &f.decided.unreadable {
        let _ = writeln!(
            body,
            "<p id=\"unreadable\">Could not be read: {}</p>",
            escape(u)
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
                .map(|q| format!("<pre class=\"quote\">{}</pre>", escape(q)))
                .unwrap_or_default();
            let _ = writeln!(
                body,
                "<tr class=\"finding\"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}{quote}</td></tr>",
                escape(&x.severity),
                escape(&x.rule),
                escape(&place),
                escape(&x.message)
            );
        }
        body.push_str("</table>\n");
    }
    match &f.compared_with {
        Some(v) => {
            let _ = writeln!(
                body,
                "<h2>Changes since {}</h2>\n<pre id=\"changes\">{}</pre>",
                escape(v),
                if f.changes.is_empty() {
                    "(none that customs tracks)".to_owned()
                } else {
                    escape(&f.changes.join("\n"))
                }
            );
        }
        None => body.push_str("<h2>Changes</h2>\n<p>No earlier release to compare with.</p>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn keys_are_one_segment() {
        assert_eq!(encode("sha256:ab12"), "sha256:ab12");
        assert_eq!(encode("url:http://h/x y?z"), "url:http:%2F%2Fh%2Fx%20y%3Fz");
    }
}
