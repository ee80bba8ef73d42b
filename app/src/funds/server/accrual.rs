//! Accrued allocations, kept at their share of the partner's won revenue
//! as deals close, and the reminders of funds about to go unused (the
//! industry's first complaint about MDF).

use crate::{
    audit::server::Entry,
    auth::policy::tenant_scoped,
    db::{Actor, Db, Write},
    error::AppError,
    format::{amount_from_cents, iso_day, utc_date},
    funds::{convert, vendor_share},
    values::Currency,
};

use super::{ledger::take_from_budget, views::CLAIMED};

/// Revenue `organisation` won from `starts_on` to `ends_on` (ISO, both
/// included), in `currency`.
async fn won_in(
    tx: &mut Write,
    organisation: &str,
    starts_on: &str,
    ends_on: &str,
    currency: Currency,
) -> Result<i64, sqlx::Error> {
    let from = crate::format::epoch_of_date(starts_on).unwrap_or(0);
    let to = crate::format::epoch_of_date(ends_on).map_or(0, |d| d + 86_400);
    let deals: Vec<(i64, String)> = sqlx::query_as(
        "SELECT value_cents, currency FROM deals WHERE organisation_id = $1 AND status = 'won' \
         AND closed_at >= $2 AND closed_at < $3",
    )
    .bind(organisation)
    .bind(from)
    .bind(to)
    .fetch_all(&mut **tx)
    .await?;
    Ok(deals
        .iter()
        .map(|(value, code)| Currency::parse(code).map_or(0, |c| convert(*value, c, currency)))
        .sum())
}

/// Brings every accrued allocation (of `organisation`, or of everyone) to
/// its share of the revenue won in its period: never below what was
/// approved from it, and growing only as far as the budget holds.
/// Answers how many changed.
pub async fn accrue(db: &Db, organisation: Option<&str>) -> Result<usize, AppError> {
    type Accrued = (
        String,
        String,
        String,
        i64,
        i64,
        i64,
        String,
        String,
        String,
    );
    let mut tx = db.write(Actor::system()).await?;
    let rows: Vec<Accrued> = sqlx::query_as(&format!(
        "SELECT a.id, a.organisation_id, a.period_id, a.amount_minor, a.approved_minor, \
         COALESCE(a.accrual_bp, 0), p.starts_on, p.ends_on, p.currency \
         FROM fund_allocations a JOIN fund_periods p ON p.id = a.period_id \
         WHERE a.kind = 'accrued' AND {} ORDER BY a.id",
        tenant_scoped("a.organisation_id", "$1")
    ))
    .bind(organisation)
    .fetch_all(&mut *tx)
    .await?;
    let mut changed = 0;
    for (id, org, period, amount, approved, bp, starts, ends, code) in rows {
        let currency = Currency::parse(&code).unwrap_or(Currency::Usd);
        let won = won_in(&mut tx, &org, &starts, &ends, currency).await?;
        let target = vendor_share(won, bp).max(approved);
        let mut delta = target - amount;
        if delta > 0 && take_from_budget(&mut tx, &period, delta).await.is_err() {
            // The budget holds less than the accrual: give what is left.
            let left: i64 = sqlx::query_scalar(
                "SELECT budget_minor - allocated_minor FROM fund_periods WHERE id = $1",
            )
            .bind(&period)
            .fetch_one(&mut *tx)
            .await?;
            delta = left.min(delta);
            if delta <= 0 || take_from_budget(&mut tx, &period, delta).await.is_err() {
                continue;
            }
        } else if delta < 0 {
            sqlx::query(
                "UPDATE fund_periods SET allocated_minor = allocated_minor + $1 WHERE id = $2",
            )
            .bind(delta)
            .bind(&period)
            .execute(&mut *tx)
            .await?;
        }
        if delta == 0 {
            continue;
        }
        sqlx::query(
            "UPDATE fund_allocations SET amount_minor = amount_minor + $1 \
             WHERE id = $2 AND amount_minor + $1 >= approved_minor",
        )
        .bind(delta)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        tx.audit(Entry {
            organisation_id: Some(&org),
            action: "fund_allocation.accrued",
            record_type: "fund_period",
            record_id: Some(&period),
            detail: Some(&amount_from_cents(amount + delta, &code)),
        })
        .await?;
        changed += 1;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Tells each partner whose funds expire within two weeks with money not
/// yet requested or claimed, and its channel manager, once per
/// allocation. Answers how many were told.
pub async fn remind_expiring(db: &Db, now: i64) -> Result<usize, AppError> {
    type Expiring = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        Option<String>,
    );
    let (today, soon) = (utc_date(now), utc_date(now + 14 * 86_400));
    let rows: Vec<Expiring> = sqlx::query_as(&format!(
        "SELECT a.id, a.organisation_id, o.name, p.currency, a.expires_on, \
         a.amount_minor - a.approved_minor, a.approved_minor - \
         (SELECT CAST(COALESCE(SUM({CLAIMED}), 0) AS BIGINT) FROM fund_claims c \
          JOIN fund_requests r ON r.id = c.request_id \
          WHERE r.allocation_id = a.id AND c.status <> 'returned'), m.email \
         FROM fund_allocations a JOIN fund_periods p ON p.id = a.period_id \
         JOIN organisations o ON o.id = a.organisation_id \
         LEFT JOIN people m ON m.id = o.channel_manager_id AND m.status = 'active' \
         WHERE a.reminded_at IS NULL AND a.expires_on >= $1 AND a.expires_on <= $2 ORDER BY a.id"
    ))
    .bind(&today)
    .bind(&soon)
    .fetch_all(&db.pool)
    .await?;
    let mut told = 0;
    for (id, org, partner, code, expires, available, unclaimed, manager) in rows {
        if available <= 0 && unclaimed <= 0 {
            continue;
        }
        let mut tx = db.write(Actor::system()).await?;
        // Once, however many app servers run this at the same moment.
        let mine = sqlx::query(
            "UPDATE fund_allocations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL",
        )
        .bind(now)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        if mine.rows_affected() == 0 {
            continue;
        }
        let (left, open) = (
            amount_from_cents(available, &code),
            amount_from_cents(unclaimed, &code),
        );
        for (email, _) in tx.partner_admins(&org).await? {
            let (left, open, expires) = (left.clone(), open.clone(), expires.clone());
            tx.notify(&email, "/funds", |l| {
                (
                    crate::t!(in l, "Your marketing funds expire on {date}", date = iso_day(&expires)),
                    crate::t!(
                        in l,
                        "{left} is not requested yet and {open} approved is not claimed yet. Request it for an activity, or claim what ran, before {date}.",
                        left = left,
                        open = open,
                        date = iso_day(&expires)
                    ),
                )
            })
            .await?;
        }
        if let Some(manager) = &manager {
            let (left, partner, expires) = (left.clone(), partner.clone(), expires.clone());
            tx.notify(manager, "/funds", |l| {
                (
                    crate::t!(in l, "{partner} may leave funds unused", partner = partner),
                    crate::t!(
                        in l,
                        "{partner} has {left} not requested, expiring on {date}. A call may help them use it.",
                        partner = partner,
                        left = left,
                        date = iso_day(&expires)
                    ),
                )
            })
            .await?;
        }
        tx.commit().await?;
        told += 1;
    }
    Ok(told)
}
