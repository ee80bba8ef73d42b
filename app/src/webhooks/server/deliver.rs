//! The sender: signs each delivery (Standard Webhooks) and posts it, at
//! most one sender per delivery at a time (a lease), retried with backoff
//! and recorded attempt by attempt; the receiver's answer body is never
//! read or kept.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_webhooks, Viewer},
    db::{Actor, Db},
    error::AppError,
    format::now_secs,
    webhooks::{
        backoff, is_public, secret_bytes, signature, EndpointUrl, Reach, WebhookEvent, MAX_ATTEMPTS,
    },
};

/// How long one attempt may take.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a sender holds a delivery it works on.
const LEASE: i64 = 60;

/// Posts deliveries: an HTTPS client that follows no redirect and connects
/// only to the addresses [`Reach`] allows, whatever a host name resolves
/// to (so a name cannot be pointed at the portal's own network later).
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
    reach: Reach,
}

impl Sender {
    pub fn new(reach: Reach) -> Sender {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("Trellis-Webhooks/1")
            .dns_resolver(Arc::new(AllowedAddresses(reach)))
            .build()
            .expect("an HTTPS client with the bundled roots");
        Sender { client, reach }
    }

    /// Which addresses this sender may post to.
    pub fn reach(&self) -> Reach {
        self.reach
    }
}

impl Default for Sender {
    fn default() -> Self {
        Sender::new(Reach::Public)
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Resolves a host name to the addresses [`Reach`] allows, refusing when
/// none is left.
struct AllowedAddresses(Reach);

impl Resolve for AllowedAddresses {
    fn resolve(&self, name: Name) -> Resolving {
        let loopback = self.0 == Reach::PublicAndLoopback;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await;
            let allowed: Vec<SocketAddr> = found
                .map_err(|e| -> BoxError { Box::new(e) })?
                .filter(|a| is_public(a.ip()) || (loopback && a.ip().is_loopback()))
                .collect();
            if allowed.is_empty() {
                let refused: BoxError = "the host has no address on the public internet".into();
                return Err(refused);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

/// A delivery with what sending it takes: its endpoint's address and key.
const DUE: &str = "SELECT d.id, d.endpoint_id, d.payload, e.url, e.secret \
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id";

#[derive(sqlx::FromRow)]
struct Due {
    id: String,
    endpoint_id: String,
    payload: String,
    url: String,
    secret: String,
}

/// How one attempt went.
struct Outcome {
    code: Option<i64>,
    error: Option<String>,
    duration_ms: i64,
}

impl Outcome {
    fn delivered(&self) -> bool {
        self.error.is_none()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Retry,
    Replay,
}

/// Sends every delivery that is due to an active endpoint; answers how
/// many arrived. While an endpoint has a delivery waiting out its backoff,
/// its other deliveries wait too (and after a failure, for the rest of this
/// run), so a receiver that is down is tried once per backoff, not once
/// per delivery.
pub async fn deliver_due(db: &Db, sender: &Sender) -> Result<usize, sqlx::Error> {
    let now = now_secs();
    let due: Vec<Due> = sqlx::query_as(&format!(
        "{DUE} WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND d.lease_until <= $1 \
         AND e.active = 1 AND NOT EXISTS (SELECT 1 FROM webhook_deliveries f \
         WHERE f.endpoint_id = d.endpoint_id AND f.status = 'pending' AND f.attempts > 0 \
         AND f.next_attempt_at > $1) ORDER BY d.id LIMIT 50"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut failing: Vec<String> = Vec::new();
    let mut delivered = 0;
    for delivery in due {
        if failing.contains(&delivery.endpoint_id) {
            continue;
        }
        let claimed = db
            .execute(
                sqlx::query(
                    "UPDATE webhook_deliveries SET lease_until = $1 WHERE id = $2 \
                     AND status = 'pending' AND next_attempt_at <= $3 AND lease_until <= $3",
                )
                .bind(now + LEASE)
                .bind(&delivery.id)
                .bind(now),
            )
            .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let outcome = post(sender, &delivery).await;
        if outcome.delivered() {
            delivered += 1;
        } else {
            failing.push(delivery.endpoint_id.clone());
        }
        record(db, &delivery.id, &outcome, Kind::Retry).await?;
    }
    Ok(delivered)
}

/// Sends delivery `id` of `viewer`'s organisation again, now, with the
/// same message id (so a receiver that has it can ignore it).
/// `NotFound` for another organisation's; `Conflict` while a sender is
/// working on it.
pub async fn replay(
    db: &Db,
    viewer: &Viewer,
    sender: &Sender,
    id: &str,
    ip: Option<&str>,
) -> Result<bool, AppError> {
    authorize_webhooks(viewer)?;
    let delivery: Due =
        sqlx::query_as(&format!("{DUE} WHERE d.id = $1 AND e.organisation_id = $2"))
            .bind(id)
            .bind(&viewer.organisation_id)
            .fetch_optional(&db.pool)
            .await?
            .ok_or(AppError::NotFound)?;
    let now = now_secs();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let claimed = sqlx::query(
        "UPDATE webhook_deliveries SET lease_until = $1 WHERE id = $2 AND lease_until <= $3",
    )
    .bind(now + LEASE)
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(AppError::Conflict(
            t!("This delivery is being sent right now; look again in a minute.").into(),
        ));
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "webhook_replayed",
        record_type: "webhook_delivery",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    let outcome = post(sender, &delivery).await;
    record(db, id, &outcome, Kind::Replay).await?;
    Ok(outcome.delivered())
}

/// One signed POST of `delivery`.
async fn post(sender: &Sender, delivery: &Due) -> Outcome {
    let started = std::time::Instant::now();
    let took = |started: std::time::Instant| started.elapsed().as_millis() as i64;
    let failed = |error: String, code: Option<i64>| Outcome {
        code,
        error: Some(error),
        duration_ms: took(started),
    };
    // The address is checked again: a sender may reach less than the
    // server that took it (a deployment without loopback).
    let Ok(url) = EndpointUrl::parse(&delivery.url, sender.reach) else {
        return failed("the address is not allowed".into(), None);
    };
    let Some(secret) = secret_bytes(&delivery.secret) else {
        return failed("the signing secret is unreadable".into(), None);
    };
    let timestamp = now_secs();
    let response = sender
        .client
        .post(url.as_str())
        .header("content-type", "application/json")
        .header("webhook-id", &delivery.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header(
            "webhook-signature",
            signature(&secret, &delivery.id, timestamp, &delivery.payload),
        )
        .body(delivery.payload.clone())
        .send()
        .await;
    match response {
        Ok(response) if response.status().is_success() => Outcome {
            code: Some(i64::from(response.status().as_u16())),
            error: None,
            duration_ms: took(started),
        },
        Ok(response) => {
            let code = response.status().as_u16();
            failed(format!("answered HTTP {code}"), Some(i64::from(code)))
        }
        Err(error) if error.is_timeout() => failed("no answer within 10 seconds".into(), None),
        Err(error) if error.is_connect() => failed(
            "could not connect (or the host has no public address)".into(),
            None,
        ),
        Err(_) => failed("the request failed".into(), None),
    }
}

/// Keeps attempt `outcome` of delivery `id` and what follows from it: a
/// success delivers; a failed retry waits its backoff or, after the last
/// attempt, gives up; a failed replay leaves the status as it was.
async fn record(db: &Db, id: &str, outcome: &Outcome, kind: Kind) -> Result<(), sqlx::Error> {
    let now = now_secs();
    let mut tx = db.write(Actor::system()).await?;
    sqlx::query(
        "INSERT INTO webhook_attempts (delivery_id, at, code, error, duration_ms, kind) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(now)
    .bind(outcome.code)
    .bind(&outcome.error)
    .bind(outcome.duration_ms)
    .bind(match kind {
        Kind::Retry => "retry",
        Kind::Replay => "replay",
    })
    .execute(&mut *tx)
    .await?;
    if outcome.delivered() {
        sqlx::query(
            "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, \
             last_code = $1, last_error = NULL, delivered_at = $2, lease_until = 0 WHERE id = $3",
        )
        .bind(outcome.code)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    } else if kind == Kind::Retry {
        let (attempts, event): (i64, String) =
            sqlx::query_as("SELECT attempts + 1, event FROM webhook_deliveries WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if attempts >= MAX_ATTEMPTS && event == WebhookEvent::SocialPost.code() {
            tx.social_post_failed(id).await?;
        }
        sqlx::query(
            "UPDATE webhook_deliveries SET status = $1, attempts = $2, next_attempt_at = $3, \
             last_code = $4, last_error = $5, lease_until = 0 WHERE id = $6",
        )
        .bind(if attempts >= MAX_ATTEMPTS {
            "failed"
        } else {
            "pending"
        })
        .bind(attempts)
        .bind(now + backoff(attempts))
        .bind(outcome.code)
        .bind(&outcome.error)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    } else {
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, last_code = $1, \
             last_error = $2, lease_until = 0 WHERE id = $3",
        )
        .bind(outcome.code)
        .bind(&outcome.error)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
