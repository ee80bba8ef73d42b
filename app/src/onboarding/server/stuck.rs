//! The onboarding check, run by a job on every app server: a partner
//! whose checklist is complete becomes active; one whose checklist has not
//! moved for 14 days gets one reminder (its admins by email and in-app)
//! and its channel manager a flag, until it moves again. Each change is
//! claimed by a guarded UPDATE, so two app servers never both act.

use super::checklist::load;
use crate::{
    db::{Actor, Db},
    error::AppError,
    onboarding::{stuck, StepState},
};

#[derive(sqlx::FromRow)]
struct Onboarding {
    id: String,
    onboarding_done: i64,
    onboarding_progress_at: Option<i64>,
    onboarding_reminded_at: Option<i64>,
    joined_at: Option<i64>,
}

/// Notes progress and sends the reminders due at `now`; answers how many.
pub async fn check_stuck(db: &Db, now: i64) -> Result<usize, AppError> {
    let rows = sqlx::query_as::<_, Onboarding>(
        "SELECT id, onboarding_done, onboarding_progress_at, onboarding_reminded_at, joined_at \
         FROM organisations WHERE kind = 'partner' AND status = 'onboarding'",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut reminded = 0;
    for row in rows {
        let Onboarding {
            id,
            onboarding_done: done_before,
            onboarding_progress_at: progress_at,
            onboarding_reminded_at: reminded_at,
            joined_at,
        } = row;
        let mut conn = db.reader().await?;
        let Some(list) = load(&mut conn, &id, None).await? else {
            continue;
        };
        drop(conn);
        let complete = list
            .steps
            .iter()
            .all(|s| matches!(s.state, StepState::Done | StepState::Skipped));
        if complete {
            graduate(db, &id, &list.organisation_name).await?;
            continue;
        }
        if list.finished > done_before {
            // It moved: remember when, and a later standstill counts anew.
            db.execute(
                sqlx::query(
                    "UPDATE organisations SET onboarding_done = $1, onboarding_progress_at = $2 \
                     WHERE id = $3 AND onboarding_done = $4",
                )
                .bind(list.finished)
                .bind(now)
                .bind(&id)
                .bind(done_before),
            )
            .await?;
            continue;
        }
        let since = progress_at.or(joined_at).unwrap_or(now);
        if !stuck(since, false, now) || reminded_at.is_some_and(|at| at >= since) {
            continue;
        }
        let next = list
            .steps
            .iter()
            .find(|s| s.state == StepState::ActionRequired)
            .map(|s| s.step);
        let mut tx = db.write(Actor::system()).await?;
        let claimed = sqlx::query(
            "UPDATE organisations SET onboarding_reminded_at = $1 WHERE id = $2 \
             AND (onboarding_reminded_at IS NULL OR onboarding_reminded_at < $3)",
        )
        .bind(now)
        .bind(&id)
        .bind(since)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() == 0 {
            continue;
        }
        let admins: Vec<(String, String)> = sqlx::query_as(
            "SELECT email, name FROM people WHERE organisation_id = $1 AND role = 'partner_admin' \
             AND status IN ('active', 'invited')",
        )
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        for (email, name) in admins {
            tx.notify(&email, "/onboarding", |l| {
                let step = next.map(|s| s.label_in(l)).unwrap_or_default();
                (
                    t!(in l, "Your next step with Acme Cloud").to_owned(),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} has not moved on its onboarding checklist \
                         for two weeks. The next step: {step}.\n\nPartners who sell within 90 days \
                         of joining do best; your channel manager is glad to help.\n",
                        name = name,
                        organisation = list.organisation_name,
                        step = step
                    ),
                )
            })
            .await?;
        }
        let manager = crate::organisations::server::channel_manager(&mut tx, &id).await?;
        if let Some((email, _)) = manager {
            tx.notify(&email, "/onboarding", |l| {
                (
                    t!(in l, "{organisation} is stuck in onboarding", organisation = list.organisation_name),
                    t!(
                        in l,
                        "Hello,\n\n{organisation} has made no onboarding progress for two weeks \
                         ({done} of {total} steps). Its admins were reminded.\n",
                        organisation = list.organisation_name,
                        done = list.finished,
                        total = list.steps.len()
                    ),
                )
            })
            .await?;
        }
        tx.audit(crate::audit::server::Entry {
            organisation_id: Some(&id),
            action: "onboarding_stuck",
            record_type: "organisation",
            record_id: Some(&id),
            detail: None,
        })
        .await?;
        tx.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}

/// Partner `id` finished its checklist: it becomes active, its admins and
/// its channel manager are told, and the audit log says so.
async fn graduate(db: &Db, id: &str, organisation: &str) -> Result<(), AppError> {
    let mut tx = db.write(Actor::system()).await?;
    let moved = sqlx::query(
        "UPDATE organisations SET status = 'active' WHERE id = $1 AND status = 'onboarding'",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(());
    }
    tx.audit(crate::audit::server::Entry {
        organisation_id: Some(id),
        action: "onboarding_complete",
        record_type: "organisation",
        record_id: Some(id),
        detail: Some("onboarding → active"),
    })
    .await?;
    let mut told: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, name FROM people WHERE organisation_id = $1 AND role = 'partner_admin' \
         AND status = 'active'",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    if let Some(manager) = crate::organisations::server::channel_manager(&mut tx, id).await? {
        told.push(manager);
    }
    for (email, name) in told {
        tx.notify(&email, &format!("/organisations/{id}"), |l| {
            (
                t!(in l, "{organisation} finished onboarding", organisation = organisation),
                t!(
                    in l,
                    "Hello {name},\n\n{organisation} has done every step of its onboarding \
                     checklist and is now an active partner.\n",
                    name = name,
                    organisation = organisation
                ),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
