//! The web security baseline every response passes through: cross-site
//! request refusal (CSRF), HSTS on https, a generic page for panics.
//! The Content-Security-Policy carries a per-request nonce, so the page shell
//! sets it (see `app::shell`).

use std::{any::Any, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Refuses a state-changing request that a browser says came from another
/// site, and any GET to a server function: those are POST-only here, so no
/// link or image tag can trigger one. Requests without the browser headers
/// (API clients, curl) cannot be forged cross-site and pass.
/// `public_origin` is the portal's own origin (`scheme://host[:port]`) when
/// its public URL is configured; without one it is `http://` and the
/// request's `Host`.
pub async fn refuse_cross_site(
    State(public_origin): State<Option<Arc<str>>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let locale = app::i18n::Locale::of_request(req.headers());
    let safe_method = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if path.starts_with("/api/") && !matches!(*req.method(), Method::POST) {
        return refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            app::t!(in locale, "Use POST for this request."),
        );
    }
    // A mail client's one-click unsubscribe (RFC 8058) is a POST from
    // elsewhere by design; the recipient's secret token is in the address.
    let one_click = path.starts_with("/e/") && path.ends_with("/unsubscribe");
    if !safe_method && !one_click && is_cross_site(&req, public_origin.as_deref()) {
        tracing::warn!(%path, "refused a cross-site request");
        return refuse(
            StatusCode::FORBIDDEN,
            app::t!(in locale, "Cross-site requests are not accepted."),
        );
    }
    next.run(req).await
}

fn is_cross_site(req: &Request, public_origin: Option<&str>) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // `none` is a person typing the address or using a bookmark.
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let own = match public_origin {
        Some(own) => own.to_owned(),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            format!("http://{host}")
        }
    };
    // The whole origin: scheme, host and port.
    !origin.eq_ignore_ascii_case(&own)
}

/// The origin (`scheme://host[:port]`) of a URL such as
/// `https://partners.acme.example/`.
pub fn origin_of(url: &str) -> Option<Arc<str>> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!authority.is_empty()).then(|| format!("{}://{authority}", scheme.to_ascii_lowercase()).into())
}

/// A plain-text refusal that no cache keeps.
pub(crate) fn refuse(status: StatusCode, message: &'static str) -> Response {
    (
        status,
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        message,
    )
        .into_response()
}

/// `Strict-Transport-Security` when the portal is served over https (its
/// public URL says so): browsers then never try plain http again.
pub fn hsts_value(public_url: Option<&str>) -> Option<HeaderValue> {
    public_url
        .filter(|url| url.starts_with("https://"))
        .map(|_| HeaderValue::from_static("max-age=63072000; includeSubDomains"))
}

/// A panic in a handler becomes a plain 500 page with a reference id; the
/// details go to the log only.
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let reference = app::error::reference_id();
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(%reference, %detail, "handler panicked");
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Something went wrong · Trellis</title></head>\
         <body><main><h1>Something went wrong</h1><p>Please try again. If it keeps happening, \
         quote this reference: {reference}</p><p><a href=\"/\">Back to the start page</a></p></main></body></html>"
    );
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(method).uri("/api/x");
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        let same = request(Method::POST, &[("sec-fetch-site", "same-origin")]);
        assert!(!is_cross_site(&same, None));
        let typed = request(Method::POST, &[("sec-fetch-site", "none")]);
        assert!(!is_cross_site(&typed, None));
        let other = request(Method::POST, &[("sec-fetch-site", "cross-site")]);
        assert!(is_cross_site(&other, None));
        let sibling = request(Method::POST, &[("sec-fetch-site", "same-site")]);
        assert!(is_cross_site(&sibling, None));
    }

    #[test]
    fn origin_must_match_host_otherwise() {
        let same = request(
            Method::POST,
            &[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000"),
            ],
        );
        assert!(!is_cross_site(&same, None));
        let other_scheme = request(
            Method::POST,
            &[
                ("origin", "https://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000"),
            ],
        );
        assert!(is_cross_site(&other_scheme, None));
        let other_port = request(
            Method::POST,
            &[
                ("origin", "http://127.0.0.1:3001"),
                ("host", "127.0.0.1:3000"),
            ],
        );
        assert!(is_cross_site(&other_port, None));
        let other = request(
            Method::POST,
            &[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:3000"),
            ],
        );
        assert!(is_cross_site(&other, None));
        let null = request(
            Method::POST,
            &[("origin", "null"), ("host", "127.0.0.1:3000")],
        );
        assert!(is_cross_site(&null, None));
        let no_headers = request(Method::POST, &[]);
        assert!(!is_cross_site(&no_headers, None));
    }

    #[test]
    fn a_configured_public_url_is_the_only_origin() {
        let own = origin_of("https://partners.acme.example/").unwrap();
        assert_eq!(&*own, "https://partners.acme.example");
        let from = |origin| {
            request(
                Method::POST,
                &[("origin", origin), ("host", "partners.acme.example")],
            )
        };
        assert!(!is_cross_site(
            &from("https://partners.acme.example"),
            Some(&own)
        ));
        assert!(is_cross_site(
            &from("http://partners.acme.example"),
            Some(&own)
        ));
        assert!(is_cross_site(
            &from("https://partners.acme.example:8443"),
            Some(&own)
        ));
        assert_eq!(origin_of("no scheme"), None);
    }

    #[test]
    fn hsts_only_over_https() {
        assert!(hsts_value(Some("https://partners.acme.example")).is_some());
        assert!(hsts_value(Some("http://127.0.0.1:3000")).is_none());
        assert!(hsts_value(None).is_none());
    }
}
