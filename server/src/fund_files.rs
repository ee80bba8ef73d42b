//! Funds outside the pages: proof uploads (a plain multipart form on the
//! request's page, so it works without JavaScript), the proof files
//! themselves (to their partner and vendor staff only) and the payout
//! files for the ERP (fund claims, incentive earnings).

use app::{
    auth::server::now,
    error::AppError,
    funds::{
        server::{add_proof, payouts_csv, proof},
        ProofRefused, MAX_PROOF,
    },
};
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};

use crate::plain::{denied, read_upload, signed_in, UploadProblem};

/// The largest upload body: a proof of [`MAX_PROOF`] and the form around
/// it.
pub const UPLOAD_LIMIT: usize = MAX_PROOF + 64 * 1024;

/// `path` is a proof upload's address.
pub fn is_upload(path: &str) -> bool {
    path.strip_prefix("/funds/requests/")
        .and_then(|rest| rest.strip_suffix("/proofs"))
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// `POST /funds/requests/{id}/proofs`: back to the request, with the
/// proof listed or why it was refused.
pub async fn upload(
    State(db): State<app::db::Db>,
    Path(request): Path<String>,
    req: Request,
) -> Response {
    let (viewer, info, req) = match signed_in(req) {
        Ok(signed_in) => signed_in,
        Err(to_sign_in) => return to_sign_in.into_response(),
    };
    let page = format!("/funds/requests/{request}");
    let back = |refused: ProofRefused| {
        Redirect::to(&format!(
            "{page}?refused={}#fund-request-proof",
            refused.code()
        ))
        .into_response()
    };
    let (name, bytes) = match read_upload(req, MAX_PROOF, None).await {
        Ok((name, bytes, _)) => (name, bytes),
        Err(UploadProblem::TooLarge) => return back(ProofRefused::TooLarge),
        Err(UploadProblem::Missing | UploadProblem::NotText) => return back(ProofRefused::Missing),
    };
    match add_proof(
        &db,
        &viewer,
        &request,
        &name,
        &bytes,
        now(),
        info.ip.as_deref(),
    )
    .await
    {
        Ok(Ok(_)) => Redirect::to(&format!("{page}#fund-request-proof")).into_response(),
        Ok(Err(refused)) => back(refused),
        Err(error) => denied(&error),
    }
}

/// `GET /fund-proofs/{id}`: the file, to its partner and vendor staff;
/// never run as a page, never kept by a shared cache.
pub async fn serve(
    State(db): State<app::db::Db>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let Some(viewer) = crate::plain::viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    match proof(&db, &viewer, &id).await {
        Ok(Some((name, media_type, bytes))) => {
            let mut headers = HeaderMap::new();
            if let Ok(kind) = HeaderValue::from_str(&media_type) {
                headers.insert(header::CONTENT_TYPE, kind);
            }
            // The stored name is made of safe characters (`stored_name`).
            if let Ok(disposition) = HeaderValue::from_str(&format!("inline; filename=\"{name}\""))
            {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
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

/// A CSV file for the ERP (`disposition` names it), or why not.
fn csv_file(disposition: &'static str, csv: Result<String, AppError>) -> Response {
    match csv {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, disposition),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            csv,
        )
            .into_response(),
        Err(error) => denied(&error),
    }
}

/// `GET /funds/payouts.csv`: every approved claim still owed money.
pub async fn payouts(State(db): State<app::db::Db>, req: Request) -> Response {
    let Some(viewer) = crate::plain::viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    csv_file(
        "attachment; filename=\"payouts.csv\"",
        payouts_csv(&db, &viewer).await,
    )
}

/// `GET /earnings/payouts.csv`: every earning approved for payment.
pub async fn earnings(State(db): State<app::db::Db>, req: Request) -> Response {
    let Some(viewer) = crate::plain::viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    csv_file(
        "attachment; filename=\"earnings.csv\"",
        app::incentives::server::payouts_csv(&db, &viewer).await,
    )
}
