//! Organisation profiles: wire types and server functions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{PartnerStatus, PartnerType, Region, Role};
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub title: Option<String>,
    pub status: String,
}

/// An organisation as its own people (and the vendor's staff) see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationDetails {
    pub id: String,
    pub name: String,
    pub is_vendor: bool,
    pub partner_type: Option<PartnerType>,
    pub region: Option<Region>,
    pub country: Option<String>,
    pub status: Option<PartnerStatus>,
    pub tier: Option<String>,
    pub website: Option<String>,
    pub channel_manager: Option<String>,
    pub people: Vec<PersonSummary>,
    /// Whether the caller may invite people here (decided by the policy).
    pub can_manage_people: bool,
}

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
    let mut details = super::server::profile(&db, &id, viewer.tenant_scope())
        .await?
        .ok_or(AppError::NotFound)?;
    details.can_manage_people = authorize(&viewer, Permission::ManagePeople, &id).is_ok();
    Ok(details)
}
