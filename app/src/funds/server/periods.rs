//! The program admin's side: fund periods with a budget, and allocations
//! to partners (one partner, or every live partner of a tier at once).

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_program, Viewer},
    db::Db,
    error::AppError,
    format::{amount_from_cents, epoch_of_date},
    funds::parse_amount,
    values::Currency,
};

use super::ledger::take_from_budget;

/// A new fund period, checked.
pub struct PeriodDraft {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub currency: Currency,
    pub budget_minor: i64,
}

/// Checks a period as typed, every field at once.
pub fn check_period(
    name: &str,
    starts_on: &str,
    ends_on: &str,
    currency: &str,
    budget: &str,
) -> Result<PeriodDraft, AppError> {
    let mut errors: Vec<(&str, &str)> = Vec::new();
    let name = name.trim();
    if name.chars().count() < 2 || name.chars().count() > 60 {
        errors.push(("name", crate::t!("Enter a name of 2 to 60 characters.")));
    }
    let (starts, ends) = (starts_on.trim(), ends_on.trim());
    let dates = epoch_of_date(starts).zip(epoch_of_date(ends));
    if epoch_of_date(starts).is_none() {
        errors.push(("starts_on", crate::t!("Enter a date.")));
    }
    if epoch_of_date(ends).is_none() {
        errors.push(("ends_on", crate::t!("Enter a date.")));
    }
    if dates.is_some_and(|(s, e)| e <= s) {
        errors.push(("ends_on", crate::t!("The period must end after it starts.")));
    }
    let currency_parsed = Currency::parse(currency);
    if currency_parsed.is_none() {
        errors.push(("currency", crate::t!("Choose a value from the list.")));
    }
    let budget = parse_amount(budget);
    if budget.is_none() {
        errors.push((
            "budget",
            crate::t!("Enter an amount above zero, like 12,500."),
        ));
    }
    match (currency_parsed, budget) {
        (Some(currency), Some(budget_minor)) if errors.is_empty() => Ok(PeriodDraft {
            name: name.to_owned(),
            starts_on: starts.to_owned(),
            ends_on: ends.to_owned(),
            currency,
            budget_minor,
        }),
        _ => Err(AppError::fields(errors)),
    }
}

/// Opens fund period `draft`; answers its id.
pub async fn create_period(
    db: &Db,
    viewer: &Viewer,
    draft: &PeriodDraft,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_program(viewer)?;
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO fund_periods (id, name, starts_on, ends_on, currency, budget_minor, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&draft.name)
    .bind(&draft.starts_on)
    .bind(&draft.ends_on)
    .bind(draft.currency.code())
    .bind(draft.budget_minor)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "fund_period.created",
        record_type: "fund_period",
        record_id: Some(&id),
        detail: Some(&format!(
            "{}: {}",
            draft.name,
            amount_from_cents(draft.budget_minor, draft.currency.code())
        )),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Whom an allocation goes to.
pub enum Recipients {
    Partner(String),
    /// Every live partner of a tier.
    Tier(String),
}

/// What the program admin gives: `amount` of period `period` to each of
/// `to`, to request by `expires_on` (ISO).
pub struct Grant {
    pub period: String,
    pub to: Recipients,
    pub amount: Option<i64>,
    /// Instead of an amount: this share (basis points) of each partner's
    /// revenue won in the period, recomputed as deals close.
    pub accrual_bp: Option<i64>,
    pub expires_on: String,
}

/// Allocates `grant`: for a tier without an amount, the tier's MDF
/// allotment (a tier benefit, in US dollars) in the period's currency at
/// the reference rate; with an accrual, an allocation that grows with the
/// partner's won revenue. A partner with an allocation in the period gets
/// it topped up (a fixed one; a partner has one kind per period). All or nothing: when the budget cannot hold every one,
/// nothing is allocated. Each partner's admins are told. Answers how many
/// partners received funds.
pub async fn allocate(
    db: &Db,
    viewer: &Viewer,
    grant: &Grant,
    now: i64,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    authorize_program(viewer)?;
    let (period, to, amount, expires_on) = (
        grant.period.as_str(),
        &grant.to,
        grant.amount,
        grant.expires_on.as_str(),
    );
    let found: Option<(String, String, String)> =
        sqlx::query_as("SELECT name, currency, ends_on FROM fund_periods WHERE id = $1")
            .bind(period)
            .fetch_optional(&db.pool)
            .await?;
    let (period_name, currency, _) = found
        .ok_or_else(|| AppError::field("period", crate::t!("Choose a value from the list.")))?;
    let partners: Vec<(String, String)> = match to {
        Recipients::Partner(id) => {
            sqlx::query_as(
                "SELECT id, name FROM organisations WHERE id = $1 AND kind = 'partner' \
             AND status IN ('active', 'at_risk', 'onboarding')",
            )
            .bind(id)
            .fetch_all(&db.pool)
            .await?
        }
        Recipients::Tier(tier) => {
            sqlx::query_as(
                "SELECT id, name FROM organisations WHERE tier_id = $1 AND kind = 'partner' \
             AND status IN ('active', 'at_risk') ORDER BY name, id",
            )
            .bind(tier)
            .fetch_all(&db.pool)
            .await?
        }
    };
    if partners.is_empty() {
        let field = match to {
            Recipients::Partner(_) => "partner",
            Recipients::Tier(_) => "tier",
        };
        return Err(AppError::field(
            field,
            crate::t!("Choose a value from the list."),
        ));
    }
    let amount = match (amount, to) {
        (Some(_), _) if grant.accrual_bp.is_some() => {
            return Err(AppError::field(
                "accrual",
                crate::t!("Give an amount or a share of won revenue, not both."),
            ))
        }
        (None, _) if grant.accrual_bp.is_some() => 0,
        (Some(amount), _) => amount,
        (None, Recipients::Tier(tier)) => {
            let usd_cents: i64 =
                sqlx::query_scalar("SELECT mdf_allotment_cents FROM tiers WHERE id = $1")
                    .bind(tier)
                    .fetch_one(&db.pool)
                    .await?;
            let rate = Currency::parse(&currency).map_or(1_000_000, |c| c.usd_rate_ppm());
            (i128::from(usd_cents) * 1_000_000 / i128::from(rate)) as i64
        }
        (None, Recipients::Partner(_)) => 0,
    };
    if amount <= 0 && grant.accrual_bp.is_none() {
        return Err(AppError::field(
            "amount",
            crate::t!("Enter an amount above zero, like 12,500."),
        ));
    }
    let total = amount.checked_mul(partners.len() as i64).ok_or_else(|| {
        AppError::field(
            "amount",
            crate::t!("Enter an amount above zero, like 12,500."),
        )
    })?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    if total > 0 {
        take_from_budget(&mut tx, period, total).await?;
    }
    let shown = match grant.accrual_bp {
        Some(bp) => crate::t!(
            "{share} of your won revenue",
            share = crate::format::percent_from_bp(bp)
        ),
        None => amount_from_cents(amount, &currency),
    };
    for (organisation, name) in &partners {
        let kind: Option<String> = sqlx::query_scalar(
            "SELECT kind FROM fund_allocations WHERE period_id = $1 AND organisation_id = $2",
        )
        .bind(period)
        .bind(organisation)
        .fetch_optional(&mut *tx)
        .await?;
        match (kind.as_deref(), grant.accrual_bp) {
            (Some("fixed"), None) => {
                sqlx::query(
                    "UPDATE fund_allocations SET amount_minor = amount_minor + $1, expires_on = $2 \
                     WHERE period_id = $3 AND organisation_id = $4",
                )
                .bind(amount)
                .bind(expires_on)
                .bind(period)
                .bind(organisation)
                .execute(&mut *tx)
                .await?;
            }
            (None, accrual) => {
                sqlx::query(
                    "INSERT INTO fund_allocations (id, period_id, organisation_id, amount_minor, expires_on, \
                     kind, accrual_bp, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(period)
                .bind(organisation)
                .bind(amount)
                .bind(expires_on)
                .bind(if accrual.is_some() { "accrued" } else { "fixed" })
                .bind(accrual)
                .bind(&viewer.person_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            _ => {
                return Err(AppError::Conflict(crate::t!(
                    "{name} already has funds of another kind in this period.",
                    name = name
                )))
            }
        }
        tx.audit(Entry {
            organisation_id: Some(organisation),
            action: "fund_allocation.granted",
            record_type: "fund_period",
            record_id: Some(period),
            detail: Some(&format!("{name}: {shown}")),
        })
        .await?;
        for (email, _) in tx.partner_admins(organisation).await? {
            let (shown, period_name, expires_on) =
                (shown.clone(), period_name.clone(), expires_on.to_owned());
            tx.notify(&email, "/funds", |l| {
                (
                    crate::t!(in l, "Marketing funds for you: {amount}", amount = shown),
                    crate::t!(
                        in l,
                        "{amount} of marketing development funds from {period}, to request for activities until {date}.",
                        amount = shown,
                        period = period_name,
                        date = crate::format::iso_day(&expires_on)
                    ),
                )
            })
            .await?;
        }
    }
    tx.commit().await?;
    if grant.accrual_bp.is_some() {
        for (organisation, _) in &partners {
            super::accrue(db, Some(organisation)).await?;
        }
    }
    Ok(partners.len())
}
