//! Wire types of organisation profiles: nothing secret.

use serde::{Deserialize, Serialize};

use super::{PartnerStatus, PartnerType, Region, Role};

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
    pub description: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub brand_colour: Option<String>,
    /// Changes whenever the logo does (part of its URL); `None`: no logo.
    pub logo_version: Option<String>,
    pub people: Vec<PersonSummary>,
    /// Whether the caller may invite people here (decided by the policy).
    pub can_manage_people: bool,
    /// Whether the caller may edit the profile (decided by the policy).
    pub can_edit: bool,
}
