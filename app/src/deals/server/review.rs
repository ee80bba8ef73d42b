//! The vendor's decision on a registration, and the partner's answer to a
//! question.

use super::{
    conflicts::{claim, claim_keys, release},
    tx::{guarded_update, protection_days},
};
use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::Db,
    deals::{DealStatus, Decision},
    error::AppError,
    i18n::Locale,
};

#[derive(sqlx::FromRow)]
pub(super) struct DecisionRow {
    organisation_id: String,
    reference: String,
    customer_company: String,
    company_key: String,
    domain_key: Option<String>,
    status: String,
    email: String,
    name: String,
}

/// Approves (protecting the customer for the tier's days), rejects or asks
/// for more information, with the timeline, audit and an email to the
/// person who registered.
pub async fn decide(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    decision: Decision,
    reason: Option<&str>,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    // A write first (see `register`), which also proves the registration
    // is still waiting for a decision.
    guarded_update(
&mut tx,
sqlx::query(
        "UPDATE deals SET updated_at = $1 WHERE id = $2 AND status IN ('submitted', 'more_info')",
    )
    .bind(now)
    .bind(deal_id),
deal_id,
None,
("decision", t!("This registration was already decided.")),
)
.await?;
    let row = sqlx::query_as::<_, DecisionRow>(
        "SELECT d.organisation_id, d.reference, d.customer_company, d.company_key, d.domain_key, \
         d.status, p.email, p.name FROM deals d JOIN people p ON p.id = d.registered_by \
         WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    let from = DealStatus::parse(&row.status);
    let (to, protected_until) = match decision {
        Decision::Approve => {
            let keys = claim_keys(&row.company_key, row.domain_key.as_deref());
            if !claim(&mut tx, deal_id, &row.organisation_id, &keys).await? {
                return Err(AppError::field(
                    "decision",
                    t!("Another open registration holds this customer. Reject or close that one first."),
                ));
            }
            let days = protection_days(&mut tx, deal_id)
                .await?
                .ok_or(AppError::NotFound)?;
            (DealStatus::Approved, Some(now + days * 86_400))
        }
        Decision::Reject => {
            release(&mut tx, deal_id).await?;
            (DealStatus::Rejected, None)
        }
        Decision::MoreInfo => (DealStatus::MoreInfo, None),
    };
    sqlx::query(
        "UPDATE deals SET status = $1, decided_at = $2, protected_until = $3 WHERE id = $4",
    )
    .bind(to.code())
    .bind((to != DealStatus::MoreInfo).then_some(now))
    .bind(protected_until)
    .bind(deal_id)
    .execute(&mut *tx)
    .await?;
    if to == DealStatus::Approved {
        // Time to first deal ends here for a partner's first approval.
        sqlx::query(
            "UPDATE organisations SET first_approved_at = $1 WHERE id = $2 AND first_approved_at IS NULL",
        )
        .bind(now)
        .bind(&row.organisation_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.deal_event(deal_id, from, to, reason).await?;
    let detail = format!("{}: {}", row.reference, to.label_in(Locale::En));
    tx.audit(Entry {
        organisation_id: Some(&row.organisation_id),
        action: "deal_decided",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&detail),
    })
    .await?;
    let why = reason.map(|r| format!("\n{r}\n")).unwrap_or_default();
    tx.notify(&row.email, &format!("/deals/{deal_id}"), |l| {
        let protection = protected_until
            .map(|until| {
                t!(
                    in l,
                    "\nThe customer is protected for you until {date}.\n",
                    date = crate::format::day_in(l, until)
                )
            })
            .unwrap_or_default();
        (
            t!(
                in l,
                "Deal registration {reference}: {status}",
                reference = row.reference,
                status = to.label_in(l)
            ),
            t!(
                in l,
                "Hello {name},\n\nYour deal registration {reference} for {customer}: {status}.\n{why}{protection}",
                name = row.name,
                reference = row.reference,
                customer = row.customer_company,
                status = to.in_sentence(l),
                why = why,
                protection = protection
            ),
        )
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The partner answers a "more information" request: the registration goes
/// back to the queue with a fresh SLA clock.
pub async fn respond(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    answer: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    guarded_update(
        &mut tx,
        sqlx::query(&format!(
            "UPDATE deals SET status = 'submitted', updated_at = $1, \
             sla_due_at = $1 + 3600 * (SELECT deal_sla_hours FROM program_settings WHERE id = 1) \
             WHERE id = $2 AND status = 'more_info' AND {}",
            tenant_scoped("organisation_id", "$3")
        ))
        .bind(now)
        .bind(deal_id)
        .bind(viewer.tenant_scope()),
        deal_id,
        viewer.tenant_scope(),
        ("answer", t!("No question is waiting for an answer.")),
    )
    .await?;
    tx.deal_event(
        deal_id,
        Some(DealStatus::MoreInfo),
        DealStatus::Submitted,
        Some(answer),
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_information_given",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
