//! The proxy's web page at `/ui/`: the latest decisions, and a page per artifact with
//! its findings and what changed since the release before it. The store is read here;
//! the HTML is `customs-report`'s, served as it is.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Response, StatusCode, header};

use crate::{Shared, blocking, stored_facts};

/// Decisions listed on the front page.
const RECENT: i64 = 200;

fn page(html: String) -> Response<Body> {
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

fn with_status(mut r: Response<Body>, status: StatusCode) -> Response<Body> {
    *r.status_mut() = status;
    r
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
        return page(customs_report::page_message("The store could not be read."));
    };
    match decisions {
        Ok(d) => page(customs_report::page_decisions(&d, state.store.location())),
        Err(e) => page(customs_report::page_message(&e.to_string())),
    }
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
        return page(customs_report::page_message("The store could not be read."));
    };
    let (decisions, facts) = match (decisions, facts) {
        (Ok(d), Ok(f)) => (d, f),
        (Err(e), _) | (_, Err(e)) => {
            return with_status(
                page(customs_report::page_message(&format!(
                    "The store could not be read: {e}"
                ))),
                StatusCode::SERVICE_UNAVAILABLE,
            );
        }
    };
    match customs_report::page_artifact(&key, &decisions, facts.as_ref()) {
        Some(html) => page(html),
        None => with_status(
            page(customs_report::page_not_found(&key)),
            StatusCode::NOT_FOUND,
        ),
    }
}
