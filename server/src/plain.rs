//! What the plain axum handlers (logos, Open Badges) share with each other:
//! they are not server functions, so they read the viewer the middleware
//! resolved themselves and answer errors themselves.

use app::{auth::server::ResolvedViewer, auth::Viewer, error::AppError};
use axum::{
    extract::Request,
    response::{IntoResponse, Response},
};

/// Who sent `req`, as the viewer middleware resolved them.
pub fn viewer_of(req: &Request) -> Option<Viewer> {
    req.extensions()
        .get::<ResolvedViewer>()
        .and_then(|resolved| resolved.0.clone())
}

/// `error` as its status and its message (never database text).
pub fn denied(error: &AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}
