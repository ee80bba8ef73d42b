//! Server functions for incentives: each finds out who calls, checks the
//! access policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{EarningsView, ProgramInput};
use crate::error::AppError;

/// The programs, the caller's earnings statement and what the next tier
/// would pay.
///
/// Who may call: anyone signed in; partner people see their own
/// organisation's earnings only. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "earnings_view")]
pub async fn earnings_statement() -> Result<EarningsView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::view(&db, &viewer, crate::auth::server::now()).await
}

/// Adds an incentive program and computes what won deals earn under it.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (per field), `Internal`.
#[server(endpoint = "earnings_program")]
pub async fn create_incentive(program: ProgramInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let draft = program.validate()?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::create_program(
        &db,
        &viewer,
        &draft,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}

/// Approves every accrued earning for payment.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "earnings_approve")]
pub async fn approve_earnings() -> Result<i64, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_review(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let now = crate::auth::server::now();
    super::server::approve_all(&db, &viewer, now + 1, now, ip.as_deref()).await
}

/// Marks every approved earning paid, with the ERP's `reference`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `Internal`.
#[server(endpoint = "earnings_pay")]
pub async fn pay_earnings(reference: String) -> Result<i64, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::pay_all(
        &db,
        &viewer,
        &reference,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Questions a line of the caller's own earnings statement.
///
/// Who may call: partner people, on their own organisation's lines
/// (another's answers `NotFound`). Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation`, `Internal`.
#[server(endpoint = "earnings_question")]
pub async fn question_earning(id: String, question: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_deal_registration(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::question(&db, &viewer, &id, &question, ip.as_deref()).await
}

/// Answers the question on an earning.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound` (no question on it),
/// `Validation`, `Internal`.
#[server(endpoint = "earnings_answer")]
pub async fn answer_earning(id: String, answer: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_fund_review(&viewer)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::answer(&db, &viewer, &id, &answer, ip.as_deref()).await
}
