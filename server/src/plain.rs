//! What the plain axum handlers (logos, Open Badges) share with each other:
//! they are not server functions, so they read the viewer the middleware
//! resolved themselves and answer errors themselves.

use app::{
    auth::server::{RequestInfo, ResolvedViewer},
    auth::Viewer,
    error::AppError,
};
use axum::{
    extract::{FromRequest, Multipart, Request},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

/// Who sent `req`, as the viewer middleware resolved them.
pub fn viewer_of(req: &Request) -> Option<Viewer> {
    req.extensions()
        .get::<ResolvedViewer>()
        .and_then(|resolved| resolved.0.clone())
}

/// The signed-in sender of a form post `req`, what the request says of
/// itself (its address, for the audit log) and `req` to read on; someone
/// not signed in is sent to sign in.
pub fn signed_in(req: Request) -> Result<(Viewer, RequestInfo, Request), Redirect> {
    let Some(viewer) = viewer_of(&req) else {
        return Err(Redirect::to("/signin"));
    };
    let (parts, body) = req.into_parts();
    let info = RequestInfo::from_parts(&parts);
    Ok((viewer, info, Request::from_parts(parts, body)))
}

/// Why a multipart upload could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    /// No form, or no file in it, or an empty one.
    Missing,
    /// The file is over the limit (or the body broke off).
    TooLarge,
    /// The text field asked for is not text.
    NotText,
}

/// A multipart form post's file (field `file`, at most `max` bytes, not
/// empty) as its name and bytes, and the text of field `text` (empty when
/// absent or not asked for).
pub async fn read_upload(
    req: Request,
    max: usize,
    text: Option<&str>,
) -> Result<(String, Vec<u8>, String), UploadProblem> {
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| UploadProblem::Missing)?;
    let (mut file, mut value) = (None, String::new());
    while let Ok(Some(mut field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| UploadProblem::TooLarge)? {
                if bytes.len() + chunk.len() > max {
                    return Err(UploadProblem::TooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            file = Some((name, bytes));
        } else if text.is_some() && field.name() == text {
            value = field.text().await.map_err(|_| UploadProblem::NotText)?;
        }
    }
    match file {
        Some((name, bytes)) if !bytes.is_empty() => Ok((name, bytes, value)),
        _ => Err(UploadProblem::Missing),
    }
}

/// `error` as its status and its message (never database text).
pub fn denied(error: &AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

/// A logo's PNG `bytes`, revalidated by its `sha256` (304 when `req`
/// already holds it), never run as a document. `cache`: its
/// Cache-Control (private for a signed-in read, public for a landing
/// page's).
pub fn png(req: &Request, bytes: Vec<u8>, sha256: &str, cache: &'static str) -> Response {
    let etag = format!("\"{sha256}\"");
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, etag);
    }
    (headers, bytes).into_response()
}
