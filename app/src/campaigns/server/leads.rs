//! A partner's leads (every partner's, for vendor staff), newest first.

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_lead_work, tenant_scoped},
        Viewer,
    },
    campaigns::{types::LeadRow, LeadStatus},
    db::{Db, Write},
    error::{AppError, FieldError},
    webhooks::WebhookEvent,
};

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    email: String,
    company: String,
    phone: Option<String>,
    message: Option<String>,
    status: String,
    campaign: Option<String>,
    organisation_name: Option<String>,
    fills: i64,
    updated_at: i64,
    offer_expires_at: Option<i64>,
}

/// The leads in `viewer`'s scope (of campaign `campaign` only, if given).
/// A lead a partner's own campaign brought is the partner's: vendor staff
/// see only leads that did not come from one (the vendor's own).
pub(super) async fn leads_of(
    db: &Db,
    viewer: &Viewer,
    campaign: Option<&str>,
) -> Result<Vec<LeadRow>, sqlx::Error> {
    leads_where(db, viewer, campaign, None).await
}

/// The leads in `viewer`'s scope, of campaign `campaign` and with id
/// `lead` when given.
async fn leads_where(
    db: &Db,
    viewer: &Viewer,
    campaign: Option<&str>,
    lead: Option<&str>,
) -> Result<Vec<LeadRow>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        // A lead offered to a partner shows the partner who and what, not
        // how to reach them, until it accepts: declined, it moves on.
        "SELECT l.id, \
         CASE WHEN l.status = 'offered' AND CAST($1 AS TEXT) IS NOT NULL THEN '' ELSE l.name END AS name, \
         CASE WHEN l.status = 'offered' AND CAST($1 AS TEXT) IS NOT NULL THEN '' ELSE l.email END AS email, \
         l.company, \
         CASE WHEN l.status = 'offered' AND CAST($1 AS TEXT) IS NOT NULL THEN NULL ELSE l.phone END AS phone, \
         l.message, l.status, \
         c.name AS campaign, o.name AS organisation_name, l.fills, l.updated_at, l.offer_expires_at \
         FROM leads l LEFT JOIN campaigns c ON c.id = l.campaign_id \
         LEFT JOIN organisations o ON o.id = l.organisation_id \
         WHERE {} AND ($2 = '' OR l.campaign_id = $2) AND ($3 = '' OR l.id = $3) \
         AND (CAST($1 AS TEXT) IS NOT NULL OR l.campaign_id IS NULL) \
         ORDER BY l.updated_at DESC, l.id LIMIT $4",
        tenant_scoped("l.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(campaign.unwrap_or_default())
    .bind(lead.unwrap_or_default())
    .bind(super::LIST_LENGTH)
    .fetch_all(&db.pool)
    .await?;
    let mut history = if viewer.role.is_vendor() {
        super::routing::history(db, rows.iter().map(|r| r.id.as_str())).await?
    } else {
        Default::default()
    };
    Ok(rows
        .into_iter()
        .map(|r| LeadRow {
            history: history.remove(&r.id).unwrap_or_default(),
            offer_expires_at: r.offer_expires_at,
            id: r.id,
            name: r.name,
            email: r.email,
            company: r.company,
            phone: r.phone,
            message: r.message,
            status: LeadStatus::parse(&r.status).unwrap_or(LeadStatus::New),
            campaign: r.campaign,
            organisation_name: r.organisation_name,
            fills: r.fills,
            updated_at: r.updated_at,
        })
        .collect())
}

/// The leads `viewer` may see.
pub async fn leads(db: &Db, viewer: &Viewer) -> Result<Vec<LeadRow>, sqlx::Error> {
    leads_of(db, viewer, None).await
}

/// Lead `id` of `viewer`'s organisation (to prefill a registration);
/// `None` for another's or one already converted.
pub async fn lead(db: &Db, viewer: &Viewer, id: &str) -> Result<Option<LeadRow>, sqlx::Error> {
    Ok(leads_where(db, viewer, None, Some(id))
        .await?
        .into_iter()
        .find(|l| l.id == id && l.status.workable()))
}

/// Moves lead `id` of `viewer`'s organisation to `status` (accepted,
/// working or disqualified), from any status a partner works in.
/// `NotFound` for another partner's lead, `Validation` for a status a
/// person cannot set.
pub async fn change_status(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    status: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_lead_work(viewer)?;
    let status = LeadStatus::parse(status)
        .filter(|s| {
            matches!(
                s,
                LeadStatus::Accepted | LeadStatus::Working | LeadStatus::Disqualified
            )
        })
        .ok_or_else(|| {
            AppError::Validation(vec![FieldError {
                field: "status".into(),
                message: t!("Choose accepted, working or disqualified.").into(),
            }])
        })?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let changed = sqlx::query(&format!(
        "UPDATE leads SET status = $1, updated_at = $2 WHERE id = $3 AND {} \
         AND status IN ('new', 'accepted', 'working', 'disqualified')",
        tenant_scoped("organisation_id", "$4")
    ))
    .bind(status.code())
    .bind(now)
    .bind(id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.lead_event(id, WebhookEvent::LeadUpdated, now).await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "lead_status_changed",
        record_type: "lead",
        record_id: Some(id),
        detail: Some(status.code()),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Marks lead `lead` of organisation `organisation` converted into deal
/// `deal`, inside the registration's write. A lead that is not the
/// organisation's (or not workable) is left alone: the registration
/// stands on its own.
pub async fn mark_converted(
    tx: &mut Write,
    lead: &str,
    organisation: &str,
    deal: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let converted = sqlx::query(
        "UPDATE leads SET status = 'converted', deal_id = $1, updated_at = $2 \
         WHERE id = $3 AND organisation_id = $4 AND status IN ('new', 'accepted', 'working')",
    )
    .bind(deal)
    .bind(now)
    .bind(lead)
    .bind(organisation)
    .execute(&mut **tx)
    .await?;
    if converted.rows_affected() == 1 {
        tx.lead_event(lead, WebhookEvent::LeadUpdated, now).await?;
    }
    Ok(())
}
