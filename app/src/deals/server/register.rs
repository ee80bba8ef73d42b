//! Submitting a registration.

use super::conflicts::{claim, claim_keys, findings, lock_customer};
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    deals::{ConflictKind, DealStatus, ValidDeal},
    error::AppError,
};

/// A new registration's id, reference and the conflict it was flagged with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub id: String,
    pub reference: String,
    pub conflict: Option<ConflictKind>,
}

pub(super) fn new_reference() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("DR-{}", &id[..8])
}

/// Submits a registration for the viewer's organisation: insert, claim the
/// customer, flag any conflict, timeline, audit and emails, in one
/// transaction.
pub async fn register(
    db: &Db,
    viewer: &Viewer,
    deal: &ValidDeal,
    ip: Option<&str>,
) -> Result<Registered, AppError> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    // No registration without the partner agreement in force (or its
    // grace period).
    crate::onboarding::server::gate(&mut tx, &viewer.organisation_id).await?;
    // A write first: on SQLite the transaction then holds the write lock
    // (waiting its turn) instead of failing on a stale read snapshot. The
    // short reference is random: one already taken is drawn again.
    let mut reference = new_reference();
    for attempt in 1.. {
        let inserted = sqlx::query(
            "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
             customer_domain, company_key, domain_key, contact_name, contact_email, contact_phone, \
             country, products, value_cents, currency, expected_close, partner_role, notes, status, \
             submitted_at, sla_due_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             'submitted', $19, $19 + 3600 * (SELECT deal_sla_hours FROM program_settings WHERE id = 1), \
             $19, $19) ON CONFLICT (reference) DO NOTHING",
        )
        .bind(&id)
        .bind(&reference)
        .bind(&viewer.organisation_id)
        .bind(&viewer.person_id)
        .bind(deal.customer_company.as_str())
        .bind(deal.customer_domain.as_ref().map(|d| d.as_str()))
        .bind(&deal.company_key)
        .bind(deal.domain_key.as_deref())
        .bind(&deal.contact_name)
        .bind(deal.contact_email.as_str())
        .bind(deal.contact_phone.as_deref())
        .bind(&deal.country)
        .bind(&deal.products)
        .bind(deal.value.minor)
        .bind(deal.value.currency.code())
        .bind(&deal.expected_close)
        .bind(deal.partner_role.code())
        .bind(deal.notes.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break;
        }
        if attempt == 5 {
            return Err(AppError::internal(
                "five deal references in a row were taken",
            ));
        }
        reference = new_reference();
    }
    // The customer's locks, then the check, then the claim, all in this
    // transaction: a registration of a name the check calls the same
    // customer (one typo apart, abbreviated) waits here until this one has
    // committed its claim, and then finds it.
    lock_customer(&mut tx, &deal.company_key).await?;
    let found = findings(
        &mut tx,
        &viewer.organisation_id,
        &deal.company_key,
        deal.domain_key.as_deref(),
        Some(&id),
    )
    .await?;
    let keys = claim_keys(&deal.company_key, deal.domain_key.as_deref());
    let holds = claim(&mut tx, &id, &viewer.organisation_id, &keys).await?;
    // Another partner first, then the vendor's own account, then a duplicate.
    let conflict = [
        ConflictKind::OtherPartner,
        ConflictKind::DirectAccount,
        ConflictKind::OwnDuplicate,
    ]
    .into_iter()
    .find(|kind| found.iter().any(|f| f.kind == *kind))
    .or((!holds).then_some(ConflictKind::OtherPartner));
    if let Some(kind) = conflict {
        sqlx::query("UPDATE deals SET conflict = $1 WHERE id = $2")
            .bind(kind.code())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    // The conflict's label, stored on the timeline in the registrant's
    // language (the code itself is in `deals.conflict`).
    tx.deal_event(
        &id,
        None,
        DealStatus::Submitted,
        conflict.map(ConflictKind::label),
    )
    .await?;
    let detail = format!("{reference}: {}", deal.customer_company);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_submitted",
        record_type: "deal",
        record_id: Some(&id),
        detail: Some(&detail),
    })
    .await?;
    let manager =
        crate::organisations::server::channel_manager(&mut tx, &viewer.organisation_id).await?;
    if let Some((email, name)) = manager {
        tx.notify(&email, &format!("/deals/{id}"), |l| {
            let flag = conflict
                .map(|k| t!(in l, "\nFlagged: {kind}.\n", kind = k.label_in(l)))
                .unwrap_or_default();
            (
                t!(in l, "New deal registration {reference}", reference = reference),
                t!(
                    in l,
                    "Hello {name},\n\n{organisation} registered {customer} for {products} \
                     ({reference}).\n{flag}\nReview it in the approval queue.\n",
                    name = name,
                    organisation = viewer.organisation_name,
                    customer = deal.customer_company,
                    products = deal.products,
                    reference = reference,
                    flag = flag
                ),
            )
        })
        .await?;
    }
    if let Some(lead) = &deal.lead {
        crate::campaigns::server::mark_converted(&mut tx, lead, &viewer.organisation_id, &id, now)
            .await?;
    }
    tx.commit().await?;
    Ok(Registered {
        id,
        reference,
        conflict,
    })
}
