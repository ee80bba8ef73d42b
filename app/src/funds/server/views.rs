//! What the funds pages read. Every query on partner records is scoped by
//! the caller's organisation in SQL ([`tenant_scoped`]).

use crate::{
    auth::{
        policy::{authorize_fund_request, authorize_fund_review, authorize_program, tenant_scoped},
        Viewer,
    },
    db::Db,
    error::AppError,
    funds::{
        claim_due, convert, ropi_bp, Activity, AllocationRow, Balance, CampaignResults,
        ClaimDetail, ClaimRow, ClaimStatus, FundsView, PaymentRow, PeriodRow, ProofRow,
        RequestDetail, RequestRow, RequestStatus,
    },
    values::Currency,
};

fn currency(code: &str) -> Currency {
    Currency::parse(code).unwrap_or(Currency::Usd)
}

fn activity(code: &str) -> Activity {
    Activity::parse(code).unwrap_or(Activity::Event)
}

fn request_status(code: &str) -> RequestStatus {
    RequestStatus::parse(code).unwrap_or(RequestStatus::Submitted)
}

fn claim_status(code: &str) -> ClaimStatus {
    ClaimStatus::parse(code).unwrap_or(ClaimStatus::Submitted)
}

/// What a claim counts for in a balance: its approved amount once
/// approved, else what it asks (callers leave returned claims out).
pub(super) const CLAIMED: &str =
    "CASE WHEN c.status IN ('approved', 'paid') THEN c.approved_minor ELSE c.claimed_minor END";

/// A sum as a BIGINT on both databases (PostgreSQL sums into NUMERIC).
fn sum(expr: &str) -> String {
    format!("CAST(COALESCE(SUM({expr}), 0) AS BIGINT)")
}

/// `/funds` for `viewer`: a partner's allocations and requests; vendor
/// staff's periods, every allocation, the review queues and what is owed.
pub async fn overview(db: &Db, viewer: &Viewer, now: i64) -> Result<FundsView, AppError> {
    let today = crate::format::utc_date(now);
    let soon = crate::format::utc_date(now + 30 * 86_400);
    let scope = viewer.tenant_scope();
    let pending = sum("r.requested_minor");
    let claimed = sum(CLAIMED);
    let paid = sum("c.paid_minor");
    type AllocationTuple = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        i64,
        i64,
    );
    let allocations: Vec<AllocationTuple> = sqlx::query_as(&format!(
        "SELECT a.id, p.name, o.name, p.currency, a.expires_on, a.amount_minor, a.approved_minor, \
         (SELECT {pending} FROM fund_requests r WHERE r.allocation_id = a.id AND r.status IN ('submitted', 'more_info')), \
         (SELECT {claimed} FROM fund_claims c JOIN fund_requests r ON r.id = c.request_id \
          WHERE r.allocation_id = a.id AND c.status <> 'returned'), \
         (SELECT {paid} FROM fund_claims c JOIN fund_requests r ON r.id = c.request_id WHERE r.allocation_id = a.id) \
         FROM fund_allocations a JOIN fund_periods p ON p.id = a.period_id \
         JOIN organisations o ON o.id = a.organisation_id \
         WHERE {} ORDER BY a.expires_on DESC, o.name, a.id LIMIT 500",
        tenant_scoped("a.organisation_id", "$1")
    ))
    .bind(scope)
    .fetch_all(&db.pool)
    .await?;
    let allocations = allocations
        .into_iter()
        .map(
            |(
                id,
                period_name,
                organisation_name,
                code,
                expires_on,
                allocated,
                approved,
                pending,
                claimed,
                paid,
            )| {
                let balance = Balance {
                    allocated,
                    pending,
                    approved,
                    claimed,
                    paid,
                };
                let expiring = expires_on >= today
                    && expires_on <= soon
                    && (balance.available() > 0 || balance.unclaimed() > 0);
                AllocationRow {
                    id,
                    period_name,
                    organisation_name,
                    currency: currency(&code),
                    expires_on,
                    balance,
                    expiring,
                }
            },
        )
        .collect();
    let vendor = viewer.role.is_vendor();
    let order = if vendor {
        "CASE WHEN r.status = 'submitted' THEN 0 ELSE 1 END, r.sla_due_at, r.id"
    } else {
        "r.submitted_at DESC, r.id"
    };
    type RequestTuple = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        String,
        Option<String>,
        i64,
        i64,
    );
    let requests: Vec<RequestTuple> = sqlx::query_as(&format!(
        "SELECT r.id, o.name, r.title, r.activity, p.currency, r.requested_minor, r.approved_minor, \
         r.status, c.status, r.submitted_at, r.sla_due_at \
         FROM fund_requests r JOIN organisations o ON o.id = r.organisation_id \
         JOIN fund_allocations a ON a.id = r.allocation_id JOIN fund_periods p ON p.id = a.period_id \
         LEFT JOIN fund_claims c ON c.request_id = r.id \
         WHERE {} ORDER BY {order} LIMIT 200",
        tenant_scoped("r.organisation_id", "$1")
    ))
    .bind(scope)
    .fetch_all(&db.pool)
    .await?;
    let requests = requests
        .into_iter()
        .map(
            |(
                id,
                organisation_name,
                title,
                kind,
                code,
                requested,
                approved,
                status,
                claim,
                submitted_at,
                sla_due_at,
            )| RequestRow {
                id,
                organisation_name,
                title,
                activity: activity(&kind),
                currency: currency(&code),
                requested,
                approved,
                status: request_status(&status),
                claim: claim.as_deref().map(claim_status),
                submitted_at,
                sla_due_at,
            },
        )
        .collect();
    let (claims, payable) = if authorize_fund_review(viewer).is_ok() {
        (
            claims_in(db, "submitted").await?,
            claims_in(db, "approved").await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let (periods, partners, tiers) = if vendor {
        (periods(db).await?, partners(db).await?, tiers(db).await?)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let campaigns = if authorize_fund_request(viewer).is_ok() {
        sqlx::query_as(&format!(
            "SELECT c.id, c.name FROM campaigns c WHERE {} ORDER BY c.launched_at DESC, c.id LIMIT 100",
            tenant_scoped("c.organisation_id", "$1")
        ))
        .bind(scope)
        .fetch_all(&db.pool)
        .await?
    } else {
        Vec::new()
    };
    Ok(FundsView {
        may_request: authorize_fund_request(viewer).is_ok(),
        may_review: authorize_fund_review(viewer).is_ok(),
        may_manage: authorize_program(viewer).is_ok(),
        vendor,
        periods,
        allocations,
        requests,
        claims,
        payable,
        partners,
        tiers,
        campaigns,
        today,
    })
}

async fn claims_in(db: &Db, status: &str) -> Result<Vec<ClaimRow>, sqlx::Error> {
    type ClaimTuple = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        String,
        i64,
    );
    let rows: Vec<ClaimTuple> = sqlx::query_as(
        "SELECT c.id, c.request_id, o.name, r.title, p.currency, c.claimed_minor, c.approved_minor, \
         c.paid_minor, c.status, c.submitted_at \
         FROM fund_claims c JOIN organisations o ON o.id = c.organisation_id \
         JOIN fund_requests r ON r.id = c.request_id JOIN fund_allocations a ON a.id = r.allocation_id \
         JOIN fund_periods p ON p.id = a.period_id WHERE c.status = $1 \
         ORDER BY c.submitted_at, c.id LIMIT 200",
    )
    .bind(status)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                request_id,
                organisation_name,
                title,
                code,
                claimed,
                approved,
                paid,
                status,
                submitted_at,
            )| ClaimRow {
                id,
                request_id,
                organisation_name,
                title,
                currency: currency(&code),
                claimed,
                approved,
                paid,
                status: claim_status(&status),
                submitted_at,
            },
        )
        .collect())
}

async fn periods(db: &Db) -> Result<Vec<PeriodRow>, sqlx::Error> {
    type PeriodTuple = (String, String, String, String, String, i64, i64, i64, i64);
    let rows: Vec<PeriodTuple> = sqlx::query_as(&format!(
        "SELECT p.id, p.name, p.starts_on, p.ends_on, p.currency, p.budget_minor, p.allocated_minor, \
         (SELECT {} FROM fund_allocations a WHERE a.period_id = p.id), \
         (SELECT {} FROM fund_claims c JOIN fund_requests r ON r.id = c.request_id \
          JOIN fund_allocations a ON a.id = r.allocation_id WHERE a.period_id = p.id) \
         FROM fund_periods p ORDER BY p.starts_on DESC, p.id",
        sum("a.approved_minor"),
        sum("c.paid_minor")
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, starts_on, ends_on, code, budget, allocated, approved, paid)| PeriodRow {
                id,
                name,
                starts_on,
                ends_on,
                currency: currency(&code),
                budget,
                allocated,
                approved,
                paid,
            },
        )
        .collect())
}

async fn partners(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name FROM organisations WHERE kind = 'partner' \
         AND status IN ('active', 'at_risk', 'onboarding') ORDER BY name, id",
    )
    .fetch_all(&db.pool)
    .await
}

async fn tiers(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM tiers ORDER BY rank, id")
        .fetch_all(&db.pool)
        .await
}

/// Fund request `id` with its claim, proof and payments; `NotFound` for
/// another partner's.
pub async fn detail(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<RequestDetail, AppError> {
    type Head = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        i64,
        i64,
        i64,
        i64,
    );
    let head: Option<Head> = sqlx::query_as(&format!(
        "SELECT o.name, p.name, r.title, r.activity, r.description, r.campaign_id, c.name, p.currency, \
         r.planned_cost_minor, r.share_bp, r.requested_minor, r.approved_minor \
         FROM fund_requests r JOIN organisations o ON o.id = r.organisation_id \
         JOIN fund_allocations a ON a.id = r.allocation_id JOIN fund_periods p ON p.id = a.period_id \
         LEFT JOIN campaigns c ON c.id = r.campaign_id \
         WHERE r.id = $1 AND {}",
        tenant_scoped("r.organisation_id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    let (
        organisation_name,
        period_name,
        title,
        kind,
        description,
        campaign_id,
        campaign_name,
        code,
        planned_cost,
        share_bp,
        requested,
        approved,
    ) = head.ok_or(AppError::NotFound)?;
    type Tail = (
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        i64,
        i64,
        i64,
    );
    let (expected_leads, expected_pipeline, starts_on, ends_on, status, review_note, reviewer, submitted_at, sla_due_at, claim_days): Tail =
        sqlx::query_as(
            "SELECT r.expected_leads, r.expected_pipeline_minor, r.starts_on, r.ends_on, r.status, r.review_note, \
             COALESCE(d.name, m.name), r.submitted_at, r.sla_due_at, s.fund_claim_days \
             FROM fund_requests r JOIN organisations o ON o.id = r.organisation_id \
             LEFT JOIN people d ON d.id = r.reviewed_by LEFT JOIN people m ON m.id = o.channel_manager_id \
             JOIN program_settings s ON s.id = 1 WHERE r.id = $1",
        )
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    type ClaimTuple = (String, i64, i64, i64, i64, String, String, Option<String>);
    let claim: Option<ClaimTuple> = sqlx::query_as(
        "SELECT id, actual_cost_minor, claimed_minor, approved_minor, paid_minor, note, status, review_note \
         FROM fund_claims WHERE request_id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let claim = claim.map(
        |(id, actual_cost, claimed, approved, paid, note, status, review_note)| ClaimDetail {
            id,
            actual_cost,
            claimed,
            approved,
            paid,
            note,
            status: claim_status(&status),
            review_note,
        },
    );
    let proofs: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, name, size, created_at FROM fund_proofs WHERE request_id = $1 ORDER BY created_at, id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let payments: Vec<(i64, String, i64)> = match &claim {
        Some(c) => sqlx::query_as(
            "SELECT amount_minor, reference, paid_at FROM fund_payments WHERE claim_id = $1 ORDER BY paid_at, id",
        )
        .bind(&c.id)
        .fetch_all(&db.pool)
        .await?,
        None => Vec::new(),
    };
    let results = match &campaign_id {
        Some(campaign) => {
            let paid_for = match &claim {
                Some(c) if matches!(c.status, ClaimStatus::Approved | ClaimStatus::Paid) => {
                    c.approved
                }
                _ => approved,
            };
            Some(results(db, campaign, currency(&code), paid_for).await?)
        }
        None => None,
    };
    let status = request_status(&status);
    let claim_due_on = claim_due(&ends_on, claim_days).unwrap_or_default();
    let claim_state = claim.as_ref().map(|c| c.status);
    let partner = authorize_fund_request(viewer).is_ok();
    let reviews = authorize_fund_review(viewer).is_ok();
    Ok(RequestDetail {
        id: id.to_owned(),
        organisation_name,
        period_name,
        title,
        activity: activity(&kind),
        description,
        campaign: campaign_id.zip(campaign_name),
        currency: currency(&code),
        planned_cost,
        share_bp,
        requested,
        approved,
        expected_leads,
        expected_pipeline,
        starts_on,
        ends_on,
        may_answer: partner && status == RequestStatus::MoreInfo,
        may_add_proof: partner
            && status == RequestStatus::Approved
            && !matches!(claim_state, Some(ClaimStatus::Approved | ClaimStatus::Paid)),
        may_claim: partner
            && status == RequestStatus::Approved
            && matches!(claim_state, None | Some(ClaimStatus::Returned))
            && crate::format::utc_date(now) <= claim_due_on,
        may_review: reviews && status == RequestStatus::Submitted,
        may_review_claim: reviews && claim_state == Some(ClaimStatus::Submitted),
        may_pay: authorize_program(viewer).is_ok() && claim_state == Some(ClaimStatus::Approved),
        status,
        review_note,
        reviewer,
        submitted_at,
        sla_due_at,
        claim_due_on,
        claim,
        results,
        proofs: proofs
            .into_iter()
            .map(|(id, name, size, uploaded_at)| ProofRow {
                id,
                name,
                size,
                uploaded_at,
            })
            .collect(),
        payments: payments
            .into_iter()
            .map(|(amount, reference, paid_at)| PaymentRow {
                amount,
                reference,
                paid_at,
            })
            .collect(),
    })
}

/// What campaign `campaign` brought: its page and email figures, its
/// leads, the registrations made from them (open or won) and the revenue
/// won, in `currency`; the return on `cost`.
async fn results(
    db: &Db,
    campaign: &str,
    currency: Currency,
    cost: i64,
) -> Result<CampaignResults, sqlx::Error> {
    let (views, fills, sends): (i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT {}, {}, {} FROM campaign_daily WHERE campaign_id = $1",
        sum("views"),
        sum("fills"),
        sum("sends")
    ))
    .bind(campaign)
    .fetch_one(&db.pool)
    .await?;
    let leads: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leads WHERE campaign_id = $1")
        .bind(campaign)
        .fetch_one(&db.pool)
        .await?;
    let deals: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT d.value_cents, d.currency, d.status FROM deals d JOIN leads l ON l.deal_id = d.id \
         WHERE l.campaign_id = $1 AND d.status IN ('submitted', 'more_info', 'approved', 'won')",
    )
    .bind(campaign)
    .fetch_all(&db.pool)
    .await?;
    let in_currency = |value: i64, code: &str| {
        Currency::parse(code).map_or(0, |from| convert(value, from, currency))
    };
    let pipeline = deals.iter().map(|(v, c, _)| in_currency(*v, c)).sum();
    let won = deals
        .iter()
        .filter(|(_, _, status)| status == "won")
        .map(|(v, c, _)| in_currency(*v, c))
        .sum();
    Ok(CampaignResults {
        views,
        fills,
        sends,
        leads,
        deals: deals.len() as i64,
        pipeline,
        won,
        cost,
        ropi_bp: ropi_bp(won, cost),
    })
}
