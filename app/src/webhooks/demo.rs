//! Demo webhooks: the vendor's CRM and Northwind's own, each told of the
//! demo leads (the vendor without the people in Northwind's and
//! Bluepeak's); all delivered but one Northwind delivery, which its
//! receiver kept refusing until the sender gave up.

use crate::{
    auth::server::now,
    db::{Actor, Db},
    error::AppError,
    organisations::demo::demo_id,
    webhooks::{new_secret, WebhookEvent, MAX_ATTEMPTS},
};

/// (endpoint slug, organisation, address)
const ENDPOINTS: &[(&str, &str, &str)] = &[
    (
        "acme-crm",
        "acme-cloud",
        "https://crm.acmecloud.example/hooks/trellis",
    ),
    (
        "northwind-crm",
        "northwind",
        "https://hooks.northwind.example/trellis/leads",
    ),
];

/// The leads the endpoints were told of, oldest first.
const TOLD: &[&str] = &[
    "tom-ward",
    "ines-marsh",
    "sam-lee",
    "noah-berg",
    "rita-gomez",
    "li-chen",
    "jo-park",
];

/// The lead whose delivery to Northwind's endpoint was given up.
const REFUSED: &str = "li-chen";

pub async fn seed(db: &Db) -> Result<(), AppError> {
    let today = now();
    let mut tx = db.write(Actor::system()).await?;
    for &(slug, org, url) in ENDPOINTS {
        sqlx::query(
            "INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events, active, created_at) \
             VALUES ($1, $2, $3, $4, 'lead.created lead.updated', 1, $5)",
        )
        .bind(demo_id("webhook", slug))
        .bind(demo_id("org", org))
        .bind(url)
        .bind(new_secret())
        .bind(today - 30 * 86_400)
        .execute(&mut *tx)
        .await?;
    }
    for &lead in TOLD {
        let id = demo_id("lead", lead);
        let at: i64 = sqlx::query_scalar("SELECT created_at FROM leads WHERE id = $1")
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
        tx.lead_event(&id, WebhookEvent::LeadCreated, at).await?;
        sqlx::query(
            "UPDATE webhook_deliveries SET status = 'delivered', attempts = 1, last_code = 200, \
             delivered_at = created_at + 1 WHERE subject_id = $1",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO webhook_attempts (delivery_id, at, code, error, duration_ms, kind) \
             SELECT id, created_at + 1, 200, NULL, 140, 'retry' FROM webhook_deliveries WHERE subject_id = $1",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    }
    let refused = demo_id("lead", REFUSED);
    let northwind = demo_id("webhook", "northwind-crm");
    sqlx::query(
        "UPDATE webhook_deliveries SET status = 'failed', attempts = $1, last_code = 503, \
         last_error = 'answered HTTP 503', delivered_at = NULL WHERE subject_id = $2 AND endpoint_id = $3",
    )
    .bind(MAX_ATTEMPTS)
    .bind(&refused)
    .bind(&northwind)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE webhook_attempts SET code = 503, error = 'answered HTTP 503' WHERE delivery_id IN \
         (SELECT id FROM webhook_deliveries WHERE subject_id = $1 AND endpoint_id = $2)",
    )
    .bind(&refused)
    .bind(&northwind)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    seed_social(db, today).await
}

/// Northwind's automation takes its social posts: the posts due so far
/// are placed (Northwind's through its endpoint, the others' as share
/// links) and Northwind's delivered, but for one its receiver kept
/// refusing.
async fn seed_social(db: &Db, today: i64) -> Result<(), AppError> {
    let mut tx = db.write(Actor::system()).await?;
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events, active, created_at) \
         VALUES ($1, $2, $3, $4, 'social.post', 1, $5)",
    )
    .bind(demo_id("webhook", "northwind-social"))
    .bind(demo_id("org", "northwind"))
    .bind("https://hooks.northwind.example/trellis/social")
    .bind(new_secret())
    .bind(today - 30 * 86_400)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    crate::campaigns::server::place_due(db, today).await?;
    let mut tx = db.write(Actor::system()).await?;
    let endpoint = demo_id("webhook", "northwind-social");
    sqlx::query(
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = 1, last_code = 200, \
         delivered_at = created_at + 1 WHERE endpoint_id = $1",
    )
    .bind(&endpoint)
    .execute(&mut *tx)
    .await?;
    let refused: Option<String> = sqlx::query_scalar(
        "SELECT p.delivery_id FROM social_posts p WHERE p.campaign_id = $1 AND p.network = 'x'",
    )
    .bind(demo_id("campaign", "northwind-webinar"))
    .fetch_optional(&mut *tx)
    .await?
    .flatten();
    if let Some(refused) = refused {
        sqlx::query(
            "UPDATE webhook_deliveries SET status = 'failed', attempts = $1, last_code = 500, \
             last_error = 'answered HTTP 500', delivered_at = NULL WHERE id = $2",
        )
        .bind(MAX_ATTEMPTS)
        .bind(&refused)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO webhook_attempts (delivery_id, at, code, error, duration_ms, kind) \
         SELECT id, created_at + 1, last_code, last_error, 180, 'retry' FROM webhook_deliveries \
         WHERE endpoint_id = $1",
    )
    .bind(&endpoint)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
