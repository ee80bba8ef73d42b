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

/// Updates an organisation's website, description and contact person.
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
    )?;
    let ip = RequestInfo::current().ip;
    super::server::update_profile(&db, &viewer, &id, &profile, ip.as_deref()).await
}
