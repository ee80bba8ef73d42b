//! Campaign email outside the pages: the recipients' CSV upload (a plain
//! multipart form, so it works without JavaScript), and what a recipient's
//! email links to, `/e/<token>/…`: the open pixel, tracked links and the
//! unsubscribe page (with RFC 8058's one-click POST). The token is the
//! recipient's secret; a made-up one finds nobody (404).

use app::{
    auth::server::now,
    campaigns::{
        recipients::{UploadRefused, MAX_BYTES},
        render::escape,
        server::{click, draft_from_upload, record_open, tracked, unsubscribe, Tracked},
    },
    error::AppError,
    i18n::Locale,
};
use std::collections::HashMap;

use axum::{
    extract::{FromRequestParts, Path, Request, State},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    landing::{document, LandingState},
    plain::{denied, read_upload, signed_in, UploadProblem},
};

/// The upload form's fields: the file's name and bytes, the list name.
pub(crate) async fn read_form(req: Request) -> Result<(String, Vec<u8>, String), UploadRefused> {
    read_upload(req, MAX_BYTES, Some("list"))
        .await
        .map_err(|problem| match problem {
            UploadProblem::Missing => UploadRefused::Missing,
            UploadProblem::TooLarge => UploadRefused::TooLarge,
            UploadProblem::NotText => UploadRefused::NotText,
        })
}

/// `POST /campaigns/{id}/recipients`: a CSV of recipients becomes a draft
/// send (opened next), or back to the form with why not.
pub async fn upload(
    State(LandingState { db, .. }): State<LandingState>,
    Path(campaign): Path<String>,
    req: Request,
) -> Response {
    let (viewer, info, req) = match signed_in(req) {
        Ok(signed_in) => signed_in,
        Err(to_sign_in) => return to_sign_in.into_response(),
    };
    let back = |refused: UploadRefused| {
        Redirect::to(&format!(
            "/campaigns/{campaign}/send?refused={}",
            refused.code()
        ))
        .into_response()
    };
    let (file, bytes, list) = match read_form(req).await {
        Ok(form) => form,
        Err(refused) => return back(refused),
    };
    match draft_from_upload(
        &db,
        &viewer,
        &campaign,
        &file,
        &bytes,
        &list,
        info.ip.as_deref(),
    )
    .await
    {
        Ok(Ok(send)) => Redirect::to(&format!("/campaigns/sends/{send}")).into_response(),
        Ok(Err(refused)) => back(refused),
        Err(error) => denied(&error),
    }
}

/// The recipient whose token is the address's `{token}`; a made-up one
/// is answered 404 before the handler runs.
pub struct Recipient(Tracked);

impl FromRequestParts<LandingState> for Recipient {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &LandingState,
    ) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| denied(&AppError::NotFound))?;
        let token = params.get("token").map(String::as_str).unwrap_or_default();
        match tracked(&state.db, token).await {
            Ok(Some(found)) => Ok(Recipient(found)),
            Ok(None) => Err(denied(&AppError::NotFound)),
            Err(err) => Err(denied(&AppError::from(err))),
        }
    }
}

/// A transparent 1×1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

/// `GET /e/{token}/open.gif`: the recipient's client loaded the images.
pub async fn open(
    State(LandingState { db, .. }): State<LandingState>,
    Recipient(found): Recipient,
) -> Response {
    if let Err(err) = record_open(&db, &found, now()).await {
        // The image still loads; an open is approximate anyway.
        tracing::warn!(error = %err, "email open not counted");
    }
    (
        [
            (header::CONTENT_TYPE, "image/gif"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        PIXEL,
    )
        .into_response()
}

/// `GET /e/{token}/{n}`: tracked link `n` of the email, to where the
/// campaign as sent says it leads.
pub async fn follow(
    State(LandingState { db, base, .. }): State<LandingState>,
    Path((_, n)): Path<(String, String)>,
    Recipient(found): Recipient,
) -> Response {
    let Ok(n) = n.parse::<usize>() else {
        return denied(&AppError::NotFound);
    };
    match click(&db, &base, &found, n, now()).await {
        Ok(Some(target)) => Redirect::to(&target).into_response(),
        Ok(None) => denied(&AppError::NotFound),
        Err(err) => denied(&AppError::from(err)),
    }
}

const STYLE: &str = "body{margin:0;font:16px/1.55 system-ui,sans-serif;color:#1e293b;background:#f1f5f9}\
main{max-width:520px;margin:48px auto;background:#fff;padding:24px;border-radius:8px}\
h1{font-size:22px;margin:0 0 12px}\
button{background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:12px 20px;font:inherit;font-weight:600;cursor:pointer}\
@media (prefers-color-scheme:dark){body{background:#020617;color:#e2e8f0}main{background:#0f172a}button{background:#93c5fd;color:#020617}}";

fn page(locale: Locale, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\"><meta name=\"robots\" content=\"noindex\">\
         <title>{}</title><style>{STYLE}</style></head><body><main><h1>{}</h1>{body}</main></body></html>",
        locale.as_str(),
        escape(title),
        escape(title)
    );
    document(StatusCode::OK, STYLE, html)
}

/// `GET /e/{token}/unsubscribe`: asks, with one button (a link checker
/// following the link unsubscribes nobody).
pub async fn unsubscribe_page(Recipient(found): Recipient) -> Response {
    let l = found.locale();
    if found.unsubscribed == 1 {
        return done(&found);
    }
    let title = app::t!(in l, "Unsubscribe from {partner}'s email?", partner = found.partner);
    let body = format!(
        "<p>{}</p><form method=\"post\"><button type=\"submit\">{}</button></form>",
        escape(&app::t!(
            in l,
            "You will get no more campaign email from {partner}.",
            partner = found.partner
        )),
        escape(app::t!(in l, "Unsubscribe"))
    );
    page(l, &title, &body)
}

fn done(found: &Tracked) -> Response {
    let l = found.locale();
    let title = app::t!(in l, "You are unsubscribed");
    let body = format!(
        "<p>{}</p>",
        escape(&app::t!(
            in l,
            "{partner} will send you no more campaign email.",
            partner = found.partner
        ))
    );
    page(l, title, &body)
}

/// `POST /e/{token}/unsubscribe`: the button, or a mail client's
/// one-click unsubscribe. Once is enough; again changes nothing.
pub async fn unsubscribe_now(
    State(LandingState { db, .. }): State<LandingState>,
    Recipient(found): Recipient,
) -> Response {
    if let Err(err) = unsubscribe(&db, &found, now()).await {
        return denied(&AppError::from(err));
    }
    let mut response = done(&found);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
