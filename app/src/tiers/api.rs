//! Server functions for tiers: each finds out who calls, checks the access
//! policy, parses the input and makes one call into `server/`.

use leptos::prelude::*;

use super::{TierInput, TierSettings, TierStatus};
use crate::error::AppError;

/// A partner's tier, its progress to the next and its history.
///
/// Who may call: partner people for their own organisation (another
/// partner's answers `NotFound`), vendor staff for any. Errors:
/// `Unauthenticated`, `NotFound` (also the vendor itself), `Internal`.
#[server(endpoint = "tier_status")]
pub async fn get_tier_status(organisation_id: String) -> Result<TierStatus, AppError> {
    use crate::auth::policy::{authorize, Permission};

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    authorize(&viewer, Permission::ViewOrganisation, &organisation_id)?;
    super::server::status(&db, &viewer, &organisation_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The tier rules, the policy and the changes waiting for approval.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "tier_settings")]
pub async fn get_tier_settings() -> Result<TierSettings, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    Ok(super::server::settings(&db).await?)
}

/// Saves a tier's thresholds and other benefits, then places every
/// partner by them.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation` (per field), `Internal`.
#[server(endpoint = "update_tier")]
pub async fn update_tier(id: String, tier: TierInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let edit = tier.validate()?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::update_tier(&db, &viewer, &id, &edit, ip.as_deref()).await?;
    super::server::recompute(&db, None).await?;
    leptos_axum::redirect("/program/tiers");
    Ok(())
}

/// Saves the grace period before a downgrade (0-365 days) and whether
/// each change waits for approval, then places every partner.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `Internal`.
#[server(endpoint = "update_tier_policy")]
pub async fn update_tier_policy(
    grace_days: String,
    #[server(default)] needs_approval: Option<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let days = grace_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (0..=365).contains(d))
        .ok_or_else(|| {
            AppError::field("grace_days", t!("Enter a number of days from 0 to 365."))
        })?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::update_policy(&db, &viewer, days, needs_approval.is_some(), ip.as_deref())
        .await?;
    super::server::recompute(&db, None).await?;
    leptos_axum::redirect("/program/tiers");
    Ok(())
}

/// Approves or declines the tier change waiting for a partner.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation` (nothing waiting, an unknown decision),
/// `Internal`.
#[server(endpoint = "decide_tier_change")]
pub async fn decide_tier_change(organisation_id: String, decision: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let approve = match decision.as_str() {
        "approve" => true,
        "decline" => false,
        _ => {
            return Err(AppError::field(
                "decision",
                t!("Choose a value from the list."),
            ))
        }
    };
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::decide_proposal(&db, &viewer, &organisation_id, approve, ip.as_deref()).await?;
    leptos_axum::redirect("/program/tiers");
    Ok(())
}
