//! The two running totals that keep funds from being over-committed, and
//! the only statements that move them. Each is one guarded UPDATE: it
//! adds only while the total stays within its limit, in the same
//! statement that reads it, so two app servers approving at once cannot
//! both take the last of an allocation (PostgreSQL re-checks the
//! condition on the row the other committed; SQLite writes one at a
//! time). The tables' CHECK constraints say the same again.

use crate::{db::Write, error::AppError, format::amount_from_cents};

/// Adds `amount` to period `period`'s allocated total, if the budget
/// holds it; otherwise says how much is left.
pub(super) async fn take_from_budget(
    tx: &mut Write,
    period: &str,
    amount: i64,
) -> Result<(), AppError> {
    let taken = sqlx::query(
        "UPDATE fund_periods SET allocated_minor = allocated_minor + $1 \
         WHERE id = $2 AND allocated_minor + $1 <= budget_minor",
    )
    .bind(amount)
    .bind(period)
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() == 1 {
        return Ok(());
    }
    let left: Option<(i64, String)> = sqlx::query_as(
        "SELECT budget_minor - allocated_minor, currency FROM fund_periods WHERE id = $1",
    )
    .bind(period)
    .fetch_optional(&mut **tx)
    .await?;
    let (left, currency) = left.ok_or(AppError::NotFound)?;
    Err(AppError::Conflict(crate::t!(
        "The period's budget has {left} left to allocate.",
        left = amount_from_cents(left, &currency)
    )))
}

/// Adds `amount` to allocation `allocation`'s approved total, if the
/// allocation holds it; otherwise says how much is left.
pub(super) async fn commit_to_allocation(
    tx: &mut Write,
    allocation: &str,
    amount: i64,
) -> Result<(), AppError> {
    let taken = sqlx::query(
        "UPDATE fund_allocations SET approved_minor = approved_minor + $1 \
         WHERE id = $2 AND approved_minor + $1 <= amount_minor",
    )
    .bind(amount)
    .bind(allocation)
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() == 1 {
        return Ok(());
    }
    let left: Option<(i64, String)> = sqlx::query_as(
        "SELECT a.amount_minor - a.approved_minor, p.currency FROM fund_allocations a \
         JOIN fund_periods p ON p.id = a.period_id WHERE a.id = $1",
    )
    .bind(allocation)
    .fetch_optional(&mut **tx)
    .await?;
    let (left, currency) = left.ok_or(AppError::NotFound)?;
    Err(AppError::Conflict(crate::t!(
        "The partner's allocation has {left} left to approve.",
        left = amount_from_cents(left, &currency)
    )))
}
