//! After approval: closing won or lost, extensions of protection, and the
//! expiry sweep.

use super::{
    conflicts::release,
    tx::{guarded_update, protection_days},
};
use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::{Actor, Db},
    deals::DealStatus,
    error::AppError,
    i18n::Locale,
};

/// Marks an approved registration won or lost (the customer is then free
/// again), within `scope`.
pub async fn close(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    won: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let to = if won {
        DealStatus::Won
    } else {
        DealStatus::Lost
    };
    let mut tx = db.write(viewer.actor(ip)).await?;
    guarded_update(
        &mut tx,
        sqlx::query(&format!(
            "UPDATE deals SET status = $1, updated_at = $2, closed_at = $2 WHERE id = $3 AND status = 'approved' \
             AND {}",
            tenant_scoped("organisation_id", "$4")
        ))
        .bind(to.code())
        .bind(now())
        .bind(deal_id)
        .bind(viewer.tenant_scope()),
        deal_id,
        viewer.tenant_scope(),
        (
            "outcome",
            t!("Only an approved registration can be closed."),
        ),
    )
    .await?;
    release(&mut tx, deal_id).await?;
    tx.deal_event(deal_id, Some(DealStatus::Approved), to, None)
        .await?;
    let (organisation_id, reference, customer, registrant, manager): (
        String,
        String,
        String,
        String,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT d.organisation_id, d.reference, d.customer_company, p.email, m.email \
         FROM deals d JOIN people p ON p.id = d.registered_by \
         JOIN organisations o ON o.id = d.organisation_id \
         LEFT JOIN people m ON m.id = o.channel_manager_id WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: if won { "deal_won" } else { "deal_lost" },
        record_type: "deal",
        record_id: Some(deal_id),
        detail: None,
    })
    .await?;
    // The registrant and the channel manager, except whoever closed it.
    let told = [Some(registrant), manager];
    for email in told.iter().flatten().filter(|e| **e != viewer.email) {
        tx.notify(email, &format!("/deals/{deal_id}"), |l| {
            (
                t!(
                    in l,
                    "Deal registration {reference}: {status}",
                    reference = reference,
                    status = to.label_in(l)
                ),
                t!(
                    in l,
                    "Hello,\n\n{actor} marked the deal for {customer} ({reference}) {outcome}.\n",
                    actor = viewer.name,
                    customer = customer,
                    reference = reference,
                    outcome = to.in_sentence(l)
                ),
            )
        })
        .await?;
    }
    if won {
        sqlx::query(
            "UPDATE organisations SET first_won_at = $1 WHERE id = $2 AND first_won_at IS NULL",
        )
        .bind(now())
        .bind(&organisation_id)
        .execute(&mut *tx)
        .await?;
    }
    let co_sellers: Vec<String> =
        sqlx::query_scalar("SELECT organisation_id FROM deal_partners WHERE deal_id = $1")
            .bind(deal_id)
            .fetch_all(&mut *tx)
            .await?;
    tx.commit().await?;
    // A won deal moves the revenue of its registrant and co-sellers: their
    // tiers are placed again at once, not at the nightly recompute, and
    // the registrant's accrued marketing funds grow, and what each partner
    // in it earns is counted.
    if won {
        for organisation in std::iter::once(&organisation_id).chain(&co_sellers) {
            crate::tiers::server::recompute(db, Some(organisation)).await?;
        }
        crate::funds::server::accrue(db, Some(&organisation_id)).await?;
        for organisation in std::iter::once(&organisation_id).chain(&co_sellers) {
            crate::incentives::server::compute(db, Some(organisation)).await?;
        }
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
pub(super) struct DueRow {
    id: String,
    organisation_id: String,
    reference: String,
    customer_company: String,
    email: String,
    name: String,
    protected_until: i64,
}

pub(super) const DUE_COLUMNS: &str =
    "SELECT d.id, d.organisation_id, d.reference, d.customer_company, \
     p.email, p.name, d.protected_until FROM deals d JOIN people p ON p.id = d.registered_by";

/// One run of the protection job (`server/src/jobs`): warns partners 14 and 3 days before protection runs
/// out (each warning once, even with several app servers), and expires
/// registrations whose protection has ended, freeing the customer. Returns
/// (warnings sent, registrations expired).
pub async fn sweep(db: &Db, now: i64) -> Result<(usize, usize), AppError> {
    let mut warned = 0;
    for (days, column) in [(3_i64, "warned_3_at"), (14, "warned_14_at")] {
        let due = sqlx::query_as::<_, DueRow>(&format!(
            "{DUE_COLUMNS} WHERE d.status = 'approved' AND d.protected_until > $1 \
             AND d.protected_until <= $2 AND d.{column} IS NULL ORDER BY d.protected_until LIMIT 500"
        ))
        .bind(now)
        .bind(now + days * 86_400)
        .fetch_all(&db.pool)
        .await?;
        for deal in due {
            let mut tx = db.write(Actor::system()).await?;
            // The short warning makes the long one moot.
            let set = if column == "warned_3_at" {
                "warned_3_at = $1, warned_14_at = COALESCE(warned_14_at, $1)"
            } else {
                "warned_14_at = $1"
            };
            let claimed = sqlx::query(&format!(
                "UPDATE deals SET {set} WHERE id = $2 AND {column} IS NULL"
            ))
            .bind(now)
            .bind(&deal.id)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                continue;
            }
            // `days` is 3 or 14: always the plural.
            tx.notify(&deal.email, &format!("/deals/{}", deal.id), |l| {
                (
                    t!(
                        in l,
                        "Protection for {customer} ends in {days} days",
                        customer = deal.customer_company,
                        days = days
                    ),
                    t!(
                        in l,
                        "Hello {name},\n\nYour protection for {customer} ({reference}) ends on \
                         {date}. If the deal needs more time, ask your channel manager for an \
                         extension; if it closed, mark it won or lost in Trellis.\n",
                        name = deal.name,
                        customer = deal.customer_company,
                        reference = deal.reference,
                        date = crate::format::day_in(l, deal.protected_until)
                    ),
                )
            })
            .await?;
            tx.commit().await?;
            warned += 1;
        }
    }
    let due = sqlx::query_as::<_, DueRow>(&format!(
        "{DUE_COLUMNS} WHERE d.status = 'approved' AND d.protected_until <= $1 LIMIT 500"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut expired = 0;
    for deal in due {
        let mut tx = db.write(Actor::system()).await?;
        let done = sqlx::query(
            "UPDATE deals SET status = 'expired', updated_at = $1 WHERE id = $2 AND status = 'approved'",
        )
        .bind(now)
        .bind(&deal.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            continue;
        }
        release(&mut tx, &deal.id).await?;
        tx.deal_event(
            &deal.id,
            Some(DealStatus::Approved),
            DealStatus::Expired,
            Some(t!("Protection ended")),
        )
        .await?;
        tx.audit(Entry {
            organisation_id: Some(&deal.organisation_id),
            action: "deal_expired",
            record_type: "deal",
            record_id: Some(&deal.id),
            ..Entry::default()
        })
        .await?;
        tx.notify(&deal.email, &format!("/deals/{}", deal.id), |l| {
            (
                t!(
                    in l,
                    "Deal registration {reference}: {status}",
                    reference = deal.reference,
                    status = DealStatus::Expired.label_in(l)
                ),
                t!(
                    in l,
                    "Hello {name},\n\nYour registration {reference} for {customer} has expired: \
                     its protection ended on {date}. The customer is open to other registrations \
                     again.\n",
                    name = deal.name,
                    reference = deal.reference,
                    customer = deal.customer_company,
                    date = crate::format::day_in(l, deal.protected_until)
                ),
            )
        })
        .await?;
        tx.commit().await?;
        expired += 1;
    }
    Ok((warned, expired))
}

/// Asks for more protection on an approved registration of the viewer's
/// organisation (one request at a time).
pub async fn request_extension(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    reason: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    guarded_update(
        &mut tx,
        sqlx::query(&format!(
            "UPDATE deals SET extension_requested_at = $1, extension_reason = $2, updated_at = $1 \
             WHERE id = $3 AND status = 'approved' AND extension_requested_at IS NULL AND {}",
            tenant_scoped("organisation_id", "$4")
        ))
        .bind(now())
        .bind(reason)
        .bind(deal_id)
        .bind(viewer.tenant_scope()),
        deal_id,
        viewer.tenant_scope(),
        (
            "reason",
            t!("Only an approved registration without a pending request can be extended."),
        ),
    )
    .await?;
    // Stored on the timeline in the requester's language.
    let note = t!("Extension requested: {reason}", reason = reason);
    tx.deal_event(
        deal_id,
        Some(DealStatus::Approved),
        DealStatus::Approved,
        Some(&note),
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_extension_requested",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(reason),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Grants (another full protection period from today or from the current
/// end, whichever is later) or refuses a pending extension request.
pub async fn decide_extension(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    grant: bool,
    reason: Option<&str>,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let Some(days) = protection_days(&mut tx, deal_id).await? else {
        return Err(AppError::NotFound);
    };
    let done = if grant {
        sqlx::query(
            "UPDATE deals SET protected_until = (CASE WHEN protected_until > $1 \
             THEN protected_until ELSE $1 END) + $2, extension_requested_at = NULL, \
             extension_reason = NULL, warned_14_at = NULL, warned_3_at = NULL, updated_at = $1 \
             WHERE id = $3 AND status = 'approved' AND extension_requested_at IS NOT NULL",
        )
        .bind(now)
        .bind(days * 86_400)
        .bind(deal_id)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query(
            "UPDATE deals SET extension_requested_at = NULL, extension_reason = NULL, \
             updated_at = $1 WHERE id = $2 AND status = 'approved' \
             AND extension_requested_at IS NOT NULL",
        )
        .bind(now)
        .bind(deal_id)
        .execute(&mut *tx)
        .await?
    };
    if done.rows_affected() == 0 {
        return Err(AppError::field(
            "decision",
            t!("No extension request is waiting."),
        ));
    }
    let note_in = |l: Locale| match (grant, reason) {
        (true, _) if days == 1 => t!(in l, "Extension granted: {days} more day", days = days),
        (true, _) => t!(in l, "Extension granted: {days} more days", days = days),
        (false, Some(why)) => t!(in l, "Extension refused: {reason}", reason = why),
        (false, None) => t!(in l, "Extension refused").to_owned(),
    };
    // The timeline in the reviewer's language (stored as written), the
    // audit detail in English, the email in the partner's.
    let note = note_in(Locale::current());
    tx.deal_event(
        deal_id,
        Some(DealStatus::Approved),
        DealStatus::Approved,
        Some(&note),
    )
    .await?;
    let (organisation_id, email, reference): (String, String, String) = sqlx::query_as(
        "SELECT d.organisation_id, p.email, d.reference FROM deals d \
         JOIN people p ON p.id = d.registered_by WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: if grant {
            "deal_extension_granted"
        } else {
            "deal_extension_refused"
        },
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&note_in(Locale::En)),
    })
    .await?;
    tx.notify(&email, &format!("/deals/{deal_id}"), |l| {
        let note = note_in(l);
        (
            t!(
                in l,
                "Deal registration {reference}: {note}",
                reference = reference,
                note = note
            ),
            t!(
                in l,
                "Hello,\n\n{note} for your registration {reference}.\n",
                note = note,
                reference = reference
            ),
        )
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What happens to an offboarded partner's open registrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenDeals<'a> {
    /// Closed as expired: the customers are free again.
    Release,
    /// Moved, with their claims, to partner `to` (its first admin becomes
    /// the registrant).
    Transfer { to: &'a str },
}

/// Releases or transfers every open registration of `organisation_id`
/// inside `tx`, each with a timeline step saying why; answers how many.
pub async fn hand_over(
    tx: &mut crate::db::Write,
    organisation_id: &str,
    what: OpenDeals<'_>,
    note: &str,
) -> Result<usize, AppError> {
    let open: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, status FROM deals WHERE organisation_id = $1 \
         AND status IN ('submitted', 'more_info', 'approved')",
    )
    .bind(organisation_id)
    .fetch_all(&mut **tx)
    .await?;
    let now = now();
    for (id, status) in &open {
        let from = DealStatus::parse(status);
        match what {
            OpenDeals::Release => {
                release(tx, id).await?;
                sqlx::query("UPDATE deals SET status = 'expired', updated_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                tx.deal_event(id, from, DealStatus::Expired, Some(note))
                    .await?;
            }
            OpenDeals::Transfer { to } => {
                let registrant: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM people WHERE organisation_id = $1 AND role = 'partner_admin' \
                     AND status = 'active' ORDER BY created_at, id LIMIT 1",
                )
                .bind(to)
                .fetch_optional(&mut **tx)
                .await?;
                let registrant = registrant.ok_or_else(|| {
                    AppError::field(
                        "transfer_to",
                        t!("That partner has no active admin to take the registrations."),
                    )
                })?;
                sqlx::query("UPDATE deals SET organisation_id = $1, registered_by = $2, updated_at = $3 WHERE id = $4")
                    .bind(to)
                    .bind(&registrant)
                    .bind(now)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                sqlx::query("UPDATE deal_claims SET organisation_id = $1 WHERE deal_id = $2")
                    .bind(to)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                if let Some(from) = from {
                    tx.deal_event(id, Some(from), from, Some(note)).await?;
                }
            }
        }
    }
    Ok(open.len())
}
