//! Server functions for onboarding: each finds out who calls, checks the
//! access policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{AgreementView, Checklist, OnboardingOverview, SignatureView, TrackView};
use crate::error::AppError;

/// A partner's onboarding checklist.
///
/// Who may call: partner people for their own organisation (another
/// partner's answers `NotFound`), vendor staff for any. Errors:
/// `Unauthenticated`, `NotFound`, `Internal`.
#[server(endpoint = "onboarding_checklist")]
pub async fn get_checklist(organisation_id: String) -> Result<Checklist, AppError> {
    use crate::auth::policy::{authorize, Permission};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    authorize(&viewer, Permission::ViewOrganisation, &organisation_id)?;
    super::server::checklist(&db, &viewer, &organisation_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Every onboarding partner's progress, who is stuck, and time to first
/// deal across the program.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "onboarding_overview")]
pub async fn get_overview() -> Result<OnboardingOverview, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    Ok(super::server::overview(&db).await?)
}

/// Marks a step done for a partner that need not do it.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (an unknown or
/// already skipped step), `Internal`.
#[server(endpoint = "skip_onboarding_step")]
pub async fn skip_onboarding_step(organisation_id: String, step: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_recruiting(&viewer)?;
    let step = super::Step::parse(step.trim())
        .ok_or_else(|| AppError::field("step", t!("Choose a value from the list.")))?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::skip(&db, &viewer, &organisation_id, step, ip.as_deref()).await?;
    leptos_axum::redirect("/onboarding");
    Ok(())
}

/// The agreement in force for the caller's organisation, and its
/// signature.
///
/// Who may call: partner people. Errors: `Unauthenticated`, `Forbidden`
/// (vendor staff), `NotFound` (no agreement for this partner type),
/// `Internal`.
#[server(endpoint = "current_agreement")]
pub async fn current_agreement() -> Result<AgreementView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_deal_registration(&viewer)?;
    super::server::current(&db, &viewer)
        .await?
        .ok_or(AppError::NotFound)
}

/// Signs the agreement in force for the caller's organisation: the typed
/// full name and title, with the time, address, browser and the SHA-256
/// of the text.
///
/// Who may call: partner admins. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation` (name, title, consent; not the version in force; already
/// signed), `Internal`.
#[server(endpoint = "sign_agreement")]
pub async fn sign_agreement(
    agreement_id: String,
    full_name: String,
    title: String,
    #[server(default)] consent: Option<String>,
) -> Result<(), AppError> {
    use crate::organisations::Role;

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    if viewer.role != Role::PartnerAdmin {
        return Err(AppError::Forbidden);
    }
    let (full_name, title) = (full_name.trim(), title.trim());
    let mut errors = Vec::new();
    if full_name.is_empty() || full_name.chars().count() > 120 {
        errors.push((
            "full_name",
            t!("Type your full name (up to 120 characters)."),
        ));
    }
    if title.is_empty() || title.chars().count() > 120 {
        errors.push(("title", t!("Type your job title (up to 120 characters).")));
    }
    if consent.is_none() {
        errors.push(("consent", t!("Tick the box to agree.")));
    }
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let info = crate::auth::server::RequestInfo::current();
    let id = super::server::sign(&db, &viewer, &agreement_id, full_name, title, &info).await?;
    leptos_axum::redirect(&format!("/agreement/signed/{id}"));
    Ok(())
}

/// A signed copy: the text, who signed, when, from where, and its hash.
///
/// Who may call: partner people for their own organisation's, vendor
/// staff for any. Errors: `Unauthenticated`, `NotFound`, `Internal`.
#[server(endpoint = "signed_agreement")]
pub async fn signed_agreement(id: String) -> Result<SignatureView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::signature(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The welcome kit of the caller's partner type (Markdown); reading it
/// ticks the checklist's step.
///
/// Who may call: any signed-in person (vendor staff read it, nothing is
/// recorded). Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "welcome_kit")]
pub async fn welcome_kit() -> Result<String, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::welcome(&db, &viewer).await?)
}

/// Every partner type's track: welcome kit, steps, the agreement in force
/// and how many live partners signed it.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "program_tracks")]
pub async fn get_tracks() -> Result<Vec<TrackView>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    Ok(super::server::tracks(&db).await?)
}

/// Saves a partner type's welcome kit (Markdown) and onboarding steps
/// (a checkbox group; kept in the checklist's order).
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (type, kit, steps), `Internal`.
#[server(endpoint = "save_track")]
pub async fn save_track(
    partner_type: String,
    welcome: String,
    #[server(default)] steps: Vec<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let partner_type = parse_type(&partner_type)?;
    let welcome = welcome.trim();
    if welcome.chars().count() > super::MAX_TEXT {
        return Err(AppError::field(
            "welcome",
            t!("Keep the welcome kit under 50,000 characters."),
        ));
    }
    let steps = super::chosen_steps(&steps)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::save_track(&db, &viewer, partner_type, welcome, &steps, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/program/tracks?type={}", partner_type.code()));
    Ok(())
}

/// Publishes a new version of a partner type's agreement: every live
/// partner of the type signs it again within `grace_days` (0-365), or its
/// deal registration waits. Published versions are never changed.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (per field), `Conflict` (published at the
/// same moment), `Internal`.
#[server(endpoint = "publish_agreement")]
pub async fn publish_agreement(
    partner_type: String,
    title: String,
    body: String,
    grace_days: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let partner_type = parse_type(&partner_type)?;
    let (title, body, grace) = super::agreement_input(&title, &body, &grace_days)?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::publish_agreement(
        &db,
        &viewer,
        partner_type,
        &title,
        &body,
        grace,
        ip.as_deref(),
    )
    .await?;
    leptos_axum::redirect(&format!("/program/tracks?type={}", partner_type.code()));
    Ok(())
}

#[cfg(feature = "ssr")]
fn parse_type(code: &str) -> Result<crate::organisations::PartnerType, AppError> {
    crate::organisations::PartnerType::parse(code.trim())
        .ok_or_else(|| AppError::field("partner_type", t!("Choose a value from the list.")))
}
