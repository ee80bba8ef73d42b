//! The earnings statement: the programs' rules, the caller's lines (a
//! partner's own; vendor staff's every partner's), totals this quarter
//! and year, and what the next tier would pay.

use crate::{
    auth::{
        policy::{
            authorize_deal_registration, authorize_fund_review, authorize_program, tenant_scoped,
        },
        Viewer,
    },
    db::Db,
    error::AppError,
    format::{epoch_of_date, utc_date},
    funds::convert,
    incentives::{
        EarningLine, EarningStatus, EarningsView, IncentiveKind, NextTier, ProgramRow, Rule, Totals,
    },
    values::Currency,
};

use super::compute::{programs, won_between};

#[derive(sqlx::FromRow)]
struct LineRow {
    id: String,
    organisation_name: String,
    deal_id: String,
    deal_reference: String,
    customer: String,
    program: String,
    kind: String,
    rate_bp: Option<i64>,
    amount_minor: Option<i64>,
    currency: String,
    tier: Option<String>,
    product: Option<String>,
    base: i64,
    amount: i64,
    status: String,
    earned_at: i64,
    question: Option<String>,
    answer: Option<String>,
}

/// The first day (ISO) of the quarter and of the year holding `now`.
fn quarter_and_year(now: i64) -> (String, String) {
    let today = utc_date(now);
    let (year, month) = (&today[..4], today[5..7].parse::<u32>().unwrap_or(1));
    (
        format!("{year}-{:02}-01", (month - 1) / 3 * 3 + 1),
        format!("{year}-01-01"),
    )
}

pub async fn view(db: &Db, viewer: &Viewer, now: i64) -> Result<EarningsView, AppError> {
    let programs = programs(db).await?;
    let rows: Vec<LineRow> = sqlx::query_as(&format!(
        "SELECT e.id, o.name AS organisation_name, e.deal_id, d.reference AS deal_reference, \
         d.customer_company AS customer, p.name AS program, p.kind, p.rate_bp, p.amount_minor, p.currency, \
         t.name AS tier, p.product, e.base_minor AS base, e.amount_minor AS amount, e.status, e.earned_at, \
         e.question, e.answer FROM earnings e JOIN organisations o ON o.id = e.organisation_id \
         JOIN deals d ON d.id = e.deal_id JOIN incentive_programs p ON p.id = e.program_id \
         LEFT JOIN tiers t ON t.id = p.tier_id WHERE {} ORDER BY e.earned_at DESC, e.id LIMIT 500",
        tenant_scoped("e.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .fetch_all(&db.pool)
    .await?;
    let lines: Vec<EarningLine> = rows
        .into_iter()
        .filter_map(|r| {
            let rule = Rule {
                kind: IncentiveKind::parse(&r.kind)?,
                rate_bp: r.rate_bp,
                amount_minor: r.amount_minor,
                currency: Currency::parse(&r.currency)?,
                tier: r.tier,
                product: r.product,
            };
            Some(EarningLine {
                id: r.id,
                organisation_name: r.organisation_name,
                deal_id: r.deal_id,
                deal_reference: r.deal_reference,
                customer: r.customer,
                program: r.program,
                rule: rule.sentence_in(crate::i18n::Locale::current()),
                currency: rule.currency,
                base: r.base,
                amount: r.amount,
                status: EarningStatus::parse(&r.status)?,
                earned_at: r.earned_at,
                question: r.question,
                answer: r.answer,
            })
        })
        .collect();
    let (quarter, year) = quarter_and_year(now);
    let (quarter_at, year_at) = (
        epoch_of_date(&quarter).unwrap_or(0),
        epoch_of_date(&year).unwrap_or(0),
    );
    let mut totals: Vec<Totals> = Vec::new();
    for line in &lines {
        let index = match totals.iter().position(|t| t.currency == line.currency) {
            Some(i) => i,
            None => {
                totals.push(Totals {
                    currency: line.currency,
                    quarter: 0,
                    year: 0,
                    paid: 0,
                });
                totals.len() - 1
            }
        };
        let t = &mut totals[index];
        if line.earned_at >= year_at {
            t.year += line.amount;
            if line.status == EarningStatus::Paid {
                t.paid += line.amount;
            }
        }
        if line.earned_at >= quarter_at {
            t.quarter += line.amount;
        }
    }
    let next_tier = if viewer.role.is_vendor() {
        None
    } else {
        next_tier(db, viewer, &programs, &year, now).await?
    };
    let route = if viewer.role.is_vendor() {
        Some(crate::funds::server::revenue_by_route(db, year_at).await?)
    } else {
        None
    };
    let tiers = if authorize_program(viewer).is_ok() {
        sqlx::query_as("SELECT id, name FROM tiers ORDER BY rank, id")
            .fetch_all(&db.pool)
            .await?
    } else {
        Vec::new()
    };
    Ok(EarningsView {
        vendor: viewer.role.is_vendor(),
        may_manage: authorize_program(viewer).is_ok(),
        may_approve: authorize_fund_review(viewer).is_ok(),
        may_question: authorize_deal_registration(viewer).is_ok(),
        programs: programs
            .into_iter()
            .map(|(id, name, rule, starts_on, ends_on)| ProgramRow {
                id,
                name,
                kind: rule.kind,
                rule: rule.sentence_in(crate::i18n::Locale::current()),
                starts_on,
                ends_on,
            })
            .collect(),
        lines,
        totals,
        next_tier,
        route,
        tiers,
        today: utc_date(now),
    })
}

/// What the caller's deals won this year would earn under the programs
/// of the tier above theirs.
async fn next_tier(
    db: &Db,
    viewer: &Viewer,
    programs: &[(String, String, Rule, String, String)],
    year: &str,
    now: i64,
) -> Result<Option<NextTier>, AppError> {
    let next: Option<String> = sqlx::query_scalar(
        "SELECT n.name FROM organisations o JOIN tiers c ON c.id = o.tier_id \
         JOIN tiers n ON n.rank > c.rank WHERE o.id = $1 ORDER BY n.rank LIMIT 1",
    )
    .bind(&viewer.organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(next) = next else {
        return Ok(None);
    };
    let mut conn = db.reader().await?;
    let won = won_between(
        &mut conn,
        year,
        &utc_date(now),
        Some(&viewer.organisation_id),
    )
    .await?;
    let mut more: Vec<(Currency, i64)> = Vec::new();
    for (_, _, rule, starts, ends) in programs {
        if rule.tier.as_deref() != Some(next.as_str()) {
            continue;
        }
        for (_, partner, role, products, value, code, _, won_at) in &won {
            let day = utc_date(*won_at);
            if partner != &viewer.organisation_id || day < *starts || day > *ends {
                continue;
            }
            if !rule.qualifies(role, products, Some(&next)) {
                continue;
            }
            let base = Currency::parse(code).map_or(0, |c| convert(*value, c, rule.currency));
            let amount = rule.earn(base);
            match more.iter_mut().find(|(c, _)| *c == rule.currency) {
                Some((_, total)) => *total += amount,
                None => more.push((rule.currency, amount)),
            }
        }
    }
    more.retain(|(_, amount)| *amount > 0);
    Ok((!more.is_empty()).then_some(NextTier { tier: next, more }))
}
