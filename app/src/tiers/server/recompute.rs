//! The recompute: every live partner (or one) measured, placed by the
//! rules, and each change made with its reasons recorded, audited and
//! told to the partner's admins. Safe to run on several app servers at
//! once: each change is a guarded UPDATE from the standing it was decided
//! on, so it happens once.

use super::{
    history::{record, Recorded},
    measure::measure,
    settings::{load_rules, policy},
};
use crate::{
    auth::server::now,
    db::{Actor, Db, Write},
    error::AppError,
    tiers::{
        rules::{change, earned, Change, Standing},
        ChangeKind, Metrics, TierRule,
    },
};

/// What a recompute did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recomputed {
    pub partners: usize,
    pub changed: usize,
}

#[derive(sqlx::FromRow)]
struct StandingRow {
    id: String,
    tier_id: Option<String>,
    tier_pending_id: Option<String>,
    tier_due_at: Option<i64>,
}

/// Places every live partner (`only`: one of them) by today's numbers.
pub async fn recompute(db: &Db, only: Option<&str>) -> Result<Recomputed, AppError> {
    let now = now();
    let mut conn = db.reader().await?;
    let rules: Vec<TierRule> = load_rules(&mut conn)
        .await?
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    if rules.is_empty() {
        return Ok(Recomputed::default());
    }
    let policy = policy(&mut conn).await?;
    let metrics = measure(&mut conn, only, now).await?;
    let standings = sqlx::query_as::<_, StandingRow>(&format!(
        "SELECT id, tier_id, tier_pending_id, tier_due_at FROM organisations \
         WHERE kind = 'partner' AND status IN ('onboarding', 'active', 'at_risk') AND {}",
        crate::auth::policy::tenant_scoped("id", "$1")
    ))
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    drop(conn);
    let index = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| rules.iter().position(|r| &r.id == id))
    };
    let mut decided = Vec::new();
    for row in &standings {
        let Some(m) = metrics.get(&row.id) else {
            continue;
        };
        let standing = Standing {
            current: index(&row.tier_id).unwrap_or(0),
            pending: index(&row.tier_pending_id).map(|to| (to, row.tier_due_at)),
        };
        let earned = earned(&rules, m);
        let change = change(&standing, earned, now, policy);
        if change != Change::Keep || row.tier_id.is_none() {
            decided.push((row, standing, change, m));
        }
    }
    let mut changed = 0;
    if !decided.is_empty() {
        let mut tx = db.write(Actor::system()).await?;
        for (row, standing, change, m) in decided {
            if apply(&mut tx, &rules, row, &standing, change, m, now).await? {
                changed += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(Recomputed {
        partners: standings.len(),
        changed,
    })
}

/// Makes one partner's change if its standing is still the one it was
/// decided on; answers whether it did.
async fn apply(
    tx: &mut Write,
    rules: &[TierRule],
    row: &StandingRow,
    standing: &Standing,
    change: Change,
    m: &Metrics,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let current = &rules[standing.current];
    let (tier, pending, due, kind, to, rule) = match change {
        Change::Keep => (current, None, None, ChangeKind::Moved, current, current),
        Change::Move { to } => {
            let target = &rules[to];
            let rule = if to > standing.current {
                target
            } else {
                current
            };
            (target, None, None, ChangeKind::Moved, target, rule)
        }
        Change::Warn { to, due } => (
            current,
            Some(&rules[to]),
            Some(due),
            ChangeKind::Warned,
            &rules[to],
            current,
        ),
        Change::Recover => (current, None, None, ChangeKind::Recovered, current, current),
        Change::Propose { to } => {
            let target = &rules[to];
            let rule = if to > standing.current {
                target
            } else {
                current
            };
            (
                current,
                Some(target),
                None,
                ChangeKind::Proposed,
                target,
                rule,
            )
        }
    };
    // Guarded on the standing it was decided on: a second server running
    // the same recompute finds nothing to change.
    let updated = sqlx::query(
        "UPDATE organisations SET tier_id = $1, tier_pending_id = $2, tier_due_at = $3 \
         WHERE id = $4 AND COALESCE(tier_id, '') = $5 AND COALESCE(tier_pending_id, '') = $6 \
         AND COALESCE(tier_due_at, -1) = $7",
    )
    .bind(&tier.id)
    .bind(pending.map(|p| p.id.as_str()))
    .bind(due)
    .bind(&row.id)
    .bind(row.tier_id.as_deref().unwrap_or(""))
    .bind(row.tier_pending_id.as_deref().unwrap_or(""))
    .bind(row.tier_due_at.unwrap_or(-1))
    .execute(&mut **tx)
    .await?;
    if updated.rows_affected() == 0 || change == Change::Keep {
        // Lost the race, or a partner without a tier given the floor.
        return Ok(false);
    }
    record(
        tx,
        Recorded {
            organisation_id: &row.id,
            kind,
            from: Some(&current.id),
            to: Some(&to.id),
            rule: Some(rule),
            metrics: Some(m),
            due_at: due,
            at: now,
        },
    )
    .await?;
    Ok(true)
}
