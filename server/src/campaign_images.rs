//! A template's images outside the pages: the upload (a plain multipart
//! form on the template editor, so it works without JavaScript) and the
//! public image itself, `/campaign-images/<id>`, which emails and landing
//! pages show to anyone.

use app::{
    auth::server::now,
    campaigns::{
        server::{image, upload_image, MAX_IMAGE},
        ImageRefused,
    },
    error::AppError,
};
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};

use crate::plain::{denied, read_upload, signed_in, UploadProblem};

/// The largest upload body: an image of [`MAX_IMAGE`] and the form
/// around it.
pub const UPLOAD_LIMIT: usize = MAX_IMAGE + 64 * 1024;

/// `path` is a template image's upload address.
pub fn is_upload(path: &str) -> bool {
    path.strip_prefix("/campaigns/templates/")
        .and_then(|rest| rest.strip_suffix("/images"))
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// `POST /campaigns/templates/{id}/images`: back to the editor, with the
/// new image's address to use or why it was refused.
pub async fn upload(
    State(db): State<app::db::Db>,
    Path(template): Path<String>,
    req: Request,
) -> Response {
    let (viewer, info, req) = match signed_in(req) {
        Ok(signed_in) => signed_in,
        Err(to_sign_in) => return to_sign_in.into_response(),
    };
    let editor = format!("/campaigns/templates/{template}/edit");
    let back = |refused: ImageRefused| {
        Redirect::to(&format!("{editor}?refused={}", refused.code())).into_response()
    };
    let (name, bytes) = match read_upload(req, MAX_IMAGE, None).await {
        Ok((name, bytes, _)) => (name, bytes),
        Err(UploadProblem::TooLarge) => return back(ImageRefused::TooLarge),
        Err(UploadProblem::Missing | UploadProblem::NotText) => return back(ImageRefused::Missing),
    };
    match upload_image(
        &db,
        &viewer,
        &template,
        &name,
        &bytes,
        now(),
        info.ip.as_deref(),
    )
    .await
    {
        Ok(Ok(_)) => Redirect::to(&format!("{editor}?uploaded=1#template-images")).into_response(),
        Ok(Err(refused)) => back(refused),
        Err(error) => denied(&error),
    }
}

/// `GET /campaign-images/{id}`: the image, cached for good (an image
/// never changes; a new upload is a new address), never run as a page.
pub async fn serve(State(db): State<app::db::Db>, Path(id): Path<String>) -> Response {
    match image(&db, &id).await {
        Ok(Some((media_type, bytes))) => {
            let mut headers = HeaderMap::new();
            if let Ok(kind) = HeaderValue::from_str(&media_type) {
                headers.insert(header::CONTENT_TYPE, kind);
            }
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            (headers, bytes).into_response()
        }
        Ok(None) => denied(&AppError::NotFound),
        Err(error) => denied(&AppError::from(error)),
    }
}
