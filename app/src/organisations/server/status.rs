//! The program admin moves a partner along its lifecycle: at risk,
//! offboarded (its people lose access at once, its campaigns end, its open registrations are
//! released or transferred, its history stays readable to vendor staff),
//! or back to active.

use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    deals::server::{hand_over, OpenDeals},
    error::AppError,
    organisations::PartnerStatus,
};

/// Moves partner `id` to `to` for `reason`; an offboarding hands over its
/// open registrations as `open` says. Answers how many it handed over.
pub async fn change_status(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    to: PartnerStatus,
    reason: &str,
    open: OpenDeals<'_>,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let current: Option<(String, String)> =
        sqlx::query_as("SELECT status, name FROM organisations WHERE id = $1 AND kind = 'partner'")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((current, name)) = current else {
        return Err(AppError::NotFound);
    };
    if current == to.code() {
        return Err(AppError::field(
            "status",
            t!("The partner already has this status."),
        ));
    }
    sqlx::query("UPDATE organisations SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(id)
        .bind(&current)
        .execute(&mut *tx)
        .await?;
    let mut handed = 0;
    if to == PartnerStatus::Offboarded {
        if let OpenDeals::Transfer { to: target } = open {
            let live: Option<String> = sqlx::query_scalar(
                "SELECT id FROM organisations WHERE id = $1 AND kind = 'partner' AND id <> $2 \
                 AND status IN ('onboarding', 'active', 'at_risk')",
            )
            .bind(target)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if live.is_none() {
                return Err(AppError::field(
                    "transfer_to",
                    t!("Choose a live partner to take the registrations."),
                ));
            }
        }
        // Access ends at once: every session of its people.
        sqlx::query(
            "UPDATE sessions SET revoked_at = $1 WHERE revoked_at IS NULL \
             AND person_id IN (SELECT id FROM people WHERE organisation_id = $2)",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        // Its campaigns end: no more email or social posts; their landing
        // pages say so, with the partner's contact, and still take leads.
        sqlx::query(
            "UPDATE campaigns SET status = 'ended' WHERE organisation_id = $1 AND status <> 'ended'",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let note = format!("{name}: {reason}");
        handed = hand_over(&mut tx, id, open, &note).await?;
    }
    let detail = format!("{current} -> {}: {reason}", to.code());
    tx.audit(Entry {
        organisation_id: Some(id),
        action: "partner_status_changed",
        record_type: "organisation",
        record_id: Some(id),
        detail: Some(&detail),
    })
    .await?;
    if let Some((email, _)) = super::channel_manager(&mut tx, id).await? {
        tx.notify(&email, &format!("/organisations/{id}"), |l| {
            (
                t!(in l, "{organisation} is now {status}", organisation = name, status = to.label_in(l)),
                t!(
                    in l,
                    "Hello,\n\n{actor} moved {organisation} to {status}: {reason}\n",
                    actor = viewer.name,
                    organisation = name,
                    status = to.label_in(l),
                    reason = reason
                ),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(handed)
}
