//! Server functions for funds: each finds out who calls, checks the
//! access policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{FundsView, OfferView, RequestDetail, RequestInput};
use crate::error::AppError;

/// Everything `/funds` shows the caller.
///
/// Who may call: anyone signed in; partner people see their own
/// organisation's funds only. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "funds_overview")]
pub async fn funds_overview() -> Result<FundsView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::overview(&db, &viewer, crate::auth::server::now()).await
}

/// Fund request `id` with its claim, proof and payments.
///
/// Who may call: the request's own partner and vendor staff (another
/// partner's answers `NotFound`). Errors: `Unauthenticated`, `NotFound`,
/// `Internal`.
#[server(endpoint = "funds_request")]
pub async fn fund_request(id: String) -> Result<RequestDetail, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::detail(&db, &viewer, &id, crate::auth::server::now()).await
}

/// Requests funds for an activity from one of the organisation's
/// allocations; the channel manager is told.
///
/// Who may call: partner admins. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation` (per field; another partner's allocation or campaign is
/// "choose from the list"), `Internal`.
#[server(endpoint = "funds_submit")]
pub async fn request_funds(input: RequestInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_request(&viewer)?;
    let draft = input.validate()?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let id = super::server::submit_request(
        &db,
        &viewer,
        &draft,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    leptos_axum::redirect(&format!("/funds/requests/{id}"));
    Ok(())
}

/// Answers what the reviewer asked of request `id`; it waits for review
/// again.
///
/// Who may call: the request's partner admins. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation`, `Conflict` (nothing asked),
/// `Internal`.
#[server(endpoint = "funds_answer")]
pub async fn answer_fund_request(id: String, answer: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_request(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::answer_request(
        &db,
        &viewer,
        &id,
        &answer,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Decides request `id`: `approve`, `change` (approve `amount`, less than
/// asked), `more_info` or `deny` (both with a `note`).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation`, `Conflict`
/// (decided already; the allocation cannot hold it), `Internal`.
#[server(endpoint = "funds_review")]
pub async fn review_fund_request(
    id: String,
    decision: String,
    #[server(default)] amount: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_review(&viewer)?;
    let review = super::server::check_review(&decision, &amount, &note)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::review_request(
        &db,
        &viewer,
        &id,
        &review,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}

/// Claims approved request `request` at its actual cost (proof added
/// first, before the claim's due date).
///
/// Who may call: the request's partner admins. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation`, `Conflict` (not approved,
/// claimed already, too late), `Internal`.
#[server(endpoint = "funds_claim")]
pub async fn claim_funds(
    request: String,
    actual_cost: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_request(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::submit_claim(
        &db,
        &viewer,
        &request,
        &actual_cost,
        &note,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Approves claim `claim` (`decision` `approve`, optionally a lower
/// `amount`) or returns it (`return`, with a `note`).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation`, `Conflict`
/// (decided already), `Internal`.
#[server(endpoint = "funds_review_claim")]
pub async fn review_fund_claim(
    claim: String,
    decision: String,
    #[server(default)] amount: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_review(&viewer)?;
    let approve = match decision.as_str() {
        "approve" => true,
        "return" => false,
        _ => {
            return Err(AppError::field(
                "decision",
                t!("Choose a value from the list."),
            ))
        }
    };
    let amount = match amount.trim() {
        "" => None,
        text => Some(super::parse_amount(text).ok_or_else(|| {
            AppError::field("amount", t!("Enter an amount above zero, like 12,500."))
        })?),
    };
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::review_claim(
        &db,
        &viewer,
        &claim,
        &super::server::ClaimDecision {
            approve,
            amount,
            note,
        },
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Records a payment against approved claim `claim`: `amount` (all that
/// is owed when empty) with the ERP's `reference`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound` (no approved claim), `Validation` (more than
/// owed, no reference), `Internal`.
#[server(endpoint = "funds_pay")]
pub async fn pay_fund_claim(
    claim: String,
    #[server(default)] amount: String,
    reference: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::record_payment(
        &db,
        &viewer,
        &claim,
        &amount,
        &reference,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Marks every claim in the payout file paid in full with the ERP's
/// `reference`; answers how many.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (no reference), `Internal`.
#[server(endpoint = "funds_pay_all")]
pub async fn pay_fund_claims(reference: String) -> Result<usize, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::record_payouts(
        &db,
        &viewer,
        &reference,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Opens a fund period with a budget.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (per field), `Internal`.
#[server(endpoint = "funds_period")]
pub async fn create_fund_period(
    name: String,
    starts_on: String,
    ends_on: String,
    currency: String,
    budget: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let draft = super::server::check_period(&name, &starts_on, &ends_on, &currency, &budget)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::create_period(
        &db,
        &viewer,
        &draft,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}

/// Allocates funds of `period` to one `partner` or to every live partner
/// of `tier` (an empty `amount` with a tier: the tier's MDF allotment; an
/// `accrual` percentage instead: that share of each one's won revenue in
/// the period), expiring on `expires_on`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `Conflict` (the budget cannot hold it),
/// `Internal`.
#[server(endpoint = "funds_allocate")]
pub async fn allocate_funds(
    period: String,
    #[server(default)] partner: String,
    #[server(default)] tier: String,
    #[server(default)] amount: String,
    #[server(default)] accrual: String,
    expires_on: String,
) -> Result<(), AppError> {
    use super::server::Recipients;

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let to = match (partner.trim(), tier.trim()) {
        (partner, "") if !partner.is_empty() => Recipients::Partner(partner.to_owned()),
        ("", tier) if !tier.is_empty() => Recipients::Tier(tier.to_owned()),
        _ => {
            return Err(AppError::field(
                "partner",
                t!("Choose a partner or a tier, not both."),
            ))
        }
    };
    let amount = match amount.trim() {
        "" => None,
        text => Some(super::parse_amount(text).ok_or_else(|| {
            AppError::field("amount", t!("Enter an amount above zero, like 12,500."))
        })?),
    };
    let accrual_bp = match accrual.trim() {
        "" => None,
        text => Some(
            super::parse_share(text)
                .ok_or_else(|| AppError::field("accrual", t!("Enter a share from 1 to 100 %.")))?,
        ),
    };
    if crate::format::epoch_of_date(expires_on.trim()).is_none() {
        return Err(AppError::field("expires_on", t!("Enter a date.")));
    }
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::allocate(
        &db,
        &viewer,
        &super::server::Grant {
            period,
            to,
            amount,
            accrual_bp,
            expires_on: expires_on.trim().to_owned(),
        },
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}

/// Deal `deal`'s latest cloud-marketplace private offer.
///
/// Who may call: the deal's partner and vendor staff (another partner's
/// deal answers `NotFound`). Errors: `Unauthenticated`, `NotFound`,
/// `Internal`.
#[server(endpoint = "funds_offer")]
pub async fn private_offer(deal: String) -> Result<OfferView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::offer_of(&db, &viewer, &deal).await
}

/// Asks for a private offer on `deal` through `marketplace`.
///
/// Who may call: the deal's partner people. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation`, `Conflict` (an offer is open,
/// or the deal is closed), `Internal`.
#[server(endpoint = "funds_offer_request")]
pub async fn request_private_offer(
    deal: String,
    marketplace: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_deal_registration(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::request_offer(
        &db,
        &viewer,
        &deal,
        &marketplace,
        &note,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Records the marketplace's offer on `deal` and where it stands
/// (`extended`, `accepted` — which wins the deal — or `expired`).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation`, `Conflict`
/// (no open offer), `Internal`.
#[server(endpoint = "funds_offer_record")]
pub async fn record_private_offer(
    deal: String,
    status: String,
    #[server(default)] reference: String,
    #[server(default)] amount: String,
    #[server(default)] expires_on: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_deal_review(&viewer)?;
    let status = super::OfferStatus::parse(&status)
        .filter(|s| *s != super::OfferStatus::Requested)
        .ok_or_else(|| AppError::field("status", t!("Choose a value from the list.")))?;
    let record = super::server::OfferRecord {
        status,
        reference,
        amount,
        expires_on,
    };
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::record_offer(
        &db,
        &viewer,
        &deal,
        &record,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}
