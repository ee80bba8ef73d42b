//! `POST /leads/import`: vendor staff upload a CSV file of leads to
//! distribute (a plain multipart form, so it works without JavaScript).
//! Each row is checked and routed as a lead entered by hand; back on
//! `/leads` the import's report says what was kept and which rows were
//! refused, or why the whole file was.

use app::{
    auth::{policy::authorize_lead_distribution, server::now},
    campaigns::{lead_import, server::import_leads},
};
use axum::{
    extract::{Request, State},
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    campaign_mail::read_form,
    landing::LandingState,
    plain::{denied, signed_in},
};

pub async fn import(State(LandingState { db, .. }): State<LandingState>, req: Request) -> Response {
    let (viewer, info, req) = match signed_in(req) {
        Ok(signed_in) => signed_in,
        Err(to_sign_in) => return to_sign_in.into_response(),
    };
    if let Err(error) = authorize_lead_distribution(&viewer) {
        return denied(&error);
    }
    let back = |refused: app::campaigns::recipients::UploadRefused| {
        Redirect::to(&format!("/leads?refused={}", refused.code())).into_response()
    };
    let (file, bytes, _) = match read_form(req).await {
        Ok(form) => form,
        Err(refused) => return back(refused),
    };
    let rows = match lead_import::read(&bytes) {
        Ok(rows) => rows,
        Err(refused) => return back(refused),
    };
    match import_leads(&db, &viewer, &file, &rows, now(), info.ip.as_deref()).await {
        Ok(id) => Redirect::to(&format!("/leads?import={id}")).into_response(),
        Err(error) => denied(&error),
    }
}
