//! What every read and write of a registration shares: the viewer's reach,
//! the guarded update and its refusal, the timeline step, the protection
//! period.

use crate::{
    auth::{policy::tenant_scoped, server::now},
    db::Write,
    deals::DealStatus,
    error::AppError,
};

/// Why a guarded UPDATE on registration `deal_id` changed nothing: it is
/// out of the caller's reach (`scope`), which answers `NotFound` as if it
/// did not exist, or it is not in a state for this (`field`: `message`).
pub(super) async fn refusal(
    tx: &mut Write,
    deal_id: &str,
    scope: Option<&str>,
    field: &str,
    message: &str,
) -> Result<AppError, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar(&format!(
        "SELECT id FROM deals WHERE id = $1 AND {}",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(deal_id)
    .bind(scope)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(match found {
        Some(_) => AppError::field(field, message),
        None => AppError::NotFound,
    })
}

/// Runs `update`, an UPDATE of registration `deal_id` guarded by the state
/// it needs (and by the caller's `scope`); when it changes nothing, answers
/// why with [`refusal`].
pub(super) async fn guarded_update<'q>(
    tx: &mut Write,
    update: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    deal_id: &str,
    scope: Option<&str>,
    (field, message): (&str, &str),
) -> Result<(), AppError> {
    if update.execute(&mut **tx).await?.rows_affected() == 0 {
        return Err(refusal(tx, deal_id, scope, field, message).await?);
    }
    Ok(())
}

/// How many days approval protects registration `deal_id`: its partner's
/// tier's, or the program default.
pub(super) async fn protection_days(
    tx: &mut Write,
    deal_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(t.protection_days, s.default_protection_days) FROM deals d \
         JOIN organisations o ON o.id = d.organisation_id LEFT JOIN tiers t ON t.id = o.tier_id \
         CROSS JOIN program_settings s WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_optional(&mut **tx)
    .await
}

impl Write {
    /// Adds a step to registration `deal_id`'s timeline, by this write's
    /// actor (none: Trellis itself).
    pub(crate) async fn deal_event(
        &mut self,
        deal_id: &str,
        from: Option<DealStatus>,
        to: DealStatus,
        note: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        let actor_id = self.actor().person_id.clone();
        sqlx::query(
            "INSERT INTO deal_events (id, deal_id, seq, at, actor_id, from_status, to_status, note) \
             VALUES ($1, $2, (SELECT COUNT(*) + 1 FROM deal_events WHERE deal_id = $2), $3, $4, $5, \
             $6, $7)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(deal_id)
        .bind(now())
        .bind(actor_id)
        .bind(from.map(DealStatus::code))
        .bind(to.code())
        .bind(note)
        .execute(&mut **self)
        .await?;
        // Every step may add to the review queue or take from it.
        self.announce(crate::db::Change::Queue).await
    }
}

/// The registrations (`d`) organisation `param` may see: everything when
/// it is NULL (vendor staff), else its own and those it co-sells.
pub(super) fn reach(param: &str) -> String {
    let own = tenant_scoped("d.organisation_id", param);
    format!(
        "({own} OR d.id IN (SELECT deal_id FROM deal_partners WHERE organisation_id = {param}))"
    )
}
