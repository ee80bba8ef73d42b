//! Server functions for deal registration: each finds out who calls, checks
//! the access policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{DealList, DealSummary, DealView, DirectAccount, Finding, Rules};
use crate::error::AppError;

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
    use crate::values::{company_key, domain_key};

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
    let status = super::DealStatus::parse(status.trim());
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
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::detail(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
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
    use super::Decision;
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let decision = Decision::parse(&decision).ok_or_else(|| {
        AppError::field("decision", t!("Choose approve, reject or ask for more."))
    })?;
    let reason = super::optional_reason(&reason)?;
    if decision != Decision::Approve && reason.is_none() {
        return Err(AppError::field(
            "reason",
            t!("Say why, so the partner knows what to do next."),
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
        _ => return Err(AppError::field("outcome", t!("Choose won or lost."))),
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
            t!("Say why the deal needs more time (up to 1,000 characters)."),
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
                t!("Say why, so the partner knows what to do next."),
            ))
        }
        _ => return Err(AppError::field("decision", t!("Choose grant or refuse."))),
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
            t!("Write your answer (up to 2,000 characters)."),
        ));
    }
    let ip = auth::RequestInfo::current().ip;
    super::server::respond(&db, &viewer, &id, answer, ip.as_deref()).await
}

/// Adds a partner organisation (by its name) to a registration as a
/// co-selling partner with `role`; its partner admins are told.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (`organisation`:
/// unknown, the registering partner or already on it; `role`; `id`: a
/// closed registration), `Internal`.
#[server(endpoint = "add_co_seller")]
pub async fn add_co_seller(id: String, organisation: String, role: String) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let role = super::PartnerRole::parse(role.trim())
        .ok_or_else(|| AppError::field("role", t!("Choose the partner's role.")))?;
    let organisation = organisation.trim();
    if organisation.is_empty() {
        return Err(AppError::field(
            "organisation",
            t!("Enter the partner's name."),
        ));
    }
    let ip = auth::RequestInfo::current().ip;
    super::server::add_co_seller(&db, &viewer, &id, organisation, role, ip.as_deref()).await
}

/// Records a touchpoint of the caller's organisation on a registration it
/// registered or co-sells.
///
/// Who may call: partner admins and partner users on the deal (another
/// partner's registration answers `NotFound`). Errors: `Unauthenticated`,
/// `Forbidden` (vendor staff), `NotFound`, `Validation` (per field; `kind`
/// also for a rejected or expired registration), `Internal`.
#[server(endpoint = "record_touchpoint")]
pub async fn record_touchpoint(
    id: String,
    kind: String,
    happened_on: String,
    note: String,
) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_registration, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_registration(&viewer)?;
    let touchpoint = super::cosell::validate_touchpoint(&kind, &happened_on, &note, auth::now())?;
    let ip = auth::RequestInfo::current().ip;
    super::server::record_touchpoint(&db, &viewer, &id, &touchpoint, ip.as_deref()).await
}

/// The vendor's named direct accounts, alphabetically (matching `search`).
///
/// Who may call: vendor staff (partners must not see the vendor's account
/// list). Errors: `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "direct_accounts")]
pub async fn direct_accounts(search: String) -> Result<Vec<DirectAccount>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    if !viewer.role.is_vendor() {
        return Err(AppError::Forbidden);
    }
    super::check_search(&search)?;
    Ok(super::server::direct_accounts(&db, &search).await?)
}

/// Adds direct accounts: one (`company`, `domain`) or many (`csv`, pasted
/// "company,domain" lines). All or nothing.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation` (every bad line named),
/// `Internal`.
#[server(endpoint = "add_direct_accounts")]
pub async fn add_direct_accounts(
    company: String,
    domain: String,
    csv: String,
) -> Result<usize, AppError> {
    use super::program::{parse_account, parse_csv};
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let accounts = if csv.trim().is_empty() {
        vec![parse_account(&company, &domain)
            .map_err(|why| AppError::field("company", &t!("Cannot add it: {why}.", why = why)))?]
    } else {
        parse_csv(&csv).map_err(|errors| {
            AppError::field(
                "csv",
                &t!("Nothing imported. Fix {lines}.", lines = errors.join("; ")),
            )
        })?
    };
    let ip = auth::RequestInfo::current().ip;
    super::server::add_direct_accounts(&db, &viewer, &accounts, ip.as_deref()).await
}

/// The rules of engagement: matching, protection, SLA and disputes.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`,
/// `Internal`.
#[server(endpoint = "rules_of_engagement")]
pub async fn rules_of_engagement() -> Result<Rules, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::rules(&db, &viewer).await?)
}

/// Changes the published rules, the approval SLA and the default
/// protection.
///
/// Who may call: the program admin. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation` (per field), `Internal`.
#[server(endpoint = "update_rules")]
pub async fn update_rules(
    text: String,
    sla_hours: String,
    default_protection_days: String,
) -> Result<(), AppError> {
    use crate::auth::server as auth;

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let rules = super::program::validate_rules(&text, &sla_hours, &default_protection_days)?;
    let ip = auth::RequestInfo::current().ip;
    super::server::update_rules(&db, &viewer, &rules, ip.as_deref()).await
}

/// Approves every listed registration that is clean: submitted, with no
/// conflict flag. Others are left for a decision one by one. Answers how
/// many were approved.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "approve_clean_deals")]
pub async fn approve_clean_deals(ids: String) -> Result<usize, AppError> {
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let ip = auth::RequestInfo::current().ip;
    let ids: Vec<&str> = ids
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    super::server::approve_clean(&db, &viewer, &ids, ip.as_deref()).await
}
