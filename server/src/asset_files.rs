//! `GET` and `POST /assets/{id}/file`: an asset's file as a download, and
//! uploading it (a plain multipart form, so it works without JavaScript).
//! Who may read is the library's allow-list, in SQL; what is kept is
//! decided by the file's bytes, never its name or claimed type. A file is
//! always served as an attachment in a sandbox: nothing uploaded runs in
//! the portal's origin.

use app::{
    assets::{server as library, MAX_BYTES},
    auth::server::{now, RequestInfo},
    db::Db,
    error::AppError,
};
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};

use crate::plain::{denied, viewer_of};

/// The largest upload request: a file at the library's limit plus the
/// form around it.
pub const UPLOAD_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// Whether `path` is an asset file's upload address (it gets
/// [`UPLOAD_LIMIT`] instead of the usual body limit).
pub fn is_upload(path: &str) -> bool {
    path.strip_prefix("/assets/")
        .and_then(|rest| rest.strip_suffix("/file"))
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// The file, as an attachment.
pub async fn download(State(db): State<Db>, Path(id): Path<String>, req: Request) -> Response {
    let Some(viewer) = viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    let (name, media_type, bytes) = match library::file(&db, &viewer, &id, now()).await {
        Ok(Some(found)) => found,
        Ok(None) => return denied(&AppError::NotFound),
        Err(err) => return denied(&AppError::from(err)),
    };
    let mut headers = HeaderMap::new();
    let media = HeaderValue::from_str(&media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, media);
    // Stored names are letters, digits, dashes and a dot (sniff::stored_name).
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    (headers, bytes).into_response()
}

/// Keeps an uploaded file (field `file`) as the asset's, then goes back
/// to its page with `?file=saved` or `?file=<reason>`.
pub async fn upload(State(db): State<Db>, Path(id): Path<String>, req: Request) -> Response {
    let Some(viewer) = viewer_of(&req) else {
        return Redirect::to("/signin").into_response();
    };
    if let Err(error) = app::auth::policy::authorize_content(&viewer) {
        return denied(&error);
    }
    let (parts, body) = req.into_parts();
    let info = RequestInfo::from_parts(&parts);
    let req = Request::from_parts(parts, body);
    let back =
        |outcome: &str| Redirect::to(&format!("/assets/{id}?file={outcome}")).into_response();
    let (name, bytes) = match read_file(req).await {
        Ok(file) => file,
        Err(outcome) => return back(outcome.code()),
    };
    match library::attach(&db, &viewer, &id, &name, &bytes, info.ip.as_deref()).await {
        Ok(Ok(())) => back("saved"),
        Ok(Err(refused)) => back(refused.code()),
        Err(error) => denied(&error),
    }
}

/// The `file` field's name and bytes, refusing more than the limit as it
/// streams.
async fn read_file(req: Request) -> Result<(String, Vec<u8>), library::FileRefused> {
    use library::FileRefused;
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| FileRefused::Missing)?;
    while let Ok(Some(mut field)) = multipart.next_field().await {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| FileRefused::TooLarge)? {
            if bytes.len() + chunk.len() > MAX_BYTES {
                return Err(FileRefused::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        return if bytes.is_empty() {
            Err(FileRefused::Missing)
        } else {
            Ok((name, bytes))
        };
    }
    Err(FileRefused::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_assets_file_address_takes_large_uploads() {
        assert!(is_upload("/assets/3f2a/file"));
        assert!(!is_upload("/assets//file"));
        assert!(!is_upload("/assets/a/b/file"));
        assert!(!is_upload("/api/assets_add"));
        assert!(!is_upload("/organisations/x/logo"));
    }
}
