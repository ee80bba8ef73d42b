//! The Trellis HTTP server: state, router and middleware. `main.rs` only
//! reads configuration and starts it; tests build the same router.

mod asset_files;
pub mod assets;
pub mod badges;
mod campaign_images;
mod campaign_mail;
pub mod error_links;
pub mod events;
mod fund_files;
pub mod guard;
pub mod isolation;
pub mod jobs;
pub mod landing;
mod lead_upload;
mod logos;
mod plain;
pub mod security;
mod static_files;
pub mod testing;

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use app::{auth::server as auth, campaigns::server::ViewTally, db::Db, shell, App};
use axum::{
    extract::{FromRef, Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use serde_json::json;
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer,
    set_header::SetResponseHeaderLayer, timeout::TimeoutLayer,
};

pub use assets::ServiceWorker;

/// Largest request body accepted (a 1 MB logo upload plus form overhead);
/// an asset file's upload may be larger ([`asset_files::UPLOAD_LIMIT`]).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;
/// A request that takes longer than this is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a request handler may need.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub service_worker: Arc<ServiceWorker>,
    /// Where people reach the portal, e.g. `https://partners.acme.example`.
    pub public_url: Option<Arc<str>>,
    /// Signs the errors that travel in links (see [`error_links`]).
    pub error_link_key: error_links::ErrorLinkKey,
    /// Signs Open Badges credentials (see [`badges`]).
    pub badge_key: badges::BadgeKey,
    /// Landing-page views not yet written (see [`ViewTally`]).
    pub views: ViewTally,
    /// Posts signed webhooks (see `app::webhooks`).
    pub webhooks: app::webhooks::server::Sender,
    /// The site's files, held in memory.
    static_files: Arc<static_files::StaticFiles>,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, db: Db) -> Self {
        let service_worker = Arc::new(ServiceWorker::build(&leptos_options));
        let static_files = Arc::new(static_files::StaticFiles::load(std::path::Path::new(
            leptos_options.site_root.as_ref(),
        )));
        AppState {
            static_files,
            leptos_options,
            db,
            service_worker,
            public_url: None,
            error_link_key: error_links::ErrorLinkKey::default(),
            badge_key: badges::BadgeKey::default(),
            views: ViewTally::default(),
            webhooks: app::webhooks::server::Sender::default(),
        }
    }

    /// The same state, posting webhooks to the addresses `reach` allows.
    pub fn with_webhook_reach(mut self, reach: app::webhooks::Reach) -> Self {
        self.webhooks = app::webhooks::server::Sender::new(reach);
        self
    }

    pub fn with_public_url(mut self, url: Option<String>) -> Self {
        self.public_url = url.map(Into::into);
        self
    }
}

/// The application's pages, listed once per process.
///
/// Listing runs the whole app with resource loading suppressed, and that
/// switch is process-wide: a page rendering while another router is being
/// listed would wait forever for its data (leptos issue 4773). Tests build
/// many routers in one process, so the list is made once and shared.
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let hsts = security::hsts_value(state.public_url.as_deref());
    let public_origin = state.public_url.as_deref().and_then(security::origin_of);
    let public_url = state
        .public_url
        .as_deref()
        .map(str::to_owned)
        .unwrap_or_else(|| format!("http://{}", state.leptos_options.site_addr));
    let badges = (
        state.db.clone(),
        state.badge_key.clone(),
        public_url.clone(),
    );
    let landing_state = landing::LandingState {
        db: state.db.clone(),
        base: public_url.clone(),
        views: state.views.clone(),
    };
    let context = {
        let db = state.db.clone();
        let webhooks = state.webhooks.clone();
        move || {
            provide_context(db.clone());
            provide_context(webhooks.clone());
            provide_context(app::people::server::PublicUrl(public_url.clone()));
        }
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/sw.js", get(service_worker))
        .route("/events", get(events::stream))
        .route("/speculation-rules.json", get(speculation_rules))
        .route(
            "/assets/{id}/file",
            get(asset_files::download).post(asset_files::upload).layer(
                axum::extract::DefaultBodyLimit::max(asset_files::UPLOAD_LIMIT),
            ),
        )
        .route(
            "/c/{partner}/logo.png",
            get(landing::logo).with_state(landing_state.clone()),
        )
        .route(
            "/c/{partner}/{campaign}",
            get(landing::page)
                .post(landing::submit)
                .with_state(landing_state.clone()),
        )
        .route(
            "/campaigns/templates/{id}/images",
            axum::routing::post(campaign_images::upload)
                .with_state(state.db.clone())
                .layer(axum::extract::DefaultBodyLimit::max(
                    campaign_images::UPLOAD_LIMIT,
                )),
        )
        .route(
            "/campaign-images/{id}",
            get(campaign_images::serve).with_state(state.db.clone()),
        )
        .route(
            "/funds/requests/{id}/proofs",
            axum::routing::post(fund_files::upload)
                .with_state(state.db.clone())
                .layer(axum::extract::DefaultBodyLimit::max(
                    fund_files::UPLOAD_LIMIT,
                )),
        )
        .route(
            "/fund-proofs/{id}",
            get(fund_files::serve).with_state(state.db.clone()),
        )
        .route(
            "/funds/payouts.csv",
            get(fund_files::payouts).with_state(state.db.clone()),
        )
        .route(
            "/earnings/payouts.csv",
            get(fund_files::earnings).with_state(state.db.clone()),
        )
        .route(
            "/leads/import",
            axum::routing::post(lead_upload::import).with_state(landing_state.clone()),
        )
        .route(
            "/campaigns/{id}/recipients",
            axum::routing::post(campaign_mail::upload).with_state(landing_state.clone()),
        )
        .route(
            "/e/{token}/open.gif",
            get(campaign_mail::open).with_state(landing_state.clone()),
        )
        .route(
            "/e/{token}/unsubscribe",
            get(campaign_mail::unsubscribe_page)
                .post(campaign_mail::unsubscribe_now)
                .with_state(landing_state.clone()),
        )
        .route(
            "/e/{token}/{n}",
            get(campaign_mail::follow).with_state(landing_state),
        )
        .route(
            "/organisations/{id}/logo",
            get(logos::logo).post(logos::upload_logo),
        )
        .route(
            "/learn/certificates/{id}/badge.jwt",
            get(badges::download).with_state(badges.clone()),
        )
        .route(
            "/badges/issuer",
            get(badges::issuer).with_state(badges.clone()),
        )
        .route(
            "/badges/revocations",
            get(badges::revocations).with_state(badges),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback({
            let leptos_fallback =
                leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell);
            move |uri: axum::http::Uri, State(state): State<AppState>, req: Request| {
                let file = state
                    .static_files
                    .respond(req.method(), uri.path(), req.headers());
                let leptos_fallback = leptos_fallback.clone();
                async move {
                    match file {
                        Some(file) => file,
                        None => leptos_fallback(uri, State(state), req).await,
                    }
                }
            }
        })
        .layer(middleware::from_fn_with_state(
            state.db.clone(),
            resolve_viewer,
        ))
        .layer(middleware::from_fn_with_state(
            (state.db.clone(), state.error_link_key.clone()),
            error_links::sign_error_links,
        ))
        .layer(middleware::from_fn(cache_control))
        .layer(middleware::from_fn(guard::guard))
        .layer(middleware::from_fn_with_state(
            public_origin,
            security::refuse_cross_site,
        ))
        .layer(middleware::from_fn(limit_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CatchPanicLayer::custom(security::panic_response))
        // Pages and answers go out gzipped: brotli set up per response cost
        // 43% of a page's throughput for 1.5% fewer bytes (scripts/bench
        // pages). The site's files carry brotli copies made at build time.
        .layer(CompressionLayer::new().no_br())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            move |_: &Response| hsts.clone(),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(middleware::from_fn(isolation::without_foreign_owner))
        .with_state(state)
}

/// `GET /healthz`: 200 when the database answers and every migration this
/// binary carries is applied, 503 otherwise. Never includes error text.
async fn healthz(State(db): State<Db>) -> Response {
    let backend = db.backend.name();
    let status = match db.ping().await {
        Ok(()) => db.migration_status().await,
        Err(err) => Err(err),
    };
    match status {
        Ok(migrations) => {
            let current = migrations.is_current();
            let body = json!({
                "status": if current { "ok" } else { "migrations pending" },
                "database": backend,
                "migrations": {
                    "applied": migrations.applied,
                    "expected": migrations.expected,
                    "pending": migrations.pending,
                },
            });
            let code = if current {
                StatusCode::OK
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            (code, Json(body)).into_response()
        }
        Err(err) => {
            tracing::error!(%err, "health check: database unreachable");
            let body = json!({ "status": "database unreachable", "database": backend });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}

/// `GET /sw.js`: the service worker, generated at start-up so that it knows
/// the hashed asset names it precaches.
async fn service_worker(State(sw): State<Arc<ServiceWorker>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        )],
        sw.script.clone(),
    )
        .into_response()
}

/// Works out who is calling and how many notifications they have unread
/// (one query) before any page renders, so pages read it synchronously
/// and can redirect before a byte is sent. Static files skip it. On a database error nothing is stored and the server
/// function asking later reports the failure itself.
async fn resolve_viewer(State(db): State<Db>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_static = path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || matches!(
            path,
            "/sw.js"
                | "/manifest.webmanifest"
                | "/offline.html"
                | "/healthz"
                | "/speculation-rules.json"
        );
    if !is_static {
        let session = match auth::session_token(req.headers()) {
            Some(token) => auth::session_for_token(&db, &token).await,
            None => Ok(None),
        };
        match session {
            Ok(Some(session)) if session.stage == app::auth::Stage::Full => {
                // Pages show the unread count in their header.
                req.extensions_mut()
                    .insert(app::shell::Unread(session.unread));
                req.extensions_mut()
                    .insert(auth::ResolvedViewer(Some(session.viewer), None));
            }
            Ok(session) => {
                req.extensions_mut()
                    .insert(auth::ResolvedViewer(None, session.map(|s| s.stage)));
            }
            Err(err) => tracing::error!(%err, "resolving the viewer"),
        }
    }
    next.run(req).await
}

/// `GET /speculation-rules.json`: which links the browser may fetch before
/// they are clicked (every page names it in its `Speculation-Rules`
/// header): the navigation's at once, others when the pointer rests on
/// them. Never an action, a sign-in step or a download.
async fn speculation_rules() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/speculationrules+json"),
        )],
        include_str!("speculation-rules.json"),
    )
        .into_response()
}

/// Refuses a body over the limit of its address ([`BODY_LIMIT`],
/// [`asset_files::UPLOAD_LIMIT`] for an asset file's upload,
/// [`campaign_images::UPLOAD_LIMIT`] for a template image's,
/// [`fund_files::UPLOAD_LIMIT`] for a proof's): at once when
/// it says its length, else as it streams.
async fn limit_body(req: Request, next: Next) -> Response {
    let post = req.method() == axum::http::Method::POST;
    let limit = if post && asset_files::is_upload(req.uri().path()) {
        asset_files::UPLOAD_LIMIT
    } else if post && campaign_images::is_upload(req.uri().path()) {
        campaign_images::UPLOAD_LIMIT
    } else if post && fund_files::is_upload(req.uri().path()) {
        fund_files::UPLOAD_LIMIT
    } else {
        BODY_LIMIT
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = req.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// Long-lived caching for content-hashed files, revalidation for the rest,
/// and none at all for anything dynamic.
async fn cache_control(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    if res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let value = cache_policy(&path, res.status());
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

fn cache_policy(path: &str, status: StatusCode) -> &'static str {
    if !status.is_success() {
        "no-store"
    } else if path.starts_with("/pkg/") {
        "public, max-age=31536000, immutable"
    } else if path.starts_with("/api/") || path == "/healthz" {
        "no-store"
    } else if path == "/sw.js" {
        "no-cache"
    } else if path.starts_with("/icons/")
        || path == "/manifest.webmanifest"
        || path == "/offline.html"
        || path == "/speculation-rules.json"
    {
        "public, max-age=3600"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_immutable_and_dynamic_is_not_cached() {
        assert_eq!(
            cache_policy("/pkg/trellis.abc123.wasm", StatusCode::OK),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            cache_policy("/api/program_overview", StatusCode::OK),
            "no-store"
        );
        assert_eq!(cache_policy("/healthz", StatusCode::OK), "no-store");
        assert_eq!(cache_policy("/program", StatusCode::OK), "no-cache");
        assert_eq!(cache_policy("/sw.js", StatusCode::OK), "no-cache");
        assert_eq!(
            cache_policy("/pkg/missing.js", StatusCode::NOT_FOUND),
            "no-store"
        );
    }
}
