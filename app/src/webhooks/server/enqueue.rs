//! Deliveries are written inside the change they tell of: a lead kept is a
//! delivery queued, in one transaction, so none is lost and none is sent
//! for a change that was rolled back.
//!
//! What an endpoint is told is an allow-list by whose endpoint it is: the
//! lead's own partner gets the whole lead; the vendor gets its own leads
//! whole, and of a lead a partner's campaign brought only where it stands
//! (status, partner, campaign, deal), never the person in it.

use serde_json::{json, Value};

use crate::{db::Write, format::rfc3339, webhooks::WebhookEvent};

#[derive(sqlx::FromRow)]
struct Lead {
    id: String,
    organisation_id: Option<String>,
    organisation_name: Option<String>,
    campaign_id: Option<String>,
    campaign_name: Option<String>,
    name: String,
    email: String,
    company: String,
    phone: Option<String>,
    message: Option<String>,
    status: String,
    fills: i64,
    deal_id: Option<String>,
    created_at: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct Listener {
    id: String,
    organisation_id: String,
    events: String,
    vendor: i64,
}

impl Write {
    /// Queues `event` about lead `lead` (as it is now, inside this write)
    /// for every endpoint that listens to it and may hear of it; a paused
    /// endpoint's wait until it is resumed.
    pub async fn lead_event(
        &mut self,
        lead: &str,
        event: WebhookEvent,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let Some(lead) = sqlx::query_as::<_, Lead>(
            "SELECT l.id, l.organisation_id, o.name AS organisation_name, l.campaign_id, \
             c.name AS campaign_name, l.name, l.email, l.company, l.phone, l.message, l.status, \
             l.fills, l.deal_id, l.created_at, l.updated_at \
             FROM leads l LEFT JOIN organisations o ON o.id = l.organisation_id \
             LEFT JOIN campaigns c ON c.id = l.campaign_id WHERE l.id = $1",
        )
        .bind(lead)
        .fetch_optional(&mut **self)
        .await?
        else {
            return Ok(());
        };
        let listeners: Vec<Listener> = sqlx::query_as(
            "SELECT e.id, e.organisation_id, e.events, \
             CAST(CASE WHEN o.kind = 'vendor' THEN 1 ELSE 0 END AS BIGINT) AS vendor \
             FROM webhook_endpoints e JOIN organisations o ON o.id = e.organisation_id \
             WHERE o.kind = 'vendor' OR e.organisation_id = $1 ORDER BY e.id",
        )
        .bind(lead.organisation_id.as_deref().unwrap_or_default())
        .fetch_all(&mut **self)
        .await?;
        for listener in listeners
            .iter()
            .filter(|l| l.events.split(' ').any(|e| e == event.code()))
        {
            let own = lead.organisation_id.as_deref() == Some(listener.organisation_id.as_str());
            let whole = own || (listener.vendor == 1 && lead.campaign_id.is_none());
            let body = json!({
                "type": event.code(),
                "timestamp": rfc3339(now),
                "data": lead_data(&lead, whole),
            })
            .to_string();
            self.enqueue(&listener.id, event, &lead.id, &body, now)
                .await?;
        }
        Ok(())
    }

    /// Queues `body` (the whole JSON sent) about record `subject` for
    /// endpoint `endpoint`; answers the delivery's id.
    pub async fn enqueue(
        &mut self,
        endpoint: &str,
        event: WebhookEvent,
        subject: &str,
        body: &str,
        now: i64,
    ) -> Result<String, sqlx::Error> {
        // Time-ordered (UUID v7), so the sender keeps a record's events in
        // the order they happened, even within one second.
        let id = format!("msg_{}", uuid::Uuid::now_v7().simple());
        sqlx::query(
            "INSERT INTO webhook_deliveries (id, endpoint_id, event, subject_id, payload, status, \
             attempts, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)",
        )
        .bind(&id)
        .bind(endpoint)
        .bind(event.code())
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(&mut **self)
        .await?;
        Ok(id)
    }

    /// The active endpoints of organisation `organisation` that listen
    /// to `event`.
    pub async fn listening(
        &mut self,
        organisation: &str,
        event: WebhookEvent,
    ) -> Result<Vec<String>, sqlx::Error> {
        let endpoints: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, events FROM webhook_endpoints WHERE organisation_id = $1 AND active = 1 \
             ORDER BY id",
        )
        .bind(organisation)
        .fetch_all(&mut **self)
        .await?;
        Ok(endpoints
            .into_iter()
            .filter(|(_, events)| events.split(' ').any(|e| e == event.code()))
            .map(|(id, _)| id)
            .collect())
    }
}

/// The lead as an endpoint sees it; the person in it only when `whole`.
fn lead_data(lead: &Lead, whole: bool) -> Value {
    let mut data = json!({
        "id": lead.id,
        "status": lead.status,
        "source": if lead.campaign_id.is_some() { "partner_campaign" } else { "vendor" },
        "partner": lead.organisation_id.as_ref().map(|id| json!({
            "id": id,
            "name": lead.organisation_name,
        })),
        "campaign": lead.campaign_id.as_ref().map(|id| json!({
            "id": id,
            "name": lead.campaign_name,
        })),
        "deal_id": lead.deal_id,
        "form_fills": lead.fills,
        "created_at": rfc3339(lead.created_at),
        "updated_at": rfc3339(lead.updated_at),
    });
    if whole {
        data["contact"] = json!({
            "name": lead.name,
            "email": lead.email,
            "company": lead.company,
            "phone": lead.phone,
            "message": lead.message,
        });
    }
    data
}
