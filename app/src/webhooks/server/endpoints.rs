//! An organisation's endpoints and their delivery log.

use std::collections::HashMap;

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_webhooks, Viewer},
    db::Db,
    error::AppError,
    organisations::Role,
    webhooks::{
        new_secret, AttemptRow, DeliveryRow, DeliveryStatus, EndpointCreated, EndpointRow,
        EndpointUrl, Reach, WebhookEvent, WebhooksView,
    },
};

/// Endpoints one organisation may have.
const MAX_ENDPOINTS: i64 = 10;
/// Deliveries the log shows.
const LOG_LENGTH: i64 = 50;

/// Adds an endpoint for `viewer`'s organisation that is told of `events`,
/// with a fresh signing secret.
pub async fn add(
    db: &Db,
    viewer: &Viewer,
    url: &str,
    events: &[String],
    reach: Reach,
    now: i64,
    ip: Option<&str>,
) -> Result<EndpointCreated, AppError> {
    authorize_webhooks(viewer)?;
    let url = EndpointUrl::parse(url, reach).map_err(|p| AppError::field("url", p.message()))?;
    let mut chosen: Vec<WebhookEvent> = events
        .iter()
        .map(|e| WebhookEvent::parse(e))
        .collect::<Option<_>>()
        .ok_or_else(|| AppError::field("events", t!("Choose the events to send.")))?;
    chosen.sort_by_key(|e| e.code());
    chosen.dedup();
    if chosen.is_empty() {
        return Err(AppError::field("events", t!("Choose the events to send.")));
    }
    let secret = new_secret();
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let count: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM webhook_endpoints WHERE organisation_id = $1",
    )
    .bind(&viewer.organisation_id)
    .fetch_one(&mut *tx)
    .await?;
    if count >= MAX_ENDPOINTS {
        return Err(AppError::field(
            "url",
            t!("An organisation has at most 10 endpoints; pause one you no longer use."),
        ));
    }
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events, active, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7)",
    )
    .bind(&id)
    .bind(&viewer.organisation_id)
    .bind(url.as_str())
    .bind(&secret)
    .bind(chosen.iter().map(|e| e.code()).collect::<Vec<_>>().join(" "))
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "webhook_endpoint_added",
        record_type: "webhook_endpoint",
        record_id: Some(&id),
        detail: Some(url.host()),
    })
    .await?;
    tx.commit().await?;
    Ok(EndpointCreated {
        id,
        secret: format!("whsec_{secret}"),
    })
}

/// Pauses (deliveries are kept and wait) or resumes endpoint `id`
/// of `viewer`'s organisation. `NotFound` for another organisation's.
pub async fn set_active(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    active: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_webhooks(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let changed = sqlx::query(
        "UPDATE webhook_endpoints SET active = $1 WHERE id = $2 AND organisation_id = $3",
    )
    .bind(i64::from(active))
    .bind(id)
    .bind(&viewer.organisation_id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: if active {
            "webhook_endpoint_resumed"
        } else {
            "webhook_endpoint_paused"
        },
        record_type: "webhook_endpoint",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Endpoint {
    id: String,
    url: String,
    secret: String,
    events: String,
    active: i64,
    created_at: i64,
    delivered: i64,
    waiting: i64,
    failed: i64,
}

#[derive(sqlx::FromRow)]
struct Delivery {
    id: String,
    url: String,
    event: String,
    subject_id: String,
    status: String,
    attempts: i64,
    last_code: Option<i64>,
    last_error: Option<String>,
    created_at: i64,
    delivered_at: Option<i64>,
    payload: String,
}

#[derive(sqlx::FromRow)]
struct Attempt {
    delivery_id: String,
    at: i64,
    code: Option<i64>,
    error: Option<String>,
    duration_ms: i64,
    kind: String,
}

/// `viewer`'s organisation's endpoints and latest deliveries.
pub async fn view(db: &Db, viewer: &Viewer) -> Result<WebhooksView, AppError> {
    authorize_webhooks(viewer)?;
    let endpoints: Vec<Endpoint> = sqlx::query_as(
        "SELECT e.id, e.url, e.secret, e.events, e.active, e.created_at, \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'delivered' THEN 1 ELSE 0 END), 0) AS BIGINT) AS delivered, \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'pending' THEN 1 ELSE 0 END), 0) AS BIGINT) AS waiting, \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END), 0) AS BIGINT) AS failed \
         FROM webhook_endpoints e LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id \
         WHERE e.organisation_id = $1 \
         GROUP BY e.id, e.url, e.secret, e.events, e.active, e.created_at ORDER BY e.created_at, e.id",
    )
    .bind(&viewer.organisation_id)
    .fetch_all(&db.pool)
    .await?;
    let deliveries: Vec<Delivery> = sqlx::query_as(
        "SELECT d.id, e.url, d.event, d.subject_id, d.status, d.attempts, d.last_code, d.last_error, \
         d.created_at, d.delivered_at, d.payload \
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id \
         WHERE e.organisation_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2",
    )
    .bind(&viewer.organisation_id)
    .bind(LOG_LENGTH)
    .fetch_all(&db.pool)
    .await?;
    let attempts: Vec<Attempt> = sqlx::query_as(
        "SELECT a.delivery_id, a.at, a.code, a.error, a.duration_ms, a.kind \
         FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id \
         JOIN webhook_endpoints e ON e.id = d.endpoint_id \
         WHERE e.organisation_id = $1 AND d.created_at >= $2 ORDER BY a.at, a.kind",
    )
    .bind(&viewer.organisation_id)
    .bind(deliveries.last().map_or(0, |d| d.created_at))
    .fetch_all(&db.pool)
    .await?;
    let mut tries: HashMap<String, Vec<AttemptRow>> = HashMap::new();
    for a in attempts {
        tries.entry(a.delivery_id).or_default().push(AttemptRow {
            at: a.at,
            code: a.code,
            error: a.error,
            duration_ms: a.duration_ms,
            replay: a.kind == "replay",
        });
    }
    Ok(WebhooksView {
        endpoints: endpoints
            .into_iter()
            .map(|e| EndpointRow {
                events: e
                    .events
                    .split(' ')
                    .filter_map(WebhookEvent::parse)
                    .collect(),
                secret: format!("whsec_{}", e.secret),
                id: e.id,
                url: e.url,
                active: e.active == 1,
                created_at: e.created_at,
                delivered: e.delivered,
                waiting: e.waiting,
                failed: e.failed,
            })
            .collect(),
        deliveries: deliveries
            .into_iter()
            .filter_map(|d| {
                Some(DeliveryRow {
                    event: WebhookEvent::parse(&d.event)?,
                    status: DeliveryStatus::parse(&d.status)?,
                    tries: tries.remove(&d.id).unwrap_or_default(),
                    id: d.id,
                    endpoint_url: d.url,
                    subject_id: d.subject_id,
                    attempts: d.attempts,
                    last_code: d.last_code,
                    last_error: d.last_error,
                    created_at: d.created_at,
                    delivered_at: d.delivered_at,
                    payload: d.payload,
                })
            })
            .collect(),
        vendor: viewer.role == Role::ProgramAdmin,
    })
}
