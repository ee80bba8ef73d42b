//! Errors carried in links are signed. Without JavaScript a form posts to
//! its server function, which answers a failure by sending the browser back
//! with the error in the address (`?__path=…&__err=<base64>`), and the page
//! shows it. Anyone could write such a link with text of their choosing, so
//! the server adds `__sig`: an HMAC over the error, the server function, the
//! caller's session and a time, valid for ten minutes. A page asked for with
//! an error that does not carry a valid signature is sent to the same
//! address without it.

use std::sync::Arc;

use app::{
    auth::server::{hex, session_token, shared_secret},
    db::Db,
};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::OnceCell;

/// How long a signed error link is shown.
const VALID_SECS: i64 = 600;
const KEY_NAME: &str = "error_links";

/// The signing key, read from the database once (and created there by the
/// first server to need it, so every app server uses the same).
#[derive(Clone, Default)]
pub struct ErrorLinkKey(Arc<OnceCell<Vec<u8>>>);

impl ErrorLinkKey {
    async fn get(&self, db: &Db) -> Result<&[u8], sqlx::Error> {
        self.0
            .get_or_try_init(|| async { Ok(shared_secret(db, KEY_NAME).await?.into_bytes()) })
            .await
            .map(Vec::as_slice)
    }
}

fn mac(key: &[u8], issued: i64, path: &str, err: &str, session: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    for part in [issued.to_string().as_str(), path, err, session] {
        mac.update(part.as_bytes());
        mac.update(&[0]);
    }
    mac
}

/// `__sig` for an error issued at `issued` (seconds).
pub fn sign(key: &[u8], issued: i64, path: &str, err: &str, session: &str) -> String {
    let tag = mac(key, issued, path, err, session).finalize().into_bytes();
    format!("{issued}.{}", hex(&tag))
}

/// Whether `sig` was made by [`sign`] with this key for these values, less
/// than [`VALID_SECS`] before `now`.
pub fn verify(key: &[u8], now: i64, sig: &str, path: &str, err: &str, session: &str) -> bool {
    let Some((issued, given)) = sig.split_once('.') else {
        return false;
    };
    let Ok(issued) = issued.parse::<i64>() else {
        return false;
    };
    if !(now - VALID_SECS..=now + 5).contains(&issued) {
        return false;
    }
    let given: Option<Vec<u8>> = (0..given.len())
        .step_by(2)
        .map(|i| {
            given
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect();
    given.is_some_and(|given| {
        mac(key, issued, path, err, session)
            .verify_slice(&given)
            .is_ok()
    })
}

/// The query's pairs, decoded.
fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn find<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Signs the error a server function put in its redirect, and refuses page
/// addresses whose error is not signed.
pub async fn sign_error_links(
    State((db, key)): State<(Db, ErrorLinkKey)>,
    req: Request,
    next: Next,
) -> Response {
    let session = session_token(req.headers()).unwrap_or_default();
    let now = app::auth::server::now();
    let is_page = req.method() == axum::http::Method::GET && !req.uri().path().starts_with("/api/");
    if is_page {
        if let Some(query) = req.uri().query().filter(|q| q.contains("__err")) {
            let pairs = pairs(query);
            let valid = match (find(&pairs, "__err"), find(&pairs, "__path")) {
                (Some(err), Some(path)) => match key.get(&db).await {
                    Ok(key) => find(&pairs, "__sig")
                        .is_some_and(|sig| verify(key, now, sig, path, err, &session)),
                    Err(err) => {
                        tracing::error!(%err, "reading the error-link key");
                        false
                    }
                },
                _ => false,
            };
            if !valid {
                let kept: Vec<&(String, String)> = pairs
                    .iter()
                    .filter(|(k, _)| !matches!(k.as_str(), "__err" | "__path" | "__sig"))
                    .collect();
                let mut target = req.uri().path().to_owned();
                if !kept.is_empty() {
                    target.push('?');
                    target.push_str(
                        &form_urlencoded::Serializer::new(String::new())
                            .extend_pairs(kept)
                            .finish(),
                    );
                }
                return see_other(&target);
            }
        }
        return next.run(req).await;
    }
    let mut res = next.run(req).await;
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|l| l.contains("__err="))
        .map(str::to_owned);
    if let Some(location) = location {
        let signed = match key.get(&db).await {
            Ok(key) => with_signature(key, now, &location, &session),
            Err(err) => {
                tracing::error!(%err, "reading the error-link key");
                None
            }
        };
        match signed.and_then(|l| HeaderValue::from_str(&l).ok()) {
            Some(value) => {
                res.headers_mut().insert(header::LOCATION, value);
            }
            None => {
                res.headers_mut().remove(header::LOCATION);
                *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            }
        }
    }
    res
}

/// `location` with `__sig` for the error it carries.
fn with_signature(key: &[u8], now: i64, location: &str, session: &str) -> Option<String> {
    let (base, query) = location.split_once('?')?;
    let (query, fragment) = match query.split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (query, None),
    };
    let mut pairs = pairs(query);
    pairs.retain(|(k, _)| k != "__sig");
    let sig = sign(
        key,
        now,
        find(&pairs, "__path")?,
        find(&pairs, "__err")?,
        session,
    );
    pairs.push(("__sig".to_owned(), sig));
    let mut out = format!(
        "{base}?{}",
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
    );
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

fn see_other(target: &str) -> Response {
    match HeaderValue::from_str(target) {
        Ok(value) => (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, value),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => (StatusCode::BAD_REQUEST, "Bad address.").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signature_fits_only_its_error_path_session_and_time() {
        let sig = sign(KEY, 1_000, "/api/x", "eyJhIjoxfQ", "s1");
        assert!(verify(KEY, 1_000, &sig, "/api/x", "eyJhIjoxfQ", "s1"));
        assert!(verify(
            KEY,
            1_000 + VALID_SECS,
            &sig,
            "/api/x",
            "eyJhIjoxfQ",
            "s1"
        ));
        assert!(!verify(
            KEY,
            1_001 + VALID_SECS,
            &sig,
            "/api/x",
            "eyJhIjoxfQ",
            "s1"
        ));
        assert!(!verify(KEY, 1_000, &sig, "/api/y", "eyJhIjoxfQ", "s1"));
        assert!(!verify(KEY, 1_000, &sig, "/api/x", "eyJhIjoyfQ", "s1"));
        assert!(!verify(KEY, 1_000, &sig, "/api/x", "eyJhIjoxfQ", "s2"));
        assert!(!verify(
            b"another key",
            1_000,
            &sig,
            "/api/x",
            "eyJhIjoxfQ",
            "s1"
        ));
        assert!(!verify(KEY, 1_000, "1000.zz", "/api/x", "eyJhIjoxfQ", "s1"));
        assert!(!verify(KEY, 1_000, "", "/api/x", "eyJhIjoxfQ", "s1"));
    }

    #[test]
    fn the_signature_joins_the_redirect_and_keeps_the_rest() {
        let signed = with_signature(
            KEY,
            1_000,
            "http://127.0.0.1:3000/deals?q=a+b&__path=%2Fapi%2Fx&__err=e30",
            "",
        )
        .unwrap();
        let (_, query) = signed.split_once('?').unwrap();
        let pairs = pairs(query);
        assert_eq!(find(&pairs, "q"), Some("a b"));
        let sig = find(&pairs, "__sig").unwrap();
        assert!(verify(KEY, 1_000, sig, "/api/x", "e30", ""));
    }
}
