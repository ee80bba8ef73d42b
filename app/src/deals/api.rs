//! Server functions for deal registration.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ConflictKind, DealStatus, Finding, PartnerRole};
use crate::error::AppError;

/// A registration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealSummary {
    pub id: String,
    pub reference: String,
    pub customer_company: String,
    pub organisation_name: String,
    pub status: DealStatus,
    pub value_cents: i64,
    pub currency: String,
    pub expected_close: String,
    pub conflict: Option<ConflictKind>,
    pub submitted_at: Option<i64>,
    pub sla_due_at: Option<i64>,
    pub protected_until: Option<i64>,
    /// A pending extension request's reason.
    pub extension_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealList {
    pub deals: Vec<DealSummary>,
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
}

/// One status change on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DealEvent {
    pub at: i64,
    pub actor: Option<String>,
    pub from_status: Option<String>,
    pub to_status: String,
    pub note: Option<String>,
}

/// For vendor staff only: what a registration collides with, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictEvidence {
    /// The other registration (`None` for a direct account).
    pub deal_id: Option<String>,
    /// Its reference, or the direct account's name.
    pub reference: String,
    pub holder: String,
    pub status: Option<DealStatus>,
    pub protected_until: Option<i64>,
    /// Which normalised key matched, and how closely.
    pub matched: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealView {
    pub summary: DealSummary,
    pub customer_domain: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub country: String,
    pub products: String,
    pub partner_role: Option<PartnerRole>,
    pub notes: Option<String>,
    pub registered_by: String,
    pub events: Vec<DealEvent>,
    /// The viewer may approve, reject or ask for more.
    pub can_review: bool,
    /// The viewer may mark it won or lost.
    pub can_close: bool,
    /// The viewer may ask for longer protection.
    pub can_request_extension: bool,
    /// The viewer may grant or refuse the pending extension request.
    pub can_decide_extension: bool,
    /// The viewer may answer the channel manager's question.
    pub can_respond: bool,
    /// Collisions with other registrations; filled for vendor staff only
    /// (callers without a tenant scope).
    pub conflicts: Vec<ConflictEvidence>,
    /// The viewer's organisation co-sells this deal (it did not register
    /// it): contact, notes and timeline notes are left out.
    pub shared: bool,
    pub co_sellers: Vec<super::cosell::CoSeller>,
    pub touchpoints: Vec<super::cosell::Touchpoint>,
    /// For vendor staff: partners that could be added as co-sellers.
    pub addable: Vec<String>,
    /// The viewer may add a co-selling partner.
    pub can_add_co_seller: bool,
    /// The viewer may record a touchpoint of their organisation.
    pub can_record_touchpoint: bool,
}

/// Checks a customer as the partner types: what stands in the way, never
/// who.
///
/// Who may call: any signed-in person (for their own organisation).
/// Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "check_deal_conflict")]
pub async fn check_deal_conflict(
    customer_company: String,
    customer_domain: String,
) -> Result<Vec<Finding>, AppError> {
    use super::matching::{company_key, domain_key};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let key = company_key(&customer_company);
    let domain = domain_key(&customer_domain);
    let mut conn = db.pool.acquire().await?;
    Ok(super::server::findings(
        &mut conn,
        &viewer.organisation_id,
        &key,
        domain.as_deref(),
        None,
    )
    .await?)
}

/// Registers a deal for the caller's organisation and opens it. The form's
/// fields are named `deal[customer_company]` and so on.
///
/// Who may call: partner admins and partner users. Errors:
/// `Unauthenticated`, `Forbidden` (vendor staff), `Validation` (per field),
/// `Internal`.
#[server(endpoint = "register_deal")]
pub async fn register_deal(deal: super::DealInput) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_registration, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_registration(&viewer)?;
    let today = crate::format::utc_date(auth::now());
    let deal = deal.validate(&today)?;
    let ip = auth::RequestInfo::current().ip;
    let registered = super::server::register(&db, &viewer, &deal, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/deals/{}", registered.id));
    Ok(())
}

/// Registrations, newest first, 25 a page: a partner's own organisation's,
/// or every partner's for vendor staff. `search` matches the customer or
/// the reference; `status` is a status code or empty.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`,
/// `Internal`.
#[server(endpoint = "list_deals")]
pub async fn list_deals(search: String, status: String, page: i64) -> Result<DealList, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::check_search(&search)?;
    let status = DealStatus::parse(status.trim());
    Ok(super::server::list(
        &db,
        viewer.tenant_scope(),
        search.trim(),
        status,
        page.max(1),
    )
    .await?)
}

/// One registration with its timeline.
///
/// Who may call: partner people for their own organisation's (another
/// partner's answers `NotFound`), vendor staff for any. Errors:
/// `Unauthenticated`, `NotFound`, `Internal`.
#[server(endpoint = "deal_detail")]
pub async fn deal_detail(id: String) -> Result<DealView, AppError> {
    use crate::auth::policy::authorize_deal_review;

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let mut detail = super::server::detail(&db, &id, viewer.tenant_scope())
        .await?
        .ok_or(AppError::NotFound)?;
    detail.can_review =
        authorize_deal_review(&viewer).is_ok() && detail.summary.status.awaits_decision();
    // Only the registering partner acts for the registration.
    let registrant = !viewer.role.is_vendor() && !detail.shared;
    detail.can_request_extension = detail.summary.status == DealStatus::Approved
        && detail.summary.extension_reason.is_none()
        && registrant;
    detail.can_respond = detail.summary.status == DealStatus::MoreInfo && registrant;
    let worked = detail.summary.status.is_open() || detail.summary.status == DealStatus::Won;
    detail.can_add_co_seller = worked && authorize_deal_review(&viewer).is_ok();
    detail.can_record_touchpoint = worked && !viewer.role.is_vendor();
    detail.can_decide_extension = detail.summary.extension_reason.is_some()
        && detail.summary.status == DealStatus::Approved
        && authorize_deal_review(&viewer).is_ok();
    detail.can_close = detail.summary.status == DealStatus::Approved
        && (registrant || authorize_deal_review(&viewer).is_ok());
    Ok(detail)
}

/// Registrations waiting for a decision, the most urgent (SLA) first.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "review_queue")]
pub async fn review_queue() -> Result<Vec<DealSummary>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_deal_review(&viewer)?;
    Ok(super::server::queue(&db).await?)
}

/// Approves, rejects (reason required) or asks for more information
/// (question required).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (no reason,
/// already decided, customer held by another open registration),
/// `Internal`.
#[server(endpoint = "decide_deal")]
pub async fn decide_deal(id: String, decision: String, reason: String) -> Result<(), AppError> {
    use super::server::Decision;
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let decision = Decision::parse(&decision)
        .ok_or_else(|| AppError::field("decision", "Choose approve, reject or ask for more."))?;
    let reason = super::optional_reason(&reason)?;
    if decision != Decision::Approve && reason.is_none() {
        return Err(AppError::field(
            "reason",
            "Say why, so the partner knows what to do next.",
        ));
    }
    let ip = auth::RequestInfo::current().ip;
    super::server::decide(&db, &viewer, &id, decision, reason, ip.as_deref()).await?;
    Ok(())
}

/// Marks an approved registration won or lost (`outcome`: `won` / `lost`);
/// the customer is free again.
///
/// Who may call: the registering partner's people, the program admin and
/// channel managers. Another partner's registration answers `NotFound`.
/// Errors: `Unauthenticated`, `Forbidden` (marketers), `NotFound`,
/// `Validation` (not approved, unknown outcome), `Internal`.
#[server(endpoint = "close_deal")]
pub async fn close_deal(id: String, outcome: String) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    if viewer.role.is_vendor() {
        authorize_deal_review(&viewer)?;
    }
    let won = match outcome.as_str() {
        "won" => true,
        "lost" => false,
        _ => return Err(AppError::field("outcome", "Choose won or lost.")),
    };
    let ip = auth::RequestInfo::current().ip;
    super::server::close(&db, &viewer, &id, won, ip.as_deref()).await
}

/// Asks for longer protection on an approved registration (reason needed).
///
/// Who may call: the registering partner's people; another partner's
/// registration answers `NotFound`. Errors: `Unauthenticated`, `Forbidden`
/// (vendor staff), `NotFound`, `Validation`, `Internal`.
#[server(endpoint = "request_extension")]
pub async fn request_extension(id: String, reason: String) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_registration, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_registration(&viewer)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::field(
            "reason",
            "Say why the deal needs more time (up to 1,000 characters).",
        ));
    }
    let ip = auth::RequestInfo::current().ip;
    super::server::request_extension(&db, &viewer, &id, reason, ip.as_deref()).await
}

/// Grants or refuses a pending extension request (`decision`: `grant` /
/// `refuse`; a reason is needed to refuse).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation`, `Internal`.
#[server(endpoint = "decide_extension")]
pub async fn decide_extension(
    id: String,
    decision: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let reason = super::optional_reason(&reason)?;
    let grant = match decision.as_str() {
        "grant" => true,
        "refuse" if reason.is_some() => false,
        "refuse" => {
            return Err(AppError::field(
                "reason",
                "Say why, so the partner knows what to do next.",
            ))
        }
        _ => return Err(AppError::field("decision", "Choose grant or refuse.")),
    };
    let ip = auth::RequestInfo::current().ip;
    super::server::decide_extension(&db, &viewer, &id, grant, reason, ip.as_deref()).await
}

/// Answers the channel manager's "more information" request; the
/// registration returns to the approval queue with a fresh SLA.
///
/// Who may call: the registering partner's people; another partner's
/// registration answers `NotFound`. Errors: `Unauthenticated`, `Forbidden`
/// (vendor staff), `NotFound`, `Validation`, `Internal`.
#[server(endpoint = "respond_to_deal")]
pub async fn respond_to_deal(id: String, answer: String) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_registration, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_registration(&viewer)?;
    let answer = answer.trim();
    if answer.is_empty() || answer.chars().count() > 2000 {
        return Err(AppError::field(
            "answer",
            "Write your answer (up to 2,000 characters).",
        ));
    }
    let ip = auth::RequestInfo::current().ip;
    super::server::respond(&db, &viewer, &id, answer, ip.as_deref()).await
}
