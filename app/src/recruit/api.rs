//! Server functions for recruiting: each finds out who calls, checks the
//! access policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{ApplicationDetail, ApplicationInput, Lookalike, ProspectInput, ReviewQueue};
use crate::error::AppError;

/// The path the public form lands on after a submission.
pub const APPLIED_PATH: &str = "/apply/thanks";

/// A company applies to the program. The form's fields are named
/// `application[company]` and so on; `homepage` is a trap for bots (hidden
/// from people): when it is filled, nothing is stored and the answer looks
/// the same.
///
/// Who may call: anyone, signed in or not (at most five an hour from one
/// address). Errors: `Validation` (per field; also a partner or an open
/// application with the same company or website, an email that already has
/// an account), `RateLimited`, `Internal`.
#[server(endpoint = "submit_application")]
pub async fn submit_application(
    application: ApplicationInput,
    #[server(default)] homepage: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    if homepage.trim().is_empty() {
        let valid = application.validate()?;
        let ip = crate::auth::server::RequestInfo::current().ip;
        super::server::submit(&db, &valid, ip.as_deref()).await?;
    }
    leptos_axum::redirect(APPLIED_PATH);
    Ok(())
}

/// Open applications (or those in `status`), filtered by partner type and
/// region, best fit first (`order` "oldest": longest waiting first).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation` (an unknown filter),
/// `Internal`.
#[server(endpoint = "application_queue")]
pub async fn application_queue(
    status: String,
    partner_type: String,
    region: String,
    order: String,
) -> Result<ReviewQueue, AppError> {
    use super::server::{QueueFilter, QueueOrder};
    use crate::organisations::{PartnerType, Region, Role};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    let filter = |text: &str, field: &str| -> Result<(), AppError> {
        if text.trim().is_empty() {
            Ok(())
        } else {
            Err(AppError::field(field, t!("Choose a value from the list.")))
        }
    };
    let status_code = super::ApplicationStatus::parse(status.trim());
    if status_code.is_none() {
        filter(&status, "status")?;
    }
    let type_code = PartnerType::parse(partner_type.trim());
    if type_code.is_none() {
        filter(&partner_type, "partner_type")?;
    }
    let region_code = Region::parse(region.trim());
    if region_code.is_none() {
        filter(&region, "region")?;
    }
    let order = match order.trim() {
        "oldest" => QueueOrder::Oldest,
        "" | "score" => QueueOrder::Score,
        _ => {
            return Err(AppError::field(
                "order",
                t!("Choose a value from the list."),
            ))
        }
    };
    let filter = QueueFilter {
        status: status_code,
        partner_type: type_code,
        region: region_code,
        order,
    };
    Ok(super::server::queue(&db, filter, viewer.role == Role::ProgramAdmin).await?)
}

/// One application with its fit score explained.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "application_detail")]
pub async fn get_application(id: String) -> Result<ApplicationDetail, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    super::server::detail(&db, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Approves (creates the partner and invites its contact as partner
/// admin), rejects (a reason, emailed) or asks for more (a question,
/// emailed).
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (no note,
/// already decided, a name or email taken since), `Internal`.
#[server(endpoint = "decide_application")]
pub async fn decide_application(
    id: String,
    decision: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use super::{decision_note, ApplicationDecision};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    let decision = ApplicationDecision::parse(decision.trim())
        .ok_or_else(|| AppError::field("decision", t!("Choose a value from the list.")))?;
    let note = decision_note(decision, &note)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let created = super::server::decide(&db, &viewer, &id, decision, note, ip.as_deref()).await?;
    match created {
        Some(organisation) => leptos_axum::redirect(&format!("/organisations/{organisation}")),
        None => leptos_axum::redirect(&format!("/applications/{id}")),
    }
    Ok(())
}

/// "Recruit next": applicants most like the best performers.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "recruit_lookalikes")]
pub async fn recruit_lookalikes() -> Result<Vec<Lookalike>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    Ok(super::server::lookalikes(&db).await?)
}

/// Notes a prospect, a company the program would like as a partner that
/// has not applied; "recruit next" ranks it with the applicants. The
/// form's fields are named `prospect[company]` and so on.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation` (per field; also a company
/// that is a partner, has applied or is on the list already), `Internal`.
#[server(endpoint = "add_prospect")]
pub async fn add_prospect(prospect: ProspectInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    let valid = prospect.validate()?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::add_prospect(&db, &viewer, &valid, ip.as_deref()).await?;
    leptos_axum::redirect("/applications#recruit-next");
    Ok(())
}

/// Sets how much each factor of the fit score counts (0-100 each) and
/// rescores the open applications.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (a weight outside 0-100), `Internal`.
#[server(endpoint = "update_fit_weights")]
pub async fn update_fit_weights(weights: Vec<i64>) -> Result<(), AppError> {
    use super::{Factor, Weights};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let values: [i64; 6] = weights
        .try_into()
        .map_err(|_| AppError::field("weights", t!("Give a weight for every factor.")))?;
    if let Some(i) = values.iter().position(|w| !(0..=100).contains(w)) {
        let field = format!("weights_{}", Factor::ALL[i].code());
        return Err(AppError::field(&field, t!("Enter a weight from 0 to 100.")));
    }
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::update_weights(&db, &viewer, &Weights(values), ip.as_deref()).await?;
    leptos_axum::redirect("/applications");
    Ok(())
}
