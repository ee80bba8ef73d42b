//! The program admin's tier rules and policy, and decisions on changes
//! that wait for approval.

use sqlx::AnyConnection;

use super::history::{record, Recorded};
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    error::AppError,
    tiers::{rules::Policy, ChangeKind, TierEdit, TierRule, TierSettings},
};

#[derive(sqlx::FromRow)]
struct RuleRow {
    id: String,
    name: String,
    rank: i64,
    min_sourced_cents: Option<i64>,
    min_influenced_cents: Option<i64>,
    min_certified: Option<i64>,
    min_registrations: Option<i64>,
    min_psat_tenths: Option<i64>,
    benefits: String,
}

/// The tiers in rank order, with their other benefits (one per line).
pub async fn load_rules(conn: &mut AnyConnection) -> Result<Vec<(TierRule, String)>, sqlx::Error> {
    let rows = sqlx::query_as::<_, RuleRow>(
        "SELECT id, name, rank, min_sourced_cents, min_influenced_cents, min_certified, \
         min_registrations, min_psat_tenths, benefits FROM tiers ORDER BY rank",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let rule = TierRule {
                id: r.id,
                name: r.name,
                rank: r.rank,
                thresholds: [
                    r.min_sourced_cents,
                    r.min_influenced_cents,
                    r.min_certified,
                    r.min_registrations,
                    r.min_psat_tenths,
                ],
            };
            (rule, r.benefits)
        })
        .collect())
}

/// The program's grace period and approval rule.
pub async fn policy(conn: &mut AnyConnection) -> Result<Policy, sqlx::Error> {
    let (days, approval): (i64, i64) = sqlx::query_as(
        "SELECT tier_grace_days, tier_changes_need_approval FROM program_settings WHERE id = 1",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(Policy {
        grace_secs: days * 86_400,
        needs_approval: approval == 1,
    })
}

/// Rules, policy and the proposed changes, for the program admin.
pub async fn settings(db: &Db) -> Result<TierSettings, sqlx::Error> {
    let mut conn = db.reader().await?;
    let rules = load_rules(&mut conn).await?;
    let policy = policy(&mut conn).await?;
    let proposed: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT o.id, o.name, t.name, p.name FROM organisations o JOIN tiers t ON t.id = o.tier_id \
         JOIN tiers p ON p.id = o.tier_pending_id WHERE o.tier_due_at IS NULL ORDER BY o.name",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(TierSettings {
        benefits: rules.iter().map(|(_, b)| b.clone()).collect(),
        rules: rules.into_iter().map(|(r, _)| r).collect(),
        grace_days: policy.grace_secs / 86_400,
        needs_approval: policy.needs_approval,
        proposed,
    })
}

/// Saves tier `id`'s thresholds and benefits.
pub async fn update_tier(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    edit: &TierEdit,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let [sourced, influenced, certified, registrations, psat] = edit.thresholds;
    let updated = sqlx::query(
        "UPDATE tiers SET min_sourced_cents = $1, min_influenced_cents = $2, min_certified = $3, \
         min_registrations = $4, min_psat_tenths = $5, benefits = $6 WHERE id = $7",
    )
    .bind(sourced)
    .bind(influenced)
    .bind(certified)
    .bind(registrations)
    .bind(psat)
    .bind(&edit.benefits)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let detail = format!("{:?}", edit.thresholds);
    tx.audit(Entry {
        organisation_id: None,
        action: "tier_rules_changed",
        record_type: "tier",
        record_id: Some(id),
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the grace period (days) and whether changes need approval.
pub async fn update_policy(
    db: &Db,
    viewer: &Viewer,
    grace_days: i64,
    needs_approval: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "UPDATE program_settings SET tier_grace_days = $1, tier_changes_need_approval = $2 WHERE id = 1",
    )
    .bind(grace_days)
    .bind(i64::from(needs_approval))
    .execute(&mut *tx)
    .await?;
    let detail = format!("grace {grace_days} days, approval {needs_approval}");
    tx.audit(Entry {
        organisation_id: None,
        action: "tier_policy_changed",
        record_type: "program",
        record_id: None,
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Approves (the partner moves now) or declines (it stays) the change
/// waiting for organisation `organisation_id`.
pub async fn decide_proposal(
    db: &Db,
    viewer: &Viewer,
    organisation_id: &str,
    approve: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let pending: Option<(String, String)> = sqlx::query_as(
        "SELECT tier_id, tier_pending_id FROM organisations \
         WHERE id = $1 AND tier_pending_id IS NOT NULL AND tier_due_at IS NULL",
    )
    .bind(organisation_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((from, to)) = pending else {
        return Err(AppError::field(
            "decision",
            t!("No tier change is waiting for this partner."),
        ));
    };
    let (kind, tier) = if approve {
        (ChangeKind::Approved, to.as_str())
    } else {
        (ChangeKind::Declined, from.as_str())
    };
    sqlx::query(
        "UPDATE organisations SET tier_id = $1, tier_pending_id = NULL, tier_due_at = NULL WHERE id = $2",
    )
    .bind(tier)
    .bind(organisation_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        Recorded {
            organisation_id,
            kind,
            from: Some(&from),
            to: Some(&to),
            rule: None,
            metrics: None,
            due_at: None,
            at: now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
