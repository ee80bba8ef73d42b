//! Server functions for organisation profiles: each finds out who calls,
//! checks the access policy, parses the input and makes one call into
//! `server/`.

use super::OrganisationDetails;
use crate::error::AppError;
use leptos::prelude::*;

/// One organisation's profile and people.
///
/// Who may call: vendor staff for any organisation; partner people for their
/// own only (another partner's id answers `NotFound`, as does an unknown id).
/// Errors: `Unauthenticated`, `NotFound`, `Internal`.
#[server(endpoint = "organisation_profile")]
pub async fn organisation_profile(id: String) -> Result<OrganisationDetails, AppError> {
    use crate::auth::{
        policy::{authorize, Permission},
        server::require_viewer,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::ViewOrganisation, &id)?;
    super::server::profile(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Updates an organisation's website, description, contact person and
/// brand colour.
///
/// Who may call: the partner admin of that organisation; the program admin
/// for any. Errors: `Unauthenticated`, `NotFound` (another partner's),
/// `Forbidden`, `Validation` (field by field; nothing is saved), `Internal`.
#[server(endpoint = "update_organisation")]
pub async fn update_organisation(
    id: String,
    website: String,
    description: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    brand_colour: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::{
        policy::{authorize, Permission},
        server::{require_viewer, RequestInfo},
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::EditOrganisation, &id)?;
    let profile = super::profile::validate_profile(
        &website,
        &description,
        &contact_name,
        &contact_email,
        &contact_phone,
        brand_colour.as_deref().unwrap_or_default(),
    )?;
    let ip = RequestInfo::current().ip;
    super::server::update_profile(&db, &viewer, &id, &profile, ip.as_deref()).await
}

/// Moves a partner to at risk, offboards it (its people lose access at
/// once; its open registrations are released, or transferred to another
/// live partner), or reinstates it as active. A reason is required.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation` (status, reason, the partner to
/// transfer to), `Internal`.
#[server(endpoint = "change_partner_status")]
pub async fn change_partner_status(
    id: String,
    status: String,
    reason: String,
    #[server(default)] registrations: String,
    #[server(default)] transfer_to: String,
) -> Result<(), AppError> {
    use super::PartnerStatus;
    use crate::deals::server::OpenDeals;

    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let status = PartnerStatus::parse(status.trim())
        .filter(|s| {
            matches!(
                s,
                PartnerStatus::AtRisk | PartnerStatus::Offboarded | PartnerStatus::Active
            )
        })
        .ok_or_else(|| AppError::field("status", t!("Choose a value from the list.")))?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::field(
            "reason",
            t!("Give a reason (up to 1,000 characters)."),
        ));
    }
    let open = match registrations.trim() {
        "" | "release" => OpenDeals::Release,
        "transfer" if !transfer_to.trim().is_empty() => OpenDeals::Transfer {
            to: transfer_to.trim(),
        },
        "transfer" => {
            return Err(AppError::field(
                "transfer_to",
                t!("Choose a live partner to take the registrations."),
            ))
        }
        _ => {
            return Err(AppError::field(
                "registrations",
                t!("Choose a value from the list."),
            ))
        }
    };
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::change_status(&db, &viewer, &id, status, reason, open, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/organisations/{id}"));
    Ok(())
}

/// The live partners (onboarding, active, at risk), by name: where an
/// offboarded partner's registrations may go.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "live_partners")]
pub async fn live_partners() -> Result<Vec<(String, String)>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    Ok(super::server::live_partners(&db).await?)
}
