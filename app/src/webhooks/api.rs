//! Server functions of webhooks: each finds out who calls and makes one
//! call into `server/`. Only the caller's own organisation's endpoints are
//! ever read or changed.

use leptos::prelude::*;

use super::{EndpointCreated, WebhooksView};
use crate::error::AppError;

/// The caller's organisation's endpoints and latest deliveries.
///
/// Who may call: the program admin, partner admins. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "webhooks_view")]
pub async fn load_webhooks() -> Result<WebhooksView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::view(&db, &viewer).await
}

/// Adds an endpoint at `url` told of `events`; answers its signing secret.
///
/// Who may call: the program admin, partner admins. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation` (the address, the events,
/// too many endpoints), `Internal`.
#[server(endpoint = "webhooks_add")]
pub async fn add_webhook(
    url: String,
    events: Option<Vec<String>>,
) -> Result<EndpointCreated, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let reach = use_context::<super::server::Sender>()
        .map(|s| s.reach())
        .unwrap_or_default();
    super::server::add(
        &db,
        &viewer,
        &url,
        &events.unwrap_or_default(),
        reach,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Pauses (`active` false) or resumes endpoint `id`.
///
/// Who may call: the program admin, partner admins, on their own
/// organisation's endpoints. Errors: `Unauthenticated`, `Forbidden`,
/// `NotFound` (also another organisation's), `Internal`.
#[server(endpoint = "webhooks_active")]
pub async fn set_webhook_active(id: String, active: bool) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::set_active(&db, &viewer, &id, active, ip.as_deref()).await
}

/// Sends delivery `id` again now; answers whether it arrived.
///
/// Who may call: the program admin, partner admins, on their own
/// organisation's deliveries. Errors: `Unauthenticated`, `Forbidden`,
/// `NotFound` (also another organisation's), `Conflict` (being sent right
/// now), `Internal`.
#[server(endpoint = "webhooks_replay")]
pub async fn replay_webhook(id: String) -> Result<bool, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let sender = use_context::<super::server::Sender>()
        .ok_or_else(|| AppError::internal("no webhook sender in the request context"))?;
    super::server::replay(&db, &viewer, &sender, &id, ip.as_deref()).await
}
