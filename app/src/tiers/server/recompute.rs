//! The recompute: every live partner (or one) measured, placed by the
//! rules, and each change made with its reasons recorded, audited and
//! told to the partner's admins. Safe to run on several app servers at
//! once: each change is a guarded UPDATE from the standing it was decided
//! on, so it happens once.

use super::{
    measure::measure,
    settings::{load_rules, policy},
};
use crate::{
    audit::server::Entry,
    auth::server::now,
    db::{Actor, Db, Write},
    error::AppError,
    tiers::{
        explain_all,
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

/// One entry of the tier history.
pub(super) struct Recorded<'a> {
    pub organisation_id: &'a str,
    pub kind: ChangeKind,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    /// The tier whose thresholds explain it, and where the partner stood.
    pub rule: Option<&'a TierRule>,
    pub metrics: Option<&'a Metrics>,
    pub due_at: Option<i64>,
    pub at: i64,
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

/// Appends a history entry with its numbers, audits it and tells the
/// partner's admins (when it changes something for them).
pub(super) async fn record(tx: &mut Write, r: Recorded<'_>) -> Result<(), sqlx::Error> {
    let t = r.rule.map(|rule| rule.thresholds).unwrap_or_default();
    let m = r.metrics.copied().unwrap_or_default();
    let id = uuid::Uuid::new_v4().to_string();
    let actor = tx.actor().person_id.clone();
    sqlx::query(
        "INSERT INTO tier_changes (id, organisation_id, seq, kind, from_tier_id, to_tier_id, \
         rule_tier_id, min_sourced_cents, min_influenced_cents, min_certified, min_registrations, \
         min_psat_tenths, sourced_cents, influenced_cents, certified, registrations, psat_tenths, \
         due_at, actor_id, at) VALUES ($1, $2, \
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM tier_changes WHERE organisation_id = $2), \
         $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(&id)
    .bind(r.organisation_id)
    .bind(r.kind.code())
    .bind(r.from)
    .bind(r.to)
    .bind(r.rule.map(|rule| rule.id.as_str()))
    .bind(t[0])
    .bind(t[1])
    .bind(t[2])
    .bind(t[3])
    .bind(t[4])
    .bind(m.sourced_cents)
    .bind(m.influenced_cents)
    .bind(m.certified)
    .bind(m.registrations)
    .bind(m.psat_tenths)
    .bind(r.due_at)
    .bind(actor)
    .bind(r.at)
    .execute(&mut **tx)
    .await?;
    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM tiers WHERE id = $1 OR id = $2")
            .bind(r.from)
            .bind(r.to)
            .fetch_all(&mut **tx)
            .await?;
    let name = |id: Option<&str>| {
        names
            .iter()
            .find(|(i, _)| Some(i.as_str()) == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let (from, to) = (name(r.from), name(r.to));
    let detail = format!("{}: {from} -> {to}", r.kind.code());
    tx.audit(Entry {
        organisation_id: Some(r.organisation_id),
        action: "tier_changed",
        record_type: "organisation",
        record_id: Some(r.organisation_id),
        detail: Some(&detail),
    })
    .await?;
    if matches!(r.kind, ChangeKind::Proposed | ChangeKind::Declined) {
        return Ok(());
    }
    let criteria = match (r.rule, r.metrics) {
        (Some(rule), Some(m)) => rule.criteria(m),
        _ => Vec::new(),
    };
    let admins: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT p.email, p.name, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.organisation_id = $1 AND p.role = 'partner_admin' AND p.status = 'active'",
    )
    .bind(r.organisation_id)
    .fetch_all(&mut **tx)
    .await?;
    let link = format!("/organisations/{}", r.organisation_id);
    for (email, person, organisation) in admins {
        tx.notify(&email, &link, |l| {
            let why = explain_all(l, &criteria);
            match r.kind {
                ChangeKind::Warned => (
                    t!(in l, "Your {tier} tier is at risk", tier = from),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} no longer meets the {tier} thresholds: {why}.\n\
                         Unless it meets them again by {date}, it moves to {to}.\n",
                        name = person,
                        organisation = organisation,
                        tier = from,
                        why = why,
                        date = crate::format::day_in(l, r.due_at.unwrap_or(r.at)),
                        to = to
                    ),
                ),
                ChangeKind::Recovered => (
                    t!(in l, "Your {tier} tier is safe again", tier = from),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} meets the {tier} thresholds again: {why}.\n",
                        name = person,
                        organisation = organisation,
                        tier = from,
                        why = why
                    ),
                ),
                _ => (
                    t!(in l, "Your tier is now {tier}", tier = to),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} moved from {from} to {to}. {why}\n",
                        name = person,
                        organisation = organisation,
                        from = from,
                        to = to,
                        why = why
                    ),
                ),
            }
        })
        .await?;
    }
    Ok(())
}
