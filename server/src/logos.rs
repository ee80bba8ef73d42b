//! `GET` and `POST /organisations/{id}/logo`: an organisation's logo, and
//! replacing it by uploading a file (a plain multipart form, so it works
//! without JavaScript). Access is decided by the same policy as the server
//! functions, and the read is scoped to the caller's organisation in SQL.

use app::{
    audit::server::Entry,
    auth::{
        policy::{authorize, Permission},
        server::RequestInfo,
        Viewer,
    },
    db::Db,
    error::AppError,
    organisations::logo_image::{self, LogoError},
};
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    response::{IntoResponse, Redirect, Response},
};

use crate::plain::{denied, png, viewer_of};

/// The logo as PNG, revalidated by its hash.
pub async fn logo(State(db): State<Db>, Path(id): Path<String>, req: Request) -> Response {
    let Some(viewer) = viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    if let Err(error) = authorize(&viewer, Permission::ViewOrganisation, &id) {
        return denied(&error);
    }
    let found = match logo_image::load(&db, &id, viewer.tenant_scope()).await {
        Ok(found) => found,
        Err(err) => return denied(&AppError::from(err)),
    };
    match found {
        Some((bytes, sha256)) => png(&req, bytes, &sha256, "private, no-cache"),
        None => denied(&AppError::NotFound),
    }
}

/// Replaces the logo with an uploaded file (field `logo`), then goes back
/// to the profile, with `?logo=saved` or `?logo=<reason>` to show.
pub async fn upload_logo(State(db): State<Db>, Path(id): Path<String>, req: Request) -> Response {
    let Some(viewer) = viewer_of(&req) else {
        return Redirect::to("/signin").into_response();
    };
    if let Err(error) = authorize(&viewer, Permission::EditOrganisation, &id) {
        return denied(&error);
    }
    let (parts, body) = req.into_parts();
    let info = RequestInfo::from_parts(&parts);
    let req = Request::from_parts(parts, body);
    let back = |outcome: &str| {
        Redirect::to(&format!("/organisations/{id}?logo={outcome}")).into_response()
    };
    let bytes = match read_file(req).await {
        Ok(bytes) => bytes,
        Err(error) => return back(error.code()),
    };
    let logo = match logo_image::normalise_blocking(bytes).await {
        Ok(logo) => logo,
        Err(error) => return back(error.code()),
    };
    match save(&db, &viewer, &id, &logo, &info).await {
        Ok(()) => back("saved"),
        Err(error) => denied(&error),
    }
}

/// The `logo` field's bytes, refusing more than the limit as it streams.
async fn read_file(req: Request) -> Result<Vec<u8>, LogoError> {
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| LogoError::Missing)?;
    while let Ok(Some(mut field)) = multipart.next_field().await {
        if field.name() != Some("logo") {
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| LogoError::Unreadable)? {
            if bytes.len() + chunk.len() > logo_image::MAX_BYTES {
                return Err(LogoError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        return if bytes.is_empty() {
            Err(LogoError::Missing)
        } else {
            Ok(bytes)
        };
    }
    Err(LogoError::Missing)
}

async fn save(
    db: &Db,
    viewer: &Viewer,
    organisation_id: &str,
    logo: &logo_image::Logo,
    info: &RequestInfo,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(info.ip.as_deref())).await?;
    logo_image::store(&mut *tx, organisation_id, logo).await?;
    let detail = format!(
        "{} × {} PNG, {} bytes",
        logo.width,
        logo.height,
        logo.png.len()
    );
    tx.audit(Entry {
        organisation_id: Some(organisation_id),
        action: "logo_updated",
        record_type: "organisation",
        record_id: Some(organisation_id),
        detail: Some(&detail),
    })
    .await?;
    Ok(tx.commit().await?)
}
