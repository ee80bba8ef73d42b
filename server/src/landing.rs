//! Public landing pages, `/c/<partner>/<campaign>`: small server-drawn
//! HTML without scripts (no wasm needed to read one), a lead form that
//! works without JavaScript, and the partner's public logo. Nobody signs
//! in here; each page carries its own Content-Security-Policy allowing
//! only its own stylesheet (by hash), images and a form back to itself.

use std::collections::HashMap;

use app::{
    auth::server::{now, RequestInfo},
    campaigns::{
        render::{FormState, LeadFields},
        server::{landing, public_logo, take_lead, Landing, LeadOutcome, ViewTally},
    },
    db::Db,
    error::AppError,
};
use axum::{
    extract::{Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Form,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};

use crate::plain::{denied, png, viewer_of};

/// What the landing routes need.
#[derive(Clone)]
pub struct LandingState {
    pub db: Db,
    /// The portal's address, for the links in the partner's notices.
    pub base: String,
    /// Where a person's view is counted until it is written.
    pub views: ViewTally,
}

/// Whether a request comes from a crawler, a link previewer or a script
/// rather than a person: its view is not counted.
pub fn is_bot(headers: &HeaderMap) -> bool {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    agent.is_empty()
        || [
            "bot",
            "crawl",
            "spider",
            "slurp",
            "preview",
            "facebookexternalhit",
            "curl",
            "wget",
            "python-requests",
            "go-http-client",
        ]
        .iter()
        .any(|word| agent.contains(word))
}

fn html(status: StatusCode, page: &Landing, body: String) -> Response {
    document(status, &page.style(), body)
}

/// A public HTML document `body` whose only stylesheet is `style`: its
/// Content-Security-Policy allows that (by hash), images and a form back
/// to itself, nothing else.
pub fn document(status: StatusCode, style: &str, body: String) -> Response {
    let style = STANDARD.encode(Sha256::digest(style.as_bytes()));
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{style}'; img-src 'self' https: data:; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

fn not_found() -> Response {
    denied(&AppError::NotFound)
}

/// `GET /c/{partner}/{campaign}`: the page (`?sent=1`: after a lead, the
/// thank-you in place of the form). A person's view is counted.
pub async fn page(
    State(LandingState { db, base, views }): State<LandingState>,
    Path((partner, campaign)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let at = now();
    let found = match landing(&db, &base, &partner, &campaign, at).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(err) => return denied(&AppError::from(err)),
    };
    let sent = query.get("sent").is_some_and(|v| v == "1");
    if !sent && !is_bot(&headers) {
        views.add(&found.campaign_id, at);
    }
    let form = FormState {
        sent,
        ..FormState::default()
    };
    html(StatusCode::OK, &found, found.render(form))
}

/// `POST /c/{partner}/{campaign}`: the lead form. Kept → back to the page
/// with the thank-you; problems → the page again with them beside the
/// fields (422), nothing kept.
pub async fn submit(
    State(LandingState { db, base, .. }): State<LandingState>,
    Path((partner, campaign)): Path<(String, String)>,
    req: Request,
) -> Response {
    let at = now();
    let (parts, body) = req.into_parts();
    let info = RequestInfo::from_parts(&parts);
    let req = Request::from_parts(parts, body);
    let Ok(Form(form)) =
        <Form<HashMap<String, String>> as axum::extract::FromRequest<()>>::from_request(req, &())
            .await
    else {
        return denied(&AppError::Request("the form could not be read".into()));
    };
    let found = match landing(&db, &base, &partner, &campaign, at).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(err) => return denied(&AppError::from(err)),
    };
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    let fields = LeadFields {
        name: field("name"),
        email: field("email"),
        company: field("company"),
        phone: field("phone"),
        message: field("message"),
        consent: form.get("consent").is_some_and(|v| v == "yes"),
    };
    let honeypot = !field("website").trim().is_empty();
    match take_lead(
        &db,
        &base,
        &found,
        &fields,
        honeypot,
        info.ip.as_deref(),
        at,
    )
    .await
    {
        Ok(LeadOutcome::Taken) => {
            Redirect::to(&format!("/c/{partner}/{campaign}?sent=1#lead")).into_response()
        }
        Ok(LeadOutcome::Invalid(errors)) => {
            let state = FormState {
                fields,
                errors,
                sent: false,
            };
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &found,
                found.render(state),
            )
        }
        Err(error) => denied(&error),
    }
}

/// `GET /c/{partner}/logo.png`: the partner's logo, public once it has
/// launched a campaign (and to whoever may see the partner before that).
pub async fn logo(
    State(LandingState { db, .. }): State<LandingState>,
    Path(partner): Path<String>,
    req: Request,
) -> Response {
    let viewer = viewer_of(&req);
    let scope = viewer.as_ref().map(|v| v.tenant_scope());
    let found = match public_logo(&db, &partner, scope).await {
        Ok(found) => found,
        Err(err) => return denied(&AppError::from(err)),
    };
    match found {
        Some((bytes, sha256)) => png(&req, bytes, &sha256, "public, no-cache"),
        None => not_found(),
    }
}
